// Small helpers shared by the unit tests.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "model/root.h"
#include "vnlegal/document.h"

namespace vnlegal::testing {

// A document whose tree is only the root, as before segmentation, with
// offsets mapping the text onto itself.
inline Document root_document(std::string text) {
  Document doc;
  doc.text = std::move(text);
  doc.offsets = OffsetMap::identity(static_cast<uint32_t>(doc.text.size()));
  internal::reset_to_root(doc);
  return doc;
}

// The bytes of a file of the source tree (VNLEGAL_SOURCE_DIR/relative).
inline std::string slurp(const std::string& relative) {
  std::ifstream in(std::string(VNLEGAL_SOURCE_DIR) + "/" + relative,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace vnlegal::testing
