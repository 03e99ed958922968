// vnlegal batch: many inputs to JSON Lines or SQLite.
//
// One thread walks the inputs, N workers read and parse them (parse() is
// stateless; the compiled patterns are shared), and the calling thread
// writes the results. Both hand-offs are bounded (see batch_queue.h), so
// memory depends on the number of workers and the largest documents, not on
// the number of inputs. See docs/batch.md.
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <system_error>
#include <thread>

#include "cli/batch_inputs.h"
#include "cli/batch_queue.h"
#include "cli/batch_report.h"
#include "cli/batch_sink.h"
#include "cli/commands.h"

namespace vnlegal::cli {
namespace {

// Reads at most `limit` + 1 bytes (parse() reports larger inputs as
// truncated, and a huge file must not be loaded whole). Returns an error
// message, empty on success.
std::string read_bytes(const std::string& path, uint64_t limit,
                       std::string& out, uint64_t& file_size) {
  // O_NONBLOCK: a fifo named as an input must not hang the worker; it is
  // refused below like any file that is not regular.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::generic_category().message(errno);
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return S_ISDIR(st.st_mode) ? "is a folder" : "not a regular file";
  }
  file_size = static_cast<uint64_t>(st.st_size);
  const uint64_t want =
      std::min<uint64_t>(static_cast<uint64_t>(st.st_size), limit + 1);
  out.resize(want);
  uint64_t got = 0;
  while (got < want) {
    const ssize_t n = ::read(fd, out.data() + got, want - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string message = std::generic_category().message(errno);
      ::close(fd);
      return message;
    }
    if (n == 0) break;  // the file shrank meanwhile
    got += static_cast<uint64_t>(n);
  }
  out.resize(got);
  ::close(fd);
  return {};
}

struct WorkerContext {
  const Options* options;
  const std::unordered_set<std::string>* done;
  bool want_document;
  bool with_text;
};

BatchRecord process(InputItem& item, const WorkerContext& ctx) {
  BatchRecord r;
  r.seq = item.seq;
  r.path = item.path;
  r.size = item.size;
  if (!item.error.empty()) {
    r.error_code = "no-input";
    r.error_message = item.error;
    return r;
  }
  try {
    std::string owned;
    if (!item.bytes) {
      std::string error =
          read_bytes(item.path, ctx.options->max_input_bytes, owned, r.size);
      if (!error.empty()) {
        r.error_code = "unreadable";
        r.error_message = "cannot read: " + error;
        return r;
      }
    }
    const std::string& bytes = item.bytes ? *item.bytes : owned;
    r.size = std::max<uint64_t>(r.size, bytes.size());
    if (!ctx.done->empty()) {
      r.sha256 = sha256_hex(bytes);
      if (ctx.done->count(resume_key(r.sha256, r.path))) {
        r.skipped = true;
        return r;
      }
    }
    Document doc = parse(bytes, *ctx.options, item.path);
    owned = std::string();
    item.bytes.reset();
    r.sha256 = doc.source.sha256;
    r.type = doc.metadata.type.value_or("");
    r.references = doc.references.size();
    for (const Quantity& q : doc.quantities)
      r.targets += q.kind == QuantityKind::kTarget;
    for (const Diagnostic& d : doc.diagnostics)
      if (d.severity == Severity::kError && !r.error_diagnostics) {
        r.error_diagnostics = true;
        r.error_message = d.code + ": " + d.message;
      }
    if (ctx.want_document) {
      if (!ctx.with_text) doc.text = std::string();
      doc.offsets = OffsetMap();
      r.doc = std::move(doc);
    } else {
      JsonOptions compact;
      compact.compact = true;
      r.json_line = to_json(doc, compact);
      r.json_line.pop_back();  // the trailing newline
    }
  } catch (const std::exception& e) {
    r.json_line.clear();
    r.doc.reset();
    r.error_code = "parse-failed";
    r.error_message = e.what();
  }
  return r;
}

// 64 bits of the resume key, to drop an input named twice in one run
// without keeping every path in memory.
uint64_t key_hash(const BatchRecord& r) {
  return std::hash<std::string>()(resume_key(r.sha256, r.path));
}

bool any_stdin(const BatchArgs& args) {
  if (args.from_list == "-") return true;
  for (const std::string& in : args.inputs)
    if (in == "-") return true;
  return false;
}

}  // namespace

CLI::App* add_batch_command(CLI::App& app, BatchArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "batch", "parse many documents into JSON Lines or SQLite");
  cmd->add_option(
      "inputs", args.inputs,
      "files, folders (recursive), globs; - reads names from stdin");
  cmd->add_option("--from-list", args.from_list,
                  "file with one input name per line (- for stdin)");
  cmd->add_option("-o,--output", args.jsonl,
                  "JSON Lines output (- for stdout)");
  cmd->add_option("--db", args.db, "SQLite output");
  cmd->add_option("-j,--jobs", args.jobs, "worker threads (default: cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--unordered", args.unordered,
                "write in completion order instead of input order");
  cmd->add_flag("--resume", args.resume,
                "continue an interrupted batch: skip inputs already written");
  cmd->add_flag("--text", args.with_text,
                "SQLite: store each document's normalized text");
  cmd->add_option(
         "--window", args.window,
         "results held for reordering (default: 4 per job, at least 16)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--summary", args.summary,
                "print the summary even when stderr is not a terminal");
  cmd->add_flag("-q,--quiet", args.quiet,
                "no progress, summary or error lines");
  cmd->add_option("--time-budget", args.time_budget,
                  "seconds per document; later stages are skipped with a "
                  "diagnostic once spent (default: none)")
      ->check(CLI::NonNegativeNumber);
  return cmd;
}

int run_batch(const BatchArgs& args, const Options& batch_options) {
  Options options = batch_options;
  if (args.time_budget > 0) options.time_budget_seconds = args.time_budget;
  if (args.jsonl.empty() == args.db.empty()) {
    std::cerr << "vnlegal batch: give exactly one of -o out.jsonl and --db "
                 "out.sqlite\n";
    return 2;
  }
  if (args.inputs.empty() && args.from_list.empty()) {
    std::cerr << "vnlegal batch: no inputs\n";
    return 2;
  }
  if (args.resume && args.jsonl == "-") {
    std::cerr << "vnlegal batch: --resume needs an output file\n";
    return 2;
  }
  // Freed buffers stay in the process for the next document: main() calls
  // keep_freed_memory() for every command.
  const int jobs = args.jobs > 0
                       ? args.jobs
                       : std::max(1u, std::thread::hardware_concurrency());
  const size_t window =
      args.window > 0 ? static_cast<size_t>(args.window)
                      : std::max<size_t>(16, 4 * static_cast<size_t>(jobs));

  std::unique_ptr<Sink> sink;
  try {
    sink = args.db.empty()
               ? open_jsonl_sink(args.jsonl, args.resume)
               : open_sqlite_sink(args.db, args.resume, args.with_text);
  } catch (const Error& e) {
    std::cerr << "vnlegal batch: " << e.what() << "\n";
    return 1;
  }

  // The output may sit inside an input folder: its files are not inputs.
  std::vector<std::string> outputs;
  const std::string& out = args.db.empty() ? args.jsonl : args.db;
  for (const char* suffix :
       {"", ".partial", ".partial.tmp", ".partial-wal", ".partial-shm",
        ".partial-journal", "-wal", "-shm", "-journal"})
    outputs.push_back(out + suffix);

  const bool tty = isatty(STDERR_FILENO) && !args.quiet;
  BatchReport report(tty);
  // Items are names, not contents: a generous queue costs little and keeps
  // the workers busy while the walker waits for the disk.
  BoundedQueue<InputItem> queue(
      std::max<size_t>(64, 8 * static_cast<size_t>(jobs)));
  ResultWindow<BatchRecord> results(window, !args.unordered);
  std::atomic<bool> stop{false};

  // Counts the inputs ahead of the workers, only for the progress bar's ETA
  // (a list read from stdin cannot be read twice: no ETA then).
  std::thread counter;
  if (tty && !any_stdin(args)) {
    counter = std::thread([&] {
      InputWalker walker(args.inputs, args.from_list, nullptr, true);
      walker.exclude(outputs);
      InputItem item;
      while (!stop && walker.next(item)) {
        report.expected_inputs += 1;
        report.expected_bytes += item.size;
      }
      report.expected_final = !stop;
    });
  }

  double walker_cpu = 0;
  std::mutex cpu_mu;
  double workers_cpu = 0;
  std::thread producer([&] {
    InputWalker walker(args.inputs, args.from_list, &std::cin);
    walker.exclude(outputs);
    uint64_t n = 0;
    InputItem item;
    while (!stop && walker.next(item)) {
      if (!queue.push(std::move(item))) break;
      ++n;
    }
    queue.close();
    results.set_total(n);
    walker_cpu = thread_cpu_seconds();
  });

  const WorkerContext ctx{&options, &sink->done(), sink->wants_document(),
                          args.with_text};
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i)
    workers.emplace_back([&] {
      while (std::optional<InputItem> item = queue.pop()) {
        if (!results.reserve(item->seq)) break;
        const uint64_t seq = item->seq;
        results.put(seq, process(*item, ctx));
      }
      std::lock_guard<std::mutex> lock(cpu_mu);
      workers_cpu += thread_cpu_seconds();
    });

  int status = 0;
  std::string fatal;
  std::unordered_set<uint64_t> written;
  try {
    BatchRecord record;
    for (;;) {
      const auto took = results.take(record, std::chrono::milliseconds(100));
      if (took == ResultWindow<BatchRecord>::Take::kEnd) break;
      if (took == ResultWindow<BatchRecord>::Take::kTimeout) {
        report.tick();
        sink->idle();
        continue;
      }
      if (!record.skipped && !record.sha256.empty() &&
          !written.insert(key_hash(record)).second)
        record.skipped = true;  // the same file named twice
      sink->write(record);
      report.add(record);
      if (!args.quiet && (record.failed() || record.error_diagnostics)) {
        if (tty) std::cerr << "\r\033[K";
        std::cerr << "vnlegal batch: " << record.path << ": "
                  << record.error_message << "\n";
      }
      record = BatchRecord();
    }
    if (!stop) sink->finish();
  } catch (const std::exception& e) {
    fatal = e.what();
  }
  if (!fatal.empty()) {
    stop = true;
    queue.cancel();
    results.cancel();
    for (std::thread& t : workers) t.join();
    // The walker may be blocked reading names from stdin: do not wait for
    // it. What was written is durable (records flushed, transactions
    // committed), so leaving without unwinding loses nothing.
    report.finish();
    std::cerr << "vnlegal batch: " << fatal
              << " (the partial output is kept: run again with --resume)\n";
    std::fflush(nullptr);
    std::_Exit(1);
  }
  producer.join();
  for (std::thread& t : workers) t.join();
  stop = true;
  if (counter.joinable()) counter.join();

  report.cpu_workers = workers_cpu;
  report.cpu_writer = thread_cpu_seconds();
  report.cpu_walker = walker_cpu;
  report.jobs = jobs;
  const std::string summary = report.finish();
  const BatchTotals& t = report.totals();
  if (t.failed || t.with_errors) status = 1;
  if ((tty || args.summary) && !args.quiet) std::cerr << summary;
  return status;
}

}  // namespace vnlegal::cli
