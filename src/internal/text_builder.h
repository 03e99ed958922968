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

  // Copies input bytes [in, in + bytes.size()) unchanged. A copy that goes
  // on where the previous one ended, in the input and in memory, only
  // lengthens it: the passes copy text run by run between the bytes they
  // look at, and the pieces are appended (and mapped) once, as one.
  void copy(uint32_t in, std::string_view bytes) {
    if (bytes.empty()) {
      flush();
      map_.add(size(), in);
      return;
    }
    if (pending_size_ && bytes.data() == pending_ + pending_size_ &&
        in == pending_in_ + pending_size_) {
      pending_size_ += static_cast<uint32_t>(bytes.size());
      return;
    }
    flush();
    pending_ = bytes.data();
    pending_in_ = in;
    pending_size_ = static_cast<uint32_t>(bytes.size());
  }
  // Replaces input bytes [in_begin, in_end) by `replacement` (may be empty).
  void replace(uint32_t in_begin, uint32_t in_end,
               std::string_view replacement) {
    flush();
    map_.add(size(), in_begin);
    append(replacement.data(), replacement.size());
    map_.add(size(), in_end);
  }
  // copy(in, bytes), then replace() of what follows up to in_end: one
  // call, as decomposed text needs for every letter (the text before it
  // and the letter composed with its marks).
  void copy_and_replace(uint32_t in, std::string_view bytes, uint32_t in_end,
                        std::string_view replacement) {
    if (pending_size_) {
      copy(in, bytes);
      replace(in + static_cast<uint32_t>(bytes.size()), in_end, replacement);
      return;
    }
    // The anchors copy() and replace() would add, without the copy pending
    // in between.
    map_.add(size(), in);
    append(bytes.data(), bytes.size());
    map_.add(size(), in + static_cast<uint32_t>(bytes.size()));
    append(replacement.data(), replacement.size());
    map_.add(size(), in_end);
  }
  void push_back(uint32_t in_begin, uint32_t in_end, char c) {
    replace(in_begin, in_end, std::string_view(&c, 1));
  }

  uint32_t size() const {
    return static_cast<uint32_t>(out_.size()) + pending_size_;
  }

  // Finishes: the map covers [0, size) -> [0, in_size).
  std::string take(OffsetMap& map, uint32_t in_size) {
    flush();
    map_.finish(size(), in_size);
    map = std::move(map_);
    return std::move(out_);
  }

 private:
  void flush() {
    if (!pending_size_) return;
    map_.add(static_cast<uint32_t>(out_.size()), pending_in_);
    append(pending_, pending_size_);
    pending_size_ = 0;
  }
  // Decomposed text makes a replacement of two or three bytes every few
  // bytes: those are pushed byte by byte (in line) rather than through a
  // call into the string's append.
  void append(const char* bytes, size_t n) {
    if (n <= 4) {
      for (size_t k = 0; k < n; ++k) out_.push_back(bytes[k]);
    } else {
      out_.append(bytes, n);
    }
  }

  std::string out_;
  OffsetMap map_;
  // The copy not yet appended: pending_size_ bytes at pending_, from input
  // offset pending_in_.
  const char* pending_ = nullptr;
  uint32_t pending_in_ = 0;
  uint32_t pending_size_ = 0;
};

}  // namespace vnlegal::internal
