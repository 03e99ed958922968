// Archives through libarchive: zip, tar (plain or compressed), 7-Zip and
// single compressed files, with limits against decompression bombs.
#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <string>

#include "io/readers.h"
#include "io/text_sink.h"

namespace vnlegal {
namespace io {
namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveCloser>;

ArchivePtr open_archive(std::string_view bytes, bool raw) {
  ArchivePtr a(archive_read_new());
  if (!a) return a;
  archive_read_support_filter_all(a.get());
  if (raw) {
    archive_read_support_format_raw(a.get());
  } else {
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_7zip(a.get());
    archive_read_support_format_cpio(a.get());
  }
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) !=
      ARCHIVE_OK)
    a.reset();
  return a;
}

std::string error_of(archive* a) {
  const char* e = archive_error_string(a);
  return e ? e : "unknown error";
}

bool is_compressed_single(std::string_view bytes) {
  auto starts = [&](std::string_view m) {
    return bytes.substr(0, m.size()) == m;
  };
  return starts("\x1F\x8B") ||
         starts(
             "\xFD"
             "7zXZ\x00") ||
         starts("BZh");
}

bool is_docx(const ArchiveMember& m) {
  if (m.bytes.compare(0, 4, "PK\x03\x04") != 0) return false;
  std::vector<ArchiveMember> probe;
  Diagnostics ignored;
  ArchiveLimits small;
  small.max_member_bytes = 1;  // names are enough
  return read_archive_level(
             m.bytes, small,
             [](std::string_view n) { return n == "word/document.xml"; }, probe,
             ignored) &&
         !probe.empty();
}

void list_into(std::string_view bytes, const ArchiveLimits& limits,
               const std::string& prefix, int depth, ArchiveListing& out) {
  std::vector<ArchiveMember> level;
  if (!read_archive_level(bytes, limits, {}, level, out.diagnostics)) {
    out.diagnostics.push_back(
        {"damaged-archive",
         Severity::kError,
         "cannot open " +
             (prefix.empty() ? std::string("the archive") : prefix) +
             " as an archive",
         {}});
    return;
  }
  for (ArchiveMember& m : level) {
    m.name = prefix + m.name;
    const bool nested =
        m.diagnostics.empty() &&
        ((m.bytes.compare(0, 4, "PK\x03\x04") == 0 && !is_docx(m)) ||
         looks_like_archive(m.bytes));
    if (nested && depth + 1 < limits.max_depth) {
      list_into(m.bytes, limits, m.name + "/", depth + 1, out);
      continue;
    }
    if (nested)
      m.diagnostics.push_back({"archive-too-deep",
                               Severity::kWarning,
                               m.name + ": archives nested deeper than " +
                                   std::to_string(limits.max_depth) +
                                   " levels are not opened",
                               {}});
    if (out.members.size() >= limits.max_members) {
      out.diagnostics.push_back({"archive-too-many-members",
                                 Severity::kError,
                                 "more than " +
                                     std::to_string(limits.max_members) +
                                     " members; the rest are skipped",
                                 {}});
      return;
    }
    out.members.push_back(std::move(m));
  }
}

}  // namespace

bool looks_like_archive(std::string_view bytes) {
  if (is_compressed_single(bytes)) return true;
  if (bytes.substr(0, 6) == "7z\xBC\xAF\x27\x1C") return true;
  return bytes.size() >= 263 && bytes.substr(257, 5) == "ustar";
}

bool read_archive_level(std::string_view bytes, const ArchiveLimits& limits,
                        const std::function<bool(std::string_view)>& want,
                        std::vector<ArchiveMember>& members,
                        Diagnostics& diagnostics) {
  bool raw = false;
  ArchivePtr a = open_archive(bytes, false);
  archive_entry* entry = nullptr;
  int rc = a ? archive_read_next_header(a.get(), &entry) : ARCHIVE_FATAL;
  if (rc < ARCHIVE_WARN && is_compressed_single(bytes)) {
    // A lone compressed file (doc.txt.gz): one member.
    raw = true;
    a = open_archive(bytes, true);
    rc = a ? archive_read_next_header(a.get(), &entry) : ARCHIVE_FATAL;
  }
  if (rc < ARCHIVE_WARN || rc == ARCHIVE_RETRY) return false;
  uint64_t total = 0;
  uint32_t count = 0;
  // ARCHIVE_RETRY (a damaged tar header) ends the listing too: the entry is
  // not valid then.
  for (; (rc == ARCHIVE_OK || rc == ARCHIVE_WARN);
       rc = archive_read_next_header(a.get(), &entry)) {
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* path = archive_entry_pathname_utf8(entry);
    if (!path) path = archive_entry_pathname(entry);
    std::string name = path ? path : "";
    if (raw) name = "data";
    if (want && !want(name)) continue;
    if (++count > limits.max_members) {
      diagnostics.push_back({"archive-too-many-members",
                             Severity::kError,
                             "more than " + std::to_string(limits.max_members) +
                                 " members; the rest are skipped",
                             {}});
      break;
    }
    ArchiveMember m;
    m.name = name;
    if (archive_entry_is_encrypted(entry)) {
      m.diagnostics.push_back({"encrypted-member",
                               Severity::kError,
                               name + " is encrypted and was not read",
                               {}});
      members.push_back(std::move(m));
      continue;
    }
    bool stop = false;
    // By blocks: archive_read_data() drops what it decoded in a call that
    // then meets the damage, so a truncated member (a cut DOCX part) would
    // lose the text before the cut.
    for (;;) {
      const void* block = nullptr;
      size_t size = 0;
      la_int64_t offset = 0;
      const int got = archive_read_data_block(a.get(), &block, &size, &offset);
      if (got == ARCHIVE_EOF) break;
      if (got < ARCHIVE_WARN) {
        m.diagnostics.push_back(
            {"damaged-member",
             Severity::kError,
             name + ": " + error_of(a.get()) + "; the member is incomplete",
             {}});
        stop = got == ARCHIVE_FATAL;
        break;
      }
      // A hole of a sparse member reads as zeros.
      const uint64_t gap =
          offset > 0 && static_cast<uint64_t>(offset) > m.bytes.size()
              ? static_cast<uint64_t>(offset) - m.bytes.size()
              : 0;
      const uint64_t n = gap + size;
      total += n;
      if (m.bytes.size() + n > limits.max_member_bytes) {
        m.diagnostics.push_back({"archive-member-too-large",
                                 Severity::kError,
                                 name + " is larger than " +
                                     std::to_string(limits.max_member_bytes) +
                                     " bytes uncompressed; it was cut there",
                                 {}});
        break;
      }
      if (total > limits.max_total_bytes ||
          (total > (1u << 20) &&
           total / std::max<size_t>(bytes.size(), 1) > limits.max_ratio)) {
        diagnostics.push_back({"archive-bomb",
                               Severity::kError,
                               "the archive expands beyond its limits (" +
                                   std::to_string(total) + " bytes from " +
                                   std::to_string(bytes.size()) +
                                   "); reading stopped",
                               {}});
        m.diagnostics.push_back({"archive-member-too-large",
                                 Severity::kError,
                                 name + " was cut at the archive limits",
                                 {}});
        stop = true;
        break;
      }
      m.bytes.append(static_cast<size_t>(gap), '\0');
      m.bytes.append(static_cast<const char*>(block), size);
    }
    members.push_back(std::move(m));
    if (stop) return true;
  }
  if (rc == ARCHIVE_FATAL || rc == ARCHIVE_RETRY)
    diagnostics.push_back({"damaged-archive",
                           Severity::kError,
                           "the archive is damaged (" + error_of(a.get()) +
                               "); members after the damage are missing",
                           {}});
  return true;
}

ReadResult read_archive_document(std::string_view bytes,
                                 const Options& options) {
  ReadResult r;
  r.format = bytes.substr(0, 4) == "PK\x03\x04" ? "zip" : "archive";
  ArchiveListing listing = list_archive(bytes);
  r.diagnostics = std::move(listing.diagnostics);
  TextSink sink;
  std::string names;
  std::string encoding;
  size_t best = 0;
  for (const ArchiveMember& m : listing.members) {
    bool too_deep = false;
    for (const Diagnostic& d : m.diagnostics) {
      r.diagnostics.push_back(d);
      too_deep = too_deep || d.code == "archive-too-deep";
    }
    if (too_deep) continue;
    ReadResult member = read_document(m.bytes, m.name, options);
    for (Diagnostic& d : member.diagnostics) {
      d.message = m.name + ": " + d.message;
      d.span = {};
      r.diagnostics.push_back(std::move(d));
    }
    if (member.text.empty()) continue;
    if (member.text.size() > best) {
      best = member.text.size();
      encoding = member.encoding;
    }
    if (!names.empty()) names += ", ";
    names += m.name;
    sink.blank_line();
    // Offsets inside a member are not offsets of the archive.
    sink.mark(0);
    sink.put(member.text);
  }
  r.diagnostics.push_back({"archive-concatenated",
                           Severity::kWarning,
                           "an archive of " +
                               std::to_string(listing.members.size()) +
                               " files; the texts of " +
                               (names.empty() ? std::string("none") : names) +
                               " follow one another",
                           {}});
  sink.finish(r, bytes.size(), encoding.empty() ? "unknown" : encoding);
  return r;
}

}  // namespace io

ArchiveListing list_archive(std::string_view bytes,
                            const ArchiveLimits& limits) {
  ArchiveListing out;
  ArchiveMember whole;
  whole.bytes = std::string(bytes.substr(0, 4));
  if (whole.bytes == "PK\x03\x04") {
    whole.bytes = std::string(bytes);
    if (io::is_docx(whole)) {
      // A DOCX is one document; its parts are not members.
      out.diagnostics.push_back({"not-an-archive",
                                 Severity::kInfo,
                                 "the zip is a DOCX document, listed as one "
                                 "member",
                                 {}});
      out.members.push_back(std::move(whole));
      return out;
    }
  }
  io::list_into(bytes, limits, "", 0, out);
  return out;
}

std::vector<ArchiveMember> read_archive(std::string_view bytes) {
  return list_archive(bytes).members;
}

}  // namespace vnlegal
