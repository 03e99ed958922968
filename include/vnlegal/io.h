// Containers: reading plain text, DOCX, HTML, RTF, Word 97 .doc and the text
// layer of PDFs into UTF-8 text with a map back to the source bytes.
#pragma once

#include <string>
#include <string_view>

#include "vnlegal/diagnostics.h"
#include "vnlegal/offset_map.h"
#include "vnlegal/options.h"

namespace vnlegal {

struct ReadResult {
  std::string format = "text";     // text, docx, html, rtf, doc, pdf, binary
  std::string encoding = "UTF-8";  // what the text (or most of it) was in
  std::string text;                // UTF-8, not yet normalized
  OffsetMap map;                   // text offsets -> source byte offsets
  Diagnostics diagnostics;
};

// Reads one document of any supported container from its bytes.
// `path_hint` (a file name) only helps to guess the container.
ReadResult read_document(std::string_view bytes, std::string_view path_hint,
                         const Options& options = {});

}  // namespace vnlegal
