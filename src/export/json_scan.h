// Byte scans of the JSON writer: copying the part of a string that a JSON
// string literal takes as it is, stopping at the first byte to escape (the
// controls, '"' and '\\'). Most strings need no escape at all and the
// document text needs one at every line break, so the copy and the search
// are one pass over the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vnlegal::internal {

// Whether JSON writes a byte as an escape sequence.
inline bool json_escaped(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// Each json_plain_* copies in[0, n) to out until the first byte to escape
// and returns how many bytes that is (n when none). Bytes it copied, and a
// few after them within the same string, are ORed into `high`, whose bit 7
// then says whether the string holds any byte that is not ASCII. It writes
// no further than out + n and reads no further than in + n.

// One byte at a time: the reference, and the tail of short strings.
inline size_t json_plain_scalar(const unsigned char* in, size_t n, char* out,
                                unsigned& high) {
  size_t i = 0;
  for (; i < n; ++i) {
    const unsigned char c = in[i];
    if (json_escaped(c)) break;
    out[i] = static_cast<char>(c);
    high |= c;
  }
  return i;
}

// Eight bytes at a time in a general register, for strings under a vector.
// The word tests say only whether some byte is to be escaped (exactly:
// borrows can only flag bytes above a true hit); where one is, the scalar
// loop finds it.
inline size_t json_plain_words(const unsigned char* in, size_t n, char* out,
                               unsigned& high) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto clean = [&](uint64_t w) {
    const uint64_t quote = w ^ (kOnes * '"');
    const uint64_t slash = w ^ (kOnes * '\\');
    const uint64_t hit =
        (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
         ((slash - kOnes) & ~slash)) &
        kHigh;
    return hit == 0;
  };
  if (n < 8) return json_plain_scalar(in, n, out, high);
  size_t i = 0;
  for (;;) {
    uint64_t w;
    std::memcpy(&w, in + i, 8);
    if (!clean(w)) return i + json_plain_scalar(in + i, n - i, out + i, high);
    std::memcpy(out + i, &w, 8);
    high |= static_cast<unsigned>((w & kHigh) != 0) << 7;
    if (i + 8 == n) return n;
    // The last word overlaps the one before rather than leave a tail.
    i = i + 16 <= n ? i + 8 : n - 8;
  }
}

#if defined(__SSE2__)
// Sixteen bytes at a time, the last vector overlapping the one before.
inline size_t json_plain_sse2(const unsigned char* in, size_t n, char* out,
                              unsigned& high) {
  if (n < 16) return json_plain_words(in, n, out, high);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  const __m128i control_max = _mm_set1_epi8(0x1F);
  size_t i = 0;
  for (;;) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), v);
    const __m128i control =
        _mm_cmpeq_epi8(_mm_max_epu8(v, control_max), control_max);
    const __m128i hit = _mm_or_si128(
        control,
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)));
    high |= static_cast<unsigned>(_mm_movemask_epi8(v) != 0) << 7;
    if (const int mask = _mm_movemask_epi8(hit))
      return i +
             static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    if (i + 16 == n) return n;
    i = i + 32 <= n ? i + 16 : n - 16;
  }
}
#endif

// The widest of the above: SSE2 is part of every x86-64. (A 32-byte AVX2
// copy measured no faster: the text's runs end at every line break.)
inline size_t json_plain(const unsigned char* in, size_t n, char* out,
                         unsigned& high) {
#if defined(__SSE2__)
  return json_plain_sse2(in, n, out, high);
#else
  return json_plain_words(in, n, out, high);
#endif
}

}  // namespace vnlegal::internal
