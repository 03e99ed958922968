// The words that open a citation: document type names, structural units
// (pinpoints) and standard prefixes, with a two-byte prefilter so that the
// scanner only inspects word starts that can begin one of them.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extract/citation_text.h"

namespace vnlegal::citation {

enum class KeywordClass : uint8_t {
  kNamed,  // Luật, Bộ luật, Pháp lệnh, Hiến pháp: cited by name or number
  kDocument,  // other document types: cited by number
  kUnit,      // Điều, khoản, điểm, Chương, Mục, Phần
  kStandard,  // TCVN, QCVN, ISO
};

enum class Unit : uint8_t {
  kNone,
  kPoint,
  kClause,
  kArticle,
  kSection,
  kChapter,
  kPart
};

struct Keyword {
  std::string lower;  // lower-case words, single spaces
  std::string type;   // canonical document type ("Nghị định")
  KeywordClass cls;
  Unit unit = Unit::kNone;
};

const std::vector<Keyword>& keywords();

// Bit (b0 << 8 | b1) is set when some case variant of a keyword's first word
// starts with the bytes b0 b1.
const std::bitset<65536>& keyword_prefilter();

// True when the bytes at `pos` spell the first word of some keyword in one
// of its usual cases (lower, Title, UPPER) followed by a non-letter. A
// cheap exact test run before the case-insensitive keyword match.
bool keyword_start_at(std::string_view text, size_t pos);

// Indices into keywords() of the keywords whose first word is spelled at
// `pos` (as keyword_start_at), or nullptr.
const std::vector<uint8_t>* keyword_candidates_at(std::string_view text,
                                                  size_t pos);

// The first words of the keywords in all their spellings, flat for the
// scanner: the variants sharing a word's first two bytes sit together.
struct FirstWordVariant {
  uint64_t word = 0;  // the bytes, little-endian, zero-padded to 8
  uint64_t mask = 0;  // low `len` bytes set
  uint32_t len = 0;
  const std::vector<uint8_t>* keywords = nullptr;
  const char* bytes = nullptr;  // all `len` bytes
  // Every keyword of the variant has a second word (of at most four
  // words in all); bit c of `second` is set when one of them starts with
  // the ASCII byte c, `second_lead` when one starts with a lead byte. A
  // word start whose next word starts with another byte opens none of
  // them, in any case: an ASCII byte folds to ASCII only, and nothing else
  // folds to ASCII.
  bool needs_second = false;
  bool second_lead = false;
  uint64_t second[2] = {0, 0};
  // The case of the spelling, as match_keyword reads it off a first word
  // made of exactly these bytes: a capital first letter, and every letter
  // a capital (the word longer than one letter).
  bool initial_upper = false;
  bool all_upper = false;
  // The unit, when the spelling is in small letters and every keyword of
  // the variant is that unit's word ("điều", "mục"); kNone otherwise.
  Unit small_unit = Unit::kNone;
  bool second_may_start(unsigned char c) const {
    if (c >= 0x80) return second_lead;
    const unsigned char l = c >= 'A' && c <= 'Z' ? c + 32 : c;
    return second[l >> 6] >> (l & 63) & 1;
  }
  // The first two bytes (first << 8 | second) of the second words that
  // start with an ASCII byte, when they are at most eight and each has two
  // bytes or more (else second_pairs_ok is false). A second byte folds to
  // itself (an ASCII letter from either case; a lead byte from the lead of
  // the same letter's capital, but for Ð and ð, C3, which fold to đ, C4).
  uint16_t second_pairs[8] = {};
  uint8_t n_second_pairs = 0;
  bool second_pairs_ok = true;
  // False when the word starting with the bytes c (ASCII, passed
  // second_may_start) and c1 cannot be the second word of a keyword.
  bool second_pair_may_start(unsigned char c, unsigned char c1) const {
    if (!second_pairs_ok) return true;
    const unsigned l0 = c >= 'A' && c <= 'Z' ? c + 32u : c;
    const unsigned l1 = c1 >= 'A' && c1 <= 'Z' ? c1 + 32u : c1;
    for (size_t k = 0; k < n_second_pairs; ++k) {
      const unsigned p = second_pairs[k];
      if ((p >> 8) != l0) continue;
      if ((p & 0xFF) == l1 || (c1 == 0xC3 && (p & 0xFF) == 0xC4)) return true;
    }
    return false;
  }
};

struct FirstWordIndex {
  // (b0 << 8 | b1) -> (shortest length << 24 | begin << 8 | count) of the
  // variants starting with b0 b1; 0 when none does.
  std::vector<uint32_t> range;
  std::vector<FirstWordVariant> variants;
  // Hashed first four bytes of the variants of four bytes or more, and
  // first three of the shorter ones: most words that share a variant's
  // first two bytes fail both (see may_start).
  uint64_t prefix4[64] = {};
  uint64_t prefix3[64] = {};
  bool prefix_filter = false;  // false when some variant is shorter

  // False when no variant can start at `pos` (four bytes readable there):
  // a cheap test before keyword_candidates_in_word.
  bool may_start(const unsigned char* p) const {
    if (!prefix_filter) return true;
    uint32_t x;
    std::memcpy(&x, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap32(x);
#endif
    const uint32_t h4 = (x * 0x9E3779B1u) >> 20;
    const uint32_t h3 = ((x & 0xFFFFFFu) * 0x9E3779B1u) >> 20;
    return (prefix4[h4 >> 6] >> (h4 & 63) & 1) |
           (prefix3[h3 >> 6] >> (h3 & 63) & 1);
  }
};

const FirstWordIndex& first_word_index();

// The eight bytes at `pos`, little-endian, zero past the end of the text.
inline uint64_t load8_at(std::string_view text, size_t pos) {
  uint64_t v = 0;
  const size_t avail = text.size() - pos;
  if (avail >= 8) {
    std::memcpy(&v, text.data() + pos, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
  }
  for (size_t k = 0; k < avail; ++k)
    v |= uint64_t{static_cast<unsigned char>(text[pos + k])} << (8 * k);
  return v;
}

// As keyword_candidates_at for a word start whose run of word bytes (as the
// scanner counts them: everything but ASCII punctuation, blanks and the
// lead bytes of non-letter blocks) is `word_len` bytes long, and whose
// first two bytes have the nonzero entry `range` in the index (the caller
// may skip words shorter than range >> 24 bytes). Same answer,
// without decoding the code point after the word in the common case.
inline const FirstWordVariant* keyword_variant_in_word(
    const FirstWordIndex& idx, uint32_t range, std::string_view text,
    size_t pos, size_t word_len) {
  const uint64_t at = load8_at(text, pos);
  const FirstWordVariant* v = idx.variants.data() + ((range >> 8) & 0xFFFF);
  const FirstWordVariant* const e = v + (range & 0xFF);
  for (; v != e; ++v) {
    if (v->len > word_len || ((at ^ v->word) & v->mask) != 0) continue;
    if (v->len > 8 &&
        std::memcmp(text.data() + pos + 8, v->bytes + 8, v->len - 8) != 0)
      continue;
    if (v->len == word_len) return v;
    // Followed by a letter outside the Vietnamese repertoire, which the
    // scanner counts as a word byte but keyword matching does not.
    size_t cl = 0;
    if (!is_word_cp(cp_at(text, pos + v->len, &cl))) return v;
  }
  return nullptr;
}

// The keywords of keyword_variant_in_word's variant, or nullptr.
inline const std::vector<uint8_t>* keyword_candidates_in_word(
    const FirstWordIndex& idx, uint32_t range, std::string_view text,
    size_t pos, size_t word_len) {
  const FirstWordVariant* v =
      keyword_variant_in_word(idx, range, text, pos, word_len);
  return v ? v->keywords : nullptr;
}

}  // namespace vnlegal::citation
