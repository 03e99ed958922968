// Shared plumbing of the container readers: building the output text with
// anchors back to the container bytes, and decoding runs set in legacy
// Vietnamese fonts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vnlegal/encoding.h"
#include "vnlegal/io.h"

namespace vnlegal::io {

// A list number as Word draws it in format `fmt` (the OOXML names:
// decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, decimalZero,
// none).
std::string format_list_number(int n, const std::string& fmt);

// Upper-cases UTF-8 text with the Vietnamese locale rules (legacy ".VnTimeH"
// style fonts draw every letter as a capital, whatever byte was stored).
std::string to_upper_vi(std::string_view utf8);

// The byte a legacy-font character stood for when a container stored it as
// Unicode: U+0000-U+00FF, the Windows-1252 characters of 0x80-0x9F and the
// symbol-font area U+F000-U+F0FF. -1 for anything else.
int legacy_byte_of(char32_t cp);

// A font name as containers spell it, reduced to what the encoding API
// expects: "ABCDEF+.VnTime,Bold" -> ".VnTime".
std::string clean_font_name(std::string_view name);

// UTF-8 to code points (invalid bytes become U+FFFD).
std::u32string utf8_to_u32(std::string_view utf8);

// encoding_from_font() on a cleaned name; also recognises the ".Vn" family
// (TCVN3) by its leading dot should the encoding API miss it.
Encoding font_encoding(std::string_view font);

// True for fonts that draw a legacy Vietnamese encoding (TCVN3, VNI, VISCII,
// VPS). In such a font byte 0xAD is a letter (TCVN3 "ư"), not the optional
// hyphen that Windows-1252 makes of it: Word and other editors store it as
// an optional hyphen mark (DOCX <w:softHyphen/>, Word 97 0x1F, RTF "\-"),
// which the readers turn back into that byte.
bool is_legacy_font(std::string_view font);

// Accumulates the UTF-8 text of one document, one line per paragraph, with
// an OffsetMap to the container bytes, and counts which encodings the text
// came from.
class TextSink {
 public:
  // The following text came from container offset `src`.
  void mark(uint32_t src);
  void put(std::string_view utf8) { text_.append(utf8); }
  void put_cp(char32_t cp);
  // Ends the current line (no empty lines are made by repeated calls).
  void end_line();
  // A blank line, e.g. between documents of an archive.
  void blank_line();
  bool at_line_start() const { return text_.empty() || text_.back() == '\n'; }
  // Puts a space unless the line is empty or already ends with one.
  void space();

  // Text in a known encoding (`upper` for capital-only fonts).
  void put_encoded(std::string_view bytes, Encoding encoding, bool upper,
                   Diagnostics* diagnostics);
  // Characters of a run set in `font`, as the container stored them
  // (Unicode). Runs in a legacy font map their characters back to bytes
  // and decode them; characters that cannot be legacy bytes pass through.
  void put_run(std::u32string_view chars, std::string_view font,
               Diagnostics* diagnostics);
  // Characters stored as Unicode that stand for bytes of `encoding` (a
  // legacy one): mapped back to bytes and decoded.
  void put_legacy(std::u32string_view chars, Encoding encoding, bool upper,
                  Diagnostics* diagnostics);
  // Counts `n` characters of text read in `encoding`.
  void count(Encoding encoding, size_t n) {
    counts_[static_cast<size_t>(encoding)] += n;
  }

  // A table row: cells given as the text of a sub-sink each (lines are
  // the cell's paragraphs). Cells of one line each make one line joined by
  // " | "; a row with a cell of several paragraphs is a layout table (the
  // header block of most documents) and its cells' lines are put one after
  // the other. `src` is where the row starts.
  void put_row(const std::vector<std::string>& cells, uint32_t src);
  // Adds the encoding counts of a sub-sink (a table cell, a footnote).
  void absorb_counts(const TextSink& other) {
    for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  }
  std::string take_text() {
    end_line();
    return std::move(text_);
  }

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  // The encoding most of the counted text came from, or `fallback`.
  std::string dominant_encoding(const std::string& fallback) const;
  // Moves the text, map and encoding into `r` (source size `in_size`).
  void finish(ReadResult& r, size_t in_size, const std::string& fallback);

 private:
  std::string text_;
  OffsetMap map_;
  std::array<size_t, 16> counts_{};
};

}  // namespace vnlegal::io
