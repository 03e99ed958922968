// Tone-mark style: moves tone marks of Vietnamese syllables to the "hòa"
// (old) or "hoà" (new) convention. Only the rhymes oa, oe, uy without a
// final consonant differ between the two; every other syllable has one right
// place (DOMAIN.md §7), which both styles share.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "encoding/vietnamese.h"
#include "vnlegal/offset_map.h"
#include "vnlegal/options.h"

namespace vnlegal::internal {

struct Rewritten {
  std::string text;
  OffsetMap map;  // text -> input offsets
};

// Longest word that can be a syllable ("nghiêng").
constexpr size_t kMaxWordLetters = 7;
// Rewrites one word in place (letters as code points); true if it changed.
using WordFix = bool (*)(char32_t* word, size_t letters, ToneRule rule);
// Applies `fix` to every word (maximal run of ASCII/Vietnamese letters) that
// has a non-ASCII letter and could be a syllable, and anchors the map around
// each word it changed. Unchanged text is copied once, at the end.
Rewritten rewrite_words(std::string_view text, WordFix fix, ToneRule rule);
// Moves a tone that sits where neither convention puts it ("baỏ" -> "bảo").
bool fix_misplaced_tone(char32_t* word, size_t letters, ToneRule unused);

// Moves tone marks to the chosen style; only tokens that parse as Vietnamese
// syllables. kKeep returns the input unchanged.
Rewritten restyle_tones(std::string_view nfc_text, ToneStyle style);

}  // namespace vnlegal::internal
