// JSON contract v1: fixed key order, nulls for absent values, "\n" only.
#include "export/json_writer.h"
#include "vnlegal/export.h"

namespace vnlegal {
namespace {

using internal::JsonWriter;

void span_json(JsonWriter& w, Span span) {
  w.integer_pair(span.begin, span.end);
}

void node_json(JsonWriter& w, const Document& doc, int32_t index) {
  const Node& node = doc.nodes[index];
  w.begin_object();
  w.key("kind");
  w.plain_string(to_string(node.kind));
  w.key("num");
  w.string_or_null(node.num);
  w.key("heading");
  w.string_or_null(node.heading);
  w.key("span");
  span_json(w, node.span);
  w.key("id");
  w.string_or_null(node.eid);
  w.key("children");
  w.begin_array();
  for (int32_t c : node.children) {
    w.item();
    node_json(w, doc, c);
  }
  w.end_array();
  w.end_object();
}

void pinpoint_json(JsonWriter& w, const Pinpoint& p) {
  if (p.empty()) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("part");
  w.string_or_null(p.part);
  w.key("chapter");
  w.string_or_null(p.chapter);
  w.key("section");
  w.string_or_null(p.section);
  w.key("article");
  w.string_or_null(p.article);
  w.key("clause");
  w.string_or_null(p.clause);
  w.key("point");
  w.string_or_null(p.point);
  w.end_object();
}

// Writes the document into `out` (empty); false if a string was not valid
// UTF-8 when not `checked` (JsonWriter).
bool write_json(const Document& doc, const JsonOptions& options, bool checked,
                std::string& out) {
  const bool include_text = options.include_text;
  // The whole text at once: growing the string would copy it and touch
  // fresh pages. Sizes fitted on the corpus (pretty printing: about 230
  // bytes per node at the usual depths, 560 per reference, 310 per
  // quantity), with a margin; compact lines need about two thirds of that.
  size_t estimate = 4096 + doc.nodes.size() * 260 +
                    doc.references.size() * 620 + doc.quantities.size() * 350;
  if (options.compact) estimate = estimate * 3 / 4;
  if (include_text) estimate += doc.text.size() + doc.text.size() / 8;
  JsonWriter w(out, options.compact, estimate, checked);
  w.begin_object();
  w.key("schema_version");
  w.string("1");
  w.key("source");
  w.begin_object();
  w.key("path");
  w.string(doc.source.path);
  w.key("format");
  w.string(doc.source.format);
  w.key("encoding");
  w.string(doc.source.encoding);
  w.key("sha256");
  w.string(doc.source.sha256);
  w.key("size");
  w.integer(static_cast<int64_t>(doc.source.size));
  w.end_object();

  const Metadata& m = doc.metadata;
  w.key("metadata");
  w.begin_object();
  w.key("number");
  w.optional(m.number);
  w.key("type");
  w.optional(m.type);
  w.key("type_code");
  w.optional(m.type_code);
  w.key("issuer");
  w.optional(m.issuer);
  w.key("issuer_code");
  w.optional(m.issuer_code);
  w.key("place");
  w.optional(m.place);
  w.key("date");
  w.optional(m.date);
  w.key("title");
  w.optional(m.title);
  w.key("term");
  w.optional(m.term);
  w.key("session");
  w.optional(m.session);
  w.key("signer");
  if (m.signer) {
    w.begin_object();
    w.key("name");
    w.optional(m.signer->name);
    w.key("title");
    w.optional(m.signer->title);
    w.key("authority");
    w.optional(m.signer->authority);
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();

  w.key("body");
  if (doc.nodes.empty()) {
    w.begin_object();
    w.key("kind");
    w.string("document");
    w.key("children");
    w.begin_array();
    w.end_array();
    w.end_object();
  } else {
    node_json(w, doc, 0);
  }

  w.key("references");
  w.begin_array();
  for (const Reference& r : doc.references) {
    w.item();
    w.begin_object();
    w.key("kind");
    w.plain_string(to_string(r.kind));
    w.key("doc_type");
    w.string_or_null(r.doc_type);
    w.key("type_code");
    w.string_or_null(r.type_code);
    w.key("number");
    w.string_or_null(r.number);
    w.key("name");
    w.string_or_null(r.name);
    w.key("year");
    if (r.year)
      w.integer(*r.year);
    else
      w.null();
    w.key("date");
    w.string_or_null(r.date);
    w.key("issuer");
    w.string_or_null(r.issuer);
    w.key("issuer_code");
    w.string_or_null(r.issuer_code);
    w.key("title");
    w.string_or_null(r.title);
    w.key("role");
    w.plain_string(to_string(r.role));
    w.key("pinpoint");
    pinpoint_json(w, r.pinpoint);
    w.key("editorial");
    w.boolean(r.editorial);
    w.key("text");
    w.string(r.text);
    w.key("span");
    span_json(w, r.span);
    w.key("node");
    w.integer(r.node);
    w.key("target_node");
    if (r.target_node == kNoNode)
      w.null();
    else
      w.integer(r.target_node);
    w.key("antecedent");
    if (r.antecedent < 0)
      w.null();
    else
      w.integer(r.antecedent);
    w.end_object();
  }
  w.end_array();

  w.key("quantities");
  w.begin_array();
  for (const Quantity& q : doc.quantities) {
    w.item();
    w.begin_object();
    w.key("kind");
    w.plain_string(to_string(q.kind));
    w.key("value");
    w.number(q.value);
    w.key("value_max");
    if (q.value_max)
      w.number(*q.value_max);
    else
      w.null();
    w.key("unit");
    w.string_or_null(q.unit);
    w.key("comparator");
    if (q.comparator == Comparator::kNone)
      w.null();
    else
      w.plain_string(to_string(q.comparator));
    w.key("indicator");
    w.string_or_null(q.indicator);
    w.key("base");
    w.string_or_null(q.base);
    w.key("deadline");
    w.string_or_null(q.deadline);
    w.key("text");
    w.string(q.text);
    w.key("span");
    span_json(w, q.span);
    w.key("node");
    w.integer(q.node);
    w.end_object();
  }
  w.end_array();

  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : doc.diagnostics) {
    w.item();
    w.begin_object();
    w.key("code");
    w.string(d.code);
    w.key("severity");
    w.plain_string(to_string(d.severity));
    w.key("message");
    w.string(d.message);
    w.key("span");
    span_json(w, d.span);
    w.end_object();
  }
  w.end_array();
  if (include_text) {
    w.key("text");
    w.string(doc.text);
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
