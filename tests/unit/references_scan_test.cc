// The reference scanner's prefilters: the first-word index that decides
// which word starts are parsed, the number-label finder of the header and
// citations found through them at the edges of the text.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "extract/citation_keywords.h"
#include "extract/citation_scan.h"
#include "extract/citation_text.h"
#include "unit/test_documents.h"
#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

// The scanner's notion of a word: bytes up to ASCII punctuation, a blank or
// the lead byte of a non-letter block.
size_t scanner_word_len(std::string_view t, size_t pos) {
  size_t e = pos;
  while (e < t.size()) {
    const auto b = static_cast<unsigned char>(t[e]);
    const bool word = b < 0x80 ? ((b >= '0' && b <= '9') ||
                                  ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))
                               : !(b == 0xC2 || b == 0xE2 || b == 0xE3 ||
                                   b == 0xEF || b >= 0xF0);
    if (!word) break;
    ++e;
  }
  return e - pos;
}

const std::vector<uint8_t>* in_word(std::string_view t, size_t pos) {
  const citation::FirstWordIndex& idx = citation::first_word_index();
  if (pos + 1 >= t.size()) return nullptr;
  const uint32_t r = idx.range[(static_cast<unsigned char>(t[pos]) << 8) |
                               static_cast<unsigned char>(t[pos + 1])];
  if (!r) return nullptr;
  return citation::keyword_candidates_in_word(idx, r, t, pos,
                                              scanner_word_len(t, pos));
}

// Texts glued from a list of pieces by a fixed linear congruential
// sequence: repeatable generated inputs without a random device.
class PieceTexts {
 public:
  template <size_t N>
  PieceTexts(const char* const (&pieces)[N], uint32_t seed)
      : pieces_(pieces), count_(N), state_(seed) {}
  uint32_t next() {
    state_ = state_ * 1103515245u + 12345u;
    return (state_ >> 16) & 0x7FFF;
  }
  // One to `max_pieces` pieces.
  std::string text(int max_pieces) {
    std::string t;
    const int len = 1 + static_cast<int>(next() % max_pieces);
    for (int k = 0; k < len; ++k) t += pieces_[next() % count_];
    return t;
  }

 private:
  const char* const* pieces_;
  size_t count_;
  uint32_t state_;
};

struct KeywordCase {
  const char* text;
  size_t pos;
  bool found;
};

TEST(ReferencesScan, FirstWordIndexFindsEveryUsualSpelling) {
  const KeywordCase cases[] = {
      {"Luật", 0, true},            // Title case at the very end
      {"luật số 5", 0, true},       // lower case
      {"LUẬT ĐẤT ĐAI", 0, true},    // capitals
      {"(Nghị định", 1, true},      // after punctuation
      {"theo Điều 5", 5, true},     // Đ
      {"theo Ðiều 5", 5, true},     // Ð (U+00D0) printed for Đ
      {"ĐIỀU 5", 0, true},          // capitals with Đ
      {"khoản 2", 0, true},         // pinpoint, lower case
      {"TCVN 5574", 0, true},       // standard
      {"Luật.", 0, true},           // before a full stop
      {"Luật\xC2\xA0số", 0, true},  // before NBSP
      {"Luậtα", 0, true},           // a Greek letter is no Vietnamese letter
      {"Luậtsư", 0, false},         // a longer word
      {"Luậ", 0, false},            // cut short
      {"Lu", 0, false},             // two bytes only
      {"cả luật", 0, false},        // another word with the same first byte
      {"thông", 0, true},           // first word of several keywords
      {"thôngtư", 0, false},        // glued to the next word
      {"quy", 0, true},
      {"quyền", 0, false},
  };
  for (const KeywordCase& c : cases) {
    const std::string_view t(c.text);
    const auto* exact = citation::keyword_candidates_at(t, c.pos);
    const auto* fast = in_word(t, c.pos);
    EXPECT_EQ(exact != nullptr, c.found) << c.text;
    EXPECT_EQ(fast, exact) << c.text;
  }
}

struct LabelCase {
  const char* text;
  int b, e;  // -1 when no label
};

// The first-word variant that the whole of `t` spells, or nullptr.
const citation::FirstWordVariant* variant(std::string_view t) {
  const citation::FirstWordIndex& idx = citation::first_word_index();
  const uint32_t r = idx.range[(static_cast<unsigned char>(t[0]) << 8) |
                               static_cast<unsigned char>(t[1])];
  return r ? citation::keyword_variant_in_word(idx, r, t, 0, t.size())
           : nullptr;
}

// The second-word test made before a keyword match: "công" starts only
// "công văn" and "công điện", "luật" is a keyword on its own.
TEST(ReferencesScan, SecondWordTestFollowsTheKeywords) {
  const citation::FirstWordVariant* cong = variant("Công");
  ASSERT_NE(cong, nullptr);
  EXPECT_TRUE(cong->needs_second);
  EXPECT_TRUE(cong->second_may_start('v'));
  EXPECT_TRUE(cong->second_may_start('V'));
  EXPECT_TRUE(cong->second_may_start(0xC4));  // đ, Đ
  EXPECT_FALSE(cong->second_may_start('t'));  // công tác
  EXPECT_FALSE(cong->second_may_start('1'));
  const citation::FirstWordVariant* phap = variant("pháp");
  ASSERT_NE(phap, nullptr);
  EXPECT_TRUE(phap->needs_second);
  EXPECT_TRUE(phap->second_may_start('l'));    // pháp lệnh
  EXPECT_FALSE(phap->second_may_start(0xC6));  // pháp ước: no keyword
  const citation::FirstWordVariant* luat = variant("LUẬT");
  ASSERT_NE(luat, nullptr);
  EXPECT_FALSE(luat->needs_second);
  // The second word's first two bytes: "pháp luật" opens no keyword,
  // "pháp lệnh" does in any case; "thông tin" none, "thông tư" and
  // "THÔNG TRI" do.
  auto pair = [](const citation::FirstWordVariant* v, std::string_view w) {
    return v->second_pair_may_start(static_cast<unsigned char>(w[0]),
                                    static_cast<unsigned char>(w[1]));
  };
  EXPECT_FALSE(pair(phap, "luật"));
  EXPECT_TRUE(pair(phap, "lệnh"));
  EXPECT_TRUE(pair(phap, "LỆNH"));
  const citation::FirstWordVariant* thong = variant("thông");
  ASSERT_NE(thong, nullptr);
  EXPECT_FALSE(pair(thong, "tin"));
  EXPECT_TRUE(pair(thong, "tư"));
  EXPECT_TRUE(pair(thong, "TƯ"));
  EXPECT_TRUE(pair(thong, "TRI"));
  EXPECT_TRUE(pair(thong, "Báo"));
}

// A unit word in small letters is tested for an item after it before any
// match: "điều" and "mục" are marked, not "Điều" (a heading may follow) nor
// "quy" (no unit).
TEST(ReferencesScan, SmallUnitWordsAreMarked) {
  ASSERT_NE(variant("điều"), nullptr);
  EXPECT_EQ(variant("điều")->small_unit, citation::Unit::kArticle);
  EXPECT_EQ(variant("điểm")->small_unit, citation::Unit::kPoint);
  EXPECT_EQ(variant("mục")->small_unit, citation::Unit::kSection);
  EXPECT_EQ(variant("phần")->small_unit, citation::Unit::kPart);
  // "chương" also starts "chương trình", a type word.
  EXPECT_EQ(variant("chương")->small_unit, citation::Unit::kNone);
  EXPECT_EQ(variant("Điều")->small_unit, citation::Unit::kNone);
  EXPECT_EQ(variant("quy")->small_unit, citation::Unit::kNone);
  // Found where an item follows, not before other words.
  Document doc = testing::root_document(
      "Theo điều 5, điểm a khoản 2 và chương II, đủ điều kiện của mục tiêu "
      "chương trình.");
  extract_references(doc);
  int units = 0;
  for (const Reference& r : doc.references)
    units += r.kind == ReferenceKind::kInternal;
  EXPECT_EQ(units, 3);
}

// Every keyword of two words or more, in lower case, Title case and
// capitals, passes the second-word tests of its first word's variant.
TEST(ReferencesScan, SecondWordTestsPassEveryKeyword) {
  const citation::FirstWordIndex& idx = citation::first_word_index();
  int checked = 0;
  for (const citation::FirstWordVariant& v : idx.variants) {
    if (!v.needs_second) continue;
    for (uint8_t ki : *v.keywords) {
      const std::string& lower = citation::keywords()[ki].lower;
      const size_t sp = lower.find(' ');
      if (sp == std::string::npos) continue;
      const std::string second = lower.substr(sp + 1);
      std::string title = second, upper = second;
      // ASCII letters only: the capitals of the lead bytes keep their lead.
      if (title[0] >= 'a' && title[0] <= 'z') title[0] -= 32;
      for (char& c : upper)
        if (c >= 'a' && c <= 'z') c -= 32;
      for (const std::string& w : {second, title, upper}) {
        const auto c0 = static_cast<unsigned char>(w[0]);
        ASSERT_TRUE(v.second_may_start(c0)) << lower;
        if (c0 < 0x80)
          EXPECT_TRUE(
              v.second_pair_may_start(c0, static_cast<unsigned char>(w[1])))
              << lower << " / " << w;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 50);
}

TEST(ReferencesScan, NumberLabelForms) {
  const LabelCase cases[] = {
      {"Số: 12/2020/NĐ-CP", 0, 6},
      {"SỐ : 12", 0, 7},
      {"so:12", 0, 3},
      {"Số:\n\xC2\xA0* 12", 0, 10},
      {"ſo: 1", 0, 5},  // long s folds to s in RE2's case folding
      {"sổ: 1", -1, -1},
      {"Số 12", -1, -1},
      {"hồ sơ: 1", -1, -1},
      {"Xem số: 3", 4, 10},
      {"Số", -1, -1},
  };
  for (const LabelCase& c : cases) {
    size_t b = 0, e = 0;
    const std::string_view t(c.text);
    const bool found = citation::find_number_label(t, 0, t.size(), &b, &e);
    EXPECT_EQ(found, c.b >= 0) << c.text;
    if (found && c.b >= 0) {
      EXPECT_EQ(b, static_cast<size_t>(c.b)) << c.text;
      EXPECT_EQ(e, static_cast<size_t>(c.e)) << c.text;
    }
  }
}

TEST(ReferencesScan, NumberLabelAgreesWithThePattern) {
  static const RE2 re("(?i:số|so)[ \\t]*:[\\s\\x{00A0}*]*");
  // Single bytes and characters, broken sequences and whole labels.
  const char* const pieces[] = {"s",
                                "S",
                                "\xC5\xBF",
                                "o",
                                "O",
                                "\xE1\xBB\x91",
                                "\xE1\xBB\x90",
                                " ",
                                "\t",
                                ":",
                                "\n",
                                "*",
                                "\xC2\xA0",
                                "x",
                                "\xE1\xBB",
                                "\xC5",
                                "\xC2",
                                "\r",
                                "\f",
                                "\v",
                                "so",
                                "SỐ",
                                "Số",
                                "\xC5\xBFo",
                                ":",
                                ": "};
  PieceTexts gen(pieces, 12345);
  int matches = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string t = gen.text(9);
    const size_t limit = t.size() - gen.next() % 2;
    const size_t from = gen.next() % 3 == 0 ? gen.next() % (limit + 1) : 0;
    re2::StringPiece in(t.data(), limit), m;
    const bool want = re.Match(in, from, limit, RE2::UNANCHORED, &m, 1);
    size_t b = 0, e = 0;
    const bool got = citation::find_number_label(t, from, limit, &b, &e);
    ASSERT_EQ(got, want) << t;
    if (want) {
      ++matches;
      EXPECT_EQ(b, static_cast<size_t>(m.data() - t.data())) << t;
      EXPECT_EQ(e - b, m.size()) << t;
    }
  }
  EXPECT_GT(matches, 500);  // the pieces do form labels
}

TEST(ReferencesScan, ShortFoldAgreesWithFullFold) {
  // Every code point of the Latin blocks Vietnamese uses, one at a time and
  // inside a word, plus broken sequences around the E1 lead byte and the
  // two-byte lead bytes of Vietnamese letters.
  std::vector<std::string> words = {
      "\xE1\xBA",     "\xE1\xBA\x41", "\xE1",     "Đ\xE1\xBB\xBF",
      "ĐIỀU",         "Ðiều",         "\xC3",     "\xC4\x41",
      "\xC5\xC5\x8A", "Ơ\xC6",        "ƯỚC\xC3Ð", "TRƯỞNG"};
  for (char32_t c = 0x20; c < 0x250; ++c) {
    std::string w;
    internal::append_utf8(w, c);
    words.push_back(w);
  }
  for (char32_t c = 0x1E00; c < 0x1F00; ++c) {
    std::string w = "x";
    internal::append_utf8(w, c);
    w += "Y";
    words.push_back(w);
  }
  for (const std::string& w : words) {
    char buf[64];
    EXPECT_EQ(citation::fold_small(w, buf), citation::fold_lower(w)) << w;
    // In place of the same bytes: equal to the full fold on well-formed
    // text, the broken bytes copied.
    std::string same(w.size(), '?');
    citation::fold_same_length(w, same.data());
    if (internal::is_valid_utf8(w))
      EXPECT_EQ(same, citation::fold_lower(w)) << w;
  }
  char out[8];
  citation::fold_same_length("\xE1\xBA", out);
  EXPECT_EQ(std::string(out, 2), "\xE1\xBA");
}

Document make_doc(const std::string& text) {
  return testing::root_document(text);
}

TEST(ReferencesScan, CitationsAtTheEdgesOfTheText) {
  struct Case {
    const char* text;
    const char* ref_text;  // the first reference's text
    const char* number;
  };
  const Case cases[] = {
      {"Nghị định 61/2018/NĐ-CP", "Nghị định 61/2018/NĐ-CP", "61/2018/NĐ-CP"},
      {"theo nghị định số 61/2018/NĐ-CP", "nghị định số 61/2018/NĐ-CP",
       "61/2018/NĐ-CP"},
      {"(Thông tư 12/2019/TT-BTC)", "Thông tư 12/2019/TT-BTC",
       "12/2019/TT-BTC"},
      {"Căn cứ Luật số 35/2018/QH14", "Luật số 35/2018/QH14", "35/2018/QH14"},
      {"NGHỊ ĐỊNH SỐ 61/2018/NĐ-CP", "NGHỊ ĐỊNH SỐ 61/2018/NĐ-CP",
       "61/2018/NĐ-CP"},
  };
  for (const Case& c : cases) {
    Document doc = make_doc(c.text);
    extract_references(doc);
    ASSERT_FALSE(doc.references.empty()) << c.text;
    EXPECT_EQ(doc.references[0].text, c.ref_text) << c.text;
    EXPECT_EQ(doc.references[0].number, c.number) << c.text;
  }
}

TEST(ReferencesScan, PinpointWithEthLookAlike) {
  Document doc = make_doc("Theo Ðiều 5.");
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 1u);
  EXPECT_EQ(doc.references[0].kind, ReferenceKind::kInternal);
  EXPECT_EQ(doc.references[0].pinpoint.article, "5");
  EXPECT_EQ(doc.references[0].text, "Ðiều 5");
}

TEST(ReferencesScan, MalformedBytesAroundCitations) {
  // A broken byte sends the scan down its byte-by-byte path: the
  // citations around it are found all the same.
  Document doc = make_doc(
      "\xFF Theo Nghị định 61/2018/NĐ-CP\xC3 và khoản 2 Điều 5 Luật này.");
  extract_references(doc);
  ASSERT_EQ(doc.references.size(), 2u);
  EXPECT_EQ(doc.references[0].number, "61/2018/NĐ-CP");
  // A pinpoint into "Luật này": this document's own clause.
  EXPECT_EQ(doc.references[1].kind, ReferenceKind::kInternal);
  EXPECT_EQ(doc.references[1].pinpoint.clause, "2");
  EXPECT_EQ(doc.references[1].pinpoint.article, "5");
  EXPECT_EQ(doc.references[1].text, "khoản 2 Điều 5 Luật này");
}

TEST(ReferencesScan, StartMarksAgreeWithTheByteTest) {
  // Vectors and the byte-by-byte test mark the same positions, whatever the
  // pieces around them: letters after ASCII, after letters with marks,
  // after NBSP (C2), quotes (E2), CJK (E4) and emoji (F0).
  std::array<bool, 256> first{}, second{}, third{}, fourth{}, third_short{},
      breaks{};
  for (unsigned char b : std::string("tTqđĐ\xC3")) first[b] = true;
  for (unsigned char b : std::string("hHu\x91\x90")) second[b] = true;
  for (unsigned char b : std::string("\xC3I")) third[b] = true;
  for (unsigned char b : std::string("\xB4\x94n")) fourth[b] = true;
  for (unsigned char b : std::string("y")) third_short[b] = true;
  for (int b = 0; b < 0x80; ++b)
    breaks[b] =
        !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'));
  for (int b : {0xC2, 0xE2, 0xE3, 0xEF, 0xF0, 0xF4}) breaks[b] = true;
  const citation::CitationStartFinder finder(first, second, third, fourth,
                                             third_short, breaks);
  const char* const pieces[] = {
      "th\xC3\xB4ng", "Thì", "quy", "đi", "ĐI", "ệt", " ",   ",",
      "\xC2\xA0",     "“",   "”",   "中", "😀",  "5",  "12/", "x",
      "ng",           "\n"};
  PieceTexts gen(pieces, 777);
  int hits = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string t = gen.text(120);
    const auto* s = reinterpret_cast<const unsigned char*>(t.c_str());
    const size_t n = t.size(), words = (n + 63) / 64;
    // Whatever the arrays held before (the scan reuses them), every bit
    // is written.
    std::vector<uint64_t> starts(words, ~uint64_t{0}),
        ends(words, 0x5555555555555555u);
    finder.mark(s, n, starts.data(), ends.data());
    for (size_t p = 0; p < n; ++p) {
      const bool start = starts[p / 64] >> (p % 64) & 1;
      const bool end = ends[p / 64] >> (p % 64) & 1;
      ASSERT_EQ(start, p >= 1 && finder.hit(s, p)) << t << " at " << p;
      ASSERT_EQ(end, breaks[s[p]]) << t << " at " << p;
      hits += start;
    }
  }
  EXPECT_GT(hits, 1000);
}

TEST(ReferencesScan, BucketedStartMarksAgreeAndMissNoWord) {
  // With the words given, a start must take all four bytes of one bucket's
  // word: vectors and the byte test still agree, and every word start
  // whose bytes spell one of the words is marked.
  const std::vector<std::string_view> words = {
      "luật",        "Luật",  "LUẬT",  "điều", "Điều", "ĐIỀU",
      "\xC3\x90iều", "thông", "Thông", "iso",  "ISO",  "khoản"};
  std::array<bool, 256> first{}, second{}, third{}, fourth{}, third_short{},
      breaks{};
  for (std::string_view w : words) {
    const auto* b = reinterpret_cast<const unsigned char*>(w.data());
    first[b[0]] = second[b[1]] = true;
    if (w.size() >= 4)
      third[b[2]] = fourth[b[3]] = true;
    else
      third_short[b[2]] = true;
  }
  for (int b = 0; b < 0x80; ++b)
    breaks[b] =
        !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'));
  for (int b : {0xC2, 0xE2, 0xE3, 0xEF, 0xF0, 0xF4}) breaks[b] = true;
  const citation::CitationStartFinder finder(first, second, third, fourth,
                                             third_short, breaks, words);
  const char* const pieces[] = {
      "luật", "Luật",     "LUẬT", "điều", "ĐIỀU", "\xC3\x90iều", "thông", "iso",
      "ISO",  "khoản",    "lu",   "lua",  "tho",  "isa",         "Điểm",  " ",
      ",",    "\xC2\xA0", "“",    "中",   "😀",    "5",           "\n",    "ậ"};
  PieceTexts gen(pieces, 4242);
  int hits = 0, spelled = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string t = gen.text(120);
    const auto* s = reinterpret_cast<const unsigned char*>(t.c_str());
    const size_t n = t.size(), nwords = (n + 63) / 64;
    std::vector<uint64_t> starts(nwords), ends(nwords);
    finder.mark(s, n, starts.data(), ends.data());
    for (size_t p = 0; p < n; ++p) {
      const bool start = starts[p / 64] >> (p % 64) & 1;
      ASSERT_EQ(start, p >= 1 && finder.hit(s, p)) << t << " at " << p;
      hits += start;
      if (p == 0 || !breaks[s[p - 1]]) continue;
      for (std::string_view w : words)
        if (t.compare(p, w.size(), w) == 0) {
          ASSERT_TRUE(start) << t << " at " << p;
          ++spelled;
        }
    }
  }
  EXPECT_GT(hits, 1000);
  EXPECT_GT(spelled, 500);
}

}  // namespace
}  // namespace vnlegal
