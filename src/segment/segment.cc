// Segmentation: zones (header, preamble, body, closing, attachments), the
// body tree, and stable ids.
#include "vnlegal/segment.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <unordered_map>

#include "internal/utf8.h"
#include "model/node_ids.h"
#include "model/root.h"
#include "segment/internal.h"
#include "segment/line_scan.h"

namespace vnlegal {
namespace {

using namespace segment_internal;

Span lines_span(const std::vector<Line>& lines, size_t begin, size_t end) {
  return {lines[begin].span.begin, lines[end - 1].span.end};
}

// Spans grow to cover their children (nodes are created in text order, so a
// reverse pass sees children before parents).
void close_spans(Document& doc) {
  for (size_t i = doc.nodes.size(); i-- > 1;) {
    Node& child = doc.nodes[i];
    Node& parent = doc.nodes[child.parent];
    parent.span.end = std::max(parent.span.end, child.span.end);
    parent.span.begin = std::min(parent.span.begin, child.span.begin);
  }
}

// An attachment's title word opens the line. Fixed prefixes: compared
// byte by byte (tried on most lines of a body, so no regex call).
bool is_attachment_title(std::string_view t) {
  static constexpr std::string_view kTitles[] = {
      "QUY ĐỊNH", "QUY CHẾ",   "KẾ HOẠCH", "PHỤ LỤC",   "Phụ lục",
      "DANH MỤC", "DANH SÁCH", "BẢNG",     "HƯỚNG DẪN", "CHƯƠNG TRÌNH",
      "ĐIỀU LỆ",  "Mẫu",       "MẪU",      "BIỂU",      "Biểu",
      "ĐỀ ÁN",    "PHƯƠNG ÁN", "NỘI QUY",  "QUY TRÌNH", "CHIẾN LƯỢC",
      "TIÊU CHÍ"};
  // Every title starts with a capital between B and T, or Đ (0xC4): most
  // body lines stop here.
  if (t.empty() || !((t[0] >= 'B' && t[0] <= 'T') || t[0] == '\xC4'))
    return false;
  for (std::string_view w : kTitles)
    if (has_prefix(t, w)) return true;
  return false;
}

// A numbered annex's title alone on its line: "PHỤ LỤC 02:", "PHỤ LỤC II",
// "PHỤ LỤC SỐ 3". After the closing, each one starts an attachment even
// without a "(kèm theo ...)" line under it.
bool numbered_annex_title(std::string_view t) {
  static constexpr std::string_view kWord = "PHỤ LỤC";
  t = trim_view(t);
  if (t.size() > 24 || t.substr(0, kWord.size()) != kWord) return false;
  std::string_view rest = trim_view(t.substr(kWord.size()));
  if (rest.substr(0, 3) == "SỐ ") rest = trim_view(rest.substr(3));
  if (!rest.empty() && (rest.back() == ':' || rest.back() == '.'))
    rest.remove_suffix(1);
  if (rest.empty() || rest.size() > 6) return false;
  const bool digits = std::all_of(rest.begin(), rest.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  const bool roman = std::all_of(rest.begin(), rest.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X';
  });
  return digits || roman;
}

// A title line that lost its capitals (a legacy font): no capital at all,
// short, no final stop.
bool lost_capitals_title(std::string_view t) {
  t = trim_view(t);
  return !t.empty() && t.size() <= 300 && is_lower_line(t) && t.back() != '.' &&
         t.back() != ';';
}
// ... that opens with an attachment's type word: "quy định", "phụ lục".
bool attachment_word(std::string_view t) {
  // The title words of is_attachment_title, read in capitals.
  t = trim_view(t);
  return is_attachment_title(
      to_upper(t.substr(0, std::min<size_t>(t.size(), 40))));
}

// "PHỤ LỤC I DANH MỤC ... (Ban hành kèm theo ...)": an attachment title
// and its "(kèm theo" note on one line; returns the offset of the "(".
size_t inline_kem_theo(std::string_view t) {
  // First-byte prefilter: titles start with an upper-case letter (Đ, Ư in
  // UTF-8 start with 0xC4 / 0xC6); most body lines are rejected here.
  if (t.size() < 12 || t.size() > 1000) return std::string_view::npos;
  const unsigned char c0 = static_cast<unsigned char>(t[0]);
  // A title that lost its capitals: "quy định mức chi ... (Ban hành kèm
  // theo ...)".
  const bool lower = c0 >= 'b' && c0 <= 't';
  if (!((c0 >= 'B' && c0 <= 'T') || c0 == 0xC4 || lower) ||
      t.find("m theo") == std::string_view::npos ||
      !(lower ? attachment_word(t) : is_attachment_title(t)))
    return std::string_view::npos;
  for (size_t p = t.find(" ("); p != std::string_view::npos;
       p = t.find(" (", p + 2))
    if (is_kem_theo(t.substr(p + 1)) &&
        (!lower || lost_capitals_title(t.substr(0, p))))
      return p + 1;
  return std::string_view::npos;
}

// Lines where an attachment starts: the first of up to five title lines
// ("PHỤ LỤC I" / "DANH MỤC ...") right before a "(kèm theo ...)" line.
std::vector<size_t> attachment_starts(const std::vector<Line>& lines,
                                      size_t from) {
  std::vector<size_t> starts;
  for (size_t k = from + 1; k < lines.size(); ++k) {
    // Both notes open with "(".
    if (!(lines[k].marks & kMarkParen)) continue;
    if (inline_kem_theo(lines[k].text) != std::string_view::npos) {
      if (starts.empty() || starts.back() < k) starts.push_back(k);
      continue;
    }
    if (!is_kem_theo(lines[k].text)) continue;
    size_t first = k;
    for (size_t j = k; j > from && k - (j - 1) <= 5; --j) {
      std::string_view t = lines[j - 1].text;
      const bool lost = lost_capitals_title(t);
      if (t.size() > 400 ||
          !(is_attachment_title(t) || is_upper_line(t) || lost))
        break;
      if (is_attachment_title(t) || (lost && attachment_word(t))) first = j - 1;
    }
    if (first < k && (starts.empty() || starts.back() < first))
      starts.push_back(first);
  }
  return starts;
}

// Replaces line k by two: its bytes before `head_end` and from
// `tail_begin` on (what lies between, blanks or a cell's bar, is dropped).
void split_line(std::vector<Line>& lines, size_t k, size_t head_end,
                size_t tail_begin) {
  const Line line = lines[k];
  const std::string_view t = line.text;
  lines[k] = {
      {line.span.begin, line.span.begin + static_cast<uint32_t>(head_end)},
      t.substr(0, head_end),
      line.marks};
  lines.insert(
      lines.begin() + static_cast<std::ptrdiff_t>(k) + 1,
      Line{{line.span.begin + static_cast<uint32_t>(tail_begin), line.span.end},
           t.substr(tail_begin),
           line.marks});
}

// A flattened copy can put an attachment's title on the signature line:
// "TM. CHÍNH PHỦ ... PHÓ THỦ TƯỚNG Trần Hồng Hà Phụ lục (Kèm theo ...)",
// "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH ... (Ban hành kèm theo
// ...)". Such a line is cut where the title starts (a title word right after
// the signer's mixed-case name): the signature line, then the title line.
void split_signature_titles(std::vector<Line>& lines) {
  static constexpr std::string_view kAuthorities[] = {"TM. ", "KT. ", "TL. ",
                                                      "TUQ. ", "Q. "};
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    // The authorities start with 'T', 'K' or 'Q'.
    if (t.empty() || (t[0] != 'T' && t[0] != 'K' && t[0] != 'Q')) continue;
    if (std::none_of(std::begin(kAuthorities), std::end(kAuthorities),
                     [&](std::string_view a) { return t.rfind(a, 0) == 0; }))
      continue;
    size_t paren = std::string_view::npos;
    for (size_t p = t.find(" ("); p != std::string_view::npos;
         p = t.find(" (", p + 2))
      if (is_kem_theo(t.substr(p + 1))) {
        paren = p;
        break;
      }
    if (paren == std::string_view::npos) continue;
    size_t cut = std::string_view::npos;
    size_t prev_word = 0;
    for (size_t p = t.find(' '); p != std::string_view::npos && p < paren;
         p = t.find(' ', p + 1)) {
      const std::string_view word = t.substr(prev_word, p - prev_word);
      prev_word = p + 1;
      if (has_letters(word) && !is_upper_line(word) &&
          is_attachment_title(t.substr(p + 1))) {
        cut = p + 1;
        break;
      }
    }
    if (cut == std::string_view::npos) continue;
    split_line(lines, k, cut - 1, cut);
    ++k;
  }
}

// A flattened copy can run an attachment's first heading into its
// "(kèm theo ...)" note: "QUY TRÌNH ... (Ban hành kèm theo Quyết định số
// 2135/QĐ-TCHQ ...) Phần I QUY ĐỊNH CHUNG". Such a line is cut after the
// note's closing parenthesis when a structural heading ("Phần I", "Chương
// I", "Điều 1.", "I.") follows it: the title line, then the heading.
void split_kem_theo_headings(std::vector<Line>& lines) {
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    // The note opens with "(": a byte few lines hold, looked for first.
    if (!(lines[k].marks & kMarkParen) ||
        t.find('(') == std::string_view::npos ||
        t.find("m theo") == std::string_view::npos)
      continue;
    // The note opens the line, or follows a title whose last two words are
    // capitals ("... NHẬP KHẨU (Ban hành kèm theo ..."; the title may sit
    // on the signature line).
    size_t open = is_kem_theo(t) ? 0 : std::string_view::npos;
    for (size_t p = t.find(" (");
         open == std::string_view::npos && p != std::string_view::npos;
         p = t.find(" (", p + 2)) {
      if (!is_kem_theo(t.substr(p + 1))) continue;
      const std::string_view before = trim_view(t.substr(0, p));
      const size_t sp = before.rfind(' ');
      const size_t sp2 = sp == std::string_view::npos || sp == 0
                             ? std::string_view::npos
                             : before.rfind(' ', sp - 1);
      const std::string_view last_words =
          sp2 == std::string_view::npos ? before : before.substr(sp2 + 1);
      if (is_upper_line(last_words) && has_letters(last_words)) open = p + 1;
      break;
    }
    if (open == std::string_view::npos) continue;
    // The note's closing parenthesis (notes may nest one: "(sau đây ...)").
    int depth = 0;
    size_t close = std::string_view::npos;
    for (size_t p = open; p < t.size(); ++p) {
      if (t[p] == '(') ++depth;
      if (t[p] == ')' && --depth == 0) {
        close = p;
        break;
      }
    }
    if (close == std::string_view::npos) continue;
    size_t next = close + 1;
    while (next < t.size() && t[next] == ' ') ++next;
    if (next == close + 1 || next >= t.size() ||
        !match_structure_start(t.substr(next)))
      continue;
    split_line(lines, k, close + 1, next);
    ++k;
  }
}

// A copy that printed each clause number alone on its line ("1." / "Kỹ thuật
// ...") can leave the number at the end of the line before instead: after a
// wrapped article title ("Điều 4. Đối tượng điều tra, đánh giá đất đai;" /
// "bảo vệ, cải tạo, phục hồi đất 1." / "Đối tượng ..."), after a website
// note ("... [Điểm này được sửa đổi bởi ...] 2.") or a table's last row
// ("| 10.000 | 3."). Such a number, the next clause of the article, is cut
// onto its own line when a capital opens the next line.
void split_trailing_clause_numbers(std::vector<Line>& lines) {
  int last = -1;  // the article's last clause number; -1 outside articles
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    constexpr size_t kDieu = std::string_view("Điều ").size();
    if (t.rfind("Điều ", 0) == 0 && t.size() > kDieu && t[kDieu] >= '0' &&
        t[kDieu] <= '9') {
      last = 0;
    } else {
      size_t d = 0;
      while (d < t.size() && d < 3 && t[d] >= '0' && t[d] <= '9') ++d;
      if (d > 0 && d < t.size() && t[d] == '.' &&
          (d + 1 == t.size() || t[d + 1] == ' ')) {
        if (last >= 0) last = std::atoi(std::string(t.substr(0, d)).c_str());
        continue;
      }
    }
    if (last < 0 || t.size() < 4 || t.back() != '.') continue;
    size_t b = t.size() - 1;
    while (b > 0 && t[b - 1] >= '0' && t[b - 1] <= '9') --b;
    if (b == t.size() - 1 || b < 2 || t[b - 1] != ' ' || t.size() - 1 - b > 2 ||
        std::atoi(std::string(t.substr(b, t.size() - 1 - b)).c_str()) !=
            last + 1 ||
        !starts_upper(lines[k + 1].text))
      continue;
    const char before = t[b - 2];
    bool ok = before == ']' || before == '|';
    // The article's title, on this line or wrapped from the line before.
    const bool title = t.rfind("Điều ", 0) == 0 ||
                       (k > 0 && lines[k - 1].text.rfind("Điều ", 0) == 0);
    if (!ok && last == 0 && title) {
      // The title's last word: a lower-case word, not a unit or a date word
      // ("theo khoản 1.").
      const std::string_view head = t.substr(0, b - 1);
      const std::string_view word = head.substr(head.rfind(' ') + 1);
      static constexpr std::string_view kUnits[] = {
          "khoản", "điểm",   "điều",   "Điều", "mục",   "Mục", "phần",
          "Phần",  "chương", "Chương", "số",   "tháng", "năm", "lần"};
      ok = is_lower_line(word) && has_letters(word) &&
           std::find(std::begin(kUnits), std::end(kUnits), word) ==
               std::end(kUnits);
    }
    if (!ok) continue;
    last += 1;
    split_line(lines, k, b - 1, b);
    ++k;
  }
}

// A copy that prints clause numbers alone on their lines ("3." / "Đối
// tượng điều tra, đánh giá ô nhiễm đất a) Đối tượng ...;" / "b) ...") can
// run the clause's first point into the clause's title line. Such a line
// is cut before "a)" when a capital follows it and "b)" opens the next line.
void split_title_first_point(std::vector<Line>& lines) {
  for (size_t k = 1; k + 1 < lines.size(); ++k) {
    const std::string_view prev = trim_view(lines[k - 1].text);
    if (prev.size() < 2 || prev.size() > 4 || prev.back() != '.' ||
        prev.find_first_not_of("0123456789") != prev.size() - 1)
      continue;
    if (lines[k + 1].text.rfind("b) ", 0) != 0) continue;
    const std::string_view t = lines[k].text;
    const size_t p = t.find(" a) ");
    if (p == std::string_view::npos || p == 0 || !starts_upper(t.substr(p + 4)))
      continue;
    split_line(lines, k, p, p + 1);
    ++k;
  }
}

// A flattened header can run the title into the first basis: "Hà Nội, ngày
// 31 tháng 7 năm 2024 QUYẾT ĐỊNH VỀ CƠ CHẾ, ... ĐẤT THU HỒI Căn cứ Luật Tổ
// chức Chính phủ ...;". Such a line is cut before "Căn cứ" when the words
// before it are a title in capitals: the header line, then the basis.
void split_title_basis(std::vector<Line>& lines) {
  const size_t stop = std::min<size_t>(lines.size(), 30);
  for (size_t k = 0; k < stop; ++k) {
    const std::string_view t = lines[k].text;
    // " Căn cứ ", searched from its capital (a search from the space would
    // stop at every space of the line).
    size_t c = t.find("Căn cứ ");
    while (c != std::string_view::npos && (c == 0 || t[c - 1] != ' '))
      c = t.find("Căn cứ ", c + 1);
    if (c == std::string_view::npos || c - 1 < 12) continue;
    const size_t p = c - 1;
    // The last words before it are capitals: "... THU HỒI Căn cứ".
    const std::string_view before = trim_view(t.substr(0, p));
    const size_t sp = before.rfind(' ');
    const size_t sp2 = sp == std::string_view::npos || sp == 0
                           ? sp
                           : before.rfind(' ', sp - 1);
    const std::string_view last_words =
        sp2 == std::string_view::npos ? before : before.substr(sp2 + 1);
    if (!is_upper_line(last_words) || !has_letters(last_words)) continue;
    split_line(lines, k, p, p + 1);
    break;
  }
}

// "Căn cứ Luật Đầu tư nước ngoài ... ngày 08 tháng 11 năm 1996;" /
// "Luật Khuyến khích đầu tư trong nước ... năm 1998;": one "Căn cứ" lists
// several acts, and a copy cut at its semicolons puts each on a line.
bool lists_another_basis(std::string_view prev, std::string_view line) {
  while (!prev.empty() && prev.back() == ' ') prev.remove_suffix(1);
  if (prev.empty() || prev.back() != ';') return false;
  static constexpr std::string_view kActs[] = {
      "Luật ",     "Bộ luật ",    "Nghị định ", "Nghị quyết ", "Pháp lệnh ",
      "Thông tư ", "Quyết định ", "Chỉ thị ",   "Hiến pháp ",  "Lệnh "};
  for (std::string_view a : kActs)
    if (line.substr(0, a.size()) == a) return true;
  return false;
}

// The first word after `i` is in capitals (two letters or more): "CHÍNH PHỦ",
// "BỘ Y TẾ", "ỦY BAN".
bool capitals_word_at(std::string_view t, size_t i) {
  while (i < t.size() && t[i] == ' ') ++i;
  size_t end = t.find(' ', i);
  if (end == std::string_view::npos) end = t.size();
  const std::string_view w = t.substr(i, end - i);
  return w.size() >= 2 && is_upper_line(w);
}

// A website's title of a document's page: the type in sentence case, then a
// token holding a digit and '/' or '-' ("Công văn 5348/CT-CS năm 2025 ...").
bool page_title_line(std::string_view t) {
  t = trim_view(t);
  for (const TypeName& type : type_names()) {
    if (t.size() <= type.name.size() + 1 ||
        t.substr(0, type.name.size()) != type.name ||
        t[type.name.size()] != ' ')
      continue;
    const size_t from = type.name.size() + 1;
    const std::string_view token =
        t.substr(from, std::min(t.find(' ', from), t.size()) - from);
    return token.find_first_of("0123456789") != std::string_view::npos &&
           token.find_first_of("/-") != std::string_view::npos;
  }
  return false;
}

// A whole page saved from a legal website ends with the site's lines after
// the document: the page title again, the note that the text has no
// English version, the related documents ("Văn bản liên quan" and their
// dates), the site's address and notices, log-in messages. They start at
// the page title that holds the note or "Văn bản liên quan" (a copy
// without blank lines runs them into one line), or at the note or "Văn bản
// liên quan" alone, with the page title above; lines.size() when there are
// none. They come after the document's header (its national motto): the
// site's tabs above the document may hold the same words.
size_t back_matter_begin(const std::vector<Line>& lines) {
  constexpr std::string_view kNote =
      "Văn bản này chưa cập nhật nội dung Tiếng Anh";
  constexpr std::string_view kRelated = "Văn bản liên quan";
  bool header = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = trim_view(lines[i].text);
    header = header || motto_line(t);
    if (!header || i < 5) continue;
    // Both open with "Văn bản ": one search for the two.
    constexpr std::string_view kWords = "Văn bản ";
    bool marked = false;
    for (size_t p = t.find(kWords); p != std::string_view::npos && !marked;
         p = t.find(kWords, p + 1))
      marked = t.substr(p, kNote.size()) == kNote ||
               t.substr(p, kRelated.size()) == kRelated;
    if (!marked) continue;
    if (page_title_line(t)) return i;
    if ((t == kNote || t == kRelated) && page_title_line(lines[i - 1].text))
      return i - 1;
    if (t == kNote) return i;
  }
  return lines.size();
}

// A page saved from a legal website by a crawler starts with the page's
// title - the document's type and number, often its subject, closed by a
// full stop - on the issuer's line or on a line of its own, and repeats it
// before every chapter or article where the page was cut: "Nghị định
// 247/2025/NĐ-CP sửa đổi Nghị định 171/2016/NĐ-CP. Điều 2. Bãi bỏ ...".
// The title is the site's, not the document's: the lines go on after it
// (the title's text stays in the document, outside every line). A cut
// inside an article repeats the article's heading line after the title:
// a line that repeats one already seen after the title is the site's too.
void strip_page_titles(std::vector<Line>& lines) {
  if (lines.empty()) return;
  const std::string_view first = lines[0].text;
  // "<Type> <number>": a type name in sentence case, then a token holding
  // a digit and '/' or '-'.
  size_t after_type = std::string_view::npos;
  for (const TypeName& t : type_names())
    if (first.size() > t.name.size() + 1 &&
        first.substr(0, t.name.size()) == t.name &&
        first[t.name.size()] == ' ') {
      after_type = t.name.size() + 1;
      break;
    }
  if (after_type == std::string_view::npos) return;
  // "Luật số 56/2024/QH15.": the word "số" before the number.
  constexpr std::string_view kSo = "số ";
  if (first.substr(after_type, kSo.size()) == kSo) after_type += kSo.size();
  const size_t token_end = std::min(first.find(' ', after_type), first.size());
  const std::string_view token =
      first.substr(after_type, token_end - after_type);
  // "Luật cư trú 2020.": a site names an act by its subject and year, the
  // year closing the title; such a title must come back on a later line.
  const bool by_year =
      token.find_first_of("0123456789") == std::string_view::npos ||
      token.find_first_of("/-") == std::string_view::npos;
  // The title ends at the first full stop that ends the line or comes
  // before the issuer in capitals; the first line with it alone must come
  // before the header, whose next line opens in capitals.
  constexpr size_t kMaxTitle = 600;
  size_t stop = std::string_view::npos;
  for (size_t dot = first.find('.', after_type);
       dot != std::string_view::npos && dot <= kMaxTitle;
       dot = first.find('.', dot + 1)) {
    size_t next = dot + 1;
    while (next < first.size() && first[next] == ' ') ++next;
    if (next == first.size()) {
      if (lines.size() > 1 && capitals_word_at(lines[1].text, 0)) stop = dot;
      break;
    }
    if (next > dot + 1 && capitals_word_at(first, next)) {
      stop = dot;
      break;
    }
  }
  // "Nghị định 08/2023/NĐ-CP" alone on the first line, the issuer in
  // capitals on the next: the site's repeats carry the full stop
  // ("Nghị định 08/2023/NĐ-CP. Điều 1. ...").
  std::string title;
  if (stop != std::string_view::npos)
    title = first.substr(0, stop + 1);  // with its full stop
  else if (!by_year && trim_view(first).size() == token_end &&
           lines.size() > 1 && capitals_word_at(lines[1].text, 0))
    title = std::string(first.substr(0, token_end)) + '.';
  else
    return;
  if (by_year) {
    // " 2020." ends a short title with no other full stop in it.
    const bool year =
        stop >= after_type + 5 && stop <= 120 && first[stop - 5] == ' ' &&
        (first.substr(stop - 4, 2) == "19" ||
         first.substr(stop - 4, 2) == "20") &&
        std::isdigit(static_cast<unsigned char>(first[stop - 2])) &&
        std::isdigit(static_cast<unsigned char>(first[stop - 1])) &&
        first.substr(after_type, stop - after_type).find('.') ==
            std::string_view::npos;
    if (!year) return;
    bool again = false;
    for (size_t k = 1; k < lines.size() && !again; ++k)
      again = lines[k].text.substr(0, title.size()) == title;
    if (!again) return;
  }
  std::vector<Line> kept;
  kept.reserve(lines.size());
  std::vector<std::string_view> seen;
  // Inside an attachment the site repeats the attachment's short name too:
  // "Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG
  // HOẠT ĐỘNG", after the attachment's own title line "... CHƯƠNG TRÌNH
  // HÀNH ĐỘNG. TRIỂN KHAI ...". A name in capitals closed by ". " that
  // already opened a line after the title is the site's as well.
  std::vector<std::string_view> names;
  for (Line& line : lines) {
    if (line.text.substr(0, title.size()) == title) {
      size_t skip = title.size();
      while (skip < line.text.size() && line.text[skip] == ' ') ++skip;
      line.text.remove_prefix(skip);
      line.span.begin += static_cast<uint32_t>(skip);
      if (const size_t dot = line.text.find(". ");
          dot != std::string_view::npos && dot > 0 && dot <= 120) {
        const std::string_view name = line.text.substr(0, dot);
        // Not a unit's own number ("MỤC 1", "CHƯƠNG II"), which repeats
        // from one chapter to the next.
        const size_t last = name.rfind(' ');
        const bool numbered =
            name.find_first_of("0123456789") != std::string_view::npos ||
            (last != std::string_view::npos &&
             name.find_first_not_of("IVXLC", last + 1) ==
                 std::string_view::npos);
        if (!numbered && last != std::string_view::npos &&
            is_upper_line(name) && has_letters(name)) {
          if (std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(name);
          } else {
            size_t after = dot + 1;
            while (after < line.text.size() && line.text[after] == ' ') ++after;
            line.text.remove_prefix(after);
            line.span.begin += static_cast<uint32_t>(after);
          }
        }
      }
      if (line.text.empty() ||
          std::find(seen.begin(), seen.end(), line.text) != seen.end())
        continue;
      seen.push_back(line.text);
    }
    kept.push_back(line);
  }
  lines.swap(kept);
}

// A legal website's editorial note in square brackets may close a line on
// which the next chapter or article then starts: "... tại Điều này. [Nội
// dung này được hướng dẫn bởi ...] Chương 3:". The unit starts a line.
void split_after_notes(std::vector<Line>& lines) {
  static constexpr std::string_view kUnits[] = {
      "Chương ", "CHƯƠNG ", "Mục ", "MỤC ", "Phần ", "PHẦN ", "Điều ", "ĐIỀU "};
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    if (!(lines[k].marks & kMarkBracket) ||
        t.find('[') == std::string_view::npos)
      continue;
    size_t cut = std::string_view::npos;
    for (size_t close = t.find("] "); close != std::string_view::npos;
         close = t.find("] ", close + 2)) {
      const std::string_view rest = t.substr(close + 2);
      for (std::string_view u : kUnits)
        if (rest.substr(0, u.size()) == u && rest.size() > u.size() &&
            (std::isdigit(static_cast<unsigned char>(rest[u.size()])) ||
             rest[u.size()] == 'I' || rest[u.size()] == 'V' ||
             rest[u.size()] == 'X')) {
          cut = close + 2;
          break;
        }
      if (cut != std::string_view::npos) break;
    }
    if (cut == std::string_view::npos) continue;
    split_line(lines, k, cut - 1, cut);
  }
}

// A letter's header flattened onto one line can run on into its addressee
// and first paragraph: "Số: 3397/BKHĐT-QLKTTW V/v ... Hà Nội, ngày 23 tháng
// 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam-CTCP (PV GAS) Phúc đáp Công
// văn số 615/KVN-PC ...". The line is cut before "Kính gửi" when a year
// ends the words before it, and the addressee's line before the words that
// open a letter's first paragraph ("Phúc đáp", "Trả lời", "Thực hiện" ...).
void split_letter_addressee(std::vector<Line>& lines) {
  const size_t stop = std::min<size_t>(lines.size(), 15);
  for (size_t k = 0; k < stop; ++k) {
    const std::string_view t = lines[k].text;
    const size_t at = find_after_blank(t, "Kính gửi");
    if (at == std::string_view::npos || at < 4) continue;
    bool year = true;
    for (size_t q = at - 4; q < at; ++q)
      year = year && std::isdigit(static_cast<unsigned char>(t[q]));
    if (!year) continue;
    split_line(lines, k, at, at + 1);
    const std::string_view addressed = lines[k + 1].text;
    static constexpr std::string_view kOpeners[] = {
        " Phúc đáp ",     " Trả lời ",     " Thực hiện ", " Căn cứ ",
        " Theo đề nghị ", " Xét đề nghị ", " Tiếp nhận "};
    size_t cut = std::string_view::npos;
    for (std::string_view o : kOpeners) cut = std::min(cut, addressed.find(o));
    if (cut != std::string_view::npos) split_line(lines, k + 1, cut, cut + 1);
    break;
  }
}

// The number of a clause marker "N. " with a capital after it at `p` of
// `t` ("4. Cải tạo ..."), or 0.
int clause_number_at(std::string_view t, size_t p) {
  int n = 0;
  size_t q = p;
  while (q < t.size() && q < p + 2 &&
         std::isdigit(static_cast<unsigned char>(t[q])))
    n = n * 10 + (t[q++] - '0');
  if (q == p || q + 2 >= t.size() || t[q] != '.' || t[q + 1] != ' ') return 0;
  char32_t cp;
  const size_t len = internal::decode_utf8(t, q + 2, cp);
  return len > 0 && u_isupper(static_cast<UChar32>(cp)) ? n : 0;
}

// A copy can run the next clause on at the end of the previous one: "3. Xây
// dựng cơ sở hạ tầng ...; 4. Cải tạo các khu nhà ở cấp IV ...". A line that
// opens with clause N is cut before "N+1. " when that follows its "; " and
// starts with a capital: one line for each clause.
void split_glued_clauses(std::vector<Line>& lines) {
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    if (t.empty() || !std::isdigit(static_cast<unsigned char>(t[0]))) continue;
    const int n = clause_number_at(t, 0);
    if (n == 0) continue;
    for (size_t p = t.find("; "); p != std::string_view::npos;
         p = t.find("; ", p + 2))
      if (clause_number_at(t, p + 2) == n + 1) {
        split_line(lines, k, p + 1, p + 2);
        break;
      }
  }
}

// A point's letter at the start of a line ("b) ", "đ) "), or empty.
std::string_view point_letter_at(std::string_view t) {
  const size_t n = t.rfind("đ", 0) == 0 ? 2 : 1;
  if (t.size() < n + 2 || t.substr(n, 2) != ") ") return {};
  if (n == 1 && !(t[0] >= 'a' && t[0] <= 'y')) return {};
  return t.substr(0, n);
}

// A copy that lost a line break runs a point into the one before it, after
// its full stop: "a) Lễ tang phải ... người qua đời. b) Uỷ ban nhân dân cấp
// xã ...". The line is cut where the next letter opens, in the alphabet
// of points (a b c d đ e g h ...) or the Latin one (e f g).
void split_glued_points(std::vector<Line>& lines) {
  static constexpr std::string_view kOrder[] = {
      "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view t = lines[k].text;
    const std::string_view letter = point_letter_at(t);
    if (letter.empty()) continue;
    std::string next[2];
    const auto at = std::find(std::begin(kOrder), std::end(kOrder), letter);
    if (at != std::end(kOrder) && at + 1 != std::end(kOrder))
      next[0] = std::string(*(at + 1));
    if (letter.size() == 1 && letter[0] < 'y')
      next[1] = std::string(1, static_cast<char>(letter[0] + 1));
    for (size_t p = t.find(". "); p != std::string_view::npos;
         p = t.find(". ", p + 2)) {
      const std::string_view after = point_letter_at(t.substr(p + 2));
      if (!after.empty() && (after == next[0] || after == next[1])) {
        split_line(lines, k, p + 1, p + 2);
        break;
      }
    }
  }
}

// The second cell of a closing row, up to the row's closing bar: the
// titles in capitals ("CHỦ TỊCH"), or the titles and the signer's name
// ("THỦ TƯỚNG Nguyễn Xuân Phúc |"); empty when it holds prose.
std::string_view signature_cell(std::string_view cell) {
  cell = trim_view(cell);
  if (!cell.empty() && cell.back() == '|')
    cell = trim_view(cell.substr(0, cell.size() - 1));
  if (is_upper_line(cell)) return cell;
  const size_t up = upper_prefix_length(cell);
  const std::string_view rest = trim_view(cell.substr(up));
  // A name: a few capitalised words ("Nguyễn Xuân Phúc").
  int words = 0;
  for (size_t i = 0; i < rest.size();) {
    size_t e = rest.find(' ', i);
    if (e == std::string_view::npos) e = rest.size();
    const unsigned char c = static_cast<unsigned char>(rest[i]);
    if (!(c >= 0x80 || (c >= 'A' && c <= 'Z'))) return {};
    ++words;
    i = e + 1;
  }
  return up > 0 && words >= 2 && words <= 5 ? cell : std::string_view{};
}

// A flattened two-column closing puts the recipients and the signature on
// one line: "- Lưu: VT. | TM. ỦY BAN NHÂN DÂN", "Nơi nhận: - Như trên; -
// Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn An". Such a line is cut
// before the authority ("TM.", "KT.", "TL.", "TUQ.", "Q." and a capital)
// when a table cell ends there or the recipients' "Lưu" or "Nơi nhận"
// comes before it; a table's "| " before "Nơi nhận" is dropped.
void split_recipients_signature(std::vector<Line>& lines) {
  for (size_t k = 0; k < lines.size(); ++k) {
    // "| Nơi nhận:" opens the table's first cell: the recipients start.
    for (std::string_view r : {"| Nơi nhận", "| NƠI NHẬN"})
      if (lines[k].text.rfind(r, 0) == 0) {
        lines[k].text.remove_prefix(2);
        lines[k].span.begin += 2;
      }
    const std::string_view t = lines[k].text;
    // The authority's full stop: "TM." inside the line, after a space.
    size_t cut = std::string_view::npos;
    for (size_t dot = t.find('.', 3); dot != std::string_view::npos;
         dot = t.find('.', dot + 1)) {
      if (dot + 2 >= t.size() || t[dot + 1] != ' ') continue;
      // The authority words end in 'M', 'T', 'L' or 'Q': most full stops
      // end a sentence and are passed over here.
      const char w_end = t[dot - 1];
      if (w_end != 'M' && w_end != 'T' && w_end != 'L' && w_end != 'Q')
        continue;
      const size_t sp = t.rfind(' ', dot - 1);
      if (sp == std::string_view::npos || sp == 0) continue;
      const std::string_view word = t.substr(sp + 1, dot - sp - 1);
      if (word != "TM" && word != "KT" && word != "TL" && word != "TUQ" &&
          word != "Q")
        continue;
      const unsigned char next = static_cast<unsigned char>(t[dot + 2]);
      if (!(next >= 0x80 || std::isupper(next))) continue;
      const std::string_view before = t.substr(0, sp);
      const bool cell = before.size() >= 2 && before.back() == '|';
      if (cell || before.find("Lưu") != std::string_view::npos ||
          before.find("Nơi nhận") != std::string_view::npos ||
          before.find("NƠI NHẬN") != std::string_view::npos) {
        cut = sp + 1;
        break;
      }
    }
    // A signature without an authority in the table's second cell: "- Lưu:
    // VT. | CHỦ TỊCH" (a council's resolution signed by its chair). A row
    // that goes on in more cells ("Nơi nhận: | CHỦ TỊCH |") is left whole.
    // (A byte scan first: most lines hold no bar.)
    if (cut == std::string_view::npos && (lines[k].marks & kMarkBar) &&
        t.find('|') != std::string_view::npos) {
      const size_t bar = t.rfind(" | ");
      if (bar != std::string_view::npos && bar > 0) {
        const std::string_view before = t.substr(0, bar);
        const std::string_view after = signature_cell(t.substr(bar + 3));
        static constexpr std::string_view kTitles[] = {
            "CHỦ TỊCH",  "PHÓ CHỦ TỊCH", "BỘ TRƯỞNG", "THỨ TRƯỞNG",
            "THỦ TƯỚNG", "GIÁM ĐỐC",     "CHÁNH ÁN",  "VIỆN TRƯỞNG"};
        const bool title = after.find('|') == std::string_view::npos &&
                           std::any_of(std::begin(kTitles), std::end(kTitles),
                                       [&](std::string_view w) {
                                         return after.rfind(w, 0) == 0;
                                       });
        if (title && (before.find("Lưu") != std::string_view::npos ||
                      before.find("Nơi nhận") != std::string_view::npos ||
                      before.find("NƠI NHẬN") != std::string_view::npos))
          cut = bar + 3;
      }
    }
    if (cut == std::string_view::npos) continue;
    size_t head_end = cut - 1;  // drop the space and a cell's "|"
    while (head_end > 0 && (t[head_end - 1] == ' ' || t[head_end - 1] == '|'))
      --head_end;
    split_line(lines, k, head_end, cut);
    ++k;
  }
}

}  // namespace

void segment(Document& doc) {
  internal::reset_to_root(doc);
  std::vector<Line> lines = split_lines(doc.text);
  strip_page_titles(lines);
  split_after_notes(lines);
  split_glued_clauses(lines);
  split_glued_points(lines);
  split_trailing_clause_numbers(lines);
  split_title_first_point(lines);
  split_signature_titles(lines);
  split_recipients_signature(lines);
  split_kem_theo_headings(lines);
  split_title_basis(lines);
  split_letter_addressee(lines);
  // About a node a line, and a few for the zones: the nodes are not moved
  // while the tree grows.
  doc.nodes.reserve(lines.size() + 16);
  if (lines.empty()) {
    doc.diagnostics.push_back(
        {"no-text", Severity::kWarning, "the document has no text", {}});
    return;
  }
  if (const size_t front = front_matter_end(lines)) {
    add_node(doc, 0, NodeKind::kEditorial, lines_span(lines, 0, front));
    lines.erase(lines.begin(), lines.begin() + static_cast<ptrdiff_t>(front));
  }
  Span back;  // the website's lines after the document, if any
  if (const size_t at = back_matter_begin(lines); at < lines.size()) {
    back = lines_span(lines, at, lines.size());
    lines.erase(lines.begin() + static_cast<ptrdiff_t>(at), lines.end());
  }
  Zones z = find_zones_and_metadata(doc, lines);
  if (z.header_end > 0)
    add_node(doc, 0, NodeKind::kHeader, lines_span(lines, 0, z.header_end));
  if (z.body_begin > z.header_end) {
    int32_t pre = add_node(doc, 0, NodeKind::kPreamble,
                           lines_span(lines, z.header_end, z.body_begin));
    NodeKind prev = NodeKind::kParagraph;
    for (size_t i = z.header_end; i < z.body_begin; ++i) {
      NodeKind k = preamble_kind(lines[i].text);
      if (k == NodeKind::kParagraph)
        k = prev == NodeKind::kBasis &&
                    lists_another_basis(lines[i - 1].text, lines[i].text)
                ? NodeKind::kBasis
                : NodeKind::kRecital;
      // "Căn cứ Luật A ...; Căn cứ Luật B ...;" flattened onto one line:
      // one basis each.
      const std::string_view t = lines[i].text;
      size_t from = 0;
      if (k == NodeKind::kBasis) {
        for (size_t cut = t.find("; Căn cứ "); cut != std::string_view::npos;
             cut = t.find("; Căn cứ ", cut + 2)) {
          const auto begin = lines[i].span.begin + static_cast<uint32_t>(from);
          add_node(
              doc, pre, k,
              {begin, lines[i].span.begin + static_cast<uint32_t>(cut + 1)});
          from = cut + 2;
        }
      }
      add_node(doc, pre, k,
               {lines[i].span.begin + static_cast<uint32_t>(from),
                lines[i].span.end});
      prev = k;
    }
  }
  // Where attachments start: they end the body (and the closing).
  const std::vector<size_t> starts = attachment_starts(lines, z.body_begin);
  {
    if (!starts.empty() && starts.front() < z.body_end) {
      z.body_end = starts.front();
      z.closing_end = std::max(z.closing_end, z.body_end);
      if (z.closing_end > z.body_end)
        z.closing_end = z.body_end;  // no closing inside
    }
  }
  if (z.body_end > z.body_begin)
    build_tree(doc, lines, z.body_begin, z.body_end, 0);
  if (z.closing_end > z.body_end) {
    int32_t closing = add_node(doc, 0, NodeKind::kClosing,
                               lines_span(lines, z.body_end, z.closing_end));
    auto opens_recipients = [&](size_t k) {
      return lines[k].text.rfind("Nơi nhận", 0) == 0 ||
             lines[k].text.rfind("NƠI NHẬN", 0) == 0;
    };
    // "Nơi nhận:" and its "- ..." lines; returns the line after them.
    auto add_recipients = [&](size_t from) {
      size_t k = from + 1;
      while (k < z.closing_end && (lines[k].text.rfind("-", 0) == 0 ||
                                   lines[k].text.rfind("+", 0) == 0))
        ++k;
      add_node(doc, closing, NodeKind::kRecipients, lines_span(lines, from, k));
      return k;
    };
    size_t i = z.body_end;
    if (opens_recipients(i)) i = add_recipients(i);
    // A signature printed above the recipients ("... PHÓ CHỦ TỊCH" /
    // "Nguyễn Văn An" / "Nơi nhận:" / "- ..."): it ends where they start.
    size_t sig_end = z.closing_end;
    for (size_t k = i + 1; k < z.closing_end; ++k)
      if (opens_recipients(k)) {
        sig_end = k;
        break;
      }
    if (i < sig_end) {
      // Joint documents print their signatures side by side; flattened,
      // "KT. BỘ TRƯỞNG ... Nguyễn Cẩm Tú KT. BỘ TRƯỞNG ... Đỗ Hoàng Anh Tuấn"
      // holds two: a new authority prefix after a name starts the next.
      const Span all = lines_span(lines, i, sig_end);
      std::string_view t(doc.text.data() + all.begin, all.size());
      uint32_t begin = all.begin;
      for (size_t p = 1; p + 4 <= t.size(); ++p) {
        if (t[p - 1] != ' ' && t[p - 1] != '\n') continue;
        const std::string_view w = t.substr(p, 4);
        if (w != "KT. " && w != "TM. " && w != "TL. ") continue;
        // The word before must end a name ("Tú"), not a title ("PHỦ").
        size_t q = p - 1;
        while (q > 0 && (t[q - 1] == ' ' || t[q - 1] == '\n')) --q;
        size_t w0 = q;
        while (w0 > 0 && t[w0 - 1] != ' ' && t[w0 - 1] != '\n') --w0;
        // A note in brackets is read past to the word before it on its line
        // ("Nguyễn Văn An (Đã ký)"); a note alone on its line is the seal's
        // or signature's description ("> (Có mộc đỏ và chữ ký tay)"), no
        // name.
        if (q > 0 && t[q - 1] == ')') {
          const size_t open = t.rfind('(', q - 1);
          const size_t line = t.rfind('\n', q - 1);
          if (open == std::string_view::npos ||
              (line != std::string_view::npos && open < line))
            continue;
          q = open;
          while (q > 0 && t[q - 1] == ' ') --q;
          w0 = q;
          while (w0 > 0 && t[w0 - 1] != ' ' && t[w0 - 1] != '\n') --w0;
        }
        const std::string_view word = t.substr(w0, q - w0);
        if (word.empty() || is_upper_line(word) || !has_letters(word)) continue;
        size_t e = q;
        add_node(doc, closing, NodeKind::kSignature,
                 {begin, static_cast<uint32_t>(all.begin + e)});
        begin = static_cast<uint32_t>(all.begin + p);
      }
      add_node(doc, closing, NodeKind::kSignature, {begin, all.end});
    }
    if (sig_end < z.closing_end) add_recipients(sig_end);
  }
  // Attachments: after the closing, and wherever a title line is followed
  // by "(Ban hành) kèm theo ..." (web copies often drop the signature).
  size_t region = z.closing_end;
  std::vector<size_t> cuts;
  // Nothing after the signature but a page number ("3" on the last line of
  // a copy): no attachment.
  const auto page_numbers_only = [&](size_t from) {
    for (size_t k = from; k < lines.size(); ++k) {
      std::string_view t = trim_view(lines[k].text);
      if (t.size() > 1 && t.back() == '.') t.remove_suffix(1);
      if (t.empty() || t.size() > 3 ||
          t.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    }
    return true;
  };
  if (region < lines.size() && (starts.empty() || starts.front() > region) &&
      !page_numbers_only(region))
    cuts.push_back(region);
  for (size_t k : starts)
    if (k >= region) cuts.push_back(k);
  if (!cuts.empty()) {
    // Numbered annexes printed one after another without captions.
    for (size_t k = cuts.front() + 1; k < lines.size(); ++k)
      if (numbered_annex_title(lines[k].text)) cuts.push_back(k);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  }
  for (size_t c = 0; c < cuts.size(); ++c) {
    const size_t i = cuts[c];
    const size_t next = c + 1 < cuts.size() ? cuts[c + 1] : lines.size();
    const bool titled = is_attachment_title(lines[i].text) ||
                        (lost_capitals_title(lines[i].text.substr(
                             0, std::min(lines[i].text.size(),
                                         inline_kem_theo(lines[i].text)))) &&
                         attachment_word(lines[i].text));
    std::string_view title = lines[i].text;
    if (size_t kem = inline_kem_theo(title); kem != std::string_view::npos)
      title = title.substr(0, kem - 1);
    int32_t att =
        add_node(doc, 0, NodeKind::kAttachment, lines_span(lines, i, next), {},
                 titled ? title.substr(0, 300) : std::string_view());
    if (titled && doc.nodes[att].heading.size() == 300) {
      // Cut at a character boundary.
      std::string& h = doc.nodes[att].heading;
      size_t cut = h.size();
      while (cut > 0 && (static_cast<unsigned char>(h[cut - 1]) & 0xC0) == 0x80)
        --cut;
      if (cut > 0 && static_cast<unsigned char>(h[cut - 1]) >= 0xC0) --cut;
      h.resize(cut);
    }
    build_tree(doc, lines, titled ? i + 1 : i, next, att);
  }
  if (!back.empty()) add_node(doc, 0, NodeKind::kEditorial, back);
  close_spans(doc);
  internal::assign_node_ids(doc);
}

}  // namespace vnlegal
