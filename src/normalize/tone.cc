#include "normalize/tone.h"

#include <algorithm>
#include <vector>

#include "encoding/vietnamese.h"
#include "internal/utf8.h"

namespace vnlegal::internal {

namespace {

// Moves the tone of the word `w` to `target`; false if nothing changes.
bool move_tone(char32_t* w, const Syllable& s, int target) {
  if (s.tone == kLevel || target < 0 || target == s.tone_at) return false;
  LetterParts from = letter_parts(w[s.tone_at]);
  LetterParts to = letter_parts(w[target]);
  if (to.vowel == kNoVowel || to.vowel == kDStroke) return false;
  w[s.tone_at] = compose_letter(from.vowel, kLevel, from.upper);
  w[target] = compose_letter(to.vowel, s.tone, to.upper);
  return true;
}

bool ascii_letter(unsigned char c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

}  // namespace

Rewritten rewrite_words(std::string_view text, WordFix fix, ToneRule rule) {
  Rewritten r;
  size_t copied = 0;  // text[0, copied) is already in r.text
  bool changed = false;
  std::string encoded;
  char32_t word[kMaxWordLetters];
  // Words repeat all the time in running text: a small direct-mapped cache
  // of verdicts spares parsing the same syllable again.
  struct Verdict {
    uint8_t letters = 0xFF;
    bool changed = false;
    char32_t in[kMaxWordLetters];
    char32_t out[kMaxWordLetters];
  };
  constexpr size_t kSlots = 512;
  std::vector<Verdict> cache(text.size() < 4096 ? 0 : kSlots);
  auto cached_fix = [&](char32_t* w, size_t letters) {
    if (cache.empty()) return fix(w, letters, rule);
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < letters; ++k)
      h = (h ^ static_cast<uint32_t>(w[k])) * 16777619u;
    Verdict& v = cache[(h ^ (h >> 13)) & (kSlots - 1)];
    if (v.letters == letters && std::equal(w, w + letters, v.in)) {
      if (v.changed) std::copy(v.out, v.out + letters, w);
      return v.changed;
    }
    v.letters = static_cast<uint8_t>(letters);
    std::copy(w, w + letters, v.in);
    v.changed = fix(w, letters, rule);
    if (v.changed) std::copy(w, w + letters, v.out);
    return v.changed;
  };
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !ascii_letter(c)) {
      ++i;
      continue;
    }
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0x80) {
      len = decode_utf8(text, i, cp);
      if (!len) len = 1, cp = 0xFFFD;
      if (!is_vietnamese_letter(cp)) {
        i += len;
        continue;
      }
    }
    // A word: a run of letters. Only words with a non-ASCII letter can carry
    // a tone, and only short ones can be syllables.
    const size_t start = i;
    size_t letters = 0;
    bool non_ascii = false;
    size_t j = i;
    while (j < n) {
      const auto b = static_cast<unsigned char>(text[j]);
      char32_t x = b;
      size_t l = 1;
      if (b >= 0x80) {
        l = decode_utf8(text, j, x);
        if (!l || !is_vietnamese_letter(x)) break;
        non_ascii = true;
      } else if (!ascii_letter(b)) {
        break;
      }
      if (letters < kMaxWordLetters) word[letters] = x;
      ++letters;
      j += l;
    }
    i = j;
    if (!non_ascii || letters > kMaxWordLetters) continue;
    // A letter run glued to digits ("2a", "xoà2x") is a code, not a word.
    auto glued = [&](size_t at) {
      return at < n &&
             ((text[at] >= '0' && text[at] <= '9') || text[at] == '_');
    };
    if ((start > 0 && glued(start - 1)) || glued(j)) continue;
    if (!cached_fix(word, letters)) continue;
    if (!changed) {
      r.text.reserve(n + 16);
      changed = true;
    }
    encoded.clear();
    for (size_t k = 0; k < letters; ++k) append_utf8(encoded, word[k]);
    r.text.append(text, copied, start - copied);
    r.map.add(static_cast<uint32_t>(r.text.size()),
              static_cast<uint32_t>(start));
    r.text += encoded;
    r.map.add(static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(j));
    copied = j;
  }
  if (!changed) {
    r.text = std::string(text);
    r.map = OffsetMap::identity(static_cast<uint32_t>(n));
    return r;
  }
  r.text.append(text, copied, n - copied);
  r.map.finish(static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(n));
  return r;
}

bool fix_misplaced_tone(char32_t* w, size_t n, ToneRule) {
  Syllable s = parse_syllable(w, n);
  if (!s.valid || s.tone == kLevel) return false;
  const int old_pos = tone_position(s, w, ToneRule::kOld);
  const int new_pos = tone_position(s, w, ToneRule::kNew);
  if (s.tone_at == old_pos || s.tone_at == new_pos) return false;
  return move_tone(w, s, new_pos);
}

bool restyle_word(char32_t* w, size_t n, ToneRule rule) {
  Syllable s = parse_syllable(w, n);
  if (!s.valid || s.tone == kLevel) return false;
  return move_tone(w, s, tone_position(s, w, rule));
}

Rewritten restyle_tones(std::string_view nfc_text, ToneStyle style) {
  if (style == ToneStyle::kKeep) {
    Rewritten r;
    r.text = std::string(nfc_text);
    r.map = OffsetMap::identity(static_cast<uint32_t>(nfc_text.size()));
    return r;
  }
  return rewrite_words(
      nfc_text, restyle_word,
      style == ToneStyle::kOld ? ToneRule::kOld : ToneRule::kNew);
}

}  // namespace vnlegal::internal
