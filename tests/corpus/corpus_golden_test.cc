// Corpus goldens: for each listed real document, the parsed metadata and
// structure (no paragraphs, no spans) must equal tests/corpus/expected/.
// VNLEGAL_UPDATE_GOLDENS=1 rewrites the files; read the diff against the
// documents before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "golden_text.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

const std::string kRoot = VNLEGAL_SOURCE_DIR;
using testing_support::golden_text;

std::vector<std::string> listed_documents() {
  std::ifstream in(kRoot + "/tests/corpus/documents.txt");
  std::vector<std::string> names;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') names.push_back(line);
  return names;
}

std::set<std::string> known_differences() {
  std::ifstream in(kRoot + "/tests/corpus/known_differences.txt");
  std::set<std::string> names;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#')
      names.insert(line.substr(0, line.find(' ')));
  return names;
}

class CorpusGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusGolden, MatchesExpected) {
  const std::string name = GetParam();
  // VNLEGAL_CHECK_KNOWN=1 runs them anyway, to see which now match.
  if (known_differences().count(name) && !std::getenv("VNLEGAL_CHECK_KNOWN"))
    GTEST_SKIP() << name
                 << ": known parser differences, see tests/corpus/REVIEW.md";
  Document doc = parse_file(kRoot + "/corpus/docs/" + name);
  const auto violations = check_invariants(doc);
  EXPECT_TRUE(violations.empty()) << violations.front();
  const std::string actual = golden_text(doc);
  const std::string path = kRoot + "/tests/corpus/expected/" +
                           name.substr(0, name.rfind('.')) + ".txt";
  if (std::getenv("VNLEGAL_UPDATE_GOLDENS")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << name;
}

INSTANTIATE_TEST_SUITE_P(Documents, CorpusGolden,
                         ::testing::ValuesIn(listed_documents()),
                         [](const auto& info) {
                           std::string id =
                               info.param.substr(0, info.param.find('.'));
                           for (char& c : id)
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           return id;
                         });

}  // namespace
}  // namespace vnlegal
