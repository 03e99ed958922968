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

// The anchors of the composition are taken at the offsets of two streams:
// every outer anchor (and the offset before it), and every inner anchor seen
// through the outer map. Both come in increasing order when the maps are
// monotone, as every pass makes them; they are merged as they are made.
// Returns false (leaving `result` to be discarded) if the inner stream turns
// out not to be sorted.
bool compose_sorted(const OffsetMap& inner, const OffsetMap& outer,
                    OffsetMap& result) {
  using Anchor = OffsetMap::Anchor;
  const std::vector<Anchor>& ia = inner.anchors();
  const std::vector<Anchor>& oa = outer.anchors();
  for (size_t k = 1; k < oa.size(); ++k)
    if (oa[k].out <= oa[k - 1].out) return false;
  constexpr uint64_t kNone = ~uint64_t{0};
  // Outer stream: a.out - 1 (when a.out > 0), then a.out, each with the
  // offset the outer map gives it (to_source, read off the anchors at hand).
  const uint32_t outer_in = outer.in_size();
  auto clamp_outer = [&](uint32_t v) {
    return outer_in ? std::min(v, outer_in) : v;
  };
  size_t ok = 0;
  bool before = true;
  uint32_t outer_mid = 0;
  auto next_outer = [&]() -> uint64_t {
    while (ok < oa.size()) {
      const Anchor& a = oa[ok];
      if (before) {
        before = false;
        if (a.out == 0) continue;
        const Anchor base = ok == 0 ? Anchor{0, 0} : oa[ok - 1];
        outer_mid =
            clamp_outer(std::min(base.in + (a.out - 1 - base.out), a.in));
        return a.out - 1;
      }
      before = true;
      ++ok;
      outer_mid =
          clamp_outer(ok < oa.size() ? std::min(a.in, oa[ok].in) : a.in);
      return a.out;
    }
    return kNone;
  };
  // Inner stream: the first output offset that reaches each inner anchor,
  // through the last outer anchor strictly before it (an outer anchor at it
  // is in the outer stream already).
  // Such an offset maps to the anchor's own input offset (the outer map
  // is a shift there, and the anchor is the inner map's base), clamped as
  // to_source clamps it: no search through either map. That needs inner
  // anchors at distinct output offsets, each within the outer map's input.
  bool direct = true;
  for (size_t k = 1; k < ia.size() && direct; ++k)
    direct = ia[k].out > ia[k - 1].out;
  const uint32_t inner_in = inner.in_size();
  size_t ik = 0, j = 0;
  uint64_t last_inner = 0;
  bool sorted = true;
  uint64_t inner_value = kNone;  // the source offset of the last one, if known
  auto next_inner = [&]() -> uint64_t {
    while (ik < ia.size()) {
      const Anchor& a = ia[ik++];
      while (j < oa.size() && oa[j].in < a.out) ++j;
      const Anchor base = j == 0 ? Anchor{0, 0} : oa[j - 1];
      if (a.out < base.in) continue;
      const uint32_t out = base.out + (a.out - base.in);
      if (j < oa.size() && out >= oa[j].out) continue;
      if (out < last_inner) sorted = false;
      last_inner = out;
      inner_value = kNone;
      if (direct && (outer_in == 0 || a.out <= outer_in)) {
        uint32_t v = a.in;
        if (ik < ia.size()) v = std::min(v, ia[ik].in);
        if (inner_in) v = std::min(v, inner_in);
        inner_value = v;
      }
      return out;
    }
    return kNone;
  };
  SourceCursor through_outer(outer);
  SourceCursor through_this(inner);
  uint64_t o = next_outer(), i = next_inner();
  uint64_t prev = kNone;
  // A decomposed or re-encoded text has an inner anchor every few bytes and
  // the outer map one every line or so: the inner anchors between two outer
  // ones are the loop's steps below taken in a row, each the inner anchor
  // shifted by the outer segment's offset, with the checks of next_inner
  // reduced to those that can fail inside one segment. Adds the pending
  // inner offset and those after it while that holds; leaves the first
  // other one pending, read by next_inner as the loop would read it.
  auto inner_run = [&]() {
    const size_t on = oa.size();
    const Anchor base = j == 0 ? Anchor{0, 0} : oa[j - 1];
    const uint64_t in_end = j < on ? oa[j].in : kNone;
    const uint64_t out_end = std::min<uint64_t>(
        std::min<uint64_t>(j < on ? oa[j].out : kNone, o), outer.out_size());
    while (i < out_end && inner_value != kNone && i != prev) {
      prev = i;
      result.add(static_cast<uint32_t>(i), static_cast<uint32_t>(inner_value));
      if (ik >= ia.size()) {
        i = next_inner();
        return;
      }
      const Anchor& a = ia[ik];
      const uint64_t out = uint64_t{base.out} + (a.out - base.in);
      if (a.out > in_end || a.out < base.in || out >= out_end ||
          out < last_inner || (outer_in != 0 && a.out > outer_in)) {
        i = next_inner();
        return;
      }
      ++ik;
      uint32_t v = a.in;
      if (ik < ia.size()) v = std::min(v, ia[ik].in);
      if (inner_in) v = std::min(v, inner_in);
      last_inner = out;
      i = out;
      inner_value = v;
    }
  };
  while (sorted && (o != kNone || i != kNone)) {
    uint64_t out;
    uint64_t value;
    const bool from_outer = o <= i;
    uint32_t mid = 0;
    if (from_outer) {
      out = o;
      mid = outer_mid;
      value = kNone;
      o = next_outer();
    } else {
      out = i;
      value = inner_value;
      i = next_inner();
    }
    if (out == prev) continue;
    prev = out;
    if (out >= outer.out_size()) break;
    const auto at = static_cast<uint32_t>(out);
    if (value == kNone)
      value = through_this.at(from_outer ? mid : through_outer.at(at));
    result.add(at, static_cast<uint32_t>(value));
    if (!from_outer && direct) inner_run();
  }
  // An unsorted inner stream is found at the latest when it is drained; one
  // that was left unread after the break needs checking too.
  while (sorted && i != kNone) i = next_inner();
  return sorted;
}

}  // namespace

OffsetMap OffsetMap::then(const OffsetMap& outer) const {
  // An identity (a text read as it was, with no anchor or one at its end)
  // composed with a map of that text is the map itself: every offset maps
  // the same (a unit test checks each), without a walk over its anchors,
  // which a decomposed text has every few bytes.
  if (in_size_ == out_size_ && outer.in_size_ == out_size_ &&
      (anchors_.empty() ||
       (anchors_.size() == 1 && anchors_[0].out == out_size_ &&
        anchors_[0].in == in_size_)))
    return outer;
  OffsetMap result;
  // At most every anchor of either map and the offset before each outer one.
  result.anchors_.reserve(anchors_.size() + 2 * outer.anchors_.size() + 1);
  if (compose_sorted(*this, outer, result)) {
    result.finish(outer.out_size_, in_size_);
    return result;
  }
  result = OffsetMap();
  // Maps that are not monotone: the offsets of both streams, sorted.
  std::vector<uint32_t> outs;
  outs.reserve(outer.anchors_.size() * 2 + anchors_.size());
  for (const Anchor& a : outer.anchors_) {
    if (a.out > 0) outs.push_back(a.out - 1);
    outs.push_back(a.out);
  }
  size_t j = 0;
  const auto& oa = outer.anchors_;
  for (const Anchor& inner : anchors_) {
    while (j < oa.size() && oa[j].in < inner.out) ++j;
    Anchor base = j == 0 ? Anchor{0, 0} : oa[j - 1];
    if (inner.out >= base.in) {
      uint32_t out = base.out + (inner.out - base.in);
      if (j >= oa.size() || out < oa[j].out) outs.push_back(out);
    }
  }
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
