// A readable outline: one line per node, indented by depth.
#include <string>

#include "vnlegal/export.h"

namespace vnlegal {
namespace {

void line(const Document& doc, int32_t index, int depth, std::string& out) {
  const Node& node = doc.nodes[index];
  if (node.kind == NodeKind::kParagraph) return;
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += to_string(node.kind);
  if (!node.num.empty()) out += " " + node.num;
  if (!node.heading.empty()) {
    std::string h = node.heading;
    if (h.size() > 160) {
      // Cut at a character boundary.
      size_t cut = 160;
      while (cut > 0 && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80)
        --cut;
      h = h.substr(0, cut) + "…";
    }
    out += ": " + h;
  }
  out += "  [" + std::to_string(node.span.begin) + "," +
         std::to_string(node.span.end) + ")\n";
  for (int32_t c : node.children) line(doc, c, depth + 1, out);
}

}  // namespace

std::string to_outline(const Document& doc) {
  std::string out;
  const Metadata& m = doc.metadata;
  auto field = [&](const char* name, const std::optional<std::string>& v) {
    if (v) out += std::string(name) + ": " + *v + "\n";
  };
  field("number", m.number);
  field("type", m.type);
  field("issuer", m.issuer);
  field("place", m.place);
  field("date", m.date);
  field("title", m.title);
  if (m.signer && m.signer->name) out += "signer: " + *m.signer->name + "\n";
  if (!doc.nodes.empty())
    for (int32_t c : doc.nodes[0].children) line(doc, c, 0, out);
  for (const Diagnostic& d : doc.diagnostics)
    out += std::string(to_string(d.severity)) + " " + d.code + ": " +
           d.message + "\n";
  return out;
}

}  // namespace vnlegal
