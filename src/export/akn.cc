// Akoma Ntoso 3.0 (OASIS LegalDocML): the model as an <act> with FRBR
// metadata, the document's furniture in preface / preamble / conclusions,
// the structural tree in <body>, attachments as <doc> components.
// References become <ref href>, quantities <quantity>, metadata found in
// the text <docNumber>, <docDate>, <docType>, <docTitle>, the signature
// block <signature> with <person> and <role>.
#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <pugixml.hpp>
#include <sstream>

#include "export/ids.h"
#include "vnlegal/export.h"

namespace vnlegal {
namespace {

using export_detail::find_loose;
using export_detail::xml_safe;

constexpr const char* kNamespace =
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool is_hier(NodeKind kind) {
  switch (kind) {
    case NodeKind::kDocument:
    case NodeKind::kPart:
    case NodeKind::kChapter:
    case NodeKind::kSection:
    case NodeKind::kSubsection:
    case NodeKind::kArticle:
    case NodeKind::kClause:
    case NodeKind::kPoint:
    case NodeKind::kIndent:
    case NodeKind::kDivision:
    case NodeKind::kItem:
    case NodeKind::kSubitem:
      return true;
    default:
      return false;
  }
}

// Khoản is the paragraph of the Akoma Ntoso vocabulary (numbered unit of an
// article); plan-style units have no counterpart and become named
// <hcontainer>s.
const char* hier_element(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPart:
      return "part";
    case NodeKind::kChapter:
      return "chapter";
    case NodeKind::kSection:
      return "section";
    case NodeKind::kSubsection:
      return "subsection";
    case NodeKind::kArticle:
      return "article";
    case NodeKind::kClause:
      return "paragraph";
    case NodeKind::kPoint:
      return "point";
    case NodeKind::kIndent:
      return "indent";
    default:
      return "hcontainer";
  }
}

// Elements whose content is text: white space added inside them would
// change the text, so only the others are indented.
bool is_mixed(std::string_view name) {
  static const char* kMixed[] = {
      "p",          "mref",         "num",      "heading",      "crossHeading",
      "subheading", "signature",    "ref",      "quantity",     "docNumber",
      "docDate",    "docType",      "docTitle", "docAuthority", "person",
      "role",       "organization", "eol",      "span"};
  for (const char* m : kMixed)
    if (name == m) return true;
  return false;
}

void indent(pugi::xml_node node, int depth) {
  if (is_mixed(node.name()) || !node.first_child()) return;
  std::vector<pugi::xml_node> children;
  for (pugi::xml_node c : node.children()) children.push_back(c);
  const std::string inner = "\n" + std::string((depth + 1) * 2, ' ');
  for (pugi::xml_node c : children) {
    node.insert_child_before(pugi::node_pcdata, c).set_value(inner.c_str());
    indent(c, depth + 1);
  }
  node.append_child(pugi::node_pcdata)
      .set_value(("\n" + std::string(depth * 2, ' ')).c_str());
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// Text of the document wrapped in an inline element.
struct Inline {
  enum Kind {
    kRef,
    kQuantity,
    kDocNumber,
    kDocDate,
    kDocType,
    kDocTitle,
    kDocAuthority,
    kPerson,
    kRole,
    kOrganization,
  };
  size_t begin, end;
  Kind kind;
  size_t index = 0;  // into references or quantities
  std::string value;
  // Further references sharing this exact span ("khoản 2 và khoản 3" cites
  // two units with one phrase).
  std::vector<size_t> also;
};

struct Item {
  bool is_node;
  int32_t node;
  size_t begin, end;
};

class AknWriter {
 public:
  explicit AknWriter(const Document& doc)
      : doc_(doc), ids_(export_detail::node_ids(doc)) {}

  std::string write();

 private:
  std::string_view text() const { return doc_.text; }
  size_t clamp(size_t offset) const {
    return std::min(offset, doc_.text.size());
  }

  void collect_inlines();
  void add_metadata_inlines(size_t begin, size_t end);
  void add_signature_inlines(size_t begin, size_t end);

  void write_meta(pugi::xml_node parent, const std::string& component,
                  bool with_references);
  void inline_text(pugi::xml_node parent, size_t begin, size_t end, bool eol);
  pugi::xml_node ref_element(pugi::xml_node parent, size_t index);
  int paragraphs(pugi::xml_node parent, size_t begin, size_t end,
                 const char* cls);
  size_t skip_marker(int32_t index, pugi::xml_node* el);
  std::vector<Item> items(int32_t index, size_t own_begin) const;
  bool has_text(size_t begin, size_t end) const;

  void write_hier(pugi::xml_node parent, int32_t index);
  void write_block(pugi::xml_node parent, int32_t index);
  void write_items(pugi::xml_node parent, const std::vector<Item>& list,
                   bool allow_hier);
  void write_furniture(pugi::xml_node section, const std::vector<Item>& list);
  void write_preamble(pugi::xml_node preamble, const std::vector<Item>& list);
  void write_attachment(pugi::xml_node attachments, int32_t index,
                        const std::vector<Item>& trailing, int ordinal);
  void set_id(pugi::xml_node el, int32_t index) {
    if (index > 0 && !ids_[index].empty())
      el.append_attribute("eId") = ids_[index].c_str();
  }

  const Document& doc_;
  std::vector<std::string> ids_;
  std::vector<Inline> inlines_;  // sorted, not overlapping
  std::string work_;
  bool has_issuer_ = false, has_signer_ = false, has_role_ = false;
};

bool AknWriter::has_text(size_t begin, size_t end) const {
  for (size_t i = begin; i < end && i < doc_.text.size(); ++i)
    if (!is_space(doc_.text[i])) return true;
  return false;
}

// Header values sit in the first lines: the number after "Số", the date in
// "<place>, ngày DD tháng MM năm YYYY", the type in capitals, the title.
void AknWriter::add_metadata_inlines(size_t begin, size_t end) {
  const Metadata& m = doc_.metadata;
  std::string_view hay = text().substr(0, end);
  auto add = [&](const std::optional<std::string>& value, Inline::Kind kind,
                 std::string attr = "") {
    if (!value || value->empty()) return;
    auto [b, e] = find_loose(hay, *value, begin);
    if (b == std::string_view::npos) return;
    inlines_.push_back({b, e, kind, 0, std::move(attr)});
  };
  add(m.number, Inline::kDocNumber);
  if (m.date) {
    static const RE2 kDate(
        "(?i)(ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))");
    re2::StringPiece input(hay.data() + begin, hay.size() - begin);
    re2::StringPiece whole;
    int d = 0, mo = 0, y = 0;
    while (RE2::FindAndConsume(&input, kDate, &whole, &d, &mo, &y)) {
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, d);
      if (*m.date == iso) {
        size_t b = static_cast<size_t>(whole.data() - doc_.text.data());
        inlines_.push_back({b, b + whole.size(), Inline::kDocDate, 0, iso});
        break;
      }
    }
  }
  add(m.title, Inline::kDocTitle);
  if (m.type) {
    // Printed in capitals ("NGHỊ QUYẾT"); the model keeps "Nghị quyết".
    std::string upper;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(*m.type);
    u.toUpper(icu::Locale("vi")).toUTF8String(upper);
    size_t before = inlines_.size();
    add(upper, Inline::kDocType);
    if (inlines_.size() == before) add(m.type, Inline::kDocType);
  }
  add(m.issuer, Inline::kDocAuthority);
}

void AknWriter::add_signature_inlines(size_t begin, size_t end) {
  if (!doc_.metadata.signer) return;
  const Signer& s = *doc_.metadata.signer;
  std::string_view hay = text().substr(0, end);
  auto add = [&](const std::optional<std::string>& value, Inline::Kind kind) {
    if (!value || value->empty()) return;
    auto [b, e] = find_loose(hay, *value, begin);
    if (b != std::string_view::npos) inlines_.push_back({b, e, kind, 0, ""});
  };
  add(s.authority, Inline::kOrganization);
  add(s.title, Inline::kRole);
  add(s.name, Inline::kPerson);
}

void AknWriter::collect_inlines() {
  for (size_t i = 0; i < doc_.references.size(); ++i) {
    const Span s = doc_.references[i].span;
    if (s.begin < s.end && s.end <= doc_.text.size())
      inlines_.push_back({s.begin, s.end, Inline::kRef, i, ""});
  }
  for (size_t i = 0; i < doc_.quantities.size(); ++i) {
    const Span s = doc_.quantities[i].span;
    if (s.begin < s.end && s.end <= doc_.text.size())
      inlines_.push_back({s.begin, s.end, Inline::kQuantity, i, ""});
  }
  // The header ends where the first unit of substance starts.
  size_t front_end = std::min<size_t>(doc_.text.size(), 3000);
  if (!doc_.nodes.empty()) {
    for (int32_t c : doc_.root().children) {
      if (c <= 0 || static_cast<size_t>(c) >= doc_.nodes.size()) continue;
      NodeKind k = doc_.nodes[c].kind;
      if (k != NodeKind::kHeader && k != NodeKind::kParagraph &&
          k != NodeKind::kHeading) {
        front_end = std::min<size_t>(front_end, doc_.nodes[c].span.begin);
        break;
      }
    }
  }
  add_metadata_inlines(0, front_end);
  for (size_t i = 1; i < doc_.nodes.size(); ++i)
    if (doc_.nodes[i].kind == NodeKind::kSignature)
      add_signature_inlines(doc_.nodes[i].span.begin,
                            clamp(doc_.nodes[i].span.end));
  // Keep the outermost of overlapping spans: earliest first, longest first.
  std::stable_sort(inlines_.begin(), inlines_.end(),
                   [](const Inline& a, const Inline& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.end > b.end;
                   });
  std::vector<Inline> kept;
  for (Inline& x : inlines_)
    if (!kept.empty() && x.kind == Inline::kRef &&
        kept.back().kind == Inline::kRef && x.begin == kept.back().begin &&
        x.end == kept.back().end)
      kept.back().also.push_back(x.index);
    else if (kept.empty() || x.begin >= kept.back().end)
      kept.push_back(std::move(x));
  inlines_ = std::move(kept);
}

pugi::xml_node AknWriter::ref_element(pugi::xml_node parent, size_t index) {
  const Reference& r = doc_.references[index];
  pugi::xml_node el = parent.append_child("ref");
  std::string href;
  if (r.target_node > 0 && static_cast<size_t>(r.target_node) < ids_.size())
    href = "#" + ids_[r.target_node];
  else if (r.kind == ReferenceKind::kSelf)
    href = work_;
  else if (r.kind == ReferenceKind::kInternal)
    href = "#" + export_detail::pinpoint_id(r.pinpoint);
  else
    href = export_detail::cited_uri(r);
  if (href.empty()) href = "#";
  el.append_attribute("eId") = ("ref_" + std::to_string(index + 1)).c_str();
  el.append_attribute("href") = xml_safe(href).c_str();
  std::string cls = std::string(to_string(r.kind)) + " " + to_string(r.role);
  if (r.editorial) cls += " editorial";
  el.append_attribute("class") = cls.c_str();
  return el;
}

void AknWriter::inline_text(pugi::xml_node parent, size_t begin, size_t end,
                            bool eol) {
  auto plain = [&](size_t b, size_t e) {
    if (b >= e) return;
    std::string s = xml_safe(text().substr(b, e - b));
    if (!eol) {
      parent.append_child(pugi::node_pcdata).set_value(s.c_str());
      return;
    }
    size_t start = 0;
    while (true) {
      size_t nl = s.find('\n', start);
      std::string piece = s.substr(
          start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!piece.empty())
        parent.append_child(pugi::node_pcdata).set_value(piece.c_str());
      if (nl == std::string::npos) break;
      parent.append_child("eol");
      start = nl + 1;
    }
  };
  auto it =
      std::lower_bound(inlines_.begin(), inlines_.end(), begin,
                       [](const Inline& x, size_t b) { return x.begin < b; });
  size_t pos = begin;
  for (; it != inlines_.end() && it->begin < end; ++it) {
    if (it->end > end) continue;
    plain(pos, it->begin);
    pugi::xml_node el;
    switch (it->kind) {
      case Inline::kRef: {
        // One phrase citing several units is an <mref>: the first <ref>
        // holds the words, the others only their targets.
        pugi::xml_node host = parent;
        if (!it->also.empty()) {
          host = parent.append_child("mref");
          el = host;
        }
        pugi::xml_node first = ref_element(host, it->index);
        if (it->also.empty()) el = first;
        for (size_t extra : it->also) ref_element(host, extra);
        if (!it->also.empty()) {
          std::string s =
              xml_safe(text().substr(it->begin, it->end - it->begin));
          first.append_child(pugi::node_pcdata).set_value(s.c_str());
          pos = it->end;
          continue;
        }
        break;
      }
      case Inline::kQuantity: {
        const Quantity& q = doc_.quantities[it->index];
        el = parent.append_child("quantity");
        el.append_attribute("eId") =
            ("qty_" + std::to_string(it->index + 1)).c_str();
        el.append_attribute("refersTo") =
            ("#" + std::string(to_string(q.kind))).c_str();
        el.append_attribute("normalized") = format_number(q.value).c_str();
        std::string title;
        if (q.comparator != Comparator::kNone) title += to_string(q.comparator);
        auto add = [&](const std::string& s) {
          if (s.empty()) return;
          if (!title.empty()) title += " ";
          title += s;
        };
        add(format_number(q.value) +
            (q.value_max ? "-" + format_number(*q.value_max) : ""));
        add(q.unit);
        if (!q.indicator.empty()) title += "; " + q.indicator;
        if (!q.deadline.empty()) title += "; " + q.deadline;
        el.append_attribute("title") = xml_safe(title).c_str();
        el.append_attribute("class") = to_string(q.kind);
        break;
      }
      case Inline::kDocNumber:
        el = parent.append_child("docNumber");
        break;
      case Inline::kDocDate:
        el = parent.append_child("docDate");
        el.append_attribute("date") = it->value.c_str();
        break;
      case Inline::kDocType:
        el = parent.append_child("docType");
        break;
      case Inline::kDocTitle:
        el = parent.append_child("docTitle");
        break;
      case Inline::kDocAuthority:
        el = parent.append_child("docAuthority");
        break;
      case Inline::kPerson:
        el = parent.append_child("person");
        el.append_attribute("refersTo") = "#signer";
        if (has_role_) el.append_attribute("as") = "#signerRole";
        break;
      case Inline::kRole:
        el = parent.append_child("role");
        el.append_attribute("refersTo") = "#signerRole";
        break;
      case Inline::kOrganization:
        el = parent.append_child("organization");
        el.append_attribute("refersTo") =
            has_issuer_ ? "#issuer" : "#signerAuthority";
        break;
    }
    std::string s = xml_safe(text().substr(it->begin, it->end - it->begin));
    el.append_child(pugi::node_pcdata).set_value(s.c_str());
    pos = it->end;
  }
  plain(pos, end);
}

// One <p> per line; lines that an inline element spans are kept together.
int AknWriter::paragraphs(pugi::xml_node parent, size_t begin, size_t end,
                          const char* cls) {
  end = clamp(end);
  int count = 0;
  size_t pos = begin;
  while (pos < end) {
    size_t line_end = text().find('\n', pos);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    for (bool grew = true; grew;) {
      grew = false;
      auto it = std::lower_bound(
          inlines_.begin(), inlines_.end(), pos,
          [](const Inline& x, size_t b) { return x.begin < b; });
      for (; it != inlines_.end() && it->begin < line_end; ++it) {
        if (it->end > line_end && it->end <= end) {
          size_t next = text().find('\n', it->end);
          line_end = next == std::string_view::npos || next > end ? end : next;
          grew = true;
        }
      }
    }
    size_t b = pos, e = line_end;
    while (b < e && is_space(text()[b])) ++b;
    while (e > b && is_space(text()[e - 1])) --e;
    if (b < e) {
      pugi::xml_node p = parent.append_child("p");
      if (cls) p.append_attribute("class") = cls;
      inline_text(p, b, e, false);
      ++count;
    }
    pos = line_end + 1;
  }
  return count;
}

// Writes <num> and <heading> and returns where the unit's own text starts:
// after the printed marker ("Điều 5.", "1.", "a)") and the heading.
size_t AknWriter::skip_marker(int32_t index, pugi::xml_node* el) {
  const Node& node = doc_.nodes[index];
  size_t begin = node.span.begin;
  size_t limit = clamp(node.children.empty()
                           ? node.span.end
                           : doc_.nodes[node.children.front()].span.begin);
  size_t pos = begin;
  while (pos < limit && is_space(text()[pos])) ++pos;
  std::string num_text;
  if (!node.num.empty()) {
    size_t line_end = std::min(limit, pos + 80);
    size_t nl = text().find('\n', pos);
    if (nl != std::string_view::npos) line_end = std::min(line_end, nl);
    size_t at = text().substr(0, line_end).find(node.num, pos);
    bool boundary = at != std::string_view::npos &&
                    (at + node.num.size() >= line_end ||
                     !std::isalnum(static_cast<unsigned char>(
                         text()[at + node.num.size()])));
    if (boundary) {
      size_t e = at + node.num.size();
      if (e < line_end &&
          (text()[e] == '.' || text()[e] == ')' || text()[e] == ':'))
        ++e;
      num_text = std::string(text().substr(pos, e - pos));
      pos = e;
    } else {
      num_text = node.num;
    }
  }
  if (!num_text.empty())
    el->append_child("num")
        .append_child(pugi::node_pcdata)
        .set_value(xml_safe(num_text).c_str());
  if (!node.heading.empty()) {
    pugi::xml_node h = el->append_child("heading");
    size_t window = std::min(limit, pos + node.heading.size() * 2 + 200);
    auto [b, e] = find_loose(text().substr(0, window), node.heading, pos);
    if (b != std::string_view::npos) {
      // The heading as printed, so that citations in it keep their <ref>.
      inline_text(h, b, e, false);
      pos = e;
    } else {
      h.append_child(pugi::node_pcdata)
          .set_value(xml_safe(node.heading).c_str());
    }
  }
  while (pos < limit &&
         (is_space(text()[pos]) || text()[pos] == '.' || text()[pos] == ':'))
    ++pos;
  return pos;
}

std::vector<Item> AknWriter::items(int32_t index, size_t own_begin) const {
  const Node& node = doc_.nodes[index];
  std::vector<Item> list;
  size_t pos = std::max<size_t>(own_begin, node.span.begin);
  for (int32_t c : node.children) {
    // Children follow their parent in the vector; anything else would be a
    // broken model, skipped rather than followed into a cycle.
    if (c <= index || static_cast<size_t>(c) >= doc_.nodes.size()) continue;
    const Node& child = doc_.nodes[c];
    if (child.span.begin > pos && has_text(pos, child.span.begin))
      list.push_back({false, kNoNode, pos, child.span.begin});
    list.push_back({true, c, child.span.begin, child.span.end});
    pos = std::max<size_t>(pos, child.span.end);
  }
  size_t end = clamp(node.span.end);
  if (end > pos && has_text(pos, end))
    list.push_back({false, kNoNode, pos, end});
  return list;
}

void AknWriter::write_items(pugi::xml_node parent,
                            const std::vector<Item>& list, bool allow_hier) {
  for (const Item& it : list) {
    if (!it.is_node)
      paragraphs(parent, it.begin, it.end, nullptr);
    else if (allow_hier && is_hier(doc_.nodes[it.node].kind))
      write_hier(parent, it.node);
    else
      write_block(parent, it.node);
  }
}

void AknWriter::write_hier(pugi::xml_node parent, int32_t index) {
  const Node& node = doc_.nodes[index];
  pugi::xml_node el = parent.append_child(hier_element(node.kind));
  set_id(el, index);
  if (std::string_view(hier_element(node.kind)) == "hcontainer")
    el.append_attribute("name") = to_string(node.kind);
  size_t own = skip_marker(index, &el);
  std::vector<Item> list = items(index, own);
  auto hier_at = [&](size_t i) {
    return list[i].is_node && is_hier(doc_.nodes[list[i].node].kind);
  };
  size_t first = list.size(), last = 0;
  for (size_t i = 0; i < list.size(); ++i)
    if (hier_at(i)) {
      first = std::min(first, i);
      last = i;
    }
  if (first == list.size()) {
    pugi::xml_node content = el.append_child("content");
    write_items(content, list, false);
    if (!content.first_child()) content.append_child("p");
    return;
  }
  auto wrap = [&](const char* name, size_t b, size_t e) {
    if (b >= e) return;
    pugi::xml_node box = el.append_child(name);
    write_items(box, std::vector<Item>(list.begin() + b, list.begin() + e),
                false);
    if (!box.first_child()) el.remove_child(box);
  };
  wrap("intro", 0, first);
  for (size_t i = first; i <= last;) {
    if (hier_at(i)) {
      write_hier(el, list[i].node);
      ++i;
      continue;
    }
    size_t j = i;
    while (j <= last && !hier_at(j)) ++j;
    // Text between units: a run-in heading is a crossHeading, anything else
    // an unnamed container of text.
    if (j == i + 1 && list[i].is_node &&
        doc_.nodes[list[i].node].kind == NodeKind::kHeading &&
        doc_.nodes[list[i].node].children.empty()) {
      const Node& h = doc_.nodes[list[i].node];
      pugi::xml_node ch = el.append_child("crossHeading");
      set_id(ch, list[i].node);
      size_t b = h.span.begin, e = clamp(h.span.end);
      while (b < e && is_space(text()[b])) ++b;
      while (e > b && is_space(text()[e - 1])) --e;
      inline_text(ch, b, e, false);
    } else {
      pugi::xml_node box = el.append_child("hcontainer");
      box.append_attribute("name") = "text";
      pugi::xml_node content = box.append_child("content");
      write_items(content,
                  std::vector<Item>(list.begin() + i, list.begin() + j), false);
      if (!content.first_child()) el.remove_child(box);
    }
    i = j;
  }
  wrap("wrapUp", last + 1, list.size());
}

void AknWriter::write_block(pugi::xml_node parent, int32_t index) {
  const Node& node = doc_.nodes[index];
  const char* cls = to_string(node.kind);
  if (node.kind == NodeKind::kQuoted) {
    // Quoted text of an amendment is a modification (<mod>) carrying the
    // new structure.
    pugi::xml_node p = parent.append_child("p");
    pugi::xml_node q = p.append_child("mod").append_child("quotedStructure");
    set_id(q, index);
    write_items(q, items(index, node.span.begin), true);
    if (!q.first_child()) q.append_child("p");
    return;
  }
  if (node.kind == NodeKind::kSignature) {
    pugi::xml_node box = parent.append_child("blockContainer");
    set_id(box, index);
    box.append_attribute("class") = cls;
    pugi::xml_node p = box.append_child("p");
    size_t b = node.span.begin, e = clamp(node.span.end);
    while (b < e && is_space(text()[b])) ++b;
    while (e > b && is_space(text()[e - 1])) --e;
    inline_text(p.append_child("signature"), b, e, true);
    return;
  }
  // A unit met where only blocks may stand (inside a quote's paragraph or
  // under furniture) keeps its number and heading in a blockContainer.
  pugi::xml_node box = parent.append_child("blockContainer");
  set_id(box, index);
  box.append_attribute("class") = cls;
  size_t own = node.span.begin;
  if (is_hier(node.kind)) own = skip_marker(index, &box);
  write_items(box, items(index, own), false);
  // A one-line paragraph needs no container: it is the <p> itself.
  pugi::xml_node only = box.first_child();
  if (!is_hier(node.kind) && only && !only.next_sibling() &&
      std::string_view(only.name()) == "p") {
    pugi::xml_node p = parent.insert_copy_before(only, box);
    parent.remove_child(box);
    set_id(p, index);
    p.append_attribute("class") = cls;
    return;
  }
  bool has_block = false;
  for (pugi::xml_node c : box.children())
    if (std::string_view(c.name()) != "num" &&
        std::string_view(c.name()) != "heading")
      has_block = true;
  if (!has_block) box.append_child("p");
}

void AknWriter::write_furniture(pugi::xml_node section,
                                const std::vector<Item>& list) {
  for (const Item& it : list) {
    if (!it.is_node) {
      paragraphs(section, it.begin, it.end, nullptr);
      continue;
    }
    const Node& node = doc_.nodes[it.node];
    if (node.kind == NodeKind::kHeader || node.kind == NodeKind::kClosing) {
      // Containers of the document's own lines: unwrap into the section.
      write_furniture(section, items(it.node, node.span.begin));
      continue;
    }
    write_block(section, it.node);
  }
}

void AknWriter::write_preamble(pugi::xml_node preamble,
                               const std::vector<Item>& list) {
  pugi::xml_node group;  // the open <citations> or <recitals>
  NodeKind group_kind = NodeKind::kDocument;
  for (const Item& it : list) {
    NodeKind k = it.is_node ? doc_.nodes[it.node].kind : NodeKind::kParagraph;
    if (k == NodeKind::kPreamble) {
      write_preamble(preamble, items(it.node, doc_.nodes[it.node].span.begin));
      group = pugi::xml_node();
      continue;
    }
    if (k == NodeKind::kBasis || k == NodeKind::kRecital) {
      if (!group || group_kind != k) {
        group = preamble.append_child(k == NodeKind::kBasis ? "citations"
                                                            : "recitals");
        group_kind = k;
      }
      pugi::xml_node el =
          group.append_child(k == NodeKind::kBasis ? "citation" : "recital");
      set_id(el, it.node);
      write_items(el, items(it.node, doc_.nodes[it.node].span.begin), false);
      if (!el.first_child()) el.append_child("p");
      continue;
    }
    group = pugi::xml_node();
    if (k == NodeKind::kFormula) {
      pugi::xml_node f = preamble.append_child("formula");
      f.append_attribute("name") = "enactingFormula";
      set_id(f, it.node);
      write_items(f, items(it.node, doc_.nodes[it.node].span.begin), false);
      if (!f.first_child()) f.append_child("p");
    } else if (!it.is_node) {
      paragraphs(preamble, it.begin, it.end, nullptr);
    } else {
      write_block(preamble, it.node);
    }
  }
}

void AknWriter::write_meta(pugi::xml_node parent, const std::string& component,
                           bool with_references) {
  const Metadata& m = doc_.metadata;
  pugi::xml_node meta = parent.append_child("meta");
  pugi::xml_node ident = meta.append_child("identification");
  ident.append_attribute("source") = "#vnlegal";
  // FRBRdate must be a full xsd:date: a year printed in the number stands
  // for 1 January of that year, no date at all for 0001-01-01, each named
  // so that a reader can tell them from a real date.
  std::string date = "0001-01-01", date_name = "unknown";
  if (m.date && m.date->size() == 10) {
    date = *m.date;
    date_name = "issued";
  } else if (m.number && !export_detail::year_in_number(*m.number).empty()) {
    date = export_detail::year_in_number(*m.number) + "-01-01";
    date_name = "year-of-number";
  }
  const std::string author = has_issuer_ ? "#issuer" : "#unknownAuthor";
  const std::string work_this = work_ + "/!" + component;
  const std::string expr = work_ + "/vie@";
  auto frbr = [&](const char* name, const std::string& this_uri,
                  const std::string& uri, const std::string& by) {
    pugi::xml_node f = ident.append_child(name);
    f.append_child("FRBRthis").append_attribute("value") =
        xml_safe(this_uri).c_str();
    f.append_child("FRBRuri").append_attribute("value") = xml_safe(uri).c_str();
    return f;
  };
  auto dated = [&](pugi::xml_node f, const std::string& by) {
    pugi::xml_node d = f.append_child("FRBRdate");
    d.append_attribute("date") = date.c_str();
    d.append_attribute("name") = date_name.c_str();
    f.append_child("FRBRauthor").append_attribute("href") = by.c_str();
  };
  pugi::xml_node work = frbr("FRBRWork", work_this, work_, author);
  if (m.number) {
    pugi::xml_node alias = work.append_child("FRBRalias");
    alias.append_attribute("value") = xml_safe(*m.number).c_str();
    alias.append_attribute("name") = "number";
  }
  dated(work, author);
  work.append_child("FRBRcountry").append_attribute("value") = "vn";
  if (m.type) {
    std::string sub = export_detail::slug(*m.type);
    if (!sub.empty())
      work.append_child("FRBRsubtype").append_attribute("value") = sub.c_str();
  }
  if (m.number)
    work.append_child("FRBRnumber").append_attribute("value") =
        xml_safe(*m.number).c_str();
  if (m.title)
    work.append_child("FRBRname").append_attribute("value") =
        xml_safe(*m.title).c_str();
  pugi::xml_node ex =
      frbr("FRBRExpression", expr + "/!" + component, expr, author);
  dated(ex, author);
  ex.append_child("FRBRlanguage").append_attribute("language") = "vie";
  pugi::xml_node man =
      frbr("FRBRManifestation", expr + "/!" + component + ".xml", expr + ".akn",
           "#vnlegal");
  dated(man, "#vnlegal");
  man.append_child("FRBRformat").append_attribute("value") =
      "application/akn+xml";

  // eIds are unique in the whole act: attachments use the main document's
  // ontology entries.
  if (!with_references) return;
  pugi::xml_node refs = meta.append_child("references");
  refs.append_attribute("source") = "#vnlegal";
  auto tlc = [&](const char* name, const char* eid, const std::string& href,
                 const std::string& show) {
    pugi::xml_node t = refs.append_child(name);
    t.append_attribute("eId") = eid;
    t.append_attribute("href") = xml_safe(href).c_str();
    t.append_attribute("showAs") = xml_safe(show).c_str();
  };
  tlc("TLCOrganization", "vnlegal", "/ontology/organization/vnlegal",
      "vnlegal");
  if (has_issuer_) {
    std::string name = m.issuer ? *m.issuer : *m.issuer_code;
    tlc("TLCOrganization", "issuer",
        "/ontology/organization/vn/" + export_detail::slug(name), name);
  } else {
    tlc("TLCOrganization", "unknownAuthor", "/ontology/organization/vn/unknown",
        "unknown");
  }
  if (m.signer && m.signer->authority && !has_issuer_)
    tlc("TLCOrganization", "signerAuthority",
        "/ontology/organization/vn/" +
            export_detail::slug(*m.signer->authority),
        *m.signer->authority);
  if (has_signer_)
    tlc("TLCPerson", "signer",
        "/ontology/person/vn/" + export_detail::slug(*m.signer->name),
        *m.signer->name);
  if (has_role_)
    tlc("TLCRole", "signerRole",
        "/ontology/role/vn/" + export_detail::slug(*m.signer->title),
        *m.signer->title);
  tlc("TLCConcept", "target", "/ontology/concept/vnlegal/target", "target");
  tlc("TLCConcept", "result", "/ontology/concept/vnlegal/result", "result");
  tlc("TLCConcept", "other", "/ontology/concept/vnlegal/quantity", "quantity");
}

void AknWriter::write_attachment(pugi::xml_node attachments, int32_t index,
                                 const std::vector<Item>& trailing,
                                 int ordinal) {
  pugi::xml_node att = attachments.append_child("attachment");
  set_id(att, index);
  pugi::xml_node d = att.append_child("doc");
  d.append_attribute("name") = "attachment";
  write_meta(d, "attachment_" + std::to_string(ordinal), false);
  pugi::xml_node main = d.append_child("mainBody");
  write_items(main, items(index, doc_.nodes[index].span.begin), true);
  write_items(main, trailing, true);
  if (!main.first_child()) main.append_child("p");
}

std::string AknWriter::write() {
  const Metadata& m = doc_.metadata;
  work_ = export_detail::work_uri(doc_);
  has_issuer_ = (m.issuer && !m.issuer->empty()) ||
                (m.issuer_code && !m.issuer_code->empty());
  has_signer_ = m.signer && m.signer->name && !m.signer->name->empty();
  has_role_ = m.signer && m.signer->title && !m.signer->title->empty();
  collect_inlines();

  pugi::xml_document xml;
  pugi::xml_node root = xml.append_child("akomaNtoso");
  root.append_attribute("xmlns") = kNamespace;
  pugi::xml_node act = root.append_child("act");
  std::string name = m.type ? export_detail::slug(*m.type) : "";
  act.append_attribute("name") = name.empty() ? "act" : name.c_str();
  write_meta(act, "main", true);

  // Each top-level node goes to the section its kind belongs to; loose text
  // follows the node before it (the first node, for text at the top).
  enum Section { kPreface, kPreamble, kBody, kConclusions, kAttachments };
  auto section_of = [](NodeKind k) {
    switch (k) {
      case NodeKind::kHeader:
        return kPreface;
      case NodeKind::kPreamble:
      case NodeKind::kBasis:
      case NodeKind::kRecital:
      case NodeKind::kFormula:
        return kPreamble;
      case NodeKind::kClosing:
      case NodeKind::kRecipients:
      case NodeKind::kSignature:
        return kConclusions;
      case NodeKind::kAttachment:
        return kAttachments;
      default:
        return kBody;
    }
  };
  std::vector<Item> sections[5];
  std::vector<std::vector<Item>> attachment_tail;
  std::vector<Item> top = doc_.nodes.empty() ? std::vector<Item>{}
                                             : items(0, doc_.root().span.begin);
  int current = -1;
  for (size_t i = 0; i < top.size(); ++i) {
    const Item& it = top[i];
    if (it.is_node) {
      current = section_of(doc_.nodes[it.node].kind);
      sections[current].push_back(it);
      if (current == kAttachments) attachment_tail.emplace_back();
      continue;
    }
    int s = current;
    if (s < 0) {
      s = kBody;
      for (size_t j = i + 1; j < top.size(); ++j)
        if (top[j].is_node) {
          s = section_of(doc_.nodes[top[j].node].kind);
          break;
        }
      if (s == kAttachments) s = kBody;
    }
    if (s == kAttachments)
      attachment_tail.back().push_back(it);
    else
      sections[s].push_back(it);
  }

  if (!sections[kPreface].empty()) {
    pugi::xml_node preface = act.append_child("preface");
    write_furniture(preface, sections[kPreface]);
    if (!preface.first_child()) act.remove_child(preface);
  }
  if (!sections[kPreamble].empty()) {
    pugi::xml_node preamble = act.append_child("preamble");
    write_preamble(preamble, sections[kPreamble]);
    if (!preamble.first_child()) act.remove_child(preamble);
  }
  pugi::xml_node body = act.append_child("body");
  std::vector<Item> run;
  auto flush = [&]() {
    if (run.empty()) return;
    pugi::xml_node box = body.append_child("hcontainer");
    box.append_attribute("name") = "text";
    pugi::xml_node content = box.append_child("content");
    write_items(content, run, false);
    if (!content.first_child()) content.append_child("p");
    run.clear();
  };
  for (const Item& it : sections[kBody]) {
    if (it.is_node && is_hier(doc_.nodes[it.node].kind)) {
      flush();
      write_hier(body, it.node);
    } else {
      run.push_back(it);
    }
  }
  flush();
  if (!body.first_child()) {
    pugi::xml_node box = body.append_child("hcontainer");
    box.append_attribute("name") = "text";
    box.append_child("content").append_child("p");
  }
  if (!sections[kConclusions].empty()) {
    pugi::xml_node conclusions = act.append_child("conclusions");
    write_furniture(conclusions, sections[kConclusions]);
    if (!conclusions.first_child()) act.remove_child(conclusions);
  }
  if (!sections[kAttachments].empty()) {
    pugi::xml_node atts = act.append_child("attachments");
    for (size_t i = 0; i < sections[kAttachments].size(); ++i)
      write_attachment(atts, sections[kAttachments][i].node, attachment_tail[i],
                       static_cast<int>(i + 1));
  }

  indent(root, 0);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml.save(out, "", pugi::format_raw | pugi::format_no_declaration,
           pugi::encoding_utf8);
  out << "\n";
  return out.str();
}

}  // namespace

std::string to_akn(const Document& doc) { return AknWriter(doc).write(); }

}  // namespace vnlegal
