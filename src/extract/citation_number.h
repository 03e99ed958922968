// Document numbers ("số, ký hiệu"): recognition, canonical form and the
// codes they carry. Formats follow Decree 30/2020/NĐ-CP (administrative
// documents), Law 80/2015/QH13 (legal normative documents) and the Party's
// own numbering (Hướng dẫn 36-HD/VPTW: "08-NQ/TW").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnlegal::citation {

struct NumberParts {
  std::string canonical;    // "61/2018/NĐ-CP"
  std::string type_code;    // "NĐ"
  std::string issuer_code;  // "CP"
  std::optional<int> year;  // from the number itself
  bool party = false;       // Party numbering (08-NQ/TW)
  bool has_year = false;
  bool typed_code = false;  // the code starts with a document type code
  int segments = 0;         // code segments after the digits and year
  size_t end = 0;           // byte just past the number in the text
  bool spaced = false;      // spaces inside the printed number
};

// A resolution's sub-number after its number and a dot ("66.13/2026/NQ-CP",
// the Government's series of 2025-2026): the length of ".13", or 0.
inline size_t sub_number_len(std::string_view t, size_t i) {
  auto digit = [&](size_t k) { return t[k] >= '0' && t[k] <= '9'; };
  if (i + 1 >= t.size() || t[i] != '.' || !digit(i + 1)) return 0;
  size_t j = i + 1;
  while (j < t.size() && j - i <= 3 && digit(j)) ++j;
  return j < t.size() && j - i <= 3 && t[j] == '/' ? j - i : 0;
}

// "Tờ trình số 2193\n/TTr-UBND": a hard wrap between the number and its
// slash; the length of the line break, or 0. Not before a dash, which starts
// a bullet line.
inline size_t wrap_before_slash(std::string_view t, size_t i) {
  size_t w = i;
  if (w < t.size() && t[w] == '\r') ++w;
  if (w >= t.size() || t[w] != '\n') return 0;
  ++w;
  return w < t.size() && t[w] == '/' ? w - i : 0;
}

// parse_number's first test, cheap enough for every word that starts with
// a digit: up to five digits at `pos` (a sub-number, a small letter and
// blanks, or a line break before a slash, may follow) and then a separator,
// '/', '-' or an en or em dash. Returns where the separator starts, or npos.
inline size_t number_separator_at(std::string_view text, size_t pos) {
  constexpr size_t kNone = std::string_view::npos;
  auto digit = [&](size_t k) { return text[k] >= '0' && text[k] <= '9'; };
  if (pos >= text.size() || !digit(pos)) return kNone;
  size_t k = pos;
  while (k < text.size() && digit(k)) ++k;
  if (k - pos > 5) return kNone;
  // "số 3 7/2003/NĐ-CP": digits split by a blank after "số" (see
  // match_number).
  if (k - pos <= 2 && k + 1 < text.size() && text[k] == ' ' && digit(k + 1) &&
      pos >= 5 && text.compare(pos - 5, 5, "số ") == 0) {
    size_t j = k + 1;
    while (j < text.size() && j - k < 4 && digit(j)) ++j;
    if (j < text.size() && text[j] == '/') k = j;
  }
  k += sub_number_len(text, k);
  if (k < text.size() && text[k] >= 'a' && text[k] <= 'z') ++k;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
  k += wrap_before_slash(text, k);
  if (k >= text.size()) return kNone;
  if (text[k] != '/' && text[k] != '-' &&
      !(text[k] == '\xE2' && k + 2 < text.size() && text[k + 1] == '\x80' &&
        (text[k + 2] == '\x93' || text[k + 2] == '\x94')))
    return kNone;
  return k;
}

// Parses a number whose digits start at `pos`; nullopt when the text there
// is not a document number (dates, fractions, paths, road names...).
std::optional<NumberParts> parse_number(std::string_view text, size_t pos);

// Document type name for a type code ("NĐ" -> "Nghị định"); `party` picks
// the Party meaning of shared codes (TT is Thông tri there).
std::string_view type_for_code(std::string_view code, bool party);

// Type code for a document type name ("Nghị định" -> "NĐ").
std::string_view code_for_type(std::string_view type);

}  // namespace vnlegal::citation
