// vnlegal: Vietnamese legal documents to a typed model.
//
//   #include <vnlegal/vnlegal.h>
//
//   vnlegal::Document doc = vnlegal::parse_file("01-NQ-HDND.txt");
//   std::cout << doc.metadata.number.value_or("?") << "\n";   // 01/NQ-HĐND
//   for (const auto& node : doc.nodes)
//     if (node.kind == vnlegal::NodeKind::kArticle)
//       std::cout << "Điều " << node.num << ": " << node.heading << "\n";
//   std::cout << vnlegal::to_json(doc);
//
// parse() never fails on bad input: problems become doc.diagnostics.
// vnlegal::Error is thrown only for misuse or environment failures.
#pragma once

#include <string>
#include <string_view>

#include "vnlegal/document.h"
#include "vnlegal/encoding.h"
#include "vnlegal/export.h"
#include "vnlegal/extract.h"
#include "vnlegal/io.h"
#include "vnlegal/normalize.h"
#include "vnlegal/options.h"
#include "vnlegal/segment.h"

namespace vnlegal {

// Parses a document from its raw bytes (any supported container/encoding).
Document parse(std::string_view bytes, const Options& options = {},
               std::string_view path_hint = {});

// Reads and parses a file. Throws vnlegal::Error if it cannot be read.
Document parse_file(const std::string& path, const Options& options = {});

// Reads a whole file; throws vnlegal::Error if it cannot be read.
std::string read_file(const std::string& path);

const char* version();

// Lower-case hex SHA-256 of `bytes` (the source.sha256 of the JSON contract).
std::string sha256_hex(std::string_view bytes);

// For programs that parse many documents in a row: keeps memory freed after
// one document in the process for the next instead of handing it back to
// the system (glibc malloc's trim and mmap thresholds raised to 64 MB), so
// that each document's buffers stop costing a page fault per page. Memory in
// use is unchanged; the process may hold up to 64 MB more than it uses.
// Process-wide: call it once, early, from main(); a library does not.
// Does nothing where the C library has no mallopt.
void keep_freed_memory();

}  // namespace vnlegal
