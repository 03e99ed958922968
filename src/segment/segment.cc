#include "vnlegal/segment.h"

namespace vnlegal {

void segment(Document& doc) {
  Node root;
  root.kind = NodeKind::kDocument;
  root.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.nodes.push_back(root);
}

}  // namespace vnlegal
