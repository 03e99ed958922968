// Diagnostics: problems found in the input. Input never makes parsing fail;
// it yields diagnostics instead. Exceptions (vnlegal::Error) are kept for
// misuse and environment failures such as an unreadable file.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "vnlegal/span.h"

namespace vnlegal {

enum class Severity { kInfo, kWarning, kError };

const char* to_string(Severity severity);

struct Diagnostic {
  std::string code;  // stable, kebab-case, e.g. "invalid-utf8"
  Severity severity = Severity::kWarning;
  std::string message;  // for people, in English
  Span span;            // into the normalized text (empty when not located)
};

using Diagnostics = std::vector<Diagnostic>;

// The one exception type: misuse (bad options) or environment (I/O).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vnlegal
