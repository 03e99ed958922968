#include "extract/quantities_tokens.h"

#include <unicode/uchar.h>

#include <vector>

#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

bool ascii_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Character classes below U+2000 (all of Vietnamese, Latin-1 punctuation)
// come from a table built once from ICU; the rest ask ICU each time.
struct CharInfo {
  char32_t lower;
  bool letter, upper, mark;
};

CharInfo make_info(char32_t c) {
  const bool mark = u_charType(c) == U_NON_SPACING_MARK;
  return {static_cast<char32_t>(u_tolower(c)),
          static_cast<bool>(u_isalpha(c)) || mark,
          static_cast<bool>(u_isupper(c)), mark};
}

CharInfo info(char32_t cp) {
  static const std::vector<CharInfo> kTable = [] {
    std::vector<CharInfo> t(0x2000);
    for (char32_t c = 0; c < 0x2000; ++c) t[c] = make_info(c);
    return t;
  }();
  return cp < 0x2000 ? kTable[cp] : make_info(cp);
}

bool is_letter(char32_t cp) { return info(cp).letter; }

// Characters that separate tokens without being tokens themselves.
bool is_gap(char32_t cp) {
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

}  // namespace

Tokens::Tokens(std::string_view s) {
  lower_.reserve(s.size());
  toks_.reserve(s.size() / 3 + 16);
  size_t i = 0;
  int newlines = 0;
  bool gap = true;
  auto start = [&](TokType type, size_t b) -> Tok& {
    Tok& t = toks_.emplace_back();
    t.type = type;
    t.begin = static_cast<uint32_t>(b);
    t.lbegin = static_cast<uint32_t>(lower_.size());
    t.newline = newlines > 0 || toks_.size() == 1;
    t.blank = newlines > 1;
    t.attached = !gap && toks_.size() > 1;
    newlines = 0;
    gap = false;
    return t;
  };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      ++newlines;
      gap = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
        c == '*' || c == '_' || c == '#' || c == '`' || c == '"' || c == '\'') {
      gap = true;
      ++i;
      continue;
    }
    if (c == '<' && i + 1 < s.size() &&
        (ascii_alpha(static_cast<unsigned char>(s[i + 1])) ||
         s[i + 1] == '/')) {
      size_t close = s.find('>', i + 1);
      if (close != std::string_view::npos && close - i < 400 &&
          s.substr(i, close - i).find('\n') == std::string_view::npos) {
        gap = true;
        i = close + 1;
        continue;
      }
    }
    if (ascii_digit(c)) {
      Tok& t = start(TokType::kNumber, i);
      size_t j = i;
      while (j < s.size()) {
        if (ascii_digit(static_cast<unsigned char>(s[j]))) {
          ++j;
        } else if ((s[j] == '.' || s[j] == ',') && j + 1 < s.size() &&
                   ascii_digit(static_cast<unsigned char>(s[j + 1]))) {
          ++j;
        } else {
          break;
        }
      }
      lower_.append(s.substr(i, j - i));
      t.end = static_cast<uint32_t>(j);
      t.lend = static_cast<uint32_t>(lower_.size());
      i = j;
      continue;
    }
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0x80) {
      len = decode_utf8(s, i, cp);
      if (len == 0) {  // invalid byte: treat as a separator
        gap = true;
        ++i;
        continue;
      }
      if (is_gap(cp)) {
        gap = true;
        i += len;
        continue;
      }
    }
    if (ascii_alpha(c) || (c >= 0x80 && is_letter(cp))) {
      Tok& t = start(TokType::kWord, i);
      size_t j = i;
      int letters = 0, uppers = 0;
      while (j < s.size()) {
        const auto d = static_cast<unsigned char>(s[j]);
        char32_t ch = d;
        size_t l = 1;
        if (d >= 0x80) {
          l = decode_utf8(s, j, ch);
          if (l == 0 || !is_letter(ch)) break;
        } else if (!ascii_alpha(d)) {
          break;
        }
        if (ch < 0x80) {
          const bool up = ch >= 'A' && ch <= 'Z';
          ++letters;
          uppers += up;
          if (letters == 1) t.upper = up;
          lower_.push_back(static_cast<char>(up ? ch - 'A' + 'a' : ch));
        } else {
          const CharInfo ci = info(ch);
          if (!ci.mark) {
            ++letters;
            uppers += ci.upper;
            if (letters == 1) t.upper = ci.upper;
          }
          append_utf8(lower_, ci.lower);
        }
        j += l;
      }
      // Square and cubic units keep their exponent: "m2", "km2", "m3".
      if (j - i <= 2 && j + 1 <= s.size() && (s[j] == '2' || s[j] == '3') &&
          (j + 1 == s.size() ||
           !(ascii_alpha(static_cast<unsigned char>(s[j + 1])) ||
             ascii_digit(static_cast<unsigned char>(s[j + 1]))))) {
        bool ascii = true;
        for (size_t m = i; m < j; ++m)
          ascii &= ascii_alpha(static_cast<unsigned char>(s[m]));
        if (ascii) {
          lower_.push_back(s[j]);
          ++j;
        }
      }
      t.all_upper = letters >= 2 && uppers == letters;
      t.end = static_cast<uint32_t>(j);
      t.lend = static_cast<uint32_t>(lower_.size());
      i = j;
      continue;
    }
    Tok& t = start(TokType::kPunct, i);
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212)
      lower_.push_back('-');
    else
      lower_.append(s.substr(i, len));
    t.end = static_cast<uint32_t>(i + len);
    t.lend = static_cast<uint32_t>(lower_.size());
    i += len;
  }
}

bool Tokens::match(size_t i,
                   std::initializer_list<std::string_view> phrase) const {
  for (std::string_view w : phrase) {
    if (i >= toks_.size() || low(i) != w) return false;
    ++i;
  }
  return true;
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
  for (size_t k = a; k <= b && k < toks_.size(); ++k) {
    const Tok& t = toks_[k];
    bool tight =
        t.attached ||
        (t.type == TokType::kPunct &&
         (src.substr(t.begin, 1) == "," || src.substr(t.begin, 1) == ";" ||
          src.substr(t.begin, 1) == ":" || src.substr(t.begin, 1) == "." ||
          src.substr(t.begin, 1) == ")" || src.substr(t.begin, 1) == "%"));
    if (k > a && !tight) out.push_back(' ');
    if (k > a && k > 0 && toks_[k - 1].type == TokType::kPunct &&
        src.substr(toks_[k - 1].begin, 1) == "(" && !out.empty() &&
        out.back() == ' ')
      out.pop_back();
    out.append(src.substr(t.begin, t.end - t.begin));
  }
  return out;
}

}  // namespace vnlegal::internal
