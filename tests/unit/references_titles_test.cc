// The list of official titles that bounds names cited without number: how a
// lookup narrows it word by word.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/citation_titles.h"

namespace vnlegal {
namespace {

using citation::titles_for;
using citation::TitleSet;

struct Lookup {
  std::string_view type;
  std::vector<std::string_view> words;  // lower case, as fold_small gives them
  bool full;                            // the words make a whole title
  bool more;                            // some longer title goes on
};

TEST(ReferencesTitles, NarrowsWordByWord) {
  const Lookup cases[] = {
      // A title holding function words, and its prefixes.
      {"Luật",
       {"hoạt", "động", "giám", "sát", "của", "quốc", "hội", "và", "hội",
        "đồng", "nhân", "dân"},
       true,
       false},
      {"Luật", {"hoạt", "động", "giám", "sát"}, false, true},
      // A title that is also the start of longer ones.
      {"Luật", {"đầu", "tư"}, true, true},
      {"Luật", {"đầu", "tư", "công"}, true, false},
      {"Luật", {"giáo", "dục", "đại", "học"}, true, false},
      // Both tone-mark styles.
      {"Luật", {"hòa", "giải", "ở", "cơ", "sở"}, true, false},
      {"Luật", {"hoà", "giải", "ở", "cơ", "sở"}, true, false},
      {"Luật", {"phòng", "chống", "ma", "tuý"}, true, false},
      // Not titles.
      {"Luật", {"đầu", "tư", "chung"}, false, false},
      {"Luật", {"này"}, false, false},
      {"Luật", {"giá", "trị"}, false, false},
      {"Bộ luật", {"dân", "sự"}, true, false},
      {"Bộ luật", {"thi", "hành"}, false, false},
      {"Pháp lệnh",
       {"thuế", "thu", "nhập", "đối", "với", "người", "có", "thu", "nhập",
        "cao"},
       true,
       false},
  };
  for (const Lookup& c : cases) {
    const TitleSet* titles = titles_for(c.type);
    ASSERT_NE(titles, nullptr) << c.type;
    size_t lo = 0, hi = titles->sorted.size(), off = 0;
    bool full = false;
    std::string said;
    for (std::string_view w : c.words) {
      said += std::string(w) + " ";
      full = lo < hi && titles->narrow(lo, hi, off, w);
    }
    EXPECT_EQ(full, c.full) << c.type << ": " << said;
    // Longer titles remain when more than the whole title is left.
    EXPECT_EQ(hi - lo > (full ? 1u : 0u), c.more) << c.type << ": " << said;
  }
}

TEST(ReferencesTitles, OnlyNamedTypesHaveTitles) {
  EXPECT_NE(titles_for("Luật"), nullptr);
  EXPECT_NE(titles_for("Bộ luật"), nullptr);
  EXPECT_NE(titles_for("Pháp lệnh"), nullptr);
  EXPECT_EQ(titles_for("Nghị định"), nullptr);
  EXPECT_EQ(titles_for("Hiến pháp"), nullptr);
}

TEST(ReferencesTitles, SortedAndWithoutPunctuation) {
  for (std::string_view type : {"Luật", "Bộ luật", "Pháp lệnh"}) {
    const TitleSet* titles = titles_for(type);
    ASSERT_NE(titles, nullptr);
    EXPECT_TRUE(std::is_sorted(titles->sorted.begin(), titles->sorted.end()))
        << type;
    for (const std::string& t : titles->sorted) {
      EXPECT_EQ(t.find_first_of(",.;-"), std::string::npos) << t;
      EXPECT_EQ(t.find("  "), std::string::npos) << t;
      EXPECT_NE(t.front(), ' ') << t;
      EXPECT_NE(t.back(), ' ') << t;
    }
  }
}

}  // namespace
}  // namespace vnlegal
