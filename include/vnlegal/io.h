// Containers: reading plain text, DOCX, HTML, RTF, Word 97 .doc and the text
// layer of PDFs into UTF-8 text with a map back to the source bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// Limits against decompression bombs when archives (zip, tar, tar.gz,
// tar.xz, tar.bz2, and archives inside archives) are opened.
struct ArchiveLimits {
  uint64_t max_member_bytes = 256ull << 20;  // one member, uncompressed
  uint64_t max_total_bytes = 1ull << 30;     // all members together
  // Uncompressed bytes per compressed input byte, checked once the output
  // passes 1 MiB (ordinary documents compress 2-20 times).
  uint64_t max_ratio = 200;
  uint32_t max_members = 10000;
  int max_depth = 4;  // archives inside archives
};

struct ArchiveMember {
  // Path inside the archive; members of a nested archive are named
  // "inner.zip/dir/file.doc".
  std::string name;
  std::string bytes;
  // Problems with this member (e.g. cut at a size limit).
  Diagnostics diagnostics;
};

struct ArchiveListing {
  std::vector<ArchiveMember> members;  // regular files, in archive order
  Diagnostics diagnostics;             // problems with the archive itself
};

// Lists the files of an archive with their bytes. Archives inside the
// archive are opened in turn (up to `limits.max_depth`); a DOCX is a
// document, not an archive, and is listed as one member. Damaged archives
// yield the members read before the damage and a diagnostic.
ArchiveListing list_archive(std::string_view bytes,
                            const ArchiveLimits& limits = {});
// The members of list_archive() (the archive's own diagnostics are dropped).
std::vector<ArchiveMember> read_archive(std::string_view bytes);

}  // namespace vnlegal
