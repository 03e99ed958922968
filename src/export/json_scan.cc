#include "export/json_scan.h"

#if defined(VNLEGAL_JSON_AVX2)
#include <immintrin.h>

namespace vnlegal::internal {

// As json_plain_sse2, a vector of 32 bytes.
__attribute__((target("avx2"))) size_t json_plain_avx2(const unsigned char* in,
                                                       size_t n, char* out,
                                                       unsigned& high) {
  if (n < 32) return json_plain_words(in, n, out, high);
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i slash = _mm256_set1_epi8('\\');
  const __m256i control_max = _mm256_set1_epi8(0x1F);
  size_t i = 0;
  for (;;) {
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), v);
    const __m256i control =
        _mm256_cmpeq_epi8(_mm256_max_epu8(v, control_max), control_max);
    const __m256i hit =
        _mm256_or_si256(control, _mm256_or_si256(_mm256_cmpeq_epi8(v, quote),
                                                 _mm256_cmpeq_epi8(v, slash)));
    high |= static_cast<unsigned>(_mm256_movemask_epi8(v) != 0) << 7;
    if (const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(hit)))
      return i + static_cast<size_t>(__builtin_ctz(mask));
    if (i + 32 == n) return n;
    i = i + 64 <= n ? i + 32 : n - 32;
  }
}

}  // namespace vnlegal::internal
#endif
