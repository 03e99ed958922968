// Normalization of Vietnamese text: NFC, invisible characters, Đ look-alikes,
// whitespace, markup residue, wrapped lines; every edit kept in an OffsetMap.
#pragma once

#include <string>
#include <string_view>

#include "vnlegal/diagnostics.h"
#include "vnlegal/offset_map.h"
#include "vnlegal/options.h"

namespace vnlegal {

struct Normalized {
  std::string text;  // UTF-8, NFC
  OffsetMap map;     // text offsets -> input offsets
  Diagnostics diagnostics;
};

// Normalizes UTF-8 text (invalid bytes become U+FFFD with a diagnostic).
Normalized normalize(std::string_view utf8,
                     const NormalizeOptions& options = {});

}  // namespace vnlegal
