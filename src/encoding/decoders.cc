#include "encoding/decoders.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "encoding/vietnamese.h"
#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

#include "encoding/tables_charsets.inc"
#include "encoding/tables_vni.inc"

// Output buffer that records an anchor around every emission whose length
// differs from the input it came from. Equal-length runs need none.
struct Writer {
  Decoded d;
  void put(char32_t cp, size_t in_begin, size_t in_end) {
    const auto out = static_cast<uint32_t>(d.text.size());
    d.map.add(out, static_cast<uint32_t>(in_begin));
    append_utf8(d.text, cp);
    d.map.add(static_cast<uint32_t>(d.text.size()),
              static_cast<uint32_t>(in_end));
  }
  Decoded finish(size_t in_size) {
    d.map.finish(static_cast<uint32_t>(d.text.size()),
                 static_cast<uint32_t>(in_size));
    return std::move(d);
  }
};

// Per-byte UTF-8 forms of a 256-entry table, built once.
struct ByteTable {
  // The UTF-8 bytes (at most 3: the tables hold BMP code points) in the low
  // bytes, little-endian: one 4-byte store writes any letter. The top byte
  // (overwritten by the next letter) is how far the anchor cursor moves: one
  // anchor (8 bytes) after a letter whose length differs from its one input
  // byte, none otherwise.
  uint32_t packed[256];
  // What a byte adds to an anchor packed as out | in << 32: one input byte
  // and len output bytes.
  uint64_t step[256];
};

ByteTable make_byte_table(const char16_t* table, bool uppercase) {
  ByteTable t{};
  for (int b = 0; b < 256; ++b) {
    char32_t cp = table[b];
    if (uppercase) cp = to_upper_vietnamese(cp);
    std::string s;
    append_utf8(s, cp);
    uint32_t packed = 0;
    for (size_t k = 0; k < s.size() && k < 3; ++k)
      packed |= uint32_t{static_cast<unsigned char>(s[k])} << (8 * k);
    t.packed[b] = packed | (uint32_t{s.size() == 1 ? 0u : 8u} << 24);
    t.step[b] = (uint64_t{1} << 32) + s.size();
  }
  return t;
}

const char16_t* table_for(Encoding e) {
  switch (e) {
    case Encoding::kTcvn3:
      return kTcvn3Table;
    case Encoding::kViscii:
      return kVisciiTable;
    case Encoding::kCp1258:
      return kCp1258Table;
    case Encoding::kVps:
      return kVpsTable;
    default:
      return kCp1252Table;
  }
}

const ByteTable& byte_table(Encoding e, bool uppercase) {
  static const std::array<ByteTable, 10> tables = [] {
    std::array<ByteTable, 10> t;
    const Encoding order[5] = {Encoding::kWindows1252, Encoding::kTcvn3,
                               Encoding::kViscii, Encoding::kCp1258,
                               Encoding::kVps};
    for (int i = 0; i < 5; ++i) {
      t[i * 2] = make_byte_table(table_for(order[i]), false);
      t[i * 2 + 1] = make_byte_table(table_for(order[i]), true);
    }
    return t;
  }();
  int index = 0;
  switch (e) {
    case Encoding::kTcvn3:
      index = 1;
      break;
    case Encoding::kViscii:
      index = 2;
      break;
    case Encoding::kCp1258:
      index = 3;
      break;
    case Encoding::kVps:
      index = 4;
      break;
    default:
      break;
  }
  return tables[index * 2 + (uppercase ? 1 : 0)];
}

// Index of VNI pairs by base byte: for each base byte, the code points for
// modifier bytes 0xC0-0xFF.
struct VniIndex {
  int8_t slot[256];
  char16_t pair[16][64];
};

const VniIndex& vni_index() {
  static const VniIndex index = [] {
    VniIndex x{};
    std::memset(x.slot, -1, sizeof(x.slot));
    int next = 0;
    for (const VniPair& p : kVniPairs) {
      if (x.slot[p.base] < 0) x.slot[p.base] = static_cast<int8_t>(next++);
      x.pair[x.slot[p.base]][p.modifier - 0xC0] = p.letter;
    }
    return x;
  }();
  return index;
}

bool is_viqr_vowel(char c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

uint8_t viqr_tone(char c) {
  switch (c) {
    case '`':
      return kGrave;
    case '?':
      return kHook;
    case '~':
      return kTilde;
    case '\'':
      return kAcute;
    case '.':
      return kDot;
    default:
      return kLevel;
  }
}

bool ascii_letter(char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

}  // namespace

int cp1252_byte(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
  if (cp >= 0x80 && cp < 0xA0) return static_cast<int>(cp);  // Latin-1 reading
  // The rest of the table lies in U+0152..U+02DC and U+2013..U+2122; the
  // Vietnamese letters in between are looked up on every character.
  if (cp < 0x152 || (cp > 0x2DC && cp < 0x2013) || cp > 0x2122) return -1;
  for (int b = 0x80; b < 0xA0; ++b)
    if (kCp1252Table[b] == cp) return b;
  return -1;
}

Decoded decode_utf8(std::string_view bytes) {
  Decoded d;
  d.text.reserve(bytes.size());
  size_t i = 0;
  size_t invalid = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  d.map.add(0, static_cast<uint32_t>(i));
  if (internal::is_valid_utf8(bytes.substr(i))) {
    // The common case: one copy, and the map is a single shift.
    d.text.assign(bytes.substr(i));
    d.map.finish(static_cast<uint32_t>(d.text.size()),
                 static_cast<uint32_t>(bytes.size()));
    return d;
  }
  while (i < bytes.size()) {
    size_t j = i;
    while (j < bytes.size() && static_cast<unsigned char>(bytes[j]) < 0x80) ++j;
    if (j > i) {
      d.text.append(bytes.data() + i, j - i);
      i = j;
      continue;
    }
    char32_t cp;
    size_t n = internal::decode_utf8(bytes, i, cp);
    if (n) {
      d.text.append(bytes.data() + i, n);
      i += n;
      continue;
    }
    auto out = static_cast<uint32_t>(d.text.size());
    if (invalid++ < 20) {
      d.diagnostics.push_back({"invalid-utf8",
                               Severity::kWarning,
                               "invalid UTF-8 byte at offset " +
                                   std::to_string(i) + " replaced by U+FFFD",
                               {out, out + 3}});
    }
    d.map.add(out, static_cast<uint32_t>(i));
    append_utf8(d.text, 0xFFFD);
    d.map.add(out + 3, static_cast<uint32_t>(i + 1));
    ++i;
  }
  if (invalid > 20) {
    d.diagnostics.push_back(
        {"invalid-utf8",
         Severity::kWarning,
         std::to_string(invalid) + " invalid UTF-8 bytes in all were replaced",
         {}});
  }
  d.map.finish(static_cast<uint32_t>(d.text.size()),
               static_cast<uint32_t>(bytes.size()));
  return d;
}

Decoded decode_utf16(std::string_view bytes, bool little) {
  Writer w;
  w.d.text.reserve(bytes.size());
  size_t i = 0;
  auto unit = [&](size_t k) -> char32_t {
    auto a = static_cast<unsigned char>(bytes[k]);
    auto b = static_cast<unsigned char>(bytes[k + 1]);
    return little ? (a | (b << 8)) : ((a << 8) | b);
  };
  if (bytes.size() >= 2 && unit(0) == 0xFEFF) i = 2;
  w.d.map.add(0, static_cast<uint32_t>(i));
  bool bad = false;
  while (i + 1 < bytes.size()) {
    char32_t cp = unit(i);
    size_t len = 2;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        len = 4;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
      bad = true;
    }
    w.put(cp, i, i + len);
    i += len;
  }
  if (bad || i < bytes.size()) {
    w.d.diagnostics.push_back({"invalid-utf16",
                               Severity::kWarning,
                               "unpaired surrogate or odd trailing byte",
                               {}});
  }
  return w.finish(bytes.size());
}

// CP1258 goes through the same loop: its combining tones stay separate
// characters (each mapped to its own byte), and the normalizer's NFC
// composes them with their vowel, across font or group boundaries too.
Decoded decode_single_byte(std::string_view bytes, Encoding encoding,
                           bool uppercase) {
  const ByteTable& t = byte_table(encoding, uppercase);
  const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  Decoded d;
  constexpr size_t kBlock = 2048;
  // Vietnamese grows by about 1.4, and the last block needs room for 3x.
  d.text.reserve(2 * n + kBlock * 3 + 4);
  std::vector<OffsetMap::Anchor> marks;
  marks.reserve(n / 2 + 16);
  // Blocks small enough for the L1 cache. The text is written in place into
  // room made for the block's longest output; the room left over is used by
  // the next block, so each byte is cleared once, and the text is cut to
  // length at the end. The anchors go to raw stack storage, so that they
  // are not cleared before use, as bytes (out, then in, little-endian
  // 32-bit), and are appended in bulk.
  static_assert(sizeof(OffsetMap::Anchor) == 8, "anchor layout");
  alignas(OffsetMap::Anchor) unsigned char block_marks[(kBlock + 1) * 8];
  size_t written = 0;  // text bytes decoded so far
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t end = std::min(n, start + kBlock);
    const size_t out_base = written;
    if (d.text.size() < written + (end - start) * 3 + 4)
      d.text.resize(written + (end - start) * 3 + 4);
    char* const block_out = &d.text[out_base];
    char* o = block_out;
    unsigned char* mark = block_marks;
    // Branch-free: every byte writes its end as a candidate anchor, and the
    // slot is kept only when the letter was longer than one byte (everything
    // since the previous anchor was one byte for one byte, and each longer
    // letter moves the shift on, so exactly those anchors are needed).
    // The anchor (out | in << 32) advances by one input byte and `len`
    // output bytes: a single addition per byte. Every quantity comes from a
    // table, so a byte costs three loads, two stores, three additions and
    // a shift.
    uint64_t anchor = (uint64_t{static_cast<uint32_t>(start)} << 32) | out_base;
    const uint32_t* packed = t.packed;
    const uint64_t* steps = t.step;
    auto one = [&](unsigned b) {
      const uint64_t step = steps[b];  // its low half is the length
      const uint32_t letter = packed[b];
      std::memcpy(o, &letter, 4);  // little-endian: UTF-8 bytes first
      o += static_cast<uint32_t>(step);
      anchor += step;
      std::memcpy(mark, &anchor, 8);
      mark += letter >> 24;
    };
    size_t i = start;
    for (; i + 4 <= end; i += 4) {
      one(in[i]);
      one(in[i + 1]);
      one(in[i + 2]);
      one(in[i + 3]);
    }
    for (; i < end; ++i) one(in[i]);
    written = out_base + static_cast<size_t>(o - block_out);
    const auto* first = reinterpret_cast<const OffsetMap::Anchor*>(block_marks);
    marks.insert(marks.end(), first,
                 reinterpret_cast<const OffsetMap::Anchor*>(mark));
  }
  d.text.resize(written);
  const auto out_size = static_cast<uint32_t>(d.text.size());
  d.map = OffsetMap::from_anchors(std::move(marks), out_size,
                                  static_cast<uint32_t>(n));
  return d;
}

Decoded decode_vni(std::string_view bytes, bool uppercase) {
  const VniIndex& x = vni_index();
  Writer w;
  w.d.text.reserve(bytes.size() + bytes.size() / 2);
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (i + 1 < n && x.slot[b] >= 0) {
      const auto m = static_cast<unsigned char>(bytes[i + 1]);
      if (m >= 0xC0) {
        const char16_t letter = x.pair[x.slot[b]][m - 0xC0];
        if (letter) {
          w.put(uppercase ? to_upper_vietnamese(letter) : letter, i, i + 2);
          ++i;
          continue;
        }
      }
    }
    if (b < 0x80) {
      w.d.text.push_back(uppercase && b >= 'a' && b <= 'z'
                             ? static_cast<char>(b - 0x20)
                             : static_cast<char>(b));
      continue;
    }
    char32_t cp = kVniSingleTable[b];
    if (uppercase) cp = to_upper_vietnamese(cp);
    w.put(cp, i, i + 1);
  }
  return w.finish(n);
}

namespace {

// How a '.' or '?' after a vowel is read.
enum class ViqrMode {
  kStrict,  // the text escapes literal marks ("ta\."): always a tone
  kRfc,     // no escapes, and nothing says the writer skips them: a tone
            // wherever it makes a well-formed syllable
  kLoose,   // the writer leaves full stops after vowels unescaped: guess
            // from the text that follows
};

// `unescaped_stops` counts the '.' and '?' after a vowel that cannot be tones
// (the word has a tone already, or would not be a syllable): the evidence
// that the writer does not escape punctuation.
Decoded decode_viqr_as(std::string_view bytes, ViqrMode mode,
                       int* unescaped_stops) {
  Writer w;
  w.d.text.reserve(bytes.size());
  const size_t n = bytes.size();
  auto at = [&](size_t k) -> char { return k < n ? bytes[k] : '\0'; };
  const bool strict = mode == ViqrMode::kStrict;
  size_t i = 0;
  std::u32string word;  // letters of the current word, for the '.' '?' choice
  bool word_toned = false;
  while (i < n) {
    const char c = bytes[i];
    if (!ascii_letter(c) && static_cast<unsigned char>(c) < 0x80) {
      word.clear();
      word_toned = false;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {  // stray UTF-8: keep it
      char32_t cp;
      size_t len = internal::decode_utf8(bytes, i, cp);
      if (!len) {
        cp = 0xFFFD;
        len = 1;
      }
      w.put(cp, i, i + len);
      i += len;
      continue;
    }
    if (c == '\\' && i + 1 < n &&
        std::strchr("'`?~.^(+\\dD", at(i + 1)) != nullptr && at(i + 1)) {
      w.put(static_cast<unsigned char>(at(i + 1)), i, i + 2);
      i += 2;
      continue;
    }
    if ((c == 'd' || c == 'D') && (at(i + 1) == 'd' || at(i + 1) == 'D')) {
      w.put(c == 'D' ? U'Đ' : U'đ', i, i + 2);
      word.push_back(c == 'D' ? U'Đ' : U'đ');
      i += 2;
      continue;
    }
    if (!is_viqr_vowel(c)) {
      if (ascii_letter(c)) word.push_back(static_cast<unsigned char>(c));
      w.d.text.push_back(c);
      ++i;
      continue;
    }
    char32_t letter = static_cast<unsigned char>(c);
    size_t j = i + 1;
    const char lower = c | 0x20;
    const char m = at(j);
    const bool upper = c < 'a';
    if (m == '(' && lower == 'a') {
      letter = upper ? U'Ă' : U'ă';
      ++j;
    } else if (m == '^' && (lower == 'a' || lower == 'e' || lower == 'o')) {
      letter = lower == 'a' ? U'â' : lower == 'e' ? U'ê' : U'ô';
      if (upper) letter = to_upper_vietnamese(letter);
      ++j;
    } else if (m == '+' && (lower == 'o' || lower == 'u')) {
      letter = lower == 'o' ? (upper ? U'Ơ' : U'ơ') : (upper ? U'Ư' : U'ư');
      ++j;
    }
    const char t = at(j);
    uint8_t tone = viqr_tone(t);
    if (tone == kDot || tone == kHook) {
      // A sentence-final '.' or '?' is punctuation unless the text goes on
      // with a letter, or with a space and a lower-case word.
      const char after = at(j + 1);
      const bool next_letter = ascii_letter(after);
      // At the end of a word, read a tone only where it makes a well-formed
      // syllable of a word that has none yet, and (for '.') not at the end
      // of a line, where a full stop is the likelier reading.
      bool as_tone = next_letter;
      if (!next_letter && word_toned && unescaped_stops) ++*unescaped_stops;
      if (!next_letter && !word_toned) {
        std::u32string candidate = word;
        candidate.push_back(add_tone(letter, tone));
        as_tone = candidate.back() != 0 &&
                  well_formed(candidate.data(), candidate.size());
        if (!as_tone && unescaped_stops) ++*unescaped_stops;
        if (as_tone && tone == kDot && mode == ViqrMode::kLoose) {
          size_t k = j + 1;
          bool line_break = false;
          while (k < n && (bytes[k] == ' ' || bytes[k] == '\t' ||
                           bytes[k] == '\n' || bytes[k] == '\r')) {
            line_break |= bytes[k] == '\n';
            ++k;
          }
          const char next = at(k);
          bool caps = candidate.size() >= 2;
          for (char32_t x : candidate) caps &= to_upper_vietnamese(x) == x;
          if (next == '\0') {
            as_tone = false;  // end of text: a full stop
          } else if (caps || (next >= 'a' && next <= 'z') ||
                     std::strchr(",;:)]\"", next) != nullptr) {
            as_tone = true;  // headings have no full stop; sentences go on
          } else {
            as_tone = !line_break;
          }
        }
      }
      if (!strict && !as_tone) tone = kLevel;
    }
    if (tone) {
      letter = add_tone(letter, tone);
      word_toned = true;
      ++j;
      // "ca'." : RFC 1456 would have escaped a full stop after a tone mark.
      if (unescaped_stops && (at(j) == '.' || at(j) == '?') &&
          !ascii_letter(at(j + 1)))
        ++*unescaped_stops;
    }
    word.push_back(letter);
    if (j == i + 1) {
      w.d.text.push_back(c);
    } else {
      w.put(letter, i, j);
    }
    i = j;
  }
  return w.finish(n);
}

}  // namespace

Decoded decode_viqr(std::string_view bytes) {
  const size_t n = bytes.size();
  for (size_t k = 0; k + 1 < n; ++k)
    if (bytes[k] == '\\' && (bytes[k + 1] == '.' || bytes[k + 1] == '?'))
      return decode_viqr_as(bytes, ViqrMode::kStrict, nullptr);
  // Without escapes, a text that follows RFC 1456 has no full stop right
  // after a vowel, so a "phu." at the end of a line is "phụ"; one full stop
  // that cannot be a tone shows a writer who does not escape, and every
  // ambiguous one is then guessed from what follows.
  int unescaped_stops = 0;
  Decoded loose = decode_viqr_as(bytes, ViqrMode::kLoose, &unescaped_stops);
  if (unescaped_stops > 0) return loose;
  return decode_viqr_as(bytes, ViqrMode::kRfc, nullptr);
}

Decoded decode_mojibake(std::string_view utf8, Encoding legacy) {
  const Decoded src = decode_utf8(utf8);
  // Work on the UTF-8 text, then compose its map with src.map.
  const std::string& text = src.text;
  Writer w;
  w.d.text.reserve(text.size());
  std::string bytes;
  std::vector<uint32_t> pos;
  std::unordered_set<std::string_view> kept;
  size_t i = 0;
  auto flush_copy = [&](size_t from, size_t to) {
    w.d.map.add(static_cast<uint32_t>(w.d.text.size()),
                static_cast<uint32_t>(from));
    w.d.text.append(text, from, to - from);
  };
  while (i < text.size()) {
    // A run: non-space code points that all have a Windows-1252 byte.
    bytes.clear();
    pos.clear();
    size_t j = i;
    bool non_ascii = false;
    while (j < text.size()) {
      char32_t cp;
      size_t len = internal::decode_utf8(text, j, cp);
      if (!len) len = 1, cp = 0xFFFD;
      int b = cp1252_byte(cp);
      if (cp == 0x2212 && !bytes.empty() && j + len < text.size() &&
          (static_cast<unsigned char>(bytes.back()) >= 0xA0 ||
           is_vietnamese_letter(static_cast<unsigned char>(bytes.back()))) &&
          (static_cast<unsigned char>(text[j + len]) >= 0x80 ||
           is_vietnamese_letter(static_cast<unsigned char>(text[j + len])))) {
        // Some PDF text layers name TCVN3's 0xAD (u-horn) glyph "minus".
        b = 0xAD;
      }
      if (b < 0 || cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t') break;
      non_ascii |= cp >= 0x80;
      bytes.push_back(static_cast<char>(b));
      pos.push_back(static_cast<uint32_t>(j));
      j += len;
    }
    if (j == i) {  // a separator or a code point outside Windows-1252
      char32_t cp;
      size_t len = internal::decode_utf8(text, i, cp);
      if (!len) len = 1;
      flush_copy(i, i + len);
      i += len;
      continue;
    }
    pos.push_back(static_cast<uint32_t>(j));
    // Words repeat: a run once kept as it is is kept again without decoding
    // and scoring it. Runs with U+2212 depend on the byte after them.
    const std::string_view run = std::string_view(text).substr(i, j - i);
    const bool cacheable = run.find("\xE2\x88\x92") == std::string_view::npos;
    if (non_ascii && cacheable && kept.count(run)) {
      flush_copy(i, j);
      i = j;
      continue;
    }
    bool replace = false;
    Decoded alt;
    if (non_ascii) {
      alt = legacy == Encoding::kVni
                ? decode_vni(bytes, false)
                : decode_single_byte(bytes, Encoding::kTcvn3, false);
      // Keep words that already read as Vietnamese and do not improve.
      auto score = [](std::string_view s) {
        std::u32string u = to_u32(s);
        int good = 0, bad = 0;
        size_t k = 0;
        while (k < u.size()) {
          while (k < u.size() && !is_vietnamese_letter(u[k]) && u[k] < 0x80)
            ++k;
          size_t e = k;
          while (e < u.size() && (u[e] >= 0x80 || is_vietnamese_letter(u[e])))
            ++e;
          if (e > k) {
            bool ascii = true;
            for (size_t q = k; q < e; ++q) ascii &= u[q] < 0x80;
            if (!ascii) (well_formed(u.data() + k, e - k) ? good : bad)++;
          }
          k = e;
        }
        return good * 2 - bad;
      };
      replace =
          score(alt.text) >= score(std::string_view(text).substr(i, j - i));
    }
    if (!replace) {
      if (non_ascii && cacheable) kept.insert(run);
      flush_copy(i, j);
    } else {
      const auto base = static_cast<uint32_t>(w.d.text.size());
      size_t k = 0;
      while (k < alt.text.size()) {
        char32_t cp;
        size_t len = internal::decode_utf8(alt.text, k, cp);
        if (!len) len = 1;
        w.d.map.add(base + static_cast<uint32_t>(k),
                    pos[alt.map.to_source(static_cast<uint32_t>(k))]);
        k += len;
      }
      w.d.text += alt.text;
      w.d.map.add(static_cast<uint32_t>(w.d.text.size()),
                  static_cast<uint32_t>(j));
    }
    i = j;
  }
  Decoded out = w.finish(text.size());
  out.map = src.map.then(out.map);
  out.diagnostics = src.diagnostics;
  return out;
}

}  // namespace vnlegal::internal
