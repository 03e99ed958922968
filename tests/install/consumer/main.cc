// A tiny program built against the installed vnlegal package.
#include <vnlegal/vnlegal.h>

#include <iostream>

int main() {
  vnlegal::Document doc = vnlegal::parse(
      "Số: 01 /NQ-HĐND\nNGHỊ QUYẾT\nVề việc thử\nQUYẾT NGHỊ:\nĐiều 1. Một.\nĐiều 2. Hai.\n");
  int articles = 0;
  for (const auto& node : doc.nodes) articles += node.kind == vnlegal::NodeKind::kArticle;
  std::cout << doc.metadata.number.value_or("-") << " " << articles << "\n";
  return doc.metadata.number == std::string("01/NQ-HĐND") && articles == 2 ? 0 : 1;
}
