// Extraction: legal references and quantities, tied to nodes and spans.
#pragma once

#include "vnlegal/document.h"

namespace vnlegal {

// Fills doc.references from doc.text and doc.nodes.
void extract_references(Document& doc);
// Fills doc.quantities from doc.text and doc.nodes.
void extract_quantities(Document& doc);

// The innermost node whose span contains `span` (the root if none).
int32_t innermost_node(const Document& doc, Span span);

}  // namespace vnlegal
