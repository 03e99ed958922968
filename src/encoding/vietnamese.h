// Vietnamese letters and syllables: the knowledge shared by encoding
// detection (score candidate decodings by their share of real syllables) and
// by tone-mark placement.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vnlegal::internal {

// Vowels in table order; kDStroke is đ. 0 means "not one of these".
enum Vowel : uint8_t {
  kNoVowel = 0,
  kA,
  kAw,
  kAa,
  kE,
  kEe,
  kI,
  kO,
  kOo,
  kOw,
  kU,
  kUw,
  kY,
  kDStroke,
};

// Tones in table order (Unicode names in comments).
enum Tone : uint8_t {
  kLevel = 0,  // ngang
  kGrave,      // huyền  U+0300
  kHook,       // hỏi    U+0309
  kTilde,      // ngã    U+0303
  kAcute,      // sắc    U+0301
  kDot,        // nặng   U+0323
};

struct LetterParts {
  uint8_t vowel = kNoVowel;  // Vowel, kDStroke, or kNoVowel
  uint8_t tone = kLevel;
  bool upper = false;
};

namespace letter_tables {
#include "encoding/tables_letters.inc"
}  // namespace letter_tables

// Splits a precomposed Vietnamese vowel (or đ/Đ) into its parts; ASCII
// vowels included. Any other code point gives vowel == kNoVowel. Inline:
// the syllable parser calls it for every letter.
inline LetterParts letter_parts(char32_t cp) {
  using namespace letter_tables;
  LetterParts p;
  if (cp < 0x80) {
    char32_t lower = cp | 0x20;
    if (lower < U'a' || lower > U'z') return p;
    switch (lower) {
      case U'a':
        p.vowel = kA;
        break;
      case U'e':
        p.vowel = kE;
        break;
      case U'i':
        p.vowel = kI;
        break;
      case U'o':
        p.vowel = kO;
        break;
      case U'u':
        p.vowel = kU;
        break;
      case U'y':
        p.vowel = kY;
        break;
      default:
        return p;
    }
    p.upper = cp < U'a';
    return p;
  }
  uint8_t info = 0;
  if (cp >= kLetterInfoLatinFirst &&
      cp < kLetterInfoLatinFirst + sizeof(kLetterInfoLatin)) {
    info = kLetterInfoLatin[cp - kLetterInfoLatinFirst];
  } else if (cp >= kLetterInfoExtFirst &&
             cp < kLetterInfoExtFirst + sizeof(kLetterInfoExt)) {
    info = kLetterInfoExt[cp - kLetterInfoExtFirst];
  }
  if (!info) return p;
  p.vowel = info & 0x0F;
  p.tone = (info >> 4) & 0x07;
  p.upper = (info & 0x80) != 0;
  return p;
}

// The precomposed letter for `vowel` (1..12, or kDStroke with tone 0).
char32_t compose_letter(uint8_t vowel, uint8_t tone, bool upper);
// The tone a combining mark stands for (U+0300 U+0301 U+0303 U+0309 U+0323,
// and the Vietnamese-specific U+0340 U+0341), or kLevel.
uint8_t tone_of_combining(char32_t cp);
// Adds `tone` to a letter if it is a toneless vowel; 0 if it cannot.
char32_t add_tone(char32_t cp, uint8_t tone);

// True for ASCII letters and the Vietnamese letters above.
bool is_vietnamese_letter(char32_t cp);
// Case mapping restricted to ASCII and Vietnamese letters (enough for the
// legacy upper-case fonts, and locale-independent).
char32_t to_upper_vietnamese(char32_t cp);

// A word parsed as a Vietnamese syllable: initial consonant, vowel cluster
// (nucleus with its glides), final consonant, one tone.
struct Syllable {
  bool valid = false;
  uint8_t vowel_begin = 0;  // index of the first letter of the vowel cluster
  uint8_t vowel_end = 0;    // one past its last letter
  uint8_t tone = kLevel;
  int8_t tone_at = -1;  // index of the letter carrying the tone, or -1
  bool has_final = false;
};

// Parses `letters` (one code point per letter, precomposed). Capitals are
// accepted as all-upper or initial-upper. Orthography is checked (k/c,
// gh/g, ngh/ng, qu; stop finals take only the acute or dot tone), so that a
// wrong decoding rarely parses by chance.
Syllable parse_syllable(const char32_t* letters, size_t n);

enum class ToneRule : uint8_t { kOld, kNew };
// Index of the letter that should carry the tone of `s` under `rule`
// (-1 when the syllable is invalid).
int tone_position(const Syllable& s, const char32_t* letters, ToneRule rule);

// A valid syllable whose tone sits where one of the two conventions puts it.
bool well_formed(const char32_t* letters, size_t n);

// Decodes a UTF-8 string into code points (invalid bytes -> U+FFFD).
std::u32string to_u32(std::string_view utf8);

}  // namespace vnlegal::internal
