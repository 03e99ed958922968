#include <string>

#include "cli/commands.h"

namespace vnlegal::cli {
namespace {

std::string clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string references_tsv(const Document& doc) {
  std::string out = "kind\trole\tdoc_type\tnumber\tname\tyear\tdate\ttext\n";
  for (const Reference& r : doc.references) {
    out += std::string(to_string(r.kind)) + "\t" + to_string(r.role) + "\t" +
           clean(r.doc_type) + "\t" + clean(r.number) + "\t" + clean(r.name) +
           "\t" + (r.year ? std::to_string(*r.year) : "") + "\t" + r.date +
           "\t" + clean(r.text) + "\n";
  }
  return out;
}

}  // namespace vnlegal::cli
