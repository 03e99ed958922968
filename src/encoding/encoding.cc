// Public encoding API: names, fonts, and dispatch to the decoders.
#include "vnlegal/encoding.h"

#include <cctype>
#include <string>

#include "encoding/decoders.h"
#include "encoding/vietnamese.h"
#include "internal/utf8.h"

namespace vnlegal {
namespace {

std::string squeeze_lower(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-' && c != '_' && c != ' ')
      out.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::string_view trim_font(std::string_view name) {
  while (!name.empty() &&
         (name.back() == ';' || name.back() == ' ' || name.back() == '\0'))
    name.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  return name;
}

Decoded upper_case(Decoded d) {
  // Case mapping of Vietnamese letters keeps the UTF-8 length of each
  // letter (both forms share a block), so the map stays valid.
  std::u32string u = internal::to_u32(d.text);
  std::string out;
  out.reserve(d.text.size());
  for (char32_t cp : u) {
    char32_t up = internal::to_upper_vietnamese(cp);
    std::string a, b;
    internal::append_utf8(a, cp);
    internal::append_utf8(b, up);
    internal::append_utf8(out, a.size() == b.size() ? up : cp);
  }
  d.text = std::move(out);
  return d;
}

}  // namespace

const char* to_string(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUnknown:
      return "unknown";
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf16LE:
      return "UTF-16LE";
    case Encoding::kUtf16BE:
      return "UTF-16BE";
    case Encoding::kTcvn3:
      return "TCVN3";
    case Encoding::kVni:
      return "VNI";
    case Encoding::kViscii:
      return "VISCII";
    case Encoding::kVps:
      return "VPS";
    case Encoding::kCp1258:
      return "CP1258";
    case Encoding::kViqr:
      return "VIQR";
    case Encoding::kWindows1252:
      return "Windows-1252";
    case Encoding::kMojibakeTcvn3:
      return "UTF-8 (TCVN3 mojibake)";
    case Encoding::kMojibakeVni:
      return "UTF-8 (VNI mojibake)";
  }
  return "unknown";
}

Encoding encoding_from_name(std::string_view name) {
  const std::string n = squeeze_lower(name);
  if (n == "utf8") return Encoding::kUtf8;
  if (n == "utf16" || n == "utf16le") return Encoding::kUtf16LE;
  if (n == "utf16be") return Encoding::kUtf16BE;
  if (n == "tcvn3" || n == "tcvn" || n == "tcvn57121" || n == "abc" ||
      n == "vn3")
    return Encoding::kTcvn3;
  if (n == "vni" || n == "vniwindows") return Encoding::kVni;
  if (n == "viscii") return Encoding::kViscii;
  if (n == "vps") return Encoding::kVps;
  if (n == "cp1258" || n == "windows1258") return Encoding::kCp1258;
  if (n == "viqr") return Encoding::kViqr;
  if (n == "cp1252" || n == "windows1252" || n == "latin1" || n == "iso88591")
    return Encoding::kWindows1252;
  if (n == "utf8(tcvn3mojibake)" || n == "mojibaketcvn3" ||
      n == "tcvn3mojibake")
    return Encoding::kMojibakeTcvn3;
  if (n == "utf8(vnimojibake)" || n == "mojibakevni" || n == "vnimojibake")
    return Encoding::kMojibakeVni;
  return Encoding::kUnknown;
}

Decoded decode(std::string_view bytes, Encoding encoding) {
  return decode(bytes, encoding, false);
}

Decoded decode(std::string_view bytes, Encoding encoding, bool uppercase_font) {
  if (encoding == Encoding::kUnknown)
    encoding = detect_encoding(bytes).encoding;
  switch (encoding) {
    case Encoding::kUtf16LE:
      return internal::decode_utf16(bytes, true);
    case Encoding::kUtf16BE:
      return internal::decode_utf16(bytes, false);
    case Encoding::kWindows1252:
    case Encoding::kTcvn3:
    case Encoding::kViscii:
    case Encoding::kCp1258:
    case Encoding::kVps:
      return internal::decode_single_byte(bytes, encoding, uppercase_font);
    case Encoding::kVni:
      return internal::decode_vni(bytes, uppercase_font);
    case Encoding::kViqr:
      return internal::decode_viqr(bytes);
    case Encoding::kMojibakeTcvn3:
      return internal::decode_mojibake(bytes, Encoding::kTcvn3);
    case Encoding::kMojibakeVni:
      return internal::decode_mojibake(bytes, Encoding::kVni);
    case Encoding::kUtf8: {
      Decoded d = internal::decode_utf8(bytes);
      return uppercase_font ? upper_case(std::move(d)) : d;
    }
    case Encoding::kUnknown:
      break;
  }
  Decoded d =
      internal::decode_single_byte(bytes, Encoding::kWindows1252, false);
  d.diagnostics.push_back({"unsupported-encoding",
                           Severity::kWarning,
                           std::string("no decoder for ") +
                               to_string(encoding) + "; read as Windows-1252",
                           {}});
  return d;
}

Encoding encoding_from_font(std::string_view font_name) {
  font_name = trim_font(font_name);
  const std::string n = squeeze_lower(font_name);
  // ABC/TCVN3 fonts are named ".VnTime", ".VnArialH", ...
  if (!font_name.empty() && font_name[0] == '.' && n.rfind(".vn", 0) == 0)
    return Encoding::kTcvn3;
  if (n.rfind("vni", 0) == 0) return Encoding::kVni;
  if (n.rfind("vps", 0) == 0) return Encoding::kVps;
  if (n.rfind("viqr", 0) == 0) return Encoding::kViqr;
  return Encoding::kUnknown;
}

bool is_uppercase_font(std::string_view font_name) {
  font_name = trim_font(font_name);
  // ABC fonts have an upper-case twin whose name ends in "H" (".VnTimeH",
  // ".VnArialH", ".VnBlackH"); its lower-case slots draw capitals.
  return font_name.size() > 3 && font_name[0] == '.' &&
         (font_name[1] == 'V' || font_name[1] == 'v') &&
         font_name.back() == 'H';
}

}  // namespace vnlegal
