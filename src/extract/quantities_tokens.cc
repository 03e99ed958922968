#include "extract/quantities_tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "internal/scan.h"
#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

bool ascii_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Character classes below U+2070 (all of Vietnamese, Latin-1 and General
// Punctuation) come from a table built once from ICU, with the lower-case
// form already encoded in UTF-8; the rest ask ICU, cached per document.

// What a letter does inside a word.
enum LetterKind : uint8_t {
  kNotLetter,
  kSmall,  // small or caseless
  kCapital,
  kMark,  // a combining mark: part of the word, not counted
};

struct CharInfo {
  char lower_utf8[4];
  uint8_t lower_len;
  bool letter, upper, mark, gap;
  uint8_t kind;   // LetterKind
  bool same;      // its own lower-case form
  bool same_len;  // the lower-case form is as long in UTF-8
  uint8_t bits;   // WordBits
};

// What a character does inside a word, as bits a word can gather with an
// OR: no bit of the first three ends the word.
enum WordBits : uint8_t {
  kBitSmall = 1,
  kBitCapital = 2,
  kBitMark = 4,
  kBitRewrite = 8,  // a letter that is not its own lower-case form
};

// Characters that separate tokens without being tokens themselves. `type`
// is the general category of cp: every white space character is a control,
// space, line or paragraph separator, so others need no property lookup.
bool is_gap_cp(char32_t cp, int8_t type) {
  switch (cp) {
    case 0x00A0:
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x00AB:
    case 0x00BB:
    case 0x201E:
      return true;
    default:
      return (type == U_CONTROL_CHAR || type == U_SPACE_SEPARATOR ||
              type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) &&
             u_isUWhiteSpace(cp);
  }
}

CharInfo make_info(char32_t c) {
  // One call for what u_isalpha (the letter categories) and u_isupper (Lu)
  // would tell: the table is built for eight thousand characters.
  const int8_t type = u_charType(c);
  const bool mark = type == U_NON_SPACING_MARK;
  const bool alpha = type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER ||
                     type == U_TITLECASE_LETTER || type == U_MODIFIER_LETTER ||
                     type == U_OTHER_LETTER;
  CharInfo ci{{},
              0,
              alpha || mark,
              type == U_UPPERCASE_LETTER,
              mark,
              is_gap_cp(c, type),
              kNotLetter,
              false,
              false,
              0};
  if (ci.letter) ci.kind = mark ? kMark : ci.upper ? kCapital : kSmall;
  const auto lower = static_cast<char32_t>(u_tolower(c));
  // Encoded on the stack: the table is built for eight thousand characters.
  char enc[4], self[4];
  const size_t enc_len = encode_utf8(lower, enc);
  ci.same = lower == c;
  ci.same_len = enc_len == encode_utf8(c, self);
  ci.lower_len = static_cast<uint8_t>(enc_len);
  if (ci.letter)
    ci.bits = static_cast<uint8_t>((ci.kind == kSmall     ? kBitSmall
                                    : ci.kind == kCapital ? kBitCapital
                                                          : kBitMark) |
                                   (ci.same ? 0 : kBitRewrite));
  for (size_t k = 0; k < enc_len; ++k) ci.lower_utf8[k] = enc[k];
  return ci;
}

// The table reaches past General Punctuation (U+2000..U+206F), where the
// curly quotes and zero-width spaces of web copies live.
constexpr char32_t kTableSize = 0x2070;

const CharInfo* info_table() {
  static const std::vector<CharInfo> kTable = [] {
    std::vector<CharInfo> t(kTableSize);
    for (char32_t c = 0; c < kTableSize; ++c) t[c] = make_info(c);
    return t;
  }();
  return kTable.data();
}

// The bits of the table, one byte each: what the letters of a word need,
// in a sixth of the space.
const uint8_t* kind_table() {
  static const std::vector<uint8_t> kKinds = [] {
    const CharInfo* t = info_table();
    std::vector<uint8_t> k(kTableSize);
    for (char32_t c = 0; c < kTableSize; ++c) k[c] = t[c].bits;
    return k;
  }();
  return kKinds.data();
}

// The WordBits of whole UTF-8 sequences, so that the letters of a word
// need no decoding: every two-byte sequence (lead byte 0xC0..0xDF, any
// second byte) and the three-byte ones led by 0xE1 (U+1000..U+1FFF, where
// the Vietnamese letters with two marks are), 0 where the sequence is
// malformed. Plain arrays at fixed addresses rather than a pointer: the
// word loop has no register to spare. Filled once by sequence_bits_ready().
uint8_t g_two[0x20 << 8];  // (lead - 0xC0) << 8 | second
uint8_t g_e1[0x100 << 8];  // second << 8 | third

bool sequence_bits_ready() {
  static const bool kReady = [] {
    const uint8_t* const kinds = kind_table();
    for (unsigned b0 = 0xC2; b0 < 0xE0; ++b0)
      for (unsigned b1 = 0x80; b1 < 0xC0; ++b1)
        g_two[(b0 - 0xC0) << 8 | b1] = kinds[(b0 & 0x1F) << 6 | (b1 & 0x3F)];
    for (unsigned b1 = 0x80; b1 < 0xC0; ++b1)
      for (unsigned b2 = 0x80; b2 < 0xC0; ++b2)
        g_e1[b1 << 8 | b2] = kinds[0x1000 | (b1 & 0x3F) << 6 | (b2 & 0x3F)];
    return true;
  }();
  return kReady;
}

// What an ASCII byte does to the tokenizer.
enum ByteClass : uint8_t {
  kPunctByte,  // a one-byte punctuation token
  kGapByte,    // separates tokens: blanks, markup residue, straight quotes
  kNewline,
  kLess,  // may open an HTML tag
  kDigit,
  kLower,
  kUpper,
  kHigh,  // starts a multi-byte character
};

struct ByteClasses {
  uint8_t c[256];
  constexpr ByteClasses() : c() {
    for (int b = 0; b < 256; ++b) {
      uint8_t k = kPunctByte;
      if (b >= 0x80)
        k = kHigh;
      else if (b >= '0' && b <= '9')
        k = kDigit;
      else if (b >= 'a' && b <= 'z')
        k = kLower;
      else if (b >= 'A' && b <= 'Z')
        k = kUpper;
      else if (b == '\n')
        k = kNewline;
      else if (b == '<')
        k = kLess;
      else if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' ||
               b == '*' || b == '_' || b == '#' || b == '`' || b == '"' ||
               b == '\'')
        k = kGapByte;
      c[b] = k;
    }
  }
};
constexpr ByteClasses kBytes;

inline bool cont_byte(unsigned char b) { return (b & 0xC0) == 0x80; }

// decode_utf8 with the two- and three-byte cases (all of Vietnamese) inline.
inline size_t decode_at(std::string_view s, const unsigned char* p, size_t i,
                        size_t n, char32_t& cp) {
  const unsigned char b0 = p[i];
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (i + 1 < n && cont_byte(p[i + 1])) {
      cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | (p[i + 1] & 0x3F);
      return 2;
    }
    return 0;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (i + 2 < n && cont_byte(p[i + 1]) && cont_byte(p[i + 2])) {
      cp = (static_cast<char32_t>(b0 & 0x0F) << 12) |
           (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
      return 3;
    }
    return 0;
  }
  return decode_utf8(s, i, cp);
}

// Information on a character outside ASCII: from the table below U+2070,
// from ICU above it, once per character and text for the last few seen
// (arrows, symbols).
class CharLookup {
 public:
  const CharInfo& operator()(char32_t cp) {
    if (cp < kTableSize) return table_[cp];
    return miss(cp);
  }
  uint8_t bits(char32_t cp) {
    if (cp < kTableSize) return kinds_[cp];
    return miss(cp).bits;
  }

 private:
  __attribute__((noinline)) const CharInfo& miss(char32_t cp) {
    Cached& c = cache_[cp & 15];
    if (c.cp != cp) c = {cp, make_info(cp)};
    return c.info;
  }
  struct Cached {
    char32_t cp = 0;
    CharInfo info{};
  };
  const CharInfo* const table_ = info_table();
  const uint8_t* const kinds_ = kind_table();
  Cached cache_[16];
};

// A word: where it ends in the text, where its lower-case form is, and its
// capitals.
struct Word {
  size_t end;
  size_t lbegin, lend;
  bool upper, all_upper;
};

// Square and cubic units keep their exponent: "m2", "km2", "m3". The word
// [i, j) is at most two bytes long here.
inline size_t with_exponent(const unsigned char* p, size_t n, size_t i,
                            size_t j) {
  if (j < n && (p[j] == '2' || p[j] == '3') &&
      (j + 1 == n || !(ascii_alpha(p[j + 1]) || ascii_digit(p[j + 1])))) {
    bool ascii = true;
    for (size_t m = i; m < j; ++m) ascii &= ascii_alpha(p[m]);
    // An ASCII word was lowered in place, where the digit follows.
    if (ascii) ++j;
  }
  return j;
}

// Any word, one character at a time: the fast loop hands over words that
// start with a combining mark and words holding a character whose
// lower-case form has another length. Such a word is written again after
// the copy, at `moved`.
__attribute__((noinline)) Word slow_word(std::string_view s, size_t i,
                                         char* low, char*& moved,
                                         CharLookup& lookup) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // Letters other than marks: whether one has been seen, whether the
  // first is a capital, how many are capitals and whether any is not.
  bool seen = false, first_upper = false, not_upper = false;
  int uppers = 0;
  // Counts a character of the kind given; false if it ends the word.
  auto note_letter = [&](uint8_t kind) {
    if (kind == kSmall) {
      seen = true;
      not_upper = true;
    } else if (kind == kCapital) {
      if (!seen) first_upper = true;
      seen = true;
      ++uppers;
    } else if (kind == kNotLetter) {
      return false;
    }
    return true;
  };
  size_t j = i;
  // The character at j (not ASCII), counted; null if it ends the word.
  // `l` is its length.
  auto next_letter = [&](size_t& l) -> const CharInfo* {
    char32_t ch;
    l = decode_at(s, p, j, n, ch);
    if (l == 0) return nullptr;
    const CharInfo& ci = lookup(ch);
    return note_letter(ci.kind) ? &ci : nullptr;
  };
  // Set when the word has to be written after the copy: where it goes.
  char* out = nullptr;
  while (j < n) {
    const uint8_t k = kBytes.c[p[j]];
    if (k == kLower || k == kUpper) {
      note_letter(k == kUpper ? kCapital : kSmall);
      ++j;
      continue;
    }
    if (k != kHigh) break;
    size_t l;
    const CharInfo* const info = next_letter(l);
    if (!info) break;
    const CharInfo& ci = *info;
    if (!ci.same) {
      if (!ci.same_len) {
        // Move the word after the copy and go on writing it there.
        out = moved;
        std::memcpy(out, low + i, j - i);
        out += j - i;
        std::memcpy(out, ci.lower_utf8, 4);
        out += ci.lower_len;
        j += l;
        break;
      }
      for (size_t m = 0; m < l; ++m) low[j + m] = ci.lower_utf8[m];
    }
    j += l;
  }
  if (out) {
    // The rest of a moved word, each character written out.
    while (j < n) {
      const unsigned char d = p[j];
      const uint8_t k = kBytes.c[d];
      if (k == kLower || k == kUpper) {
        note_letter(k == kUpper ? kCapital : kSmall);
        *out++ = static_cast<char>(k == kUpper ? d - 'A' + 'a' : d);
        ++j;
        continue;
      }
      if (k != kHigh) break;
      size_t l;
      const CharInfo* const ci = next_letter(l);
      if (!ci) break;
      std::memcpy(out, ci->lower_utf8, 4);
      out += ci->lower_len;
      j += l;
    }
  }
  if (j - i <= 2) j = with_exponent(p, n, i, j);
  Word w;
  w.end = j;
  w.upper = first_upper;
  w.all_upper = uppers >= 2 && !not_upper;
  if (out) {
    w.lbegin = static_cast<size_t>(moved - low);
    w.lend = static_cast<size_t>(out - low);
    moved = out;
  } else {
    w.lbegin = i;
    w.lend = j;
  }
  return w;
}

// A token is stored as three 64-bit words: its span, its span in the
// lower-case copy and its flags, laid out as the fields of Tok. The flags
// word also carries what separates the token from the one before, gathered
// while skipping: the line flags in place, and one bit of its own for "a
// line break seen", in a padding byte of Tok (stored there, and never
// read).
static_assert(sizeof(Tok) == 24 && offsetof(Tok, end) == 4 &&
                  offsetof(Tok, lbegin) == 8 && offsetof(Tok, lend) == 12 &&
                  offsetof(Tok, type) == 16 && offsetof(Tok, newline) == 17 &&
                  offsetof(Tok, blank) == 18 && offsetof(Tok, attached) == 19 &&
                  offsetof(Tok, upper) == 20 && offsetof(Tok, all_upper) == 21,
              "Tok is stored as three words");
constexpr int kFlagShift(size_t offset) {
  return static_cast<int>(8 * (offset - offsetof(Tok, type)));
}
constexpr uint64_t kNewlineFlag = uint64_t{1}
                                  << kFlagShift(offsetof(Tok, newline));
constexpr uint64_t kBlankFlag = uint64_t{1} << kFlagShift(offsetof(Tok, blank));
constexpr uint64_t kAttachedFlag = uint64_t{1}
                                   << kFlagShift(offsetof(Tok, attached));
constexpr uint64_t kUpperFlag = uint64_t{1} << kFlagShift(offsetof(Tok, upper));
constexpr uint64_t kAllUpperFlag = uint64_t{1}
                                   << kFlagShift(offsetof(Tok, all_upper));
constexpr uint64_t kLineSeen = uint64_t{1} << 48;
constexpr uint64_t kTypeShift = kFlagShift(offsetof(Tok, type));

inline uint64_t span_word(size_t b, size_t e) {
  return static_cast<uint32_t>(b) | static_cast<uint64_t>(e) << 32;
}

inline void store(Tok* t, uint64_t span, uint64_t lspan, uint64_t flags) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  char* const to = reinterpret_cast<char*>(t);
  std::memcpy(to, &span, 8);
  std::memcpy(to + 8, &lspan, 8);
  std::memcpy(to + 16, &flags, 8);
#else
  t->begin = static_cast<uint32_t>(span);
  t->end = static_cast<uint32_t>(span >> 32);
  t->lbegin = static_cast<uint32_t>(lspan);
  t->lend = static_cast<uint32_t>(lspan >> 32);
  t->type = static_cast<TokType>(flags & 0xFF);
  t->newline = flags & kNewlineFlag;
  t->blank = flags & kBlankFlag;
  t->attached = flags & kAttachedFlag;
  t->upper = flags & kUpperFlag;
  t->all_upper = flags & kAllUpperFlag;
#endif
}

inline uint64_t type_flag(TokType type) {
  return static_cast<uint64_t>(type) << kTypeShift;
}

// Tokens are written through a plain pointer into slots made in blocks:
// push_back would reload the vector after every store that may alias it
// (a token's bytes, the lower-case copy). The slots are made without being
// written (see UnwrittenAllocator); at least kChunk slots are free after
// more_slots. A short text (a heading, a table cell, a unit) gets no more
// slots than it has bytes left, rather than a whole block: the block would
// cost an allocation larger than the rest of its tokenizing.
constexpr size_t kTokBlock = 1024;
constexpr size_t kChunk = 40;

__attribute__((noinline)) Tok* more_slots(TokVector& toks, Tok* out,
                                          size_t bytes_left) {
  const size_t used = static_cast<size_t>(out - toks.data());
  toks.resize(used + std::min(kTokBlock, bytes_left + kChunk));
  return toks.data() + used;
}

// What the tokenizer needs on its rare paths, kept in memory: the hot loop
// holds only the text, the position and the output in registers.
struct Rare {
  std::string_view s;
  char* low;
  char* moved;
  CharLookup lookup;
};

// Writes the lower-case form of the letter at j, `len` bytes long (two, or
// three led by 0xE1: a letter of the sequence tables), into the copy
// without a call; false if that form has another length.
inline bool rewrite_known(Rare& r, const unsigned char* p, size_t j,
                          size_t len) {
  const char32_t ch =
      len == 2 ? (p[j] & 0x1Fu) << 6 | (p[j + 1] & 0x3Fu)
               : 0x1000u | (p[j + 1] & 0x3Fu) << 6 | (p[j + 2] & 0x3Fu);
  const CharInfo& ci = r.lookup(ch);
  if (!ci.same_len) return false;
  for (size_t m = 0; m < len; ++m) r.low[j + m] = ci.lower_utf8[m];
  return true;
}

// letters_end() for a word slow_token must read: a character the sequence
// tables do not cover, or a letter whose lower-case form has another length.
constexpr size_t kNotSimple = SIZE_MAX;

// The letter outside ASCII led by byte d at j, from the sequence tables:
// its WordBits and length in `bits` and `len`, its lower-case form written
// into the copy. kEnd if the character is no letter (the word ends before
// it), kSlow for one slow_token must read.
enum class TableLetter : uint8_t { kLetter, kEnd, kSlow };
VNLEGAL_TOKENS_INLINE TableLetter table_letter(Rare& r, const unsigned char* p,
                                               const unsigned char* copy,
                                               size_t j, unsigned d,
                                               unsigned& bits, size_t& len) {
  if (d < 0xE0) {
    bits = g_two[(d - 0xC0) << 8 | copy[j + 1]];
    len = 2;
  } else if (d == 0xE1) {
    bits = g_e1[copy[j + 1] << 8 | copy[j + 2]];
    len = 3;
  } else {
    return TableLetter::kSlow;
  }
  if (!(bits & (kBitSmall | kBitCapital | kBitMark))) return TableLetter::kEnd;
  if ((bits & kBitRewrite) && !rewrite_known(r, p, j, len))
    return TableLetter::kSlow;
  return TableLetter::kLetter;
}

// Where the word whose letters go on at j ends (or kNotSimple), writing its
// capitals in lower case into the copy. kCount: its letters' WordBits are
// gathered into `seen` and its capitals counted into `capitals`, which only
// a word that starts with a capital needs.
template <bool kCount>
VNLEGAL_TOKENS_INLINE size_t letters_end(Rare& r, const unsigned char* p,
                                         const unsigned char* copy, size_t n,
                                         size_t j, unsigned& seen,
                                         unsigned& capitals) {
  for (;;) {
    unsigned d;
    if (!kCount) {
      // Small and capital ASCII letters are alike here, so the copy is
      // read: its ASCII is in small letters, and the zero after it ends the
      // word at the end of the text without a comparison with the length.
      d = copy[j];
      if (d - 'a' < 26) {
        do {
          ++j;
        } while (static_cast<unsigned>(copy[j] - 'a') < 26);
        continue;
      }
      if (d < 0xC0) return j;  // not a letter, or a stray continuation byte
    } else {
      if (j >= n) return j;
      d = p[j];
      if (d - 'a' < 26) {
        seen |= kBitSmall;
        do {
          ++j;
        } while (j < n && static_cast<unsigned>(p[j] - 'a') < 26);
        continue;
      }
      if (d < 0xC0) {
        if (d - 'A' >= 26) return j;  // as above
        ++capitals;
        ++j;
        continue;
      }
    }
    unsigned bits;
    size_t len;
    const TableLetter letter = table_letter(r, p, copy, j, d, bits, len);
    if (letter != TableLetter::kLetter)
      return letter == TableLetter::kEnd ? j : kNotSimple;
    if (kCount) {
      seen |= bits;
      capitals += (bits >> 1) & 1;
    }
    j += len;
  }
}

// The same for any letter at j (the word goes to slow_word on false).
__attribute__((noinline)) bool rewrite(Rare& r, size_t j) {
  char32_t ch = 0;
  const size_t l = decode_utf8(r.s, j, ch);
  const CharInfo& ci = r.lookup(ch);
  if (!ci.same_len) return false;
  for (size_t m = 0; m < l; ++m) r.low[j + m] = ci.lower_utf8[m];
  return true;
}

// The WordBits of the character at j that the sequence tables do not
// cover, with its length in bits 8 and up; 0 if it is malformed.
__attribute__((noinline)) unsigned other_bits(Rare& r, size_t j) {
  char32_t ch;
  const size_t l = decode_utf8(r.s, j, ch);
  if (l == 0) return 0;
  return r.lookup.bits(ch) | static_cast<unsigned>(l) << 8;
}

// Where the scan goes on after a step taken off the hot path: the
// position, the separation, the next free slot, and for a word to scan
// from here the length and WordBits of its first character.
struct Step {
  size_t i;
  uint64_t sep;
  Tok* out;
  size_t word_len;
  unsigned word_bits;
};

// A character outside ASCII that does not start a word the tables know: a
// separator, a mark of punctuation, a word for slow_word, or a word whose
// first letter is written in lower case here before the scan goes on.
__attribute__((noinline)) Step other_start(Rare& r, size_t i, uint64_t sep,
                                           Tok* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(r.s.data());
  char32_t cp;
  const size_t len = decode_at(r.s, p, i, r.s.size(), cp);
  if (len == 0)  // invalid byte: treat as a separator
    return {i + 1, sep & ~kAttachedFlag, out, 0, 0};
  const CharInfo& ci = r.lookup(cp);
  if (ci.gap) return {i + len, sep & ~kAttachedFlag, out, 0, 0};
  if (!ci.letter) {
    size_t lend = i + len;
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212) {
      r.low[i] = '-';
      lend = i + 1;
    }
    store(out, span_word(i, i + len), span_word(i, lend),
          sep | type_flag(TokType::kPunct));
    return {i + len, kAttachedFlag, out + 1, 0, 0};
  }
  if (ci.kind == kMark || !ci.same_len) {
    const Word w = slow_word(r.s, i, r.low, r.moved, r.lookup);
    store(out, span_word(i, w.end), span_word(w.lbegin, w.lend),
          sep | (w.upper ? kUpperFlag : 0) | (w.all_upper ? kAllUpperFlag : 0));
    return {w.end, kAttachedFlag, out + 1, 0, 0};
  }
  if (!ci.same)
    for (size_t m = 0; m < len; ++m) r.low[i + m] = ci.lower_utf8[m];
  return {i, sep, out, len, ci.bits};
}

// Where an HTML tag that opens at i ends (it closes on the same line
// within 400 bytes), or 0.
__attribute__((noinline)) size_t tag_end(const unsigned char* p, size_t n,
                                         size_t i) {
  if (i + 1 < n && (ascii_alpha(p[i + 1]) || p[i + 1] == '/')) {
    const size_t lim = std::min(n, i + 400);
    const void* close = std::memchr(p + i + 1, '>', lim - (i + 1));
    if (close) {
      const size_t cl =
          static_cast<size_t>(static_cast<const unsigned char*>(close) - p);
      if (!std::memchr(p + i, '\n', cl - i)) return cl + 1;
    }
  }
  return 0;
}

// One token at i the fast loop leaves alone: a word with a letter the
// sequence tables do not cover or one to write in lower case, anything
// else that starts outside ASCII, and '<'. Returns where the scan goes on.
__attribute__((noinline)) Step slow_token(Rare& r, size_t i, uint64_t sep,
                                          Tok* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(r.s.data());
  const size_t n = r.s.size();
  const uint8_t cls = kBytes.c[p[i]];
  size_t len = 1;
  unsigned first;
  if (cls == kLess) {
    if (const size_t e = tag_end(p, n, i))
      return {e, sep & ~kAttachedFlag, out, 0, 0};
    const uint64_t span = span_word(i, i + 1);
    store(out, span, span, sep | type_flag(TokType::kPunct));
    return {i + 1, kAttachedFlag, out + 1, 0, 0};
  }
  if (cls == kHigh) {
    const Step st = other_start(r, i, sep, out);
    if (st.word_len == 0) return st;
    len = st.word_len;
    first = st.word_bits;
  } else {
    first = cls == kUpper ? kBitCapital : kBitSmall;
  }
  size_t j = i + len;
  unsigned seen = first, capitals = (first >> 1) & 1;
  while (j < n) {
    const unsigned d = p[j];
    if (d - 'a' < 26) {
      seen |= kBitSmall;
      ++j;
      continue;
    }
    if (d - 'A' < 26) {
      ++capitals;
      ++j;
      continue;
    }
    if (d < 0x80) break;
    const unsigned bits = other_bits(r, j);
    if (!(bits & (kBitSmall | kBitCapital | kBitMark))) break;
    seen |= bits;
    capitals += (bits >> 1) & 1;
    if ((bits & kBitRewrite) && !rewrite(r, j)) {
      const Word w = slow_word(r.s, i, r.low, r.moved, r.lookup);
      store(
          out, span_word(i, w.end), span_word(w.lbegin, w.lend),
          sep | (w.upper ? kUpperFlag : 0) | (w.all_upper ? kAllUpperFlag : 0));
      return {w.end, kAttachedFlag, out + 1, 0, 0};
    }
    j += bits >> 8;
  }
  if (j - i <= 2) j = with_exponent(p, n, i, j);
  const uint64_t span = span_word(i, j);
  store(out, span, span,
        sep | (first & kBitCapital ? kUpperFlag : 0) |
            (capitals >= 2 && !(seen & kBitSmall) ? kAllUpperFlag : 0));
  return {j, kAttachedFlag, out + 1, 0, 0};
}

// The buffers of the last large text tokenized on this thread, kept for the
// next one: a document's tokens take about six times its size, and memory
// handed back to the system between documents comes back as fresh pages,
// each a page fault, which cost more than the tokenizing itself. Small texts
// (headings, table cells) are left to malloc; very large ones are not kept.
struct Spare {
  std::unique_ptr<char[]> lower;
  size_t lower_size = 0;
  TokVector toks;
};
thread_local Spare t_spare;
constexpr size_t kMinKept = size_t{1} << 16;
constexpr size_t kMaxKept = size_t{1} << 26;

}  // namespace

Tokens::~Tokens() {
  if (lower_size_ >= kMinKept && lower_size_ <= kMaxKept &&
      lower_size_ > t_spare.lower_size) {
    t_spare.lower = std::move(lower_);
    t_spare.lower_size = lower_size_;
  }
  const size_t toks_bytes = toks_.capacity() * sizeof(Tok);
  if (toks_bytes >= kMinKept && toks_bytes <= kMaxKept &&
      toks_.capacity() > t_spare.toks.capacity()) {
    toks_.clear();
    t_spare.toks.swap(toks_);
  }
}

Tokens::Tokens(std::string_view s) {
  // The lower-case copy starts as a copy of the text with the ASCII
  // capitals made small: no ASCII letter is part of a number or of a
  // punctuation token, so only the capitals outside ASCII are left for the
  // words to write. Two zeros follow the copy while the text is scanned.
  // A word whose lower-case form has another length (a handful of
  // characters outside Vietnamese, e.g. U+0130, U+212A) is written again
  // after them, where 2n more bytes leave room for any text (no character
  // grows by more than half), and moved over them at the end. That part of
  // the buffer is not zero-filled: every byte a token points at is written
  // first.
  const size_t n = s.size();
  lower_size_ = 3 * n + 18;
  if (lower_size_ >= kMinKept && t_spare.lower_size >= lower_size_) {
    lower_ = std::move(t_spare.lower);
    lower_size_ = t_spare.lower_size;
    t_spare.lower_size = 0;
  } else {
    lower_.reset(new char[lower_size_]);
  }
  char* const low = lower_.get();
  copy_ascii_lower(low, s.data(), n);
  low[n] = low[n + 1] = '\0';
  if ((n / 3 + 16) * sizeof(Tok) >= kMinKept) toks_.swap(t_spare.toks);
  toks_.clear();
  // A short text has room for as many tokens as bytes at once: more_slots
  // then never grows it.
  toks_.reserve(n < kTokBlock ? n + kChunk : n / 3 + 16);
  sequence_bits_ready();
  Rare r{s, low, low + n + 2, {}};
  const auto* const p = reinterpret_cast<const unsigned char*>(s.data());
  // The copy, read where the two zeros after it spare a comparison with
  // the length: the bytes after a lead byte, and the byte after a token.
  const auto* const copy = reinterpret_cast<const unsigned char*>(low);
  Tok* out = toks_.data();
  Tok* out_end = out;  // end of the slots made
  size_t i = 0;
  // The first token starts a line.
  uint64_t sep = kNewlineFlag;
  while (i < n) {
    // A token takes at least one byte: the tokens that start in the next
    // kChunk bytes fill at most kChunk slots, which need no check each.
    if (static_cast<size_t>(out_end - out) < kChunk) {
      out = more_slots(toks_, out, n - i);
      out_end = toks_.data() + toks_.size();
    }
    const size_t stop = n - i > kChunk ? i + kChunk : n;
    // The common tokens, without a call: the loop keeps its values in
    // registers. It stops at the end of the chunk or before a token it
    // leaves to slow_token.
    while (i < stop) {
      const unsigned c = p[i];
      const uint8_t cls = kBytes.c[c];
      // The length and WordBits of the first character of a word.
      size_t len = 1;
      unsigned first;
      if (cls == kLower) {
        first = kBitSmall;
      } else if (cls == kUpper) {
        first = kBitCapital;
      } else if (cls == kHigh) {
        // Most words outside ASCII start with a small or capital letter
        // its own length in lower case, found without decoding.
        first = 0;
        if (c < 0xE0) {
          if (c >= 0xC0) {
            first = g_two[(c - 0xC0) << 8 | copy[i + 1]];
            len = 2;
          }
        } else if (c == 0xE1) {
          first = g_e1[copy[i + 1] << 8 | copy[i + 2]];
          len = 3;
        }
        if (!(first & (kBitSmall | kBitCapital)) ||
            ((first & kBitRewrite) && !rewrite_known(r, p, i, len)))
          break;
      } else if (cls == kNewline) {
        sep = (sep | kNewlineFlag | kLineSeen |
               (sep & kLineSeen ? kBlankFlag : 0)) &
              ~kAttachedFlag;
        ++i;
        continue;
      } else if (cls == kGapByte) {
        sep &= ~kAttachedFlag;
        ++i;
        continue;
      } else if (cls == kDigit) {
        // Digits and separators are the same in the copy, whose zeros end
        // a number at the end of the text.
        size_t j = i + 1;
        for (;;) {
          const unsigned d = copy[j];
          if (d - '0' < 10) {
            ++j;
          } else if ((d == '.' || d == ',') &&
                     static_cast<unsigned>(copy[j + 1] - '0') < 10) {
            j += 2;
          } else {
            break;
          }
        }
        const uint64_t span = span_word(i, j);
        store(out++, span, span, sep | type_flag(TokType::kNumber));
        sep = kAttachedFlag;
        i = j;
        continue;
      } else if (cls == kLess) {
        break;
      } else {  // kPunctByte
        const uint64_t span = span_word(i, i + 1);
        store(out++, span, span, sep | type_flag(TokType::kPunct));
        sep = kAttachedFlag;
        ++i;
        if (copy[i] == ' ') {
          sep &= ~kAttachedFlag;
          ++i;
        }
        continue;
      }
    word:
      // A word of letters and marks the sequence tables know. One that
      // starts with a small letter is neither capitalized nor all capitals:
      // its letters are not counted.
      uint64_t flags = sep;
      size_t j;
      if (first & kBitCapital) {
        unsigned seen = first, capitals = 1;
        j = letters_end<true>(r, p, copy, n, i + len, seen, capitals);
        flags |= kUpperFlag |
                 (capitals >= 2 && !(seen & kBitSmall) ? kAllUpperFlag : 0);
      } else {
        unsigned seen = 0, capitals = 0;
        j = letters_end<false>(r, p, copy, n, i + len, seen, capitals);
      }
      if (j == kNotSimple) break;
      if (j - i <= 2) j = with_exponent(p, n, i, j);
      const uint64_t span = span_word(i, j);
      store(out++, span, span, flags);
      sep = kAttachedFlag;
      i = j;
      // Most words are followed by one space and a small ASCII letter: go on
      // with the next word without a dispatch.
      if (copy[i] == ' ') {
        sep &= ~kAttachedFlag;
        ++i;
        if (i < stop && static_cast<unsigned>(p[i] - 'a') < 26) {
          len = 1;
          first = kBitSmall;
          goto word;
        }
      }
    }
    if (i < stop) {
      const Step st = slow_token(r, i, sep, out);
      i = st.i;
      sep = st.sep;
      out = st.out;
    }
  }
  toks_.resize(static_cast<size_t>(out - toks_.data()));
  size_ = toks_.size();
  if (r.moved != low + n + 2) {
    // The words written after the copy move down over the two zeros, no
    // longer needed, to start right after the copy.
    std::memmove(low + n, low + n + 2,
                 static_cast<size_t>(r.moved - (low + n + 2)));
    for (Tok& t : toks_)
      if (t.lbegin > n) {
        t.lbegin -= 2;
        t.lend -= 2;
      }
  }
}

bool Tokens::ends_before(size_t i,
                         std::initializer_list<std::string_view> phrase) const {
  if (phrase.size() > i) return false;
  return match(i - phrase.size(), phrase);
}

std::string Tokens::text(std::string_view src, size_t a, size_t b) const {
  std::string out;
  if (toks_.empty()) return out;
  if (b >= size_) b = size_ - 1;
  if (a > b) return out;
  // The first byte of a punctuation token, 0 for other tokens.
  auto punct_byte = [&](const Tok& t) {
    return t.type == TokType::kPunct && t.begin < src.size() ? src[t.begin]
                                                             : '\0';
  };
  // Written in place: the tokens' bytes plus at most one space before each.
  size_t cap = 0;
  for (size_t k = a; k <= b; ++k) cap += toks_[k].end - toks_[k].begin + 1;
  out.resize(cap);
  char* const start = out.data();
  char* p = start;
  for (size_t k = a; k <= b; ++k) {
    const Tok& t = toks_[k];
    bool tight = t.attached;
    if (!tight) {
      switch (punct_byte(t)) {
        case ',':
        case ';':
        case ':':
        case '.':
        case ')':
        case '%':
          tight = true;
          break;
        default:
          break;
      }
    }
    if (k > a && !tight) *p++ = ' ';
    if (k > a && k > 0 && punct_byte(toks_[k - 1]) == '(' && p != start &&
        p[-1] == ' ')
      --p;
    const std::string_view piece = src.substr(t.begin, t.end - t.begin);
    std::memcpy(p, piece.data(), piece.size());
    p += piece.size();
  }
  out.resize(static_cast<size_t>(p - start));
  return out;
}

}  // namespace vnlegal::internal
