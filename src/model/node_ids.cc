// Element ids of the nodes ("chp_2__art_5__para_1__point_a"): one scheme,
// assigned by the segmenter and used by every writer.
#include "model/node_ids.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vnlegal::internal {
namespace {

// The Akoma Ntoso style abbreviations; other kinds use their JSON name.
const char* eid_prefix(NodeKind kind) {
  switch (kind) {
    case NodeKind::kChapter:
      return "chp";
    case NodeKind::kSection:
      return "sec";
    case NodeKind::kSubsection:
      return "subsec";
    case NodeKind::kArticle:
      return "art";
    case NodeKind::kClause:
      return "para";
    case NodeKind::kDivision:
      return "dvs";
    case NodeKind::kHeading:
      return "hdg";
    case NodeKind::kParagraph:
      return "p";
    case NodeKind::kAttachment:
      return "att";
    case NodeKind::kQuoted:
      return "qstr";
    case NodeKind::kEditorial:
      return "note";
    case NodeKind::kDocument:
      return "doc";
    default:
      return to_string(kind);
  }
}

// Appends the id form of a printed number to `out`.
void append_eid_num(std::string& out, std::string_view num) {
  for (char c : num) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z'))
      out.push_back(c);
    else if (c == '.')
      out.push_back('-');
    else if (static_cast<unsigned char>(c) >= 0x80)
      out.push_back('_');  // đ and other letters outside ASCII
  }
}

void append_int(std::string& out, int v) {
  char buf[16];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out.append(buf, static_cast<size_t>(end - buf));
}

void assign_ids(Document& doc, int32_t index) {
  // Unnumbered children count per kind; numbered ones that repeat (forms
  // appended to a decree restart at 1) get a suffix.
  std::vector<std::pair<const char*, int>> counters;
  // How often each prefix+number was seen: a short list (most units have a
  // few dozen children), a hash map beyond.
  std::vector<std::pair<std::string, int>> seen_few;
  std::unordered_map<std::string, int> seen_many;
  auto bump = [&](const std::string& key) {
    if (seen_many.empty()) {
      for (auto& [k, count] : seen_few)
        if (k == key) return ++count;
      if (seen_few.size() < 32) {
        if (seen_few.empty()) seen_few.reserve(32);
        seen_few.emplace_back(key, 1);
        return 1;
      }
      for (auto& [k, count] : seen_few) seen_many.emplace(std::move(k), count);
      seen_few.clear();
    }
    return ++seen_many[key];
  };
  // Reused for every child: no allocation per node for its number.
  std::string n, key;
  for (int32_t c : doc.nodes[index].children) {
    // Children come after their parent; a broken link (out of range, or
    // back up the tree) is skipped rather than followed.
    if (c <= index || static_cast<size_t>(c) >= doc.nodes.size()) continue;
    Node& child = doc.nodes[c];
    const char* local = eid_prefix(child.kind);
    n.clear();
    if (child.num == std::string_view("đ"))
      n = "dd";
    else
      append_eid_num(n, child.num);
    if (n.empty()) {
      auto it = std::find_if(counters.begin(), counters.end(),
                             [&](const auto& p) { return p.first == local; });
      if (it == counters.end()) {
        counters.emplace_back(local, 0);
        it = counters.end() - 1;
      }
      append_int(n, ++it->second);
    } else {
      key.assign(local).append("_").append(n);
      const int dup = bump(key);
      if (dup > 1) {
        n += '_';
        append_int(n, dup);
      }
    }
    // One allocation, the pieces copied in place: every node gets an id.
    const std::string& parent = doc.nodes[index].eid;
    const size_t local_size = std::strlen(local);
    const size_t head = parent.empty() ? 0 : parent.size() + 2;
    child.eid.resize(head + local_size + 1 + n.size());
    char* out = child.eid.data();
    if (head) {
      std::memcpy(out, parent.data(), parent.size());
      std::memcpy(out + parent.size(), "__", 2);
    }
    std::memcpy(out + head, local, local_size);
    out[head + local_size] = '_';
    std::memcpy(out + head + local_size + 1, n.data(), n.size());
    // A leaf has no children to number.
    if (child.children.empty()) continue;
    assign_ids(doc, c);
  }
}

}  // namespace

void assign_node_ids(Document& doc) {
  if (!doc.nodes.empty()) assign_ids(doc, 0);
}

}  // namespace vnlegal::internal
