// Internal passes of the normalizer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnlegal/normalize.h"

namespace vnlegal::internal {

struct LinesResult {
  std::string text;
  OffsetMap map;
  std::vector<Span> emphasis;
};

// Pass C: whitespace, hyphen spacing, wrapped lines re-joined. Consumes the
// emphasis sentinels U+E000/U+E001 of pass B and reports their spans.
LinesResult pass_lines(std::string_view in, const NormalizeOptions& options);

// Optional passes after C (tone style, look-alikes); keep `result`
// consistent (text, map, emphasis). `may_hold_lookalikes`: false if the text
// is known to hold none of the characters the look-alike pass changes.
void apply_extra_passes(Normalized& result, const NormalizeOptions& options,
                        bool may_hold_lookalikes);

// The widest block loop pass A may run over stable characters: 2 for AVX2
// (the default; only where the processor has it), 1 for SSE2, 0 for the
// byte-by-byte loop alone. Returns the width before. Tests check the
// narrower loops against the wider ones on any machine.
int set_char_scan_width(int width);

// True if a line starts with a structural marker (Điều, Chương, "1.", "a)",
// "-", "Căn cứ", ...): such a line is never joined to the line before it.
bool starts_with_marker(std::string_view line);

}  // namespace vnlegal::internal
