// Quantities and targets: numbers with their unit, comparator, indicator,
// base and deadline, classified as a target (a goal the document sets), a
// result (a figure it reports) or other (rates, fees, counts in passing).
//
// Classification follows how plan-style documents are written (see
// docs/quantities.md): the section a number sits in (Mục tiêu / Chỉ tiêu /
// Nhiệm vụ / Phương hướng versus Kết quả / Tình hình thực hiện), a lead-in
// line ending with ':' ("... các chỉ tiêu cụ thể như sau:"), and cue words in
// the clause (phấn đấu, đến năm ..., so với cùng kỳ). Section headings come
// both from the node tree and from heading-like lines of the text, so the
// classifier works with or without a segmented tree.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/numbers.h"
#include "extract/quantities_deadlines.h"
#include "extract/quantities_lexicon.h"
#include "extract/quantities_tokens.h"
#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

using internal::base_words;
using internal::clause_target_cues;
using internal::comparison_cues;
using internal::condition_starts;
using internal::deadline_at;
using internal::DeadlineIndex;
using internal::Found;
using internal::goal_verbs;
using internal::is_money_unit;
using internal::is_pct_unit;
using internal::is_stopword;
using internal::is_time_unit;
using internal::is_year;
using internal::match_any;
using internal::match_any_within;
using internal::other_words;
using internal::Phrase;
using internal::PhraseList;
using internal::phrases;
using internal::rate_cues;
using internal::result_cues;
using internal::result_words;
using internal::strong_target_words;
using internal::Tok;
using internal::Tokens;
using internal::TokType;
using internal::unit_lexicon;
using internal::weak_target_words;

// ---------------------------------------------------------------------------
// Phrase lists. Words are lower-case NFC syllables separated by one space.

// ---------------------------------------------------------------------------
// Section context.

enum class Ctx : uint8_t { kNeutral, kTarget, kResult, kOther };

struct Heading {
  int level = 0;  // even: numbered headings; odd: lead-in lines
  Ctx ctx = Ctx::kNeutral;
  bool indicators = false;  // a list of chỉ tiêu / mục tiêu
  bool strive = false;      // a lead-in line with "phấn đấu"
  std::string deadline;
  // A numbered heading is read when a figure first asks for it: most are
  // replaced by the next one before any figure does. Until then `known` is
  // false and the heading is the line at token `at`, its text from `body`.
  bool known = true;
  size_t at = 0, body = 0;
};

// "đạt 76,5% mục tiêu", "bằng 98% chỉ tiêu", "vượt 2% kế hoạch": a share of
// a goal or plan reached, the goal `i` (after the '%') a level set before
// that the figure is measured against.
bool share_of_goal(const Tokens& t, size_t i) {
  if (i < 3 || !t.is_punct(i - 1, "%") || !t.is_number(i - 2)) return false;
  const auto verb = [&](size_t k) {
    return t.is(k, "đạt") || t.is(k, "bằng") || t.is(k, "vượt");
  };
  if (verb(i - 3)) return true;
  // "đạt khoảng 95% kế hoạch", "đạt trên 90% chỉ tiêu"
  return i >= 4 && verb(i - 4) &&
         (t.is(i - 3, "khoảng") || t.is(i - 3, "trên") || t.is(i - 3, "gần"));
}

// "mục tiêu quốc gia" and "chương trình mục tiêu" name programmes, not goals;
// "nhiệm vụ, quyền hạn" names powers.
bool false_target_word(const Tokens& t, size_t i) {
  // The goal a reported share is of: "đạt 76,5% mục tiêu".
  if ((t.match(i, {"mục", "tiêu"}) || t.match(i, {"chỉ", "tiêu"})) &&
      share_of_goal(t, i))
    return true;
  // "Chỉ tiêu đánh giá:" heads the criteria a staff's work is scored by
  // ("Hoàn thành 100% công việc : 1,0"), no goals.
  if (t.match(i, {"chỉ", "tiêu", "đánh", "giá"})) return true;
  // "mục tiêu đề ra" is a goal set before, that an evaluation measures
  // against ("mới đạt ở mức thấp của mục tiêu đề ra").
  if (t.match(i, {"mục", "tiêu"}))
    return t.match(i + 2, {"quốc", "gia"}) || t.match(i + 2, {"đề", "ra"}) ||
           t.match(i + 2, {"đã", "đề", "ra"}) ||
           t.ends_before(i, {"chương", "trình"}) ||
           t.ends_before(i, {"có"});  // "hỗ trợ có mục tiêu": earmarked
  if (t.match(i, {"nhiệm", "vụ"}))
    return t.match(i + 2, {"quyền"}) || t.match(i + 2, {",", "quyền"}) ||
           t.match(i + 2, {"và", "quyền"}) || t.match(i + 2, {"được", "giao"});
  return false;
}

// `titles_only`: weak words ("nhiệm vụ", "giải pháp") count only in short
// headings; an item whose "heading" is a whole sentence mentions them in
// passing ("... trực tiếp làm nhiệm vụ quân sự").
// `indicators` is set for goal headings that announce a list of chỉ tiêu or
// mục tiêu, where every figure is a goal, counts included.
// "tổng số đảng viên đầu năm": the start of the year qualifies the noun
// before it (the base of a rate), while "6 tháng đầu năm", "từ đầu năm" and
// "Đầu năm 2024" name a period gone by.
bool noun_at_year_start(const Tokens& t, size_t i) {
  // A name before it ("tỉnh Đồng Tháp đầu năm chưa phân khai") leaves the
  // time to the clause; "so với đầu năm" compares with a level gone by.
  if (i == 0 || t.line_start(i) || !t.is_word(i - 1) || t[i - 1].upper ||
      !t.match(i, {"đầu", "năm"}))
    return false;
  static constexpr std::string_view kPeriod[] = {
      "tháng", "quý", "từ", "kể", "ngay", "vào", "những", "trong", "với", "so"};
  for (std::string_view w : kPeriod)
    if (t.is(i - 1, w)) return false;
  return true;
}

Ctx classify_range(const Tokens& t, size_t a, size_t b,
                   bool* indicators = nullptr, bool weak = true) {
  int target = 0, result = 0, other = 0;
  bool list_words = false;
  // Counted only when a weak word asks for it.
  int short_heading = -1;
  auto is_short = [&] {
    if (short_heading < 0) {
      size_t words = 0;
      for (size_t i = a; i < b; ++i) words += t[i].type == TokType::kWord;
      short_heading = words <= 14;
    }
    return short_heading == 1;
  };
  // The heading lists in the order they are tried, and per first word the
  // phrases of each list starting with it: a word costs one lookup.
  static const PhraseList* const kLists[] = {&strong_target_words(),
                                             &result_words(), &other_words(),
                                             &weak_target_words()};
  using PerList = std::array<const std::vector<uint32_t>*, 4>;
  static const internal::WordMap<PerList> kByFirst = [] {
    internal::WordMap<PerList> m;
    for (size_t l = 0; l < 4; ++l)
      for (const auto& entry : kLists[l]->by_first.entries())
        m[entry.word][l] = &entry.value;
    return m;
  }();
  // match_any(t, i, *kLists[l]), the phrases already looked up.
  auto match_list = [&](size_t i, const PerList& per, size_t l) -> size_t {
    if (per[l] == nullptr) return 0;
    for (uint32_t k : *per[l])
      if (internal::match_phrase_rest(t, i, kLists[l]->items[k]))
        return kLists[l]->items[k].words.size();
    return 0;
  };
  for (size_t i = a; i < b; ++i) {
    if (t[i].type != TokType::kWord) continue;
    const PerList* found = kByFirst.find(t.low(i));
    if (found == nullptr) continue;
    if (false_target_word(t, i)) continue;
    const PerList& per = *found;
    if (size_t n = match_list(i, per, 0)) {
      target += 2;
      list_words |= t.match(i, {"chỉ", "tiêu"}) || t.match(i, {"mục", "tiêu"});
      i += n - 1;
    } else if (size_t n = match_list(i, per, 1)) {
      if (!noun_at_year_start(t, i)) result += 2;
      i += n - 1;
    } else if (size_t n = match_list(i, per, 2)) {
      other += 2;
      i += n - 1;
    } else if (size_t n = match_list(i, per, 3)) {
      if (weak && is_short()) target += 1;
      i += n - 1;
    }
  }
  if (other > 0 && other >= target && other >= result) return Ctx::kOther;
  if (target >= 2 && result >= 2) return Ctx::kNeutral;  // mixed heading
  if (result > target) return Ctx::kResult;
  if (target > result) {
    if (indicators) *indicators = list_words;
    return Ctx::kTarget;
  }
  return Ctx::kNeutral;
}

bool is_roman(std::string_view w) {
  if (w.empty() || w.size() > 5) return false;
  for (char c : w)
    if (c != 'i' && c != 'v' && c != 'x' && c != 'l') return false;
  return true;
}

// Letters used for points (điểm), in the Vietnamese alphabet order.
bool is_point_letter(std::string_view w) {
  static const std::string_view kLetters[] = {
      "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  for (std::string_view l : kLetters)
    if (w == l) return true;
  return false;
}

// A numbered heading at line-start token i: returns its level and sets
// `body` to the first token after the marker; -1 if none.
int heading_level(const Tokens& t, size_t i, size_t& body) {
  if (!t.line_start(i)) return -1;
  // Cheap filter: markers are numbers, '(' or short words.
  if (t[i].type == TokType::kPunct && !t.is_punct(i, "(")) return -1;
  if (t[i].type == TokType::kWord && t.low(i).size() > 8) return -1;
  auto closes = [&](size_t k) {
    return t.is_punct(k, ".") || t.is_punct(k, ")") || t.is_punct(k, ":");
  };
  if (t.match(i, {"phụ", "lục"}) && t[i].all_upper) {
    body = i;
    return 0;
  }
  if (t.is(i, "phần") &&
      (t.match(i + 1, {"thứ"}) ||
       (t.is_word(i + 1) && is_roman(t.low(i + 1))) || t.is_number(i + 1))) {
    body = i;
    return 0;
  }
  if (t.is(i, "chương") &&
      ((t.is_word(i + 1) && is_roman(t.low(i + 1))) || t.is_number(i + 1))) {
    body = i;
    return 2;
  }
  if (t.is(i, "điều") && t[i].upper && t.is_number(i + 1) &&
      (closes(i + 2) || t.is_word(i + 2))) {
    body = closes(i + 2) ? i + 3 : i + 2;
    return 4;
  }
  if (t.is_word(i) && t[i].upper && is_roman(t.low(i)) &&
      (t.is_punct(i + 1, ".") || t.is_punct(i + 1, ")") ||
       t.is_punct(i + 1, "-"))) {
    body = i + 2;
    return 6;
  }
  if (t.is_number(i) && closes(i + 1) &&
      t.low(i).find(',') == std::string_view::npos) {
    size_t depth = 1 + std::count(t.low(i).begin(), t.low(i).end(), '.');
    body = i + 2;
    // "1.1" followed by "." and "1." both count; the dots give the depth.
    return 6 + 2 * static_cast<int>(std::min<size_t>(depth, 4));
  }
  if (t.is_punct(i, "(") && t.is_number(i + 1) && t.is_punct(i + 2, ")")) {
    body = i + 3;
    return 16;
  }
  if (t.is_word(i) && !t[i].upper && is_point_letter(t.low(i)) &&
      (t.is_punct(i + 1, ")") ||
       (t.is_punct(i + 1, ".") && t[i + 1].attached))) {
    body = i + 2;
    return 14;
  }
  return -1;
}

// The byte of a one-byte punctuation token, 0 for any other token.
inline char mark_of(const Tokens& t, size_t k) {
  const Tok& tok = t[k];
  return tok.type == TokType::kPunct && tok.lend - tok.lbegin == 1 ? t.low(k)[0]
                                                                   : '\0';
}

// A clause boundary lies just before token k.
bool boundary(const Tokens& t, size_t k) {
  if (k == 0 || k >= t.size()) return true;
  const Tok& cur = t[k];
  if (cur.blank) return true;
  // Asked once per token near a figure: the marks are read once each.
  const char before = mark_of(t, k - 1), at = mark_of(t, k);
  if (before == ';' || before == '|') return true;
  if (at == '|') return true;
  if ((before == '.' || before == '!' || before == '?') &&
      (cur.upper || cur.newline || cur.type != TokType::kWord))
    return true;
  if (cur.newline) {
    if (before == ':') return true;
    if (at == '-' || at == '+' || t.is_punct(k, "•")) return true;
    size_t body;
    if (heading_level(t, k, body) >= 0) return true;
  }
  return false;
}

// A clause starts at the boundary before it, at most 120 tokens back (see
// Extractor::clause_start_of), and ends at the boundary after it.
// `at_boundary(k)` is boundary(t, k), possibly remembered.
template <class Boundary>
size_t clause_end(const Tokens& t, size_t i, Boundary&& at_boundary) {
  size_t k = i + 1;
  for (int n = 0; k < t.size() && n < 120 && !at_boundary(k); ++n) ++k;
  return k;
}

// ---------------------------------------------------------------------------
// Deadlines and periods: "đến hết năm 2020", "năm 2025", "giai đoạn
// 2021-2025", "6 tháng cuối năm 2020", "từ năm 2025 trở đi", "hằng năm".

// The last year written in a deadline: the end of a period.
std::string last_year_of(std::string_view d) {
  const auto digit = [&](size_t k) { return d[k] >= '0' && d[k] <= '9'; };
  for (size_t b = d.size() >= 4 ? d.size() - 3 : 0; b-- > 0;) {
    if (d.substr(b, 2) != "19" && d.substr(b, 2) != "20") continue;
    if (!digit(b + 2) || !digit(b + 3)) continue;
    if ((b > 0 && digit(b - 1)) || (b + 4 < d.size() && digit(b + 4))) continue;
    return std::string(d.substr(b, 4));
  }
  return {};
}

std::string year_of(std::string_view deadline) {
  for (size_t i = 0; i + 4 <= deadline.size(); ++i) {
    if ((deadline.substr(i, 2) == "19" || deadline.substr(i, 2) == "20") &&
        std::all_of(deadline.begin() + i, deadline.begin() + i + 4,
                    [](char c) { return c >= '0' && c <= '9'; }))
      return std::string(deadline.substr(i, 4));
  }
  return {};
}

// ---------------------------------------------------------------------------
// Candidates.

struct Candidate {
  Quantity q;
  size_t first = 0, last = 0;  // tokens of the number and its unit
  size_t value_tok = 0;
  int division = 0;
  bool zero = false;
  bool number_word = false;
  bool baseline = false;  // "giảm từ X xuống Y": X is the starting level
  std::string own_year;   // deadline year stated in the figure's own clause
  bool heading_year = false;  // own_year taken from a heading or period
  uint32_t ctx_begin = 0,
           ctx_end = 0;   // a target's clause, when own_year is set
  bool in_table = false;  // classified from its table column already
  bool index = false;     // the unitless value of an index ("HDI 0,78")
  bool bare = false;      // a target with no words in its clause but its own
  // Whether a heading (or lead-in line, or table column) announces the list
  // of chỉ tiêu or mục tiêu the figure is one of.
  bool in_list = false;
};

class Extractor {
 public:
  Extractor(Document& doc)
      : doc_(doc),
        t_(doc.text),
        src_(doc.text),
        is_plan_(doc.metadata.type && *doc.metadata.type == "Kế hoạch") {}

  void run();

 private:
  // Scanning.
  void on_heading(size_t i, int level, size_t body);
  // A line ending with ':' at token i.
  void on_lead_in(size_t i);
  size_t try_number(size_t i);
  size_t try_number_word(size_t i);
  size_t try_zero(size_t i);
  size_t read_unit(size_t k, std::string& unit, bool& ratio);

  // Markdown tables ("| Chỉ tiêu | ĐVT | Kế hoạch 2025 |"): a figure alone
  // in a cell takes its unit from the unit column and its kind from the
  // column header (plan versus implementation).
  struct TableColumn {
    std::string header;  // lower case
    Ctx ctx = Ctx::kNeutral;
    std::string period;  // "năm 2025" when the header names a year
  };
  struct Table {
    std::vector<TableColumn> columns;
    int unit_col = -1, label_col = -1, number_col = -1;
    std::string header_unit;  // "(tỷ đồng)" in a header
  };
  struct TableRow {
    uint32_t begin = 0, end = 0;
    std::vector<Span> cells;
    size_t table = 0;
  };
  std::vector<Table> tables_;
  std::vector<TableRow> rows_;  // data rows, in text order
  void find_tables();
  const TableRow* row_at(uint32_t pos) const;
  size_t try_table_number(size_t i, const TableRow& row);

  // Classification.
  Ctx section_ctx(const Candidate& c, bool* indicators = nullptr,
                  bool* in_list = nullptr);
  bool announces_list(size_t k) const;
  size_t first_token_at(uint32_t at) const;
  // Reads a heading pushed by on_heading, once.
  const Heading& resolve(Heading& h);
  void classify(Candidate& c);
  bool plan_task_heading(const Candidate& c, size_t local);
  Found period_item(size_t first) const;
  bool period_sentence_goal(size_t cs, size_t local, size_t first) const;
  bool striven_item(const Candidate& c);
  bool forecast_sentence(size_t first);
  // The tokens of the result are [*s_out, *e_out).
  bool indicator_before(size_t a, size_t b, size_t* s_out, size_t* e_out) const;
  std::string noun_phrase_after(size_t k, size_t limit) const;
  bool names_unit(std::string_view after, std::string_view unit);
  // lower_words() of a unit, kept: a document states few units, many times.
  const std::string& unit_words(std::string_view unit);
  std::unordered_map<std::string, std::string> unit_words_;
  void finish();
  bool same_goal_words(const Candidate& a, const Candidate& b) const;

  std::string text(size_t a, size_t b) const { return t_.text(src_, a, b); }
  Span span_of(size_t a, size_t b) const { return {t_[a].begin, t_[b].end}; }

  Document& doc_;
  Tokens t_;
  std::string_view src_;
  const bool is_plan_;  // the document is a Kế hoạch
  DeadlineIndex deadlines_{t_};
  std::vector<Heading> stack_;
  int division_ = 0;
  std::vector<Candidate> cands_;
  // Classification of each node's heading, made when a figure first asks
  // for the node: most nodes of a long law hold no figure.
  struct NodeHeading {
    bool known = false;
    bool list = false;  // the heading announces chỉ tiêu
    Ctx ctx = Ctx::kNeutral;
  };
  mutable std::vector<NodeHeading> node_heading_;
  const NodeHeading& node_heading(size_t n) const;
  int doc_year_ = 0;  // year of issue, when known

  // Cue phrases starting at each token, computed on first use: only tokens
  // near a figure are ever looked at.
  enum : uint8_t {
    kCueStrong = 1,
    kCueResult = 2,
    kCueRate = 4,
    kCueAfter = 8,
    kCueGoal = 16,
    kCueStrive = 32,
    kCueCompare = 64,
    kCueKnown = 128,
  };
  std::vector<uint8_t> cue_;
  uint8_t cues(size_t i) {
    const uint8_t c = cue_[i];
    return c ? c : compute_cues(i);
  }
  uint8_t compute_cues(size_t i);
  // boundary() per token, computed on first use: the clauses of
  // neighbouring figures are walked over again and again.
  std::vector<uint8_t> boundary_;  // 0 unknown, 1 no, 2 yes
  struct AtBoundary {
    Extractor* x;
    bool operator()(size_t k) const {
      if (k >= x->boundary_.size()) return boundary(x->t_, k);
      uint8_t& b = x->boundary_[k];
      if (!b) b = boundary(x->t_, k) ? 2 : 1;
      return b == 2;
    }
  };
  AtBoundary at_boundary_{this};
  // Where the clause of token i starts: the boundary before it, at most 120
  // tokens back, or the body of a heading there. The figures of one clause walk
  // back over the same tokens: the last walk is kept, from `walk_from_` back to
  // `walk_to_` (before the heading rule), and a later one stops there.
  size_t clause_start_of(size_t i);
  // The tokens that start lines, ascending, as far as the scan has gone
  // (all of them once it is done).
  std::vector<uint32_t> lines_;
  // The first token of the line of token i (scanned already).
  size_t line_start_of(size_t i) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), i);
    return it == lines_.begin() ? 0 : *(it - 1);
  }
  size_t walk_from_ = SIZE_MAX, walk_to_ = 0;
  // Whether a clause that a ';' adds to the sentence of the clause at `cs`
  // follows a goal word there (see the definition).
  bool goal_earlier_in_sentence(size_t cs);
  bool compared_before_deadline(size_t cs, size_t first, size_t near);
  // Whether a result word stands in [a, b); after "phấn đấu" a base of
  // comparison ("so với dự toán năm 2024", "so với cùng kỳ") is none.
  bool reported_near(size_t a, size_t b, bool strive) {
    if (!strive) return any_cue(a, b, kCueResult);
    for (size_t k = a; k < std::min(b, t_.size()); ++k)
      if ((cues(k) & kCueResult) && !t_.match(k, {"so", "với"})) return true;
    return false;
  }
  bool keeps_result(size_t m) const;
  bool in_programme_name(const Candidate& c) const;
  bool rate_measure_unit(size_t i, std::string& unit) const;
  // The last answer, for the other figures of the clause and the clause
  // after it.
  // kGoalList: the goal word announces a list (':' after it), whose
  // sentences it governs up to the end of the line.
  enum GoalReach : uint8_t { kGoalNone, kGoalClauses, kGoalList };
  size_t goal_memo_cs_ = SIZE_MAX;
  GoalReach goal_memo_ = kGoalNone;
  void mark_node_starts();
  Span title_in(Span within) const;
  // Whether a token in [a, b) has the cue. The figures of one clause ask
  // about ranges from the same start with growing ends, so the scan from
  // the last start is kept per cue and only extended.
  struct CueScan {
    size_t from = SIZE_MAX;   // the range start the scan belongs to
    size_t scanned = 0;       // tokens [from, scanned) have been looked at
    size_t first = SIZE_MAX;  // the first token with the cue, if found
  };
  std::array<CueScan, 8> cue_scan_;
  bool any_cue(size_t a, size_t b, uint8_t bit) {
    b = std::min(b, t_.size());
    if (a >= b) return false;
    CueScan& m = cue_scan_[__builtin_ctz(bit)];
    if (m.from != a) m = {a, a, SIZE_MAX};
    if (m.first != SIZE_MAX) return m.first < b;
    for (; m.scanned < b; ++m.scanned) {
      if (cues(m.scanned) & bit) {
        m.first = m.scanned;
        return true;
      }
    }
    return false;
  }
};

void Extractor::on_heading(size_t i, int level, size_t body) {
  while (!stack_.empty() && stack_.back().level >= level) stack_.pop_back();
  Heading h;
  h.level = level;
  h.known = false;
  h.at = i;
  h.body = body;
  stack_.push_back(std::move(h));
  if (level <= 6) ++division_;
}

const Heading& Extractor::resolve(Heading& h) {
  if (h.known) return h;
  h.known = true;
  const size_t i = h.at, body = h.body;
  const int level = h.level;
  // The heading text: the rest of the line, continued over wrapped lines
  // until a line ends with punctuation or the next heading starts.
  size_t end = body;
  int lines = 0;
  // "Phần thứ nhất" or "Chương II" alone on its line: the title is the
  // next line ("Đánh giá khả năng thực hiện ...").
  bool label_only = level <= 2;
  for (size_t k = body; label_only && k < t_.size() && k < body + 4; ++k)
    if (k > body && t_[k].newline)
      break;
    else if (k == body + 3)
      label_only = false;
  while (end < t_.size() && end - body < 60) {
    if (end > body && t_[end].newline && label_only && lines == 0 &&
        !t_[end].blank) {
      size_t b2;
      label_only = false;
      if (heading_level(t_, end, b2) < 0) {
        ++lines;
        ++end;
        continue;
      }
    }
    if (end > body && t_[end].newline) {
      ++lines;
      size_t b2;
      const bool prev_closed = t_.is_punct(end - 1, ".") ||
                               t_.is_punct(end - 1, ":") ||
                               t_.is_punct(end - 1, ";");
      if (lines >= 3 || t_[end].blank || prev_closed ||
          heading_level(t_, end, b2) >= 0 || t_.is_punct(end, "-") ||
          t_.is_punct(end, "|"))
        break;
      // A wrapped heading goes on in lower case ("... kế hoạch,\nnhiệm vụ
      // 6 tháng"), after a comma, or in capitals after a line in capitals;
      // a new sentence in sentence case is the body.
      size_t line_begin = end - 1;
      while (line_begin > body && !t_[line_begin].newline) --line_begin;
      bool caps_line = true;
      for (size_t m = line_begin; m < end; ++m)
        if (t_.is_word(m) && !t_[m].all_upper &&
            !(t_[m].upper && t_.low(m).size() <= 3))
          caps_line = false;
      const bool goes_on = !t_[end].upper || t_.is_punct(end - 1, ",") ||
                           t_.is_punct(end - 1, "-") ||
                           (caps_line && t_[end].all_upper);
      if (!goes_on) break;
    }
    if (t_.is_punct(end, ".") && end + 1 < t_.size() && t_[end + 1].upper &&
        end > body + 3)
      break;  // first sentence only
    ++end;
  }
  h.ctx = classify_range(t_, i, end, &h.indicators);
  Found d = deadlines_.nearest(body, end, end, end);
  if (d.ok) h.deadline = text(d.begin, d.end - 1);
  return h;
}

const Extractor::NodeHeading& Extractor::node_heading(size_t n) const {
  NodeHeading& h = node_heading_[n];
  if (h.known) return h;
  h.known = true;
  const std::string& text = doc_.nodes[n].heading;
  if (text.empty()) return h;
  Tokens ht(text);
  h.ctx = classify_range(ht, 0, ht.size(), &h.list);
  return h;
}

// Whether the heading or lead-in line whose first token is `k` opens with
// the name of a list of goals, after its marker: "6. Chỉ tiêu chủ yếu đến
// năm 2030", "b) Mục tiêu cụ thể:", "Các chỉ tiêu kinh tế-xã hội chủ yếu năm
// 2024 là:". A heading that only mentions goals ("b) Triển khai ... phấn đấu
// đạt mục tiêu xây dựng 20% xã, phường") names none.
bool Extractor::announces_list(size_t k) const {
  for (size_t steps = 0; steps < 6 && k < t_.size(); ++steps, ++k) {
    // "Chỉ tiêu 2:", "Mục tiêu 6." number one goal each, not a list; a
    // general objective states none ("Mục tiêu chung", "Mục tiêu tổng
    // quát").
    if (t_.match(k, {"mục", "tiêu"}) || t_.match(k, {"chỉ", "tiêu"}))
      return !t_.is_number(k + 2) && !t_.is(k + 2, "chung") &&
             !t_.match(k + 2, {"tổng", "quát"});
    if (t_.match(k, {"các", "chỉ", "tiêu"}) ||
        t_.match(k, {"các", "mục", "tiêu"}) ||
        t_.match(k, {"một", "số", "chỉ", "tiêu"}))
      return true;
    if (!t_.is_word(k)) continue;  // "6.", "b)", "1.1."
    const std::string_view w = t_.low(k);
    const bool roman = t_[k].upper && w.size() <= 4 &&
                       w.find_first_not_of("ivxl") == std::string_view::npos;
    if (!roman && w != "điều" && w != "chương" && w != "phần" &&
        !(w.size() <= 2 && steps == 0))  // "a", "đ"
      return false;
  }
  return false;
}

Ctx Extractor::section_ctx(const Candidate& c, bool* indicators,
                           bool* in_list) {
  bool dummy, dummy_list;
  if (!indicators) indicators = &dummy;
  if (!in_list) in_list = &dummy_list;
  *indicators = false;
  *in_list = false;
  // A sentence in a table cell is read under its column: "| ... | Ít nhất
  // 15 tỉnh được hỗ trợ lập quy hoạch ... | ODA | 2017 - 2020 |" under
  // "Đầu ra chủ yếu" states what the programme is to reach, each figure of
  // the column as one of a list.
  if (!rows_.empty() && !c.in_table)
    if (const TableRow* row = row_at(c.q.span.begin)) {
      const Table& table = tables_[row->table];
      for (size_t k = 0; k < row->cells.size() && k < table.columns.size(); ++k)
        if (row->cells[k].begin <= c.q.span.begin &&
            c.q.span.begin < row->cells[k].end) {
          if (table.columns[k].ctx != Ctx::kNeutral) {
            *indicators = table.columns[k].ctx == Ctx::kTarget;
            if (*indicators) *in_list = true;
            return table.columns[k].ctx;
          }
          break;
        }
    }
  for (size_t k = stack_.size(); k-- > 0;)
    if (resolve(stack_[k]).ctx != Ctx::kNeutral) {
      *indicators = stack_[k].indicators;
      // The list a goal heading of its own stands in: "b) Phấn đấu 50% xã
      // đạt chuẩn ..." under "1. Mục tiêu cụ thể".
      for (size_t j = k + 1; j-- > 0 && stack_[k].ctx == Ctx::kTarget;) {
        if (resolve(stack_[j]).ctx != Ctx::kTarget) break;
        if (stack_[j].indicators) {
          size_t from =
              stack_[j].level % 2 == 0 ? stack_[j].body : stack_[j].at;
          while (stack_[j].level % 2 && from > 0 && !t_.line_start(from))
            --from;
          if (announces_list(from)) *in_list = true;
          break;
        }
      }
      return stack_[k].ctx;
    }
  // Headings from the segmented tree, innermost first.
  if (!doc_.nodes.empty()) {
    int32_t n = innermost_node(doc_, c.q.span);
    while (n != kNoNode && n >= 0 &&
           static_cast<size_t>(n) < node_heading_.size()) {
      const NodeHeading& h = node_heading(n);
      if (h.ctx != Ctx::kNeutral) {
        *indicators = h.list;
        for (int32_t m = n; m != kNoNode && m >= 0 && h.ctx == Ctx::kTarget &&
                            static_cast<size_t>(m) < node_heading_.size();
             m = doc_.nodes[m].parent) {
          const NodeHeading& o = node_heading(m);
          if (o.ctx != Ctx::kTarget && o.ctx != Ctx::kNeutral) break;
          if (o.ctx == Ctx::kTarget && o.list) {
            if (announces_list(first_token_at(doc_.nodes[m].span.begin)))
              *in_list = true;
            break;
          }
        }
        return h.ctx;
      }
      n = doc_.nodes[n].parent;
    }
  }
  return Ctx::kNeutral;
}

size_t Extractor::read_unit(size_t k, std::string& unit, bool& ratio) {
  ratio = false;
  if (t_.is_punct(k, "%")) {
    unit = "%";
    ++k;
    if (t_.is_punct(k, "/") && t_.is(k + 1, "năm")) {
      unit = "%/năm";
      k += 2;
    }
    return k;
  }
  if (t_.is_punct(k, "/") && t_.is_number(k + 1) && !t_[k + 1].newline) {
    // A rate per population: "4/100.000 trẻ sinh ra còn sống", "3/5 xã".
    size_t e = k + 2;
    size_t words = 0;
    while (e < t_.size() && t_.is_word(e) && !t_[e].newline && words < 6 &&
           !(words > 0 && is_stopword(t_.low(e)) && !t_.is(e, "còn"))) {
      ++e;
      ++words;
    }
    if (words == 0) return k;  // a bare fraction or a date
    ratio = true;
    unit = text(k, e - 1);
    return e;
  }
  if (!t_.is_word(k) || t_[k].blank) return k;
  // "Hoàn thành Kém : 0.3" / "Căn cứ để xác định ...": a capital opening
  // the next line starts a sentence of its own, not the number's unit.
  if (t_[k].newline && t_[k].upper) return k;
  // "tăng trưởng 2 con số": digits, not animals.
  if (t_.is(k, "con") && t_.is(k + 1, "số")) return k;
  // "trước 25 hằng tháng": a day of every month, no unit.
  if ((t_.is(k, "hằng") || t_.is(k, "hàng")) &&
      (t_.is(k + 1, "tháng") || t_.is(k + 1, "năm") || t_.is(k + 1, "quý") ||
       t_.is(k + 1, "tuần") || t_.is(k + 1, "ngày")))
    return k;
  size_t n = match_any(t_, k, unit_lexicon());
  if (n == 0) {
    const Tok& w = t_[k];
    if (w.upper || is_stopword(t_.low(k))) return k;
    n = 1;
    // A word outside the lexicon before a counted noun of the lexicon is
    // the first syllable of a longer noun ("tối thiểu 25 thương vụ", "10
    // phiên chợ"), not a noun of its own.
    const bool multiplier = t_.is(k, "triệu") || t_.is(k, "nghìn") ||
                            t_.is(k, "ngàn") || t_.is(k, "vạn") ||
                            t_.is(k, "tỷ") || t_.is(k, "trăm");
    if (!multiplier && t_.is_word(k + 1) && !t_[k + 1].newline &&
        !t_[k + 1].upper && !t_[k + 1].blank && !is_stopword(t_.low(k + 1)) &&
        match_any(t_, k + 1, unit_lexicon()) == 1 &&
        !is_time_unit(t_.low(k + 1)))
      n = 2;
    // A noun of two words outside the lexicon before a rate's slash is the
    // counted noun of a ratio: "109 bé trai/100 bé gái" (sex ratio at
    // birth), not "bé".
    if (n == 1 && !multiplier && t_.is_word(k + 1) && !t_[k + 1].newline &&
        !t_[k + 1].upper && !t_[k + 1].blank && !is_stopword(t_.low(k + 1)) &&
        t_.is_punct(k + 2, "/") && t_.is_number(k + 3))
      n = 2;
  }
  // A multiplier takes the noun after it: "1,3 triệu người", "45 vạn lao động".
  if (n == 1 &&
      (t_.is(k, "triệu") || t_.is(k, "nghìn") || t_.is(k, "ngàn") ||
       t_.is(k, "vạn") || t_.is(k, "tỷ") || t_.is(k, "trăm")) &&
      t_.is_word(k + 1) && !is_stopword(t_.low(k + 1)) && !t_[k + 1].newline) {
    size_t m = match_any(t_, k + 1, unit_lexicon());
    n = 1 + (m > 0 ? m : 1);
  }
  // Lexicon units keep their written form ("USD", "tỷ đồng").
  size_t e = k + n;
  // A rate unit: "ca sinh/1.000 phụ nữ", "m3/ngày đêm".
  if (t_.is_punct(e, "/") && (t_.is_number(e + 1) || t_.is_word(e + 1))) {
    size_t f = e + 1;
    if (t_.is_number(f)) ++f;
    size_t words = 0;
    if (size_t m = match_any(t_, f, unit_lexicon()); m > 0 && m <= 3) {
      f += m;  // "m3/năm", "triệu đồng/01 đơn vị", "đồng/người"
      words = m;
    } else {
      while (f < t_.size() && t_.is_word(f) && words < 2 &&
             !is_stopword(t_.low(f))) {
        ++f;
        ++words;
      }
    }
    if (words > 0) e = f;
  }
  // Lower-case except abbreviations written in capitals (USD, GDP).
  unit.clear();
  for (size_t j = k; j < e; ++j) {
    if (j > k && !t_[j].attached && !t_.is_punct(j, "/") &&
        !t_.is_punct(j - 1, "/"))
      unit.push_back(' ');
    // Abbreviations keep their capitals (USD, MW); words of a heading set
    // in capitals do not (THÁNG).
    std::string_view raw = src_.substr(t_[j].begin, t_[j].end - t_[j].begin);
    const bool ascii = std::all_of(raw.begin(), raw.end(), [](char ch) {
      return static_cast<unsigned char>(ch) < 0x80;
    });
    if (t_[j].all_upper && ascii && raw.size() <= 4)
      unit.append(raw);
    else
      unit.append(t_.low(j));
  }
  return e;
}

// Words before a number that make it a label or a date, not a quantity.
bool label_word(std::string_view w) {
  static const std::string_view kWords[] = {
      "điều", "khoản", "điểm", "chương", "mục",   "phần",  "số",    "thứ",
      "lớp",  "khóa",  "khoá", "kỳ",     "quý",   "ngày",  "tháng", "năm",
      "đoạn", "đợt",   "mẫu",  "lục",    "vực",   "games", "tuyến", "bảng",
      "phụ",  "nhóm",  "cấp",  "hạng",   "loại",  "vùng",  "kv",    "phiên",
      "tổ",   "khu",   "ô",    "thửa",   "tờ",    "trang", "dòng",  "hộp",
      "kênh", "quốc",  "lộ",   "đường",  "nghị",  "quyết", "định",  "tư",
      "lệnh", "luật",  "tcvn", "iso",    "covid", "sea",
  };
  // Asked for every number: one probe answers most words.
  static const internal::WordMap<bool> kMap = [] {
    internal::WordMap<bool> m;
    for (std::string_view k : kWords) m[k] = true;
    return m;
  }();
  return kMap.find(w) != nullptr;
}

// Lower-case words of `s`, one space between words, none around '/'.
std::string lower_words(std::string_view s) {
  Tokens t(s);
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i > 0 && !t[i].attached && !t.is_punct(i, "/") &&
        !t.is_punct(i - 1, "/"))
      out.push_back(' ');
    out.append(t.low(i));
  }
  return out;
}

// The words after a figure are its unit alone ("36.000 USD" -> "USD"). The
// lengths are compared first: lower_words tokenizes.
bool Extractor::names_unit(std::string_view after, std::string_view unit) {
  if (after == unit) return true;
  if (after.size() > unit.size() + 4 || unit.size() > after.size() + 4)
    return false;
  return lower_words(after) == unit_words(unit);
}

const std::string& Extractor::unit_words(std::string_view unit) {
  auto [it, added] = unit_words_.try_emplace(std::string(unit));
  if (added) it->second = lower_words(unit);
  return it->second;
}

bool has_word(const std::string& lower, std::string_view w) {
  // Whole-word search in a space-joined lower-case string.
  size_t pos = 0;
  while ((pos = lower.find(w, pos)) != std::string::npos) {
    const bool left = pos == 0 || lower[pos - 1] == ' ';
    const bool right =
        pos + w.size() == lower.size() || lower[pos + w.size()] == ' ';
    if (left && right) return true;
    pos += w.size();
  }
  return false;
}

void Extractor::find_tables() {
  std::string_view s = src_;
  std::vector<std::pair<uint32_t, std::vector<Span>>> group;
  auto flush = [&] {
    if (group.size() < 2) {
      group.clear();
      return;
    }
    auto is_sep = [&](const std::vector<Span>& cells) {
      for (Span c : cells)
        for (char ch : s.substr(c.begin, c.size()))
          if (ch != '-' && ch != ':' && ch != ' ') return false;
      return true;
    };
    size_t sep = group.size();
    for (size_t r = 0; r < group.size() && r < 4; ++r)
      if (is_sep(group[r].second)) {
        sep = r;
        break;
      }
    const size_t header_rows = (sep < group.size() && sep > 0) ? sep : 1;
    Table table;
    size_t ncols = 0;
    for (const auto& row : group) ncols = std::max(ncols, row.second.size());
    table.columns.resize(ncols);
    for (size_t r = 0; r < header_rows; ++r)
      for (size_t c = 0; c < group[r].second.size(); ++c) {
        Span cell = group[r].second[c];
        std::string& h = table.columns[c].header;
        if (!h.empty()) h.push_back(' ');
        h += lower_words(s.substr(cell.begin, cell.size()));
        std::string_view raw = s.substr(cell.begin, cell.size());
        size_t open = raw.find('('), close = raw.rfind(')');
        if (open != std::string_view::npos && close != std::string_view::npos &&
            close > open)
          table.header_unit =
              lower_words(raw.substr(open + 1, close - open - 1));
      }
    for (size_t c = 0; c < ncols; ++c) {
      TableColumn& col = table.columns[c];
      const std::string& h = col.header;
      if (table.unit_col < 0 && (has_word(h, "đvt") || h.find("đơn vị") == 0 ||
                                 has_word(h, "đơn vị tính")))
        table.unit_col = static_cast<int>(c);
      else if (table.label_col < 0 &&
               (h.find("chỉ tiêu") != std::string::npos ||
                h.find("nội dung") != std::string::npos ||
                h.find("tiêu chí") != std::string::npos ||
                h.find("danh mục") != std::string::npos))
        table.label_col = static_cast<int>(c);
      else if (has_word(h, "stt") || has_word(h, "tt"))
        table.number_col = static_cast<int>(c);
      const bool plan = h.find("kế hoạch") != std::string::npos ||
                        has_word(h, "kh") ||
                        h.find("mục tiêu") != std::string::npos ||
                        h.find("dự kiến") != std::string::npos ||
                        h.find("phấn đấu") != std::string::npos ||
                        h.find("định hướng") != std::string::npos ||
                        // A programme's outputs: "Đầu ra chủ yếu", "Sản
                        // phẩm đầu ra".
                        h.find("đầu ra") != std::string::npos;
      const bool done = h.find("thực hiện") != std::string::npos ||
                        has_word(h, "th") || has_word(h, "ước") ||
                        h.find("đạt được") != std::string::npos ||
                        h.find("so sánh") != std::string::npos ||
                        h.find("cùng kỳ") != std::string::npos;
      // A year in the header: later than the year of issue is planned.
      int year = 0;
      for (size_t p = 0; p + 4 <= h.size(); ++p)
        if ((h.compare(p, 2, "19") == 0 || h.compare(p, 2, "20") == 0) &&
            std::all_of(h.begin() + p, h.begin() + p + 4,
                        [](char ch) { return ch >= '0' && ch <= '9'; }) &&
            (p == 0 || h[p - 1] == ' ') &&
            (p + 4 == h.size() || h[p + 4] == ' ')) {
          year = std::atoi(h.substr(p, 4).c_str());
          col.period = "năm " + h.substr(p, 4);
        }
      const bool rate = h.find("giá") != std::string::npos ||
                        h.find("mức") != std::string::npos ||
                        h.find("phí") != std::string::npos ||
                        h.find("lãi suất") != std::string::npos;
      if (rate)
        col.ctx = Ctx::kOther;
      else if (done)
        col.ctx = Ctx::kResult;
      else if (plan)
        col.ctx = Ctx::kTarget;
      else if (year > 0 && doc_year_ > 0)
        col.ctx = year > doc_year_   ? Ctx::kTarget
                  : year < doc_year_ ? Ctx::kResult
                                     : Ctx::kNeutral;
    }
    // A data dictionary ("| Chỉ tiêu | Kiểu dữ liệu | Kích thước tối đa |",
    // the XML tables of health insurance claims) defines fields: a length
    // or size in it ("gồm 12 ký tự", "| 255 |") is no goal, whatever the
    // heading above calls its rows ("Bảng chỉ tiêu dữ liệu").
    for (const TableColumn& col : table.columns)
      if (col.header.find("kiểu dữ liệu") != std::string::npos) {
        for (TableColumn& other : table.columns) other.ctx = Ctx::kOther;
        break;
      }
    if (table.label_col < 0)
      for (size_t c = 0; c < ncols; ++c)
        if (static_cast<int>(c) != table.number_col &&
            static_cast<int>(c) != table.unit_col) {
          table.label_col = static_cast<int>(c);
          break;
        }
    tables_.push_back(std::move(table));
    for (size_t r = header_rows; r < group.size(); ++r) {
      if (r == sep) continue;
      TableRow row;
      row.begin = group[r].first;
      row.cells = group[r].second;
      row.end = row.cells.empty() ? row.begin : row.cells.back().end;
      row.table = tables_.size() - 1;
      rows_.push_back(std::move(row));
    }
    group.clear();
  };
  size_t pos = 0;
  while (pos < s.size()) {
    // Lines without a '|' only end a table: go on at the next line that
    // holds one.
    const size_t bar = s.find('|', pos);
    if (bar == std::string_view::npos) break;
    const size_t nl = s.rfind('\n', bar);
    const size_t line = nl == std::string_view::npos || nl < pos ? pos : nl + 1;
    if (line > pos) {
      flush();
      pos = line;
    }
    size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) eol = s.size();
    size_t b = pos;
    while (b < eol && (s[b] == ' ' || s[b] == '\t')) ++b;
    std::vector<Span> cells;
    if (b < eol && s[b] == '|') {
      size_t prev = b;
      for (size_t k = b + 1; k < eol; ++k)
        if (s[k] == '|') {
          cells.push_back(
              {static_cast<uint32_t>(prev + 1), static_cast<uint32_t>(k)});
          prev = k;
        }
      // A cell broken over lines ("<br>" in the source): "| 4 | HO_TEN |
      // ... | Là họ và tên của người bệnh." / "- Lưu ý: ..." / "... cho
      // trẻ. |  |". The row goes on to the line that ends with '|', unless
      // a line starting with '|' (the next row) comes first.
      size_t last = eol;
      while (last > b && (s[last - 1] == ' ' || s[last - 1] == '\t')) --last;
      if ((cells.size() >= 2 || !group.empty()) && s[last - 1] != '|') {
        size_t next = eol;
        for (int lines = 0; lines < 32 && next < s.size(); ++lines) {
          const size_t from = next + 1;
          size_t end = s.find('\n', from);
          if (end == std::string_view::npos) end = s.size();
          size_t first = from;
          while (first < end && (s[first] == ' ' || s[first] == '\t')) ++first;
          if (first == end || s[first] == '|') break;
          size_t tail = end;
          while (tail > first && (s[tail - 1] == ' ' || s[tail - 1] == '\t'))
            --tail;
          if (s[tail - 1] != '|') {
            next = end;
            continue;
          }
          for (size_t k = from; k < end; ++k)
            if (s[k] == '|') {
              cells.push_back(
                  {static_cast<uint32_t>(prev + 1), static_cast<uint32_t>(k)});
              prev = k;
            }
          eol = end;
          break;
        }
      }
    }
    if (cells.size() >= 2)
      group.emplace_back(static_cast<uint32_t>(b), std::move(cells));
    else
      flush();
    pos = eol + 1;
  }
  flush();
}

const Extractor::TableRow* Extractor::row_at(uint32_t pos) const {
  auto it = std::upper_bound(
      rows_.begin(), rows_.end(), pos,
      [](uint32_t p, const TableRow& r) { return p < r.begin; });
  if (it == rows_.begin()) return nullptr;
  --it;
  return pos < it->end ? &*it : nullptr;
}

// A comparison sign right before the figure at `first` ("≥ 93", "<5",
// ">= 90"): its comparator, and in `begin` its first token; kNone when
// there is none.
Comparator sign_comparison(const Tokens& t, size_t first, size_t& begin) {
  if (first == 0) return Comparator::kNone;
  const size_t k = first - 1;
  struct Sign {
    std::string_view mark;
    Comparator cmp;
  };
  static constexpr Sign kSigns[] = {{"≥", Comparator::kAtLeast},
                                    {"≤", Comparator::kAtMost},
                                    {">", Comparator::kAbove},
                                    {"<", Comparator::kBelow}};
  // ">=" and "<=" are two marks written together.
  if (k > 0 && t.is_punct(k, "=") && t[k].attached) {
    begin = k - 1;
    if (t.is_punct(k - 1, ">")) return Comparator::kAtLeast;
    if (t.is_punct(k - 1, "<")) return Comparator::kAtMost;
    return Comparator::kNone;
  }
  for (const Sign& sign : kSigns)
    if (t.is_punct(k, sign.mark)) {
      begin = k;
      return sign.cmp;
    }
  return Comparator::kNone;
}

Comparator comparator_for(const Tokens& t, size_t from, size_t first,
                          size_t last);

size_t Extractor::try_table_number(size_t i, const TableRow& row) {
  const Table& table = tables_[row.table];
  const uint32_t at = t_[i].begin;
  int col = -1;
  for (size_t c = 0; c < row.cells.size(); ++c)
    if (row.cells[c].begin <= at && at < row.cells[c].end)
      col = static_cast<int>(c);
  if (col < 0 || col == table.number_col || col == table.label_col ||
      col == table.unit_col || static_cast<size_t>(col) >= table.columns.size())
    return 0;
  // The cell holds the figure alone ("7,5", "95%", "5 - 7"), or with a
  // comparison ("≥ 93", "Trên 50", "90% trở lên") or the figure to reach
  // ("Khoảng 300", "Đạt 45").
  Span cell = row.cells[col];
  size_t first = i, last = i;
  while (first > 0 && t_[first - 1].begin >= cell.begin) --first;
  Candidate c;
  auto v = internal::parse_vn_number(t_.low(i));
  if (!v) return 0;
  c.q.value = *v;
  if (t_.is_punct(last + 1, "-") && t_.is_number(last + 2)) {
    if (auto mx = internal::parse_vn_number(t_.low(last + 2)); mx && *mx > *v) {
      c.q.value_max = *mx;
      last += 2;
    }
  }
  if (t_.is_punct(last + 1, "%") && t_[last + 1].begin < cell.end) {
    c.q.unit = "%";
    ++last;
  }
  const size_t figure_end = last;
  if ((t_.match(last + 1, {"trở", "lên"}) ||
       t_.match(last + 1, {"trở", "xuống"})) &&
      t_[last + 2].begin < cell.end)
    last += 2;
  if (last + 1 < t_.size() && t_[last + 1].begin < cell.end) return 0;
  c.q.comparator = comparator_for(t_, first, i, figure_end);
  // Words before the figure that state no comparison ("Hầu hết 20") keep
  // the cell out.
  if (first < i && c.q.comparator == Comparator::kReach &&
      !(first + 1 == i && (t_.is(first, "khoảng") || t_.is(first, "đạt"))))
    return 0;
  if (c.q.unit.empty() && table.unit_col >= 0 &&
      static_cast<size_t>(table.unit_col) < row.cells.size()) {
    Span u = row.cells[table.unit_col];
    c.q.unit = lower_words(src_.substr(u.begin, u.size()));
  }
  if (c.q.unit.empty()) c.q.unit = table.header_unit;
  if (c.q.unit.empty()) return last + 1;  // a bare number: not a quantity
  const TableColumn& column = table.columns[col];
  Ctx ctx = column.ctx;
  if (ctx == Ctx::kNeutral) {
    Candidate probe;
    probe.q.span = span_of(i, last);
    ctx = section_ctx(probe);
    // Sums of money in a table without a plan column are allocations.
    if (ctx == Ctx::kTarget && is_money_unit(c.q.unit)) ctx = Ctx::kOther;
  }
  c.q.kind = ctx == Ctx::kTarget   ? QuantityKind::kTarget
             : ctx == Ctx::kResult ? QuantityKind::kResult
                                   : QuantityKind::kOther;
  if (is_time_unit(c.q.unit) && c.q.kind == QuantityKind::kTarget)
    c.q.kind = QuantityKind::kOther;
  if (table.label_col >= 0 &&
      static_cast<size_t>(table.label_col) < row.cells.size()) {
    Span l = row.cells[table.label_col];
    std::string label = Tokens(src_.substr(l.begin, l.size()))
                            .text(src_.substr(l.begin, l.size()), 0, SIZE_MAX);
    size_t b = label.find_first_not_of(" -+*");
    c.q.indicator = b == std::string::npos ? std::string() : label.substr(b);
  }
  c.q.deadline = column.period;
  c.first = first;
  c.value_tok = i;
  c.last = last;
  c.q.span = span_of(first, last);
  c.q.text = text(first, last);
  c.division = division_;
  c.in_table = true;
  cands_.push_back(std::move(c));
  return last + 1;
}

size_t Extractor::try_number(size_t i) {
  const Tok& n = t_[i];
  if (!rows_.empty()) {
    if (const TableRow* row = row_at(n.begin)) {
      size_t next = try_table_number(i, *row);
      if (next > 0) return next;
    }
  }
  // A minus sign after a comparison: "tổng lượng phát thải và hấp thụ đạt
  // ít nhất -95 triệu tấn CO2tđ" (a net sink). Elsewhere an attached '-'
  // joins a code ("Covid-19").
  const bool negative =
      n.attached && i >= 2 && t_.is_punct(i - 1, "-") && !t_[i - 1].attached &&
      !t_[i - 1].newline &&
      (t_.is(i - 2, "nhất") || t_.is(i - 2, "thiểu") || t_.is(i - 2, "đạt") ||
       t_.is(i - 2, "mức") || t_.is(i - 2, "là"));
  // Codes and names: "TW6", "DV12", "Covid-19", "G 20".
  if (!negative && n.attached && i > 0 &&
      (t_.is_word(i - 1) || t_.is_punct(i - 1, "-") ||
       t_.is_punct(i - 1, "/") || t_.is_punct(i - 1, ".") ||
       t_.is_number(i - 1)))
    return i + 1;
  // Skip a whole run of code-like tokens: dates, document numbers.
  auto skip_code = [&](size_t k) {
    while (k < t_.size() && k < i + 12 &&
           (t_.is_punct(k, "/") || t_.is_punct(k, "-") || t_.is_punct(k, ".") ||
            t_.is_number(k) || (t_.is_word(k) && t_[k].all_upper) ||
            (t_.is_word(k) && t_[k].attached)) &&
           (k == i + 1 || t_[k].attached || t_.is_punct(k, "/") ||
            t_.is_punct(k, "-") || t_.is_punct(k - 1, "/") ||
            t_.is_punct(k - 1, "-")))
      ++k;
    return k;
  };
  const size_t j = i + 1;
  // Document numbers: "12/2020/NQ-HĐND", "01 /NQ-HĐND", "08-NQ/TW".
  if (t_.is_punct(j, "/") &&
      (t_.is_word(j + 1) || (t_.is_number(j + 1) && t_.is_punct(j + 2, "/")) ||
       (t_.is_number(j + 1) && t_.is_punct(j + 2, "-"))))
    return skip_code(j);
  if (t_.is_punct(j, "-") && t_.is_word(j + 1) && t_[j + 1].upper)
    return skip_code(j);
  if (t_.is_punct(j, "-") && t_.is_number(j + 1) && t_.is_punct(j + 2, "/"))
    return skip_code(j);  // "19-2017/NQ-CP"
  // Dates without a year and month/year pairs: "15/11", "12/2025".
  if (t_.is_punct(j, "/") && t_.is_number(j + 1)) {
    if (is_year(t_, j + 1)) return j + 2;
    if (i > 0 && t_.is_word(i - 1) &&
        (t_.is(i - 1, "ngày") || t_.is(i - 1, "từ") || t_.is(i - 1, "đến") ||
         t_.is(i - 1, "tháng") || t_.is(i - 1, "hạn") ||
         t_.is(i - 1, "trước") || t_.is(i - 1, "sau") || t_.is(i - 1, "quý")))
      return j + 2;
  }
  // Labels: "Điều 5", "khoản 2", "lần thứ 9", "Số: 01", "năm 2020".
  // "tổng số 1.177 hộ" is a count, not a number label.
  // "ổn định 42%", "cố định 5 năm": "định" names an act only after "nghị"
  // or "quyết". "kiểu mẫu" means model, not a form: "tỷ lệ thôn đạt chuẩn
  // nông thôn mới kiểu mẫu 1,8%".
  if (i > 0 && t_.is_word(i - 1) && label_word(t_.low(i - 1)) &&
      !(t_.is(i - 1, "mẫu") && t_.ends_before(i - 1, {"kiểu"})) &&
      !(t_.is(i - 1, "số") && t_.ends_before(i - 1, {"tổng"})) &&
      !(t_.is(i - 1, "định") && !t_.ends_before(i - 1, {"nghị"}) &&
        !t_.ends_before(i - 1, {"quyết"})))
    return j;
  if (i > 1 && t_.is_punct(i - 1, ":") && t_.is(i - 2, "số"))
    return skip_code(j);
  // A date whose leading zero a copy split from its digit: "ngày 26 tháng
  // 0 6 năm 2018" (the "0" is the month's label's; the "6" is no count).
  if (i > 1 && t_.is_number(i - 1) && t_.low(i - 1) == "0" &&
      t_.is_word(i - 2) && (t_.is(i - 2, "tháng") || t_.is(i - 2, "ngày")))
    return j;
  // Names: "SEA Games 31", "Trung ương 9"; a capital inside a sentence.
  // A name never has a decimal part or a percent sign: "tại thành phố Hà
  // Giang 34,6 m", "Hà Nội 100% xã".
  if (i > 0 && t_.is_word(i - 1) && t_[i - 1].upper && !at_boundary_(i - 1) &&
      !t_[i - 1].all_upper && t_.low(i).find(',') == std::string_view::npos &&
      !t_.is_punct(j, "%"))
    return j;
  // List markers: "1.", "2.1.", "(3)".
  size_t body;
  if (heading_level(t_, i, body) >= 0) return body;
  if (t_.is_punct(i - 1, "(") && t_.is_punct(j, ")")) return j + 1;
  // Years and year ranges.
  if (is_year(t_, i) && !t_.is_punct(j, "%")) {
    if (t_.is_punct(j, "-") && is_year(t_, j + 1)) return j + 2;
    return j;
  }
  std::optional<double> value = internal::parse_vn_number(t_.low(i));
  if (!value) return j;

  Candidate c;
  c.q.value = negative ? -*value : *value;
  c.value_tok = i;
  c.first = negative ? i - 1 : i;
  size_t k = j;
  // Ranges: "5-7%", "5 - 7%", "5%-7%", "từ 5 đến 7%", "từ 7,5% đến 8%"; a dash
  // that starts a line marks the next item ("đạt 80%" / "- 94% dân cư thành
  // thị").
  const auto same_line = [&](size_t m) {
    return m < t_.size() && !t_[m].newline && !t_[m].blank;
  };
  if ((t_.is_punct(k, "-") || t_.is(k, "đến")) && t_.is_number(k + 1) &&
      same_line(k) && same_line(k + 1) && !is_year(t_, k + 1)) {
    if (auto mx = internal::parse_vn_number(t_.low(k + 1));
        mx && *mx > *value) {
      c.q.value_max = *mx;
      k += 2;
    }
  } else if (t_.is_punct(k, "%") &&
             (t_.is_punct(k + 1, "-") || t_.is(k + 1, "đến")) &&
             t_.is_number(k + 2) && t_.is_punct(k + 3, "%") &&
             same_line(k + 1) && same_line(k + 2)) {
    if (auto mx = internal::parse_vn_number(t_.low(k + 2));
        mx && *mx > *value) {
      c.q.value_max = *mx;
      k += 3;  // the unit is the second '%'
    }
  }
  bool ratio = false;
  size_t e = read_unit(k, c.q.unit, ratio);
  // A share of a count: "giảm 1/2 số hộ nghèo", "2/3 số xã" (a half, two
  // thirds), unlike a count out of a whole ("3/5 xã") or a rate per
  // population ("4/100.000 trẻ sinh ra còn sống").
  if (ratio && !c.q.value_max && e > k + 3 && t_.is(k + 2, "số") &&
      *value >= 1 && *value == static_cast<int>(*value)) {
    if (auto den = internal::parse_vn_number(t_.low(k + 1));
        den && *den <= 10 && *den > *value && *den == static_cast<int>(*den)) {
      c.q.value = *value / *den;
      c.q.unit = text(k + 2, e - 1);
    }
  }
  if (e == k) {
    // No unit: a bare number is not a quantity, except the value of an
    // index with a fraction ("Chỉ số phát triển con người (HDI) đạt 0,78").
    // "chỉ số" earlier on the line, within its clause.
    bool index = false;
    if (t_.low(i).find(',') != std::string_view::npos)
      for (size_t m = i; m-- > 0 && m + 25 > i && !index;) {
        if (t_.is_punct(m, ";")) break;
        index = t_.match(m, {"chỉ", "số"});
        if (t_[m].newline) break;
      }
    if (!index) {
      // Only after a verb of reaching: most bare numbers are codes or labels.
      if (!(t_.is(i - 1, "là") || t_.is(i - 1, "đạt") || t_.is(i - 1, "nhất") ||
            t_.is(i - 1, "khoảng")) ||
          !rate_measure_unit(i, c.q.unit))
        return k;
    } else {
      c.index = true;
    }
  }
  // An attached suffix that is not a unit ("2C", "1AE") marks a code.
  if (t_[k].attached && t_.is_word(k) && c.q.unit.size() > 3 &&
      match_any(t_, k, unit_lexicon()) == 0)
    return e;
  // So does one letter glued into a word in damaged text: "1ỷ lệ" (Tỷ lệ),
  // "5l triệu đồng" (51 triệu đồng); "18h", "1,5oC", "5cm2" stay units.
  if (t_[k].attached && t_.is_word(k) && e == k + 1 && t_.is_word(e) &&
      !t_[e].newline && !t_[e].upper && match_any(t_, k, unit_lexicon()) == 0) {
    const std::string_view w = t_.low(k);
    const bool one_letter =
        w.size() == 1 ||
        (static_cast<unsigned char>(w[0]) >= 0xC0 &&
         w.size() == (static_cast<unsigned char>(w[0]) >= 0xE0 ? 3u : 2u));
    const bool multiplier = t_.is(e, "triệu") || t_.is(e, "nghìn") ||
                            t_.is(e, "ngàn") || t_.is(e, "tỷ");
    if (one_letter && w != "đ" && (w.size() > 1 || multiplier)) return e;
  }
  // The unit written twice: "từ 80,4 triệu đồng đến 80,8 triệu đồng".
  if (!c.q.value_max && !ratio && t_.is(e, "đến") && same_line(e) &&
      t_.is_number(e + 1) && same_line(e + 1) && !is_year(t_, e + 1)) {
    if (auto mx = internal::parse_vn_number(t_.low(e + 1));
        mx && *mx > *value && !negative) {
      std::string unit2;
      bool ratio2 = false;
      const size_t e2 = read_unit(e + 2, unit2, ratio2);
      if (e2 > e + 2 && !ratio2 && unit2 == c.q.unit) {
        c.q.value_max = *mx;
        e = e2;
      }
    }
  }
  c.last = e - 1;
  // "giảm từ 23 ... xuống 18 ...", "tăng từ mức 955 tỷ đồng năm 2023 lên mức
  // 1.010 tỷ đồng": the first figure is the baseline.
  if (i > 1 && !c.q.value_max &&
      (t_.is(i - 1, "từ") || (t_.is(i - 1, "mức") && t_.is(i - 2, "từ")))) {
    for (size_t m = e; m < e + 6 && m < t_.size(); ++m)
      if ((t_.is(m, "xuống") || t_.is(m, "lên")) &&
          (t_.is_number(m + 1) ||
           (t_.is(m + 1, "mức") && t_.is_number(m + 2)))) {
        c.baseline = true;
        break;
      }
  }
  c.q.span = span_of(c.first, c.last);
  c.division = division_;
  cands_.push_back(std::move(c));
  return e;
}

size_t Extractor::try_number_word(size_t i) {
  std::optional<double> v = internal::number_word(t_.low(i));
  if (!v) return i + 1;
  if (!(t_.ends_before(i, {"ít", "nhất"}) ||
        t_.ends_before(i, {"tối", "thiểu"}) ||
        t_.ends_before(i, {"không", "dưới"})))
    return i + 1;
  if (t_.is(i + 1, "trong") || t_.is(i + 1, "số") || t_.is(i + 1, "nửa") ||
      t_.is(i + 1, "phần"))
    return i + 1;
  Candidate c;
  c.q.value = *v;
  c.value_tok = i;
  c.first = i;
  c.number_word = true;
  bool ratio;
  size_t e = read_unit(i + 1, c.q.unit, ratio);
  if (e == i + 1) return i + 1;
  c.last = e - 1;
  c.q.span = span_of(c.first, c.last);
  c.division = division_;
  cands_.push_back(std::move(c));
  return e;
}

// Per first byte, the lengths (one bit each) of the words the main loop acts
// on: "không" and the words internal::number_word reads. Almost every other
// word is ruled out by one load.
struct WordStarts {
  uint8_t lengths[256] = {};
  constexpr WordStarts() {
    const char* const kWords[] = {"không", "một", "hai", "ba",   "bốn",
                                  "sáu",   "bảy", "tám", "chín", "mười"};
    for (const char* w : kWords) {
      size_t n = 0;
      while (w[n]) ++n;
      lengths[static_cast<unsigned char>(w[0])] |=
          static_cast<uint8_t>(1u << n);
    }
  }
};
constexpr WordStarts kWordStarts;

// Elimination goals: "không còn hộ nghèo" (value 0, unit = the noun).
size_t Extractor::try_zero(size_t i) {
  if (!t_.match(i, {"không", "còn"}) || !t_.is_word(i + 2)) return i + 1;
  static const std::string_view kNotNoun[] = {
      "nữa",   "là",    "được", "có",    "phù",   "hiệu",  "hợp",  "đủ",
      "tồn",   "phải",  "bị",   "thấy",  "gì",    "ai",    "nào",  "như",
      "khả",   "thời",  "cần",  "hoạt",  "sử",    "giá",   "đúng", "chỗ",
      "hạn",   "nhiều", "ít",   "thích", "quyền", "nghĩa", "tác",  "áp",
      "trong", "ở",     "tại",  "đảm",   "bảo",   "theo"};
  for (std::string_view w : kNotNoun)
    if (t_.is(i + 2, w)) return i + 2;
  size_t e = i + 2;
  while (e < t_.size() && e < i + 9) {
    // A count inside the noun: "không còn phòng học 3 ca".
    if (t_.is_number(e) && e > i + 2 && t_.is_word(e + 1) &&
        !is_stopword(t_.low(e + 1))) {
      e += 2;
      continue;
    }
    if (!t_.is_word(e) ||
        (e > i + 2 && (is_stopword(t_.low(e)) || t_.is(e, "ở"))))
      break;
    if (e > i + 2 && t_[e].newline && t_[e].blank) break;
    ++e;
  }
  Candidate c;
  c.zero = true;
  c.first = i;
  c.last = e - 1;
  c.value_tok = i;
  c.q.value = 0;
  c.q.comparator = Comparator::kZero;
  for (size_t j = i + 2; j < e; ++j) {
    if (j > i + 2) c.q.unit.push_back(' ');
    c.q.unit.append(t_.low(j));
  }
  c.q.span = span_of(c.first, c.last);
  c.division = division_;
  cands_.push_back(std::move(c));
  return e;
}

// The comparator a figure is stated with, from the words just before it and
// "trở lên" / "trở xuống" just after it.
Comparator comparator_for(const Tokens& t, size_t from, size_t first,
                          size_t last) {
  if (t.match(last + 1, {"trở", "lên"})) return Comparator::kAtLeast;
  if (t.match(last + 1, {"trở", "xuống"})) return Comparator::kAtMost;
  // A sign says it outright: "đạt ≥ 93%", "< 2%".
  size_t sign = first;
  if (const Comparator stated = sign_comparison(t, first, sign);
      stated != Comparator::kNone && sign >= from)
    return stated;
  // "ít nhất" governs the figure even when "đạt" stands between them
  // ("... ít nhất vào năm 2025 đạt 40%").
  // So does "không vượt quá" ("mực nước dưới đất không vượt quá ngưỡng giới
  // hạn cho phép đến chiều sâu ... 34,6 m").
  for (size_t k = from; k < first; ++k) {
    // Three words start the phrases, "ít", "tối" and "không" (three, five
    // and six bytes): most tokens stop at their length or first byte.
    const std::string_view w = t.low(k);
    const char first_byte = w.empty() ? '\0' : w[0];
    if (!(w.size() == 3 && first_byte == '\xC3') &&
        !(w.size() == 5 && first_byte == 't') &&
        !(w.size() == 6 && first_byte == 'k'))
      continue;
    const bool least = t.match(k, {"ít", "nhất"}) ||
                       t.match(k, {"tối", "thiểu"}) ||
                       t.match(k, {"không", "dưới"});
    const bool most = !least && t.match(k, {"không", "vượt", "quá"});
    // "ít nhất bằng diện tích đã đạt được tại năm 2020 và tăng độ che phủ
    // rừng ... lên 45%": the least level is of what "bằng" compares.
    if (least && t.is(k + 2, "bằng") && !t.is_number(k + 3)) continue;
    if (least || most) {
      bool figure_between = false;
      for (size_t m = k + 2; m < first; ++m)
        figure_between |=
            (t.is_number(m) && !is_year(t, m)) || t.is_punct(m, ";");
      if (!figure_between)
        return least ? Comparator::kAtLeast : Comparator::kAtMost;
    }
  }
  size_t stop = first > 12 ? first - 12 : 0;
  if (stop < from) stop = from;
  for (size_t k = first; k-- > stop;) {
    if (t[k].type == TokType::kPunct &&
        (t.low(k) == ";" || t.low(k) == ":" || t.low(k) == "|"))
      break;
    if (t[k].type == TokType::kNumber && k + 1 < first) break;
    std::string_view w = t.low(k);
    // "trên" and "dưới" compare only right before the figure: elsewhere
    // they are prepositions ("trên toàn tỉnh", "dưới sự chỉ đạo").
    const bool adjacent = k + 1 == first || t.is(k + 1, "mức");
    if ((w == "trên" || w == "dưới") && !adjacent) continue;
    if (w == "dưới")
      return t.ends_before(k, {"không"}) ? Comparator::kAtLeast
                                         : Comparator::kBelow;
    if (t.match(k, {"ít", "nhất"}) || t.match(k, {"tối", "thiểu"}))
      return Comparator::kAtLeast;
    if (t.match(k, {"không", "quá"}) || t.match(k, {"tối", "đa"}) ||
        t.match(k, {"không", "vượt", "quá"}) || t.match(k, {"nhiều", "nhất"}))
      return Comparator::kAtMost;
    if ((w == "quá" || w == "vượt") &&
        (t.ends_before(k, {"không"}) || t.ends_before(k, {"không", "vượt"}) ||
         t.ends_before(k, {"không", "được", "vượt"})))
      return Comparator::kAtMost;
    if (w == "trên" || w == "hơn" || w == "vượt") {
      if (t.ends_before(k, {"tăng"}) || t.ends_before(k, {"tăng", "thêm"}))
        return Comparator::kIncrease;
      if (t.ends_before(k, {"giảm"})) return Comparator::kDecrease;
      return Comparator::kAbove;
    }
    if (t.match(k, {"nằm", "trong"}) || t.match(k, {"trong", "top"}) ||
        w == "top")
      return Comparator::kAtMost;
    // "thấp nhất là 30% đối với trẻ nhà trẻ": the lowest level allowed.
    if (w == "là" && (t.ends_before(k, {"thấp", "nhất"}) ||
                      t.ends_before(k, {"tối", "thiểu"})))
      return Comparator::kAtLeast;
    if (w == "là" && t.ends_before(k, {"tối", "đa"}))
      return Comparator::kAtMost;
    if (w == "đạt" || t.match(k, {"ở", "mức"}) || w == "bằng" || w == "là")
      return Comparator::kReach;
    if (w == "xuống" || w == "còn" || w == "giảm") return Comparator::kDecrease;
    // "phấn đấu thêm 7 xã đạt chuẩn", "có thêm 8 sản phẩm OCOP".
    if (w == "tăng" || w == "lên" || w == "thêm") return Comparator::kIncrease;
  }
  return Comparator::kReach;
}

// Words that introduce a figure as something to reach, used to accept counts
// ("phấn đấu 22 xã", "chỉ tiêu 01 trường", "ít nhất 04 tin, bài").
bool direct_cue(const Tokens& t, size_t from, size_t first) {
  static const PhraseList k = phrases({
      "đạt",
      "phấn đấu",
      "phân đấu",
      "chỉ tiêu",
      "ít nhất",
      "tối thiểu",
      "không dưới",
      "trên",
      "dưới",
      "ở mức",
      "còn",
      "xuống",
      "lên",
      "nằm trong",
      "tăng",
      "giảm",
      "thêm",
      "có ít nhất",
      // "Có từ 25 công trình xây dựng xanh được chứng nhận": at least 25.
      "có từ",
      "mục tiêu",
      // The goals of tourism and labour plans: "đón 8,6 triệu lượt khách",
      // "thu hút 7.500 lao động", "tạo việc làm cho 38 ngàn lao động".
      "đón",
      // "phấn đấu đón và phục vụ 22 - 23 triệu lượt khách du lịch quốc tế".
      "phục vụ",
      "thu hút",
      "việc làm cho",
      // "thành lập mới 520 doanh nghiệp", "trồng mới 32.700 ha".
      "mới",
  });
  // "thực hiện dự án trồng mới 5 triệu ha rừng" names a programme.
  static const PhraseList kProgrammes =
      phrases({"dự án", "đề án", "chương trình"});
  size_t stop = first > 3 ? first - 3 : 0;
  if (stop < from) stop = from;
  for (size_t i = stop; i < first; ++i)
    // "Mới" with a capital ends a place's name ("(Đông Phố Mới) và 02 cụm").
    if (!(t[i].upper && t.is(i, "mới")) && match_any(t, i, k)) {
      for (size_t m = first > 4 ? first - 4 : 0; m < first; ++m)
        if (m >= from && match_any(t, m, kProgrammes)) return false;
      return true;
    }
  return false;
}

// Words that start a phrase naming a measure ("Tỷ lệ hộ nghèo giảm xuống
// dưới 2%").
const PhraseList& kMeasures() {
  static const PhraseList k = phrases({
      "tỷ lệ",     "tỷ trọng",  "tỷ số",    "tỷ suất", "số",    "tốc độ",
      "chỉ số",    "giá trị",   "tổng",     "thu",     "chi",   "sản lượng",
      "kim ngạch", "diện tích", "mức",      "độ",      "lượng", "grdp",
      "gdp",       "năng suất", "thu nhập", "vốn",
  });
  return k;
}

bool Extractor::indicator_before(size_t a, size_t b, size_t* s_out,
                                 size_t* e_out) const {
  // The last ':'-separated segment that still says something once cue words,
  // labels ("Chỉ tiêu 2") and periods are stripped.
  static const PhraseList kLead = phrases({
      "phấn đấu",   "phân đấu",  "chỉ tiêu", "mục tiêu",  "đạt",
      "đảm bảo",    "bảo đảm",   "trong đó", "có",        "và",
      "hoàn thành", "đến",       "hết",      "cuối",      "vào",
      "từ",         "năm",       "trở",      "đi",        "ít",
      "nhất",       "tối",       "thiểu",    "trên",      "dưới",
      "ở",          "mức",       "xuống",    "còn",       "lên",
      "nâng",       "tăng",      "giảm",     "bình",      "quân",
      "khoảng",     "là",        "bằng",     "hàng",      "hằng",
      "ước",        "nằm trong", "chiếm",    "không quá", "không vượt quá",
      "tối đa",
  });
  // Measures that start the indicator even inside the phrase ("bảo vệ
  // nghiêm ngặt diện tích rừng phòng hộ 255.053,9ha", "đảm bảo độ che phủ
  // rừng trên 60%"). Only nouns that are never verbs: "thu" and "chi" are
  // also "thu gom", "chi trả".
  static const PhraseList kInnerMeasures = phrases({
      "tỷ lệ",     "tỷ trọng", "tỷ số",      "tỷ suất",   "tốc độ",
      "chỉ số",    "giá trị",  "sản lượng",  "kim ngạch", "diện tích",
      "năng suất", "thu nhập", "độ che phủ", "tổng số",   "số lượng",
      "tổng thu",  "tổng chi", "tổng mức",   "tổng vốn",  "tổng sản phẩm",
  });
  size_t end = b;
  while (end > a) {
    size_t seg = end;
    while (seg > a && !t_.is_punct(seg - 1, ":")) --seg;
    size_t s = seg, e = end;
    auto strip_word = [&](size_t i) {
      return t_[i].type != TokType::kWord || match_any(t_, i, kLead) ||
             is_year(t_, i) || t_.is_number(i);
    };
    // "..., với GRDP bình quân đầu người đạt trên 36.000 USD": what is
    // measured follows ", với" ("so với GDP" compares, it names nothing).
    for (size_t v = e; v > s + 2; --v)
      if (t_.is(v - 1, "với")) {
        if (e - v >= 2 && t_.is_punct(v - 2, ",")) s = v;
        break;
      }
    // Leading cue words go phrase by phrase, anything but a word token by
    // token (a word is stripped only as a cue phrase).
    while (s < e) {
      if (!t_.is_word(s)) {
        ++s;
        continue;
      }
      const size_t n = match_any(t_, s, kLead);
      if (n == 0) break;
      s += n;
    }
    if (s > e) s = e;
    // Trailing cue words go too ("thu ngân sách ... phấn đấu", "... nằm
    // trong"), but not the ')' closing a '(' of the phrase ("tốc độ tăng
    // trưởng kinh tế (GRDP)").
    while (e > s) {
      if (t_.is_punct(e - 1, ")")) {
        size_t open = e - 1;
        while (open > s && !t_.is_punct(open - 1, "(")) --open;
        if (open > s) break;
      }
      // "tuổi thọ trung bình": "bình" of "trung bình" is part of the name.
      if (strip_word(e - 1) &&
          !(e - 1 > s && t_.is(e - 1, "bình") && t_.is(e - 2, "trung"))) {
        --e;
      } else if (e >= s + 2 && match_any_within(t_, e - 2, e, kLead) == 2) {
        e -= 2;
      } else {
        break;
      }
    }
    // A measure a few words before the figure, with nothing but words
    // between them, names what is measured better than the verbs before it.
    if (e > s + 2 && !match_any_within(t_, s, e, kMeasures())) {
      for (size_t m = e - 1; m > s && m + 9 >= e; --m) {
        if (!t_.is_word(m)) break;
        // The measure alone ("với giá trị 526,380 tỷ đồng") says less than
        // the noun after the figure.
        const size_t n = match_any_within(t_, m, e, kInnerMeasures);
        if (n > 0) {
          if (m + n < e) s = m;
          break;
        }
      }
    }
    size_t words = 0;
    for (size_t i = s; i < e; ++i) words += t_.is_word(i);
    if (words >= 2 && !(words <= 3 && t_.match(s, {"chỉ", "tiêu"}))) {
      *s_out = s;
      *e_out = e;
      return true;
    }
    if (seg == a) break;
    end = seg - 1;
  }
  return false;
}

std::string Extractor::noun_phrase_after(size_t k, size_t limit) const {
  // Words that end the noun phrase: verbs of the goal and adverbials.
  static const PhraseList kEnd = phrases({
      "được", "phải",  "đạt",   "vào",  "trên",    "tại",      "theo",
      "mỗi",  "trong", "từ",    "đến",  "có",      "sẽ",       "đã",
      "để",   "nhằm",  "ở",     "khi",  "với",     "đối với",  "so với",
      "chưa", "thì",   "nhưng", "ngay", "hiện có", "hiện nay",
  });
  if (!t_.is_word(k)) return {};
  size_t e = k, last = k, last_comma = k;
  bool capped = true;
  while (e < k + 20) {
    if (e >= limit || (e > k && t_[e].blank)) {
      capped = false;
      break;
    }
    if (t_.is_punct(e, ",") && t_.is_word(e + 1) &&
        !match_any(t_, e + 1, kEnd)) {
      last_comma = e;
      ++e;  // "xã, phường, thị trấn"
      continue;
    }
    // A period after the noun: "xã, phường không ma túy năm 2025".
    if (!t_.is_word(e) || match_any(t_, e, kEnd) ||
        (t_.is(e, "năm") && is_year(t_, e + 1))) {
      capped = false;
      break;
    }
    last = ++e;
  }
  // Cut short in mid-phrase: end at the last whole item of the list rather
  // than in the middle of a word ("người cai" of "người cai nghiện").
  if (capped && last_comma > k) last = last_comma;
  // A conjunction or a copula does not end a noun phrase.
  while (last > k + 1 && (t_.is(last - 1, "và") || t_.is(last - 1, "hoặc") ||
                          t_.is(last - 1, "là")))
    --last;
  if (last == k) return {};
  return text(k, last - 1);
}

// The cue lists, and per first word the phrases of each list starting with
// it: one lookup rules out almost every token before any phrase is compared.
struct CueTables {
  struct CueList {
    const PhraseList* list;
    uint8_t bit;
  };
  static constexpr size_t kCount = 7;
  using PerList = std::array<const std::vector<uint32_t>*, kCount>;
  PhraseList after = phrases({"trở đi", "vào năm", "đến năm"});
  PhraseList strive = phrases({"phấn đấu", "phân đấu"});
  CueList lists[kCount];
  internal::WordMap<PerList> by_first;

  CueTables(const uint8_t (&bits)[kCount])
      : lists{{&clause_target_cues(), bits[0]}, {&result_cues(), bits[1]},
              {&rate_cues(), bits[2]},          {&after, bits[3]},
              {&goal_verbs(), bits[4]},         {&strive, bits[5]},
              {&comparison_cues(), bits[6]}} {
    for (size_t l = 0; l < kCount; ++l)
      for (const auto& entry : lists[l].list->by_first.entries())
        by_first[entry.word][l] = &entry.value;
  }
};

// Whether token i stands inside parentheses opened earlier on its line.
bool inside_parens(const Tokens& t, size_t i) {
  int depth = 0;
  for (size_t k = i, n = 0; k-- > 0 && n < 60; ++n) {
    if (t.is_punct(k, ")")) {
      ++depth;
    } else if (t.is_punct(k, "(")) {
      if (depth == 0) return true;
      --depth;
    }
    if (t[k].newline || t[k].blank) break;
  }
  return false;
}

// Whether the count of candidate c only says what the share before it in
// the clause is of: "70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh
// tật bẩm sinh", "100% xã có ít nhất 01 điểm ...". The share is the goal; a
// count joined by "và" or after a comma is one of its own ("100% trường
// học đạt chuẩn và 50 trường mới").
bool qualifies_share(const Tokens& t, const Candidate& c,
                     const Candidate* prev) {
  if (prev == nullptr || prev->zero || is_pct_unit(c.q.unit) ||
      !is_pct_unit(prev->q.unit) || prev->q.kind != QuantityKind::kTarget ||
      c.first <= prev->last || c.first - prev->last > 14)
    return false;
  for (size_t k = prev->last + 1; k < c.first; ++k)
    if (!t.is_word(k) || t.is(k, "và") || t.is(k, "hoặc") || t[k].blank)
      return false;
  return true;
}

size_t Extractor::clause_start_of(size_t i) {
  constexpr int kLimit = 120;
  size_t k = i;
  int n = 0;
  while (k > 0 && n < kLimit && k != walk_from_ && !at_boundary_(k)) {
    --k;
    ++n;
  }
  if (k == walk_from_ && k > 0 && n < kLimit) {
    // From here on the walk is the last one, cut at the limit from i: no
    // boundary lies between the two ends of that one.
    const size_t floor = i >= kLimit ? i - kLimit : 0;
    k = std::max(walk_to_, floor);
  }
  walk_from_ = i;
  walk_to_ = k;
  size_t body;
  if (heading_level(t_, k, body) >= 0 && body <= i) k = body;
  return k;
}

// A goal word earlier in a sentence governs the clauses that ';' adds to it on
// the same line: "Cụ thể, thu nhập bình quân đầu người đến năm 2025 đạt 70
// triệu đồng/người/năm; chuyển đổi cơ cấu cây trồng đạt 20% trên tổng diện
// tích; tỷ lệ tham gia bảo hiểm y tế toàn dân đạt 100%." A clause with a result
// word between ends the reach. A sentence that starts with "Trong đó" or
// "Theo đó" goes on with the one before ("Chính phủ giao mục tiêu tăng trưởng
// GRDP 2 con số trong năm 2025 cho 16 tỉnh, thành. Trong đó, Bắc Giang cao nhất
// là 13,6%; Hải Phòng 12,5%"). A goal word followed by ':' announces a list
// that may go on in sentences of their own on the same line ("Một số chỉ tiêu
// khác cũng được chốt, gồm: Tốc độ tăng năng suất lao động xã hội bình quân
// khoảng 5,3-5,4%. Tỷ trọng lao động nông nghiệp ... đạt 25-26%."). So does a
// goal sentence for the sentences after it on its line, as news and summaries
// go on ("Quốc hội quyết nghị tốc độ tăng GDP khoảng 6,5-7,0% và phấn đấu
// khoảng 7,0-7,5%. GDP bình quân đầu người đạt khoảng 4.900 USD."), unless a
// sentence looks back ("Trong các năm từ 2020 - 2023, tốc độ tăng trưởng kinh
// tế của tỉnh chưa đạt như kỳ vọng (lần lượt là 4%, ...)", "đã thông qua
// Nghị quyết ấy với tỉ lệ 89,21%", "Kết quả biểu quyết điện tử cho thấy,
// ... (chiếm tỷ lệ 88,52 %)"). The reach goes on into the next paragraph
// when the one before ends a sentence: "... đề ra các chỉ tiêu ..., trong đó
// phấn đấu ... tăng 10% so với năm 2014, ... / Thu ngân sách nhà nước đạt
// 161,3 tỷ đồng, ...". Items on lines of their own ("a) ...;") and headings
// are left to their headings.
bool Extractor::goal_earlier_in_sentence(size_t cs) {
  if (cs == goal_memo_cs_) return goal_memo_ != kGoalNone;
  GoalReach found = kGoalNone;
  bool crossed = false;  // a sentence ends between cs and the clause looked at
  int lines = 0;         // line breaks crossed
  size_t end = cs;
  for (int clauses = 0; clauses < 12; ++clauses) {
    if (end == goal_memo_cs_) {
      found = goal_memo_;
      break;
    }
    if (end == 0 || end >= t_.size()) break;
    const char mark = mark_of(t_, end - 1);
    if (mark != ';' && mark != '.') break;
    if (t_[end].newline || t_[end].blank) {
      // The paragraph before, when it ends a sentence and this line is no
      // heading or item of its own.
      size_t body;
      // A paragraph may open with its figure: "100% bộ, ngành, địa phương
      // ban hành ...".
      if (mark != '.' || lines > 0 || heading_level(t_, end, body) >= 0 ||
          !((t_.is_word(end) && t_[end].upper) ||
            (t_.is_number(end) && t_.is_punct(end + 1, "%"))))
        break;
      ++lines;
    }
    if (mark == '.' && !t_.match(end, {"trong", "đó"}) &&
        !t_.match(end, {"theo", "đó"}))
      crossed = true;
    size_t k = end - 1;  // the mark
    int n = 0;
    while (k > 0 && n < 120 && !at_boundary_(k)) {
      --k;
      ++n;
    }
    if (n >= 120) break;
    uint8_t seen = 0;
    size_t cue_at = SIZE_MAX;
    for (size_t m = k; m + 1 < end; ++m) {
      const uint8_t c = cues(m);
      if ((c & kCueStrong) && cue_at == SIZE_MAX) cue_at = m;
      seen |= c;
    }
    if (seen & kCueResult) break;
    if (seen & kCueStrong) {
      // "Các chỉ tiêu chủ yếu năm 2024 là: ...", "Về điều chỉnh một số chỉ
      // tiêu chủ yếu, Nghị quyết nêu rõ: ...". A list of results ("Kết quả
      // thực hiện các chỉ tiêu như sau: ...") announces none.
      bool list = false;
      for (size_t m = cue_at + 1; m + 1 < end && !list; ++m)
        list = t_.is_punct(m, ":");
      if (list && classify_range(t_, k, end - 1) == Ctx::kResult) list = false;
      found = list ? kGoalList : kGoalClauses;
      break;
    }
    end = k;
  }
  // Over a sentence end, nothing between the goal and the figure may look
  // back ("Tính đến 31/12/2018, ...", "mới đây ghi nhận không còn hộ
  // nghèo").
  if (found != kGoalNone && crossed) {
    const size_t e = clause_end(t_, cs, at_boundary_);
    for (size_t m = end; m < e && found != kGoalNone; ++m)
      if (t_.is(m, "đã") || t_.is(m, "chưa") ||
          (t_.match(m, {"kết", "quả"}) && !keeps_result(m)) ||
          t_.match(m, {"tính", "đến"}) || t_.match(m, {"ghi", "nhận"}) ||
          t_.match(m, {"mới", "đây"}))
        found = kGoalNone;
  }
  goal_memo_cs_ = cs;
  goal_memo_ = found;
  return found != kGoalNone;
}

// "số sinh viên đại học/vạn dân đạt ít nhất là 260": a rate per population
// counts the noun of its measure, which becomes the unit of the figure at i.
__attribute__((noinline)) bool Extractor::rate_measure_unit(
    size_t i, std::string& unit) const {
  size_t slash = SIZE_MAX;
  for (size_t m = i; m-- > 0 && m + 16 > i;) {
    if (t_.is_punct(m, ";") || t_.is_punct(m, ".")) return false;
    if (slash == SIZE_MAX && t_.is_punct(m, "/") && t_.is(m + 2, "dân") &&
        (t_.is(m + 1, "vạn") || t_.is_number(m + 1)))
      slash = m;
    if (slash != SIZE_MAX && m + 1 < slash && t_.is(m, "số") &&
        t_.is_word(m + 1)) {
      unit = text(m + 1, slash - 1);
      return true;
    }
    if (t_[m].newline) return false;
  }
  return false;
}

// Whether "kết quả" at m is the object of a verb of keeping or building on
// ("duy trì vững chắc kết quả phổ cập giáo dục tiểu học", "phát huy những
// kết quả đạt được"): a task that looks forward, not a report.
// Whether the candidate stands inside curly quotes opened right after a
// programme's type word ("Đề án “...”", "Chương trình “...”") or a
// movement's ("phong trào “...”") on its line, or inside a slogan ("“Vì
// ...”").
bool Extractor::in_programme_name(const Candidate& c) const {
  static constexpr std::string_view kOpen = "\xE2\x80\x9C",
                                    kClose = "\xE2\x80\x9D";
  const size_t at = t_[c.first].begin;
  const size_t from = at > 400 ? at - 400 : 0;
  const std::string_view before = src_.substr(from, at - from);
  const size_t open = before.rfind(kOpen);
  if (open == std::string_view::npos ||
      before.find(kClose, open) != std::string_view::npos ||
      before.find('\n', open) != std::string_view::npos)
    return false;
  const std::string_view after = src_.substr(t_[c.last].end, 400);
  const size_t close = after.find(kClose);
  if (close == std::string_view::npos ||
      after.substr(0, close).find('\n') != std::string_view::npos)
    return false;
  // A movement's slogan: "phấn đấu “Vì một Việt Nam không còn đói nghèo”".
  if (before.substr(open + kOpen.size()).rfind("Vì ", 0) == 0) return true;
  std::string_view lead = before.substr(0, open);
  while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
  // So does the quoted name of a movement or a model ("đẩy mạnh thực hiện
  // các phong trào “Gia đình 5 không, 3 sạch”"): what it counts is its name.
  for (std::string_view w :
       {"Đề án", "Chương trình", "Dự án", "Chiến lược", "Quy hoạch", "Đề tài",
        "đề án", "chương trình", "dự án", "chiến lược", "quy hoạch", "đề tài",
        "Phong trào", "phong trào", "Mô hình", "mô hình", "Cuộc vận động",
        "cuộc vận động"})
    if (lead.size() >= w.size() &&
        lead.compare(lead.size() - w.size(), w.size(), w) == 0)
      return true;
  return false;
}

bool Extractor::keeps_result(size_t m) const {
  // Up to two words ("vững chắc", "những") between the verb and "kết quả".
  for (size_t n = 2; n <= 4 && n <= m; ++n) {
    const size_t v = m - n;
    if (!t_.is_word(v + 1)) return false;
    if (t_.match(v, {"duy", "trì"}) || t_.match(v, {"giữ", "vững"}) ||
        t_.match(v, {"phát", "huy"}) || t_.match(v, {"củng", "cố"}))
      return true;
  }
  return false;
}

// Whether a comparison with a year ("so với năm 2020") in [first, near)
// looks back from a deadline year stated before the figure ("Đến năm 2025,
// giá trị thu nhập ... tăng 1,5 lần, đến năm 2030 tăng 2 lần so với năm
// 2020"): the change asked for by then, not a result.
bool Extractor::compared_before_deadline(size_t cs, size_t first, size_t near) {
  int compared = 0;
  for (size_t k = first; k < near && k + 3 < t_.size(); ++k)
    if (t_.match(k, {"so", "với", "năm"}) && is_year(t_, k + 3)) {
      compared = std::atoi(std::string(t_.low(k + 3)).c_str());
      break;
    }
  if (compared == 0) return false;
  for (size_t k = cs; k + 2 < first; ++k)
    if (t_.is(k, "đến") && t_.is(k + 1, "năm") && is_year(t_, k + 2) &&
        std::atoi(std::string(t_.low(k + 2)).c_str()) > compared)
      return true;
  return false;
}

uint8_t Extractor::compute_cues(size_t i) {
  uint8_t& c = cue_[i];
  c = kCueKnown;
  if (t_[i].type != TokType::kWord) return c;
  static const CueTables kTables({kCueStrong, kCueResult, kCueRate, kCueAfter,
                                  kCueGoal, kCueStrive, kCueCompare});
  const auto& kLists = kTables.lists;
  using PerList = CueTables::PerList;
  const PerList* per = kTables.by_first.find(t_.low(i));
  if (per == nullptr) return c;
  for (size_t l = 0; l < std::size(kLists); ++l) {
    const std::vector<uint32_t>* ids = (*per)[l];
    if (ids == nullptr) continue;
    const PhraseList& list = *kLists[l].list;
    bool found = false;
    for (uint32_t k : *ids)
      if (internal::match_phrase_rest(t_, i, list.items[k])) {
        found = true;
        break;
      }
    if (!found) continue;
    if (kLists[l].bit == kCueStrong && false_target_word(t_, i)) continue;
    // "+ Trên 40 chỉ tiêu: 50.000 đồng/phiếu" (a rate per form by its number
    // of items): after a number the word is the counted noun, not a cue of
    // the figures near it. (A heading "8 chỉ tiêu xã hội gồm:" still
    // announces a list of goals.)
    if (kLists[l].bit == kCueStrong && i > 0 && t_.is_number(i - 1) &&
        t_.match(i, {"chỉ", "tiêu"}))
      continue;
    // "các xã đã đạt chuẩn nông thôn mới" describes the communes; "đã đạt
    // 95%" reports.
    if (kLists[l].bit == kCueResult && t_.match(i, {"đã", "đạt", "chuẩn"}))
      continue;
    // "ngành du lịch tỉnh sẽ đạt được một số chỉ tiêu", "để đạt được mục
    // tiêu": what is to be achieved.
    // "chỉ tiêu ... cần đạt được đến năm 2025 là giảm 1/2 số hộ nghèo":
    // what must be achieved.
    if (kLists[l].bit == kCueResult && t_.match(i, {"đạt", "được"}) &&
        (t_.ends_before(i, {"sẽ"}) || t_.ends_before(i, {"để"}) ||
         t_.ends_before(i, {"nhằm"}) || t_.ends_before(i, {"cần"}) ||
         t_.ends_before(i, {"phải"})))
      continue;
    // "tăng 30% so với ước thực hiện năm 2024 (40 tỷ USD)": the estimate is
    // the base of the change, which says nothing of the figure's kind.
    if (kLists[l].bit == kCueResult && t_.ends_before(i, {"so", "với"}) &&
        (t_.is(i, "ước") || t_.is(i, "dự"))) {
      c |= kCueCompare;
      continue;
    }
    // "Ổn định diện tích rừng tự nhiên đến 2030 ít nhất bằng diện tích đã
    // đạt được tại năm 2020": the level compared with, not a report.
    if (kLists[l].bit == kCueResult &&
        (t_.match(i, {"đạt", "được"}) || t_.match(i, {"đã", "đạt"}))) {
      bool equal = false;
      for (size_t k = i; k > 0 && k + 4 > i && !equal; --k)
        equal = t_.is(k - 1, "bằng");
      if (equal) continue;
    }
    if (kLists[l].bit == kCueResult && noun_at_year_start(t_, i)) continue;
    // "hoàn thành cấp trung học phổ thông và tương đương 70%": the
    // equivalent levels, not a rate.
    if (kLists[l].bit == kCueRate && t_.match(i, {"tương", "đương"}) &&
        (t_.ends_before(i, {"và"}) || t_.ends_before(i, {"hoặc"})))
      continue;
    c |= kLists[l].bit;
  }
  // Both words below start phrases of the result list: one load rules out
  // every other word.
  if ((*per)[1] == nullptr) return c;
  // "Quy mô kinh tế ước năm 2025 đạt khoảng 565 ngàn tỷ đồng": an estimate
  // of the year's outcome, its year between "ước" and the verb.
  if (t_.is(i, "ước") && t_.is(i + 1, "năm") && is_year(t_, i + 2) &&
      (t_.is(i + 3, "đạt") || t_.is(i + 3, "tăng") || t_.is(i + 3, "giảm") ||
       t_.is(i + 3, "khoảng")))
    c |= kCueResult;
  // "hiện có tới 15 tỉnh ...", "Việt Nam hiện có 7 ứng dụng": the present
  // counted, not a level to reach ("633.686 ha rừng hiện có" names what is
  // to be kept, its figure before).
  if (t_.match(i, {"hiện", "có"}) &&
      (t_.is_number(i + 2) ||
       ((t_.is(i + 2, "tới") || t_.is(i + 2, "khoảng") || t_.is(i + 2, "gần") ||
         t_.is(i + 2, "hơn") || t_.is(i + 2, "trên")) &&
        t_.is_number(i + 3))))
    c |= kCueResult;
  // "Hiện nay, tổng số trạm thu phát sóng ... khoảng 180 trạm, trong đó có
  // 22 trạm 5G." under "II. MỤC TIÊU": a sentence that opens with "Hiện
  // nay," (at a line's start or after a stop) states the present the goals
  // start from.
  if (t_[i].upper && t_.match(i, {"hiện", "nay"}) && t_.is_punct(i + 2, ",") &&
      (t_[i].newline || boundary(t_, i)))
    c |= kCueResult;
  return c;
}

// A plan's numbered task whose heading states a figure to reach: "2.
// Thành lập mới khoảng trên 500ha các khu, cụm công nghiệp:", "3. Hoàn thiện
// ít nhất 500ha mặt bằng sạch ...", "7. Ít nhất 30% doanh nghiệp ... được hỗ
// trợ ...", "6. Tỷ lệ ... đạt chuẩn 100%." A plan sets what its tasks are to
// reach; the figure must be in the item's heading (its first sentence), with
// a comparison or "đạt" before it, and no sum of money or span of time.
bool Extractor::plan_task_heading(const Candidate& c, size_t local) {
  if (!is_plan_ || is_money_unit(c.q.unit) || is_time_unit(c.q.unit) ||
      c.zero || c.baseline)
    return false;
  // The start of the figure's line, a numbered item's marker there.
  size_t ls = c.first;
  while (ls > 0 && !t_.line_start(ls) && c.first - ls < 40) --ls;
  if (!t_.line_start(ls)) return false;
  size_t body = 0;
  if (heading_level(t_, ls, body) < 0) return false;
  // The heading's first sentence.
  for (size_t k = body; k < c.first; ++k)
    if (t_.is_punct(k, ".") || t_.is_punct(k, ";") || t_.is_punct(k, ":"))
      return false;
  const Comparator cmp = comparator_for(t_, local, c.first, c.last);
  if (cmp == Comparator::kAtLeast || cmp == Comparator::kAbove ||
      cmp == Comparator::kAtMost || cmp == Comparator::kBelow)
    return true;
  return (c.first > local && t_.is(c.first - 1, "đạt")) ||
         (c.first > local + 1 && t_.is(c.first - 2, "đạt") &&
          t_.is(c.first - 1, "chuẩn"));
}

// The period an item of a roadmap opens with, followed by ':', when the
// figure at `first` is in that item: "- Giai đoạn 2021 - 2025: ... phát
// triển mới 04 đô thị loại V", "- Giai đoạn từ nay đến năm 2020: ...", "-
// Đến năm 2030: ...". Such an item lists what is to be done in the period.
// A period followed by a comma ("Giai đoạn 2016-2020, đã đạt ...") tells
// when, not what for. The item starts at a line opening with '-', '+' or a
// numbered marker, with no blank line between.
Found Extractor::period_item(size_t first) const {
  Found none;
  // The line starts among the 200 tokens up to the figure, nearest first:
  // only they can hold a blank line or a marker.
  const std::vector<uint32_t>& lines = lines_;
  const size_t lowest = first >= 199 ? first - 199 : 0;
  auto it = std::upper_bound(lines.begin(), lines.end(), first);
  for (size_t k = first + 1;;) {
    if (it != lines.begin())
      k = *--it;
    else if (k != 0)
      k = 0;  // the first token starts a line too
    else
      break;
    if (k < lowest) break;
    if (t_[k].blank && k < first) return none;
    size_t body;
    if (t_.is_punct(k, "-") || t_.is_punct(k, "+"))
      body = k + 1;
    else if (is_year(t_, k) || heading_level(t_, k, body) < 0)
      continue;  // a year wrapped to the line start is no marker ("2025:")
    // The label: "giai đoạn YYYY[ - YYYY]", or a deadline "(giai đoạn) (từ
    // nay) đến (hết|cuối) năm YYYY".
    Found d;
    if (t_.match(body, {"giai", "đoạn"})) d = deadline_at(t_, body);
    if (!d.ok) {
      size_t m = body;
      if (t_.match(m, {"giai", "đoạn"})) m += 2;
      if (t_.match(m, {"từ", "nay"})) m += 2;
      if (!t_.is(m, "đến")) return none;
      for (size_t y = m + 1; y <= m + 2 && !d.ok; ++y) d = deadline_at(t_, y);
      if (!d.ok || d.begin != m) return none;
      d.begin = body;
    }
    if (!t_.is_punct(d.end, ":") || d.end >= first) return none;
    return d;
  }
  return none;
}

// Whether the count of `c` is the value of a list item ("+ Đầu tư mới trạm
// 5G: 35 trạm") under a lead-in line that strives for what it lists ("...,
// phấn đấu triển khai phát triển trạm 4G, 5G, cụ thể như sau:"), up to the
// next heading at the lead-in's level or above. A figure inside parentheses
// opened earlier in the item ("(Trong đó: VNPT: 25 trạm, ...)") breaks the
// count down and is no goal of its own.
bool Extractor::striven_item(const Candidate& c) {
  if (c.first == 0 || !t_.is_punct(c.first - 1, ":")) return false;
  const Heading* lead = nullptr;
  for (size_t k = stack_.size(); k-- > 0;)
    if (resolve(stack_[k]).ctx != Ctx::kNeutral) {
      lead = &stack_[k];
      break;
    }
  if (lead == nullptr || lead->level % 2 == 0 || !lead->strive) return false;
  int depth = 0;
  for (size_t k = c.first - 1, n = 0; k > lead->at && n < 120; --k, ++n) {
    if (t_.is_punct(k, ")")) {
      ++depth;
    } else if (t_.is_punct(k, "(")) {
      if (depth == 0) return false;
      --depth;
    }
    if (t_.line_start(k)) {
      if (t_.is_punct(k, "+") || t_.is_punct(k, "-")) return depth == 0;
      size_t body;
      if (t_[k].blank || heading_level(t_, k, body) >= 0) return false;
    }
  }
  return false;
}

// Whether the clause at `cs` opens with a period still ahead and a comma,
// and the figure at `first` is what "đạt" asks for in it: "Trong giai đoạn
// 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% và triển khai ...". A
// period gone by ("Giai đoạn 2016-2020, đã đạt ...") reports; so does "đã"
// or "được" after "đạt" anywhere before the figure.
bool Extractor::period_sentence_goal(size_t cs, size_t local,
                                     size_t first) const {
  // The sentence start: the clause start, a paragraph start or the word
  // after a full stop, nearest the figure; or a capital at a line start
  // that opens the period.
  size_t k = first;
  for (;; --k) {
    const bool hard = k == cs || t_[k].blank || t_.is_punct(k - 1, ".");
    if (hard || (t_.line_start(k) && t_[k].upper)) {
      const size_t p = t_.is(k, "trong") ? k + 1 : k;
      if (t_.match(p, {"giai", "đoạn"})) {
        k = p;
        break;
      }
      if (hard) return false;
    }
  }
  const Found d = deadline_at(t_, k);
  if (!d.ok || d.begin < k || !t_.is_punct(d.end, ",") || d.end + 1 >= first)
    return false;
  int last = 0;
  for (size_t m = d.begin; m < d.end; ++m)
    if (is_year(t_, m)) last = std::atoi(std::string(t_.low(m)).c_str());
  if (last == 0 || (doc_year_ > 0 && last < doc_year_)) return false;
  for (size_t m = d.end; m < first; ++m)
    if (t_.is(m, "đã") || t_.match(m, {"đạt", "được"})) return false;
  return first > local && t_.is(first - 1, "đạt");
}

// Whether the figure at `first` is in a sentence that opens with "Dự kiến"
// or "Dự báo", or has "dự kiến" after its subject, and states no goal
// before it: a forecast ("Dự kiến cơ cấu
// nguồn vốn đầu tư phát triển đô thị bao gồm: Nguồn vốn ngân sách địa
// phương ... chiếm 6,5 - 7,5%; ..."), not a goal, even under a heading of
// tasks. "dự kiến đạt", "phấn đấu" or "chỉ tiêu" before the figure keep it
// a goal, as in a plan's list of goals.
bool Extractor::forecast_sentence(size_t first) {
  size_t k = first;
  size_t opens = SIZE_MAX;  // "Dự kiến" in sentence case nearest the figure
  for (int n = 0; n < 150; ++n) {
    // Inside the sentence, after its subject: "Khu vực công nghiệp và xây
    // dựng dự kiến thu hút thêm 44,8 vạn lao động".
    if (opens == SIZE_MAX && (t_.match(k, {"dự", "kiến"}) ||
                              (t_[k].upper && t_.match(k, {"dự", "báo"}))))
      opens = k;
    if (k == 0) break;
    if (t_[k].blank) break;
    if (t_.line_start(k)) {
      size_t body;
      if (t_.is_punct(k, "-") || t_.is_punct(k, "+")) {
        ++k;
        break;
      }
      if (!is_year(t_, k) && heading_level(t_, k, body) >= 0) {
        k = body;
        break;
      }
    }
    const char before = mark_of(t_, k - 1);
    if ((before == '.' || before == '!' || before == '?') &&
        (t_[k].upper || t_[k].newline))
      break;
    --k;
  }
  // The sentence may start after a heading set without a stop, on the same
  // line: "2. Xác định nguồn vốn đầu tư Dự kiến cơ cấu nguồn vốn ...".
  if (t_.match(k, {"dự", "kiến"}) || t_.match(k, {"dự", "báo"})) opens = k;
  if (opens == SIZE_MAX ||
      (!t_[opens].upper && !t_.match(opens, {"dự", "kiến"})))
    return false;
  k = opens;
  if (any_cue(k + 2, first, kCueStrong)) return false;
  for (size_t m = k + 2; m < first; ++m)
    if (t_.is(m, "đạt") || t_.match(m, {"phấn", "đấu"})) return false;
  return true;
}

void Extractor::classify(Candidate& c) {
  static const PhraseList kPlanBase = phrases({"kế hoạch", "dự toán"});

  static const PhraseList kComparatorWords =
      phrases({"đạt", "trên", "dưới", "nhất", "ít", "thiểu", "tối", "còn",
               "xuống", "lên", "từ", "mức", "ở"});
  Quantity& q = c.q;
  const size_t cs = clause_start_of(c.first);
  const size_t ce = clause_end(t_, c.last, at_boundary_);
  // The figure's own stretch of the clause: after the previous figure.
  size_t local = cs;
  const Candidate* prev = nullptr;  // the figure before, in the clause
  for (auto it = cands_.rbegin(); it != cands_.rend(); ++it) {
    if (&*it == &c) continue;
    if (it->last < cs) break;  // candidates come in text order
    if (it->last < c.first) {
      // A period between the measure and its figure ("Tốc độ tăng trưởng
      // bình quân 5 năm đạt 6,5 - 7%/năm") is not a figure of its own.
      if (is_time_unit(it->q.unit) && it->first > cs &&
          (t_.is(it->first - 1, "quân") || t_.is(it->first - 1, "trong") ||
           t_.is(it->first - 1, "đoạn")))
        continue;
      local = std::max(local, it->last + 1);
      prev = &*it;
      break;
    }
  }

  // Each cue is looked for only when the decision gets to it: a figure
  // under a results heading needs none of the goal cues.
  const bool is_pct = is_pct_unit(q.unit);
  QuantityKind kind = QuantityKind::kOther;
  if (!c.baseline) {
    bool indicator_list = false;
    const Ctx section = section_ctx(c, &indicator_list, &c.in_list);
    // A share of a goal reached reports too: "đạt 76,5% mục tiêu".
    const bool plan_base = match_any(t_, c.last + 1, kPlanBase) > 0 ||
                           ((t_.match(c.last + 1, {"mục", "tiêu"}) ||
                             t_.match(c.last + 1, {"chỉ", "tiêu"})) &&
                            share_of_goal(t_, c.last + 1));
    bool compared = !indicator_list && any_cue(local, ce, kCueCompare);
    // Under a goals heading, or in a sentence a goal governs, a comparison
    // with a level gone by states the change asked for: "cắt giảm 50% thời
    // gian giải quyết thủ tục hành chính ... so với năm 2024" in a section of
    // tasks, "Mục tiêu đến năm 2025, ... Tổng doanh thu ... đạt 52 tỷ USD,
    // tăng 30% so với ước thực hiện năm 2024".
    // A goal word of the figure's own clause is weighed below ("1. Đến cuối
    // năm 2018 tỷ lệ hộ nghèo ... còn 4,01%, giảm 1,4% so với năm 2017"
    // under "Điều 2. Đánh giá" reports).
    // "năm trước" outside "so với năm trước" is a period gone by ("Những
    // địa phương năm trước chỉ tăng 3-5%"), not a base.
    const auto past_period = [&] {
      for (size_t k = local; k + 1 < ce; ++k)
        if (t_.match(k, {"năm", "trước"}) && !(k > 0 && t_.is(k - 1, "với")))
          return true;
      return false;
    };
    const bool reported = any_cue(local, ce, kCueResult);
    if (compared && !plan_base && !reported &&
        !any_cue(cs, c.first, kCueStrong) && !past_period() &&
        (section == Ctx::kTarget ||
         (section == Ctx::kNeutral && goal_earlier_in_sentence(cs))))
      compared = false;
    bool result_cue = reported || compared || plan_base;
    // After a goal word, a comparison states the change asked for ("phấn đấu
    // ... thu nhập ... tăng ít nhất 1,5 lần so với năm 2020"), and result
    // words well after the figure belong to what follows ("phấn đấu thêm 7
    // xã đạt chuẩn nông thôn mới (NTM), duy trì ... tại các xã đã đạt chuẩn
    // NTM").
    // A share of the plan is what was done of it ("giải ngân đạt 95% kế
    // hoạch"), unless the clause strives for it: "phấn đấu tỷ lệ giải ngân
    // năm 2025 cả nước đạt 95% kế hoạch".
    if (result_cue && any_cue(cs, c.first, kCueStrong) &&
        (!plan_base || any_cue(cs, c.first, kCueStrive))) {
      const size_t near = std::min(ce, c.last + 12);
      result_cue =
          reported_near(local, near, any_cue(cs, c.first, kCueStrive)) ||
          (!indicator_list && !any_cue(cs, c.first, kCueStrive) &&
           any_cue(local, near, kCueCompare) &&
           !compared_before_deadline(cs, c.first, near));
    }
    // A figure that goes on from a result of its clause, with no goal word
    // of its own, reports too: "dự ước đến hết năm 2023, tổng sản phẩm ...
    // đạt 8.820 tỷ đồng, tăng trưởng 6,1%".
    if (!result_cue && prev != nullptr &&
        prev->q.kind == QuantityKind::kResult &&
        !any_cue(local, c.first, kCueStrong) && any_cue(cs, local, kCueResult))
      result_cue = true;
    // So it does in a list of chỉ tiêu that a sentence announced, as under
    // a heading that announces one: "Các chỉ tiêu kinh tế-xã hội chủ yếu năm
    // 2024 là: ... Trong đó, ngành nông-lâm nghiệp, thủy sản là 3.621,68 tỷ
    // đồng, tăng 8,53% so với năm 2023".
    if (result_cue && section == Ctx::kNeutral && !reported && !plan_base &&
        goal_earlier_in_sentence(cs) && goal_memo_ == kGoalList)
      result_cue = false;
    // Ages and years are goals when they measure a life: "tuổi thọ trung
    // bình đạt 75 tuổi", "thời gian sống khỏe mạnh tối thiểu 68 năm".
    static const PhraseList kLifeMeasures =
        phrases({"tuổi thọ", "thời gian sống"});
    const auto life_measure = [&] {
      for (size_t k = local; k < c.first; ++k)
        if (match_any(t_, k, kLifeMeasures)) return true;
      return false;
    };
    // A frequency counts time too: "được học 2 buổi/ngày".
    const std::string_view per_unit =
        std::string_view(q.unit).substr(0, q.unit.find('/'));
    const bool unit_time =
        is_time_unit(per_unit) &&
        !((q.unit == "tuổi" || q.unit == "năm") && life_measure());
    if (result_cue || section == Ctx::kResult) {
      kind = (is_pct || c.zero || is_money_unit(q.unit) || !unit_time)
                 ? QuantityKind::kResult
                 : QuantityKind::kOther;
    } else {
      // A count to keep under, to ensure, is a goal: "Kế hoạch đầu tư công
      // trung hạn ... giai đoạn 2026 - 2030 bảo đảm không quá 3.000 dự án".
      // Shares, sums and times so ensured are limits of a rule ("bảo đảm
      // không quá 30 ngày").
      const bool ensured_cap = c.first >= local + 4 &&
                               t_.match(c.first - 2, {"không", "quá"}) &&
                               (t_.match(c.first - 4, {"bảo", "đảm"}) ||
                                t_.match(c.first - 4, {"đảm", "bảo"}));
      const bool strong =
          (ensured_cap && !is_pct && !unit_time && !is_money_unit(q.unit)) ||
          any_cue(cs, c.first, kCueStrong) ||
          t_.match(c.last + 1, {"vào", "năm"}) ||
          any_cue(c.last + 1, std::min(ce, c.last + 14), kCueAfter) ||
          (section == Ctx::kNeutral && goal_earlier_in_sentence(cs)) ||
          (section == Ctx::kNeutral && period_item(c.first).ok) ||
          (section == Ctx::kNeutral &&
           period_sentence_goal(cs, local, c.first));
      // A sum in a list of chỉ tiêu is one of them: "Về điều chỉnh một số
      // chỉ tiêu chủ yếu, Nghị quyết nêu rõ: ... GDP bình quân đầu người
      // khoảng trên 5.000 USD."
      const bool listed = section == Ctx::kNeutral && goal_memo_cs_ == cs &&
                          goal_memo_ == kGoalList;
      if ((section == Ctx::kTarget || strong) &&
          !(section == Ctx::kOther && !strong)) {
        // A ceiling in a goal is the level to keep under ("lượng phát thải
        // không vượt quá 457 triệu tấn CO2"), unless other words make it a
        // rate ("mức hỗ trợ không vượt quá 50%").
        // So is a count to ensure (see ensured_cap above).
        const bool cap =
            ensured_cap || (c.first >= local + 3 &&
                            t_.match(c.first - 3, {"không", "vượt", "quá"}));
        const size_t rate_to = cap ? c.first - (ensured_cap ? 4 : 3) : c.first;
        size_t rate_from = rate_to > 4 ? rate_to - 4 : 0;
        if (rate_from < local) rate_from = local;
        const bool rate_cue = any_cue(rate_from, rate_to, kCueRate) ||
                              t_.is(c.last + 1, "của") ||
                              (is_pct && t_.is(c.last + 1, "mức"));
        // "Các cơ sở có mức phát thải khí nhà kính hằng năm từ 2.000 tấn
        // CO2tđ trở lên phải thực hiện giảm phát thải": the figure says who
        // must act, as "Đối với ..." does.
        bool threshold = false;
        if (c.first > 0 && t_.is(c.first - 1, "từ"))
          for (size_t m = c.last + 1; m <= c.last + 5 && !threshold; ++m)
            if (t_.match(m, {"trở", "lên"}) && t_.is(m + 2, "phải"))
              for (size_t k = local; k + 1 < c.first && !threshold; ++k)
                threshold = t_.is(k, "có");
        const bool conditional =
            threshold || (match_any(t_, cs, condition_starts()) > 0 &&
                          !any_cue(cs, c.first, kCueStrive));
        // "(1) Tập trung phát triển bền vững 06 khu công nghiệp và 20 cụm
        // công nghiệp đang hoạt động" under "Mục tiêu năm 2026": what exists
        // already, not a count to reach (unless a goal word asks for it).
        const auto existing_after = [&] {
          const size_t e = std::min(ce, c.last + 12);
          for (size_t m = c.last + 1; m < e; ++m) {
            if (t_.is_number(m) && !t_.is_number(m - 1)) {
              // The figure joined by "và" shares the noun phrase.
              if (!t_.is(m - 1, "và")) return false;
              continue;
            }
            if (t_.match(m, {"đang", "hoạt", "động"}) ||
                t_.match(m, {"hiện", "có"}))
              return true;
          }
          return false;
        };
        // "Phấn đấu toàn tỉnh có 13.400 doanh nghiệp": what is to exist.
        // "đón ... 22 - 23 triệu lượt khách du lịch quốc tế, 120 - 130 triệu
        // lượt khách du lịch nội địa": the next of a list of goal counts.
        const auto listed_after = [&] {
          if (prev == nullptr || prev->q.kind != QuantityKind::kTarget ||
              prev->q.unit != q.unit || c.first <= local + 1 ||
              c.first - local > 10 || !t_.is_punct(c.first - 1, ","))
            return false;
          for (size_t k = local; k + 1 < c.first; ++k)
            if (!t_.is_word(k)) return false;
          return !existing_after();
        };
        const bool direct = direct_cue(t_, local, c.first) || cap ||
                            listed_after() ||
                            (c.first > local && t_.is(c.first - 1, "có") &&
                             any_cue(local, c.first, kCueStrive));
        if (conditional || (rate_cue && !direct && !c.zero)) {
          kind = QuantityKind::kOther;
        } else if (c.zero || is_pct) {
          kind = QuantityKind::kTarget;
        } else if (!unit_time &&
                   (direct || ((indicator_list || listed ||
                                (section == Ctx::kTarget && striven_item(c))) &&
                               !existing_after())) &&
                   (!is_money_unit(q.unit) || indicator_list || listed ||
                    any_cue(local, c.first, kCueGoal) ||
                    (prev != nullptr && prev->baseline)) &&
                   (ensured_cap || !inside_parens(t_, c.first))) {
          // Sums of money are allocations unless stated as something to
          // reach ("đạt", "chỉ tiêu", or the level after "từ X ... lên"). A
          // count or sum in parentheses explains the figure before
          // it ("xử lý 80% tổng lượng nước thải (74,56 triệu m3/năm)",
          // "(66/112 thôn, tăng thêm 20 thôn)", "(trong đó: 20 km GTNT; 5 km
          // GTNĐ)"), unless it states a goal of its own ("(Kế hoạch ... bảo
          // đảm không quá 3.000 dự án)").
          kind = QuantityKind::kTarget;
        } else if (c.number_word && direct) {
          kind = QuantityKind::kTarget;
        }
      } else if (section == Ctx::kNeutral && plan_task_heading(c, local)) {
        kind = QuantityKind::kTarget;
      }
      if (kind == QuantityKind::kTarget && !c.zero && !indicator_list &&
          forecast_sentence(c.first))
        kind = QuantityKind::kOther;
    }
  }
  // "Số giường bệnh trên 1 vạn dân: 45,7 giường": the population a rate is
  // counted on.
  // So is "Số bác sĩ trên 10.000 dân đạt khoảng 13,5 bác sĩ": a round
  // population between the measure and its figure.
  if (kind == QuantityKind::kTarget && c.first > 0 &&
      t_.is(c.first - 1, "trên") &&
      ((q.value == 1 && (q.unit == "vạn dân" || q.unit == "nghìn dân" ||
                         q.unit == "triệu dân")) ||
       ((q.value == 1000 || q.value == 10000 || q.value == 100000) &&
        (q.unit == "dân" || q.unit == "người") &&
        (t_.is(c.last + 1, "đạt") || t_.is(c.last + 1, "là") ||
         t_.is_punct(c.last + 1, ":") || t_.is_number(c.last + 1)))))
    kind = QuantityKind::kOther;
  // "không còn xã dưới 15 tiêu chí": the figure tells which communes, the
  // goal is the elimination.
  if (kind == QuantityKind::kTarget && !c.zero && prev != nullptr &&
      prev->zero && c.first <= prev->last + 3)
    kind = QuantityKind::kOther;
  // "72 xã đạt 19 tiêu chí nông thôn mới": the criteria say which communes
  // the count is of, the goal is the 72.
  if (kind == QuantityKind::kTarget && prev != nullptr && !prev->zero &&
      q.unit.rfind("tiêu chí", 0) == 0 && c.first == prev->last + 2 &&
      t_.is(prev->last + 1, "đạt"))
    kind = QuantityKind::kOther;
  // "Ưu tiên hỗ trợ cho các xã đặc biệt khó khăn, xã đạt dưới 15 tiêu chí":
  // the criteria below a level say which communes, not a level to reach.
  if (kind == QuantityKind::kTarget && q.unit.rfind("tiêu chí", 0) == 0 &&
      c.first >= 2 && t_.match(c.first - 2, {"đạt", "dưới"}))
    kind = QuantityKind::kOther;
  // "... phê duyệt Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã
  // hội ...”": a figure in the quoted name of a programme names it; the goal
  // is that programme's. So does an elimination in a movement's slogan.
  if (kind == QuantityKind::kTarget && in_programme_name(c))
    kind = QuantityKind::kOther;
  // "nợ công, nợ Chính phủ, nợ nước ngoài của quốc gia có thể đến ngưỡng
  // hoặc vượt ngưỡng cảnh báo khoảng 5% GDP": what may go past a limit is a
  // risk allowed, not a goal (what may rise is one: "mức đóng góp có thể
  // tăng lên 25% khi nhận được hỗ trợ quốc tế").
  if (kind == QuantityKind::kTarget) {
    bool may = false, may_exceed = false;
    for (size_t k = local; k < c.first && !may_exceed; ++k) {
      may |= t_.match(k, {"có", "thể"});
      may_exceed = may && t_.is(k, "vượt");
    }
    if (may_exceed) kind = QuantityKind::kOther;
  }
  if (kind == QuantityKind::kTarget && qualifies_share(t_, c, prev))
    kind = QuantityKind::kOther;
  // "Người trúng tuyển trong kỳ thi tuyển là người phải thi đủ các môn thi,
  // có số điểm của mỗi phần thi đạt từ 50 điểm trở lên": a definition of
  // who qualifies sets a condition, not a goal.
  if (kind == QuantityKind::kTarget) {
    for (size_t k = local; k + 1 < c.first; ++k)
      if (t_.match(k, {"là", "người"}) ||
          t_.match(k, {"là", "những", "người"})) {
        kind = QuantityKind::kOther;
        break;
      }
  }
  // "đề ra 13 chỉ tiêu": a count of targets is not one; "sản phẩm OCOP đạt
  // chuẩn 3 sao trở lên": a star rating grades what is counted.
  if (kind == QuantityKind::kTarget &&
      (q.unit == "chỉ tiêu" || q.unit == "sao"))
    kind = QuantityKind::kOther;
  if (c.zero && kind == QuantityKind::kOther) {
    q.kind = kind;
    q.unit.clear();  // "không còn" outside a goal is not a quantity
    return;
  }
  q.kind = kind;
  if (!c.zero) q.comparator = comparator_for(t_, local, c.first, c.last);
  // "giảm 2% tổng số hộ nghèo và 3% số hộ nghèo dân tộc thiểu số": the
  // figure joined by "và" shares the change of the one before, in the same
  // unit ("tăng 4,5 % và 14 tỉnh miền Trung" counts the provinces).
  if (!c.zero && q.comparator == Comparator::kReach && prev != nullptr &&
      prev->q.unit == q.unit &&
      (prev->q.comparator == Comparator::kDecrease ||
       prev->q.comparator == Comparator::kIncrease) &&
      c.first > 0 && t_.is(c.first - 1, "và") && c.first - local <= 10 &&
      !direct_cue(t_, local, c.first))
    q.comparator = prev->q.comparator;

  // Base: "47% dân số", "36% số hộ".
  if (is_pct) {
    if (size_t n = match_any(t_, c.last + 1, base_words()))
      q.base = text(c.last + 1, c.last + n);
  }
  // Indicator: what is measured.
  // Before the figure when that names a measure ("Tỷ lệ hộ nghèo giảm
  // xuống dưới 2%"); for "100% rác thải sinh hoạt được thu gom" it is the
  // noun phrase after the percentage.
  size_t before_s = 0, before_e = 0;
  // The text of `before` is built only if the indicator is taken from it.
  // "X và 100% Y", "X, 100% Y": the words before belong to the figure
  // before; this one names its own noun after it.
  bool coordinated = false;
  if (local > cs) {
    size_t k = c.first;
    while (k > local && k + 3 > c.first && t_.is_word(k - 1) &&
           match_any(t_, k - 1, kComparatorWords))
      --k;
    coordinated = k > local && (t_.is(k - 1, "và") || t_.is_punct(k - 1, ","));
  }
  const bool has_before =
      !coordinated && indicator_before(local, c.first, &before_s, &before_e);
  // Whether `before` starts with a measure. Its words are tokens
  // [before_s, before_e) of the text, so the phrase must end within them.
  const bool names_measure =
      before_s < before_e &&
      internal::match_any_within(t_, before_s, before_e, kMeasures()) > 0;
  std::string after;
  if (is_pct && (q.base.empty() || coordinated))
    after = noun_phrase_after(c.last + 1, ce);
  if (!is_pct && !c.zero && !names_measure && !c.number_word &&
      c.value_tok + 1 < t_.size()) {
    // A count names what it counts: "22 xã đã đăng ký", "01 trường công lập".
    size_t unit_from = c.value_tok + (q.value_max ? 3 : 1);
    if (unit_from <= c.last) after = noun_phrase_after(unit_from, ce);
  }
  // Punctuation goes from both ends, except a ')' that closes a '(' of the
  // phrase ("tốc độ tăng trưởng kinh tế (GRDP)").
  auto tidy = [](std::string s) {
    const std::string_view kTrim = " ,;:-.()";
    size_t b = s.find_first_not_of(kTrim), e = s.find_last_not_of(kTrim);
    if (b == std::string::npos) return std::string();
    if (e + 1 < s.size() && s[e + 1] == ')' && s.find('(', b) < e) ++e;
    return s.substr(b, e - b + 1);
  };
  after = tidy(after);
  if (c.zero) {
    q.indicator = q.unit;
  } else if (prev && prev->baseline && !has_before &&
             !prev->q.indicator.empty()) {
    // "Tỷ suất sinh ... giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh":
    // the level to reach measures what the starting level does.
    q.indicator = prev->q.indicator;
  } else if (!after.empty() && names_unit(after, q.unit) &&
             ((q.kind == QuantityKind::kTarget && has_before) ||
              internal::is_measure_unit(unit_words(q.unit)))) {
    // The unit alone: for a goal the words before say what is to reach; a
    // unit of measure alone names nothing ("chưa có rừng 58.939,7ha" gave
    // "ha", "đạt trên 36.000 USD" gave "USD"), while a count names what it
    // counts ("371 hộ").
    // A duration ("5 năm", "2 đợt") measures time, not the clause before.
    if (has_before && (q.kind == QuantityKind::kTarget ||
                       !internal::is_time_unit(unit_words(q.unit))))
      q.indicator = tidy(text(before_s, before_e - 1));
    else
      q.indicator.clear();
  } else if (!after.empty() && !names_measure) {
    q.indicator = after;
  } else if (has_before) {
    q.indicator = tidy(text(before_s, before_e - 1));
  } else {
    q.indicator.clear();
  }
  // Deadline: in the clause, else from the enclosing headings.
  Found d = deadlines_.nearest(cs, ce, c.first, c.last + 1);
  if (d.ok) {
    q.deadline = text(d.begin, d.end - 1);
    c.own_year = year_of(q.deadline);
  } else if (const Found p = period_item(c.first); p.ok) {
    // The period of the roadmap item the figure is in.
    q.deadline = text(p.begin, p.end - 1);
  } else {
    for (size_t k = stack_.size(); k-- > 0;)
      if (!resolve(stack_[k]).deadline.empty()) {
        q.deadline = stack_[k].deadline;
        break;
      }
  }
  // A goal's year from its heading or roadmap period, the period's last
  // ("2. Giai đoạn 2031 - 2035" / "... lên tối thiểu 80%" restates "2.2.
  // Định hướng đến năm 2035" / "Tối thiểu 80% doanh nghiệp ..."): a
  // restatement is recognised by it too, though by more shared words than
  // with a year in the clause (see same_goal_words).
  if (c.own_year.empty() && q.kind == QuantityKind::kTarget) {
    c.own_year = last_year_of(q.deadline);
    c.heading_year = !c.own_year.empty();
  }
  // A deadline already past when the document was issued reports a result.
  if (q.kind == QuantityKind::kTarget && doc_year_ > 0) {
    // A period ends with its last year: "Giai đoạn 2018-2020" in a plan of
    // 2019 is still ahead.
    std::string y = last_year_of(q.deadline);
    const bool bound = q.deadline.rfind("năm", 0) != 0 &&
                       q.deadline.rfind("Năm", 0) != 0;  // "đến năm", "vào năm"
    if (bound && !y.empty() && std::stoi(y) < doc_year_)
      q.kind = QuantityKind::kResult;
  }
  // The words a restated goal is recognised by (see finish()).
  if (q.kind == QuantityKind::kTarget && !c.own_year.empty()) {
    c.ctx_begin = static_cast<uint32_t>(cs);
    c.ctx_end = static_cast<uint32_t>(ce);
  }
  // The phrase stating the figure: from the comparator words to the unit.
  size_t from = c.first;
  while (from > local && from + 3 > c.first && t_.is_word(from - 1) &&
         match_any(t_, from - 1, kComparatorWords))
    --from;
  if (c.zero) from = c.first;
  q.span = span_of(from, c.last);
  if (t_.match(c.last + 1, {"trở", "lên"}) ||
      t_.match(c.last + 1, {"trở", "xuống"}))
    q.span = span_of(from, c.last + 2);
  q.text = text(from, t_.match(c.last + 1, {"trở"}) ? c.last + 2 : c.last);
  // A cell of a table flattened one cell per line ("95%", "Tối thiểu 2%"
  // alone on its line): nothing but the figure says what it measures.
  if (q.kind == QuantityKind::kTarget && !c.zero) {
    size_t line_from = from;  // signs before it too: "<30%", ">25"
    while (!t_.line_start(line_from) && !t_.is_word(line_from - 1)) --line_from;
    size_t end = t_.match(c.last + 1, {"trở"}) ? c.last + 3 : c.last + 1;
    while (end < t_.size() && !t_[end].newline && !t_.is_word(end)) ++end;
    c.bare = t_.line_start(line_from) && (end >= t_.size() || t_[end].newline);
  }
}

// Two elimination goals name the same thing when the words of one are all
// in the other ("phòng tranh tre" / "phòng học tranh tre").
bool same_noun(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string_view> w;
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t sp = s.find(' ', pos);
      if (sp == std::string_view::npos) sp = s.size();
      if (sp > pos) w.push_back(s.substr(pos, sp - pos));
      pos = sp + 1;
    }
    return w;
  };
  auto wa = words(a), wb = words(b);
  if (wa.size() > wb.size()) std::swap(wa, wb);
  for (std::string_view w : wa)
    if (std::find(wb.begin(), wb.end(), w) == wb.end()) return false;
  return true;
}

// Whether two goals of one value and year may be one goal stated twice: the
// clauses that state them share two words in a row other than generic ones
// ("tỷ lệ", "ít nhất", "đến năm"), as "50% đơn vị hành chính cấp xã trên toàn
// tỉnh không ma túy" and "50% số xã, phường trên toàn tỉnh không ma túy" do.
// The 2025 goals "Tỷ lệ số xã đạt chuẩn nông thôn mới năm 2025 đạt 50%" and
// "Tỷ lệ lao động nông nghiệp trong tổng lao động năm 2025: 50%" are two.
bool Extractor::same_goal_words(const Candidate& a, const Candidate& b) const {
  if (a.ctx_begin == a.ctx_end || b.ctx_begin == b.ctx_end) return true;
  static const std::array<std::array<std::string_view, 2>, 16> kGeneric = {{
      {"tỷ", "lệ"},
      {"tỉ", "lệ"},
      {"tốc", "độ"},
      {"bình", "quân"},
      {"đầu", "người"},
      {"tổng", "số"},
      {"số", "lượng"},
      {"trên", "địa"},
      {"địa", "bàn"},
      {"ít", "nhất"},
      {"tối", "thiểu"},
      {"trở", "lên"},
      {"đến", "năm"},
      {"đến", "hết"},
      {"hết", "năm"},
      {"phấn", "đấu"},
  }};
  const auto word = [&](size_t k) { return t_.is_word(k); };
  // A year read from a heading ties two goals less than a year in their
  // clauses: they must then share four words in a row, as "ứng dụng công
  // nghệ tiên tiến" does, not just "ma túy" ("100% các điểm tổ chức, chứa
  // chấp sử dụng trái phép chất ma túy" under "6.2." of the 2030 goals and
  // "đến năm 2030 đạt 100% xã, phường không ma túy" are two goals). The goal
  // is then stated with the same comparator too ("trên 70% xã, phường ...
  // cai nghiện ma túy tự nguyện" and "ít nhất 70% xã, phường ... cai nghiện
  // ma túy tự nguyện" stay two, as the text has them).
  const bool weak = a.heading_year || b.heading_year;
  if (weak && a.q.comparator != b.q.comparator) return false;
  const size_t need = weak ? 4 : 2;
  for (size_t i = a.ctx_begin; i + 1 < a.ctx_end; ++i) {
    if (!word(i) || !word(i + 1) || t_.is(i, "năm")) continue;
    const std::string_view w0 = t_.low(i), w1 = t_.low(i + 1);
    bool generic = false;
    for (const auto& g : kGeneric) generic |= (g[0] == w0 && g[1] == w1);
    if (generic) continue;
    for (size_t j = b.ctx_begin; j + 1 < b.ctx_end; ++j) {
      size_t run = 0;
      while (i + run < a.ctx_end && j + run < b.ctx_end && word(i + run) &&
             word(j + run) && t_.low(i + run) == t_.low(j + run))
        ++run;
      if (run >= need) return true;
    }
  }
  return false;
}

void Extractor::finish() {
  // Repeated goals: a target restated in another part of the document (the
  // same value, unit and deadline year under a different top-level division,
  // in clauses that share words) is listed once; an elimination goal is listed
  // once per noun.
  // A headline restates the goal its text states ("Gia Lai đặt mục tiêu
  // giảm 2% hộ nghèo trong năm 2022" over "... để giảm 2% tổng số hộ nghèo
  // và 3% số hộ nghèo dân tộc thiểu số tại tỉnh trong năm nay"): the goal is
  // listed where the text states it.
  // A headline is a short first line without a full stop.
  size_t first_line_end = 0;
  while (first_line_end < t_.size() &&
         (first_line_end == 0 || !t_[first_line_end].newline)) {
    if (first_line_end > 40 || mark_of(t_, first_line_end) == '.') {
      first_line_end = 0;
      break;
    }
    ++first_line_end;
  }
  // The document's title is a headline too ("Về bổ sung Kế hoạch phát
  // triển kinh tế - xã hội năm 2025 với mục tiêu tăng trưởng đạt 8% trở lên"
  // over Điều 1 "Tốc độ tăng tổng sản phẩm trong nước (GDP) đạt 8% trở lên").
  Span title;
  for (const Node& node : doc_.nodes)
    if (node.kind == NodeKind::kHeader) {
      title = title_in(node.span);
      break;
    }
  const auto in_title = [&](const Candidate& c) {
    return !title.empty() && t_[c.first].begin >= title.begin &&
           t_[c.last].end <= title.end;
  };
  // So is a general objective ("a) Mục tiêu tổng quát: ... thúc đẩy tăng
  // trưởng với mục tiêu đạt 8% trở lên ...") over the indicators that follow
  // it ("b) ... Tốc độ tăng tổng sản phẩm trong nước (GDP) đạt 8% trở lên").
  // The objective names itself at the start of its line ("a) Mục tiêu tổng
  // quát: ...") or on a short heading line of its own ("1. Mục tiêu chung").
  const auto in_general_objective = [&](const Candidate& c) {
    const auto names_it = [&](size_t from, size_t to) {
      for (size_t k = from; k < to && k < from + 4; ++k)
        if (t_.match(k, {"mục", "tiêu", "tổng", "quát"}) ||
            t_.match(k, {"mục", "tiêu", "chung"}))
          return true;
      return false;
    };
    const size_t line = line_start_of(c.first);
    if (names_it(line, c.first)) return true;
    if (line == 0) return false;
    const size_t prev = line_start_of(line - 1);
    return line - prev <= 6 && names_it(prev, line);
  };
  const auto restated_below = [&](const Candidate& c) {
    const bool headline = c.last < first_line_end;
    const bool general = !headline && !in_title(c) && in_general_objective(c);
    if (!headline && !general && !in_title(c))
      return static_cast<const Candidate*>(nullptr);
    const uint32_t below =
        headline ? 0 : (general ? t_[c.last].end : title.end);
    for (const Candidate& d : cands_)
      if ((headline ? d.first >= first_line_end : t_[d.first].begin >= below) &&
          (!general || d.q.comparator == c.q.comparator) &&
          d.q.kind == QuantityKind::kTarget && d.q.value == c.q.value &&
          d.q.value_max == c.q.value_max && d.q.unit == c.q.unit)
        return &d;
    return static_cast<const Candidate*>(nullptr);
  };
  std::vector<size_t> keep;  // candidates listed, moved out at the end
  // Kept targets by value, unit and year, so that the check stays linear.
  std::unordered_map<std::string, std::vector<const Candidate*>> kept;
  std::vector<const Candidate*> kept_zero;
  // Restated goals left out, by the candidate listed in their place.
  std::unordered_map<const Candidate*, const Candidate*> stand_in;
  // A bare figure that states the value and unit of a target kept before
  // it is the annex table restating the text ("95% chất thải rắn sinh hoạt
  // đô thị ... được thu gom, xử lý" and, in "PHỤ LỤC 1 CÁC CHỈ TIÊU CHỦ YẾU",
  // a cell "95%" under its row's label). Bare figures are few: the kept
  // targets are searched only for them.
  const auto states_kept = [&](const Candidate& c) {
    for (size_t k = keep.size(); k-- > 0;) {
      const Quantity& p = cands_[keep[k]].q;
      if (p.kind == QuantityKind::kTarget && p.value == c.q.value &&
          p.value_max == c.q.value_max && p.unit == c.q.unit)
        return true;
    }
    return false;
  };
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    const Quantity& q = c.q;
    if (q.unit.empty() && !c.index) continue;
    if (q.kind == QuantityKind::kTarget) {
      // A restated goal still stands for its later restatements in other
      // words (Điều 3 "với mục tiêu tăng trưởng đạt 8% trở lên" as the
      // title says it), though not for the statement listed in its place.
      const Candidate* below = restated_below(c);
      bool dup = false;
      if (c.bare && states_kept(c)) continue;
      if (c.zero) {
        // Elimination goals are few; compare with the recent ones only.
        const size_t n = kept_zero.size();
        for (size_t k = n > 64 ? n - 64 : 0; k < n && !dup; ++k)
          dup = same_noun(kept_zero[k]->q.unit, q.unit);
        if (!dup) kept_zero.push_back(&c);
      } else if (!c.own_year.empty()) {
        std::string key = std::to_string(q.value) + "|" +
                          (q.value_max ? std::to_string(*q.value_max) : "") +
                          "|" + q.unit + "|" + c.own_year;
        // Within one division only when it names the same thing in the same
        // words ("20% xã, phường không ma túy" twice in section III).
        auto& same = kept[key];
        size_t replaced = same.size();
        for (size_t s = 0; s < same.size(); ++s) {
          const Candidate* k = same[s];
          const auto it = stand_in.find(k);
          if (it != stand_in.end() && it->second == &c) continue;
          if ((k->division != c.division && same_goal_words(*k, c)) ||
              (!q.indicator.empty() && k->q.indicator == q.indicator &&
               !k->heading_year && !c.heading_year)) {
            dup = true;
            // The goal is listed where a list of them states it: the
            // requirement "bảo đảm đến hết năm 2030, có ít nhất 50% đơn vị
            // hành chính cấp xã ... không ma túy" gives way to the item
            // "6. Chỉ tiêu chủ yếu đến năm 2030" / "... đạt ít nhất 50% số
            // xã, phường trên toàn tỉnh không ma túy".
            if (c.in_list && !k->in_list && !below) replaced = s;
            break;
          }
        }
        if (replaced < same.size()) {
          const size_t k_index =
              static_cast<size_t>(same[replaced] - &cands_[0]);
          const auto at = std::find(keep.begin(), keep.end(), k_index);
          if (at != keep.end() && !stand_in.count(same[replaced])) {
            // The statement left out still stands for later restatements.
            keep.erase(at);
            stand_in.emplace(same[replaced], &c);
            same.push_back(&c);
            dup = false;
          }
        } else if (!dup) {
          same.push_back(&c);
        }
        if (!dup && below) stand_in.emplace(&c, below);
      }
      if (dup || below) continue;
    }
    keep.push_back(ci);
  }
  std::vector<Quantity> out;
  out.reserve(keep.size());
  for (size_t ci : keep) {
    out.push_back(std::move(cands_[ci].q));
    out.back().node = innermost_node(doc_, out.back().span);
  }
  doc_.quantities = std::move(out);
}

// The year of issue: from the metadata, else from the first place-and-date
// line ("..., ngày 18 tháng 6 năm 2020") near the top of the text.
int document_year(const Document& doc, const Tokens& t) {
  if (doc.metadata.date && doc.metadata.date->size() >= 4) {
    int y = std::atoi(doc.metadata.date->substr(0, 4).c_str());
    if (y > 1900) return y;
  }
  for (size_t i = 0; i + 5 < t.size() && t[i].begin < 4000; ++i)
    if (t.is(i, "ngày") && t.is_number(i + 1) && t.is(i + 2, "tháng") &&
        t.is_number(i + 3) && t.is(i + 4, "năm") && is_year(t, i + 5))
      return std::atoi(std::string(t.low(i + 5)).c_str());
  return 0;
}

void Extractor::on_lead_in(size_t i) {
  size_t cs = clause_start_of(i);
  bool list = false;
  Ctx ctx = classify_range(t_, cs, i, &list, false);
  if (ctx == Ctx::kNeutral) return;
  int level = stack_.empty() ? 1 : (stack_.back().level | 1);
  if (!stack_.empty() && (stack_.back().level & 1)) stack_.pop_back();
  Heading h;
  h.level = level;
  h.at = i;
  h.ctx = ctx;
  h.indicators = list;
  h.strive = ctx == Ctx::kTarget && any_cue(cs, i, kCueStrive);
  Found d = deadlines_.nearest(cs, i, i, i);
  if (d.ok) h.deadline = text(d.begin, d.end - 1);
  stack_.push_back(std::move(h));
}

// The first token at or after byte `at`.
size_t Extractor::first_token_at(uint32_t at) const {
  size_t lo = 0, hi = t_.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (t_[mid].begin < at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

// A clause never runs from one unit of the segmented tree into the next,
// and in the header every line is a field of its own (number, place and
// date, type, title, issuer): a title set without punctuation would
// otherwise go on into the issuer's line and the first legal basis ("... 6
// tháng cuối năm 2020 / HỘI ĐỒNG NHÂN DÂN ... / Căn cứ Luật ... năm 2015").
void Extractor::mark_node_starts() {
  for (size_t n = 1; n < doc_.nodes.size(); ++n) {
    // Paragraph starts are left out: in text wrapped at a fixed width a
    // paragraph may start on a line that goes on with the sentence before.
    const Node& node = doc_.nodes[n];
    if (node.kind == NodeKind::kParagraph || node.kind == NodeKind::kIndent)
      continue;
    size_t k = first_token_at(node.span.begin);
    if (k < t_.size() && t_.line_start(k)) boundary_[k] = 2;
    if (node.kind != NodeKind::kHeader) continue;
    // The title may wrap over several lines: those go on.
    const Span title = title_in(node.span);
    if (title.empty()) continue;
    for (; k < t_.size() && t_[k].begin < node.span.end; ++k)
      if (t_[k].newline &&
          !(t_[k].begin > title.begin && t_[k].begin < title.end))
        boundary_[k] = 2;
  }
}

// Where the metadata's title is printed in `within`, compared without
// whitespace (the title joins its wrapped lines); empty if not found.
Span Extractor::title_in(Span within) const {
  if (!doc_.metadata.title || doc_.metadata.title->empty()) return {};
  const std::string& title = *doc_.metadata.title;
  const auto space = [](char ch) {
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
  };
  const std::string_view head =
      std::string_view(title).substr(0, title.find_first_of(" \n"));
  // The title stands near the top: a header that runs over the whole text
  // (an unsegmented document) is not searched to its end.
  const uint32_t end = std::min<uint32_t>(
      {within.end, static_cast<uint32_t>(src_.size()), within.begin + 8192});
  for (size_t at = src_.find(head, within.begin); at < end;
       at = src_.find(head, at + 1)) {
    size_t s = at, u = 0;
    while (u < title.size() && s < end) {
      if (space(title[u])) {
        ++u;
      } else if (space(src_[s])) {
        ++s;
      } else if (title[u] == src_[s]) {
        ++u;
        ++s;
      } else {
        break;
      }
    }
    if (u == title.size())
      return {static_cast<uint32_t>(at), static_cast<uint32_t>(s)};
  }
  return {};
}

void Extractor::run() {
  boundary_.assign(t_.size(), 0);
  mark_node_starts();
  cue_.assign(t_.size(), 0);
  cands_.reserve(t_.size() / 64);
  lines_.reserve(t_.size() / 16);
  doc_year_ = document_year(doc_, t_);
  find_tables();
  node_heading_.assign(doc_.nodes.size(), NodeHeading{});
  const size_t ntok = t_.size();
  for (size_t i = 0; i < ntok;) {
    // Words inside a line that nothing starts at, most of the text, are
    // passed over by a loop of their own.
    for (; i < ntok; ++i) {
      const Tok& w = t_[i];
      if (w.type != TokType::kWord || w.newline) break;
      const size_t len = w.lend - w.lbegin;
      if (len < 8 &&
          ((kWordStarts
                .lengths[static_cast<unsigned char>(t_.first_lower(w))] >>
            len) &
           1))
        break;
    }
    if (i >= ntok) break;
    const Tok& tok = t_[i];
    if (tok.newline) {  // the first token has it too: line_start(i)
      lines_.push_back(static_cast<uint32_t>(i));
      size_t body;
      int level = heading_level(t_, i, body);
      if (level >= 0) on_heading(i, level, body);
    }
    // Most tokens are words nothing starts at: they cost a table load.
    if (tok.type == TokType::kWord) {
      const size_t len = tok.lend - tok.lbegin;
      if (len >= 8 ||
          !((kWordStarts
                 .lengths[static_cast<unsigned char>(t_.first_lower(tok))] >>
             len) &
            1)) {
        ++i;
        continue;
      }
    } else if (tok.type == TokType::kPunct) {
      // A lead-in line: "... các chỉ tiêu cụ thể như sau:" scopes the list
      // that follows until the next heading.
      if (t_.is_punct(i, ":") && (i + 1 >= ntok || t_[i + 1].newline))
        on_lead_in(i);
      ++i;
      continue;
    }
    size_t next = i + 1;
    const size_t before = cands_.size();
    if (tok.type == TokType::kNumber) {
      next = try_number(i);
    } else {
      const std::string_view w = t_.low(i);
      if (w == "không")
        next = try_zero(i);
      else if (internal::number_word(w))
        next = try_number_word(i);
    }
    // Lines that start inside what was read are listed before any figure
    // asks about them.
    for (size_t k = i + 1; k < next && k < ntok; ++k)
      if (t_[k].newline) lines_.push_back(static_cast<uint32_t>(k));
    if (cands_.size() > before && !cands_.back().in_table)
      classify(cands_.back());
    i = std::max(next, i + 1);
  }
  finish();
}

}  // namespace

void extract_quantities(Document& doc) {
  doc.quantities.clear();
  if (doc.text.empty()) return;
  Extractor(doc).run();
}

}  // namespace vnlegal
