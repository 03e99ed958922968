#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <pugixml.hpp>
#include <set>

#include "export/ids.h"
#include "unit/export_fixture.h"
#include "unit/test_documents.h"
#include "vnlegal/export.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

using testing::add_node;
using testing::find_span;
using testing::sample_resolution;

pugi::xml_document parse_xml(const std::string& xml) {
  pugi::xml_document d;
  pugi::xml_parse_result r = d.load_string(xml.c_str());
  EXPECT_TRUE(r) << r.description();
  return d;
}

std::string xpath_text(const pugi::xml_document& d, const char* xpath) {
  if (!d.select_node(xpath)) return "<none>";
  return pugi::xpath_query(xpath).evaluate_string(d);
}

// Validates with xmllint when it is installed (libxml2-utils).
void expect_valid(const std::string& xml, const std::string& label) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) return;
  // One file per process: ctest runs tests side by side.
  const std::string path =
      ::testing::TempDir() + "akn_test_" + std::to_string(::getpid()) + ".xml";
  std::ofstream(path, std::ios::binary) << xml;
  const std::string cmd = "xmllint --noout --schema " VNLEGAL_SOURCE_DIR
                          "/schemas/akn/akomantoso30.xsd " +
                          path + " >/dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << label;
  std::remove(path.c_str());
}

Document with_text(const std::string& text) {
  return testing::root_document(text);
}

// Plan-style resolution: divisions and items inside Điều 1, a run-in
// heading between items, an amendment quoting new text, an attachment.
Document plan_document() {
  Document doc = with_text(
      "Điều 1. Nhiệm vụ\nI. KINH TẾ\n1. Công nghiệp\n*Về văn hóa*\n"
      "2. Dịch vụ\n1.1. Thương mại\nII. XÃ HỘI\nVăn bản tiếp theo.\n"
      "Điều 2. Sửa đổi\nĐiều 5 được sửa đổi như sau:\n“1. Nội dung mới.\n"
      "a) điểm mới”\nQUY CHẾ\n(Ban hành kèm theo Nghị quyết)\n"
      "Điều 1. Phạm vi\nNội dung.\n");
  int32_t a1 = add_node(doc, 0, NodeKind::kArticle, "1", "Nhiệm vụ",
                        "Điều 1. Nhiệm vụ", "Điều 2.");
  int32_t d1 = add_node(doc, a1, NodeKind::kDivision, "I", "KINH TẾ", "I. KINH",
                        "II. XÃ");
  add_node(doc, d1, NodeKind::kItem, "1", "Công nghiệp", "1. Công", "*Về");
  add_node(doc, d1, NodeKind::kHeading, "", "", "*Về", "2. Dịch");
  int32_t i2 =
      add_node(doc, d1, NodeKind::kItem, "2", "Dịch vụ", "2. Dịch", "II. XÃ");
  add_node(doc, i2, NodeKind::kSubitem, "1.1", "Thương mại", "1.1.", "II. XÃ");
  add_node(doc, a1, NodeKind::kDivision, "II", "XÃ HỘI", "II. XÃ", "Điều 2.");
  int32_t a2 = add_node(doc, 0, NodeKind::kArticle, "2", "Sửa đổi", "Điều 2.",
                        "QUY CHẾ");
  int32_t q = add_node(doc, a2, NodeKind::kQuoted, "", "", "“1.", "QUY CHẾ");
  int32_t qc = add_node(doc, q, NodeKind::kClause, "1", "", "“1.", "QUY CHẾ");
  add_node(doc, qc, NodeKind::kPoint, "a", "", "a) điểm", "QUY CHẾ");
  int32_t att =
      add_node(doc, 0, NodeKind::kAttachment, "", "QUY CHẾ", "QUY CHẾ", "");
  add_node(doc, att, NodeKind::kArticle, "1", "Phạm vi", "Điều 1. Phạm vi", "");
  return doc;
}

struct ValidCase {
  const char* name;
  std::function<Document()> make;
};

class AknValidates : public ::testing::TestWithParam<ValidCase> {};

TEST_P(AknValidates, AgainstTheOasisSchema) {
  Document doc = GetParam().make();
  EXPECT_TRUE(check_invariants(doc).empty());
  expect_valid(to_akn(doc), GetParam().name);
}

INSTANTIATE_TEST_SUITE_P(
    Documents, AknValidates,
    ::testing::Values(
        ValidCase{"sample", [] { return sample_resolution(); }},
        ValidCase{"no_metadata",
                  [] {
                    Document d = sample_resolution();
                    d.metadata = Metadata{};
                    return d;
                  }},
        ValidCase{"year_only",
                  [] {
                    Document d = sample_resolution();
                    d.metadata.date.reset();
                    d.metadata.number = "12/2020/NQ-HĐND";
                    return d;
                  }},
        ValidCase{"empty_input", [] { return parse(""); }},
        ValidCase{"root_only",
                  [] { return with_text("Văn bản\n\nkhông cấu trúc"); }},
        ValidCase{"control_chars",
                  [] {
                    return with_text(
                        "a\x01"
                        "b\x0c"
                        "c\xef\xbf\xbe"
                        "d\n");
                  }},
        ValidCase{"plan_quote_attachment", [] { return plan_document(); }},
        ValidCase{"signer_without_issuer",
                  [] {
                    Document d = sample_resolution();
                    d.metadata.issuer.reset();
                    d.metadata.issuer_code.reset();
                    return d;
                  }}),
    [](const ::testing::TestParamInfo<ValidCase>& info) {
      return std::string(info.param.name);
    });

TEST(Akn, FrbrUrisFollowTheNamingConvention) {
  auto xml = parse_xml(to_akn(sample_resolution()));
  const std::string work =
      "/akn/vn/act/nghi-quyet/hdnd-bac-tu-liem/2020-06-18/01";
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRuri/@value"), work);
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRthis/@value"), work + "/!main");
  EXPECT_EQ(xpath_text(xml, "//FRBRExpression/FRBRuri/@value"), work + "/vie@");
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRdate/@date"), "2020-06-18");
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRnumber/@value"), "01/NQ-HĐND");
  EXPECT_EQ(xpath_text(xml, "//FRBRExpression/FRBRlanguage/@language"), "vie");
  EXPECT_EQ(xpath_text(xml, "//TLCOrganization[@eId='issuer']/@showAs"),
            "HỘI ĐỒNG NHÂN DÂN QUẬN BẮC TỪ LIÊM");
}

TEST(Akn, MissingDateFallsBackToTheYearOfTheNumber) {
  Document d = sample_resolution();
  d.metadata.date.reset();
  d.metadata.number = "12/2020/NQ-HĐND";
  auto xml = parse_xml(to_akn(d));
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRuri/@value"),
            "/akn/vn/act/nghi-quyet/hdnd-bac-tu-liem/2020/12");
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRdate/@date"), "2020-01-01");
  EXPECT_EQ(xpath_text(xml, "//FRBRWork/FRBRdate/@name"), "year-of-number");
}

TEST(Akn, StructureUsesAknElementsAndEids) {
  auto xml = parse_xml(to_akn(sample_resolution()));
  struct {
    const char* xpath;
    const char* expected;
  } cases[] = {
      {"//body/chapter/@eId", "chp_I"},
      {"//chapter/num", "Chương I"},
      {"//chapter/heading", "NHỮNG QUY ĐỊNH CHUNG"},
      {"//article[@eId='chp_I__art_1']/num", "Điều 1."},
      {"//article[@eId='chp_I__art_1']/heading", "Mục tiêu"},
      {"//paragraph[@eId='chp_I__art_1__para_2']/content/p",
       "Tổ chức thực hiện."},
      {"//point[@eId='chp_I__art_1__para_1__point_a']/num", "a)"},
      {"//preamble/citations/citation/p",
       "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;"},
      {"//preamble/formula/@name", "enactingFormula"},
      {"//preface//docNumber", "01 /NQ-HĐND"},
      {"//preface//docDate/@date", "2020-06-18"},
      {"//preface//docDate", "ngày 18 tháng 6 năm 2020"},
      {"//preface//docType", "NGHỊ QUYẾT"},
      {"//conclusions//signature/person", "Nguyễn Văn A"},
      {"//conclusions//signature/role", "CHỦ TỊCH"},
      {"//conclusions/blockContainer[@class='recipients']/p", "Nơi nhận:"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(xpath_text(xml, c.xpath), c.expected) << c.xpath;
}

TEST(Akn, ReferencesAndQuantitiesAreInline) {
  auto xml = parse_xml(to_akn(sample_resolution()));
  EXPECT_EQ(xpath_text(xml, "//ref[.='khoản 2 Điều 1']/@href"),
            "#chp_I__art_1__para_2");
  EXPECT_EQ(xpath_text(xml, "//ref[starts-with(., 'Nghị định')]/@href"),
            "/akn/vn/act/nghi-dinh/cp/2018-04-23/61");
  EXPECT_EQ(xpath_text(xml, "//quantity/@normalized"), "8");
  EXPECT_EQ(xpath_text(xml, "//quantity"), "8%");
  EXPECT_EQ(xpath_text(xml, "//quantity/@refersTo"), "#target");
  // The clause's text keeps the words around the inline elements.
  EXPECT_EQ(xpath_text(xml, "//paragraph[@eId='chp_I__art_1__para_1']/intro/p"),
            "Phấn đấu tốc độ tăng thu ngân sách đạt 8%.");
}

TEST(Akn, PlanStyleQuotedAndAttachments) {
  auto xml = parse_xml(to_akn(plan_document()));
  // A hand-built document gets the ids a parsed one gets (model/node_ids).
  EXPECT_EQ(xpath_text(xml, "//hcontainer[@name='division']/@eId"),
            "art_1__dvs_I");
  EXPECT_EQ(xpath_text(xml, "//hcontainer[@name='subitem']/num"), "1.1.");
  EXPECT_EQ(xpath_text(xml, "//hcontainer[@name='division']/crossHeading"),
            "*Về văn hóa*");
  EXPECT_EQ(xpath_text(xml, "//quotedStructure/paragraph/point/content/p"),
            "điểm mới”");
  EXPECT_EQ(
      xpath_text(xml, "//attachments/attachment/doc/mainBody/article/num"),
      "Điều 1.");
  EXPECT_EQ(xpath_text(xml, "//attachment/doc/meta//FRBRWork/FRBRthis/@value")
                .substr(0, 12),
            "/akn/vn/act/");
}

TEST(Akn, UnnumberedParagraphsArePWithTheirId) {
  Document doc = with_text("Điều 1. Phạm vi\nDòng một.\nDòng hai.\nDòng ba.\n");
  int32_t a =
      add_node(doc, 0, NodeKind::kArticle, "1", "Phạm vi", "Điều 1.", "");
  add_node(doc, a, NodeKind::kParagraph, "", "", "Dòng một.", "Dòng hai.");
  add_node(doc, a, NodeKind::kParagraph, "", "", "Dòng hai.", "");
  const std::string akn = to_akn(doc);
  expect_valid(akn, "paragraphs");
  auto xml = parse_xml(akn);
  EXPECT_EQ(xpath_text(xml, "//article/content/p[@eId='art_1__p_1']"),
            "Dòng một.");
  // Two lines stay two <p>s, grouped under the node's id.
  EXPECT_EQ(
      xpath_text(xml,
                 "//article/content/blockContainer[@eId='art_1__p_2']/p[2]"),
      "Dòng ba.");
}

TEST(Akn, OnePhraseCitingTwoUnitsIsAnMref) {
  Document doc = sample_resolution();
  Reference second = doc.references[0];  // "khoản 2 Điều 1" -> clause 2
  second.target_node = 7;                // and clause 1, same words
  doc.references.push_back(second);
  const std::string akn = to_akn(doc);
  expect_valid(akn, "mref");
  auto xml = parse_xml(akn);
  EXPECT_EQ(xpath_text(xml, "//mref/ref[1]/@href"), "#chp_I__art_1__para_2");
  EXPECT_EQ(xpath_text(xml, "//mref/ref[2]/@href"), "#chp_I__art_1__para_1");
  EXPECT_EQ(xpath_text(xml, "//mref"), "khoản 2 Điều 1");
}

TEST(Akn, BrokenChildLinksAreSkipped) {
  Document doc = with_text("Điều 1. A\n");
  add_node(doc, 0, NodeKind::kArticle, "1", "A", "Điều 1.", "");
  doc.nodes[1].children = {0, 1, 7};  // a cycle, itself, out of range
  EXPECT_NE(to_akn(doc).find("<article"), std::string::npos);
  EXPECT_NE(to_html(doc).find("<section"), std::string::npos);
}

TEST(Akn, CitationsInAHeadingAreLinked) {
  Document doc =
      with_text("Điều 3. Sửa đổi Nghị định số 61/2018/NĐ-CP\nNội dung.\n");
  add_node(doc, 0, NodeKind::kArticle, "3",
           "Sửa đổi Nghị định số 61/2018/NĐ-CP", "Điều 3.", "");
  Reference r;
  r.number = "61/2018/NĐ-CP";
  r.doc_type = "Nghị định";
  r.issuer_code = "CP";
  r.role = ReferenceRole::kAmends;
  r.text = "Nghị định số 61/2018/NĐ-CP";
  r.span = find_span(doc.text, r.text);
  r.node = 1;
  doc.references.push_back(r);
  const std::string akn = to_akn(doc);
  expect_valid(akn, "heading ref");
  auto xml = parse_xml(akn);
  EXPECT_EQ(xpath_text(xml, "//article/heading/ref/@href"),
            "/akn/vn/act/nghi-dinh/cp/2018/61");
  EXPECT_EQ(xpath_text(xml, "//article/heading"),
            "Sửa đổi Nghị định số 61/2018/NĐ-CP");
}

TEST(Akn, OutputIsDeterministic) {
  EXPECT_EQ(to_akn(sample_resolution()), to_akn(sample_resolution()));
}

TEST(AknIds, FollowTheNamingConventionAndAreUnique) {
  Document doc = sample_resolution();
  std::vector<std::string> ids = export_detail::node_ids(doc);
  EXPECT_EQ(ids[0], "");
  EXPECT_EQ(ids[8], "chp_I__art_1__para_1__point_a");
  std::set<std::string> seen(ids.begin() + 1, ids.end());
  EXPECT_EQ(seen.size(), ids.size() - 1);
}

TEST(AknIds, SegmenterIdsWinAndDuplicatesGetASuffix) {
  Document doc = with_text("Điều 1. A\nĐiều 1. B\nĐiều 2. C\n");
  add_node(doc, 0, NodeKind::kArticle, "1", "A", "Điều 1. A", "Điều 1. B");
  add_node(doc, 0, NodeKind::kArticle, "1", "B", "Điều 1. B", "Điều 2.");
  int32_t a = add_node(doc, 0, NodeKind::kArticle, "2", "C", "Điều 2.", "");
  doc.nodes[a].eid = "art_2";
  std::vector<std::string> ids = export_detail::node_ids(doc);
  EXPECT_EQ(ids[1], "art_1");
  EXPECT_EQ(ids[2], "art_1_2");  // a repeated number, as the segmenter does
  EXPECT_EQ(ids[3], "art_2");
}

// Forms appended to a decree restart their numbering: past a few dozen
// numbered children the repeats are counted in a hash map instead of a
// list, with the same suffixes.
TEST(AknIds, ManyChildrenWithRestartedNumbers) {
  std::string text;
  for (int round = 0; round < 3; ++round)
    for (int n = 1; n <= 30; ++n) text += "Điều " + std::to_string(n) + ". X\n";
  Document doc = with_text(text);
  for (int round = 0; round < 3; ++round)
    for (int n = 1; n <= 30; ++n) {
      Node node;
      node.kind = NodeKind::kArticle;
      node.num = std::to_string(n);
      node.span = {0, 1};
      doc.nodes.push_back(node);
      doc.nodes[0].children.push_back(
          static_cast<int32_t>(doc.nodes.size() - 1));
    }
  std::vector<std::string> ids = export_detail::node_ids(doc);
  ASSERT_EQ(ids.size(), 91u);
  EXPECT_EQ(ids[1], "art_1");
  EXPECT_EQ(ids[30], "art_30");
  EXPECT_EQ(ids[31], "art_1_2");
  EXPECT_EQ(ids[60], "art_30_2");
  EXPECT_EQ(ids[61], "art_1_3");
  EXPECT_EQ(ids[90], "art_30_3");
  std::set<std::string> unique(ids.begin() + 1, ids.end());
  EXPECT_EQ(unique.size(), 90u);
}

// Repeats are counted among siblings only: the same number under another
// parent, or a level below, starts again without a suffix.
TEST(AknIds, RepeatsAreCountedPerParent) {
  Document doc = with_text("x");
  auto child = [&doc](int32_t parent, NodeKind kind, const char* num) {
    Node node;
    node.kind = kind;
    node.num = num;
    node.span = {0, 1};
    node.parent = parent;
    doc.nodes.push_back(node);
    const auto index = static_cast<int32_t>(doc.nodes.size() - 1);
    doc.nodes[parent].children.push_back(index);
    return index;
  };
  const int32_t a1 = child(0, NodeKind::kArticle, "1");
  child(a1, NodeKind::kClause, "1");
  const int32_t c2 = child(a1, NodeKind::kClause, "1");
  child(c2, NodeKind::kPoint, "a");
  child(c2, NodeKind::kPoint, "đ");
  child(c2, NodeKind::kPoint, "đ");
  child(c2, NodeKind::kParagraph, "");
  child(c2, NodeKind::kParagraph, "");
  const int32_t a2 = child(0, NodeKind::kArticle, "2");
  const int32_t c3 = child(a2, NodeKind::kClause, "1");
  child(c3, NodeKind::kPoint, "đ");
  child(c3, NodeKind::kParagraph, "");
  const std::vector<std::string> ids = export_detail::node_ids(doc);
  const std::vector<std::string> expected = {"",
                                             "art_1",
                                             "art_1__para_1",
                                             "art_1__para_1_2",
                                             "art_1__para_1_2__point_a",
                                             "art_1__para_1_2__point_dd",
                                             "art_1__para_1_2__point_dd_2",
                                             "art_1__para_1_2__p_1",
                                             "art_1__para_1_2__p_2",
                                             "art_2",
                                             "art_2__para_1",
                                             "art_2__para_1__point_dd",
                                             "art_2__para_1__p_1"};
  EXPECT_EQ(ids, expected);
}

TEST(AknIds, Slug) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"Hội đồng nhân dân quận Bắc Từ Liêm",
       "hoi-dong-nhan-dan-quan-bac-tu-liem"},
      {"Nghị quyết", "nghi-quyet"},
      {"ĐỒNG THÁP", "dong-thap"},
      {"  61/2018/NĐ-CP ", "61-2018-nd-cp"},
      {"", ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(export_detail::slug(c.in), c.out) << c.in;
}

TEST(AknIds, LooseFindToleratesSpacesAroundSeparators) {
  struct {
    const char* hay;
    const char* needle;
    size_t begin, end;
  } cases[] = {
      {"Số: 01 /NQ-HĐND", "01/NQ-HĐND", 6, 18},
      {"Về việc\nabc", "Về việc abc", 0, 15},
      {"x", "y", std::string::npos, std::string::npos},
  };
  for (const auto& c : cases) {
    auto [b, e] = export_detail::find_loose(c.hay, c.needle);
    EXPECT_EQ(b, c.begin) << c.hay;
    EXPECT_EQ(e, c.end) << c.hay;
  }
}

}  // namespace
}  // namespace vnlegal
