// Attributes the items of a list of numbers share, and acts named inside
// another act's title.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/test_documents.h"
#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

struct Shared {
  std::string number, date, issuer;
};

std::vector<Shared> cited(const std::string& text) {
  Document doc = testing::root_document(text);
  extract_references(doc);
  std::vector<Shared> out;
  for (const Reference& r : doc.references)
    if (r.kind == ReferenceKind::kDocument)
      out.push_back({r.number, r.date, r.issuer});
  return out;
}

TEST(ReferenceLists, NumbersUnderOneTypeWordShareDateAndIssuer) {
  const auto got = cited(
      "Căn cứ các Nghị quyết số 12/2020/NQ-HĐND và 13/2020/NQ-HĐND ngày "
      "10/7/2020 của Hội đồng nhân dân tỉnh;");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, "2020-07-10");
  EXPECT_EQ(got[0].issuer, "Hội đồng nhân dân tỉnh");
  EXPECT_EQ(got[1].date, "2020-07-10");
}

TEST(ReferenceLists, AYearThatContradictsTheDateKeepsItOut) {
  const auto got = cited(
      "Căn cứ các Nghị quyết số 12/2019/NQ-HĐND và số 13/2020/NQ-HĐND ngày "
      "10/7/2020 của Hội đồng nhân dân tỉnh;");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, "");
  EXPECT_EQ(got[0].issuer, "Hội đồng nhân dân tỉnh");
}

TEST(ReferenceLists, AnItemWithItsOwnTypeWordKeepsItsOwnDate) {
  // The issuer is shared only when both numbers name it (CP and CP).
  auto got = cited(
      "Căn cứ Nghị định số 11/2020/NĐ-CP và Nghị định số 99/2021/NĐ-CP ngày "
      "11/11/2021 của Chính phủ;");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, "");
  EXPECT_EQ(got[0].issuer, "Chính phủ");
  got = cited(
      "Căn cứ Quyết định số 11/2020/QĐ-UBND và Quyết định số 99/2021/QĐ-TTg "
      "ngày 11/11/2021 của Thủ tướng Chính phủ;");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].issuer, "");
}

TEST(ReferenceLists, AnActNamedInACitedTitleIsMentioned) {
  // The decree numbered in the circular's title is mentioned; the law named
  // there without a number is part of the title, no citation; the law after
  // the semicolon is a basis of its own.
  Document doc = testing::root_document(
      "Căn cứ Thông tư số 342/2016/TT-BTC ngày 30 tháng 12 năm 2016 của Bộ "
      "Tài chính hướng dẫn Nghị định số 163/2016/NĐ-CP và Luật Ngân sách nhà "
      "nước; Căn cứ Luật Đầu tư công;");
  extract_references(doc);
  std::vector<std::string> found;
  for (const Reference& r : doc.references)
    found.push_back(std::string(to_string(r.role)) + " " + r.doc_type + " " +
                    (r.number.empty() ? r.name : r.number));
  EXPECT_EQ(found,
            (std::vector<std::string>{"basis Thông tư 342/2016/TT-BTC",
                                      "mentions Nghị định 163/2016/NĐ-CP",
                                      "basis Luật Đầu tư công"}));
}

}  // namespace
}  // namespace vnlegal
