// JSON contract v1: fixed key order, nulls for absent values, "\n" only.
#include <nlohmann/json.hpp>

#include "vnlegal/export.h"

namespace vnlegal {
namespace {

using Json = nlohmann::ordered_json;

Json opt(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}
Json str_or_null(const std::string& value) {
  return value.empty() ? Json(nullptr) : Json(value);
}
Json span_json(Span span) { return Json::array({span.begin, span.end}); }

Json node_json(const Document& doc, int32_t index) {
  const Node& node = doc.nodes[index];
  Json j;
  j["kind"] = to_string(node.kind);
  j["num"] = str_or_null(node.num);
  j["heading"] = str_or_null(node.heading);
  j["span"] = span_json(node.span);
  j["id"] = str_or_null(node.eid);
  Json children = Json::array();
  for (int32_t c : node.children) children.push_back(node_json(doc, c));
  j["children"] = std::move(children);
  return j;
}

Json pinpoint_json(const Pinpoint& p) {
  if (p.empty()) return nullptr;
  Json j;
  j["part"] = str_or_null(p.part);
  j["chapter"] = str_or_null(p.chapter);
  j["section"] = str_or_null(p.section);
  j["article"] = str_or_null(p.article);
  j["clause"] = str_or_null(p.clause);
  j["point"] = str_or_null(p.point);
  return j;
}

}  // namespace

std::string to_json(const Document& doc, bool include_text) {
  Json j;
  j["schema_version"] = "1";
  Json source;
  source["path"] = doc.source.path;
  source["format"] = doc.source.format;
  source["encoding"] = doc.source.encoding;
  source["sha256"] = doc.source.sha256;
  source["size"] = doc.source.size;
  j["source"] = std::move(source);

  const Metadata& m = doc.metadata;
  Json meta;
  meta["number"] = opt(m.number);
  meta["type"] = opt(m.type);
  meta["type_code"] = opt(m.type_code);
  meta["issuer"] = opt(m.issuer);
  meta["issuer_code"] = opt(m.issuer_code);
  meta["place"] = opt(m.place);
  meta["date"] = opt(m.date);
  meta["title"] = opt(m.title);
  meta["term"] = opt(m.term);
  meta["session"] = opt(m.session);
  if (m.signer) {
    Json signer;
    signer["name"] = opt(m.signer->name);
    signer["title"] = opt(m.signer->title);
    signer["authority"] = opt(m.signer->authority);
    meta["signer"] = std::move(signer);
  } else {
    meta["signer"] = nullptr;
  }
  j["metadata"] = std::move(meta);

  j["body"] = doc.nodes.empty() ? Json{{"kind", "document"},
                                       {"children", Json::array()}}
                                : node_json(doc, 0);

  Json refs = Json::array();
  for (const Reference& r : doc.references) {
    Json x;
    x["kind"] = to_string(r.kind);
    x["doc_type"] = str_or_null(r.doc_type);
    x["type_code"] = str_or_null(r.type_code);
    x["number"] = str_or_null(r.number);
    x["name"] = str_or_null(r.name);
    x["year"] = r.year ? Json(*r.year) : Json(nullptr);
    x["date"] = str_or_null(r.date);
    x["issuer"] = str_or_null(r.issuer);
    x["issuer_code"] = str_or_null(r.issuer_code);
    x["title"] = str_or_null(r.title);
    x["role"] = to_string(r.role);
    x["pinpoint"] = pinpoint_json(r.pinpoint);
    x["editorial"] = r.editorial;
    x["text"] = r.text;
    x["span"] = span_json(r.span);
    x["node"] = r.node;
    x["target_node"] = r.target_node == kNoNode ? Json(nullptr) : Json(r.target_node);
    x["antecedent"] = r.antecedent < 0 ? Json(nullptr) : Json(r.antecedent);
    refs.push_back(std::move(x));
  }
  j["references"] = std::move(refs);

  Json qs = Json::array();
  for (const Quantity& q : doc.quantities) {
    Json x;
    x["kind"] = to_string(q.kind);
    x["value"] = q.value;
    x["value_max"] = q.value_max ? Json(*q.value_max) : Json(nullptr);
    x["unit"] = str_or_null(q.unit);
    x["comparator"] = q.comparator == Comparator::kNone
                          ? Json(nullptr)
                          : Json(to_string(q.comparator));
    x["indicator"] = str_or_null(q.indicator);
    x["base"] = str_or_null(q.base);
    x["deadline"] = str_or_null(q.deadline);
    x["text"] = q.text;
    x["span"] = span_json(q.span);
    x["node"] = q.node;
    qs.push_back(std::move(x));
  }
  j["quantities"] = std::move(qs);

  Json diags = Json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    Json x;
    x["code"] = d.code;
    x["severity"] = to_string(d.severity);
    x["message"] = d.message;
    x["span"] = span_json(d.span);
    diags.push_back(std::move(x));
  }
  j["diagnostics"] = std::move(diags);
  if (include_text) j["text"] = doc.text;
  // Invalid UTF-8 cannot reach here (decoding replaces it), but never throw.
  return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace vnlegal
