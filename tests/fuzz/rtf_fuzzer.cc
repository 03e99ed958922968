// Fuzz target for the RTF reader, called directly so that every input
// reaches it whatever its magic bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "io/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vnlegal::fuzz::check(vnlegal::io::read_rtf(bytes, vnlegal::Options{}));
  return 0;
}
