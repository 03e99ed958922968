#include "normalize/passes.h"

namespace vnlegal::internal {

void apply_extra_passes(Normalized&, const NormalizeOptions&) {}

}  // namespace vnlegal::internal
