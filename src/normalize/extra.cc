// Passes after line joining: look-alike characters (always; most text skips
// them after a byte scan) and the tone-mark style (only when asked for, so
// the default output keeps the marks where the input put them).
#include <algorithm>

#include "normalize/lookalikes.h"
#include "normalize/passes.h"
#include "normalize/tone.h"

namespace vnlegal::internal {
namespace {

// The offset in the rewritten text of offset `in` of the text before: the
// inverse of map.to_source, for spans computed before the rewrite.
uint32_t forward(const OffsetMap& map, uint32_t in) {
  const auto& anchors = map.anchors();
  // Last anchor whose input offset is at or before `in` (inputs never
  // decrease along the anchors).
  auto it = std::upper_bound(
      anchors.begin(), anchors.end(), in,
      [](uint32_t value, const OffsetMap::Anchor& a) { return value < a.in; });
  OffsetMap::Anchor base{0, 0};
  if (it != anchors.begin()) base = *(it - 1);
  uint32_t out = base.out + (in - base.in);
  if (it != anchors.end()) out = std::min(out, it->out);
  return std::min(out, map.out_size());
}

void adopt(Normalized& result, Rewritten rewritten) {
  if (rewritten.text == result.text) return;
  for (Span& s : result.emphasis) {
    s.begin = forward(rewritten.map, s.begin);
    s.end = forward(rewritten.map, s.end);
  }
  result.map = result.map.then(rewritten.map);
  result.text = std::move(rewritten.text);
}

}  // namespace

void apply_extra_passes(Normalized& result, const NormalizeOptions& options,
                        bool lookalikes_possible) {
  if (lookalikes_possible && may_hold_lookalikes(result.text))
    adopt(result, fold_lookalike_characters(result.text));
  // Restyling also moves marks typed on the wrong vowel ("baỏ") to the
  // chosen convention; kKeep leaves every mark alone.
  if (options.tone != ToneStyle::kKeep)
    adopt(result, restyle_tones(result.text, options.tone));
}

}  // namespace vnlegal::internal
