// A streaming JSON writer: pretty-printed with a one-space indent, keys in
// the order written. String escaping is delegated to nlohmann::json so that
// no escaping rules are written by hand; building a DOM for every document
// would cost more than the whole parse.
#pragma once

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnlegal::internal {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool compact = false)
      : out_(out), compact_(compact) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    separator();
    string_literal(k);
    out_ += compact_ ? ":" : ": ";
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

  void string_literal(std::string_view s) {
    // Plain ASCII without quotes, backslashes or controls needs no escaping.
    bool plain = true;
    for (char c : s) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || c == '"' || c == '\\' || u >= 0x80) {
        plain = false;
        break;
      }
    }
    if (plain) {
      out_ += '"';
      out_ += s;
      out_ += '"';
      return;
    }
    out_ += nlohmann::json(std::string(s))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  void indent() {
    if (compact_) return;
    out_ += '\n';
    out_.append(levels_.size(), ' ');
  }
  void separator() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;
    if (!levels_.back().first) out_ += ',';
    levels_.back().first = false;
    indent();
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
