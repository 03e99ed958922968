// A streaming JSON writer: pretty-printed with a one-space indent, keys in
// the order written. String escaping is delegated to nlohmann::json so that
// no escaping rules are written by hand; building a DOM for every document
// would cost more than the whole parse.
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "internal/scan.h"
#include "internal/utf8.h"

namespace vnlegal::internal {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool compact = false)
      : out_(out), compact_(compact) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // `k` is one of the contract's key names: ASCII letters and '_', which
  // need no escaping.
  void key(std::string_view k) {
    // The separator, the line break with its indent and the quoted key are
    // assembled on the stack and appended at once: documents have hundreds
    // of thousands of keys.
    char buf[256];
    size_t n = 0;
    const size_t depth = levels_.size();
    if (k.size() > 64 || depth > 128 || after_key_ || levels_.empty()) {
      separator();
    } else {
      if (!levels_.back().first) buf[n++] = ',';
      levels_.back().first = false;
      if (!compact_) {
        buf[n++] = '\n';
        std::memset(buf + n, ' ', depth);
        n += depth;
      }
    }
    buf[n++] = '"';
    if (k.size() <= 64) {
      std::memcpy(buf + n, k.data(), k.size());
      n += k.size();
    } else {
      out_.append(buf, n);
      out_ += k;
      n = 0;
    }
    buf[n++] = '"';
    buf[n++] = ':';
    if (!compact_) buf[n++] = ' ';
    out_.append(buf, n);
    after_key_ = true;
  }
  void string(std::string_view s) {
    separator();
    string_literal(s);
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
  void null() {
    separator();
    out_ += "null";
  }
  void boolean(bool b) {
    separator();
    out_ += b ? "true" : "false";
  }
  void integer(int64_t v) {
    separator();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void number(double v) {
    separator();
    char buf[40];
    if (v == static_cast<double>(static_cast<int64_t>(v)) && v > -1e15 &&
        v < 1e15) {
      // Integral values as "300000.0", as JSON libraries print them.
      auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(v));
      out_.append(buf, r.ptr);
      out_ += ".0";
      return;
    }
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
    out_ += s;
    if (s.find_first_of(".eE") == std::string_view::npos) out_ += ".0";
  }

 private:
  struct Level {
    bool first = true;
  };

  // The JSON library's escape sequence for each byte that needs one (the
  // controls, '"' and '\\'), computed once: long valid UTF-8 strings (the
  // document text) are then copied run by run between those bytes instead
  // of going through a DOM value and the serializer.
  static const std::array<std::string, 128>& escapes() {
    static const std::array<std::string, 128> kEscapes = [] {
      std::array<std::string, 128> t;
      for (int c = 0; c < 128; ++c) {
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        const std::string quoted =
            nlohmann::json(std::string(1, static_cast<char>(c))).dump();
        t[c] = quoted.substr(1, quoted.size() - 2);
      }
      return t;
    }();
    return kEscapes;
  }
  void string_literal(std::string_view s) {
    const unsigned flags = json_string_needs(s);
    if (flags & 2 && !is_valid_utf8(s)) {
      // The library replaces invalid sequences by U+FFFD.
      out_ +=
          nlohmann::json(std::string(s))
              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    // Valid UTF-8 is written as UTF-8 (not \u-escaped ASCII), as the
    // library does with ensure_ascii off.
    out_ += '"';
    if (flags & 1) {
      const auto& esc = escapes();
      size_t run = 0;
      for (size_t i = find_json_escape(s, 0); i < s.size();
           i = find_json_escape(s, i + 1)) {
        out_.append(s.data() + run, i - run);
        out_ += esc[static_cast<unsigned char>(s[i])];
        run = i + 1;
      }
      out_.append(s.data() + run, s.size() - run);
    } else {
      out_ += s;
    }
    out_ += '"';
  }
  // A line break and the indent of the current level, preceded by a comma
  // when `comma`: one append, taken from a ready-made run of spaces.
  void indent(bool comma = false) {
    constexpr size_t kSpaces = 128;
    static const std::string kBreak = ",\n" + std::string(kSpaces, ' ');
    if (compact_) {
      if (comma) out_ += ',';
      return;
    }
    const size_t depth = levels_.size();
    if (depth <= kSpaces) {
      out_.append(kBreak.data() + (comma ? 0 : 1), depth + (comma ? 2 : 1));
      return;
    }
    if (comma) out_ += ',';
    out_ += '\n';
    out_.append(depth, ' ');
  }
  void separator() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;
    const bool comma = !levels_.back().first;
    levels_.back().first = false;
    indent(comma);
  }
  void open(char c) {
    separator();
    out_ += c;
    levels_.push_back({});
  }
  void close(char c) {
    const bool empty = levels_.back().first;
    levels_.pop_back();
    if (!empty) indent();
    out_ += c;
  }

  std::string& out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  bool compact_ = false;
};

}  // namespace vnlegal::internal
