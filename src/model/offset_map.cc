#include "vnlegal/offset_map.h"

#include <algorithm>

namespace vnlegal {

OffsetMap OffsetMap::identity(uint32_t size) {
  OffsetMap map;
  map.finish(size, size);
  return map;
}

void OffsetMap::add_at_last(uint32_t in) {
  // A later anchor at the same place wins.
  Anchor& last = anchors_.back();
  last.in = std::max(last.in, in);
  if (anchors_.size() >= 2) {
    const Anchor& prev = anchors_[anchors_.size() - 2];
    if (last.in - prev.in == last.out - prev.out) anchors_.pop_back();
  }
}

void OffsetMap::finish(uint32_t out_size, uint32_t in_size) {
  add(out_size, in_size);
  out_size_ = out_size;
  in_size_ = in_size;
}

uint32_t OffsetMap::to_source(uint32_t out) const {
  // Last anchor with anchor.out <= out (an implied {0,0} precedes all).
  auto it = std::upper_bound(
      anchors_.begin(), anchors_.end(), out,
      [](uint32_t value, const Anchor& a) { return value < a.out; });
  Anchor base{0, 0};
  if (it != anchors_.begin()) base = *(it - 1);
  uint32_t result = base.in + (out - base.out);
  if (it != anchors_.end()) result = std::min(result, it->in);
  return std::min(result, in_size_ ? in_size_ : result);
}

namespace {

// to_source for queries that mostly come in increasing order: a cursor
// walks the anchors instead of a binary search per query (a decomposed
// document has an anchor every few bytes); a query below the previous one
// falls back to the search.
class SourceCursor {
 public:
  explicit SourceCursor(const OffsetMap& map) : map_(map) {}
  uint32_t at(uint32_t out) {
    const auto& a = map_.anchors();
    if (out < last_) return map_.to_source(out);
    last_ = out;
    while (k_ < a.size() && a[k_].out <= out) ++k_;
    const OffsetMap::Anchor base =
        k_ == 0 ? OffsetMap::Anchor{0, 0} : a[k_ - 1];
    uint32_t result = base.in + (out - base.out);
    if (k_ < a.size()) result = std::min(result, a[k_].in);
    const uint32_t in_size = map_.in_size();
    return std::min(result, in_size ? in_size : result);
  }

 private:
  const OffsetMap& map_;
  size_t k_ = 0;
  uint32_t last_ = 0;
};

}  // namespace

OffsetMap OffsetMap::then(const OffsetMap& outer) const {
  OffsetMap result;
  // Every anchor of the outer map, and every anchor of this map seen through
  // the outer map, is an anchor of the composition.
  std::vector<uint32_t> outs;
  outs.reserve(outer.anchors_.size() * 2 + anchors_.size());
  for (const Anchor& a : outer.anchors_) {
    if (a.out > 0) outs.push_back(a.out - 1);
    outs.push_back(a.out);
  }
  const auto outer_end = static_cast<std::ptrdiff_t>(outs.size());
  // Inner anchors: find output offsets whose mid offset equals the anchor.
  size_t j = 0;
  const auto& oa = outer.anchors_;
  for (const Anchor& inner : anchors_) {
    // The first output offset that reaches the inner anchor: through the
    // last outer anchor strictly before it (an outer anchor at it is in
    // `outs` already).
    while (j < oa.size() && oa[j].in < inner.out) ++j;
    Anchor base = j == 0 ? Anchor{0, 0} : oa[j - 1];
    if (inner.out >= base.in) {
      uint32_t out = base.out + (inner.out - base.in);
      if (j >= oa.size() || out < oa[j].out) outs.push_back(out);
    }
  }
  // Two runs, each sorted when the maps are monotone (as every pass makes
  // them): a merge instead of a sort.
  const auto mid = outs.begin() + outer_end;
  if (std::is_sorted(outs.begin(), mid) && std::is_sorted(mid, outs.end()))
    std::inplace_merge(outs.begin(), mid, outs.end());
  else
    std::sort(outs.begin(), outs.end());
  outs.erase(std::unique(outs.begin(), outs.end()), outs.end());
  SourceCursor through_outer(outer);
  SourceCursor through_this(*this);
  for (uint32_t out : outs) {
    if (out >= outer.out_size_) break;
    result.add(out, through_this.at(through_outer.at(out)));
  }
  result.finish(outer.out_size_, in_size_);
  return result;
}

}  // namespace vnlegal
