// Exporters: read the model, never fix it up; deterministic bytes.
#pragma once

#include <string>

#include "vnlegal/document.h"

namespace vnlegal {

struct JsonOptions {
  bool include_text = false;  // add the normalized text as "text"
  bool compact = false;       // one line, no indentation (JSON Lines)
};

// JSON contract v1 (see README). `include_text` adds the normalized text.
std::string to_json(const Document& doc, bool include_text = false);
std::string to_json(const Document& doc, const JsonOptions& options);
std::string to_xml(const Document& doc);
std::string to_outline(const Document& doc);
// Akoma Ntoso 3.0.
std::string to_akn(const Document& doc);
// One self-contained HTML page: outline navigation, linked references,
// highlighted quantities.
std::string to_html(const Document& doc);

}  // namespace vnlegal
