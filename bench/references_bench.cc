// Throughput of reference extraction on the bundled corpus (text and
// markdown documents concatenated, NFC as the pipeline delivers it), alone
// and inside the whole `parse` pipeline with extraction on and off.
#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vnlegal/extract.h"
#include "vnlegal/vnlegal.h"

namespace {

std::string nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString out = n->normalize(u, status);
  std::string r;
  out.toUTF8String(r);
  return U_SUCCESS(status) ? r : s;
}

// About 1.5 MB: the corpus' text documents, repeated.
const std::string& corpus_text() {
  static const std::string text = [] {
    namespace fs = std::filesystem;
    fs::path dir =
        fs::path(__FILE__).parent_path().parent_path() / "corpus" / "docs";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string ext = e.path().extension().string();
      if (ext == ".txt" || ext == ".md") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      all += nfc(ss.str());
      all += "\n\n";
    }
    if (all.empty())
      all = "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018.\n";
    std::string out;
    while (out.size() < (3u << 19)) out += all;
    return out;
  }();
  return text;
}

vnlegal::Document prepared() {
  vnlegal::Document doc;
  doc.text = corpus_text();
  vnlegal::Node root;
  root.kind = vnlegal::NodeKind::kDocument;
  root.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.nodes.push_back(root);
  return doc;
}

void BM_ExtractReferences(benchmark::State& state) {
  vnlegal::Document doc = prepared();
  for (auto _ : state) {
    vnlegal::extract_references(doc);
    benchmark::DoNotOptimize(doc.references.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text.size()));
  state.counters["refs"] = static_cast<double>(doc.references.size());
}
BENCHMARK(BM_ExtractReferences)->Unit(benchmark::kMillisecond);

void BM_ParsePipeline(benchmark::State& state) {
  const std::string& text = corpus_text();
  vnlegal::Options options;
  options.extract_references = state.range(0) != 0;
  options.extract_quantities = false;
  for (auto _ : state) {
    vnlegal::Document doc = vnlegal::parse(text, options, "corpus.txt");
    benchmark::DoNotOptimize(doc.references.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.SetLabel(options.extract_references ? "references on"
                                            : "references off");
}
BENCHMARK(BM_ParsePipeline)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
