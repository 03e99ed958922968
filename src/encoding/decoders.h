// Decoders behind vnlegal::decode, one per encoding family. Each returns
// UTF-8 text with an exact OffsetMap back to the input bytes.
#pragma once

#include <string>
#include <string_view>

#include "vnlegal/encoding.h"

namespace vnlegal::internal {

Decoded decode_utf8(std::string_view bytes);
Decoded decode_utf16(std::string_view bytes, bool little_endian);
// Table-driven single-byte encodings: kWindows1252, kTcvn3, kViscii,
// kCp1258 (combining tones left for NFC), kVps.
Decoded decode_single_byte(std::string_view bytes, Encoding encoding,
                           bool uppercase);
Decoded decode_vni(std::string_view bytes, bool uppercase);
Decoded decode_viqr(std::string_view bytes);
// UTF-8 text whose code points are Windows-1252 (or Latin-1) readings of
// `legacy` bytes: words that read better re-encoded and decoded as
// `legacy` are repaired, the rest is kept.
Decoded decode_mojibake(std::string_view utf8, Encoding legacy);

// The Windows-1252 byte for `cp` (Latin-1 for C1 controls), or -1.
int cp1252_byte(char32_t cp);

}  // namespace vnlegal::internal
