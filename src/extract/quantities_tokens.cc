#include "extract/quantities_tokens.h"

#include <unicode/uchar.h>

#include <cstring>
#include <vector>

#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

bool ascii_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Character classes below U+2000 (all of Vietnamese, Latin-1 punctuation)
// come from a table built once from ICU, with the lower-case form already
// encoded in UTF-8; the rest ask ICU each time.
struct CharInfo {
  char32_t lower;
  bool letter, upper, mark, gap;
  uint8_t lower_len;
  char lower_utf8[4];
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
  CharInfo ci{static_cast<char32_t>(u_tolower(c)),
              static_cast<bool>(u_isalpha(c)) || mark,
              static_cast<bool>(u_isupper(c)),
              mark,
              is_gap_cp(c),
              0,
              {}};
  std::string enc;
  append_utf8(enc, ci.lower);
  ci.lower_len = static_cast<uint8_t>(enc.size());
  for (size_t k = 0; k < enc.size(); ++k) ci.lower_utf8[k] = enc[k];
  return ci;
}

const CharInfo* info_table() {
  static const std::vector<CharInfo> kTable = [] {
    std::vector<CharInfo> t(0x2000);
    for (char32_t c = 0; c < 0x2000; ++c) t[c] = make_info(c);
    return t;
  }();
  return kTable.data();
}

}  // namespace

Tokens::Tokens(std::string_view s) {
  // The lower-case copy is written through a raw pointer into a buffer large
  // enough for the worst case (a two-byte capital whose small letter takes
  // three bytes), then cut to size: appending byte by byte to a std::string
  // costs a call per byte.
  const CharInfo* table = info_table();
  lower_.resize(s.size() * 2 + 16);
  char* const lbase = lower_.data();
  char* out = lbase;
  toks_.reserve(s.size() / 3 + 16);
  const size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  int newlines = 0;
  bool gap = true;
  auto start = [&](TokType type, size_t b) -> Tok& {
    Tok& t = toks_.emplace_back();
    t.type = type;
    t.begin = static_cast<uint32_t>(b);
    t.lbegin = static_cast<uint32_t>(out - lbase);
    t.newline = newlines > 0 || toks_.size() == 1;
    t.blank = newlines > 1;
    t.attached = !gap && toks_.size() > 1;
    newlines = 0;
    gap = false;
    return t;
  };
  // Information on a non-ASCII character; ICU only above the table.
  CharInfo scratch{};
  auto lookup = [&](char32_t cp) -> const CharInfo& {
    if (cp < 0x2000) return table[cp];
    scratch = make_info(cp);
    return scratch;
  };
  while (i < n) {
    const unsigned char c = p[i];
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
    if (c == '<' && i + 1 < n && (ascii_alpha(p[i + 1]) || p[i + 1] == '/')) {
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
      std::memcpy(out, p + i, j - i);
      out += j - i;
      t.end = static_cast<uint32_t>(j);
      t.lend = static_cast<uint32_t>(out - lbase);
      i = j;
      continue;
    }
    char32_t cp = c;
    size_t len = 1;
    bool letter = ascii_alpha(c);
    if (c >= 0x80) {
      len = decode_utf8(s, i, cp);
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
      letter = ci.letter;
    }
    if (letter) {
      Tok& t = start(TokType::kWord, i);
      size_t j = i;
      int letters = 0, uppers = 0;
      while (j < n) {
        const unsigned char d = p[j];
        if (d < 0x80) {
          if (!ascii_alpha(d)) break;
          const bool up = d <= 'Z';
          ++letters;
          uppers += up;
          if (letters == 1) t.upper = up;
          *out++ = static_cast<char>(up ? d - 'A' + 'a' : d);
          ++j;
          continue;
        }
        char32_t ch;
        const size_t l = decode_utf8(s, j, ch);
        if (l == 0) break;
        const CharInfo& ci = lookup(ch);
        if (!ci.letter) break;
        if (!ci.mark) {
          ++letters;
          uppers += ci.upper;
          if (letters == 1) t.upper = ci.upper;
        }
        std::memcpy(out, ci.lower_utf8, 4);
        out += ci.lower_len;
        j += l;
      }
      // Square and cubic units keep their exponent: "m2", "km2", "m3".
      if (j - i <= 2 && j + 1 <= n && (p[j] == '2' || p[j] == '3') &&
          (j + 1 == n || !(ascii_alpha(p[j + 1]) || ascii_digit(p[j + 1])))) {
        bool ascii = true;
        for (size_t m = i; m < j; ++m) ascii &= ascii_alpha(p[m]);
        if (ascii) {
          *out++ = static_cast<char>(p[j]);
          ++j;
        }
      }
      t.all_upper = letters >= 2 && uppers == letters;
      t.end = static_cast<uint32_t>(j);
      t.lend = static_cast<uint32_t>(out - lbase);
      i = j;
      continue;
    }
    Tok& t = start(TokType::kPunct, i);
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212) {
      *out++ = '-';
    } else {
      std::memcpy(out, p + i, len);
      out += len;
    }
    t.end = static_cast<uint32_t>(i + len);
    t.lend = static_cast<uint32_t>(out - lbase);
    i += len;
  }
  lower_.resize(static_cast<size_t>(out - lbase));
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
