// Normalization in three passes, each recording its edits in an OffsetMap:
//   A. characters: U+FFFD for invalid UTF-8 (done by decoding), NFC through
//      ICU with a quick-check fast path, invisible characters, Đ look-alikes,
//      spaces, line endings, HTML entities;
//   B. markup residue: HTML tags, markdown emphasis, images, rules; emphasis
//      is kept as private-use sentinels so pass C can report it;
//   C. lines: whitespace collapsed, hyphen spacing, wrapped lines and
//      paragraphs split by page breaks re-joined.
#include "vnlegal/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "internal/scan.h"
#include "internal/text_builder.h"
#include "internal/utf8.h"
#include "normalize/byte_scan.h"
#include "normalize/lookalikes.h"
#include "normalize/passes.h"

namespace vnlegal {
namespace {

using internal::append_utf8;
using internal::decode_utf8;
using internal::encode_utf8;
using internal::TextBuilder;

// Emphasis sentinels (private use), produced by pass B, consumed by pass C.
constexpr char32_t kEmphasisOpen = 0xE000;
constexpr char32_t kEmphasisClose = 0xE001;
// A page break (form feed) for the line pass, which drops the page numbers
// next to it and joins the paragraph it cut; never in the output.
constexpr char32_t kPageBreak = 0xE002;
constexpr std::string_view kOpenUtf8 = "\xEE\x80\x80";
constexpr std::string_view kCloseUtf8 = "\xEE\x80\x81";

struct Entity {
  std::string_view name;
  char32_t cp;
};
constexpr Entity kEntities[] = {
    {"nbsp", 0x20},     {"amp", '&'},      {"lt", '<'},       {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},    {"ndash", 0x2013}, {"mdash", 0x2014},
    {"hellip", 0x2026}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"laquo", 0xAB},   {"raquo", 0xBB},
};

// Decodes an HTML entity at s[i] ('&'); returns its length or 0.
size_t html_entity(std::string_view s, size_t i, char32_t& cp) {
  size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 10 || semi == i + 1)
    return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    uint32_t value = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    size_t k = hex ? 2 : 1;
    if (k >= body.size()) return 0;
    for (; k < body.size(); ++k) {
      char c = body[k];
      int d = c >= '0' && c <= '9'          ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return 0;
      value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (value > 0x10FFFF) return 0;
    }
    if (value == 0 || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    cp = value;
    return semi - i + 1;
  }
  for (const Entity& e : kEntities)
    if (body == e.name) {
      cp = e.cp;
      return semi - i + 1;
    }
  return 0;
}

// What pass A does with one code point: keep it, drop it, or map it.
enum class CharAction { kKeep, kDrop, kMap };
CharAction classify_char(char32_t cp, char32_t& mapped) {
  switch (cp) {
    case '\t':
    case '\v':
    case 0xA0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      mapped = ' ';
      return CharAction::kMap;
    case '\f':
      mapped = kPageBreak;
      return CharAction::kMap;
    case 0x2028:
    case 0x2029:
    case 0x85:
      mapped = '\n';  // page and paragraph breaks
      return CharAction::kMap;
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0xAD:
    case kEmphasisOpen:
    case kEmphasisClose:
    case kPageBreak:
      return CharAction::kDrop;
    case 0xD0:  // Ð (Latin eth) typed for Đ
      mapped = 0x110;
      return CharAction::kMap;
    case 0xF0:
      mapped = 0x111;
      return CharAction::kMap;
    // Ƣ ƣ (U+01A2, U+01A3, "oi") for Ư ư: what the text layers of many PDFs
    // hold ("trƣờng", "dƣới"); Vietnamese has no use for them.
    case 0x1A2:
      mapped = 0x1AF;
      return CharAction::kMap;
    case 0x1A3:
      mapped = 0x1B0;
      return CharAction::kMap;
    case 0x2011:
    case 0x2010:
      mapped = '-';
      return CharAction::kMap;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) {
    mapped = ' ';
    return CharAction::kMap;
  }
  if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp < 0xA0))
    return CharAction::kDrop;
  return CharAction::kKeep;
}

// Length of the character at s[i] if it is an NFC-stable starter needing
// no mapping (printable ASCII but '&', the line feed, Latin-1 letters,
// Latin Extended-A/B, the Vietnamese block U+1EA0-U+1EF9), else 0. Only
// well-formed sequences are accepted.
inline size_t stable_char_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80)
    return (b0 >= 0x20 && b0 < 0x7F && b0 != '&') || b0 == '\n' ? 1 : 0;
  if (i + 1 >= s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if ((b1 & 0xC0) != 0x80) return 0;
  if (b0 >= 0xC3 && b0 <= 0xC9) {  // U+00C0-U+024F
    // Ð and ð (U+00D0, U+00F0) are mapped to Đ/đ, Ƣ ƣ (U+01A2, U+01A3)
    // to Ư ư.
    if (b0 == 0xC3 && (b1 == 0x90 || b1 == 0xB0)) return 0;
    if (b0 == 0xC6 && (b1 == 0xA2 || b1 == 0xA3)) return 0;
    return 2;
  }
  if (b0 == 0xE1 && b1 == 0xBA && i + 2 < s.size()) {  // U+1E80-U+1EBF
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    return b2 >= 0xA0 && b2 <= 0xBF ? 3 : 0;
  }
  if (b0 == 0xE1 && b1 == 0xBB && i + 2 < s.size()) {  // U+1EC0-U+1EFF
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    return b2 >= 0x80 && b2 <= 0xB9 ? 3 : 0;
  }
  return 0;
}

// The end of the run of stable characters (stable_char_length) that starts
// at `from`, a character boundary, and the start of its last character.
struct StableRun {
  size_t end;
  size_t last;
};

// A block loop's answer: where it stopped, the run's last character so
// far, and whether it stopped at a character that is not stable (else at
// the end of the blocks, for the next loop to go on).
struct StableBlocks {
  size_t end;
  size_t last;
  bool stopped;
};

#if defined(__SSE2__)
// Sixteen bytes at a time (baseline x86-64).
namespace sse2_blocks {
using Vec = signed char __attribute__((vector_size(16)));
inline uint64_t mask(Vec a) {
  return static_cast<uint32_t>(_mm_movemask_epi8(reinterpret_cast<__m128i>(a)));
}
#include "normalize/stable_blocks.inc"
}  // namespace sse2_blocks
#endif

#if defined(__GNUC__) && defined(__x86_64__)
// Thirty-two bytes at a time where the processor has AVX2 (checked at run
// time): the same loop, compiled for it.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), \
                             apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2")
#endif
namespace avx2_blocks {
using Vec = signed char __attribute__((vector_size(32)));
inline uint64_t mask(Vec a) {
  return static_cast<uint32_t>(
      _mm256_movemask_epi8(reinterpret_cast<__m256i>(a)));
}
#include "normalize/stable_blocks.inc"
}  // namespace avx2_blocks
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#define VNLEGAL_STABLE_AVX2 1
#endif

// Whether the processor has AVX2, and the widest block loop stable_run may
// use: 2 for AVX2 (where the processor has it), 1 for SSE2, 0 for none
// (tests check each against the others on any machine).
bool stable_avx2_supported() {
#if defined(VNLEGAL_STABLE_AVX2)
  static const bool supported = [] {
    __builtin_cpu_init();  // in case this runs before the CPU is probed
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return supported;
#else
  return false;
#endif
}
int stable_scan_width = 2;

// The bytes among the eight at p that stable_char_length does not take as
// one-byte characters (bytes above 0x7F, control characters, DEL and '&';
// the line feed too, left to it), as the top bit of each. Only the lowest
// is exact (a borrow can mark a byte above it), which is all callers read.
inline uint64_t non_ascii_stable_bytes(const char* p) {
  constexpr uint64_t k01 = 0x0101010101010101u;
  constexpr uint64_t k80 = 0x8080808080808080u;
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  const uint64_t below_20 = (v - 0x20 * k01) & ~v;
  const uint64_t del = v ^ (0x7F * k01);
  const uint64_t amp = v ^ ('&' * k01);
  return (v | below_20 | ((del - k01) & ~del) | ((amp - k01) & ~amp)) & k80;
}

StableRun stable_run(std::string_view in, size_t from) {
  size_t j = from;
  size_t last = from;
  // Decomposed text ends a run within a few characters (a mark follows
  // every letter or two): a block loaded and tested there is wasted, so the
  // first block's worth of bytes is looked at eight ASCII bytes at a time,
  // other characters one at a time.
  while (j < in.size() && j - from < 16) {
    if (j + 8 <= in.size()) {
      const uint64_t other = non_ascii_stable_bytes(in.data() + j);
      if (!other) {
        last = j + 7;
        j += 8;
        continue;
      }
      const size_t ascii = static_cast<size_t>(__builtin_ctzll(other)) / 8;
      if (ascii) {
        last = j + ascii - 1;
        j += ascii;
      }
    }
    const size_t n = stable_char_length(in, j);
    if (!n) return {j, last};
    last = j;
    j += n;
  }
#if defined(VNLEGAL_STABLE_AVX2)
  if (stable_scan_width >= 2 && stable_avx2_supported()) {
    const StableBlocks r = avx2_blocks::stable_blocks(in, j, last);
    if (r.stopped) return {r.end, r.last};
    j = r.end;
    last = r.last;
  }
#endif
#if defined(__SSE2__)
  if (stable_scan_width >= 1) {
    const StableBlocks r = sse2_blocks::stable_blocks(in, j, last);
    if (r.stopped) return {r.end, r.last};
    j = r.end;
    last = r.last;
  }
#endif
  while (j < in.size()) {
    const size_t n = stable_char_length(in, j);
    if (!n) break;
    last = j;
    j += n;
  }
  return {j, last};
}

// Normalization properties of a code point, from a table for U+0000-U+206F
// (Latin, Vietnamese, the combining marks, Greek, Cyrillic, General
// Punctuation) and from ICU above it: decomposed text asks for them at every
// character.
struct NormProps {
  uint8_t ccc = 0;        // canonical combining class
  uint8_t trail_ccc = 0;  // ccc of the last character of its decomposition
  bool nfc_yes = true;    // NFC quick check says yes
  bool boundary = true;   // NFC has a boundary before it
};

NormProps icu_props(const icu::Normalizer2& nfc, UChar32 c) {
  NormProps p;
  p.ccc = static_cast<uint8_t>(u_getCombiningClass(c));
  p.trail_ccc = static_cast<uint8_t>(
      u_getIntPropertyValue(c, UCHAR_TRAIL_CANONICAL_COMBINING_CLASS));
  p.nfc_yes = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
  p.boundary = nfc.hasBoundaryBefore(c);
  return p;
}

// The table for U+0000-U+206F, filled entry by entry as code points are
// met: a text meets a few dozen of them, and asking ICU about all 8304 up
// front costs more than normalizing a short document (the command-line tool
// pays it for every file). Entries are packed words; threads that race on
// one compute the same value, so relaxed atomic stores suffice.
constexpr char32_t kNormTableEnd = 0x2070;
class NormTable {
 public:
  explicit NormTable(const icu::Normalizer2& nfc) : nfc_(nfc) {}
  NormProps operator[](char32_t cp) const {
    uint32_t w = packed_[cp].load(std::memory_order_relaxed);
    if (!(w & kKnown)) {
      const NormProps p = icu_props(nfc_, static_cast<UChar32>(cp));
      w = kKnown | p.ccc | uint32_t{p.trail_ccc} << 8 |
          uint32_t{p.nfc_yes} << 16 | uint32_t{p.boundary} << 17;
      packed_[cp].store(w, std::memory_order_relaxed);
    }
    NormProps p;
    p.ccc = static_cast<uint8_t>(w);
    p.trail_ccc = static_cast<uint8_t>(w >> 8);
    p.nfc_yes = (w >> 16) & 1;
    p.boundary = (w >> 17) & 1;
    return p;
  }

 private:
  static constexpr uint32_t kKnown = 1u << 31;
  const icu::Normalizer2& nfc_;
  mutable std::array<std::atomic<uint32_t>, kNormTableEnd> packed_{};
};

const NormTable* norm_table(const icu::Normalizer2& nfc) {
  static const NormTable kTable(nfc);
  return &kTable;
}

// Inline, with the table looked up once by the caller: decomposed text asks
// at every mark.
inline NormProps norm_props(const icu::Normalizer2& nfc, const NormTable* table,
                            char32_t cp) {
  return cp < kNormTableEnd ? (*table)[cp]
                            : icu_props(nfc, static_cast<UChar32>(cp));
}

NormProps norm_props(const icu::Normalizer2& nfc, char32_t cp) {
  return norm_props(nfc, norm_table(nfc), cp);
}

// Canonical composition of one segment (a starter and the combining marks
// after it, as in decomposed Vietnamese: "e" U+0302 U+0301 -> "ế") without
// the general normalizer: the marks are composed onto the starter one by one
// with Normalizer2::composePair, which is the composition algorithm when the
// marks are in canonical order, the starter is itself NFC and none of its own
// marks would be reordered after the following ones. Returns false (the
// caller then asks the normalizer) for anything else.
bool compose_segment(const icu::Normalizer2& nfc, std::string_view seg,
                     std::string& out) {
  char32_t cps[16];
  size_t count = 0;
  for (size_t i = 0; i < seg.size();) {
    if (count == 16) return false;
    char32_t cp;
    const size_t len = decode_utf8(seg, i, cp);
    if (!len) return false;
    cps[count++] = cp;
    i += len;
  }
  if (count < 2) return false;
  const auto starter = static_cast<UChar32>(cps[0]);
  const NormProps sp = norm_props(nfc, cps[0]);
  if (sp.ccc != 0 || !sp.nfc_yes) return false;
  int prev_ccc = sp.trail_ccc;
  UChar32 composed = starter;
  int blocked_ccc = -1;  // ccc of the last mark left uncomposed
  char32_t rest[16];
  size_t rest_count = 0;
  for (size_t k = 1; k < count; ++k) {
    const auto mark = static_cast<UChar32>(cps[k]);
    const int ccc = norm_props(nfc, cps[k]).ccc;
    if (ccc == 0 || ccc < prev_ccc) return false;  // not canonical order
    prev_ccc = ccc;
    const UChar32 pair =
        blocked_ccc == ccc ? -1 : nfc.composePair(composed, mark);
    if (pair >= 0) {
      composed = pair;
    } else {
      rest[rest_count++] = cps[k];
      blocked_ccc = ccc;
    }
  }
  append_utf8(out, static_cast<char32_t>(composed));
  for (size_t k = 0; k < rest_count; ++k) append_utf8(out, rest[k]);
  return true;
}

// Composed forms of short decomposed segments ("e" U+0302 U+0301 -> "ế"),
// per thread, direct-mapped by a hash of the segment's bytes: a segment is
// composed the same way wherever it occurs, so a hit gives the normalizer's
// own answer without asking it again.
class CompositionCache {
 public:
  static constexpr size_t kBytes = 15;  // longest segment (and result) kept
  struct Entry {
    bool filled = false;
    bool lookalike = false;  // `out` holds a character of lookalike_char
    uint8_t in_len = 0;
    uint8_t out_len = 0;
    char in[kBytes];
    char out[kBytes];
    void fill(std::string_view seg, std::string_view composed) {
      if (composed.size() > kBytes) return;
      in_len = static_cast<uint8_t>(seg.size());
      out_len = static_cast<uint8_t>(composed.size());
      std::memcpy(in, seg.data(), seg.size());
      std::memcpy(out, composed.data(), composed.size());
      lookalike = internal::may_hold_lookalikes(composed);
      filled = true;
    }
  };
  // The entry for `seg`: filled if `seg` is known, else empty or holding
  // another segment (to be overwritten with fill()); null if `seg` is too
  // long to be kept.
  Entry* find(std::string_view seg) {
    if (seg.size() > kBytes) return nullptr;
    uint32_t h = 2166136261u;
    for (char c : seg) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    Entry& e = entries_[h % kEntries];
    // A few bytes: compared in line rather than through a memcmp call.
    bool same = e.filled && e.in_len == seg.size();
    for (size_t k = 0; same && k < seg.size(); ++k) same = e.in[k] == seg[k];
    if (!same) e.filled = false;  // another segment: replaced after composing
    return &e;
  }

 private:
  static constexpr size_t kEntries = 2048;
  Entry entries_[kEntries];
};

CompositionCache& composition_cache() {
  static thread_local CompositionCache cache;
  return cache;
}

// Canonical compositions of a Latin letter (U+0000-U+024F, U+1E00-U+1EFF)
// with one of the marks U+0300-U+0323, the marks Vietnamese is typed with
// in decomposed form: a row per letter, filled from Normalizer2::composePair
// when the letter first occurs, so that a decomposed syllable is composed
// with two table reads instead of a call into the normalizer per mark.
class LatinCompositions {
 public:
  static constexpr char32_t kFirstMark = 0x300;
  static constexpr char32_t kMarks = 0x24;  // U+0300-U+0323
  // The composition of `letter` and `mark` if it is itself such a letter,
  // else 0 (no composition, or one the table does not cover).
  char32_t pair(const icu::Normalizer2& nfc, char32_t letter, char32_t mark) {
    const int row = row_of(letter);
    if (row < 0 || mark < kFirstMark || mark >= kFirstMark + kMarks) return 0;
    Row& r = rows_[row];
    if (!r.filled) {
      for (char32_t m = 0; m < kMarks; ++m) {
        const UChar32 c = nfc.composePair(static_cast<UChar32>(letter),
                                          static_cast<UChar32>(kFirstMark + m));
        r.composed[m] = c > 0 && row_of(static_cast<char32_t>(c)) >= 0
                            ? static_cast<uint16_t>(c)
                            : 0;
      }
      r.filled = true;
    }
    return r.composed[mark - kFirstMark];
  }

 private:
  static int row_of(char32_t cp) {
    if (cp < 0x250) return static_cast<int>(cp);
    if (cp >= 0x1E00 && cp < 0x1F00)
      return static_cast<int>(0x250 + cp - 0x1E00);
    return -1;
  }
  struct Row {
    bool filled = false;
    uint16_t composed[kMarks];
  };
  Row rows_[0x250 + 0x100];
};

// A decomposed syllable's letter: the starter at in[start, end) (a stable
// character, see stable_char_length) followed by marks U+0300-U+0323 and
// then by a stable character or the end of the text, so that the letter and
// its marks are one composition segment. Composes them as compose_segment
// does (marks in canonical order, each composing with the letter so far)
// into `out` and returns the end of the marks; returns 0 for anything else,
// which the general path then handles.
LatinCompositions& latin_compositions() {
  static thread_local LatinCompositions table;
  return table;
}

size_t compose_latin_letter(const icu::Normalizer2& nfc, const NormTable& props,
                            LatinCompositions& table, std::string_view in,
                            size_t start, size_t end, char* out,
                            size_t& out_len) {
  char32_t composed;
  if (!decode_utf8(in, start, composed)) return 0;
  const NormProps sp = props[composed];  // the starter is below U+1F00
  if (sp.ccc != 0 || !sp.nfc_yes) return 0;
  int prev_ccc = sp.trail_ccc;
  size_t k = end;
  while (k + 1 < in.size() && static_cast<unsigned char>(in[k]) == 0xCC &&
         static_cast<unsigned char>(in[k + 1]) >= 0x80 &&
         static_cast<unsigned char>(in[k + 1]) <= 0xA3) {
    const char32_t mark =
        0x300 + (static_cast<unsigned char>(in[k + 1]) - 0x80);
    const int ccc = props[mark].ccc;
    if (ccc == 0 || ccc < prev_ccc) return 0;
    prev_ccc = ccc;
    composed = table.pair(nfc, composed, mark);
    if (!composed) return 0;
    k += 2;
  }
  if (k == end || (k < in.size() && !stable_char_length(in, k))) return 0;
  out_len = encode_utf8(composed, out);  // a letter below U+1F00: 2-3 bytes
  return k;
}

// Pass A. `lookalikes` is set if the text it writes may hold characters the
// look-alike pass changes: only characters off the fast path can be such.
std::string pass_chars(std::string_view in, OffsetMap& map,
                       const NormalizeOptions& options,
                       Diagnostics& diagnostics, bool& lookalikes) {
  lookalikes = false;
  size_t invalid_count = 0;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // Looked up at the first need.
  const NormTable* props_table = nullptr;
  LatinCompositions* latin = nullptr;
  TextBuilder b(in.size());
  // A pending segment [seg_begin, i) of code points that compose together.
  size_t seg_begin = 0;
  bool seg_needs_nfc = false;
  auto flush = [&](size_t end) {
    if (end <= seg_begin) return;
    std::string_view seg = in.substr(seg_begin, end - seg_begin);
    if (seg_needs_nfc && U_SUCCESS(status)) {
      // Decomposed text repeats a few hundred syllables: remember them.
      CompositionCache::Entry* hit = composition_cache().find(seg);
      if (hit && hit->filled) {
        lookalikes |= hit->lookalike;
        b.replace(static_cast<uint32_t>(seg_begin), static_cast<uint32_t>(end),
                  std::string_view(hit->out, hit->out_len));
        seg_begin = end;
        seg_needs_nfc = false;
        return;
      }
      std::string composed;
      if (compose_segment(*nfc, seg, composed)) {
        lookalikes |= internal::may_hold_lookalikes(composed);
        if (hit) hit->fill(seg, composed);
        b.replace(static_cast<uint32_t>(seg_begin), static_cast<uint32_t>(end),
                  composed);
        seg_begin = end;
        seg_needs_nfc = false;
        return;
      }
      composed.clear();
      icu::StringByteSink<std::string> sink(&composed);
      UErrorCode st = U_ZERO_ERROR;
      nfc->normalizeUTF8(
          0, icu::StringPiece(seg.data(), static_cast<int32_t>(seg.size())),
          sink, nullptr, st);
      if (U_SUCCESS(st)) {
        lookalikes |= internal::may_hold_lookalikes(composed);
        if (hit) hit->fill(seg, composed);
        b.replace(static_cast<uint32_t>(seg_begin), static_cast<uint32_t>(end),
                  composed);
      } else {
        b.copy(static_cast<uint32_t>(seg_begin), seg);
      }
    } else {
      b.copy(static_cast<uint32_t>(seg_begin), seg);
    }
    seg_begin = end;
    seg_needs_nfc = false;
  };
  size_t i = 0;
  while (i < in.size()) {
    const auto byte = static_cast<unsigned char>(in[i]);
    // Fast path: printable ASCII and precomposed Vietnamese letters are
    // NFC-stable starters that need no mapping; copy them as a run.
    if (stable_char_length(in, i)) {
      const StableRun run = stable_run(in, i);
      // The run starts a new composition segment.
      if (i > seg_begin) flush(i);
      // Decomposed text: the marks after the run's last letter, composed
      // onto it at once.
      if (run.end + 1 < in.size() &&
          static_cast<unsigned char>(in[run.end]) == 0xCC &&
          U_SUCCESS(status)) {
        if (!props_table) {
          props_table = norm_table(*nfc);
          latin = &latin_compositions();
        }
        char letter[4];
        size_t letter_len = 0;
        if (const size_t marks_end =
                compose_latin_letter(*nfc, *props_table, *latin, in, run.last,
                                     run.end, letter, letter_len)) {
          // A composed Latin letter is no look-alike (lookalike_char).
          b.copy_and_replace(static_cast<uint32_t>(i),
                             in.substr(i, run.last - i),
                             static_cast<uint32_t>(marks_end),
                             std::string_view(letter, letter_len));
          seg_begin = marks_end;
          i = marks_end;
          continue;
        }
      }
      // Keep the last char in the segment: a combining mark may follow.
      b.copy(static_cast<uint32_t>(i), in.substr(i, run.last - i));
      seg_begin = run.last;
      i = run.end;
      continue;
    }
    char32_t cp = byte;
    size_t len = 1;
    if (byte >= 0x80) {
      len = decode_utf8(in, i, cp);
      if (len == 0) {
        // Invalid UTF-8 given directly to normalize(): U+FFFD.
        flush(i);
        if (invalid_count++ < 20)
          diagnostics.push_back({"invalid-utf8",
                                 Severity::kWarning,
                                 "invalid UTF-8 byte at offset " +
                                     std::to_string(i) + " replaced by U+FFFD",
                                 {}});
        b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1),
                  "\xEF\xBF\xBD");
        seg_begin = i + 1;
        i += 1;
        continue;
      }
    }
    if (cp == '\r') {
      flush(i);
      size_t n = i + 1 < in.size() && in[i + 1] == '\n' ? 2 : 1;
      b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + n), "\n");
      seg_begin = i + n;
      i += n;
      continue;
    }
    if (cp == '&') {
      char32_t ent;
      size_t n = html_entity(in, i, ent);
      flush(i);
      if (n) {
        std::string s;
        append_utf8(s, ent);
        lookalikes |= internal::lookalike_char(ent);
        b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + n), s);
        seg_begin = i + n;
        i += n;
      } else {
        b.copy(static_cast<uint32_t>(i), in.substr(i, 1));
        seg_begin = i + 1;
        i += 1;
      }
      continue;
    }
    char32_t mapped = cp;
    if (options.quotes == QuoteStyle::kFold) {
      if (cp == 0x201C || cp == 0x201D || cp == 0x201E) mapped = '"';
      if (cp == 0x2018 || cp == 0x2019) mapped = '\'';
    }
    CharAction action =
        mapped != cp ? CharAction::kMap : classify_char(cp, mapped);
    if (action != CharAction::kKeep) {
      flush(i);
      std::string s;
      if (action == CharAction::kMap) append_utf8(s, mapped);
      size_t end = i + len;
      if (action == CharAction::kMap && (cp == 0x1A2 || cp == 0x1A3) &&
          U_SUCCESS(status)) {
        // The tone marks after ƣ belong to the ư it stands for: composed
        // onto it ("dƣ" + U+0301 -> "dứ").
        char32_t mark = 0;
        size_t n = 0;
        while (end < in.size() && (n = decode_utf8(in, end, mark)) != 0 &&
               mark >= 0x300 && mark <= 0x36F)
          end += n;
        if (end > i + len) {
          s.append(in.substr(i + len, end - i - len));
          std::string composed;
          icu::StringByteSink<std::string> sink(&composed);
          UErrorCode st = U_ZERO_ERROR;
          nfc->normalizeUTF8(
              0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())),
              sink, nullptr, st);
          if (U_SUCCESS(st)) s = std::move(composed);
        }
      }
      b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(end), s);
      seg_begin = end;
      i = end;
      continue;
    }
    lookalikes |= internal::lookalike_char(cp);
    if (U_SUCCESS(status)) {
      if (!props_table) {
        props_table = norm_table(*nfc);
        latin = &latin_compositions();
      }
      const NormProps props = norm_props(*nfc, props_table, cp);
      if (props.boundary) flush(i);
      // Not NFC-stable, or a combining mark after an ASCII letter: the
      // segment must be composed.
      if (!props.nfc_yes || props.ccc != 0) seg_needs_nfc = true;
    }
    i += len;
  }
  flush(in.size());
  return b.take(map, static_cast<uint32_t>(in.size()));
}

// --- Pass B: markup residue ---

bool is_block_tag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p",       "div",        "br",    "tr",     "li",        "ul",
      "ol",      "table",      "tbody", "thead",  "h1",        "h2",
      "h3",      "h4",         "h5",    "h6",     "hr",        "section",
      "article", "blockquote", "pre",   "center", "jsontable", "img"};
  for (auto b : kBlock)
    if (name == b) return true;
  return false;
}
bool is_emphasis_tag(std::string_view name) {
  return name == "strong" || name == "b" || name == "em" || name == "i";
}
bool is_inline_tag(std::string_view name) {
  static constexpr std::string_view kInline[] = {
      "span",    "font", "u",    "sup",    "sub",  "a",    "td",  "th",
      "small",   "big",  "s",    "strike", "o:p",  "code", "col", "colgroup",
      "caption", "body", "html", "head",   "meta", "title"};
  for (auto t : kInline)
    if (name == t) return true;
  return false;
}

// Recognises an HTML tag at s[i] ('<'); returns its length (0 if not a tag)
// and whether it is a closing tag, with its lower-case name.
size_t html_tag(std::string_view s, size_t i, std::string& name,
                bool& closing) {
  if (s.compare(i, 4, "<!--") == 0) {
    size_t end = s.find("-->", i + 4);
    name = "!--";
    return end == std::string_view::npos ? 0 : end + 3 - i;
  }
  size_t k = i + 1;
  closing = k < s.size() && s[k] == '/';
  if (closing) ++k;
  name.clear();
  while (k < s.size() && name.size() < 12 &&
         (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == ':'))
    name.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(s[k++]))));
  if (name.empty()) return 0;
  if (!is_block_tag(name) && !is_emphasis_tag(name) && !is_inline_tag(name))
    return 0;
  if (k < s.size() && s[k] != '>' && s[k] != ' ' && s[k] != '/' &&
      s[k] != '\n' && s[k] != '\t')
    return 0;
  size_t end = s.find('>', k);
  if (end == std::string_view::npos || end - i > 2000) return 0;
  return end + 1 - i;
}

// A star run [i, j) between a mark and a mark ("-*-", "--*--" under the
// issuing body of an old document) with no star after it on its line: an
// ornament, dropped as a rule is, not an emphasis that nothing closes (it
// would run on to the next blank line, which a paragraph-per-line text
// never has).
bool decorative_star(std::string_view in, size_t i, size_t j) {
  auto mark = [](char c) {
    return std::ispunct(static_cast<unsigned char>(c)) != 0 && c != '*';
  };
  if (j >= in.size() || !mark(in[j])) return false;
  // Between two marks: "*(Kèm theo ...)" opening a line is an emphasis
  // whose close may be on a line below.
  if (i == 0 || !mark(in[i - 1])) return false;
  const size_t eol = std::min(in.find('\n', j), in.size());
  return in.substr(j, eol - j).find('*') == std::string_view::npos;
}

// "* (Ban hành kèm theo Công văn số ... ngày 28 tháng" / "11 năm 2025 của
// ...)*": a "* " opening a line whose next star closes a line of the same
// paragraph, after a letter or a mark, is an emphasis opened before a
// stray space, not a list bullet (read as a bullet, the closing star would
// open an emphasis that nothing closes). j is just after the star.
bool spaced_emphasis_open(std::string_view in, size_t j) {
  const size_t star = in.find('*', j);
  if (star == std::string_view::npos || star == 0 || in[star - 1] == ' ' ||
      in[star - 1] == '\n')
    return false;
  // Within the paragraph: no blank line before the star.
  for (size_t nl = in.find('\n', j); nl < star; nl = in.find('\n', nl + 1)) {
    size_t k = nl + 1;
    while (k < in.size() && in[k] == ' ') ++k;
    if (k >= in.size() || in[k] == '\n') return false;
  }
  size_t eol = star + 1;
  while (eol < in.size() && in[eol] == ' ') ++eol;
  return eol >= in.size() || in[eol] == '\n';
}

std::string pass_markup(std::string_view in, OffsetMap& map) {
  TextBuilder b(in.size());
  bool emphasis = false;
  // The closing '_' of a line in underscores, once its opening one is read.
  size_t underscore_close = std::string_view::npos;
  bool line_start = true;
  size_t i = 0;
  auto toggle = [&](size_t from, size_t to, bool on) {
    if (on == emphasis) {
      b.replace(static_cast<uint32_t>(from), static_cast<uint32_t>(to), "");
      return;
    }
    emphasis = on;
    b.replace(static_cast<uint32_t>(from), static_cast<uint32_t>(to),
              on ? kOpenUtf8 : kCloseUtf8);
  };
  while (i < in.size()) {
    const char c = in[i];
    if (c == '\n') {
      // A blank line ends any emphasis left open.
      size_t j = i + 1;
      while (j < in.size() && in[j] == ' ') ++j;
      if (emphasis && (j >= in.size() || in[j] == '\n')) toggle(i, i, false);
      b.copy(static_cast<uint32_t>(i), in.substr(i, 1));
      line_start = true;
      ++i;
      continue;
    }
    if (c == ' ') {
      b.copy(static_cast<uint32_t>(i), in.substr(i, 1));
      ++i;
      continue;
    }
    if (c == '<') {
      std::string name;
      bool closing = false;
      size_t n = html_tag(in, i, name, closing);
      if (n) {
        if (is_emphasis_tag(name)) {
          toggle(i, i + n, !closing);
        } else if (is_block_tag(name)) {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + n),
                    "\n");
        } else {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + n),
                    " ");
        }
        i += n;
        continue;
      }
    }
    // A straight quote after a space and glued to the word after it opens a
    // quotation: `như sau: [...] "Điều 24. Trách nhiệm ...` stays one line,
    // as with an opening curly quote.
    const bool opening_straight =
        c == '"' && i > 0 &&
        (in[i - 1] == ' ' || in[i - 1] == '(' || in[i - 1] == '[') &&
        i + 1 < in.size() && in[i + 1] != ' ';
    if ((c == '"' && !opening_straight) ||
        (c == '\xE2' && in.compare(i, 3, "\xE2\x80\x9D") == 0)) {
      // A closing quote glued to the next article: `...hội."Điều 141. ...`.
      const size_t q = c == '"' ? 1 : 3;
      size_t k = i + q;
      if (k < in.size() && (in[k] == '.' || in[k] == ';')) ++k;
      while (k < in.size() && in[k] == ' ') ++k;
      constexpr std::string_view kDieu = "Điều ";
      if (!line_start && in.compare(k, kDieu.size(), kDieu) == 0 &&
          k + kDieu.size() < in.size() && in[k + kDieu.size()] >= '0' &&
          in[k + kDieu.size()] <= '9') {
        b.copy(static_cast<uint32_t>(i), in.substr(i, k - i));
        b.replace(static_cast<uint32_t>(k), static_cast<uint32_t>(k), "\n");
        i = k;
        line_start = true;
        continue;
      }
    }
    if (c == '[' && line_start) {
      // An editorial note of a legal website followed by text on the same
      // line: "[Điều này được sửa đổi bởi ...] Ủy ban nhân dân xã gồm ...".
      // Searched within the line only: a text with many brackets and no
      // closing one on their lines would otherwise be read to its end for
      // each.
      const size_t nl = in.find('\n', i);
      const size_t close = in.substr(0, nl).find(']', i);
      // Only notes ("[Điều này được ...]"), not form labels ("[04] Số ...").
      const bool note = close != std::string_view::npos && close > i + 12 &&
                        !(in[i + 1] >= '0' && in[i + 1] <= '9');
      if (note && close < nl && close + 1 < in.size() && in[close + 1] == ' ' &&
          close + 2 < nl && in.compare(close + 1, 2, "](") != 0) {
        b.copy(static_cast<uint32_t>(i), in.substr(i, close + 1 - i));
        b.replace(static_cast<uint32_t>(close + 1),
                  static_cast<uint32_t>(close + 2), "\n");
        i = close + 2;
        continue;
      }
    }
    if (c == '!' && i + 1 < in.size() && in[i + 1] == '[') {  // ![alt](url)
      const size_t nl = in.find('\n', i);
      const size_t close = in.substr(0, nl).find("](", i + 2);
      if (close != std::string_view::npos) {
        size_t end = in.find(')', close + 2);
        if (end != std::string_view::npos && end < nl) {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(end + 1),
                    "");
          i = end + 1;
          continue;
        }
      }
    }
    if (c == '[') {  // [text](http...) keeps the text
      const size_t nl = in.find('\n', i);
      const size_t close = in.substr(0, nl).find("](", i + 1);
      if (close != std::string_view::npos &&
          (in.compare(close + 2, 4, "http") == 0 ||
           in.compare(close + 2, 1, "/") == 0 ||
           in.compare(close + 2, 1, "#") == 0)) {
        size_t end = in.find(')', close + 2);
        if (end != std::string_view::npos && end < nl) {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), "");
          b.copy(static_cast<uint32_t>(i + 1), in.substr(i + 1, close - i - 1));
          b.replace(static_cast<uint32_t>(close),
                    static_cast<uint32_t>(end + 1), "");
          i = end + 1;
          continue;
        }
      }
    }
    if (c == '#' && line_start) {  // markdown heading
      size_t j = i;
      while (j < in.size() && in[j] == '#') ++j;
      if (j - i <= 6 && j < in.size() && in[j] == ' ') {
        b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1), "");
        i = j + 1;
        continue;
      }
    }
    if (c == '*') {
      size_t j = i;
      while (j < in.size() && in[j] == '*') ++j;
      // "(*)" footnote marks and a lone "*" between spaces or cell bars are
      // text, not emphasis.
      auto blank_at = [&](size_t k) {
        return k >= in.size() || in[k] == ' ' || in[k] == '\n' || in[k] == '|';
      };
      // "*Vĩnh Long, ngày" / "18 tháng 11 năm 2025 *": a lone "*" after a
      // blank at the end of a line closes the emphasis left open.
      const bool closes_at_eol = emphasis && (j >= in.size() || in[j] == '\n');
      const bool literal =
          (i > 0 && in[i - 1] == '(' && j < in.size() && in[j] == ')') ||
          (j - i == 1 && !line_start && (i == 0 || blank_at(i - 1)) &&
           blank_at(j) && !closes_at_eol);
      // A "*" alone on its line is a stray bullet, not an emphasis
      // delimiter that would run to the next blank line.
      size_t eol = j;
      while (eol < in.size() && in[eol] == ' ') ++eol;
      const bool alone =
          j - i == 1 && line_start && (eol >= in.size() || in[eol] == '\n');
      if (!literal && alone) {
        b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(j), "");
        i = j;
        continue;
      }
      if (!literal && !emphasis && decorative_star(in, i, j)) {
        b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(j), "");
        i = j;
        continue;
      }
      if (!literal) {
        if (j - i == 1 && line_start && !emphasis && j < in.size() &&
            in[j] == ' ' && !spaced_emphasis_open(in, j)) {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                    "-");  // bullet
        } else if (j - i >= 3 && line_start && j < in.size() && in[j] == '\n') {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                    "");  // rule
        } else if (j - i == 4 && !line_start) {
          // "**... Công điện.****Tăng cường ... **", "**TH****Ủ TƯỚNG": a
          // bold run closed and the next opened at once; the state stays.
          toggle(i, i + 2, !emphasis);
          toggle(i + 2, j, !emphasis);
        } else {
          toggle(i, j, !emphasis);
        }
        i = j;
        line_start = false;
        continue;
      }
    }
    if ((c == '-' || c == '_' || c == '=')) {
      size_t j = i;
      while (j < in.size() && in[j] == c) ++j;
      if (j - i >= 3) {  // rules and the dash lines under header columns
        b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(j), "\n");
        i = j;
        continue;
      }
      // A dash alone on its line before a blank line: the end of a rule
      // cut off by a wrap ("-------" / "-" / ""), no list item. (Before a
      // line of text it is a list dash whose item went on the next line.)
      if (c == '-' && j == i + 1 && line_start) {
        size_t eol = j;
        while (eol < in.size() && in[eol] == ' ') ++eol;
        size_t after = eol + 1;
        while (after < in.size() && in[after] == ' ') ++after;
        if (eol >= in.size() ||
            (in[eol] == '\n' && (after >= in.size() || in[after] == '\n'))) {
          b.replace(static_cast<uint32_t>(i), static_cast<uint32_t>(eol), "");
          i = eol;
          continue;
        }
      }
      if (c == '_' && i == underscore_close) {
        toggle(i, i + 1, false);
        ++i;
        continue;
      }
      // "_(kèm theo Quyết định số ...)_": a whole line in underscores is
      // emphasis, as "*...*" is (an underscore inside a line is left alone:
      // names of files, blanks to fill in).
      if (c == '_' && j == i + 1 && line_start && !emphasis && j < in.size() &&
          in[j] != ' ' && in[j] != '\n') {
        size_t e = in.find('\n', j);
        if (e == std::string_view::npos) e = in.size();
        while (e > j && in[e - 1] == ' ') --e;
        if (e > j + 1 && in[e - 1] == '_' && in[e - 2] != ' ' &&
            in[e - 2] != '_' &&
            in.substr(j, e - 1 - j).find('_') == std::string_view::npos) {
          underscore_close = e - 1;
          toggle(i, j, true);
          i = j;
          line_start = false;
          continue;
        }
      }
    }
    // Copy a run up to the next byte that may start markup.
    static const internal::ByteScanner kMayStartMarkup("\n<![#\"\xE2*-_=");
    const size_t j = kMayStartMarkup.find(in, i + 1);
    b.copy(static_cast<uint32_t>(i), in.substr(i, j - i));
    line_start = false;
    i = j;
  }
  if (emphasis)
    b.replace(static_cast<uint32_t>(in.size()),
              static_cast<uint32_t>(in.size()), kCloseUtf8);
  return b.take(map, static_cast<uint32_t>(in.size()));
}

}  // namespace

namespace internal {
int set_char_scan_width(int width) {
  const int was = stable_scan_width;
  stable_scan_width = width;
  return was;
}
}  // namespace internal

Normalized normalize(std::string_view utf8, const NormalizeOptions& options) {
  Normalized result;
  OffsetMap map_a;
  bool lookalikes = false;
  std::string a =
      pass_chars(utf8, map_a, options, result.diagnostics, lookalikes);
  std::string b;
  OffsetMap map_b;
  if (options.strip_markup) {
    b = pass_markup(a, map_b);
  } else {
    b = a;
    map_b = OffsetMap::identity(static_cast<uint32_t>(a.size()));
  }
  OffsetMap map_c;
  internal::LinesResult lines = internal::pass_lines(b, options);
  // The markup and line passes change a few places per line; the character
  // pass, on decomposed text, one every few bytes: their maps are composed
  // first, so that the dense one is walked once (the offsets are the same
  // whichever pair goes first).
  OffsetMap map_bc = map_b.then(lines.map);
  OffsetMap map_abc = map_a.then(map_bc);
  result.text = std::move(lines.text);
  result.map = std::move(map_abc);
  result.emphasis = std::move(lines.emphasis);
  internal::apply_extra_passes(result, options, lookalikes);
  return result;
}

}  // namespace vnlegal
