// Units named by an amendment instruction, and those the quoted new text
// cites, belong to the amended act. The texts follow amending laws and
// resolutions outside the corpus (Luật 47/2019/QH14, Luật 09/2022/QH15,
// Nghị quyết 12/2025/NQ-HĐND of Hà Nội), shortened.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

constexpr const char* kHeader =
    "QUỐC HỘI\nSố: 47/2019/QH14\nHà Nội, ngày 22 tháng 11 năm 2019\n\nLUẬT\n"
    "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT TỔ CHỨC CHÍNH PHỦ VÀ LUẬT TỔ CHỨC "
    "CHÍNH QUYỀN ĐỊA PHƯƠNG\n\n"
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Tổ chức "
    "Chính phủ và Luật Tổ chức chính quyền địa phương.\n\n";

// An amending law of kHeader whose first article is `article`.
Document amending_law(const std::string& article) {
  return parse(std::string(kHeader) + article +
               "Điều 2. Hiệu lực thi hành\nLuật này có hiệu lực từ ngày "
               "ký.\n");
}

// The reference whose text is `text` (the n-th such one).
const Reference* find(const Document& doc, const std::string& text, int n = 0) {
  for (const Reference& r : doc.references)
    if (r.text == text && n-- == 0) return &r;
  return nullptr;
}

// A unit expected to be read in the amended act `number`: the n-th
// reference written `text`, with its pinpoint.
struct UnitCase {
  const char* text;
  int n;
  const char* article;
  const char* clause;
  const char* point;
};

void expect_units_of(const Document& doc, const std::string& number,
                     int32_t antecedent, const std::vector<UnitCase>& cases) {
  for (const UnitCase& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " #" + std::to_string(c.n));
    const Reference* r = find(doc, c.text, c.n);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->kind, ReferenceKind::kDocument);
    EXPECT_EQ(r->number, number);
    EXPECT_EQ(r->pinpoint.article, c.article);
    EXPECT_EQ(r->pinpoint.clause, c.clause);
    EXPECT_EQ(r->pinpoint.point, c.point);
    if (antecedent >= 0) EXPECT_EQ(r->antecedent, antecedent);
    EXPECT_EQ(r->target_node, kNoNode);
  }
}

TEST(ReferencesAmendment, InstructionUnitsBelongToTheAmendedLaw) {
  const Document doc = parse(
      std::string(kHeader) +
      "Điều 1. Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ số "
      "76/2015/QH13\n"
      "1. Sửa đổi, bổ sung một số khoản của Điều 23 như sau:\n"
      "a) Sửa đổi, bổ sung khoản 3 và khoản 4 như sau:\n"
      "“3. Thủ tướng Chính phủ ban hành quyết định.\n"
      "4. Quyết định của Thủ tướng Chính phủ phải được bảo đảm.”;\n"
      "b) Bổ sung khoản 9 vào sau khoản 8 như sau:\n"
      "“9. Chính phủ quy định chi tiết khoản 8 Điều này.”.\n"
      "2. Bãi bỏ khoản 4 Điều 9.\n"
      "Điều 2. Hiệu lực thi hành\n"
      "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2020.\n"
      "2. Điều 1 có hiệu lực từ ngày ký.\n");
  const Reference* law = find(doc, "Luật Tổ chức Chính phủ số 76/2015/QH13");
  ASSERT_NE(law, nullptr);
  const auto law_index = static_cast<int32_t>(law - doc.references.data());
  expect_units_of(doc, "76/2015/QH13", law_index,
                  {
                      {"Điều 23", 0, "23", "", ""},
                      {"khoản 3 và khoản 4", 0, "23", "3", ""},
                      {"khoản 3 và khoản 4", 1, "23", "4", ""},
                      {"khoản 9", 0, "23", "9", ""},
                      {"khoản 8", 0, "23", "8", ""},
                      {"khoản 8 Điều này", 0, "23", "8", ""},  // new text
                      {"khoản 4 Điều 9", 0, "9", "4", ""},
                  });
  // Outside the amending article the document speaks of itself again.
  const Reference* own = find(doc, "Điều 1");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->kind, ReferenceKind::kInternal);
  ASSERT_NE(own->target_node, kNoNode);
  EXPECT_EQ(doc.nodes[own->target_node].num, "1");
  const Reference* self = find(doc, "Luật này");
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->kind, ReferenceKind::kSelf);
}

TEST(ReferencesAmendment, QuotedArticleSpeaksOfTheAmendedAct) {
  const Document doc = parse(
      "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/2025/NQ-HĐND\nHà Nội, "
      "ngày 10 tháng 7 năm 2025\n\nNGHỊ QUYẾT\nSửa đổi, bổ sung một số điều "
      "của Nghị quyết số 35/2024/NQ-HĐND\n\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 2 năm 2025;\n\n"
      "QUYẾT NGHỊ:\n\n"
      "Điều 1. Sửa đổi, bổ sung một số điều của Nghị quyết số "
      "35/2024/NQ-HĐND ngày 10 tháng 12 năm 2024 của Hội đồng nhân dân Thành "
      "phố\n"
      "1. Sửa đổi, bổ sung Điều 10 như sau:\n"
      "“Điều 10. Thẩm quyền quyết định điều chuyển tài sản công\n"
      "1. Chủ tịch Ủy ban nhân dân Thành phố quyết định điều chuyển tài sản, "
      "trừ trường hợp quy định tại điểm a khoản 2 Điều này.\n"
      "2. Thủ trưởng cơ quan quyết định điều chuyển tài sản:\n"
      "a) Tài sản khác, trừ tài sản quy định tại khoản 1;\n"
      "b) Tài sản quy định tại điểm a, trừ tài sản theo Nghị quyết này.”.\n"
      "2. Thay thế cụm từ “cấp huyện” bằng cụm từ “cấp xã” tại khoản 1, "
      "khoản 6 Điều 4; điểm c khoản 2 Điều 7.\n"
      "Điều 2. Tổ chức thực hiện\n"
      "Nghị quyết này có hiệu lực từ ngày 01 tháng 8 năm 2025.\n");
  expect_units_of(
      doc, "35/2024/NQ-HĐND", -1,
      {
          {"Điều 10", 0, "10", "", ""},
          {"điểm a khoản 2 Điều này", 0, "10", "2", "a"},
          {"khoản 1", 0, "10", "1", ""},
          {"điểm a", 0, "10", "2", "a"},  // a point of the clause it is in
          {"Nghị quyết này", 0, "", "", ""},
          {"khoản 1, khoản 6 Điều 4", 0, "4", "1", ""},
          {"khoản 1, khoản 6 Điều 4", 1, "4", "6", ""},
          {"điểm c khoản 2 Điều 7", 0, "7", "2", "c"},
      });
  // The quoted article's own heading is structure, not a citation.
  int tens = 0;
  for (const Reference& r : doc.references) tens += r.text == "Điều 10";
  EXPECT_EQ(tens, 1);
  // The amending resolution's own closing article.
  const Reference* self = find(doc, "Nghị quyết này", 1);
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->kind, ReferenceKind::kSelf);
}

TEST(ReferencesAmendment, QuotedPhraseIsNotTheAmendedAct) {
  // "Bổ sung cụm từ “... Nghị định số 50/2025/NĐ-CP ...”": the decree is a
  // phrase inserted into the resolution, which stays the amended act.
  const Document doc = amending_law(
      "Điều 1. Sửa đổi, bổ sung một số điều của Nghị quyết số "
      "35/2024/NQ-HĐND\n"
      "1. Bổ sung cụm từ “và Nghị định số 50/2025/NĐ-CP của Chính phủ” sau "
      "cụm từ “Nghị định số 114/2024/NĐ-CP của Chính phủ” tại Điều 8.\n");
  const Reference* r = find(doc, "Điều 8");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->number, "35/2024/NQ-HĐND");
  EXPECT_EQ(r->pinpoint.article, "8");
}

TEST(ReferencesAmendment, TheActsHistoryAndAnEditorialNoteAreNoSecondAct) {
  // Luật 71/2014/QH13 as a legal website shows it: a note after the
  // article's number, and the amended law's earlier amendment named.
  const Document doc = amending_law(
      "Điều 1 [Điều này hết hiệu lực bởi Khoản 2 Điều 19 Luật Thuế thu nhập "
      "doanh nghiệp 2025] Sửa đổi, bổ sung một số điều của Luật thuế thu "
      "nhập cá nhân số 04/2007/QH11 đã được sửa đổi, bổ sung một số điều "
      "theo Luật số 26/2012/QH13.\n"
      "1. Sửa đổi khoản 2 Điều 3 như sau:\n“2. Nội dung mới.”.\n");
  const Reference* r = find(doc, "khoản 2 Điều 3");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, ReferenceKind::kDocument);
  EXPECT_EQ(r->number, "04/2007/QH11");
  EXPECT_EQ(r->pinpoint.clause, "2");
}

TEST(ReferencesAmendment, TwoActsInOneInstructionLeaveUnitsAlone) {
  // Which act "Điều 5" belongs to cannot be told: it stays internal.
  const Document doc = amending_law(
      "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-CP "
      "và Nghị định số 16/2020/NĐ-CP\n"
      "1. Sửa đổi khoản 2 Điều 5 như sau:\n“2. Nội dung mới.”.\n");
  const Reference* r = find(doc, "khoản 2 Điều 5");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, ReferenceKind::kInternal);
  EXPECT_EQ(r->antecedent, -1);
}

}  // namespace
}  // namespace vnlegal
