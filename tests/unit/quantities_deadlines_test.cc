// The deadline list under quantity extraction: which period a figure takes
// from its clause, and how the list follows queries that move forward or
// jump back.
#include "extract/quantities_deadlines.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/quantities_tokens.h"

namespace vnlegal::internal {
namespace {

std::string words(const Tokens& t, const Found& f) {
  std::string out;
  for (size_t i = f.begin; i < f.end; ++i) {
    if (i > f.begin) out.push_back(' ');
    out.append(t.low(i));
  }
  return out;
}

TEST(QuantitiesDeadlines, NearestToEachFigureOfAClause) {
  // Tokens: 0 phấn 1 đấu 2 đến 3 hết 4 năm 5 2025 6 đạt 7 80 8 % 9 , 10 giai
  // 11 đoạn 12 2026 13 - 14 2030 15 đạt 16 90 17 %
  Tokens t("phấn đấu đến hết năm 2025 đạt 80%, giai đoạn 2026-2030 đạt 90%");
  ASSERT_EQ(t.size(), 18u);
  DeadlineIndex d(t);
  Found first = d.nearest(0, t.size(), 7, 9);
  ASSERT_TRUE(first.ok);
  EXPECT_EQ(words(t, first), "đến hết năm 2025");
  Found second = d.nearest(0, t.size(), 16, 18);
  ASSERT_TRUE(second.ok);
  EXPECT_EQ(words(t, second), "giai đoạn 2026 - 2030");
  // A stretch that ends inside a period does not take it.
  Found cut = d.nearest(0, 13, 7, 9);
  ASSERT_TRUE(cut.ok);
  EXPECT_EQ(words(t, cut), "đến hết năm 2025");
  EXPECT_FALSE(d.nearest(6, 13, 7, 9).ok);
}

TEST(QuantitiesDeadlines, QueriesThatJumpBackStillSeeEarlierText) {
  // 0 năm 1 2020 2 tăng 3 5 4 % 5 ; 6 hằng 7 năm 8 giảm 9 2 10 %
  Tokens t("năm 2020 tăng 5%; hằng năm giảm 2%");
  DeadlineIndex d(t);
  Found later = d.nearest(6, t.size(), 9, 11);
  ASSERT_TRUE(later.ok);
  EXPECT_EQ(words(t, later), "hằng năm");
  Found earlier = d.nearest(0, 5, 3, 5);
  ASSERT_TRUE(earlier.ok);
  EXPECT_EQ(words(t, earlier), "năm 2020");
  // A date is not a deadline: "tháng 6 năm 2020".
  Tokens date("ngày 1 tháng 6 năm 2020 đạt 5%");
  DeadlineIndex dd(date);
  EXPECT_FALSE(dd.nearest(0, date.size(), 6, 8).ok);
}

TEST(QuantitiesDeadlines, AfterTheFigureCountsFarther) {
  // 0 năm 1 2024 2 đạt 3 5 4 % 5 năm 6 2025: both one token away; the one
  // before the figure wins.
  Tokens t("năm 2024 đạt 5% năm 2025");
  DeadlineIndex d(t);
  Found f = d.nearest(0, t.size(), 3, 5);
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(words(t, f), "năm 2024");
}

TEST(QuantitiesDeadlines, ACommaBeforeTheFigureCountsFarther) {
  // 205_kh-ubnd-dongnai_182-2025: "hàng năm" is three tokens before the
  // figure but in the part before the comma; "năm 2025" after it is in the
  // figure's own part.
  // 0 theo 1 lộ 2 trình 3 thực 4 hiện 5 hàng 6 năm 7 , 8 phấn 9 đấu 10 đạt
  // 11 20 12 % 13 xã 14 , 15 phường 16 không 17 ma 18 túy 19 năm 20 2025
  Tokens t(
      "theo lộ trình thực hiện hàng năm, phấn đấu đạt 20% xã, phường “không "
      "ma túy” năm 2025");
  ASSERT_EQ(t.size(), 21u);
  DeadlineIndex d(t);
  Found f = d.nearest(0, t.size(), 11, 13);
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(words(t, f), "năm 2025");
  // Without the comma the nearer one wins.
  Tokens u(
      "theo lộ trình thực hiện hàng năm phấn đấu đạt 20% xã, phường “không "
      "ma túy” năm 2025");
  DeadlineIndex e(u);
  Found g = e.nearest(0, u.size(), 10, 12);
  ASSERT_TRUE(g.ok);
  EXPECT_EQ(words(u, g), "hàng năm");
}

TEST(QuantitiesDeadlines, ComparisonAndPriceBasesAreNotDeadlines) {
  // 098: the year after "so với" is what the figure is compared with, the
  // year after "giá" the base of constant prices.
  const char* cases[] = {
      "Tổng sản phẩm trong nước (GDP) tăng 8 - 8,5% so với năm 2004",
      "tổng chi ngân sách nhà nước 226,45 nghìn tỷ đồng, tăng 9,9% so với ước "
      "thực hiện năm 2004",
      "giá trị sản xuất công nghiệp (giá năm 1994) tăng 6%",
      "Giá trị sản xuất (giá so sánh năm 2010) ước thực hiện 8.318 tỷ đồng",
  };
  for (const char* text : cases) {
    Tokens t(text);
    DeadlineIndex d(t);
    EXPECT_FALSE(d.nearest(0, t.size(), 0, 0).ok) << text;
  }
  Tokens t("Năm 2005 phấn đấu kim ngạch xuất khẩu tăng 14% so với năm 2004");
  DeadlineIndex d(t);
  Found f = d.nearest(0, t.size(), 9, 11);
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(words(t, f), "năm 2005");
}

}  // namespace
}  // namespace vnlegal::internal
