// Test-only encoder: writes Unicode text in each legacy form, so that the
// decoders and the detector can be checked on real documents. Independent of
// the library's tables where possible: VISCII, CP1258 and TCVN3 go through
// glibc's iconv; VNI, VIQR and the Unicode forms are written from their
// documented rules.
#pragma once

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <string>
#include <string_view>

namespace vnlegal::test {

enum class Form {
  kNfc,
  kNfd,
  kToHop,
  kUtf16LE,
  kUtf16BE,
  kUtf16LEBom,
  kTcvn3,
  kVni,
  kViscii,
  kCp1258,
  kViqr,
  kMojibakeTcvn3,
  kMojibakeVni,
  kVps,
};

inline const char* form_name(Form f) {
  switch (f) {
    case Form::kNfc:
      return "NFC";
    case Form::kNfd:
      return "NFD";
    case Form::kToHop:
      return "to-hop";
    case Form::kUtf16LE:
      return "UTF-16LE";
    case Form::kUtf16BE:
      return "UTF-16BE";
    case Form::kUtf16LEBom:
      return "UTF-16LE+BOM";
    case Form::kTcvn3:
      return "TCVN3";
    case Form::kVni:
      return "VNI";
    case Form::kViscii:
      return "VISCII";
    case Form::kCp1258:
      return "CP1258";
    case Form::kViqr:
      return "VIQR";
    case Form::kMojibakeTcvn3:
      return "mojibake-TCVN3";
    case Form::kMojibakeVni:
      return "mojibake-VNI";
    case Form::kVps:
      return "VPS";
  }
  return "?";
}

struct Encoded {
  std::string bytes;
  std::string expected;  // NFC text a correct decoder must give back
};

inline std::u32string u32(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

inline std::string utf8(std::u32string_view s) {
  icu::UnicodeString u;
  for (char32_t c : s) u.append(static_cast<UChar32>(c));
  std::string out;
  u.toUTF8String(out);
  return out;
}

inline std::string normalize(std::string_view s, bool nfd) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = nfd ? icu::Normalizer2::getNFDInstance(st)
                                  : icu::Normalizer2::getNFCInstance(st);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  n->normalize(u, st).toUTF8String(out);
  return out;
}

// One code point through iconv; empty when it has no encoding.
inline std::string iconv_one(const char* charset, char32_t cp) {
  static std::map<std::pair<std::string, char32_t>, std::string> cache;
  auto key = std::make_pair(std::string(charset), cp);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  iconv_t cd = iconv_open(charset, "UTF-32LE");
  std::string result;
  if (cd != reinterpret_cast<iconv_t>(-1)) {
    char in[4] = {static_cast<char>(cp & 0xFF),
                  static_cast<char>((cp >> 8) & 0xFF),
                  static_cast<char>((cp >> 16) & 0xFF), 0};
    char out[16];
    char* ip = in;
    char* op = out;
    size_t il = 4, ol = sizeof out;
    if (iconv(cd, &ip, &il, &op, &ol) != static_cast<size_t>(-1)) {
      size_t ol2 = ol;
      iconv(cd, nullptr, nullptr, &op, &ol2);
      result.assign(out, op);
    }
    iconv_close(cd);
  }
  cache[key] = result;
  return result;
}

constexpr char kMissing = '_';

inline bool tone_mark(char32_t c) {
  return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

// Letter -> (ASCII base, vowel diacritic 0/'^'/'('/'+', tone 0-5, stroke).
struct Parts {
  char base = 0;
  char diacritic = 0;
  int tone = 0;  // 1 grave 2 hook 3 tilde 4 acute 5 dot
  bool stroke = false;
};

inline bool split(char32_t cp, Parts* p) {
  if (cp == U'đ' || cp == U'Đ') {
    p->base = cp == U'đ' ? 'd' : 'D';
    p->stroke = true;
    return true;
  }
  std::u32string d = u32(normalize(utf8(std::u32string(1, cp)), true));
  if (d.empty() || d[0] >= 0x80) return false;
  *p = Parts{};
  p->base = static_cast<char>(d[0]);
  for (size_t i = 1; i < d.size(); ++i) {
    switch (d[i]) {
      case 0x302:
        p->diacritic = '^';
        break;
      case 0x306:
        p->diacritic = '(';
        break;
      case 0x31B:
        p->diacritic = '+';
        break;
      case 0x300:
        p->tone = 1;
        break;
      case 0x309:
        p->tone = 2;
        break;
      case 0x303:
        p->tone = 3;
        break;
      case 0x301:
        p->tone = 4;
        break;
      case 0x323:
        p->tone = 5;
        break;
      default:
        return false;
    }
  }
  return d.size() > 1;
}

inline int cp1252_punct(char32_t cp) {
  static const char16_t high[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  for (int i = 0; i < 32; ++i)
    if (high[i] && high[i] == cp) return 0x80 + i;
  return -1;
}

inline bool plain_ascii(char32_t c) {
  return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t';
}

// VNI-Windows: ASCII base + modifier byte (lower-case forms; capitals 0x20
// lower), single bytes for đ ơ ư and the toned i / ỵ.
inline bool vni_letter(char32_t cp, std::string* out) {
  Parts p;
  if (!split(cp, &p)) return false;
  const bool upper = p.base < 'a';
  const char lower = static_cast<char>(p.base | 0x20);
  auto byte = [&](int lower_byte) {
    out->push_back(static_cast<char>(upper ? lower_byte - 0x20 : lower_byte));
  };
  if (p.stroke) return byte(0xF1), true;
  if (lower == 'i' && p.tone) {
    const int t[6] = {0, 0xEC, 0xE6, 0xF3, 0xED, 0xF2};
    return byte(t[p.tone]), true;
  }
  if (lower == 'y' && p.tone == 5) return byte(0xEE), true;
  if (p.diacritic == '+') {
    byte(lower == 'o' ? 0xF4 : 0xF6);
  } else {
    out->push_back(p.base);
  }
  static const int plain[6] = {0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF};
  static const int circ[6] = {0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4};
  static const int breve[6] = {0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB};
  if (p.diacritic == '^') {
    byte(circ[p.tone]);
  } else if (p.diacritic == '(') {
    byte(breve[p.tone]);
  } else if (p.tone) {
    byte(plain[p.tone]);
  }
  return true;
}

// TCVN3 has no toned capitals: words holding one are typed in small letters
// and shown in an upper-case font, so their bytes are those of small letters.
inline std::u32string tcvn3_case(const std::u32string& text) {
  std::u32string out = text;
  auto writable = [](char32_t c) {
    if (c < 0x80) return true;
    std::string b = iconv_one("TCVN5712-1", c);
    return b.size() == 1 && static_cast<unsigned char>(b[0]) >= 0xA0;
  };
  auto letter = [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)); };
  for (size_t i = 0; i < out.size();) {
    if (!letter(out[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool lower_all = false;
    while (j < out.size() && letter(out[j])) {
      if (u_isupper(static_cast<UChar32>(out[j])) && !writable(out[j]))
        lower_all = true;
      ++j;
    }
    if (lower_all)
      for (size_t k = i; k < j; ++k)
        out[k] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(out[k])));
    i = j;
  }
  return out;
}

// VPS, written from a published conversion chart (letter, byte), not from
// the library's table: the capitals with a dot below (and Ẫ, Ữ) sit in C0
// slots, the rest of the letters in 0x80-0xFF, and the chart keeps
// Windows-1252's quotes at 0x91/0x92 and the no-break space at 0xA0.
inline int vps_byte(char32_t cp) {
  static const std::map<char32_t, int> chart = [] {
    static const char* const kChart =
        "àE0 áE1 ảE4 ãE3 ạE5 âE2 ầC0 ấC3 ẩC4 ẫC5 ậC6 ăE6 ằA2 ắA1 ẳA3 ẵA4 "
        "ặA5 đC7 èE8 éE9 ẻC8 ẽEB ẹCB êEA ề8A ế89 ể8B ễCD ệ8C ìEC íED ỉCC "
        "ĩEF ịCE òF2 óF3 ỏD5 õF5 ọ86 ôF4 ồD2 ốD3 ổB0 ỗ87 ộB6 ơD6 ờA9 ớA7 "
        "ởAA ỡAB ợAE ùF9 úFA ủFB ũDB ụF8 ưDC ừD8 ứD9 ửBA ữBB ựBF ỳFF ý9A "
        "ỷ9B ỹCF ỵ9C À80 ÁC1 Ả81 Ã82 Ạ02 ÂC2 Ầ84 Ấ83 Ẩ85 Ẫ1C Ậ03 Ă88 Ằ8E "
        "Ắ8D Ẳ8F ẴF0 Ặ04 ĐF1 ÈD7 ÉC9 ẺDE ẼFE Ẹ05 ÊCA Ề93 Ế90 Ể94 Ễ95 Ệ06 "
        "ÌB5 ÍB4 ỈB7 ĨB8 Ị10 ÒBC ÓB9 ỎBD ÕBE Ọ11 ÔD4 Ồ97 Ố96 Ổ98 Ỗ99 Ộ12 "
        "ƠF7 Ờ9E Ớ9D Ở9F ỠA6 Ợ13 ÙA8 ÚDA ỦD1 ŨAC Ụ14 ƯD0 ỪAF ỨAD ỬB1 Ữ1D "
        "Ự15 ỲB2 ÝDD ỶFD ỸB3 Ỵ19 ‘91 ’92 \u00A0A0";
    std::map<char32_t, int> m;
    const std::u32string text = u32(kChart);
    for (size_t i = 0; i + 2 < text.size(); i += 4) {
      const std::string hex = utf8(text.substr(i + 1, 2));
      m[text[i]] = std::stoi(hex, nullptr, 16);
    }
    return m;
  }();
  auto it = chart.find(cp);
  return it == chart.end() ? -1 : it->second;
}

inline Encoded encode(std::string_view nfc, Form form) {
  Encoded e;
  const std::u32string text =
      (form == Form::kTcvn3 || form == Form::kMojibakeTcvn3)
          ? tcvn3_case(u32(nfc))
          : u32(nfc);
  std::u32string expected;
  auto missing = [&] {
    e.bytes.push_back(kMissing);
    expected.push_back(static_cast<char32_t>(kMissing));
  };
  switch (form) {
    case Form::kNfc:
      e.bytes = std::string(nfc);
      e.expected = e.bytes;
      return e;
    case Form::kNfd:
      e.bytes = normalize(nfc, true);
      e.expected = std::string(nfc);
      return e;
    case Form::kToHop: {
      for (char32_t c : text) {
        std::u32string d = u32(normalize(utf8(std::u32string(1, c)), true));
        std::u32string base, tones;
        for (char32_t x : d)
          (tone_mark(x) && !base.empty() ? tones : base).push_back(x);
        e.bytes += normalize(utf8(base), false) + utf8(tones);
      }
      e.expected = std::string(nfc);
      return e;
    }
    case Form::kUtf16LE:
    case Form::kUtf16BE:
    case Form::kUtf16LEBom: {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(nfc.data(), static_cast<int32_t>(nfc.size())));
      const bool le = form != Form::kUtf16BE;
      if (form == Form::kUtf16LEBom) e.bytes = "\xFF\xFE";
      for (int32_t i = 0; i < u.length(); ++i) {
        char16_t c = u.charAt(i);
        char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
        e.bytes.push_back(le ? lo : hi);
        e.bytes.push_back(le ? hi : lo);
      }
      e.expected = std::string(nfc);
      return e;
    }
    default:
      break;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    const bool legacy_tcvn =
        form == Form::kTcvn3 || form == Form::kMojibakeTcvn3;
    const bool legacy_vni = form == Form::kVni || form == Form::kMojibakeVni;
    if (plain_ascii(c) && form != Form::kViqr) {
      e.bytes.push_back(static_cast<char>(c));
      expected.push_back(c);
      continue;
    }
    if (legacy_tcvn) {
      std::string b = iconv_one("TCVN5712-1", c);
      char32_t shown = c;
      if (!(b.size() == 1 && static_cast<unsigned char>(b[0]) >= 0xA0)) {
        // TCVN3 has no toned capitals: the bytes are those of the small
        // letter (an upper-case font would draw it as a capital).
        std::u32string lower = u32(icu::UnicodeString(static_cast<UChar32>(c))
                                       .toLower()
                                       .toUTF8String(b = std::string()));
        b = lower.size() == 1 ? iconv_one("TCVN5712-1", lower[0]) : "";
        shown = lower.empty() ? c : lower[0];
        if (!(b.size() == 1 && static_cast<unsigned char>(b[0]) >= 0xA0))
          b.clear();
      }
      int p = cp1252_punct(c);
      if (b.empty() && p >= 0)
        b = std::string(1, static_cast<char>(p)), shown = c;
      if (b.empty()) {
        missing();
        continue;
      }
      e.bytes += b;
      expected.push_back(shown);
      continue;
    }
    if (legacy_vni) {
      std::string b;
      if (vni_letter(c, &b)) {
        e.bytes += b;
        expected.push_back(c);
      } else if (cp1252_punct(c) >= 0) {
        e.bytes.push_back(static_cast<char>(cp1252_punct(c)));
        expected.push_back(c);
      } else if (c >= 0xA0 && c < 0xC0) {
        e.bytes.push_back(static_cast<char>(c));
        expected.push_back(c);
      } else {
        missing();
      }
      continue;
    }
    if (form == Form::kVps) {
      const int b = vps_byte(c);
      if (b < 0) {
        missing();
        continue;
      }
      e.bytes.push_back(static_cast<char>(b));
      expected.push_back(c);
      continue;
    }
    if (form == Form::kViscii || form == Form::kCp1258) {
      std::string b = iconv_one(form == Form::kViscii ? "VISCII" : "CP1258", c);
      if (b.empty() ||
          (b.size() == 1 && static_cast<unsigned char>(b[0]) < 0x20 &&
           !plain_ascii(c))) {
        missing();
        continue;
      }
      e.bytes += b;
      expected.push_back(c);
      continue;
    }
    // VIQR (RFC 1456): base letter, then ( ^ +, then ' ` ? ~ . ; a literal
    // modifier character after a vowel, and a backslash, are escaped.
    Parts p;
    const bool prev_vowel =
        !e.bytes.empty() &&
        std::string_view("aeiouyAEIOUY'`?~.^(+").find(e.bytes.back()) !=
            std::string_view::npos &&
        !(e.bytes.size() >= 2 && e.bytes[e.bytes.size() - 2] == '\\');
    if (c < 0x80 && plain_ascii(c)) {
      const bool modifier =
          std::string_view("'`?~.^(+").find(static_cast<char>(c)) !=
          std::string_view::npos;
      if (c == '\\' || (modifier && prev_vowel) ||
          ((c == 'd' || c == 'D') && i + 1 < text.size() &&
           (text[i + 1] == 'd' || text[i + 1] == 'D' || text[i + 1] == U'đ' ||
            text[i + 1] == U'Đ'))) {
        e.bytes.push_back('\\');
      }
      e.bytes.push_back(static_cast<char>(c));
      expected.push_back(c);
      continue;
    }
    if (split(c, &p)) {
      e.bytes.push_back(p.base);
      if (p.stroke) e.bytes.push_back(p.base);
      if (p.diacritic) e.bytes.push_back(p.diacritic);
      if (p.tone) e.bytes.push_back("\0`?~'."[p.tone]);
      expected.push_back(c);
      continue;
    }
    missing();
  }
  if (form == Form::kMojibakeTcvn3 || form == Form::kMojibakeVni) {
    // Read as Windows-1252 (undefined slots as Latin-1) and saved as UTF-8.
    std::u32string read;
    static const char16_t high[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
        0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    for (unsigned char b : e.bytes)
      read.push_back(b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b);
    e.bytes = utf8(read);
  }
  e.expected = utf8(expected);
  return e;
}

}  // namespace vnlegal::test
