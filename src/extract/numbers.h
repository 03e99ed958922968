// Vietnamese number notation: decimal comma and dot thousands ("1.234,5"),
// leading zeros ("01"), and the small numbers written in words.
#pragma once

#include <optional>
#include <string_view>

namespace vnlegal::internal {

// Parses digits with '.' and ',' separators as Vietnamese text writes them
// (TCVN 6909 style: ',' is the decimal mark, '.' groups thousands). A dot
// followed by groups that are not all three digits long is read as a decimal
// point, as some web copies do ("3.5"). Returns nullopt for anything else.
inline std::optional<double> parse_vn_number(std::string_view s) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  bool has_comma = s.find(',') != std::string_view::npos;
  bool dots_are_thousands = true;
  if (!has_comma) {
    // Every group after a dot must have exactly three digits.
    size_t pos = s.find('.');
    if (pos != std::string_view::npos) {
      while (pos != std::string_view::npos) {
        size_t next = s.find('.', pos + 1);
        size_t len =
            (next == std::string_view::npos ? s.size() : next) - pos - 1;
        if (len != 3) dots_are_thousands = false;
        pos = next;
      }
      // Two or more dots with non-three groups is a list number ("1.2.3").
      if (!dots_are_thousands && s.find('.') != s.rfind('.'))
        return std::nullopt;
    }
  }
  // The digits are read as one integer and divided once by the power of ten
  // of the decimals: adding 7 x 0.1 would give 1.7000000000000002 for "1,7".
  double digits = 0, scale = 1;
  bool in_frac = false;
  int commas = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits = digits * 10 + (c - '0');
      if (in_frac) scale *= 10;
    } else if (c == ',') {
      if (++commas > 1) return std::nullopt;
      in_frac = true;
    } else if (c == '.') {
      if (has_comma && in_frac) return std::nullopt;
      if (!has_comma && !dots_are_thousands) in_frac = true;
    } else {
      return std::nullopt;
    }
  }
  return digits / scale;
}

// Cardinal numbers written as words. "năm" (five / year) is left out on
// purpose: in these documents it nearly always means "year".
inline std::optional<double> number_word(std::string_view lower) {
  struct Word {
    std::string_view text;
    double value;
  };
  static constexpr Word kWords[] = {
      {"một", 1}, {"hai", 2}, {"ba", 3},   {"bốn", 4},   {"sáu", 6},
      {"bảy", 7}, {"tám", 8}, {"chín", 9}, {"mười", 10},
  };
  for (const Word& w : kWords)
    if (w.text == lower) return w.value;
  return std::nullopt;
}

}  // namespace vnlegal::internal
