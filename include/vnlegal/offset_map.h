// OffsetMap: maps byte offsets of a transformed text back to the text it was
// made from (ultimately the original input bytes).
//
// It is a sorted list of anchors (out, in). Between two anchors the mapping is
// the identity shifted by the first anchor, clamped to the next anchor's input
// offset, so a replacement of k input bytes by m output bytes is recorded by
// one anchor at its start and one at its end.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace vnlegal {

class OffsetMap {
 public:
  struct Anchor {
    uint32_t out = 0;
    uint32_t in = 0;
  };

  // An identity map over a text of `size` bytes.
  static OffsetMap identity(uint32_t size);

  // Appends an anchor; `out` must not decrease. Redundant anchors (those on
  // the identity line of the previous one) are dropped. Inline: text passes
  // call it for every replacement.
  void add(uint32_t out, uint32_t in) {
    if (!anchors_.empty()) {
      Anchor& last = anchors_.back();
      if (out == last.out) {
        add_at_last(in);
        return;
      }
      if (in >= last.in && in - last.in == out - last.out) return;
    } else if (out == 0 && in == 0) {
      return;  // implied
    }
    anchors_.push_back({out, in});
  }
  // A map from anchors that are already sorted and minimal (decoders that
  // compute them in bulk), then finish(out_size, in_size).
  static OffsetMap from_anchors(std::vector<Anchor> anchors, uint32_t out_size,
                                uint32_t in_size) {
    OffsetMap map;
    map.anchors_ = std::move(anchors);
    map.finish(out_size, in_size);
    return map;
  }
  // Marks the end of both texts.
  void finish(uint32_t out_size, uint32_t in_size);

  // The input offset that output offset `out` came from.
  uint32_t to_source(uint32_t out) const;

  // Given this map (mid -> source) and `outer` (out -> mid), returns the map
  // out -> source.
  OffsetMap then(const OffsetMap& outer) const;

  const std::vector<Anchor>& anchors() const { return anchors_; }
  uint32_t out_size() const { return out_size_; }
  uint32_t in_size() const { return in_size_; }

 private:
  // A later anchor at the same output offset as the last one.
  void add_at_last(uint32_t in);

  std::vector<Anchor> anchors_;
  uint32_t out_size_ = 0;
  uint32_t in_size_ = 0;
};

}  // namespace vnlegal
