// PDF text layer through poppler, page by page in poppler's reading order.
// PDFs typeset in legacy Vietnamese fonts (.VnTime, VNI-Times) carry the
// legacy byte values as characters; they are remapped per word from the
// font name, or per page from the encoding detector when fonts say nothing.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <string>

#include "io/readers.h"
#include "io/text_sink.h"

namespace vnlegal::io {
namespace {

bool is_legacy(Encoding e) {
  return e == Encoding::kTcvn3 || e == Encoding::kVni ||
         e == Encoding::kViscii || e == Encoding::kVps;
}

std::u32string to_u32(const poppler::ustring& u) {
  std::u32string out;
  out.reserve(u.size());
  for (size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 &&
        u[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
      ++i;
    }
    out.push_back(c);
  }
  return out;
}

struct Word {
  std::u32string text;
  std::string font;
  poppler::rectf box;
  bool space_after;
};

void silence(const std::string&, void*) {}

}  // namespace

ReadResult read_pdf(std::string_view bytes, const Options& options) {
  ReadResult r;
  r.format = "pdf";
  static std::once_flag quiet;
  // poppler prints parse errors of damaged files to stderr otherwise.
  std::call_once(quiet,
                 [] { poppler::set_debug_error_function(silence, nullptr); });
  TextSink sink;
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    r.diagnostics.push_back({"pdf-too-large",
                             Severity::kError,
                             "the PDF is too large to read",
                             {}});
    sink.finish(r, bytes.size(), "unknown");
    return r;
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    r.diagnostics.push_back({"damaged-pdf",
                             Severity::kError,
                             "the PDF could not be opened; no text was read",
                             {}});
    sink.finish(r, bytes.size(), "unknown");
    return r;
  }
  if (doc->is_locked()) {
    r.diagnostics.push_back({"encrypted-pdf",
                             Severity::kError,
                             "the PDF is password-protected; no text was read",
                             {}});
    sink.finish(r, bytes.size(), "unknown");
    return r;
  }
  const Encoding forced = encoding_from_name(options.encoding);
  const int pages = doc->pages();
  int empty_pages = 0;
  int pages_with_text = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) continue;
    std::vector<Word> words;
    for (const poppler::text_box& b :
         page->text_list(poppler::page::text_list_include_font)) {
      words.push_back({to_u32(b.text()),
                       b.has_font_info() ? clean_font_name(b.get_font_name(0))
                                         : std::string(),
                       b.bbox(), b.has_space_after()});
    }
    if (words.empty()) {
      ++empty_pages;
      continue;
    }
    // Words whose font names no encoding: do they, page-wide, look like a
    // legacy encoding's bytes?
    Encoding page_encoding = forced;
    if (page_encoding == Encoding::kUnknown) {
      std::string probe;
      bool all_bytes = true;
      for (const Word& w : words) {
        if (font_encoding(w.font) != Encoding::kUnknown) continue;
        for (char32_t c : w.text) {
          int b = legacy_byte_of(c);
          if (b < 0)
            all_bytes = false;
          else
            probe.push_back(static_cast<char>(b));
        }
        probe.push_back(' ');
      }
      bool high = false;
      for (char c : probe) high = high || static_cast<unsigned char>(c) >= 0x80;
      if (all_bytes && high) {
        Detection det = detect_encoding(probe);
        if (is_legacy(det.encoding)) page_encoding = det.encoding;
      }
    }
    sink.end_line();
    // A form feed between pages: the normalizer drops the page numbers next
    // to it and joins a paragraph the page break cut.
    if (!sink.at_line_start() || pages_with_text > 0) {
      sink.put("\f");
      sink.end_line();
    }
    ++pages_with_text;
    const Word* prev = nullptr;
    for (const Word& w : words) {
      if (prev) {
        const double h =
            std::max(1.0, std::min(prev->box.height(), w.box.height()));
        const double dy = std::fabs((w.box.top() + w.box.bottom()) / 2 -
                                    (prev->box.top() + prev->box.bottom()) / 2);
        if (dy > h * 0.5 || w.box.left() + h < prev->box.left()) {
          sink.end_line();
        } else if (prev->space_after ||
                   w.box.left() - prev->box.right() > h * 0.3) {
          // Words of two table cells side by side carry no space between
          // them ("Số: 773/QĐ-TTg" | "Hà Nội, ngày ..."): a gap as wide as
          // a space is one.
          sink.space();
        }
      }
      Encoding enc = font_encoding(w.font);
      if (is_legacy(enc)) {
        sink.put_run(w.text, w.font, &r.diagnostics);
      } else if (is_legacy(page_encoding)) {
        sink.put_legacy(w.text, page_encoding, false, &r.diagnostics);
      } else {
        sink.put_run(w.text, "", &r.diagnostics);
      }
      prev = &w;
    }
    sink.end_line();
  }
  if (pages > 0 && empty_pages == pages)
    r.diagnostics.push_back({"pdf-no-text-layer",
                             Severity::kError,
                             "the PDF has no text layer (scanned pages?); "
                             "no text was read",
                             {}});
  else if (empty_pages > 0)
    r.diagnostics.push_back({"pdf-pages-without-text",
                             Severity::kWarning,
                             std::to_string(empty_pages) + " of " +
                                 std::to_string(pages) +
                                 " pages have no text layer",
                             {}});
  sink.finish(r, bytes.size(), "UTF-8");
  return r;
}

}  // namespace vnlegal::io
