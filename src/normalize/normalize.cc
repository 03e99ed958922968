#include "vnlegal/normalize.h"

namespace vnlegal {

Normalized normalize(std::string_view utf8, const NormalizeOptions&) {
  Normalized n;
  n.text = std::string(utf8);
  n.map = OffsetMap::identity(static_cast<uint32_t>(utf8.size()));
  return n;
}

}  // namespace vnlegal
