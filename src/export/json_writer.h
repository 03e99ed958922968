// A streaming JSON writer: pretty-printed with a one-space indent, keys in
// the order written. The escape sequences are taken from nlohmann::json so
// that no escaping rules are written by hand; building a DOM for every
// document would cost more than the whole parse.
//
// The writer owns the string's bytes while it writes: the string is sized
// to an estimate up front and written through a cursor, and finish() cuts
// it to what was written. A document has hundreds of keys per kilobyte of
// text, so the pieces are written with no bounds check of their own: a
// Fields run checks once for all the fields of an object, its room bounded
// from the strings it holds.
#pragma once

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "export/json_scan.h"
#include "internal/utf8.h"

namespace vnlegal::internal {

class JsonWriter {
 public:
  // The name of an enumeration value, known to need no escaping, padded so
  // that it is copied in one move.
  struct Name {
    char bytes[16] = {};
    size_t size = 0;
  };

  // Writes after what `out` holds; `estimate` is the expected size of the
  // output (a wrong one costs time, never correctness).
  //
  // JSON strings must be valid UTF-8. `checked` validates each string as it
  // is written and writes the library's replacement for one that is not;
  // unchecked, the whole output is validated once by finish(): a string
  // that is not valid UTF-8 leaves the output invalid (its neighbours are
  // ASCII, which ends any sequence), and only then is a checked pass
  // needed. Strings are short and validating them one by one cost more
  // than writing them.
  JsonWriter(std::string& out, bool compact, size_t estimate, bool checked)
      : out_(out), base_(out.size()), compact_(compact), checked_(checked) {
    out_.resize(base_ + estimate + kSlack);
    cursor_ = out_.data() + base_;
    end_ = out_.data() + out_.size();
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Cuts the string to the bytes written; call once, at the end. False
  // when the output is not valid UTF-8 (only unchecked: see above).
  bool finish() {
    out_.resize(static_cast<size_t>(cursor_ - out_.data()));
    return !(high_ & 0x80) || checked_ ||
           is_valid_utf8(std::string_view(out_).substr(base_));
  }

  // Pieces written one after another with one bounds check: room for
  // `pieces` pieces (a key with a value other than a string, a bracket, an
  // item's separator; at the depth of the writer or up to two deeper) and
  // for `strings`, the strings the run writes. Every value comes after a
  // key, after item() in an array, or at the top: the caller says which,
  // so that no value has to find out.
  class Fields {
   public:
    Fields(JsonWriter& w, size_t pieces,
           std::initializer_list<std::string_view> strings = {})
        : w_(w), depth_(w.depth_), first_(w.first_), compact_(w.compact_) {
      size_t room = pieces * (4 * (depth_ + 2) + 96);
      for (std::string_view s : strings) room += string_room(s);
      w.reserve(room);
      p_ = w.cursor_;
      limit_ = w.cursor_ + room;
    }
    ~Fields() {
      assert(p_ <= limit_);
      w_.cursor_ = p_;
      w_.depth_ = depth_;
      w_.first_ = first_;
      w_.high_ |= high_;
    }
    Fields(const Fields&) = delete;
    Fields& operator=(const Fields&) = delete;

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // Starts an element of the array being written: the comma unless it
    // is the first, and its line.
    void item() {
      if (!first_) *p_++ = ',';
      first_ = false;
      if (!compact_) p_ = line_break(p_, depth_);
    }
    // `k` is one of the contract's key names (a literal of at most 24
    // characters): ASCII letters and '_', which need no escaping. With a
    // value of at most 24 bytes that is not a string it fits the 96 bytes
    // a piece is given besides its indentation.
    template <size_t N>
    void key(const char (&k)[N]) {
      static_assert(N <= 25, "a key's room is counted for 24 characters");
      item();
      *p_++ = '"';
      std::memcpy(p_, k, N - 1);
      p_ += N - 1;
      *p_++ = '"';
      *p_++ = ':';
      if (!compact_) *p_++ = ' ';
    }
    // A string named in the constructor.
    void string(std::string_view s) {
      // Through a local: the run's own address must not escape, or its
      // members would live in memory.
      unsigned high = high_;
      p_ = w_.string_literal(p_, s, high);
      high_ = high;
    }
    void string_or_null(std::string_view s) {
      if (s.empty())
        null();
      else
        string(s);
    }
    void optional(const std::optional<std::string>& s) {
      if (s)
        string(*s);
      else
        null();
    }
    void name(const Name& n) {
      *p_++ = '"';
      std::memcpy(p_, n.bytes, sizeof n.bytes);
      p_ += n.size;
      *p_++ = '"';
    }
    void null() { literal("null"); }
    void boolean(bool b) {
      if (b)
        literal("true");
      else
        literal("false");
    }
    void integer(int64_t v) { p_ = decimal(p_, v); }
    // An array of two integers (a span).
    void integer_pair(uint32_t a, uint32_t b) {
      *p_++ = '[';
      if (!compact_) p_ = line_break(p_, depth_ + 1);
      p_ = decimal(p_, a);
      *p_++ = ',';
      if (!compact_) p_ = line_break(p_, depth_ + 1);
      p_ = decimal(p_, b);
      if (!compact_) p_ = line_break(p_, depth_);
      *p_++ = ']';
    }
    void number(double v) {
      char* const start = p_;
      if (v == static_cast<double>(static_cast<int64_t>(v)) && v > -1e15 &&
          v < 1e15) {
        // Integral values as "300000.0", as JSON libraries print them.
        p_ = decimal(p_, static_cast<int64_t>(v));
      } else {
        p_ = std::to_chars(p_, p_ + 40, v).ptr;
        const std::string_view s(start, static_cast<size_t>(p_ - start));
        if (s.find_first_of(".eE") != std::string_view::npos) return;
      }
      std::memcpy(p_, ".0", 2);
      p_ += 2;
    }

   private:
    // The most a string takes: every byte escaped as "\u00XX", and quotes.
    static size_t string_room(std::string_view s) { return 6 * s.size() + 2; }
    template <size_t N>
    void literal(const char (&s)[N]) {
      std::memcpy(p_, s, N - 1);
      p_ += N - 1;
    }
    void open(char c) {
      *p_++ = c;
      ++depth_;
      first_ = true;
    }
    void close(char c) {
      --depth_;
      if (!first_ && !compact_) p_ = line_break(p_, depth_);
      *p_++ = c;
      // The container was a value of its parent.
      first_ = false;
    }

    // The writer's state, held here while the run lasts: a store through
    // a char pointer could change any member as far as the compiler knows,
    // and would make it load the writer's members again after each byte.
    JsonWriter& w_;
    char* p_ = nullptr;
    char* limit_ = nullptr;
    size_t depth_;
    bool first_;
    const bool compact_;
    unsigned high_ = 0;
  };

  // One piece at a time, each with its own bounds check.
  void begin_object() { Fields(*this, 1).begin_object(); }
  void end_object() { Fields(*this, 1).end_object(); }
  void begin_array() { Fields(*this, 1).begin_array(); }
  void end_array() { Fields(*this, 1).end_array(); }
  void item() { Fields(*this, 1).item(); }
  template <size_t N>
  void key(const char (&k)[N]) {
    Fields(*this, 1).key(k);
  }
  void null() { Fields(*this, 1).null(); }
  void integer(int64_t v) { Fields(*this, 1).integer(v); }
  // A string of any length: room is made as it is written, since the
  // document text would need six times its size reserved at once.
  void long_string(std::string_view s) {
    reserve(s.size() + 2);
    unsigned high = 0;
    cursor_ = string_literal(cursor_, s, high, /*reserved=*/false);
    high_ |= high;
  }

 private:
  // Room every write may use past its own bytes: line breaks copy a whole
  // run of spaces and escapes a fixed eight bytes, and cut what they need.
  static constexpr size_t kSlack = 72;
  static constexpr size_t kSpaces = 64;
  static constexpr size_t kIntegerSize = 24;

  struct Escape {
    char bytes[8];
    size_t size;
  };
  // The JSON library's escape sequence for each byte that needs one (the
  // controls, '"' and '\\'), computed once.
  static const Escape* escapes();
  // The library's output for a string that is not valid UTF-8: it replaces
  // the invalid sequences by U+FFFD.
  static std::string replaced(std::string_view s);

  // Makes room for n bytes (and the slack) at the cursor.
  void reserve(size_t n) {
    if (static_cast<size_t>(end_ - cursor_) < n + kSlack) grow(n + kSlack);
  }
  void grow(size_t n) {
    const size_t used = static_cast<size_t>(cursor_ - out_.data());
    out_.resize(std::max(out_.size() * 2, used + n));
    cursor_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }
  // Writes a line break and the indent of `depth` at p; returns the end.
  static char* line_break(char* p, size_t depth) {
    static constexpr char kRun[kSpaces + 1] =
        "                                                                ";
    *p++ = '\n';
    if (depth <= kSpaces)
      std::memcpy(p, kRun, kSpaces);
    else
      std::memset(p, ' ', depth);
    return p + depth;
  }
  // Writes v in decimal at p; returns the end. Spans and indexes fit 32
  // bits, whose divisions are the cheaper.
  static char* decimal(char* p, int64_t v) {
    if (v >= 0 && v <= static_cast<int64_t>(UINT32_MAX))
      return std::to_chars(p, p + kIntegerSize, static_cast<uint32_t>(v)).ptr;
    return std::to_chars(p, p + kIntegerSize, v).ptr;
  }
  // Writes s quoted at p; returns the end. With `reserved`, room for every
  // byte escaped was made; else for s.size() + 2, and the rest is made
  // escape by escape (p must be the cursor then). Bit 7 of `high` is set
  // when s holds a byte that is not ASCII.
  char* string_literal(char* p, std::string_view s, unsigned& high,
                       bool reserved = true) {
    // Valid UTF-8 is written as UTF-8 (not \u-escaped ASCII), as the
    // library does with ensure_ascii off. The bytes are copied first and
    // checked after, only if some of them are not ASCII.
    const size_t start = static_cast<size_t>(p - out_.data());
    const auto* in = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    unsigned h = 0;
    *p++ = '"';
    size_t i = json_plain(in, n, p, h);
    p += i;
    while (i < n) {
      if (!reserved) {
        // The escape, and the rest copied as it is.
        cursor_ = p;
        reserve(n - i + 8);
        p = cursor_;
      }
      const Escape& e = escapes_[in[i]];
      std::memcpy(p, e.bytes, sizeof e.bytes);
      p += e.size;
      ++i;
      const size_t run = json_plain(in + i, n - i, p, h);
      p += run;
      i += run;
    }
    *p++ = '"';
    high |= h;
    if (h & 0x80 && checked_ && !is_valid_utf8(s))
      return replace(out_.data() + start, s, reserved);
    return p;
  }
  // Writes the library's form of s, which is not valid UTF-8, at start
  // (it takes at most three bytes for each byte of s, within the room a
  // reserved string has).
  char* replace(char* start, std::string_view s, bool reserved) {
    const std::string r = replaced(s);
    if (!reserved) {
      cursor_ = start;
      reserve(r.size());
      start = cursor_;
    }
    std::memcpy(start, r.data(), r.size());
    return start + r.size();
  }

  std::string& out_;
  const size_t base_;
  const Escape* const escapes_ = escapes();
  char* cursor_ = nullptr;
  char* end_ = nullptr;
  size_t depth_ = 0;
  // No value yet in the innermost container.
  bool first_ = true;
  const bool compact_;
  const bool checked_;
  // Bit 7: some string held a byte that is not ASCII.
  unsigned high_ = 0;
};

}  // namespace vnlegal::internal
