// vnlegal batch: many inputs to JSON Lines, one document per line, in order.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace vnlegal::cli {

CLI::App* add_batch_command(CLI::App& app, BatchArgs& args) {
  CLI::App* cmd = app.add_subcommand("batch", "parse many documents");
  cmd->add_option("inputs", args.inputs, "files and folders")->required();
  cmd->add_option("-o,--output", args.jsonl, "JSON Lines output");
  cmd->add_option("--db", args.db, "SQLite output");
  cmd->add_option("--jobs", args.jobs, "worker threads (default: cores)");
  cmd->add_flag("--unordered", args.unordered, "write in completion order");
  cmd->add_flag("--resume", args.resume, "skip inputs already done");
  return cmd;
}

int run_batch(const BatchArgs& args, const Options& options) {
  namespace fs = std::filesystem;
  if (args.jsonl.empty()) {
    std::cerr << "vnlegal batch: -o out.jsonl is required\n";
    return 2;
  }
  std::vector<std::string> files;
  for (const std::string& in : args.inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(in, ec))
        if (e.is_regular_file()) files.push_back(e.path().string());
    } else {
      files.push_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  std::string out;
  int failed = 0;
  for (const std::string& f : files) {
    try {
      Document doc = parse_file(f, options);
      std::string j = to_json(doc);
      std::string line;
      for (char c : j)
        if (c != '\n') line.push_back(c);
      out += line + "\n";
    } catch (const Error& e) {
      ++failed;
      std::cerr << "vnlegal batch: " << e.what() << "\n";
    }
  }
  write_output(args.jsonl, out);
  return failed ? 1 : 0;
}

}  // namespace vnlegal::cli
