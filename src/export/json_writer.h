// A streaming JSON writer: pretty-printed with a one-space indent, keys in
// the order written. The escape sequences are taken from nlohmann::json so
// that no escaping rules are written by hand; building a DOM for every
// document would cost more than the whole parse.
//
// The writer owns the string's bytes while it writes: the string is sized
// to an estimate up front and written through a cursor, each piece after
// one bounds check, and finish() cuts it to what was written. A document
// has hundreds of keys per kilobyte of text, so appending piece by piece
// cost more than the rest of the export.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "export/json_scan.h"
#include "internal/utf8.h"

namespace vnlegal::internal {

class JsonWriter {
 public:
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

  // Every value comes after a key, after item() in an array, or at the
  // top: the caller says which, so that no value has to find out.
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Starts an element of the array being written: the comma unless it is
  // the first, and its line.
  void item() {
    reserve(depth_ + 2);
    cursor_ = item_start();
  }

  // `k` is one of the contract's key names (a literal): ASCII letters and
  // '_', which need no escaping.
  template <size_t N>
  void key(const char (&k)[N]) {
    reserve(depth_ + N + 8);
    char* p = item_start();
    *p++ = '"';
    std::memcpy(p, k, N - 1);
    p += N - 1;
    *p++ = '"';
    *p++ = ':';
    if (!compact_) *p++ = ' ';
    cursor_ = p;
  }
  void string(std::string_view s) {
    char* p = value_start(s.size() + 2);
    cursor_ = string_literal(p, s);
  }
  // A string known to need no escaping and to be valid UTF-8 (the names of
  // the model's enumerations).
  void plain_string(std::string_view s) {
    char* p = value_start(s.size() + 2);
    *p++ = '"';
    std::memcpy(p, s.data(), s.size());
    p += s.size();
    *p++ = '"';
    cursor_ = p;
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
  void null() { literal("null"); }
  void boolean(bool b) {
    if (b)
      literal("true");
    else
      literal("false");
  }
  void integer(int64_t v) {
    char* p = value_start(kIntegerSize);
    cursor_ = decimal(p, v);
  }
  // An array of two integers (a span), in one piece.
  void integer_pair(uint32_t a, uint32_t b) {
    char* p = value_start(3 * depth_ + 2 * kIntegerSize + 8);
    const size_t depth = depth_;
    const bool compact = compact_;
    *p++ = '[';
    if (!compact) p = line_break(p, depth + 1);
    p = decimal(p, a);
    *p++ = ',';
    if (!compact) p = line_break(p, depth + 1);
    p = decimal(p, b);
    if (!compact) p = line_break(p, depth);
    *p++ = ']';
    cursor_ = p;
  }
  void number(double v) {
    char* p = value_start(48);
    if (v == static_cast<double>(static_cast<int64_t>(v)) && v > -1e15 &&
        v < 1e15) {
      // Integral values as "300000.0", as JSON libraries print them.
      p = decimal(p, static_cast<int64_t>(v));
      std::memcpy(p, ".0", 2);
      cursor_ = p + 2;
      return;
    }
    char* const start = p;
    p = std::to_chars(p, p + 40, v).ptr;
    const std::string_view s(start, static_cast<size_t>(p - start));
    if (s.find_first_of(".eE") == std::string_view::npos) {
      std::memcpy(p, ".0", 2);
      p += 2;
    }
    cursor_ = p;
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
  // Writes a line break and the indent of `depth` at p (room for depth + 1
  // reserved); returns the end.
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
  // The pieces below read the writer's state before they write a byte:
  // a store through a char pointer could change any member as far as the
  // compiler knows, and would make it load them all again.

  // The comma unless it is the first in its container, and its line;
  // returns where the item starts.
  char* item_start() {
    char* p = cursor_;
    const size_t depth = depth_;
    const bool first = first_;
    const bool compact = compact_;
    first_ = false;
    if (!first) *p++ = ',';
    if (!compact) p = line_break(p, depth);
    return p;
  }
  // Reserves room for a value of n bytes; returns where it starts.
  char* value_start(size_t n) {
    reserve(n);
    return cursor_;
  }
  // Writes v in decimal at p (room for kIntegerSize reserved); returns the
  // end. Spans and indexes fit 32 bits, whose divisions are the cheaper.
  static char* decimal(char* p, int64_t v) {
    if (v >= 0 && v <= static_cast<int64_t>(UINT32_MAX))
      return std::to_chars(p, p + kIntegerSize, static_cast<uint32_t>(v)).ptr;
    return std::to_chars(p, p + kIntegerSize, v).ptr;
  }
  template <size_t N>
  void literal(const char (&s)[N]) {
    char* p = value_start(N);
    std::memcpy(p, s, N - 1);
    cursor_ = p + N - 1;
  }
  // Writes s quoted at p (room for s.size() + 2 reserved); returns the end.
  char* string_literal(char* p, std::string_view s) {
    // Valid UTF-8 is written as UTF-8 (not \u-escaped ASCII), as the
    // library does with ensure_ascii off. The bytes are copied first and
    // checked after, only if some of them are not ASCII.
    char* const start = p;
    const auto* in = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    unsigned high = 0;
    *p++ = '"';
    size_t i = json_plain(in, n, p, high);
    p += i;
    if (i < n) return escaped_rest(start, p, s, i, high);
    *p++ = '"';
    return checked(start, p, s, high);
  }
  // The rest of string_literal from the first byte to escape, s[i].
  char* escaped_rest(char* start, char* p, std::string_view s, size_t i,
                     unsigned high) {
    const auto* in = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    const size_t start_at = static_cast<size_t>(start - out_.data());
    while (i < n) {
      // The rest may be copied as it is after this escape.
      cursor_ = p;
      reserve(n - i + 8);
      p = cursor_;
      const Escape& e = escapes_[in[i]];
      std::memcpy(p, e.bytes, sizeof e.bytes);
      p += e.size;
      ++i;
      const size_t run = json_plain(in + i, n - i, p, high);
      p += run;
      i += run;
    }
    *p++ = '"';
    return checked(out_.data() + start_at, p, s, high);
  }
  // The end of the string s written at [start, end), after the check of
  // its UTF-8 in checked mode.
  char* checked(char* start, char* end, std::string_view s, unsigned high) {
    high_ |= high;
    if (high & 0x80 && checked_ && !is_valid_utf8(s)) return replace(start, s);
    return end;
  }
  // Writes the library's form of s, which is not valid UTF-8, at start.
  char* replace(char* start, std::string_view s) {
    const std::string r = replaced(s);
    cursor_ = start;
    reserve(r.size());
    std::memcpy(cursor_, r.data(), r.size());
    return cursor_ + r.size();
  }

  void open(char c) {
    char* p = value_start(1);
    *p++ = c;
    ++depth_;
    first_ = true;
    cursor_ = p;
  }
  void close(char c) {
    const size_t depth = --depth_;
    reserve(depth + 2);
    char* p = cursor_;
    const bool empty = first_;
    const bool compact = compact_;
    // The container was a value of its parent.
    first_ = false;
    if (!empty && !compact) p = line_break(p, depth);
    *p++ = c;
    cursor_ = p;
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
