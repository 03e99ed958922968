#include "internal/utf8.h"

#include <simdjson.h>

namespace vnlegal::internal {

// simdjson picks the widest implementation the processor has at run time
// (AVX-512, AVX2, SSE4.2, or a portable fallback); its rules are those of
// the Unicode standard, the same as decode_utf8's.
bool is_valid_utf8(std::string_view s) {
  return simdjson::validate_utf8(s.data(), s.size());
}

}  // namespace vnlegal::internal
