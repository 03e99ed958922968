// Hand-written forms of the zone patterns the segmenter tries on every line
// of the header and the preamble: the enacting formula, the start of the
// body's structure, a recital, an issuing body. Each pattern is fixed words
// at the start or the end of a line and needs no regex engine; RE2 even runs
// the formula's bounded repeat "[^.]{0,200}" in its slow engine (the fast
// one runs out of states), tens of microseconds on some lines. The patterns
// are kept here as the reference the unit test checks the functions with.
#pragma once

#include <unicode/uchar.h>

#include <string>
#include <string_view>

#include "internal/re2_classes.h"
#include "internal/utf8.h"

namespace vnlegal::segment_internal {

inline constexpr const char* kFormulaPattern =
    R"re(^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH\s*:|QUYẾT ĐỊNH\s*$|NGHỊ QUYẾT\s*:|CHỈ THỊ\s*:|RA LỆNH|)re"
    R"re((?:Chính phủ|Quốc hội|Bộ trưởng|Thủ tướng|Ủy ban|Uỷ ban|Hội đồng|Chủ tịch)[^.]{0,200}ban hành\b.*[.:]?$|)re"
    // The last recital and the formula on one line: "Theo đề nghị của Cục
    // trưởng Cục Thú y, Bộ trưởng Bộ ... ban hành Thông tư ...".
    R"re(Theo đề nghị[^.]*,\s*(?:Chính phủ|Quốc hội|Bộ trưởng|Thủ tướng|Ủy ban|Uỷ ban|Hội đồng|Chủ tịch)[^.]{0,200}ban hành\b.*[.:]?$|)re"
    // Flattened copies glue the formula to the last recital: "...; Theo
    // đề nghị của Vụ trưởng ..., QUYẾT ĐỊNH:".
    R"re(.*[,;.]\s*(?:QUYẾT NGHỊ|QUYẾT ĐỊNH)\s*:\s*$|)re"
    // A text that lost its capitals: "Nghị Định:", "quyết định:" alone.
    R"re((?:.*[,;.]\s*)?(?i:nghị định|quyết định|quyết nghị|nghị quyết|chỉ thị)\s*:\s*$))re";

// A word ends where no letter, digit or '_' follows: RE2's \b knows ASCII
// words only and never holds after "thứ" or "sở".
inline constexpr const char* kStructureStartPattern =
    R"re(^(?:(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]|(?:Chương|CHƯƠNG|Phần|PHẦN)\s+(?:[IVXLC]+|\d+|thứ|THỨ)(?:$|[^\pL\pN_])|)re"
    R"re([IVXLC]+\s*[.)]\s|[IVXLC]+/ +\p{Lu}|1\s*[.)]\s|1(?: ?-|/) +\p{Lu}))re";
inline constexpr const char* kRecitalPattern =
    R"re(^(?:Xét|XÉT|Theo đề nghị|Sau khi|Trên cơ sở|Thực hiện|Theo)(?:$|[^\pL\pN_]))re";
inline constexpr const char* kOrganPattern =
    R"re(^(?:HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHÍNH PHỦ|QUỐC HỘI|)re"
    R"re(ỦY BAN THƯỜNG VỤ QUỐC HỘI|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|HỘI ĐỒNG THẨM PHÁN|)re"
    R"re(TỔNG KIỂM TOÁN|CHÁNH ÁN|VIỆN TRƯỞNG|THỐNG ĐỐC))re";

namespace line_scan {

// Byte by byte: most tests fail on the first byte (no call to memcmp).
inline bool starts_with(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (s[i] != p[i]) return false;
  return true;
}
inline std::string_view strip_right(std::string_view s) {
  while (!s.empty() && internal::re2_class::space(s.back())) s.remove_suffix(1);
  return s;
}
// \s* ':' from the start of s.
inline bool spaces_then_colon(std::string_view s) {
  const size_t i = internal::re2_class::after_spaces(s, 0);
  return i < s.size() && s[i] == ':';
}
// The code point at the start of s, case-folded the way RE2's (?i) folds
// the letters of the type names (ASCII, Đ, Ế, Ỉ, Ị: each keeps its byte
// length); `len` gets its length.
inline char32_t folded_char(std::string_view s, size_t& len) {
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) {
    len = 1;
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }
  len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  if (len > s.size()) len = s.size();
  char32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  // The small letters are the odd partners.
  if (cp == 0x110 || cp == 0x1EBE || cp == 0x1EC8 || cp == 0x1ECA) ++cp;
  return cp;
}
// `s` ends with `word` (in small letters) in any case.
inline bool ends_with_folded(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  std::string_view tail = s.substr(s.size() - word.size());
  while (!word.empty()) {
    size_t a = 0, b = 0;
    if (folded_char(tail, a) != folded_char(word, b) || a != b) return false;
    tail.remove_prefix(a);
    word.remove_prefix(b);
  }
  return true;
}
inline bool ascii_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

// "[^.]{0,200}ban hành\b" from the start of `rest`.
inline bool enacts(std::string_view rest) {
  const std::string_view word = "ban hành";
  size_t chars = 0;
  size_t scanned = 0;  // rest[0, scanned) has no '.' and `chars` characters
  for (size_t p = rest.find(word); p != std::string_view::npos;
       p = rest.find(word, p + 1)) {
    for (; scanned < p; ++scanned) {
      if (rest[scanned] == '.') return false;
      if ((static_cast<unsigned char>(rest[scanned]) & 0xC0) != 0x80) ++chars;
    }
    if (chars > 200) return false;
    const size_t after = p + word.size();
    if (after == rest.size() || !ascii_word(rest[after])) return true;
  }
  return false;
}

// RE2's \b (ASCII words) between s[i - 1] and s[i].
inline bool word_boundary(std::string_view s, size_t i) {
  const bool before = i > 0 && ascii_word(s[i - 1]);
  const bool after = i < s.size() && ascii_word(s[i]);
  return before != after;
}
// `s` starts with `word`, then \b.
inline bool starts_with_word(std::string_view s, std::string_view word) {
  return starts_with(s, word) && word_boundary(s, word.size());
}
// (?:$|[^\pL\pN_]) at i: the end, or a character that is no letter,
// number or '_' (an invalid byte is none of them).
inline bool word_ends(std::string_view s, size_t i) {
  if (i >= s.size()) return true;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return !ascii_word(s[i]);
  char32_t cp = 0;
  if (!internal::decode_utf8(s, i, cp)) return true;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return !(type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER ||
           type == U_TITLECASE_LETTER || type == U_MODIFIER_LETTER ||
           type == U_OTHER_LETTER || type == U_DECIMAL_DIGIT_NUMBER ||
           type == U_LETTER_NUMBER || type == U_OTHER_NUMBER);
}
// `s` starts with the whole word `word`.
inline bool starts_with_whole_word(std::string_view s, std::string_view word) {
  return starts_with(s, word) && word_ends(s, word.size());
}
inline bool roman_letter(char c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}
// [IVXLC]+ or \d+ from i: the index after the run (i if none).
inline size_t after_roman(std::string_view s, size_t i) {
  while (i < s.size() && roman_letter(s[i])) ++i;
  return i;
}
// \s* [.)] \s from i.
inline bool marker_end(std::string_view s, size_t i) {
  i = internal::re2_class::after_spaces(s, i);
  return i + 1 < s.size() && (s[i] == '.' || s[i] == ')') &&
         internal::re2_class::space(s[i + 1]);
}

}  // namespace line_scan

// RE2::PartialMatch(line, RE2(kFormulaPattern)) for a line of valid UTF-8
// without '\n' (RE2's '.' and "[^.]" match neither a '\n' nor a byte of
// broken UTF-8; the caller hands such lines to RE2).
inline bool match_formula(std::string_view line) {
  using namespace line_scan;
  // The formulas that start the line.
  if (starts_with(line, "QUYẾT NGHỊ") || starts_with(line, "RA LỆNH"))
    return true;
  for (std::string_view f : {"QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ"}) {
    if (!starts_with(line, f)) continue;
    const std::string_view rest = line.substr(f.size());
    if (spaces_then_colon(rest) ||
        (f == "QUYẾT ĐỊNH" && strip_right(rest).empty()))
      return true;
  }
  // An enacting body, then "ban hành" within 200 characters and no '.'.
  static constexpr std::string_view kBodies[] = {
      "Chính phủ", "Quốc hội", "Bộ trưởng", "Thủ tướng",
      "Ủy ban",    "Uỷ ban",   "Hội đồng",  "Chủ tịch"};
  auto enacting = [&](std::string_view s) {
    for (std::string_view body : kBodies)
      if (starts_with(s, body) && enacts(s.substr(body.size()))) return true;
    return false;
  };
  if (enacting(line)) return true;
  // ... after the last recital: "Theo đề nghị ..., " with no '.' before the
  // comma, then blanks.
  if (starts_with(line, "Theo đề nghị")) {
    for (size_t c = line.find(','); c != std::string_view::npos;
         c = line.find(',', c + 1)) {
      if (line.substr(0, c).find('.') != std::string_view::npos) break;
      const size_t k = internal::re2_class::after_spaces(line, c + 1);
      if (enacting(line.substr(k))) return true;
    }
  }
  // A type name, then ':' at the end; at the start of the line or after
  // ',', ';' or '.'. This covers the capitals' "QUYẾT ĐỊNH:" alternative.
  std::string_view t = strip_right(line);
  if (t.empty() || t.back() != ':') return false;
  t = strip_right(t.substr(0, t.size() - 1));
  for (std::string_view name :
       {"nghị định", "quyết định", "quyết nghị", "nghị quyết", "chỉ thị"}) {
    if (!ends_with_folded(t, name)) continue;
    const std::string_view before = t.substr(0, t.size() - name.size());
    if (before.empty()) return true;
    const std::string_view b = strip_right(before);
    if (!b.empty() && (b.back() == ',' || b.back() == ';' || b.back() == '.'))
      return true;
  }
  return false;
}

// RE2::PartialMatch(line, RE2(kStructureStartPattern)). Every repeat in
// the pattern is followed by what it cannot hold, so the greedy reading
// below is the only one that can match.
// Blanks from `i`, then a capital: where the capital starts (0: none).
inline size_t capital_after_blanks(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  char32_t cp = 0;
  if (i >= s.size() || internal::decode_utf8(s, i, cp) == 0 ||
      !u_isupper(static_cast<UChar32>(cp)))
    return 0;
  return i;
}

// After a list number that ends at `i`: an optional blank, a hyphen, blanks
// and a capital ("1 - Mức ...", "II- Sửa đổi ..."). Returns where the
// capital starts (0: no match).
inline size_t hyphen_then_capital(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == ' ') ++i;
  if (i + 1 >= s.size() || s[i] != '-' || s[i + 1] != ' ') return 0;
  return capital_after_blanks(s, i + 1);
}

// "1- Đối tượng áp dụng:", "2.1- Nội địa hoá: ...", "1 - Mức trợ cấp ...",
// "1/ Đối tượng chịu thuế:", "4.1: Tỷ lệ ...": older documents (and LAWDATA
// copies of them) end a list number with a hyphen or a slash instead of a stop:
// up to three levels of one or two digits, an optional blank and the hyphen (or
// the slash, or a colon after a sub-item's number), blanks and a capital; "2 -
// 3 ngày" or "2021 - 2025" are no list numbers. Returns the bytes consumed up
// to the capital (0: no such number) and sets `num` ("2.1").
inline size_t match_hyphen_number_marker(std::string_view s, std::string& num) {
  size_t i = 0;
  for (int level = 0; level < 3; ++level) {
    const size_t b = i;
    while (i < s.size() && i - b < 3 && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == b || i - b > 2) return 0;
    if (level == 2 || i + 1 >= s.size() || s[i] != '.' || s[i + 1] < '0' ||
        s[i + 1] > '9')
      break;
    ++i;
  }
  const size_t num_end = i;
  // "4.1: Tỷ lệ nội địa hoá ...": a sub-item's number (two levels or more)
  // may end with a colon.
  const bool colon = i + 1 < s.size() && s[i] == ':' && s[i + 1] == ' ' &&
                     s.substr(0, num_end).find('.') != std::string_view::npos;
  const size_t j = (i + 1 < s.size() && s[i] == '/' && s[i + 1] == ' ') || colon
                       ? capital_after_blanks(s, i + 1)  // "1/ Đối tượng ..."
                       : hyphen_then_capital(s, i);
  if (j > 0) num.assign(s.substr(0, num_end));
  return j;
}

// After a list number that ends at i: "/", blanks, then a capital (or, with
// `any_letter`, any letter). Returns where the letter starts (0: no match).
inline size_t slash_then_letter(std::string_view s, size_t i, bool any_letter) {
  if (i == 0 || i + 1 >= s.size() || s[i] != '/' || s[i + 1] != ' ') return 0;
  size_t j = i + 1;
  while (j < s.size() && s[j] == ' ') ++j;
  char32_t cp = 0;
  if (j >= s.size() || internal::decode_utf8(s, j, cp) == 0) return 0;
  const auto c = static_cast<UChar32>(cp);
  return (any_letter ? u_isalpha(c) : u_isupper(c)) ? j : 0;
}

// "I/ Đối tượng chịu thuế, đối tượng nộp thuế:": a Roman number ended by a
// slash, as circulars of the 1990s write their sections; a blank and a
// capital follow. Returns the bytes consumed up to the capital (0: none).
inline size_t match_roman_slash_marker(std::string_view s, std::string& num) {
  size_t i = 0;
  while (i < s.size() && line_scan::roman_letter(s[i])) ++i;
  const size_t j = slash_then_letter(s, i, false);
  if (j > 0) num.assign(s.substr(0, i));
  return j;
}

// "I- Bổ sung mục I ...", "II - Sửa đổi mục II ...": a Roman number ended
// by a hyphen, as the "1- ..." items under it are; blanks and a capital
// follow. Returns the bytes consumed up to the capital (0: none).
inline size_t match_roman_hyphen_marker(std::string_view s, std::string& num) {
  size_t i = 0;
  while (i < s.size() && line_scan::roman_letter(s[i])) ++i;
  if (i == 0) return 0;
  const size_t j = hyphen_then_capital(s, i);
  if (j > 0) num.assign(s.substr(0, i));
  return j;
}

// "Điều 5- Nhiệm vụ, quyền hạn ...": an article number ended by a hyphen
// instead of a stop, as some decrees of the 2000s print a few of their
// headings; a blank and a capital follow. Returns the bytes consumed up to
// the capital (0: none) and sets `num` ("5").
inline size_t match_hyphen_article_marker(std::string_view s,
                                          std::string& num) {
  using internal::re2_class::after_spaces;
  for (std::string_view article : {"Điều", "ĐIỀU"}) {
    if (!line_scan::starts_with(s, article)) continue;
    const size_t digits = after_spaces(s, article.size());
    size_t i = digits;
    while (i < s.size() && i - digits < 3 && s[i] >= '0' && s[i] <= '9') ++i;
    if (digits == article.size() || i == digits) return 0;
    const size_t j = hyphen_then_capital(s, i);
    if (j > 0) num.assign(s.substr(digits, i - digits));
    return j;
  }
  return 0;
}

// "a/ Đối với hàng xuất khẩu ...": a point's letter ended by a slash, then
// a blank and a letter. Returns the bytes consumed up to the letter.
inline size_t match_letter_slash_marker(std::string_view s, std::string& num) {
  const bool ascii = !s.empty() && s[0] >= 'a' && s[0] <= 'z';
  const size_t i = ascii ? 1 : s.substr(0, 2) == "đ" ? 2 : 0;
  const size_t j = slash_then_letter(s, i, true);
  if (j > 0) num.assign(s.substr(0, i));
  return j;
}

inline bool match_structure_start(std::string_view line) {
  using namespace line_scan;
  using internal::re2_class::after_digits;
  using internal::re2_class::after_spaces;
  for (std::string_view article : {"Điều", "ĐIỀU"}) {
    if (!starts_with(line, article)) continue;
    size_t i = after_spaces(line, article.size());
    const size_t digits = i;
    i = after_digits(line, i);
    if (digits == article.size() || i == digits) continue;
    if (i < line.size() && line[i] >= 'a' && line[i] <= 'z')
      ++i;
    else if (starts_with(line.substr(i), "đ"))
      i += 2;
    i = after_spaces(line, i);
    if (i < line.size() && (line[i] == '.' || line[i] == ':')) return true;
  }
  for (std::string_view unit : {"Chương", "CHƯƠNG", "Phần", "PHẦN"}) {
    if (!starts_with(line, unit)) continue;
    const size_t i = after_spaces(line, unit.size());
    if (i == unit.size()) continue;
    const std::string_view rest = line.substr(i);
    size_t end = after_roman(rest, 0);
    if (end == 0) end = after_digits(rest, 0);
    if (end > 0 ? word_ends(rest, end)
                : starts_with_whole_word(rest, "thứ") ||
                      starts_with_whole_word(rest, "THỨ"))
      return true;
  }
  const size_t roman = after_roman(line, 0);
  if (roman > 0 && marker_end(line, roman)) return true;
  std::string num;
  if (roman > 0 && (match_roman_slash_marker(line, num) > 0 ||
                    match_roman_hyphen_marker(line, num) > 0))
    return true;
  if (!starts_with(line, "1")) return false;
  return marker_end(line, 1) ||
         (match_hyphen_number_marker(line, num) > 0 && num == "1");
}

// RE2::PartialMatch(line, RE2(kRecitalPattern)).
inline bool match_recital(std::string_view line) {
  for (std::string_view w : {"Xét", "XÉT", "Theo đề nghị", "Sau khi",
                             "Trên cơ sở", "Thực hiện", "Theo"})
    if (line_scan::starts_with_whole_word(line, w)) return true;
  return false;
}

// RE2::PartialMatch(line, RE2(kOrganPattern)).
inline bool match_organ(std::string_view line) {
  for (std::string_view o :
       {"HỘI ĐỒNG NHÂN DÂN", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "CHÍNH PHỦ",
        "QUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "BỘ TRƯỞNG", "THỦ TƯỚNG",
        "CHỦ TỊCH", "HỘI ĐỒNG THẨM PHÁN", "TỔNG KIỂM TOÁN", "CHÁNH ÁN",
        "VIỆN TRƯỞNG", "THỐNG ĐỐC"})
    if (line_scan::starts_with(line, o)) return true;
  return false;
}

}  // namespace vnlegal::segment_internal
