// Fuzz target for normalization of (possibly invalid) UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vnlegal/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vnlegal::Normalized n = vnlegal::normalize(bytes);
  if (n.map.out_size() != n.text.size()) std::abort();
  for (const auto& s : n.emphasis)
    if (s.end < s.begin || s.end > n.text.size()) std::abort();
  return 0;
}
