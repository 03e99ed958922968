// Header, preamble and closing zones, and the metadata they carry.
//
// Web copies interleave or flatten the two header columns (issuer | motto,
// number | place and date), so header fields are found by pattern within
// the header zone rather than by line position.
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "internal/re2_classes.h"
#include "internal/utf8.h"
#include "segment/internal.h"
#include "segment/line_scan.h"

namespace vnlegal::segment_internal {
namespace {

const RE2& number_re() {
  // "Số: 01 /NQ-HĐND", "Số 12/2020/NQ-HĐND", "Luật số: 43/2024/QH15". The
  // number does not run on past the end of its line or cell (a header
  // cell "Số : 62/2002/" beside a typist's mark "P.300"); a number left
  // open at the end of its line keeps its last '/'. An
  // upper-case "SỐ" without a colon is a title citing another document
  // ("SỬA ĐỔI NGHỊ QUYẾT SỐ 02/2014/NQ-HĐND"), not the header's number.
  static const RE2 re(
      R"re((?:^|[\s|])(?:Số\s*(?:hiệu)?\s*[:.]?|(?:số|SỐ)\s*:)\s*()re"
      R"re(\d+[A-Za-z]?(?:(?:[ \t]*[/\-–][ \t]*|\.)[0-9A-Za-zĐđÐ&]+)+)re"
      R"re((?:\([A-Z0-9]+\))?(?:/[ \t]*(?:$|\n))?))re");
  return re;
}
const RE2& date_re() {
  // Case-sensitive: "NGÀY 08 THÁNG 7 NĂM 2014" inside a title is a citation.
  // A copy may split a leading zero from its digit ("tháng 0 6").
  static const RE2 re(
      R"re([Nn]gày\s*(?:0 )?(\d{1,2})\s*tháng\s*(?:0 )?(\d{1,2})\s*năm\s*(\d{4}))re");
  return re;
}
// Literal words the patterns above and below need, found with a byte
// search before the regex runs: header lines are few, but these patterns
// are also tried on every line of the header zone and of a long title.
bool contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}
// Whether some occurrence of `word` in t is followed by what `rest`
// accepts (given the index after the word).
template <typename Rest>
bool word_then(std::string_view t, std::string_view word, Rest rest) {
  for (size_t at = t.find(word); at != std::string_view::npos;
       at = t.find(word, at + 1))
    if (rest(at + word.size())) return true;
  return false;
}
// Whether a digit follows index i of t past blanks (\s*\d).
bool digit_after_spaces(std::string_view t, size_t i) {
  i = internal::re2_class::after_spaces(t, i);
  return i < t.size() && internal::re2_class::digit(t[i]);
}
// number_re: "Số", "số" or "SỐ", then blanks, "hiệu", blanks, ':' or '.'
// and blanks, each optional, and a digit. The words are frequent in running
// text ("số lượng"), the digit after them is not.
bool may_hold_number(std::string_view t) {
  using internal::re2_class::after_spaces;
  auto number_after = [t](size_t i) {
    i = after_spaces(t, i);
    constexpr std::string_view kHieu = "hiệu";
    if (t.substr(i, kHieu.size()) == kHieu)
      i = after_spaces(t, i + kHieu.size());
    if (i < t.size() && (t[i] == ':' || t[i] == '.')) ++i;
    return digit_after_spaces(t, i);
  };
  return word_then(t, "Số", number_after) || word_then(t, "số", number_after) ||
         word_then(t, "SỐ", number_after);
}
// date_re: "[Nn]gày", blanks and a digit.
bool may_hold_date(std::string_view t) {
  return word_then(t, "gày",
                   [t](size_t i) { return digit_after_spaces(t, i); });
}
// term_re: "KỲ" in any case, after "KHÓA" or "KHOÁ" in any case: "K" (or
// the Kelvin sign, its case variant), "H" and "ÓA" or "OÁ". "kỳ" alone is
// frequent in running text ("định kỳ").
bool may_hold_term(std::string_view t) {
  if (!contains(t, "Ỳ") && !contains(t, "ỳ")) return false;
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  // "óa" or "oá" in any case at i.
  auto oa_at = [&](size_t i) {
    const std::string_view r = t.substr(i);
    if ((r.substr(0, 2) == "ó" || r.substr(0, 2) == "Ó") && r.size() > 2 &&
        lower(r[2]) == 'a')
      return true;
    return !r.empty() && lower(r[0]) == 'o' &&
           (r.substr(1, 2) == "á" || r.substr(1, 2) == "Á");
  };
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    size_t h = std::string_view::npos;
    if (lower(t[i]) == 'k')
      h = i + 1;
    else if (t.substr(i, 3) == "\u212A")
      h = i + 3;
    if (h < t.size() && lower(t[h]) == 'h' && oa_at(h + 1)) return true;
  }
  return false;
}
const RE2& motto_re() {
  static const RE2 re(R"re(C[ỘộO]NG\s+H[ÒOÀ]+A?\s+X[ÃA]\s+H[ỘO]I)re");
  return re;
}
// A number left open at the end of its line ("Số: 15/2003/" in a narrow
// header cell) goes on with the code on the next line when that line opens
// with one ("QĐ-UB"), not with a typist's mark ("P.300") or a word.
std::string with_wrapped_code(std::string_view text, re2::StringPiece raw) {
  std::string out(raw.data(), raw.size());
  // The pattern takes the line's end after the open slash.
  const bool line_ended = !out.empty() && out.back() == '\n';
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t' ||
                          out.back() == '\n' || out.back() == '\r'))
    out.pop_back();
  if (out.empty() || out.back() != '/') return out;
  size_t at = static_cast<size_t>(raw.data() + raw.size() - text.data());
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  if (!line_ended && at < text.size() && text[at] == '\n') ++at;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  size_t end = at;
  bool upper = false;
  while (end < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[end]);
    if (c >= 'A' && c <= 'Z') {
      upper = true;
      ++end;
    } else if (text.compare(end, 2, "Đ") == 0) {
      upper = true;
      end += 2;
    } else if (upper && c == '-' && end + 1 < text.size() &&
               ((text[end + 1] >= 'A' && text[end + 1] <= 'Z') ||
                text.compare(end + 1, 2, "Đ") == 0)) {
      ++end;
    } else if (upper && c >= '0' && c <= '9' && text[end - 1] != '-') {
      ++end;  // "HĐND8", "QH15"
    } else if (upper && c >= 'a' && c <= 'z') {
      ++end;  // "QĐ-TTg"
    } else {
      break;
    }
  }
  // A code has a hyphen or ends with a term's digits ("QĐ-UB", "QH15"); a
  // bare "UBND" is the next line's words.
  const std::string_view code = text.substr(at, end - at);
  if (!upper || (code.find('-') == std::string_view::npos &&
                 !(code.back() >= '0' && code.back() <= '9')))
    return out;
  // The code ends the line or is followed by a space: no "P.300", "Hà".
  if (end < text.size() && text[end] != '\n' && text[end] != ' ' &&
      text[end] != '\t' && text[end] != '\r')
    return out;
  out.append(code);
  return out;
}
// motto_re matches, with a byte test first: "NG H" is in every spelling
// the pattern accepts (CỘNG HÒA, CONG HOA), and in few other lines.
bool is_motto(std::string_view t) {
  // "NG H" looked for from its 'G', a rarer capital than 'N'.
  size_t g = t.find("G H", 1);
  while (g != std::string_view::npos && t[g - 1] != 'N')
    g = t.find("G H", g + 1);
  return g != std::string_view::npos && RE2::PartialMatch(t, motto_re());
}
const RE2& term_re() {
  static const RE2 re(
      R"re((?i)KH(?:ÓA|OÁ)\s+([IVXLC]+|\d+)\s*,?\s*(?:[-–]\s*)?KỲ\s+HỌP\s+(?:THỨ\s+)?([^\s,;)]+[^,;(]*))re");
  return re;
}
const RE2& formula_re() {
  static const RE2 re(kFormulaPattern);
  return re;
}
// Necessary conditions for the patterns below, checked without a regex
// search: most lines of a document meet none of them, and a search over a
// long paragraph costs far more than these byte tests.
inline bool starts_with(std::string_view s, std::string_view p) {
  return has_prefix(s, p);
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
// formula_re: every alternative holds "QUYẾT", starts with "CHỈ THỊ" or
// "RA LỆNH", starts with an enacting body or "Theo đề nghị" and holds "ban
// hành", or ends with ":".
bool may_be_formula(std::string_view line) {
  if (line.find("QUYẾT") != std::string_view::npos ||
      starts_with(line, "CHỈ THỊ") || starts_with(line, "RA LỆNH"))
    return true;
  // A type name before the closing ":", in any case: "Nghị Định:",
  // "NGHỊ ĐỊNH:", "quyết nghị:", "nghị quyết:", "chỉ thị:".
  if (!line.empty() && line.back() == ':') {
    std::string_view tail =
        line.substr(line.size() > 16 ? line.size() - 16 : 0);
    for (std::string_view end :
         {"ịnh", "Định", "ỊNH", "ghị", "GHỊ", "yết", "thị", "THỊ"})
      if (tail.find(end) != std::string_view::npos) return true;
  }
  static constexpr std::string_view kBodies[] = {
      "Chính phủ", "Quốc hội", "Bộ trưởng", "Thủ tướng",
      "Ủy ban",    "Uỷ ban",   "Hội đồng",  "Chủ tịch"};
  for (std::string_view b : kBodies)
    if (starts_with(line, b))
      return line.find("ban hành") != std::string_view::npos;
  return starts_with(line, "Theo đề nghị") &&
         line.find("ban hành") != std::string_view::npos;
}
// may_be_formula, then formula_re: by hand (formula_scan.h) where RE2 would
// read the line as that code does.
bool is_formula(std::string_view line) {
  if (!may_be_formula(line)) return false;
  if (line.find('\n') == std::string_view::npos &&
      internal::is_valid_utf8(line))
    return match_formula(line);
  return RE2::PartialMatch(line, formula_re());
}
// "Căn cứ" or a recital's first words: a preamble line.
bool is_preamble_start(std::string_view line) {
  return starts_with(line, "Căn cứ") || starts_with(line, "CĂN CỨ") ||
         match_recital(line);
}
// title_word_re on the trimmed line: an upper-case word (TM. KT. K/T Q. PHÓ
// CHỦ TỊCH BỘ TRƯỞNG ỦY VIÊN ...): its first letter is one of these and its
// second character one that follows it in a word of the pattern.
// `t` (two bytes or more) opens with such a word's first two characters.
bool title_start(std::string_view t) {
  // Most lines fail on their first byte: 'Ủ' is the only start outside
  // ASCII and opens with 0xE1.
  switch (t[0]) {
    case 'T':
    case 'K':
    case 'Q':
    case 'P':
    case 'C':
    case 'B':
    case 'G':
    case 'V':
    case 'H':
      break;
    case '\xE1':
      if (starts_with(t, "Ủ")) return true;  // "ỦY VIÊN"
      return false;
    default:
      return false;
  }
  // The second letters of the pattern's words: TM. KT TL TUQ Q. K/T PHÓ
  // CHỦ BỘ GIÁM TỔNG TRƯỞNG CỤC VỤ BÍ ...
  const std::string_view rest = t.substr(1);
  switch (rest[0]) {
    case 'M':
    case 'T':
    case 'L':
    case 'U':
    case '.':
    case '/':
    case 'H':
    case 'I':
    case 'R':
      return true;
    case '\xE1':
      return starts_with(rest, "Ộ") || starts_with(rest, "Ổ") ||
             starts_with(rest, "Ụ");
    case '\xC3':
      return starts_with(rest, "Í");
    default:
      return false;
  }
}
// title_start after the line's blanks.
bool may_start_title(std::string_view line) {
  size_t b = 0;
  while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
  if (b + 1 >= line.size()) return false;
  return title_start(line.substr(b));
}
// Some part of `t` may open a title (title_start somewhere): a byte loop
// that passes over small letters, digits and blanks, most of a line.
bool may_hold_title(std::string_view t) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c >= 'B' && c <= 'V') {
      if (title_start(t.substr(i))) return true;
    } else if (c == 0xE1 && t.substr(i, 3) == "Ủ") {
      return true;
    }
  }
  return false;
}

const RE2& title_word_re() {
  // Signature titles and authority prefixes (Decree 30/2020, Art. 12).
  static const RE2 re(
      R"re(^(?:(?:TM|KT|TL|TUQ|Q)\.\s*|(?:K/T|T/M|T/L)\s+|(?:TM|KT|TL)/\s*|(?:PHÓ\s+)?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|)re"
      R"re(GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN|CHỦ NHIỆM|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|)re"
      R"re(TỔNG BÍ THƯ|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|THỐNG ĐỐC|TRƯỞNG PHÒNG|VỤ TRƯỞNG|)re"
      R"re(TỔNG THƯ KÝ|ỦY VIÊN|BÍ THƯ|HIỆU TRƯỞNG|TRƯỞNG ĐOÀN|CHÁNH THANH TRA|TỔNG GIÁM ĐỐC)\b))re");
  return re;
}

// A capital then small letters only ("Trương", "A").
bool capitalised_word(std::string_view w) {
  char32_t cp;
  const size_t n = internal::decode_utf8(w, 0, cp);
  if (n == 0 || !u_isupper(static_cast<UChar32>(cp))) return false;
  for (size_t k = n; k < w.size();) {
    char32_t c2;
    const size_t m = internal::decode_utf8(w, k, c2);
    if (m == 0 || !u_islower(static_cast<UChar32>(c2))) return false;
    k += m;
  }
  return true;
}

// A word in title case ("Trương"), not a capital alone.
bool title_case_word(std::string_view w) {
  char32_t cp;
  return internal::decode_utf8(w, 0, cp) < w.size() && capitalised_word(w);
}

// A personal name: 2-6 words, each capitalised then lower case, no digits.
bool is_person_name(std::string_view s) {
  std::string t = trim(s);
  if (t.empty() || t.size() > 60) return false;
  int words = 0;
  size_t i = 0;
  while (i < t.size()) {
    size_t sp = t.find(' ', i);
    size_t end = sp == std::string::npos ? t.size() : sp;
    if (!capitalised_word(std::string_view(t.data() + i, end - i)))
      return false;
    ++words;
    if (sp == std::string::npos) break;
    i = sp + 1;
  }
  return words >= 2 && words <= 6;
}

// The leading personal name of `s` ("Trần Hồng Hà Phụ lục (Kèm theo ...)"
// gives "Trần Hồng Hà"): capitalised words; a capitalised word followed by
// a lower-case one starts a phrase, not a name.
std::string leading_name(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  bool next_lower = false;
  while (i < s.size() && words.size() < 7) {
    size_t sp = s.find(' ', i);
    size_t end = sp == std::string_view::npos ? s.size() : sp;
    std::string_view w = s.substr(i, end - i);
    if (!w.empty()) {
      char32_t cp;
      size_t n = internal::decode_utf8(w, 0, cp);
      bool title_case = n > 0 && u_isupper(static_cast<UChar32>(cp));
      for (size_t k = n; title_case && k < w.size();) {
        char32_t c2;
        size_t m = internal::decode_utf8(w, k, c2);
        if (m == 0 || !u_islower(static_cast<UChar32>(c2))) title_case = false;
        k += m ? m : 1;
      }
      if (!title_case) {
        // "... Trần Hồng Hà Phụ lục ...": the last capitalised word opens a
        // title that goes on in small letters; "Lê Hồng Sơn danh sách ..."
        // is a name followed by a title that lost its capitals.
        static constexpr std::string_view kOpeners[] = {
            "phụ lục",  "danh mục",  "danh sách", "quy định",     "quy chế",
            "kế hoạch", "hướng dẫn", "biểu mẫu",  "chương trình", "đề án",
            "nội quy",  "tiêu chí",  "bảng tổng", "mẫu số"};
        if (n > 0 && u_islower(static_cast<UChar32>(cp)) && !words.empty()) {
          const std::string pair =
              to_lower(words.back()) + " " + to_lower(w.substr(0, w.find(' ')));
          for (std::string_view o : kOpeners)
            next_lower = next_lower || pair == o;
        }
        break;
      }
      words.push_back(w);
    }
    if (sp == std::string_view::npos) break;
    i = sp + 1;
  }
  if (next_lower && words.size() > 2) words.pop_back();
  if (words.size() < 2 || words.size() > 5) return {};
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : " ") + std::string(w);
  return out;
}

// The issuers of a joint text on one line, each an organ's name: "BỘ TÀI
// CHÍNH - BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN - BỘ TÀI NGUYÊN VÀ MÔI
// TRƯỜNG - BỘ Y TẾ" (longer than a single issuer's line).
bool joint_issuers(std::string_view t) {
  static constexpr std::string_view kOrgans[] = {
      "BỘ ",        "ỦY BAN ",    "UỶ BAN ",    "TÒA ÁN ",     "TOÀ ÁN ",
      "VIỆN ",      "KIỂM TOÁN ", "NGÂN HÀNG ", "THANH TRA ",  "BAN ",
      "HỘI ĐỒNG ",  "TỔNG ",      "ĐOÀN ",      "TRUNG ƯƠNG ", "MẶT TRẬN ",
      "VĂN PHÒNG ", "CHÍNH PHỦ",  "HỘI "};
  if (t.size() > 400) return false;
  size_t parts = 0, b = 0;
  while (b <= t.size()) {
    size_t e = t.find(" - ", b);
    if (e == std::string_view::npos) e = t.size();
    const std::string_view part = trim_view(t.substr(b, e - b));
    bool organ = false;
    for (std::string_view o : kOrgans)
      organ = organ || part.substr(0, o.size()) == o;
    if (!organ) return false;
    ++parts;
    b = e + 3;
  }
  return parts >= 2;
}

// "BỘ TÀI CHÍNH" / "CỤC THUẾ", "UBND TỈNH LONG AN" / "SỞ LAO ĐỘNG ...": a
// unit under its superior body, both in the header's first cell. The unit
// issues the text; the superior body's line above it is no part of the
// issuer. Returns the unit's name from the joined lines (empty: no unit
// named under a superior body).
std::string issuing_unit(std::string_view issuer) {
  static constexpr std::string_view kSuperior[] = {
      "BỘ ",       "UBND ", "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ",
      "TỔNG CỤC ", "CỤC ",  "BẢO HIỂM XÃ HỘI ", "NGÂN HÀNG NHÀ NƯỚC "};
  static constexpr std::string_view kUnits[] = {
      "TỔNG CỤC ", "CỤC ",       "CHI CỤC ",     "SỞ ",
      "KHO BẠC ",  "VĂN PHÒNG ", "BAN QUẢN LÝ ", "BQL "};
  bool superior = false;
  for (std::string_view w : kSuperior)
    superior = superior || starts_with(issuer, w);
  if (!superior) return {};
  size_t cut = std::string_view::npos;
  // The unit's first word after a blank, the superior's name (two words at
  // least) before it; not a word of a name ("TỔNG CỤC" holds "CỤC", "CƠ
  // SỞ"), nor a joint issuer's part after " - " or a name going on after
  // "VÀ".
  for (size_t p = issuer.find(' '); p != std::string_view::npos;
       p = issuer.find(' ', p + 1)) {
    const std::string_view rest = issuer.substr(p + 1);
    bool unit = false;
    for (std::string_view u : kUnits) unit = unit || starts_with(rest, u);
    if (!unit) continue;
    const std::string_view before = trim_view(issuer.substr(0, p));
    const size_t sp = before.rfind(' ');
    if (sp == std::string_view::npos) continue;
    const std::string_view prev = before.substr(sp + 1);
    if (prev == "TỔNG" || prev == "CHI" || prev == "CƠ" || prev == "VÀ" ||
        prev == "-" || prev == "–" || before.back() == ',')
      continue;
    cut = p + 1;
  }
  if (cut == std::string_view::npos) return {};
  return std::string(issuer.substr(cut));
}

// A markdown conversion's placeholder for the seal and the signature in
// brackets, in English ("<stamp and signature>", "[Seal]"), counts too, and
// so does its description of the seal ("*Hình con dấu đỏ: ỦY BAN ...*",
// "(Có mộc đỏ và chữ ký tay)").
bool is_signature_note(std::string_view s) {
  static const RE2 re(
      R"re((?i)(đã ký|ký tên|đóng dấu|ký, ghi rõ|chữ ký|con dấu|dấu đỏ|mộc đỏ|^\(ký|^\[|^[<(].*\b(?:stamp|seal|signature)\b))re");
  return RE2::PartialMatch(s, re);
}

// An upper-case name ("NGUYỄN VĂN A") also counts when it follows a title.
bool is_upper_person_name(std::string_view s) {
  std::string t = trim(s);
  if (!is_upper_line(t) || RE2::PartialMatch(t, title_word_re())) return false;
  int words = 1;
  for (char c : t) {
    if (c == ' ') ++words;
    if (c >= '0' && c <= '9') return false;
  }
  return words >= 2 && words <= 5 && t.size() < 45;
}

std::string iso_date(int d, int m, int y) {
  if (d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2100) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string strip_edges(std::string s) {
  // A rule of dashes under a title ("... giai đoạn mới ––––––").
  for (bool more = true; more;) {
    more = false;
    while (!s.empty() && (s.back() == ' ' || s.back() == '_')) s.pop_back();
    for (std::string_view dash : {"\u2013", "\u2014"})
      if (ends_with(s, dash)) {
        s.resize(s.size() - dash.size());
        more = true;
      }
  }
  // Drop surrounding punctuation such as "*", "(", ")", ",".
  const std::string junk = " ,;:*()|-";
  size_t b = s.find_first_not_of(junk);
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(junk);
  // A closing bracket that closes one inside stays: "... (ĐỢT 1)".
  while (e + 1 < s.size() && s[e + 1] == ')') {
    const std::string_view kept(s.data() + b, e + 1 - b);
    if (std::count(kept.begin(), kept.end(), '(') <=
        std::count(kept.begin(), kept.end(), ')'))
      break;
    ++e;
  }
  return s.substr(b, e - b + 1);
}

// The place before ", ngày ...": the trailing capitalised words ("Hà Nội",
// "Thành phố Hồ Chí Minh", "TP. Cần Thơ") of what precedes the date on a
// possibly flattened line ("... Luật DN 2014 Hà Nội", "299/TTg Hà Nội").
std::string trailing_place(const std::string& before) {
  std::vector<std::string_view> words;
  std::string_view s = before;
  // A place typed in irregular case ("Hà nội", "hà Nội", "Tp. hồ Chí Minh")
  // standing alone before the date: a few words, the first capitalised (or the
  // second of two), no digits, none of the small words of a body's name or a
  // sentence ("Ủy ban nhân dân", "của").
  if (const size_t spaces = std::count(s.begin(), s.end(), ' ');
      !s.empty() && spaces >= 1 && spaces < 4 &&
      s.find_first_of("0123456789/:;,()") == std::string_view::npos) {
    char32_t cp;
    const size_t n = internal::decode_utf8(s, 0, cp);
    static constexpr std::string_view kNotPlace[] = {
        "của", "và",   "về",  "với", "tại",  "số", "ngày", "tháng", "năm",
        "ban", "nhân", "dân", "hội", "đồng", "bộ", "sở",   "phòng", "ngành"};
    bool small_word = false;
    for (size_t b = 0; b < s.size();) {
      size_t e = s.find(' ', b);
      if (e == std::string_view::npos) e = s.size();
      const std::string_view w = s.substr(b, e - b);
      for (auto x : kNotPlace) small_word |= w == x;
      b = e + 1;
    }
    // Two words with only the second capitalised: "hà Nội".
    char32_t last_cp = 0;
    internal::decode_utf8(s, s.rfind(' ') + 1, last_cp);
    const bool capital =
        n > 0 && (u_isupper(static_cast<UChar32>(cp)) ||
                  (spaces == 1 && u_isupper(static_cast<UChar32>(last_cp))));
    if (capital && !small_word) return strip_edges(std::string(s));
  }
  size_t end = s.size();
  while (end > 0) {
    size_t sp = s.rfind(' ', end - 1);
    size_t start = sp == std::string_view::npos ? 0 : sp + 1;
    std::string_view w = s.substr(start, end - start);
    if (!w.empty()) {
      char32_t cp;
      size_t n = internal::decode_utf8(w, 0, cp);
      const bool upper = n > 0 && u_isupper(static_cast<UChar32>(cp));
      const bool connector = w == "phố" || w == "xã" || w == "trấn";
      if (!upper && !connector) break;
      bool digit = false;
      for (char c : w) digit |= c >= '0' && c <= '9';
      if (digit || w.find('/') != std::string_view::npos) break;
      words.insert(words.begin(), w);
    }
    if (sp == std::string_view::npos) break;
    end = sp;
  }
  while (!words.empty() && (words.front() == "phố" || words.front() == "xã" ||
                            words.front() == "trấn"))
    words.erase(words.begin());
  if (words.size() > 6) return {};
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : " ") + std::string(w);
  return strip_edges(out);
}

// The same title block in a transcript that lost the type name's capitals
// (a legacy font's): "Quyết định của Thủ tướng Chính phủ số 115/2004/QĐ-TTg
// ngày 25 tháng 6 năm 2004 về việc ...". Returns the line with the type name
// in capitals, as printed, for the title block's reading; empty when the
// line is no such block (a type name, "của", then the number and the date).
std::string gazette_title_in_capitals(std::string_view t) {
  if (t.size() > 600) return {};
  for (const TypeName& tn : type_names()) {
    if (!starts_with(t, tn.name)) continue;
    const std::string_view after = t.substr(tn.name.size());
    if (!starts_with(after, " của ")) return {};
    const size_t so = after.find(" số ");
    if (so == std::string_view::npos || so > 160 ||
        after.find(" ngày ", so) == std::string_view::npos)
      return {};
    // The number: digits and a slash in one word ("115/2004/QĐ-TTg").
    const std::string_view num =
        after.substr(so + std::string_view(" số ").size());
    const size_t word = std::min(num.find(' '), num.size());
    if (num.empty() || num[0] < '0' || num[0] > '9' ||
        num.substr(0, word).find('/') == std::string_view::npos)
      return {};
    return std::string(tn.upper) + std::string(after);
  }
  return {};
}

// A LAWDATA copy (the legal database of the 1990s and 2000s) has no header
// block: under the type line the title names the issuer, the number and
// the date: "Thông tư / liên tịch của Bộ Tài chính - Công nghiệp - Tổng cục
// Hải quan số 176/1998/TTLT-BTC-BCN-TCHQ ngày 25 tháng 12 năm1998 Hướng
// dẫn ...", "NGHỊ ĐỊNH / CỦA CHÍNH PHỦ SỐ 94 /1998/NĐ-CP NGÀY 17 THÁNG 11
// NĂM 1998 QUY ĐỊNH ...", "THÔNG TƯ / LIÊN TỊCH BỘ TÀI CHÍNH - CÔNG NGHIỆP
// - TỔNG CỤC HẢI QUAN SỐ 120/2000/TTLT-BTC-BCN-TCHQ NGÀY 25 THÁNG 12 NĂM
// 2000 VỀ VIỆC ...", "Nghị định của Chính phủ số 114/2003/NĐ-CP ngày
// 10/10/2003 về ...". Without a number line in the header these are the
// document's own (a "Số" the header search took is the same number); the
// title is what follows the date.
void read_title_identity(Metadata& m) {
  if (!m.title) return;
  // The title opens with "của" or "liên tịch" (the regex below says so;
  // this spares it most titles).
  static constexpr std::string_view kOpenings[] = {
      "của ", "Của ", "CỦA ", "liên tịch", "Liên tịch", "LIÊN TỊCH"};
  if (std::none_of(
          std::begin(kOpenings), std::end(kOpenings),
          [&m](std::string_view o) { return starts_with(*m.title, o); }))
    return;
  static const RE2 re(
      R"re((?i)^(?:(liên tịch\s+)(?:của\s+)?|của\s+)(\S.{0,150}?)\s+số\s*:?\s*()re"
      R"re(\d+\s*/\s*[0-9A-Za-zĐđ/\-]+)\s+ngày\s*(\d{1,2})\s*(?:tháng\s*|/)()re"
      R"re(\d{1,2})\s*(?:năm\s*|/)(\d{4})\s*(.*)$)re");
  std::string joint, organ, raw, rest;
  int d = 0, mo = 0, y = 0;
  if (!RE2::FullMatch(*m.title, re, &joint, &organ, &raw, &d, &mo, &y, &rest))
    return;
  if (m.number && *m.number != canonical_number(raw)) return;
  const std::string iso = iso_date(d, mo, y);
  if (iso.empty()) return;
  m.number = canonical_number(raw);
  if (!m.date) m.date = iso;
  if (!joint.empty() && m.type == std::optional<std::string>("Thông tư")) {
    m.type = "Thông tư liên tịch";
    m.type_code = "TTLT";
  }
  if (!m.issuer) m.issuer = to_upper(trim(organ));
  rest = strip_edges(trim(rest));
  if (!rest.empty()) m.title = rest;
}

struct SignatureFound {
  bool found = false;
  size_t first_line = 0;
  size_t last_line = 0;
  // Printed beside the recipients: their list can go on after the name.
  bool beside_recipients = false;
  Signer signer;
};

// A two-column closing (a text layout of the page) prints the recipients in
// the left column and the signature in the right one, on the same lines;
// with the blanks between them collapsed a line reads "- Như Điều 5; KT.
// CHỦ TỊCH", "- Các PCT UBND tỉnh; PHÓ CHỦ TỊCH", "- Lãnh đạo VPUBND tỉnh;
// Nguyễn Thế Phước". The signature's part is what follows a recipient
// item's "; " or ". " when it is a title in capitals or a personal name;
// empty otherwise.
bool signature_title(std::string_view s) {
  return may_start_title(s) && upper_prefix_length(s) == s.size() &&
         RE2::PartialMatch(s, title_word_re());
}

// A personal name in title case that opens with a common family name
// ("Lê Thanh Hải", "Trương Chí Trung"); the city named after a person is
// a place.
bool family_name_first(std::string_view name) {
  static constexpr std::string_view kFamilies[] = {
      "Nguyễn", "Trần", "Lê",     "Phạm", "Hoàng", "Huỳnh", "Phan",
      "Vũ",     "Võ",   "Đặng",   "Bùi",  "Đỗ",    "Hồ",    "Ngô",
      "Dương",  "Lý",   "Trương", "Đinh", "Đoàn",  "Lương", "Trịnh",
      "Mai",    "Cao",  "Lâm",    "Hà",   "Tô",    "Tạ",    "Chu",
      "Đào",    "Lưu",  "Quách",  "Thái", "Văn",   "Vương", "Tăng",
      "Triệu",  "Lại",  "Kiều",   "Nông", "Đàm",   "Hứa",   "Lò"};
  if (name == "Hồ Chí Minh") return false;
  const std::string_view first = name.substr(0, name.find(' '));
  for (std::string_view f : kFamilies)
    if (first == f) return true;
  return false;
}

// The right column's words at the end of a line when the blanks between
// the columns left no separator ("- Như trên CHỦ TỊCH", "- ... thành phố
// Lê Thanh Hải"): a run of capitals that opens a signature title, or a
// personal name of three or four words after a word not in title case.
std::string_view unseparated_tail(std::string_view t, bool* title) {
  // "- Toà án nhân dân tối cao, Nguyễn Tấn Dũng đã ký": the note of the
  // signature after the name.
  for (std::string_view note : {" đã ký", " Đã ký", " (đã ký)", " (Đã ký)"})
    if (ends_with(t, note)) {
      t = trim_view(t.substr(0, t.size() - note.size()));
      break;
    }
  size_t b = t.size();
  size_t caps = t.size(), names = t.size();
  int name_words = 0;
  bool in_caps = true, in_name = true;
  while (b > 0) {
    const size_t sp = t.rfind(' ', b - 1);
    if (sp == std::string_view::npos) break;
    const std::string_view w = t.substr(sp + 1, b - sp - 1);
    in_caps = in_caps && has_letters(w) && is_upper_line(w);
    in_name = in_name && title_case_word(w);
    if (in_caps) caps = sp + 1;
    if (in_name) {
      names = sp + 1;
      ++name_words;
    }
    if (!in_caps && !in_name) break;
    b = sp;
  }
  if (caps < t.size() && caps > 2 && signature_title(t.substr(caps))) {
    *title = true;
    return t.substr(caps);
  }
  if (names < t.size() && names > 2 && name_words >= 3 && name_words <= 4 &&
      family_name_first(t.substr(names))) {
    *title = false;
    return t.substr(names);
  }
  return {};
}

// The right column's name inside a recipient line whose left column went
// on on the next line, the two joined as one wrapped line ("- Các Tổng
// cục, Cục, Vụ,Viện, đơn vị Vũ Văn Ninh thuộc Bộ Tài chính"): three or four
// words in title case opening with a family name, between words that are
// not ("vị" / "thuộc").
bool place_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "đường", "phố",    "phường", "xã",   "quận", "huyện",
      "tỉnh",  "trường", "thị",    "trấn", "ấp",   "thôn"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

std::string_view embedded_name(std::string_view t) {
  std::vector<size_t> starts;  // word starts
  for (size_t p = 0; p < t.size(); ++p)
    if (t[p] != ' ' && (p == 0 || t[p - 1] == ' ')) starts.push_back(p);
  auto word = [&](size_t k) {
    const size_t e = t.find(' ', starts[k]);
    return t.substr(starts[k],
                    (e == std::string_view::npos ? t.size() : e) - starts[k]);
  };
  for (size_t k = 1; k + 3 < starts.size(); ++k) {
    // The word before ends the recipient in small letters; a place's or a
    // school's name ("đường Nguyễn Văn Cừ", "THPT Lê Quý Đôn") is no signer.
    const std::string_view before = word(k - 1);
    char32_t b0;
    if (internal::decode_utf8(before, 0, b0) == 0 ||
        !u_islower(static_cast<UChar32>(b0)) || place_word(before) ||
        !title_case_word(word(k)))
      continue;
    size_t n = 1;
    while (k + n < starts.size() && n < 5 && title_case_word(word(k + n))) ++n;
    if (n < 3 || n > 4 || k + n >= starts.size()) continue;
    const std::string_view after = word(k + n);
    char32_t cp;
    if (internal::decode_utf8(after, 0, cp) == 0 ||
        !u_islower(static_cast<UChar32>(cp)))
      continue;
    const std::string_view last = word(k + n - 1);
    const std::string_view name =
        t.substr(starts[k], last.data() + last.size() - (t.data() + starts[k]));
    if (family_name_first(name)) return name;
  }
  return {};
}

// A title in capitals and the name of the one who signs at the end of a
// recipient's item ("- Lưu: VT, ĐMDN (2b). BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến
// Dũng"), where one or two words in title case before the title are the
// drafting officer's name ("(2b). Trung Anh BỘ TRƯỞNG ..."): the part from
// the title on, or empty.
std::string_view title_and_name(std::string_view rest) {
  for (int skipped = 0; skipped <= 2; ++skipped) {
    const size_t up = upper_prefix_length(rest);
    if (up > 0) {
      const std::string_view caps = trim_view(rest.substr(0, up));
      if (!signature_title(caps) || !is_person_name(rest.substr(up))) return {};
      return rest;
    }
    const size_t sp = rest.find(' ');
    if (sp == std::string_view::npos || !title_case_word(rest.substr(0, sp)))
      return {};
    rest = trim_view(rest.substr(sp + 1));
  }
  return {};
}

// With `titles_only` the caller wants a title only (`*title` set): a line
// where no word can open one is passed over before any of the tests.
std::string_view column_tail(std::string_view line, bool* title = nullptr,
                             bool titles_only = false) {
  const std::string_view t = trim_view(line);
  // A recipient and a title or name side by side make a short line; the
  // long bullets of a body are sentences. The heading of the list can hold
  // the first title ("Nơi nhận : TM. ỦY BAN NHÂN DÂN THÀNH PHỐ").
  const bool heading =
      !t.empty() && t[0] == 'N' &&
      (starts_with(t, "Nơi nhận") || starts_with(t, "NƠI NHẬN"));
  if (t.size() < 4 || t.size() > 200 ||
      (t[0] != '-' && t[0] != '+' && !heading))
    return {};
  // Every title found below opens with title_start.
  if (titles_only && !may_hold_title(t)) return {};
  for (size_t p = 1; p + 2 < t.size(); ++p) {
    if ((t[p] != ';' && t[p] != '.' && (t[p] != ':' || !heading)) ||
        t[p + 1] != ' ')
      continue;
    const std::string_view rest = trim_view(t.substr(p + 2));
    if (rest.empty()) continue;
    const bool is_title = signature_title(rest);
    if (is_title || is_person_name(rest) || is_upper_person_name(rest)) {
      if (title) *title = is_title;
      return rest;
    }
    if (const std::string_view signed_by = title_and_name(rest);
        !signed_by.empty() && !heading) {
      if (title) *title = true;
      return signed_by;
    }
  }
  if (heading) return {};
  bool is_title = false;
  std::string_view rest = unseparated_tail(t, &is_title);
  if (rest.empty()) rest = embedded_name(t);
  if (!rest.empty() && title) *title = is_title;
  return rest;
}

// A piece of the recipients' column: an item ("- Sở Tư pháp;") or the
// wrapped rest of one ("hành chính - Bộ tư pháp;").
bool recipient_piece(std::string_view t) {
  if (t.empty()) return true;
  if (t[0] == '-' || t[0] == '+') return true;
  if (t.size() > 2 && t[0] == '.' && t[1] == ' ') return true;  // ". Sở"
  char32_t cp;
  const size_t n = internal::decode_utf8(t, 0, cp);
  return n > 0 && u_islower(static_cast<UChar32>(cp));
}

// Lines [from, from + 6) print recipients and signature titles side by side.
bool two_column_closing(const std::vector<Line>& lines, size_t from,
                        size_t limit) {
  for (size_t k = from; k < limit && k < from + 6; ++k) {
    bool title = false;
    if (!column_tail(lines[k].text, &title, true).empty() && title) return true;
  }
  return false;
}

// The first line in [from, limit) that opens an annex: "PHỤ LỤC ..." or a
// "(Ban hành) kèm theo ..." note at the line start; `limit` when none.
size_t annex_caption_before(const std::vector<Line>& lines, size_t from,
                            size_t limit) {
  for (size_t i = from; i < limit; ++i) {
    const std::string_view t = trim_view(lines[i].text);
    if (starts_with(t, "PHỤ LỤC") || is_kem_theo(t)) return i;
  }
  return limit;
}

// A signature title printed in the capitals font and transcribed without
// its capitals: a line "KT/bộ trưởng bộ tài chính", "KT.Bộ trưởng bộ tài
// chính", "TM. chính phủ", "Thủ tướng", or the end of the recipients' line
// beside it ("Nơi nhận : kt.bộ trưởng bộ tài chính", "- Văn phòng TW Đảng
// thứ trưởng"). Returns the line with that title in capitals, or empty. A
// recipient naming an office ("- Văn phòng Chủ tịch nước", "Phó Thủ tướng
// Chính phủ") keeps its capitals and is left as it is.
std::string recased_title_line(std::string_view line) {
  const std::string_view t = trim_view(line);
  if (t.size() < 4 || t.size() > 200) return {};
  // A title alone on its line is short; one beside the recipients ends a
  // recipient's line or the heading "Nơi nhận".
  const bool listed = starts_with(t, "- ") || starts_with(t, "+ ") ||
                      starts_with(t, ". ") || starts_with(t, "Nơi nhận") ||
                      starts_with(t, "NƠI NHẬN");
  if (!listed && t.size() > 60) return {};
  // Cheap test before the pattern: a title word's last syllable, or an
  // authority's letters before a stop or a slash ("kt.", "TM.", "KT/").
  // Each syllable is tested where its last letter is, in one pass.
  bool hint = false;
  for (size_t p = 2; !hint && p < t.size(); ++p) {
    const std::string_view upto = t.substr(0, p + 1);
    switch (t[p]) {
      case 'h':
      case 'H':
        hint = ends_with(upto, "ịch") || ends_with(upto, "ỊCH");
        break;
      case 'g':
      case 'G':
        hint = ends_with(upto, "ướng") || ends_with(upto, "ƯỚNG") ||
               ends_with(upto, "ưởng") || ends_with(upto, "ƯỞNG");
        break;
      case 'c':
      case 'C':
        hint = ends_with(upto, "ốc") || ends_with(upto, "ỐC");
        break;
      case 'n':
      case 'N':
        hint = ends_with(upto, "án") || ends_with(upto, "ÁN");
        break;
      case 'm':
      case 'M':
        hint = ends_with(upto, "iệm") || ends_with(upto, "IỆM");
        break;
      default:
        break;
    }
  }
  for (size_t p = 2; !hint && p < t.size(); ++p) {
    if (t[p] != '.' && t[p] != '/') continue;
    const char a = static_cast<char>(t[p - 2] | 0x20);
    const char b = static_cast<char>(t[p - 1] | 0x20);
    hint = (a == 't' && (b == 'm' || b == 'l')) || (a == 'k' && b == 't');
  }
  if (!hint) return {};
  static const RE2 title_start(
      R"re((?i)(?:^|\s)((?:tm|kt|tl)\s*[./]\s*\S|(?:phó\s+)?(?:chủ tịch|thủ tướng|bộ trưởng|thứ trưởng|giám đốc|chánh án|viện trưởng|chủ nhiệm|cục trưởng|vụ trưởng|thống đốc|trưởng ban)(?:\s|$)))re");
  re2::StringPiece input(t.data(), t.size()), found;
  if (!RE2::PartialMatch(input, title_start, &found) || is_upper_line(t))
    return {};
  const size_t at = static_cast<size_t>(found.data() - t.data());
  const std::string_view tail = t.substr(at);
  // The authority's letters may keep their capitals ("KT/", "TM."); the
  // rest is in small letters, but for the first letter of a line that is
  // the title alone.
  size_t from = 0;
  static const RE2 prefix(R"re(^((?:TM|KT|TL|tm|kt|tl)\s*[./]\s*))re");
  re2::StringPiece pre;
  if (RE2::PartialMatch(tail, prefix, &pre)) from = pre.size();
  std::string_view words = tail.substr(from);
  if (at == 0) {
    if (t.size() > 60 || t.back() == '.' || t.back() == ';' || t.back() == ',')
      return {};
    char32_t cp;
    const size_t k = internal::decode_utf8(words, 0, cp);
    words = words.substr(k);
  } else if (!listed) {
    return {};
  }
  if (to_lower(words) != words) return {};
  return std::string(t.substr(0, at)) + to_upper(tail);
}

// Looks for "title lines + name" starting at line `from` (up to `limit`).
// `k_limit` (when past `limit`) lets the titles found before `limit` look
// for their name further down.
SignatureFound find_signature(const std::vector<Line>& lines, size_t from,
                              size_t limit, size_t k_limit = 0) {
  k_limit = std::max(k_limit, limit);
  SignatureFound sig;
  for (size_t i = from; i < limit; ++i) {
    std::string_view head = lines[i].text;
    bool tail_title = false;
    if (const std::string_view tail = column_tail(head, &tail_title, true);
        tail_title)
      head = tail;
    if (!may_start_title(head)) continue;
    if (!RE2::PartialMatch(trim_view(head), title_word_re())) continue;
    // Collect title lines and find the name within a few lines; in a
    // two-column closing the recipients' pieces between them are passed
    // over (a name can sit several recipients below the titles).
    bool columns = two_column_closing(lines, i, limit);
    std::string authority, title;
    size_t seen = 0;
    for (size_t k = i; k < k_limit && seen < 6 && k < i + 40; ++k) {
      std::string lt = trim(lines[k].text);
      // The titles above the recipients' heading and the name printed
      // beside the recipients below it ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG" /
      // "Nơi nhận:" / "- Công báo Vũ Văn Ninh").
      if (!columns && k > i && !title.empty() &&
          (starts_with(lt, "Nơi nhận") || starts_with(lt, "NƠI NHẬN")) &&
          column_tail(lt).empty()) {
        columns = true;
        continue;
      }
      if (columns) {
        if (const std::string_view tail = column_tail(lt); !tail.empty())
          lt = std::string(tail);
        else if (k > i && recipient_piece(lt))
          continue;
      }
      ++seen;
      size_t up = upper_prefix_length(lt);
      std::string caps = trim(std::string_view(lt).substr(0, up));
      std::string rest = trim(std::string_view(lt).substr(up));
      // "PHÓ CHỦ TỊCH đã ký", "CHỦ TỊCH (Đã ký)": the note of the signature
      // after the title on its line is no part of the title, nor prose.
      static const RE2 note_after_title(
          R"re((?i)\(?đã ký(?: và đóng dấu)?\)?\.?)re");
      if (!caps.empty() && RE2::FullMatch(rest, note_after_title)) rest.clear();
      // A collective's name cut by a wrap ("TM. ỦY BAN" / "NHÂN DÂN"): its
      // end goes on with the authority, it is no signer's name.
      constexpr std::string_view kPeople = "NHÂN DÂN";
      if (k > i && title.empty() && starts_with(caps, kPeople) &&
          (ends_with(authority, "ỦY BAN") || ends_with(authority, "UỶ BAN") ||
           ends_with(authority, "HỘI ĐỒNG"))) {
        authority += " " + std::string(kPeople);
        caps = trim(std::string_view(caps).substr(kPeople.size()));
      }
      if (!caps.empty()) {
        // Split authority prefixes from the title. A prefix alone on the
        // line above ("KT." / "TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG ...")
        // goes with the office on this line.
        static const RE2 bare_prefix(R"re((?:TM|KT|TL|TUQ|Q)\.|K/T|T/M|T/L)re");
        std::string joined;
        size_t last_sp = authority.rfind(' ');
        const std::string_view last_word = std::string_view(authority).substr(
            last_sp == std::string::npos ? 0 : last_sp + 1);
        if (!authority.empty() && title.empty() &&
            RE2::FullMatch(last_word, bare_prefix)) {
          joined = std::string(last_word) + " " + caps;
          authority.resize(last_sp == std::string::npos ? 0 : last_sp);
        }
        std::string_view c = joined.empty() ? std::string_view(caps) : joined;
        while (!c.empty()) {
          static const RE2 auth_re(
              R"re(^((?:(?:TM|KT|TL|TUQ|Q)\.|K/T|T/M|T/L|(?:TM|KT|TL)/)\s*[^.]*?)(?:\s+((?:(?:TM|KT|TL|TUQ|Q)\.|K/T|T/M|T/L|(?:TM|KT|TL)/).*|(?:PHÓ\s+)?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|CHỦ NHIỆM|TỔNG KIỂM TOÁN|CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|THỐNG ĐỐC).*))?$)re");
          std::string a, r;
          if (RE2::FullMatch(c, auth_re, &a, &r)) {
            // "KT. BỘ TRƯỞNG, CHỦ NHIỆM" (one office held with another): a
            // title after a comma still belongs to the authority, and so does
            // the office after "TỔNG" ("KT. TỔNG GIÁM ĐỐC", "KT. TỔNG CỤC
            // TRƯỞNG": the shortest split stops inside the office's name).
            static const RE2 office_re(
                R"re(^((?:PHÓ\s+)?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|CHỦ NHIỆM|TỔNG KIỂM TOÁN|CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|THỐNG ĐỐC))\s*(.*)$)re");
            std::string office, after;
            while (!a.empty() && (a.back() == ',' || ends_with(a, " TỔNG")) &&
                   RE2::FullMatch(r, office_re, &office, &after)) {
              a += " " + office;
              r = after;
            }
            authority += (authority.empty() ? "" : " ") + trim(a);
            if (r.empty()) break;
            static thread_local std::string keep;
            keep = r;
            c = keep;
            continue;
          }
          title += (title.empty() ? "" : " ") + std::string(c);
          break;
        }
      }
      if (!rest.empty()) {
        std::string name = is_person_name(rest) ? rest : leading_name(rest);
        // A name cut at the margin of a PDF's text layer, its family name
        // left at the end of the recipient's line above ("- UBND, ... trực
        // thuộc TW Trương" / "Chí Trung").
        if (!name.empty() && name == rest && k > i &&
            std::count(name.begin(), name.end(), ' ') <= 2) {
          const std::string_view above = trim_view(lines[k - 1].text);
          const size_t sp = above.rfind(' ');
          const std::string_view family =
              sp == std::string_view::npos ? above : above.substr(sp + 1);
          if (sp != std::string_view::npos && family_name_first(family) &&
              is_person_name(std::string(family) + " " + name))
            name = std::string(family) + " " + name;
        }
        if (!name.empty()) {
          sig.found = true;
          sig.first_line = i;
          sig.last_line = k;
          sig.signer.name = name;
          break;
        }
      }
      if (caps.empty() && is_signature_note(lt)) continue;
      if (rest.empty() && k > i && is_upper_person_name(lt) && !title.empty()) {
        // Upper-case name after the title line: undo adding it as title.
        size_t pos = title.rfind(caps);
        if (pos != std::string::npos)
          title = trim(std::string_view(title).substr(0, pos));
        sig.found = true;
        sig.first_line = i;
        sig.last_line = k;
        sig.signer.name = lt;
        break;
      }
      if (!rest.empty() && !caps.empty()) break;  // prose, not a signature
      if (caps.empty() && !rest.empty() && k > i) break;
    }
    if (sig.found) {
      sig.beside_recipients = columns;
      if (!authority.empty()) sig.signer.authority = authority;
      if (!title.empty()) sig.signer.title = title;
      return sig;
    }
  }
  return sig;
}

// A copy that kept only the signer's name and the note of the signature:
// "Nguyễn Văn An (Đã ký)", "(Ký tên)", ... on a line of its own after the
// last article.
SignatureFound find_signed_name(const std::vector<Line>& lines, size_t from,
                                size_t limit) {
  SignatureFound sig;
  for (size_t i = from; i < limit; ++i) {
    std::string_view t = trim_view(lines[i].text);
    if (t.size() > 90 || t.empty() || t.back() != ')') continue;
    const size_t open = t.rfind('(');
    if (open == 0 && i + 1 < limit && is_signature_note(t)) {
      // "tm . ubnd thành phố Cần Thơ" / "chủ tịch" / "(đã ký)" / "Võ Thanh
      // Tòng": a signature whose titles lost their capitals (a transcript
      // of a legacy font's text); the note alone on its line and the name
      // on the next.
      const std::string name = trim(lines[i + 1].text);
      if (!is_person_name(name) && !is_upper_person_name(name)) continue;
      sig.found = true;
      sig.first_line = i;
      sig.last_line = i + 1;
      sig.signer.name = name;
      return sig;
    }
    if (open == std::string_view::npos || open == 0) continue;
    if (!is_signature_note(t.substr(open))) continue;
    const std::string name = trim(t.substr(0, open));
    if (!is_person_name(name) && !is_upper_person_name(name)) continue;
    sig.found = true;
    sig.first_line = sig.last_line = i;
    sig.signer.name = name;
    return sig;
  }
  return sig;
}

// Where a place glued to the number before ", ngày" starts ("Số: 08/2022/
// NĐ-CPHà Nội, ngày ..." -> the "H"), or npos. The place is up to six words
// of letters before "ngày"; the word glued to the symbol starts with a
// capital after a letter or digit of the symbol and has a letter outside
// ASCII or three small letters, so that a code's own small letters
// ("299/TTg Hà Nội") are not read as a place.
size_t glued_place(std::string_view h) {
  const size_t day = h.find("ngày");
  if (day == std::string_view::npos) return std::string_view::npos;
  size_t end = day;
  while (end > 0 && (h[end - 1] == ' ' || h[end - 1] == ',')) --end;
  // Back over whole words of letters to the word holding the symbol.
  size_t word_b = end;
  for (int words = 0; words <= 6; ++words) {
    const size_t sp = h.rfind(' ', word_b == 0 ? 0 : word_b - 1);
    const size_t b = sp == std::string_view::npos ? 0 : sp + 1;
    const std::string_view w = h.substr(b, word_b - b);
    if (w.find_first_of("0123456789") != std::string_view::npos) {
      // The symbol's word: its tail of small letters after one capital.
      size_t k = w.size(), small = 0;
      bool outside_ascii = false;
      while (k > 0) {
        size_t lead = k - 1;
        while (lead > 0 && (static_cast<unsigned char>(w[lead]) & 0xC0) == 0x80)
          --lead;
        char32_t cp = 0;
        if (!internal::decode_utf8(w, lead, cp)) return std::string_view::npos;
        if (u_islower(static_cast<UChar32>(cp))) {
          ++small;
          outside_ascii |= cp >= 0x80;
          k = lead;
          continue;
        }
        if (!u_isupper(static_cast<UChar32>(cp)) || small == 0 || lead == 0)
          return std::string_view::npos;
        if (!outside_ascii && small < 3) return std::string_view::npos;
        const char before = w[lead - 1];
        const bool symbol_char =
            std::isalnum(static_cast<unsigned char>(before)) ||
            (lead >= 2 && w[lead - 2] == '\xC4' && before == '\x90');
        return symbol_char ? b + lead : std::string_view::npos;
      }
      return std::string_view::npos;
    }
    if (w.empty() || !has_letters(w) || sp == std::string_view::npos)
      return std::string_view::npos;
    word_b = sp;
  }
  return std::string_view::npos;
}

}  // namespace

bool motto_line(std::string_view line) { return is_motto(line); }

// Some copies print the bases and recitals as a list: "- Căn cứ Nghị định
// số 54/2006/NĐ-CP ...;", a scan's markdown "- - Căn cứ ...". The line
// after its bullets.
std::string_view after_bullets(std::string_view line) {
  std::string_view t = line;
  for (int k = 0; k < 3; ++k) {
    if (starts_with(t, "- ") || starts_with(t, "+ "))
      t.remove_prefix(2);
    else if (starts_with(t, "– ") || starts_with(t, "• "))
      t.remove_prefix(std::string_view("– ").size());
    else
      break;
    while (!t.empty() && t[0] == ' ') t.remove_prefix(1);
  }
  return t;
}

bool is_bulleted_basis(std::string_view line) {
  const std::string_view t = after_bullets(line);
  return t.size() < line.size() &&
         (starts_with(t, "Căn cứ") || starts_with(t, "CĂN CỨ"));
}

NodeKind preamble_kind(std::string_view line) {
  if (is_formula(line)) return NodeKind::kFormula;
  // "Căn cứ" opens a basis, the recital's words a recital.
  const std::string_view t = after_bullets(line);
  if (starts_with(t, "Căn cứ") || starts_with(t, "CĂN CỨ"))
    return NodeKind::kBasis;
  if (match_recital(t)) return NodeKind::kRecital;
  return NodeKind::kParagraph;
}

// A page saved from a legal website starts with the site's own lines: a
// search box, log-in links, the page title, a table of the document's
// fields ("Số hiệu: ... Loại văn bản: ...", "Tình trạng: ..."). The
// document's header starts with the issuing body's lines (and the number)
// right above the national motto; two or more lines before them, none of them a
// basis or a unit of a body, are the copy's front matter. A single line before
// is a site title, which the header reads past.
size_t front_matter_end(const std::vector<Line>& lines) {
  // The site's field table ("Số hiệu:", "Loại văn bản:") near the top: the
  // page may add its own summary of the document ("## Bổ sung 41 cửa khẩu
  // ...", a paragraph and a list) before the header, further down.
  const auto field_line = [](const Line& l) {
    const std::string_view t = trim_view(l.text);
    return starts_with(t, "Số hiệu:") || starts_with(t, "Loại văn bản:");
  };
  const bool site_fields =
      std::any_of(lines.begin(),
                  lines.begin() + std::min<ptrdiff_t>(
                                      static_cast<ptrdiff_t>(lines.size()), 60),
                  field_line);
  const size_t n = std::min<size_t>(lines.size(), site_fields ? 200 : 60);
  size_t motto = n;
  for (size_t i = 0; i < n && motto == n; ++i)
    if (is_motto(lines[i].text)) motto = i;
  if (motto == n || motto < 2) return 0;
  size_t start = motto;
  // A letter's subject line under its number ("V/v hướng dẫn áp dụng ..."),
  // wrapped in the narrow cell over a line or two, ends the left column.
  for (size_t v = motto; v > 0 && motto - v < 3; --v) {
    if (starts_with(trim_view(lines[v - 1].text), "V/v ")) {
      start = v - 1;
      break;
    }
  }
  const size_t column_end = start;
  // The left column, flattened before the motto: the issuing body's lines
  // and the number ("Số: 01/2025/QĐ-UBND").
  while (start > 0 && column_end - start < 5) {
    const std::string_view t = lines[start - 1].text;
    // A body's line that lost its capitals ("chính phủ", "bộ nội vụ") is
    // all in small letters; a site's lines are not ("Đăng nhập").
    const bool lost_capitals =
        t.size() <= 60 && is_lower_line(t) &&
        t.find_first_of("0123456789.,;:?!/|") == std::string_view::npos;
    // The number line: "Số: 01/2025/QĐ-UBND", "Nghị quyết số: 89/2025/
    // UBTVQH15", "Luật số: 43/2024/QH15".
    const std::string_view lead = trim_view(t);
    const bool number_line =
        (lead.rfind("Số", 0) == 0 ||
         (lead.size() < 60 && lead.find("số:") != std::string_view::npos)) &&
        RE2::PartialMatch(t, number_re());
    if ((t.size() > 120 && !joint_issuers(t)) ||
        !(is_upper_line(t) || lost_capitals || number_line))
      break;
    --start;
  }
  // A scan's page or file number above the issuer ("66.", "5"), which
  // would otherwise read as the first item of a body without a header.
  const auto page_number = [](std::string_view t) {
    t = trim_view(t);
    if (t.size() > 1 && t.back() == '.') t.remove_suffix(1);
    return !t.empty() && t.size() <= 4 &&
           t.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (start > 0 &&
      std::all_of(lines.begin(), lines.begin() + static_cast<ptrdiff_t>(start),
                  [&](const Line& l) { return page_number(l.text); }))
    return start;
  if (start < 2) return 0;
  // Below the site's field table the lines above the header are the
  // site's, its summary's sentences too, however they read ("Chính phủ,
  // Thủ tướng Chính phủ đã ban hành ...", "Để tăng cường ...").
  for (size_t i = 0; i < start && !site_fields; ++i) {
    const std::string_view t = lines[i].text;
    if (is_preamble_start(t) || is_formula(t) || match_structure_start(t))
      return 0;
  }
  return start;
}

// An upper-case title followed on the same line by running text, as a
// flattened copy prints it: "VỀ CÔNG TÁC ĐO ĐẠC ... TRONG CẢ NƯỚC Ngày 24
// tháng 6 năm 1977 Hội đồng Chính phủ đã ra ... ruộng đất. Thực hiện ...".
// The title ends before the first mixed-case word when what follows is
// sentences (at least a dozen words with a full stop inside or at the end,
// or a closing colon); a mixed-case subtitle ("CỦA CHÍNH PHỦ Quy định việc
// ...") is kept.
std::string_view cut_running_text(std::string_view title) {
  size_t start = 0;
  for (size_t sp = title.find(' '); sp != std::string_view::npos;
       sp = title.find(' ', sp + 1)) {
    const std::string_view head = title.substr(0, sp);
    if (start == 0 && !is_upper_line(head)) return title;  // not upper-case
    const size_t next = sp + 1;
    const size_t end = title.find(' ', next);
    const std::string_view word = title.substr(
        next,
        end == std::string_view::npos ? std::string_view::npos : end - next);
    ++start;
    if (is_upper_line(word) || !has_letters(word)) continue;
    const std::string_view rest = title.substr(next);
    // "... ĐẤT THU HỒI Căn cứ Luật Tổ chức Chính phủ ...;": the preamble's
    // first basis or recital on the title's line.
    if (preamble_kind(rest) != NodeKind::kParagraph) return title.substr(0, sp);
    const auto words = std::count(rest.begin(), rest.end(), ' ') + 1;
    const char last = rest.back();
    if (words >= 12 && (rest.find(". ") != std::string_view::npos ||
                        last == '.' || last == ':'))
      return title.substr(0, sp);
    return title;
  }
  return title;
}

// "nghị quyết" alone, in lower case: a type line that lost its capitals.
bool lower_type_line(std::string_view t) {
  t = trim_view(t);
  if (t.empty() || t.size() > 40) return false;
  std::string_view rest;
  return is_lower_line(t) && match_type_line(to_upper(t), rest) &&
         trim_view(rest).empty();
}

// Text saved from a legacy font without its capitals font (".VnTime" for
// ".VnTimeH") prints the header in lower case: "bộ tài chính    cộng hoà xã
// hội chủ nghĩa Việt nam", "Nghị định của chính phủ". When the national
// motto is not in capitals, the header's own lines (the motto, the issuing
// body, a type name alone or with "của ...") are read in capitals, as
// printed. A title ("Quy định việc phát hành ...") is left as it is.
bool restore_header_capitals(std::vector<std::string>& hl) {
  auto folded = [](const std::string& h) { return to_lower(trim_view(h)); };
  const bool lost =
      std::any_of(hl.begin(), hl.end(), [&](const std::string& h) {
        // "cộng hoà"/"Cộng hòa" not in capitals holds a small "ộ".
        if (h.find("ộng ho") == std::string::npos &&
            h.find("ộng hò") == std::string::npos)
          return false;
        const std::string f = folded(h);
        return (f.rfind("cộng hoà xã hội", 0) == 0 ||
                f.rfind("cộng hòa xã hội", 0) == 0 ||
                f.find(" cộng hoà xã hội chủ") != std::string::npos ||
                f.find(" cộng hòa xã hội chủ") != std::string::npos) &&
               !is_upper_line(trim_view(h));
      });
  // No line in capitals at all, and a type name alone in lower case
  // ("nghị quyết"): a header typed in capitals and decoded without them.
  const bool none_upper =
      !lost && std::none_of(hl.begin(), hl.end(), [](const std::string& h) {
        return is_upper_line(trim_view(h));
      });
  // The type line in lower case, alone or with its title on the line
  // ("nghị định về họ, hụi, biêu, phường").
  const auto lower_type_with_title = [](const std::string& h) {
    const std::string_view t = trim_view(h);
    if (t.empty() || t.size() > 400 || t[0] < 'a' || t[0] > 'z') return false;
    std::string_view rest;
    return is_lower_line(t) && match_type_line(to_upper(t), rest) != nullptr;
  };
  const bool lower_type =
      none_upper &&
      std::any_of(hl.begin(), hl.end(), [&](const std::string& h) {
        return lower_type_line(h) || lower_type_with_title(h);
      });
  static constexpr std::string_view kOrgans[] = {
      "chính phủ", "quốc hội",  "ủy ban",   "uỷ ban",
      "hội đồng",  "bộ ",       "tòa án",   "toà án",
      "viện kiểm", "thủ tướng", "chủ tịch", "ngân hàng",
      "văn phòng", "kiểm toán", "ban ",     "phủ thủ tướng"};
  if (!lost && !lower_type) {
    // The motto kept its capitals, the issuing body's line above it did
    // not ("quốc hội", "bộ tài chính - bộ công thương"): that line alone.
    bool restored = false;
    for (size_t i = 1; i < hl.size(); ++i) {
      if (!is_motto(hl[i])) continue;
      const std::string_view t = trim_view(hl[i - 1]);
      if (t.size() > 100 || !is_lower_line(t)) continue;
      for (std::string_view o : kOrgans)
        if (t.rfind(o, 0) == 0) {
          hl[i - 1] = to_upper(t);
          restored = true;
          break;
        }
    }
    return restored;
  }
  bool after_organ = false;  // the line before named an issuing body
  for (std::string& h : hl) {
    const std::string f = folded(h);
    const bool was_after_organ = after_organ;
    after_organ = false;
    if (f.empty() || is_upper_line(trim_view(h))) continue;
    bool header = f.rfind("cộng hoà", 0) == 0 || f.rfind("cộng hòa", 0) == 0 ||
                  f.rfind("độc lập", 0) == 0;
    const auto words = std::count(f.begin(), f.end(), ' ') + 1;
    const bool digits = std::any_of(
        f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
    // An enacting body's line may name its term and session: "hội đồng
    // nhân dân quận bắc từ liêm khóa ii, kỳ họp thứ 14".
    bool organ = false;
    for (std::string_view o : kOrgans) organ = organ || f.rfind(o, 0) == 0;
    // "bộ tài chính hướng dẫn ... như sau:" is the lead-in to the body.
    if (!header && organ && words <= 16 && f.find('.') == std::string::npos &&
        f.find(';') == std::string::npos && f.back() != ':') {
      header = true;
      after_organ = true;
    }
    // The body's second line: "hội đồng nhân dân" / "thành phố hà nội".
    if (!header && was_after_organ && !digits && words <= 6 &&
        f.find_first_of(".,;:") == std::string::npos)
      header = true;
    // The same line with the motto's second row after it: "thành phố cần
    // thơ Độc lập - Tự do - Hạnh phúc". Only the body's words are capitals.
    if (!header && was_after_organ && !digits) {
      size_t motto = h.find("Độc lập");
      if (motto == std::string::npos) motto = h.find("độc lập");
      const std::string body =
          motto == std::string::npos ? std::string() : trim(h.substr(0, motto));
      if (!body.empty() && std::count(body.begin(), body.end(), ' ') < 6 &&
          body.find_first_of(".,;:") == std::string::npos) {
        h = to_upper(body) + " " + h.substr(motto);
        continue;
      }
    }
    if (!header && lower_type_with_title(h)) header = true;
    if (!header && !digits && words <= 10) {
      // A type name alone, or with the issuer: "nghị định của chính phủ".
      const std::string up = to_upper(f);
      std::string_view rest;
      if (match_type_line(up, rest) &&
          (trim_view(rest).empty() || trim_view(rest).rfind("CỦA ", 0) == 0))
        header = true;
    }
    if (header) h = to_upper(trim_view(h));
  }
  return true;
}

// A LAWDATA title (see read_title_identity) transcribed from its capitals
// font keeps one capital: "Nghị định của Chính phủ số 29/1998/NĐ-CP ngày
// 11 tháng 5 năm 1998 về việc ...", "Thông tư liên tịch của Bộ Tài chính -
// Công nghiệp -" / "Tổng cục Hải quan số 176/1998/TTLT-BTC-BCN-TCHQ ...",
// the line breaks under the type name joined as a wrapped sentence. A type
// name opening one of the first lines, alone or before "của"/"liên tịch",
// with "số" and a number on it or the next line, is the type line printed
// in capitals; what follows it, the title. Returns the length of the type
// name opening such a line, 0 if none.
size_t sentence_case_type_length(std::string_view t, std::string_view next) {
  static const RE2 number_follows(R"re((?i)(?:^|\s)số\s*:?\s*\d+\s*/)re");
  if (t.size() < 4 || !starts_upper(t) || is_upper_line(t)) return 0;
  const std::string up = to_upper(t);
  std::string_view up_rest;
  if (!match_type_line(up, up_rest)) return 0;
  const size_t name_len = up.size() - up_rest.size();
  // "Nghị định", not "NGHỊ ĐỊNH" nor "Nghị Định": the transcript's case.
  const std::string_view name = t.substr(0, name_len);
  if (name != to_title_first(name)) return 0;
  const std::string rest = to_lower(trim(t.substr(name_len)));
  if (!rest.empty() && rest.rfind("của ", 0) != 0 &&
      rest.rfind("liên tịch ", 0) != 0)
    return 0;
  const std::string around = rest + " " + std::string(next);
  return RE2::PartialMatch(around, number_follows) ? name_len : 0;
}

void split_sentence_case_type(std::vector<std::string>& hl) {
  size_t seen = 0;
  for (size_t i = 0; i < hl.size() && seen < 3; ++i) {
    const std::string_view t = trim_view(hl[i]);
    if (t.empty()) continue;
    ++seen;
    const size_t name_len = sentence_case_type_length(
        t, i + 1 < hl.size() ? std::string_view(hl[i + 1]) : "");
    if (name_len == 0) continue;
    const std::string rest = trim(t.substr(name_len));
    // The body the title names ("của Chính phủ số ...") on a line of its
    // own, above the title or as the enacting line under it ("Chính phủ"),
    // lost its capitals too.
    static const RE2 organ_re(
        R"re((?i)^(?:liên tịch\s+)?của\s+(.{2,80}?)\s+số[\s:])re");
    std::string organ;
    if (RE2::PartialMatch(rest, organ_re, &organ)) {
      const std::string folded = to_lower(trim(organ));
      for (std::string& h : hl)
        if (to_lower(trim(h)) == folded) h = to_upper(trim(h));
    }
    hl[i] = to_upper(t.substr(0, name_len));
    if (!rest.empty())
      hl.insert(hl.begin() + static_cast<std::ptrdiff_t>(i) + 1, rest);
    return;
  }
}

// A consolidated text (văn bản hợp nhất) as the Official Gazette prints
// it: the gazette's section heading ("VĂN BẢN HỢP NHẤT - BỘ Y TẾ") and the
// consolidated document's type and title on top, its own number, date and
// authenticating body in the block that closes it: "BỘ Y TẾ" / "Số:
// 04/VBHN-BYT" / "XÁC THỰC VĂN BẢN HỢP NHẤT" / "Hà Nội, ngày 13 tháng 4 năm
// 2018" / the signature. The dates in the header are those of the texts
// consolidated; the block's are the document's.
// Returns the block's first line, or npos.
size_t read_consolidation_block(const std::vector<Line>& lines, size_t from,
                                Metadata& m) {
  if (m.number && m.number->find("VBHN") == std::string::npos)
    return std::string::npos;
  size_t mark = lines.size();
  for (size_t i = from; i < lines.size(); ++i) {
    const std::string_view t = trim_view(lines[i].text);
    if (t.rfind("XÁC THỰC VĂN BẢN HỢP NHẤT", 0) == 0) {
      mark = i;
      break;
    }
  }
  if (mark == lines.size()) return std::string::npos;
  const size_t lo = mark > 6 ? mark - 6 : from;
  size_t first = mark;
  const size_t hi = std::min(lines.size(), mark + 8);
  size_t number_at = hi;
  for (size_t i = lo; i < hi; ++i) {
    const std::string_view t = lines[i].text;
    std::string raw;
    if (number_at == hi && may_hold_number(t) &&
        RE2::PartialMatch(t, number_re(), &raw)) {
      const std::string num = canonical_number(raw);
      if (num.find("VBHN") == std::string::npos) continue;
      m.number = num;
      number_at = i;
      // The authenticating body: the lines in capitals above the number.
      std::string organ;
      first = std::min(first, i);
      for (size_t k = i; k > lo;) {
        const std::string t2 = trim(lines[k - 1].text);
        --k;
        if (t2.empty()) continue;
        if (!is_upper_line(t2) || t2.size() > 80) break;
        organ = organ.empty() ? t2 : t2 + " " + organ;
        first = k;
      }
      if (!organ.empty()) m.issuer = organ;
    }
    int d = 0, mo = 0, y = 0;
    if (may_hold_date(t) && RE2::PartialMatch(t, date_re(), &d, &mo, &y)) {
      const std::string iso = iso_date(d, mo, y);
      if (iso.empty()) continue;
      m.date = iso;
      const size_t comma = t.find(',');
      if (comma != std::string_view::npos) {
        const std::string place =
            trailing_place(strip_edges(trim(t.substr(0, comma))));
        if (!place.empty() && has_letters(place)) m.place = place;
      }
    }
  }
  return first;
}

Zones find_zones_and_metadata(Document& doc, const std::vector<Line>& lines) {
  Zones z;
  Metadata& m = doc.metadata;
  const size_t n = lines.size();
  // Header zone: up to the first preamble, formula or structural line.
  size_t header_end = n;
  bool type_seen = false;
  bool directive = false;
  bool directive_reasons = false;  // the header ended on a directive's reasons
  for (size_t i = 0; i < n && i < 80; ++i) {
    std::string_view t = lines[i].text;
    std::string_view rest;
    const TypeName* type_name = nullptr;
    if (!type_seen && (type_name = match_type_line(t, rest)) &&
        t.find(':') == std::string_view::npos) {
      // "QUYẾT ĐỊNH" alone is the type line of a decision; its formula
      // ("QUYẾT ĐỊNH:") comes after the title.
      type_seen = true;
      directive = type_name->name == "Chỉ thị";
      continue;
    }
    // "NGHỊ ĐỊNH" / "Thực hiện thí điểm quản lý lao động, ...": a title
    // that starts with a recital's words; a recital names what it carries
    // out ("Thực hiện Nghị quyết số ...").
    // Only after the type of a normative text, which always has a title (a
    // directive or a dispatch can open with its recital).
    std::string_view prev_rest;
    const TypeName* prev_type =
        i > 0 && starts_with(trim_view(t), "Thực hiện ")
            ? match_type_line(trim_view(lines[i - 1].text), prev_rest)
            : nullptr;
    static constexpr std::string_view kTitled[] = {
        "Luật",       "Bộ luật",  "Pháp lệnh",          "Nghị định",
        "Nghị quyết", "Thông tư", "Thông tư liên tịch", "Quyết định"};
    if (prev_type && trim_view(prev_rest).empty() &&
        std::find(std::begin(kTitled), std::end(kTitled), prev_type->name) !=
            std::end(kTitled)) {
      const std::string_view after =
          trim_view(trim_view(t).substr(std::string_view("Thực hiện ").size()));
      if (!after.empty() && !starts_upper(after)) continue;
    }
    // "KẾ HOẠCH" / "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai
    // ngày 27/12/2025": a plan's title names what it carries out. A recital
    // in that place is a sentence that ends in a mark ("..., Ủy ban nhân dân
    // tỉnh ban hành Kế hoạch như sau:"); a title's line does not.
    if (prev_type && trim_view(prev_rest).empty() &&
        prev_type->name == "Kế hoạch") {
      const std::string_view line = trim_view(t);
      const char last = line.back();
      if (last != ',' && last != ';' && last != ':' && last != '.') continue;
    }
    if (is_preamble_start(t) || is_bulleted_basis(t) || is_formula(t) ||
        match_structure_start(t)) {
      header_end = i;
      break;
    }
    // A directive opens on its reasons, running text before its numbered
    // tasks ("CHỈ THỊ" / "VỀ VIỆC ..." / "Trong thời gian qua, các khu
    // kinh tế ... góp phần củng cố an ninh quốc phòng."): a whole sentence
    // after the title is no header line. A title does not end in a stop.
    // A subject line ("CHỈ THỊ CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ" / "Về triển
    // khai thực hiện Chỉ thị số 09/2004/CT-TTg ... xã hội.") is the title,
    // even when a stop ends it.
    if (directive && t.size() > 200 && starts_upper(t) && !is_upper_line(t) &&
        (t.back() == '.' || t.back() == ':') && !starts_with(t, "Về ")) {
      header_end = i;
      directive_reasons = true;
      break;
    }
  }
  if (header_end == n) {
    // No basis, formula or unit (a notice, a letter): the header is its
    // first lines, up to the title's end. The first sentence of running text
    // after the title line, or "Nơi nhận", is the body or the closing.
    header_end = std::min<size_t>(n, 12);
    size_t type_at = n;
    for (size_t i = 0; i < header_end; ++i) {
      std::string_view t = lines[i].text;
      std::string_view rest;
      if (t.rfind("Nơi nhận", 0) == 0 || t.rfind("NƠI NHẬN", 0) == 0) {
        header_end = i;
        break;
      }
      if (type_at == n && match_type_line(t, rest) && trim_view(rest).empty()) {
        type_at = i;
        continue;
      }
      const char last = t.empty() ? ' ' : t.back();
      const bool sentence =
          !is_upper_line(t) && (last == '.' || last == ';' || t.size() > 250);
      if (sentence && (type_at == n ? t.size() > 250 : i > type_at + 1)) {
        header_end = i;
        break;
      }
    }
  }
  // A letter's addressees ("Kính gửi: ..." and its "- ..." lines) close
  // its header; the running text after them opens its body ("Phúc đáp Công
  // văn số 615/KVN-PC ..., Bộ Kế hoạch và Đầu tư có ý kiến như sau:").
  for (size_t i = 0; i < header_end; ++i) {
    if (!starts_with(lines[i].text, "Kính gửi")) continue;
    size_t j = i + 1;
    while (j < header_end &&
           (starts_with(lines[j].text, "-") || starts_with(lines[j].text, "+")))
      ++j;
    if (j < header_end) {
      const std::string_view t = trim_view(lines[j].text);
      const char last = t.empty() ? ' ' : t.back();
      if (!is_upper_line(t) && starts_upper(t) &&
          (last == '.' || last == ':' || t.size() > 120))
        header_end = j;
    }
    break;
  }
  // A consolidated text's note on the texts it joins ("Nghị định số
  // 20/2020/NĐ-CP ... được sửa đổi, bổ sung bởi:" / "1. Nghị định số
  // 87/2021/NĐ-CP ..." / "2. ...") is part of its header, up to the bases.
  if (header_end < n && header_end > 0) {
    bool note = false;
    for (size_t i = header_end; i > 0 && i + 12 > header_end; --i)
      if (lines[i - 1].text.find("bổ sung bởi") != std::string_view::npos)
        note = true;
    if (note) {
      for (size_t j = header_end; j < n && j < header_end + 40; ++j) {
        const std::string_view t = lines[j].text;
        if (is_preamble_start(t) || is_formula(t)) {
          header_end = j;
          break;
        }
        if (t.rfind("Điều", 0) == 0 || t.rfind("Chương", 0) == 0) break;
      }
    }
  }
  // A header needs a header line (motto, "Số:", type name, issuing body)
  // before the running text starts; a fragment that opens with "2." items
  // or a closing paragraph has none.
  {
    bool marked = false;
    for (size_t i = 0; i < header_end && !marked; ++i) {
      std::string_view t = lines[i].text;
      std::string_view rest;
      marked = is_motto(t) ||
               (may_hold_number(t) && RE2::PartialMatch(t, number_re())) ||
               match_type_line(t, rest) != nullptr || lower_type_line(t) ||
               (is_upper_line(t) && match_organ(t)) ||
               (i < 3 && !gazette_title_in_capitals(t).empty()) ||
               (i < 3 && sentence_case_type_length(
                             trim_view(t), i + 1 < n ? lines[i + 1].text
                                                     : std::string_view()) > 0);
      const char last = t.empty() ? ' ' : t.back();
      if (!marked && (last == '.' || last == ';' || last == ':') &&
          !is_upper_line(t))
        break;  // running text
    }
    if (!marked) header_end = 0;
  }
  z.header_end = header_end;

  // Header lines; markdown table rows ("A | B") are read column by column,
  // left column first, as the printed header has two columns.
  std::vector<std::string> hl;
  {
    std::vector<std::string> left, right;
    auto flush = [&]() {
      for (auto& c : left) hl.push_back(std::move(c));
      for (auto& c : right) hl.push_back(std::move(c));
      left.clear();
      right.clear();
    };
    for (size_t i = 0; i < header_end; ++i) {
      std::string_view t = lines[i].text;
      if (t.find('|') == std::string_view::npos) {
        flush();
        hl.emplace_back(t);
        continue;
      }
      std::vector<std::string> cells;
      size_t pos = 0;
      while (pos <= t.size()) {
        size_t bar = t.find('|', pos);
        std::string cell = trim(t.substr(pos, bar == std::string_view::npos
                                                  ? std::string_view::npos
                                                  : bar - pos));
        if (!cell.empty()) cells.push_back(cell);
        if (bar == std::string_view::npos) break;
        pos = bar + 1;
      }
      if (cells.size() >= 2) {
        left.push_back(cells[0]);
        for (size_t c = 1; c < cells.size(); ++c) right.push_back(cells[c]);
      } else {
        flush();
        for (auto& c : cells) hl.push_back(c);
      }
    }
    flush();
  }
  split_sentence_case_type(hl);
  const bool lost_capitals = restore_header_capitals(hl);
  if (!hl.empty())
    if (std::string up = gazette_title_in_capitals(hl[0]); !up.empty())
      hl[0] = std::move(up);
  const size_t hn = hl.size();
  // A header table copied without its cell breaks can glue the number to
  // the place: "Số: 08/2022/NĐ-CPHà Nội, ngày 10 tháng 01 năm 2022".
  for (std::string& h : hl) {
    if (!(starts_with(h, "Số") || starts_with(h, "SỐ"))) continue;
    if (const size_t at = glued_place(h); at != std::string::npos)
      h.insert(at, 1, ' ');
  }
  // The number may be split from "Số:" by a line break.
  {
    std::string joined;
    for (const std::string& h : hl) joined += h + "\n";
    re2::StringPiece raw;
    if (may_hold_number(joined) && RE2::PartialMatch(joined, number_re(), &raw))
      m.number = canonical_number(with_wrapped_code(joined, raw));
  }
  // Number, date and place.
  size_t motto_line = hn, number_line = hn, type_line = hn;
  std::string type_text;
  for (size_t i = 0; i < hn; ++i) {
    std::string_view t = hl[i];
    std::string raw;
    if (number_line == hn && may_hold_number(t) &&
        RE2::PartialMatch(t, number_re(), &raw)) {
      if (!m.number) m.number = canonical_number(raw);
      number_line = i;
    }
    int d = 0, mo = 0, y = 0;
    re2::StringPiece input(t.data(), t.size());
    re2::StringPiece whole;
    if (!m.date && may_hold_date(t)) {
      // The date and where it is, in one search: the whole match and the
      // day, month and year.
      re2::StringPiece g[4];
      if (date_re().Match(t, 0, t.size(), RE2::UNANCHORED, g, 4) &&
          RE2::Arg(&d).Parse(g[1].data(), g[1].size()) &&
          RE2::Arg(&mo).Parse(g[2].data(), g[2].size()) &&
          RE2::Arg(&y).Parse(g[3].data(), g[3].size())) {
        std::string iso = iso_date(d, mo, y);
        const std::string date_text(g[0].data(), g[0].size());
        const size_t pos = t.find(date_text);
        // The header's date follows a place ("Hà Nội, ngày ...") or stands
        // alone; "có hiệu lực kể từ ngày ..." in running text is not it.
        std::string lead = strip_edges(trim(t.substr(0, pos)));
        std::string_view last = lead;
        if (size_t sp = last.rfind(' '); sp != std::string_view::npos)
          last = last.substr(sp + 1);
        char32_t first_cp = 0;
        if (!last.empty()) internal::decode_utf8(last, 0, first_cp);
        // A place typed without its capitals ("Hà nội, ngày ...") still
        // starts with one.
        char32_t lead_cp = 0;
        if (!lead.empty()) internal::decode_utf8(lead, 0, lead_cp);
        const bool short_place =
            !lead.empty() && std::count(lead.begin(), lead.end(), ' ') < 4 &&
            u_isupper(static_cast<UChar32>(lead_cp));
        // "Nghị định số 20/2020/NĐ-CP ngày 17 tháng 02 năm 2020 ...": a
        // citation, not a place and date.
        const bool cited = lead.find(" số ") != std::string::npos &&
                           lead.find('/') != std::string::npos;
        const bool placed =
            !cited && (lead.empty() || short_place ||
                       u_isupper(static_cast<UChar32>(first_cp)) ||
                       date_text.rfind("Ngày", 0) == 0);
        if (!iso.empty() && placed) {
          m.date = iso;
          // Place: the words before "ngày" back to a column boundary.
          std::string before = std::string(t.substr(0, pos));
          for (const char* cut : {"Hạnh phúc", "HẠNH PHÚC", "|"}) {
            size_t c = before.rfind(cut);
            if (c != std::string::npos)
              before = before.substr(c + std::strlen(cut));
          }
          std::string num_raw;
          if (may_hold_number(before) &&
              RE2::PartialMatch(before, number_re(), &num_raw)) {
            size_t c = before.find(num_raw);
            if (c != std::string::npos)
              before = before.substr(c + num_raw.size());
          }
          std::string place = trailing_place(strip_edges(trim(before)));
          if (!place.empty() && place.size() < 80 && has_letters(place))
            m.place = place;
          // A công văn's subject line "V/v ..." runs up to the place.
          size_t vv = before.find("V/v");
          if (vv != std::string::npos && !m.title) {
            std::string subject =
                strip_edges(trim(std::string_view(before).substr(vv)));
            if (!place.empty() && subject.size() > place.size() &&
                subject.compare(subject.size() - place.size(), place.size(),
                                place) == 0)
              subject = trim(std::string_view(subject).substr(
                  0, subject.size() - place.size()));
            subject = strip_edges(subject);
            if (subject.size() > 4) m.title = subject;
          }
        }
      }
    }
    if (motto_line == hn && is_motto(t)) motto_line = i;
    std::string_view rest;
    if (type_line == hn && match_type_line(t, rest)) {
      type_line = i;
      type_text = std::string(t);
    }
    if (type_line == hn) {
      // "Hà Nội, ngày 17 tháng 11 năm 2020 NGHỊ QUYẾT THÍ ĐIỂM ...": split.
      static const RE2 after_date(
          R"re((?i)ngày\s*(?:0 )?\d{1,2}\s*tháng\s*(?:0 )?\d{1,2}\s*năm\s*\d{4}\s+(.*)$)re");
      std::string tail;
      // "ngày" in any case holds "à" or "À", then "y" and, past blanks, a
      // digit.
      auto digit_after_y = [t](size_t i) {
        return i < t.size() && (t[i] == 'y' || t[i] == 'Y') &&
               digit_after_spaces(t, i + 1);
      };
      if ((word_then(t, "à", digit_after_y) ||
           word_then(t, "À", digit_after_y)) &&
          RE2::PartialMatch(t, after_date, &tail) &&
          match_type_line(tail, rest)) {
        type_text = tail;
        type_line = i;
      }
    }
    if (type_line == hn && (contains(t, "số") || contains(t, "tháng"))) {
      // The type glued after the number or after a date not filled in, a
      // draft's mark between: "Luật số: … /2016/QH14 DỰ THẢO 24.10.2016
      // LUẬT VỀ HỘI", "Hà Nội, ngày   tháng   năm 2015 DỰ THẢO LẦN 4 THÔNG
      // TƯ HƯỚNG DẪN ...".
      static const RE2 after_number(
          R"re((?i)(?:số\s*:[\s.…_\d]*(?:/[^\s/]+)+|ngày[\s.…_]*tháng[\s.…_]*năm\s*\d{4})\s+(?:DỰ THẢO(?:\s+(?:LẦN\s+\S+|\d[\d./-]*))*\s+)?(.*)$)re");
      std::string tail;
      if (RE2::PartialMatch(t, after_number, &tail) &&
          match_type_line(tail, rest)) {
        type_text = tail;
        type_line = i;
      }
    }
  }

  // A copy not yet dated ("Hà Nội, ngày    tháng    năm 2026") still
  // names its place.
  if (!m.date && !m.place) {
    static const RE2 undated(
        R"re(^([^,|]{2,60}),\s*ngày[\s.…_]*tháng[\s.…_]*năm)re");
    for (size_t i = 0; i < hn && !m.place; ++i) {
      std::string before;
      if (!contains(hl[i], "ngày") ||
          !RE2::PartialMatch(hl[i], undated, &before))
        continue;
      std::string place = trailing_place(strip_edges(trim(before)));
      if (!place.empty() && has_letters(place)) m.place = place;
    }
  }

  // Type and title.
  std::string_view rest;
  if (type_line < hn) {
    const TypeName* type = match_type_line(type_text, rest);
    m.type = std::string(type->name);
    if (!type->code.empty()) m.type_code = std::string(type->code);
    // "VĂN BẢN HỢP NHẤT - BỘ Y TẾ" (or "VĂN BẢN HỢP NHẤT" alone): the
    // heading over a consolidated text; the title follows the consolidated
    // document's own type line ("THÔNG TƯ", "LUẬT"), which gives the type
    // (a consolidated law is a law).
    if (type->code == "VBHN" &&
        (trim_view(rest).empty() || trim_view(rest).rfind("-", 0) == 0)) {
      for (size_t j = type_line + 1; j < hn; ++j) {
        std::string_view rest2;
        const std::string t = trim(hl[j]);
        const TypeName* own = match_type_line(t, rest2);
        if (own && own->code != "VBHN" && trim_view(rest2).empty()) {
          type_line = j;
          rest = {};
          m.type = std::string(own->name);
          break;
        }
      }
    }
    // "NGHỊ ĐỊNH CỦA CHÍNH PHỦ" / "Quy định việc ...": the issuer named on
    // the type line, or on its own line under it ("QUYẾT ĐỊNH" / "CỦA THỦ
    // TƯỚNG CHÍNH PHỦ" / "Về việc ..."), is not the title; the title starts
    // after it, at "VỀ" when it goes on on the same line.
    const auto without_issuer = [](std::string t) {
      if (t.rfind("CỦA ", 0) == 0 && is_upper_line(t)) {
        const size_t about = t.find(" VỀ ");
        return about == std::string::npos ? std::string() : t.substr(about + 1);
      }
      if (t.rfind("CỦA ", 0) == 0) {
        // "CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH về việc ...": the issuer in capitals,
        // then the title in small letters.
        const size_t about = t.find(" về ");
        if (about != std::string::npos &&
            is_upper_line(std::string_view(t).substr(0, about)))
          return t.substr(about + 1);
      }
      return t;
    };
    // "NGHỊ ĐỊNH [Các quy định ... bị thay thế bởi ... Nghị định này được
    // hướng dẫn bởi ...] CỦA CHÍNH PHỦ ... VỀ MUA BÁN VÀ KINH DOANH NHÀ Ở
    // [...]": a legal website's notes in square brackets are no part of
    // the title.
    const auto without_notes = [](std::string t) {
      for (size_t open = t.find('['); open != std::string::npos;
           open = t.find('[', open)) {
        const size_t close = t.find(']', open);
        if (close == std::string::npos) break;
        t.erase(open, close + 1 - open);
        while (open > 0 && open < t.size() && t[open - 1] == ' ' &&
               t[open] == ' ')
          t.erase(open, 1);
      }
      return trim(t);
    };
    std::string title = without_issuer(without_notes(trim(rest)));
    size_t i = type_line + 1;
    for (; i < hn; ++i) {
      std::string t = without_notes(trim(hl[i]));
      if (t.empty()) continue;
      // (A line that also gives the number and date, "CỦA CHÍNH PHỦ SỐ
      // 29/1998/NĐ-CP NGÀY 11 THÁNG 5 NĂM 1998", is read below.)
      if (title.empty() && i == type_line + 1 &&
          t.find_first_of("0123456789") == std::string::npos) {
        t = without_issuer(std::move(t));
        if (t.empty()) continue;
      }
      // "KHÓA XI, KỲ HỌP THỨ BA" ends the title; a title citing a term
      // ("... DO HỘI ĐỒNG NHÂN DÂN TỈNH KHÓA X, KỲ HỌP THỨ BA BAN HÀNH") does
      // not.
      const bool term_line = t.rfind("KH", 0) == 0 && may_hold_term(t) &&
                             RE2::PartialMatch(t, term_re());
      // "của Chính phủ Số 94 /1998/NĐ-CP ngày ...": a LAWDATA title's
      // issuer, number and date (read_title_identity), not a number line.
      const bool title_identity =
          title.empty() && i == type_line + 1 &&
          (t.rfind("của ", 0) == 0 || t.rfind("liên tịch ", 0) == 0);
      if (match_organ(t) || term_line || t.rfind("(", 0) == 0 ||
          (!title_identity && may_hold_number(t) &&
           RE2::PartialMatch(t, number_re())))
        break;
      // "Thông tư số 05/2015/TT-BYT ngày ... được sửa đổi, bổ sung bởi:": a
      // consolidated text's note on the texts it joins (in other titles such
      // a line goes on: "... thực hiện" / "Chỉ thị số 52-CT/TW ...").
      static const RE2 cited(
          R"re(^(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị)(?: liên tịch)? số \d)re");
      if (!title.empty() &&
          (type->code == "VBHN" ||
           t.find("bổ sung bởi") != std::string::npos) &&
          RE2::PartialMatch(t, cited))
        break;
      // An upper-case title does not go on in a sentence of running text:
      // "VỀ CÔNG TÁC ĐO ĐẠC ..." / "Ngày 24 tháng 6 năm 1977 Hội đồng Chính
      // phủ đã ra ... ruộng đất." (an old directive without a preamble).
      if (!title.empty() && is_upper_line(title) && !is_upper_line(t) &&
          t.back() == '.')
        break;
      // A title in small letters does not go on in capitals: "Về việc trợ
      // cấp ưu đãi ..." / "GIÁM ĐỐC SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" is
      // the enacting authority.
      if (!title.empty() && !is_upper_line(title) && is_upper_line(t) &&
          may_start_title(t) && RE2::PartialMatch(t, title_word_re()))
        break;
      title += (title.empty() ? "" : " ") + t;
    }
    title = std::string(cut_running_text(title));
    // Flattened copies glue the enacting body to the title: "... QUỐC HỘI",
    // "... QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    // "... TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH".
    static const RE2 organ_tail(
        R"re(^(.*\S)\s+(?:QUỐC HỘI|CHÍNH PHỦ|ỦY BAN THƯỜNG VỤ QUỐC HỘI|BỘ TRƯỞNG BỘ [^,]*|)re"
        R"re(QUỐC HỘI NƯỚC CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|)re"
        R"re(HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO|)re"
        R"re(CHỦ TỊCH (?:ỦY|UỶ) BAN NHÂN DÂN[^,]*)$)re");
    std::string head;
    // Necessary for organ_tail: one of its endings, or "BỘ TRƯỞNG BỘ".
    const bool may_end_with_organ =
        ends_with(title, "QUỐC HỘI") || ends_with(title, "CHÍNH PHỦ") ||
        ends_with(title, "TỐI CAO") || ends_with(title, "CHỦ NGHĨA VIỆT NAM") ||
        title.find("BỘ TRƯỞNG BỘ") != std::string::npos ||
        title.find("CHỦ TỊCH ỦY BAN NHÂN DÂN") != std::string::npos ||
        title.find("CHỦ TỊCH UỶ BAN NHÂN DÂN") != std::string::npos;
    if (may_end_with_organ && is_upper_line(title) &&
        RE2::FullMatch(title, organ_tail, &head) &&
        !(head.size() >= 4 && head.compare(head.size() - 4, 4, "CỦA") == 0) &&
        head.size() > 10) {
      title = head;
      // "... NĂM 1991 UỶ BAN THƯỜNG VỤ QUỐC HỘI": the longest head leaves
      // the standing committee's first words when "QUỐC HỘI" ends it.
      for (std::string_view c : {" ỦY BAN THƯỜNG VỤ", " UỶ BAN THƯỜNG VỤ"})
        if (ends_with(title, c) && title.size() > c.size() + 10)
          title.resize(title.size() - c.size());
    }
    title = strip_edges(title);
    // "Về triển khai ... Ngân hàng chính sách xã hội.": the subject line's
    // stop is no part of the title.
    if (title.size() > 2 && title.back() == '.' &&
        title[title.size() - 2] != '.' && starts_with(title, "Về "))
      title.pop_back();
    if (!title.empty()) m.title = title;
  }
  // A công văn's subject line: "V/v hướng dẫn ...", on its own line or
  // after the number ("Số: 627/BYT-BH V/v hướng dẫn ...").
  if (!m.title) {
    for (size_t i = 0; i < hn; ++i) {
      std::string t = trim(hl[i]);
      if (size_t vv = t.find(" V/v ");
          vv != std::string::npos &&
          (starts_with(t, "Số") || starts_with(t, "SỐ")))
        t.erase(0, vv + 1);
      if (t.rfind("V/v", 0) == 0 && t.size() > 4 &&
          t.find(", ngày") == std::string::npos &&
          !(may_hold_date(t) && RE2::PartialMatch(t, date_re()))) {
        m.title = strip_edges(t);
        break;
      }
    }
  }
  read_title_identity(m);
  // A letter's marks in the header: its subject line and its addressees.
  bool subject = false, addressed = false;
  for (size_t i = 0; i < hn; ++i) {
    if (hl[i].find("V/v") != std::string_view::npos) subject = true;
    if (hl[i].find("Kính gửi") != std::string_view::npos) addressed = true;
  }
  // The type code and issuer code from the number ("01/NQ-HĐND").
  if (m.number) {
    std::string_view num = *m.number;
    size_t slash = num.rfind('/');
    std::string_view tail = slash == std::string_view::npos
                                ? std::string_view{}
                                : num.substr(slash + 1);
    // Old symbols put a dot where today's put the hyphen: "QĐ.UB".
    size_t dash = tail.find('-');
    if (dash == std::string_view::npos) dash = tail.find('.');
    std::string_view code = dash == std::string_view::npos
                                ? std::string_view{}
                                : tail.substr(0, dash);
    std::string_view issuer_code =
        dash == std::string_view::npos ? tail : tail.substr(dash + 1);
    const TypeName* t = code.empty() ? nullptr : type_from_code(code);
    // A letter prints no type word; the first code of its symbol names
    // the issuer even when it reads as a type's ("5348/CT-CS": CT the Cục
    // Thuế, no Chỉ thị).
    if (t && !m.type && subject && addressed) t = nullptr;
    if (t && !m.type) m.type = std::string(t->name);
    if (t && !m.type_code) m.type_code = std::string(t->code);
    // A letter's symbol names the issuer, then the drafting unit:
    // "3722/VPCP-CN".
    if (!t && !code.empty()) issuer_code = code;
    if (!issuer_code.empty()) m.issuer_code = std::string(issuer_code);
    // Official letters (công văn) carry no type code: "3397/BKHĐT-QLKTTW".
    if (!m.type && (code.empty() || !t) && (subject || addressed))
      m.type = "Công văn";
  } else if (!m.type && subject && addressed) {
    // A letter whose number was not read (a scan's "Số: A308/TUBND-VX")
    // is still a letter: its subject line and its addressees say so.
    m.type = "Công văn";
  }

  // Issuer: upper-case lines just before the motto or the number line.
  size_t anchor = std::min(motto_line, number_line);
  if (anchor < hn) {
    std::string issuer;
    // The issuer may share the motto's line: "CHÍNH PHỦ CỘNG HÒA XÃ HỘI...".
    if (anchor == motto_line) {
      re2::StringPiece mm;
      std::string_view t = hl[anchor];
      std::string motto_text;
      static const RE2 motto_cap(
          R"re((C[ỘộO]NG\s+H[ÒOÀ]+A?\s+X[ÃA]\s+H[ỘO]I))re");
      if (RE2::PartialMatch(t, motto_cap, &motto_text)) {
        std::string prefix = trim(t.substr(0, t.find(motto_text)));
        if (!prefix.empty() && is_upper_line(prefix)) {
          issuer = prefix;
          // Flattened columns: "THÀNH PHỐ HÀ NỘI Độc lập - Tự do - Hạnh phúc".
          if (anchor + 1 < hn) {
            std::string_view next = hl[anchor + 1];
            size_t dl = next.find("Độc lập");
            if (dl == std::string_view::npos) dl = next.find("ĐỘC LẬP");
            std::string more = trim(next.substr(0, dl));
            if (dl != std::string_view::npos && !more.empty() &&
                is_upper_line(more)) {
              issuer += " " + more;
              // A unit under its superior body whose name goes on below
              // the motto's rows: "BQL CÁC KHU CÔNG NGHIỆP Độc lập ..." /
              // "BÀ RỊA – VŨNG TÀU" / "Số: ..." (not a filing mark, "TV.").
              if (anchor + 2 < std::min(hn, number_line)) {
                const std::string third = trim(hl[anchor + 2]);
                std::string_view rest;
                if (!issuing_unit(issuer).empty() && third.size() <= 60 &&
                    third.find(' ') != std::string::npos &&
                    third.find('.') == std::string::npos &&
                    is_upper_line(third) && !is_motto(third) &&
                    third.find_first_of("0123456789:") == std::string::npos &&
                    match_type_line(third, rest) == nullptr)
                  issuer += " " + third;
              }
            }
          }
        }
      }
    }
    if (issuer.empty()) {
      size_t k = anchor;
      std::vector<std::string> parts;
      while (k > 0) {
        std::string t = trim(hl[k - 1]);
        // "NGHỊ ĐỊNH" / "của Chính phủ Số 94 /1998/NĐ-CP ngày ...": the type
        // line over a LAWDATA title that holds the number is no issuer.
        if (!is_upper_line(t) || is_motto(t) ||
            (t.size() > 120 && !joint_issuers(t)) || k - 1 == type_line)
          break;
        // The gazette's section headings above the document ("VĂN BẢN QUY
        // PHẠM PHÁP LUẬT" / "ỦY BAN THƯỜNG VỤ QUỐC HỘI", then the document's
        // own "ỦY BAN THƯỜNG VỤ QUỐC HỘI"): the issuer is printed once.
        if (starts_with(t, "VĂN BẢN QUY PHẠM PHÁP LUẬT") ||
            starts_with(t, "VĂN BẢN PHÁP LUẬT KHÁC"))
          break;
        if (!parts.empty() && parts.front() == t) break;
        parts.insert(parts.begin(), t);
        --k;
      }
      for (const std::string& p : parts)
        issuer += (issuer.empty() ? "" : " ") + p;
      if (parts.empty() && k > 0 && k - 1 != type_line) {
        // "... do Bộ Kế hoạch và Đầu tư ban hành BỘ KẾ HOẠCH VÀ ĐẦU TƯ": the
        // upper-case tail of a site title line.
        std::string t = trim(hl[k - 1]);
        size_t cut = t.size();
        size_t pos = t.size();
        while (pos > 0) {
          size_t sp = t.rfind(' ', pos - 1);
          size_t start = sp == std::string::npos ? 0 : sp + 1;
          std::string_view w(t.data() + start, pos - start);
          if (!is_upper_line(w)) break;
          cut = start;
          if (sp == std::string::npos) break;
          pos = sp;
        }
        std::string tail = trim(std::string_view(t).substr(cut));
        if (tail.find(' ') != std::string::npos && tail.size() > 4)
          issuer = tail;
      }
    }
    issuer = strip_edges(issuer);
    // "VĂN BẢN HỢP NHẤT - BỘ Y TẾ": the gazette's heading over a
    // consolidated text names the body that authenticates it.
    static constexpr std::string_view kConsolidated = "VĂN BẢN HỢP NHẤT -";
    if (starts_with(issuer, kConsolidated))
      issuer = trim(std::string_view(issuer).substr(kConsolidated.size()));
    if (std::string unit = issuing_unit(issuer); !unit.empty())
      issuer = std::move(unit);
    if (!issuer.empty()) m.issuer = issuer;
  }
  // Enacting body line (after the title): issuer fallback, term, session.
  for (size_t i = type_line < hn ? type_line + 1 : 0; i < hn; ++i) {
    std::string t = trim(hl[i]);
    std::string term, session;
    if (may_hold_term(t) && RE2::PartialMatch(t, term_re(), &term, &session)) {
      // The session's words in capitals or figures ("MƯỜI BA", "CHUYÊN ĐỀ
      // LẦN THỨ 5", "BẤT THƯỜNG"), up to running text.
      std::string kept;
      size_t b = 0;
      while (b < session.size()) {
        size_t e = session.find(' ', b);
        if (e == std::string::npos) e = session.size();
        const std::string_view w = std::string_view(session).substr(b, e - b);
        if (!w.empty()) {
          const bool figure = std::all_of(
              w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
          if (!figure && !is_upper_line(w)) break;
          kept += (kept.empty() ? "" : " ") + std::string(w);
        }
        b = e + 1;
      }
      if (!kept.empty()) session = kept;
      m.term = term;
      m.session = session;
    }
    // A web copy that keeps only the first header line ("HỘI ĐỒNG NHÂN DÂN |
    // CỘNG HÒA ...") leaves a bare body name; the enacting body line below
    // the number names it whole ("HỘI ĐỒNG NHÂN DÂN TỈNH HẢI DƯƠNG").
    const bool bare_issuer =
        m.issuer && i > number_line && number_line < hn &&
        (*m.issuer == "HỘI ĐỒNG NHÂN DÂN" || *m.issuer == "ỦY BAN NHÂN DÂN" ||
         *m.issuer == "UỶ BAN NHÂN DÂN") &&
        t.size() > m.issuer->size() + 1 && starts_with(t, *m.issuer) &&
        t[m.issuer->size()] == ' ' && t.find('|') == std::string::npos;
    if ((!m.issuer || bare_issuer) && is_upper_line(t) && match_organ(t)) {
      std::string org = t;
      // The enacting body may wrap: "HỘI ĐỒNG NHÂN DÂN" / "TỈNH ĐỒNG THÁP".
      for (size_t k = i + 1; k < hn && k < i + 3; ++k) {
        std::string next = trim(hl[k]);
        if (!is_upper_line(next) ||
            (may_hold_term(next) && RE2::PartialMatch(next, term_re())) ||
            next.rfind("KHÓA", 0) == 0 || next.rfind("KHOÁ", 0) == 0 ||
            next.rfind("KỲ HỌP", 0) == 0 || match_organ(next) ||
            next.size() > 80)
          break;
        org += " " + next;
      }
      static const RE2 cut_term(R"re(\s*KH(?:ÓA|OÁ)\s.*$)re");
      RE2::Replace(&org, cut_term, "");
      org = strip_edges(org);
      if (!org.empty()) m.issuer = org;
    }
  }
  // A flattened copy glues the enacting body, the issuer's name again, to
  // the title: "QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH ... TRONG TÌNH HÌNH
  // MỚI” ỦY BAN NHÂN DÂN TỈNH KON TUM". A title naming its issuer after a
  // linking word ("... CỦA ỦY BAN NHÂN DÂN TỈNH KON TUM") keeps it.
  if (m.title && m.issuer && m.issuer->find(' ') != std::string::npos) {
    std::string& title = *m.title;
    // The head of the issuing body may precede its name: "... THẺ BẢO HIỂM
    // Y TẾ TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM".
    for (const std::string& organ :
         {"CHỦ TỊCH " + *m.issuer, "TỔNG GIÁM ĐỐC " + *m.issuer,
          "GIÁM ĐỐC " + *m.issuer, "TỔNG CỤC TRƯỞNG " + *m.issuer,
          "CỤC TRƯỞNG " + *m.issuer, "BỘ TRƯỞNG " + *m.issuer,
          "THỐNG ĐỐC " + *m.issuer, *m.issuer}) {
      if (title.size() <= organ.size() + 10 || !ends_with(title, organ) ||
          title[title.size() - organ.size() - 1] != ' ')
        continue;
      std::string head = trim(
          std::string_view(title).substr(0, title.size() - organ.size() - 1));
      const size_t sp = head.rfind(' ');
      const std::string_view last =
          std::string_view(head).substr(sp == std::string::npos ? 0 : sp + 1);
      static constexpr std::string_view kLinks[] = {
          "CỦA", "DO", "VỚI", "VÀ", "CHO", "TẠI", "THUỘC", "GIỮA", "TỪ",
          "của", "do", "với", "và", "cho", "tại", "thuộc", "giữa", "từ"};
      if (std::find(std::begin(kLinks), std::end(kLinks), last) !=
          std::end(kLinks))
        break;
      head = strip_edges(head);
      if (!head.empty()) title = head;
      break;
    }
  }

  // Preamble: basis, recitals, formula.
  size_t body_begin = header_end;
  {
    size_t last_preamble = header_end;
    bool any = false;
    for (size_t i = header_end; i < n && i < header_end + 200; ++i) {
      std::string_view t = lines[i].text;
      if (match_structure_start(t)) break;
      NodeKind k = preamble_kind(t);
      if (k == NodeKind::kFormula) {
        last_preamble = i + 1;
        any = true;
        break;
      }
      if (k == NodeKind::kBasis || k == NodeKind::kRecital) {
        last_preamble = i + 1;
        any = true;
        continue;
      }
      // Other lines continue the preamble only while no body started.
      if (!any) break;
    }
    body_begin = any ? last_preamble : header_end;
    // A directive's reasons, up to its first numbered task, are its
    // preamble (only when such a task follows soon).
    if (!any && directive_reasons) {
      for (size_t i = header_end; i < n && i < header_end + 40; ++i) {
        if (match_structure_start(lines[i].text)) {
          body_begin = i;
          break;
        }
      }
    }
  }
  z.body_begin = body_begin;

  // Closing: "Nơi nhận" and the signature block.
  size_t recipients = n;
  for (size_t i = body_begin; i < n; ++i) {
    std::string_view t = lines[i].text;
    if (t.rfind("Nơi nhận", 0) == 0 || t.rfind("NƠI NHẬN", 0) == 0) {
      recipients = i;
      break;
    }
  }
  bool annex_recipients = false;
  auto signature_in = [&](const std::vector<Line>& ls) {
    SignatureFound found;
    if (recipients < n) {
      found = find_signature(ls, recipients, std::min(n, recipients + 60));
      if (!found.found) {
        // The first "Nơi nhận" may be a form's, in an annex after the
        // document's own signature (which has no recipients): that
        // signature stands before the annex's caption.
        const size_t annex = annex_caption_before(ls, body_begin, recipients);
        size_t from = recipients > 8 ? recipients - 8 : body_begin;
        found = find_signature(ls, std::max(from, body_begin), recipients,
                               std::min(n, recipients + 60));
        if (!found.found && annex < recipients)
          found = find_signature(ls, body_begin, annex);
        annex_recipients =
            found.found && annex < recipients && found.last_line < annex;
      }
    } else {
      found = find_signature(ls, body_begin, n);
    }
    return found;
  };
  SignatureFound sig = signature_in(lines);
  if (!sig.found) {
    // The signature's titles lost their capitals with the header's ("tm.
    // hội đồng nhân dân" / "chủ tịch"): short lines without a capital are
    // read in capitals; the signer's name keeps its own. A title that lost
    // them alone ("TM. chính phủ" / "Thủ tướng", see recased_title_line) is
    // read in capitals too, looked for near the recipients or the end.
    const size_t from = std::min(n, body_begin);
    const size_t near = recipients < n ? (recipients > 8 ? recipients - 8 : 0)
                                       : (n > 40 ? n - 40 : 0);
    std::vector<std::pair<size_t, std::string>> changed;
    for (size_t i = from; i < n; ++i) {
      const std::string_view t = trim_view(lines[i].text);
      if (t.empty()) continue;
      if (lost_capitals && t.size() <= 80 && to_lower(t) == t) {
        changed.emplace_back(i, to_upper(t));
      } else if (i >= near) {
        std::string r = recased_title_line(t);
        if (!r.empty()) changed.emplace_back(i, std::move(r));
      }
    }
    if (!changed.empty()) {
      std::vector<Line> recased = lines;
      for (const auto& [i, text] : changed) recased[i].text = text;
      sig = signature_in(recased);
    }
  }
  if (!sig.found)
    sig = find_signed_name(lines, body_begin,
                           recipients < n ? std::min(n, recipients + 60) : n);
  if (sig.found) m.signer = sig.signer;
  if (annex_recipients) recipients = n;  // the document has none
  // The block closes the body: it goes with the signature after it.
  if (const size_t block = read_consolidation_block(lines, body_begin, m);
      block != std::string::npos && sig.found && block < sig.first_line &&
      block + 12 > sig.first_line && block > body_begin)
    sig.first_line = block;
  z.body_end = recipients;
  if (sig.found) {
    if (recipients == n || sig.first_line < recipients)
      z.body_end = std::min(recipients, sig.first_line);
    z.closing_end = std::max(sig.last_line + 1, z.body_end);
    // The recipients' column goes on below the signer's name.
    if (sig.beside_recipients)
      while (z.closing_end < n &&
             recipient_piece(trim_view(lines[z.closing_end].text)))
        ++z.closing_end;
    if (recipients < n && sig.last_line < recipients) {
      // Signature before the recipients: the list ends at its last "-" line.
      size_t k = recipients + 1;
      while (k < n && (lines[k].text.rfind("-", 0) == 0 ||
                       lines[k].text.rfind("+", 0) == 0))
        ++k;
      z.closing_end = k;
    }
  } else if (recipients < n) {
    size_t k = recipients + 1;
    while (k < n && (lines[k].text.rfind("-", 0) == 0 ||
                     lines[k].text.rfind("+", 0) == 0))
      ++k;
    z.closing_end = k;
  } else {
    z.body_end = n;
    z.closing_end = n;
  }
  return z;
}

}  // namespace vnlegal::segment_internal
