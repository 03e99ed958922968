#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "unit/export_fixture.h"
#include "vnlegal/export.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

using testing::sample_resolution;

TEST(Html, PageHasOutlineLinksAndHighlights) {
  const std::string html = to_html(sample_resolution());
  const char* expected[] = {
      "<!DOCTYPE html>",
      "<nav id=\"outline\"",
      // The outline links each unit to its section.
      "<a href=\"#chp_I\">Chương I. NHỮNG QUY ĐỊNH CHUNG</a>",
      "<a href=\"#chp_I__art_1\">Điều 1. Mục tiêu</a>",
      "<section class=\"node k-article\" id=\"chp_I__art_1\">",
      // An internal reference points at the cited clause.
      "<a class=\"ref internal\" data-kind=\"internal\" data-role=\"mentions\" "
      "href=\"#chp_I__art_1__para_2\">khoản 2 Điều 1</a>",
      // A citation of another document is marked external.
      "<cite class=\"ref external\" data-kind=\"document\" data-role=\"basis\" "
      "data-uri=\"/akn/vn/act/nghi-dinh/cp/2018-04-23/61\"",
      // The target is highlighted and carries its value.
      "<mark class=\"quantity target\" id=\"q1\" data-value=\"8\" "
      "data-unit=\"%\" data-label=\"reach 8 %\"",
      ">8%</mark>",
      "<section id=\"quantities\">",
      "<dt>Số</dt><dd>01/NQ-HĐND</dd>",
  };
  for (const char* e : expected)
    EXPECT_NE(html.find(e), std::string::npos) << e;
  // The page needs nothing from the network.
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(Html, EscapesMarkupInTheText) {
  Document doc;
  doc.text = "<b>Điều 1</b> & \"x\"\n";
  Node root;
  root.kind = NodeKind::kDocument;
  root.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.nodes.push_back(root);
  const std::string html = to_html(doc);
  EXPECT_NE(html.find("&lt;b&gt;Điều 1&lt;/b&gt; &amp; &quot;x&quot;"),
            std::string::npos);
}

TEST(Html, DocumentWithoutStructureStillHasAnOutline) {
  // Only a root: what the parser gives when it finds no unit at all.
  Document doc;
  doc.text = "Văn bản không có cấu trúc.\n";
  Node root;
  root.kind = NodeKind::kDocument;
  root.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.nodes.push_back(root);
  const std::string html = to_html(doc);
  EXPECT_NE(html.find("<a href=\"#text\">"), std::string::npos);
  EXPECT_NE(html.find("<article class=\"document\" id=\"text\">"),
            std::string::npos);
}

// Writes the sample page for the browser test (tests/export/check_html.py),
// which cannot build a Document with references and targets by itself.
TEST(Html, WritesSamplePageWhenAsked) {
  const char* path = std::getenv("VNLEGAL_HTML_SAMPLE");
  if (!path) GTEST_SKIP() << "VNLEGAL_HTML_SAMPLE not set";
  std::ofstream(path, std::ios::binary) << to_html(sample_resolution());
}

}  // namespace
}  // namespace vnlegal
