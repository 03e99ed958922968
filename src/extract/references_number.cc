#include <re2/re2.h>

#include <cstring>
#include <vector>

#include "extract/citation_number.h"
#include "extract/citation_text.h"

namespace vnlegal::citation {
namespace {

struct CodeName {
  const char* code;
  const char* type;
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
constexpr const char* kPartyIssuers[] = {"TW", "TU",  "HU",   "ĐU", "QU",
                                         "TƯ", "ĐUK", "BCSĐ", "ĐĐ"};

const RE2& number_re() {
  static const RE2 re(
      "(\\d{1,5}[a-zđ]?)[ \\t]{0,8}([/\\-–—])[ \\t]{0,3}"
      "(?:((?:19|20)\\d\\d)[ \\t]{0,2}[/\\-–—][ \\t]{0,2})?"
      "([A-ZĐÐ][A-Za-z0-9ĐđÐð&]*(?:[/\\-–—][A-ZĐÐ][A-Za-z0-9ĐđÐð&]*)*)"
      "(\\([A-Za-z0-9ĐđÐð]+\\))?");
  return re;
}

// Replaces the stroke-less D in codes where the letter can only be Đ.
std::string fix_segment(std::string seg) {
  static const std::pair<const char*, const char*> kFixes[] = {
      {"ND", "NĐ"},       {"QD", "QĐ"},     {"HDND", "HĐND"},
      {"HDNN", "HĐNN"},   {"HDTP", "HĐTP"}, {"BKHDT", "BKHĐT"},
      {"BGDDT", "BGDĐT"}, {"QyD", "QyĐ"},   {"SGDDT", "SGDĐT"},
      {"SKHDT", "SKHĐT"}, {"HDQT", "HĐQT"}, {"TTG", "TTg"},
  };
  size_t digits = seg.size();
  while (digits > 0 && is_digit(seg[digits - 1])) --digits;
  std::string head = seg.substr(0, digits), tail = seg.substr(digits);
  for (const auto& f : kFixes)
    if (head == f.first) return f.second + tail;
  return seg;
}

std::string strip_digits(std::string s) {
  while (!s.empty() && is_digit(s.back())) s.pop_back();
  return s;
}

bool is_type_code(const std::string& s) {
  for (const CodeName& c : kTypeCodes)
    if (s == c.code) return c.type[0] != '\0';
  return false;
}

bool is_party_issuer(const std::string& s) {
  for (const char* p : kPartyIssuers)
    if (s == p) return true;
  return false;
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

std::optional<NumberParts> parse_number(std::string_view text, size_t pos) {
  if (pos >= text.size() || !is_digit(text[pos])) return std::nullopt;
  // Cheap prefilter: digits, blanks, then a separator.
  size_t k = pos;
  while (k < text.size() && is_digit(text[k])) ++k;
  if (k - pos > 5) return std::nullopt;
  if (k < text.size() && text[k] >= 'a' && text[k] <= 'z') ++k;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
  if (k >= text.size()) return std::nullopt;
  if (text[k] != '/' && text[k] != '-' &&
      !(text[k] == '\xE2' && k + 2 < text.size() && text[k + 1] == '\x80' &&
        (text[k + 2] == '\x93' || text[k + 2] == '\x94')))
    return std::nullopt;
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
      if (d - j != 4) return std::nullopt;
      while (d < text.size() && (text[d] == ' ' || text[d] == '\t')) ++d;
      if (d >= text.size() ||
          (text[d] != '/' && text[d] != '-' && text[d] != '\xE2'))
        return std::nullopt;
    }
  }

  const size_t end_limit = std::min(text.size(), pos + 96);
  re2::StringPiece input(text.data(), end_limit);
  re2::StringPiece m[6];
  if (!number_re().Match(input, pos, end_limit, RE2::ANCHOR_START, m, 6))
    return std::nullopt;
  size_t end = static_cast<size_t>(m[0].data() - text.data()) + m[0].size();
  // Part of a path, URL or file name, or a longer word.
  if (end < text.size()) {
    size_t len = 0;
    char32_t next = cp_at(text, end, &len);
    if (is_word_cp(next) || next == '/' || next == '_') return std::nullopt;
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
  const std::string digits(m[1].data(), m[1].size());
  const bool dash_first = m[2] == "-";
  std::string code(m[4].data(), m[4].size());
  std::string suffix(m[5].data() ? m[5].data() : "", m[5].size());
  // Split the code on separators, folding en/em dashes to '-'.
  std::vector<std::string> segs;
  std::vector<char> seps;
  {
    std::string cur;
    for (size_t i = 0; i < code.size();) {
      size_t len = 0;
      char32_t c = cp_at(code, i, &len);
      if (c == '/' || c == '-' || c == 0x2013 || c == 0x2014) {
        segs.push_back(cur);
        seps.push_back(c == '/' ? '/' : '-');
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
    segs.push_back(cur);
  }
  for (std::string& s : segs) s = fix_segment(s);
  n.segments = static_cast<int>(segs.size());
  size_t letters = 0;
  for (const std::string& s : segs) letters += s.size();
  if (letters < 2) return std::nullopt;

  if (m[3].data()) {
    n.has_year = true;
    n.year = std::stoi(std::string(m[3].data(), m[3].size()));
  }
  n.spaced = m[0].find(' ') != re2::StringPiece::npos ||
             m[0].find('\t') != re2::StringPiece::npos;

  // Party numbering: digits-TYPE/ISSUER.
  if (dash_first && !n.has_year && segs.size() >= 2 && seps[0] == '/') {
    n.type_code = segs[0];
    n.issuer_code = strip_digits(segs[1]);
    n.party = is_party_issuer(n.issuer_code) ||
              (n.issuer_code.size() > 2 &&
               (n.issuer_code.compare(n.issuer_code.size() - 2, 2, "TW") == 0 ||
                n.issuer_code.compare(n.issuer_code.size() - 2, 2, "TU") == 0));
    n.typed_code = is_type_code(n.type_code) || n.type_code == "LCT";
  } else if (is_type_code(segs[0]) && segs.size() >= 2) {
    n.type_code = segs[0];
    n.typed_code = true;
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
  std::string canon = digits;
  canon += n.has_year ? '/' : (dash_first ? '-' : '/');
  if (n.has_year) canon += std::string(m[3].data(), 4) + "/";
  for (size_t i = 0; i < segs.size(); ++i) {
    if (i > 0) canon += seps[i - 1];
    canon += segs[i];
  }
  canon += suffix;
  n.canonical = canon;
  return n;
}

}  // namespace vnlegal::citation
