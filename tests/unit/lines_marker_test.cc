// The line-start marker check of the line joiner is written out by hand for
// speed; it must accept exactly what its documented pattern accepts. RE2
// reads the pattern here as the reference, on every line of the corpus and
// on generated lines built from the pattern's own pieces and their near
// misses.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/passes.h"

namespace vnlegal::internal {
namespace {

const RE2& reference_pattern() {
  static const RE2 re(
      R"re(^(?:(?:Điều|ĐIỀU|Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|Tiểu mục|TIỂU MỤC)\s+[0-9IVXLCivxlc]|)re"
      R"re((?:PHẦN|Phần) thứ|[IVXLC]+\s*[.):]|\d{1,3}[a-zđ]?(?:\.\d+)*\s*[.):](?:\s|$)|\d{1,3}(?:\.\d+)*\.\p{Lu}|)re"
      R"re(\d+(?:\.\d+)+\s|\d{1,2}(?:\.\d{1,2}){0,2}(?: ?-|/) +\p{Lu}|[IVXLC]+/ +\p{Lu}|[a-zđ]/ +\pL|)re"
      R"re([a-zđ]\d?\s*[.)](?:\s|$)|[ivx]{2,4}\s*\.(?:\s|$)|[-+•–—]|\||Căn cứ|Xét|Theo đề nghị|Sau khi|Nơi nhận|)re"
      R"re(QUYẾT NGHỊ|QUYẾT ĐỊNH|TM\.|KT\.|TL\.|TUQ\.|Q\. |\(\d+\)|\[))re");
  return re;
}

TEST(LineMarker, AgreesWithPatternOnHandPickedLines) {
  struct Case {
    const char* line;
    bool marker;
  };
  const Case cases[] = {
      {"Điều 5. Hiệu lực", true},
      {"Điều khoản chung", false},
      {"ĐIỀU  IV", true},
      {"Tiểu mục 2", true},
      {"Tiểu mục", false},
      {"Phần thứ nhất", true},
      {"II. Nhiệm vụ", true},
      {"IIa. Nhiệm vụ", false},
      {"1. Phạm vi", true},
      {"1.2. Đối tượng", true},
      {"1.2 Đối tượng", true},
      {"12a) nội dung", true},
      {"1234. năm", false},
      {"2020.", false},
      {"2021 là năm", false},
      {"3.5%", false},
      {"a) nội dung", true},
      {"đ) nội dung", true},
      {"a1) nội dung", true},
      {"a12) nội dung", false},
      {"ab) nội dung", false},
      {"- gạch đầu dòng", true},
      {"• chấm", true},
      {"(1) ghi chú", true},
      // A number ended by a hyphen (a 1998 circular, outside the corpus).
      {"1- Đối tượng áp dụng:", true},
      {"2.1- Nội địa hoá: là quá trình", true},
      {"7.2.1- Theo dõi hàng nhập khẩu", true},
      {"1 - Mức trợ cấp hàng tháng", true},
      {"2 - 3 ngày", false},
      {"2021 - 2025", false},
      {"123- Đối tượng", false},
      // Slashes after the numbers (Thông tư 172/1998/TT/BTC, outside the
      // corpus).
      {"I/ Đối tượng chịu thuế, đối tượng nộp thuế:", true},
      {"1/ Đối tượng chịu thuế:", true},
      {"a/ Đối với hàng xuất khẩu là giá bán", true},
      {"1/2024 là năm", false},
      {"I/O thiết bị", false},
      {"() trống", false},
      {"[04] Số", true},
      {"Căn cứ Luật", true},
      {"Q. CHỦ TỊCH", true},
      {"Q.CHỦ TỊCH", false},
      {"Nơi nhận:", true},
      {"Ngày 5 tháng 6", false},
      {"", false},
      // A number glued to the item's first word, as typed in provincial
      // plans ("III. TỔ CHỨC THỰC HIỆN" / "1.Các sở, ban ngành ..."): an
      // item when the word is a capital.
      {"1.Các sở, ban ngành", true},
      {"2.Giao Sở Tài chính", true},
      {"1.2.Ủy ban nhân dân", true},
      {"3.5%", false},
      {"1.các", false},
      {"1234.Các", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(starts_with_marker(c.line), c.marker) << c.line;
    EXPECT_EQ(RE2::PartialMatch(c.line, reference_pattern()), c.marker)
        << c.line;
  }
}

TEST(LineMarker, AgreesWithPatternOnEveryCorpusLine) {
  size_t lines = 0;
  const std::filesystem::path dir =
      std::filesystem::path(VNLEGAL_SOURCE_DIR) / "corpus" / "docs";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      const size_t b = line.find_first_not_of(' ');
      if (b == std::string::npos) continue;
      const std::string_view v = std::string_view(line).substr(b);
      ASSERT_EQ(starts_with_marker(v),
                RE2::PartialMatch(v, reference_pattern()))
          << entry.path().filename() << ": " << v.substr(0, 80);
      ++lines;
    }
  }
  EXPECT_GT(lines, 5000u);
}

TEST(LineMarker, AgreesWithPatternOnGeneratedLines) {
  // Pieces of the pattern and near misses, glued at random.
  const std::vector<std::string> pieces = {
      "Điều",    "ĐIỀU",     "Chương",     "Phần",       "PHẦN",
      "Mục",     "Tiểu mục", "TIỂU MỤC",   " thứ",       "thứ",
      " ",       "  ",       "\t",         "\r",         "I",
      "V",       "X",        "L",          "C",          "i",
      "v",       "x",        "c",          "M",          "1",
      "2",       "12",       "123",        "1234",       ".",
      ")",       ":",        "(",          "[",          "|",
      "-",       "+",        "•",          "–",          "—",
      "a",       "đ",        "z",          "Đ",          "ă",
      "b",       "Căn cứ",   "Căn",        "Xét",        "Theo đề nghị",
      "Sau khi", "Nơi nhận", "QUYẾT NGHỊ", "QUYẾT ĐỊNH", "TM",
      "KT",      "TL",       "TUQ",        "Q",          "Q.",
      "%",       "/",        "\xC4",       "Ủy",         ""};
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 6);
  for (int n = 0; n < 200000; ++n) {
    std::string line;
    for (int k = length(rng); k > 0; --k) line += pieces[pick(rng)];
    ASSERT_EQ(starts_with_marker(line),
              RE2::PartialMatch(line, reference_pattern()))
        << "[" << line << "]";
  }
}

}  // namespace
}  // namespace vnlegal::internal
