// Google Benchmark, one benchmark per pipeline stage over the corpus text
// documents (VNLEGAL_CORPUS to use another folder). Each stage starts from
// the previous stage's output prepared beforehand, and only the stage's own
// call is timed (manual time: CPU time of the thread, since the machines are
// shared), so the copies that set it up do not count.
//
//   build/bench/vnlegal_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <time.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "corpus.h"

namespace vnlegal::bench {
namespace {

struct Prepared {
  std::vector<CorpusDocument> inputs;
  std::vector<ReadResult> read;
  std::vector<Document> normalized;  // text only, before segmentation
  std::vector<Document> segmented;
  std::vector<Document> parsed;  // every stage
  std::vector<std::string> json;
  int64_t bytes = 0;
};

const Prepared& prepared() {
  static const Prepared p = [] {
    Prepared p;
    const char* dir = std::getenv("VNLEGAL_CORPUS");
    p.inputs = load_text_corpus(dir ? dir : VNLEGAL_CORPUS_DIR);
    for (const CorpusDocument& in : p.inputs) {
      p.bytes += static_cast<int64_t>(in.bytes.size());
      p.read.push_back(read_document(in.bytes, in.path));
      Document doc;
      doc.text = normalize(p.read.back().text).text;
      p.normalized.push_back(doc);
      segment(doc);
      p.segmented.push_back(doc);
      p.parsed.push_back(parse(in.bytes, {}, in.path));
      p.json.push_back(to_json(p.parsed.back()));
    }
    return p;
  }();
  return p;
}

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Runs `stage` on every document per iteration, timing only `stage`.
template <typename Setup, typename Stage>
void run(benchmark::State& state, Setup setup, Stage stage) {
  const Prepared& p = prepared();
  for (auto _ : state) {
    double seconds = 0;
    for (size_t i = 0; i < p.inputs.size(); ++i) {
      auto input = setup(p, i);
      const double start = cpu_now();
      benchmark::DoNotOptimize(stage(input));
      seconds += cpu_now() - start;
    }
    state.SetIterationTime(seconds);
  }
  state.SetBytesProcessed(state.iterations() * p.bytes);
}

void BM_ReadDecode(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return &p.inputs[i]; },
      [](const CorpusDocument* in) {
        return read_document(in->bytes, in->path).text.size();
      });
}

void BM_Normalize(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return &p.read[i].text; },
      [](const std::string* text) { return normalize(*text).text.size(); });
}

void BM_Segment(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return p.normalized[i]; },
      [](Document& doc) {
        segment(doc);
        return doc.nodes.size();
      });
}

void BM_ExtractReferences(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return p.segmented[i]; },
      [](Document& doc) {
        extract_references(doc);
        return doc.references.size();
      });
}

void BM_ExtractQuantities(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return p.segmented[i]; },
      [](Document& doc) {
        extract_quantities(doc);
        return doc.quantities.size();
      });
}

void BM_JsonExport(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return &p.parsed[i]; },
      [](const Document* doc) { return to_json(*doc).size(); });
}

// What `vnlegal batch -o out.jsonl` adds: the object compacted onto a line.
void BM_JsonLinesRecord(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return &p.json[i]; },
      [](const std::string* json) {
        return nlohmann::ordered_json::parse(*json).dump().size();
      });
}

void BM_ParseEndToEnd(benchmark::State& state) {
  run(
      state, [](const Prepared& p, size_t i) { return &p.inputs[i]; },
      [](const CorpusDocument* in) {
        return to_json(parse(in->bytes, {}, in->path)).size();
      });
}

// The yardstick of DESIGN.md's budget: one RE2 pattern over the same bytes.
void BM_Re2Baseline(benchmark::State& state) {
  static const RE2 pattern(kBaselinePattern);
  run(
      state, [](const Prepared& p, size_t i) { return &p.inputs[i].bytes; },
      [](const std::string* bytes) {
        re2::StringPiece rest(*bytes);
        int n = 0;
        while (RE2::FindAndConsume(&rest, pattern)) ++n;
        return n;
      });
}

BENCHMARK(BM_ReadDecode)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Normalize)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Segment)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractReferences)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractQuantities)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonExport)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonLinesRecord)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseEndToEnd)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Re2Baseline)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vnlegal::bench
