// Readers not written yet: each reports an unsupported container.
#include "io/readers.h"

namespace vnlegal::io {

ReadResult read_pdf(std::string_view bytes, const Options&) {
  return unsupported(bytes, "pdf");
}

}  // namespace vnlegal::io
