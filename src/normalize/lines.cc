// Pass C of the normalizer: one logical line per paragraph.
//
// Web copies and PDF extraction wrap lines in mid-sentence and split
// paragraphs at page breaks ("... các dự án" / "" / "đầu giá ..."). A line
// is joined to the previous one when the previous one cannot end a
// paragraph and the next one cannot start one: it starts in lower case or
// with a digit that is not a list number, or the previous line ends with a
// comma, a function word ("của", "và", "số") or inside emphasis. A line that
// starts with a structural marker is never joined.
#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "internal/re2_classes.h"
#include "internal/text_builder.h"
#include "internal/utf8.h"
#include "normalize/passes.h"

namespace vnlegal::internal {
namespace {

constexpr std::string_view kOpen = "\xEE\x80\x80";
constexpr std::string_view kClose = "\xEE\x80\x81";
// A page break (a form feed in the input; see normalize.cc).
constexpr std::string_view kPage = "\xEE\x80\x82";

// The markers a line may start with, as RE2 reads this pattern at the start
// of the line (the unit test keeps the pattern and checks the two agree):
//   (Điều|ĐIỀU|Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Tiểu mục|TIỂU MỤC)
//       \s+[0-9IVXLCivxlc]
//   (PHẦN|Phần) thứ
//   [IVXLC]+\s*[.):]
//   \d{1,3}[a-zđ]?(\.\d+)*\s*[.):](\s|$)
//   \d{1,3}(\.\d+)*\.\p{Lu}
//   \d+(\.\d+)+\s
//   \d{1,2}(\.\d{1,2}){0,2}( ?-|/) +\p{Lu}
//   [IVXLC]+/ +\p{Lu}   [a-zđ]/ +\pL
//   [a-zđ]\d?\s*[.)](\s|$)
//   [ivx]{2,4}\s*\.(\s|$)
//   [-+•–—]   \|   \(\d+\)   \[
//   Căn cứ, Xét, Theo đề nghị, Sau khi, Nơi nhận, QUYẾT NGHỊ, QUYẾT ĐỊNH,
//   TM\., KT\., TL\., TUQ\., "Q\. "
// Written out by hand: it runs once per line, and a regex search costs
// more than the rest of the line's decisions together.
using re2_class::after_digits;
using re2_class::after_spaces;
using re2_class::digit;
using re2_class::space;

// \s*[<closers>](\s|$) at i.
inline bool closes_at(std::string_view s, size_t i, std::string_view closers) {
  i = after_spaces(s, i);
  if (i >= s.size()) return false;
  bool closer = false;
  for (const char k : closers) closer = closer || s[i] == k;
  return closer && (i + 1 == s.size() || space(s[i + 1]));
}

// [a-zđ] at i: its length, or 0.
size_t lower_letter(std::string_view s, size_t i) {
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z') return 1;
  return s.compare(i, 2, "đ") == 0 ? 2 : 0;
}

// A capital letter (Vietnamese ones included) at i.
bool capital_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  char32_t cp = static_cast<unsigned char>(s[i]);
  if (cp >= 0x80 && decode_utf8(s, i, cp) == 0) return false;
  return u_isupper(static_cast<UChar32>(cp));
}

bool numbered_marker(std::string_view s) {
  const size_t digits = after_digits(s, 0);
  if (digits <= 3) {
    // \d{1,3}(\.\d+)*\.\p{Lu}: a number typed without its space, glued to
    // the item's first word ("1.Các sở ...", "2.Giao Sở Tài chính ...");
    // a capital, so that "3.5%" and "1.000 người" stay figures.
    size_t p = digits;
    while (p + 1 < s.size() && s[p] == '.' && digit(s[p + 1]))
      p = after_digits(s, p + 1);
    if (p < s.size() && s[p] == '.' && capital_at(s, p + 1)) return true;
  }
  // \d{1,3}[a-zđ]?(\.\d+)*\s*[.):](\s|$)
  if (digits <= 3) {
    size_t p = digits + lower_letter(s, digits);
    for (;;) {
      if (closes_at(s, p, ".):")) return true;
      if (p + 1 < s.size() && s[p] == '.' && digit(s[p + 1]))
        p = after_digits(s, p + 1);
      else
        break;
    }
  }
  // \d+(\.\d+)+\s
  size_t p = digits;
  bool group = false;
  while (p + 1 < s.size() && s[p] == '.' && digit(s[p + 1])) {
    p = after_digits(s, p + 1);
    group = true;
  }
  return group && p < s.size() && space(s[p]);
}

// \d{1,2}(\.\d{1,2}){0,2}( ?-|/) +\p{Lu}: a list number ended by a hyphen
// or a slash, as older documents write it ("1- Đối tượng áp dụng:", "2.1-
// Nội địa hoá:", "1 - Mức trợ cấp ...", "1/ Đối tượng chịu thuế:").
bool hyphen_numbered_marker(std::string_view s) {
  size_t p = 0;
  for (int level = 0; level < 3; ++level) {
    const size_t b = p;
    p = after_digits(s, p);
    if (p == b || p - b > 2) return false;
    if (level == 2 || p + 1 >= s.size() || s[p] != '.' || !digit(s[p + 1]))
      break;
    ++p;
  }
  if (p + 1 < s.size() && s[p] == '/' && s[p + 1] == ' ') {
    ++p;  // "1/ Đối tượng chịu thuế:"
  } else {
    if (p < s.size() && s[p] == ' ') ++p;
    if (p + 1 >= s.size() || s[p] != '-' || s[p + 1] != ' ') return false;
    ++p;
  }
  while (p < s.size() && s[p] == ' ') ++p;
  return capital_at(s, p);
}

bool is_roman(char c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

// `s` starts with `p`; with a literal `p` the comparison is inlined.
inline bool has_prefix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() &&
         (p.empty() || std::memcmp(s.data(), p.data(), p.size()) == 0);
}

// (unit)\s+[0-9IVXLCivxlc] at the start of `s`.
bool unit_at(std::string_view s, std::string_view unit) {
  if (!has_prefix(s, unit)) return false;
  size_t p = unit.size();
  if (p >= s.size() || !space(s[p])) return false;
  p = after_spaces(s, p);
  if (p >= s.size()) return false;
  const char c = s[p];
  return digit(c) || is_roman(c) || c == 'i' || c == 'v' || c == 'x' ||
         c == 'l' || c == 'c';
}

// "/ +" at p, then a capital (`capital`) or any letter: the end of "I/",
// "a/" list markers.
bool slash_then(std::string_view s, size_t p, bool capital) {
  if (p + 1 >= s.size() || s[p] != '/' || s[p + 1] != ' ') return false;
  p += 2;
  while (p < s.size() && s[p] == ' ') ++p;
  if (capital) return capital_at(s, p);
  if (p >= s.size()) return false;
  char32_t cp = static_cast<unsigned char>(s[p]);
  if (cp >= 0x80 && decode_utf8(s, p, cp) == 0) return false;
  return u_isalpha(static_cast<UChar32>(cp));
}

bool hand_marker(std::string_view s) {
  if (s.empty()) return false;
  const char c = s[0];
  if (digit(c)) return numbered_marker(s) || hyphen_numbered_marker(s);
  if (c == '-' || c == '+' || c == '|' || c == '[') return true;
  if (c == '(') {
    const size_t d = after_digits(s, 1) - 1;
    return d > 0 && 1 + d < s.size() && s[1 + d] == ')';
  }
  // "•", "–", "—".
  if (c == '\xE2' && s.size() >= 3 && s[1] == '\x80' &&
      (s[2] == '\xA2' || s[2] == '\x93' || s[2] == '\x94'))
    return true;
  // [a-zđ]\d?\s*[.)](\s|$)
  if (size_t n = lower_letter(s, 0)) {
    if (slash_then(s, n, false)) return true;  // "a/ Đối với ..."
    if (n < s.size() && digit(s[n])) ++n;
    if (closes_at(s, n, ".)")) return true;
    // "ii. nội dung": a Roman number that lost its capitals.
    size_t p = 0;
    while (p < s.size() && p < 5 && (s[p] == 'i' || s[p] == 'v' || s[p] == 'x'))
      ++p;
    return p >= 2 && p < 5 && closes_at(s, p, ".");
  }
  if (is_roman(c)) {  // [IVXLC]+\s*[.):]
    size_t p = 0;
    while (p < s.size() && is_roman(s[p])) ++p;
    if (slash_then(s, p, true)) return true;  // "I/ Đối tượng ..."
    p = after_spaces(s, p);
    if (p < s.size() && (s[p] == '.' || s[p] == ')' || s[p] == ':'))
      return true;
  }
  // The prefixes and units, by first byte: most lines start with none, and
  // the others compare with two or three literals, not the whole list.
  switch (c) {
    case 'C':
      return has_prefix(s, "Căn cứ") || unit_at(s, "Chương") ||
             unit_at(s, "CHƯƠNG");
    case 'K':
      return has_prefix(s, "KT.");
    case 'M':
      return unit_at(s, "Mục") || unit_at(s, "MỤC");
    case 'N':
      return has_prefix(s, "Nơi nhận");
    case 'P':
      return has_prefix(s, "PHẦN thứ") || has_prefix(s, "Phần thứ") ||
             unit_at(s, "Phần") || unit_at(s, "PHẦN");
    case 'Q':
      return has_prefix(s, "QUYẾT NGHỊ") || has_prefix(s, "QUYẾT ĐỊNH") ||
             has_prefix(s, "Q. ");
    case 'S':
      return has_prefix(s, "Sau khi");
    case 'T':
      return has_prefix(s, "Theo đề nghị") || has_prefix(s, "TM.") ||
             has_prefix(s, "TL.") || has_prefix(s, "TUQ.") ||
             unit_at(s, "Tiểu mục") || unit_at(s, "TIỂU MỤC");
    case 'X':
      return has_prefix(s, "Xét");
    case '\xC4':  // "Đ"
      return unit_at(s, "Điều") || unit_at(s, "ĐIỀU");
    default:
      return false;
  }
}

// `w` is one of `words`.
template <size_t N>
bool one_of(std::string_view w, const std::string_view (&words)[N]) {
  if (w.empty())
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
  for (std::string_view x : words)
    if (x[0] == w[0] && x.size() == w.size() &&
        std::memcmp(x.data(), w.data(), w.size()) == 0)
      return true;
  return false;
}

bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "của",   "và",    "các",   "những",  "về",   "theo",  "tại",   "cho",
      "với",   "số",    "ngày",  "tháng",  "năm",  "là",    "có",    "được",
      "để",    "trong", "trên",  "từ",     "đến",  "thuộc", "do",    "bởi",
      "hoặc",  "giữa",  "như",   "nhân",   "ban",  "hành",  "phố",   "tỉnh",
      "huyện", "quận",  "xã",    "phường", "thị",  "Ủy",    "ủy",    "đồng",
      "hội",   "việc",  "này",   "đã",     "sẽ",   "cần",   "phải",  "không",
      "mà",    "thì",   "nhưng", "vì",     "nên",  "khi",   "nếu",   "bằng",
      "đối",   "tổ",    "chức",  "quy",    "định", "nghị",  "quyết", "luật",
      "thông", "tư"};
  return one_of(w, kWords);
}

// A word in capitals that a title line cannot end with ("... NGHỊ QUYẾT SỐ
// 14/2015/NQ-HĐND CỦA" / "HỘI ĐỒNG NHÂN DÂN TỈNH ..."): prepositions and
// conjunctions only; nouns like "TỈNH" end the issuer's line of a header.
bool caps_link_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "CỦA",  "VÀ",   "VỀ",  "CHO",   "VỚI",  "TẠI",  "THEO", "TRONG",
      "TRÊN", "TỪ",   "ĐẾN", "THUỘC", "HOẶC", "GIỮA", "CÁC",  "NHỮNG",
      "ĐỐI",  "NHẰM", "ĐỂ",  "LÀ",    "SỐ",   "NGÀY"};
  return one_of(w, kWords);
}

struct Line {
  uint32_t begin = 0;  // content range in the input (sentinels included)
  uint32_t end = 0;
  bool empty = true;         // nothing but spaces, pipes and sentinels
  bool page_before = false;  // a page break ends the line before
  bool furniture = false;    // a page number: dropped
  uint16_t chars = 0;        // characters, when wrap_width() counted them
  uint32_t cont = 0;         // UTF-8 continuation bytes
};

// Characters (code points) of a line, spaces at the ends left out: its
// bytes less the continuation bytes counted while it was split off.
size_t line_chars(const Line& l, std::string_view content) {
  size_t b = 0, e = content.size();
  while (b < e && content[b] == ' ') ++b;
  while (e > b && content[e - 1] == ' ') --e;
  return e - b - l.cont;
}

// The end of the line from `pos`: the first '\n' before `limit`, or
// `limit`. `cont` gets the line's continuation bytes, counted in the same
// pass over the bytes.
size_t line_end(std::string_view in, size_t pos, size_t limit, uint32_t& cont) {
  size_t i = pos, n = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i top2 = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i tail = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= limit) {
    // Per-byte counters, summed before they can wrap.
    __m128i counts = zero;
    const size_t stop = std::min(limit - 15, i + 255 * 16);
    int found = 0;
    for (; i < stop; i += 16) {
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + i));
      const __m128i c = _mm_cmpeq_epi8(_mm_and_si128(v, top2), tail);
      found = _mm_movemask_epi8(_mm_cmpeq_epi8(v, newline));
      if (found) {
        // Only the bytes before the newline.
        alignas(16) static constexpr char kBelow[32] = {
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0};
        const __m128i below = _mm_loadu_si128(reinterpret_cast<const __m128i*>(
            kBelow + 16 - __builtin_ctz(static_cast<unsigned>(found))));
        counts = _mm_sub_epi8(counts, _mm_and_si128(c, below));
        break;
      }
      counts = _mm_sub_epi8(counts, c);
    }
    const __m128i sums = _mm_sad_epu8(counts, zero);
    n += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    if (found) {
      cont = static_cast<uint32_t>(n);
      return i +
             static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(found)));
    }
  }
#endif
  for (; i < limit && in[i] != '\n'; ++i)
    n += (static_cast<unsigned char>(in[i]) & 0xC0) == 0x80;
  cont = static_cast<uint32_t>(n);
  return i;
}

// The page number printed on a page: "12", "- 12 -", "Trang 12",
// "Trang 12/40", "12/40". Its value, or -1.
int page_number(std::string_view s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string_view::npos || s.size() - b > 24) return -1;
  size_t e = s.find_last_not_of(' ') + 1;
  s = s.substr(b, e - b);
  bool dashes = false;
  for (std::string_view d : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (s.size() > 2 * d.size() && s.substr(0, d.size()) == d &&
        s.substr(s.size() - d.size()) == d) {
      s = s.substr(d.size(), s.size() - 2 * d.size());
      dashes = true;
      break;
    }
  if (!dashes)
    for (std::string_view w : {"Trang ", "trang ", "TRANG "})
      if (s.substr(0, w.size()) == w) {
        s = s.substr(w.size());
        break;
      }
  s = s.substr(std::min(s.size(), s.find_first_not_of(' ')));
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  const size_t digits = after_digits(s, 0);
  if (digits == 0 || digits > 4 || s[0] == '0') return -1;
  if (digits < s.size()) {  // "12/40"
    if (dashes || s[digits] != '/' || digits + 1 == s.size() ||
        after_digits(s, digits + 1) != s.size())
      return -1;
  }
  return std::atoi(std::string(s.substr(0, digits)).c_str());
}

// A word processor's footer: the file's name, maybe a page number after it
// ("18.KLTW7S.DOC 6", "C:\\Van ban\\KL75.doc"), alone on its line.
bool file_name_footer(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() < 5 || s.size() > 80) return false;
  size_t space = s.rfind(' ');
  if (space != std::string_view::npos) {
    if (after_digits(s, space + 1) != s.size() || s.size() - space > 5)
      return false;
    s = s.substr(0, space);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.find(' ') != std::string_view::npos) return false;
  }
  const size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext(s.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == "doc" || ext == "docx" || ext == "pdf" || ext == "rtf" ||
         ext == "odt";
}

// The national gazette's page head in its printed form, "CÔNG BÁO/Số
// 271/Ngày 12-05-2026" (a page number may follow): it names itself, so it
// is page furniture wherever it stands, with or without form feeds. The
// bytes of `t` it takes (leading blanks, the head, a page number and the
// blanks after them), 0 if `t` does not start with one. A copy may have
// joined the next page's first words to it: those are not taken.
size_t gazette_head_length(std::string_view t) {
  static constexpr std::string_view kHead = "CÔNG BÁO/Số ";
  static constexpr std::string_view kDate = "/Ngày ";
  size_t i = 0;
  while (i < t.size() && t[i] == ' ') ++i;
  if (t.compare(i, kHead.size(), kHead) != 0) return 0;
  const size_t date = t.find(kDate, i + kHead.size());
  if (date == std::string_view::npos || date > i + 40) return 0;
  size_t k = date + kDate.size();
  // dd-mm-yyyy
  const size_t digits = k;
  while (k < t.size() && ((t[k] >= '0' && t[k] <= '9') || t[k] == '-')) ++k;
  if (k == digits) return 0;
  auto blanks = [&] {
    while (k < t.size() && t[k] == ' ') ++k;
  };
  blanks();
  const size_t page = k;
  while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k;
  if (k - page > 4 || (k < t.size() && t[k] != ' ')) k = page;
  blanks();
  return k;
}

// Takes the gazette's page head off line `l`: the whole line becomes
// furniture when it holds nothing else, else the head's bytes are dropped
// and the rest goes on with the sentence the page cut. False if the line
// does not start with a head.
bool drop_gazette_head(Line& l, std::string_view in) {
  const size_t head = gazette_head_length(in.substr(l.begin, l.end - l.begin));
  if (!head) return false;
  if (l.begin + head == l.end) {
    l.furniture = true;
    return true;
  }
  for (uint32_t k = l.begin; k < l.begin + head; ++k)
    l.cont -= (static_cast<unsigned char>(in[k]) & 0xC0) == 0x80;
  l.begin += static_cast<uint32_t>(head);
  l.page_before = true;
  return true;
}

// Running heads and feet of a paged text ("CÔNG BÁO/Số 15 + 16/Ngày
// 05-01-2024" atop every page): a short line next to a page break that
// recurs, numbers aside, at three or more breaks and at a third of them.
// Lines that start a unit ("Điều 5", "1.", "- ...") are text, however often
// a page starts with one.
void mark_running_heads(std::vector<Line>& lines, std::string_view in) {
  constexpr size_t kMaxBytes = 160;
  std::unordered_map<std::string, std::vector<size_t>> seen;
  size_t breaks = 0;
  auto key = [&](size_t i) {
    std::string k;
    const std::string_view t =
        in.substr(lines[i].begin, lines[i].end - lines[i].begin);
    for (size_t j = 0; j < t.size(); ++j) {
      const char c = t[j];
      if (c >= '0' && c <= '9') {
        if (k.empty() || k.back() != '#') k.push_back('#');
      } else if (c != ' ' || (!k.empty() && k.back() != ' ')) {
        k.push_back(c);
      }
    }
    while (!k.empty() && k.back() == ' ') k.pop_back();
    return k;
  };
  auto consider = [&](size_t i) {
    const Line& l = lines[i];
    if (l.empty || l.end - l.begin > kMaxBytes) return;
    std::string_view t = in.substr(l.begin, l.end - l.begin);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (t.empty() || hand_marker(t)) return;
    // The national gazette's head names itself: one page break suffices.
    if (drop_gazette_head(lines[i], in)) return;
    if ((t.rfind("CÔNG BÁO", 0) == 0 || t.rfind("Công báo", 0) == 0) &&
        (t.find("Số") != std::string_view::npos ||
         t.find("số") != std::string_view::npos)) {
      lines[i].furniture = true;
      return;
    }
    // A line between two close breaks is seen from both.
    std::vector<size_t>& where = seen[key(i)];
    if (std::find(where.begin(), where.end(), i) == where.end())
      where.push_back(i);
  };
  for (size_t b = 0; b < lines.size(); ++b) {
    if (!lines[b].page_before) continue;
    ++breaks;
    // Two lines with text after the break, two before it.
    for (size_t k = b, taken = 0; k < lines.size() && taken < 2; ++k)
      if (!lines[k].empty) {
        consider(k);
        ++taken;
      }
    for (size_t k = b, taken = 0; k > 0 && taken < 2; --k)
      if (!lines[k - 1].empty) {
        consider(k - 1);
        ++taken;
      }
  }
  for (const auto& [k, where] : seen) {
    if (k == "#" || where.size() < 3 || where.size() * 3 < breaks) continue;
    for (size_t i : where) lines[i].furniture = true;
  }
}

// The lines a digitally signed PDF prints its signature's certificate on:
// "Ký bởi: ...", "Cơ quan: ...", "Ngày ký: 2026-05-08 16:42:06 +07:00"
// (also "Email:", "Thời gian ký:"), together, starting with "Ký bởi:" and
// ending with the time of signing.
void mark_signature_certificates(std::vector<Line>& lines,
                                 std::string_view in) {
  auto text = [&](size_t i) {
    std::string_view t =
        in.substr(lines[i].begin, lines[i].end - lines[i].begin);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    return t;
  };
  auto starts = [](std::string_view t, std::string_view w) {
    return t.compare(0, w.size(), w) == 0;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    // One byte rules out almost every line.
    const char c0 = in[lines[i].begin];
    if (lines[i].empty || (c0 != 'K' && c0 != ' ') ||
        !starts(text(i), "Ký bởi:"))
      continue;
    size_t k = i + 1;
    while (k < lines.size() && k < i + 5 && !lines[k].empty &&
           (starts(text(k), "Cơ quan:") || starts(text(k), "Email:")))
      ++k;
    if (k >= lines.size() || lines[k].empty ||
        !(starts(text(k), "Ngày ký:") || starts(text(k), "Thời gian ký:")))
      continue;
    for (size_t j = i; j <= k; ++j) lines[j].furniture = true;
    i = k;
  }
}

// Marks the page numbers among the lines. Next to a page break (only blank
// lines between), a number alone on its line is one. A text without page
// breaks (a PDF's text saved without its form feeds) shows them as lone
// numbers counting up by one, each a page of lines after the last, at
// about even gaps: three or more such make a run. A list numbered on lone
// lines ("1", a row, "2", a row) counts up too, but a few lines apart.
void mark_page_numbers(std::vector<Line>& lines, std::string_view in,
                       bool any_break) {
  constexpr size_t kPageLines = 20;  // lines with text on a page, at least
  struct Lone {
    size_t line;   // index in `lines`
    size_t order;  // among the lines with text
    int value;
  };
  std::vector<Lone> lone;
  size_t order = 0;
  // A gazette head without form feeds (a PDF's text saved without them):
  // furniture, and so is the page number alone on the next line.
  // The page number stands after the head on odd pages, before it on even
  // ones.
  bool after_head = false;
  size_t last_text = lines.size();  // the line with text before this one
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty) continue;
    ++order;
    const bool was_after_head = after_head;
    after_head = false;
    const size_t before = last_text;
    last_text = i;
    const char c0 = in[lines[i].begin];
    if (!any_break && (c0 == 'C' || c0 == ' ') &&
        drop_gazette_head(lines[i], in)) {
      if (before < lines.size() &&
          lines[before].end - lines[before].begin <= 24 &&
          page_number(in.substr(lines[before].begin,
                                lines[before].end - lines[before].begin)) >= 0)
        lines[before].furniture = true;
      if (lines[i].furniture) {
        after_head = true;
        continue;
      }
    }
    const size_t len = lines[i].end - lines[i].begin;
    // (A footer ends in a page number or in the name's extension, or in
    // blanks.)
    const char last = len ? in[lines[i].end - 1] : '\0';
    if (len <= 80 &&
        ((last >= '0' && last <= '9') || last == ' ' || last == '\r' ||
         (last | 0x20) == 'c' || (last | 0x20) == 'x' || (last | 0x20) == 'f' ||
         (last | 0x20) == 't') &&
        file_name_footer(in.substr(lines[i].begin, len))) {
      lines[i].furniture = true;
      continue;
    }
    if (len > 24) continue;
    if (was_after_head &&
        page_number(in.substr(lines[i].begin, lines[i].end - lines[i].begin)) >=
            0) {
      lines[i].furniture = true;
      continue;
    }
    const int v =
        page_number(in.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (v >= 0) lone.push_back({i, order, v});
  }
  if (any_break) mark_running_heads(lines, in);
  mark_signature_certificates(lines, in);
  if (lone.empty()) return;
  if (any_break) {
    for (const Lone& l : lone) {
      const size_t i = l.line;
      bool next_to_break = lines[i].page_before;
      for (size_t k = i; !next_to_break && k > 0 && lines[k - 1].empty; --k)
        next_to_break = lines[k - 1].page_before;
      for (size_t k = i + 1; !next_to_break && k < lines.size(); ++k) {
        next_to_break = lines[k].page_before;
        if (!lines[k].empty) break;
      }
      lines[i].furniture = next_to_break;
    }
    return;
  }
  // Pages of text hold about as many lines each: the gaps between the
  // numbers of a run stay near their median.
  std::vector<Lone> run;
  auto close_run = [&] {
    if (run.size() >= 3) {
      std::vector<size_t> gaps;
      for (size_t k = 1; k < run.size(); ++k)
        gaps.push_back(run[k].order - run[k - 1].order);
      std::sort(gaps.begin(), gaps.end());
      const size_t median = gaps[gaps.size() / 2];
      if (gaps.front() * 10 >= median * 7 && gaps.back() * 10 <= median * 14)
        for (const Lone& l : run) lines[l.line].furniture = true;
    }
    run.clear();
  };
  for (const Lone& l : lone) {
    if (!run.empty()) {
      const Lone& last = run.back();
      const bool next = l.value == last.value + 1;
      const bool far = l.order >= last.order + kPageLines;
      if (next && far) {
        run.push_back(l);
        continue;
      }
      // Another number within a page is a figure of its text; the next
      // number too soon is a numbered row, and the run is no pages.
      if (!next && !far) continue;
      close_run();
    }
    run.push_back(l);
  }
  close_run();
}

// First code point of the line's visible content.
char32_t first_char(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) == 0xEE &&
        (s.compare(i, 3, kOpen) == 0 || s.compare(i, 3, kClose) == 0)) {
      i += 3;
      continue;
    }
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    char32_t cp = static_cast<unsigned char>(s[i]);
    if (cp >= 0x80 && decode_utf8(s, i, cp) == 0) return 0xFFFD;
    return cp;
  }
  return 0;
}

// Up to `window` bytes of visible content at the start (or end) of a line,
// without sentinels, trimmed: all the joining rules need. Bounded, so a
// megabyte line costs no more than a short one. A view into `s` unless the
// window holds sentinels; then a view into `scratch`. `sentinels`: the
// line may hold some (false skips the search).
// `w` without its sentinels, in `scratch`. Kept out of line: few lines
// hold sentinels, and the common path stays small.
__attribute__((noinline)) std::string_view without_sentinels(
    std::string_view w, std::string& scratch) {
  scratch.clear();
  size_t i = 0;
  for (;;) {
    const void* ee = i < w.size()
                         ? std::memchr(w.data() + i, '\xEE', w.size() - i)
                         : nullptr;
    const size_t k =
        ee ? static_cast<size_t>(static_cast<const char*>(ee) - w.data())
           : w.size();
    scratch.append(w.data() + i, k - i);
    if (k == w.size()) break;
    if (w.compare(k, 3, kOpen) == 0 || w.compare(k, 3, kClose) == 0) {
      i = k + 3;
    } else {
      scratch.push_back(w[k]);
      i = k + 1;
    }
  }
  return scratch;
}

constexpr size_t kEdgeWindow = 96;
std::string_view visible_edge(std::string_view s, bool at_end, bool sentinels,
                              std::string& scratch) {
  constexpr size_t kWindow = kEdgeWindow;
  std::string_view w = s;
  if (w.size() > kWindow) {
    size_t cut = at_end ? w.size() - kWindow : kWindow;
    // Move the cut to a UTF-8 boundary.
    while (cut > 0 && cut < w.size() &&
           (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80)
      at_end ? ++cut : --cut;
    w = at_end ? w.substr(cut) : w.substr(0, cut);
  }
  std::string_view out = w;
  if (sentinels && !w.empty() &&
      std::memchr(w.data(), '\xEE', w.size()) != nullptr)
    out = without_sentinels(w, scratch);
  size_t b = 0, e = out.size();
  while (b < e && out[b] == ' ') ++b;
  if (b == e) return {};
  while (out[e - 1] == ' ') --e;
  return out.substr(b, e - b);
}

std::string_view last_word(std::string_view s) {
  size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

// Capitals (ASCII ones at least) and no small ASCII letter.
bool upper_line(std::string_view s) {
  bool letters = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letters = letters || (c >= 'A' && c <= 'Z');
  }
  return letters;
}

bool ends_paragraph(std::string_view v) {
  if (v.empty()) return true;
  // Strip closing quotes/brackets to see the punctuation before them.
  size_t n = v.size();
  for (;;) {
    if (n >= 3 && v[n - 3] == '\xE2' && v[n - 2] == '\x80' &&
        (v[n - 1] == '\x9D' || v[n - 1] == '\x99')) {
      n -= 3;
      continue;
    }
    if (n >= 1 && (v[n - 1] == ')' || v[n - 1] == '"' || v[n - 1] == ']' ||
                   v[n - 1] == '/')) {
      --n;
      continue;
    }
    break;
  }
  if (n == 0) return true;
  char c = v[n - 1];
  // "…" (and anything else) leaves the sentence open.
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// ICU's simple lower-case mapping; below U+2000 (Latin, Vietnamese, Greek,
// Cyrillic) from a table built once, since the joining rules ask for it at
// every character of the words they compare.
char32_t to_lower(char32_t cp) {
  constexpr char32_t kEnd = 0x2000;
  static const std::vector<char16_t> kTable = [] {
    std::vector<char16_t> t(kEnd);
    for (UChar32 c = 0; c < static_cast<UChar32>(kEnd); ++c)
      t[c] = static_cast<char16_t>(u_tolower(c));
    return t;
  }();
  return cp < kEnd ? kTable[cp]
                   : static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

// Lower case of a UTF-8 word (Vietnamese capitals included).
std::string lower_word(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size();) {
    char32_t cp = static_cast<unsigned char>(w[i]);
    size_t n = 1;
    if (cp >= 0x80 && (n = decode_utf8(w, i, cp)) == 0) return {};
    append_utf8(out, to_lower(cp));
    i += n;
  }
  return out;
}

// `w` is its own lower case (lower_word(w) == w) without making a copy.
bool is_lower_case(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    char32_t cp = static_cast<unsigned char>(w[i]);
    if (cp < 0x80) {  // ASCII: only the capitals change
      if (cp >= 'A' && cp <= 'Z') return false;
      ++i;
      continue;
    }
    const size_t n = decode_utf8(w, i, cp);
    if (n == 0 || to_lower(cp) != cp) return false;
    i += n;
  }
  return true;
}

// A number alone on its line between the two halves of a sentence: the
// line before, a full line of text, ends in a letter, and the line after
// starts with a small letter ("... việc thực hiện các tiêu" / "3" /
// "chuẩn, quy chuẩn ..."): the page number of a PDF's text, where no run
// of page numbers shows (mark_page_numbers).
void mark_page_numbers_in_sentences(std::vector<Line>& lines,
                                    std::string_view in) {
  auto content = [&](const Line& l) {
    return in.substr(l.begin, l.end - l.begin);
  };
  size_t prev = lines.size();  // the line with text before
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty || lines[i].furniture) continue;
    const size_t before = prev;
    prev = i;
    const std::string_view t = content(lines[i]);
    const size_t b = t.find_first_not_of(' ');
    const size_t e = t.find_last_not_of(" \r");
    if (b == std::string_view::npos || e - b > 2 ||
        t.find_first_not_of("0123456789", b) <= e || t[b] == '0' ||
        before == lines.size())
      continue;
    // The line before: 40 bytes at least, ending in a letter.
    std::string_view p = content(lines[before]);
    while (!p.empty() && (p.back() == ' ' || p.back() == '\r'))
      p.remove_suffix(1);
    if (p.size() < 40) continue;
    size_t k = p.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(p[k]) & 0xC0) == 0x80) --k;
    char32_t last = static_cast<unsigned char>(p[k]);
    if (last >= 0x80 && decode_utf8(p, k, last) == 0) continue;
    const bool letter = (last >= 'a' && last <= 'z') ||
                        (last >= 'A' && last <= 'Z') ||
                        (last >= 0xC0 && last <= 0x1EFF);
    if (!letter) continue;
    size_t n = i + 1;
    while (n < lines.size() && (lines[n].empty || lines[n].furniture)) ++n;
    if (n == lines.size()) continue;
    const char32_t first = first_char(content(lines[n]));
    const bool small =
        (first >= 'a' && first <= 'z') ||
        (first >= 0xC0 && first <= 0x1EFF && to_lower(first) == first);
    if (small) lines[i].furniture = true;
  }
}

// The last two words of `s` and the first two of `next`, lower-cased, are
// the halves of a hyphenated compound of administrative language ("kinh tế
// - xã hội", "tổ chức - cán bộ").
bool splits_compound(std::string_view s, std::string_view next) {
  static constexpr std::pair<std::string_view, std::string_view> kCompounds[] =
      {{"kinh tế", "xã hội"},        {"chính trị", "xã hội"},
       {"văn hóa", "xã hội"},        {"văn hoá", "xã hội"},
       {"tổ chức", "cán bộ"},        {"kinh tế", "kỹ thuật"},
       {"hành chính", "sự nghiệp"},  {"quốc phòng", "an ninh"},
       {"an ninh", "quốc phòng"},    {"khoa học", "công nghệ"},
       {"khoa học", "kỹ thuật"},     {"kế hoạch", "tài chính"},
       {"kế hoạch", "đầu tư"},       {"tài chính", "kế toán"},
       {"hình sự", "hành chính"},    {"dân sự", "kinh tế"},
       {"giáo dục", "đào tạo"},      {"lao động", "thương binh"},
       {"thương binh", "xã hội"},    {"văn hóa", "thể thao"},
       {"văn hoá", "thể thao"},      {"thể dục", "thể thao"},
       {"tài nguyên", "môi trường"}, {"kinh tế", "ngân sách"}};
  // Last two words of s, first two of next.
  size_t sp = s.rfind(' ');
  if (sp == std::string_view::npos || sp == 0) return false;
  size_t sp2 = s.rfind(' ', sp - 1);
  const std::string head =
      lower_word(s.substr(sp2 == std::string_view::npos ? 0 : sp2 + 1));
  size_t n1 = next.find(' ');
  if (n1 == std::string_view::npos) return false;
  size_t n2 = next.find_first_of(" ,.;:)", n1 + 1);
  const std::string tail = lower_word(next.substr(0, n2));
  for (const auto& [a, b] : kCompounds)
    if (head == a && tail == b) return true;
  return false;
}

std::string_view word_before_last(std::string_view s) {
  size_t sp = s.rfind(' ');
  if (sp == std::string_view::npos) return {};
  s = s.substr(0, sp);
  return last_word(s);
}

// "bệnh tay - chân" / "- miệng, sốt xuất huyết": a hyphen that a wrap put
// at a line start, inside a sentence, is not a list dash. A dash item
// follows a line that ends a sentence or a lead-in (":" ";" ".").
bool wrapped_dash(std::string_view prev, std::string_view line) {
  if (line.size() < 3 || (line[0] != '-' && line[0] != '+') || line[1] != ' ')
    return false;
  if (prev.empty() || ends_paragraph(prev) || prev.back() == ',') return false;
  // "(Km63" / "+ 100m);": inside an open parenthesis the sign continues it.
  if (std::count(prev.begin(), prev.end(), '(') >
      std::count(prev.begin(), prev.end(), ')'))
    return true;
  if (line[0] != '-') return false;
  // "... từ năm 2015" / "- 2016 đến năm học 2020": a range of years or
  // numbers cut at its dash.
  if (prev.back() >= '0' && prev.back() <= '9' && line[2] >= '0' &&
      line[2] <= '9')
    return true;
  // "... Báo cáo thẩm tra số 26/BC" / "- HĐND ngày ...": a symbol cut at
  // its hyphen goes on with the issuer's code in capitals.
  {
    const std::string_view w = last_word(prev);
    const size_t slash = w.find('/');
    if (slash != std::string_view::npos && slash > 0 && w[0] >= '0' &&
        w[0] <= '9' && upper_line(w.substr(slash + 1))) {
      const std::string_view code = line.substr(2, line.find(' ', 2) - 2);
      if (code.size() >= 2 && upper_line(code) &&
          code.find_first_of("abcdefghijklmnopqrstuvwxyz") ==
              std::string_view::npos)
        return true;
    }
  }
  // "Vụ Tổ chức" / "- cán bộ, Vụ Phổ biến ...": a hyphenated compound cut at
  // the wrap joins even inside a dash item.
  // (The second half goes on in lower case: "- Cán bộ, công chức ..." after
  // "... các cơ quan, tổ chức" is a new item.)
  char32_t first = 0;
  if (decode_utf8(line, 2, first) != 0 &&
      u_islower(static_cast<UChar32>(first)) &&
      splits_compound(prev, line.substr(2)))
    return true;
  // A body's name in capitals cut at its hyphen: "Ban Kinh tế" / "- Ngân
  // sách Hội đồng nhân dân tỉnh".
  {
    const std::string_view w2 = word_before_last(prev);
    char32_t head = 0;
    if (!w2.empty() && decode_utf8(w2, 0, head) != 0 &&
        u_isupper(static_cast<UChar32>(head)) &&
        u_isupper(static_cast<UChar32>(first)) &&
        splits_compound(prev, line.substr(2)))
      return true;
  }
  // The previous line must itself be running text, not a dash item.
  if (prev[0] == '-' || prev[0] == '+') return false;
  char32_t cp;
  if (decode_utf8(line, 2, cp) == 0) return false;
  return u_islower(static_cast<UChar32>(cp));
}

inline bool starts_with(std::string_view s, std::string_view p) {
  return has_prefix(s, p);
}

bool is_roman_word(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && (s[n] == 'I' || s[n] == 'V' || s[n] == 'X' ||
                          s[n] == 'L' || s[n] == 'C'))
    ++n;
  return n > 0 && (n == s.size() || s[n] == ',' || s[n] == ' ' || s[n] == '.' ||
                   s[n] == ';' || s[n] == ')');
}

// Parts of names ("Ủy ban nhân dân", "Hiệu lực thi hành", "Cơ cấu tổ
// chức") rather than prepositions: they can end an article title, so after
// one on a "Điều N." line a capitalised line starts a new sentence.
// The words of an administrative unit's name before the place ("thành
// phố", "tỉnh", "huyện", ...).
bool is_unit_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "phố", "tỉnh", "huyện", "quận", "xã", "phường", "thị"};
  return one_of(w, kWords);
}

bool is_noun_part(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "hành", "chức", "định", "quyết", "luật",  "tư",   "thông",
      "nghị", "quy",  "tổ",   "đồng",  "hội",   "nhân", "ban",
      "này",  "Ủy",   "ủy",   "ngày",  "tháng", "năm"};  // "... theo tháng": a
                                                         // date needs digits
  return one_of(w, kWords);
}

// The length of the act's name that starts `line` ("Nghị quyết", "Thông
// tư", ...), or 0.
size_t act_name_length(std::string_view line) {
  static constexpr std::string_view kActs[] = {
      "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Luật",
      "Bộ luật",    "Pháp lệnh", "Chỉ thị",    "Quy định", "Quy chế",
      "Kế hoạch",   "Văn bản",   "Hướng dẫn",  "Điều lệ"};
  for (std::string_view a : kActs)
    if (starts_with(line, a) && line.size() > a.size() && line[a.size()] == ' ')
      return a.size();
  return 0;
}

// "Nghị quyết này ...", "Thông tư này ...": the subject of a new sentence.
bool starts_this_act(std::string_view line) {
  const size_t n = act_name_length(line);
  return n > 0 && starts_with(line.substr(n), " này");
}

// "Thông tư liên tịch số 09/2016/...": a citation that goes on a list of
// them ("... thực hiện theo Nghị định số 86/2015/NĐ-CP ...;" / "Thông tư
// ..."), when the line before fills the width.
bool starts_act(std::string_view line) {
  const size_t n = act_name_length(line);
  return n > 0 && !starts_with(line.substr(n), " này");
}

size_t count_words(std::string_view s) {
  size_t n = s.empty() ? 0 : 1;
  for (char c : s) n += c == ' ';
  return n;
}

// "... tổ chức thực hiện" / "Nghị quyết.": a few words that close the
// sentence of a long line are its wrapped tail, not a paragraph of their own.
bool short_tail(std::string_view prev, bool prev_long, std::string_view line) {
  if (!prev_long && count_words(prev) < 8) return false;
  if (line.size() > 40 || count_words(line) > 3) return false;
  return !line.empty() && line.back() == '.';  // "Nghị quyết." "... qua./."
}

// "Điều 50" alone on its line: an article's number printed above its text.
// Legacy-font copies start the text in lower case where the font had no
// capital ("ở nước Cộng hoà ..."), which is no reason to join it to the
// number.
bool bare_article_number(std::string_view s) {
  std::string_view rest;
  if (has_prefix(s, "Điều"))
    rest = s.substr(std::string_view("Điều").size());
  else if (has_prefix(s, "ĐIỀU"))
    rest = s.substr(std::string_view("ĐIỀU").size());
  else
    return false;
  size_t p = after_spaces(rest, 0);
  if (p == 0) return false;
  const size_t d = after_digits(rest, p);
  if (d == p || d - p > 3) return false;
  return after_spaces(rest, d) == rest.size();
}

bool title_case_word(std::string_view w);

// "1. Đường Võ" / "Nguyên Giáp (QL.17) - đoạn từ ...", "... đồng chí
// Nguyễn" / "Văn An": a family name ends no personal name, so a line ending
// with one goes on with the given names on the next line. Only family
// names that are no common word in capitals ("Hồ", "Mai", "Cao" are).
bool family_name_wrap(std::string_view prev, std::string_view line) {
  static constexpr std::string_view kFamilies[] = {
      "Nguyễn", "Trần", "Lê",   "Phạm",  "Hoàng", "Huỳnh", "Phan",
      "Vũ",     "Võ",   "Đặng", "Bùi",   "Đỗ",    "Ngô",   "Dương",
      "Trương", "Đinh", "Đoàn", "Lương", "Trịnh", "Quách", "Vương",
      "Triệu",  "Kiều", "Hứa",  "Đàm"};
  if (upper_line(prev) || !one_of(last_word(prev), kFamilies)) return false;
  const size_t sp = line.find(' ');
  return title_case_word(line.substr(0, sp));
}

// A capitalised line after a line that does not end a sentence: joined
// when the previous line ends with a word that needs what follows (a
// preposition, "giao" + its object, "Ban" + its name, "khóa" + its Roman
// number), when the line is the short tail of a long sentence, or when the
// previous line is a long continuation line itself (running text wrapped
// at a fixed width, not a title). A title printed on its own "Điều N."
// line ("Hiệu lực thi hành") is not joined with the sentence after it.
bool joins_capitalised(std::string_view prev, bool prev_long, bool prev_article,
                       bool prev_wrapped, std::string_view line) {
  const std::string_view w = last_word(prev);
  const std::string_view w2 = word_before_last(prev);
  if (w == "giao" || w == "Giao")
    return !(w2 == "bàn" || w2 == "Bàn" || w2 == "chuyển" || w2 == "Chuyển" ||
             w2 == "ngoại" || w2 == "Ngoại");
  if (w == "Ban") return w2 != "Trưởng" && w2 != "trưởng";
  if (family_name_wrap(prev, line)) return true;
  // "10. Đường Nguyễn Văn Linh (đường" / "Nguyễn Thị Minh Khai nối dài)": a
  // parenthesis opened near the line's end is not closed by a line break.
  if (const size_t open = prev.rfind('(');
      open != std::string_view::npos && prev.size() - open <= 40 &&
      prev.find(')', open) == std::string_view::npos)
    return true;
  // "... của Giám đốc Sở" / "Nông nghiệp và Phát triển nông thôn": the
  // head noun of a body's name waits for the name.
  if (w == "Sở" || w == "Bộ" || w == "Cục" || w == "Vụ" || w == "Viện")
    return !upper_line(line);
  if (w == "trực" && (w2 == "Thường" || w2 == "thường"))
    return starts_with(line, "Hội đồng") || starts_with(line, "Ủy ban") ||
           starts_with(line, "Uỷ ban");
  if (w == "khóa" || w == "khoá" || w == "Khóa" || w == "Khoá" || w == "KHÓA" ||
      w == "KHOÁ")
    return is_roman_word(line);
  // Upper-case lines (titles, headers) are not running text.
  const bool running = std::any_of(prev.begin(), prev.end(),
                                   [](char c) { return c >= 'a' && c <= 'z'; });
  if (running && short_tail(prev, prev_long, line)) return true;
  if (running && prev_wrapped && !starts_this_act(line)) return true;
  if (caps_link_word(w)) return true;
  if (!is_function_word(w)) return false;
  // "Điều 12. Chuyển đổi số" / "1. ...": an article title ending with "số"
  // (digital, "dân số") before a capitalised line; a number after "số"
  // goes on (see unit_word_wrap).
  if (w == "số" && prev_article) return false;
  // "Đà Nẵng, ngày tháng năm" (a copy not yet dated) / "THÔNG BÁO": a date
  // waiting for its numbers does not go on in capitals.
  if ((w == "năm" || w == "tháng" || w == "ngày") && upper_line(line))
    return false;
  if (w == "hành" && w2 != "ban" && w2 != "Ban") return false;  // thi hành
  if (is_noun_part(w) && (prev_article || starts_this_act(line))) return false;
  // "Về việc bãi bỏ ... của UBND Thành phố" / "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ
  // NỘI": a running line that ends on a name's word is not taken on by a
  // line in capitals (the enacting body under the title, a heading); the
  // name's rest would be in the running line's letters.
  if (running && (is_noun_part(w) || is_unit_word(w)) && upper_line(line) &&
      count_words(line) >= 3)
    return false;
  return true;
}

// "... theo khoản" / "3. Điều 9 Luật Cư trú": a line ending with a unit
// word wants a number; the number that starts the next line belongs to it.
bool unit_word_wrap(std::string_view prev, std::string_view line) {
  if (line.empty() || line[0] < '0' || line[0] > '9') return false;
  const std::string_view w = last_word(prev);
  return w == "khoản" || w == "điểm" || w == "Điều" || w == "điều" ||
         w == "số" || w == "Mục" || w == "Chương" || w == "Phần" ||
         w == "Khoản";
}

// Whether [j, end) holds only spaces and tabs.
bool blank_to_end(std::string_view in, size_t j, size_t end) {
  for (; j < end; ++j)
    if (in[j] != ' ' && in[j] != '\t') return false;
  return true;
}

// The first index in [j, end) where copying a line must stop: a hyphen, a
// sentinel, or a space that is not a single space between two words.
size_t decision_point(std::string_view in, size_t j, size_t end) {
  auto stops = [&](size_t k) {
    const char d = in[k];
    if (d == '-' || static_cast<unsigned char>(d) == 0xEE) return true;
    if (d != ' ') return false;
    if (k + 1 >= end) return true;
    const char e = in[k + 1];
    return e == ' ' || e == '-' || static_cast<unsigned char>(e) == 0xEE;
  };
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i dash = _mm_set1_epi8('-');
  const __m128i sentinel = _mm_set1_epi8(static_cast<char>(0xEE));
  // Blocks may run past the line's end (into the next lines, never past the
  // text): positions from `end` on are masked out.
  while (j < end && j + 17 <= in.size()) {
    const auto* p = reinterpret_cast<const __m128i*>(in.data() + j);
    const __m128i v = _mm_loadu_si128(p);
    const __m128i next =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + j + 1));
    const __m128i special =
        _mm_or_si128(_mm_cmpeq_epi8(v, dash), _mm_cmpeq_epi8(v, sentinel));
    const __m128i next_special =
        _mm_or_si128(_mm_cmpeq_epi8(next, space),
                     _mm_or_si128(_mm_cmpeq_epi8(next, dash),
                                  _mm_cmpeq_epi8(next, sentinel)));
    const __m128i hit = _mm_or_si128(
        special, _mm_and_si128(_mm_cmpeq_epi8(v, space), next_special));
    int mask = _mm_movemask_epi8(hit);
    const size_t left = end - j;
    if (left <= 16) {
      mask &= (1 << left) - 1;
      if (in[end - 1] == ' ') mask |= 1 << (left - 1);  // space at the end
      return mask ? j + static_cast<size_t>(__builtin_ctz(mask)) : end;
    }
    if (mask) return j + static_cast<size_t>(__builtin_ctz(mask));
    j += 16;
  }
#endif
  while (j < end && !stops(j)) ++j;
  return j;
}

// Characters (code points) of a line's content, spaces at the ends left
// out; sentinels count, but they are rare and short.
inline size_t char_length(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  // Bytes minus continuation bytes (10xxxxxx), eight at a time: a byte's
  // bit 7 set and bit 6 clear.
  size_t i = b, cont = 0;
#if defined(__SSE2__)
  if (e - i >= 16) {
    // Per-byte counters (a compare's -1 subtracted), summed by psadbw
    // before they can wrap: no popcount per block, which baseline x86-64
    // does not have as an instruction.
    const __m128i top2 = _mm_set1_epi8(static_cast<char>(0xC0));
    const __m128i tail = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i zero = _mm_setzero_si128();
    __m128i sums = zero;
    while (i + 16 <= e) {
      __m128i counts = zero;
      const size_t stop = std::min(e - 15, i + 255 * 16);
      for (; i < stop; i += 16) {
        const __m128i v =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        counts =
            _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_and_si128(v, top2), tail));
      }
      sums = _mm_add_epi64(sums, _mm_sad_epu8(counts, zero));
    }
    // The last partial block: the final 16 bytes, those already counted
    // masked out.
    if (i < e) {
      alignas(16) static constexpr char kKeep[32] = {
          0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
          -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + e - 16));
      const __m128i keep =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeep + (e - i)));
      const __m128i hit =
          _mm_and_si128(keep, _mm_cmpeq_epi8(_mm_and_si128(v, top2), tail));
      sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_sub_epi8(zero, hit), zero));
      i = e;
    }
    cont =
        static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
        static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i + 8 <= e; i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    cont += static_cast<size_t>(
        __builtin_popcountll(x & ~(x << 1) & 0x8080808080808080ULL));
  }
  for (; i < e; ++i) cont += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return e - b - cont;
}

// The first page break at or after `from`: the text rarely holds 0xEE at
// all, so memchr does nearly all the work.
size_t find_page(std::string_view in, size_t from) {
  while (from < in.size()) {
    const void* p = std::memchr(in.data() + from, '\xEE', in.size() - from);
    if (!p) return std::string_view::npos;
    const size_t k = static_cast<const char*>(p) - in.data();
    if (in.compare(k, kPage.size(), kPage) == 0) return k;
    from = k + 1;
  }
  return std::string_view::npos;
}

// The width a text was wrapped at (a PDF's text layer, a plain text file
// cut at 80 columns), or 0 when its lines are paragraphs. Wrapped text has
// many lines just short of one width and hardly any longer; paragraphs have
// lengths all over the place. Table rows are left out.
size_t wrap_width(std::vector<Line>& lines, std::string_view in) {
  constexpr size_t kMin = 40, kMax = 200, kBand = 12;
  std::array<uint32_t, kMax + 2> hist{};  // the last bucket: longer
  size_t n = 0;
  for (Line& l : lines) {
    if (l.empty || l.furniture) continue;
    const std::string_view c = in.substr(l.begin, l.end - l.begin);
    size_t first = 0;
    while (first < c.size() && c[first] == ' ') ++first;
    if (first < c.size() && c[first] == '|') continue;
    // A character is one to three bytes here: only lengths that may fall
    // in the histogram's range are counted out.
    size_t chars = 0;
    if (c.size() > 3 * (kMax + 1))
      chars = kMax + 1;
    else if (c.size() + kBand >= kMin)
      chars = std::min(line_chars(l, c), kMax + 1);
    l.chars = static_cast<uint16_t>(chars);
    ++hist[chars];
    // A sample is enough: a text wrapped at a width is wrapped throughout.
    if (++n == 4000) break;
  }
  if (n < 20) return 0;
  size_t best = 0, best_count = 0, band = 0;
  for (size_t w = 0; w <= kMax; ++w) {
    band += hist[w];
    if (w >= kBand + 1) band -= hist[w - kBand - 1];
    if (w >= kMin && band > best_count) {
      best_count = band;
      best = w;
    }
  }
  size_t longer = hist[kMax + 1];
  for (size_t w = best + 3; w <= kMax; ++w) longer += hist[w];
  if (best_count * 10 < n * 3 || longer * 20 > n) return 0;
  return best;
}

// After a line in capitals (a title), lines that are not its continuation
// even when the title fills the width: the issuing body's line of the
// formula ("HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK", "KHÓA IX, KỲ HỌP THỨ 4") and
// a caption in parentheses ("(Ban hành kèm theo Nghị quyết số ...)").
bool follows_title(std::string_view line) {
  static constexpr std::string_view kOrgans[] = {
      "HỘI ĐỒNG",  "ỦY BAN",   "UỶ BAN",    "QUỐC HỘI", "CHÍNH PHỦ",
      "BỘ TRƯỞNG", "CHỦ TỊCH", "THỦ TƯỚNG", "KHÓA ",    "KHOÁ ",
      "BAN CHẤP",  "TÒA ÁN",   "VIỆN KIỂM", "KỲ HỌP",   "("};
  for (std::string_view o : kOrgans)
    if (starts_with(line, o)) return true;
  return false;
}

// A short line without closing punctuation after running text: a line of
// its own ("Chính phủ" before "Căn cứ ..."), not the end of a sentence.
bool standalone_line(std::string_view content, size_t width) {
  if (char_length(content) * 2 >= width) return false;
  const size_t e = content.find_last_not_of(' ');
  if (e == std::string_view::npos) return false;
  const char c = content[e];
  // Closing punctuation, brackets and quotes ("”" ends in 0x9D).
  return std::string_view(".;:,)]?!\"\x9D").find(c) == std::string_view::npos;
}

// "... tại khoản 3" / "Điều 9; khoản 3 Điều 13", "theo quy định tại" /
// "Chương V của Luật này": a unit cited in a sentence that a wrap put at a
// line start. A unit's own heading goes on with "." or ":" or its title,
// never with ";" "," or a lower-case word.
bool cited_unit(std::string_view prev, std::string_view line) {
  // Most lines start otherwise: the first byte decides.
  if (line.empty() ||
      (line[0] != '\xC4' && line[0] != 'C' && line[0] != 'M' && line[0] != 'P'))
    return false;
  static constexpr std::string_view kUnits[] = {"Điều ", "Chương ", "Mục ",
                                                "Phần "};
  size_t p = 0;
  for (std::string_view u : kUnits)
    if (starts_with(line, u)) p = u.size();
  if (p == 0) return false;
  if (prev.empty() || ends_paragraph(prev) || upper_line(prev)) return false;
  const size_t number = p;
  p = after_digits(line, p);
  if (p == number)
    while (p < line.size() && is_roman(line[p])) ++p;
  if (p == number) return false;
  // "... tại điểm b khoản 5" / "Điều 3.": the article of a cited clause.
  const std::string_view unit = word_before_last(prev);
  if (line[0] != 'C' && line[0] != 'M' && line[0] != 'P' &&
      (unit == "khoản" || unit == "Khoản" || unit == "điểm" || unit == "Điểm"))
    return true;
  if (p == line.size()) return false;
  const char c = line[p];
  if (c == ';' || c == ',') return true;
  if (c != ' ' || p + 1 >= line.size()) return false;
  char32_t next;
  if (decode_utf8(line, p + 1, next) == 0) return false;
  if (u_islower(static_cast<UChar32>(next))) return true;
  const std::string_view rest = line.substr(p + 1);
  // "Điều 9 Luật ...", "Mục 3 Chương III của Luật này".
  for (std::string_view act :
       {"Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Thông tư", "Quyết định",
        "Pháp lệnh", "Hiến pháp", "Chỉ thị", "Chương", "Mục", "Phần"})
    if (starts_with(rest, act)) return true;
  return false;
}

// A capitalised line after a line too full for its first word: the
// sentence or title goes on, unless a title (in capitals) is followed by the
// issuing body or a caption, or the line is short and stands alone.
bool continues_full_line(std::string_view prev, std::string_view vis,
                         std::string_view content, size_t width) {
  // The header's rows ("ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  // / "THÀNH PHỐ HÀ NỘI  Độc lập - Tự do - Hạnh phúc") are not wrapped text.
  for (std::string_view motto : {"CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI",
                                 "Độc lập - Tự do", "ĐỘC LẬP - TỰ DO"})
    if (prev.find(motto) != std::string_view::npos ||
        content.find(motto) != std::string_view::npos)
      return false;
  const bool title =
      upper_line(prev) || (upper_line(last_word(prev)) && upper_line(vis));
  if (!title) return !standalone_line(content, width);
  // "... NGHỊ QUYẾT SỐ 14/2015/NQ-HĐND CỦA" / "HỘI ĐỒNG NHÂN DÂN TỈNH ...".
  return !follows_title(vis) || caps_link_word(last_word(prev));
}

// "(đã ký)" alone on its line, as a transcript prints a signature block
// (the authority, the title, the mark and the name on lines of their own):
// the mark joins neither the line before it nor the signer's name after it,
// whatever case they lost.
bool signing_mark_line(std::string_view line) {
  size_t e = line.size();
  while (e > 0 &&
         (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r'))
    --e;
  if (e < 6 || line[e - 1] != ')') return false;
  size_t b = 0;
  while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
  const std::string_view vis = line.substr(b, e - b);
  if (vis.size() < 6 || vis.size() > 40 || vis.front() != '(') return false;
  for (std::string_view m :
       {"(đã ký)", "(Đã ký)", "(ĐÃ KÝ)", "(ký)", "(Ký)", "(KÝ)",
        "(đã ký và đóng dấu)", "(Đã ký và đóng dấu)", "(ĐÃ KÝ VÀ ĐÓNG DẤU)"})
    if (vis == m) return true;
  return false;
}

// A header row of two columns whose motto half lost its capitals, as text
// saved from a legacy font prints it: "ngân hàng nhà nước cộng hoà xã hội
// chủ nghĩa việt nam" / "việt nam Độc lập - Tự do - Hạnh phúc", "ủy Ban Nhân
// Dân    Cộng hòa xã hội chủ nghĩa việt nam". The motto after the issuing
// body's words (or first) is no wrapped sentence: the row is a line of its
// own. Motto rows in capitals are left to the capitals rules.
bool lowercase_motto_row(std::string_view vis) {
  if (vis.empty() || vis.size() > 160) return false;
  // "ộng h" or "ộc lập": the last byte of "ộ" (E1 BB 99), rare in other
  // letters, is looked for first.
  bool motto_letters = false;
  for (size_t i = 2; !motto_letters && i < vis.size(); ++i) {
    const void* hit = std::memchr(vis.data() + i, '\x99', vis.size() - i);
    if (!hit) break;
    i = static_cast<size_t>(static_cast<const char*>(hit) - vis.data());
    const std::string_view rest = vis.substr(i - 2);
    motto_letters = starts_with(rest, "ộng h") || starts_with(rest, "ộc lập");
  }
  if (!motto_letters) return false;
  const std::string low = lower_word(vis);
  for (std::string_view motto :
       {"cộng hòa xã hội chủ nghĩa", "cộng hoà xã hội chủ nghĩa",
        "độc lập - tự do", "độc lập-tự do"})
    if (low.find(motto) != std::string::npos) return true;
  return false;
}

// A header line as a text that lost its capitals prints it ("nghị quyết",
// "quyết nghị:", "cộng hoà xã hội chủ nghĩa việt nam", "hội đồng nhân dân
// tỉnh hậu giang"): in lower case it looks like a wrapped sentence, but it
// is a line of its own. Only lines without capitals are asked about.
bool lowercase_header_line(std::string_view vis) {
  if (vis.empty() || vis.size() > 120) return false;
  // Every such line starts with a small ASCII letter, "đ" or "ủ"/"uỷ", and
  // holds no ASCII capital: most lines are turned away here.
  const auto first = static_cast<unsigned char>(vis[0]);
  if (!((first >= 'a' && first <= 'z') || first == 0xC4 || first == 0xE1))
    return false;
  if (!is_lower_case(vis)) return false;  // a capital somewhere
  std::string_view low = vis;
  while (!low.empty() && (low.back() == ':' || low.back() == ' '))
    low.remove_suffix(1);
  static constexpr std::string_view kTypes[] = {
      "nghị quyết",        "nghị định", "quyết định", "quyết nghị", "thông tư",
      "chỉ thị",           "luật",      "pháp lệnh",  "kế hoạch",   "báo cáo",
      "thông báo",         "tờ trình",  "công văn",   "hướng dẫn",  "quy chế",
      "chương trình",      "đề án",     "lệnh",       "hiến pháp",  "bộ luật",
      "thông tư liên tịch"};
  if (one_of(low, kTypes)) return true;
  static constexpr std::string_view kStarts[] = {
      "cộng hòa xã hội chủ nghĩa", "cộng hoà xã hội chủ nghĩa",
      "độc lập - tự do",           "độc lập-tự do",
      "hội đồng nhân dân ",        "ủy ban nhân dân ",
      "uỷ ban nhân dân "};
  for (std::string_view p : kStarts) {
    if (low.rfind(p, 0) != 0) continue;
    // The enacting body with its term and session: "hội đồng nhân dân quận
    // bắc từ liêm khóa ii, kỳ họp thứ 14".
    const bool session = low.find("kỳ họp") != std::string::npos ||
                         low.find("khóa ") != std::string::npos ||
                         low.find("khoá ") != std::string::npos;
    return low.find_first_of(session ? ".;" : ".;,") == std::string::npos &&
           std::count(low.begin(), low.end(), ' ') < (session ? 16 : 9);
  }
  // A loop, not find_first_of: that searches the set once per byte of the
  // line, and most lines near the top are asked.
  const bool punctuated = std::any_of(low.begin(), low.end(), [](char c) {
    return c == '.' || c == ';' || c == ',' || c == ':';
  });
  if (punctuated && low.rfind("nghị", 0) != 0) return false;
  // The issuing body alone: "chính phủ", "bộ nội vụ".
  static constexpr std::string_view kBodies[] = {
      "chính phủ",
      "quốc hội",
      "hội đồng nhân dân",
      "ủy ban nhân dân",
      "uỷ ban nhân dân",
      "ủy ban thường vụ quốc hội",
      "uỷ ban thường vụ quốc hội",
      "phủ thủ tướng",
      "hội đồng thẩm phán tòa án nhân dân tối cao",
      "hội đồng thẩm phán toà án nhân dân tối cao",
      "tòa án nhân dân tối cao",
      "viện kiểm sát nhân dân tối cao"};
  if (one_of(low, kBodies)) return true;
  // Joint issuers too: "bộ tài chính - bộ công thương".
  if (low.rfind("bộ ", 0) == 0 && low.size() <= 80 &&
      std::count(low.begin(), low.end(), ' ') <= 9) {
    static constexpr std::string_view kNotBodies[] = {
        "bộ phận", "bộ máy", "bộ luật", "bộ đội", "bộ tiêu", "bộ hồ", "bộ chỉ"};
    for (std::string_view p : kNotBodies)
      if (low.rfind(p, 0) == 0) return false;
    return true;
  }
  // A type name of two words with its title or its issuer: "nghị định về
  // họ, hụi, biêu", "quyết định của bộ trưởng bộ tài chính".
  static constexpr std::string_view kTitled[] = {
      "nghị quyết về ",      "nghị định về ",      "quyết định về ",
      "thông tư về ",        "chỉ thị về ",        "kế hoạch về ",
      "nghị định quy định ", "thông tư quy định ", "thông tư hướng dẫn ",
      "quyết định của ",     "nghị định của ",     "nghị quyết của ",
      "thông tư của ",       "chỉ thị của "};
  for (std::string_view p : kTitled)
    if (low.rfind(p, 0) == 0) return true;
  return false;
}

// Small letters only: "đốc", "nghiệp".
bool lower_case_word(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    char32_t cp = static_cast<unsigned char>(w[i]);
    size_t n = 1;
    if (cp >= 0x80 && (n = decode_utf8(w, i, cp)) == 0) return false;
    if (!u_islower(static_cast<UChar32>(cp))) return false;
    i += n;
  }
  return !w.empty();
}

// A capital followed by small letters only: "Tam", "Trị", "Quảng".
bool title_case_word(std::string_view w) {
  const char32_t first = first_char(w);
  if (!u_isupper(static_cast<UChar32>(first))) return false;
  const size_t n = first < 0x80      ? 1
                   : first < 0x800   ? 2
                   : first < 0x10000 ? 3
                                     : 4;
  return n == w.size() || lower_case_word(w.substr(n));
}

// A header written as a table and saved with the table's source line
// breaks cuts its fields anywhere: "ỦY" / "BAN NHÂN DÂN", "UỶ BAN NHÂN" /
// "DÂN", "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM". A line in capitals that
// is the beginning of a header phrase goes on with the line in capitals
// that completes it; a lone word that opens a body's name ("BỘ", "SỞ")
// goes on with the name.
bool split_header_word(std::string_view prev, std::string_view line) {
  if (prev.size() > 40 || !upper_line(line)) return false;
  static constexpr std::string_view kPhrases[] = {
      "ỦY BAN NHÂN DÂN",
      "UỶ BAN NHÂN DÂN",
      "HỘI ĐỒNG NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "ĐẢNG CỘNG SẢN VIỆT NAM"};
  for (std::string_view p : kPhrases) {
    if (p.size() <= prev.size() + 1 || p.compare(0, prev.size(), prev) != 0 ||
        p[prev.size()] != ' ')
      continue;
    const std::string_view rest = p.substr(prev.size() + 1);
    if (starts_with(line, rest) || starts_with(rest, line)) return true;
  }
  static constexpr std::string_view kOpeners[] = {"BỘ", "SỞ", "TÒA", "TOÀ",
                                                  "VIỆN"};
  return one_of(prev, kOpeners);
}

// The place cut from its date: "Tam" / "Kỳ, ngày 19 tháng 6 năm 2007",
// "Quảng" / "Trị, ngày ...". The line before holds one to three words,
// each a capital followed by small letters (an issuer in capitals, "THÀNH
// PHỐ HÀ NỘI", is a line of its own).
bool split_place(std::string_view prev, std::string_view line) {
  if (prev.empty() || prev.size() > 40) return false;
  int words = 0;
  for (size_t b = 0; b < prev.size();) {
    size_t e = prev.find(' ', b);
    if (e == std::string_view::npos) e = prev.size();
    const std::string_view w = prev.substr(b, e - b);
    if (w.empty() || !title_case_word(w)) return false;
    ++words;
    b = e + 1;
  }
  if (words > 3) return false;
  size_t sp = line.find(' ');
  if (sp == std::string_view::npos || sp < 2) return false;
  std::string_view first = line.substr(0, sp);
  if (first.back() == ',') first.remove_suffix(1);
  if (!title_case_word(first)) return false;
  const std::string_view rest = line.substr(sp + 1);
  return (starts_with(rest, "ngày ") && rest.size() > 7 && rest[7] >= '0' &&
          rest[7] <= '9') ||
         (starts_with(rest, "ngày") && rest.size() > 6 && rest[6] >= '0' &&
          rest[6] <= '9');
}

// A basis or recital ("Căn cứ ...", "Xét đề nghị của Giám đốc") whose line
// stops on a word, without its closing ";" or ",", goes on on the next line
// ("Sở Nông nghiệp ... tại Tờ trình số ...,"), unless that line opens a
// recital or states the formula itself ("Thực hiện ...", "Ủy ban nhân dân
// tỉnh ban hành ...").
bool continues_preamble(std::string_view prev, std::string_view line) {
  const std::string_view w = last_word(prev);
  if (w.empty() || !lower_case_word(w) || line.empty() || line[0] == '(' ||
      upper_line(line))
    return false;
  static constexpr std::string_view kOwnStarts[] = {"Thực hiện", "Trên cơ sở",
                                                    "Theo", "Sau khi", "Để "};
  for (std::string_view p : kOwnStarts)
    if (starts_with(line, p)) return false;
  // An enacting body opens the formula ("Ủy ban nhân dân tỉnh ban hành
  // Quyết định ..."), or ends the basis's issuer ("... của Chánh Văn
  // phòng" / "Ủy ban nhân dân tỉnh,").
  static constexpr std::string_view kBodies[] = {
      "Chính phủ", "Quốc hội", "Bộ trưởng", "Thủ tướng",
      "Ủy ban",    "Uỷ ban",   "Hội đồng",  "Chủ tịch"};
  for (std::string_view p : kBodies)
    if (starts_with(line, p))
      return line.find("ban hành") == std::string_view::npos &&
             line.back() != '.' && line.back() != ':';
  return true;
}

// The first word of a line (up to a space), in characters.
size_t first_word_length(std::string_view vis) {
  size_t n = 0;
  for (const char c : vis) {
    if (c == ' ') break;
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  return n;
}

// A line of `chars` characters could not take the next line's first word
// within the width. A line well past the width was not cut at it (a
// table row, a paragraph left whole): it says nothing.
bool full_line(size_t chars, std::string_view next, size_t width) {
  return chars <= width + width / 8 &&
         chars + 1 + first_word_length(next) > width;
}

}  // namespace

bool starts_with_marker(std::string_view line) { return hand_marker(line); }

LinesResult pass_lines(std::string_view in, const NormalizeOptions& options) {
  // Split into lines and note which are empty.
  // Kept from call to call (per thread): a document has thousands of lines,
  // and growing a new vector for each document copies them over and over.
  static thread_local std::vector<Line> lines;
  lines.clear();
  const size_t first_page = find_page(in, 0);
  const bool any_break = first_page != std::string_view::npos;
  {
    uint32_t pos = 0;
    const auto size = static_cast<uint32_t>(in.size());
    size_t page = first_page;
    bool page_before = false;
    while (pos <= size) {
      // A page break ends a line too.
      while (page != std::string_view::npos && page < pos)
        page = find_page(in, page + kPage.size());
      const size_t limit = page == std::string_view::npos ? size : page;
      Line line;
      const size_t stop = line_end(in, pos, limit, line.cont);
      const bool at_page = stop == limit && page != std::string_view::npos;
      const size_t nl = stop < limit || at_page ? stop : std::string_view::npos;
      uint32_t end =
          nl == std::string_view::npos ? size : static_cast<uint32_t>(nl);
      line.begin = pos;
      line.end = end;
      line.page_before = page_before;
      page_before = at_page;
      for (uint32_t k = pos; k < end; ++k) {
        char c = in[k];
        if (c == ' ' || c == '|') continue;
        if (static_cast<unsigned char>(c) == 0xEE && k + 2 < end &&
            (in.compare(k, 3, kOpen) == 0 || in.compare(k, 3, kClose) == 0)) {
          k += 2;
          continue;
        }
        line.empty = false;
        break;
      }
      lines.push_back(line);
      if (nl == std::string_view::npos) break;
      pos = end + (at_page ? static_cast<uint32_t>(kPage.size()) : 1);
    }
  }
  mark_page_numbers(lines, in, any_break);
  mark_page_numbers_in_sentences(lines, in);
  // In text wrapped at a width, a line too full to take the next line's
  // first word was cut there: the next line goes on with the sentence even
  // when it starts with a capital ("... của Ủy ban nhân dân tỉnh Thừa
  // Thiên" / "Huế").
  const size_t width =
      options.join_wrapped_lines ? wrap_width(lines, in) : size_t{0};

  LinesResult r;
  TextBuilder b(in.size());
  bool emphasis = false;
  uint32_t emphasis_start = 0;
  bool prev_exists = false;
  bool prev_emphasis_open = false;
  bool prev_is_table = false;
  std::string_view prev_visible;
  // Sentinel-free copies of line edges when a line holds sentinels; two so
  // that the previous line's edge stays valid while this line's is made.
  std::string vis_scratch, prev_scratch;
  bool prev_long = false;  // longer than its visible tail window
  // Characters of the previous line, counted when a rule first asks.
  size_t prev_chars = 0;
  bool prev_chars_known = true;
  std::string_view prev_content;
  Line prev_line;
  auto prev_length = [&]() {
    if (!prev_chars_known) {
      prev_chars = line_chars(prev_line, prev_content);
      prev_chars_known = true;
    }
    return prev_chars;
  };
  bool prev_article = false;  // the logical line starts with "Điều N"
  bool prev_preamble = false;  // ... with "Căn cứ", "Xét", "Theo đề nghị"
  bool prev_wrapped = false;  // a long line that continues the one before
  uint32_t prev_end = 0;
  bool blank = false;

  auto close_emphasis = [&]() {
    if (emphasis) {
      if (b.size() > emphasis_start)
        r.emphasis.push_back({emphasis_start, b.size()});
      emphasis = false;
    }
  };

  // A page break (with the page number and blank lines around it) is no
  // paragraph break: the paragraph it cut goes on on the next page.
  bool page_gap = false;
  size_t line_index = 0;  // lines with text so far
  // The lines a header may stand in: the first 30, or the first 200 of a
  // page saved from a legal website, whose field table ("Số hiệu:") and
  // summary of the document come before the header.
  size_t header_lines = 30;
  bool prev_header = false;     // the previous line is a lower-case header line
  bool prev_sign_mark = false;  // the previous line is "(đã ký)" alone
  size_t next_ee = 0;  // the first 0xEE byte at or after a line's start
  bool ee_searched = false;
  for (const Line& line : lines) {
    std::string_view content = in.substr(line.begin, line.end - line.begin);
    page_gap = page_gap || line.page_before || line.furniture;
    if (line.furniture) continue;
    if (line.empty) {
      // Still honour the sentinels so emphasis spans end where they should.
      for (size_t k = 0; k + 2 < content.size(); ++k) {
        if (static_cast<unsigned char>(content[k]) != 0xEE) continue;
        if (content.compare(k, 3, kClose) == 0) close_emphasis();
        if (content.compare(k, 3, kOpen) == 0 && !emphasis) {
          emphasis = true;
          emphasis_start = b.size();
        }
      }
      blank = true;
      continue;
    }
    // Sentinels and page breaks are the only 0xEE bytes: one search per
    // such byte, not per line.
    if (!ee_searched || next_ee < line.begin) {
      ee_searched = true;
      const void* p =
          std::memchr(in.data() + line.begin, '\xEE', in.size() - line.begin);
      next_ee = p ? static_cast<size_t>(static_cast<const char*>(p) - in.data())
                  : in.size();
    }
    const bool sentinels = next_ee < line.end;
    const std::string_view vis =
        visible_edge(content, false, sentinels, vis_scratch);
    const bool is_table = !vis.empty() && vis[0] == '|';
    if (line_index < 60 && starts_with(vis, "Số hiệu:")) header_lines = 200;
    if (page_gap) blank = false;
    page_gap = false;
    bool join = false;
    const bool split_marker =
        !blank &&
        (prev_visible == "Điều" || prev_visible == "ĐIỀU" ||
         prev_visible == "Chương" || prev_visible == "CHƯƠNG" ||
         unit_word_wrap(prev_visible, vis) || wrapped_dash(prev_visible, vis) ||
         cited_unit(prev_visible, vis) ||
         // "TM." / "ỦY BAN NHÂN DÂN TỈNH": a signature's authority cut
         // after its prefix.
         ((prev_visible == "TM." || prev_visible == "KT." ||
           prev_visible == "TL." || prev_visible == "TUQ.") &&
          upper_line(vis)) ||
         // "Số:" / "14/2007/QĐ-UBND": the header's number cut from its label.
         (line_index < header_lines &&
          (prev_visible == "Số:" || prev_visible == "Số :") && !vis.empty() &&
          vis[0] >= '0' && vis[0] <= '9'));
    // Near the top, a header line in lower case stands alone.
    const bool this_header = line_index < 40 && (lowercase_header_line(vis) ||
                                                 lowercase_motto_row(vis));
    const bool sign_mark = content.size() < 200 && signing_mark_line(content);
    const bool header_alone =
        this_header || prev_header || sign_mark || prev_sign_mark;
    prev_header = this_header;
    prev_sign_mark = sign_mark;
    if (prev_exists && options.join_wrapped_lines && !is_table &&
        !prev_is_table && !header_alone &&
        (split_marker || !starts_with_marker(vis))) {
      const char32_t first = first_char(content);
      if (split_marker) {
        join = true;  // "Điều" / "1. ...", "theo khoản" / "3. Điều 9", "tay" /
                      // "- chân"
      } else if (prev_emphasis_open && !blank) {
        join = true;
      } else if (width && !blank && full_line(prev_length(), vis, width) &&
                 ((prev_visible.back() == ';' &&
                   (u_islower(static_cast<UChar32>(first)) ||
                    starts_act(vis))) ||
                  (prev_visible.back() == ':' && first >= '0' &&
                   first <= '9'))) {
        // "... quá cảnh hàng hóa;" / "tổ chức, cá nhân ...", "(VB hết hiệu
        // lực:" / "01/03/2025)]": a full line's sentence goes on.
        join = true;
      } else if (!ends_paragraph(prev_visible)) {
        if (u_islower(static_cast<UChar32>(first))) {
          join = !bare_article_number(prev_visible);
        } else if (!blank) {
          if (first >= '0' && first <= '9')
            join = true;
          else if (!prev_visible.empty() && prev_visible.back() == ',')
            join = true;
          else if (width && full_line(prev_length(), vis, width))
            join = continues_full_line(prev_visible, vis, content, width);
          else if (line_index < header_lines &&
                   (split_header_word(prev_visible, vis) ||
                    split_place(prev_visible, vis)))
            join = true;
          else if (prev_preamble && continues_preamble(prev_visible, vis))
            join = true;
          else
            join = joins_capitalised(prev_visible, prev_long, prev_article,
                                     prev_wrapped, vis);
        }
      }
    }
    if (prev_exists) {
      // The separator stands for the line break (and blank lines) it replaces.
      if (join) {
        b.replace(prev_end, line.begin, " ");
      } else {
        const bool was_open = emphasis;
        if (was_open) close_emphasis();
        // A single line feed stays: copied on with the line before it, not
        // replaced by itself (which would cut the copy and map it anew).
        if (line.begin == prev_end + 1)
          b.copy(prev_end, in.substr(prev_end, 1));
        else
          b.replace(prev_end, line.begin, "\n");
        if (was_open) {
          emphasis = true;
          emphasis_start = b.size();
        }
      }
    }
    // Copy the content: collapse spaces, drop sentinels, fix "tế- xã".
    bool pending_space = false;
    bool any = false;
    for (uint32_t k = line.begin; k < line.end;) {
      const char c = in[k];
      if (static_cast<unsigned char>(c) == 0xEE && k + 2 < line.end + 0u &&
          (in.compare(k, 3, kOpen) == 0 || in.compare(k, 3, kClose) == 0)) {
        const bool open = in.compare(k, 3, kOpen) == 0;
        if (pending_space && any && !open) {
          // "text **" : the space belongs outside the emphasis
        }
        b.replace(k, k + 3, "");
        if (open && !emphasis) {
          if (pending_space && any) {
            b.replace(k + 3, k + 3, " ");
            pending_space = false;
          }
          emphasis = true;
          emphasis_start = b.size();
        } else if (!open) {
          close_emphasis();
        }
        k += 3;
        continue;
      }
      if (c == ' ') {
        pending_space = true;
        ++k;
        continue;
      }
      if (pending_space && any) {
        // "kinh tế- xã hội": a hyphen glued to the word before, spaced after.
        b.replace(k - 1, k, " ");
      }
      pending_space = false;
      // Not at the line's end ("21/2021/TT- " / "BLĐTBXH" in a PDF's text
      // layer): there the hyphen joins the next line's word.
      if (c == '-' && any && k + 1 < line.end && in[k + 1] == ' ' &&
          k > line.begin && in[k - 1] != ' ' &&
          !(in[k - 1] >= '0' && in[k - 1] <= '9') && in[k - 1] != '-' &&
          in[k - 1] != '(' && !blank_to_end(in, k + 1, line.end)) {
        b.replace(k, k + 1, " -");
        ++k;
        any = true;
        continue;
      }
      // Copy a run up to the next byte that needs a decision.
      const size_t j = decision_point(in, k + 1, line.end);
      b.copy(k, in.substr(k, j - k));
      any = true;
      k = static_cast<uint32_t>(j);
    }
    prev_exists = true;
    prev_emphasis_open = emphasis;
    prev_is_table = is_table;
    // A short line's two edges are the same view, when not in a scratch.
    prev_visible = content.size() <= kEdgeWindow && !sentinels
                       ? vis
                       : visible_edge(content, true, sentinels, prev_scratch);
    prev_long = prev_visible.size() + 8 < content.size();
    // Lines past the sample, and long ones, were not counted: a line
    // longer than the width (or than 200) is full whatever its length.
    if (width) {
      prev_chars = line.chars;
      prev_chars_known = line.chars != 0;
      prev_content = content;
      prev_line = line;
    }
    prev_wrapped = join && content.size() >= 80;
    // A line joined to an article line is still part of its title.
    if (!join) {
      prev_article = (starts_with(vis, "Điều ") || starts_with(vis, "ĐIỀU ")) &&
                     vis.size() > 8 && vis[8] >= '0' && vis[8] <= '9';
      prev_preamble = starts_with(vis, "Căn cứ ") || starts_with(vis, "Xét ") ||
                      starts_with(vis, "Theo đề nghị ");
    }
    prev_end = line.end;
    blank = false;
    ++line_index;
  }
  close_emphasis();
  r.text = b.take(r.map, static_cast<uint32_t>(in.size()));
  return r;
}

}  // namespace vnlegal::internal
