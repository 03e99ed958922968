// Vectorized byte searches for the citation scanner's look-aheads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vnlegal::citation {

// First byte in [p, e) that is a digit, ';' or '\n', or e.
inline const char* find_digit_or_break(const char* p, const char* e) {
#if defined(__SSE2__)
  while (e - p >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit =
        _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x2F)),
                                   _mm_cmplt_epi8(x, _mm_set1_epi8(0x3A))),
                     _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(';')),
                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))));
    const int mask = _mm_movemask_epi8(hit);
    if (mask) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  for (; p < e; ++p)
    if ((*p >= '0' && *p <= '9') || *p == ';' || *p == '\n') return p;
  return e;
}

}  // namespace vnlegal::citation
