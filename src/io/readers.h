// Internal interface of the container readers.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "vnlegal/io.h"

namespace vnlegal::io {

enum class Container { kText, kZip, kOle2, kRtf, kPdf, kHtml, kArchive };

Container sniff_container(std::string_view bytes, std::string_view path_hint);

ReadResult read_text(std::string_view bytes, const Options& options);
// A result with no text and an "unsupported-container" diagnostic.
ReadResult unsupported(std::string_view bytes, const char* format);

// A zip: a DOCX when it holds word/document.xml, otherwise an archive.
ReadResult read_zip_document(std::string_view bytes, const Options& options);
ReadResult read_docx(std::string_view bytes, const Options& options);
ReadResult read_doc(std::string_view bytes, const Options& options);  // Word 97
ReadResult read_rtf(std::string_view bytes, const Options& options);
ReadResult read_pdf(std::string_view bytes, const Options& options);
ReadResult read_html(std::string_view bytes, const Options& options);
// Any archive (zip, tar, compressed tar or a single compressed file): the
// texts of its documents, one after the other.
ReadResult read_archive_document(std::string_view bytes,
                                 const Options& options);

// True for the magic bytes of tar, gzip, xz, bzip2 and 7-Zip data.
bool looks_like_archive(std::string_view bytes);

// Reads the regular files of one archive level whose names `want` accepts
// (all when `want` is empty), within `limits`, into `members`. Returns false
// when the bytes are not an archive libarchive can open at all.
bool read_archive_level(std::string_view bytes, const ArchiveLimits& limits,
                        const std::function<bool(std::string_view)>& want,
                        std::vector<ArchiveMember>& members,
                        Diagnostics& diagnostics);

}  // namespace vnlegal::io
