// The scanning primitives under quantity extraction: the tokenizer's
// character classes at the edges of its lookup table, and the word filter in
// front of phrase matching.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/quantities_lexicon.h"
#include "extract/quantities_tokens.h"

namespace vnlegal::internal {
namespace {

TEST(QuantitiesScan, CurlyQuotesAndZeroWidthSpacesSeparateWords) {
  // U+201C/U+201D quotes and U+200B zero-width space are gaps, not tokens.
  Tokens t(
      "\xE2\x80\x9Cm\xE1\xBB\xA5"
      "c\xE2\x80\x8Bti\xC3\xAAu\xE2\x80\x9D");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.low(0), "mục");
  EXPECT_EQ(t.low(1), "tiêu");
  EXPECT_FALSE(t[1].attached);
}

TEST(QuantitiesScan, DashesBecomeHyphens) {
  // En dash, em dash and minus sign all read as '-'.
  Tokens t(
      "5\xE2\x80\x93"
      "7 8\xE2\x80\x94"
      "9 1\xE2\x88\x92"
      "2");
  ASSERT_EQ(t.size(), 9u);
  EXPECT_TRUE(t.is_punct(1, "-"));
  EXPECT_TRUE(t.is_punct(4, "-"));
  EXPECT_TRUE(t.is_punct(7, "-"));
}

TEST(QuantitiesScan, CharactersAboveTheTableKeepTheirClass) {
  // U+2126 OHM SIGN is a capital letter whose small form is U+03C9; U+2192
  // (arrow) is punctuation. Each appears twice, the second time answered
  // from the cache.
  Tokens t("\xE2\x84\xA6 \xE2\x86\x92 \xE2\x84\xA6 \xE2\x86\x92");
  ASSERT_EQ(t.size(), 4u);
  for (size_t i : {0u, 2u}) {
    EXPECT_EQ(t[i].type, TokType::kWord) << i;
    EXPECT_TRUE(t[i].upper) << i;
    EXPECT_EQ(t.low(i), "\xCF\x89") << i;
  }
  for (size_t i : {1u, 3u}) {
    EXPECT_EQ(t[i].type, TokType::kPunct) << i;
    EXPECT_EQ(t.low(i), "\xE2\x86\x92") << i;
  }
}

TEST(QuantitiesScan, CombiningMarksStayInTheWordWithoutCounting) {
  // Decomposed "HÀ" (A + U+0300): two capitals and a mark, so the word is
  // in capitals; the mark is kept in the small form.
  Tokens t("HA\xCC\x80 xa\xCC\x81");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_TRUE(t[0].all_upper);
  EXPECT_EQ(t.low(0), "ha\xCC\x80");
  EXPECT_FALSE(t[1].upper);
  EXPECT_FALSE(t[1].all_upper);
}

TEST(QuantitiesScan, LowerCaseFormsOfAnotherLength) {
  // U+023A lowers to U+2C65 (two bytes to three) and U+0130 to 'i' (two
  // bytes to one); the words around them keep their own forms.
  Tokens t(
      "Ab \xC8\xBA"
      "B x\xC4\xB0y C\xE1\xBA\xA4P");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.low(0), "ab");
  EXPECT_EQ(t.low(1),
            "\xE2\xB1\xA5"
            "b");
  EXPECT_TRUE(t[1].all_upper);
  EXPECT_EQ(t.low(2), "xiy");
  EXPECT_FALSE(t[2].upper);
  EXPECT_EQ(t.low(3), "c\xE1\xBA\xA5p");  // CẤP
  EXPECT_TRUE(t[3].all_upper);
}

TEST(QuantitiesScan, InvalidBytesSeparateWords) {
  Tokens t(
      "ab\xFF"
      "cd \xC3"
      "x");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.low(0), "ab");
  EXPECT_EQ(t.low(1), "cd");
  EXPECT_FALSE(t[1].attached);
  EXPECT_EQ(t.low(2), "x");
}

TEST(QuantitiesScan, TagsOnOneLineAreSkipped) {
  Tokens tag("<b>20</b>%");
  ASSERT_EQ(tag.size(), 2u);
  EXPECT_EQ(tag.low(0), "20");
  EXPECT_EQ(tag.low(1), "%");
  // A '<' whose '>' is on the next line is punctuation.
  Tokens open("a <b\nc> d");
  ASSERT_GE(open.size(), 3u);
  EXPECT_TRUE(open.is_punct(1, "<"));
  // So is one whose '>' is 400 bytes or more away.
  Tokens far("<a" + std::string(400, 'x') + ">");
  ASSERT_GE(far.size(), 1u);
  EXPECT_TRUE(far.is_punct(0, "<"));
}

TEST(QuantitiesScan, FirstTokenAndLineFlags) {
  Tokens t("  a\n\n b\nc");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[0].newline);  // the first token starts a line
  EXPECT_FALSE(t[0].attached);
  EXPECT_TRUE(t[1].blank);
  EXPECT_TRUE(t[2].newline);
  EXPECT_FALSE(t[2].blank);
}

TEST(QuantitiesScan, WordFilterHoldsEveryWordAdded) {
  WordFilter f;
  const char* words[] = {"đạt", "phấn", "so", "m3", "a", "kế", "vượt"};
  for (const char* w : words) f.add(w);
  for (const char* w : words) EXPECT_TRUE(f.may_hold(w)) << w;
  EXPECT_FALSE(f.may_hold(""));
  WordFilter empty;
  EXPECT_FALSE(empty.may_hold("đạt"));
}

TEST(QuantitiesScan, WordMapFindsEveryWordAddedAndNoOther) {
  WordMap<int> m;
  const char* words[] = {"đạt", "phấn", "so", "m3", "a", "kế", "vượt"};
  int v = 0;
  for (const char* w : words) m[w] = ++v;
  v = 0;
  for (const char* w : words) {
    const int* found = m.find(w);
    ASSERT_NE(found, nullptr) << w;
    EXPECT_EQ(*found, ++v) << w;
  }
  EXPECT_EQ(m.find(""), nullptr);
  EXPECT_EQ(m.find("đạ"), nullptr);
  EXPECT_EQ(m.find("đạtt"), nullptr);
  EXPECT_EQ(m.entries().size(), 7u);
  m["so"] = 40;  // an existing word keeps its entry
  EXPECT_EQ(m.entries().size(), 7u);
  EXPECT_EQ(*m.find("so"), 40);
}

TEST(QuantitiesScan, WordMapTellsApartWordsOfOneSlot) {
  // Two words the filter puts in the same slot, found by trying.
  std::string a, b;
  std::vector<std::string> by_slot(4096);
  for (int k = 0; k < 100000 && b.empty(); ++k) {
    const std::string w = "w" + std::to_string(k);
    std::string& seen = by_slot[WordFilter::slot(w)];
    if (seen.empty()) {
      seen = w;
    } else {
      a = seen;
      b = w;
    }
  }
  ASSERT_FALSE(b.empty());
  WordMap<int> m;
  m[a] = 1;
  EXPECT_EQ(m.find(b), nullptr);
  m[b] = 2;
  EXPECT_EQ(*m.find(a), 1);
  EXPECT_EQ(*m.find(b), 2);
}

TEST(QuantitiesScan, PhraseListsFilterAndMatch) {
  const PhraseList list = phrases({"thu nhập", "thu", "tỷ lệ"});
  Tokens t("Thu nhập bình quân, tỷ lệ");
  EXPECT_EQ(match_any(t, 0, list), 2u);  // longest first
  EXPECT_EQ(match_any(t, 2, list), 0u);
  EXPECT_EQ(match_any(t, 5, list), 2u);
  EXPECT_EQ(match_any(t, 99, list), 0u);  // past the end
  // Bounded: a phrase must end before `end`, so the shorter one is taken.
  EXPECT_EQ(match_any_within(t, 0, 2, list), 2u);
  EXPECT_EQ(match_any_within(t, 0, 1, list), 1u);
  EXPECT_EQ(match_any_within(t, 5, 6, list), 0u);
}

TEST(QuantitiesScan, RestOfAPhraseAfterItsFirstWord) {
  const PhraseList list = phrases({"tỷ lệ hộ nghèo", "so với"});
  // 0 tỷ 1 lệ 2 hộ 3 nghèo 4 so 5 với 6 tỷ 7 lệ
  Tokens t("tỷ lệ hộ nghèo so với tỷ lệ");
  const Phrase& poor = list.items[0];
  ASSERT_EQ(poor.words.size(), 4u);
  EXPECT_TRUE(match_phrase_rest(t, 0, poor));
  // The phrase runs past the last token.
  EXPECT_FALSE(match_phrase_rest(t, 6, poor));
  // Only the words after the first are compared: at "so" the rest is "với".
  const Phrase& compare = list.items[1];
  EXPECT_TRUE(match_phrase_rest(t, 4, compare));
  EXPECT_FALSE(match_phrase_rest(t, 3, compare));
  // A one-word phrase has no rest: any token matches it.
  const PhraseList one = phrases({"đạt"});
  EXPECT_TRUE(match_phrase_rest(t, 2, one.items[0]));
}

}  // namespace
}  // namespace vnlegal::internal
