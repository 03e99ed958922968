// Runs the readable examples of tests/spec/*.spec:
//
//   ## title
//   <<<
//   input text
//   >>>
//   expected metadata and outline (tests/golden_text.h format)
//
// On failure the example and both outputs are printed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "golden_text.h"

namespace vnlegal {
namespace {

struct Example {
  std::string file, title, input, expected;
};

std::vector<Example> load_examples() {
  std::vector<Example> out;
  const std::string dir = std::string(VNLEGAL_SOURCE_DIR) + "/tests/spec";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".spec" &&
        e.path().stem().string().rfind("structure", 0) == 0)
      files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::string line;
    Example ex;
    int state = 0;  // 0 outside, 1 input, 2 expected
    auto flush = [&]() {
      if (state == 2) {
        while (!ex.expected.empty() && ex.expected.back() == '\n' &&
               ex.expected.size() >= 2 &&
               ex.expected[ex.expected.size() - 2] == '\n')
          ex.expected.pop_back();
        out.push_back(ex);
      }
      ex = Example{};
      state = 0;
    };
    while (std::getline(in, line)) {
      if (line.rfind("## ", 0) == 0) {
        flush();
        ex.file = std::filesystem::path(f).filename().string();
        ex.title = line.substr(3);
        continue;
      }
      if (line == "<<<" && state == 0) {
        state = 1;
        continue;
      }
      if (line == ">>>" && state == 1) {
        state = 2;
        continue;
      }
      if (state == 1) ex.input += line + "\n";
      if (state == 2) ex.expected += line + "\n";
    }
    flush();
  }
  return out;
}

class StructureSpec : public ::testing::TestWithParam<Example> {};

TEST_P(StructureSpec, Example) {
  const Example& ex = GetParam();
  Document doc = parse(ex.input);
  const auto violations = check_invariants(doc);
  EXPECT_TRUE(violations.empty()) << violations.front();
  EXPECT_EQ(ex.expected, testing_support::golden_text(doc))
      << ex.file << ": " << ex.title << "\n--- input ---\n"
      << ex.input;
}

INSTANTIATE_TEST_SUITE_P(Examples, StructureSpec,
                         ::testing::ValuesIn(load_examples()),
                         [](const auto& info) {
                           return "example_" + std::to_string(info.index);
                         });

TEST(StructureSpecFiles, HaveExamples) {
  EXPECT_GE(load_examples().size(), 1u);
}

}  // namespace
}  // namespace vnlegal
