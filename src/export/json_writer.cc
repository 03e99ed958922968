#include "export/json_writer.h"

#include <nlohmann/json.hpp>

namespace vnlegal::internal {

const JsonWriter::Escape* JsonWriter::escapes() {
  static const auto* const kEscapes = [] {
    static Escape table[256] = {};
    for (int c = 0; c < 256; ++c) {
      if (!json_escaped(static_cast<unsigned char>(c))) continue;
      const std::string quoted =
          nlohmann::json(std::string(1, static_cast<char>(c))).dump();
      const std::string_view body(quoted.data() + 1, quoted.size() - 2);
      std::memcpy(table[c].bytes, body.data(),
                  std::min(body.size(), sizeof table[c].bytes));
      table[c].size = std::min(body.size(), sizeof table[c].bytes);
    }
    return table;
  }();
  return kEscapes;
}

std::string JsonWriter::replaced(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vnlegal::internal
