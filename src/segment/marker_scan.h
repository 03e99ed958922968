// Hand-written forms of the segmenter's most frequent line-start patterns.
// A line of a document body is tried against one of them on every line;
// an anchored regex match with a capture costs more than the rest of the
// line's handling. Each function consumes what RE2::Consume would with the
// pattern in its comment (the unit test checks they agree), returns the
// number of bytes consumed (0: no match; none of the patterns matches the
// empty string) and sets `num` to the captured group.
#pragma once

#include <string>
#include <string_view>

#include "internal/re2_classes.h"

namespace vnlegal::segment_internal {

// (\d+[a-z]?)\s*[.)]\s*
inline size_t match_number_marker(std::string_view s, std::string& num) {
  using namespace internal::re2_class;
  size_t i = after_digits(s, 0);
  if (i == 0) return 0;
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  const size_t num_end = i;
  i = after_spaces(s, i);
  if (i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
  num.assign(s.substr(0, num_end));
  return after_spaces(s, i + 1);
}

// ([a-zđ]\d?)\s*[).]\s+
inline size_t match_point_marker(std::string_view s, std::string& num) {
  using namespace internal::re2_class;
  size_t i = 0;
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    i = 1;
  else if (s.substr(0, 2) == "đ")
    i = 2;
  else
    return 0;
  if (i < s.size() && digit(s[i])) ++i;
  const size_t num_end = i;
  i = after_spaces(s, i);
  if (i >= s.size() || (s[i] != ')' && s[i] != '.')) return 0;
  const size_t after = after_spaces(s, i + 1);
  if (after == i + 1) return 0;  // \s+ needs one
  num.assign(s.substr(0, num_end));
  return after;
}

// [-–—•+]\s*
inline size_t match_indent_marker(std::string_view s) {
  using namespace internal::re2_class;
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+'))
    i = 1;
  else if (s.substr(0, 3) == "–" || s.substr(0, 3) == "—" ||
           s.substr(0, 3) == "•")
    i = 3;
  else
    return 0;
  return after_spaces(s, i);
}

// (\d+\.\d+(?:\.\d+)?)(?:\.?\s+|\.$)
// A number alone on its line ("1.4.", its text on the next line) keeps its
// final stop; without it ("1.4") it is a figure.
inline size_t match_subitem_marker(std::string_view s, std::string& num) {
  using namespace internal::re2_class;
  size_t i = after_digits(s, 0);
  if (i == 0 || i + 1 >= s.size() || s[i] != '.' || !digit(s[i + 1])) return 0;
  i = after_digits(s, i + 1);
  // The optional third group; without it the rest cannot match either (a
  // '.' then a digit is neither "\.?\s+" nor its start).
  if (i + 1 < s.size() && s[i] == '.' && digit(s[i + 1]))
    i = after_digits(s, i + 1);
  const size_t num_end = i;
  if (i < s.size() && s[i] == '.') ++i;
  const size_t after = after_spaces(s, i);
  if (after == i && !(i == s.size() && i > num_end)) return 0;
  num.assign(s.substr(0, num_end));
  return after;
}

// (?:Điều|ĐIỀU)\s+(\d+[a-zđ]?)\s*[.:]\s*
inline size_t match_article_marker(std::string_view s, std::string& num) {
  using namespace internal::re2_class;
  if (s.substr(0, 7) != "Điều" && s.substr(0, 7) != "ĐIỀU") return 0;
  const size_t digits = after_spaces(s, 7);
  if (digits == 7) return 0;  // \s+ needs one
  size_t i = after_digits(s, digits);
  if (i == digits) return 0;
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z')
    ++i;
  else if (s.substr(i, 2) == "đ")
    i += 2;
  const size_t num_end = i;
  i = after_spaces(s, i);
  if (i >= s.size() || (s[i] != '.' && s[i] != ':')) return 0;
  num.assign(s.substr(digits, num_end - digits));
  return after_spaces(s, i + 1);
}

// ([IVXL]+)\s*[.)]\s*
inline size_t match_roman_marker(std::string_view s, std::string& num) {
  using namespace internal::re2_class;
  size_t i = 0;
  while (i < s.size() &&
         (s[i] == 'I' || s[i] == 'V' || s[i] == 'X' || s[i] == 'L'))
    ++i;
  if (i == 0) return 0;
  const size_t num_end = i;
  i = after_spaces(s, i);
  if (i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
  num.assign(s.substr(0, num_end));
  return after_spaces(s, i + 1);
}

}  // namespace vnlegal::segment_internal
