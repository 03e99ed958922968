// TextBuilder: builds a rewritten text while recording where every output
// byte came from, as an OffsetMap (output -> input).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vnlegal/offset_map.h"

namespace vnlegal::internal {

class TextBuilder {
 public:
  explicit TextBuilder(size_t reserve = 0) { out_.reserve(reserve); }

  // Copies input bytes [in, in + bytes.size()) unchanged.
  void copy(uint32_t in, std::string_view bytes) {
    map_.add(size(), in);
    out_.append(bytes);
  }
  // Replaces input bytes [in_begin, in_end) by `replacement` (may be empty).
  void replace(uint32_t in_begin, uint32_t in_end,
               std::string_view replacement) {
    map_.add(size(), in_begin);
    out_.append(replacement);
    map_.add(size(), in_end);
  }
  void push_back(uint32_t in_begin, uint32_t in_end, char c) {
    replace(in_begin, in_end, std::string_view(&c, 1));
  }

  uint32_t size() const { return static_cast<uint32_t>(out_.size()); }
  const std::string& text() const { return out_; }
  char back() const { return out_.empty() ? '\0' : out_.back(); }

  // Finishes: the map covers [0, size) -> [0, in_size).
  std::string take(OffsetMap& map, uint32_t in_size) {
    map_.finish(size(), in_size);
    map = std::move(map_);
    return std::move(out_);
  }

 private:
  std::string out_;
  OffsetMap map_;
};

}  // namespace vnlegal::internal
