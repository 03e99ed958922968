// Normalization of Vietnamese text: NFC, invisible characters, Đ look-alikes,
// whitespace, markup residue, wrapped lines; every edit kept in an OffsetMap.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnlegal/diagnostics.h"
#include "vnlegal/offset_map.h"
#include "vnlegal/options.h"
#include "vnlegal/span.h"

namespace vnlegal {

struct Normalized {
  std::string text;  // UTF-8, NFC
  OffsetMap map;     // text offsets -> input offsets
  // Spans that the source emphasised (bold or italic markup): run-in
  // headings are often only told apart by their emphasis.
  std::vector<Span> emphasis;
  Diagnostics diagnostics;
};

// Normalizes UTF-8 text (invalid bytes become U+FFFD with a diagnostic).
Normalized normalize(std::string_view utf8,
                     const NormalizeOptions& options = {});

}  // namespace vnlegal
