// Spans: half-open UTF-8 byte ranges into a Document's normalized text.
#pragma once

#include <cstdint>

namespace vnlegal {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(Span other) const {
    return begin <= other.begin && other.end <= end;
  }
  friend bool operator==(Span a, Span b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend bool operator!=(Span a, Span b) { return !(a == b); }
};

}  // namespace vnlegal
