// The segmenter's line table: the lines split_lines gives (one per run of
// bytes between line feeds, empty runs left out) and the marks of the rare
// bytes each holds, checked against a plain split on hand-made text and on
// every corpus document; find_after_blank against the search it stands for.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "segment/internal.h"
#include "unit/line_corpus.h"

namespace vnlegal::segment_internal {
namespace {

uint8_t marks_of(std::string_view t) {
  uint8_t m = 0;
  for (char c : t) {
    if (c == '(') m |= kMarkParen;
    if (c == '[') m |= kMarkBracket;
    if (c == '"') m |= kMarkQuote;
    if (c == '|') m |= kMarkBar;
    if (c == '\xE2') m |= kMarkE2;
  }
  return m;
}

void expect_plain_split(std::string_view text) {
  std::vector<Line> want;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > pos)
      want.push_back({{static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)},
                      text.substr(pos, nl - pos),
                      marks_of(text.substr(pos, nl - pos))});
    pos = nl + 1;
  }
  const std::vector<Line> got = split_lines(text);
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].span.begin, want[k].span.begin) << k;
    EXPECT_EQ(got[k].span.end, want[k].span.end) << k;
    EXPECT_EQ(got[k].text, want[k].text) << k;
    EXPECT_EQ(static_cast<int>(got[k].marks), static_cast<int>(want[k].marks))
        << got[k].text;
  }
}

TEST(SegmentLines, SplitAndMarksOnHandMadeText) {
  expect_plain_split("");
  expect_plain_split("\n\n");
  expect_plain_split("Điều 1. Phạm vi");
  expect_plain_split("a\n\nb\n");
  // Each mark on a line of its own, a long line (past a 32-byte block) and
  // lines without a final line feed.
  expect_plain_split(
      "(Ban hành kèm theo Quyết định số 01/2020/QĐ-UBND)\n"
      "[Điều này được sửa đổi bởi ...] Chương 2\n"
      "như sau: \"Điều 24. Trách nhiệm\n"
      "| 1. | Thuốc lá điếu, xì gà | 75 |\n"
      "“Điều 5. Sửa đổi” – hết\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
      " Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm "
      "2015 (sửa đổi năm 2020);\n"
      "không dấu nào ở đây");
}

TEST(SegmentLines, SplitAndMarksOnCorpusDocuments) {
  const std::filesystem::path dir =
      std::filesystem::path(VNLEGAL_SOURCE_DIR) / "corpus" / "docs";
  size_t documents = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    expect_plain_split(bytes.str());
    if (testing::Test::HasFatalFailure()) return;
    ++documents;
  }
  EXPECT_GT(documents, 10u);
}

TEST(SegmentLines, FindAfterBlankIsTheSearchWithTheBlank) {
  const std::string_view words[] = {"Kính gửi", "(", "Căn cứ ", "a) "};
  auto check = [&](std::string_view line) {
    for (std::string_view w : words) {
      const std::string spaced = " " + std::string(w);
      for (size_t from : {size_t{0}, size_t{1}, line.size() / 2, line.size()})
        ASSERT_EQ(find_after_blank(line, w, from), line.find(spaced, from))
            << w << " from " << from << " in [" << line << "]";
    }
  };
  for (const char* line :
       {"Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: Tổng công ty",
        "Kính gửi: Bộ Tài chính", " Kính gửi", "Kính gửi  Kính gửi", "", " ",
        "(a) (b)"})
    check(line);
  EXPECT_GT(test_lines::for_each_corpus_line(check), 1000u);
}

TEST(SegmentLines, HasPrefixIsTheComparedPrefix) {
  const std::string_view prefixes[] = {"",           "Điều", "ĐIỀU", "Đ",
                                       "NGHỊ QUYẾT", "- ",   "\xC4"};
  auto check = [&](std::string_view line) {
    for (std::string_view p : prefixes)
      ASSERT_EQ(has_prefix(line, p), line.substr(0, p.size()) == p)
          << p << " [" << line << "]";
  };
  for (const char* line : {"", "Đ", "Điều 1.", "ĐIỀU", "- a", "NGHỊ"})
    check(line);
  EXPECT_GT(test_lines::for_each_corpus_line(check), 1000u);
}

}  // namespace
}  // namespace vnlegal::segment_internal
