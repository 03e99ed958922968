// The tokenizer against the straightforward version it replaced, kept here
// as the reference: every field of every token, on the corpus documents as
// the pipeline sees them and on strings built to hit the edge cases (markup
// inside words, broken UTF-8, combining marks, characters whose lower-case
// form has another length, text ending mid-character).
#include "extract/quantities_tokens.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "internal/utf8.h"
#include "test_documents.h"
#include "vnlegal/io.h"
#include "vnlegal/normalize.h"

namespace vnlegal::internal {
namespace {

// The tokenizer as it was before its fast path: kept as the reference the
// current one must match token for token.
struct RefTokens {
  explicit RefTokens(std::string_view s);
  std::string_view low(size_t i) const {
    return std::string_view(lower_.get() + toks_[i].lbegin,
                            toks_[i].lend - toks_[i].lbegin);
  }
  std::unique_ptr<char[]> lower_;
  size_t lower_size_ = 0;
  std::vector<Tok> toks_;
};

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
};

// Characters that separate tokens without being tokens themselves.
bool is_gap_cp(char32_t cp) {
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
      return u_isUWhiteSpace(cp);
  }
}

CharInfo make_info(char32_t c) {
  const bool mark = u_charType(c) == U_NON_SPACING_MARK;
  CharInfo ci{{},
              0,
              static_cast<bool>(u_isalpha(c)) || mark,
              static_cast<bool>(u_isupper(c)),
              mark,
              is_gap_cp(c),
              kNotLetter,
              false,
              false};
  if (ci.letter) ci.kind = mark ? kMark : ci.upper ? kCapital : kSmall;
  const auto lower = static_cast<char32_t>(u_tolower(c));
  std::string enc, self;
  append_utf8(enc, lower);
  append_utf8(self, c);
  ci.same = lower == c;
  ci.same_len = enc.size() == self.size();
  ci.lower_len = static_cast<uint8_t>(enc.size());
  for (size_t k = 0; k < enc.size(); ++k) ci.lower_utf8[k] = enc[k];
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

RefTokens::RefTokens(std::string_view s) {
  // The lower-case copy starts as a copy of the text, lowered in place: most
  // tokens are already in small letters and then need no writing at all. A
  // word whose lower-case form has another length (a handful of characters
  // outside Vietnamese, e.g. U+0130, U+212A) is written again after the
  // copy, where 2n more bytes leave room for any text (no character grows
  // by more than half). The buffer is not zero-filled: every byte a token
  // points at is written first.
  const CharInfo* table = info_table();
  const size_t n = s.size();
  lower_size_ = 3 * n + 16;
  lower_.reset(new char[lower_size_]);
  char* const lbase = lower_.get();
  if (n) std::memcpy(lbase, s.data(), n);
  char* moved = lbase + n;  // next free byte after the copy
  toks_.reserve(n / 3 + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const s_p = p;
  const size_t s_n = n;
  char** const s_moved = &moved;
  size_t i = 0;
  int newlines = 0;
  bool gap = true;
  // A token is filled in locally and appended once complete.
  auto start = [&](TokType type, size_t b) -> Tok {
    const bool first = toks_.empty();
    Tok t{};
    t.type = type;
    t.begin = static_cast<uint32_t>(b);
    t.lbegin = static_cast<uint32_t>(b);
    t.newline = newlines > 0 || first;
    t.blank = newlines > 1;
    t.attached = !gap && !first;
    newlines = 0;
    gap = false;
    return t;
  };
  // Information on a non-ASCII character; ICU only above the table, once
  // per character and document for the last few seen (arrows, symbols).
  struct Cached {
    char32_t cp = 0;
    CharInfo info{};
  };
  Cached cache[16];
  auto lookup = [&](char32_t cp) -> const CharInfo& {
    if (cp < kTableSize) return table[cp];
    Cached& c = cache[cp & 15];
    if (c.cp != cp) c = {cp, make_info(cp)};
    return c.info;
  };
  // Inlined: a call per word costs more than the letters of most words.
  auto word = [&](size_t i) __attribute__((always_inline))->size_t {
    Tok t = start(TokType::kWord, i);
    // Locals, not the captured variables: stores through a char pointer
    // may alias anything, which would make the compiler reload them.
    const unsigned char* const p = s_p;
    const size_t n = s_n;
    char* const low = lbase;
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
      const CharInfo& ci = ch < kTableSize ? table[ch] : lookup(ch);
      return note_letter(ci.kind) ? &ci : nullptr;
    };
    // Set when the word has to be written after the copy: where it goes.
    char* out = nullptr;
    while (j < n) {
      unsigned char d = p[j];
      const uint8_t k = kBytes.c[d];
      if (k == kLower) {
        // Most of the text: a run of small ASCII letters.
        note_letter(kSmall);
        do {
          ++j;
        } while (j < n && kBytes.c[d = p[j]] == kLower);
        continue;
      }
      if (k == kUpper) {
        note_letter(kCapital);
        low[j] = static_cast<char>(d - 'A' + 'a');
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
          out = *s_moved;
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
    // Square and cubic units keep their exponent: "m2", "km2", "m3".
    if (j - i <= 2 && j + 1 <= n && (p[j] == '2' || p[j] == '3') &&
        (j + 1 == n || !(ascii_alpha(p[j + 1]) || ascii_digit(p[j + 1])))) {
      bool ascii = true;
      for (size_t m = i; m < j; ++m) ascii &= ascii_alpha(p[m]);
      if (ascii) {
        // An ASCII word was lowered in place, where the digit follows.
        ++j;
      }
    }
    t.upper = first_upper;
    t.all_upper = uppers >= 2 && !not_upper;
    t.end = static_cast<uint32_t>(j);
    if (out) {
      t.lbegin = static_cast<uint32_t>(*s_moved - low);
      t.lend = static_cast<uint32_t>(out - low);
      *s_moved = out;
    } else {
      t.lend = static_cast<uint32_t>(j);
    }
    toks_.push_back(t);
    return j;
  };
  auto punct = [&](size_t i, size_t len, char32_t cp) -> size_t {
    Tok t = start(TokType::kPunct, i);
    t.lend = static_cast<uint32_t>(i + len);
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212) {
      lbase[i] = '-';
      t.lend = static_cast<uint32_t>(i + 1);
    }
    t.end = static_cast<uint32_t>(i + len);
    toks_.push_back(t);
    return i + len;
  };
  while (i < n) {
    const unsigned char c = p[i];
    switch (kBytes.c[c]) {
      case kNewline:
        ++newlines;
        gap = true;
        ++i;
        continue;
      case kGapByte:
        gap = true;
        ++i;
        continue;
      case kLess:
        if (i + 1 < n && (ascii_alpha(p[i + 1]) || p[i + 1] == '/')) {
          // A tag closes on the same line within 400 bytes.
          const size_t lim = std::min(n, i + 400);
          const void* close = std::memchr(p + i + 1, '>', lim - (i + 1));
          if (close) {
            const size_t cl = static_cast<size_t>(
                static_cast<const unsigned char*>(close) - p);
            if (!std::memchr(p + i, '\n', cl - i)) {
              gap = true;
              i = cl + 1;
              continue;
            }
          }
        }
        i = punct(i, 1, c);
        continue;
      case kDigit: {
        Tok t = start(TokType::kNumber, i);
        size_t j = i;
        while (j < n) {
          if (ascii_digit(p[j])) {
            ++j;
          } else if ((p[j] == '.' || p[j] == ',') && j + 1 < n &&
                     ascii_digit(p[j + 1])) {
            ++j;
          } else {
            break;
          }
        }
        t.end = static_cast<uint32_t>(j);
        t.lend = static_cast<uint32_t>(j);
        toks_.push_back(t);
        i = j;
        continue;
      }
      case kLower:
      case kUpper:
        i = word(i);
        // Most words are followed by one space: skip it without a dispatch.
        if (i < n && p[i] == ' ') {
          gap = true;
          ++i;
        }
        continue;
      case kPunctByte:
        i = punct(i, 1, c);
        if (i < n && p[i] == ' ') {
          gap = true;
          ++i;
        }
        continue;
      default: {
        char32_t cp;
        const size_t len = decode_at(s, p, i, n, cp);
        if (len == 0) {  // invalid byte: treat as a separator
          gap = true;
          ++i;
          continue;
        }
        const CharInfo& ci = lookup(cp);
        if (ci.gap) {
          gap = true;
          i += len;
          continue;
        }
        i = ci.letter ? word(i) : punct(i, len, cp);
        if (i < n && p[i] == ' ') {
          gap = true;
          ++i;
        }
        continue;
      }
    }
  }
}

// Empty when the tokens agree, else the first difference.
std::string compare(std::string_view s) {
  const Tokens got(s);
  const RefTokens want(s);
  if (got.size() != want.toks_.size())
    return "count " + std::to_string(got.size()) + " vs " +
           std::to_string(want.toks_.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const Tok& a = got[i];
    const Tok& b = want.toks_[i];
    if (a.begin != b.begin || a.end != b.end || a.lbegin != b.lbegin ||
        a.lend != b.lend || a.type != b.type || a.newline != b.newline ||
        a.blank != b.blank || a.attached != b.attached || a.upper != b.upper ||
        a.all_upper != b.all_upper || got.low(i) != want.low(i))
      return "token " + std::to_string(i) + " at byte " +
             std::to_string(b.begin) + ": '" + std::string(got.low(i)) +
             "' vs '" + std::string(want.low(i)) + "'";
  }
  return "";
}

std::string hex(std::string_view s) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
    out += ' ';
  }
  return out;
}

TEST(QuantitiesTokens, SameAsTheReferenceOnTheCorpus) {
  const std::string dir = std::string(VNLEGAL_SOURCE_DIR) + "/corpus/docs";
  size_t docs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const std::string bytes = testing::slurp("corpus/docs/" + name);
    const ReadResult read = read_document(bytes, name);
    const std::string text = normalize(read.text).text;
    ++docs;
    EXPECT_EQ(compare(text), "") << name;
    // Pieces cut anywhere, as headings and labels are: the fast paths end
    // within sixteen bytes of the end.
    for (size_t from = 0; from < text.size() && from < 20000; from += 97)
      for (size_t len : {1, 2, 3, 5, 15, 16, 17, 33, 200})
        ASSERT_EQ(compare(std::string_view(text).substr(from, len)), "")
            << name << " from " << from << " length " << len;
  }
  EXPECT_GT(docs, 10u);
}

TEST(QuantitiesTokens, SameAsTheReferenceOnHostileStrings) {
  const std::vector<std::string> cases = {
      "**20%\n**xã",
      "đạt **20%\n**xã hội",
      "Hà_Nội *Điều* 5#a `x`",
      "Th\xc3\xa0nh ph\xe1\xbb\x91 H\xe1\xbb\x92 CH\xc3\x8d MINH",
      "m2 km2 m3 m23 m2a Km2, m\xc2\xb2 2m2",
      "a\xcc\x81"
      "b \xcc\x81"
      "A \xcc\x81\xcc\x81",  // combining marks
      "x\xc2\xa0y\ttab\r\nCRLF\n\nblank",
      "10a 1.000,5kg a1 1,2,3. 4.",
      "\x80"
      "a\xbf \xe1\xba b\xe1 c\xc3",  // lone and cut sequences
      "\xed\xa0\x80x \xe0\x80\x80y \xc0\x80z \xf4\x90\x80\x80w",
      "\xc4\xb0STANBUL \xe2\x84\xaa"
      "ELVIN a\xc4\xb0"
      "b",  // other lengths
      "\xe1\xba\x9e\xc3\x9f \xc7\x85 \xce\xa3\xce\x91 \xcf\x82",
      "\xe2\x80\x9cqu\xe1\xbb\x91"
      "c\xe2\x80\x9d \xe2\x80\x93 "
      "\xe2\x88\x92 \xe2\x80\x94 \xe2\x86\x92 \xf0\x9f\x98\x80",
      "a<b>c</b> <3 <a\nb> x<y",
      "AB ABC Ab aB A \xc4\x90\xe1\xbb\x80U \xc4\x90i",
      "\xef\xbb\xbfword\xe2\x80\x8bword\xc2\xadx",
  };
  for (const std::string& c : cases) EXPECT_EQ(compare(c), "") << hex(c);
  // Every string of up to four pieces, then longer random ones: pieces
  // glued together make the boundaries the cases above do not think of.
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "\xc4\x91",
                                           "\xc4\x90",
                                           "\xe1\xba\xa1",
                                           "\xe1\xba\xa0",
                                           "\xcc\x81",
                                           "\xc2\xa0",
                                           "\t",
                                           "\r\n",
                                           "\n",
                                           " ",
                                           "*",
                                           "<b>",
                                           "<",
                                           "\xe2\x80\x93",
                                           "2",
                                           "m",
                                           "%",
                                           ",",
                                           ".",
                                           "\x80",
                                           "\xe1\xba",
                                           "\xc4\xb0",
                                           "\xe2\x84\xaa",
                                           "\xf0\x9f\x98\x80",
                                           "\xc3\x97",
                                           "\xe2\x80\x9c",
                                           "'"};
  std::vector<std::string> strings = {""};
  for (int len = 1; len <= 3; ++len) {
    std::vector<std::string> next;
    for (const std::string& s : strings)
      for (const std::string& p : pieces) next.push_back(s + p);
    for (const std::string& s : next) ASSERT_EQ(compare(s), "") << hex(s);
    strings = std::move(next);
  }
  uint64_t state = 88172645463325252ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const size_t len = next() % 40;
    for (size_t m = 0; m < len; ++m) s += pieces[next() % pieces.size()];
    ASSERT_EQ(compare(s), "") << hex(s);
  }
}

}  // namespace
}  // namespace vnlegal::internal
