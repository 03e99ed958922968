// Vectorized byte searches for the citation scanner's look-aheads.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define VNLEGAL_CITATION_AVX2 1
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

// A set of byte values as two 16-entry tables for a byte shuffle: b is in
// the set when lo[b & 15] & hi[b >> 4] is nonzero. High nibbles whose low
// nibbles are the same share a bit; past eight bits the set grows to a
// superset (the last bit takes the rest), which a prefilter may use.
struct NibbleSet {
  alignas(16) uint8_t lo[16] = {};
  alignas(16) uint8_t hi[16] = {};
  std::array<bool, 256> member{};  // the exact set
  bool exact = true;

  explicit NibbleSet(const std::array<bool, 256>& m) : member(m) {
    uint16_t lows[16] = {};  // the low nibbles of each high nibble
    for (int b = 0; b < 256; ++b)
      if (m[b]) lows[b >> 4] |= static_cast<uint16_t>(1u << (b & 15));
    uint16_t bit_lows[8] = {};
    int bits = 0;
    for (int h = 0; h < 16; ++h) {
      if (!lows[h]) continue;
      int bit = 0;
      while (bit < bits && bit_lows[bit] != lows[h]) ++bit;
      if (bit == bits) {
        if (bits == 8) {
          bit = 7;
          exact = false;
        } else {
          ++bits;
        }
      }
      bit_lows[bit] |= lows[h];
      hi[h] |= static_cast<uint8_t>(1u << bit);
    }
    for (int bit = 0; bit < bits; ++bit)
      for (int l = 0; l < 16; ++l)
        if (bit_lows[bit] >> l & 1) lo[l] |= static_cast<uint8_t>(1u << bit);
  }
};

// The word starts that may open a citation in well-formed UTF-8: a byte of
// `first` followed by a byte of `second` (never NUL), then one of `third`
// (never NUL) and one of `fourth`, or one of `third_short` (the words of
// three bytes), or an ASCII digit, after a
// character that is not a word character (the lead bytes in `word`; ASCII
// letters and digits are). 32 bytes at a time where AVX2 is available (a
// byte shuffle classifies them), one at a time elsewhere.
class CitationStartFinder {
 public:
  CitationStartFinder(const std::array<bool, 256>& first,
                      const std::array<bool, 256>& second,
                      const std::array<bool, 256>& third,
                      const std::array<bool, 256>& fourth,
                      const std::array<bool, 256>& third_short,
                      const std::array<bool, 256>& breaks,
                      const std::vector<std::string_view>& words = {})
      : first_(first),
        second_(second),
        third_(third),
        fourth_(fourth),
        third_short_(third_short),
        breaks_(breaks),
        alnum_(alnum_set()) {
    // A NUL may end the text: no byte after it is read.
    second_.member[0] = third_.member[0] = false;
    build_buckets(words);
#if defined(VNLEGAL_CITATION_AVX2)
    // The vectors read the ASCII letters and digits off the breaks.
    bool ascii_breaks = true;
    for (int b = 0; b < 0x80; ++b)
      ascii_breaks = ascii_breaks && breaks_.member[b] == !alnum_.member[b];
    __builtin_cpu_init();  // in case this runs before the CPU is probed
    avx2_ = __builtin_cpu_supports("avx2") && first_.exact && second_.exact &&
            third_.exact && fourth_.exact && third_short_.exact &&
            breaks_.exact && ascii_breaks;
#endif
  }

  // True when mark() runs in vectors (else the scanner does better on
  // its own).
  bool vectorized() const { return avx2_; }

  // Whether position p (at least 1, s[p + 1] readable) starts a word that
  // may open a citation.
  bool hit(const unsigned char* s, size_t p) const {
    if (!((s[p] >= '0' && s[p] <= '9') ||
          (bucketed_ ? in_buckets(s, p) :
                     // Each byte tested is no NUL, so the next is readable.
               (first_.member[s[p]] && second_.member[s[p + 1]] &&
                ((third_.member[s[p + 2]] && fourth_.member[s[p + 3]]) ||
                 third_short_.member[s[p + 2]])))))
      return false;
    const unsigned char b = s[p - 1];
    if (b < 0x80) return !alnum_.member[b];
    // The character before ends at p - 1: its lead byte is a break when
    // it is a two-byte C2, a three-byte E2/E3/EF or a four-byte lead.
    return (p >= 2 && s[p - 2] == 0xC2) ||
           (p >= 3 &&
            (s[p - 3] == 0xE2 || s[p - 3] == 0xE3 || s[p - 3] == 0xEF)) ||
           (p >= 4 && s[p - 4] >= 0xF0);
  }

  // Bit p % 64 of starts[p / 64] set when p is a hit(), of ends[p / 64]
  // when byte p is in `breaks`, for p in [0, n); both arrays hold
  // (n + 63) / 64 words, whatever they held before (every bit is
  // written). s[n] must be readable.
  void mark(const unsigned char* s, size_t n, uint64_t* starts,
            uint64_t* ends) const {
    const size_t words = (n + 63) / 64;
    auto one_by_one = [&](size_t b, size_t e) {
      for (size_t p = b; p < e; ++p) {
        if (p >= 1 && hit(s, p)) starts[p / 64] |= uint64_t{1} << (p % 64);
        if (breaks_.member[s[p]]) ends[p / 64] |= uint64_t{1} << (p % 64);
      }
    };
    // The first block reads before the text in vectors: byte by byte, as
    // the bytes after the last whole block.
    // The vector loop writes the words it fills (their low half first):
    // only the others are cleared.
    size_t done = 32, clear_from = 0;
#if defined(VNLEGAL_CITATION_AVX2)
    if (avx2_ && n >= 32) {
      starts[0] = ends[0] = 0;
      one_by_one(0, 32);
      // The vector loop reads the byte before its first block (s[31]).
      done = mark_avx2(s, n, starts, ends);
      clear_from = (done + 63) / 64;
    }
#endif
    if (clear_from < words) {
      std::memset(starts + clear_from, 0,
                  (words - clear_from) * sizeof(uint64_t));
      std::memset(ends + clear_from, 0,
                  (words - clear_from) * sizeof(uint64_t));
    }
    if (clear_from == 0) one_by_one(0, std::min<size_t>(n, 32));
    one_by_one(done, n);
  }

 private:
  // The words' first four bytes (fewer for shorter words: any byte
  // after) sorted into eight buckets, each position's bytes by their
  // nibbles: bit k of lo_[i][b & 15] & hi_[i][b >> 4] is set when the byte
  // b at position i may be a word of bucket k there. A position hits when
  // some bucket takes all four of its bytes. Words that look alike share a
  // bucket, so that few byte runs that are no word pass.
  void build_buckets(const std::vector<std::string_view>& words) {
    if (words.empty()) return;
    struct Bucket {
      uint16_t lo[4] = {}, hi[4] = {};  // nibble sets per position
    };
    Bucket buckets[8];
    // The byte pairs a bucket takes at every position multiplied: a
    // bucket that takes many lets many runs through.
    auto cost = [](const Bucket& b) {
      double c = 1;
      for (int i = 0; i < 4; ++i)
        c *= __builtin_popcount(b.lo[i]) * __builtin_popcount(b.hi[i]);
      return c;
    };
    for (std::string_view w : words) {
      Bucket add;
      for (size_t i = 0; i < 4; ++i) {
        if (i < w.size()) {
          const auto b = static_cast<unsigned char>(w[i]);
          add.lo[i] = static_cast<uint16_t>(1u << (b & 15));
          add.hi[i] = static_cast<uint16_t>(1u << (b >> 4));
        } else {
          add.lo[i] = add.hi[i] = 0xFFFF;
        }
      }
      int best = 0;
      double best_growth = 0;
      for (int k = 0; k < 8; ++k) {
        Bucket merged = buckets[k];
        for (int i = 0; i < 4; ++i) {
          merged.lo[i] |= add.lo[i];
          merged.hi[i] |= add.hi[i];
        }
        const double growth = cost(merged) - cost(buckets[k]);
        if (k == 0 || growth < best_growth) {
          best = k;
          best_growth = growth;
        }
      }
      for (int i = 0; i < 4; ++i) {
        buckets[best].lo[i] |= add.lo[i];
        buckets[best].hi[i] |= add.hi[i];
      }
    }
    for (int k = 0; k < 8; ++k)
      for (int i = 0; i < 4; ++i)
        for (int nib = 0; nib < 16; ++nib) {
          if (buckets[k].lo[i] >> nib & 1)
            lo_[i][nib] |= static_cast<uint8_t>(1u << k);
          if (buckets[k].hi[i] >> nib & 1)
            hi_[i][nib] |= static_cast<uint8_t>(1u << k);
        }
    // in_buckets reads the byte after a position's second and third bytes
    // only when they are taken: a NUL (the text's end) must not be.
    bucketed_ = (lo_[1][0] & hi_[1][0]) == 0 && (lo_[2][0] & hi_[2][0]) == 0;
  }

  bool in_buckets(const unsigned char* s, size_t p) const {
    unsigned m = lo_[0][s[p] & 15] & hi_[0][s[p] >> 4];
    for (int i = 1; i < 4 && m; ++i)
      m &= lo_[i][s[p + i] & 15] & hi_[i][s[p + i] >> 4];
    return m != 0;
  }

  static std::array<bool, 256> alnum_set() {
    std::array<bool, 256> a{};
    for (int b = '0'; b <= '9'; ++b) a[b] = true;
    for (int b = 'a'; b <= 'z'; ++b) a[b] = a[b - 32] = true;
    return a;
  }

#if defined(VNLEGAL_CITATION_AVX2)
  // mark() for the whole blocks from 32 on; returns where they end.
  __attribute__((target("avx2"))) size_t mark_avx2(const unsigned char* s,
                                                   size_t n, uint64_t* starts,
                                                   uint64_t* ends) const {
    const Tables first = tables(first_), second = tables(second_),
                 third = tables(third_), fourth = tables(fourth_),
                 third_short = tables(third_short_), breaks = tables(breaks_);
    Tables buckets[4];
    for (int i = 0; i < 4; ++i)
      buckets[i] = {_mm256_broadcastsi128_si256(_mm_load_si128(
                        reinterpret_cast<const __m128i*>(lo_[i]))),
                    _mm256_broadcastsi128_si256(_mm_load_si128(
                        reinterpret_cast<const __m128i*>(hi_[i])))};
    const __m256i c2 = _mm256_set1_epi8(static_cast<char>(0xC2));
    const __m256i e2 = _mm256_set1_epi8(static_cast<char>(0xE2));
    const __m256i e3 = _mm256_set1_epi8(static_cast<char>(0xE3));
    const __m256i ef = _mm256_set1_epi8(static_cast<char>(0xEF));
    const __m256i f0 = _mm256_set1_epi8(static_cast<char>(0xF0));
    const __m256i slash = _mm256_set1_epi8('/');
    const __m256i colon = _mm256_set1_epi8(':');
    size_t base = 32;
    // The break and high bits of the byte before the block.
    uint32_t break_before = breaks_.member[s[31]] ? 1 : 0;
    uint32_t high_before = s[31] >> 7;
    // s[base + 34] is the last byte read: at most the terminating NUL.
    for (; base + 34 <= n; base += 32) {
      const __m256i v =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base));
      const __m256i after =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base + 1));
      const __m256i after2 =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base + 2));
      const __m256i after3 =
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base + 3));
      // Signed compares: the bytes from 0x80 up are negative.
      const uint32_t digit =
          static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(
              _mm256_cmpgt_epi8(v, slash), _mm256_cmpgt_epi8(colon, v))));
      const uint32_t candidates =
          digit |
          (bucketed_ ? in_buckets(v, after, after2, after3, buckets)
                     : inside(v, first) & inside(after, second) &
                           ((inside(after2, third) & inside(after3, fourth)) |
                            inside(after2, third_short)));
      const uint32_t high = static_cast<uint32_t>(_mm256_movemask_epi8(v));
      const uint32_t ends_here = inside(v, breaks);
      // An ASCII byte before is a break when it is no letter or digit.
      const uint32_t ascii_before = ~((high << 1) | high_before);
      uint32_t after_break = ascii_before & ((ends_here << 1) | break_before);
      break_before = ends_here >> 31;
      high_before = high >> 31;
      if (candidates & ~after_break) {
        // After a character of two bytes or more: its lead byte is a
        // break when it is C2 two bytes back, E2/E3/EF three bytes back
        // or a four-byte lead four bytes back.
        const __m256i b2 =
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base - 2));
        const __m256i b3 =
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base - 3));
        const __m256i b4 =
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + base - 4));
        const __m256i lead = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(b2, c2),
                            _mm256_cmpeq_epi8(_mm256_max_epu8(b4, f0), b4)),
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(b3, e2),
                                            _mm256_cmpeq_epi8(b3, e3)),
                            _mm256_cmpeq_epi8(b3, ef)));
        after_break |=
            ~ascii_before & static_cast<uint32_t>(_mm256_movemask_epi8(lead));
      }
      // A word's low half is written first (the word's old bits dropped),
      // then its high half added.
      if (base % 64 == 0) {
        starts[base / 64] = candidates & after_break;
        ends[base / 64] = ends_here;
      } else {
        starts[base / 64] |= uint64_t{candidates & after_break} << 32;
        ends[base / 64] |= uint64_t{ends_here} << 32;
      }
    }
    return base;
  }

  struct Tables {
    __m256i lo, hi;
  };

  __attribute__((target("avx2"), always_inline)) static inline Tables tables(
      const NibbleSet& set) {
    return {_mm256_broadcastsi128_si256(
                _mm_load_si128(reinterpret_cast<const __m128i*>(set.lo))),
            _mm256_broadcastsi128_si256(
                _mm_load_si128(reinterpret_cast<const __m128i*>(set.hi)))};
  }

  // The buckets that take each byte of v.
  __attribute__((target("avx2"), always_inline)) static inline __m256i take(
      __m256i v, const Tables& b) {
    const __m256i nib = _mm256_set1_epi8(0x0F);
    return _mm256_and_si256(
        _mm256_shuffle_epi8(b.lo, _mm256_and_si256(v, nib)),
        _mm256_shuffle_epi8(b.hi,
                            _mm256_and_si256(_mm256_srli_epi16(v, 4), nib)));
  }

  // Bit k set when some bucket takes byte k of each of the four vectors
  // (the bytes at k, k + 1, k + 2 and k + 3).
  __attribute__((target("avx2"), always_inline)) static inline uint32_t
  in_buckets(__m256i v0, __m256i v1, __m256i v2, __m256i v3, const Tables* t) {
    const __m256i all =
        _mm256_and_si256(_mm256_and_si256(take(v0, t[0]), take(v1, t[1])),
                         _mm256_and_si256(take(v2, t[2]), take(v3, t[3])));
    return ~static_cast<uint32_t>(
        _mm256_movemask_epi8(_mm256_cmpeq_epi8(all, _mm256_setzero_si256())));
  }

  // Bit k set when byte k of v is in the set.
  __attribute__((target("avx2"), always_inline)) static inline uint32_t inside(
      __m256i v, const Tables& t) {
    const __m256i nib = _mm256_set1_epi8(0x0F);
    const __m256i l = _mm256_shuffle_epi8(t.lo, _mm256_and_si256(v, nib));
    const __m256i h = _mm256_shuffle_epi8(
        t.hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib));
    return ~static_cast<uint32_t>(_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_and_si256(l, h), _mm256_setzero_si256())));
  }
#endif

  NibbleSet first_, second_, third_, fourth_, third_short_, breaks_, alnum_;
  alignas(16) uint8_t lo_[4][16] = {};
  alignas(16) uint8_t hi_[4][16] = {};
  bool bucketed_ = false;
  bool avx2_ = false;
};

}  // namespace vnlegal::citation
