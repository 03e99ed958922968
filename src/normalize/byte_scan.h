// The markup pass's search for the next byte that may start markup, over
// text where almost no byte does.
//
// Baseline x86-64 (SSE2, internal::ByteSet) compares sixteen bytes with each
// member of the set in turn: a dozen compares per block, the pass's largest
// cost. With AVX2 (checked at run time) two byte shuffles test thirty-two
// bytes against the whole set at once: byte b is a member when
// lo[b & 15] & hi[b >> 4] is nonzero, one bit per group of high nibbles
// that share their low nibbles. A set needing more than eight such groups
// keeps the portable path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "internal/scan.h"

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define VNLEGAL_BYTE_SCAN_AVX2 1
#endif

namespace vnlegal::internal {

class ByteScanner {
 public:
  explicit ByteScanner(std::string_view bytes) : portable_(bytes) {
    uint16_t lows[16] = {};  // the low nibbles of each high nibble
    for (unsigned char b : bytes) lows[b >> 4] |= uint16_t(1u << (b & 15));
    uint16_t group_lows[8] = {};
    int groups = 0;
    bool exact = true;
    for (int h = 0; h < 16; ++h) {
      if (!lows[h]) continue;
      int g = 0;
      while (g < groups && group_lows[g] != lows[h]) ++g;
      if (g == groups) {
        if (groups == 8) {
          exact = false;
          break;
        }
        group_lows[groups++] = lows[h];
      }
      hi_[h] |= static_cast<uint8_t>(1u << g);
    }
    for (int g = 0; g < groups; ++g)
      for (int l = 0; l < 16; ++l)
        if (group_lows[g] >> l & 1) lo_[l] |= static_cast<uint8_t>(1u << g);
#if defined(VNLEGAL_BYTE_SCAN_AVX2)
    __builtin_cpu_init();  // in case this runs before the CPU is probed
    avx2_ = exact && groups > 0 && __builtin_cpu_supports("avx2");
#else
    (void)exact;
#endif
  }

  // The first index >= from whose byte is in the set, or s.size().
  size_t find(std::string_view s, size_t from) const {
#if defined(VNLEGAL_BYTE_SCAN_AVX2)
    if (avx2_ && from + 32 <= s.size()) {
      bool found = false;
      from = find_avx2(reinterpret_cast<const unsigned char*>(s.data()),
                       s.size(), from, found);
      if (found) return from;
    }
#endif
    return portable_.find(s, from);
  }

  // Tests turn the AVX2 path off to check the portable one on any machine.
  bool vectorized() const { return avx2_; }
  void set_vectorized(bool on) { avx2_ = avx2_ && on; }

 private:
#if defined(VNLEGAL_BYTE_SCAN_AVX2)
  // Blocks of 32 from `i`: the first member (found set), or where fewer
  // than 32 bytes are left.
  __attribute__((target("avx2"))) size_t find_avx2(const unsigned char* p,
                                                   size_t n, size_t i,
                                                   bool& found) const {
    const __m256i lo = _mm256_broadcastsi128_si256(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(lo_)));
    const __m256i hi = _mm256_broadcastsi128_si256(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(hi_)));
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i zero = _mm256_setzero_si256();
    for (; i + 32 <= n; i += 32) {
      const __m256i v =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
      const __m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(v, nibble));
      const __m256i h = _mm256_shuffle_epi8(
          hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
      const auto miss = static_cast<uint32_t>(_mm256_movemask_epi8(
          _mm256_cmpeq_epi8(_mm256_and_si256(l, h), zero)));
      if (miss != 0xFFFFFFFFu) {
        found = true;
        return i + static_cast<size_t>(__builtin_ctz(~miss));
      }
    }
    return i;
  }
#endif

  ByteSet portable_;
  uint8_t lo_[16] = {};
  uint8_t hi_[16] = {};
  bool avx2_ = false;
};

}  // namespace vnlegal::internal
