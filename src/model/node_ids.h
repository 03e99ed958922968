// Element ids of the document's nodes (Node::eid), after the Akoma Ntoso
// naming convention: the parent's id + "__" + the element abbreviation + "_"
// + the number, e.g. "chp_2__art_5__para_1__point_a"; unnumbered units are
// counted among their siblings of the same kind.
#pragma once

#include "vnlegal/document.h"

namespace vnlegal::internal {

// Sets Node::eid of every node below the root.
void assign_node_ids(Document& doc);

}  // namespace vnlegal::internal
