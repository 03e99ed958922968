#include "normalize/lookalikes.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <vector>

#include "encoding/vietnamese.h"
#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

// Cyrillic and Greek letters drawn like Latin ones; replaced only inside
// words that also hold Latin letters (a Russian or Greek word stays).
char32_t latin_twin(char32_t cp) {
  switch (cp) {
    case 0x0430:
      return U'a';
    case 0x0435:
      return U'e';
    case 0x043E:
      return U'o';
    case 0x0440:
      return U'p';
    case 0x0441:
      return U'c';
    case 0x0443:
      return U'y';
    case 0x0445:
      return U'x';
    case 0x0456:
      return U'i';
    case 0x0455:
      return U's';
    case 0x0410:
      return U'A';
    case 0x0412:
      return U'B';
    case 0x0415:
      return U'E';
    case 0x041A:
      return U'K';
    case 0x041C:
      return U'M';
    case 0x041D:
      return U'H';
    case 0x041E:
      return U'O';
    case 0x0420:
      return U'P';
    case 0x0421:
      return U'C';
    case 0x0422:
      return U'T';
    case 0x0425:
      return U'X';
    case 0x0406:
      return U'I';
    case 0x0391:
      return U'A';
    case 0x0392:
      return U'B';
    case 0x0395:
      return U'E';
    case 0x0397:
      return U'H';
    case 0x0399:
      return U'I';
    case 0x039A:
      return U'K';
    case 0x039C:
      return U'M';
    case 0x039D:
      return U'N';
    case 0x039F:
      return U'O';
    case 0x03A1:
      return U'P';
    case 0x03A4:
      return U'T';
    case 0x03A7:
      return U'X';
    case 0x03A5:
      return U'Y';
    case 0x0396:
      return U'Z';
    case 0x03BF:
      return U'o';
    default:
      return 0;
  }
}

bool cyrillic_or_greek(char32_t cp) {
  return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x04FF);
}

// Spacing accents that PDF text layers emit after the vowel they belong to.
uint8_t spacing_tone(char32_t cp) {
  switch (cp) {
    case 0x00B4:
    case 0x02CA:
      return kAcute;
    case 0x02CB:
      return kGrave;
    case 0x02DC:
      return kTilde;
    case 0x02C0:
      return kHook;
    default:
      return kLevel;
  }
}

struct Cp {
  char32_t cp;
  uint32_t begin, end;  // input byte range
};

// True if `text` may hold something fold_characters changes: Greek or
// Cyrillic letters, spacing accents, full-width forms. Most text has none,
// and a byte scan is far cheaper than the per-character pass.
bool needs_character_pass(std::string_view text) {
  // The lead bytes concerned; Vietnamese letters (C3 C4 C6 E1 ...) are not
  // among them, so one table load per byte rejects almost every byte.
  static const auto lead = [] {
    std::array<bool, 256> t{};
    for (int b : {0xC2, 0xCB, 0xE3, 0xEF}) t[b] = true;
    for (int b = 0xCD; b <= 0xD3; ++b) t[b] = true;
    return t;
  }();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  auto concerned = [&](size_t i) {
    const unsigned char b = p[i];
    if (!lead[b]) return false;
    const unsigned char next = i + 1 < n ? p[i + 1] : 0;
    return (b == 0xC2 && next == 0xB4) || b == 0xCB ||
           (b >= 0xCD && b <= 0xD3) || (b == 0xE3 && next == 0x80) ||
           (b == 0xEF && (next == 0xBC || next == 0xBD));
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Blocks of sixteen bytes without any of the lead bytes are skipped whole;
  // the lead bytes of common signs (NBSP, "§", "°") send one block to the
  // exact test.
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i cb = _mm_set1_epi8(static_cast<char>(0xCB));
  const __m128i e3 = _mm_set1_epi8(static_cast<char>(0xE3));
  const __m128i ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i cd = _mm_set1_epi8(static_cast<char>(0xCD));
  const __m128i six = _mm_set1_epi8(6);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // 0xCD..0xD3: v - 0xCD <= 6 as unsigned bytes.
    const __m128i off = _mm_sub_epi8(v, cd);
    const __m128i range = _mm_cmpeq_epi8(_mm_min_epu8(off, six), off);
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, cb)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, ef)),
                     range));
    if (!_mm_movemask_epi8(hit)) continue;
    for (size_t k = i; k < i + 16; ++k)
      if (concerned(k)) return true;
  }
#endif
  for (; i < n; ++i)
    if (concerned(i)) return true;
  return false;
}

Rewritten fold_characters(std::string_view text) {
  if (!needs_character_pass(text)) {
    Rewritten r;
    r.text = std::string(text);
    r.map = OffsetMap::identity(static_cast<uint32_t>(text.size()));
    return r;
  }
  std::vector<Cp> cps;
  cps.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = decode_utf8(text, i, cp);
    if (!len) len = 1, cp = 0xFFFD;
    cps.push_back(
        {cp, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
    i += len;
  }
  // Words mixing scripts: replace the look-alikes.
  for (size_t i = 0; i < cps.size();) {
    auto wordish = [&](char32_t c) {
      return is_vietnamese_letter(c) || cyrillic_or_greek(c);
    };
    if (!wordish(cps[i].cp)) {
      ++i;
      continue;
    }
    size_t j = i;
    bool latin = false, foreign_only = false;
    while (j < cps.size() && wordish(cps[j].cp)) {
      const char32_t c = cps[j].cp;
      if (is_vietnamese_letter(c)) latin = true;
      if (cyrillic_or_greek(c) && !latin_twin(c)) foreign_only = true;
      ++j;
    }
    if (latin && !foreign_only) {
      for (size_t k = i; k < j; ++k)
        if (char32_t t = latin_twin(cps[k].cp)) cps[k].cp = t;
    }
    i = j;
  }
  Rewritten r;
  r.text.reserve(text.size());
  size_t last_vowel_out =
      std::string::npos;  // output offset of a toneless vowel
  Cp last_vowel{};
  for (size_t i = 0; i < cps.size(); ++i) {
    Cp c = cps[i];
    if (c.cp >= 0xFF01 && c.cp <= 0xFF5E) c.cp -= 0xFEE0;  // full-width ASCII
    if (c.cp == 0x3000) c.cp = U' ';
    const uint8_t tone = spacing_tone(c.cp);
    if (tone && last_vowel_out != std::string::npos &&
        last_vowel_out + 4 >= r.text.size()) {
      if (char32_t toned = add_tone(last_vowel.cp, tone)) {
        r.text.resize(last_vowel_out);
        r.map.add(static_cast<uint32_t>(r.text.size()), last_vowel.begin);
        append_utf8(r.text, toned);
        r.map.add(static_cast<uint32_t>(r.text.size()), c.end);
        last_vowel_out = std::string::npos;
        continue;
      }
    }
    const size_t out = r.text.size();
    append_utf8(r.text, c.cp);
    if (r.text.size() - out != c.end - c.begin || c.cp != cps[i].cp) {
      r.map.add(static_cast<uint32_t>(out), c.begin);
      r.map.add(static_cast<uint32_t>(r.text.size()), c.end);
    }
    LetterParts p = letter_parts(c.cp);
    if (p.vowel != kNoVowel && p.vowel != kDStroke && p.tone == kLevel) {
      last_vowel_out = out;
      last_vowel = c;
    } else {
      last_vowel_out = std::string::npos;
    }
  }
  r.map.finish(static_cast<uint32_t>(r.text.size()),
               static_cast<uint32_t>(text.size()));
  return r;
}

}  // namespace

bool may_hold_lookalikes(std::string_view text) {
  return needs_character_pass(text);
}

Rewritten fold_lookalike_characters(std::string_view nfc_text) {
  return fold_characters(nfc_text);
}

Rewritten fold_lookalikes(std::string_view nfc_text) {
  if (!needs_character_pass(nfc_text))
    return rewrite_words(nfc_text, fix_misplaced_tone, ToneRule::kNew);
  Rewritten chars = fold_characters(nfc_text);
  Rewritten words =
      rewrite_words(chars.text, fix_misplaced_tone, ToneRule::kNew);
  Rewritten r;
  r.map = chars.map.then(words.map);
  r.text = std::move(words.text);
  return r;
}

}  // namespace vnlegal::internal
