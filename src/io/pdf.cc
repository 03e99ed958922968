// PDF text layer through poppler, page by page in poppler's reading order.
// PDFs typeset in legacy Vietnamese fonts (.VnTime, VNI-Times) carry the
// legacy byte values as characters; they are remapped per word from the
// font name, or per page from the encoding detector when fonts say nothing.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
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

// A line of words as poppler orders them: a new line where the next word
// sits lower or higher by half a line, or starts back to the left.
using PdfLine = std::vector<const Word*>;

std::vector<PdfLine> page_lines(const std::vector<Word>& words) {
  std::vector<PdfLine> lines;
  const Word* prev = nullptr;
  for (const Word& w : words) {
    if (prev) {
      const double h =
          std::max(1.0, std::min(prev->box.height(), w.box.height()));
      const double dy = std::fabs((w.box.top() + w.box.bottom()) / 2 -
                                  (prev->box.top() + prev->box.bottom()) / 2);
      if (dy > h * 0.5 || w.box.left() + h < prev->box.left())
        lines.emplace_back();
    }
    if (lines.empty()) lines.emplace_back();
    lines.back().push_back(&w);
    prev = &w;
  }
  return lines;
}

struct Span {
  double left, right;
};

// The line's runs of words, split where the blank between two words is
// wider than two letters' height: the cells of a table row.
std::vector<Span> line_runs(const PdfLine& line, double h) {
  std::vector<Span> words;
  for (const Word* w : line) words.push_back({w->box.left(), w->box.right()});
  std::sort(words.begin(), words.end(),
            [](const Span& a, const Span& b) { return a.left < b.left; });
  std::vector<Span> runs;
  for (const Span& w : words) {
    if (!runs.empty() && w.left - runs.back().right < 2 * h)
      runs.back().right = std::max(runs.back().right, w.right);
    else
      runs.push_back(w);
  }
  return runs;
}

bool holds_any(const PdfLine& line,
               std::initializer_list<std::u32string_view> marks) {
  std::u32string text;
  for (const Word* w : line) text += w->text + U" ";
  for (std::u32string_view m : marks)
    if (text.find(m) != std::u32string::npos) return true;
  return false;
}

// The header and the signature block of a Vietnamese document are a
// borderless table of two cells: the issuing body, the number (and a
// letter's subject) on the left, the national motto, the place and date on
// the right; the recipients on the left, the signer's title and name on the
// right. poppler reads such a table row by row across both cells, so a
// wrapped cell's lines interleave with the other's ("ỦY BAN NHÂN DÂN" /
// "NGHĨA VIỆT NAM" / "THÀNH PHỐ HÀ NỘI"). Lines around a blank column (the
// gutter between the cells), next to a row that holds the motto or "Nơi
// nhận", are reordered: the left cell's lines from top to bottom, then the
// right cell's. A line that crosses the gutter (a centred title, running
// text) ends the table; a table of more than two cells is left in rows.
//
// A closing table cut by the page break goes on with the recipients on the
// next page: when the table reaches the page's last line, `held` gets the
// right cell's lines (left out of the result) and `gutter` the left edge of
// that cell, for the next page to put after its first lines in the left
// cell.
std::vector<PdfLine> cells_in_order(const std::vector<PdfLine>& lines, double h,
                                    std::vector<PdfLine>* held,
                                    double* gutter) {
  std::vector<PdfLine> out;
  const size_t n = lines.size();
  std::vector<std::vector<Span>> runs(n);
  for (size_t i = 0; i < n; ++i) runs[i] = line_runs(lines[i], h);
  size_t done = 0;  // lines before this are in out
  const auto mid_y = [](const PdfLine& l) {
    return (l.front()->box.top() + l.front()->box.bottom()) / 2;
  };
  for (size_t seed = 0; seed < n; ++seed) {
    if (runs[seed].empty() || runs[seed].size() > 2 ||
        !holds_any(lines[seed], {U"CỘNG HÒA", U"CỘNG HOÀ", U"Nơi nhận",
                                 U"NƠI NHẬN", U"Độc lập", U"ĐỘC LẬP"}))
      continue;
    // The gutter: between the row's two cells, on one line or, when
    // poppler reads the cells one after the other, on two lines at the
    // same height.
    size_t lo = seed, hi = seed, pair = n;
    double a = 0, b = 0;
    if (runs[seed].size() == 2) {
      a = runs[seed][0].right;
      b = runs[seed][1].left;
    } else {
      const size_t from = seed > done + 40 ? seed - 40 : done;
      for (size_t j = from; j < n && j < seed + 40 && pair == n; ++j) {
        if (j == seed || runs[j].size() != 1 ||
            std::fabs(mid_y(lines[j]) - mid_y(lines[seed])) > h * 0.5)
          continue;
        const Span& x = runs[std::min(seed, j)][0];
        const Span& y = runs[std::max(seed, j)][0];
        const Span& l = x.left < y.left ? x : y;
        const Span& r = x.left < y.left ? y : x;
        if (r.left - l.right < 2 * h) continue;
        pair = j;
        a = l.right;
        b = r.left;
      }
      if (pair == n) continue;
      lo = std::min(seed, pair);
      hi = std::max(seed, pair);
    }
    // side[i]: 0 left cell, 1 right cell, 2 both (split at the gutter).
    std::vector<int> side(n, -1);
    // The heights each cell's lines take: a line joins a cell only next to
    // one of its lines (the title under the header table does not).
    std::vector<Span> spans[2];
    const auto top = [&](size_t i) {
      double t = lines[i].front()->box.top();
      for (const Word* w : lines[i]) t = std::min(t, w->box.top());
      return t;
    };
    const auto bottom = [&](size_t i) {
      double t = lines[i].front()->box.bottom();
      for (const Word* w : lines[i]) t = std::max(t, w->box.bottom());
      return t;
    };
    const auto take = [&](size_t i, int cell) {
      side[i] = cell;
      for (int c = 0; c < 2; ++c)
        if (cell == c || cell == 2) spans[c].push_back({top(i), bottom(i)});
    };
    const auto next_to = [&](size_t i, int cell) {
      for (const Span& sp : spans[cell])
        if (top(i) - sp.right <= 1.5 * h && sp.left - bottom(i) <= 1.5 * h)
          return true;
      return false;
    };
    // Can line i join the table? Narrows the gutter to keep it blank.
    auto join = [&](size_t i) {
      const std::vector<Span>& r = runs[i];
      if (r.size() == 2) {
        const double na = std::max(a, r[0].right), nb = std::min(b, r[1].left);
        if (nb - na < h) return false;
        a = na;
        b = nb;
        take(i, 2);
        return true;
      }
      if (r.size() != 1) return false;
      const double mid = (r[0].left + r[0].right) / 2;
      if ((r[0].right <= a ||
           (r[0].left < a && mid < (a + b) / 2 && b - r[0].right >= h)) &&
          next_to(i, 0)) {
        a = std::max(a, r[0].right);
        take(i, 0);
        return true;
      }
      if ((r[0].left >= b ||
           (r[0].right > b && mid > (a + b) / 2 && r[0].left - a >= h)) &&
          next_to(i, 1)) {
        b = std::min(b, r[0].left);
        take(i, 1);
        return true;
      }
      return false;
    };
    if (pair == n) {
      take(seed, 2);
    } else {
      take(seed, runs[seed][0].left < runs[pair][0].left ? 0 : 1);
      take(pair, runs[seed][0].left < runs[pair][0].left ? 1 : 0);
    }
    bool table = true;
    for (size_t i = lo + 1; i < hi && table; ++i) table = join(i);
    if (!table) continue;
    size_t first = lo, last = hi;
    // A page's header or closing table has some dozens of lines at most;
    // the bound keeps a hostile page's work linear.
    constexpr size_t kMaxTableLines = 120;
    while (first > done && last - first < kMaxTableLines && join(first - 1))
      --first;
    while (last + 1 < n && last - first < kMaxTableLines && join(last + 1))
      ++last;
    for (size_t i = done; i < first; ++i) out.push_back(lines[i]);
    // The left cell's lines, then the right cell's, each top to bottom.
    double left_bottom = 0;
    for (int cell = 0; cell < 2; ++cell) {
      std::vector<PdfLine> part;
      for (size_t i = first; i <= last; ++i) {
        if (side[i] != cell && side[i] != 2) continue;
        PdfLine l;
        for (const Word* w : lines[i]) {
          const double mid = (w->box.left() + w->box.right()) / 2;
          if ((mid < (a + b) / 2) == (cell == 0)) l.push_back(w);
        }
        if (!l.empty()) part.push_back(std::move(l));
      }
      std::stable_sort(part.begin(), part.end(),
                       [](const PdfLine& x, const PdfLine& y) {
                         return x.front()->box.top() + x.front()->box.bottom() <
                                y.front()->box.top() + y.front()->box.bottom();
                       });
      if (cell == 0 && !part.empty())
        left_bottom = part.back().front()->box.bottom();
      // The left cell runs lower than the right one to the page's end.
      if (cell == 1 && last + 1 == n && !part.empty() &&
          left_bottom > part.back().front()->box.bottom()) {
        *held = std::move(part);
        *gutter = b;
        break;
      }
      for (PdfLine& l : part) out.push_back(std::move(l));
    }
    done = last + 1;
    seed = last;
  }
  for (size_t i = done; i < n; ++i) out.push_back(lines[i]);
  return out;
}

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
  // The right cell of a closing table the page break cut (see
  // cells_in_order), and the left edge of that cell.
  std::vector<std::vector<Word>> carried;
  double carried_gutter = 0;
  Encoding carried_encoding = Encoding::kUnknown;
  // One line of words, spaced as printed.
  auto put_line = [&](const PdfLine& line, Encoding page_encoding) {
    sink.end_line();
    const Word* prev = nullptr;
    for (const Word* w : line) {
      if (prev) {
        const double wh =
            std::max(1.0, std::min(prev->box.height(), w->box.height()));
        // Words of two table cells side by side carry no space between
        // them ("Số: 773/QĐ-TTg" | "Hà Nội, ngày ..."): a gap as wide as
        // a space is one.
        if (prev->space_after || w->box.left() - prev->box.right() > wh * 0.3)
          sink.space();
      }
      Encoding enc = font_encoding(w->font);
      if (is_legacy(enc)) {
        sink.put_run(w->text, w->font, &r.diagnostics);
      } else if (is_legacy(page_encoding)) {
        sink.put_legacy(w->text, page_encoding, false, &r.diagnostics);
      } else {
        sink.put_run(w->text, "", &r.diagnostics);
      }
      prev = w;
    }
  };
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
    std::vector<double> heights;
    for (const Word& w : words) heights.push_back(w.box.height());
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2,
                     heights.end());
    const double h = std::max(1.0, heights[heights.size() / 2]);
    std::vector<PdfLine> lines = page_lines(words);
    std::vector<PdfLine> order;
    if (!carried.empty()) {
      // The left cell of the last page's closing table goes on here (its
      // lines end left of the gutter, a page number aside): then comes the
      // right cell held back from that page.
      size_t k = 0;
      while (k < lines.size()) {
        const std::vector<Span> r = line_runs(lines[k], h);
        bool number = true;
        for (const Word* w : lines[k])
          for (char32_t c : w->text)
            number = number && ((c >= U'0' && c <= U'9') || c == U'-');
        if (r.size() != 1 || (r[0].right > carried_gutter && !number)) break;
        order.push_back(lines[k++]);
      }
      for (const std::vector<Word>& l : carried) {
        order.emplace_back();
        for (const Word& w : l) order.back().push_back(&w);
      }
      lines.erase(lines.begin(), lines.begin() + static_cast<ptrdiff_t>(k));
    }
    std::vector<PdfLine> held;
    for (PdfLine& l : cells_in_order(lines, h, &held, &carried_gutter))
      order.push_back(std::move(l));
    for (const PdfLine& line : order) put_line(line, page_encoding);
    // The carried lines were put out; the held ones wait for the next page.
    std::vector<std::vector<Word>> next;
    for (const PdfLine& l : held) {
      next.emplace_back();
      for (const Word* w : l) next.back().push_back(*w);
    }
    carried = std::move(next);
    carried_encoding = page_encoding;
    sink.end_line();
  }
  // A closing table on the last page with text: its right cell.
  for (const std::vector<Word>& l : carried) {
    PdfLine line;
    for (const Word& w : l) line.push_back(&w);
    put_line(line, carried_encoding);
  }
  sink.end_line();
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
