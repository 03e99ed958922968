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

// The id form of a child's printed number ("dd" for "đ"); empty when the
// child has none.
void eid_num(const Node& child, std::string& n) {
  n.clear();
  if (child.num == std::string_view("đ"))
    n = "dd";
  else
    append_eid_num(n, child.num);
}

// FNV-1a of `local` + "_" + n: the key a numbered child's count is kept
// under.
uint64_t key_hash(std::string_view local, std::string_view n) {
  uint64_t h = 14695981039346656037ull;
  auto add = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  for (char c : local) add(static_cast<unsigned char>(c));
  add('_');
  for (char c : n) add(static_cast<unsigned char>(c));
  return h;
}

// State shared by the levels of the tree walk: each level keeps its own
// entries at the end of the vectors and drops them when it is done, so the
// walk allocates once rather than at every unit.
struct Scratch {
  // Unnumbered children counted per kind (by prefix).
  std::vector<std::pair<const char*, int>> counters;
  // Numbered children: how often each prefix+number was seen, by the hash
  // of the key and the first child that had it.
  struct Seen {
    uint64_t hash;
    int32_t child;
    int count;
  };
  std::vector<Seen> seen;
  std::string n, key, other;
};

// Most units have a few dozen children: their keys are compared in a
// list; beyond this many a level uses a hash map.
constexpr size_t kFewSeen = 32;

void assign_ids(Document& doc, int32_t index, Scratch& s) {
  // Unnumbered children count per kind; numbered ones that repeat (forms
  // appended to a decree restart at 1) get a suffix.
  const size_t counters_begin = s.counters.size();
  const size_t seen_begin = s.seen.size();
  std::unordered_map<std::string, int> seen_many;
  auto bump = [&](int32_t child, const char* local, const std::string& n) {
    if (seen_many.empty()) {
      const uint64_t h = key_hash(local, n);
      for (size_t k = seen_begin; k < s.seen.size(); ++k) {
        Scratch::Seen& e = s.seen[k];
        if (e.hash != h) continue;
        const Node& first = doc.nodes[e.child];
        eid_num(first, s.other);
        // The same key: no prefix holds '_', so the prefixes and the
        // numbers are equal.
        if (std::strcmp(eid_prefix(first.kind), local) == 0 && s.other == n)
          return ++e.count;
      }
      if (s.seen.size() - seen_begin < kFewSeen) {
        s.seen.push_back({h, child, 1});
        return 1;
      }
      for (size_t k = seen_begin; k < s.seen.size(); ++k) {
        const Node& first = doc.nodes[s.seen[k].child];
        eid_num(first, s.other);
        s.key.assign(eid_prefix(first.kind)).append("_").append(s.other);
        seen_many.emplace(s.key, s.seen[k].count);
      }
      s.seen.resize(seen_begin);
    }
    s.key.assign(local).append("_").append(n);
    return ++seen_many[s.key];
  };
  for (int32_t c : doc.nodes[index].children) {
    // Children come after their parent; a broken link (out of range, or
    // back up the tree) is skipped rather than followed.
    if (c <= index || static_cast<size_t>(c) >= doc.nodes.size()) continue;
    Node& child = doc.nodes[c];
    const char* local = eid_prefix(child.kind);
    std::string& n = s.n;
    eid_num(child, n);
    if (n.empty()) {
      auto it =
          std::find_if(s.counters.begin() + counters_begin, s.counters.end(),
                       [&](const auto& p) { return p.first == local; });
      if (it == s.counters.end()) {
        s.counters.emplace_back(local, 0);
        it = s.counters.end() - 1;
      }
      append_int(n, ++it->second);
    } else {
      const int dup = bump(c, local, n);
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
    assign_ids(doc, c, s);
  }
  s.counters.resize(counters_begin);
  s.seen.resize(seen_begin);
}

}  // namespace

void assign_node_ids(Document& doc) {
  if (doc.nodes.empty()) return;
  Scratch s;
  assign_ids(doc, 0, s);
}

}  // namespace vnlegal::internal
