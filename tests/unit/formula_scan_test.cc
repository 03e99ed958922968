// The hand-written enacting formula test must answer as RE2 does with the
// pattern it stands for, on lines of valid UTF-8 without '\n'. RE2 is the
// reference, on every corpus line and on generated lines made of the
// pattern's pieces and near misses.
#include "segment/formula_scan.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "internal/utf8.h"

namespace vnlegal::segment_internal {
namespace {

void expect_agree(std::string_view line) {
  static const RE2 re(kFormulaPattern);
  ASSERT_EQ(match_formula(line), RE2::PartialMatch(line, re))
      << "[" << line << "]";
}

struct Case {
  const char* line;
  bool formula;
};

TEST(FormulaScan, HandPickedLines) {
  const Case cases[] = {
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
      {"Nghị Định:", true},
      {"nghị quyết:", true},
      {"  chỉ thị:", false},  // spaces alone do not stand for ", "
      {"Chỉ Thị :", true},
      {"quy định:", false},
      {"các nội dung được quy định như sau:", false},
      {"Ban hành kèm theo Quyết định này quy định:", false},
      {"", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(match_formula(c.line), c.formula) << c.line;
    expect_agree(c.line);
  }
  // 200 characters between the body and "ban hành" are allowed, 201 not.
  std::string gap;
  for (int k = 0; k < 199; ++k) gap += "ả";
  EXPECT_TRUE(match_formula("Chính phủ " + gap + "ban hành"));
  EXPECT_FALSE(match_formula("Chính phủ  " + gap + "ban hành"));
  expect_agree("Chính phủ " + gap + "ban hành");
  expect_agree("Chính phủ  " + gap + "ban hành");
}

TEST(FormulaScan, AgreesWithPatternOnEveryCorpusLine) {
  size_t lines = 0;
  const std::filesystem::path dir =
      std::filesystem::path(VNLEGAL_SOURCE_DIR) / "corpus" / "docs";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (!internal::is_valid_utf8(line)) continue;
      const size_t b = line.find_first_not_of(' ');
      expect_agree(line);
      if (b != std::string::npos) expect_agree(std::string_view(line).substr(b));
      if (testing::Test::HasFatalFailure()) return;
      ++lines;
    }
  }
  EXPECT_GT(lines, 10000u);
}

TEST(FormulaScan, AgreesWithPatternOnGeneratedLines) {
  const std::vector<std::string> pieces = {
      "QUYẾT", "Quyết", "quyết", "QUYẾT NGHỊ", "QUYẾT ĐỊNH", "NGHỊ", "nghị",
      "Nghị",  "ĐỊNH",  "định",  "Định",       "đỊnh",       "CHỈ THỊ",
      "chỉ",   "THỊ",   "thị",   "RA LỆNH",    "Chính phủ",  "Uỷ ban",
      "Ủy ban", "ban hành", "ban", "hành", " ", "  ", "\t", "\r", ":", ",",
      ";",     ".",     "a",     "_",          "1",          "ả",
      "x",     ""};
  std::mt19937 rng(27112026);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 8);
  for (int n = 0; n < 50000; ++n) {
    std::string line;
    for (int k = length(rng); k > 0; --k) line += pieces[pick(rng)];
    expect_agree(line);
    if (testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace vnlegal::segment_internal
