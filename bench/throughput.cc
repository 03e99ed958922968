// vnlegal_throughput: MB/s of each pipeline stage and end to end over a
// corpus folder's text documents, replicated until at least --min-mb
// megabytes have gone through, against a baseline measured in the same run
// (one RE2 pattern scanning the same bytes). Reports peak memory too.
// Stages are timed in CPU time of the thread (the machines are shared: wall
// time would measure the neighbours); end to end is given in both.
//
//   build/bench/vnlegal_throughput corpus/docs --min-mb 100 [--nfd] [--json]
//
// --nfd decomposes every document (ICU NFD) before the run: the input of
// archives typed with decomposed marks, which the normalizer recomposes.
#include <re2/re2.h>
#include <sys/resource.h>
#include <time.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "corpus.h"

namespace {

using vnlegal::bench::CorpusDocument;

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
double since(double start) { return cpu_now() - start; }
double wall_now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Stage {
  const char* name;
  double seconds = 0;
};

}  // namespace

int main(int argc, char** argv) {
  vnlegal::keep_freed_memory();  // as the command-line tool does
  std::string dir;
  double min_mb = 100;
  bool as_json = false;
  bool nfd = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--min-mb") && i + 1 < argc)
      min_mb = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--json"))
      as_json = true;
    else if (!std::strcmp(argv[i], "--nfd"))
      nfd = true;
    else if (argv[i][0] != '-')
      dir = argv[i];
    else {
      std::fprintf(
          stderr,
          "usage: vnlegal_throughput DIR [--min-mb N] [--nfd] [--json]\n");
      return 2;
    }
  }
  if (dir.empty()) {
    std::fprintf(
        stderr,
        "usage: vnlegal_throughput DIR [--min-mb N] [--nfd] [--json]\n");
    return 2;
  }
  std::vector<CorpusDocument> corpus = vnlegal::bench::load_text_corpus(dir);
  if (nfd) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* decompose =
        icu::Normalizer2::getNFDInstance(status);
    for (CorpusDocument& d : corpus) {
      std::string out;
      icu::StringByteSink<std::string> sink(&out);
      decompose->normalizeUTF8(
          0,
          icu::StringPiece(d.bytes.data(),
                           static_cast<int32_t>(d.bytes.size())),
          sink, nullptr, status);
      if (U_SUCCESS(status)) d.bytes = std::move(out);
    }
  }
  uint64_t corpus_bytes = 0;
  for (const CorpusDocument& d : corpus) corpus_bytes += d.bytes.size();
  if (corpus_bytes == 0) {
    std::fprintf(stderr, "vnlegal_throughput: no .txt or .md files in %s\n",
                 dir.c_str());
    return 1;
  }
  // The corpus is replicated by going through it several times (not by
  // copying it), so that memory reflects one document at a time.
  const uint64_t passes = std::max<uint64_t>(
      1, static_cast<uint64_t>(min_mb * 1e6 / corpus_bytes + 0.999));
  const double total_mb = static_cast<double>(passes * corpus_bytes) / 1e6;

  enum {
    kRead,
    kNormalize,
    kSegment,
    kReferences,
    kQuantities,
    kJson,
    kJsonLine
  };
  Stage stages[] = {
      {"read+decode"},        {"normalize"},          {"segment"},
      {"extract references"}, {"extract quantities"}, {"JSON export"},
      {"JSON Lines record"}};
  vnlegal::Options options;
  uint64_t nodes = 0, refs = 0, quantities = 0, json_bytes = 0;
  for (uint64_t pass = 0; pass < passes; ++pass) {
    for (const CorpusDocument& in : corpus) {
      double t = cpu_now();
      vnlegal::ReadResult read =
          vnlegal::read_document(in.bytes, in.path, options);
      stages[kRead].seconds += since(t);
      t = cpu_now();
      vnlegal::Normalized norm =
          vnlegal::normalize(read.text, options.normalize);
      stages[kNormalize].seconds += since(t);
      vnlegal::Document doc;
      doc.text = std::move(norm.text);
      t = cpu_now();
      vnlegal::segment(doc);
      stages[kSegment].seconds += since(t);
      t = cpu_now();
      vnlegal::extract_references(doc);
      stages[kReferences].seconds += since(t);
      t = cpu_now();
      vnlegal::extract_quantities(doc);
      stages[kQuantities].seconds += since(t);
      t = cpu_now();
      const std::string json = vnlegal::to_json(doc, /*include_text=*/true);
      stages[kJson].seconds += since(t);
      t = cpu_now();
      vnlegal::JsonOptions line_options;  // as `vnlegal batch -o out.jsonl`
      line_options.compact = true;
      const std::string line = vnlegal::to_json(doc, line_options);
      stages[kJsonLine].seconds += since(t);
      nodes += doc.nodes.size();
      refs += doc.references.size();
      quantities += doc.quantities.size();
      json_bytes += line.size();
    }
  }

  // End to end as a user calls it: parse() (hashing, reading, every stage)
  // and the JSON export with the text, as `vnlegal parse` writes it.
  double t = cpu_now();
  const double wall = wall_now();
  for (uint64_t pass = 0; pass < passes; ++pass)
    for (const CorpusDocument& in : corpus) {
      const vnlegal::Document doc = vnlegal::parse(in.bytes, options, in.path);
      const std::string json = vnlegal::to_json(doc, /*include_text=*/true);
      json_bytes += json.empty();
    }
  const double end_to_end = since(t);
  const double end_to_end_wall = wall_now() - wall;

  const RE2 baseline(vnlegal::bench::kBaselinePattern);
  uint64_t matches = 0;
  t = cpu_now();
  for (uint64_t pass = 0; pass < passes; ++pass)
    for (const CorpusDocument& in : corpus) {
      re2::StringPiece rest(in.bytes);
      while (RE2::FindAndConsume(&rest, baseline)) ++matches;
    }
  const double baseline_s = since(t);

  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  const double peak_mb = usage.ru_maxrss / 1024.0;
  const double baseline_mbs = total_mb / baseline_s;

  if (as_json) {
    nlohmann::ordered_json j;
    j["corpus_files"] = corpus.size();
    j["input_form"] = nfd ? "NFD" : "as stored (NFC)";
    j["corpus_mb"] = corpus_bytes / 1e6;
    j["passes"] = passes;
    j["total_mb"] = total_mb;
    j["baseline_pattern"] = vnlegal::bench::kBaselinePattern;
    j["baseline_mb_s"] = baseline_mbs;
    for (const Stage& s : stages)
      j["stages_mb_s"][s.name] = total_mb / s.seconds;
    j["end_to_end_mb_s"] = total_mb / end_to_end;
    j["end_to_end_wall_mb_s"] = total_mb / end_to_end_wall;
    j["peak_rss_mb"] = peak_mb;
    std::printf("%s\n", j.dump(1).c_str());
    return 0;
  }
  std::printf("corpus: %zu text files%s, %.2f MB, %llu passes = %.1f MB\n",
              corpus.size(), nfd ? " in NFD" : "", corpus_bytes / 1e6,
              static_cast<unsigned long long>(passes), total_mb);
  std::printf("found: %llu nodes, %llu references, %llu quantities per pass\n",
              static_cast<unsigned long long>(nodes / passes),
              static_cast<unsigned long long>(refs / passes),
              static_cast<unsigned long long>(quantities / passes));
  std::printf("baseline pattern: %s\n", vnlegal::bench::kBaselinePattern);
  std::printf("%-24s %10s %12s %10s\n", "stage (CPU time)", "MB/s",
              "x baseline", "seconds");
  double staged = 0;
  for (const Stage& s : stages) {
    staged += s.seconds;
    std::printf("%-24s %10.1f %12.3f %10.3f\n", s.name, total_mb / s.seconds,
                (total_mb / s.seconds) / baseline_mbs, s.seconds);
  }
  std::printf("%-24s %10.1f %12.3f %10.3f\n", "stages together",
              total_mb / staged, (total_mb / staged) / baseline_mbs, staged);
  std::printf("%-24s %10.1f %12.3f %10.3f\n", "end to end (parse+JSON)",
              total_mb / end_to_end, (total_mb / end_to_end) / baseline_mbs,
              end_to_end);
  std::printf("%-24s %10.1f %12.3f %10.3f\n", "  same, wall clock",
              total_mb / end_to_end_wall,
              (total_mb / end_to_end_wall) / baseline_mbs, end_to_end_wall);
  std::printf("%-24s %10.1f %12.3f %10.3f   (%llu matches)\n",
              "baseline: one RE2", baseline_mbs, 1.0, baseline_s,
              static_cast<unsigned long long>(matches));
  std::printf("peak memory: %.1f MB\n", peak_mb);
  return 0;
}
