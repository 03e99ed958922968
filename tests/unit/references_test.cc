// Reference extraction: number canonical forms, document-level rules (own
// number, own title, back-references), node linking of internal references
// and the model invariants.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/citation_number.h"
#include "unit/test_documents.h"
#include "vnlegal/extract.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

Document make_doc(const std::string& text) {
  return testing::root_document(text);
}

int32_t add_node(Document& doc, int32_t parent, NodeKind kind,
                 const std::string& num, const std::string& from,
                 const std::string& to) {
  const size_t b = doc.text.find(from);
  const size_t e = to.empty() ? doc.text.size() : doc.text.find(to, b);
  Node n;
  n.kind = kind;
  n.num = num;
  n.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  n.parent = parent;
  doc.nodes.push_back(n);
  const auto id = static_cast<int32_t>(doc.nodes.size() - 1);
  doc.nodes[parent].children.push_back(id);
  return id;
}

std::vector<const Reference*> of_kind(const Document& doc, ReferenceKind k) {
  std::vector<const Reference*> out;
  for (const Reference& r : doc.references)
    if (r.kind == k) out.push_back(&r);
  return out;
}

struct NumberCase {
  const char* text;
  const char* canonical;  // "" when not a number
  const char* type_code;
  const char* issuer_code;
  int year;  // 0 when absent
  bool party;
};

TEST(ReferencesNumber, CanonicalForms) {
  const NumberCase cases[] = {
      {"61/2018/NĐ-CP", "61/2018/NĐ-CP", "NĐ", "CP", 2018, false},
      {"147/2020/ND-CP", "147/2020/NĐ-CP", "NĐ", "CP", 2020, false},
      {"61/2018/ÐN-CP", "61/2018/ĐN-CP", "", "ĐN", 2018, false},
      {"01 /NQ-HĐND", "01/NQ-HĐND", "NQ", "HĐND", 0, false},
      {"19-2017/NQ-CP", "19/2017/NQ-CP", "NQ", "CP", 2017, false},
      {"08-NQ/TW", "08-NQ/TW", "NQ", "TW", 0, true},
      {"02-TT/TU", "02-TT/TU", "TT", "TU", 0, true},
      {"104-CTr/Tu", "104-CTr/TU", "CTr", "TU", 0, true},
      {"61-CP", "61-CP", "", "CP", 0, false},
      {"299/TTg", "299/TTg", "", "TTg", 0, false},
      {"68-LCT/HĐNN8", "68-LCT/HĐNN8", "LCT", "HĐNN", 0, false},
      {"760/KL-TTTP(P1)", "760/KL-TTTP(P1)", "KL", "TTTP", 0, false},
      {"05/VBHN-VPQH", "05/VBHN-VPQH", "VBHN", "VPQH", 0, false},
      {"80/2015/QH13", "80/2015/QH13", "", "QH", 2015, false},
      {"1567/NQ-UBTVQH15", "1567/NQ-UBTVQH15", "NQ", "UBTVQH", 0, false},
      {"3397/BKHĐT-QLKTTW", "3397/BKHĐT-QLKTTW", "", "BKHĐT", 0, false},
      {"89/2016/TTLT-BTC-BCT", "89/2016/TTLT-BTC-BCT", "TTLT", "BTC-BCT", 2016,
       false},
      {"61/2018/NĐ–CP", "61/2018/NĐ-CP", "NĐ", "CP", 2018, false},
      {"05/2020/QĐ-TTG", "05/2020/QĐ-TTg", "QĐ", "TTg", 2020, false},
      {"35 /2024/QĐ-UBND", "35/2024/QĐ-UBND", "QĐ", "UBND", 2024, false},
      {"1249a/CTPH-UBDT-BTP", "1249a/CTPH-UBDT-BTP", "CTPH", "UBDT-BTP", 0,
       false},
      // Not numbers: dates, fractions, paths, file names.
      {"23/4/2018", "", "", "", 0, false},
      {"24/7", "", "", "", 0, false},
      {"22/Resources/css", "", "", "", 0, false},
      {"12/A", "", "", "", 0, false},
      {"17 - thân", "", "", "", 0, false},
  };
  for (const NumberCase& c : cases) {
    SCOPED_TRACE(c.text);
    auto n = citation::parse_number(c.text, 0);
    if (c.canonical[0] == '\0') {
      EXPECT_FALSE(n.has_value());
      continue;
    }
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(n->canonical, c.canonical);
    EXPECT_EQ(n->type_code, c.type_code);
    EXPECT_EQ(n->issuer_code, c.issuer_code);
    EXPECT_EQ(n->year.value_or(0), c.year);
    EXPECT_EQ(n->party, c.party);
  }
}

struct DateCase {
  const char* text;
  const char* iso;
};

TEST(ReferencesDate, AllWrittenForms) {
  const DateCase cases[] = {
      {"Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "2018-04-23"},
      {"Nghị định số 61/2018/NĐ-CP ngày 23-4-2018", "2018-04-23"},
      {"Nghị định số 61/2018/NĐ-CP ngày 23.4.2018", "2018-04-23"},
      {"Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018", "2018-04-23"},
      {"Nghị định số 61/2018/NĐ-CP ngày 3 tháng4 năm 2018", "2018-04-03"},
      {"Nghị định số 61/2018/NĐ-CP ngày\xC2\xA0"
       "13/3/2013",
       "2013-03-13"},
      {"Nghị định số 61/2018/NĐ-CP ngày 24/ 8/2001", "2001-08-24"},
      {"Nghị định số 61/2018/NĐ-CP ngày 32/4/2018", ""},
      {"Nghị định số 61/2018/NĐ-CP ngày 3/13/2018", ""},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = make_doc(c.text);
    extract_references(doc);
    ASSERT_EQ(doc.references.size(), 1u);
    EXPECT_EQ(doc.references[0].date, c.iso);
  }
}

TEST(References, OwnNumberInTheHeaderIsSelf) {
  Document doc = make_doc(
      "Nghị định 87/2025/NĐ-CP\nCHÍNH PHỦ\nSố: 87/2025/NĐ-CP Hà Nội ngày 11 "
      "tháng 4 năm 2025\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm "
      "2025;\nPHỤ LỤC (Kèm theo Nghị định số 87/2025/NĐ-CP ngày 11 tháng 4 "
      "năm 2025 của Chính phủ)\n");
  extract_references(doc);
  // The site title and the header number are not citations.
  ASSERT_EQ(doc.references.size(), 2u);
  EXPECT_EQ(doc.references[0].kind, ReferenceKind::kNamed);
  EXPECT_EQ(doc.references[0].role, ReferenceRole::kBasis);
  EXPECT_EQ(doc.references[1].kind, ReferenceKind::kSelf);
  EXPECT_EQ(doc.references[1].number, "87/2025/NĐ-CP");
}

// A copy that lost its header table keeps the attachment's caption: the
// resolution it names is this one (a Thừa Thiên Huế council resolution of
// 2017, outside the corpus). A caption citing another type is a citation.
TEST(References, AttachmentCaptionWithoutOwnNumberIsSelf) {
  Document doc = make_doc(
      "NGHỊ QUYẾT\nVỀ KẾT QUẢ GIÁM SÁT\nCăn cứ Nghị quyết số 21/NQ-HĐND "
      "ngày 09 tháng 12 năm 2016 của Hội đồng nhân dân tỉnh;\nĐiều 1. Tán "
      "thành.\nDANH MỤC\n79 DỰ ÁN CẦN XEM XÉT THU HỒI\n(Ban hành kèm theo "
      "Nghị quyết số 08/NQ-HĐND ngày 14 tháng 7 năm 2017 của Hội\nđồng nhân "
      "dân tỉnh)\nPHỤ LỤC\n(Kèm theo Quyết định số 12/QĐ-UBND ngày 02 tháng "
      "3 năm 2017 của Ủy ban nhân dân tỉnh)\n");
  doc.metadata.type = "Nghị quyết";
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 3u);
  EXPECT_EQ(doc.references[0].kind, ReferenceKind::kDocument);
  EXPECT_EQ(doc.references[1].kind, ReferenceKind::kSelf);
  EXPECT_EQ(doc.references[1].number, "08/NQ-HĐND");
  EXPECT_EQ(doc.references[2].kind, ReferenceKind::kDocument);
  // With the header's number known, another number in a caption is cited.
  doc.references.clear();
  doc.metadata.number = "09/NQ-HĐND";
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 3u);
  EXPECT_EQ(doc.references[1].kind, ReferenceKind::kDocument);
}

TEST(References, OwnTitleOfALawIsSelf) {
  Document doc = make_doc(
      "QUỐC HỘI\nLuật số: 77/2015/QH13\nLUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA "
      "PHƯƠNG\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt "
      "Nam;\nQuốc hội ban hành Luật tổ chức chính quyền địa phương.\n");
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 3u);
  EXPECT_EQ(doc.references[0].kind, ReferenceKind::kSelf);  // the title
  EXPECT_EQ(doc.references[1].doc_type, "Hiến pháp");
  EXPECT_EQ(doc.references[2].kind, ReferenceKind::kSelf);
  EXPECT_EQ(doc.references[2].doc_type, "Luật");
}

// A decree detailing a law names the law in its title: the law is cited
// (the decree's basis), not the decree itself.
TEST(References, LawNamedInADecreesTitleIsNotSelf) {
  Document doc = make_doc(
      "CHÍNH PHỦ\nSố: 08/2022/NĐ-CP\nNGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT MỘT SỐ "
      "ĐIỀU CỦA LUẬT BẢO VỆ MÔI TRƯỜNG\nCăn cứ Luật Bảo vệ môi trường ngày 17 "
      "tháng 11 năm 2020;\nChính phủ ban hành Nghị định quy định chi tiết "
      "một số điều của Luật Bảo vệ môi trường.\n");
  doc.metadata.type = "Nghị định";
  extract_references(doc);
  // (A name in capitals in the title is not cited.)
  ASSERT_EQ(doc.references.size(), 2u);
  EXPECT_EQ(doc.references[0].kind, ReferenceKind::kNamed);
  EXPECT_EQ(doc.references[0].role, ReferenceRole::kBasis);
  EXPECT_EQ(doc.references[0].name, "Bảo vệ môi trường");
  EXPECT_EQ(doc.references[1].kind, ReferenceKind::kNamed);
  // The same title in a law's header is the law itself.
  doc.references.clear();
  doc.metadata.type = "Luật";
  extract_references(doc);
  ASSERT_FALSE(doc.references.empty());
  for (const Reference& r : doc.references)
    EXPECT_EQ(r.kind, ReferenceKind::kSelf) << r.text;
}

TEST(References, NamedMentionTakesTheNumberGivenElsewhere) {
  Document doc = make_doc(
      "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; Luật sửa đổi, bổ sung "
      "một số điều của Luật Đất đai số 31/2024/QH15 và Luật Nhà ở số "
      "27/2023/QH15 ngày 29 tháng 6 năm 2024;\n");
  extract_references(doc);
  ASSERT_GE(doc.references.size(), 4u);
  EXPECT_EQ(doc.references[0].name, "Đất đai");
  EXPECT_EQ(doc.references[0].number, "31/2024/QH15");
  EXPECT_EQ(doc.references[0].kind, ReferenceKind::kDocument);
  // The amending law itself is cited by name only.
  EXPECT_EQ(doc.references[1].kind, ReferenceKind::kNamed);
  EXPECT_TRUE(doc.references[1].number.empty());
}

TEST(References, LawNameMayStandForTwoLaws) {
  // Two different laws with the same name: the bare name stays unnumbered.
  Document doc = make_doc(
      "Luật Đất đai số 31/2024/QH15 thay thế Luật Đất đai số 45/2013/QH13. "
      "Theo Luật Đất đai thì ...\n");
  extract_references(doc);
  std::vector<const Reference*> named = of_kind(doc, ReferenceKind::kNamed);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_TRUE(named[0]->number.empty());
}

TEST(References, BackReferenceResolvesToLatestOfItsType) {
  Document doc = make_doc(
      "Nghị định số 26/2007/NĐ-CP, Thông tư số 12/2020/TT-BTC và Nghị định "
      "số 106/2011/NĐ-CP. Nghị định nêu trên quy định ...\n");
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 4u);
  const Reference& back = doc.references[3];
  EXPECT_EQ(back.antecedent, 2);
  EXPECT_EQ(back.number, "106/2011/NĐ-CP");
  EXPECT_EQ(back.text, "Nghị định nêu trên");
}

TEST(References, InternalReferencesLinkToTheirNodes) {
  Document doc = make_doc(
      "Điều 1. Phạm vi\n1. Nội dung.\na) Nội dung a.\nb) Nội dung b.\n2. Theo "
      "điểm b "
      "khoản 1 Điều này và Điều 2 của Nghị định này.\nĐiều 2. Đối tượng\n1. "
      "Xem khoản 2 Điều 1.\n");
  const int32_t a1 =
      add_node(doc, 0, NodeKind::kArticle, "1", "Điều 1.", "Điều 2.");
  const int32_t c11 =
      add_node(doc, a1, NodeKind::kClause, "1", "1. Nội", "2. Theo");
  add_node(doc, c11, NodeKind::kPoint, "a", "a) Nội", "b) Nội");
  const int32_t p1b =
      add_node(doc, c11, NodeKind::kPoint, "b", "b) Nội", "2. Theo");
  const int32_t c12 =
      add_node(doc, a1, NodeKind::kClause, "2", "2. Theo", "Điều 2.");
  const int32_t a2 = add_node(doc, 0, NodeKind::kArticle, "2", "Điều 2.", "");
  const int32_t c21 = add_node(doc, a2, NodeKind::kClause, "1", "1. Xem", "");
  extract_references(doc);
  std::vector<const Reference*> in = of_kind(doc, ReferenceKind::kInternal);
  ASSERT_EQ(in.size(), 3u);
  EXPECT_EQ(in[0]->pinpoint.article, "1");  // "Điều này" resolved
  EXPECT_EQ(in[0]->target_node, p1b);
  EXPECT_EQ(in[0]->node, c12);
  EXPECT_EQ(in[1]->target_node, a2);
  EXPECT_EQ(in[2]->target_node, c12);
  EXPECT_EQ(in[2]->node, c21);
  EXPECT_TRUE(check_invariants(doc).empty());
}

TEST(References, QuotedAmendmentTextIsNotLinked) {
  Document doc = make_doc(
      "Điều 1. Sửa đổi khoản 2 Điều 5 như sau:\n“2. Theo khoản 1 Điều 1.”\n");
  const int32_t a1 = add_node(doc, 0, NodeKind::kArticle, "1", "Điều 1.", "");
  add_node(doc, a1, NodeKind::kQuoted, "", "“2.", "");
  extract_references(doc);
  std::vector<const Reference*> in = of_kind(doc, ReferenceKind::kInternal);
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0]->target_node, kNoNode);  // Điều 5 does not exist here
  EXPECT_EQ(in[1]->target_node, kNoNode);  // inside quoted text
}

TEST(References, EditorialNotesAreMarked) {
  Document doc = make_doc(
      "Điều 4. Nguyên tắc\n[Điều này được hướng dẫn bởi Điều 2 Nghị định "
      "53/2011/NĐ-CP]\nTheo Nghị định số 53/2011/NĐ-CP.\n");
  extract_references(doc);
  std::vector<const Reference*> docs = of_kind(doc, ReferenceKind::kDocument);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0]->editorial);
  EXPECT_EQ(docs[0]->pinpoint.article, "2");
  EXPECT_FALSE(docs[1]->editorial);
}

TEST(References, BasisContinuesOnTheNextLine) {
  Document doc = make_doc(
      "Căn cứ Nghị định số 151/2017/NĐ-CP ngày 26 tháng 12 năm 2017 của "
      "Chính phủ;\nNghị định số 114/2024/NĐ-CP ngày 15 tháng 9 năm 2024 của "
      "Chính phủ;\nXét Tờ trình số 205/TTr-UBND ngày 18 tháng 6 năm 2025;\n");
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 3u);
  EXPECT_EQ(doc.references[0].role, ReferenceRole::kBasis);
  EXPECT_EQ(doc.references[1].role, ReferenceRole::kBasis);
  EXPECT_EQ(doc.references[2].role, ReferenceRole::kMentions);
  EXPECT_EQ(doc.references[2].doc_type, "Tờ trình");
}

TEST(References, SpansAndTextAgree) {
  Document doc = make_doc(
      "Thực hiện Chỉ thị số 21/CT-TTg ngày 25 tháng 11 năm 2022 của Thủ tướng "
      "Chính phủ về thúc đẩy chuyển đổi số; Đề án 06.\n");
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 2u);
  for (const Reference& r : doc.references)
    EXPECT_EQ(doc.slice(r.span), r.text);
  EXPECT_EQ(doc.references[0].issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(doc.references[0].title, "thúc đẩy chuyển đổi số");
  EXPECT_EQ(doc.references[0].role, ReferenceRole::kImplements);
  EXPECT_EQ(doc.references[1].name, "Đề án 06");
  EXPECT_TRUE(check_invariants(doc).empty());
}

TEST(References, BadInputNeverBreaksTheModel) {
  const std::string inputs[] = {
      "",
      "Nghị định",
      "số 12/",
      "Điều",
      "khoản 1 Điều",
      "\xFF\xFE Nghị định số 1/\xC3",
      std::string(100000, '1') + "/NĐ-CP",
      "Luật " + std::string(5000, 'a'),
      "từ Điều 1 đến Điều 99999",
      "[Nghị định số 1/2020/NĐ-CP",
      "Điều 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 Luật này",
  };
  for (const std::string& in : inputs) {
    Document doc = make_doc(in);
    extract_references(doc);
    EXPECT_TRUE(check_invariants(doc).empty()) << in.substr(0, 40);
  }
}

// A whole page saved from a legal website (a Cục Thuế letter of 2025 and a
// Bắc Ninh decision of 2025, outside the corpus): after the signature the
// site repeats the page title, notes that the text has no English version,
// lists the related documents and prints its own notices, one of which
// cites a decree. The site's lines make an editorial node closing the tree,
// and cite nothing of the document's.
TEST(References, NoneFromTheWebsitesLinesAfterTheDocument) {
  const std::string letter =
      "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - "
      "Tự do - Hạnh phúc\nSố: 5348/CT-CS\nV/v hướng dẫn góp vốn điều "
      "lệ\nHà Nội, ngày 20 tháng 11 năm 2025\nKính gửi: Thuế tỉnh Quảng "
      "Trị.\nCăn cứ Điều 76 Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019 "
      "quy định về thẩm quyền quyết định hoàn thuế.\nCục Thuế có ý kiến để "
      "Thuế tỉnh Quảng Trị biết./.\nNơi nhận:\n- Như trên;\n- Lưu: VT, "
      "CS.\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\nPhạm Thị Minh Hiền\n";
  const std::string title =
      "Công văn 5348/CT-CS năm 2025 hướng dẫn góp vốn điều lệ do Cục Thuế ban "
      "hành";
  const std::string notice =
      "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày "
      "01/07/2023) yêu cầu xác nhận sự đồng ý của thành viên.\nCảm ơn đã "
      "dùng ThuVienPhapLuat.vn\n";
  // The site's lines on lines of their own, and run into one line by a
  // copy without blank lines.
  for (const std::string& trailer :
       {title +
            "\nVăn bản này chưa cập nhật nội dung Tiếng Anh\nCông văn "
            "5348/CT-CS ngày 20/11/2025 hướng dẫn góp vốn điều lệ Văn bản "
            "liên quan\nBan hành:\n11/11/2025\n" +
            notice,
        title +
            " Văn bản này chưa cập nhật nội dung Tiếng Anh Công văn "
            "5348/CT-CS ngày 20/11/2025 Văn bản liên quan Ban hành: "
            "11/11/2025\n" +
            notice}) {
    const Document doc = parse(letter + trailer);
    bool law = false;
    for (const Reference& r : doc.references) {
      EXPECT_NE(r.number, "13/2023/NĐ-CP") << trailer;
      law = law || r.number == "38/2019/QH14";
    }
    EXPECT_TRUE(law) << trailer;
    ASSERT_FALSE(doc.nodes[0].children.empty());
    const Node& last = doc.nodes[doc.nodes[0].children.back()];
    EXPECT_EQ(last.kind, NodeKind::kEditorial) << trailer;
    EXPECT_EQ(doc.text.substr(last.span.begin, 20), title.substr(0, 20));
    EXPECT_EQ(doc.metadata.signer.value_or(Signer{}).name.value_or(""),
              "Phạm Thị Minh Hiền");
  }
  // The site's tabs above the document hold the same words: the document
  // after them is not cut.
  const Document tabs =
      parse(title + "\nVăn bản liên quan\nLược đồ\n" + letter);
  bool law = false;
  for (const Reference& r : tabs.references)
    law = law || r.number == "38/2019/QH14";
  EXPECT_TRUE(law);
}

}  // namespace
}  // namespace vnlegal
