// Renders a Document's metadata and structure (no paragraphs, no spans) as
// readable text, for golden files and spec examples.
#pragma once

#include <optional>
#include <string>

#include "vnlegal/vnlegal.h"

namespace vnlegal::testing_support {

inline void render(const Document& doc, int32_t index, int depth,
                   std::string& out) {
  const Node& node = doc.nodes[index];
  if (index != 0) {
    if (node.kind == NodeKind::kParagraph || node.kind == NodeKind::kBasis ||
        node.kind == NodeKind::kRecital)
      return;
    out.append(static_cast<size_t>(depth) * 2, ' ');
    out += to_string(node.kind);
    if (!node.num.empty()) out += " " + node.num;
    if (!node.heading.empty()) out += ": " + node.heading;
    out += "\n";
  }
  for (int32_t c : node.children)
    render(doc, c, index == 0 ? 0 : depth + 1, out);
}

inline std::string golden_text(const Document& doc) {
  std::string out;
  const Metadata& m = doc.metadata;
  auto field = [&](const char* name, const std::optional<std::string>& v) {
    out += std::string(name) + ": " + (v ? *v : "-") + "\n";
  };
  field("number", m.number);
  field("type", m.type);
  field("issuer", m.issuer);
  field("place", m.place);
  field("date", m.date);
  field("title", m.title);
  field("signer", m.signer ? m.signer->name : std::nullopt);
  out += "---\n";
  render(doc, 0, 0, out);
  return out;
}

}  // namespace vnlegal::testing_support
