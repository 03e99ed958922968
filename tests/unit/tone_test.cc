#include "normalize/tone.h"

#include <gtest/gtest.h>

#include "normalize/lookalikes.h"

namespace vnlegal::internal {
namespace {

struct ToneCase {
  const char* input;
  const char* old_style;  // "hòa" convention
  const char* new_style;  // "hoà" convention
};

// Expected placements follow DOMAIN.md §7: only oa/oe/uy without a final
// consonant differ between the conventions.
constexpr ToneCase kToneCases[] = {
    {"hoà", "hòa", "hoà"},
    {"hòa", "hòa", "hoà"},
    {"khoẻ", "khỏe", "khoẻ"},
    {"thủy", "thủy", "thuỷ"},
    {"Thuỷ lợi", "Thủy lợi", "Thuỷ lợi"},
    {"HOÀ BÌNH", "HÒA BÌNH", "HOÀ BÌNH"},
    {"Hoà", "Hòa", "Hoà"},
    {"hoàn thành", "hoàn thành", "hoàn thành"},  // final consonant
    {"khoét", "khoét", "khoét"},
    {"huýt", "huýt", "huýt"},
    {"quả", "quả", "quả"},  // qu is the initial
    {"quý", "quý", "quý"},
    {"già", "già", "già"},  // gi is the initial
    {"gì", "gì", "gì"},
    {"người", "người", "người"},  // ươ: on ơ
    {"tuấn huế", "tuấn huế", "tuấn huế"},
    {"ngoài", "ngoài", "ngoài"},  // three vowels: the middle one
    {"khuỷu", "khuỷu", "khuỷu"},
    {"mùa", "mùa", "mùa"},
    {"Cộng hoà xã hội", "Cộng hòa xã hội", "Cộng hoà xã hội"},
    {"toà án, thuở", "tòa án, thuở", "toà án, thuở"},
    {"OK 2020 hoà-bình", "OK 2020 hòa-bình", "OK 2020 hoà-bình"},
};

TEST(ToneStyle, MovesMarksOnlyWhereTheConventionsDiffer) {
  for (const ToneCase& c : kToneCases) {
    EXPECT_EQ(restyle_tones(c.input, ToneStyle::kOld).text, c.old_style)
        << c.input;
    EXPECT_EQ(restyle_tones(c.input, ToneStyle::kNew).text, c.new_style)
        << c.input;
    EXPECT_EQ(restyle_tones(c.input, ToneStyle::kKeep).text, c.input)
        << c.input;
  }
}

TEST(ToneStyle, LeavesNonSyllablesAlone) {
  // Not Vietnamese syllables: foreign words and malformed tokens stay as typed.
  for (const char* s : {"Zürich", "café", "Hòaa", "xoà2x"}) {
    EXPECT_EQ(restyle_tones(s, ToneStyle::kOld).text, s);
    EXPECT_EQ(restyle_tones(s, ToneStyle::kNew).text, s);
  }
}

TEST(ToneStyle, MapPointsBackToTheInput) {
  const std::string in = "Cộng hoà xã hội";
  Rewritten r = restyle_tones(in, ToneStyle::kOld);
  ASSERT_EQ(r.text, "Cộng hòa xã hội");
  EXPECT_EQ(r.map.to_source(0), 0u);
  EXPECT_EQ(r.map.to_source(static_cast<uint32_t>(r.text.find("xã"))),
            static_cast<uint32_t>(in.find("xã")));
  EXPECT_EQ(r.map.to_source(static_cast<uint32_t>(r.text.size())), in.size());
}

struct FoldCase {
  const char* input;
  const char* expected;
};

constexpr FoldCase kFoldCases[] = {
    {"lựơng", "lượng"},                  // ươ takes the mark on ơ
    {"baỏ hiểm", "bảo hiểm"},            // ao takes it on a
    {"qủa", "quả"},                      // not on the u of qu
    {"gìa", "già"},                      // not on the i of gi
    {"hòa hoà", "hòa hoà"},              // both conventions are right
    {"C\u043Eng h\u043Eà", "Cong hoà"},  // Cyrillic o inside Latin words
    {"\u0421ông", "Công"},               // Cyrillic capital Es
    {"Москва", "Москва"},                // a Russian word stays
    {"\uFF28à \uFF2Eội \uFF11\uFF12", "Hà Nội 12"},  // full-width forms
    {"ca\u00B4c", "các"},    // spacing acute after the vowel
    {"nghi\u02CB", "nghì"},  // spacing grave
    {"Việt Nam", "Việt Nam"},
};

TEST(Lookalikes, FoldsAndRepairs) {
  for (const FoldCase& c : kFoldCases)
    EXPECT_EQ(fold_lookalikes(c.input).text, c.expected) << c.input;
}

TEST(Lookalikes, MapStaysExact) {
  const std::string in = "\uFF28à lựơng";
  Rewritten r = fold_lookalikes(in);
  ASSERT_EQ(r.text, "Hà lượng");
  EXPECT_EQ(r.map.to_source(0), 0u);
  EXPECT_EQ(r.map.to_source(1), 3u);  // after the full-width H (3 bytes)
  const auto word_out = static_cast<uint32_t>(r.text.find("lượng"));
  EXPECT_EQ(r.map.to_source(word_out), static_cast<uint32_t>(in.find("lựơng")));
  EXPECT_EQ(r.map.to_source(static_cast<uint32_t>(r.text.size())), in.size());
}

}  // namespace
}  // namespace vnlegal::internal
