// Runs tests/spec/quantities.spec: real passages from the corpus, each with
// the quantities a reader finds in it. See the head of the spec file for the
// format.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

struct Expected {
  std::string kind;
  double value = 0;
  std::optional<double> value_max;
  std::string unit;
  std::string comparator;
};

struct Example {
  int line = 0;
  std::string source;
  std::string input;
  std::vector<Expected> expected;
  std::vector<std::string> expected_lines;
  bool nothing = false;
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// "<kind> <value>[..<max>] [<unit>] <comparator>"
bool parse_expected(const std::string& line, Expected& out) {
  std::istringstream in(line);
  std::string value;
  if (!(in >> out.kind >> value)) return false;
  size_t dots = value.find("..");
  out.value = std::stod(value.substr(0, dots));
  if (dots != std::string::npos)
    out.value_max = std::stod(value.substr(dots + 2));
  size_t open = line.find('['), close = line.rfind(']');
  if (open == std::string::npos || close == std::string::npos) return false;
  out.unit = line.substr(open + 1, close - open - 1);
  out.comparator = trim(line.substr(close + 1));
  return true;
}

std::vector<Example> load_spec(const std::string& path) {
  std::ifstream in(path);
  std::vector<Example> examples;
  std::string line;
  int n = 0;
  enum { kOutside, kInput, kExpected } state = kOutside;
  while (std::getline(in, line)) {
    ++n;
    if (state == kOutside) {
      if (line.rfind("example:", 0) == 0) {
        examples.emplace_back();
        examples.back().line = n;
        examples.back().source = trim(line.substr(8));
        state = kInput;
      }
    } else if (state == kInput) {
      if (line == ".") {
        state = kExpected;
      } else {
        examples.back().input += line + "\n";
      }
    } else {
      if (trim(line).empty()) {
        state = kOutside;
        continue;
      }
      if (trim(line) == "none") continue;
      if (trim(line) == "nothing") {  // not even a figure of kind other
        examples.back().nothing = true;
        continue;
      }
      Expected e;
      if (parse_expected(line, e)) {
        examples.back().expected.push_back(e);
        examples.back().expected_lines.push_back(trim(line));
      } else {
        ADD_FAILURE() << path << ":" << n << ": bad expectation: " << line;
      }
    }
  }
  return examples;
}

std::string fmt(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

std::string describe(const Quantity& q) {
  std::string s = std::string(to_string(q.kind)) + " " + fmt(q.value);
  if (q.value_max) s += ".." + fmt(*q.value_max);
  s += " [" + q.unit + "] " + to_string(q.comparator);
  return s;
}

// Units compare leniently, as the scorer does: one may name the other with
// fewer words ("tỉnh" for "tỉnh, thành phố").
bool unit_matches(const std::string& want, const std::string& got) {
  if (want.empty() || got.empty()) return want == got;
  return want.find(got) != std::string::npos ||
         got.find(want) != std::string::npos;
}

bool matches(const Expected& e, const Quantity& q) {
  if (e.kind != to_string(q.kind)) return false;
  if (std::fabs(e.value - q.value) > 1e-9) return false;
  if (e.value_max.has_value() != q.value_max.has_value()) return false;
  if (e.value_max && std::fabs(*e.value_max - *q.value_max) > 1e-9)
    return false;
  return unit_matches(e.unit, q.unit) &&
         e.comparator == to_string(q.comparator);
}

TEST(QuantitiesSpec, EveryExampleGivesItsQuantities) {
  const std::string path =
      std::string(VNLEGAL_SOURCE_DIR) + "/tests/spec/quantities.spec";
  std::vector<Example> examples = load_spec(path);
  ASSERT_FALSE(examples.empty()) << "spec file missing: " << path;
  EXPECT_GE(examples.size(), 100u) << "the spec keeps at least 100 examples";
  int failed = 0;
  for (const Example& ex : examples) {
    Document doc;
    doc.text = ex.input;
    doc.offsets = OffsetMap::identity(static_cast<uint32_t>(doc.text.size()));
    Node root;
    root.kind = NodeKind::kDocument;
    root.span = {0, static_cast<uint32_t>(doc.text.size())};
    doc.nodes.push_back(root);
    extract_quantities(doc);
    // Figures of kind "other" are compared only when the example lists some.
    bool with_other = false;
    for (const Expected& e : ex.expected) with_other |= e.kind == "other";
    with_other |= ex.nothing;
    std::vector<const Quantity*> got;
    for (const Quantity& q : doc.quantities)
      if (with_other || q.kind != QuantityKind::kOther) got.push_back(&q);
    bool ok = got.size() == ex.expected.size();
    for (size_t i = 0; ok && i < got.size(); ++i)
      ok = matches(ex.expected[i], *got[i]);
    EXPECT_TRUE(check_invariants(doc).empty()) << "line " << ex.line;
    if (!ok) {
      ++failed;
      std::string want, have;
      for (const std::string& l : ex.expected_lines) want += "  " + l + "\n";
      for (const Quantity* q : got) have += "  " + describe(*q) + "\n";
      ADD_FAILURE() << "quantities.spec:" << ex.line << " (" << ex.source
                    << ")\n"
                    << ex.input << "expected:\n"
                    << (want.empty() ? "  none\n" : want) << "got:\n"
                    << (have.empty() ? "  none\n" : have);
    }
  }
  EXPECT_EQ(failed, 0) << "of " << examples.size() << " examples";
}

}  // namespace
}  // namespace vnlegal
