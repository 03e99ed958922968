#include "vnlegal/extract.h"

namespace vnlegal {

void extract_references(Document&) {}

}  // namespace vnlegal
