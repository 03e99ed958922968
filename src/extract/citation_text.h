// Text helpers for citation parsing: Vietnamese case folding, word
// boundaries and a tiny tokenizer that works directly on the normalized
// UTF-8 text (no copies of the document).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

#include "internal/utf8.h"

namespace vnlegal::citation {

// Lower-cases one code point of the Vietnamese repertoire. Ð (U+00D0, the
// Icelandic eth that legacy fonts and OCR put for Đ) folds to đ as well.
inline char32_t lower_cp(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0xD0 || c == 0xF0 || c == 0x110) return 0x111;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if ((c >= 0x100 && c <= 0x12F) || (c >= 0x14A && c <= 0x177)) return c | 1;
  if (c == 0x1A0 || c == 0x1AF) return c + 1;
  if (c >= 0x1EA0 && c <= 0x1EF9) return c | 1;
  return c;
}

inline bool is_word_cp(char32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x300 && c <= 0x36F);
}

inline char32_t cp_at(std::string_view s, size_t i, size_t* len) {
  char32_t c = 0;
  size_t n = internal::decode_utf8(s, i, c);
  if (n == 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  return c;
}

// The code point that ends just before byte `i` (0 at the start).
inline char32_t cp_before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t k = i - 1;
  while (k > 0 && i - k < 4 &&
         (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80)
    --k;
  size_t len = 0;
  char32_t c = cp_at(s, k, &len);
  return k + len == i ? c : 0xFFFD;
}

inline bool is_upper_cp(char32_t c) { return lower_cp(c) != c; }

inline std::string fold_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    char32_t c = cp_at(s, i, &len);
    internal::append_utf8(out, lower_cp(c));
    i += len;
  }
  return out;
}

// Lower-cases a short word into `buf` (words longer than the buffer are
// cut, which no keyword or stop word is).
inline std::string_view fold_small(std::string_view s, char (&buf)[64]) {
  size_t o = 0;
  const size_t n = s.size();
  for (size_t i = 0; i < n && o + 4 <= sizeof(buf);) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      buf[o++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    // Two-byte letters of U+00C0-U+01BF, decoded by lower_cp's rules
    // without decoding: the case bit is in the second byte.
    if (b >= 0xC3 && b <= 0xC6 && i + 1 < n) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      if ((b1 & 0xC0) == 0x80) {
        unsigned char l0 = static_cast<unsigned char>(b), l1 = b1;
        if (b == 0xC3) {
          if (b1 == 0x90 || b1 == 0xB0) {  // Ð, ð -> đ
            l0 = 0xC4;
            l1 = 0x91;
          } else if (b1 <= 0x9E && b1 != 0x97) {
            l1 = static_cast<unsigned char>(b1 + 0x20);
          }
        } else if (b == 0xC4) {
          if (b1 <= 0xAF) l1 = static_cast<unsigned char>(b1 | 1);
        } else if (b == 0xC5) {
          if (b1 >= 0x8A && b1 <= 0xB7) l1 = static_cast<unsigned char>(b1 | 1);
        } else if (b1 == 0xA0 || b1 == 0xAF) {  // Ơ, Ư
          l1 = static_cast<unsigned char>(b1 + 1);
        }
        buf[o++] = static_cast<char>(l0);
        buf[o++] = static_cast<char>(l1);
        i += 2;
        continue;
      }
    }
    // Vietnamese letters with two marks, U+1E80-U+1EFF (E1 BA xx, E1 BB
    // xx): lower_cp sets bit 0 of U+1EA0-U+1EF9, which is bit 0 of the
    // last byte.
    if (b == 0xE1 && i + 2 < n) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 == 0xBA || b1 == 0xBB) && (b2 & 0xC0) == 0x80) {
        const bool fold = b1 == 0xBA ? b2 >= 0xA0 : b2 <= 0xB9;
        buf[o++] = static_cast<char>(b);
        buf[o++] = static_cast<char>(b1);
        buf[o++] = static_cast<char>(fold ? (b2 | 1) : b2);
        i += 3;
        continue;
      }
    }
    size_t len = 0;
    const char32_t c = lower_cp(cp_at(s, i, &len));
    if (c < 0x800) {
      buf[o++] = static_cast<char>(0xC0 | (c >> 6));
      buf[o++] = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c >= 0x10000) {
      buf[o++] = static_cast<char>(0xF0 | (c >> 18));
      buf[o++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      buf[o++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      buf[o++] = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      buf[o++] = static_cast<char>(0xE0 | ((c >> 12) & 0x0F));
      buf[o++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      buf[o++] = static_cast<char>(0x80 | (c & 0x3F));
    }
    i += len;
  }
  return std::string_view(buf, o);
}

// Lower-cases `s` into out[0, s.size()): every code point keeps its byte
// length under lower_cp, so offsets into `s` stay offsets into `out`.
// Bytes that are not well-formed UTF-8 are copied as they are.
inline void fold_same_length(std::string_view s, char* out) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out[i] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    char32_t c = 0;
    const size_t n = internal::decode_utf8(s, i, c);
    if (n == 0) {
      out[i] = s[i];
      ++i;
      continue;
    }
    const char32_t l = lower_cp(c);
    if (n == 2) {
      out[i] = static_cast<char>(0xC0 | (l >> 6));
      out[i + 1] = static_cast<char>(0x80 | (l & 0x3F));
    } else if (n == 3) {
      out[i] = static_cast<char>(0xE0 | ((l >> 12) & 0x0F));
      out[i + 1] = static_cast<char>(0x80 | ((l >> 6) & 0x3F));
      out[i + 2] = static_cast<char>(0x80 | (l & 0x3F));
    } else {
      for (size_t k = 0; k < n; ++k) out[i + k] = s[i + k];
    }
    i += n;
  }
}

// A fixed set of words (under 128) for the stop-word tests run on every
// word of a citation: one multiplicative hash of the first eight bytes and
// the length, then open addressing. std::unordered_set hashes every byte
// and takes a modulo.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(words.begin(), words.end()) {}
  WordSet(const std::string_view* begin, const std::string_view* end) {
    for (const std::string_view* w = begin; w != end; ++w) {
      size_t i = slot(*w);
      while (!slots_[i].empty() && slots_[i] != *w) i = (i + 1) % kSize;
      slots_[i] = *w;
    }
  }

  bool contains(std::string_view w) const {
    // At most half the slots are taken: an empty one ends every probe.
    for (size_t i = slot(w);; i = (i + 1) % kSize) {
      if (slots_[i].empty()) return false;
      if (slots_[i] == w) return true;
    }
  }

 private:
  static constexpr size_t kSize = 256;
  static size_t slot(std::string_view w) {
    uint64_t x = 0;
    if (!w.empty()) std::memcpy(&x, w.data(), std::min<size_t>(w.size(), 8));
    return static_cast<size_t>(((x ^ w.size()) * 0x9E3779B97F4A7C15ull) >> 56);
  }
  std::string_view slots_[kSize];
};

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Space for tokenizing: ASCII blanks, NBSP and markdown emphasis stars,
// which web copies leave inside citations.
inline size_t space_len(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

struct Token {
  size_t b = 0, e = 0;
  bool word = false;  // letters and digits
  bool line_break =
      false;  // a newline lies between the previous token and this
  bool blank_line = false;  // an empty line lies between them
  bool valid() const { return e > b; }
};

// Word bytes by UTF-8 lead byte: ASCII letters and digits, and the lead
// bytes of the Latin blocks Vietnamese uses (U+00C0-U+024F, combining marks,
// U+1E00-U+1EFF). U+0080-U+00BF (NBSP, guillemets) and U+2000 and above
// (quotes, dashes) are not word characters.
constexpr bool word_lead(unsigned char b) {
  if (b < 0x80)
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
  if (b == 0xC3) return true;  // checked for × ÷ by the caller
  return (b >= 0xC4 && b <= 0xCD) || b == 0xE1;
}

constexpr size_t seq_len(unsigned char b) {
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Length of the UTF-8 sequence a word lead byte starts (see word_lead),
// 0 for bytes that do not start a word character.
struct WordLeadTable {
  uint8_t len[256];
  constexpr WordLeadTable() : len() {
    for (int b = 0; b < 256; ++b)
      len[b] =
          word_lead(static_cast<unsigned char>(b))
              ? static_cast<uint8_t>(seq_len(static_cast<unsigned char>(b)))
              : 0;
  }
};
inline constexpr WordLeadTable kWordLead{};

// Reads the token starting at or after `i`: a word (letters/digits) or one
// other code point.
inline Token next_token(std::string_view s, size_t i) {
  Token t;
  int newlines = 0;
  const size_t n = s.size();
  while (i < n) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '*') {
      ++i;
    } else if (c == '\n') {
      ++newlines;
      ++i;
    } else if (c == '\xC2' && i + 1 < n && s[i + 1] == '\xA0') {
      i += 2;
    } else {
      break;
    }
  }
  t.line_break = newlines > 0;
  t.blank_line = newlines > 1;
  t.b = i;
  if (i >= n) {
    t.e = i;
    return t;
  }
  // Word characters step by their sequence length; × and ÷ (C3 97, C3 B7)
  // share the lead byte of the Latin-1 letters but are not letters.
  auto word_len_at = [&](size_t k) -> size_t {
    const auto b = static_cast<unsigned char>(s[k]);
    const size_t len = kWordLead.len[b];
    if (b == 0xC3 && k + 1 < n) {
      const auto b1 = static_cast<unsigned char>(s[k + 1]);
      if (b1 == 0x97 || b1 == 0xB7) return 0;
    }
    return len;
  };
  size_t len = word_len_at(i);
  if (!len) {
    t.e = std::min(n, i + seq_len(static_cast<unsigned char>(s[i])));
    return t;
  }
  t.word = true;
  while (len) {
    i = std::min(n, i + len);
    if (i >= n) break;
    len = word_len_at(i);
  }
  t.e = i;
  return t;
}

inline std::string_view tok_text(std::string_view s, const Token& t) {
  return s.substr(t.b, t.e - t.b);
}

// Compares `raw` folded to lower case with `lower` (well-formed, without
// U+FFFD, as many bytes as `raw`), without allocating. lower_cp keeps every
// code point's byte length and broken bytes never match, so the lengths
// must agree.
inline bool eq_fold_same_size(std::string_view raw, std::string_view lower) {
  size_t i = 0, j = 0;
  while (i < raw.size() && j < lower.size()) {
    size_t a = 0, b = 0;
    char32_t c = lower_cp(cp_at(raw, i, &a));
    char32_t d = cp_at(lower, j, &b);
    if (c != d) return false;
    i += a;
    j += b;
  }
  return i == raw.size() && j == lower.size();
}

// The size test first, where most words asked about fail, without a call.
inline bool eq_fold(std::string_view raw, std::string_view lower) {
  return raw.size() == lower.size() && eq_fold_same_size(raw, lower);
}

inline bool tok_is(std::string_view s, const Token& t, std::string_view lower) {
  return t.valid() && t.e - t.b == lower.size() &&
         eq_fold_same_size(tok_text(s, t), lower);
}

inline bool tok_upper_initial(std::string_view s, const Token& t) {
  if (!t.word) return false;
  const auto b = static_cast<unsigned char>(s[t.b]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  size_t len = 0;
  return is_upper_cp(cp_at(s, t.b, &len));
}

inline bool tok_all_digits(std::string_view s, const Token& t) {
  if (!t.word) return false;
  for (size_t k = t.b; k < t.e; ++k)
    if (!is_digit(s[k])) return false;
  return true;
}

inline bool tok_is_year(std::string_view s, const Token& t) {
  if (!tok_all_digits(s, t) || t.e - t.b != 4) return false;
  return (s[t.b] == '1' && s[t.b + 1] == '9') ||
         (s[t.b] == '2' && s[t.b + 1] == '0');
}

// True when every letter of the token is upper case (and it has one).
inline bool tok_all_upper(std::string_view s, const Token& t) {
  bool any = false;
  for (size_t i = t.b; i < t.e;) {
    size_t len = 0;
    char32_t c = cp_at(s, i, &len);
    if (lower_cp(c) != c)
      any = true;
    else if (c >= 0xC0 || (c >= 'a' && c <= 'z'))
      return false;
    i += len;
  }
  return any;
}

}  // namespace vnlegal::citation

namespace vnlegal::citation {

// Finds the leftmost label of a document's own number ("Số:", "SỐ :",
// "so:" in text typed without diacritics) in t[from, limit): the same
// matches as the pattern (?i:số|so)[ \t]*:[\s\x{00A0}*]* under RE2's
// Unicode case folding (s, S and the long s U+017F; ố, Ố; o, O), without a
// regex run over the header. Sets [*b, *e) to the whole label.
inline bool find_number_label(std::string_view t, size_t from, size_t limit,
                              size_t* b, size_t* e) {
  limit = std::min(limit, t.size());
  // Every label holds exactly one ':', and the label's start is fixed by
  // it (the blanks before it, then o and s), so the leftmost label is the
  // first ':' with a label before it.
  for (size_t c = from; c < limit; ++c) {
    const void* hit = std::memchr(t.data() + c, ':', limit - c);
    if (!hit) return false;
    c = static_cast<size_t>(static_cast<const char*>(hit) - t.data());
    size_t k = c;
    while (k > from && (t[k - 1] == ' ' || t[k - 1] == '\t')) --k;
    size_t o;  // start of the o
    if (k >= from + 1 && (t[k - 1] == 'o' || t[k - 1] == 'O')) {
      o = k - 1;
    } else if (k >= from + 3 && t[k - 3] == '\xE1' && t[k - 2] == '\xBB' &&
               (t[k - 1] == '\x91' || t[k - 1] == '\x90')) {
      o = k - 3;
    } else {
      continue;
    }
    size_t p;  // start of the s
    if (o >= from + 1 && (t[o - 1] == 's' || t[o - 1] == 'S')) {
      p = o - 1;
    } else if (o >= from + 2 && t[o - 2] == '\xC5' && t[o - 1] == '\xBF') {
      p = o - 2;
    } else {
      continue;
    }
    size_t q = c + 1;
    for (;;) {
      if (q < limit && (t[q] == ' ' || t[q] == '\t' || t[q] == '\n' ||
                        t[q] == '\f' || t[q] == '\r' || t[q] == '*')) {
        ++q;
      } else if (q + 1 < limit && t[q] == '\xC2' && t[q + 1] == '\xA0') {
        q += 2;
      } else {
        break;
      }
    }
    *b = p;
    *e = q;
    return true;
  }
  return false;
}

}  // namespace vnlegal::citation
