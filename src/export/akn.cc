#include "vnlegal/export.h"

namespace vnlegal {

std::string to_akn(const Document& doc) { return to_xml(doc); }

}  // namespace vnlegal
