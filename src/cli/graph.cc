// vnlegal graph: the citation graph of a batch (JSON Lines from
// `vnlegal batch`), as an edge list (CSV), GraphML, or the documents ranked
// by how often they are cited.
//
// A document is identified by its canonical number ("61/2018/NĐ-CP"); a
// document cited by name only ("Luật Đất đai năm 2013") by its type, name
// and year; an input without a number by its path. Citations of the same
// document with the same role from one document count once per mention.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "cli/commands.h"

namespace vnlegal::cli {
namespace {

using Json = nlohmann::json;

struct GraphNode {
  std::string label;
  std::string type;  // document type as printed ("Nghị định"), if known
  bool in_input = false;
  std::set<std::string> cited_by;
  int citations = 0;
};

struct Graph {
  std::map<std::string, GraphNode> nodes;
  // (source, target, role) -> number of mentions
  std::map<std::tuple<std::string, std::string, std::string>, int> edges;
};

std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : " ") + p;
  return out;
}

// The key and label of a cited document; empty key when the reference
// does not identify a document of its own (internal, self, or too vague).
std::pair<std::string, std::string> cited_key(const Json& r) {
  const std::string kind = str(r, "kind");
  if (kind == "internal" || kind == "self") return {};
  const std::string number = str(r, "number");
  const std::string type = str(r, "doc_type");
  if (!number.empty()) return {number, join({type, number})};
  const std::string name = str(r, "name");
  if (name.empty()) return {};
  std::string year;
  if (r.contains("year") && r["year"].is_number_integer())
    year = std::to_string(r["year"].get<int>());
  // Names usually start with their type already ("Luật Đất đai").
  std::string key = name.rfind(type, 0) == 0 ? name : join({type, name});
  if (!year.empty() && key.find(year) == std::string::npos) key += " " + year;
  // Names are written with varying capitals ("Luật tổ chức chính quyền địa
  // phương"); the key folds them, the label keeps the first spelling seen.
  std::string folded;
  icu::UnicodeString::fromUTF8(key)
      .toLower(icu::Locale("vi"))
      .toUTF8String(folded);
  return {folded, key};
}

void add_document(Graph& g, const Json& doc) {
  const Json& meta = doc.contains("metadata") && doc["metadata"].is_object()
                         ? doc["metadata"]
                         : Json::object();
  std::string key = str(meta, "number");
  if (key.empty() && doc.contains("source") && doc["source"].is_object())
    key = "path:" + str(doc["source"], "path");
  GraphNode& self = g.nodes[key];
  self.in_input = true;
  self.type = str(meta, "type");
  self.label =
      join({str(meta, "type"), str(meta, "number"), str(meta, "title")});
  if (self.label.empty()) self.label = key;
  if (!doc.contains("references") || !doc["references"].is_array()) return;
  for (const Json& r : doc["references"]) {
    if (!r.is_object()) continue;
    auto [target, label] = cited_key(r);
    if (target.empty() || target == key) continue;
    GraphNode& cited = g.nodes[target];
    if (cited.label.empty()) cited.label = label;
    if (cited.type.empty()) cited.type = str(r, "doc_type");
    cited.cited_by.insert(key);
    ++cited.citations;
    std::string role = str(r, "role");
    ++g.edges[{key, target, role.empty() ? "mentions" : role}];
  }
}

// RFC 4180: quote fields holding a separator, a quote or a line break.
std::string csv(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string edges_csv(const Graph& g) {
  std::string out = "source,source_label,target,target_label,role,count\n";
  for (const auto& [e, count] : g.edges) {
    const auto& [s, t, role] = e;
    out += csv(s) + "," + csv(g.nodes.at(s).label) + "," + csv(t) + "," +
           csv(g.nodes.at(t).label) + "," + csv(role) + "," +
           std::to_string(count) + "\n";
  }
  return out;
}

std::vector<std::string> ranked(const Graph& g) {
  std::vector<std::string> keys;
  for (const auto& [k, n] : g.nodes)
    if (!n.cited_by.empty()) keys.push_back(k);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    const GraphNode& x = g.nodes.at(a);
    const GraphNode& y = g.nodes.at(b);
    if (x.cited_by.size() != y.cited_by.size())
      return x.cited_by.size() > y.cited_by.size();
    return x.citations > y.citations;
  });
  return keys;
}

std::string top_csv(const Graph& g, int n) {
  std::string out = "rank,document,label,cited_by,citations,in_input\n";
  std::vector<std::string> keys = ranked(g);
  for (size_t i = 0; i < keys.size() && static_cast<int>(i) < n; ++i) {
    const GraphNode& node = g.nodes.at(keys[i]);
    out += std::to_string(i + 1) + "," + csv(keys[i]) + "," + csv(node.label) +
           "," + std::to_string(node.cited_by.size()) + "," +
           std::to_string(node.citations) + "," +
           (node.in_input ? "yes" : "no") + "\n";
  }
  return out;
}

std::string graphml(const Graph& g) {
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = xml.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  struct Key {
    const char* id;
    const char* for_;
    const char* type;
  };
  const Key keys[] = {
      {"label", "node", "string"},     {"type", "node", "string"},
      {"in_input", "node", "boolean"}, {"cited_by", "node", "int"},
      {"citations", "node", "int"},    {"role", "edge", "string"},
      {"count", "edge", "int"}};
  for (const Key& k : keys) {
    pugi::xml_node key = root.append_child("key");
    key.append_attribute("id") = k.id;
    key.append_attribute("for") = k.for_;
    key.append_attribute("attr.name") = k.id;
    key.append_attribute("attr.type") = k.type;
  }
  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("id") = "citations";
  graph.append_attribute("edgedefault") = "directed";
  auto data = [](pugi::xml_node parent, const char* key, const std::string& v) {
    pugi::xml_node d = parent.append_child("data");
    d.append_attribute("key") = key;
    d.text().set(v.c_str());
  };
  for (const auto& [k, n] : g.nodes) {
    pugi::xml_node node = graph.append_child("node");
    node.append_attribute("id") = k.c_str();
    data(node, "label", n.label);
    if (!n.type.empty()) data(node, "type", n.type);
    data(node, "in_input", n.in_input ? "true" : "false");
    data(node, "cited_by", std::to_string(n.cited_by.size()));
    data(node, "citations", std::to_string(n.citations));
  }
  for (const auto& [e, count] : g.edges) {
    const auto& [s, t, role] = e;
    pugi::xml_node edge = graph.append_child("edge");
    edge.append_attribute("source") = s.c_str();
    edge.append_attribute("target") = t.c_str();
    data(edge, "role", role);
    data(edge, "count", std::to_string(count));
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

CLI::App* add_graph_command(CLI::App& app, GraphArgs& args) {
  CLI::App* cmd =
      app.add_subcommand("graph", "citation graph of a batch (JSON Lines)");
  cmd->add_option("input", args.input, "JSON Lines from vnlegal batch, or -")
      ->required();
  cmd->add_option("--format", args.format, "csv (edge list) or graphml")
      ->check(CLI::IsMember({"csv", "graphml"}));
  cmd->add_option("--top", args.top,
                  "list the N most cited documents (CSV) instead of the graph")
      ->check(CLI::PositiveNumber);
  cmd->add_option("-o,--output", args.output, "output file (default stdout)");
  return cmd;
}

int run_graph(const GraphArgs& args) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) throw Error("cannot read " + args.input);
    in = &file;
  }
  Graph g;
  int bad = 0;
  std::string line;
  // One line at a time: memory grows with the graph, not with the batch.
  for (size_t number = 1; std::getline(*in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json doc = Json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      ++bad;
      std::cerr << "vnlegal graph: " << args.input << ":" << number
                << ": not a JSON object, skipped\n";
      continue;
    }
    add_document(g, doc);
  }
  std::string out = args.top > 0               ? top_csv(g, args.top)
                    : args.format == "graphml" ? graphml(g)
                                               : edges_csv(g);
  write_output(args.output, out);
  return bad ? 1 : 0;
}

}  // namespace vnlegal::cli
