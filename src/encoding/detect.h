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

// The letters and marks the fast UTF-8 path of detection counts.
struct Utf8MarkCounts {
  size_t viet = 0;           // ă đ ơ ư and U+1EA0-U+1EF9, either case
  size_t combining = 0;      // U+0300-U+0323
  size_t suspect = 0;        // Latin-1 letters Vietnamese never uses
  bool vowel_marks = false;  // combining circumflex, breve or horn
};
// Counts them in valid UTF-8 (other bytes give some counts, but nothing is
// read outside `utf8`).
Utf8MarkCounts count_utf8_marks(std::string_view utf8);

}  // namespace vnlegal::internal
