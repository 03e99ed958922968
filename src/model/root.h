// The model's tree before segmentation: one root node over the whole text.
#pragma once

#include <cstdint>

#include "vnlegal/document.h"

namespace vnlegal::internal {

inline void reset_to_root(Document& doc) {
  doc.nodes.clear();
  Node root;
  root.kind = NodeKind::kDocument;
  root.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.nodes.push_back(root);
}

}  // namespace vnlegal::internal
