// Container readers: sniffing, DOCX, HTML, RTF, Word 97 .doc, PDF text
// layer, archives, and damaged inputs of each.
#include "vnlegal/io.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/readers.h"
#include "unit/test_documents.h"
#include "vnlegal/encoding.h"
#include "vnlegal/normalize.h"

namespace vnlegal {
namespace {

using testing::slurp;

// Expected text of legacy bytes, whatever tables the encoding API has.
std::string legacy(std::string_view bytes, Encoding e) {
  return decode(bytes, e).text;
}

bool has_diagnostic(const ReadResult& r, std::string_view code) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code) return true;
  return false;
}

void expect_sane(const ReadResult& r, size_t input_size) {
  EXPECT_EQ(r.map.out_size(), r.text.size());
  EXPECT_EQ(r.map.in_size(), input_size);
  for (size_t k = 0; k <= r.text.size(); k += 1 + r.text.size() / 50)
    EXPECT_LE(r.map.to_source(static_cast<uint32_t>(k)), input_size);
}

// A one-page PDF drawing `content` with a standard font (/F1), built with
// correct xref offsets.
std::string pdf_page(const std::string& content) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string tiny_pdf(const std::string& text) {
  return pdf_page("BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET");
}

TEST(IoSniff, ContainersByMagicBytes) {
  struct Case {
    std::string bytes;
    std::string hint;
    io::Container expected;
  } cases[] = {
      {"PK\x03\x04rest", "a.docx", io::Container::kZip},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "x", "a.doc",
       io::Container::kOle2},
      {"{\\rtf1 x}", "a.txt", io::Container::kRtf},
      {"%PDF-1.4", "", io::Container::kPdf},
      {"\x1F\x8B\x08", "a.gz", io::Container::kArchive},
      {"  <!DOCTYPE html><html>", "", io::Container::kHtml},
      {"<p>x</p>", "page.htm", io::Container::kHtml},
      {"Điều 1.", "a.html", io::Container::kText},
      {"plain", "a.doc", io::Container::kText},
  };
  for (const Case& c : cases)
    EXPECT_EQ(io::sniff_container(c.bytes, c.hint), c.expected) << c.bytes;
}

TEST(IoDocx, ParagraphsNumberingTablesNotes) {
  const std::string bytes = slurp("tests/data/io/sample.docx");
  ASSERT_FALSE(bytes.empty());
  ReadResult r = read_document(bytes, "sample.docx");
  EXPECT_EQ(r.format, "docx");
  EXPECT_EQ(r.encoding, "UTF-8");
  // make_fixtures.py: "Điều %1." at level 0 and "%2)" at level 1 of list 1.
  const std::string expected =
      "QUYẾT ĐỊNH\n"
      "Điều 1. Phạm vi điều chỉnh\n"
      "Điều 2. Đối tượng áp dụng\n"
      "a) cơ quan nhà nước;\n"
      "b) tổ chức, cá nhân.\n"
      "Điều 3. Hiệu lực thi hành\n"
      "Dòng một\n"
      "Dòng hai\n" +
      legacy("C\xA8n c\xF8", Encoding::kTcvn3) +
      "\n"
      "STT | Chỉ tiêu\n"
      "1 | Tăng 5%\n"
      "Trong hộp\n"
      "Có chú thích\n"
      "Chú thích cuối trang.\n";
  EXPECT_EQ(r.text, expected);
  expect_sane(r, bytes.size());
}

TEST(IoDocx, CorpusCaseLawReadsAsVietnamese) {
  const std::string bytes = slurp("corpus/docs/101_anle-02-2016_tand.docx");
  ReadResult r = read_document(bytes, "101.docx");
  EXPECT_EQ(r.format, "docx");
  EXPECT_EQ(r.text.rfind("Án lệ số 02/2016/AL\n", 0), 0u);
  EXPECT_NE(r.text.find("\nQUYẾT ĐỊNH\n"), std::string::npos);
  EXPECT_TRUE(r.diagnostics.empty());
}

// A drop-down form field with an empty result shows its selected entry
// (see tests/data/fmt/README.md): the title of Nghị định 62/2002/NĐ-CP.
TEST(IoDocx, DropDownFieldShowsItsEntry) {
  for (const char* path : {"tests/data/fmt/dropdown_title.docx",
                           "tests/data/fmt/dropdown_title.rtf",
                           "tests/data/fmt/dropdown_title.doc"}) {
    const std::string bytes = slurp(path);
    ASSERT_FALSE(bytes.empty()) << path;
    ReadResult r = read_document(bytes, path);
    EXPECT_EQ(r.text, "NGHỊ ĐỊNH CỦA CHÍNH PHỦ\nSửa đổi\n") << path;
    expect_sane(r, bytes.size());
  }
}

// An empty paragraph between two others is a paragraph break, not a wrap
// (tests/data/fmt/README.md): the bases of Nghị định 26/2001/NĐ-CP end with a
// comma, and its formula "NGHỊ ĐỊNH:" after an empty paragraph stays a line
// of its own instead of joining the last basis.
TEST(IoDocx, EmptyParagraphIsAParagraphBreak) {
  for (const char* path : {"tests/data/fmt/empty_paragraphs.rtf",
                           "tests/data/fmt/empty_paragraphs.docx",
                           "tests/data/fmt/empty_paragraphs.doc"}) {
    const std::string bytes = slurp(path);
    ASSERT_FALSE(bytes.empty()) << path;
    ReadResult r = read_document(bytes, path);
    const std::string text = normalize(r.text).text;
    EXPECT_NE(text.find("Bộ trưởng Bộ Tài chính,\nNGHỊ ĐỊNH:\nĐiều 1."),
              std::string::npos)
        << path << "\n"
        << text;
    expect_sane(r, bytes.size());
  }
}

TEST(IoHtml, ContentBlockCharsetTablesLists) {
  const std::string bytes = slurp("tests/data/io/sample_cp1252.html");
  ReadResult r = read_document(bytes, "page.html");
  EXPECT_EQ(r.format, "html");
  EXPECT_EQ(r.encoding, "Windows-1252");
  EXPECT_EQ(r.text,
            "NGHỊ QUYẾT\n"
            "Café & trà\n"
            "dòng hai\n"
            "STT | Tên\n"
            "1 | A\n"
            "1. môt\n"
            "2. hai\n");
  expect_sane(r, bytes.size());
}

TEST(IoHtml, BodyWithoutContentBlockDropsScripts) {
  const std::string page =
      "<html><body><nav>Menu</nav><h1>Luật</h1><script>x()</script>"
      "<p>Điều 1.\n   Phạm   vi</p></body></html>";
  ReadResult r = read_document(page, "a.html");
  EXPECT_EQ(r.text, "Luật\nĐiều 1. Phạm vi\n");
  EXPECT_EQ(r.encoding, "UTF-8");
}

TEST(IoHtml, LegacyFontFaces) {
  const std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body>"
      "<p><font face=\".VnTime\">C\xA8n c\xF8</font> ok</p>"
      "<p style=\"font-family: 'VNI-Times', serif\">Vi\xEAt</p></body></html>";
  ReadResult r = read_document(page, "old.htm");
  EXPECT_EQ(r.text, legacy("C\xA8n c\xF8", Encoding::kTcvn3) + " ok\n" +
                        legacy("Vi\xEAt", Encoding::kVni) + "\n");
}

// Word and LibreOffice save a .VnTime document as HTML with the font in
// the style sheet ("p.western", ".MsoNormal"), not on the elements. The
// fragment is the head and first paragraph of LibreOffice's HTML copy of
// Thông tư liên tịch 176/1998/TTLT-BTC-BCN-TCHQ (a TCVN3 RTF), abridged.
TEST(IoHtml, LegacyFontsOfTheStyleSheet) {
  const std::string page =
      "<!DOCTYPE html><html><head><meta http-equiv=\"content-type\" "
      "content=\"text/html; charset=utf-8\"/><style type=\"text/css\">\n"
      "@page { size: 8.27in 11.69in; margin-left: 1.25in }\n"
      "p { color: #0000ff; line-height: 115%; text-align: justify }\n"
      "p.western { font-family: \".VnTime\", serif; font-size: 12pt }\n"
      "p.cjk { font-family: \".VnTime\"; font-size: 12pt }\n"
      "/* span.x { font-family: \".VnTime\" } */\n"
      "td p, span.SpellE, .MsoUnicode { font-family: \"Times New Roman\" "
      "}\n</style></head><body>"
      "<p class=\"western\"><i>C\u00a8n c\u00f8 \u00fd ki\u00d5n c\u00f1a "
      "Th\u00f1 t&shy;\u00edng</i></p>"
      "<p class=\"western\"><span class=\"MsoUnicode\">Thủ tướng</span></p>"
      // Paragraphs in the default font, which the sheet does not name (Nghị
      // định 28/2003/NĐ-CP, corpus 092, in LibreOffice's copy).
      "<p>1. B\u00e9 T\u00b5i ch\u00ddnh quy \u00ae\u00denh k\u00ddch "
      "th&shy;\u00edc, h\u00d7nh v\u00cf, hoa v\u00a8n</p>"
      "<p>Ch\u00acng III</p><p>Điều 5</p>"
      // Text in Unicode under a legacy font name stays as it is.
      "<p class=\"western\">Căn cứ Luật</p></body></html>";
  ReadResult r = read_document(page, "copy.html");
  EXPECT_EQ(r.text, legacy("C\xA8n c\xF8 \xFD ki\xD5n c\xF1"
                           "a Th\xF1 t\xAD\xEDng",
                           Encoding::kTcvn3) +
                        "\nThủ tướng\n" +
                        legacy("1. B\xE9 T\xB5i ch\xDD"
                               "nh quy \xAE\xDE"
                               "nh k\xDD"
                               "ch th\xAD\xED"
                               "c, h\xD7"
                               "nh v\xCF, hoa v\xA8n\nCh\xAC"
                               "ng III",
                               Encoding::kTcvn3) +
                        "\nĐiều 5\nCăn cứ Luật\n");
}

// Word and LibreOffice put each list item's text in a paragraph
// ("<li><p>..."): the paragraph goes on the label's line. The fragment is
// from LibreOffice's HTML copy of Nghị định 28/2003/NĐ-CP (corpus 092),
// decoded to Unicode.
TEST(IoHtml, ListItemParagraphsKeepTheirLabel) {
  const std::string page =
      "<html><body><ol>\n\t<li><p class=\"western\" align=\"left\"><font "
      "size=\"4\">Công\n\tdân Việt Nam ở trong nước và ngoài nước.</font></p>"
      "\n\t<li><p class=\"western\">Người\n\tViệt Nam định cư ở nước "
      "ngoài.</p><p>Đoạn sau.</p>\n</ol><ul><li>Gạch</li></ul></body></html>";
  ReadResult r = read_document(page, "copy.html");
  EXPECT_EQ(r.text,
            "1. Công dân Việt Nam ở trong nước và ngoài nước.\n"
            "2. Người Việt Nam định cư ở nước ngoài.\nĐoạn sau.\n- Gạch\n");
}

// A word processor's page header and footer are no text of the document:
// LibreOffice's HTML copy of Thông tư liên tịch 176/1998 (rv2) opens with
// the running head of its source database, and that of Nghị định 28/2003
// (corpus 092) ends with a page number field after the signer.
TEST(IoHtml, PageHeadersAndFootersAreLeftOut) {
  const std::string page =
      "<html><body><div title=\"header\"><p align=\"center\">VĂN PHÒNG QUỐC "
      "HỘI CƠ SỞ DỮ LIỆU LUẬT VIỆT NAM LAWDATA</p></div>"
      "<p>THÔNG TƯ</p><p>Phan Văn Khải</p><div title=\"footer\"><p><span><p>"
      "<span><sdfield type=PAGE subtype=RANDOM format=PAGE>9</sdfield></span>"
      "</p></span><br/></p></div><div style='mso-element:footer' id=f1>"
      "<p>Trang 1</p></div><div title=\"ghi chú\">Kết thúc</div></body></html>";
  ReadResult r = read_document(page, "copy.html");
  EXPECT_EQ(r.text, "THÔNG TƯ\nPhan Văn Khải\nKết thúc\n");
}

TEST(IoHtml, VbplConstitution) {
  const std::string bytes = slurp("corpus/docs/089_hienphap-2013_vbpl.html");
  ReadResult r = read_document(bytes, "089.html");
  EXPECT_NE(r.text.find("\nChương I\nCHẾ ĐỘ CHÍNH TRỊ\nĐiều 1\n"),
            std::string::npos);
  EXPECT_EQ(r.text.find("dialog"), std::string::npos);
  EXPECT_TRUE(has_diagnostic(r, "html-content-block"));
}

TEST(IoRtf, Cases) {
  struct Case {
    std::string rtf;
    std::string expected;
  } cases[] = {
      {"{\\rtf1\\ansi{\\fonttbl{\\f0 Times New Roman;}{\\f1 .VnTime;}}"
       "\\f0 A\\par\\f1 C\\'a8n c\\'f8\\par}",
       "A\n" + legacy("C\xA8n c\xF8", Encoding::kTcvn3) + "\n"},
      {"{\\rtf1{\\fonttbl{\\f2\\fnil VNI-Times;}}\\f2 Vi\\'eat\\par}",
       legacy("Vi\xEAt", Encoding::kVni) + "\n"},
      {"{\\rtf1\\ansi\\uc1 Ngh\\u7883?\\par}", "Nghị\n"},
      // A "... CE" font (\fcharset238) spells 'ă', 'đ', 'Đ' as Windows-1250
      // bytes (Chỉ thị 14/2004/CT-UB of Hồ Chí Minh City, outside the
      // corpus, mixes such runs with \uN ones).
      {"{\\rtf1{\\fonttbl{\\f0 Times New Roman;}{\\f227\\fcharset238 Times "
       "New Roman CE;}}\\f0 Ng\\'e2n h\\'e0ng n{\\f227 \\'e3m \\'f0\\'e1p \\'d0"
       "\\u7847\\'3fu qu\\'fd}\\par}",
       "Ngân hàng năm đáp Đầu quý\n"},
      {"{\\rtf1\\uc2 x\\u273\\'3f\\'3fy\\par}", "xđy\n"},
      {"{\\rtf1{\\*\\generator W;}{\\info{\\title T}}{\\stylesheet{\\s1 H;}}"
       "Body\\par}",
       "Body\n"},
      {"{\\rtf1 \\trowd\\cellx100\\cellx200\\pard\\intbl A\\cell B\\cell"
       "\\row\\pard After\\par}",
       "A | B\nAfter\n"},
      {"{\\rtf1 A{\\v hidden}B\\line C\\par}", "AB\nC\n"},
      {"{\\rtf1 a\\bin3 xyzb\\par}", "ab\n"},
      {"{\\rtf1 \\{x\\}\\tab y\\~z\\par}", "{x} y\xC2\xA0z\n"},
      {"{\\rtf1 {\\*\\unknowndest junk}ok\\par}", "ok\n"},
      {"{\\rtf1 {\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt link}}\\par}",
       "link\n"},
      // A drop-down form field with an empty result shows its default entry,
      // read from the Unicode copy (Nghị định 62/2002/NĐ-CP, a government RTF
      // outside the corpus, abridged).
      {"{\\rtf1\\uc1 {\\field{\\*\\fldinst { FORMDROPDOWN }{{\\*\\datafield 02}"
       "{\\*\\formfield{\\fftype2\\ffhaslistbox{\\*\\ffname "
       "Dropdown1}\\ffdefres0"
       "{\\upr{\\*\\ffl NGH? \\'d0?NH C?A CH\\'cdNH PH?}{\\*\\ud{\\*\\ffl "
       "NGH\\u7882 ? "
       "\\u272 \\'d0\\u7882 ?NH C\\u7910 ?A CH\\'cdNH PH\\u7910 "
       "?}}}}}}}{\\fldrslt }}"
       "\\par}",
       "NGHỊ ĐỊNH CỦA CHÍNH PHỦ\n"},
      // The selected entry (\ffres) wins over the default; a result that
      // holds text is kept as it is.
      {"{\\rtf1 {\\field{\\*\\fldinst FORMDROPDOWN {\\*\\formfield{\\fftype2"
       "\\ffres1\\ffdefres0{\\*\\ffl A}{\\*\\ffl B}}}}{\\fldrslt }}\\par"
       "{\\field{\\*\\fldinst FORMDROPDOWN {\\*\\formfield{\\fftype2\\ffdefres0"
       "{\\*\\ffl A}}}}{\\fldrslt C}}\\par}",
       "B\nC\n"},
  };
  for (const Case& c : cases) {
    ReadResult r = read_document(c.rtf, "a.rtf");
    EXPECT_EQ(r.format, "rtf");
    EXPECT_EQ(r.text, c.expected) << c.rtf;
    expect_sane(r, c.rtf.size());
  }
}

TEST(IoRtf, UppercaseLegacyFontAndEncodingReport) {
  const std::string rtf =
      "{\\rtf1{\\fonttbl{\\f1 .VnTimeH;}{\\f2 .VnTime;}}\\f1 abc\\par"
      "\\f2 C\\'a8n c\\'f8 ngh\\'dc\\par}";
  ReadResult r = read_document(rtf, "a.rtf");
  EXPECT_EQ(r.text.substr(0, 4), "ABC\n");
  EXPECT_EQ(r.encoding, "TCVN3");
}

TEST(IoRtf, TruncatedKeepsTextAndWarns) {
  const std::string rtf = "{\\rtf1 abc\\par {\\b x";
  ReadResult r = read_document(rtf, "a.rtf");
  EXPECT_EQ(r.text, "abc\nx\n");
  EXPECT_TRUE(has_diagnostic(r, "rtf-unbalanced"));
}

TEST(IoRtf, CorpusTcvn3Bytes) {
  const std::string bytes = slurp("corpus/docs/097_legacy-tcvn3_2003-A-15.rtf");
  ReadResult r = read_document(bytes, "097.rtf");
  EXPECT_EQ(r.encoding, "TCVN3");
  EXPECT_NE(r.text.find(legacy("C\xA8n c\xF8 Lu\xCBt T\xE6 ch\xF8"
                               "c",
                               Encoding::kTcvn3)),
            std::string::npos);
}

TEST(IoDoc, CorpusFiles) {
  struct Case {
    const char* path;
    const char* encoding;
    std::string needle;
  } cases[] = {
      {"corpus/docs/086_lenh-ctn_68-LCT-HDNN8.doc", "UTF-16LE",
       "\nLỜI NÓI ĐẦU\n"},
      {"corpus/docs/088_hienphap-1959.doc", "UTF-16LE",
       "Nước Việt Nam ta là một nước thống nhất từ Lạng Sơn đến Cà Mau."},
      {"corpus/docs/091_legacy-tcvn3_2003-02144qd.doc", "TCVN3",
       legacy("C\xA8n c\xF8 Ngh\xDE \xAE\xDEnh s\xE8 86/2002/N\xA7-CP",
              Encoding::kTcvn3)},
      // Clause numbers are list labels (the text later cites "khoản 4, 5,
      // 6 và 7 của Điều này"): they come from the list tables.
      {"corpus/docs/092_legacy-tcvn3_2004-0328NDCP.doc", "TCVN3",
       "\n1. " + legacy("C\xABng d\xA9n Vi\xD6t Nam", Encoding::kTcvn3)},
      {"corpus/docs/093_legacy-tcvn3_2004-NghiDinh29_1998.doc", "TCVN3",
       legacy("\xA7i\xD2u 1. Ban h\xB5nh k\xCC"
              "m theo",
              Encoding::kTcvn3)},
      {"corpus/docs/099_legacy-vni_2008-23.QD-991-UBND.doc", "VNI",
       legacy("Ca\xEAn c\xF6\xF9 Lua\xE4t To\xE5 ch\xF6\xF9"
              "c",
              Encoding::kVni)},
  };
  for (const Case& c : cases) {
    const std::string bytes = slurp(c.path);
    ASSERT_FALSE(bytes.empty()) << c.path;
    ReadResult r = read_document(bytes, c.path);
    EXPECT_EQ(r.format, "doc") << c.path;
    EXPECT_EQ(r.encoding, c.encoding) << c.path;
    EXPECT_NE(r.text.find(c.needle), std::string::npos) << c.path;
    expect_sane(r, bytes.size());
  }
}

// Byte 0xAD is "ư" in TCVN3, but editors store it as an optional hyphen
// (Word 97 0x1F, DOCX <w:softHyphen/>, RTF "\-"): in a legacy-font run the
// readers turn it back into the letter; elsewhere it is no text. The files
// are conversions of a phrase of Thông tư liên tịch 176/1998 (see
// tests/data/fmt/README.md).
TEST(IoLegacyFonts, OptionalHyphenIsByteAD) {
  const std::string tcvn3 = legacy(
      "C\xA8n c\xF8 \xFD ki\xD5n c\xF1"
      "a Th\xF1 t\xAD\xEDng Ch\xDDnh ph\xF1",
      Encoding::kTcvn3);
  for (const char* path : {"tests/data/fmt/soft_hyphen_tcvn3.rtf",
                           "tests/data/fmt/soft_hyphen_tcvn3.doc",
                           "tests/data/fmt/soft_hyphen_tcvn3.docx",
                           "tests/data/fmt/soft_hyphen_tcvn3.lo.rtf"}) {
    const std::string bytes = slurp(path);
    ASSERT_FALSE(bytes.empty()) << path;
    ReadResult r = read_document(bytes, path);
    EXPECT_NE(r.text.find(tcvn3), std::string::npos) << path << "\n" << r.text;
    EXPECT_NE(normalize(r.text).text.find("Optional"), std::string::npos)
        << path;
    expect_sane(r, bytes.size());
  }
}

TEST(IoDoc, RunStartsMapToFileOffsets) {
  const std::string bytes =
      slurp("corpus/docs/091_legacy-tcvn3_2003-02144qd.doc");
  ReadResult r = read_document(bytes, "091.doc");
  const std::string needle = legacy("C\xA8n c\xF8 Ngh\xDE", Encoding::kTcvn3);
  size_t at = r.text.find("\n" + needle);
  ASSERT_NE(at, std::string::npos);
  uint32_t src = r.map.to_source(static_cast<uint32_t>(at + 1));
  // The paragraph sits in an 8-bit piece: its bytes are in the file as is.
  EXPECT_EQ(bytes.substr(src, 6), "C\xA8n c\xF8");
}

TEST(IoPdf, TinyGeneratedPdf) {
  const std::string pdf = tiny_pdf("Dieu 1. Pham vi");
  ReadResult r = read_document(pdf, "a.pdf");
  EXPECT_EQ(r.format, "pdf");
  EXPECT_EQ(r.text, "Dieu 1. Pham vi\n");
  expect_sane(r, pdf.size());
}

// Two cells of a header table on one line ("Số: 773/QĐ-TTg" | "Hà Nội,
// ngày 26 ...", Quyết định 773/QĐ-TTg of the rv1 review set as a PDF) come
// as words with no space between them: the gap is the space.
TEST(IoPdf, CellsSideBySideAreSpaced) {
  const std::string pdf = pdf_page(
      "BT /F1 12 Tf 72 720 Td (So: 773/QD-TTg) Tj ET "
      "BT /F1 12 Tf 300 720 Td (Ha Noi, ngay 26) Tj ET");
  ReadResult r = read_document(pdf, "cells.pdf");
  EXPECT_EQ(r.text, "So: 773/QD-TTg Ha Noi, ngay 26\n");
}

// The closing table of a letter (tests/data/fmt/letter_tables.pdf, after
// Công văn 2739/VPCP-ĐMDN of 2019): poppler reads it row by row, so the
// signer's title and "(Đã ký)" stood after the first recipients. The left
// cell's lines come first, then the right cell's.
TEST(IoPdf, SignatureTableCellByCell) {
  const std::string bytes = slurp("tests/data/fmt/letter_tables.pdf");
  ReadResult r = read_document(bytes, "letter_tables.pdf");
  EXPECT_NE(r.text.find("Nơi nhận:\n- Như trên;\n"), std::string::npos)
      << r.text;
  EXPECT_NE(r.text.find("- Lưu: VT, ĐMDN (2b).\nBỘ TRƯỞNG, CHỦ NHIỆM\n(Đã "
                        "ký)\nMai Tiến Dũng"),
            std::string::npos)
      << r.text;
  // The header table: the issuer's cell, then the motto's.
  const size_t issuer = r.text.find("VĂN PHÒNG CHÍNH PHỦ");
  const size_t motto = r.text.find("CỘNG HÒA XÃ HỘI");
  const size_t date = r.text.find("Hà Nội, ngày 05");
  EXPECT_LT(issuer, motto);
  EXPECT_LT(r.text.find("Số: 2739/VPCP-ĐMDN"), motto);
  EXPECT_LT(motto, date);
  EXPECT_NE(date, std::string::npos);
}

// A closing table cut by the page break (tests/data/fmt/closing_page_break
// .pdf, after Quyết định 32/2025/QĐ-UBND of Hà Nội): poppler reads the left
// cell, then the right one, page by page, so the signer stood between the
// recipients of the two pages. The right cell waits for the left cell's
// lines at the top of the next page.
TEST(IoPdf, ClosingTableAcrossAPageBreak) {
  const std::string bytes = slurp("tests/data/fmt/closing_page_break.pdf");
  ReadResult r = read_document(bytes, "closing_page_break.pdf");
  const size_t last_recipient = r.text.find("- Lưu: VT, NNMT.");
  const size_t authority = r.text.find("TM. ỦY BAN NHÂN DÂN");
  ASSERT_NE(last_recipient, std::string::npos) << r.text;
  ASSERT_NE(authority, std::string::npos) << r.text;
  EXPECT_LT(r.text.find("- Các PCT UBND Thành phố;"), last_recipient);
  EXPECT_LT(last_recipient, authority);
  EXPECT_NE(r.text.find("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký và đóng "
                        "dấu)\nTrần Sỹ Thanh"),
            std::string::npos)
      << r.text;
}

// Three cells side by side (a data table's row) are no header or
// signature table: the row stays a row.
TEST(IoPdf, ThreeCellRowStaysARow) {
  const std::string pdf = pdf_page(
      "BT /F1 12 Tf 72 720 Td (1) Tj ET "
      "BT /F1 12 Tf 200 720 Td (Noi nhan) Tj ET "
      "BT /F1 12 Tf 400 720 Td (30) Tj ET "
      "BT /F1 12 Tf 72 700 Td (2) Tj ET "
      "BT /F1 12 Tf 200 700 Td (Tong) Tj ET "
      "BT /F1 12 Tf 400 700 Td (40) Tj ET");
  ReadResult r = read_document(pdf, "rows.pdf");
  EXPECT_EQ(r.text, "1 Noi nhan 30\n2 Tong 40\n");
}

TEST(IoPdf, CorpusTcvn3TextLayer) {
  const std::string bytes = slurp(
      "corpus/docs/"
      "098_legacy-tcvn3_2005-1ADDZ_Ke_hoach_2005__QH_lan_6_25-10.pdf");
  ReadResult r = read_document(bytes, "098.pdf");
  EXPECT_EQ(r.encoding, "TCVN3");
  EXPECT_NE(r.text.find(legacy("Qu\xE8"
                               "c h\xE9i kho\xB8 XI",
                               Encoding::kTcvn3)),
            std::string::npos);
}

TEST(IoArchive, ZipWithNestedZip) {
  const std::string bytes = slurp("tests/data/io/archive.zip");
  std::vector<ArchiveMember> members = read_archive(bytes);
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].name, "a.txt");
  EXPECT_EQ(members[0].bytes, "Điều 1. Một\n");
  EXPECT_EQ(members[1].name, "dir/b.txt");
  EXPECT_EQ(members[2].name, "inner.zip/c.txt");
  EXPECT_EQ(members[2].bytes, "Điều 3. Ba\n");
  ReadResult r = read_document(bytes, "a.zip");
  EXPECT_EQ(r.text, "Điều 1. Một\n\nĐiều 2. Hai\n\nĐiều 3. Ba\n");
  EXPECT_TRUE(has_diagnostic(r, "archive-concatenated"));
}

TEST(IoArchive, TarGzAndSingleGzip) {
  std::vector<ArchiveMember> tar =
      read_archive(slurp("tests/data/io/archive.tar.gz"));
  ASSERT_EQ(tar.size(), 2u);
  EXPECT_EQ(tar[1].name, "y.txt");
  EXPECT_EQ(tar[1].bytes, "Điều 2. Y\n");
  ReadResult r =
      read_document(slurp("tests/data/io/single.txt.gz"), "a.txt.gz");
  EXPECT_EQ(r.text, "Điều 9. Nén\n");
}

TEST(IoArchive, Limits) {
  ArchiveListing bomb = list_archive(slurp("tests/data/io/bomb.zip"));
  bool found = false;
  for (const Diagnostic& d : bomb.diagnostics)
    found |= d.code == "archive-bomb";
  EXPECT_TRUE(found);
  ASSERT_EQ(bomb.members.size(), 1u);
  EXPECT_LT(bomb.members[0].bytes.size(), 8u << 20);

  const std::string zip = slurp("tests/data/io/archive.zip");
  ArchiveLimits few;
  few.max_members = 1;
  ArchiveListing one = list_archive(zip, few);
  EXPECT_LE(one.members.size(), 1u);
  EXPECT_FALSE(one.diagnostics.empty());

  ArchiveLimits small;
  small.max_member_bytes = 5;
  ArchiveListing cut = list_archive(zip, small);
  ASSERT_FALSE(cut.members.empty());
  EXPECT_EQ(cut.members[0].diagnostics.at(0).code, "archive-member-too-large");

  ArchiveLimits flat;
  flat.max_depth = 1;
  ArchiveListing shallow = list_archive(zip, flat);
  ASSERT_EQ(shallow.members.size(), 3u);
  EXPECT_EQ(shallow.members[2].name, "inner.zip");
  EXPECT_EQ(shallow.members[2].diagnostics.at(0).code, "archive-too-deep");
}

TEST(IoArchive, DocxIsOneMember) {
  const std::string docx = slurp("tests/data/io/sample.docx");
  std::vector<ArchiveMember> members = read_archive(docx);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].bytes, docx);
}

TEST(IoDamaged, DocxWithCutXml) {
  ReadResult r = read_document(slurp("tests/data/io/damaged.docx"), "d.docx");
  EXPECT_TRUE(has_diagnostic(r, "damaged-docx-part"));
  EXPECT_EQ(r.text.rfind("QUYẾT ĐỊNH\n", 0), 0u);
}

// Truncations and corrupted bytes of every kind of container: the readers
// must return (text or diagnostics), never crash or throw.
TEST(IoDamaged, TruncatedAndCorruptedContainers) {
  std::vector<std::pair<std::string, std::string>> inputs = {
      {"sample.docx", slurp("tests/data/io/sample.docx")},
      {"page.html", slurp("tests/data/io/sample_cp1252.html")},
      {"a.zip", slurp("tests/data/io/archive.zip")},
      {"a.tar.gz", slurp("tests/data/io/archive.tar.gz")},
      {"a.doc", slurp("corpus/docs/091_legacy-tcvn3_2003-02144qd.doc")},
      {"b.doc", slurp("corpus/docs/099_legacy-vni_2008-23.QD-991-UBND.doc")},
      {"a.rtf", slurp("corpus/docs/097_legacy-tcvn3_2003-A-15.rtf")},
      {"a.pdf", tiny_pdf("Dieu 1")},
  };
  for (const auto& [name, bytes] : inputs) {
    ASSERT_FALSE(bytes.empty()) << name;
    const size_t n = bytes.size();
    std::vector<size_t> cuts = {0, 1, 8, 100, 512, 600, n / 3, n / 2, n - 1};
    for (size_t cut : cuts) {
      if (cut > n) continue;
      std::string part = bytes.substr(0, cut);
      ReadResult r;
      EXPECT_NO_THROW(r = read_document(part, name)) << name << " cut " << cut;
      EXPECT_EQ(r.map.out_size(), r.text.size());
    }
    // Corrupt bytes in the header, in the middle and near the end, where
    // the compound file keeps its tables and the zip its directory.
    for (size_t at : {size_t{0x30}, size_t{0x44}, size_t{0x4C}, n / 2, n - 40,
                      size_t{0x200}, size_t{0x1A2 + 0x200}}) {
      if (at + 16 > n) continue;
      std::string bad = bytes;
      for (size_t k = 0; k < 16; ++k) bad[at + k] = static_cast<char>(0xFF - k);
      ReadResult r;
      EXPECT_NO_THROW(r = read_document(bad, name)) << name << " at " << at;
      EXPECT_EQ(r.map.out_size(), r.text.size());
    }
  }
}

TEST(IoDamaged, NotAContainerAtAll) {
  struct Case {
    std::string bytes;
    const char* hint;
    const char* code;
  } cases[] = {
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
           std::string(600, '\0'),
       "a.doc", "damaged-doc"},
      {"PK\x03\x04garbage", "a.docx", "damaged-archive"},
      {"%PDF-1.4 garbage", "a.pdf", "damaged-pdf"},
  };
  for (const Case& c : cases) {
    ReadResult r = read_document(c.bytes, c.hint);
    EXPECT_TRUE(has_diagnostic(r, c.code)) << c.hint;
  }
}

}  // namespace
}  // namespace vnlegal
