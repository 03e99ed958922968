#include "vnlegal/normalize.h"

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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
    // A PDF text layer's "oi" letters (U+01A2, U+01A3) for Ư ư, also with a
    // tone mark after them.
    {"oi to u horn", "tr\u01A3\u1EDDng d\u01A3\u0301i TR\u01A2\u1EDCNG",
     "trường dứi TRƯỜNG"},
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
    // A word processor's footer (file name and page number) between the
    // two halves of a sentence, in a scanned Party conclusion.
    {"file name footer dropped",
     "cho các hoạt động bảo vệ môi trường và ứng phó với\n18.KLTW7S.DOC 6\n"
     "đa mục tiêu, trong đó",
     "cho các hoạt động bảo vệ môi trường và ứng phó với đa mục tiêu, trong "
     "đó"},
    // A PDF text layer's line ending in "TT- ": the symbol goes on below.
    {"hyphen ending a line keeps to its word",
     "Thông tư số 21/2021/TT- \nBLĐTBXH ngày 15 tháng 12 năm 2021",
     "Thông tư số 21/2021/TT-\nBLĐTBXH ngày 15 tháng 12 năm 2021"},
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
    // The action programme of Quyết định 435/QĐ-UBND, Kon Tum (outside the
    // corpus): items typed
    // without the space after their number.
    {"a number glued to its item's first capital starts the item",
     "III. TỔ CHỨC THỰC HIỆN\n1.Các sở, ban ngành\n2.Giao Sở Tài chính",
     "III. TỔ CHỨC THỰC HIỆN\n1.Các sở, ban ngành\n2.Giao Sở Tài chính"},
    {"sentence end keeps the break",
     "Điều 1. Phạm vi điều chỉnh.\nNghị định này",
     "Điều 1. Phạm vi điều chỉnh.\nNghị định này"},
    {"heading without punctuation keeps the break",
     "Điều 1. Phạm vi điều chỉnh\nNghị định này",
     "Điều 1. Phạm vi điều chỉnh\nNghị định này"},
    // Hiến pháp 1992 (086): the article's number stands alone above its
    // text, which a legacy font left without its capital.
    {"a bare article number keeps its line",
     "Điều 50\nở nước Cộng hoà xã hội chủ nghĩa Việt Nam, các quyền con người",
     "Điều 50\nở nước Cộng hoà xã hội chủ nghĩa Việt Nam, các quyền con người"},
    {"open emphasis joins", "**ỦY BAN NHÂN\nDÂN **", "ỦY BAN NHÂN DÂN"},
    {"page number at a form feed dropped, the cut paragraph joined",
     "cho các mục đích Đơn vị\n2\f\ntính: ha",
     "cho các mục đích Đơn vị tính: ha"},
    {"form feed at a line start, dashed page number",
     "Căn cứ Luật Tổ chức\n\f- 3 -\nChính phủ ngày 19 tháng 6 năm 2015;",
     "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"},
    {"page of pages before a form feed, blank lines around",
     "các dự án\n\nTrang 2/10\n\n\fđầu giá", "các dự án đầu giá"},
    {"a page break is no paragraph break, a sentence end is",
     "Điều 1. Phạm vi.\n\f\nĐiều 2. Đối tượng",
     "Điều 1. Phạm vi.\nĐiều 2. Đối tượng"},
    {"a lone number away from the page break stays",
     "Điều 1. A.\f\nĐiều 2. B.\n7\nĐiều 3. C.",
     "Điều 1. A.\nĐiều 2. B.\n7\nĐiều 3. C."},
    {"an article cited across a wrap is no heading",
     "bãi bỏ cụm từ “của huyện” tại điểm b khoản 5\nĐiều 3.\n"
     "theo quy định tại\nĐiều 83 của Luật này và\nĐiều 9; khoản 3 Điều 13.\n"
     "thực hiện theo quy định tại\nChương V của Luật này.",
     "bãi bỏ cụm từ “của huyện” tại điểm b khoản 5 Điều 3.\n"
     "theo quy định tại Điều 83 của Luật này và Điều 9; khoản 3 Điều 13.\n"
     "thực hiện theo quy định tại Chương V của Luật này."},
    {"a range cut at its dash is no dash item",
     "chi phí học tập từ năm học 2015\n- 2016 đến năm học 2020 - 2021;\n"
     "- Như Điều 3;",
     "chi phí học tập từ năm học 2015 - 2016 đến năm học 2020 - 2021;\n"
     "- Như Điều 3;"},
    {"an article after a chapter title is a heading",
     "CHẾ ĐỘ KINH TẾ\nĐiều 15\nỞ nước ta, chế độ kinh tế",
     "CHẾ ĐỘ KINH TẾ\nĐiều 15\nỞ nước ta, chế độ kinh tế"},
    {"pipe-only lines dropped", "|\nSố: 174/KH-UBND\n|", "Số: 174/KH-UBND"},
    // A header table saved with the source's line breaks inside its cells.
    {"header word cut from its phrase",
     "ỦY\nBAN NHÂN DÂN\nTỈNH QUẢNG NAM\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    {"header phrases cut after any word",
     "UỶ BAN NHÂN\nDÂN\nTỈNH QUẢNG BÌNH\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM",
     "UỶ BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    {"a whole header phrase is not joined with the next line",
     "HỘI ĐỒNG NHÂN DÂN\nTỈNH TIỀN GIANG",
     "HỘI ĐỒNG NHÂN DÂN\nTỈNH TIỀN GIANG"},
    {"the end of a cut rule before a blank line is dropped",
     "TỈNH NGHỆ AN\n-------\n-\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    {"a lone dash before its item's text stays",
     "Mức chi như sau:\n-\nCấp tỉnh: 950.000 đồng;",
     "Mức chi như sau:\n-\nCấp tỉnh: 950.000 đồng;"},
    {"number cut from its label",
     "Số:\n14/2007/QĐ-UBND\n|\nTam\nKỳ, ngày 19 "
     "tháng 6 năm 2007",
     "Số: 14/2007/QĐ-UBND\nTam Kỳ, ngày 19 tháng 6 năm 2007"},
    {"an issuer in capitals is no place cut",
     "THÀNH PHỐ HÀ NỘI\nHà Nội, ngày 15 tháng 01 năm 2025",
     "THÀNH PHỐ HÀ NỘI\nHà Nội, ngày 15 tháng 01 năm 2025"},
    {"a recital cut on a word goes on",
     "Xét đề nghị của Giám đốc\nSở Nội vụ tại Tờ trình số 12/TTr-SNV,\nQUYẾT "
     "ĐỊNH:",
     "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV,\nQUYẾT "
     "ĐỊNH:"},
    {"an article title ending with so stays on its line",
     "Điều 12. Chuyển đổi số\nỦy ban nhân dân tỉnh chỉ đạo chuyển đổi số.",
     "Điều 12. Chuyển đổi số\nỦy ban nhân dân tỉnh chỉ đạo chuyển đổi số."},
    {"a number after so goes on", "căn cứ Quyết định số\n12/2020/QĐ-UBND;",
     "căn cứ Quyết định số 12/2020/QĐ-UBND;"},
    {"a recital's issuer goes on with the body's name",
     "Theo đề nghị tại Tờ trình số\n42/TTr-VPUB ngày 06/11/2018 của Chánh Văn "
     "phòng\nỦy ban nhân dân tỉnh,\nQUYẾT ĐỊNH:",
     "Theo đề nghị tại Tờ trình số 42/TTr-VPUB ngày 06/11/2018 của Chánh Văn "
     "phòng Ủy ban nhân dân tỉnh,\nQUYẾT ĐỊNH:"},
    {"a committee's name cut at its hyphen goes on",
     "Báo cáo thẩm tra của Ban Kinh tế\n- Ngân sách Hội đồng nhân dân tỉnh;",
     "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh;"},
    {"a symbol cut at its hyphen goes on",
     "Báo cáo thẩm tra số 26/BC\n- HĐND ngày 03 tháng 7 năm 2017;\n- Lưu: VT.",
     "Báo cáo thẩm tra số 26/BC - HĐND ngày 03 tháng 7 năm 2017;\n- Lưu: VT."},
    {"a body's head noun waits for its name",
     "Theo đề nghị của Giám đốc Sở\nNông nghiệp và Phát triển nông thôn tại Tờ "
     "trình số 190/TTr-SNNPTNT.",
     "Theo đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn tại Tờ "
     "trình số 190/TTr-SNNPTNT."},
    {"a basis without its semicolon before a recital stays",
     "Căn cứ Luật Đất đai năm 2024\nThực hiện Kết luận số 12-KL/TU của Tỉnh "
     "ủy,",
     "Căn cứ Luật Đất đai năm 2024\nThực hiện Kết luận số 12-KL/TU của Tỉnh "
     "ủy,"},
    {"a basis ending in a word before the formula stays",
     "Căn cứ Luật Đất đai\nỦy ban nhân dân tỉnh ban hành Quyết định.",
     "Căn cứ Luật Đất đai\nỦy ban nhân dân tỉnh ban hành Quyết định."},
    {"invalid utf8 becomes replacement",
     std::string("a\xFF"
                 "b"),
     "a\xEF\xBF\xBD"
     "b"},
    // A Cyrillic "о" inside a Vietnamese word is folded to "o" also when an
    // entity wrote it.
    {"cyrillic look-alike from an entity", "h&#1086;à nhập", "hoà nhập"},
    // Nghị quyết 34/2025/NQ-HĐND, thành phố Huế (outside the corpus): the
    // place-and-date line closes its italics after a blank ("2025 *"); the
    // emphasis is closed there, so the lines after it are not joined as if
    // inside it ("như sau:" / "“Điều 4. ..." stay apart).
    {"lone star after a blank closes the emphasis at the line end",
     "*Thành phố Huế,\nngày 18 tháng 11 năm 2025 *\n3. Sửa đổi, bổ sung Điều "
     "4 như\nsau:\n**“Điều 4. Tỷ lệ vốn đối ứng của\nngân sách địa phương**",
     "Thành phố Huế, ngày 18 tháng 11 năm 2025\n3. Sửa đổi, bổ sung Điều 4 "
     "như sau:\n“Điều 4. Tỷ lệ vốn đối ứng của ngân sách địa phương"},
};

INSTANTIATE_TEST_SUITE_P(All, NormalizeCases, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                           return "case_" + std::to_string(info.index);
                         });

// A PDF's text saved without its form feeds: the page numbers are lone
// numbers counting up, a page of lines apart.
std::string pages_without_form_feeds(int pages, int lines_per_page) {
  std::string text;
  for (int p = 1; p <= pages; ++p) {
    for (int l = 1; l <= lines_per_page; ++l)
      text += "Dòng " + std::to_string(l) + " của trang.\n";
    text += std::to_string(p) + "\n";
  }
  return text;
}

TEST(Normalize, PageNumbersCountingUpArePageFurniture) {
  const Normalized n = normalize(pages_without_form_feeds(4, 24));
  EXPECT_EQ(n.text.find("\n1\n"), std::string::npos);
  EXPECT_EQ(n.text.find("\n3\n"), std::string::npos);
  EXPECT_EQ(n.text.substr(n.text.size() - 2), "g.");
  // Short pages: too few lines for pages, the numbers stay.
  const Normalized rows = normalize(pages_without_form_feeds(4, 5));
  EXPECT_NE(rows.text.find("\n1\n"), std::string::npos);
  EXPECT_NE(rows.text.find("\n3\n"), std::string::npos);
}

// A page saved from a legal website: the site's field table and its summary
// of the document put the header well past the first lines, where its
// cells still break inside the motto and the place (Công điện 226/CĐ-TTg,
// Thủ tướng Chính phủ, 2025, outside the corpus; the summary cut to its
// list). Without the field table the same lines stay apart that far down.
TEST(Normalize, HeaderCutInItsCellsBelowASiteFieldTable) {
  std::string site = "Số hiệu:\n226/CĐ-TTg\nLoại văn bản:\nCông điện\n";
  std::string list;
  for (int i = 0; i < 30; ++i)
    list +=
        "- Rà soát các mặt hàng dự trữ quốc gia " + std::to_string(i) + ".\n";
  const std::string header =
      "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Số: 226/CĐ-TTg\nHà\nNội, ngày 21 tháng 11 năm 2025";
  const Normalized n = normalize(site + list + header);
  EXPECT_NE(n.text.find("\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"),
            std::string::npos);
  EXPECT_NE(n.text.find("\nHà Nội, ngày 21 tháng 11 năm 2025"),
            std::string::npos);
  const Normalized plain = normalize(list + list + header);
  EXPECT_NE(plain.text.find("\nCỘNG\n"), std::string::npos);
}

// A site's summary in two bold runs that touch ("**...****...**"): one run
// closed and the next opened, so the bold lines below open and close as
// printed (Công điện 226/CĐ-TTg, Thủ tướng Chính phủ, 2025, a whole web page,
// outside the corpus; the numbered lines stand for the site's lines).
TEST(Normalize, TouchingBoldRunsCloseAndOpen) {
  std::string site;
  for (int i = 1; i <= 31; ++i) site += "Dòng " + std::to_string(i) + ".\n";
  const Normalized n = normalize(
      site +
      "**Ngày 21/11/2025, Thủ tướng ban hành Công điện.****Tăng cường sử "
      "dụng hàng dự trữ **\nTrong tháng 11 năm 2025, do mưa lũ lớn.\n**CỘNG\n"
      "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n");
  EXPECT_NE(n.text.find("Tăng cường sử dụng hàng dự trữ\nTrong tháng 11"),
            std::string::npos);
  EXPECT_NE(n.text.find("\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            std::string::npos);
}

// A lone page number between the two halves of a sentence, where no run of
// page numbers shows it (Quyết định 14/2025/QĐ-UBND, Hà Nội, a PDF's text,
// outside the corpus; the numbers kept are made up around it): dropped, and the
// sentence joined again.
// A title paragraph and the enacting body under it, as a Word copy holds
// them (Quyết định 05/2025/QĐ-UBND of Hà Nội, review set rv8): the title
// ends on a name's word ("Thành phố"), and the line in capitals is a line of
// its own, not the name's rest. So is an issuer under a site's title that
// ends on "ban hành" (Công văn 2739/VPCP-ĐMDN, review set rv5).
TEST(Normalize, CapitalsLineAfterARunningLineEndingOnANameWord) {
  const Normalized n = normalize(
      "QUYẾT ĐỊNH\nVề việc bãi bỏ Quyết định số 28/2019/QĐ-UBND ngày "
      "23/12/2019 ban hành kèm theo Quyết định số 06/2018/QĐ-UBND ngày "
      "21/02/2018 của UBND Thành phố\nỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nCăn "
      "cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n");
  EXPECT_NE(n.text.find("của UBND Thành phố\nỦY BAN NHÂN DÂN THÀNH PHỐ HÀ "
                        "NỘI\n"),
            std::string::npos)
      << n.text;
  const Normalized site = normalize(
      "Công văn 2739/VPCP-ĐMDN năm 2019 quy định về quản trị doanh nghiệp "
      "do Văn phòng Chính phủ ban hành\nVĂN PHÒNG CHÍNH PHỦ\n");
  EXPECT_NE(site.text.find("ban hành\nVĂN PHÒNG CHÍNH PHỦ"), std::string::npos)
      << site.text;
  // A name cut at the line's end goes on in the running line's letters.
  const Normalized wrapped = normalize(
      "Giao Ủy ban nhân dân thành phố chủ trì, phối hợp với Sở Tài chính "
      "thành\nphố Hà Nội triển khai thực hiện.\n");
  EXPECT_NE(wrapped.text.find("thành phố Hà Nội"), std::string::npos)
      << wrapped.text;
}

TEST(Normalize, PageNumberInsideASentenceIsDropped) {
  const Normalized n = normalize(
      "a) Hướng dẫn, kiểm tra và tổ chức thực hiện các quy định về lập, thẩm "
      "định, phê duyệt quy hoạch, thiết kế đô thị; hướng dẫn, kiểm tra việc "
      "thực hiện các tiêu\n\n3\n\nchuẩn, quy chuẩn kỹ thuật quốc gia về quy "
      "hoạch;\n");
  EXPECT_NE(n.text.find("các tiêu chuẩn, quy chuẩn"), std::string::npos)
      << n.text;
  EXPECT_EQ(n.text.find("3"), std::string::npos) << n.text;
  // A number after a finished sentence, after a short line (a table's
  // cell) or before a capital is text.
  for (const char* kept :
       {"Các chỉ tiêu chủ yếu của kế hoạch phát triển kinh tế năm 2025.\n3\n"
        "chỉ tiêu về xã hội\n",
        "Số hộ nghèo\n3\nhộ\n",
        "Các chỉ tiêu chủ yếu của kế hoạch phát triển kinh tế năm\n3\nTrong "
        "đó\n"}) {
    const Normalized k = normalize(kept);
    EXPECT_NE(k.text.find("3"), std::string::npos) << kept;
  }
}

TEST(Normalize, RunningHeadsAtPageBreaksAreDropped) {
  // Four pages, each after the first headed by the document's number (with
  // its page) and cut in mid-sentence.
  std::string text;
  for (int p = 1; p <= 4; ++p) {
    if (p > 1)
      text +=
          "\fNghị quyết số 12/2020/NQ-HĐND - trang " + std::to_string(p) + "\n";
    text += "Điều " + std::to_string(p) +
            ". Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức\n";
    const char* const tasks[] = {"kinh tế", "văn hóa", "xã hội", "quốc phòng"};
    text += std::string("thực hiện nhiệm vụ ") + tasks[p - 1] + " của\n";
  }
  const Normalized n = normalize(text);
  EXPECT_EQ(n.text.find("trang 3"), std::string::npos) << n.text;
  EXPECT_NE(n.text.find("của\nĐiều 2."), std::string::npos) << n.text;
  // Only two page breaks: the head may be text, it stays; a gazette's head
  // names itself and goes at once.
  const Normalized two = normalize(
      "Điều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện theo\n\f"
      "Nghị quyết số 12/2020/NQ-HĐND - trang 2\nĐiều 2. Hiệu lực.\n\f"
      "Nghị quyết số 12/2020/NQ-HĐND - trang 3\nĐiều 3. Thi hành.\n");
  EXPECT_NE(two.text.find("trang 3"), std::string::npos);
  const Normalized gazette = normalize(
      "quy định tại Điều 1\n2\f\nCÔNG BÁO/Số 212 + 213/Ngày 05-01-2024\n"
      "của Luật trẻ em.");
  EXPECT_EQ(gazette.text, "quy định tại Điều 1 của Luật trẻ em.");
}

// A gazette's text saved without its form feeds (Công báo PDFs): the head
// still names itself, the page number beside it (after it on odd pages,
// before it on even ones) and a digital signature's certificate lines go
// with it, and the sentence the page cut goes on.
TEST(Normalize, GazetteFurnitureWithoutFormFeeds) {
  const Normalized n = normalize(
      "CÔNG BÁO/Số 271/Ngày 12-05-2026 \n84 \n \nCHÍNH PHỦ\n"
      "1. Nghị quyết này có hiệu lực kể từ ngày ký ban hành. \n"
      "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
      "Ngày ký: 2026-05-08 16:42:06 +07:00\n\n"
      "CÔNG BÁO/Số 271/Ngày 12-05-2026 \n85 \n \n \n"
      "2. Giao Bộ Y tế tổ chức thực hiện theo quy định của \n\n \n"
      "86 \nCÔNG BÁO/Số 271/Ngày 12-05-2026 \n \n"
      "pháp luật về bảo hiểm y tế.\n");
  EXPECT_EQ(n.text,
            "CHÍNH PHỦ\n1. Nghị quyết này có hiệu lực kể từ ngày ký ban hành.\n"
            "2. Giao Bộ Y tế tổ chức thực hiện theo quy định của pháp luật "
            "về bảo hiểm y tế.");
  // A copy that joined the next page's first words to the head keeps
  // them, with and without form feeds.
  for (const char* sep : {"\n", "\n\f\n"}) {
    const Normalized glued =
        normalize(std::string("Điều 2. Giao Ủy ban nhân dân tỉnh bố trí và") +
                  sep + "CÔNG BÁO/Số 302/Ngày 02-06-2026 sử dụng người.\n");
    EXPECT_EQ(glued.text,
              "Điều 2. Giao Ủy ban nhân dân tỉnh bố trí và sử dụng người.")
        << sep;
  }
  // A line that only mentions the gazette is text.
  const Normalized text = normalize(
      "Nghị quyết được đăng trên CÔNG BÁO/Số 271/Ngày 12-05-2026 và cổng "
      "thông tin.\nKý bởi: người soạn thảo\n");
  EXPECT_NE(text.text.find("CÔNG BÁO/Số 271"), std::string::npos);
  EXPECT_NE(text.text.find("Ký bởi: người soạn thảo"), std::string::npos);
}

TEST(Normalize, NumberedTableRowsOnLoneLinesStay) {
  // A flattened table: the row numbers count up on lone lines, each row a
  // few lines long.
  std::string table;
  for (int r = 1; r <= 6; ++r)
    table += std::to_string(r) + "\nTỷ lệ hộ nghèo.\n20\nCách chấm điểm.\n\n";
  const Normalized n = normalize(table);
  for (int r = 1; r <= 6; ++r)
    EXPECT_NE(n.text.find(std::to_string(r) + "\nTỷ lệ"), std::string::npos)
        << r;
}

// Words of `paragraph` on lines of at most `width` characters (code points).
std::string wrap(const std::string& paragraph, size_t width) {
  std::string out, line;
  size_t line_chars = 0;
  auto chars = [](const std::string& w) {
    size_t n = 0;
    for (unsigned char c : w) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::istringstream words(paragraph);
  for (std::string w; words >> w;) {
    if (!line.empty() && line_chars + 1 + chars(w) > width) {
      out += line + "\n";
      line.clear();
      line_chars = 0;
    }
    line_chars += (line.empty() ? 0 : 1) + chars(w);
    line += (line.empty() ? "" : " ") + w;
  }
  return out + line + "\n";
}

const std::string kRunning =
    "Tổng chi ngân sách địa phương đạt 4.392,8 tỷ đồng, bằng 44,2% dự toán "
    "Hội đồng nhân dân tỉnh giao, tăng 7,1% so với cùng kỳ năm trước; thu "
    "ngân sách trên địa bàn ước đạt 3.120 tỷ đồng, bằng 52% dự toán được "
    "giao, trong đó thu nội địa đạt 2.450 tỷ đồng, tăng 9,3%.";

TEST(Normalize, TextWrappedAtAWidthJoinsCapitalisedContinuations) {
  // A line full to the width ends with "Thừa Thiên"; the next starts with
  // "Huế", a capital after a word that needs nothing after it.
  std::string text;
  for (int i = 0; i < 6; ++i) text += wrap(kRunning, 60);
  text +=
      "Báo cáo số 120/BC-UBND của Ủy ban nhân dân tỉnh Thừa Thiên\n"
      "Huế về tình hình kinh tế - xã hội 6 tháng đầu năm 2017.\n";
  const Normalized n = normalize(text);
  EXPECT_NE(n.text.find("tỉnh Thừa Thiên Huế về tình hình"), std::string::npos)
      << n.text;
  EXPECT_EQ(n.text.find("tăng 7,1% so"), n.text.find("tăng 7,1%"));
  EXPECT_EQ(std::count(n.text.begin(), n.text.end(), '\n'), 6);
  // Paragraphs one per line: the same break is kept (a title line ending
  // without punctuation may be followed by a capitalised line).
  const Normalized flat = normalize(kRunning + "\n" + kRunning +
                                    "\nCăn cứ Báo cáo của Ủy ban tỉnh Thừa "
                                    "Thiên\nHuế về tình hình.");
  EXPECT_NE(flat.text.find("Thiên\nHuế"), std::string::npos);
}

TEST(Normalize, FullLineEndingWithSemicolonGoesOnInLowerCase) {
  std::string text;
  for (int i = 0; i < 6; ++i) text += wrap(kRunning, 60);
  text +=
      "2. Tổ chức, cá nhân thực hiện xuất khẩu, nhập khẩu, hàng hóa;\n"
      "tổ chức, cá nhân có quyền và nghĩa vụ liên quan lựa chọn.\n";
  const Normalized n = normalize(text);
  EXPECT_NE(n.text.find("hàng hóa; tổ chức"), std::string::npos) << n.text;
  // A citation going on a list of them after the semicolon joins too.
  std::string list;
  for (int i = 0; i < 6; ++i) list += wrap(kRunning, 60);
  list +=
      "thực hiện theo Nghị định số 86/2015/NĐ-CP ngày 02/10/2015;\n"
      "Thông tư liên tịch số 09/2016/TTLT-BGDĐT-BTC-BLĐTBXH.\n";
  const Normalized l = normalize(list);
  EXPECT_NE(l.text.find("02/10/2015; Thông tư"), std::string::npos) << l.text;
  // Paragraphs one per line: ";" ends the paragraph.
  const Normalized flat =
      normalize(kRunning + "\nthu hồi;\ntổ chức, cá nhân có quyền.");
  EXPECT_NE(flat.text.find("thu hồi;\ntổ chức"), std::string::npos);
}

TEST(Normalize, WrappedTitleStopsAtTheIssuingBody) {
  std::string text =
      "NGHỊ QUYẾT\nQUY ĐỊNH MỨC PHÍ BẢO VỆ MÔI TRƯỜNG ĐỐI VỚI NƯỚC THẢI SINH\n"
      "HOẠT TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK TỪ NGÀY 01 THÁNG 01 NĂM 2018\n"
      "HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK\n";
  for (int i = 0; i < 6; ++i) text += wrap(kRunning, 60);
  const Normalized n = normalize(text);
  // The title's own wrap is joined; the council's line is not.
  EXPECT_NE(n.text.find("NƯỚC THẢI SINH HOẠT TRÊN"), std::string::npos)
      << n.text;
  EXPECT_NE(n.text.find("NĂM 2018\nHỘI ĐỒNG"), std::string::npos) << n.text;
  // A title that ends with a word needing more goes on into "HỘI ĐỒNG".
  std::string cited =
      "NGHỊ QUYẾT\nBÃI BỎ NGHỊ QUYẾT SỐ 14/2015/NQ-HĐND NGÀY 10/7/2015 CỦA\n"
      "HỘI ĐỒNG NHÂN DÂN TỈNH VỀ HỖ TRỢ BẢO VỆ RỪNG\n";
  for (int i = 0; i < 6; ++i) cited += wrap(kRunning, 60);
  const Normalized c = normalize(cited);
  EXPECT_NE(c.text.find("CỦA HỘI ĐỒNG"), std::string::npos) << c.text;
}

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

// A "*" alone on a line (a bullet whose text a copy put on the next line,
// Nghị quyết 77/2017/NQ-HĐND Bình Định) opens no emphasis: the lines after
// it are neither emphasised nor joined.
TEST(Normalize, LoneStarLineIsNoEmphasis) {
  Normalized n = normalize(
      "ý kiến góp ý:\n*\r\nĐối với dự thảo nghị quyết mới\nmới hoặc thay "
      "thế:\n-\nBáo cáo tổng hợp ý kiến:");
  EXPECT_TRUE(n.emphasis.empty());
  EXPECT_EQ(n.text.find('*'), std::string::npos);
  EXPECT_NE(n.text.find("ý kiến góp ý:\nĐối với"), std::string::npos) << n.text;
  // Inline stars still delimit emphasis.
  EXPECT_EQ(normalize("*Về văn hóa*\nNội dung.").emphasis.size(), 1u);
}

// "* (Ban hành kèm theo ...)*" (an annex caption of Công văn
// 5155/SGDĐT-GDTXNNĐH, Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh, 2025,
// outside the corpus): a "* " whose star closes a line of the same paragraph
// opens an emphasis, no bullet; the closing star opens nothing, so the lines
// after the annex are not joined (the site's page title after "./." stays
// on its own line). A "* " list keeps its bullets.
TEST(Normalize, SpacedEmphasisOpenIsNoBullet) {
  Normalized n = normalize(
      "BẢNG TIÊU CHÍ\n* (Ban hành kèm theo Công văn số 5155/SGDĐT-GDTXNNĐH "
      "ngày 28 tháng\n11 năm 2025 của Sở Giáo dục và Đào tạo)*\n|\n"
      "1. Ủy ban nhân dân phường quyết định.\n2. Bảng tiêu chí này áp dụng "
      "từ năm 2025./.\nCông văn 5155/SGDĐT-GDTXNNĐH hướng dẫn đánh giá\n"
      "Văn bản này chưa cập nhật nội dung Tiếng Anh");
  ASSERT_EQ(n.emphasis.size(), 1u);
  EXPECT_EQ(n.text.substr(n.emphasis[0].begin, n.emphasis[0].size()),
            "(Ban hành kèm theo Công văn số 5155/SGDĐT-GDTXNNĐH ngày 28 "
            "tháng 11 năm 2025 của Sở Giáo dục và Đào tạo)")
      << n.text;
  EXPECT_NE(n.text.find("năm 2025./.\nCông văn 5155"), std::string::npos)
      << n.text;
  EXPECT_EQ(n.text.find("- (Ban"), std::string::npos) << n.text;
  Normalized list = normalize("Gồm:\n* Sở Tư pháp;\n* Sở Nội vụ *(chủ trì)*.");
  EXPECT_NE(list.text.find("- Sở Tư pháp;\n- Sở Nội vụ"), std::string::npos)
      << list.text;
}

// A whole line in underscores is emphasis like "*...*"; an underscore
// inside a line (a file name, a blank to fill in) is text.
TEST(Normalize, LineInUnderscoresIsEmphasis) {
  Normalized n = normalize(
      "DANH SÁCH\n_(kèm theo Quyết định số ..../2025/QĐ-UBND)_\n"
      "Tệp bao_cao_2025.docx, ô ____ để trống.");
  ASSERT_EQ(n.emphasis.size(), 1u);
  EXPECT_EQ(n.text.substr(n.emphasis[0].begin, n.emphasis[0].size()),
            "(kèm theo Quyết định số ..../2025/QĐ-UBND)");
  EXPECT_NE(n.text.find("bao_cao_2025.docx"), std::string::npos) << n.text;
  EXPECT_EQ(n.text.find("_(k"), std::string::npos) << n.text;
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

namespace vnlegal {
namespace {

std::string icu_normalize(std::string_view s, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose
                                  ? icu::Normalizer2::getNFCInstance(status)
                                  : icu::Normalizer2::getNFDInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  n->normalizeUTF8(0,
                   icu::StringPiece(s.data(), static_cast<int32_t>(s.size())),
                   sink, nullptr, status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(Normalize, DecomposedInputComposesAsTheUnicodeAlgorithmDoes) {
  // Marks in and out of canonical order, marks that do not compose, a
  // precomposed letter followed by a mark that sorts before its own marks,
  // marks after ASCII and after a non-Latin letter.
  const std::string cases[] = {
      "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t",     // ị, ế
      "u\xCC\x9B\xCC\xA3 o\xCC\x9B\xCC\x80",    // ự, ờ (horn before dot)
      "a\xCC\xA3\xCC\x82 a\xCC\x82\xCC\xA3",    // ậ either order
      "\xC3\xA2\xCC\xA3",                       // â + dot below: reordered
      "\xE1\xBA\xA7\xCC\xA3",                   // ầ + dot below
      "e\xCC\x81\xCC\x81 x\xCC\x81 q\xCC\x82",  // two acutes; no composite
      "\xD0\xB8\xCC\x86 \xCE\xB1\xCC\x81",      // й, ά
      "\xC4\x83\xCC\x81 \xC6\xB0\xCC\x83",      // ắ, ữ (tổ hợp)
  };
  for (const std::string& c : cases) {
    EXPECT_EQ(normalize(c).text, icu_normalize(c, true))
        << testing::PrintToString(c);
  }
}

// Every Vietnamese vowel with every tone, decomposed, twice over: the second
// pass reads the composed syllables from the per-thread cache (some share a
// slot and replace each other); both must match the Unicode algorithm.
TEST(Normalize, RepeatedDecomposedSyllablesStayExact) {
  const char32_t vowels[] = {U'a', U'ă', U'â', U'e', U'ê', U'i', U'o', U'ô',
                             U'ơ', U'u', U'ư', U'y', U'A', U'Ă', U'Â', U'E',
                             U'Ê', U'I', U'O', U'Ô', U'Ơ', U'U', U'Ư', U'Y'};
  const char32_t tones[] = {0, 0x300, 0x301, 0x303, 0x309, 0x323};
  std::string nfc;
  for (char32_t v : vowels)
    for (char32_t t : tones) {
      icu::UnicodeString u(static_cast<UChar32>(v));
      if (t) u.append(static_cast<UChar32>(t));
      std::string syllable;
      u.toUTF8String(syllable);
      nfc += "ngh" + icu_normalize(syllable, true) + "n ";
    }
  const std::string nfd = icu_normalize(nfc, false);
  ASSERT_NE(nfd, nfc);
  for (int pass = 0; pass < 2; ++pass) {
    const Normalized n = normalize(nfd + nfd);
    EXPECT_EQ(n.text, icu_normalize(nfc + nfc, true).substr(0, n.text.size()))
        << "pass " << pass;
    EXPECT_EQ(n.text.size() + 1, 2 * nfc.size());  // the final space trimmed
  }
}

// Decomposed letters are composed from a table of Latin compositions: every
// Latin letter with every mark U+0300-U+0323, alone and followed by a second
// mark, must come out as the Unicode algorithm composes it, and the letter
// after it must map back to where it stood.
TEST(Normalize, EveryLatinLetterWithOneOrTwoMarksComposesExactly) {
  const char32_t second[] = {0,     0x300, 0x301, 0x302, 0x303,
                             0x306, 0x309, 0x31B, 0x323};
  std::vector<char32_t> letters;
  for (char32_t c = 'A'; c <= 'z'; ++c)
    if (std::isalpha(static_cast<int>(c))) letters.push_back(c);
  // Ð and ð are mapped to Đ and đ, Ƣ and ƣ to Ư and ư before composing.
  for (char32_t c = 0xC0; c < 0x250; ++c)
    if (c != 0xD0 && c != 0xF0 && c != 0x1A2 && c != 0x1A3)
      letters.push_back(c);
  for (char32_t c = 0x1EA0; c < 0x1EFA; ++c) letters.push_back(c);
  std::string in, expected;
  std::vector<std::pair<uint32_t, uint32_t>> starts;  // (output, input)
  for (char32_t letter : letters)
    for (char32_t mark = 0x300; mark < 0x324; ++mark)
      for (char32_t then : second) {
        icu::UnicodeString u(static_cast<UChar32>(letter));
        u.append(static_cast<UChar32>(mark));
        if (then) u.append(static_cast<UChar32>(then));
        std::string word = "ab";
        u.toUTF8String(word);
        word += "z";
        if (!in.empty()) {
          in += ' ';
          expected += ' ';
        }
        starts.emplace_back(static_cast<uint32_t>(expected.size()),
                            static_cast<uint32_t>(in.size()));
        in += word;
        expected += icu_normalize(word, true);
      }
  const Normalized n = normalize(in);
  ASSERT_EQ(n.text.size(), expected.size());
  EXPECT_TRUE(n.text == expected);
  for (size_t k = 0; k < n.text.size() && k < expected.size(); ++k)
    if (n.text[k] != expected[k]) {
      ADD_FAILURE() << "first difference near "
                    << testing::PrintToString(
                           expected.substr(k > 8 ? k - 8 : 0, 24));
      break;
    }
  // Each word starts where it started in the input.
  size_t wrong = 0;
  for (const auto& [out, source] : starts)
    wrong += n.map.to_source(out) != source;
  EXPECT_EQ(wrong, 0u);
  EXPECT_GT(starts.size(), 100000u);
}

TEST(Normalize, CorpusInNfdNormalizesLikeTheCorpusInNfc) {
  const std::string dir = std::string(VNLEGAL_SOURCE_DIR) + "/corpus/docs";
  int count = 0;
  for (const char* name :
       {"000_nq-hdnd_01-2020-bac-tu-liem.txt", "001_nq-hdnd_01-2017.md",
        "061_qd-ubnd-hanoi_01-2025.md", "074_ttlt-btc-bct_89-2016.txt"}) {
    const std::string nfc = icu_normalize(read_file(dir + "/" + name), true);
    const std::string nfd = icu_normalize(nfc, false);
    ASSERT_NE(nfc, nfd) << name;
    EXPECT_EQ(normalize(nfd).text, normalize(nfc).text) << name;
    ++count;
  }
  EXPECT_EQ(count, 4);
}

}  // namespace
}  // namespace vnlegal

namespace vnlegal {
namespace {

// Runs of stable characters are recognised 16 bytes at a time; a character
// that needs work must be found wherever it falls in or across a block, and
// offsets must still map back exactly.
TEST(Normalize, CharacterNeedingWorkIsFoundAtEveryOffset) {
  const std::string filler = "Hội đồng nhân dân thành phố Hà Nội, khóa XV; ";
  struct Special {
    std::string in;   // as it appears in the source
    std::string out;  // after normalization
  };
  const Special specials[] = {
      {"\xC3\x90", "Đ"},                 // Latin eth typed for Đ
      {"\xC6\xA3", "ư"},                 // "oi" from a PDF for ư
      {"&amp;", "&"},                    // HTML entity
      {"\xE2\x80\x8B", ""},              // zero-width space
      {"a\xCC\x81", "\xC3\xA1"},         // a + combining acute
      {"\xE1\xBB\xBA", "\xE1\xBB\xBA"},  // U+1EFA (kept, outside U+1EF9)
      // Bytes that are no UTF-8 sequence, each a U+FFFD: a stray
      // continuation byte (after a letter it could be taken to extend), a
      // lead byte cut short, a Vietnamese letter's lead bytes without their
      // last byte.
      {"\x80", "\xEF\xBF\xBD"},
      {"\xC3", "\xEF\xBF\xBD"},
      {"\xE1\xBA", "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xE1\xBB\xC3\xA1", "\xEF\xBF\xBD\xEF\xBF\xBD\xC3\xA1"},
  };
  for (const Special& sp : specials) {
    for (size_t at = 0; at < 40; ++at) {
      std::string in = filler + filler;
      // Insert at a character boundary at or after `at`.
      size_t pos = at;
      while (pos < in.size() &&
             (static_cast<unsigned char>(in[pos]) & 0xC0) == 0x80)
        ++pos;
      std::string expected = in;
      in.insert(pos, sp.in);
      expected.insert(pos, sp.out);
      const Normalized n = normalize(in);
      ASSERT_EQ(n.text, expected.substr(0, expected.find_last_not_of(' ') + 1))
          << sp.in << " at " << pos;
      // The byte after the special character maps back to the byte after
      // it in the source.
      const auto after = static_cast<uint32_t>(pos + sp.out.size());
      if (after < n.text.size()) {
        EXPECT_EQ(n.map.to_source(after), pos + sp.in.size())
            << sp.in << " at " << pos;
      }
    }
  }
}

}  // namespace
}  // namespace vnlegal

namespace vnlegal {
namespace {

// Lines are copied in runs found 16 bytes at a time, blocks running past a
// line's end; double spaces, a hyphen glued to the word before and trailing
// spaces must be handled wherever they fall.
TEST(Normalize, SpacesAndHyphensAtEveryOffsetOfALine) {
  const std::string words = "phát triển kinh tế xã hội của thành phố năm";
  for (size_t at = 1; at + 1 < words.size(); ++at) {
    if (words[at] != ' ') continue;
    // A double space.
    std::string doubled = words;
    doubled.insert(at, " ");
    EXPECT_EQ(normalize(doubled + ".\nDòng sau.").text, words + ".\nDòng sau.")
        << at;
    // "tế- xã": the hyphen gets its space before.
    std::string glued = words;
    glued.replace(at, 1, "- ");
    std::string spaced = words;
    spaced.replace(at, 1, " - ");
    EXPECT_EQ(normalize(glued + ".\nDòng sau.").text, spaced + ".\nDòng sau.")
        << at;
    // Trailing spaces on a line cut here.
    const std::string line = words.substr(0, at);
    EXPECT_EQ(normalize(line + ".   \nDòng sau.").text, line + ".\nDòng sau.")
        << at;
  }
}

}  // namespace
}  // namespace vnlegal
