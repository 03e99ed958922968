// Deadlines and periods written in the text ("đến hết năm 2020", "giai đoạn
// 2021-2025", "6 tháng cuối năm 2020", "hằng năm"), listed once per stretch
// of text so that the figures of a clause, and of the clauses after it, ask a
// sorted list instead of re-reading the clause.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/quantities_tokens.h"

namespace vnlegal::internal {

// A four-digit year 19xx or 20xx at token i.
bool is_year(const Tokens& t, size_t i);

struct Found {
  size_t begin = 0, end = 0;  // tokens [begin, end)
  bool ok = false;
};

// The deadline whose key word ("năm", "giai", "hằng", "hàng") is token i;
// it may start a few tokens earlier ("đến hết năm 2020").
Found deadline_at(const Tokens& t, size_t i);

class DeadlineIndex {
 public:
  explicit DeadlineIndex(const Tokens& t) : t_(t) {}

  // The deadline in [a, b) nearest to the token range [qa, qb): scanning
  // key words from a, one that ends past b or starts inside [qa, qb) is
  // passed over; after one is weighed the scan goes on past its end. One
  // after the figure counts two tokens farther than its distance.
  Found nearest(size_t a, size_t b, size_t qa, size_t qb);

 private:
  void scan_to(size_t b);

  const Tokens& t_;
  // Key words of tokens [lo_, hi_) are listed. Queries move forward with the
  // figures; one outside the stretch starts a new one, since a whole-text
  // scan costs more than the clauses around figures.
  size_t lo_ = 0, hi_ = 0;
  std::vector<uint32_t> at_;  // key-word tokens, ascending
  std::vector<Found> found_;  // deadline_at of each
};

}  // namespace vnlegal::internal
