// Lines for the tests that check a hand-written line matcher against the
// RE2 pattern it stands for: every line of the corpus, and random lines made
// of the pattern's pieces and near misses.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace vnlegal::test_lines {

// Calls fn(line) on every line of the corpus documents until a fatal
// failure; returns the number of lines.
template <class Fn>
size_t for_each_corpus_line(Fn fn) {
  size_t lines = 0;
  const std::filesystem::path dir =
      std::filesystem::path(VNLEGAL_SOURCE_DIR) / "corpus" / "docs";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      fn(line);
      if (testing::Test::HasFatalFailure()) return lines;
      ++lines;
    }
  }
  return lines;
}

// Calls fn(line) on 50000 lines of 1 to max_pieces random pieces (the same
// lines on every run) until a fatal failure.
template <class Fn>
void for_each_generated_line(const std::vector<std::string>& pieces,
                             int max_pieces, Fn fn) {
  std::mt19937 rng(27112026);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, max_pieces);
  for (int n = 0; n < 50000; ++n) {
    std::string line;
    for (int k = length(rng); k > 0; --k) line += pieces[pick(rng)];
    fn(line);
    if (testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace vnlegal::test_lines
