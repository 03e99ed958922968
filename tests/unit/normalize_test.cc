#include "vnlegal/normalize.h"

#include <gtest/gtest.h>

#include <string>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::string expected;
};

class NormalizeCases : public ::testing::TestWithParam<Case> {};

TEST_P(NormalizeCases, Output) {
  const Case& c = GetParam();
  Normalized n = normalize(c.input);
  EXPECT_EQ(n.text, c.expected) << c.name;
  // The map covers the whole text and never points past the input.
  EXPECT_EQ(n.map.out_size(), n.text.size());
  for (uint32_t i = 0; i <= n.text.size(); ++i)
    EXPECT_LE(n.map.to_source(i), c.input.size());
}

const Case kCases[] = {
    {"nfd to nfc", "Nghi\xCC\xA3 quy\xC3\xAA\xCC\x81t", "Nghị quyết"},
    {"eth to d stroke",
     "\xC3\x90i\xE1\xBB\x81u 1. S\xE1\xBB\x91 12/2020/N\xC3\x90-CP",
     "Điều 1. Số 12/2020/NĐ-CP"},
    {"zero width and soft hyphen removed",
     "ng\xC2\xAD\xC6\xB0\xE1\xBB\x9Di\xE2\x80\x8B d\xC3\xA2n", "người dân"},
    {"nbsp and tabs to single spaces",
     "a\xC2\xA0\xC2\xA0"
     "b\t\tc",
     "a b c"},
    {"crlf line endings", "Điều 1. A\r\nĐiều 2. B\r\n", "Điều 1. A\nĐiều 2. B"},
    {"html breaks and tags", "<p align=\"center\">NGHỊ QUYẾT<br>Về việc</p>",
     "NGHỊ QUYẾT\nVề việc"},
    {"jsontable placeholder",
     "<jsontable name=\"bang_0\"> </jsontable>\nNGHỊ QUYẾT", "NGHỊ QUYẾT"},
    {"markdown emphasis", "**Về văn hóa**\n*Căn cứ Luật;*",
     "Về văn hóa\nCăn cứ Luật;"},
    {"entities", "A &amp; B&nbsp;C &#272;", "A & B C Đ"},
    {"rules removed", "CHÍNH PHỦ -------\n---\nSố: 1", "CHÍNH PHỦ\nSố: 1"},
    {"hyphen spacing", "kinh tế- xã hội", "kinh tế - xã hội"},
    {"wrapped line joined (lower case)",
     "Căn cứ Luật Tổ chức chính\nquyền địa phương;",
     "Căn cứ Luật Tổ chức chính quyền địa phương;"},
    {"page break split joined", "các dự án\n\nđầu giá quyền sử dụng đất",
     "các dự án đầu giá quyền sử dụng đất"},
    {"function word joins upper case",
     "theo Nghị quyết của\nHội đồng nhân dân tỉnh.",
     "theo Nghị quyết của Hội đồng nhân dân tỉnh."},
    {"year after a wrapped line", "6 tháng cuối năm\n2017, với những nội dung",
     "6 tháng cuối năm 2017, với những nội dung"},
    {"never joined into a heading", "các nội dung sau\nĐiều 2. Hiệu lực",
     "các nội dung sau\nĐiều 2. Hiệu lực"},
    {"never joined into a list item", "gồm các việc\n1. Một\na) Hai\n- Ba",
     "gồm các việc\n1. Một\na) Hai\n- Ba"},
    {"sentence end keeps the break",
     "Điều 1. Phạm vi điều chỉnh.\nNghị định này",
     "Điều 1. Phạm vi điều chỉnh.\nNghị định này"},
    {"heading without punctuation keeps the break",
     "Điều 1. Phạm vi điều chỉnh\nNghị định này",
     "Điều 1. Phạm vi điều chỉnh\nNghị định này"},
    {"open emphasis joins", "**ỦY BAN NHÂN\nDÂN **", "ỦY BAN NHÂN DÂN"},
    {"pipe-only lines dropped", "|\nSố: 174/KH-UBND\n|", "Số: 174/KH-UBND"},
    {"invalid utf8 becomes replacement",
     std::string("a\xFF"
                 "b"),
     "a\xEF\xBF\xBD"
     "b"},
};

INSTANTIATE_TEST_SUITE_P(All, NormalizeCases, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                           return "case_" + std::to_string(info.index);
                         });

TEST(Normalize, OffsetsMapBackToSourceWords) {
  const std::string src = "Căn cứ Luật Tổ chức chính\n\nquyền  địa phương;";
  Document doc = parse(src);
  ASSERT_EQ(doc.text, "Căn cứ Luật Tổ chức chính quyền địa phương;");
  const size_t pos = doc.text.find("quyền");
  EXPECT_EQ(src.substr(doc.offsets.to_source(static_cast<uint32_t>(pos)),
                       std::string("quyền").size()),
            "quyền");
  const size_t dia = doc.text.find("địa");
  EXPECT_EQ(src.substr(doc.offsets.to_source(static_cast<uint32_t>(dia)),
                       std::string("địa").size()),
            "địa");
}

TEST(Normalize, EmphasisSpansAreReported) {
  Normalized n = normalize("Mở đầu\n*Về văn hóa, thể dục thể thao*\nNội dung.");
  ASSERT_EQ(n.emphasis.size(), 1u);
  EXPECT_EQ(n.text.substr(n.emphasis[0].begin, n.emphasis[0].size()),
            "Về văn hóa, thể dục thể thao");
}

TEST(Normalize, InvalidUtf8GivesDiagnostic) {
  Document doc = parse(std::string("Điều 1.\xC3 nội dung"));
  EXPECT_TRUE(check_invariants(doc).empty());
  bool found = false;
  for (const auto& d : doc.diagnostics) found |= d.code == "invalid-utf8";
  EXPECT_TRUE(found);
}

TEST(Normalize, Utf16WithBomIsDecoded) {
  const std::string u16(
      "\xFF\xFE"
      "D\x00"
      "\x11\x01"
      "i\x00",
      8);  // "Dđi"
  Document doc = parse(u16);
  EXPECT_EQ(doc.text, "Dđi");
  EXPECT_EQ(doc.source.encoding, "UTF-16LE");
}

}  // namespace
}  // namespace vnlegal
