// Identifiers shared by the Akoma Ntoso and HTML writers: element ids
// following the Akoma Ntoso naming convention and FRBR work URIs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnlegal/document.h"

namespace vnlegal::export_detail {

// One id per node (the root gets ""), unique within the document: the
// node's `eid` (src/model/node_ids.h: "chp_2__art_5__para_1__point_a", the
// OASIS Akoma Ntoso Naming Convention 1.0), assigned by the same scheme when
// a document built by hand has none.
std::vector<std::string> node_ids(const Document& doc);

// The id component of a pinpoint ("art_24__para_1__point_a"), "" if empty.
std::string pinpoint_id(const Pinpoint& pinpoint);

// ASCII lower-case slug: Vietnamese letters lose their marks (đ -> d), every
// other run of characters becomes one '-'.
std::string slug(std::string_view text);

// The Akoma Ntoso work URI of the document, e.g.
// "/akn/vn/act/nghi-quyet/hdnd-bac-tu-liem/2020-06-18/01".
std::string work_uri(const Document& doc);

// The work URI of a cited document (empty when the reference does not
// identify one), with "/~<pinpoint id>" for a cited portion.
std::string cited_uri(const Reference& ref);

// The number's first segment as used in URIs: "01/NQ-HĐND" -> "01".
std::string number_component(std::string_view number);

// The year printed inside a document number ("12/2020/NQ-HĐND" -> "2020").
std::string year_in_number(std::string_view number);

// Finds `needle` in `hay` from `from`, letting any run of white space in the
// needle match any run in the haystack and allowing white space around '/'
// and '-' (numbers are often printed "01 /NQ-HĐND"). Returns [begin, end)
// offsets in `hay`, or {npos, npos}.
std::pair<size_t, size_t> find_loose(std::string_view hay,
                                     std::string_view needle, size_t from = 0);

// Text made safe for XML 1.0: invalid UTF-8 and characters XML forbids
// become U+FFFD (tabs and line breaks are kept).
std::string xml_safe(std::string_view text);

}  // namespace vnlegal::export_detail
