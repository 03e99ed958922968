// Lines in capitals and lines that lost their capitals: the segmenter reads
// the case of Vietnamese letters from their code points (ICU for the rest).
#include <gtest/gtest.h>

#include <string>

#include "segment/internal.h"

namespace vnlegal::segment_internal {
namespace {

struct CaseRow {
  std::string text;
  bool upper;
  bool lower;
};

TEST(LetterCase, UpperAndLowerLines) {
  const CaseRow rows[] = {
      {"HỘI ĐỒNG NHÂN DÂN", true, false},
      {"hội đồng nhân dân", false, true},
      {"Hội đồng nhân dân", false, false},
      {"ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", true, false},
      {"ủy ban nhân dân tỉnh đồng tháp", false, true},
      // One small letter outside ASCII spoils a line in capitals: ơ, ư, ă,
      // đ, ĩ, ũ, ỹ, é.
      {"CƠ QUAN", true, false},
      {"CơQUAN", false, false},
      {"TƯ PHÁP", true, false},
      {"TưPHÁP", false, false},
      {"ĂN", true, false},
      {"ăN", false, false},
      {"đỒNG", false, false},
      {"ĩCH", false, false},
      {"ũY", false, false},
      {"ỹ", false, true},
      {"Ỹ", true, false},
      {"éA", false, false},
      // Figures and signs are no letters: a line of them is neither.
      {"01/2024/NQ-HĐND", true, false},
      {"2024 - 2025", false, false},
      {"× ÷", false, false},
      // Letters outside Vietnamese go to ICU: Greek, German ß.
      {"ΑΒΓ", true, false},
      {"αβγ", false, true},
      {"straße", false, true},
      // A byte that starts no character is no letter.
      {"ABC\xC3", true, false},
      {"abc\xE1\xBB", false, true},
  };
  for (const CaseRow& r : rows) {
    EXPECT_EQ(is_upper_line(r.text), r.upper) << r.text;
    EXPECT_EQ(is_lower_line(r.text), r.lower) << r.text;
  }
}

}  // namespace
}  // namespace vnlegal::segment_internal
