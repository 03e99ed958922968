// Container dispatch: recognise the container by its magic bytes (the file
// name only breaks ties) and hand the bytes to its reader.
#include <algorithm>
#include <string>

#include "encoding/detect.h"
#include "io/readers.h"
#include "vnlegal/encoding.h"
#include "vnlegal/io.h"

namespace vnlegal {
namespace io {

Container sniff_container(std::string_view bytes, std::string_view path_hint) {
  auto starts = [&](std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
  };
  if (starts("PK\x03\x04")) return Container::kZip;
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Container::kOle2;
  if (starts("{\\rtf")) return Container::kRtf;
  if (starts("%PDF-")) return Container::kPdf;
  if (looks_like_archive(bytes)) return Container::kArchive;
  // HTML: a tag near the start (after an optional BOM and whitespace).
  size_t i = starts("\xEF\xBB\xBF") ? 3 : 0;
  while (i < bytes.size() && i < 1024 &&
         (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' ||
          bytes[i] == '\t'))
    ++i;
  std::string head;
  for (size_t k = i; k < bytes.size() && k < i + 64; ++k)
    head.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(bytes[k]))));
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0)
    return Container::kHtml;
  std::string ext;
  if (auto dot = path_hint.rfind('.'); dot != std::string_view::npos)
    for (char c : path_hint.substr(dot + 1))
      ext.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if ((ext == "html" || ext == "htm") && !head.empty() && head[0] == '<')
    return Container::kHtml;
  return Container::kText;
}

ReadResult read_text(std::string_view bytes, const Options& options) {
  ReadResult r;
  Encoding enc = encoding_from_name(options.encoding);
  Detection det;
  bool valid_utf8 = false;
  if (enc == Encoding::kUnknown) {
    det = internal::detect_encoding(bytes, valid_utf8);
    enc = det.encoding;
  }
  // Text with many NUL bytes and no UTF-16 BOM is binary, not text.
  size_t nul = 0;
  {
    const std::string_view head = bytes.substr(0, 4096);
    if (head.find('\0') != std::string_view::npos)
      nul = static_cast<size_t>(std::count(head.begin(), head.end(), '\0'));
  }
  if (nul > 8 && enc != Encoding::kUtf16LE && enc != Encoding::kUtf16BE) {
    r.format = "binary";
    r.encoding = "unknown";
    r.map = OffsetMap::identity(0);
    r.map.finish(0, static_cast<uint32_t>(bytes.size()));
    r.diagnostics.push_back({"binary-input",
                             Severity::kError,
                             "the input looks binary (NUL bytes) and is not "
                             "a supported container; no text was read",
                             {}});
    return r;
  }
  r.encoding = to_string(enc);
  if (enc == Encoding::kUtf8 && valid_utf8) {
    // Detection found every byte valid UTF-8: the text is the input, as
    // decode() would copy it, without a second check.
    r.text.assign(bytes);
    r.map = OffsetMap::identity(static_cast<uint32_t>(bytes.size()));
    return r;
  }
  Decoded d = decode(bytes, enc);
  r.text = std::move(d.text);
  r.map = std::move(d.map);
  r.diagnostics = std::move(d.diagnostics);
  return r;
}

ReadResult unsupported(std::string_view bytes, const char* format) {
  ReadResult r;
  r.format = format;
  r.encoding = "unknown";
  r.map.finish(0, static_cast<uint32_t>(bytes.size()));
  r.diagnostics.push_back({"unsupported-container",
                           Severity::kError,
                           std::string("no reader for ") + format +
                               " containers yet; no text was read",
                           {}});
  return r;
}

}  // namespace io

ReadResult read_document(std::string_view bytes, std::string_view path_hint,
                         const Options& options) {
  switch (io::sniff_container(bytes, path_hint)) {
    case io::Container::kZip:
      return io::read_zip_document(bytes, options);
    case io::Container::kOle2:
      return io::read_doc(bytes, options);
    case io::Container::kRtf:
      return io::read_rtf(bytes, options);
    case io::Container::kPdf:
      return io::read_pdf(bytes, options);
    case io::Container::kHtml:
      return io::read_html(bytes, options);
    case io::Container::kArchive:
      return io::read_archive_document(bytes, options);
    case io::Container::kText:
      break;
  }
  return io::read_text(bytes, options);
}

}  // namespace vnlegal
