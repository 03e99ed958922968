// JSON Lines output, appended to "<out>.partial" through a large buffer that
// is flushed every 100 ms (and whenever the inputs stall). A killed batch
// leaves a prefix of the output: complete lines plus at most one torn line.
// Records still in the buffer were not written, so --resume does them again:
// it drops the torn line (and error records, to retry them), continues
// appending, and checks the whole file before publishing it.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/batch_sink.h"
#include "vnlegal/diagnostics.h"

namespace vnlegal::cli {
namespace {

using Json = nlohmann::ordered_json;

// The resume key of one line, "" for an error record, nullopt when the line
// is not a complete record.
std::optional<std::string> line_key(const std::string& line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("source") || !j["source"].is_object())
    return std::nullopt;
  const Json& source = j["source"];
  if (j.contains("error")) return std::string();
  if (!source.contains("sha256") || !source["sha256"].is_string() ||
      !source.contains("path") || !source["path"].is_string())
    return std::nullopt;
  return resume_key(source["sha256"].get<std::string>(),
                    source["path"].get<std::string>());
}

class JsonlSink : public Sink {
 public:
  JsonlSink(std::string path, bool resume) : path_(std::move(path)) {
    if (path_ == "-") {
      out_ = stdout;
      return;
    }
    partial_ = path_ + ".partial";
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string previous;
    if (resume) {
      if (fs::exists(partial_, ec))
        previous = partial_;
      else if (fs::exists(path_, ec))
        previous = path_;
    }
    if (!previous.empty()) {
      resumed_ = true;
      carry_over(previous);
      out_ = std::fopen(partial_.c_str(), "ab");
    } else {
      out_ = std::fopen(partial_.c_str(), "wb");
    }
    if (!out_) throw Error("cannot write " + partial_);
    std::setvbuf(out_, nullptr, _IOFBF, 1 << 20);
  }
  ~JsonlSink() override {
    if (out_ && out_ != stdout) std::fclose(out_);
  }

  const std::unordered_set<std::string>& done() const override { return done_; }
  bool wants_document() const override { return false; }

  void write(const BatchRecord& record) override {
    if (record.skipped) return;
    std::string error_line;
    if (record.failed()) error_line = error_record_json(record);
    const std::string& line = record.failed() ? error_line : record.json_line;
    if (std::fwrite(line.data(), 1, line.size(), out_) != line.size() ||
        std::fputc('\n', out_) == EOF)
      throw Error("cannot write " + (partial_.empty() ? path_ : partial_));
    ++lines_;
    idle();
  }

  void idle() override {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_flush_ < std::chrono::milliseconds(100)) return;
    last_flush_ = now;
    if (std::fflush(out_) != 0)
      throw Error("cannot write " + (partial_.empty() ? path_ : partial_));
    start_writeback();
  }

  void finish() override {
    if (out_ == stdout) {
      std::fflush(stdout);
      return;
    }
    if (std::fflush(out_) != 0 || fsync(fileno(out_)) != 0) {
      throw Error("cannot write " + partial_);
    }
    std::fclose(out_);
    out_ = nullptr;
    if (resumed_) check();
    if (std::rename(partial_.c_str(), path_.c_str()) != 0)
      throw Error("cannot rename " + partial_ + " to " + path_);
  }

 private:
  // Hands what was flushed to the disk now rather than all of it in the
  // final fsync: the writes overlap the parsing, and the wait at the end is
  // for the last few megabytes only. Asynchronous; failures show at fsync.
  void start_writeback() {
    if (out_ == stdout) return;
    const off_t end = ftello(out_);
    if (end < 0 || end - synced_ < (off_t{4} << 20)) return;
    sync_file_range(fileno(out_), synced_, end - synced_,
                    SYNC_FILE_RANGE_WRITE);
    synced_ = end;
  }

  // Copies the complete document records of `previous` into a fresh partial
  // file (written aside and renamed, so a crash here loses nothing).
  void carry_over(const std::string& previous) {
    std::ifstream in(previous, std::ios::binary);
    if (!in) throw Error("cannot read " + previous);
    const std::string tmp = partial_ + ".tmp";
    std::FILE* out = std::fopen(tmp.c_str(), "wb");
    if (!out) throw Error("cannot write " + tmp);
    std::string line;
    while (std::getline(in, line)) {
      // A line without its '\n' is the torn end of an interrupted write.
      if (in.eof()) break;
      std::optional<std::string> key = line_key(line);
      if (!key || key->empty() || !done_.insert(*key).second) continue;
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
      ++lines_;
    }
    const bool ok = std::fflush(out) == 0 && fsync(fileno(out)) == 0;
    std::fclose(out);
    if (!ok || std::rename(tmp.c_str(), partial_.c_str()) != 0)
      throw Error("cannot write " + partial_);
  }

  // After a resume: every line a complete record, no document twice, as
  // many lines as were carried over and written.
  void check() const {
    std::ifstream in(partial_, std::ios::binary);
    std::unordered_set<std::string> seen;
    std::string line;
    uint64_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::optional<std::string> key = line_key(line);
      if (!key)
        throw Error(partial_ + ": line " + std::to_string(n) +
                    " is not a complete record");
      if (!key->empty() && !seen.insert(*key).second)
        throw Error(partial_ + ": line " + std::to_string(n) +
                    " repeats a document");
    }
    if (n != lines_)
      throw Error(partial_ + ": " + std::to_string(n) + " lines, expected " +
                  std::to_string(lines_));
  }

  std::string path_, partial_;
  std::FILE* out_ = nullptr;
  std::chrono::steady_clock::time_point last_flush_;
  bool resumed_ = false;
  off_t synced_ = 0;  // bytes already handed to the disk
  uint64_t lines_ = 0;
  std::unordered_set<std::string> done_;
};

}  // namespace

std::string compact_json(const std::string& json) {
  return Json::parse(json).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string error_record_json(const BatchRecord& record) {
  Json j;
  j["schema_version"] = "1";
  Json source;
  source["path"] = record.path;
  source["format"] = nullptr;
  source["encoding"] = nullptr;
  source["sha256"] =
      record.sha256.empty() ? Json(nullptr) : Json(record.sha256);
  source["size"] = record.size;
  j["source"] = std::move(source);
  j["error"] = {{"code", record.error_code}, {"message", record.error_message}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::unique_ptr<Sink> open_jsonl_sink(const std::string& path, bool resume) {
  return std::make_unique<JsonlSink>(path, resume);
}

}  // namespace vnlegal::cli
