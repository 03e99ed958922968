// The benchmark inputs: the text documents of a corpus folder (the formats
// whose reader is plain text decoding), loaded once.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "vnlegal/vnlegal.h"

namespace vnlegal::bench {

struct CorpusDocument {
  std::string path;
  std::string bytes;
};

inline bool is_text_name(const std::string& name) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return name.size() >= e.size() &&
           name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".txt") || ends(".md");
}

inline std::vector<CorpusDocument> load_text_corpus(const std::string& dir) {
  std::vector<CorpusDocument> docs;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string p = it->path().string();
    if (it->is_regular_file() && is_text_name(p))
      docs.push_back({p, read_file(p)});
  }
  std::sort(docs.begin(), docs.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return docs;
}

// Pattern of the baseline: one RE2 regular expression scanning every byte,
// here the shape of a document number ("61/2018/NĐ-CP").
constexpr const char* kBaselinePattern =
    R"((\d+)/(\d{4})/([A-ZĐ]+(?:-[A-ZĐ]+)*))";

}  // namespace vnlegal::bench
