// Encodings: detection and decoding of Unicode and legacy Vietnamese
// encodings (TCVN3, VNI, VISCII, VPS, CP1258, VIQR) and their mojibake.
#pragma once

#include <string>
#include <string_view>

#include "vnlegal/diagnostics.h"
#include "vnlegal/offset_map.h"

namespace vnlegal {

enum class Encoding : uint8_t {
  kUnknown,
  kUtf8,
  kUtf16LE,
  kUtf16BE,
  kTcvn3,
  kVni,
  kViscii,
  kVps,
  kCp1258,
  kViqr,
  kWindows1252,
  kMojibakeTcvn3,  // TCVN3 bytes read as Windows-1252 and saved as UTF-8
  kMojibakeVni,    // VNI bytes read as Windows-1252 and saved as UTF-8
};

const char* to_string(Encoding encoding);
// Parses a name such as "utf-8", "tcvn3", "vni", "viscii"; kUnknown if none.
Encoding encoding_from_name(std::string_view name);

struct Detection {
  Encoding encoding = Encoding::kUnknown;
  double confidence = 0;  // 0..1
  std::string evidence;   // for people: why this encoding was chosen
};

// Detects the encoding of a whole file or of a run of bytes.
Detection detect_encoding(std::string_view bytes);

struct Decoded {
  std::string text;  // UTF-8 (not yet normalized)
  OffsetMap map;     // text offsets -> input byte offsets
  Diagnostics diagnostics;
};

// Decodes `bytes` from `encoding` to UTF-8. Invalid sequences become U+FFFD
// with a diagnostic. kUnknown means detect first.
Decoded decode(std::string_view bytes, Encoding encoding);
// Same, for a run written in an upper-case legacy font (".VnTimeH"): its
// letters are turned into capitals, as the font draws them.
Decoded decode(std::string_view bytes, Encoding encoding, bool uppercase_font);

// The encoding implied by a font name in a Word/RTF run (".VnTime" ->
// kTcvn3, "VNI-Times" -> kVni), kUnknown when the font says nothing.
Encoding encoding_from_font(std::string_view font_name);
// True for upper-case legacy fonts (".VnTimeH", ".VnArialH"), whose bytes
// stand for capitals.
bool is_uppercase_font(std::string_view font_name);

}  // namespace vnlegal
