// The words that open a citation: document type names, structural units
// (pinpoints) and standard prefixes, with a two-byte prefilter so that the
// scanner only inspects word starts that can begin one of them.
#pragma once

#include <array>
#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace vnlegal::citation {

enum class KeywordClass : uint8_t {
  kNamed,  // Luật, Bộ luật, Pháp lệnh, Hiến pháp: cited by name or number
  kDocument,  // other document types: cited by number
  kUnit,      // Điều, khoản, điểm, Chương, Mục, Phần
  kStandard,  // TCVN, QCVN, ISO
};

enum class Unit : uint8_t {
  kNone,
  kPoint,
  kClause,
  kArticle,
  kSection,
  kChapter,
  kPart
};

struct Keyword {
  std::string lower;  // lower-case words, single spaces
  std::string type;   // canonical document type ("Nghị định")
  KeywordClass cls;
  Unit unit = Unit::kNone;
};

const std::vector<Keyword>& keywords();

// Bit (b0 << 8 | b1) is set when some case variant of a keyword's first word
// starts with the bytes b0 b1.
const std::bitset<65536>& keyword_prefilter();

// A stricter prefilter on the first four bytes (three for shorter words)
// of a keyword's first word; false positives are possible, misses are not.
bool keyword_prefix_at(std::string_view text, size_t pos);

// True when the bytes at `pos` spell the first word of some keyword in one
// of its usual cases (lower, Title, UPPER) followed by a non-letter. A
// cheap exact test run before the case-insensitive keyword match.
bool keyword_start_at(std::string_view text, size_t pos);

// Indices into keywords() of the keywords whose first word is spelled at
// `pos` (as keyword_start_at), or nullptr.
const std::vector<uint8_t>* keyword_candidates_at(std::string_view text,
                                                  size_t pos);

}  // namespace vnlegal::citation
