// Sub-commands of the CLI that live in their own files.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "vnlegal/vnlegal.h"

namespace vnlegal::cli {

std::string read_input(const std::string& path);
// Writes atomically (temporary file + rename) unless `path` is empty or "-".
void write_output(const std::string& path, const std::string& data);

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string from_list;  // file of input names, one per line ("-": stdin)
  std::string jsonl;
  std::string db;
  int jobs = 0;
  bool unordered = false;
  bool resume = false;
  bool with_text = false;  // SQLite: store the normalized text
  int window = 0;          // 0: 4 per job, at least 16
  bool summary = false;    // summary even when stderr is not a terminal
  bool quiet = false;
  double time_budget = 0;  // seconds per document, 0 for none
};
CLI::App* add_batch_command(CLI::App& app, BatchArgs& args);
int run_batch(const BatchArgs& args, const Options& options);

struct GraphArgs {
  std::string input;
  std::string format = "csv";
  std::string output;
  int top = 0;
};
CLI::App* add_graph_command(CLI::App& app, GraphArgs& args);
int run_graph(const GraphArgs& args);

// References as TSV: kind, role, doc_type, number, name, year, date, text.
std::string references_tsv(const Document& doc);

}  // namespace vnlegal::cli
