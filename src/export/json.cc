// JSON contract v1: fixed key order, nulls for absent values, "\n" only.
#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <type_traits>

#include "export/json_writer.h"
#include "vnlegal/export.h"

namespace vnlegal {
namespace {

using internal::JsonWriter;
using Fields = JsonWriter::Fields;
using Name = JsonWriter::Name;

// The names of an enumeration's values, looked up once: to_string gives a
// C string, whose length and copy would cost a call each.
template <typename E>
const Name& name(E value) {
  static_assert(std::is_same_v<std::underlying_type_t<E>, uint8_t>,
                "one name for each value of the underlying type");
  static const auto kNames = [] {
    std::array<Name, 256> names{};
    for (size_t v = 0; v < names.size(); ++v) {
      const std::string_view s = to_string(static_cast<E>(v));
      assert(s.size() <= sizeof names[v].bytes);
      names[v].size = std::min(s.size(), sizeof names[v].bytes);
      std::memcpy(names[v].bytes, s.data(), names[v].size);
    }
    return names;
  }();
  return kNames[static_cast<uint8_t>(value)];
}

std::string_view view(const std::optional<std::string>& s) {
  return s ? std::string_view(*s) : std::string_view();
}

// An integer, or null when `present` is false.
void integer_or_null(Fields& f, bool present, int64_t v) {
  if (present)
    f.integer(v);
  else
    f.null();
}

void pinpoint_json(Fields& f, const Pinpoint& p) {
  if (p.empty()) {
    f.null();
    return;
  }
  f.begin_object();
  f.key("part");
  f.string_or_null(p.part);
  f.key("chapter");
  f.string_or_null(p.chapter);
  f.key("section");
  f.string_or_null(p.section);
  f.key("article");
  f.string_or_null(p.article);
  f.key("clause");
  f.string_or_null(p.clause);
  f.key("point");
  f.string_or_null(p.point);
  f.end_object();
}

// A node, as an element of its parent's children when `item`, else as the
// value of a key.
void node_json(JsonWriter& w, const Document& doc, int32_t index, bool item) {
  const Node& node = doc.nodes[index];
  {
    Fields f(w, 8, {node.num, node.heading, node.eid});
    if (item) f.item();
    f.begin_object();
    f.key("kind");
    f.name(name(node.kind));
    f.key("num");
    f.string_or_null(node.num);
    f.key("heading");
    f.string_or_null(node.heading);
    f.key("span");
    f.integer_pair(node.span.begin, node.span.end);
    f.key("id");
    f.string_or_null(node.eid);
    f.key("children");
    f.begin_array();
  }
  for (int32_t c : node.children) node_json(w, doc, c, true);
  Fields f(w, 2);
  f.end_array();
  f.end_object();
}

void source_json(JsonWriter& w, const Source& s) {
  Fields f(w, 8, {"1", s.path, s.format, s.encoding, s.sha256});
  f.key("schema_version");
  f.string("1");
  f.key("source");
  f.begin_object();
  f.key("path");
  f.string(s.path);
  f.key("format");
  f.string(s.format);
  f.key("encoding");
  f.string(s.encoding);
  f.key("sha256");
  f.string(s.sha256);
  f.key("size");
  f.integer(static_cast<int64_t>(s.size));
  f.end_object();
}

void metadata_json(JsonWriter& w, const Metadata& m) {
  const Signer none;
  const Signer& signer = m.signer ? *m.signer : none;
  Fields f(w, 18,
           {view(m.number), view(m.type), view(m.type_code), view(m.issuer),
            view(m.issuer_code), view(m.place), view(m.date), view(m.title),
            view(m.term), view(m.session), view(signer.name),
            view(signer.title), view(signer.authority)});
  f.key("metadata");
  f.begin_object();
  f.key("number");
  f.optional(m.number);
  f.key("type");
  f.optional(m.type);
  f.key("type_code");
  f.optional(m.type_code);
  f.key("issuer");
  f.optional(m.issuer);
  f.key("issuer_code");
  f.optional(m.issuer_code);
  f.key("place");
  f.optional(m.place);
  f.key("date");
  f.optional(m.date);
  f.key("title");
  f.optional(m.title);
  f.key("term");
  f.optional(m.term);
  f.key("session");
  f.optional(m.session);
  f.key("signer");
  if (m.signer) {
    f.begin_object();
    f.key("name");
    f.optional(signer.name);
    f.key("title");
    f.optional(signer.title);
    f.key("authority");
    f.optional(signer.authority);
    f.end_object();
  } else {
    f.null();
  }
  f.end_object();
}

// `antecedent` is the index of the antecedent in the array the reference is
// written to (-1: none there).
void reference_json(JsonWriter& w, const Reference& r, int32_t antecedent) {
  const Pinpoint& p = r.pinpoint;
  Fields f(w, 28,
           {r.doc_type, r.type_code, r.number, r.name, r.date, r.issuer,
            r.issuer_code, r.title, r.text, p.part, p.chapter, p.section,
            p.article, p.clause, p.point});
  f.item();
  f.begin_object();
  f.key("kind");
  f.name(name(r.kind));
  f.key("doc_type");
  f.string_or_null(r.doc_type);
  f.key("type_code");
  f.string_or_null(r.type_code);
  f.key("number");
  f.string_or_null(r.number);
  f.key("name");
  f.string_or_null(r.name);
  f.key("year");
  integer_or_null(f, r.year.has_value(), r.year.value_or(0));
  f.key("date");
  f.string_or_null(r.date);
  f.key("issuer");
  f.string_or_null(r.issuer);
  f.key("issuer_code");
  f.string_or_null(r.issuer_code);
  f.key("title");
  f.string_or_null(r.title);
  f.key("role");
  f.name(name(r.role));
  f.key("pinpoint");
  pinpoint_json(f, p);
  f.key("editorial");
  f.boolean(r.editorial);
  f.key("text");
  f.string(r.text);
  f.key("span");
  f.integer_pair(r.span.begin, r.span.end);
  f.key("node");
  f.integer(r.node);
  f.key("target_node");
  integer_or_null(f, r.target_node != kNoNode, r.target_node);
  f.key("antecedent");
  integer_or_null(f, antecedent >= 0, antecedent);
  f.end_object();
}

// "references" holds the document's own citations (`in_notes` false);
// "editorial_references" those inside the notes a legal website inserted
// (`editorial`), which are not the enacted text. An antecedent is given by
// its index in the same array (one in the other array is left out).
void references_json(JsonWriter& w, const std::vector<Reference>& refs,
                     bool in_notes) {
  if (in_notes)
    w.key("editorial_references");
  else
    w.key("references");
  w.begin_array();
  size_t editorial = 0;
  for (const Reference& r : refs) editorial += r.editorial;
  if (editorial == 0) {
    if (!in_notes)
      for (const Reference& r : refs) reference_json(w, r, r.antecedent);
    w.end_array();
    return;
  }
  // Index of each reference within its array.
  std::vector<int32_t> at(refs.size());
  int32_t own = 0, notes = 0;
  for (size_t i = 0; i < refs.size(); ++i)
    at[i] = refs[i].editorial ? notes++ : own++;
  for (const Reference& r : refs) {
    if (r.editorial != in_notes) continue;
    const bool same = r.antecedent >= 0 &&
                      static_cast<size_t>(r.antecedent) < refs.size() &&
                      refs[r.antecedent].editorial == in_notes;
    reference_json(w, r, same ? at[r.antecedent] : -1);
  }
  w.end_array();
}

void quantity_json(JsonWriter& w, const Quantity& q) {
  Fields f(w, 14, {q.unit, q.indicator, q.base, q.deadline, q.text});
  f.item();
  f.begin_object();
  f.key("kind");
  f.name(name(q.kind));
  f.key("value");
  f.number(q.value);
  f.key("value_max");
  if (q.value_max)
    f.number(*q.value_max);
  else
    f.null();
  f.key("unit");
  f.string_or_null(q.unit);
  f.key("comparator");
  if (q.comparator == Comparator::kNone)
    f.null();
  else
    f.name(name(q.comparator));
  f.key("indicator");
  f.string_or_null(q.indicator);
  f.key("base");
  f.string_or_null(q.base);
  f.key("deadline");
  f.string_or_null(q.deadline);
  f.key("text");
  f.string(q.text);
  f.key("span");
  f.integer_pair(q.span.begin, q.span.end);
  f.key("node");
  f.integer(q.node);
  f.end_object();
}

void diagnostic_json(JsonWriter& w, const Diagnostic& d) {
  const std::string_view severity = to_string(d.severity);
  Fields f(w, 7, {d.code, d.message, severity});
  f.item();
  f.begin_object();
  f.key("code");
  f.string(d.code);
  f.key("severity");
  f.string(severity);
  f.key("message");
  f.string(d.message);
  f.key("span");
  f.integer_pair(d.span.begin, d.span.end);
  f.end_object();
}

// Writes the document into `out` (empty); false if a string was not valid
// UTF-8 when not `checked` (JsonWriter).
bool write_json(const Document& doc, const JsonOptions& options, bool checked,
                std::string& out) {
  // The whole text at once: growing the string would copy it and touch
  // fresh pages. Sizes fitted on the corpus (pretty printing: about 230
  // bytes per node at the usual depths, 560 per reference, 310 per
  // quantity), with a margin; compact lines need about two thirds of that.
  size_t estimate = 4096 + doc.nodes.size() * 260 +
                    doc.references.size() * 620 + doc.quantities.size() * 350;
  if (options.compact) estimate = estimate * 3 / 4;
  if (options.include_text) estimate += doc.text.size() + doc.text.size() / 8;
  JsonWriter w(out, options.compact, estimate, checked);
  w.begin_object();
  source_json(w, doc.source);
  metadata_json(w, doc.metadata);

  w.key("body");
  if (doc.nodes.empty()) {
    Fields f(w, 5, {"document"});
    f.begin_object();
    f.key("kind");
    f.string("document");
    f.key("children");
    f.begin_array();
    f.end_array();
    f.end_object();
  } else {
    node_json(w, doc, 0, false);
  }

  references_json(w, doc.references, false);

  w.key("quantities");
  w.begin_array();
  for (const Quantity& q : doc.quantities) quantity_json(w, q);
  w.end_array();

  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : doc.diagnostics) diagnostic_json(w, d);
  w.end_array();
  references_json(w, doc.references, true);
  if (options.include_text) {
    w.key("text");
    w.long_string(doc.text);
  }
  w.end_object();
  if (!w.finish()) return false;
  out += '\n';
  return true;
}

}  // namespace

std::string to_json(const Document& doc, bool include_text) {
  JsonOptions options;
  options.include_text = include_text;
  return to_json(doc, options);
}

std::string to_json(const Document& doc, const JsonOptions& options) {
  std::string out;
  if (write_json(doc, options, /*checked=*/false, out)) return out;
  // Some string is not valid UTF-8: written again, string by string.
  out.clear();
  write_json(doc, options, /*checked=*/true, out);
  return out;
}

}  // namespace vnlegal
