#include "extract/quantities_deadlines.h"

#include <algorithm>
#include <string_view>

namespace vnlegal::internal {

bool is_year(const Tokens& t, size_t i) {
  if (!t.is_number(i)) return false;
  std::string_view s = t.low(i);
  return s.size() == 4 && (s.substr(0, 2) == "19" || s.substr(0, 2) == "20");
}

Found deadline_at(const Tokens& t, size_t i) {
  Found f;
  const std::string_view w = t.low(i);
  // Only 'n', 'g' and 'h' start the words below: most tokens stop here.
  if (w.empty() || (w[0] != 'n' && w[0] != 'g' && w[0] != 'h')) return f;
  if (w != "năm" && w != "giai" && w != "hằng" && w != "hàng") return f;
  if (t.match(i, {"giai", "đoạn"}) && is_year(t, i + 2)) {
    f = {i, i + 3, true};
    if (t.is_punct(i + 3, "-") && is_year(t, i + 4)) f.end = i + 5;
    return f;
  }
  if ((t.match(i, {"hằng", "năm"}) || t.match(i, {"hàng", "năm"})) &&
      !is_year(t, i + 2))
    return {i, i + 2, true};
  if (!t.is(i, "năm") || !is_year(t, i + 1)) return f;
  if (i >= 2 && t.is(i - 2, "tháng") && t.is_number(i - 1)) return f;  // a date
  // The base of a comparison, not a deadline: "tăng 8% so với năm 2004", "so
  // với ước thực hiện năm 2004", "so với cùng kỳ năm 2023".
  {
    size_t k = i;
    while (k > 0 && i - k < 4 &&
           (t.is(k - 1, "ước") || t.is(k - 1, "thực") || t.is(k - 1, "hiện") ||
            t.is(k - 1, "cùng") || t.is(k - 1, "kỳ")))
      --k;
    if (t.ends_before(k, {"so", "với"})) return f;
  }
  // Nor the base year of prices: "(giá năm 1994)", "giá so sánh năm 2010".
  if (t.ends_before(i, {"giá"}) || t.ends_before(i, {"so", "sánh"}) ||
      t.ends_before(i, {"cố", "định"}))
    return f;
  f = {i, i + 2, true};
  if (t.is_punct(i + 2, "-") && is_year(t, i + 3)) f.end = i + 4;
  size_t b = i;
  if (b >= 2 &&
      (t.ends_before(b, {"đến", "hết"}) || t.ends_before(b, {"đến", "cuối"})))
    b -= 2;
  else if (b >= 3 && t.is_number(b - 3) &&
           (t.ends_before(b, {"tháng", "cuối"}) ||
            t.ends_before(b, {"tháng", "đầu"})))
    b -= 3;
  else if (b >= 1 && (t.ends_before(b, {"đến"}) || t.ends_before(b, {"vào"}) ||
                      t.ends_before(b, {"trong"}) || t.ends_before(b, {"từ"}) ||
                      t.ends_before(b, {"cuối"})))
    b -= 1;
  f.begin = b;
  if (t.match(f.end, {"trở", "đi"})) f.end += 2;
  return f;
}

void DeadlineIndex::scan_to(size_t b) {
  b = std::min(b, t_.size());
  for (; hi_ < b; ++hi_) {
    // The key words by length and first two bytes: "năm" and "giai" (4
    // bytes), "hàng" (5), "hằng" (6). Most words stop here without a call.
    const Tok& tok = t_[hi_];
    if (tok.type != TokType::kWord) continue;
    const size_t n = tok.lend - tok.lbegin;
    if (n < 4 || n > 6) continue;
    const std::string_view w = t_.low(hi_);
    const char c0 = w[0], c1 = w[1];
    const bool key =
        n == 4   ? (c0 == 'n' && c1 == '\xC4') || (c0 == 'g' && c1 == 'i')
        : n == 5 ? c0 == 'h' && c1 == '\xC3'
                 : c0 == 'h' && c1 == '\xE1';
    if (!key) continue;
    Found f = deadline_at(t_, hi_);
    if (!f.ok) continue;
    at_.push_back(static_cast<uint32_t>(hi_));
    found_.push_back(f);
  }
}

Found DeadlineIndex::nearest(size_t a, size_t b, size_t qa, size_t qb) {
  if (a < lo_ || a > hi_) {
    at_.clear();
    found_.clear();
    lo_ = hi_ = a;
  }
  scan_to(b);
  Found best;
  size_t best_dist = SIZE_MAX;
  size_t from = a;  // key words before it were passed over
  for (size_t k = std::lower_bound(at_.begin(), at_.end(), a) - at_.begin();
       k < at_.size() && at_[k] < b; ++k) {
    if (at_[k] < from) continue;
    const Found& f = found_[k];
    if (f.end > b) continue;
    if (f.begin >= qa && f.begin < qb) continue;
    size_t dist = f.end <= qa ? qa - f.end : f.begin - qb;
    // A deadline stated before the figure binds more often than one after.
    if (f.begin >= qb) dist += 2;
    // One in the figure's own comma-separated part binds more than one in
    // a part before ("theo lộ trình thực hiện hàng năm, phấn đấu đạt 20%
    // xã, phường ... năm 2025"). After the figure a comma more often
    // separates the items of its noun ("xã, phường").
    if (f.end <= qa)
      for (size_t k = f.end; k < qa && dist < best_dist; ++k)
        if (t_.is_punct(k, ",")) dist += 6;
    if (dist < best_dist) {
      best = f;
      best_dist = dist;
    }
    from = f.end;
  }
  return best;
}

}  // namespace vnlegal::internal
