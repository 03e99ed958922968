// Document numbers ("số, ký hiệu"): recognition, canonical form and the
// codes they carry. Formats follow Decree 30/2020/NĐ-CP (administrative
// documents), Law 80/2015/QH13 (legal normative documents) and the Party's
// own numbering (Hướng dẫn 36-HD/VPTW: "08-NQ/TW").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnlegal::citation {

struct NumberParts {
  std::string canonical;    // "61/2018/NĐ-CP"
  std::string type_code;    // "NĐ"
  std::string issuer_code;  // "CP"
  std::optional<int> year;  // from the number itself
  bool party = false;       // Party numbering (08-NQ/TW)
  bool has_year = false;
  bool typed_code = false;  // the code starts with a document type code
  int segments = 0;         // code segments after the digits and year
  size_t end = 0;           // byte just past the number in the text
  bool spaced = false;      // spaces inside the printed number
};

// Parses a number whose digits start at `pos`; nullopt when the text there
// is not a document number (dates, fractions, paths, road names...).
std::optional<NumberParts> parse_number(std::string_view text, size_t pos);

// Document type name for a type code ("NĐ" -> "Nghị định"); `party` picks
// the Party meaning of shared codes (TT is Thông tri there).
std::string_view type_for_code(std::string_view code, bool party);

// Type code for a document type name ("Nghị định" -> "NĐ").
std::string_view code_for_type(std::string_view type);

}  // namespace vnlegal::citation
