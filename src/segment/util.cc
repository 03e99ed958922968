#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "internal/utf8.h"
#include "normalize/byte_scan.h"
#include "segment/internal.h"

namespace vnlegal::segment_internal {

bool is_kem_theo(std::string_view t) {
  if (t.empty() || t[0] != '(') return false;
  static const RE2 re(R"re((?i)^\(\s*(?:ban hành\s+)?kèm\s+theo)re");
  return RE2::PartialMatch(t, re);
}

std::vector<Line> split_lines(std::string_view text) {
  // The line feeds and the bytes of the marks, found 32 bytes at a time:
  // one scan gives the lines and what they may hold.
  static const internal::ByteScanner scanner(std::string_view("\n([\"|\xE2"));
  std::vector<Line> lines;
  // Lines average well over 60 bytes: one allocation for most documents.
  lines.reserve(text.size() / 60 + 16);
  size_t pos = 0;
  uint8_t marks = 0;
  for (size_t i = scanner.find(text, 0);; i = scanner.find(text, i + 1)) {
    if (i < text.size() && text[i] != '\n') {
      switch (text[i]) {
        case '(':
          marks |= kMarkParen;
          break;
        case '[':
          marks |= kMarkBracket;
          break;
        case '"':
          marks |= kMarkQuote;
          break;
        case '|':
          marks |= kMarkBar;
          break;
        default:
          marks |= kMarkE2;
      }
      continue;
    }
    if (i > pos)
      lines.push_back({{static_cast<uint32_t>(pos), static_cast<uint32_t>(i)},
                       text.substr(pos, i - pos),
                       marks});
    if (i >= text.size()) break;
    pos = i + 1;
    marks = 0;
  }
  return lines;
}

// The leading run of capitalised words ("BỘ TRƯỞNG CHÁNH VĂN PHÒNG") and
// the rest ("Nguyễn Đức Tâm").
size_t upper_prefix_length(std::string_view s) {
  size_t last_good = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t sp = s.find(' ', i);
    size_t end = sp == std::string_view::npos ? s.size() : sp;
    std::string_view word = s.substr(i, end - i);
    if (!is_upper_line(word) && has_letters(word)) break;
    last_good = end;
    if (sp == std::string_view::npos) break;
    i = sp + 1;
  }
  return last_good;
}

// ASCII letters answer the ICU property tests below without a lookup
// (ICU's classes agree with these on ASCII): most bytes of a line are ASCII.
namespace {
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
}  // namespace

bool has_letters(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (ascii_upper(b) || ascii_lower(b)) return true;
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t n = internal::decode_utf8(s, i, cp);
    if (n == 0) n = 1;
    if (u_isalpha(static_cast<UChar32>(cp))) return true;
    i += n;
  }
  return false;
}

bool starts_upper(std::string_view s) {
  char32_t cp = 0;
  return !s.empty() && internal::decode_utf8(s, 0, cp) > 0 &&
         u_isupper(static_cast<UChar32>(cp));
}

namespace {
// The case of the letters outside ASCII that Vietnamese uses (Latin-1,
// Ă Đ Ĩ Ũ Ơ Ư and the Latin Extended Additional pairs Ạ-ỹ), answered
// without an ICU lookup: these make up most of a line's other bytes. Agrees
// with ICU's u_isupper/u_islower (none is a title-case letter); 0 for any
// other code point, which ICU answers.
constexpr int kUpper = 1, kLower = 2;
int vietnamese_case(char32_t cp) {
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return cp % 2 == 0 ? kUpper : kLower;
  if (cp >= 0xC0 && cp <= 0xFF) {
    if (cp == 0xD7 || cp == 0xF7 || cp == 0xDF) return 0;  // × ÷ ß
    return cp < 0xDF ? kUpper : kLower;
  }
  switch (cp) {
    case 0x102:
    case 0x110:
    case 0x128:
    case 0x168:
    case 0x1A0:
    case 0x1AF:
      return kUpper;
    case 0x103:
    case 0x111:
    case 0x129:
    case 0x169:
    case 0x1A1:
    case 0x1B0:
      return kLower;
    default:
      return 0;
  }
}

// Letters, none of the other case (for small letters: no capital nor title
// case letter either).
bool one_case_line(std::string_view s, bool upper) {
  bool letters = false;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (upper ? ascii_lower(b) : ascii_upper(b)) return false;
      letters = letters || ascii_upper(b) || ascii_lower(b);
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t n = internal::decode_utf8(s, i, cp);
    // A byte that starts no character is passed alone (ICU answers for
    // whatever was read).
    const bool valid = n != 0;
    i += valid ? n : 1;
    if (const int known = valid ? vietnamese_case(cp) : 0) {
      if (known == (upper ? kLower : kUpper)) return false;
      letters = true;
      continue;
    }
    const auto c = static_cast<UChar32>(cp);
    if (upper ? u_islower(c) : u_isupper(c) || u_istitle(c)) return false;
    if (u_isalpha(c)) letters = true;
  }
  return letters;
}
}  // namespace

bool is_upper_line(std::string_view s) { return one_case_line(s, true); }

bool is_lower_line(std::string_view s) { return one_case_line(s, false); }

std::string_view trim_view(std::string_view s) {
  // Called on most lines: a byte loop, not the generic set search.
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  if (b == e) return {};
  while (s[e - 1] == ' ' || s[e - 1] == '\t') --e;
  return s.substr(b, e - b);
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

namespace {
// Vietnamese case mapping through ICU.
std::string map_case(std::string_view s, bool upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (upper)
    u.toUpper(icu::Locale("vi"));
  else
    u.toLower(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace

std::string to_lower(std::string_view s) { return map_case(s, false); }

std::string to_upper(std::string_view s) { return map_case(s, true); }

std::string to_title_first(std::string_view s) {
  std::string lower = to_lower(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(lower);
  if (u.length() == 0) return lower;
  icu::UnicodeString first = u.tempSubString(0, 1);
  first.toUpper(icu::Locale("vi"));
  u.replace(0, 1, first);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Type names and codes (Decree 30/2020 appendix; older and normative codes).
const std::vector<TypeName>& type_names() {
  static const std::vector<TypeName> kTypes = {
      {"THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch", "TTLT"},
      {"NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch", "NQLT"},
      {"NGHỊ QUYẾT", "Nghị quyết", "NQ"},
      {"NGHỊ ĐỊNH", "Nghị định", "NĐ"},
      {"QUYẾT ĐỊNH", "Quyết định", "QĐ"},
      {"THÔNG TƯ", "Thông tư", "TT"},
      {"BỘ LUẬT", "Bộ luật", ""},
      {"LUẬT", "Luật", ""},
      {"PHÁP LỆNH", "Pháp lệnh", ""},
      {"HIẾN PHÁP", "Hiến pháp", ""},
      {"LỆNH", "Lệnh", "L"},
      {"CHỈ THỊ", "Chỉ thị", "CT"},
      {"KẾ HOẠCH", "Kế hoạch", "KH"},
      {"CHƯƠNG TRÌNH", "Chương trình", "CTr"},
      {"THÔNG BÁO", "Thông báo", "TB"},
      {"THÔNG CÁO", "Thông cáo", "TC"},
      {"HƯỚNG DẪN", "Hướng dẫn", "HD"},
      {"QUY CHẾ", "Quy chế", "QC"},
      {"QUY ĐỊNH", "Quy định", "QyĐ"},
      {"PHƯƠNG ÁN", "Phương án", "PA"},
      {"ĐỀ ÁN", "Đề án", "ĐA"},
      {"DỰ ÁN", "Dự án", "DA"},
      {"BÁO CÁO", "Báo cáo", "BC"},
      {"BIÊN BẢN", "Biên bản", "BB"},
      {"TỜ TRÌNH", "Tờ trình", "TTr"},
      {"CÔNG ĐIỆN", "Công điện", "CĐ"},
      {"CÔNG VĂN", "Công văn", ""},
      {"KẾT LUẬN", "Kết luận", "KL"},
      {"ÁN LỆ", "Án lệ", ""},
      {"VĂN BẢN HỢP NHẤT", "Văn bản hợp nhất", "VBHN"},
  };
  return kTypes;
}

const TypeName* match_type_line(std::string_view line, std::string_view& rest) {
  // Tolerate the old tone placement in capitals (HOÀ/HÒA do not occur in
  // type names, so an exact prefix match is enough).
  for (const TypeName& t : type_names()) {
    if (!has_prefix(line, t.upper)) continue;
    std::string_view after = line.substr(t.upper.size());
    if (!after.empty() && after[0] != ' ' && after[0] != ':' && after[0] != ',')
      continue;
    rest = after;
    return &t;
  }
  return nullptr;
}

const TypeName* type_from_code(std::string_view code) {
  if (code == "QĐ-TTg" || code == "QĐ") return &type_names()[4];
  for (const TypeName& t : type_names())
    if (!t.code.empty() && t.code == code) return &t;
  if (code == "ND") return &type_names()[3];
  if (code == "QD") return &type_names()[4];
  return nullptr;
}

std::string canonical_number(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size();) {
    char32_t cp = 0;
    size_t n = internal::decode_utf8(raw, i, cp);
    if (n == 0) {
      n = 1;
      cp = static_cast<unsigned char>(raw[i]);
    }
    i += n;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') continue;
    if (cp == 0xD0) cp = 0x110;  // Ð -> Đ
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2012) cp = '-';
    internal::append_utf8(out, cp);
  }
  while (!out.empty() &&
         (out.back() == '.' || out.back() == ',' || out.back() == ';'))
    out.pop_back();
  return out;
}

int32_t add_node(Document& doc, int32_t parent, NodeKind kind, Span span,
                 std::string_view num, std::string_view heading) {
  const auto index = static_cast<int32_t>(doc.nodes.size());
  Node& node = doc.nodes.emplace_back();
  node.kind = kind;
  node.span = span;
  node.parent = parent;
  node.num.assign(num.data(), num.size());
  node.heading.assign(heading.data(), heading.size());
  // Units with children mostly have several: one allocation for the first
  // eight instead of four.
  std::vector<int32_t>& children = doc.nodes[parent].children;
  if (children.capacity() == 0) children.reserve(8);
  children.push_back(index);
  return index;
}

}  // namespace vnlegal::segment_internal
