// Hostile and degenerate inputs: each parses, keeps the model's invariants
// and reports what is wrong. (Speed is measured in bench/, not here.)
#include <gtest/gtest.h>

#include <string>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

bool has_code(const Document& doc, const std::string& code) {
  for (const auto& d : doc.diagnostics)
    if (d.code == code) return true;
  return false;
}

TEST(Pathological, EmptyInput) {
  Document doc = parse("");
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_TRUE(has_code(doc, "empty-input"));
  EXPECT_EQ(doc.nodes.size(), 1u);
}

TEST(Pathological, BinaryInput) {
  std::string bin;
  for (int i = 0; i < 4096; ++i) bin.push_back(static_cast<char>(i % 256));
  Document doc = parse(bin);
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_TRUE(has_code(doc, "binary-input"));
}

TEST(Pathological, OneVeryLongLine) {
  std::string line;
  while (line.size() < 5'000'000)
    line += "Căn cứ Nghị định số 12/2020/NĐ-CP ngày 1/1/2020 và ";
  Document doc = parse(line);
  EXPECT_TRUE(check_invariants(doc).empty());
  EXPECT_EQ(doc.text.size(), line.size() - 1);  // the trailing space is trimmed
}

TEST(Pathological, HundredThousandArticles) {
  std::string text;
  for (int i = 1; i <= 100'000; ++i)
    text += "Điều " + std::to_string(i) + ". Nội dung\n";
  Document doc = parse(text);
  EXPECT_TRUE(check_invariants(doc).empty());
  size_t articles = 0;
  for (const Node& n : doc.nodes) articles += n.kind == NodeKind::kArticle;
  EXPECT_EQ(articles, 100'000u);
}

TEST(Pathological, FalseHeadingsAreText) {
  Document doc = parse(
      "QUYẾT NGHỊ:\nĐiều 1. Phạm vi\nNội dung.\nĐiều 7. Không liên tục\n2020. "
      "Năm bản lề\n"
      "Điều 2. Hiệu lực\n");
  std::vector<std::string> nums;
  for (const Node& n : doc.nodes)
    if (n.kind == NodeKind::kArticle) nums.push_back(n.num);
  EXPECT_EQ(nums, (std::vector<std::string>{"1", "2"}));
}

TEST(Pathological, DeeplyNestedQuotes) {
  std::string text = "Điều 1. Sửa đổi như sau:\n";
  for (int i = 0; i < 2000; ++i) text += "“Điều 1. Sửa đổi như sau:\n";
  for (int i = 0; i < 2000; ++i) text += "”\n";
  Document doc = parse(text);
  EXPECT_TRUE(check_invariants(doc).empty());
}

TEST(Pathological, NulBytesInsideUtf16) {
  std::string u16("\xFF\xFE", 2);
  for (char c : std::string("Điều 1. A")) {
    u16.push_back(c);
    u16.push_back('\0');
  }
  Document doc = parse(u16);
  EXPECT_TRUE(check_invariants(doc).empty());
}

}  // namespace
}  // namespace vnlegal
