// One self-contained HTML page for reading a parsed document: metadata, the
// outline as navigation, the text with references linked (to the cited
// unit inside the document, or marked external) and quantities
// highlighted with their parsed values, a table of targets, diagnostics.
// No scripts, no external resources.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "export/ids.h"
#include "vnlegal/export.h"

namespace vnlegal {
namespace {

using export_detail::xml_safe;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string esc(std::string_view raw) {
  std::string s = xml_safe(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// Vietnamese names of the units, as a reader of the document calls them.
const char* unit_label(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPart:
      return "Phần";
    case NodeKind::kChapter:
      return "Chương";
    case NodeKind::kSection:
      return "Mục";
    case NodeKind::kSubsection:
      return "Tiểu mục";
    case NodeKind::kArticle:
      return "Điều";
    case NodeKind::kClause:
      return "Khoản";
    case NodeKind::kPoint:
      return "Điểm";
    case NodeKind::kHeader:
      return "Phần đầu";
    case NodeKind::kPreamble:
      return "Căn cứ ban hành";
    case NodeKind::kClosing:
      return "Phần cuối";
    case NodeKind::kAttachment:
      return "Phụ lục";
    default:
      return "";
  }
}

bool in_outline(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPart:
    case NodeKind::kChapter:
    case NodeKind::kSection:
    case NodeKind::kSubsection:
    case NodeKind::kArticle:
    case NodeKind::kDivision:
    case NodeKind::kItem:
    case NodeKind::kSubitem:
    case NodeKind::kHeader:
    case NodeKind::kPreamble:
    case NodeKind::kClosing:
    case NodeKind::kAttachment:
      return true;
    default:
      return false;
  }
}

std::string quantity_label(const Quantity& q) {
  std::string s;
  if (q.comparator != Comparator::kNone)
    s += std::string(to_string(q.comparator)) + " ";
  s += format_number(q.value);
  if (q.value_max) s += "–" + format_number(*q.value_max);
  if (!q.unit.empty()) s += " " + q.unit;
  return s;
}

constexpr const char* kStyle = R"css(
body{font:16px/1.5 "Noto Serif","DejaVu Serif",serif;margin:0;color:#1a1a1a;background:#fafaf7}
#outline{position:fixed;top:0;left:0;bottom:0;width:19rem;overflow:auto;padding:1rem;
 background:#f0efe9;border-right:1px solid #ccc;font:14px/1.4 "Noto Sans","DejaVu Sans",sans-serif}
#outline ul{list-style:none;padding-left:.9rem;margin:0}
#outline>ul{padding-left:0}
#outline a{color:#234;text-decoration:none}
#outline a:hover{text-decoration:underline}
main{margin-left:21rem;padding:1rem 2rem;max-width:52rem}
h1{font-size:1.4rem;margin:.3rem 0}
.metadata{border:1px solid #ccc;background:#fff;padding:.5rem 1rem;margin-bottom:1rem}
.metadata dt{font-weight:bold;float:left;clear:left;width:8rem}
.metadata dd{margin-left:8.5rem}
section.node{margin:.2rem 0 .2rem 1rem;padding-left:.5rem;border-left:2px solid transparent}
section.node:target{border-left-color:#d60;background:#fff4e0}
section.k-part>p:first-child,section.k-chapter>p:first-child,section.k-section>p:first-child{font-weight:bold;text-align:center}
section.k-article>p:first-child{font-weight:bold}
p{margin:.25rem 0}
a.ref.internal{color:#0645ad}
cite.ref.external{font-style:normal;border-bottom:1px dashed #0a7;color:#064}
cite.ref.external::after{content:"\2197";font-size:.75em;color:#0a7}
mark.quantity{background:#e8f0ff;border-radius:3px;padding:0 2px}
mark.quantity.target{background:#ffe680}
mark.quantity::after{content:" [" attr(data-label) "]";font:12px "Noto Sans","DejaVu Sans",sans-serif;color:#555}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #bbb;padding:.2rem .5rem;vertical-align:top;font-size:14px}
.diagnostics li.error{color:#b00}
)css";

class HtmlWriter {
 public:
  explicit HtmlWriter(const Document& doc)
      : doc_(doc), ids_(export_detail::node_ids(doc)) {}
  std::string write();

 private:
  struct Inline {
    size_t begin, end;
    bool is_ref;
    size_t index;
  };
  std::string_view text() const { return doc_.text; }
  std::string anchor(int32_t node) const {
    return node > 0 && static_cast<size_t>(node) < ids_.size() ? ids_[node]
                                                               : "";
  }
  void collect();
  void inline_text(size_t begin, size_t end);
  void lines(size_t begin, size_t end);
  void node(int32_t index);
  void outline(int32_t index);
  std::string outline_label(int32_t index) const;

  const Document& doc_;
  std::vector<std::string> ids_;
  std::vector<Inline> inlines_;
  std::string out_;
};

void HtmlWriter::collect() {
  for (size_t i = 0; i < doc_.references.size(); ++i) {
    Span s = doc_.references[i].span;
    if (s.begin < s.end && s.end <= doc_.text.size())
      inlines_.push_back({s.begin, s.end, true, i});
  }
  for (size_t i = 0; i < doc_.quantities.size(); ++i) {
    Span s = doc_.quantities[i].span;
    if (s.begin < s.end && s.end <= doc_.text.size())
      inlines_.push_back({s.begin, s.end, false, i});
  }
  std::stable_sort(inlines_.begin(), inlines_.end(),
                   [](const Inline& a, const Inline& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.end > b.end;
                   });
  std::vector<Inline> kept;
  for (const Inline& x : inlines_)
    if (kept.empty() || x.begin >= kept.back().end) kept.push_back(x);
  inlines_ = std::move(kept);
}

void HtmlWriter::inline_text(size_t begin, size_t end) {
  auto it =
      std::lower_bound(inlines_.begin(), inlines_.end(), begin,
                       [](const Inline& x, size_t b) { return x.begin < b; });
  size_t pos = begin;
  for (; it != inlines_.end() && it->begin < end; ++it) {
    if (it->end > end) continue;
    out_ += esc(text().substr(pos, it->begin - pos));
    std::string inner = esc(text().substr(it->begin, it->end - it->begin));
    if (it->is_ref) {
      const Reference& r = doc_.references[it->index];
      std::string target = anchor(r.target_node);
      std::string data = std::string(" data-kind=\"") + to_string(r.kind) +
                         "\" data-role=\"" + to_string(r.role) + "\"";
      if (!target.empty()) {
        out_ += "<a class=\"ref internal\"" + data + " href=\"#" + esc(target) +
                "\">" + inner + "</a>";
      } else {
        std::string uri = export_detail::cited_uri(r);
        std::string title = r.number.empty() ? r.name : r.number;
        if (r.kind == ReferenceKind::kSelf) title = "this document";
        out_ += "<cite class=\"ref external\"" + data;
        if (!uri.empty()) out_ += " data-uri=\"" + esc(uri) + "\"";
        out_ += " title=\"" +
                esc(title.empty() ? std::string(to_string(r.kind)) : title) +
                "\">" + inner + "</cite>";
      }
    } else {
      const Quantity& q = doc_.quantities[it->index];
      out_ += "<mark class=\"quantity " + std::string(to_string(q.kind)) +
              "\" id=\"q" + std::to_string(it->index + 1) + "\" data-value=\"" +
              format_number(q.value) + "\" data-unit=\"" + esc(q.unit) +
              "\" data-label=\"" + esc(quantity_label(q)) + "\" title=\"" +
              esc(q.indicator) + "\">" + inner + "</mark>";
    }
    pos = it->end;
  }
  out_ += esc(text().substr(pos, end - pos));
}

// One <p> per line; a reference or quantity spanning a line break keeps
// its lines together.
void HtmlWriter::lines(size_t begin, size_t end) {
  end = std::min(end, doc_.text.size());
  size_t pos = begin;
  while (pos < end) {
    size_t line_end = text().find('\n', pos);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    for (bool grew = true; grew;) {
      grew = false;
      auto it = std::lower_bound(
          inlines_.begin(), inlines_.end(), pos,
          [](const Inline& x, size_t b) { return x.begin < b; });
      for (; it != inlines_.end() && it->begin < line_end; ++it)
        if (it->end > line_end && it->end <= end) {
          size_t next = text().find('\n', it->end);
          line_end = next == std::string_view::npos || next > end ? end : next;
          grew = true;
        }
    }
    size_t b = pos, e = line_end;
    while (b < e && is_space(text()[b])) ++b;
    while (e > b && is_space(text()[e - 1])) --e;
    if (b < e) {
      out_ += "<p>";
      inline_text(b, e);
      out_ += "</p>\n";
    }
    pos = line_end + 1;
  }
}

void HtmlWriter::node(int32_t index) {
  const Node& n = doc_.nodes[index];
  const bool root = index == 0;
  if (!root) {
    out_ += "<section class=\"node k-" + std::string(to_string(n.kind)) +
            "\" id=\"" + esc(ids_[index]) + "\">\n";
  }
  size_t pos = n.span.begin;
  for (int32_t c : n.children) {
    if (c <= index || static_cast<size_t>(c) >= doc_.nodes.size()) continue;
    const Node& child = doc_.nodes[c];
    if (child.span.begin > pos) lines(pos, child.span.begin);
    node(c);
    pos = std::max<size_t>(pos, child.span.end);
  }
  if (n.span.end > pos) lines(pos, n.span.end);
  if (!root) out_ += "</section>\n";
}

std::string HtmlWriter::outline_label(int32_t index) const {
  const Node& n = doc_.nodes[index];
  auto cut = [](std::string s, size_t max) {
    if (s.size() <= max) return s;
    s.resize(max);
    // Do not cut a UTF-8 sequence.
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
      s.pop_back();
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0)
      s.pop_back();
    return s + "…";
  };
  std::string label = unit_label(n.kind);
  const bool furniture = n.kind == NodeKind::kHeader ||
                         n.kind == NodeKind::kPreamble ||
                         n.kind == NodeKind::kClosing;
  if (n.heading.empty() && !furniture) {
    // Units without a title are named by their first line, which starts
    // with the marker as printed ("1. Tiếp tục ...").
    size_t b = std::min<size_t>(n.span.begin, doc_.text.size());
    size_t e = std::min<size_t>(n.span.end, doc_.text.size());
    while (b < e && is_space(text()[b])) ++b;
    size_t nl = text().substr(0, e).find('\n', b);
    std::string first(
        text().substr(b, (nl == std::string_view::npos ? e : nl) - b));
    if (!first.empty()) return cut(first, 100);
  }
  if (!n.num.empty()) label += (label.empty() ? "" : " ") + n.num + ".";
  if (!n.heading.empty())
    label += (label.empty() ? "" : " ") + cut(n.heading, 120);
  if (label.empty()) label = to_string(n.kind);
  return label;
}

void HtmlWriter::outline(int32_t index) {
  std::string items;
  for (int32_t c : doc_.nodes[index].children) {
    if (c <= index || static_cast<size_t>(c) >= doc_.nodes.size()) continue;
    if (!in_outline(doc_.nodes[c].kind)) continue;
    std::string saved;
    saved.swap(out_);
    outline(c);
    std::string sub;
    sub.swap(out_);
    out_.swap(saved);
    items += "<li><a href=\"#" + esc(ids_[c]) + "\">" + esc(outline_label(c)) +
             "</a>" + sub + "</li>\n";
  }
  if (!items.empty()) out_ += "<ul>\n" + items + "</ul>\n";
}

std::string HtmlWriter::write() {
  collect();
  const Metadata& m = doc_.metadata;
  std::string title = m.number ? *m.number : "";
  if (m.title) title += (title.empty() ? "" : " — ") + *m.title;
  if (title.empty())
    title = doc_.source.path.empty() ? "vnlegal" : doc_.source.path;

  out_ +=
      "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
  out_ += "<meta name=\"generator\" content=\"vnlegal\">\n";
  out_ += "<title>" + esc(title) + "</title>\n<style>" + kStyle + "</style>\n";
  out_ += "</head>\n<body>\n<nav id=\"outline\" aria-label=\"outline\">\n";
  out_ += "<strong>Mục lục</strong>\n";
  size_t before = out_.size();
  if (!doc_.nodes.empty()) outline(0);
  if (out_.size() == before)
    out_ +=
        "<ul>\n<li><a href=\"#text\">Văn bản (no structure "
        "found)</a></li>\n</ul>\n";
  out_ += "<ul class=\"extra\">\n";
  if (!doc_.quantities.empty())
    out_ += "<li><a href=\"#quantities\">Chỉ tiêu / số liệu</a></li>\n";
  if (!doc_.diagnostics.empty())
    out_ += "<li><a href=\"#diagnostics\">Diagnostics</a></li>\n";
  out_ += "</ul>\n</nav>\n<main>\n";

  out_ += "<header class=\"metadata\">\n<h1>" + esc(title) + "</h1>\n<dl>\n";
  auto field = [&](const char* name, const std::optional<std::string>& v) {
    if (v && !v->empty())
      out_ += "<dt>" + std::string(name) + "</dt><dd>" + esc(*v) + "</dd>\n";
  };
  field("Số", m.number);
  field("Loại", m.type);
  field("Cơ quan", m.issuer);
  field("Nơi ban hành", m.place);
  field("Ngày", m.date);
  field("Khóa", m.term);
  field("Kỳ họp", m.session);
  if (m.signer) {
    std::string s;
    for (const auto* v :
         {&m.signer->authority, &m.signer->title, &m.signer->name})
      if (*v && !(*v)->empty()) s += (s.empty() ? "" : ", ") + **v;
    field("Người ký", s);
  }
  out_ += "<dt>URI</dt><dd><code>" + esc(export_detail::work_uri(doc_)) +
          "</code></dd>\n</dl>\n</header>\n";

  out_ += "<article class=\"document\" id=\"text\">\n";
  if (!doc_.nodes.empty()) node(0);
  out_ += "</article>\n";

  if (!doc_.quantities.empty()) {
    out_ +=
        "<section id=\"quantities\">\n<h2>Chỉ tiêu / số liệu</h2>\n<table>\n"
        "<tr><th>Loại</th><th>Giá trị</th><th>Chỉ số</th><th>Thời hạn</th>"
        "<th>Văn bản</th><th>Vị trí</th></tr>\n";
    for (size_t i = 0; i < doc_.quantities.size(); ++i) {
      const Quantity& q = doc_.quantities[i];
      std::string where = anchor(q.node);
      out_ += "<tr class=\"" + std::string(to_string(q.kind)) + "\"><td>" +
              to_string(q.kind) + "</td><td><a href=\"#q" +
              std::to_string(i + 1) + "\">" + esc(quantity_label(q)) +
              "</a></td><td>" + esc(q.indicator) + "</td><td>" +
              esc(q.deadline) + "</td><td>" + esc(q.text) + "</td><td>" +
              (where.empty() ? ""
                             : "<a href=\"#" + esc(where) + "\">" +
                                   esc(outline_label(q.node)) + "</a>") +
              "</td></tr>\n";
    }
    out_ += "</table>\n</section>\n";
  }
  if (!doc_.diagnostics.empty()) {
    out_ +=
        "<section id=\"diagnostics\" "
        "class=\"diagnostics\">\n<h2>Diagnostics</h2>\n<ul>\n";
    for (const Diagnostic& d : doc_.diagnostics)
      out_ += "<li class=\"" + std::string(to_string(d.severity)) +
              "\"><code>" + esc(d.code) + "</code> " + esc(d.message) +
              "</li>\n";
    out_ += "</ul>\n</section>\n";
  }
  out_ += "</main>\n</body>\n</html>\n";
  return std::move(out_);
}

}  // namespace

std::string to_html(const Document& doc) { return HtmlWriter(doc).write(); }

}  // namespace vnlegal
