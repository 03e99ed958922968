#include "normalize/tone.h"

#include "encoding/vietnamese.h"
#include "internal/utf8.h"

namespace vnlegal::internal {

namespace {

// Moves the tone of the word `w` to `target`; false if nothing changes.
bool move_tone(std::u32string& w, const Syllable& s, int target) {
  if (s.tone == kLevel || target < 0 || target == s.tone_at) return false;
  LetterParts from = letter_parts(w[s.tone_at]);
  LetterParts to = letter_parts(w[target]);
  if (to.vowel == kNoVowel || to.vowel == kDStroke) return false;
  w[s.tone_at] = compose_letter(from.vowel, kLevel, from.upper);
  w[target] = compose_letter(to.vowel, s.tone, to.upper);
  return true;
}

}  // namespace

Rewritten rewrite_words(std::string_view text,
                        const std::function<bool(std::u32string&)>& fix) {
  Rewritten r;
  r.text.reserve(text.size() + 16);
  size_t i = 0;
  std::u32string word;
  std::string encoded;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0x80) {
      len = decode_utf8(text, i, cp);
      if (!len) len = 1, cp = 0xFFFD;
    }
    if (!is_vietnamese_letter(cp)) {
      r.text.append(text, i, len);
      i += len;
      continue;
    }
    size_t j = i;
    word.clear();
    while (j < text.size()) {
      char32_t x;
      size_t l = decode_utf8(text, j, x);
      if (!l || !is_vietnamese_letter(x)) break;
      word.push_back(x);
      j += l;
    }
    // A letter run glued to digits ("2a", "xoà2x") is a code, not a word.
    auto glued = [&](size_t at) {
      return at < text.size() &&
             ((text[at] >= '0' && text[at] <= '9') || text[at] == '_');
    };
    const bool code = (i > 0 && glued(i - 1)) || glued(j);
    if (!code && fix(word)) {
      encoded.clear();
      for (char32_t x : word) append_utf8(encoded, x);
      r.map.add(static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(i));
      r.text += encoded;
      r.map.add(static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(j));
    } else {
      r.text.append(text, i, j - i);
    }
    i = j;
  }
  r.map.finish(static_cast<uint32_t>(r.text.size()),
               static_cast<uint32_t>(text.size()));
  return r;
}

bool fix_misplaced_tone(std::u32string& w) {
  Syllable s = parse_syllable(w.data(), w.size());
  if (!s.valid || s.tone == kLevel) return false;
  const int old_pos = tone_position(s, w.data(), ToneRule::kOld);
  const int new_pos = tone_position(s, w.data(), ToneRule::kNew);
  if (s.tone_at == old_pos || s.tone_at == new_pos) return false;
  return move_tone(w, s, new_pos);
}

Rewritten restyle_tones(std::string_view nfc_text, ToneStyle style) {
  if (style == ToneStyle::kKeep) {
    Rewritten r;
    r.text = std::string(nfc_text);
    r.map = OffsetMap::identity(static_cast<uint32_t>(nfc_text.size()));
    return r;
  }
  const ToneRule rule =
      style == ToneStyle::kOld ? ToneRule::kOld : ToneRule::kNew;
  return rewrite_words(nfc_text, [rule](std::u32string& w) {
    Syllable s = parse_syllable(w.data(), w.size());
    if (!s.valid || s.tone == kLevel) return false;
    return move_tone(w, s, tone_position(s, w.data(), rule));
  });
}

}  // namespace vnlegal::internal
