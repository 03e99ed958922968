// The word sets behind the stop-word tests of the citation parser: exact
// membership, whatever the bytes the hash reads.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "extract/citation_text.h"

namespace vnlegal::citation {
namespace {

struct Case {
  std::string_view word;
  bool member;
};

TEST(ReferencesWordSet, AnswersExactMembership) {
  const WordSet set = {"về", "theo", "thì", "được", "v", "trước", "nghị quyết"};
  const Case kCases[] = {
      {"về", true},
      {"theo", true},
      {"v", true},
      {"trước", true},
      {"nghị quyết", true},
      // Prefixes, extensions and other cases are other words.
      {"the", false},
      {"theos", false},
      {"Theo", false},
      {"vê", false},
      // The same first eight bytes, another length or ending.
      {"nghị quyế", false},
      {"nghị quyết liên tịch", false},
      {"nghị quyệt", false},
      {"", false},
  };
  for (const Case& c : kCases)
    EXPECT_EQ(set.contains(c.word), c.member) << c.word;
}

TEST(ReferencesWordSet, HoldsManyWordsSharingTheirStart) {
  // Sixty words that differ only in their last byte probe past each other.
  std::string store[60];
  for (int i = 0; i < 60; ++i)
    store[i] = "tiêu chuẩn " + std::string(1, static_cast<char>('A' + i));
  const WordSet set = {
      store[0],  store[1],  store[2],  store[3],  store[4],  store[5],
      store[6],  store[7],  store[8],  store[9],  store[10], store[11],
      store[12], store[13], store[14], store[15], store[16], store[17],
      store[18], store[19], store[20], store[21], store[22], store[23],
      store[24], store[25], store[26], store[27], store[28], store[29],
      store[30], store[31], store[32], store[33], store[34], store[35],
      store[36], store[37], store[38], store[39], store[40], store[41],
      store[42], store[43], store[44], store[45], store[46], store[47],
      store[48], store[49], store[50], store[51], store[52], store[53],
      store[54], store[55], store[56], store[57], store[58], store[59]};
  for (const std::string& w : store) EXPECT_TRUE(set.contains(w)) << w;
  EXPECT_FALSE(set.contains("tiêu chuẩn"));
  EXPECT_FALSE(set.contains("tiêu chuẩn ~"));
}

}  // namespace
}  // namespace vnlegal::citation
