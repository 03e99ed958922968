// Detection: decode with every candidate encoding and keep the one whose text
// has the largest share of valid Vietnamese syllables among the words that
// are not plain ASCII (ASCII words read the same in every candidate).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "encoding/decoders.h"
#include "encoding/detect.h"
#include "encoding/vietnamese.h"
#include "internal/utf8.h"
#include "vnlegal/encoding.h"

namespace vnlegal {
namespace {

// Enough text to decide; detection cost stays bounded on huge inputs.
constexpr size_t kSampleBytes = 256 * 1024;

struct Score {
  int good = 0;  // non-ASCII words that parse as syllables
  int bad = 0;   // non-ASCII words that do not, and undecodable characters
  int combining = 0;
  double share() const { return good + bad ? double(good) / (good + bad) : 0; }
};

bool is_separator(char32_t cp) {
  if (cp < 0x80) return !internal::is_vietnamese_letter(cp);
  return cp == 0xA0 || cp == 0xAB || cp == 0xBB ||
         (cp >= 0x2000 && cp <= 0x206F) || cp == 0xFEFF || cp == 0x3000 ||
         (cp >= 0xFF00 && cp <= 0xFF0F);
}

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfc->normalize(s, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Syllables repeat constantly in running text, so each scoring pass keeps a
// small direct-mapped cache of words already judged; longer words are never
// syllables and go straight to the parser, which rejects them at once.
class WordCache {
 public:
  bool well_formed(const char32_t* w, size_t n) {
    if (n > kMaxLen) return internal::well_formed(w, n);
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; ++k)
      h = (h ^ static_cast<uint32_t>(w[k])) * 16777619u;
    Entry& e = slots_[(h ^ (h >> 15)) & (kSlots - 1)];
    if (e.n == n && std::equal(w, w + n, e.w)) return e.good;
    e.n = static_cast<uint8_t>(n);
    std::copy(w, w + n, e.w);
    e.good = internal::well_formed(w, n);
    return e.good;
  }

 private:
  static constexpr size_t kMaxLen = 8;
  static constexpr size_t kSlots = 2048;
  struct Entry {
    char32_t w[kMaxLen];
    uint8_t n = 0xFF;
    bool good = false;
  };
  std::vector<Entry> slots_ = std::vector<Entry>(kSlots);
};

Score score_text(std::string_view utf8) {
  Score sc;
  WordCache cache;
  // U+0300..U+036F is 0xCC 0x80..0xBF or 0xCD 0x80..0xAF; counting on the
  // bytes spares decoding the text twice when it needs composing.
  for (size_t k = 0; k + 1 < utf8.size(); ++k) {
    const auto b = static_cast<unsigned char>(utf8[k]);
    const auto c = static_cast<unsigned char>(utf8[k + 1]);
    sc.combining += (b == 0xCC && c >= 0x80 && c <= 0xBF) ||
                    (b == 0xCD && c >= 0x80 && c <= 0xAF);
  }
  std::u32string u =
      internal::to_u32(sc.combining ? std::string_view(to_nfc(utf8)) : utf8);
  size_t i = 0;
  while (i < u.size()) {
    if (is_separator(u[i])) {
      if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' && u[i] != '\t' &&
           u[i] != 0x07 && u[i] != 0x0B && u[i] != 0x0C && u[i] > 0x06 &&
           !(u[i] >= 0x13 && u[i] <= 0x15)))
        ++sc.bad;  // control codes that text does not use
      ++i;
      continue;
    }
    size_t e = i;
    bool ascii = true;
    while (e < u.size() && !is_separator(u[e])) {
      ascii &= u[e] < 0x80;
      ++e;
    }
    if (!ascii) {
      if (cache.well_formed(u.data() + i, e - i)) {
        ++sc.good;
      } else {
        ++sc.bad;
      }
    }
    i = e;
  }
  return sc;
}

// Score of the words a VIQR reading changes.
Score score_viqr(std::string_view ascii) {
  Decoded d = internal::decode_viqr(ascii);
  return score_text(d.text);
}

std::string fmt(const char* f, double a, double b = 0, double c = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

double confidence_from(const Score& s, double runner_up_share) {
  // More evidence and a clearer margin over the next candidate raise it.
  const double amount = 1.0 - std::exp(-s.good / 4.0);
  const double margin = std::clamp(s.share() - runner_up_share, 0.0, 1.0);
  return std::clamp(s.share() * amount * (0.6 + 0.4 * margin), 0.0, 1.0);
}

bool looks_utf16(std::string_view b, bool* little) {
  const size_t n = std::min<size_t>(b.size(), 8192) & ~size_t{1};
  if (n < 8) return false;
  // Text without a zero byte (nearly all of it) is settled by one memchr.
  if (std::memchr(b.data(), 0, n) == nullptr) return false;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  const size_t units = n / 2;
  if (odd * 10 >= units * 3 && even * 50 < units) {
    *little = true;
    return true;
  }
  if (even * 10 >= units * 3 && odd * 50 < units) {
    *little = false;
    return true;
  }
  return false;
}

Detection detect_legacy(std::string_view sample) {
  struct Candidate {
    Encoding encoding;
    Score score;
  };
  Candidate c[] = {{Encoding::kTcvn3, {}},
                   {Encoding::kVni, {}},
                   {Encoding::kViscii, {}},
                   {Encoding::kVps, {}},
                   {Encoding::kCp1258, {}}};
  for (Candidate& x : c) {
    Decoded d = x.encoding == Encoding::kVni
                    ? internal::decode_vni(sample, false)
                    : internal::decode_single_byte(sample, x.encoding, false);
    x.score = score_text(d.text);
  }
  auto key = [](const Score& s) { return s.good * 2 - s.bad * 3; };
  // Stable: on a tie (a text using only letters VISCII and VPS share) the
  // earlier, more common encoding wins.
  std::stable_sort(std::begin(c), std::end(c),
                   [&](const Candidate& a, const Candidate& b) {
                     return key(a.score) > key(b.score);
                   });
  const Candidate& best = c[0];
  std::string evidence;
  for (const Candidate& x : c) {
    if (!evidence.empty()) evidence += "; ";
    evidence += std::string(to_string(x.encoding)) +
                fmt(" %.0f/%.0f syllables valid", x.score.good,
                    x.score.good + x.score.bad);
  }
  if (best.score.good < 2 || best.score.share() < 0.5) {
    return {Encoding::kWindows1252, 0.3,
            "not UTF-8 and no Vietnamese reading (" + evidence + ")"};
  }
  return {best.encoding, confidence_from(best.score, c[1].score.share()),
          "not UTF-8; " + evidence};
}

using FastCounts = internal::Utf8MarkCounts;

#if defined(__SSE2__)
// Bits set in a 16-bit mask, without the library call __builtin_popcount
// makes on processors the build does not assume to have POPCNT.
inline size_t popcount16(int mask) {
  unsigned x = static_cast<unsigned>(mask) & 0xFFFFu;
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}
#endif

// Counts over valid UTF-8, by lead byte and first continuation byte.
FastCounts fast_counts(std::string_view utf8) {
  // Latin-1 supplement (U+0080-U+00FF) characters Vietnamese text uses: the
  // vowels with grave, acute, tilde or circumflex, Ý ý, and the symbols of
  // ordinary typing (no-break space, m² m³, °, « », ×, ±, §); the rest (every
  // C1 control, the other letters and symbols) is a mark of mojibake.
  static const auto kVietLatin1 = [] {
    std::array<bool, 128> t{};
    for (char32_t cp :
         std::u32string_view(U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý\u00A0²³°«»×±§"))
      t[cp - 0x80] = true;
    return t;
  }();
  FastCounts f;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen positions at a time. In valid UTF-8 every byte >= C2 starts a
  // character, so each position can be judged on its own with the two
  // bytes after it; a character cut by the block's end is read across it.
  // The Latin-1 letters are few and go through the table one by one.
  auto splat = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
  auto eq = [&](__m128i x, int b) { return _mm_cmpeq_epi8(x, splat(b)); };
  auto any = [](__m128i a, __m128i b) { return _mm_or_si128(a, b); };
  auto both = [](__m128i a, __m128i b) { return _mm_and_si128(a, b); };
  // The letters and marks are counted in per-byte counters (a compare's -1
  // subtracted), added up before they can wrap: no bit count per block.
  const __m128i zero = _mm_setzero_si128();
  __m128i viet_counts = zero, suspect_counts = zero;
  size_t counted_blocks = 0;
  auto add_up = [&] {
    auto total = [&](__m128i counts) {
      const __m128i sums = _mm_sad_epu8(counts, zero);
      return static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<size_t>(
                 _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    };
    f.viet += total(viet_counts);
    f.suspect += total(suspect_counts);
    viet_counts = suspect_counts = zero;
    counted_blocks = 0;
  };
  for (; i + 18 <= n; i += 16) {
    const auto* q = reinterpret_cast<const __m128i*>(p + i);
    const __m128i v = _mm_loadu_si128(q);
    if (!_mm_movemask_epi8(v)) continue;  // ASCII only
    if (++counted_blocks == 255) add_up();
    const __m128i v1 =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i v2 =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    const __m128i breve_stroke =  // Ă ă Đ đ
        both(eq(v, 0xC4), any(any(eq(v1, 0x82), eq(v1, 0x83)),
                              any(eq(v1, 0x90), eq(v1, 0x91))));
    const __m128i horn =  // Ơ ơ Ư ư
        both(eq(v, 0xC6), any(any(eq(v1, 0xA0), eq(v1, 0xA1)),
                              any(eq(v1, 0xAF), eq(v1, 0xB0))));
    const __m128i ge_a0 = _mm_cmpeq_epi8(_mm_max_epu8(v2, splat(0xA0)), v2);
    const __m128i le_b9 = _mm_cmpeq_epi8(_mm_min_epu8(v2, splat(0xB9)), v2);
    const __m128i block_1ea0 =  // U+1EA0-U+1EF9
        both(eq(v, 0xE1),
             any(both(eq(v1, 0xBA), ge_a0), both(eq(v1, 0xBB), le_b9)));
    viet_counts =
        _mm_sub_epi8(viet_counts, any(any(breve_stroke, horn), block_1ea0));
    const __m128i le_a3 = _mm_cmpeq_epi8(_mm_min_epu8(v1, splat(0xA3)), v1);
    const __m128i combining = both(eq(v, 0xCC), le_a3);  // U+0300-U+0323
    if (const int cm = _mm_movemask_epi8(combining)) {
      f.combining += popcount16(cm);
      f.vowel_marks |=
          _mm_movemask_epi8(both(combining, any(any(eq(v1, 0x82), eq(v1, 0x86)),
                                                eq(v1, 0x9B)))) != 0;
    }
    // kVietLatin1 in vector form (the unit test checks the two agree on
    // every Latin-1 character): after C3 the vowels with their marks and
    // Ý, either case (0x20 folded away), and × (97); after C2 the signs.
    const __m128i lead_c2 = eq(v, 0xC2), lead_c3 = eq(v, 0xC3);
    if (_mm_movemask_epi8(any(lead_c2, lead_c3))) {
      auto in_range = [&](__m128i x, int lo, int hi) {
        const __m128i off = _mm_sub_epi8(x, splat(lo));
        return _mm_cmpeq_epi8(_mm_min_epu8(off, splat(hi - lo)), off);
      };
      const __m128i folded = _mm_and_si128(v1, splat(0xDF));
      const __m128i vowel = any(
          any(any(in_range(folded, 0x80, 0x83), in_range(folded, 0x88, 0x8A)),
              any(in_range(folded, 0x8C, 0x8D), in_range(folded, 0x92, 0x95))),
          any(any(in_range(folded, 0x99, 0x9A), eq(folded, 0x9D)),
              eq(v1, 0x97)));
      const __m128i sign = any(
          any(any(eq(v1, 0xA0), eq(v1, 0xA7)), any(eq(v1, 0xAB), eq(v1, 0xBB))),
          in_range(v1, 0xB0, 0xB3));
      const __m128i suspect = any(_mm_andnot_si128(vowel, lead_c3),
                                  _mm_andnot_si128(sign, lead_c2));
      suspect_counts = _mm_sub_epi8(suspect_counts, suspect);
    }
  }
  add_up();
#endif
  for (; i + 1 < n;) {
    if (i + 8 <= n) {  // skip ASCII eight bytes at a time
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      const uint64_t high = w & 0x8080808080808080ull;
      if (!high) {
        i += 8;
        continue;
      }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      i += static_cast<unsigned>(__builtin_clzll(high)) >> 3;
#else
      i += static_cast<unsigned>(__builtin_ctzll(high)) >> 3;
#endif
      if (i + 1 >= n) break;
    }
    const unsigned char b = p[i];
    if (b < 0xC2) {  // ASCII or a continuation byte
      ++i;
      continue;
    }
    const size_t len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i + len > n) break;
    const unsigned char c = p[i + 1];
    switch (b) {
      case 0xC2:
      case 0xC3:
        f.suspect += !kVietLatin1[((b & 1) << 6) | (c & 0x3F)];
        break;
      case 0xC4:  // Ă ă Đ đ
        f.viet += c == 0x82 || c == 0x83 || c == 0x90 || c == 0x91;
        break;
      case 0xC6:  // Ơ ơ Ư ư
        f.viet += c == 0xA0 || c == 0xA1 || c == 0xAF || c == 0xB0;
        break;
      case 0xCC:  // U+0300-U+033F
        if (c <= 0xA3) {
          ++f.combining;
          f.vowel_marks |= c == 0x82 || c == 0x86 || c == 0x9B;
        }
        break;
      case 0xE1:  // U+1EA0-U+1EF9 is E1 BA A0 .. E1 BB B9
        if ((c == 0xBA && p[i + 2] >= 0xA0) || (c == 0xBB && p[i + 2] <= 0xB9))
          ++f.viet;
        break;
      default:
        break;
    }
    i += len;
  }
  return f;
}

Detection detect_utf8(std::string_view sample, bool ascii_only) {
  if (ascii_only) {
    Score v = score_viqr(sample);
    if (v.good >= 3 && v.share() >= 0.7) {
      return {Encoding::kViqr, confidence_from(v, 0.0),
              fmt("ASCII with VIQR marks: %.0f/%.0f syllables valid", v.good,
                  v.good + v.bad)};
    }
    return {Encoding::kUtf8, 0.99, "ASCII only"};
  }
  {
    // Fast path: plenty of letters that only Unicode Vietnamese has (ă đ ơ ư,
    // U+1EA0-U+1EF9, or their NFD/tổ hợp form: combining marks after a base
    // letter) and hardly any Latin-1 letter that Vietnamese never uses (the
    // marks of TCVN3/VNI mojibake: µ · ¸ ä ø ...): plain Unicode text, not
    // worth scoring syllable by syllable. The sample is valid UTF-8 here, so
    // the counts are read off the lead bytes without decoding.
    const FastCounts f = fast_counts(sample);
    if (f.viet + f.combining >= 20 && f.suspect * 50 <= f.viet + f.combining) {
      if (f.combining == 0)
        return {Encoding::kUtf8, 0.99,
                fmt("valid UTF-8: %.0f Vietnamese letters, no mojibake marks",
                    double(f.viet))};
      // Full NFD decomposes the vowel diacritics too; UniKey's "tổ hợp"
      // keeps precomposed â ê ô ơ ư ă and adds only the tone marks.
      return {Encoding::kUtf8, 0.99,
              fmt(f.vowel_marks
                      ? "valid UTF-8, NFD: %.0f combining marks, no mojibake "
                        "marks"
                      : "valid UTF-8, Unicode tổ hợp: precomposed letters with "
                        "combining tones (%.0f marks), no mojibake marks",
                  double(f.combining))};
    }
  }
  Score u = score_text(sample);
  std::string evidence =
      fmt("valid UTF-8: %.0f/%.0f syllables valid", u.good, u.good + u.bad);
  if (u.combining) {
    // Full NFD decomposes the vowel diacritics too; UniKey's "tổ hợp" keeps
    // precomposed â ê ô ơ ư ă and adds only the tone marks.
    std::u32string cps = internal::to_u32(sample);
    bool vowel_marks = false;
    for (char32_t cp : cps)
      vowel_marks |= cp == 0x302 || cp == 0x306 || cp == 0x31B;
    evidence += fmt(vowel_marks ? "; NFD (%.0f combining marks)"
                                : "; Unicode tổ hợp: precomposed letters with "
                                  "combining tones (%.0f marks)",
                    u.combining);
  }
  // Mojibake shows as Latin-1/Windows-1252 letters inside words.
  int latin = 0;
  size_t i = 0;
  while (i < sample.size()) {
    char32_t cp = 0;
    size_t len = internal::decode_utf8(sample, i, cp);
    if (!len) len = 1;
    if (cp >= 0x80 && internal::cp1252_byte(cp) >= 0 && ++latin >= 3) break;
    i += len;
  }
  // A repair must fix at least three words the UTF-8 reading gets wrong.
  if (latin >= 3 && u.bad >= 3) {
    Encoding kinds[2] = {Encoding::kMojibakeTcvn3, Encoding::kMojibakeVni};
    Score best_score;
    Encoding best = Encoding::kUtf8;
    double other_share = u.share();
    for (Encoding k : kinds) {
      Decoded d = internal::decode_mojibake(sample, k == Encoding::kMojibakeVni
                                                        ? Encoding::kVni
                                                        : Encoding::kTcvn3);
      Score m = score_text(d.text);
      const int gained = m.good - u.good;
      const int fixed = u.bad - m.bad;
      // Conservative: a real UTF-8 text with a few Latin-1 words gains
      // nothing; mojibake turns many invalid words into valid ones.
      if (gained >= 3 && fixed >= 3 && gained * 2 >= u.good &&
          m.share() >= 0.6 && m.good > best_score.good) {
        other_share = std::max(other_share, best_score.share());
        best_score = m;
        best = k;
      }
    }
    if (best != Encoding::kUtf8) {
      return {best, confidence_from(best_score, other_share),
              evidence + "; repaired as " + to_string(best) +
                  fmt(": %.0f/%.0f syllables valid", best_score.good,
                      best_score.good + best_score.bad)};
    }
  }
  const double conf = u.good + u.bad == 0 ? 0.95 : 0.9 + 0.1 * u.share();
  return {Encoding::kUtf8, conf, evidence};
}

}  // namespace

namespace internal {

Detection detect_encoding(std::string_view bytes, bool& whole_valid_utf8) {
  whole_valid_utf8 = false;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
    return {Encoding::kUtf8, 1.0, "UTF-8 byte order mark"};
  if (bytes.substr(0, 2) == "\xFF\xFE")
    return {Encoding::kUtf16LE, 1.0, "UTF-16LE byte order mark"};
  if (bytes.substr(0, 2) == "\xFE\xFF")
    return {Encoding::kUtf16BE, 1.0, "UTF-16BE byte order mark"};
  if (bytes.empty()) return {Encoding::kUtf8, 1.0, "empty"};
  bool little = true;
  if (looks_utf16(bytes, &little)) {
    return {little ? Encoding::kUtf16LE : Encoding::kUtf16BE, 0.9,
            "every other byte is zero"};
  }
  std::string_view sample = bytes.substr(0, kSampleBytes);
  // Do not cut a UTF-8 sequence in half at the end of the sample.
  while (sample.size() < bytes.size() && !sample.empty() &&
         (static_cast<unsigned char>(bytes[sample.size()]) & 0xC0) == 0x80)
    sample.remove_suffix(1);
  const bool ascii = std::none_of(sample.begin(), sample.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
  // The whole input is checked here (the sample, which ends on a character
  // boundary, is valid if the whole is): a UTF-8 reader then copies it
  // without checking it again.
  whole_valid_utf8 = sample.size() == bytes.size()
                         ? ascii || internal::is_valid_utf8(sample)
                         : internal::is_valid_utf8(bytes);
  if (ascii || whole_valid_utf8 ||
      (sample.size() < bytes.size() && internal::is_valid_utf8(sample)))
    return detect_utf8(sample, ascii);
  // UTF-8 damaged in a few places (a truncated sequence, a stray byte) is
  // still UTF-8: the bad bytes become U+FFFD with a diagnostic. Legacy
  // encodings produce few well-formed multi-byte sequences by chance.
  size_t valid = 0, invalid = 0;
  for (size_t i = 0; i < sample.size();) {
    if (static_cast<unsigned char>(sample[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const size_t n = internal::decode_utf8(sample, i, cp);
    if (n) {
      ++valid;
      i += n;
    } else {
      ++invalid;
      ++i;
    }
  }
  if (valid >= 2 && valid >= 2 * invalid) {
    Detection d = detect_utf8(sample, false);
    d.confidence = std::min(d.confidence, 0.7);
    d.evidence = std::to_string(invalid) + " invalid UTF-8 sequences among " +
                 std::to_string(valid) + " valid ones; " + d.evidence;
    return d;
  }
  return detect_legacy(sample);
}

}  // namespace internal

namespace internal {
Utf8MarkCounts count_utf8_marks(std::string_view utf8) {
  return fast_counts(utf8);
}
}  // namespace internal

Detection detect_encoding(std::string_view bytes) {
  bool whole_valid_utf8;
  return internal::detect_encoding(bytes, whole_valid_utf8);
}

}  // namespace vnlegal
