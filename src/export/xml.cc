// XML: the same model as the JSON contract, as elements and attributes.
#include <pugixml.hpp>
#include <sstream>

#include "vnlegal/export.h"

namespace vnlegal {
namespace {

void set_opt(pugi::xml_node parent, const char* name,
             const std::optional<std::string>& value) {
  if (value) parent.append_child(name).text().set(value->c_str());
}

void span_attr(pugi::xml_node node, Span span) {
  node.append_attribute("begin").set_value(span.begin);
  node.append_attribute("end").set_value(span.end);
}

void append_node(const Document& doc, int32_t index, pugi::xml_node parent) {
  const Node& node = doc.nodes[index];
  pugi::xml_node x = parent.append_child(to_string(node.kind));
  if (!node.eid.empty()) x.append_attribute("id").set_value(node.eid.c_str());
  if (!node.num.empty()) x.append_attribute("num").set_value(node.num.c_str());
  span_attr(x, node.span);
  if (!node.heading.empty())
    x.append_child("heading").text().set(node.heading.c_str());
  if (node.children.empty()) {
    x.append_child("text").text().set(
        std::string(doc.slice(node.span)).c_str());
  }
  for (int32_t c : node.children) append_node(doc, c, x);
}

}  // namespace

std::string to_xml(const Document& doc) {
  pugi::xml_document xml;
  pugi::xml_node root = xml.append_child("vnlegal");
  root.append_attribute("schema_version") = "1";

  pugi::xml_node source = root.append_child("source");
  source.append_attribute("path").set_value(doc.source.path.c_str());
  source.append_attribute("format").set_value(doc.source.format.c_str());
  source.append_attribute("encoding").set_value(doc.source.encoding.c_str());
  source.append_attribute("sha256").set_value(doc.source.sha256.c_str());

  const Metadata& m = doc.metadata;
  pugi::xml_node meta = root.append_child("metadata");
  set_opt(meta, "number", m.number);
  set_opt(meta, "type", m.type);
  set_opt(meta, "type_code", m.type_code);
  set_opt(meta, "issuer", m.issuer);
  set_opt(meta, "issuer_code", m.issuer_code);
  set_opt(meta, "place", m.place);
  set_opt(meta, "date", m.date);
  set_opt(meta, "title", m.title);
  set_opt(meta, "term", m.term);
  set_opt(meta, "session", m.session);
  if (m.signer) {
    pugi::xml_node s = meta.append_child("signer");
    set_opt(s, "name", m.signer->name);
    set_opt(s, "title", m.signer->title);
    set_opt(s, "authority", m.signer->authority);
  }

  pugi::xml_node body = root.append_child("body");
  if (!doc.nodes.empty())
    for (int32_t c : doc.nodes[0].children) append_node(doc, c, body);

  pugi::xml_node refs = root.append_child("references");
  for (const Reference& r : doc.references) {
    pugi::xml_node x = refs.append_child("reference");
    x.append_attribute("kind") = to_string(r.kind);
    x.append_attribute("role") = to_string(r.role);
    if (!r.doc_type.empty())
      x.append_attribute("doc_type") = r.doc_type.c_str();
    if (!r.number.empty()) x.append_attribute("number") = r.number.c_str();
    if (!r.name.empty()) x.append_attribute("name") = r.name.c_str();
    if (r.year) x.append_attribute("year") = *r.year;
    if (!r.date.empty()) x.append_attribute("date") = r.date.c_str();
    if (!r.issuer.empty()) x.append_attribute("issuer") = r.issuer.c_str();
    x.append_attribute("node") = r.node;
    span_attr(x, r.span);
    x.text().set(r.text.c_str());
  }
  pugi::xml_node qs = root.append_child("quantities");
  for (const Quantity& q : doc.quantities) {
    pugi::xml_node x = qs.append_child("quantity");
    x.append_attribute("kind") = to_string(q.kind);
    x.append_attribute("value") = q.value;
    if (q.value_max) x.append_attribute("value_max") = *q.value_max;
    if (!q.unit.empty()) x.append_attribute("unit") = q.unit.c_str();
    if (q.comparator != Comparator::kNone)
      x.append_attribute("comparator") = to_string(q.comparator);
    if (!q.indicator.empty())
      x.append_attribute("indicator") = q.indicator.c_str();
    if (!q.deadline.empty())
      x.append_attribute("deadline") = q.deadline.c_str();
    x.append_attribute("node") = q.node;
    span_attr(x, q.span);
    x.text().set(q.text.c_str());
  }
  pugi::xml_node diags = root.append_child("diagnostics");
  for (const Diagnostic& d : doc.diagnostics) {
    pugi::xml_node x = diags.append_child("diagnostic");
    x.append_attribute("code") = d.code.c_str();
    x.append_attribute("severity") = to_string(d.severity);
    span_attr(x, d.span);
    x.text().set(d.message.c_str());
  }
  std::ostringstream out;
  xml.save(out, " ", pugi::format_indent | pugi::format_no_declaration);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str();
}

}  // namespace vnlegal
