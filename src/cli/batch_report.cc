#include "cli/batch_report.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace vnlegal::cli {
namespace {

std::string format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

std::string duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
                  s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

uint64_t peak_rss_bytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux: kilobytes
}

BatchReport::BatchReport(bool progress)
    : progress_(progress), start_(std::chrono::steady_clock::now()) {}

double BatchReport::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start_)
      .count();
}

void BatchReport::add(const BatchRecord& r) {
  ++totals_.inputs;
  totals_.bytes += r.size;
  if (r.skipped) {
    ++totals_.skipped;
  } else if (r.failed()) {
    ++totals_.failed;
  } else {
    ++totals_.documents;
    totals_.with_errors += r.error_diagnostics;
    totals_.references += r.references;
    totals_.targets += r.targets;
    ++totals_.types[r.type.empty() ? "(unknown type)" : r.type];
  }
  tick();
}

void BatchReport::tick() {
  if (!progress_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw();
}

void BatchReport::draw() {
  const double t = seconds();
  const double mb = totals_.bytes / 1e6;
  const double rate = t > 0 ? mb / t : 0;
  const uint64_t total = expected_inputs.load();
  const bool known = expected_final.load();
  std::string line;
  if (known && total > 0) {
    const double frac =
        std::min(1.0, static_cast<double>(totals_.inputs) / total);
    const int width = 24, fill = static_cast<int>(frac * width);
    line = "[" + std::string(fill, '#') + std::string(width - fill, '.') + "] ";
    line +=
        std::to_string(totals_.inputs) + "/" + std::to_string(total) + " files";
  } else {
    line = std::to_string(totals_.inputs) + " files";
  }
  line += format("  %.1f MB  %.1f MB/s", mb, rate);
  if (known && rate > 0 && expected_bytes.load() > totals_.bytes)
    line += "  ETA " +
            duration((expected_bytes.load() - totals_.bytes) / 1e6 / rate);
  if (totals_.failed) line += "  " + std::to_string(totals_.failed) + " failed";
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

std::string BatchReport::finish() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  const BatchTotals& s = totals_;
  const double t = seconds();
  std::string out = "vnlegal batch: " + std::to_string(s.inputs) + " inputs, " +
                    format("%.1f MB in %.2f s (%.1f MB/s)\n", s.bytes / 1e6, t,
                           t > 0 ? s.bytes / 1e6 / t : 0);
  out += "  documents: " + std::to_string(s.documents) + "\n";
  std::vector<std::pair<uint64_t, std::string>> types;
  for (const auto& [type, n] : s.types) types.emplace_back(n, type);
  std::sort(types.begin(), types.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [n, type] : types)
    out += format("    %6.0f  ", static_cast<double>(n)) + type + "\n";
  out += "  failed inputs: " + std::to_string(s.failed) +
         ", documents with errors: " + std::to_string(s.with_errors) + "\n";
  if (s.skipped)
    out += "  skipped (already in the output): " + std::to_string(s.skipped) +
           "\n";
  out += "  references: " + std::to_string(s.references) +
         ", targets: " + std::to_string(s.targets) + "\n";
  out +=
      format("  CPU: %.2f s in workers, %.2f s writing, %.2f s listing inputs",
             cpu_workers, cpu_writer, cpu_walker) +
      " (" + std::to_string(jobs) + " jobs)\n";
  out += format("  peak memory: %.1f MB\n", peak_rss_bytes() / 1e6);
  return out;
}

}  // namespace vnlegal::cli
