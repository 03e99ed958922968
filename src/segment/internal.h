// Internal interface of the segmenter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnlegal/document.h"

namespace vnlegal::segment_internal {

// Rare bytes a line may hold, noted while the lines are split so that the
// passes looking for one of them skip the other lines without a search. A
// mark says the byte may be there (a line cut in two keeps its marks), its
// absence that it is not; a line made without them has them all.
enum LineMark : uint8_t {
  kMarkParen = 1,    // '('
  kMarkBracket = 2,  // '['
  kMarkQuote = 4,    // '"'
  kMarkBar = 8,      // '|'
  kMarkE2 = 16,      // 0xE2, the lead byte of curly quotes, dashes, bullets
  kMarkAll = 0xFF,
};

struct Line {
  Span span;  // without the '\n'
  std::string_view text;
  uint8_t marks = kMarkAll;  // LineMark bits
};

std::vector<Line> split_lines(std::string_view text);

// Letters only, no lower-case letter: "HỘI ĐỒNG NHÂN DÂN".
bool is_upper_line(std::string_view s);
// Letters, none of them a capital: a line that lost its capitals.
bool is_lower_line(std::string_view s);
bool has_letters(std::string_view s);
// The length of the leading run of words in capitals (words without
// letters, such as numbers and dashes, go with it).
size_t upper_prefix_length(std::string_view s);
// The first code point is an upper-case letter.
bool starts_upper(std::string_view s);
std::string trim(std::string_view s);
// The same without a copy: a view into `s`.
std::string_view trim_view(std::string_view s);
// An attachment's note: "(Ban hành kèm theo Quyết định số ...)",
// "(Kèm theo ...)", in any case and spacing.
bool is_kem_theo(std::string_view t);
// `s` starts with `p`, compared byte by byte: most of these tests fail on
// the first byte, where a call to memcmp would cost more than the test.
inline bool has_prefix(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (s[i] != p[i]) return false;
  return true;
}
// t.find(" " + word, from): `word` (which opens with no blank) is looked for
// from its own first byte and taken where a blank comes before it; a search
// from the blank would stop at every space of the line.
inline size_t find_after_blank(std::string_view t, std::string_view word,
                               size_t from = 0) {
  for (size_t p = t.find(word, from + 1); p != std::string_view::npos;
       p = t.find(word, p + 1))
    if (t[p - 1] == ' ') return p - 1;
  return std::string_view::npos;
}
// "HỘI ĐỒNG" -> "Hội đồng" style case mapping helpers (ICU, Vietnamese).
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
std::string to_title_first(
    std::string_view s);  // first letter upper, rest lower

// Document type names in capitals -> canonical name and type code.
struct TypeName {
  std::string_view upper;  // "NGHỊ QUYẾT"
  std::string_view name;   // "Nghị quyết"
  std::string_view code;   // "NQ"
};
const std::vector<TypeName>& type_names();
// The type whose capitalised name starts `line` ("NGHỊ ĐỊNH QUY ĐỊNH ..."),
// or nullptr. `rest` gets the text after the name.
const TypeName* match_type_line(std::string_view line, std::string_view& rest);
const TypeName* type_from_code(std::string_view code);

// Canonical document number: no spaces, Đ for Ð, '-' for dashes.
std::string canonical_number(std::string_view raw);

// Lines [begin, end) of the zones found by the segmenter.
struct Zones {
  size_t header_end = 0;   // header lines: [0, header_end)
  size_t body_begin = 0;   // preamble: [header_end, body_begin)
  size_t body_end = 0;     // body: [body_begin, body_end)
  size_t closing_end = 0;  // closing: [body_end, closing_end); then attachments
};

// Fills doc.metadata from the header lines and the signature block; returns
// the zones.
Zones find_zones_and_metadata(Document& doc, const std::vector<Line>& lines);

// Lines [0, result) are a web copy's front matter before the header.
size_t front_matter_end(const std::vector<Line>& lines);

// Whether the line holds the national motto ("CỘNG HÒA XÃ HỘI ...").
bool motto_line(std::string_view line);

// Preamble line kinds.
NodeKind preamble_kind(std::string_view line);

// Builds the body tree of lines [begin, end) under node `parent`.
void build_tree(Document& doc, const std::vector<Line>& lines, size_t begin,
                size_t end, int32_t parent);

// The node is built in place: its number and heading are copied once.
int32_t add_node(Document& doc, int32_t parent, NodeKind kind, Span span,
                 std::string_view num = {}, std::string_view heading = {});

}  // namespace vnlegal::segment_internal
