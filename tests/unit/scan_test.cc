// Block scans (16 bytes at a time) against the byte-by-byte answer, with the
// byte of interest at every offset so that both the block loop and the tail
// loop are exercised, and with look-alike lead bytes that are not followed
// by what makes them a look-alike.
#include "internal/scan.h"

#include <gtest/gtest.h>

#include <string>

#include "normalize/lookalikes.h"

namespace vnlegal::internal {
namespace {

TEST(ByteSet, FindsFirstMemberAtEveryOffset) {
  const ByteSet set("\n<*\xE2");
  const std::string filler = "Nghị quyết số 01 năm 2020 về việc ";
  for (size_t len = 0; len < 70; ++len) {
    std::string text;
    while (text.size() < len) text += filler;
    text.resize(len);
    // No member: the end.
    std::string clean = text;
    for (char& c : clean)
      if (set.contains(static_cast<unsigned char>(c))) c = 'x';
    EXPECT_EQ(set.find(clean, 0), clean.size());
    for (size_t at = 0; at < len; ++at) {
      std::string t = clean;
      t[at] = '<';
      EXPECT_EQ(set.find(t, 0), at);
      EXPECT_EQ(set.find(t, at), at);
      EXPECT_EQ(set.find(t, at + 1), len);
    }
  }
}

TEST(ByteSet, EmptySetFindsNothing) {
  const ByteSet none("");
  EXPECT_EQ(none.find(std::string(40, '\0'), 3), 40u);
  EXPECT_FALSE(none.contains(0));
}

TEST(LookalikeScan, SeesCyrillicLetterAtEveryOffset) {
  const std::string cyrillic_a = "\xD0\xB0";  // а, U+0430
  for (size_t len = 0; len < 50; ++len) {
    const std::string base(len, 'a');
    EXPECT_FALSE(may_hold_lookalikes(base));
    for (size_t at = 0; at <= len; ++at) {
      std::string t = base;
      t.insert(at, cyrillic_a);
      EXPECT_TRUE(may_hold_lookalikes(t)) << len << " " << at;
    }
  }
}

TEST(LookalikeScan, CommonSignsWithTheSameLeadBytesAreNotLookalikes) {
  // NBSP, "§", "°" (C2 ..), "。" lookalike lead E3 but not E3 80, "＂" is
  // EF BC: a look-alike; EF BB BF (BOM) is not.
  std::string signs;
  for (int k = 0; k < 8; ++k)
    signs += "Điều\xC2\xA0 5 \xC2\xA7 30\xC2\xB0 \xE3\x81\x82 \xEF\xBB\xBF ";
  EXPECT_FALSE(may_hold_lookalikes(signs));
  EXPECT_TRUE(may_hold_lookalikes(signs + "\xEF\xBC\x82"));
  EXPECT_TRUE(may_hold_lookalikes("\xEF\xBC\x82" + signs));
  EXPECT_TRUE(may_hold_lookalikes(signs + "\xC2\xB4"));  // acute accent
}

}  // namespace
}  // namespace vnlegal::internal
