// Byte scans that skip text nothing happens in, 16 bytes at a time.
//
// The normalizer's passes copy long runs of ordinary text and stop only at
// a few bytes (markup starts, sentinels, double spaces). Testing each byte
// against a table costs several instructions per byte; comparing sixteen
// at once with SSE2 (part of every x86-64) costs a fraction of one. Other
// targets use the plain loop.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vnlegal::internal {

// A set of up to 12 byte values.
class ByteSet {
 public:
  constexpr static size_t kMax = 12;

  explicit ByteSet(std::string_view bytes) {
    for (unsigned char b : bytes) {
      if (member_[b] || count_ == kMax) continue;
      member_[b] = true;
      bytes_[count_++] = b;
    }
#if defined(__SSE2__)
    for (size_t k = 0; k < kMax; ++k)
      splat_[k] = _mm_set1_epi8(static_cast<char>(bytes_[k < count_ ? k : 0]));
#endif
  }

  bool contains(unsigned char b) const { return member_[b]; }

  // The first index >= from whose byte is in the set, or s.size().
  size_t find(std::string_view s, size_t from) const {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = from;
    if (count_ == 0) return n > from ? n : from;
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // All twelve slots, unrolled: unused ones repeat the first byte.
      __m128i hit = _mm_cmpeq_epi8(v, splat_[0]);
      for (size_t k = 1; k < kMax; ++k)
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, splat_[k]));
      const int mask = _mm_movemask_epi8(hit);
      if (mask) return i + static_cast<size_t>(__builtin_ctz(mask));
      i += 16;
    }
#endif
    while (i < n && !member_[p[i]]) ++i;
    return i;
  }

 private:
  bool member_[256] = {};
  unsigned char bytes_[kMax] = {};
  size_t count_ = 0;
#if defined(__SSE2__)
  __m128i splat_[kMax];
#endif
};

// Copies n bytes from src to dst with the ASCII capitals made small, the
// rest unchanged.
inline void copy_ascii_lower(char* dst, const char* src, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  // Signed compares only: shifting by 'A' + 128 maps 'A'..'Z' onto the 26
  // smallest signed bytes.
  const __m128i shift = _mm_set1_epi8(static_cast<char>('A' + 128));
  const __m128i limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    const __m128i upper = _mm_cmplt_epi8(_mm_sub_epi8(v, shift), limit);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i),
                     _mm_or_si128(v, _mm_and_si128(upper, bit)));
  }
#endif
  for (; i < n; ++i) {
    const char c = src[i];
    dst[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
}

}  // namespace vnlegal::internal
