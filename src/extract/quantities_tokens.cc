#include "extract/quantities_tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <vector>

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

// The buffers of the last large text tokenized on this thread, kept for the
// next one: a document's tokens take about six times its size, and memory
// handed back to the system between documents comes back as fresh pages,
// each a page fault, which cost more than the tokenizing itself. Small texts
// (headings, table cells) are left to malloc; very large ones are not kept.
struct Spare {
  std::unique_ptr<char[]> lower;
  size_t lower_size = 0;
  std::vector<Tok> toks;
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
  if (lower_size_ >= kMinKept && t_spare.lower_size >= lower_size_) {
    lower_ = std::move(t_spare.lower);
    lower_size_ = t_spare.lower_size;
    t_spare.lower_size = 0;
  } else {
    lower_.reset(new char[lower_size_]);
  }
  char* const lbase = lower_.get();
  if (n) std::memcpy(lbase, s.data(), n);
  char* moved = lbase + n;  // next free byte after the copy
  if ((n / 3 + 16) * sizeof(Tok) >= kMinKept) toks_.swap(t_spare.toks);
  toks_.clear();
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
    Tok t;
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

bool Tokens::ends_before(size_t i,
                         std::initializer_list<std::string_view> phrase) const {
  if (phrase.size() > i) return false;
  return match(i - phrase.size(), phrase);
}

std::string Tokens::text(std::string_view src, size_t a, size_t b) const {
  std::string out;
  if (toks_.empty()) return out;
  if (b >= toks_.size()) b = toks_.size() - 1;
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
