// Runs tests/spec/references.spec: every example's input goes through
// extract_references (as a document with a root node only) and the
// references found must match the expected lines, in order.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

struct Example {
  int line = 0;
  std::string input;
  std::vector<std::string> expected;  // "kind | key=value | ..." or "none"
};

std::vector<Example> load_examples() {
  std::ifstream in(std::string(VNLEGAL_SOURCE_DIR) +
                   "/tests/spec/references.spec");
  std::vector<Example> out;
  std::string line;
  int no = 0;
  Example cur;
  bool in_expected = false;
  auto flush = [&] {
    if (!cur.input.empty() || !cur.expected.empty()) out.push_back(cur);
    cur = Example();
    in_expected = false;
  };
  while (std::getline(in, line)) {
    ++no;
    if (line.rfind("> ", 0) == 0 || line == ">") {
      if (in_expected) flush();
      if (cur.input.empty() && cur.line == 0) cur.line = no;
      if (!cur.input.empty()) cur.input += '\n';
      cur.input += line.size() > 2 ? line.substr(2) : "";
    } else if (line.rfind("= ", 0) == 0) {
      in_expected = true;
      cur.expected.push_back(line.substr(2));
    } else if (in_expected || !cur.input.empty()) {
      flush();
    }
  }
  flush();
  return out;
}

std::string pin_string(const Pinpoint& p) {
  std::string s;
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    if (!s.empty()) s += ',';
    s += std::string(k) + "=" + v;
  };
  add("pt", p.point);
  add("cl", p.clause);
  add("art", p.article);
  add("sec", p.section);
  add("chap", p.chapter);
  add("part", p.part);
  return s;
}

std::string field(const Reference& r, const std::string& key) {
  if (key == "type") return r.doc_type;
  if (key == "code") return r.type_code;
  if (key == "number") return r.number;
  if (key == "name") return r.name;
  if (key == "year") return r.year ? std::to_string(*r.year) : "";
  if (key == "date") return r.date;
  if (key == "issuer") return r.issuer;
  if (key == "issuer_code") return r.issuer_code;
  if (key == "title") return r.title;
  if (key == "role") return to_string(r.role);
  if (key == "pin") return pin_string(r.pinpoint);
  if (key == "editorial") return r.editorial ? "true" : "false";
  if (key == "antecedent") return std::to_string(r.antecedent);
  if (key == "text") return r.text;
  return "<unknown key " + key + ">";
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string describe(const Reference& r) {
  std::string s = to_string(r.kind);
  for (const char* k :
       {"type", "number", "name", "year", "date", "role", "pin"}) {
    std::string v = field(r, k);
    if (!v.empty() && !(std::string(k) == "role" && v == "mentions"))
      s += std::string(" | ") + k + "=" + v;
  }
  return s;
}

// Empty when `r` matches the expected line, else the first difference.
std::string compare(const Reference& r, const std::string& expected) {
  std::vector<std::string> parts;
  std::stringstream ss(expected);
  std::string part;
  while (std::getline(ss, part, '|')) parts.push_back(trim(part));
  if (parts.empty()) return "empty expectation";
  if (parts[0] != to_string(r.kind))
    return "kind " + std::string(to_string(r.kind)) + " != " + parts[0];
  for (size_t i = 1; i < parts.size(); ++i) {
    size_t eq = parts[i].find('=');
    if (eq == std::string::npos) return "bad field '" + parts[i] + "'";
    const std::string key = parts[i].substr(0, eq);
    const std::string want = parts[i].substr(eq + 1);
    const std::string got = field(r, key);
    if (got != want) return key + " '" + got + "' != '" + want + "'";
  }
  return {};
}

TEST(ReferencesSpec, HasEnoughExamples) {
  EXPECT_GE(load_examples().size(), 150u);
}

TEST(ReferencesSpec, Examples) {
  int failures = 0;
  for (const Example& ex : load_examples()) {
    Document doc;
    doc.text = ex.input;
    Node root;
    root.kind = NodeKind::kDocument;
    root.span = {0, static_cast<uint32_t>(doc.text.size())};
    doc.nodes.push_back(root);
    doc.offsets = OffsetMap::identity(static_cast<uint32_t>(doc.text.size()));
    extract_references(doc);
    std::string problem;
    const bool none = ex.expected.size() == 1 && trim(ex.expected[0]) == "none";
    const size_t want = none ? 0 : ex.expected.size();
    if (doc.references.size() != want) {
      problem = "expected " + std::to_string(want) + " references, got " +
                std::to_string(doc.references.size());
    } else {
      for (size_t i = 0; i < want && problem.empty(); ++i) {
        std::string d = compare(doc.references[i], ex.expected[i]);
        if (!d.empty()) problem = "reference " + std::to_string(i) + ": " + d;
      }
    }
    for (const std::string& v : check_invariants(doc))
      problem += "\n  invariant: " + v;
    if (!problem.empty()) {
      ++failures;
      std::string got;
      for (const Reference& r : doc.references) got += "\n  = " + describe(r);
      ADD_FAILURE() << "references.spec line " << ex.line << ": " << problem
                    << "\n  input: " << ex.input << "\n  got:" << got;
    }
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace vnlegal
