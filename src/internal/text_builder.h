// TextBuilder: builds a rewritten text while recording where every output
// byte came from, as an OffsetMap (output -> input).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "vnlegal/offset_map.h"

namespace vnlegal::internal {

class TextBuilder {
 public:
  // The output is written into a buffer of `reserve` bytes (grown as
  // needed) rather than appended to a string: decomposed text makes a
  // replacement of two or three bytes every few bytes, and a call into the
  // string's append for each costs more than the copy.
  explicit TextBuilder(size_t reserve = 0)
      : out_(new char[reserve + 16]), capacity_(reserve + 16) {}

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
    const size_t n = bytes.size();
    if (capacity_ - len_ < n + replacement.size()) grow(n + replacement.size());
    map_.add(static_cast<uint32_t>(len_), in);
    std::memcpy(out_.get() + len_, bytes.data(), n);
    len_ += n;
    map_.add(static_cast<uint32_t>(len_), in + static_cast<uint32_t>(n));
    append(replacement.data(), replacement.size());
    map_.add(static_cast<uint32_t>(len_), in_end);
  }
  void push_back(uint32_t in_begin, uint32_t in_end, char c) {
    replace(in_begin, in_end, std::string_view(&c, 1));
  }

  uint32_t size() const { return static_cast<uint32_t>(len_) + pending_size_; }

  // Finishes: the map covers [0, size) -> [0, in_size).
  std::string take(OffsetMap& map, uint32_t in_size) {
    flush();
    map_.finish(size(), in_size);
    map = std::move(map_);
    return std::string(out_.get(), len_);
  }

 private:
  void flush() {
    if (!pending_size_) return;
    map_.add(static_cast<uint32_t>(len_), pending_in_);
    append(pending_, pending_size_);
    pending_size_ = 0;
  }
  void append(const char* bytes, size_t n) {
    if (capacity_ - len_ < n) grow(n);
    char* to = out_.get() + len_;
    if (n <= 4) {
      for (size_t k = 0; k < n; ++k) to[k] = bytes[k];
    } else {
      std::memcpy(to, bytes, n);
    }
    len_ += n;
  }
  // Room for n more bytes (at least doubling the buffer).
  void grow(size_t n) {
    capacity_ = std::max(capacity_ * 2, len_ + n);
    std::unique_ptr<char[]> bigger(new char[capacity_]);
    std::memcpy(bigger.get(), out_.get(), len_);
    out_ = std::move(bigger);
  }

  // The output is out_[0, len_), in a buffer of capacity_ bytes (not
  // initialised: a string would be filled with zeros first).
  std::unique_ptr<char[]> out_;
  size_t capacity_ = 0;
  size_t len_ = 0;
  OffsetMap map_;
  // The copy not yet appended: pending_size_ bytes at pending_, from input
  // offset pending_in_.
  const char* pending_ = nullptr;
  uint32_t pending_in_ = 0;
  uint32_t pending_size_ = 0;
};

}  // namespace vnlegal::internal
