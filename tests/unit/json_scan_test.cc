// The JSON writer's copy-until-escape scans: every width (one byte, eight,
// sixteen) stops at the same byte and
// copies the same bytes as the definition, whatever the length and
// wherever the escape; and documents whose strings are long, escaped at
// every position, or not valid UTF-8 are written as the JSON library
// writes them.
#include "export/json_scan.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

using Json = nlohmann::ordered_json;
using internal::json_escaped;

using Scan = size_t (*)(const unsigned char*, size_t, char*, unsigned&);

struct ScanCase {
  const char* name;
  Scan scan;
};

std::vector<ScanCase> scans() {
  std::vector<ScanCase> v = {{"scalar", internal::json_plain_scalar},
                             {"words", internal::json_plain_words},
                             {"dispatch", internal::json_plain}};
#if defined(__SSE2__)
  v.push_back({"sse2", internal::json_plain_sse2});
#endif
  return v;
}

// Checks one scan on `s` against the definition: the count is the index of
// the first byte to escape; those bytes are copied; nothing is written past
// the string's size; bit 7 of `high` is set when a copied byte is not
// ASCII.
void check(const ScanCase& c, const std::string& s) {
  size_t expected = 0;
  while (expected < s.size() &&
         !json_escaped(static_cast<unsigned char>(s[expected])))
    ++expected;
  bool copied_high = false;
  for (size_t i = 0; i < expected; ++i)
    copied_high = copied_high || static_cast<unsigned char>(s[i]) >= 0x80;
  std::string out(s.size() + 8, '#');
  unsigned high = 0;
  const size_t got = c.scan(reinterpret_cast<const unsigned char*>(s.data()),
                            s.size(), out.data(), high);
  ASSERT_EQ(got, expected) << c.name << " on " << testing::PrintToString(s);
  EXPECT_EQ(out.substr(0, got), s.substr(0, got)) << c.name;
  EXPECT_EQ(out.substr(s.size()), std::string(8, '#')) << c.name;
  if (copied_high) EXPECT_TRUE(high & 0x80) << c.name;
  if (got == s.size() && !copied_high) EXPECT_FALSE(high & 0x80) << c.name;
}

TEST(JsonScan, StopsAtTheFirstByteToEscapeAtEveryLengthAndPosition) {
  const std::string filler = "Nghị quyết số 01/NQ-HĐND về kế hoạch năm 2020 ";
  std::string base;
  while (base.size() < 140) base += filler;
  // Bytes to escape and their neighbours that are not: the comparisons of
  // the vectors are signed or unsigned, so both ends of each range matter.
  const std::vector<char> stops = {'\0', '\x01', '\n', '\x1F', '"', '\\'};
  const std::vector<char> passes = {' ',    '!',    '#',    '[',   ']',
                                    '\x7F', '\x80', '\xC3', '\xFF'};
  for (const ScanCase& c : scans()) {
    for (size_t n = 0; n <= 140; ++n) {
      const std::string plain = base.substr(0, n);
      check(c, plain);
      for (size_t at = 0; at < n; ++at) {
        for (char b : stops) {
          std::string s = plain;
          s[at] = b;
          check(c, s);
        }
        std::string s = plain;
        s[at] = passes[at % passes.size()];
        check(c, s);
      }
    }
  }
}

TEST(JsonScan, AsciiStringsLeaveHighClear) {
  for (const ScanCase& c : scans()) {
    for (size_t n :
         {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 127, 128, 200}) {
      const std::string s(n, 'a');
      std::string out(n, ' ');
      unsigned high = 0;
      EXPECT_EQ(c.scan(reinterpret_cast<const unsigned char*>(s.data()), n,
                       out.data(), high),
                n)
          << c.name;
      EXPECT_FALSE(high & 0x80) << c.name << " " << n;
    }
  }
}

std::string library_form(const std::string& s) {
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A document whose every string field holds `s`.
Document document_of(const std::string& s) {
  Document doc;
  doc.text = s;
  Node root;
  root.kind = NodeKind::kDocument;
  root.span = {0, 0};
  root.children = {1};
  Node child;
  child.kind = NodeKind::kArticle;
  child.num = s;
  child.heading = s;
  child.eid = s;
  child.parent = 0;
  doc.nodes = {root, child};
  Reference r;
  r.text = s;
  r.title = s;
  doc.references.push_back(r);
  doc.metadata.title = s;
  return doc;
}

TEST(JsonExport, EveryStringAsTheLibraryWritesItLongOrInvalid) {
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "Điều " + std::to_string(i) + ".\n";
  const std::string cases[] = {
      long_text,
      long_text + "\"quoted\" \\ \t",
      long_text + "Ngh\xE1\xBB",  // ends inside a sequence
      "\x87" + long_text,         // starts with a continuation byte
      std::string(200, '"'),
      std::string(33, '\\') + std::string(95, 'x') + "\x1F",
      "Ngh\xE1\xBB",
      "\xED\xA0\x80 surrogate",
      "\xC0\xAF overlong",
      "Hội đồng nhân dân",
  };
  for (const std::string& s : cases) {
    for (bool compact : {false, true}) {
      JsonOptions options;
      options.include_text = true;
      options.compact = compact;
      const std::string out = to_json(document_of(s), options);
      const Json j = Json::parse(out);
      const std::string expected = library_form(s);
      EXPECT_EQ(j["text"].dump(-1, ' ', false), expected);
      EXPECT_EQ(j["metadata"]["title"].dump(-1, ' ', false), expected);
      EXPECT_EQ(j["body"]["children"][0]["heading"].dump(-1, ' ', false),
                expected);
      EXPECT_EQ(j["references"][0]["title"].dump(-1, ' ', false), expected);
      // The writer's own bytes, not only the parsed values.
      EXPECT_NE(
          out.find("\"text\":" + std::string(compact ? "" : " ") + expected),
          std::string::npos)
          << testing::PrintToString(s);
    }
  }
}

}  // namespace
}  // namespace vnlegal

namespace vnlegal {
namespace {

// A chain of nested units deeper than the run of spaces the writer copies
// for an indent, each with a number, a heading to escape and a reference:
// the pretty output is the library's own pretty printing of it.
TEST(JsonExport, DeepNestingIsIndentedAsTheLibraryIndents) {
  Document doc;
  doc.text = std::string(400, 'x');
  const int depth = 90;
  for (int i = 0; i < depth; ++i) {
    Node n;
    n.kind = i == 0 ? NodeKind::kDocument : NodeKind::kClause;
    if (i > 0) {
      n.num = std::to_string(i);
      n.heading = "Kho\xE1\xBA\xA3n \"" + std::to_string(i) + "\"\n";
      n.eid = "para_" + std::to_string(i);
      n.parent = i - 1;
    }
    n.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(400 - i)};
    if (i + 1 < depth) n.children = {i + 1};
    doc.nodes.push_back(n);
  }
  Reference r;
  r.text = "Điều 5";
  r.pinpoint.article = "5";
  r.node = depth - 1;
  doc.references.push_back(r);
  Quantity q;
  q.value = 2.5;
  q.value_max = 300000;
  q.text = "2,5 - 300.000";
  doc.quantities.push_back(q);
  doc.diagnostics.push_back({"x", Severity::kInfo, "a \"b\"", {1, 2}});
  for (bool text : {false, true}) {
    const std::string pretty = to_json(doc, text);
    EXPECT_EQ(Json::parse(pretty).dump(1) + "\n", pretty);
    JsonOptions compact;
    compact.compact = true;
    compact.include_text = text;
    EXPECT_EQ(Json::parse(pretty).dump() + "\n", to_json(doc, compact));
  }
}

}  // namespace
}  // namespace vnlegal
