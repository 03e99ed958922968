// Fuzz target for archive listing (zip, tar, compressed tar, nested
// archives). Small limits keep one input cheap while still reaching the
// limit paths.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vnlegal/io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vnlegal::ArchiveLimits limits;
  limits.max_member_bytes = 1 << 20;
  limits.max_total_bytes = 4 << 20;
  limits.max_members = 200;
  limits.max_depth = 3;
  vnlegal::ArchiveListing listing = vnlegal::list_archive(bytes, limits);
  for (const auto& m : listing.members)
    if (m.bytes.size() > limits.max_member_bytes) std::abort();
  (void)vnlegal::read_archive(bytes.substr(0, 4096));
  return 0;
}
