#include <gtest/gtest.h>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

TEST(OffsetMap, IdentityMapsEachOffsetToItself) {
  OffsetMap m = OffsetMap::identity(10);
  for (uint32_t i = 0; i <= 10; ++i) EXPECT_EQ(m.to_source(i), i);
}

TEST(OffsetMap, ReplacementMapsInsideToStartAndAfterToShifted) {
  // "ab" + replace 3 input bytes by 1 output byte + "cd"
  OffsetMap m;
  m.add(2, 2);
  m.add(3, 5);
  m.finish(5, 7);
  EXPECT_EQ(m.to_source(0), 0u);
  EXPECT_EQ(m.to_source(2), 2u);
  EXPECT_EQ(m.to_source(3), 5u);
  EXPECT_EQ(m.to_source(4), 6u);
  EXPECT_EQ(m.to_source(5), 7u);
}

TEST(OffsetMap, ComposesTwoMaps) {
  // inner: mid -> source drops 2 bytes at source offset 0 (a BOM-like prefix)
  OffsetMap inner;
  inner.add(0, 2);
  inner.finish(6, 8);
  // outer: out -> mid drops mid bytes [3,4)
  OffsetMap outer;
  outer.add(3, 4);
  outer.finish(5, 6);
  OffsetMap both = inner.then(outer);
  EXPECT_EQ(both.to_source(0), 2u);
  EXPECT_EQ(both.to_source(2), 4u);
  EXPECT_EQ(both.to_source(3), 6u);
  EXPECT_EQ(both.to_source(5), 8u);
}

TEST(Parse, EmptyInputGivesRootAndDiagnostic) {
  Document doc = parse("");
  EXPECT_TRUE(check_invariants(doc).empty());
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_EQ(doc.diagnostics[0].code, "empty-input");
}

}  // namespace
}  // namespace vnlegal
