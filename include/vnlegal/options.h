// Options: plain structs with documented defaults.
#pragma once

#include <cstdint>
#include <string>

namespace vnlegal {

enum class ToneStyle : uint8_t {
  kKeep,  // leave tone marks where the input put them (default)
  kOld,   // "hòa", "khỏe", "thủy": mark on the first vowel of oa/oe/uy
  kNew,   // "hoà", "khoẻ", "thuỷ": mark on the second vowel
};

enum class QuoteStyle : uint8_t {
  kKeep,  // keep curly quotes as written (default)
  kFold,  // fold “ ” ‘ ’ to " and '
};

struct NormalizeOptions {
  ToneStyle tone = ToneStyle::kKeep;
  QuoteStyle quotes = QuoteStyle::kKeep;
  // Re-join lines hard-wrapped in mid-sentence and paragraphs split by page
  // breaks.
  bool join_wrapped_lines = true;
  // Remove markdown and HTML left-overs (**, <br>, <jsontable ...>, ---).
  bool strip_markup = true;
};

struct Options {
  NormalizeOptions normalize;
  // Force the input encoding (e.g. "TCVN3", "VNI"); empty means detect.
  std::string encoding;
  bool extract_references = true;
  bool extract_quantities = true;
  // Inputs larger than this are truncated with a diagnostic.
  uint64_t max_input_bytes = 256ull << 20;
  // Nesting limit of the readers: RTF groups deeper than 8 * max(max_depth,
  // 16) are flattened with an "rtf-too-deep" diagnostic. (Quoted text in the
  // segmenter is bounded by its own window, see docs/fuzzing.md; archives
  // inside archives by ArchiveLimits::max_depth.)
  int max_depth = 64;
  // Wall-clock budget of one parse() in seconds, 0 for none. It is checked
  // between the stages (read, normalize, segment, references, quantities):
  // once spent, the remaining stages are skipped with a
  // `time-budget-exceeded` diagnostic, so a slow document yields what was
  // done so far instead of holding a batch worker.
  double time_budget_seconds = 0;
};

}  // namespace vnlegal
