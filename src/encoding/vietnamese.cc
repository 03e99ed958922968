#include "encoding/vietnamese.h"

#include <array>

#include "internal/utf8.h"

namespace vnlegal::internal {
namespace {

using namespace letter_tables;

constexpr char32_t kLowerVowels[13] = {0,    U'a', U'ă', U'â', U'e', U'ê', U'i',
                                       U'o', U'ô', U'ơ', U'u', U'ư', U'y'};

bool is_vowel_key(char32_t k) {
  switch (k) {
    case U'a':
    case U'ă':
    case U'â':
    case U'e':
    case U'ê':
    case U'i':
    case U'o':
    case U'ô':
    case U'ơ':
    case U'u':
    case U'ư':
    case U'y':
      return true;
    default:
      return false;
  }
}

bool has_own_diacritic(char32_t k) {
  return k == U'ă' || k == U'â' || k == U'ê' || k == U'ô' || k == U'ơ' ||
         k == U'ư';
}

// Vowel clusters: may stand without a final consonant (open) and/or take one
// (closed). Clusters after "qu"/"gi" are looked up without the u/i.
struct Cluster {
  std::u32string_view keys;
  bool open;
  bool closed;
};
constexpr Cluster kClusters[] = {
    {U"a", true, true},    {U"ă", false, true},   {U"â", false, true},
    {U"e", true, true},    {U"ê", true, true},    {U"i", true, true},
    {U"o", true, true},    {U"ô", true, true},    {U"ơ", true, true},
    {U"u", true, true},    {U"ư", true, true},    {U"y", true, true},
    {U"ai", true, false},  {U"ao", true, false},  {U"au", true, false},
    {U"ay", true, false},  {U"âu", true, false},  {U"ây", true, false},
    {U"eo", true, false},  {U"êu", true, false},  {U"ia", true, false},
    {U"iu", true, false},  {U"iê", false, true},  {U"yê", false, true},
    {U"oa", true, true},   {U"oă", false, true},  {U"oe", true, true},
    {U"oi", true, false},  {U"oo", false, true},  {U"ôi", true, false},
    {U"ơi", true, false},  {U"ua", true, false},  {U"uâ", false, true},
    {U"uê", true, true},   {U"ui", true, false},  {U"uô", false, true},
    {U"uơ", true, false},  {U"uy", true, true},   {U"ưa", true, false},
    {U"ưi", true, false},  {U"ưu", true, false},  {U"ươ", false, true},
    {U"iêu", true, false}, {U"yêu", true, false}, {U"oai", true, false},
    {U"oay", true, false}, {U"oeo", true, false}, {U"uây", true, false},
    {U"uôi", true, false}, {U"ươi", true, false}, {U"ươu", true, false},
    {U"uya", true, false}, {U"uyu", true, false}, {U"uyê", false, true},
};

constexpr std::u32string_view kFinals[] = {U"c",  U"ch", U"m", U"n",
                                           U"ng", U"nh", U"p", U"t"};

bool front_vowel(char32_t k) {
  return k == U'e' || k == U'ê' || k == U'i' || k == U'y';
}

}  // namespace

char32_t compose_letter(uint8_t vowel, uint8_t tone, bool upper) {
  if (vowel == kDStroke) return upper ? U'Đ' : U'đ';
  if (vowel < kA || vowel > kY || tone > kDot) return 0;
  return kVowelCompose[vowel - 1][tone * 2 + (upper ? 1 : 0)];
}

uint8_t tone_of_combining(char32_t cp) {
  switch (cp) {
    case 0x0300:
    case 0x0340:
      return kGrave;
    case 0x0309:
      return kHook;
    case 0x0303:
      return kTilde;
    case 0x0301:
    case 0x0341:
      return kAcute;
    case 0x0323:
      return kDot;
    default:
      return kLevel;
  }
}

char32_t add_tone(char32_t cp, uint8_t tone) {
  LetterParts p = letter_parts(cp);
  if (p.vowel < kA || p.vowel > kY || p.tone != kLevel) return 0;
  return compose_letter(p.vowel, tone, p.upper);
}

bool is_vietnamese_letter(char32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= U'a' && (cp | 0x20) <= U'z');
  return letter_parts(cp).vowel != kNoVowel;
}

char32_t to_upper_vietnamese(char32_t cp) {
  if (cp < 0x80) return (cp >= U'a' && cp <= U'z') ? cp - 0x20 : cp;
  LetterParts p = letter_parts(cp);
  if (p.vowel == kNoVowel || p.upper) return cp;
  return compose_letter(p.vowel, p.tone, true);
}

Syllable parse_syllable(const char32_t* w, size_t n) {
  Syllable s;
  if (n == 0 || n > 7) return s;
  char32_t k[8];
  size_t uppers = 0, ascii_uppers = 0, ascii_letters = 0;
  bool first_upper = false;
  for (size_t i = 0; i < n; ++i) {
    LetterParts p = letter_parts(w[i]);
    bool upper;
    if (p.vowel != kNoVowel) {
      k[i] = p.vowel == kDStroke ? U'đ' : kLowerVowels[p.vowel];
      upper = p.upper;
      if (p.tone != kLevel) {
        if (s.tone != kLevel) return s;  // two tones
        s.tone = p.tone;
        s.tone_at = static_cast<int8_t>(i);
      }
    } else if (w[i] < 0x80 && is_vietnamese_letter(w[i])) {
      k[i] = w[i] | 0x20;
      upper = w[i] < U'a';
      ++ascii_letters;
      ascii_uppers += upper;
      if (k[i] == U'f' || k[i] == U'j' || k[i] == U'w' || k[i] == U'z')
        return s;
    } else {
      return s;
    }
    if (upper) {
      ++uppers;
      if (i == 0) first_upper = true;
    }
  }
  // Legacy fonts have no toned capitals, so capitals typed in them often
  // come out as ASCII capitals around small toned letters ("HộI").
  const bool legacy_caps = ascii_uppers == ascii_letters &&
                           uppers == ascii_uppers && ascii_letters > 0;
  if (!(uppers == 0 || uppers == n || (uppers == 1 && first_upper) ||
        legacy_caps))
    return s;

  const std::u32string_view key(k, n);
  size_t i = 0;
  // Longest initial consonant (a switch: this runs for every word).
  size_t initial_len = 0;
  auto next_is = [&](size_t at, char32_t c) { return at < n && k[at] == c; };
  switch (k[0]) {
    case U'n':
      initial_len = next_is(1, U'g')   ? (next_is(2, U'h') ? 3 : 2)
                    : next_is(1, U'h') ? 2
                                       : 1;
      break;
    case U'c':
    case U'k':
    case U'p':
      initial_len = next_is(1, U'h') ? 2 : 1;
      break;
    case U'g':
      initial_len = (next_is(1, U'h') || next_is(1, U'i')) ? 2 : 1;
      break;
    case U'q':
      initial_len = next_is(1, U'u') ? 2 : 1;
      break;
    case U't':
      initial_len = (next_is(1, U'h') || next_is(1, U'r')) ? 2 : 1;
      break;
    case U'b':
    case U'd':
    case U'đ':
    case U'h':
    case U'l':
    case U'm':
    case U'r':
    case U's':
    case U'v':
    case U'x':
      initial_len = 1;
      break;
    default:
      initial_len = 0;
  }
  std::u32string_view initial = key.substr(0, initial_len);
  if (initial == U"gi" && (n == 2 || !is_vowel_key(k[2]))) initial = U"g";
  if (initial == U"qu" && (n == 2 || !is_vowel_key(k[2]))) return s;
  if (key[0] == U'q' && initial != U"qu") return s;
  i = initial.size();

  const size_t vb = i;
  while (i < n && is_vowel_key(k[i])) ++i;
  const size_t ve = i;
  if (vb == ve) return s;
  const std::u32string_view fin = key.substr(ve);
  bool final_ok = fin.empty();
  for (std::u32string_view f : kFinals) final_ok |= (fin == f);
  if (!final_ok) return s;

  const std::u32string_view cluster = key.substr(vb, ve - vb);
  bool cluster_ok = false;
  for (const Cluster& c : kClusters) {
    if (c.keys == cluster) {
      cluster_ok = fin.empty() ? c.open : c.closed;
      break;
    }
  }
  if (!cluster_ok) return s;

  const char32_t v0 = k[vb];
  // The u of "qu" and the i of "gi" are already the glide.
  if (initial == U"qu" && (v0 == U'u' || v0 == U'ư')) return s;
  if (initial == U"gi" && v0 == U'i') return s;
  if (initial == U"c" && front_vowel(v0)) return s;
  if (initial == U"k" && !front_vowel(v0)) return s;
  if (initial == U"g" && (v0 == U'e' || v0 == U'ê')) return s;
  if (initial == U"gh" && !(v0 == U'e' || v0 == U'ê' || v0 == U'i')) return s;
  if (initial == U"ng" && (v0 == U'e' || v0 == U'ê' || v0 == U'i')) return s;
  if (initial == U"ngh" && !(v0 == U'e' || v0 == U'ê' || v0 == U'i')) return s;

  const bool stop = fin == U"c" || fin == U"ch" || fin == U"p" || fin == U"t";
  if (stop && s.tone != kAcute && s.tone != kDot && s.tone != kLevel) return s;
  // A tone must sit on a vowel (the i of "gi" counts: "gìn" is g + in).
  if (s.tone_at >= 0 && !is_vowel_key(k[s.tone_at])) return s;
  if (s.tone_at >= 0 && static_cast<size_t>(s.tone_at) < vb &&
      !(initial == U"gi" || initial == U"qu"))
    return s;

  s.valid = true;
  s.vowel_begin = static_cast<uint8_t>(vb);
  s.vowel_end = static_cast<uint8_t>(ve);
  s.has_final = !fin.empty();
  return s;
}

int tone_position(const Syllable& s, const char32_t* w, ToneRule rule) {
  if (!s.valid) return -1;
  const int vb = s.vowel_begin, ve = s.vowel_end, len = ve - vb;
  if (len == 1) return vb;
  char32_t k[3];
  int last_marked = -1;
  for (int i = 0; i < len && i < 3; ++i) {
    LetterParts p = letter_parts(w[vb + i]);
    k[i] = kLowerVowels[p.vowel < kDStroke ? p.vowel : 0];
    if (has_own_diacritic(k[i])) last_marked = vb + i;
  }
  if (last_marked >= 0) return last_marked;
  if (len >= 3) return vb + 1;
  if (s.has_final) return vb + 1;
  const bool glide_pair = (k[0] == U'o' && (k[1] == U'a' || k[1] == U'e')) ||
                          (k[0] == U'u' && k[1] == U'y');
  if (glide_pair) return rule == ToneRule::kNew ? vb + 1 : vb;
  return vb;
}

bool well_formed(const char32_t* letters, size_t n) {
  Syllable s = parse_syllable(letters, n);
  if (!s.valid) return false;
  if (s.tone == kLevel) return true;
  return s.tone_at == tone_position(s, letters, ToneRule::kOld) ||
         s.tone_at == tone_position(s, letters, ToneRule::kNew);
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp;
    size_t len = decode_utf8(utf8, i, cp);
    if (len == 0) {
      cp = 0xFFFD;
      len = 1;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace vnlegal::internal
