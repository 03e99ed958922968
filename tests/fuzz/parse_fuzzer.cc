// Fuzz target for the whole pipeline. Built with libFuzzer when
// VNLEGAL_FUZZ=ON (clang); otherwise linked with replay_main.cc, which runs
// it over files given on the command line (the corpus, in ordinary CI).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vnlegal/vnlegal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vnlegal::Document doc = vnlegal::parse(bytes);
  if (!vnlegal::check_invariants(doc).empty()) std::abort();
  (void)vnlegal::to_json(doc);
  (void)vnlegal::to_xml(doc);
  vnlegal::Normalized n = vnlegal::normalize(bytes);
  if (n.map.out_size() != n.text.size()) std::abort();
  return 0;
}
