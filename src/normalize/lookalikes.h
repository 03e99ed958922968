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

}  // namespace vnlegal::internal
