// Hostile sizes (docs/fuzzing.md): one line of 5 and 50 MB, and 100 000
// article headings, through the whole parse(). The bytes/s of the two line
// sizes should match (linear time); tests/unit/hostile_test.cc checks the
// results on the 5 MB line only.
//
//   build/bench/vnlegal_bench --benchmark_filter=Hostile
#include <benchmark/benchmark.h>

#include <string>

#include "vnlegal/vnlegal.h"

namespace vnlegal::bench {
namespace {

std::string one_line(size_t bytes) {
  std::string line;
  line.reserve(bytes + 64);
  while (line.size() < bytes)
    line += "Căn cứ Nghị định số 12/2020/NĐ-CP ngày 1/1/2020 và ";
  return line;
}

void BM_HostileOneLine(benchmark::State& state) {
  const std::string line = one_line(static_cast<size_t>(state.range(0)) << 20);
  for (auto _ : state) {
    Document doc = parse(line);
    benchmark::DoNotOptimize(doc.text.data());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(line.size()));
}
BENCHMARK(BM_HostileOneLine)
    ->Arg(5)
    ->Arg(50)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_HostileHeadings(benchmark::State& state) {
  std::string text;
  for (int i = 1; i <= 100'000; ++i)
    text += "Điều " + std::to_string(i) + ". Nội dung\n";
  for (auto _ : state) {
    Document doc = parse(text);
    benchmark::DoNotOptimize(doc.nodes.data());
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_HostileHeadings)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace vnlegal::bench
