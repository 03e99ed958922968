// Progress bar and final summary of `vnlegal batch` (on standard error).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "cli/batch_sink.h"

namespace vnlegal::cli {

struct BatchTotals {
  uint64_t inputs = 0;       // records taken from the workers
  uint64_t documents = 0;    // documents written
  uint64_t failed = 0;       // error records (unreadable, parse failed)
  uint64_t with_errors = 0;  // documents with a diagnostic of severity error
  uint64_t skipped = 0;      // already in the output (--resume) or repeated
  uint64_t bytes = 0;        // input bytes read
  uint64_t references = 0;
  uint64_t targets = 0;
  std::map<std::string, uint64_t> types;  // metadata.type -> documents
};

class BatchReport {
 public:
  // `progress`: draw a bar (stderr is a terminal).
  explicit BatchReport(bool progress);

  void add(const BatchRecord& record);
  // Redraws the bar if enough time has passed.
  void tick();
  // Inputs and bytes still being counted by another thread, for the ETA.
  std::atomic<uint64_t> expected_inputs{0}, expected_bytes{0};
  std::atomic<bool> expected_final{false};

  // CPU seconds per role, for the summary: independent of how busy the
  // machine is, they show what limits the speed-up with more jobs.
  double cpu_workers = 0, cpu_writer = 0, cpu_walker = 0;
  int jobs = 1;

  const BatchTotals& totals() const { return totals_; }
  double seconds() const;
  // Clears the bar; returns the summary text.
  std::string finish();

 private:
  void draw();
  bool progress_;
  BatchTotals totals_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

// CPU time of the calling thread, in seconds.
double thread_cpu_seconds();
// Peak resident memory of this process so far, in bytes.
uint64_t peak_rss_bytes();

}  // namespace vnlegal::cli
