#include "vnlegal/extract.h"

namespace vnlegal {

void extract_quantities(Document&) {}

}  // namespace vnlegal
