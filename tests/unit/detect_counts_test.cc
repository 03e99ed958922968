// The counts behind detection's fast UTF-8 path, read off the bytes in
// blocks of sixteen, then one by one: they must be those of the characters,
// wherever the characters fall.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>

#include "encoding/detect.h"
#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

Utf8MarkCounts count_by_character(std::string_view s) {
  const std::u32string_view latin1_used =
      U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý\u00A0²³°«»×±§";
  Utf8MarkCounts c;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t n = decode_utf8(s, i, cp);
    i += n ? n : 1;
    if (!n) continue;
    c.viet += cp == 0x102 || cp == 0x103 || cp == 0x110 || cp == 0x111 ||
              cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
              (cp >= 0x1EA0 && cp <= 0x1EF9);
    if (cp >= 0x300 && cp <= 0x323) {
      ++c.combining;
      c.vowel_marks |= cp == 0x302 || cp == 0x306 || cp == 0x31B;
    }
    c.suspect += cp >= 0x80 && cp <= 0xFF &&
                 latin1_used.find(cp) == std::u32string_view::npos;
  }
  return c;
}

void expect_same(const Utf8MarkCounts& a, const Utf8MarkCounts& b,
                 const std::string& what) {
  EXPECT_EQ(a.viet, b.viet) << what;
  EXPECT_EQ(a.combining, b.combining) << what;
  EXPECT_EQ(a.suspect, b.suspect) << what;
  EXPECT_EQ(a.vowel_marks, b.vowel_marks) << what;
}

// Every character the counts look at (and neighbours that must not count),
// at every offset of a text long enough for several vector blocks.
TEST(DetectCounts, EachCharacterCountsWhereverItFalls) {
  std::u32string chars =
      U"ăĂđĐơƠưƯạẠỹỸỳẟẠ\u1EFA\u0100\u0101\u0300\u0302"
      U"\u0306\u031B\u0323\u0324\u00A0²×÷ÆæÐµ·¸¤àÝ€";
  for (char32_t cp = 0x80; cp < 0x100; ++cp) chars.push_back(cp);
  const std::string filler = "Hội đồng nhân dân thành phố Hà Nội khóa XV ";
  for (char32_t cp : chars) {
    std::string ch;
    append_utf8(ch, cp);
    for (size_t at = 0; at < 70; ++at) {
      std::string text(at, 'a');
      text += ch + filler + filler + ch;
      const Utf8MarkCounts expected = count_by_character(text);
      const std::string what =
          "U+" + std::to_string(cp) + " at " + std::to_string(at);
      expect_same(count_utf8_marks(text), expected, what);
    }
  }
}

// Bytes that are no UTF-8 text: nothing read outside the buffer (the
// sanitizer build checks it), whatever they count as.
TEST(DetectCounts, ArbitraryBytesAreReadWithinTheBuffer) {
  std::mt19937 rng(7);
  const unsigned char pool[] = {'a',  ' ',  0x80, 0x82, 0x90, 0x97, 0x9B,
                                0xA0, 0xA3, 0xAF, 0xB9, 0xBA, 0xBB, 0xC2,
                                0xC3, 0xC4, 0xC6, 0xCC, 0xE1, 0xFF};
  size_t total = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 300, '\0');
    for (char& c : text) c = static_cast<char>(pool[rng() % sizeof pool]);
    // A copy of exactly its size: reading past it is caught.
    const std::unique_ptr<char[]> exact(new char[text.size()]);
    std::copy(text.begin(), text.end(), exact.get());
    const Utf8MarkCounts c =
        count_utf8_marks(std::string_view(exact.get(), text.size()));
    EXPECT_LE(c.viet + c.combining + c.suspect, text.size());
    total += c.viet + c.combining + c.suspect;
  }
  EXPECT_GT(total, 0u);
}

}  // namespace
}  // namespace vnlegal::internal
