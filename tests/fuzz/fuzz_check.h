// Checks shared by the fuzz targets: a broken invariant aborts, so libFuzzer
// (or the replay in ordinary CI) reports the input.
#pragma once

#include <cstdlib>

#include "vnlegal/io.h"

namespace vnlegal::fuzz {

inline void check(const ReadResult& r) {
  // Every reader maps each byte of its text back to the source.
  if (r.map.out_size() != r.text.size()) std::abort();
}

}  // namespace vnlegal::fuzz
