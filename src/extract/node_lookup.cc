#include "vnlegal/extract.h"

namespace vnlegal {

int32_t innermost_node(const Document& doc, Span span) {
  if (doc.nodes.empty()) return kNoNode;
  int32_t current = 0;
  // Descend while a child contains the span (children are ordered).
  for (;;) {
    const Node& node = doc.nodes[current];
    int32_t next = kNoNode;
    size_t lo = 0, hi = node.children.size();
    while (lo < hi) {  // first child whose end >= span.end
      size_t mid = (lo + hi) / 2;
      if (doc.nodes[node.children[mid]].span.end < span.end)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t k = lo; k < node.children.size(); ++k) {
      const Node& child = doc.nodes[node.children[k]];
      if (child.span.begin > span.begin) break;
      if (child.span.contains(span)) {
        next = node.children[k];
        break;
      }
    }
    if (next == kNoNode) return current;
    current = next;
  }
}

}  // namespace vnlegal
