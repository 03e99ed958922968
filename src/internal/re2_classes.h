// Character classes as RE2 reads them, for hand-written equivalents of
// anchored patterns that run once per line (the line joiner's and the
// segmenter's marker tests; their tests keep the RE2 patterns as the
// reference).
#pragma once

#include <cstddef>
#include <string_view>

namespace vnlegal::internal::re2_class {

// \s: [\t\n\f\r ] (RE2 leaves out \v).
inline bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
// \d: [0-9].
inline bool digit(char c) { return c >= '0' && c <= '9'; }

// The first index >= i of `s` that is not a digit (\d* from i).
inline size_t after_digits(std::string_view s, size_t i) {
  while (i < s.size() && digit(s[i])) ++i;
  return i;
}
// The first index >= i of `s` that is not a space (\s* from i).
inline size_t after_spaces(std::string_view s, size_t i) {
  while (i < s.size() && space(s[i])) ++i;
  return i;
}

}  // namespace vnlegal::internal::re2_class
