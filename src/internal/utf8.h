// Small UTF-8 helpers shared by the stages.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace vnlegal::internal {

// Appends the UTF-8 encoding of `cp` to `out`.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one well-formed UTF-8 sequence at `s[i]`; returns its length, or 0
// if the bytes there are not valid UTF-8 (overlongs and surrogates rejected).
inline size_t decode_utf8(std::string_view s, size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  auto cont = [&](size_t k) {
    return i + k < s.size() &&
           (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto c = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    cp = ((b0 & 0x1F) << 6) | c(1);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    cp = ((b0 & 0x0F) << 12) | (c(1) << 6) | c(2);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    cp = ((b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

// Same rules as decode_utf8 (no overlongs, surrogates or code points above
// U+10FFFF), written for speed: every stage's fast path starts here.
inline bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const e = p + s.size();
  while (p < e) {
    // Runs of ASCII, eight bytes at a time: the mask of high bits says how
    // many bytes to skip before the next non-ASCII one.
    if (e - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      const uint64_t high = w & 0x8080808080808080ull;
      if (!high) {
        p += 8;
        continue;
      }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      p += static_cast<unsigned>(__builtin_clzll(high)) >> 3;
#else
      p += static_cast<unsigned>(__builtin_ctzll(high)) >> 3;
#endif
    } else if (*p < 0x80) {
      ++p;
      continue;
    }
    const unsigned char b = *p;
    const auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    if (b < 0xC2) return false;
    if (b < 0xE0) {
      if (e - p < 2 || !cont(p[1])) return false;
      p += 2;
    } else if (b < 0xF0) {
      if (e - p < 3 || !cont(p[1]) || !cont(p[2])) return false;
      if ((b == 0xE0 && p[1] < 0xA0) || (b == 0xED && p[1] >= 0xA0))
        return false;
      p += 3;
    } else if (b < 0xF5) {
      if (e - p < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return false;
      if ((b == 0xF0 && p[1] < 0x90) || (b == 0xF4 && p[1] >= 0x90))
        return false;
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace vnlegal::internal
