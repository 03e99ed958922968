// Tone-mark style: moves tone marks of Vietnamese syllables to the "hòa"
// (old) or "hoà" (new) convention. Only the rhymes oa, oe, uy without a
// final consonant differ between the two; every other syllable has one right
// place (DOMAIN.md §7), which both styles share.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "vnlegal/offset_map.h"
#include "vnlegal/options.h"

namespace vnlegal::internal {

struct Rewritten {
  std::string text;
  OffsetMap map;  // text -> input offsets
};

// Applies `fix` to every word (maximal run of ASCII/Vietnamese letters) and
// anchors the map around each word it changed.
Rewritten rewrite_words(std::string_view text,
                        const std::function<bool(std::u32string&)>& fix);
// Moves a tone that sits where neither convention puts it ("baỏ" -> "bảo").
bool fix_misplaced_tone(std::u32string& word);

// Moves tone marks to the chosen style; only tokens that parse as Vietnamese
// syllables. kKeep returns the input unchanged.
Rewritten restyle_tones(std::string_view nfc_text, ToneStyle style);

}  // namespace vnlegal::internal
