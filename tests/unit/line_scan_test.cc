// The hand-written zone tests must answer as RE2 does with the patterns they
// stand for (the formula's on lines of valid UTF-8 without '\n'). RE2 is the
// reference, on every corpus line and on generated lines made of the
// patterns' pieces and near misses.
#include "segment/line_scan.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "internal/utf8.h"
#include "unit/line_corpus.h"

namespace vnlegal::segment_internal {
namespace {

void expect_agree(std::string_view line) {
  static const RE2 formula(kFormulaPattern);
  static const RE2 structure(kStructureStartPattern);
  static const RE2 recital(kRecitalPattern);
  static const RE2 organ(kOrganPattern);
  // The formula's function leaves lines RE2 reads differently to RE2.
  if (internal::is_valid_utf8(line) &&
      line.find('\n') == std::string_view::npos) {
    ASSERT_EQ(match_formula(line), RE2::PartialMatch(line, formula))
        << "formula [" << line << "]";
  }
  ASSERT_EQ(match_structure_start(line), RE2::PartialMatch(line, structure))
      << "structure [" << line << "]";
  ASSERT_EQ(match_recital(line), RE2::PartialMatch(line, recital))
      << "recital [" << line << "]";
  ASSERT_EQ(match_organ(line), RE2::PartialMatch(line, organ))
      << "organ [" << line << "]";
}

struct Case {
  const char* line;
  bool match;
};

// Each line's expected answer, read from the pattern; RE2 agrees.
template <class Match>
void expect_cases(const std::vector<Case>& cases, Match match) {
  for (const Case& c : cases) {
    EXPECT_EQ(match(c.line), c.match) << c.line;
    expect_agree(c.line);
  }
}

TEST(LineScan, FormulaOnHandPickedLines) {
  expect_cases(
      {
          {"QUYẾT NGHỊ:", true},
          {"QUYẾT ĐỊNH:", true},
          {"QUYẾT ĐỊNH", true},
          {"QUYẾT ĐỊNH  ", true},
          {"QUYẾT ĐỊNH : về việc", true},  // the colon need not end the line
          {"QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH", false},
          {"NGHỊ QUYẾT:", true},
          {"NGHỊ QUYẾT", false},
          {"CHỈ THỊ:", true},
          {"RA LỆNH", true},
          {"Chính phủ ban hành Nghị định quy định chi tiết.", true},
          {"Chính phủ ban hànhx", false},  // "ban hành" must end a word
          {"Chính phủ ban hành_", false},
          {"Chính phủ ban hành1 ban hành", true},
          {"Hội đồng. Ban hành", false},
          {"Hội đồng nhân dân. ban hành", false},  // a '.' before it
          {"Bộ trưởng Bộ Tài chính ban hành Thông tư quy định:", true},
          {"Theo đề nghị của Giám đốc Sở Tư pháp, QUYẾT ĐỊNH:", true},
          {"Theo đề nghị của Giám đốc Sở Tư pháp; quyết định :  ", true},
          {"Theo đề nghị của Giám đốc Sở Tư pháp QUYẾT ĐỊNH:", false},
          // Thông tư 09/2016/TT-BNNPTNT (văn bản hợp nhất).
          {"Theo đề nghị của Cục trưởng Cục Thú y, Bộ trưởng Bộ Nông nghiệp "
           "và Phát triển nông thôn ban hành Thông tư quy định về kiểm soát "
           "giết mổ và kiểm tra vệ sinh thú y¹.",
           true},
          {"Theo đề nghị của Cục trưởng Cục Thú y,  Bộ trưởng ban hành", true},
          {"Theo đề nghị của Cục trưởng. Cục Thú y, Bộ trưởng ban hành", false},
          {"Theo đề nghị của Cục trưởng Cục Thú y Bộ trưởng ban hành", false},
          {"Theo đề nghị của Cục trưởng, Cục Thú y, Bộ trưởng ban hành", true},
          {"Theo đề nghị của Sở, Ủy ban ban hànhx", false},
          {"Nghị Định:", true},
          {"nghị quyết:", true},
          {"  chỉ thị:", false},  // spaces alone do not stand for ", "
          {"Chỉ Thị :", true},
          {"quy định:", false},
          {"các nội dung được quy định như sau:", false},
          {"Ban hành kèm theo Quyết định này quy định:", false},
          {"", false},
      },
      match_formula);
  // 200 characters between the body and "ban hành" are allowed, 201 not.
  std::string gap;
  for (int k = 0; k < 199; ++k) gap += "ả";
  EXPECT_TRUE(match_formula("Chính phủ " + gap + "ban hành"));
  EXPECT_FALSE(match_formula("Chính phủ  " + gap + "ban hành"));
  expect_agree("Chính phủ " + gap + "ban hành");
  expect_agree("Chính phủ  " + gap + "ban hành");
}

TEST(LineScan, StructureRecitalOrganOnHandPickedLines) {
  expect_cases(
      {
          {"Điều 1. Phạm vi điều chỉnh", true},
          {"Điều 12a: Sửa đổi", true},
          {"Điều 5đ .", true},
          {"ĐIỀU 3.", true},
          {"Điều 1 Phạm vi", false},  // no '.' or ':'
          {"Điều1.", false},          // no space before the number
          {"Chương II", true},
          {"CHƯƠNG 3 QUY ĐỊNH CHUNG", true},
          {"Chương IIa", false},    // the number must end a word
          {"Phần thứ nhất", true},  // a word ends before a blank
          {"Phần thứI", false},     // and not before a letter
          {"I. MỤC ĐÍCH", true},
          {"IV) Tổ chức", true},
          {"II.Nội dung", false},  // a space after the marker
          {"1. Phạm vi", true},
          {"1 ) x", true},
          // A 1998 circular (outside the corpus) ends its numbers with a
          // hyphen: "1- Đối tượng áp dụng:".
          {"1- Đối tượng áp dụng:", true},
          {"1 - Mức trợ cấp", true},
          {"1- đối tượng", false},
          {"1.1- Khái niệm", false},
          {"12- Khái niệm", false},
          {"I/ Đối tượng chịu thuế, đối tượng nộp thuế:", true},
          {"1/ Đối tượng chịu thuế:", true},
          {"II/ x", false},
          {"2. Đối tượng", false},
          {"Căn cứ Luật", false},
      },
      match_structure_start);
  expect_cases(
      {
          {"Xét đề nghị của Sở Tư pháp;", true},
          {"Xét", true},
          {"Xétx", false},
          {"Theo đề nghị của Bộ trưởng", true},  // "Theo" then a space
          {"Theoretical", false},
          {"Trên cơ sở kết quả", true},
          {"Trên cơ sởx", false},
          {"Thực hiện Nghị quyết", true},
          {"Sau khi", true},
          {"Sau khix", false},
      },
      match_recital);
  EXPECT_TRUE(match_organ("ỦY BAN THƯỜNG VỤ QUỐC HỘI"));
  EXPECT_TRUE(match_organ("HỘI ĐỒNG NHÂN DÂN TỈNH"));
  EXPECT_FALSE(match_organ("Hội đồng nhân dân"));
  EXPECT_FALSE(match_organ(" CHÍNH PHỦ"));
  for (const char* line :
       {"ỦY BAN THƯỜNG VỤ QUỐC HỘI", "HỘI ĐỒNG NHÂN DÂN TỈNH",
        "Hội đồng nhân dân", " CHÍNH PHỦ"})
    expect_agree(line);
}

TEST(LineScan, AgreesWithPatternsOnEveryCorpusLine) {
  const size_t lines =
      test_lines::for_each_corpus_line([](std::string_view line) {
        expect_agree(line);
        const size_t b = line.find_first_not_of(' ');
        if (b != std::string_view::npos) expect_agree(line.substr(b));
      });
  EXPECT_GT(lines, 10000u);
}

TEST(LineScan, AgreesWithPatternsOnGeneratedLines) {
  const std::vector<std::string> pieces = {"QUYẾT",
                                           "Quyết",
                                           "quyết",
                                           "QUYẾT NGHỊ",
                                           "QUYẾT ĐỊNH",
                                           "NGHỊ",
                                           "nghị",
                                           "Nghị",
                                           "ĐỊNH",
                                           "định",
                                           "Định",
                                           "đỊnh",
                                           "CHỈ THỊ",
                                           "chỉ",
                                           "THỊ",
                                           "thị",
                                           "RA LỆNH",
                                           "Chính phủ",
                                           "Uỷ ban",
                                           "Ủy ban",
                                           "ban hành",
                                           "ban",
                                           "hành",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\r",
                                           ":",
                                           ",",
                                           ";",
                                           ".",
                                           "a",
                                           "_",
                                           "1",
                                           "ả",
                                           "x",
                                           "Điều",
                                           "ĐIỀU",
                                           "Chương",
                                           "PHẦN",
                                           "thứ",
                                           "THỨ",
                                           "I",
                                           "IV",
                                           "C",
                                           "L",
                                           "12",
                                           ")",
                                           "đ",
                                           "b",
                                           "Xét",
                                           "Theo",
                                           "Theo đề nghị",
                                           "Trên cơ sở",
                                           "Sau khi",
                                           "Thực hiện",
                                           "HỘI ĐỒNG",
                                           "ỦY BAN",
                                           "THƯỜNG VỤ QUỐC HỘI",
                                           "NHÂN DÂN",
                                           "\n",
                                           ""};
  test_lines::for_each_generated_line(pieces, 8, expect_agree);
}

}  // namespace
}  // namespace vnlegal::segment_internal
