// The UTF-8 helpers every stage's fast path relies on: the validator must
// accept exactly what the decoder accepts.
#include "internal/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace vnlegal::internal {
namespace {

// Reference: a string is valid when decode_utf8 reads it to the end.
bool valid_by_decoding(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t n = decode_utf8(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

TEST(Utf8, ValidatorAcceptsVietnameseAndRejectsMalformedSequences) {
  struct Case {
    const char* name;
    std::string bytes;
    bool valid;
  };
  const Case cases[] = {
      {"empty", "", true},
      {"ascii longer than a word", "Dieu 1. Pham vi dieu chinh", true},
      {"vietnamese", "Nghị quyết số 01/NQ-HĐND", true},
      {"combining tone", "Nghi\xCC\xA3 quy\xC3\xAA\xCC\x81t", true},
      {"four-byte emoji", "\xF0\x9F\x98\x80", true},
      {"largest code point", "\xF4\x8F\xBF\xBF", true},
      {"lone continuation", "abc\x80", false},
      {"overlong two-byte", "\xC0\xAF", false},
      {"overlong C1", "\xC1\xBF", false},
      {"overlong three-byte", "\xE0\x80\xAF", false},
      {"surrogate", "\xED\xA0\x80", false},
      {"overlong four-byte", "\xF0\x80\x80\xAF", false},
      {"above U+10FFFF", "\xF4\x90\x80\x80", false},
      {"F5 lead", "\xF5\x80\x80\x80", false},
      {"truncated at the end", "Ngh\xE1\xBB", false},
      {"truncated before ASCII", "\xE1\xBBx", false},
      {"TCVN3 bytes", "C\xE9ng ho\xB5", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_utf8(c.bytes), c.valid) << c.name;
    EXPECT_EQ(valid_by_decoding(c.bytes), c.valid) << c.name;
  }
}

TEST(Utf8, ValidatorAgreesWithDecoderOnRandomBytes) {
  // Random strings over the bytes that matter (ASCII, continuations, every
  // kind of lead byte), long enough to cross the eight-byte ASCII skip.
  const unsigned char alphabet[] = {'a',  ' ',  0x80, 0x9F, 0xA0, 0xBF,
                                    0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED,
                                    0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xC0};
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, sizeof alphabet - 1);
  std::uniform_int_distribution<size_t> len(0, 24);
  size_t valid = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string s(len(rng), 'a');
    for (char& ch : s)
      if (rng() % 3 == 0) ch = static_cast<char>(alphabet[pick(rng)]);
    const bool expected = valid_by_decoding(s);
    valid += expected;
    ASSERT_EQ(is_valid_utf8(s), expected) << testing::PrintToString(s);
  }
  // Both outcomes were exercised.
  EXPECT_GT(valid, 1000u);
  EXPECT_LT(valid, 199000u);
}

}  // namespace
}  // namespace vnlegal::internal
