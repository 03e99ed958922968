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
Rewritten fold_lookalike_characters(std::string_view nfc_text);

}  // namespace vnlegal::internal
