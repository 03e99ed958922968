// Encoding detection that also reports what it learnt about the bytes, so
// the reader need not check them again.
#pragma once

#include <string_view>

#include "vnlegal/encoding.h"

namespace vnlegal::internal {

// detect_encoding(bytes); `whole_valid_utf8` is set when the detection found
// all of `bytes` valid UTF-8 without a byte order mark (false when it did
// not look, or when they are not).
Detection detect_encoding(std::string_view bytes, bool& whole_valid_utf8);

}  // namespace vnlegal::internal
