#include "internal/utf8.h"

#include <simdjson.h>

namespace vnlegal::internal {

// simdjson picks the widest implementation the processor has at run time
// (AVX-512, AVX2, SSE4.2, or a portable fallback); its rules are those of
// the Unicode standard, the same as decode_utf8's.
// Short strings (headings, numbers, names) are checked here instead: the
// call into the library costs a few hundred instructions by itself.
bool is_valid_utf8(std::string_view s) {
  if (s.size() >= 64) return simdjson::validate_utf8(s.data(), s.size());
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const size_t n = decode_utf8(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace vnlegal::internal
