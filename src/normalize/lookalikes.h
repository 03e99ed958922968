// Repairs of characters that look right but are not: Cyrillic/Greek letters
// inside Vietnamese words, spacing accents that PDFs emit after vowels,
// full-width forms, and tone marks typed on the wrong vowel.
#pragma once

#include <string_view>

#include "normalize/tone.h"

namespace vnlegal::internal {

// Cyrillic/Greek look-alikes inside Vietnamese words, spacing accents after
// vowels (from PDFs), full-width forms, misplaced tone marks ("lựơng" ->
// "lượng", "baỏ" -> "bảo"). Input and output NFC.
Rewritten fold_lookalikes(std::string_view nfc_text);

// The character part of fold_lookalikes alone (no tone repair), for the
// normalizer's default pass. may_hold_lookalikes is a byte scan that is
// false for almost all text, so the pass costs next to nothing there.
bool may_hold_lookalikes(std::string_view text);
// A character may_hold_lookalikes looks for (by its UTF-8 bytes): spacing
// accents U+00B4 and U+02C0-U+02FF, Greek and Cyrillic U+0340-U+04FF, CJK
// punctuation U+3000-U+303F, full-width forms U+FF00-U+FF7F.
inline bool lookalike_char(char32_t cp) {
  return cp == 0xB4 || (cp >= 0x2C0 && cp <= 0x2FF) ||
         (cp >= 0x340 && cp <= 0x4FF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF00 && cp <= 0xFF7F);
}
Rewritten fold_lookalike_characters(std::string_view nfc_text);

}  // namespace vnlegal::internal
