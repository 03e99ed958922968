// The pipeline: read (container + encoding) -> normalize -> segment ->
// extract. Each stage is also callable on its own.
#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "model/root.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

// Re-bases diagnostics located in an intermediate text onto the final text:
// their spans are dropped (set empty) since the intermediate offsets no
// longer apply, but their message is kept.
void move_diagnostics(Diagnostics& from, Diagnostics& to) {
  for (Diagnostic& d : from) {
    d.span = {};
    to.push_back(std::move(d));
  }
}

// Options::time_budget_seconds: checked between stages, since a stage
// cannot be stopped safely halfway.
class Budget {
 public:
  explicit Budget(double seconds)
      : seconds_(seconds), start_(std::chrono::steady_clock::now()) {}
  // True when the budget is spent; the first time, says which stage is
  // skipped.
  bool spent(Document& doc, const char* next_stage) {
    if (seconds_ <= 0) return false;
    if (spent_) return true;
    const std::chrono::duration<double> elapsed =
        std::chrono::steady_clock::now() - start_;
    if (elapsed.count() < seconds_) return false;
    spent_ = true;
    doc.diagnostics.push_back(
        {"time-budget-exceeded",
         Severity::kError,
         "the time budget of " + std::to_string(seconds_) +
             " s was spent; skipped from " + next_stage + " on",
         {}});
    return true;
  }

 private:
  double seconds_;
  std::chrono::steady_clock::time_point start_;
  bool spent_ = false;
};

}  // namespace

const char* version() { return "0.1.0"; }

void keep_freed_memory() {
#if defined(__GLIBC__)
  constexpr int kBytes = 64 << 20;
  mallopt(M_TRIM_THRESHOLD, kBytes);
  mallopt(M_MMAP_THRESHOLD, kBytes);
#endif
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

Document parse(std::string_view bytes, const Options& options,
               std::string_view path_hint) {
  Document doc;
  Budget budget(options.time_budget_seconds);
  doc.source.path = std::string(path_hint);
  doc.source.size = bytes.size();
  doc.source.sha256 = sha256_hex(bytes);
  if (bytes.size() > options.max_input_bytes) {
    doc.diagnostics.push_back({"input-too-large",
                               Severity::kError,
                               "input of " + std::to_string(bytes.size()) +
                                   " bytes truncated to the limit of " +
                                   std::to_string(options.max_input_bytes),
                               {}});
    bytes = bytes.substr(0, options.max_input_bytes);
  }
  if (bytes.empty())
    doc.diagnostics.push_back(
        {"empty-input", Severity::kWarning, "the input is empty", {}});

  ReadResult read = read_document(bytes, path_hint, options);
  doc.source.format = read.format;
  doc.source.encoding = read.encoding;
  move_diagnostics(read.diagnostics, doc.diagnostics);

  if (budget.spent(doc, "normalization")) {
    // The read (not normalized) text stands in, so that the document still
    // holds its content and a consistent offset map.
    doc.text = std::move(read.text);
    doc.offsets = std::move(read.map);
    internal::reset_to_root(doc);
    return doc;
  }
  Normalized norm = normalize(read.text, options.normalize);
  doc.text = std::move(norm.text);
  doc.offsets = read.map.then(norm.map);
  doc.emphasis = std::move(norm.emphasis);
  for (Diagnostic& d : norm.diagnostics)
    doc.diagnostics.push_back(std::move(d));

  if (budget.spent(doc, "segmentation")) {
    internal::reset_to_root(doc);
    return doc;
  }
  segment(doc);
  if (options.extract_references && !budget.spent(doc, "references"))
    extract_references(doc);
  if (options.extract_quantities && !budget.spent(doc, "quantities"))
    extract_quantities(doc);
  return doc;
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(path + " is a directory");
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw Error("cannot open " + path);
  const std::streamoff size = in.tellg();
  std::string data;
  if (size > 0) {
    data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
    if (!in) throw Error("cannot read " + path);
  } else {
    // Special files report no size: read what there is.
    in.clear();
    in.seekg(0);
    data.assign(std::istreambuf_iterator<char>(in),
                std::istreambuf_iterator<char>());
  }
  return data;
}

Document parse_file(const std::string& path, const Options& options) {
  const std::string bytes = read_file(path);
  return parse(bytes, options, path);
}

}  // namespace vnlegal
