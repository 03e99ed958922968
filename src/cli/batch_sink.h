// What a batch worker hands to the writer, and the writers (sinks).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "vnlegal/document.h"

namespace vnlegal::cli {

struct BatchRecord {
  uint64_t seq = 0;
  std::string path;
  uint64_t size = 0;
  std::string sha256;    // empty when the input could not be read
  bool skipped = false;  // --resume: already in the output
  // Error records: the input could not be read or parsed.
  std::string error_code;
  std::string error_message;
  bool failed() const { return !error_code.empty(); }

  std::string json_line;        // JSON Lines sink: one line, no '\n'
  std::optional<Document> doc;  // SQLite sink
  // For the summary.
  std::string type;  // metadata.type, empty when unknown
  size_t references = 0;
  size_t targets = 0;
  bool error_diagnostics = false;  // a diagnostic of severity error
};

// Key of a document already written, for --resume: the content hash and the
// path, so that copies of one file under two names are both kept.
inline std::string resume_key(const std::string& sha256,
                              const std::string& path) {
  return sha256 + '\t' + path;
}

// Output is built in "<out>.partial" and renamed to "<out>" by finish(), so
// that "<out>" is never half-written. With resume, an existing partial file
// (an interrupted batch) or else an existing "<out>" (a finished one) is
// continued: error records in it are dropped so that those inputs are tried
// again, and the keys of its documents are returned by done().
class Sink {
 public:
  virtual ~Sink() = default;
  virtual const std::unordered_set<std::string>& done() const = 0;
  // Whether write() needs BatchRecord::doc (else json_line).
  virtual bool wants_document() const = 0;
  virtual void write(const BatchRecord& record) = 0;
  // Called when no record came for a while (inputs stalled): makes what was
  // written durable, so that a stall never holds finished work hostage.
  virtual void idle() {}
  // Makes everything durable and publishes the output. Throws vnlegal::Error
  // if the output fails its consistency check (left in place for a resume).
  virtual void finish() = 0;
};

// Both throw vnlegal::Error when the output cannot be created.
std::unique_ptr<Sink> open_jsonl_sink(const std::string& path, bool resume);
std::unique_ptr<Sink> open_sqlite_sink(const std::string& path, bool resume,
                                       bool with_text);

// The error record of JSON Lines output.
std::string error_record_json(const BatchRecord& record);
// to_json() output compacted onto one line (no trailing newline).
std::string compact_json(const std::string& json);

}  // namespace vnlegal::cli
