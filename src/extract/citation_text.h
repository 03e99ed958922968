// Text helpers for citation parsing: Vietnamese case folding, word
// boundaries and a tiny tokenizer that works directly on the normalized
// UTF-8 text (no copies of the document).
#pragma once

#include <cstdint>
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

// Reads the token starting at or after `i`: a word (letters/digits) or one
// other code point.
inline Token next_token(std::string_view s, size_t i) {
  Token t;
  int newlines = 0;
  while (i < s.size()) {
    size_t n = space_len(s, i);
    if (n == 0) break;
    if (s[i] == '\n') ++newlines;
    i += n;
  }
  t.line_break = newlines > 0;
  t.blank_line = newlines > 1;
  t.b = i;
  if (i >= s.size()) {
    t.e = i;
    return t;
  }
  size_t len = 0;
  char32_t c = cp_at(s, i, &len);
  if (!is_word_cp(c)) {
    t.e = i + len;
    return t;
  }
  t.word = true;
  while (i < s.size()) {
    c = cp_at(s, i, &len);
    if (!is_word_cp(c)) break;
    i += len;
  }
  t.e = i;
  return t;
}

inline std::string_view tok_text(std::string_view s, const Token& t) {
  return s.substr(t.b, t.e - t.b);
}

// Compares `raw` folded to lower case with `lower`, without allocating.
inline bool eq_fold(std::string_view raw, std::string_view lower) {
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

inline bool tok_is(std::string_view s, const Token& t, std::string_view lower) {
  if (!t.valid()) return false;
  return eq_fold(tok_text(s, t), lower);
}

inline bool tok_upper_initial(std::string_view s, const Token& t) {
  if (!t.word) return false;
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
