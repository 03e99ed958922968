// Header fields the structure examples do not print: the council's term
// and session.
#include <gtest/gtest.h>

#include <string>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

struct Case {
  const char* name;
  std::string line;  // the enacting body's term and session line
  std::string term, session;
};

class SessionCases : public ::testing::TestWithParam<Case> {};

TEST_P(SessionCases, TermAndSession) {
  const Case& c = GetParam();
  const std::string text =
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 10/2011/NQ-HĐND\nNGHỊ QUYẾT\n"
      "VỀ VIỆC THÔNG QUA KẾ HOẠCH\nHỘI ĐỒNG NHÂN DÂN TỈNH KHÁNH HÒA\n" +
      c.line +
      "\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm "
      "2015;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua Kế hoạch.\n";
  const Document doc = parse(text);
  EXPECT_EQ(doc.metadata.term.value_or(""), c.term) << c.name;
  EXPECT_EQ(doc.metadata.session.value_or(""), c.session) << c.name;
}

const Case kCases[] = {
    {"number", "KHÓA IX, KỲ HỌP THỨ 16", "IX", "16"},
    {"number after a dash", "KHÓA IX - KỲ HỌP THỨ NĂM", "IX", "NĂM"},
    {"number in two words", "KHÓA XV, KỲ HỌP THỨ MƯỜI BA", "XV", "MƯỜI BA"},
    {"thematic session", "KHÓA IV, KỲ HỌP CHUYÊN ĐỀ LẦN THỨ 5", "IV",
     "CHUYÊN ĐỀ LẦN THỨ 5"},
    {"extraordinary session", "KHÓA X, KỲ HỌP BẤT THƯỜNG", "X", "BẤT THƯỜNG"},
    {"a note in brackets after it", "KHÓA IX, KỲ HỌP THỨ 7 (KỲ HỌP CHUYÊN ĐỀ)",
     "IX", "7"},
    // The other placement of the tone mark, and small letters.
    {"OÁ", "KHOÁ X - KỲ HỌP THỨ 7", "X", "7"},
    {"small letters", "Khoá IX, kỳ họp thứ 16", "IX", "16"},
};

INSTANTIATE_TEST_SUITE_P(All, SessionCases, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                           return "case_" + std::to_string(info.index);
                         });

// An official letter's symbol carries no type code: the issuer's code
// comes first, the drafting unit's after the hyphen.
TEST(Header, LetterSymbolNamesTheIssuerFirst) {
  const Document doc = parse(
      "VĂN PHÒNG CHÍNH PHỦ\nSố: 3722/VPCP-CN\nV/v cơ chế đặc thù xây dựng "
      "công trình\nHà Nội, ngày 28 tháng 4 năm 2026\nKính gửi: Bộ Xây "
      "dựng.\nVăn phòng Chính phủ có ý kiến như sau.\n");
  EXPECT_EQ(doc.metadata.issuer_code.value_or(""), "VPCP");
  EXPECT_EQ(doc.metadata.type.value_or(""), "Công văn");
}

// A letter's header table read cell by cell (a Word or PDF copy): the left
// cell's subject line under the number, wrapped over two lines, comes
// before the motto and belongs to the header (Công văn 2739/VPCP-ĐMDN of
// 2019, review set rv5).
TEST(Header, LetterSubjectLineAboveTheMottoIsTheHeaders) {
  const Document doc = parse(
      "VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: 2739/VPCP-ĐMDN\nV/v quy định về "
      "quản trị doanh nghiệp tại\nLuật Doanh nghiệp chưa được thực thi\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 05 tháng 04 năm 2019\nKính gửi: Bộ Kế hoạch và Đầu "
      "tư.\nVăn phòng Chính phủ thông báo để Bộ Kế hoạch và Đầu tư biết, "
      "thực hiện./.\n");
  EXPECT_EQ(doc.metadata.number.value_or(""), "2739/VPCP-ĐMDN");
  EXPECT_EQ(doc.metadata.type.value_or(""), "Công văn");
  EXPECT_EQ(doc.metadata.issuer.value_or(""), "VĂN PHÒNG CHÍNH PHỦ");
}

// A letter's first code can read as a type's: "CT" is the Cục Thuế here,
// not a Chỉ thị; the subject line and the addressees make it a letter
// (Công văn 5348/CT-CS of the Cục Thuế, 2025, outside the corpus).
TEST(Header, LetterCodeThatReadsAsATypeNamesTheIssuer) {
  const Document doc = parse(
      "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - "
      "Tự do - Hạnh phúc\nSố: 5348/CT-CS\nV/v hướng dẫn góp vốn điều lệ\nHà "
      "Nội, ngày 20 tháng 11 năm 2025\nKính gửi: Thuế tỉnh Quảng Trị.\nCục "
      "Thuế nhận được công văn số 324/QTR-KTr2 ngày 22/7/2025 của Thuế tỉnh "
      "Quảng Trị.\n");
  EXPECT_EQ(doc.metadata.type.value_or(""), "Công văn");
  EXPECT_EQ(doc.metadata.issuer_code.value_or(""), "CT");
  EXPECT_EQ(doc.metadata.number.value_or(""), "5348/CT-CS");
}

// A letter whose number a scan garbled ("Số: A308/TUBND-VX", read as no
// number) is still a letter: its subject line and addressees say so
// (Công văn of UBND tỉnh Long An, 2010, OCR, outside the corpus).
TEST(Header, LetterWithoutANumberIsStillALetter) {
  const Document doc = parse(
      "ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nSố: A308/TUBND-VX\nTân An, ngày 19 "
      "tháng 4 năm 2010\nV/v trao tặng danh hiệu Anh hùng\nlực lượng vũ "
      "trang nhân dân\nKính gửi:\n- Sở Nội vụ;\n- Bộ chỉ huy Quân sự "
      "tỉnh.\nSau khi xem xét công văn số 43/CV-TĐKT ngày 12/4/2010 của Ban "
      "Thi đua Khen thưởng, UBND tỉnh có ý kiến như sau:\n- Sở Văn hóa, Thể "
      "thao và Du lịch chụp ảnh lưu niệm.\n");
  EXPECT_FALSE(doc.metadata.number.has_value());
  EXPECT_EQ(doc.metadata.type.value_or(""), "Công văn");
  EXPECT_EQ(doc.metadata.issuer.value_or(""), "ỦY BAN NHÂN DÂN TỈNH LONG AN");
}

// The number and date lines in the spellings the header reads: blanks
// around the colon or none, "Số hiệu", a stop for the colon, and a date
// whose day follows "ngày" without a blank. (The words "số" and "ngày" in
// running text, with no digit after them, are passed over before the
// patterns run.)
struct NumberCase {
  const char* name;
  std::string number_line, date_line;
  std::string number, date;
};

class NumberCases : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberCases, NumberAndDate) {
  const NumberCase& c = GetParam();
  const Document doc = parse(
      "ỦY BAN NHÂN DÂN\nTỈNH LONG AN\n" + c.number_line + "\n" + c.date_line +
      "\nQUYẾT ĐỊNH\nVề việc giao số lượng người làm việc\nCăn cứ "
      "Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. "
      "Giao số lượng người làm việc.\n");
  EXPECT_EQ(doc.metadata.number.value_or(""), c.number) << c.name;
  EXPECT_EQ(doc.metadata.date.value_or(""), c.date) << c.name;
}

const NumberCase kNumberCases[] = {
    {"colon", "Số: 12/2020/QĐ-UBND", "Tân An, ngày 5 tháng 3 năm 2020",
     "12/2020/QĐ-UBND", "2020-03-05"},
    {"no blank", "Số:12/2020/QĐ-UBND", "Tân An, ngày05 tháng 3 năm 2020",
     "12/2020/QĐ-UBND", "2020-03-05"},
    {"no colon", "Số 12/2020/QĐ-UBND", "Tân An, ngày 05 tháng 03 năm 2020",
     "12/2020/QĐ-UBND", "2020-03-05"},
    {"hiệu", "Số hiệu: 12/2020/QĐ-UBND", "Tân An, ngày 5 tháng 3 năm 2020",
     "12/2020/QĐ-UBND", "2020-03-05"},
    {"stop", "Số. 12/2020/QĐ-UBND", "Tân An, ngày 5 tháng 3 năm 2020",
     "12/2020/QĐ-UBND", "2020-03-05"},
    {"none", "Số lượng: không", "Tân An, ngày tháng năm", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Header, NumberCases,
                         ::testing::ValuesIn(kNumberCases));

// A letter's header ends with its addressees ("Kính gửi: ..." and the
// "- ..." lines under it); the first paragraph after them is its body.
std::string header_text(const Document& doc) {
  for (const Node& n : doc.nodes)
    if (n.kind == NodeKind::kHeader) return std::string(doc.slice(n.span));
  return {};
}

TEST(Header, LetterEndsWithItsAddressees) {
  // Công văn 3722/VPCP-CN (2026), outside the corpus, abridged.
  const Document doc = parse(
      "VĂN PHÒNG CHÍNH PHỦ\nSố: 3722/VPCP-CN\nV/v cơ chế đặc thù xây dựng "
      "công trình\nHà Nội, ngày 28 tháng 4 năm 2026\nKính gửi: Bộ Xây "
      "dựng.\nVăn phòng Chính phủ có ý kiến như sau.\n");
  const std::string header = header_text(doc);
  EXPECT_NE(header.find("Kính gửi: Bộ Xây dựng."), std::string::npos) << header;
  EXPECT_EQ(header.find("Văn phòng Chính phủ có ý kiến"), std::string::npos)
      << header;
}

TEST(Header, FlattenedLetterLineIsCutAtItsAddressee) {
  // The header of Công văn 3397/BKHĐT-QLKTTW (corpus 085) on one line.
  const Document doc = parse(
      "BỘ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
      "do - Hạnh phúc\nSố: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định "
      "tại Điều 162 Luật DN 2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: "
      "Tổng công ty Khí Việt Nam-CTCP (PV GAS) Phúc đáp Công văn số "
      "615/KVN-PC ngày 3 tháng 4 năm 2019 của Tổng công ty Khí Việt Nam - "
      "CTCP (PV GAS), Bộ Kế hoạch và Đầu tư có ý kiến như sau:\n1. Về chấp "
      "thuận các hợp đồng.\n2. Về địa vị pháp lý của người đại diện.\n");
  const std::string header = header_text(doc);
  EXPECT_NE(header.find("Kính gửi: Tổng công ty Khí Việt Nam-CTCP (PV GAS)"),
            std::string::npos)
      << header;
  EXPECT_EQ(header.find("Phúc đáp"), std::string::npos) << header;
  EXPECT_EQ(doc.metadata.date.value_or(""), "2019-05-23");
  EXPECT_EQ(doc.metadata.type.value_or(""), "Công văn");
}

}  // namespace
}  // namespace vnlegal
