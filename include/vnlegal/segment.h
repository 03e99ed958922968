// Segmentation: header metadata, preamble, body tree, closing, attachments.
#pragma once

#include "vnlegal/document.h"

namespace vnlegal {

// Fills doc.metadata and doc.nodes from doc.text; adds diagnostics.
void segment(Document& doc);

}  // namespace vnlegal
