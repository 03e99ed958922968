// The tone-style and look-alike passes as normalize() runs them: the text
// they give and the OffsetMap back to the input bytes.
#include <gtest/gtest.h>

#include <string>

#include "vnlegal/normalize.h"

namespace vnlegal {
namespace {

NormalizeOptions with_tone(ToneStyle tone) {
  NormalizeOptions o;
  o.tone = tone;
  return o;
}

struct StyleCase {
  const char* input;
  const char* keep;
  const char* old_style;
  const char* new_style;
};

constexpr StyleCase kStyleCases[] = {
    {"Cộng hoà xã hội, hòa bình", "Cộng hoà xã hội, hòa bình",
     "Cộng hòa xã hội, hòa bình", "Cộng hoà xã hội, hoà bình"},
    {"Sở Thuỷ lợi và khoẻ mạnh", "Sở Thuỷ lợi và khoẻ mạnh",
     "Sở Thủy lợi và khỏe mạnh", "Sở Thuỷ lợi và khoẻ mạnh"},
    // A mark on a vowel neither convention uses is moved by both styles.
    {"baỏ hiểm", "baỏ hiểm", "bảo hiểm", "bảo hiểm"},
    {"HOÀ BÌNH", "HOÀ BÌNH", "HÒA BÌNH", "HOÀ BÌNH"},
};

TEST(ToneNormalize, StyleFollowsTheOption) {
  for (const StyleCase& c : kStyleCases) {
    EXPECT_EQ(normalize(c.input).text, c.keep) << c.input;
    EXPECT_EQ(normalize(c.input, with_tone(ToneStyle::kKeep)).text, c.keep);
    EXPECT_EQ(normalize(c.input, with_tone(ToneStyle::kOld)).text, c.old_style);
    EXPECT_EQ(normalize(c.input, with_tone(ToneStyle::kNew)).text, c.new_style);
  }
}

// Every word of the output maps back to the bytes of the same word in the
// input: `pairs` lists (output word, input word) in order.
void expect_words_map_back(
    const std::string& input, const Normalized& n,
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  size_t out_from = 0, in_from = 0;
  for (const auto& [out_word, in_word] : pairs) {
    const size_t out = n.text.find(out_word, out_from);
    const size_t in = input.find(in_word, in_from);
    ASSERT_NE(out, std::string::npos) << out_word;
    ASSERT_NE(in, std::string::npos) << in_word;
    EXPECT_EQ(n.map.to_source(static_cast<uint32_t>(out)), in) << out_word;
    EXPECT_EQ(n.map.to_source(static_cast<uint32_t>(out + out_word.size())),
              in + in_word.size())
        << out_word;
    out_from = out + out_word.size();
    in_from = in + in_word.size();
  }
}

TEST(ToneNormalize, MapStaysExactAfterTheTonePass) {
  // The CRLF becomes LF before the tone pass: its map is composed with the
  // earlier passes'.
  const std::string in = "Điều 1. Cộng hoà xã hội\r\nthuỷ lợi, khoẻ.";
  NormalizeOptions options = with_tone(ToneStyle::kOld);
  options.join_wrapped_lines = false;
  const Normalized n = normalize(in, options);
  ASSERT_EQ(n.text, "Điều 1. Cộng hòa xã hội\nthủy lợi, khỏe.");
  expect_words_map_back(in, n,
                        {{"Điều", "Điều"},
                         {"Cộng", "Cộng"},
                         {"hòa", "hoà"},
                         {"xã", "xã"},
                         {"hội", "hội"},
                         {"thủy", "thuỷ"},
                         {"lợi", "lợi"},
                         {"khỏe", "khoẻ"}});
  EXPECT_EQ(n.map.to_source(static_cast<uint32_t>(n.text.size())), in.size());
}

TEST(ToneNormalize, MapStaysExactAfterLookalikes) {
  // Cyrillic о (2 bytes) inside a Latin word, a full-width Ｎ (3 bytes) and
  // a spacing acute after the vowel (2 bytes folded into the letter).
  const std::string in = "Cộng h\u043Eà xã hội, Hà \uFF2Eội, ca\u00B4c cấp";
  const Normalized n = normalize(in);
  ASSERT_EQ(n.text, "Cộng hoà xã hội, Hà Nội, các cấp");
  expect_words_map_back(in, n,
                        {{"Cộng", "Cộng"},
                         {"hoà", "h\u043Eà"},
                         {"xã", "xã"},
                         {"Nội", "\uFF2Eội"},
                         {"các", "ca\u00B4c"},
                         {"cấp", "cấp"}});
}

TEST(ToneNormalize, LookalikesAndToneTogether) {
  const std::string in = "\uFF28o\u00E0 b\u00ECnh, t\u043Eà án";
  const Normalized n = normalize(in, with_tone(ToneStyle::kOld));
  ASSERT_EQ(n.text, "Hòa bình, tòa án");
  expect_words_map_back(in, n,
                        {{"Hòa", "\uFF28o\u00E0"},
                         {"bình", "bình"},
                         {"tòa", "t\u043Eà"},
                         {"án", "án"}});
}

TEST(ToneNormalize, LongTextReadsLikeItsParts) {
  // Long texts remember the verdict on each word; repeated words must come
  // out as they do in a short text, and the map must still hold.
  std::string in, want;
  for (int i = 0; i < 300; ++i) {
    in += "Cộng hoà xã hội, thuỷ lợi, baỏ hiểm và khoẻ. ";
    want += "Cộng hòa xã hội, thủy lợi, bảo hiểm và khỏe. ";
  }
  want.pop_back();  // the trailing space is trimmed
  const Normalized n = normalize(in, with_tone(ToneStyle::kOld));
  ASSERT_EQ(n.text, want);
  const size_t last_out = n.text.rfind("khỏe");
  const size_t last_in = in.rfind("khoẻ");
  EXPECT_EQ(n.map.to_source(static_cast<uint32_t>(last_out)), last_in);
  const size_t len = std::string("khỏe").size();  // as long as "khoẻ"
  EXPECT_EQ(n.map.to_source(static_cast<uint32_t>(last_out + len)),
            last_in + len);
}

TEST(ToneNormalize, EmphasisFollowsTheRewrite) {
  // The emphasised span ends one byte earlier once the Cyrillic о (2 bytes)
  // becomes o.
  const Normalized n = normalize("**Cộng h\u043Eà** xã hội");
  ASSERT_EQ(n.text, "Cộng hoà xã hội");
  ASSERT_EQ(n.emphasis.size(), 1u);
  EXPECT_EQ(n.emphasis[0].begin, 0u);
  EXPECT_EQ(n.emphasis[0].end, std::string("Cộng hoà").size());
}

}  // namespace
}  // namespace vnlegal
