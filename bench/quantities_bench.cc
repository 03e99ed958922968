// Throughput of extract_quantities on the text of the bundled corpus
// (corpus/docs/*.txt and *.md, normalized and segmented as in parse()).
// Reports bytes/second over the whole corpus.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vnlegal/extract.h"
#include "vnlegal/normalize.h"
#include "vnlegal/segment.h"

namespace {

std::filesystem::path corpus_dir() {
  // bench/quantities_bench.cc -> <repo>/corpus/docs
  return std::filesystem::path(__FILE__).parent_path().parent_path() /
         "corpus" / "docs";
}

std::vector<vnlegal::Document> load_corpus() {
  std::vector<vnlegal::Document> docs;
  std::error_code ec;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(corpus_dir(), ec)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".md") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    vnlegal::Normalized norm = vnlegal::normalize(buf.str());
    vnlegal::Document doc;
    doc.text = std::move(norm.text);
    doc.offsets = std::move(norm.map);
    vnlegal::segment(doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_ExtractQuantitiesCorpus(benchmark::State& state) {
  std::vector<vnlegal::Document> docs = load_corpus();
  if (docs.empty()) {
    state.SkipWithError("corpus/docs not found");
    return;
  }
  size_t bytes = 0, found = 0;
  for (const auto& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    for (auto& d : docs) {
      vnlegal::extract_quantities(d);
      found += d.quantities.size();
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["corpus_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ExtractQuantitiesCorpus)->Unit(benchmark::kMillisecond);

// A long plan-style document made of repeated target passages: the cost per
// byte where figures are dense.
void BM_ExtractQuantitiesDenseTargets(benchmark::State& state) {
  const std::string passage =
      "II. MỤC TIÊU CỦA KẾ HOẠCH\n"
      "- Chỉ tiêu 1: Năm 2025 đạt 60% các cơ quan quản lý nhà nước có lãnh "
      "đạo chủ chốt là nữ.\n"
      "- Chỉ tiêu 2: Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt ít "
      "nhất 27% vào năm 2025.\n"
      "Thu ngân sách nhà nước trên địa bàn phấn đấu đạt trên 4.000 tỷ đồng; "
      "phấn đấu đến hết năm 2020 không còn hộ nghèo; ngày 16/12/2019, "
      "Nghị quyết số 27/NQ-HĐND.\n\n";
  vnlegal::Document doc;
  while (doc.text.size() < (1u << 20)) doc.text += passage;
  doc.offsets =
      vnlegal::OffsetMap::identity(static_cast<uint32_t>(doc.text.size()));
  vnlegal::segment(doc);
  for (auto _ : state) {
    vnlegal::extract_quantities(doc);
    benchmark::DoNotOptimize(doc.quantities.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_ExtractQuantitiesDenseTargets)->Unit(benchmark::kMillisecond);

}  // namespace
