#include <cstring>
#include <vector>

#include "extract/citation_number.h"
#include "extract/citation_text.h"

namespace vnlegal::citation {
namespace {

struct CodeName {
  std::string_view code;
  std::string_view type;
};

// Decree 30/2020/NĐ-CP, Appendix III, plus the legal normative codes and the
// older codes still found in archives.
constexpr CodeName kTypeCodes[] = {
    {"NQ", "Nghị quyết"},
    {"NĐ", "Nghị định"},
    {"QĐ", "Quyết định"},
    {"TT", "Thông tư"},
    {"TTLT", "Thông tư liên tịch"},
    {"NQLT", "Nghị quyết liên tịch"},
    {"CT", "Chỉ thị"},
    {"CTLT", "Chỉ thị liên tịch"},
    {"QC", "Quy chế"},
    {"QyĐ", "Quy định"},
    {"TC", "Thông cáo"},
    {"TB", "Thông báo"},
    {"HD", "Hướng dẫn"},
    {"CTr", "Chương trình"},
    {"KH", "Kế hoạch"},
    {"PA", "Phương án"},
    {"ĐA", "Đề án"},
    {"BC", "Báo cáo"},
    {"BB", "Biên bản"},
    {"TTr", "Tờ trình"},
    {"CĐ", "Công điện"},
    {"KL", "Kết luận"},
    {"PL", "Pháp lệnh"},
    {"VBHN", "Văn bản hợp nhất"},
    {"LCT", "Lệnh"},
    {"L", "Lệnh"},
    {"CTPH", "Chương trình"},
    {"BCTT", "Báo cáo"},
    {"QĐi", "Quy định"},
    {"TTg", ""},
};

// Party issuers: Trung ương, Tỉnh ủy, Huyện ủy, Đảng ủy, Quận ủy, Thành ủy.
constexpr std::string_view kPartyIssuers[] = {"TW", "TU",  "HU",   "ĐU", "QU",
                                              "TƯ", "ĐUK", "BCSĐ", "ĐĐ"};

// Matches, at `pos`, what this pattern would (kept as the reference for
// the hand-written matcher below, which avoids a regex run per number):
//   (\d{1,5}[a-zđ]?)[ \t]{0,8}([/\-–—])[ \t]{0,3}
//   (?:((?:19|20)\d\d)[ \t]{0,2}[/\-–—][ \t]{0,2})?
//   ([A-ZĐÐ][A-Za-z0-9ĐđÐð&]*(?:[/\-–—][A-ZĐÐ][A-Za-z0-9ĐđÐð&]*)*)
//   (\([A-Za-z0-9ĐđÐð]+\))?
struct NumberMatch {
  std::string_view all, digits, sep, year, code, suffix;
};

// Length of a separator (/, -, en dash, em dash) at `i`, or 0.
size_t sep_len(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '/' || t[i] == '-') return 1;
  if (t[i] == '\xE2' && i + 2 < t.size() && t[i + 1] == '\x80' &&
      (t[i + 2] == '\x93' || t[i + 2] == '\x94'))
    return 3;
  return 0;
}

// Đ (C4 90) or Ð (C3 90): an upper-case D with stroke.
size_t upper_d_len(std::string_view t, size_t i) {
  if (i + 1 < t.size() && (t[i] == '\xC4' || t[i] == '\xC3') &&
      t[i + 1] == '\x90')
    return 2;
  return 0;
}

size_t code_char_len(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  const char c = t[i];
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) ||
      c == '&')
    return 1;
  if (i + 1 < t.size() &&
      ((t[i] == '\xC4' && (t[i + 1] == '\x90' || t[i + 1] == '\x91')) ||
       (t[i] == '\xC3' && (t[i + 1] == '\x90' || t[i + 1] == '\xB0'))))
    return 2;
  return 0;
}

size_t segment_start_len(std::string_view t, size_t i) {
  if (i < t.size() && t[i] >= 'A' && t[i] <= 'Z') return 1;
  return upper_d_len(t, i);
}

// Length of a run of capitals (A-Z, Đ) and digits at `i` that ends a word,
// or 0: "SNN" in "3236/TTr -SNN ngày", "UB" in "QĐ.UB ngày".
size_t capitals_segment_len(std::string_view t, size_t i) {
  size_t k = i;
  if (!segment_start_len(t, k)) return 0;
  while (k < t.size()) {
    if (t[k] >= 'A' && t[k] <= 'Z') {
      ++k;
    } else if ((is_digit(t[k]) || t[k] == '&') && k > i) {
      ++k;  // digits and "&": "NN&PTNT"
    } else if (const size_t d = upper_d_len(t, k)) {
      k += d;
    } else {
      break;
    }
  }
  if (k < t.size() &&
      (code_char_len(t, k) || static_cast<unsigned char>(t[k]) >= 0x80))
    return 0;  // a word goes on in small letters: "Sở", "Tỉnh"
  return k - i;
}

// Length of a code of two capitals or more and one small letter that ends
// a word ("TTg", "TTr", "CTr"), or 0: after a hyphen with a blank beside
// it ("416/QĐ- TTg"), where capitals_segment_len reads capitals only.
size_t mixed_segment_len(std::string_view t, size_t i) {
  size_t k = i;
  int caps = 0;
  while (k < t.size()) {
    if (t[k] >= 'A' && t[k] <= 'Z') {
      ++k;
    } else if (const size_t d = upper_d_len(t, k)) {
      k += d;
    } else {
      break;
    }
    ++caps;
  }
  if (caps < 2 || k >= t.size() || t[k] < 'a' || t[k] > 'z') return 0;
  ++k;
  if (k < t.size() &&
      (code_char_len(t, k) || static_cast<unsigned char>(t[k]) >= 0x80))
    return 0;
  return k - i;
}

size_t blanks(std::string_view t, size_t i, size_t max) {
  size_t k = 0;
  while (k < max && i + k < t.size() && (t[i + k] == ' ' || t[i + k] == '\t'))
    ++k;
  return k;
}

// Crawled pages lose the space after a number: "156/2013/NĐ-CPngày 11
// tháng 11", "46/2010/QH12ngày". A small word that follows a citation's
// number, glued to a number that ends in a capital or a digit, is read as
// the next word; any other letters make the number part of a longer word.
bool glued_word_after(std::string_view text, size_t end) {
  if (end == 0) return false;
  const char last = text[end - 1];
  if (!((last >= 'A' && last <= 'Z') || is_digit(last))) return false;
  for (std::string_view w : {"ngày", "của", "về", "năm", "quy", "ban", "và",
                             "đã", "được", "sửa", "hướng"}) {
    if (text.compare(end, w.size(), w) != 0) continue;
    const size_t after = end + w.size();
    size_t len = 0;
    if (after >= text.size() || !is_word_cp(cp_at(text, after, &len)))
      return true;
  }
  return false;
}

std::optional<NumberMatch> match_number(std::string_view t, size_t pos) {
  NumberMatch m;
  size_t i = pos;
  while (i < t.size() && i - pos < 5 && is_digit(t[i])) ++i;
  if (i == pos) return std::nullopt;
  // "Nghị định số 3 7/2003/NĐ-CP": a paged text's extraction split the
  // number's digits with a blank. After "số", one or two digits, a blank
  // and the rest of the digits up to the slash are one number.
  if (i - pos <= 2 && pos >= 5 && t.compare(pos - 5, 5, "số ") == 0 &&
      i + 1 < t.size() && t[i] == ' ' && is_digit(t[i + 1])) {
    size_t j = i + 1;
    while (j < t.size() && j - i < 4 && is_digit(t[j])) ++j;
    if (j < t.size() && t[j] == '/') i = j;
  }
  i += sub_number_len(t, i);
  if (i < t.size() && t[i] >= 'a' && t[i] <= 'z') {
    ++i;
  } else if (i + 1 < t.size() && t[i] == '\xC4' && t[i + 1] == '\x91') {
    i += 2;
  }
  m.digits = t.substr(pos, i - pos);
  i += blanks(t, i, 8);
  i += wrap_before_slash(t, i);
  size_t sl = sep_len(t, i);
  if (!sl) return std::nullopt;
  m.sep = t.substr(i, sl);
  i += sl;
  i += blanks(t, i, 3);
  // Optional year and its separator.
  if (i + 4 <= t.size() &&
      ((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0')) &&
      is_digit(t[i + 2]) && is_digit(t[i + 3])) {
    size_t j = i + 4;
    j += blanks(t, j, 2);
    size_t s2 = sep_len(t, j);
    if (s2) {
      j += s2;
      j += blanks(t, j, 2);
      if (segment_start_len(t, j)) {
        m.year = t.substr(i, 4);
        i = j;
      }
    }
  } else if (i + 3 <= t.size() &&
             ((t[i] == '1' && t[i + 1] == '9') ||
              (t[i] == '2' && t[i + 1] == '0')) &&
             is_digit(t[i + 2]) && (i + 3 == t.size() || !is_digit(t[i + 3]))) {
    // "22/201 /QĐ-UBND": a year printed with a digit missing, then its
    // slash (parse_number keeps it before a type code only).
    size_t j = i + 3;
    j += blanks(t, j, 2);
    if (j < t.size() && t[j] == '/') {
      j += 1 + blanks(t, j + 1, 2);
      if (segment_start_len(t, j)) {
        m.year = t.substr(i, 3);
        i = j;
      }
    }
  }
  const size_t code_b = i;
  size_t first = segment_start_len(t, i);
  if (!first) return std::nullopt;
  i += first;
  for (;;) {
    size_t cl = code_char_len(t, i);
    if (cl && t[i] >= 'a' && t[i] <= 'z' && glued_word_after(t, i)) break;
    if (cl) {
      i += cl;
      continue;
    }
    size_t s3 = sep_len(t, i);
    size_t st = s3 ? segment_start_len(t, i + s3) : 0;
    if (!st) {
      // A hyphen with a blank beside it ("3236/TTr -SNN", "45/QĐ- UBND")
      // or an old symbol's dot ("01/1999/QĐ.UB"): the next segment must be
      // capitals only, up to the end of the word.
      const size_t gap = blanks(t, i, 2);
      const size_t dash = sep_len(t, i + gap);
      const bool dot = gap == 0 && i < t.size() && t[i] == '.';
      if (!(dot || (dash && t[i + gap] != '/'))) break;
      const size_t after = i + gap + (dot ? 1 : dash);
      size_t gap2 = dot ? 0 : blanks(t, after, 2);
      // A symbol wrapped after its hyphen ("3374/ BKHCN-" / "CNCNTT").
      const bool wrapped = !dot && gap == 0 && gap2 == 0 && t[i] == '-' &&
                           after < t.size() && t[after] == '\n';
      if (wrapped) gap2 = 1 + blanks(t, after + 1, 2);
      if (!dot && gap + gap2 == 0) break;
      size_t seg = capitals_segment_len(t, after + gap2);
      if (seg < 2 && !dot) seg = mixed_segment_len(t, after + gap2);
      if (seg < 2) break;
      i = after + gap2 + seg;
      continue;
    }
    i += s3 + st;
  }
  // "03/1998/QH 10": the legislature's number typed apart from its "QH"
  // (the blank is dropped with the code's other blanks).
  if (i - code_b >= 2 && t.substr(i - 2, 2) == "QH" && i + 1 < t.size() &&
      t[i] == ' ' && is_digit(t[i + 1])) {
    size_t d = i + 1;
    while (d < t.size() && is_digit(t[d])) ++d;
    if (d - i - 1 <= 2) i = d;
  }
  m.code = t.substr(code_b, i - code_b);
  if (i < t.size() && t[i] == '(') {
    size_t j = i + 1;
    while (size_t cl = code_char_len(t, j)) {
      if (t[j] == '&') break;
      j += cl;
    }
    if (j > i + 1 && j < t.size() && t[j] == ')') {
      m.suffix = t.substr(i, j + 1 - i);
      i = j + 1;
    }
  }
  m.all = t.substr(pos, i - pos);
  return m;
}

// Replaces the stroke-less D in codes where the letter can only be Đ.
void fix_segment(std::string& seg) {
  static const std::pair<const char*, const char*> kFixes[] = {
      {"ND", "NĐ"},       {"QD", "QĐ"},     {"HDND", "HĐND"},
      {"HDNN", "HĐNN"},   {"HDTP", "HĐTP"}, {"BKHDT", "BKHĐT"},
      {"BGDDT", "BGDĐT"}, {"QyD", "QyĐ"},   {"SGDDT", "SGDĐT"},
      {"SKHDT", "SKHĐT"}, {"HDQT", "HĐQT"}, {"TTG", "TTg"},
  };
  size_t digits = seg.size();
  while (digits > 0 && is_digit(seg[digits - 1])) --digits;
  const std::string_view head = std::string_view(seg).substr(0, digits);
  // Every code fixed here has a D or a G.
  if (head.find_first_of("DG") == std::string_view::npos) return;
  for (const auto& f : kFixes) {
    if (head == f.first) {
      seg.replace(0, digits, f.second);
      return;
    }
  }
}

std::string_view strip_digits(std::string_view s) {
  while (!s.empty() && is_digit(s.back())) s.remove_suffix(1);
  return s;
}

bool is_type_code(std::string_view s) {
  for (const CodeName& c : kTypeCodes)
    if (s == c.code) return !c.type.empty();
  return false;
}

bool is_party_issuer(std::string_view s) {
  for (std::string_view p : kPartyIssuers)
    if (s == p) return true;
  return false;
}

// A party committee's code: a known one, or one that ends in TW or TU
// (the Party's central or provincial bodies).
bool is_party_code(std::string_view s) {
  const auto ends = [&](std::string_view e) {
    return s.size() > 2 && s.substr(s.size() - 2) == e;
  };
  return is_party_issuer(s) || ends("TW") || ends("TU");
}

}  // namespace

std::string_view type_for_code(std::string_view code, bool party) {
  if (party && code == "TT") return "Thông tri";
  for (const CodeName& c : kTypeCodes)
    if (code == c.code) return c.type;
  return {};
}

std::string_view code_for_type(std::string_view type) {
  for (const CodeName& c : kTypeCodes)
    if (type == c.type) return c.code;
  if (type == "Luật" || type == "Bộ luật") return "";
  return {};
}

namespace {

// A symbol typed in small letters, as a text that lost its capitals (a
// legacy font) prints it: "14/2015/nq-hđnd", "02/qđ-ubnd". `j` is where
// the code starts. Returns the end of the symbol's word when every letter of
// it is small, it holds a hyphen and its first segment is a document type's
// code ("nq", "qđ", "nđ", "tt", ...), else 0.
// Writes [b, e) of `s` in capitals in place: the ASCII letters and đ -> Đ,
// the only small letters of a symbol (the same number of bytes).
void code_to_capitals(std::string& s, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k) {
    char& c = s[k];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == '\x91' && k > b && s[k - 1] == '\xC4') c = '\x90';
  }
}

size_t small_letter_code_end(std::string_view text, size_t j) {
  size_t e = j;
  bool hyphen = false;
  while (e < text.size()) {
    const char c = text[e];
    if ((c >= 'a' && c <= 'z') || is_digit(c) || c == '&') {
      ++e;
    } else if (c == '\xC4' && e + 1 < text.size() && text[e + 1] == '\x91') {
      e += 2;  // đ
    } else if (c == '-' && e > j) {
      hyphen = true;
      ++e;
    } else {
      break;
    }
  }
  while (e > j && text[e - 1] == '-') --e;
  if (!hyphen || e == j) return 0;
  if (e < text.size() && static_cast<unsigned char>(text[e]) >= 0x80 &&
      !(text[e] == '\xE2'))  // a word goes on: not a symbol
    return 0;
  std::string first(text.substr(j, text.find('-', j) - j));
  code_to_capitals(first, 0, first.size());
  return is_type_code(strip_digits(first)) ? e : 0;
}

}  // namespace

std::optional<NumberParts> parse_number(std::string_view text, size_t pos) {
  const size_t k = number_separator_at(text, pos);
  if (k == std::string_view::npos) return std::nullopt;
  // After the separator: a capital (the code) or a year and a separator;
  // dates and fractions ("23/4/2018", "24/7") stop here.
  {
    size_t j = k + (text[k] == '\xE2' ? 3 : 1);
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    if (j >= text.size()) return std::nullopt;
    const auto c = static_cast<unsigned char>(text[j]);
    const bool capital =
        (c >= 'A' && c <= 'Z') ||
        (c == 0xC4 && j + 1 < text.size() && text[j + 1] == '\x90') ||
        (c == 0xC3 && j + 1 < text.size() && text[j + 1] == '\x90');
    if (!capital) {
      size_t d = j;
      while (d < text.size() && is_digit(text[d])) ++d;
      size_t code = j;
      // Four digits, or three of a year missing one ("22/201 /QĐ-UBND").
      const bool cut_year = d - j == 3 && (text.compare(j, 2, "20") == 0 ||
                                           text.compare(j, 2, "19") == 0);
      if (d - j == 4 || cut_year) {
        while (d < text.size() && (text[d] == ' ' || text[d] == '\t')) ++d;
        if (d >= text.size() ||
            (text[d] != '/' && text[d] != '-' && text[d] != '\xE2'))
          return std::nullopt;
        code = d + (text[d] == '\xE2' ? 3 : 1);
        while (code < text.size() && text[code] == ' ') ++code;
      } else if (d != j) {
        return std::nullopt;
      }
      // The code in small letters: read again in capitals (the same bytes
      // long: ASCII letters and đ/Đ).
      if (code < text.size() &&
          ((text[code] >= 'a' && text[code] <= 'z') ||
           (text[code] == '\xC4' && code + 1 < text.size() &&
            text[code + 1] == '\x91'))) {
        const size_t e = small_letter_code_end(text, code);
        if (!e) return std::nullopt;
        const size_t from = pos >= 4 ? pos - 4 : 0;
        std::string window(
            text.substr(from, std::min(text.size(), e + 8) - from));
        code_to_capitals(window, code - from, e - from);
        auto n = parse_number(window, pos - from);
        if (n) n->end += from;
        return n;
      }
    }
  }

  auto mm = match_number(text, pos);
  if (!mm) return std::nullopt;
  const size_t end = pos + mm->all.size();
  // Part of a path, URL or file name, or a longer word.
  if (end < text.size()) {
    size_t len = 0;
    char32_t next = cp_at(text, end, &len);
    if ((is_word_cp(next) && !glued_word_after(text, end)) || next == '/' ||
        next == '_')
      return std::nullopt;
    if ((next == '.' || next == '-') && end + 1 < text.size()) {
      char32_t after = cp_at(text, end + 1, &len);
      if (is_word_cp(after)) return std::nullopt;
    }
  }
  if (pos > 0) {
    char32_t prev = cp_before(text, pos);
    if (prev == '/' || prev == '.' || prev == '-' || prev == '_' ||
        is_word_cp(prev))
      return std::nullopt;
  }

  NumberParts n;
  n.end = end;
  const std::string_view digits = mm->digits;
  const bool dash_first = mm->sep != "/";
  const std::string_view code = mm->code;
  const std::string_view suffix = mm->suffix;
  // Split the code on separators, folding en/em dashes to '-'.
  // Reused from call to call: the segments are short (no allocation of
  // their own), so after the first numbers nothing is allocated here. The
  // recursive call above returns before this point.
  thread_local std::vector<std::string> segs;
  thread_local std::vector<char> seps;
  segs.clear();
  seps.clear();
  {
    std::string cur;
    for (size_t i = 0; i < code.size();) {
      size_t len = 0;
      char32_t c = cp_at(code, i, &len);
      if (c == ' ' || c == '\t' || c == '\n') {
        // blanks beside a hyphen ("TTr -SNN"), a line break after one:
        // not part of the symbol
      } else if (c == '/' || c == '-' || c == 0x2013 || c == 0x2014 ||
                 c == '.') {
        segs.push_back(std::move(cur));
        seps.push_back(c == '/' ? '/' : c == '.' ? '.' : '-');
        cur.clear();
      } else if (c == 0xD0) {
        cur += "Đ";
      } else if (c == 0xF0) {
        cur += "đ";
      } else {
        cur.append(code, i, len);
      }
      i += len;
    }
    segs.push_back(std::move(cur));
  }
  for (std::string& s : segs) fix_segment(s);
  // A decree's type and issuer typed without their hyphen ("79/2025/NĐCP"):
  // no other symbol reads so, the decree's symbol is meant.
  if (segs.size() == 1 && (segs[0] == "NĐCP" || segs[0] == "NDCP")) {
    segs.assign({"NĐ", "CP"});
    seps.assign(1, '-');
  }
  n.segments = static_cast<int>(segs.size());
  size_t letters = 0;
  for (const std::string& s : segs) letters += s.size();
  if (letters < 2) return std::nullopt;

  if (mm->year.size() == 3) {
    // A year missing a digit: a state symbol (type and issuer) must
    // follow, and the number says no year.
    if (segs.size() < 2 || !is_type_code(segs[0])) return std::nullopt;
    n.has_year = true;
  } else if (!mm->year.empty()) {
    n.has_year = true;
    // Four digits (match_number reads 19xx or 20xx).
    n.year = (mm->year[0] - '0') * 1000 + (mm->year[1] - '0') * 100 +
             (mm->year[2] - '0') * 10 + (mm->year[3] - '0');
  }
  n.spaced = mm->all.find(' ') != std::string_view::npos ||
             mm->all.find('\t') != std::string_view::npos;

  // Party numbering: digits-TYPE/ISSUER.
  if (dash_first && !n.has_year && segs.size() >= 2 && seps[0] == '/') {
    // A party issuer typed with its second letter small ("104-CTr/Tu",
    // "08-NQ/Tw") is the same issuer.
    if (segs[1].size() == 2 && segs[1][1] >= 'a' && segs[1][1] <= 'z') {
      std::string upper = segs[1];
      upper[1] = static_cast<char>(upper[1] - 32);
      if (is_party_issuer(upper)) segs[1] = upper;
    }
    n.type_code = segs[0];
    n.issuer_code = strip_digits(segs[1]);
    n.party = is_party_code(n.issuer_code);
    n.typed_code = is_type_code(n.type_code) || n.type_code == "LCT";
  } else if (is_type_code(segs[0]) && segs.size() >= 2) {
    n.type_code = segs[0];
    n.typed_code = true;
    // A slash typed for the hyphen between the type and the issuer
    // ("40/2000/TT/BTC", "1803/1998/QĐ/BTC") is the hyphen of the state
    // symbol; a party symbol keeps its slash.
    if (seps[0] == '/' && !is_party_code(strip_digits(segs[1]))) seps[0] = '-';
    std::string issuer;
    for (size_t i = 1; i < segs.size(); ++i) {
      if (i > 1) issuer += '-';
      issuer += strip_digits(segs[i]);
    }
    n.issuer_code = issuer;
  } else if (segs.size() == 1) {
    n.issuer_code = strip_digits(segs[0]);
  } else {
    n.issuer_code = strip_digits(segs[0]);  // công văn: issuer-unit
  }

  // Canonical: no blanks, '/' after a year printed as '-', folded dashes.
  std::string& canon = n.canonical;
  canon.reserve(mm->all.size() + 4);
  for (char c : digits)
    if (c != ' ') canon += c;  // "3 7/2003/NĐ-CP": the digits split apart
  canon += n.has_year ? '/' : (dash_first ? '-' : '/');
  if (n.has_year) {
    canon += mm->year;
    canon += '/';
  }
  for (size_t i = 0; i < segs.size(); ++i) {
    if (i > 0) canon += seps[i - 1];
    canon += segs[i];
  }
  canon += suffix;
  return n;
}

}  // namespace vnlegal::citation
