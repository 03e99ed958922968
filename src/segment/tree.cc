// The body tree: one stack of open units, ranked by the nesting table
// below (Law 80/2015 units, then the plan style I./1./1.1./a)/-). A line
// that looks like a heading is accepted only if its number continues the
// numbering of its would-be siblings; otherwise it is text.
#include <re2/re2.h>

#include <array>
#include <cctype>
#include <string>

#include "segment/internal.h"
#include "segment/line_scan.h"
#include "segment/marker_scan.h"

namespace vnlegal::segment_internal {
namespace {

// Characters of UTF-8 text: the bytes that do not continue a sequence.
size_t utf8_chars(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}
// The longest title of a part, chapter or section, in characters.
constexpr size_t kBigTitleChars = 600;
// A Roman division's line longer than this (bytes) is a sentence, unless
// it opens with its title in capitals.
constexpr size_t kLongDivisionLine = 400;

// A legal website's editorial notes in square brackets around a unit's
// title ("Chương 2: [Chương này được hướng dẫn bởi ...] BÁN NHÀ Ở ...") are
// not part of it.
std::string_view without_notes(std::string_view h) {
  while (!h.empty() && h.front() == '[') {
    const size_t close = h.find(']');
    if (close == std::string_view::npos) break;
    h = trim_view(h.substr(close + 1));
  }
  if (!h.empty() && h.back() == ']') {
    const size_t open = h.rfind(" [");
    if (open != std::string_view::npos && open > 0)
      h = trim_view(h.substr(0, open));
  }
  return h;
}

// Ranks: a unit may contain units of higher rank only (cmark-style table:
// one check instead of spelling out every combination of levels).
int rank(NodeKind kind) {
  switch (kind) {
    case NodeKind::kDocument:
    case NodeKind::kAttachment:
    case NodeKind::kQuoted:
      return 0;
    case NodeKind::kPart:
      return 1;
    case NodeKind::kChapter:
      return 2;
    case NodeKind::kSection:
      return 3;
    case NodeKind::kSubsection:
      return 4;
    case NodeKind::kArticle:
      return 5;
    case NodeKind::kDivision:
      return 6;
    case NodeKind::kClause:
    case NodeKind::kItem:
      return 7;
    case NodeKind::kSubitem:
      return 8;
    case NodeKind::kPoint:
      return 10;
    case NodeKind::kIndent:
      return 12;  // 11: a sub-point "a1)" under its point
    default:
      return 100;
  }
}

// Vietnamese point letters: no f, j, w, z (Decree 34/2016 Art. 61; Decree
// 30/2020 Appendix I).
constexpr std::array<std::string_view, 23> kLetters = {
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
int letter_index(std::string_view s) {
  // A list that slips into the Latin alphabet prints "e) f) g)": its "f"
  // shares the place of "e", after which it comes and before "g".
  if (s == "f") s = "e";
  for (size_t i = 0; i < kLetters.size(); ++i)
    if (s == kLetters[i]) return static_cast<int>(i);
  return -1;
}

int roman_value(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    // Small letters too: a Roman number that lost its capitals ("ii.").
    const char c = *it >= 'a' && *it <= 'z' ? static_cast<char>(*it - 32) : *it;
    int v = c == 'I'   ? 1
            : c == 'V' ? 5
            : c == 'X' ? 10
            : c == 'L' ? 50
            : c == 'C' ? 100
                       : 0;
    if (v == 0) return -1;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

int leading_int(std::string_view s) {
  int v = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 6; ++i)
    v = v * 10 + (s[i] - '0');
  return i == 0 ? -1 : v;
}

struct Marker {
  NodeKind kind =
      NodeKind::kParagraph;  // kItem stands for "N." (clause or item)
  std::string num;
  // The rest of the line after the marker: a view into the line's text
  // (most lines are clauses and points whose text is no heading at all).
  std::string_view heading;
  size_t heading_lines = 0;     // lines after the marker's that hold its title
  bool letter_section = false;  // "A.", "B.": above the Roman divisions
  // "B. nội dung cải cách ...": a letter section whose title lost its
  // capitals; one only where it continues its sibling sections' letters.
  bool lower_title = false;
  // "Điều 2 Sửa đổi, bổ sung ..." without the stop after the number: an
  // article only where it continues the articles' numbering exactly.
  bool unpunctuated = false;
  // "Điều 2 Luật này có hiệu lực ...": the act's own name as the subject of
  // the article's first sentence (an article only after a finished
  // sentence: "... quy định tại" / "Điều 5 Luật này" is a citation).
  bool names_this_act = false;
};

// "Điều 2 Sửa đổi ..." / "Điều 1 [Điều này hết hiệu lực ...] Sửa đổi ..." /
// "Điều 83" alone: a flattened copy's article heading that lost its stop. The
// number is followed by a capitalised title or a website's note in brackets.
// Returns the bytes consumed (0: no such heading).
size_t match_unpunctuated_article(std::string_view s, std::string& num,
                                  bool* this_act) {
  if (s.substr(0, 7) != "Điều" && s.substr(0, 7) != "ĐIỀU") return 0;
  size_t i = 7;
  if (i >= s.size() || s[i] != ' ') return 0;
  while (i < s.size() && s[i] == ' ') ++i;
  const size_t digits = i;
  while (i < s.size() && i - digits < 4 && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return 0;
  // "Điều 83" alone on its line, its text on the next lines (constitutions
  // and codes printed with the number above the article).
  if (trim_view(s.substr(i)).empty()) {
    num.assign(s.substr(digits, i - digits));
    return s.size();
  }
  if (i >= s.size() || s[i] != ' ') return 0;
  const size_t num_end = i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return 0;
  std::string_view rest = s.substr(i);
  if (rest[0] == '[') {
    // The note, then the title: "[Điều này hết hiệu lực ...] Sửa đổi".
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return 0;
    rest = trim_view(rest.substr(close + 1));
  }
  if (!starts_upper(rest)) return 0;
  // "Điều 5 Luật Đất đai ...", "Điều 1 Quyết định số ...": a citation whose
  // line was broken before it, not a heading.
  static constexpr std::string_view kCited[] = {
      "Luật ",       "Bộ luật ",    "Hiến pháp ", "Pháp lệnh ", "Nghị định ",
      "Nghị quyết ", "Quyết định ", "Thông tư ",  "Chỉ thị ",   "Văn bản "};
  for (std::string_view c : kCited) {
    if (rest.substr(0, c.size()) != c) continue;
    // "Điều 2 Luật này có hiệu lực ...": this act, not a cited one.
    const std::string_view after = rest.substr(c.size());
    if (after.substr(0, 5) != "này " && after != "này") return 0;
    *this_act = true;
  }
  num.assign(s.substr(digits, num_end - digits));
  return i;
}

// "a.1) ", "đ.2) ": a point's letter, a stop, one or two digits and a
// closing bracket, then blanks. Returns the bytes consumed (0: no match) and
// sets `num` ("a.1").
size_t match_lettered_subitem(std::string_view s, std::string& num) {
  size_t i = s.substr(0, 2) == "đ" ? 2 : 1;
  if (s.size() < i + 4 || letter_index(s.substr(0, i)) < 0 || s[i] != '.')
    return 0;
  size_t k = i + 1;
  while (k < s.size() && k < i + 3 && s[k] >= '0' && s[k] <= '9') ++k;
  if (k == i + 1 || k + 1 >= s.size() || s[k] != ')' || s[k + 1] != ' ')
    return 0;
  num.assign(s.substr(0, k));
  size_t j = k + 1;
  while (j < s.size() && s[j] == ' ') ++j;
  return j;
}

bool parse_marker(std::string_view line, Marker& m) {
  // Prefix patterns, applied with RE2::Consume (anchored at the start); the
  // rest of the line is what follows the match. Capturing the rest in the
  // pattern would make RE2 extract submatches over the whole line.
  static const RE2 part_re(
      R"re((?:PHẦN|Phần)\s+((?:THỨ|[Tt]hứ)\s+[^\s.:]+|[IVXLC]+|\d+)(?:\s*[.:]\s*|\s+|$))re");
  static const RE2 chapter_re(
      R"re((?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)(?:\s*[.:]\s*|\s+|$))re");
  static const RE2 section_re(
      R"re((?:MỤC|Mục)\s+(\d+|[IVXLC]+)(?:\s*[.:]\s*|\s+|$))re");
  static const RE2 subsection_re(
      R"re((?:TIỂU MỤC|Tiểu mục)\s+(\d+)(?:\s*[.:]\s*|\s+|$))re");
  static const RE2 paren_re(R"re((\(\d+\))\s+)re");
  std::string num;
  std::string_view rest;
  auto consume = [&](const RE2& re, bool capture) {
    re2::StringPiece sp(line.data(), line.size());
    const bool ok =
        capture ? RE2::Consume(&sp, re, &num) : RE2::Consume(&sp, re);
    if (ok) rest = std::string_view(sp.data(), sp.size());
    return ok;
  };
  // The frequent patterns, by hand (marker_scan.h).
  auto consume_with = [&](size_t consumed) {
    if (consumed) rest = line.substr(consumed);
    return consumed > 0;
  };
  auto set = [&](NodeKind k) {
    m.kind = k;
    m.num = num;
    m.heading = rest;
    return true;
  };
  // Dispatch on the first bytes so that most lines try one pattern at most.
  auto starts = [&](std::string_view p) { return has_prefix(line, p); };
  if (line.empty()) return false;
  const unsigned char c0 = static_cast<unsigned char>(line[0]);
  // The big units' words start with P, C, T, M or Đ (0xC4).
  if (c0 == 'P' || c0 == 'C' || c0 == 'T' || c0 == 'M' || c0 == 0xC4) {
    if (starts("PHẦN") || starts("Phần"))
      return consume(part_re, true) && set(NodeKind::kPart);
    if (starts("CHƯƠNG") || starts("Chương"))
      return consume(chapter_re, true) && set(NodeKind::kChapter);
    if (starts("TIỂU MỤC") || starts("Tiểu mục"))
      return consume(subsection_re, true) && set(NodeKind::kSubsection);
    if (starts("MỤC") || starts("Mục"))
      return consume(section_re, true) && set(NodeKind::kSection);
    if (starts("Điều") || starts("ĐIỀU")) {
      if (consume_with(match_article_marker(line, num)) ||
          consume_with(match_hyphen_article_marker(line, num)))
        return set(NodeKind::kArticle);
      if (!consume_with(
              match_unpunctuated_article(line, num, &m.names_this_act)))
        return false;
      m.unpunctuated = true;
      return set(NodeKind::kArticle);
    }
  }
  if (c0 >= 'A' && c0 <= 'H' && line.size() > 3 && line[1] == '.' &&
      line[2] == ' ') {
    // Letter sections of a plan or list: "A. Đường sửa lại tên".
    num = line.substr(0, 1);
    rest = trim_view(line.substr(3));
    if (!starts_upper(rest)) {
      if (c0 == 'A' || rest.size() > 150 || !is_lower_line(rest)) return false;
      m.lower_title = true;
    }
    m.letter_section = true;
    return set(NodeKind::kDivision);
  }
  if (c0 == 'I' || c0 == 'V' || c0 == 'X' || c0 == 'L') {
    if (consume_with(match_roman_marker(line, num)) && roman_value(num) > 0 &&
        (rest.empty() || rest[0] != '.')) {
      // A copy that lost the line break after the title: "I. BỐI CẢNH,
      // TÌNH HÌNH CHUNG Năm 2023 là năm ...". The title is the words in
      // capitals, the sentence after them the division's text.
      {
        size_t caps = upper_prefix_length(rest);
        const std::string_view after = rest.substr(caps);
        if (caps >= 8 &&
            rest.substr(0, caps).find(' ') != std::string_view::npos &&
            starts_upper(trim_view(after))) {
          while (caps > 0 && (rest[caps - 1] == ',' || rest[caps - 1] == ':' ||
                              rest[caps - 1] == ' '))
            --caps;
          rest = rest.substr(0, caps);
        }
      }
      return set(NodeKind::kDivision);
    }
    if (consume_with(match_roman_slash_marker(line, num)) &&
        roman_value(num) > 0)
      return set(NodeKind::kDivision);  // "I/ Đối tượng chịu thuế"
    if (consume_with(match_roman_hyphen_marker(line, num)) &&
        roman_value(num) > 0)
      return set(NodeKind::kDivision);  // "II- Sửa đổi mục II ..."
    return false;
  }
  if (c0 >= '0' && c0 <= '9') {
    // "1.1 | Đất trồng lúa | 66.411 | ...": the first cell of a table row
    // whose cells a web copy joined by bars, not a heading.
    if (consume_with(match_subitem_marker(line, num)))
      return (rest.empty() || rest[0] != '|') && set(NodeKind::kSubitem);
    if (consume_with(match_hyphen_number_marker(line, num)))
      return set(num.find('.') == std::string::npos ? NodeKind::kItem
                                                    : NodeKind::kSubitem);
    if (consume_with(match_number_marker(line, num))) {
      // "1.234 người" or "2020." are not list numbers; "1. 100% xã đạt
      // chuẩn", "2. 02 cơ quan" (a figure after the marker's blank) are.
      if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9' &&
          rest.data() > line.data() &&
          (rest.data()[-1] == '.' || rest.data()[-1] == ')'))
        return false;
      if (num.size() > 3) return false;
      return set(NodeKind::kItem);
    }
    // "1" alone on its line, the clause's text on the next lines ("1" /
    // "- Thời gian thực hiện ..."): a clause only where it continues the
    // article's clauses exactly (see accept).
    if (line.size() <= 2 &&
        (line.size() == 1 || (line[1] >= '0' && line[1] <= '9'))) {
      num.assign(line);
      rest = {};
      m.unpunctuated = true;
      return set(NodeKind::kItem);
    }
    return false;
  }
  if (c0 == '(') return consume(paren_re, true) && set(NodeKind::kSubitem);
  if (c0 == 'i' || c0 == 'v' || c0 == 'x') {
    // "ii. nội dung trọng tâm": a plan's Roman division whose line lost its
    // capitals (a legacy font). A short title without a capital or a final
    // stop; "i. ...;" is a point.
    // "iV.  Về công tác chỉ đạo ...": small and capital letters mixed in
    // the number say the same; its title may keep its capitals.
    size_t k = 0;
    bool mixed = false;
    while (k < line.size() && k < 5 &&
           (line[k] == 'i' || line[k] == 'v' || line[k] == 'x' ||
            (k > 0 && (line[k] == 'I' || line[k] == 'V' || line[k] == 'X')))) {
      mixed = mixed || line[k] < 'a';
      ++k;
    }
    if (k < 5 && k + 2 < line.size() && line[k] == '.' && line[k + 1] == ' ') {
      const std::string_view title = trim_view(line.substr(k + 2));
      const char last = title.empty() ? '.' : title.back();
      if (title.size() <= 150 && (mixed || is_lower_line(title)) &&
          last != '.' && last != ';' && last != ',') {
        num = line.substr(0, k);
        rest = title;
        return set(NodeKind::kDivision);
      }
    }
  }
  if ((c0 >= 'a' && c0 <= 'y') || starts("đ")) {
    // "a.1) Tổng cục trưởng ...": a number under the point's letter, a
    // sub-item of the point (an inserted point is "a1)", without the stop).
    if (consume_with(match_lettered_subitem(line, num)))
      return set(NodeKind::kSubitem);
    if (consume_with(match_point_marker(line, num)) &&
        letter_index(num.substr(0, num.find_first_of("0123456789"))) >= 0)
      return set(NodeKind::kPoint);
    if (consume_with(match_letter_slash_marker(line, num)) &&
        letter_index(num) >= 0)
      return set(NodeKind::kPoint);  // "a/ Đối với hàng xuất khẩu"
    // "c)" alone on its line, the point's text on the next line ("c)" /
    // "Đơn vị thu, kê khai, nộp, quyết toán phí"): a hard wrap after the
    // marker.
    const size_t letter = starts("đ") ? 2 : 1;
    if (line.size() == letter + 1 && line[letter] == ')') {
      num.assign(line.substr(0, letter));
      rest = {};
      if (letter_index(num) >= 0) return set(NodeKind::kPoint);
    }
    return false;
  }
  if (c0 == '-' || c0 == '+' || starts("•") || starts("–") || starts("—")) {
    if (consume_with(match_indent_marker(line))) {
      num.clear();
      return set(NodeKind::kIndent);
    }
  }
  return false;
}

bool emphasised(const Document& doc, Span line) {
  // The line is emphasised if one emphasis span covers most of it.
  auto it =
      std::lower_bound(doc.emphasis.begin(), doc.emphasis.end(), line.begin,
                       [](Span s, uint32_t v) { return s.end <= v; });
  for (; it != doc.emphasis.end() && it->begin < line.end; ++it) {
    uint32_t b = std::max(it->begin, line.begin),
             e = std::min(it->end, line.end);
    if (e > b && (e - b) * 10 >= line.size() * 8) return true;
  }
  return false;
}

// "a) ... thành phố Hà Nội.”" / "b) ... thành phố Hà Nội.”": the next line
// goes on with the list of the line that closed the quotation (the next
// letter or number) and closes it again, with no quotation of its own: the
// first closing mark is a typo, the quotation ends on the next line.
bool stray_close_before(std::string_view line, std::string_view next) {
  static constexpr std::string_view kOpen = "\xE2\x80\x9C",
                                    kClose = "\xE2\x80\x9D";
  if (line.size() < 3 || next.size() < 3 ||
      next.find(kOpen) != std::string_view::npos ||
      next.find(kClose) != next.rfind(kClose))
    return false;
  std::string_view tail = next;
  while (!tail.empty() &&
         (tail.back() == ' ' || tail.back() == '.' || tail.back() == ';'))
    tail.remove_suffix(1);
  if (tail.size() < 3 || tail.substr(tail.size() - 3) != kClose) return false;
  const bool letters = line[0] >= 'a' && line[0] < 'z' && line[1] == ')' &&
                       next[0] == line[0] + 1 && next[1] == ')';
  const bool digits = line[0] >= '1' && line[0] < '9' && line[1] == '.' &&
                      next[0] == line[0] + 1 && next[1] == '.';
  return letters || digits;
}

// Index of the line closing a quotation opened on line `begin`, or npos.
// Curly quotes say which way they go; a straight quote opens after a space
// or at a line start and closes otherwise (copies mix the two styles).
size_t find_quote_end(const std::vector<Line>& lines, size_t begin,
                      size_t end) {
  int depth = 0;
  for (size_t i = begin; i < end && i < begin + 400; ++i) {
    std::string_view t = lines[i].text;
    for (size_t k = 0; k < t.size(); ++k) {
      // Curly quotes start with 0xE2: most bytes are tested once.
      if (t[k] == '\xE2' && t.compare(k, 3, "\xE2\x80\x9C") == 0) {
        ++depth;  // “
      } else if (t[k] == '\xE2' && t.compare(k, 3, "\xE2\x80\x9D") == 0) {
        --depth;  // ”
      } else if (t[k] == '\'' && k + 1 < t.size() && t[k + 1] == '\'') {
        // Two apostrophes typed for a double quote ("''Thu nhập ...").
        const bool before_ok = k == 0 || t[k - 1] == ' ' || t[k - 1] == '(';
        const bool at_end = k + 2 >= t.size() || t[k + 2] == '.' ||
                            t[k + 2] == ',' || t[k + 2] == ';' ||
                            t[k + 2] == ')' || t[k + 2] == ' ';
        depth += before_ok && !at_end ? 1 : -1;
        ++k;
      } else if (t[k] == '"') {
        // Opens after a space or at a line start unless followed by the end
        // of the line or punctuation (`vay ".` closes).
        const bool before_ok =
            k == 0 || t[k - 1] == ' ' || t[k - 1] == '(' || t[k - 1] == '[';
        const bool at_end = k + 1 >= t.size() || t[k + 1] == '.' ||
                            t[k + 1] == ',' || t[k + 1] == ';' ||
                            t[k + 1] == ')' || t[k + 1] == ' ';
        depth += before_ok && !at_end ? 1 : -1;
      }
    }
    if (depth <= 0)
      return i + 1 < end && stray_close_before(t, lines[i + 1].text) ? i + 1
                                                                     : i;
  }
  return std::string::npos;
}

class TreeBuilder {
 public:
  TreeBuilder(Document& doc, const std::vector<Line>& lines, int32_t root)
      : doc_(doc), lines_(lines) {
    stack_.push_back(root);
  }

  void build(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Line& line = lines_[i];
      // Quoted amendment text: after "... như sau:" a line opening a quote.
      if (i > begin && starts_quote(line.text) &&
          introduces_quote(lines_[i - 1].text)) {
        size_t close = find_quote_end(lines_, i, end);
        if (close == std::string::npos) {
          doc_.diagnostics.push_back({"unclosed-quote", Severity::kInfo,
                                      "a quotation opened here is not closed",
                                      line.span});
          close = unclosed_article_end(line.text, i + 1, end);
        }
        if (close != std::string::npos) {
          int32_t q = add_node(doc_, top(), NodeKind::kQuoted, line.span);
          TreeBuilder inner(doc_, lines_, q);
          inner.in_quote_ = true;
          inner.build(i, close + 1);
          i = close;
          continue;
        }
      }
      Marker m;
      std::string_view text = line.text;
      if (in_quote_) {
        // "“Điều 1. ..." / "\"1. ...": the quote mark is glued to the marker.
        if (text.rfind("\xE2\x80\x9C", 0) == 0)
          text.remove_prefix(3);
        else if (text.rfind("\"", 0) == 0)
          text.remove_prefix(1);
        else if (text.rfind("\'\'", 0) == 0)
          text.remove_prefix(2);
      }
      line_at_ = i;
      line_end_ = end;
      // "¹ Thông tư số 10/2022/TT-BNNPTNT ..." / "- Căn cứ ...": a footnote
      // and its dash lines are the note's text, not list items.
      if (footnote_mark(line.text)) {
        in_footnote_ = true;
      } else if (in_footnote_ && (line.text.rfind("- ", 0) == 0 ||
                                  line.text.rfind("+ ", 0) == 0)) {
        add_node(doc_, top(), NodeKind::kParagraph, line.span);
        continue;
      } else {
        in_footnote_ = false;
      }
      // A table's row, its cells joined by bars ("1. | Thuốc lá điếu, xì gà",
      // "a) Rượu trên 40 o | 70"): the numbers of a table's rows, not units.
      const bool row = (line.marks & kMarkBar) && table_row(text);
      lettered_rows_ = row ? lettered_rows_ || lettered_row(text)
                           : lettered_rows_ && !ends_sentence(text);
      if (!in_quote_ && blank_number_line(text) &&
          doc_.nodes[stack_.front()].kind == NodeKind::kAttachment)
        blank_form_ = true;
      // "Mẫu số 01" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỜ KHAI": an
      // annex's form, its own motto under the form's caption. Its "1." and
      // "a)" are the fields to fill in, not units of the document.
      if (!in_quote_ && !form_fields_ &&
          doc_.nodes[stack_.front()].kind == NodeKind::kAttachment) {
        if (form_caption(text) ||
            form_caption(doc_.nodes[stack_.front()].heading))
          form_caption_ = true;
        if (form_caption_ && motto_line(text)) form_fields_ = true;
      }
      const bool marked = !form_fields_ && parse_marker(text, m);
      if (marked) small_letter_section(m, text);
      if (marked && !row && !score_row(m, text, i) &&
          !(lettered_rows_ && m.kind == NodeKind::kPoint) &&
          !(blank_form_ && m.kind == NodeKind::kArticle) && accept(m, line)) {
        lettered_rows_ = false;
        // "Chương II QUY ĐỊNH VỀ ... Điều 9. Nguyên tắc ...": a flattened
        // copy puts the first article on the chapter's line.
        size_t art = embedded_article(m);
        if (art == std::string::npos) art = embedded_first_child(m);
        if (art != std::string::npos) {
          const auto cut =
              static_cast<uint32_t>(line.text.size() - m.heading.size() + art);
          Line head{{line.span.begin, line.span.begin + cut},
                    line.text.substr(0, cut),
                    line.marks};
          Line tail{{line.span.begin + cut, line.span.end},
                    line.text.substr(cut),
                    line.marks};
          while (!head.text.empty() && head.text.back() == ' ') {
            head.text.remove_suffix(1);
            --head.span.end;
          }
          m.heading = m.heading.substr(0, art);
          open(m, head, i, end);
          Marker am;
          if (parse_marker(tail.text, am) && accept(am, tail))
            open(am, tail, i, end);
          continue;
        }
        open(m, line, i, end);
        i += m.heading_lines;
        i = quoted_tail(i, end);
        continue;
      }
      NodeKind kind = NodeKind::kParagraph;
      if (line.text.size() > 1 && line.text[0] == '[' &&
          line.text.back() == ']')
        kind = NodeKind::kEditorial;
      else if (gazette_furniture(i))
        kind = NodeKind::kEditorial;
      else if (line.text.size() < 300 && line.text[0] != '|' &&
               emphasised(doc_, line.span) && line.text.back() != '.' &&
               line.text.back() != ';' && !ends_sentence_in_brackets(line.text))
        kind = NodeKind::kHeading;
      // A flattened table's header row: "STT" / "TIÊU CHÍ THI ĐUA" /
      // "ĐIỂM CHUẨN" / ... up to the first row's number.
      const std::string_view cell = trim_view(line.text);
      if (cell == "STT" || cell == "TT" || cell == "Số TT") {
        column_headers_ = true;
        kind = NodeKind::kParagraph;
      } else if (column_headers_ &&
                 (kind != NodeKind::kHeading || !has_word(cell))) {
        column_headers_ = false;
      }
      if (kind == NodeKind::kHeading &&
          (column_headers_ || !has_word(cell) || title_block(i)))
        kind = NodeKind::kParagraph;
      if (kind == NodeKind::kHeading && continues_title(i)) continue;
      // A heading closes the dash list before it: "- ..." / "**NHÓM ...**".
      if (kind == NodeKind::kHeading)
        while (stack_.size() > 1 && doc_.nodes[top()].kind == NodeKind::kIndent)
          stack_.pop_back();
      add_node(doc_, top(), kind, line.span, {},
               kind == NodeKind::kHeading ? line.text : std::string_view());
      i = quoted_tail(i, end);
    }
  }

  // "Mẫu số 01", "MẪU SỐ 02/TK", "Mẫu 03": a form's caption line.
  static bool form_caption(std::string_view t) {
    t = trim_view(t);
    for (std::string_view w :
         {std::string_view("Mẫu"), std::string_view("MẪU")}) {
      if (t.rfind(w, 0) != 0) continue;
      std::string_view rest = t.substr(w.size());
      if (rest.empty() || rest.front() != ' ') return false;
      rest.remove_prefix(1);
      if (rest.rfind("số ", 0) == 0 || rest.rfind("SỐ ", 0) == 0)
        rest.remove_prefix(5);  // "số " / "SỐ " in UTF-8
      return !rest.empty() && rest.front() >= '0' && rest.front() <= '9' &&
             t.size() <= 40;
    }
    return false;
  }

  // A form's number line left blank for the issuer to fill in: "Số: ……/QĐ-
  // TCHQ", "Số: ......./QĐ-UBND", "Số:    /QĐ-UBND", "Số:" alone. The
  // articles of a decision printed as such a form (an annex's model
  // decision: "Điều 1.", "Điều 2." with dotted blanks) are the form's text.
  static bool blank_number_line(std::string_view t) {
    static constexpr std::string_view kNo = "Số:";
    if (t.rfind(kNo, 0) != 0) return false;
    t.remove_prefix(kNo.size());
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    return t.empty() || t.front() == '.' || t.front() == '_' ||
           t.front() == '/' || t.rfind("\xE2\x80\xA6", 0) == 0;  // …
  }

  // "1.1. Có đủ các chức danh ..." / "4" / "Có đủ các Quyết định ...": in
  // an attachment without articles, a numbered line whose next cells
  // (within three lines, before any other numbered line) hold a bare score
  // is a flattened table's row, its number the criterion's, not a unit. A
  // clause's line before a page number ("2. Trách nhiệm ...:" / "4") is
  // not: it is in an article, and it announces what follows.
  bool score_row(const Marker& m, std::string_view text, size_t i) const {
    if ((m.kind != NodeKind::kItem && m.kind != NodeKind::kSubitem) ||
        in_quote_ || last_article_ >= 0 ||
        doc_.nodes[stack_.front()].kind != NodeKind::kAttachment)
      return false;
    text = trim_view(text);
    if (text.empty() || text.back() == ':') return false;
    for (size_t k = i + 1; k < line_end_ && k <= i + 3; ++k) {
      const std::string_view t = trim_view(lines_[k].text);
      if (!t.empty() && t.size() <= 3 &&
          t.find_first_not_of("0123456789") == std::string_view::npos)
        return true;
      // "**1. Tổ chức bộ máy của trung tâm (10 điểm)**" / "1.1. Có đủ ..." /
      // "4": the group row over the table's rows is a row too.
      Marker next;
      if (parse_marker(t, next))
        return m.kind == NodeKind::kItem && next.kind == NodeKind::kSubitem &&
               next.num.size() > m.num.size() &&
               next.num.compare(0, m.num.size(), m.num) == 0 &&
               next.num[m.num.size()] == '.' && score_row(next, t, k);
    }
    return false;
  }

  // A superscript number and a blank open the line: "¹ ", "² ", "¹⁰ ".
  static bool footnote_mark(std::string_view t) {
    size_t k = 0;
    while (k + 1 < t.size()) {
      if (t[k] == '\xC2' &&
          (t[k + 1] == '\xB9' || t[k + 1] == '\xB2' || t[k + 1] == '\xB3')) {
        k += 2;  // ¹ ² ³
      } else if (k + 2 < t.size() && t[k] == '\xE2' && t[k + 1] == '\x81' &&
                 (t[k + 2] == '\xB0' ||
                  (t[k + 2] >= '\xB4' && t[k + 2] <= '\xB9'))) {
        k += 3;  // ⁰ ⁴ ... ⁹
      } else {
        break;
      }
    }
    return k > 0 && k < t.size() && t[k] == ' ';
  }

  // A parenthesised sentence ("(Còn tiếp đến hết trang 32, ...)") is a
  // note, not a title.
  static bool ends_sentence_in_brackets(std::string_view t) {
    return t.size() >= 2 && t.back() == ')' && t[t.size() - 2] == '.';
  }

  // A heading holds a word: a table's cells "115", "20", "I", "II" do not.
  static bool has_word(std::string_view t) {
    if (!has_letters(t)) return false;
    return t.find(' ') != std::string_view::npos ||
           t.find_first_not_of("IVXLC") != std::string_view::npos;
  }

  // An attachment's title lines before its "(Kèm theo ...)" note ("Mẫu số
  // 02" / "**Mẫu Bằng công nhận ...**" / "(Kèm theo Quy chế ...)"): part of
  // its title, not headings of its text.
  bool title_block(size_t i) const {
    const Node& parent = doc_.nodes[top()];
    if (parent.kind != NodeKind::kAttachment || parent.heading.empty() ||
        !parent.children.empty() || i + 1 >= line_end_)
      return false;
    const std::string_view next = trim_view(lines_[i + 1].text);
    return next.size() > 2 && next[0] == '(' &&
           (next.find("Kèm theo") != std::string_view::npos ||
            next.find("kèm theo") != std::string_view::npos);
  }

  // "**3. Đề nghị Ủy ban ..., Hội Liên hiệp**" / "**Phụ nữ Thành phố và
  // ...**": an emphasised unit title cut into two emphasised paragraphs
  // goes on in the second when the first ends without punctuation. Joins
  // the line to the title of the unit opened on the line before.
  bool continues_title(size_t i) {
    if (i == 0 || opened_at_ + 1 != i || stack_.size() < 2) return false;
    Node& unit = doc_.nodes[top()];
    if (unit.kind != NodeKind::kItem && unit.kind != NodeKind::kSubitem &&
        unit.kind != NodeKind::kDivision && unit.kind != NodeKind::kArticle)
      return false;
    const std::string_view line = trim_view(lines_[i].text);
    if (unit.heading.empty() || is_upper_line(unit.heading) ||
        is_upper_line(line) || unit.heading.size() + 1 + line.size() > 300 ||
        !emphasised(doc_, lines_[i - 1].span))
      return false;
    const unsigned char last = static_cast<unsigned char>(unit.heading.back());
    if (!(last >= 0x80 || std::isalnum(last))) return false;
    unit.heading += ' ';
    unit.heading += line;
    unit.span.end = lines_[i].span.end;
    return true;
  }

  // What is left of the Official Gazette's page furniture inside a unit:
  // lines of the electronic signature's certificate ("Ký bởi: ..." / "Cơ
  // quan: ..." / "Ngày ký: ...") the normalizer did not find as a whole
  // block (its page heads and page numbers are gone already). Not the
  // unit's text.
  bool gazette_furniture(size_t i) const {
    auto certificate = [&](size_t k) {
      const std::string_view t = trim_view(lines_[k].text);
      for (std::string_view w :
           {"Ký bởi:", "Người ký:", "Thời gian ký:", "Ngày ký:"})
        if (t.rfind(w, 0) == 0) return true;
      return false;
    };
    const std::string_view t = trim_view(lines_[i].text);
    // Every such line starts with one of these: one byte rules out almost
    // every paragraph.
    if (t.empty() || !(t[0] == 'K' || t[0] == 'N' || t[0] == 'T' ||
                       t[0] == 'E' || t[0] == 'C'))
      return false;
    if (certificate(i)) return true;
    return (t.rfind("Email:", 0) == 0 || t.rfind("Cơ quan:", 0) == 0) &&
           i > 0 &&
           (certificate(i - 1) ||
            trim_view(lines_[i - 1].text).rfind("Email:", 0) == 0);
  }

  // "1. Sửa đổi khoản 2 Điều 3 như sau: “2. Thu nhập khác ..." with the
  // quotation going on over the next lines: those lines are quoted text,
  // under the unit that introduces them. Returns the last line consumed.
  size_t quoted_tail(size_t i, size_t end) {
    if (i + 1 >= end) return i;
    const std::string_view t = lines_[i].text;
    // Most lines hold no quotation mark at all: the line's marks, then two
    // byte scans (memchr) rule them out before the phrase is looked for.
    if (!(lines_[i].marks & (kMarkQuote | kMarkE2))) return i;
    if (t.find('"') == std::string_view::npos &&
        t.find('\xE2') == std::string_view::npos)
      return i;
    const size_t intro = t.find("như sau");
    if (intro == std::string_view::npos || starts_quote(t)) return i;
    const std::string_view after = t.substr(intro);
    if (after.find("\xE2\x80\x9C") == std::string_view::npos &&
        after.find('"') == std::string_view::npos)
      return i;
    size_t close = find_quote_end(lines_, i, end);
    if (close == std::string::npos) {
      size_t open = after.find("\xE2\x80\x9C");
      if (open == std::string_view::npos) open = after.find('"');
      close = unclosed_article_end(after.substr(open), i + 1, end);
    }
    if (close == std::string::npos || close <= i) return i;
    const Span span{lines_[i + 1].span.begin, lines_[close].span.end};
    int32_t q = add_node(doc_, top(), NodeKind::kQuoted, span);
    TreeBuilder inner(doc_, lines_, q);
    inner.in_quote_ = true;
    inner.build(i + 1, close + 1);
    return close;
  }

 private:
  int32_t top() const { return stack_.back(); }

  // Offset in a part/chapter/section heading of an embedded "Điều N." that
  // starts the unit's first article, or npos.
  static size_t embedded_article(const Marker& m) {
    if (m.kind != NodeKind::kPart && m.kind != NodeKind::kChapter &&
        m.kind != NodeKind::kSection && m.kind != NodeKind::kSubsection)
      return std::string::npos;
    const std::string_view h = m.heading;
    for (size_t p = h.find(" Điều "); p != std::string::npos;
         p = h.find(" Điều ", p + 1)) {
      size_t k = p + std::string_view(" Điều ").size();
      const size_t digits = k;
      while (k < h.size() && h[k] >= '0' && h[k] <= '9') ++k;
      if (k > digits && k < h.size() && (h[k] == '.' || h[k] == ':') &&
          is_upper_line(h.substr(0, p)))
        return p + 1;
    }
    return std::string::npos;
  }

  // Offset in a division's or a numbered item's heading of its first child
  // glued on. For an item, its own first sub-item:
  // "2. Nâng cao năng lực quản lý nhà nước 2.1." (the sub-item's text on
  // the next line) or "3. Giải quyết tốt tranh chấp 3.1. Rà soát, ...". A
  // copy that lost the line break before "N.1." Only the first sub-item,
  // whose number follows from the item's, and only before a capital or at
  // the line's end, so that "theo mục 2.1. của Quy chế" stays text.
  static size_t embedded_first_child(const Marker& m) {
    if (m.kind == NodeKind::kDivision && !m.letter_section) {
      // "III. TỔ CHỨC THỰC HIỆN 1.Các sở, ban, ngành ...": the division's
      // title in capitals, then its first item.
      const std::string_view h = m.heading;
      const size_t caps = upper_prefix_length(h);
      if (caps < 4 || caps + 3 > h.size() || h[caps] != ' ' ||
          h.substr(caps + 1, 2) != "1." ||
          (caps + 3 < h.size() && h[caps + 3] >= '0' && h[caps + 3] <= '9'))
        return std::string::npos;
      return caps + 1;
    }
    if (m.kind != NodeKind::kItem || m.num.empty() ||
        m.num.find_first_not_of("0123456789") != std::string::npos)
      return std::string::npos;
    const std::string needle = " " + m.num + ".1.";
    const std::string_view h = m.heading;
    const size_t p = h.find(needle);
    if (p == std::string_view::npos || p == 0) return std::string::npos;
    const size_t after = p + needle.size();
    if (after < h.size() &&
        !(h[after] == ' ' && starts_upper(trim_view(h.substr(after)))))
      return std::string::npos;
    return p + 1;
  }

  // The text of a unit's first line.
  std::string_view first_line(const Node& n) const {
    std::string_view t = std::string_view(doc_.text).substr(
        n.span.begin, n.span.end - n.span.begin);
    return t.substr(0, t.find('\n'));
  }

  // "II - Thay thế điểm 4 (tỷ lệ nội địa hoá) bằng điểm 4 mới, như sau:" /
  // "4- Tỷ lệ nội địa hoá:": an amending text gives the new point unquoted,
  // under the number of the point it replaces; the division's items start
  // at that number.
  static bool replaces_point(const Node& unit, int num) {
    if (unit.kind != NodeKind::kDivision || unit.heading.empty() ||
        unit.heading.find("như sau") == std::string::npos)
      return false;
    const std::string want = "điểm " + std::to_string(num);
    const std::string_view h = unit.heading;
    for (size_t p = h.find(want); p != std::string_view::npos;
         p = h.find(want, p + 1)) {
      const size_t e = p + want.size();
      if (e >= h.size() || h[e] < '0' || h[e] > '9') return true;
    }
    return false;
  }

  // "I - Thay thế điểm 3 ... bằng điểm 3 mới, như sau: 3- Các điều kiện
  // ...:": the item "3" run into the division's line after its colon; the
  // sub-items "3.1", "3.2" on the next lines are the division's.
  static bool runs_in_item(std::string_view line, std::string_view num) {
    const std::string needle = ": " + std::string(num);
    for (size_t p = line.find(needle); p != std::string_view::npos;
         p = line.find(needle, p + 1)) {
      size_t k = p + needle.size();
      if (k < line.size() && line[k] == ' ') ++k;
      if (k + 1 < line.size() && (line[k] == '-' || line[k] == '.') &&
          line[k + 1] == ' ' && starts_upper(trim_view(line.substr(k + 1))))
        return true;
    }
    return false;
  }

  // "a) Rượu trên 40 o | 70": a table's row numbered with a letter. In a
  // table of such rows, a cell holding several lines ("3." / "Bia" / "a)
  // Bia chai, bia tươi 75" / "b) Bia hộp") leaves its lines without bars:
  // lettered lines are rows until a sentence ends the table.
  static bool lettered_row(std::string_view t) {
    std::string num;
    return match_point_marker(t, num) > 0;
  }
  static bool ends_sentence(std::string_view t) {
    t = trim_view(t);
    return !t.empty() && has_letters(t) &&
           (t.back() == '.' || t.back() == ';' || t.back() == ':');
  }

  // A blank, a bar and a blank in the line: the bar (rare) is looked for
  // first.
  static bool table_row(std::string_view t) {
    for (size_t k = t.find('|'); k != std::string_view::npos;
         k = t.find('|', k + 1))
      if (k > 0 && k + 1 < t.size() && t[k - 1] == ' ' && t[k + 1] == ' ')
        return true;
    return false;
  }

  // An amendment quoting a whole article ("“Điều 4. Tỷ lệ vốn ...") whose
  // closing mark the copy lost: the quotation runs to the line before this
  // document's next article ("Điều 2." after "Điều 1."), or npos. `quoted`
  // starts at the opening mark, the quotation's lines after it from `from`.
  size_t unclosed_article_end(std::string_view quoted, size_t from,
                              size_t end) const {
    if (in_quote_) return std::string::npos;
    if (quoted.rfind("\xE2\x80\x9C", 0) == 0)
      quoted.remove_prefix(3);
    else if (!quoted.empty() && quoted[0] == '"')
      quoted.remove_prefix(1);
    else
      return std::string::npos;
    if (quoted.rfind("Điều ", 0) != 0) return std::string::npos;
    int article = -1;
    for (size_t k = stack_.size(); k-- > 0 && article < 0;)
      if (doc_.nodes[stack_[k]].kind == NodeKind::kArticle)
        article = leading_int(doc_.nodes[stack_[k]].num);
    if (article < 0) return std::string::npos;
    const std::string next = "Điều " + std::to_string(article + 1);
    for (size_t j = from; j < end && j < from + 400; ++j) {
      const std::string_view u = lines_[j].text;
      if (u.size() > next.size() && u.compare(0, next.size(), next) == 0 &&
          (u[next.size()] == '.' || u[next.size()] == ' '))
        return j > from ? j - 1 : std::string::npos;
    }
    return std::string::npos;
  }

  static bool starts_quote(std::string_view t) {
    return !t.empty() &&
           (t[0] == '"' ||
            (t[0] == '\xE2' && t.substr(0, 3) == "\xE2\x80\x9C") ||
            (t.size() > 2 && t[0] == '\'' && t[1] == '\'' && t[2] != ' '));
  }
  static bool introduces_quote(std::string_view prev) {
    std::string p = trim(prev);
    return p.size() >= 1 &&
           (p.back() == ':' || p.find("như sau") != std::string::npos);
  }

  // Where a unit of `kind` would attach: the deepest open unit of lower rank.
  // "(1)" numbers sit between "1.1." and "a)".
  static bool is_letter_section(const Node& n) {
    return n.kind == NodeKind::kDivision && n.num.size() == 1 &&
           n.num[0] >= 'A' && n.num[0] <= 'H';
  }
  static constexpr int kLetterSectionRank = 5;  // over "I." divisions

  // "III. NỘI DUNG ..." / "A. Nội dung ... đến năm 2010" / "1. ...": letter
  // sections opened under a Roman division split it; they are not above it.
  bool nested_letter_section(const Node& n) const {
    return is_letter_section(n) && n.parent >= 0 &&
           doc_.nodes[n.parent].kind == NodeKind::kDivision &&
           !is_letter_section(doc_.nodes[n.parent]);
  }

  // A section letter in small letters ("c. nghĩa vụ thuế đối với Nhà thầu
  // ...", "d. Xử lý vi phạm ...": a transcript of a capitals font) after
  // the letter sections "A." and "B.": the next letter section, unless a
  // list of points it would go on is open ("b. ..." then "c. ...").
  void small_letter_section(Marker& m, std::string_view text) const {
    if (m.kind != NodeKind::kPoint || m.num.size() != 1 || m.num[0] < 'c' ||
        m.num[0] > 'h' || text.size() < 4 || text[1] != '.' || text[2] != ' ')
      return;
    const char upper = static_cast<char>(m.num[0] - 'a' + 'A');
    const int32_t parent =
        stack_[attach_depth(NodeKind::kDivision, kLetterSectionRank) - 1];
    const Node* last = nullptr;
    for (int32_t c : doc_.nodes[parent].children)
      if (is_letter_section(doc_.nodes[c])) last = &doc_.nodes[c];
    if (!last || last->num[0] + 1 != upper) return;
    const std::string before(1, static_cast<char>(m.num[0] - 1));
    for (int32_t s : stack_) {
      const Node* p = last_child_of_kind(s, NodeKind::kPoint, NodeKind::kPoint);
      if (p && p->num == before) return;
    }
    m.kind = NodeKind::kDivision;
    m.num.assign(1, upper);
    m.letter_section = true;
  }

  int node_rank(int32_t index) const {
    const Node& n = doc_.nodes[index];
    if (nested_letter_section(n)) return rank(NodeKind::kDivision);
    if (is_letter_section(n)) return kLetterSectionRank;
    if (n.kind == NodeKind::kPoint && n.parent >= 0 &&
        doc_.nodes[n.parent].kind == NodeKind::kPoint)
      return 11;
    if (n.kind == NodeKind::kSubitem && !n.num.empty() &&
        (static_cast<unsigned char>(n.num[0]) >= 'a'))
      return 11;  // "a.1)" under its point
    return n.kind == NodeKind::kSubitem && !n.num.empty() && n.num[0] == '('
               ? 9
               : rank(n.kind);
  }

  // "a1)", "a2)" right after "a) ... gồm:" are sub-points of a (sub-items,
  // as "a.1)" are); after a complete point they are inserted points ("đ1"
  // of an amending law) and stay siblings. Returns the stack depth of the
  // parent point, or 0.
  size_t sub_point_parent(const Marker& m) const {
    const size_t digit = m.num.find_first_of("0123456789");
    if (digit == std::string::npos || digit == 0) return 0;
    const std::string letter = m.num.substr(0, digit);
    for (size_t d = stack_.size(); d > 1; --d) {
      const Node& n = doc_.nodes[stack_[d - 1]];
      if (n.kind != NodeKind::kPoint ||
          n.num.find_first_of("0123456789") != std::string::npos)
        continue;  // an indent or the previous sub-point
      if (n.num != letter) return 0;
      int last = 0;
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) {
        const Node& c = doc_.nodes[*it];
        if (c.kind == NodeKind::kPoint ||
            (c.kind == NodeKind::kSubitem &&
             c.num.compare(0, digit, letter) == 0 && c.num.size() > digit &&
             c.num[digit] >= '0' && c.num[digit] <= '9')) {
          last = leading_int(std::string_view(c.num).substr(digit));
          break;
        }
      }
      if (last == 0) {
        // The point must introduce a list: its line ends with ":", or is a
        // heading without a stop ("b) Việc thực hiện bình ổn giá trong
        // trường hợp quy định tại điểm a khoản 2 Điều 18 của Luật Giá").
        // After a point ended by "." or ";" the number is an inserted point.
        std::string_view t = std::string_view(doc_.text).substr(
            n.span.begin, n.span.end - n.span.begin);
        while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
        if (t.empty()) return 0;
        const unsigned char end = static_cast<unsigned char>(t.back());
        const bool open_heading = end >= 0x80 || (end >= '0' && end <= '9') ||
                                  (end >= 'A' && end <= 'Z') ||
                                  (end >= 'a' && end <= 'z');
        if (end != ':' && !open_heading) return 0;
      }
      return leading_int(std::string_view(m.num).substr(digit)) == last + 1 ? d
                                                                            : 0;
    }
    return 0;
  }
  size_t attach_depth(NodeKind kind, int r = -1) const {
    if (r < 0) r = rank(kind);
    size_t d = stack_.size();
    while (d > 1 && node_rank(stack_[d - 1]) >= r) --d;
    return d;  // stack_[d-1] is the parent
  }

  // Where a marker attaches; a letter section goes with the sections it
  // continues: a sibling of an open one that splits a Roman division, or an
  // "A." under the Roman division open when no letter section came before
  // (the plan's divisions came first: "III." then "A.", "B.").
  size_t marker_depth(const Marker& m) const {
    if (!m.letter_section) return attach_depth(m.kind);
    for (size_t d = stack_.size(); d > 1; --d) {
      const Node& n = doc_.nodes[stack_[d - 1]];
      if (nested_letter_section(n)) return d - 1;
      if (is_letter_section(n)) return attach_depth(m.kind, kLetterSectionRank);
    }
    if (m.num == "A")
      for (size_t d = stack_.size(); d > 1; --d) {
        const Node& n = doc_.nodes[stack_[d - 1]];
        if (n.kind == NodeKind::kDivision && roman_value(n.num) > 0) return d;
      }
    return attach_depth(m.kind, kLetterSectionRank);
  }

  const Node* last_child_of_kind(int32_t parent, NodeKind a, NodeKind b) const {
    const Node& p = doc_.nodes[parent];
    for (auto it = p.children.rbegin(); it != p.children.rend(); ++it) {
      const Node& c = doc_.nodes[*it];
      if (c.kind == a || c.kind == b) return &c;
    }
    return nullptr;
  }

  // The next article heading after the current line (within the range
  // being built, the first 400 lines) is article `num`.
  bool next_article_is(int num) const {
    const size_t stop = std::min(line_end_, line_at_ + 400);
    for (size_t k = line_at_ + 1; k < stop; ++k) {
      const std::string_view t = lines_[k].text;
      if (t.rfind("Điều", 0) != 0 && t.rfind("ĐIỀU", 0) != 0) continue;
      Marker next;
      if (!parse_marker(t, next) || next.kind != NodeKind::kArticle) continue;
      return leading_int(next.num) == num;
    }
    return false;
  }

  // The next Roman division of the same kind goes on from `num` ("III."
  // then "IV."); a lettered section ("C."), a chapter or an article before
  // it ends the search.
  bool next_division_is(int num) const {
    const size_t stop = std::min(line_end_, line_at_ + 400);
    for (size_t k = line_at_ + 1; k < stop; ++k) {
      Marker next;
      if (!parse_marker(lines_[k].text, next)) continue;
      if (next.kind == NodeKind::kDivision && !next.letter_section)
        return roman_value(next.num) == num;
      if (next.kind == NodeKind::kDivision || next.kind == NodeKind::kArticle ||
          next.kind == NodeKind::kChapter || next.kind == NodeKind::kPart)
        return false;
    }
    return false;
  }

  // The line before the current one ends a sentence or a quotation ("...
  // năm 2005.", "... như sau:", "... về hải quan.\"").
  bool after_finished_sentence() const {
    if (line_at_ == 0) return false;
    std::string_view t = trim_view(lines_[line_at_ - 1].text);
    if (t.size() >= 3 && t.compare(t.size() - 3, 3, "\xE2\x80\x9D") == 0)
      return true;
    return !t.empty() && (t.back() == '.' || t.back() == ':' ||
                          t.back() == ';' || t.back() == '"');
  }

  // "5. Bổ sung các điểm e, g, h, i vào Khoản 2 như sau:" then "e) ...": the
  // new points of an amendment, given without quotation marks, start at the
  // letter their unit announces, not at "a".
  bool announced_first_point(std::string_view num, int32_t parent) const {
    const uint32_t from = doc_.nodes[parent].span.begin;
    std::string text;
    for (size_t k = line_at_; k-- > 0 && line_at_ - k <= 4;) {
      if (lines_[k].span.begin < from) break;
      text.insert(0, std::string(lines_[k].text) + " ");
    }
    for (std::string_view word : {"điểm ", "Điểm "}) {
      for (size_t at = text.find(word); at != std::string::npos;
           at = text.find(word, at + 1)) {
        size_t b = at + word.size();
        while (b < text.size() && text[b] == ' ') ++b;
        const size_t e = text.find_first_of(" ,;.:)", b);
        if (e != std::string::npos && text.compare(b, e - b, num) == 0)
          return true;
      }
    }
    return false;
  }

  // A number alone on its line that goes on from the last such number before
  // it, which was no unit ("4" / ... / "5" in a conversion of a paged text):
  // the pages' numbers, not a clause.
  bool after_page_number(int cur, const Node* prev) const {
    const size_t stop = line_at_ > 400 ? line_at_ - 400 : 0;
    for (size_t k = line_at_; k-- > stop;) {
      const std::string_view t = trim_view(lines_[k].text);
      if (t.empty() || t.size() > 2 || t[0] < '1' || t[0] > '9' ||
          (t.size() == 2 && (t[1] < '0' || t[1] > '9')))
        continue;
      return leading_int(t) == cur - 1 &&
             !(prev && prev->span.begin == lines_[k].span.begin);
    }
    return false;
  }

  // The letter index of the next point after the current line, or -2 when
  // the list ends first (another unit, or 40 lines).
  int next_point_letter() const {
    const size_t stop = std::min(line_end_, line_at_ + 40);
    for (size_t k = line_at_ + 1; k < stop; ++k) {
      Marker next;
      if (!parse_marker(lines_[k].text, next) || next.kind == NodeKind::kIndent)
        continue;
      if (next.kind != NodeKind::kPoint) return -2;
      return letter_index(
          next.num.substr(0, next.num.find_first_of("0123456789")));
    }
    return -2;
  }

  // The next point after the current line, before any other unit and
  // within 40 lines, is the letter of index `want`.
  bool next_point_is(int want) const { return next_point_letter() == want; }

  // The next point of the list after the current line is the letter of
  // index `want`, or the list ends first (another unit, or 40 lines).
  bool next_point_index(int want) const {
    const int next = next_point_letter();
    return next == -2 || next == want;
  }

  bool accept(Marker& m, const Line& line) {
    // Resolve "N." into clause (inside an article) or item.
    NodeKind kind = m.kind;
    size_t depth = marker_depth(m);
    int32_t parent = stack_[depth - 1];
    NodeKind pk = doc_.nodes[parent].kind;
    if (kind == NodeKind::kItem && pk == NodeKind::kArticle)
      m.kind = kind = NodeKind::kClause;
    if (kind == NodeKind::kIndent) return true;
    if (kind == NodeKind::kSubitem && m.num[0] == '(') {
      size_t d = attach_depth(kind, 9);
      sub_parent_ = d;
      const Node& p = doc_.nodes[stack_[d - 1]];
      int last = 0;
      for (auto it = p.children.rbegin(); it != p.children.rend(); ++it) {
        const Node& c = doc_.nodes[*it];
        if (c.kind == NodeKind::kSubitem && !c.num.empty() && c.num[0] == '(') {
          last = leading_int(c.num.substr(1));
          break;
        }
      }
      return leading_int(m.num.substr(1)) == last + 1;
    }
    if (kind == NodeKind::kSubitem) {
      // "2.1" must sit under item "2" (or subitem "2.1" for "2.1.1").
      std::string prefix = m.num.substr(0, m.num.rfind('.'));
      int32_t p = parent;
      // The parent chain holds the item or subitem with the prefix; for
      // "2.1.1" that is the open subitem "2.1", above the depth a subitem
      // attaches at.
      for (size_t d = stack_.size(); d >= 1; --d) {
        const Node& n = doc_.nodes[stack_[d - 1]];
        if (((n.kind == NodeKind::kItem || n.kind == NodeKind::kClause ||
              n.kind == NodeKind::kSubitem || n.kind == NodeKind::kPoint) &&
             n.num == prefix) ||
            (n.kind == NodeKind::kDivision &&
             runs_in_item(first_line(n), prefix))) {
          p = stack_[d - 1];
          sub_parent_ = d;
          const Node* prev =
              last_child_of_kind(p, NodeKind::kSubitem, NodeKind::kSubitem);
          int last =
              prev ? leading_int(prev->num.substr(prev->num.rfind('.') + 1))
                   : 0;
          int cur = leading_int(m.num.substr(m.num.rfind('.') + 1));
          return cur == last + 1 || (cur == 1);
        }
        if (d == 1) break;
      }
      // "5.3 Căn cứ quỹ tiền lương ..." in a consolidated text: clause 5
      // with the mark of its footnote 3 glued on. Only a two-part number
      // without a stop after it, in an article whose next clause it is.
      size_t art = depth;
      while (art > 1 && doc_.nodes[stack_[art - 1]].kind != NodeKind::kArticle)
        --art;
      // Khoản numbered after their article ("Điều 2. ..." / "2.1. ..." /
      // "2.2. ..."), in an article without plain "1." khoản: the article's
      // clauses, in order from its first.
      if (art > 1 && m.num.find('.') == m.num.rfind('.') &&
          leading_int(m.num) == leading_int(doc_.nodes[stack_[art - 1]].num) &&
          !last_child_of_kind(stack_[art - 1], NodeKind::kItem,
                              NodeKind::kItem)) {
        const Node* prev_clause = last_child_of_kind(
            stack_[art - 1], NodeKind::kClause, NodeKind::kClause);
        const int cur = leading_int(m.num.substr(m.num.find('.') + 1));
        const bool continues =
            prev_clause ? prev_clause->num.find('.') != std::string::npos &&
                              cur == leading_int(prev_clause->num.substr(
                                         prev_clause->num.find('.') + 1)) +
                                         1
                        : cur == 1;
        if (continues) {
          m.kind = NodeKind::kClause;
          sub_parent_ = 0;
          return true;
        }
      }
      if (art > 1 && m.num.find('.') == m.num.rfind('.') &&
          line.text.size() > m.num.size() &&
          line.text.compare(0, m.num.size(), m.num) == 0 &&
          line.text[m.num.size()] == ' ') {
        const Node* prev_clause = last_child_of_kind(
            stack_[art - 1], NodeKind::kClause, NodeKind::kClause);
        const int first = leading_int(m.num);
        if (prev_clause && first == leading_int(prev_clause->num) + 1) {
          m.kind = NodeKind::kClause;
          m.num = m.num.substr(0, m.num.find('.'));
          sub_parent_ = 0;
          return true;
        }
      }
      return false;
    }
    sub_parent_ = 0;
    const Node* prev = last_child_of_kind(parent, kind, kind);
    switch (kind) {
      case NodeKind::kArticle: {
        int cur = leading_int(m.num);
        if (m.unpunctuated) {
          if (m.names_this_act && !after_finished_sentence()) return false;
          return cur == last_article_ + 1 || (last_article_ < 0 && cur == 1);
        }
        if (last_article_ < 0) return true;
        if (cur == last_article_ + 1) return true;
        if (cur == last_article_ && m.num != last_article_num_)
          return true;  // 10a
        // A small gap (a lost heading line), or a larger one that the
        // following articles confirm by going on from this number (an
        // excerpt, articles left out of a copy): kept, with a diagnostic.
        if (cur > last_article_ + 1 &&
            (cur <= last_article_ + 3 || next_article_is(cur + 1))) {
          doc_.diagnostics.push_back(
              {"numbering-gap", Severity::kWarning,
               "article " + m.num + " follows article " + last_article_num_,
               line.span});
          return true;
        }
        return false;
      }
      case NodeKind::kChapter:
      case NodeKind::kPart:
      case NodeKind::kSection:
      case NodeKind::kSubsection:
      case NodeKind::kDivision: {
        if (kind == NodeKind::kDivision && !m.heading.empty() &&
            m.heading.size() > kLongDivisionLine) {
          // A heading run into a long first sentence ("II. Các Chi cục ...
          // theo quy định tại Điều 41 Luật Hải quan Đối với các Chi cục
          // ..."): still a division where it takes the number after its
          // sibling's.
          if (m.letter_section || !prev ||
              roman_value(m.num) != roman_value(prev->num) + 1 ||
              roman_value(m.num) < 2)
            return false;
        }
        if (m.letter_section) {
          // Continues the letters of the sibling sections: A, B, C ...
          const Node* last = nullptr;
          for (int32_t c : doc_.nodes[parent].children)
            if (is_letter_section(doc_.nodes[c])) last = &doc_.nodes[c];
          if (m.lower_title && !last) return false;
          return m.num[0] == (last ? last->num[0] + 1 : 'A');
        }
        int cur = roman_value(m.num);
        if (cur < 0) cur = leading_int(m.num);
        if (kind == NodeKind::kPart && cur < 0) return true;  // "Phần thứ nhất"
        if (!prev) return cur == 1 || kind != NodeKind::kDivision;
        int last = roman_value(prev->num);
        if (last < 0) last = leading_int(prev->num);
        if (cur == last + 1) return true;
        // A Roman division whose number skips one ("I." then "III.") where the
        // next division goes on from it ("IV."): a section left out of the
        // copy or misnumbered, kept with a diagnostic.
        if (kind == NodeKind::kDivision && last >= 1 && cur == last + 2 &&
            next_division_is(cur + 1)) {
          doc_.diagnostics.push_back(
              {"numbering-gap", Severity::kInfo,
               "division " + m.num + " follows " + prev->num, line.span});
          return true;
        }
        // Chapters and sections are headings of their own shape: a small gap
        // (a lost "Chương VII" line) or a restart of sections at 1 is kept,
        // with a diagnostic.
        if (kind != NodeKind::kDivision &&
            ((cur > last + 1 && cur <= last + 2) ||
             (kind == NodeKind::kSection && cur == 1))) {
          doc_.diagnostics.push_back({"numbering-gap", Severity::kWarning,
                                      std::string(to_string(kind)) + " " +
                                          m.num + " follows " + prev->num,
                                      line.span});
          return true;
        }
        return false;
      }
      case NodeKind::kClause:
      case NodeKind::kItem: {
        int cur = leading_int(m.num);
        if (m.unpunctuated) {
          if (kind != NodeKind::kClause || in_quote_ ||
              cur != (prev ? leading_int(prev->num) : 0) + 1 ||
              line_at_ + 1 >= line_end_ || after_page_number(cur, prev))
            return false;
          const std::string_view next = trim_view(lines_[line_at_ + 1].text);
          return !next.empty() && (next[0] == '-' || starts_upper(next));
        }
        if (in_quote_ && !prev) return true;
        int last = prev ? leading_int(prev->num) : 0;
        if (cur == last + 1) return true;
        if (!prev && kind == NodeKind::kItem &&
            replaces_point(doc_.nodes[parent], cur))
          return true;
        if (prev && cur == last && m.num != prev->num) return true;  // 3a
        if (repeated(prev, m, line)) return true;
        if (prev && cur == last + 2) {  // a skipped number ("1." then "3.")
          doc_.diagnostics.push_back({"numbering-gap", Severity::kInfo,
                                      std::string(to_string(kind)) + " " +
                                          m.num + " follows " + prev->num,
                                      line.span});
          return true;
        }
        return false;
      }
      case NodeKind::kPoint: {
        if (size_t d = sub_point_parent(m)) {
          sub_parent_ = d;  // open() keeps stack_[0, d)
          // A "tiết" under its point, numbered like "a.1)": no point of its
          // own.
          m.kind = NodeKind::kSubitem;
          return true;
        }
        if (in_quote_ && !prev) return true;
        int cur =
            letter_index(m.num.substr(0, m.num.find_first_of("0123456789")));
        int last = prev ? letter_index(prev->num.substr(
                              0, prev->num.find_first_of("0123456789")))
                        : -1;
        // The point before was a misprinted letter: it holds the place of the
        // letter it stood for.
        if (prev && prev->span.begin == misprint_at_) last = misprint_index_;
        if (cur == last + 1) return true;
        if (!prev && cur > 0 && after_finished_sentence() &&
            announced_first_point(m.num, parent))
          return true;
        if (prev && cur == last && m.num != prev->num) return true;  // đ1
        if (repeated(prev, m, line)) return true;
        // "a) Sở Kế hoạch và Đầu tư thu ..." then "a) Phòng Tài chính ..."
        // then "c) ...": the second "a)" is a misprinted "b)", as the list
        // going on from "c)" shows.
        if (prev && cur == 0 && last == 0 && m.num == prev->num &&
            starts_upper(trim(m.heading)) && next_point_is(2)) {
          doc_.diagnostics.push_back({"numbering-repeat", Severity::kInfo,
                                      "point a repeats the number before it",
                                      line.span});
          return true;
        }
        // A skipped letter ("d)" then "e)"), or two when the list ends
        // there or goes on from this letter ("b)" then "đ)", "e)").
        if (prev && (cur == last + 2 ||
                     (cur == last + 3 && next_point_index(cur + 1)))) {
          doc_.diagnostics.push_back(
              {"numbering-gap", Severity::kInfo,
               "point " + m.num + " follows point " + prev->num, line.span});
          return true;
        }
        // A misprinted letter ("c)" then "g)" then "đ)", "e)"): the next
        // point goes on from the letter after the point before, so this
        // one stands in the place between them.
        if (prev && cur != last && starts_upper(trim(m.heading)) &&
            next_point_is(last + 2)) {
          misprint_at_ = line.span.begin;
          misprint_index_ = last + 1;
          doc_.diagnostics.push_back(
              {"numbering-misprint", Severity::kInfo,
               "point " + m.num + " follows point " + prev->num, line.span});
          return true;
        }
        // "b) ... Ví dụ: (1) ... (2) ... (3) ..." then "c) ...": the letter
        // goes on with the points of a unit further up, whose examples or
        // numbered list it closes.
        if (m.num.find_first_of("0123456789") == std::string::npos) {
          for (size_t d = depth - 1; d >= 1; --d) {
            const Node* up = last_child_of_kind(stack_[d - 1], NodeKind::kPoint,
                                                NodeKind::kPoint);
            if (!up) continue;
            if (letter_index(up->num) == cur - 1) {
              sub_parent_ = d;
              return true;
            }
            break;
          }
        }
        // "a)" ... "e)" then "d) Thẩm định ...", "đ) ...": the letters step
        // back and go on in order from there, the points of a clause whose
        // heading a lost page took with it. Still points.
        if (prev && cur >= 2 && cur < last && starts_upper(trim(m.heading)) &&
            next_point_is(cur + 1)) {
          doc_.diagnostics.push_back({"numbering-restart", Severity::kInfo,
                                      "point " + m.num + " follows point " +
                                          prev->num +
                                          " (a heading lost before it?)",
                                      line.span});
          return true;
        }
        return false;
      }
      default:
        return true;
    }
  }

  // A misprinted repeated number ("3." after "3.", "c)" after "c)") on a
  // line with the full shape of the unit - marker, space, capitalised text -
  // is the next unit, not running text. A repeated first number ("1." after
  // "1.") is rather a list restarting under a heading that was not read.
  bool repeated(const Node* prev, const Marker& m, const Line& line) {
    if (!prev || prev->num != m.num || m.num == "1" || m.num == "a" ||
        !starts_upper(trim(m.heading)))
      return false;
    doc_.diagnostics.push_back({"numbering-repeat", Severity::kInfo,
                                std::string(to_string(m.kind)) + " " + m.num +
                                    " repeats the number before it",
                                line.span});
    return true;
  }

  void open(Marker& m, const Line& line, size_t i, size_t end) {
    size_t depth =
        (m.kind == NodeKind::kSubitem || m.kind == NodeKind::kPoint) &&
                sub_parent_
            ? sub_parent_ + 0
            : marker_depth(m);
    stack_.resize(depth);
    std::string_view heading = without_notes(trim_view(m.heading));
    // "1. - Về nguồn vốn ...": a dash between the number and the title.
    if (heading.size() > 2 && heading[0] == '-' && heading[1] == ' ')
      heading = trim_view(heading.substr(2));
    // Headings of big units often stand on the next line, in capitals.
    const bool big =
        m.kind == NodeKind::kPart || m.kind == NodeKind::kChapter ||
        m.kind == NodeKind::kSection || m.kind == NodeKind::kSubsection;
    Span span = line.span;
    // A long title wraps over up to three upper-case lines ("TIÊU CHUẨN, QUY
    // TRÌNH, HỒ SƠ ĐỀ NGHỊ XÉT TẶNG;" / "KINH PHÍ KHEN THƯỞNG ..." / "ĐƯỢC
    // KHEN THƯỞNG"); a marker line ends it.
    std::string joined;
    if (big && heading.empty()) {
      for (size_t k = i + 1; k < end && k <= i + 3; ++k) {
        const std::string_view next = trim_view(lines_[k].text);
        Marker probe;
        // A text that lost its capitals prints the title in sentence case:
        // one short line, no sentence ("Chương I" / "Những quy định chung").
        const char last = next.empty() ? '.' : next.back();
        const bool sentence_case_title =
            k == i + 1 && next.size() <= 150 && has_letters(next) &&
            last != '.' && last != ';' && last != ':' && last != ',';
        if (!(is_upper_line(next) || sentence_case_title) ||
            parse_marker(next, probe) ||
            utf8_chars(joined) + utf8_chars(next) > kBigTitleChars)
          break;
        if (!is_upper_line(next)) {
          joined = std::string(next);
          span.end = lines_[k].span.end;
          ++m.heading_lines;
          break;
        }
        if (!joined.empty()) joined += ' ';
        joined += next;
        span.end = lines_[k].span.end;
        ++m.heading_lines;
      }
      heading = joined;
    }
    // Clauses and points carry text, not titles; long run-in text is not a
    // heading either.
    if (m.kind == NodeKind::kClause || m.kind == NodeKind::kPoint ||
        m.kind == NodeKind::kIndent)
      heading = {};
    // "HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN [Mục này được hướng dẫn bởi ...]": a
    // web copy's editorial note is not part of the title.
    if (!heading.empty() && heading.back() == ']') {
      const size_t note = heading.rfind(" [");
      if (note != std::string::npos && note > 0)
        heading = heading.substr(0, note);
    }
    // An amending act's chapter names the act it amends, its date and
    // issuer: titles of big units run long. Other units' run-in text of
    // that length is a sentence, not a title.
    if (big ? utf8_chars(heading) > kBigTitleChars : heading.size() > 300)
      heading = {};
    int32_t node = add_node(doc_, top(), m.kind, span, m.num, heading);
    stack_.push_back(node);
    opened_at_ = i + m.heading_lines;
    if (m.kind == NodeKind::kArticle) {
      last_article_ = leading_int(m.num);
      last_article_num_ = m.num;
    }
  }

  Document& doc_;
  const std::vector<Line>& lines_;
  std::vector<int32_t> stack_;
  size_t sub_parent_ = 0;
  bool in_quote_ = false;        // amended text: numbering may start anywhere
  bool column_headers_ = false;  // in a flattened table's header row
  bool in_footnote_ = false;     // after a footnote's first line
  bool blank_form_ = false;      // in an annex's form of a decision
  bool form_caption_ = false;    // after a form's caption ("Mẫu số 01")
  bool form_fields_ = false;     // below the form's own motto
  bool lettered_rows_ = false;   // in a table whose rows are lettered
  size_t opened_at_ = static_cast<size_t>(-1);  // the last unit's last line
  int last_article_ = -1;
  size_t line_at_ = 0;   // the line being read
  size_t line_end_ = 0;  // the end of the range being built
  std::string last_article_num_;
  // The line where a point with a misprinted letter starts, and the index of
  // the letter it stands for.
  uint32_t misprint_at_ = UINT32_MAX;
  int misprint_index_ = -1;
};

}  // namespace

// Offset in `t` of a unit number left at the end of a quotation's last
// line, its text on the next line: "... hành chính đó.” 2." / "Sửa đổi,
// bổ sung Điều 4 như sau:" (a flattened copy moved the line break after
// the number). npos when the line does not end that way.
size_t trailing_number_after_quote(std::string_view t) {
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.size() < 6 || t.back() != '.') return std::string_view::npos;
  size_t k = t.size() - 1;                               // the final stop
  if (k > 0 && t[k - 1] >= 'a' && t[k - 1] <= 'z') --k;  // "3a."
  size_t digits = k;
  while (digits > 0 && t[digits - 1] >= '0' && t[digits - 1] <= '9') --digits;
  if (digits == k || k - digits > 3 || digits == 0 || t[digits - 1] != ' ')
    return std::string_view::npos;
  size_t q = digits - 1;
  while (q > 0 && t[q - 1] == ' ') --q;
  // The closing mark, possibly followed by the sentence's own stop: ”. ”;
  if (q > 0 && (t[q - 1] == '.' || t[q - 1] == ';' || t[q - 1] == ',')) --q;
  const bool closes = (q >= 3 && t.compare(q - 3, 3, "\xE2\x80\x9D") == 0) ||
                      (q >= 1 && t[q - 1] == '"');
  return closes ? digits : std::string_view::npos;
}

void build_tree(Document& doc, const std::vector<Line>& lines, size_t begin,
                size_t end, int32_t parent) {
  // Split "... đó.” 2." into the quotation's end and a number alone on
  // its line, when the next line starts its text with a capital.
  std::vector<Line> split;
  for (size_t i = begin; i < end; ++i) {
    const Line& line = lines[i];
    size_t at = i + 1 < end ? trailing_number_after_quote(line.text)
                            : std::string_view::npos;
    if (at != std::string_view::npos && !starts_upper(lines[i + 1].text))
      at = std::string_view::npos;
    if (at == std::string_view::npos) {
      if (!split.empty()) split.push_back(line);
      continue;
    }
    if (split.empty())
      split.assign(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                   lines.begin() + static_cast<std::ptrdiff_t>(i));
    std::string_view head = line.text.substr(0, at);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    const std::string_view tail = trim_view(line.text.substr(at));
    const auto b = line.span.begin;
    split.push_back({{b, b + static_cast<uint32_t>(head.size())}, head});
    const auto tb = b + static_cast<uint32_t>(tail.data() - line.text.data());
    split.push_back({{tb, tb + static_cast<uint32_t>(tail.size())}, tail});
  }
  if (split.empty()) {
    TreeBuilder builder(doc, lines, parent);
    builder.build(begin, end);
    return;
  }
  TreeBuilder builder(doc, split, parent);
  builder.build(0, split.size());
}

}  // namespace vnlegal::segment_internal
