#include <gtest/gtest.h>

#include <random>
#include <vector>

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

// A random monotone map of a rewrite: runs copied, replaced (shorter,
// longer or deleted) and inserted, as the normalizer's passes record them.
OffsetMap random_rewrite(std::mt19937& rng, uint32_t in_size) {
  OffsetMap m;
  uint32_t in = 0, out = 0;
  std::uniform_int_distribution<uint32_t> len(0, 6), kind(0, 3);
  while (in < in_size) {
    const uint32_t n = std::min(in_size - in, len(rng) + 1);
    switch (kind(rng)) {
      case 0:  // copy
        m.add(out, in);
        out += n;
        in += n;
        break;
      case 1: {  // replace by something of another length
        const uint32_t r = len(rng);
        m.add(out, in);
        out += r;
        in += n;
        m.add(out, in);
        break;
      }
      case 2:  // delete
        m.add(out, in);
        in += n;
        m.add(out, in);
        break;
      default: {  // insert
        const uint32_t r = len(rng) + 1;
        m.add(out, in);
        out += r;
        m.add(out, in);
        break;
      }
    }
  }
  m.finish(out, in_size);
  return m;
}

// Checks inner.then(outer) against applying both maps at the anchors of the
// outer map and wherever the outer map lands on an anchor of the inner one
// (the edges of every replacement of either pass). Inside a replacement that
// grew, offsets are clamped, so they are not compared there. Returns the
// number of offsets compared.
size_t expect_exact_composition(const OffsetMap& inner, const OffsetMap& outer,
                                int round) {
  const OffsetMap both = inner.then(outer);
  EXPECT_EQ(both.out_size(), outer.out_size());
  std::vector<bool> inner_anchor(inner.out_size() + 1, false);
  for (const auto& a : inner.anchors()) inner_anchor[a.out] = true;
  std::vector<bool> outer_anchor(outer.out_size() + 1, false);
  for (const auto& a : outer.anchors()) outer_anchor[a.out] = true;
  size_t checked = 0;
  for (uint32_t o = 0; o <= outer.out_size(); ++o) {
    const uint32_t mid = outer.to_source(o);
    if (!outer_anchor[o] && !inner_anchor[mid]) continue;
    ++checked;
    EXPECT_EQ(both.to_source(o), inner.to_source(mid))
        << "round " << round << " offset " << o;
    if (both.to_source(o) != inner.to_source(mid)) break;
  }
  return checked;
}

TEST(OffsetMap, CompositionIsExactAtEveryAnchorOfEitherMap) {
  std::mt19937 rng(7);
  size_t checked = 0;
  for (int round = 0; round < 300; ++round) {
    const OffsetMap inner = random_rewrite(rng, 1 + rng() % 200);
    const OffsetMap outer = random_rewrite(rng, inner.out_size());
    checked += expect_exact_composition(inner, outer, round);
  }
  EXPECT_GT(checked, 5000u);
}

// A text read as it was (an identity map) seen through the normalizer's
// map: the composition gives the normalizer's offsets, at every offset.
TEST(OffsetMap, IdentityThroughAMapIsExact) {
  std::mt19937 rng(5);
  size_t checked = 0;
  for (int round = 0; round < 300; ++round) {
    const OffsetMap outer = random_rewrite(rng, 1 + rng() % 200);
    const uint32_t size = outer.in_size();
    checked +=
        expect_exact_composition(OffsetMap::identity(size), outer, round);
    const OffsetMap both = OffsetMap::identity(size).then(outer);
    EXPECT_EQ(both.out_size(), outer.out_size());
    EXPECT_EQ(both.in_size(), size);
    for (uint32_t o = 0; o <= outer.out_size() + 2; ++o)
      EXPECT_EQ(both.to_source(o), outer.to_source(o))
          << "round " << round << " offset " << o;
  }
  EXPECT_GT(checked, 5000u);
}

// Three passes' maps composed in either order give the same offsets
// everywhere (the normalizer composes its two sparse maps first).
TEST(OffsetMap, CompositionOrderDoesNotChangeOffsets) {
  std::mt19937 rng(13);
  size_t checked = 0;
  for (int round = 0; round < 300; ++round) {
    const OffsetMap a = random_rewrite(rng, 1 + rng() % 200);
    const OffsetMap b = random_rewrite(rng, a.out_size());
    const OffsetMap c = random_rewrite(rng, b.out_size());
    const OffsetMap left = a.then(b).then(c);
    const OffsetMap right = a.then(b.then(c));
    ASSERT_EQ(left.out_size(), right.out_size());
    for (uint32_t o = 0; o <= left.out_size(); ++o, ++checked)
      ASSERT_EQ(left.to_source(o), right.to_source(o))
          << "round " << round << " offset " << o;
  }
  EXPECT_GT(checked, 5000u);
}

// A decomposed text's map (an anchor at every composed letter) seen through
// a pass that changes a few places (a joined line, a dropped tag): the
// inner anchors between two outer ones are taken in a row.
TEST(OffsetMap, DenseMapThroughASparseOneIsExact) {
  std::mt19937 rng(11);
  size_t checked = 0;
  for (int round = 0; round < 200; ++round) {
    const OffsetMap inner = random_rewrite(rng, 50 + rng() % 400);
    // Long copies between single changes.
    OffsetMap outer;
    uint32_t in = 0, out = 0;
    const uint32_t size = inner.out_size();
    while (in < size) {
      const uint32_t copy = std::min<uint32_t>(size - in, 5 + rng() % 60);
      in += copy;
      out += copy;
      if (in >= size) break;
      const uint32_t removed = std::min<uint32_t>(size - in, rng() % 3);
      outer.add(out, in);
      in += removed;
      out += rng() % 3;
      outer.add(out, in);
    }
    outer.finish(out, size);
    checked += expect_exact_composition(inner, outer, round);
  }
  EXPECT_GT(checked, 5000u);
}

TEST(Parse, EmptyInputGivesRootAndDiagnostic) {
  Document doc = parse("");
  EXPECT_TRUE(check_invariants(doc).empty());
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_EQ(doc.diagnostics[0].code, "empty-input");
}

}  // namespace
}  // namespace vnlegal
