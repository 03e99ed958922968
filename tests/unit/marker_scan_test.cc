// The segmenter's hand-written line-start matchers must consume exactly what
// RE2::Consume consumes with the patterns they stand for, and capture the
// same number. RE2 is the reference here, on every line of the corpus and on
// generated lines made of the patterns' pieces and near misses.
#include "segment/marker_scan.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "unit/line_corpus.h"

namespace vnlegal::segment_internal {
namespace {

struct Matcher {
  const char* pattern;
  bool capture;
  std::function<size_t(std::string_view, std::string&)> hand;
};

const std::vector<Matcher>& matchers() {
  static const std::vector<Matcher> kMatchers = {
      {R"re((\d+[a-z]?)\s*[.)]\s*)re", true, match_number_marker},
      {R"re(([a-zđ]\d?)\s*[).]\s+)re", true, match_point_marker},
      {R"re([-–—•+]\s*)re", false,
       [](std::string_view s, std::string&) { return match_indent_marker(s); }},
      {R"re((\d+\.\d+(?:\.\d+)?)(?:\.?\s+|\.$))re", true, match_subitem_marker},
      {R"re((?:Điều|ĐIỀU)\s+(\d+[a-zđ]?)\s*[.:]\s*)re", true,
       match_article_marker},
      {R"re(([IVXL]+)\s*[.)]\s*)re", true, match_roman_marker},
  };
  return kMatchers;
}

// What RE2::Consume consumes (0 if no match) and captures.
size_t reference(const RE2& re, bool capture, std::string_view s,
                 std::string& num) {
  re2::StringPiece sp(s.data(), s.size());
  const bool ok = capture ? RE2::Consume(&sp, re, &num) : RE2::Consume(&sp, re);
  return ok ? s.size() - sp.size() : 0;
}

void expect_agree(std::string_view line) {
  static const std::vector<std::unique_ptr<RE2>> compiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const Matcher& m : matchers())
      v.push_back(std::make_unique<RE2>(m.pattern));
    return v;
  }();
  for (size_t k = 0; k < matchers().size(); ++k) {
    const Matcher& m = matchers()[k];
    const RE2& re = *compiled[k];
    std::string want_num, got_num;
    const size_t want = reference(re, m.capture, line, want_num);
    const size_t got = m.hand(line, got_num);
    ASSERT_EQ(got, want) << m.pattern << " on [" << line << "]";
    if (want && m.capture) {
      ASSERT_EQ(got_num, want_num) << m.pattern << " on [" << line << "]";
    }
  }
}

TEST(MarkerScan, HandPickedLines) {
  std::string num;
  EXPECT_EQ(match_number_marker("12a) nội dung", num), 5u);
  EXPECT_EQ(num, "12a");
  EXPECT_EQ(match_number_marker("2020 là năm", num), 0u);
  EXPECT_EQ(match_point_marker("đ) điểm", num), 4u);
  EXPECT_EQ(num, "đ");
  EXPECT_EQ(match_point_marker("a)", num), 0u);  // needs a space after
  EXPECT_EQ(match_subitem_marker("1.2.3. Mục", num), 7u);
  EXPECT_EQ(num, "1.2.3");
  EXPECT_EQ(match_subitem_marker("1.2.3.4 Mục", num), 0u);
  EXPECT_EQ(match_indent_marker("–  gạch"), 5u);
  EXPECT_EQ(match_indent_marker("x"), 0u);
  EXPECT_EQ(match_article_marker("Điều 12a. Phạm vi", num), 13u);
  EXPECT_EQ(num, "12a");
  EXPECT_EQ(match_article_marker("Điều 5đ: x", num), 13u);
  EXPECT_EQ(num, "5đ");
  EXPECT_EQ(match_article_marker("Điều12. x", num), 0u);  // needs a space
  EXPECT_EQ(match_roman_marker("IV . Tổ chức", num), 5u);
  EXPECT_EQ(num, "IV");
  EXPECT_EQ(match_roman_marker("IVa.", num), 0u);
  for (const char* line : {"12a) nội dung",
                           "2020 là năm",
                           "đ) điểm",
                           "a)",
                           "1.2.3. Mục",
                           "1.2.3.4 Mục",
                           "–  gạch",
                           "x",
                           "",
                           "1.2",
                           "1 . a",
                           "a1 ) b",
                           "b12) c",
                           "+",
                           "•\t x",
                           "Điều 12a. Phạm vi",
                           "Điều 5đ: x",
                           "Điều12. x",
                           "IV . Tổ chức",
                           "IVa."})
    expect_agree(line);
}

TEST(MarkerScan, AgreesWithPatternsOnEveryCorpusLine) {
  const size_t lines =
      test_lines::for_each_corpus_line([](std::string_view line) {
        const size_t b = line.find_first_not_of(' ');
        if (b != std::string_view::npos) expect_agree(line.substr(b));
      });
  EXPECT_GT(lines, 10000u);
}

TEST(MarkerScan, AgreesWithPatternsOnGeneratedLines) {
  const std::vector<std::string> pieces = {
      "1",    "12",   "2020", ".", ")", " ", "  ", "\t", "\r", "a", "z",
      "đ",    "Đ",    "ă",    "b", "-", "+", "–",  "—",  "•",  ":", "x",
      "\xC4", "Điều", "ĐIỀU", "I", "V", "X", "L",  "C",  ""};
  test_lines::for_each_generated_line(pieces, 7, expect_agree);
}

}  // namespace
}  // namespace vnlegal::segment_internal
