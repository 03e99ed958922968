// Encoding detection and decoding. Unicode forms are decoded here; legacy
// Vietnamese encodings fall back to Windows-1252 until their tables exist.
#include "vnlegal/encoding.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "internal/utf8.h"

namespace vnlegal {
namespace {

using internal::append_utf8;

// Windows-1252 0x80-0x9F (undefined slots map to the C1 control).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

Decoded decode_utf8(std::string_view bytes) {
  Decoded d;
  d.text.reserve(bytes.size());
  size_t i = 0;
  size_t invalid = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  d.map.add(0, static_cast<uint32_t>(i));
  while (i < bytes.size()) {
    // Fast path over ASCII.
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
      d.diagnostics.push_back({"invalid-utf8", Severity::kWarning,
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
    d.diagnostics.push_back({"invalid-utf8", Severity::kWarning,
                             std::to_string(invalid) +
                                 " invalid UTF-8 bytes in all were replaced",
                             {}});
  }
  d.map.finish(static_cast<uint32_t>(d.text.size()),
               static_cast<uint32_t>(bytes.size()));
  return d;
}

Decoded decode_utf16(std::string_view bytes, bool little) {
  Decoded d;
  size_t i = 0;
  auto unit = [&](size_t k) -> char32_t {
    auto a = static_cast<unsigned char>(bytes[k]);
    auto b = static_cast<unsigned char>(bytes[k + 1]);
    return little ? (a | (b << 8)) : ((a << 8) | b);
  };
  if (bytes.size() >= 2 && (unit(0) == 0xFEFF)) i = 2;
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
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    d.map.add(static_cast<uint32_t>(d.text.size()), static_cast<uint32_t>(i));
    append_utf8(d.text, cp);
    i += len;
  }
  d.map.finish(static_cast<uint32_t>(d.text.size()),
               static_cast<uint32_t>(bytes.size()));
  return d;
}

Decoded decode_cp1252(std::string_view bytes) {
  Decoded d;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    d.map.add(static_cast<uint32_t>(d.text.size()), static_cast<uint32_t>(i));
    char32_t cp = b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b;
    append_utf8(d.text, cp);
  }
  d.map.finish(static_cast<uint32_t>(d.text.size()),
               static_cast<uint32_t>(bytes.size()));
  return d;
}

std::string lower_ascii(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-' && c != '_' && c != ' ')
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

}  // namespace

const char* to_string(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUnknown: return "unknown";
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kUtf16LE: return "UTF-16LE";
    case Encoding::kUtf16BE: return "UTF-16BE";
    case Encoding::kTcvn3: return "TCVN3";
    case Encoding::kVni: return "VNI";
    case Encoding::kViscii: return "VISCII";
    case Encoding::kVps: return "VPS";
    case Encoding::kCp1258: return "CP1258";
    case Encoding::kViqr: return "VIQR";
    case Encoding::kWindows1252: return "Windows-1252";
    case Encoding::kMojibakeTcvn3: return "UTF-8 (TCVN3 mojibake)";
    case Encoding::kMojibakeVni: return "UTF-8 (VNI mojibake)";
  }
  return "unknown";
}

Encoding encoding_from_name(std::string_view name) {
  const std::string n = lower_ascii(name);
  if (n == "utf8") return Encoding::kUtf8;
  if (n == "utf16" || n == "utf16le") return Encoding::kUtf16LE;
  if (n == "utf16be") return Encoding::kUtf16BE;
  if (n == "tcvn3" || n == "tcvn" || n == "tcvn57121" || n == "abc" || n == "vn3")
    return Encoding::kTcvn3;
  if (n == "vni" || n == "vniwindows") return Encoding::kVni;
  if (n == "viscii") return Encoding::kViscii;
  if (n == "vps") return Encoding::kVps;
  if (n == "cp1258" || n == "windows1258") return Encoding::kCp1258;
  if (n == "viqr") return Encoding::kViqr;
  if (n == "cp1252" || n == "windows1252" || n == "latin1") return Encoding::kWindows1252;
  return Encoding::kUnknown;
}

Detection detect_encoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
    return {Encoding::kUtf8, 1.0, "UTF-8 byte order mark"};
  if (bytes.substr(0, 2) == "\xFF\xFE")
    return {Encoding::kUtf16LE, 1.0, "UTF-16LE byte order mark"};
  if (bytes.substr(0, 2) == "\xFE\xFF")
    return {Encoding::kUtf16BE, 1.0, "UTF-16BE byte order mark"};
  if (internal::is_valid_utf8(bytes))
    return {Encoding::kUtf8, 0.9, "valid UTF-8"};
  // Mostly valid UTF-8 with a few damaged bytes is still UTF-8.
  size_t valid = 0, invalid = 0;
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) { ++i; continue; }
    char32_t cp;
    size_t n = internal::decode_utf8(bytes, i, cp);
    if (n) { ++valid; i += n; } else { ++invalid; ++i; }
  }
  if (valid >= 2 * invalid || (valid == 0 && invalid <= 2 && bytes.size() > 8 * invalid))
    return {Encoding::kUtf8, 0.6, "UTF-8 with invalid bytes"};
  return {Encoding::kWindows1252, 0.1, "not UTF-8; no legacy table matched"};
}

Decoded decode(std::string_view bytes, Encoding encoding) {
  if (encoding == Encoding::kUnknown) encoding = detect_encoding(bytes).encoding;
  switch (encoding) {
    case Encoding::kUtf16LE:
      return decode_utf16(bytes, true);
    case Encoding::kUtf16BE:
      return decode_utf16(bytes, false);
    case Encoding::kWindows1252:
      return decode_cp1252(bytes);
    case Encoding::kUtf8:
    case Encoding::kMojibakeTcvn3:
    case Encoding::kMojibakeVni:
      return decode_utf8(bytes);
    default: {
      Decoded d = decode_cp1252(bytes);
      d.diagnostics.push_back({"unsupported-encoding", Severity::kWarning,
                               std::string("no decoder for ") +
                                   to_string(encoding) +
                                   "; read as Windows-1252",
                               {}});
      return d;
    }
  }
}

Encoding encoding_from_font(std::string_view font_name) {
  const std::string n = lower_ascii(font_name);
  if (!font_name.empty() && font_name[0] == '.' && n.rfind("vn", 0) == 0)
    return Encoding::kTcvn3;
  if (n.rfind("vni", 0) == 0) return Encoding::kVni;
  return Encoding::kUnknown;
}

bool is_uppercase_font(std::string_view font_name) {
  return font_name.size() > 3 && font_name[0] == '.' && font_name.back() == 'H';
}

}  // namespace vnlegal
