// The normalizer's vectorized scans against their portable versions: the
// markup pass's byte search against the byte-by-byte answer (a member at
// every offset, in the block loop and the tail; non-members that share a
// nibble with members; bytes above 0x7F), and pass A's run of stable
// characters with its AVX2, SSE2 and byte-by-byte loops, through
// normalize().
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/byte_scan.h"
#include "normalize/passes.h"
#include "vnlegal/normalize.h"

namespace vnlegal::internal {
namespace {

constexpr std::string_view kMarkup = "\n<![#\"\xE2*-_=";

size_t naive_find(std::string_view set, std::string_view s, size_t from) {
  for (size_t i = from; i < s.size(); ++i)
    if (set.find(s[i]) != std::string_view::npos) return i;
  return s.size();
}

void check_all_offsets(const ByteScanner& scanner, std::string_view set) {
  // Vietnamese text and bytes that share a high or a low nibble with the
  // members ('+' 0x2B, ':' 0x3A, 'R' 0x52, 0xE3, 0xF2) but are none.
  const std::string filler = "Nghị quyết số 01 năm 2020 về việc +:R\xE3\xF2 ";
  for (char member : set) {
    for (size_t len = 0; len < 100; ++len) {
      std::string text;
      while (text.size() < len) text += filler;
      text.resize(len);
      for (char& c : text)
        if (set.find(c) != std::string_view::npos) c = 'x';
      EXPECT_EQ(scanner.find(text, 0), len);
      for (size_t at = 0; at < len; ++at) {
        std::string t = text;
        t[at] = member;
        EXPECT_EQ(scanner.find(t, 0), at);
        EXPECT_EQ(scanner.find(t, at), at);
        EXPECT_EQ(scanner.find(t, at + 1), len);
      }
    }
  }
}

TEST(ByteScanner, FindsEveryMemberAtEveryOffset) {
  const ByteScanner scanner(kMarkup);
  check_all_offsets(scanner, kMarkup);
}

TEST(ByteScanner, PortablePathFindsTheSame) {
  ByteScanner scanner(kMarkup);
  scanner.set_vectorized(false);
  EXPECT_FALSE(scanner.vectorized());
  check_all_offsets(scanner, kMarkup);
}

TEST(ByteScanner, AgreesWithByteByByteOnEveryByteValue) {
  ByteScanner vectorized(kMarkup);
  ByteScanner portable(kMarkup);
  portable.set_vectorized(false);
  std::string all;
  for (int k = 0; k < 3; ++k)
    for (int b = 255; b >= 1; --b) all.push_back(static_cast<char>(b));
  for (size_t from = 0; from < all.size(); from += 7) {
    EXPECT_EQ(vectorized.find(all, from), naive_find(kMarkup, all, from));
    EXPECT_EQ(portable.find(all, from), naive_find(kMarkup, all, from));
  }
}

// Characters that end a run of stable ones or are easily mistaken for
// them: Ð (C3 90), Ƣ (C6 A2), U+1E9F (E1 BA 9F, before the Vietnamese
// block), U+1EFA (E1 BB BA, after it), a decomposed mark (CC 81), a stray
// continuation byte, a lead byte cut short, '&', a tab, a carriage return.
const std::vector<std::string> kBreakers = {
    "\xC3\x90", "\xC6\xA2", "\xE1\xBA\x9F", "\xE1\xBB\xBA", "e\xCC\x81", "\x80",
    "\xC3", "\xE1\xBB", "&amp;", "\t", "\r\n", "\xE1\xBB\x87",
    // The edges of the ranges the blocks test: leads C2 and CA beside
    // C3..C9, the first and last letters of the Vietnamese block, the block
    // after it, leads followed by ASCII, DEL and a control character.
    "\xC2\xA0", "\xCA\x80", "\xC9\xBF", "\xE1\xBA\xA0", "\xE1\xBB\xB9",
    "\xE1\xBC\x80",
    "\xC3"
    "a",
    "\xE1\xBA"
    "a",
    "\x7F", "\x1F", "\xC3\xBF"};

// The text with pass A's block loops up to `width` (2 AVX2, 1 SSE2, 0
// byte by byte).
std::string normalized_text(const std::string& s, int width) {
  const int was = set_char_scan_width(width);
  std::string text = vnlegal::normalize(s, {}).text;
  set_char_scan_width(was);
  return text;
}

TEST(StableRun, EveryLoopNormalizesTheSame) {
  const std::string filler = "Nghị quyết số 01 năm 2020 về việc Đà Nẵng, ";
  for (const std::string& breaker : kBreakers) {
    for (size_t len = 0; len < 80; len += 3) {
      std::string text;
      while (text.size() < len) text += filler;
      text.resize(len);
      for (size_t at = 0; at <= len; ++at) {
        const std::string t = text.substr(0, at) + breaker + text.substr(at);
        const std::string bytewise = normalized_text(t, 0);
        EXPECT_EQ(normalized_text(t, 1), bytewise) << t;
        EXPECT_EQ(normalized_text(t, 2), bytewise) << t;
      }
    }
  }
}

TEST(StableRun, TheMarksAfterARunAreComposedEitherWay) {
  // "Nghi" + U+0323 -> "Nghị" wherever the run's blocks end.
  for (size_t pad = 0; pad < 70; ++pad) {
    const std::string t =
        std::string(pad + 1, 'a') + " Nghi\xCC\xA3 quy\xC3\xAA\xCC\x81t";
    const std::string expected = std::string(pad + 1, 'a') + " Nghị quyết";
    for (int width = 0; width <= 2; ++width)
      EXPECT_EQ(normalized_text(t, width), expected) << width;
  }
}

}  // namespace
}  // namespace vnlegal::internal
