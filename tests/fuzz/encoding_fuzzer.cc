// Fuzz target for encoding detection and every decoder. The first byte
// picks a decoder (and the upper-case font flag) for the rest.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vnlegal/encoding.h"

namespace {

void check(const vnlegal::Decoded& d) {
  if (d.map.out_size() != d.text.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vnlegal::Detection det = vnlegal::detect_encoding(bytes);
  if (!(det.confidence >= 0 && det.confidence <= 1)) std::abort();
  check(vnlegal::decode(bytes, det.encoding));
  if (size == 0) return 0;
  constexpr int kEncodings =
      static_cast<int>(vnlegal::Encoding::kMojibakeVni) + 1;
  const auto encoding = static_cast<vnlegal::Encoding>(data[0] % kEncodings);
  check(vnlegal::decode(bytes.substr(1), encoding, (data[0] & 0x80) != 0));
  (void)vnlegal::encoding_from_font(bytes.substr(1, 32));
  return 0;
}
