// Internal interface of the container readers.
#pragma once

#include <string_view>

#include "vnlegal/io.h"

namespace vnlegal::io {

enum class Container { kText, kZip, kOle2, kRtf, kPdf, kHtml };

Container sniff_container(std::string_view bytes, std::string_view path_hint);

ReadResult read_text(std::string_view bytes, const Options& options);
// A result with no text and an "unsupported-container" diagnostic.
ReadResult unsupported(std::string_view bytes, const char* format);

ReadResult read_zip_document(std::string_view bytes, const Options& options);  // DOCX
ReadResult read_doc(std::string_view bytes, const Options& options);   // Word 97
ReadResult read_rtf(std::string_view bytes, const Options& options);
ReadResult read_pdf(std::string_view bytes, const Options& options);
ReadResult read_html(std::string_view bytes, const Options& options);

}  // namespace vnlegal::io
