#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/numbers.h"
#include "extract/quantities_tokens.h"
#include "unit/test_documents.h"
#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

// A document whose tree is only the root, as before segmentation.
Document make_doc(std::string text) {
  return testing::root_document(std::move(text));
}

std::vector<Quantity> targets_of(const Document& doc) {
  std::vector<Quantity> out;
  for (const Quantity& q : doc.quantities)
    if (q.kind == QuantityKind::kTarget) out.push_back(q);
  return out;
}

// A web copy split the month's leading zero from its digit ("tháng 0 6",
// Quyết định 773/QĐ-TTg of 2018, outside the corpus): the date gives no
// figure ("6 năm" was read as a duration).
TEST(Quantities, DateWithSplitLeadingZeroIsNoFigure) {
  Document doc = make_doc(
      "Số: 773 /QĐ-TTg Hà Nội, ngày 26 tháng 0 6 năm 2018\nĐiều 2. Quyết "
      "định này có hiệu lực kể từ ngày ký ban hành.\n");
  extract_quantities(doc);
  EXPECT_TRUE(doc.quantities.empty());
  // The same line with the zero in place gives none either.
  Document whole = make_doc("Hà Nội, ngày 26 tháng 06 năm 2018\n");
  extract_quantities(whole);
  EXPECT_TRUE(whole.quantities.empty());
}

// A coefficient at the end of its line, the next paragraph opening with a
// capital ("Hoàn thành Kém : 0.3" / "Căn cứ để xác định ...", the Quy chế
// chi tiêu nội bộ 2007 of the industrial zones board of Bà Rịa - Vũng Tàu,
// outside the corpus): "Căn" is the next sentence's first word, no unit
// (the lexicon's "căn", flats). A unit wrapped in lower case stays one.
TEST(Quantities, CapitalOpeningTheNextLineIsNoUnit) {
  Document doc = make_doc(
      "Hệ số chất lượng công việc hoàn thành (K3):\nHoàn thành Kém : "
      "0.3\nCăn cứ để xác định mức độ chất lượng công việc hoàn thành :\n");
  extract_quantities(doc);
  for (const Quantity& q : doc.quantities) EXPECT_NE(q.unit, "căn") << q.text;
  Document wrapped =
      make_doc("Phấn đấu đến năm 2025 xây dựng thêm 500\ncăn nhà ở xã hội.\n");
  extract_quantities(wrapped);
  ASSERT_FALSE(wrapped.quantities.empty());
  EXPECT_EQ(wrapped.quantities.front().unit.rfind("căn", 0), 0u);
}

// --- numbers ---------------------------------------------------------------

struct NumberCase {
  const char* text;
  double value;
};

TEST(QuantitiesNumbers, ReadsVietnameseNotation) {
  const NumberCase cases[] = {
      {"1.234,5", 1234.5}, {"4.000", 4000},     {"01", 1},
      {"7,52", 7.52},      {"100.000", 100000}, {"156.168,8", 156168.8},
      {"0,019", 0.019},    {"3.5", 3.5},        {"2.112,5", 2112.5},
      {"03", 3},
  };
  for (const NumberCase& c : cases) {
    auto v = internal::parse_vn_number(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
  }
}

TEST(QuantitiesNumbers, DecimalsAreTheNearestDouble) {
  // Written out as JSON, "1,7 lần" (202) must read 1.7, not
  // 1.7000000000000002; likewise "0,3%" (098), "0,019%" (046), "1,535 tỷ
  // đồng" (022), "0,95%" (046).
  const NumberCase cases[] = {
      {"1,7", 1.7},     {"0,3", 0.3},   {"0,019", 0.019},
      {"1,535", 1.535}, {"0,95", 0.95}, {"255.053,9", 255053.9},
  };
  for (const NumberCase& c : cases) {
    auto v = internal::parse_vn_number(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_EQ(*v, c.value) << c.text;
  }
}

TEST(QuantitiesNumbers, RejectsListNumbersAndJunk) {
  for (const char* s : {"1.1.1", "", "a1", "1,2,3", "2.1.3.4"})
    EXPECT_FALSE(internal::parse_vn_number(s).has_value()) << s;
}

TEST(QuantitiesNumbers, ReadsSmallNumberWords) {
  EXPECT_EQ(internal::number_word("một"), 1.0);
  EXPECT_EQ(internal::number_word("hai"), 2.0);
  EXPECT_EQ(internal::number_word("mười"), 10.0);
  // "năm" is read as "year", never as five.
  EXPECT_FALSE(internal::number_word("năm").has_value());
}

// --- tokens ----------------------------------------------------------------

TEST(QuantitiesTokens, SkipsMarkupInsidePhrases) {
  internal::Tokens t("phấn đấu đạt **20%\n**xã, phường");
  ASSERT_GE(t.size(), 6u);
  EXPECT_EQ(t.low(0), "phấn");
  EXPECT_EQ(t.low(2), "đạt");
  EXPECT_EQ(t.low(3), "20");
  EXPECT_EQ(t.low(4), "%");
  EXPECT_EQ(t.low(5), "xã");
  EXPECT_TRUE(t[5].newline);
}

TEST(QuantitiesTokens, LowerCasesVietnameseAndKeepsUnitExponents) {
  internal::Tokens t("ĐẠT 74,56 triệu m3/năm");
  EXPECT_EQ(t.low(0), "đạt");
  EXPECT_TRUE(t[0].all_upper);
  EXPECT_EQ(t.low(1), "74,56");
  EXPECT_EQ(t.low(3), "m3");
  EXPECT_EQ(t.low(4), "/");
}

TEST(QuantitiesTokens, SplitsCodesFromWords) {
  internal::Tokens t("TW6 DV12");
  // "TW6" keeps no exponent (not a unit), so the digit is its own token,
  // glued to the word before it.
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].type, internal::TokType::kNumber);
  EXPECT_TRUE(t[1].attached);
}

// --- extraction ------------------------------------------------------------

struct Case {
  const char* name;
  const char* text;
  QuantityKind kind;
  double value;
  const char* unit;
  Comparator comparator;
};

TEST(QuantitiesExtract, FirstFigureOfEachPassage) {
  const Case cases[] = {
      {"goal with cue", "Phấn đấu 22 xã đã đăng ký sẽ đạt chuẩn nông thôn mới.",
       QuantityKind::kTarget, 22, "xã", Comparator::kReach},
      {"percentage in a goals section",
       "II. MỤC TIÊU\n- Chỉ tiêu 1: Năm 2025 đạt 60% các cơ quan có lãnh đạo "
       "chủ chốt là nữ.",
       QuantityKind::kTarget, 60, "%", Comparator::kReach},
      {"at least", "Phấn đấu có ít nhất 70% số người hưởng trợ cấp.",
       QuantityKind::kTarget, 70, "%", Comparator::kAtLeast},
      {"trở lên", "Phấn đấu tốc độ tăng trưởng đạt 7,52% trở lên.",
       QuantityKind::kTarget, 7.52, "%", Comparator::kAtLeast},
      {"above", "thu ngân sách phấn đấu đạt trên 4.000 tỷ đồng.",
       QuantityKind::kTarget, 4000, "tỷ đồng", Comparator::kAbove},
      {"below", "Mục tiêu: giảm tỷ lệ hộ nghèo xuống dưới 2%.",
       QuantityKind::kTarget, 2, "%", Comparator::kBelow},
      {"increase", "Mục tiêu: hàng năm số vụ được phát hiện tăng trên 03%.",
       QuantityKind::kTarget, 3, "%", Comparator::kIncrease},
      {"zero", "phấn đấu đến hết năm 2020 trên địa bàn không còn hộ nghèo.",
       QuantityKind::kTarget, 0, "hộ nghèo", Comparator::kZero},
      {"past result",
       "GRDP bình quân đầu người đạt 30,3 triệu đồng, tăng trên 6,8% so với "
       "cùng kỳ.",
       QuantityKind::kResult, 30.3, "triệu đồng", Comparator::kReach},
      {"review section", "I. Kết quả thực hiện\nTỷ lệ hộ nghèo còn 3,2%.",
       QuantityKind::kResult, 3.2, "%", Comparator::kDecrease},
      {"rate set by a decree",
       "1. Giảm 30% tiền thuê đất phải nộp của năm 2024.", QuantityKind::kOther,
       30, "%", Comparator::kDecrease},
      {"fee", "Mức thu lệ phí là 50.000 đồng/hồ sơ.", QuantityKind::kOther,
       50000, "đồng/hồ sơ", Comparator::kReach},
      {"count in passing", "trạm y tế 13 phường và các phòng khám tư nhân.",
       QuantityKind::kOther, 13, "phường", Comparator::kReach},
      {"per year", "Mục tiêu tăng trưởng bình quân 7%/năm.",
       QuantityKind::kTarget, 7, "%/năm", Comparator::kIncrease},
      {"rate per population",
       "Chỉ tiêu 2: Tỷ lệ tử vong bà mẹ dưới 4/100.000 trẻ sinh ra còn sống.",
       QuantityKind::kTarget, 4, "/100.000 trẻ sinh", Comparator::kBelow},
      {"share of communes", "Phấn đấu 3/5 xã đạt chuẩn nông thôn mới.",
       QuantityKind::kTarget, 3, "/5 xã", Comparator::kReach},
      {"number word", "Chỉ tiêu 4: Có ít nhất một cơ sở y tế cung cấp dịch vụ.",
       QuantityKind::kTarget, 1, "cơ sở y tế", Comparator::kAtLeast},
      {"leading zero", "hoàn thành chỉ tiêu 01 trường công lập đạt chuẩn.",
       QuantityKind::kTarget, 1, "trường", Comparator::kReach},
      // The jobs to create are the goal ("việc làm cho" asks for a count).
      {"multiplier", "Mục tiêu: giải quyết việc làm cho 1,3 triệu lao động.",
       QuantityKind::kTarget, 1.3, "triệu lao động", Comparator::kReach},
      {"capped award", "tặng thưởng không quá 10 cá nhân trong 01 năm.",
       QuantityKind::kOther, 10, "cá nhân", Comparator::kAtMost},
      // A noun of two syllables whose first is no unit alone (Nghị quyết
      // 124/2017/NQ-HĐND, Đồng Tháp, outside the corpus).
      {"urban areas", "- Đến năm 2020: Phấn đấu toàn Tỉnh có 23 đô thị.",
       QuantityKind::kTarget, 23, "đô thị", Comparator::kReach},
      // Kế hoạch 552/KH-UBND (2025), Đồng Tháp, outside the corpus.
      {"centres",
       "2.1. Đến năm 2030: Hình thành ít nhất 01 trung tâm logistics, bảo "
       "quản, chế biến hiện đại tại các vùng nguyên liệu tập trung.",
       QuantityKind::kTarget, 1, "trung tâm", Comparator::kAtLeast},
  };
  for (const Case& c : cases) {
    Document doc = make_doc(c.text);
    extract_quantities(doc);
    ASSERT_FALSE(doc.quantities.empty()) << c.name;
    const Quantity& q = doc.quantities.front();
    EXPECT_EQ(q.kind, c.kind) << c.name;
    EXPECT_DOUBLE_EQ(q.value, c.value) << c.name;
    EXPECT_EQ(q.unit, c.unit) << c.name;
    EXPECT_EQ(q.comparator, c.comparator) << c.name;
    EXPECT_TRUE(check_invariants(doc).empty()) << c.name;
  }
}

// Every number word is read after "ít nhất", whatever its length (two to
// seven bytes) and case, and "Không còn" with a capital starts a goal too.
TEST(QuantitiesExtract, EveryNumberWordAndCapitalisedElimination) {
  const struct {
    const char* word;
    double value;
  } words[] = {{"một", 1}, {"hai", 2}, {"ba", 3},   {"bốn", 4},  {"sáu", 6},
               {"bảy", 7}, {"tám", 8}, {"chín", 9}, {"mười", 10}};
  for (const auto& w : words) {
    const std::string text = std::string("Chỉ tiêu 4: Có ít nhất ") + w.word +
                             " cơ sở y tế cung cấp dịch vụ.";
    Document doc = make_doc(text);
    extract_quantities(doc);
    ASSERT_EQ(doc.quantities.size(), 1u) << w.word;
    EXPECT_DOUBLE_EQ(doc.quantities[0].value, w.value) << w.word;
    EXPECT_EQ(doc.quantities[0].unit, "cơ sở y tế") << w.word;
    EXPECT_EQ(doc.quantities[0].comparator, Comparator::kAtLeast) << w.word;
  }
  Document doc =
      make_doc("Mục tiêu đến hết năm 2025:\nKhông còn hộ nghèo trên địa bàn.");
  extract_quantities(doc);
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].comparator, Comparator::kZero);
  EXPECT_EQ(doc.quantities[0].unit, "hộ nghèo");
  EXPECT_EQ(doc.quantities[0].kind, QuantityKind::kTarget);
}

TEST(QuantitiesExtract, Ranges) {
  const struct {
    const char* text;
    double value, value_max;
  } cases[] = {
      {"Phấn đấu năm 2017 tai nạn giao thông giảm từ 5-10%.", 5, 10},
      {"Mục tiêu tăng trưởng từ 5 đến 7%.", 5, 7},
      {"Chỉ tiêu: kim ngạch xuất khẩu tăng 14 - 16%;", 14, 16},
      {"Chỉ tiêu: dịch vụ tăng 7,7 - 8,2%;", 7.7, 8.2},
  };
  for (const auto& c : cases) {
    Document doc = make_doc(c.text);
    extract_quantities(doc);
    auto t = targets_of(doc);
    ASSERT_EQ(t.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(t[0].value, c.value) << c.text;
    ASSERT_TRUE(t[0].value_max.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*t[0].value_max, c.value_max) << c.text;
    EXPECT_EQ(t[0].unit, "%") << c.text;
  }
}

// A range with its unit written after both figures is one figure: a news
// report of Cần Thơ's targets for 2018 (outside the corpus), a revenue
// bracket (027_nq-hdnd_126-2017) and hours of a day (038_nq-hdnd_53-2017).
TEST(QuantitiesExtract, RangesWithTheUnitWrittenTwice) {
  const struct {
    const char* text;
    const char* figure;
    double value, value_max;
    const char* unit;
  } cases[] = {
      {"1. Tăng trưởng kinh tế (GRDP) từ 7,5% đến 8%; trong đó: nông nghiệp "
       "- thủy sản tăng từ 0,45% đến 0,54%.",
       "từ 7,5% đến 8%", 7.5, 8, "%"},
      {"2. GRDP bình quân đầu người đạt từ 80,4 triệu đồng đến 80,8 triệu "
       "đồng, tăng từ 10,20% đến 10,71% so với ước thực hiện năm 2017.",
       "đạt từ 80,4 triệu đồng đến 80,8 triệu đồng", 80.4, 80.8, "triệu đồng"},
      {"b) Được trích thêm 20% trên tổng số tiền đã thực nộp vào ngân sách "
       "nhà nước đối với số nộp từ trên 10 tỷ đồng/năm đến 20 tỷ đồng/năm.",
       "từ trên 10 tỷ đồng/năm đến 20 tỷ đồng/năm", 10, 20, "tỷ đồng/năm"},
      {"chỉ đăng ký được phương tiện đi lại từ 18h đến 24h cùng ngày",
       "từ 18h đến 24h", 18, 24, "h"},
  };
  for (const auto& c : cases) {
    Document doc = make_doc(c.text);
    extract_quantities(doc);
    const Quantity* found = nullptr;
    for (const Quantity& q : doc.quantities)
      if (q.text == c.figure) found = &q;
    ASSERT_NE(found, nullptr) << c.text;
    const Quantity& q = *found;
    EXPECT_DOUBLE_EQ(q.value, c.value) << c.text;
    ASSERT_TRUE(q.value_max.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*q.value_max, c.value_max) << c.text;
    EXPECT_EQ(q.unit, c.unit) << c.text;
  }
}

TEST(QuantitiesExtract, DatesNumbersAndLabelsAreNotQuantities) {
  const char* cases[] = {
      "Số: 01 /NQ-HĐND",
      "Bắc Từ Liêm, ngày 18 tháng 6 năm 2020",
      "Căn cứ Nghị quyết số 27/NQ-HĐND ngày 16/12/2019 của HĐND Quận;",
      "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ",
      "theo quy định tại điểm a khoản 2 Điều 9 Quyết định số 10/2024/QĐ-UBND",
      "Kết luận số 132- KL/TW; Nghị quyết số 19-2017/NQ-CP",
      "Đại hội Đảng toàn quốc lần thứ XIII, nhiệm kỳ 2020-2025.",
      "thi đấu các môn trong SEA Games 31 và Para Games 11 năm 2021",
      "hoạt động của Ban Chỉ đạo 197, Ban chỉ đạo 138.",
      "theo tiêu chuẩn quốc gia TCVN ISO 9001:2015",
      "phòng, chống dịch COVID-19 trong tình hình mới",
      "1. Tiếp tục triển khai thực hiện.\n2.1. Về văn hóa:",
      "b) Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025.",
      "hoàn thành trong tháng 11/2025; giai đoạn 2021-2025",
  };
  for (const char* text : cases) {
    Document doc = make_doc(text);
    extract_quantities(doc);
    EXPECT_TRUE(doc.quantities.empty())
        << text << " gave " << doc.quantities.front().text;
  }
}

TEST(QuantitiesExtract, IndicatorBaseAndDeadline) {
  Document doc = make_doc(
      "II. Các nhiệm vụ và giải pháp cụ thể\n"
      "phấn đấu đạt chỉ tiêu: Số người tham gia luyện tập TDTT thường xuyên: "
      "đạt 47% dân số; số hộ gia đình thể thao: đạt 36% số hộ đến hết năm "
      "2020.");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].indicator, "Số người tham gia luyện tập TDTT thường xuyên");
  EXPECT_EQ(t[0].base, "dân số");
  EXPECT_EQ(t[1].indicator, "số hộ gia đình thể thao");
  EXPECT_EQ(t[1].base, "số hộ");
  EXPECT_EQ(t[1].deadline, "đến hết năm 2020");
  // The text of a quantity is the slice its span covers.
  for (const Quantity& q : t) {
    EXPECT_EQ(doc.slice(q.span), q.text);
    EXPECT_EQ(q.node, 0);
  }
}

// Passages with one goal: its value, unit and what it measures.
TEST(QuantitiesExtract, OneGoalWithItsIndicator) {
  struct Case {
    const char* text;
    double value;
    const char* unit;
    const char* indicator;
  };
  const Case cases[] = {
      // A period between the measure and its figure belongs to the
      // measure's phrase; the figure still names what it measures.
      {"1. Các chỉ tiêu chủ yếu:\n- Tốc độ tăng trưởng kinh tế (GDP) bình "
       "quân 5 năm đạt khoảng 6,5 - 7%/năm;",
       6.5, "%/năm", "Tốc độ tăng trưởng kinh tế (GDP)"},
      // Life expectancy is a goal in years of age; "trung bình" is part of
      // its name, not a cue word; a check-up every 2 years is no goal.
      {"1. Các chỉ tiêu chủ yếu đến năm 2025:\n- Tuổi thọ trung bình đạt "
       "khoảng 74,5 tuổi;\n- Người dân được khám sức khỏe định kỳ 2 năm một "
       "lần.",
       74.5, "tuổi", "Tuổi thọ trung bình"},
  };
  for (const Case& c : cases) {
    Document doc = make_doc(c.text);
    extract_quantities(doc);
    auto t = targets_of(doc);
    ASSERT_EQ(t.size(), 1u) << c.text;
    EXPECT_EQ(t[0].value, c.value) << c.text;
    EXPECT_EQ(t[0].unit, c.unit) << c.text;
    EXPECT_EQ(t[0].indicator, c.indicator) << c.text;
  }
}

TEST(QuantitiesExtract, DeadlinesOfSeveralShapes) {
  const struct {
    const char* text;
    const char* deadline;
  } cases[] = {
      {"Phấn đấu đến năm 2030 đạt 50% số xã không ma túy.", "đến năm 2030"},
      {"Mục tiêu: 6 tháng cuối năm 2020 đạt 47% dân số.",
       "6 tháng cuối năm 2020"},
      {"Chỉ tiêu 4: Từ năm 2025 trở đi 100% đài có chuyên mục.",
       "Từ năm 2025 trở đi"},
      {"Mục tiêu giai đoạn 2021-2025: 100% xã đạt chuẩn.",
       "giai đoạn 2021-2025"},
  };
  for (const auto& c : cases) {
    Document doc = make_doc(c.text);
    extract_quantities(doc);
    auto t = targets_of(doc);
    ASSERT_EQ(t.size(), 1u) << c.text;
    EXPECT_EQ(t[0].deadline, c.deadline) << c.text;
  }
}

TEST(QuantitiesExtract, RestatedGoalIsListedOnce) {
  Document doc = make_doc(
      "I. Nhiệm vụ trọng tâm\n"
      "2. Phấn đấu đến hết năm 2020 trên địa bàn Quận không còn hộ nghèo.\n"
      "II. Các nhiệm vụ và giải pháp cụ thể\n"
      "4.1. Thực hiện quyết liệt các giải pháp giảm nghèo bền vững, phấn đấu "
      "đến hết năm 2020, trên địa bàn Quận không còn hộ nghèo.\n");
  extract_quantities(doc);
  EXPECT_EQ(targets_of(doc).size(), 1u);
}

TEST(QuantitiesExtract, DistinctGoalsWithTheSameValueStay) {
  Document doc = make_doc(
      "6. Chỉ tiêu chủ yếu đến năm 2030\n"
      "6.2. Phấn đấu 100% các điểm tổ chức sử dụng trái phép chất ma túy và "
      "100% diện tích trồng trái phép cây có chứa chất ma túy được phát hiện "
      "và triệt phá.\n");
  extract_quantities(doc);
  EXPECT_EQ(targets_of(doc).size(), 2u);
}

TEST(QuantitiesExtract, UsesNodeHeadingsWhenTheTextHasNone) {
  const std::string body = "Tỷ lệ hộ nghèo giảm xuống dưới 2%.";
  for (const auto& [heading, kind] :
       {std::pair<const char*, QuantityKind>{"Mục tiêu", QuantityKind::kTarget},
        {"Kết quả thực hiện", QuantityKind::kResult},
        {"Phạm vi điều chỉnh", QuantityKind::kOther}}) {
    Document doc = make_doc(body);
    Node division;
    division.kind = NodeKind::kDivision;
    division.num = "I";
    division.heading = heading;
    division.span = {0, static_cast<uint32_t>(body.size())};
    division.parent = 0;
    doc.nodes[0].children.push_back(1);
    doc.nodes.push_back(division);
    extract_quantities(doc);
    ASSERT_EQ(doc.quantities.size(), 1u) << heading;
    EXPECT_EQ(doc.quantities[0].kind, kind) << heading;
    EXPECT_EQ(doc.quantities[0].node, 1) << heading;
    EXPECT_TRUE(check_invariants(doc).empty()) << heading;
  }
}

// Quyết định 4750/QĐ-BYT (2023), outside the corpus: the fields of the XML
// tables of health insurance claims, under a heading that calls them
// "chỉ tiêu". Sizes and lengths define the fields; they are no goals.
TEST(QuantitiesExtract, DataDictionaryTableHoldsNoGoals) {
  const std::string body =
      "| STT | Chỉ tiêu | Kiểu dữ liệu theo QĐ130 | Kích thước tối đa theo "
      "QĐ130 | Diễn giải theo Quyết định số 130/QĐ-BYT | Đính chính hoặc sửa "
      "đổi, bổ sung |\n"
      "| --- | --- | --- | --- | --- | --- |\n"
      "| 9 | MA_DKBD | Chuỗi | 5 | Ghi mã cơ sở KCB nơi đăng ký bệnh ban đầu "
      "ghi trên thẻ BHYT, gồm 05 ký tự.\n"
      "Lưu ý đối với một số trường hợp sau:\n"
      "- Trường hợp người bệnh không KCB BHYT thì để trống trường thông tin "
      "này. |  |\n"
      "| 10 | GT_THE_TU | Chuỗi | 8 | Ghi thời điểm thẻ BHYT bắt đầu có giá "
      "trị "
      "sử dụng, gồm 08 ký tự, bao gồm: 04 ký tự năm + 02 ký tự tháng + 02 ký "
      "tự ngày. |  |\n"
      "| 12 | MA_DOITUONG_KCB | Số | 1 | Ghi mã đối tượng đến KBCB theo Bộ mã "
      "DMDC do Bộ trưởng Bộ Y tế ban hành. | - Đổi kiểu dữ liệu thành chuỗi - "
      "Tăng kích thước tối đa lên 4 ký tự |\n";
  Document doc = make_doc(body);
  Node annex;
  annex.kind = NodeKind::kAttachment;
  annex.heading = "BẢNG CHỈ TIÊU DỮ LIỆU VỀ TRẠNG THÁI KHÁM BỆNH, CHỮA BỆNH";
  annex.span = {0, static_cast<uint32_t>(body.size())};
  annex.parent = 0;
  doc.nodes[0].children.push_back(1);
  doc.nodes.push_back(annex);
  extract_quantities(doc);
  EXPECT_TRUE(targets_of(doc).empty());
  EXPECT_TRUE(check_invariants(doc).empty());
}

// A cell broken over lines ("<br>" in the source) keeps its row, and the
// rows after it keep the table's columns (from the table of targets of a
// plan, its label cell broken as in the Quyết định above).
TEST(QuantitiesExtract, CellBrokenOverLinesKeepsTheTable) {
  Document doc = make_doc(
      "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 |\n"
      "| --- | --- | --- | --- |\n"
      "| 1 | Tỷ lệ trường học đạt chuẩn quốc gia\n"
      "- Lưu ý: theo tiêu chí mới | % | 80 |\n"
      "| 2 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 95 |\n");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, 80);
  EXPECT_EQ(t[0].unit, "%");
  EXPECT_EQ(t[1].value, 95);
}

TEST(QuantitiesExtract, LeadInLineScopesTheListAfterIt) {
  Document doc = make_doc(
      "III. NỘI DUNG THI ĐUA\n"
      "các nội dung này được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:\n"
      "(1) 100% số người hưởng trợ cấp được tuyên truyền;\n"
      "(2) Ít nhất 85% người hưởng trợ cấp mở mới tài khoản;\n"
      "IV. KHEN THƯỞNG\n"
      "tỷ lệ không quá 10% tập thể, 5% cá nhân.\n");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, 100);
  EXPECT_EQ(t[1].value, 85);
  EXPECT_EQ(t[1].comparator, Comparator::kAtLeast);
}

TEST(QuantitiesExtract, BaselineOfAReductionIsNotATarget) {
  Document doc = make_doc(
      "- Chỉ tiêu 3: Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 "
      "phụ nữ xuống 18 ca sinh/1.000 phụ nữ vào năm 2025.");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, 18);
  EXPECT_EQ(t[0].unit, "ca sinh/1.000 phụ nữ");
  EXPECT_EQ(t[0].comparator, Comparator::kDecrease);
}

// Kế hoạch 165/KH-UBND of Cần Thơ (2025), on population work.
TEST(QuantitiesExtract, SexRatioAtBirthKeepsItsRatioUnit) {
  Document doc = make_doc(
      "cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ; tỷ số\n"
      "giới tính khi sinh dưới 109 bé trai/100 bé gái sinh ra sống; tỷ lệ trẻ "
      "em dưới\n15 tuổi đạt khoảng 22%;");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].value, 109);
  EXPECT_EQ(t[1].unit, "bé trai/100 bé gái");
  EXPECT_EQ(t[1].comparator, Comparator::kBelow);
}

// Kế hoạch 182/KH-UBND of Đồng Nai (2025, corpus 205): the goal stated in
// the plan's requirements and again as an item of its main indicators is
// listed once, as the item.
TEST(QuantitiesExtract, RestatedGoalIsListedWhereTheListOfIndicatorsStatesIt) {
  Document doc = make_doc(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "2. Yêu cầu\n"
      "2.1. Bám sát quan điểm chỉ đạo của Bộ Chính trị; bảo đảm đến hết năm "
      "2030, có ít nhất 50% đơn vị hành chính cấp xã trên toàn tỉnh “không "
      "ma túy” và từng bước đẩy lùi ma túy ra khỏi đời sống xã hội.\n"
      "II. NỘI DUNG\n"
      "6. Chỉ tiêu chủ yếu đến năm 2030\n"
      "6.1. Hàng năm, giảm số người nghiện ma túy, người sử dụng trái phép "
      "chất ma túy; phấn đấu đến năm 2030 đạt ít nhất 50% số xã, phường trên "
      "toàn tỉnh không ma túy.\n");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, 50);
  EXPECT_EQ(t[0].text, "đạt ít nhất 50%");
  EXPECT_EQ(t[0].comparator, Comparator::kAtLeast);
}

TEST(QuantitiesExtract, PastDeadlineIsAResult) {
  Document doc = make_doc(
      "Hà Nội, ngày 10 tháng 1 năm 2021\n"
      "Mục tiêu: đến năm 2020 đạt 95% số hộ dùng nước sạch.");
  extract_quantities(doc);
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].kind, QuantityKind::kResult);
}

TEST(QuantitiesExtract, TableColumnsNamePlanAndImplementation) {
  Document doc = make_doc(
      "Hà Nội, ngày 10 tháng 12 năm 2020\n\n"
      "| STT | Chỉ tiêu | ĐVT | Thực hiện 2020 | Kế hoạch 2021 |\n"
      "|-----|----------|-----|----------------|---------------|\n"
      "| 1 | Tốc độ tăng trưởng GRDP | % | 6,5 | 7 - 7,5 |\n"
      "| 2 | Thu ngân sách trên địa bàn | tỷ đồng | 4.500 | 5.000 |\n");
  extract_quantities(doc);
  ASSERT_EQ(doc.quantities.size(), 4u);
  const Quantity& done = doc.quantities[0];
  EXPECT_EQ(done.kind, QuantityKind::kResult);
  EXPECT_EQ(done.value, 6.5);
  EXPECT_EQ(done.unit, "%");
  EXPECT_EQ(done.indicator, "Tốc độ tăng trưởng GRDP");
  const Quantity& plan = doc.quantities[1];
  EXPECT_EQ(plan.kind, QuantityKind::kTarget);
  EXPECT_EQ(plan.value, 7);
  ASSERT_TRUE(plan.value_max.has_value());
  EXPECT_EQ(*plan.value_max, 7.5);
  EXPECT_EQ(plan.deadline, "năm 2021");
  EXPECT_EQ(doc.quantities[3].kind, QuantityKind::kTarget);
  EXPECT_EQ(doc.quantities[3].unit, "tỷ đồng");
  EXPECT_EQ(doc.quantities[3].value, 5000);
}

TEST(QuantitiesExtract, TableCellsStateTheirComparison) {
  // Appendices of targets write the comparison in the cell: a sign, a word
  // before the figure or "trở lên" after it. Each is the plan's target with
  // that comparator ("Khoảng", "Đạt": the figure to reach); a word that is
  // no comparison keeps the cell out.
  Document doc = make_doc(
      "Hà Nội, ngày 10 tháng 12 năm 2020\n\n"
      "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2021 |\n"
      "|-----|----------|-----|---------------|\n"
      "| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | ≥ 93 |\n"
      "| 2 | Tỷ lệ hộ nghèo | % | <2 |\n"
      "| 3 | Số xã đạt chuẩn nông thôn mới | xã | Trên 10 |\n"
      "| 4 | Tỷ lệ trường đạt chuẩn quốc gia | % | 60 trở lên |\n"
      "| 5 | Số lao động được đào tạo nghề | người | >=1.200 |\n"
      "| 6 | Số hộ được hỗ trợ nhà ở | hộ | Khoảng 300 |\n"
      "| 7 | Tỷ lệ che phủ rừng | % | Đạt 45 |\n"
      "| 8 | Số trạm y tế có bác sĩ | trạm | Hầu hết 20 |\n");
  extract_quantities(doc);
  ASSERT_EQ(doc.quantities.size(), 7u);
  const struct {
    double value;
    Comparator comparator;
    const char* text;
  } want[] = {{93, Comparator::kAtLeast, "≥ 93"},
              {2, Comparator::kBelow, "<2"},
              {10, Comparator::kAbove, "Trên 10"},
              {60, Comparator::kAtLeast, "60 trở lên"},
              {1200, Comparator::kAtLeast, ">=1.200"},
              {300, Comparator::kReach, "Khoảng 300"},
              {45, Comparator::kReach, "Đạt 45"}};
  for (size_t i = 0; i < 7; ++i) {
    const Quantity& q = doc.quantities[i];
    EXPECT_EQ(q.kind, QuantityKind::kTarget) << i;
    EXPECT_EQ(q.value, want[i].value) << i;
    EXPECT_EQ(q.comparator, want[i].comparator) << i;
    EXPECT_EQ(q.text, want[i].text) << i;
  }
  EXPECT_EQ(doc.quantities[0].indicator, "Tỷ lệ dân số tham gia bảo hiểm y tế");
}

TEST(QuantitiesExtract, SignBeforeTheFigureIsItsComparator) {
  // Quyết định 01/2025/QĐ-UBND Hà Nội (corpus 061): "Tường xây gạch 220,
  // cao ≤ 3m", "đường kính cột > 30 cm".
  Document doc = make_doc(
      "Tường xây gạch 220, cao ≤ 3m (không có trụ).\n"
      "Cột bê tông đường kính cột > 30 cm.\n");
  extract_quantities(doc);
  ASSERT_EQ(doc.quantities.size(), 2u);
  EXPECT_EQ(doc.quantities[0].value, 3);
  EXPECT_EQ(doc.quantities[0].comparator, Comparator::kAtMost);
  EXPECT_EQ(doc.quantities[1].value, 30);
  EXPECT_EQ(doc.quantities[1].comparator, Comparator::kAbove);
}

TEST(QuantitiesExtract, PriceTableIsNotAPlan) {
  Document doc = make_doc(
      "II. MỤC TIÊU\n"
      "| Stt | LOẠI NHÀ | Đơn giá xây dựng (đồng/m² sàn xây dựng) |\n"
      "|-----|----------|------------------------------------------|\n"
      "| a   | - Nhà có khu phụ | 2.414.600 |\n");
  extract_quantities(doc);
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].kind, QuantityKind::kOther);
  EXPECT_EQ(doc.quantities[0].value, 2414600);
  EXPECT_EQ(doc.quantities[0].unit, "đồng/m² sàn xây dựng");
  EXPECT_EQ(doc.quantities[0].indicator, "Nhà có khu phụ");
}

TEST(QuantitiesExtract, BadInputNeverThrows) {
  std::vector<std::string> inputs = {
      "",
      std::string("\xff\xfe\x80 50% \xc3", 9),
      std::string(200000, '9'),
      std::string(100000, '%'),
      "không còn",
      "ít nhất một",
      "1/",
      "từ 5 đến",
      "Phấn đấu 100",
  };
  std::string lines;
  for (int i = 0; i < 20000; ++i) lines += std::to_string(i % 50) + ".\n";
  inputs.push_back(lines);
  std::string long_line;
  for (int i = 0; i < 20000; ++i) long_line += "phấn đấu đạt 5% và ";
  inputs.push_back(long_line);
  for (const std::string& in : inputs) {
    Document doc = make_doc(in);
    EXPECT_NO_THROW(extract_quantities(doc));
    EXPECT_TRUE(check_invariants(doc).empty());
  }
}

// A document with a header node holding `header` (its lines, title
// included) and a preamble node holding `preamble` after it.
Document header_doc(const std::string& header, const std::string& preamble,
                    const std::string& title) {
  Document doc = make_doc(header + preamble);
  doc.metadata.title = title;
  const auto add = [&](NodeKind kind, uint32_t b, uint32_t e) {
    Node n;
    n.kind = kind;
    n.span = {b, e};
    n.parent = 0;
    doc.nodes[0].children.push_back(static_cast<int32_t>(doc.nodes.size()));
    doc.nodes.push_back(n);
  };
  const uint32_t h = static_cast<uint32_t>(header.size());
  add(NodeKind::kHeader, 0, h - 1);
  add(NodeKind::kPreamble, h, static_cast<uint32_t>(doc.text.size()));
  return doc;
}

const Quantity* find_text(const Document& doc, const std::string& text) {
  for (const Quantity& q : doc.quantities)
    if (q.text == text) return &q;
  return nullptr;
}

TEST(QuantitiesExtract, TitleClauseEndsWithTheTitle) {
  // 000_nq-hdnd_01-2020-bac-tu-liem: no punctuation ends the title, the
  // issuer's line or the session date; the first legal basis is not part of
  // the title's clause.
  {
    Document doc = header_doc(
        "Số: 01 /NQ-HĐND\nBắc Từ Liêm, ngày 18 tháng 6 năm 2020\nNGHỊ QUYẾT\n"
        "Về nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh "
        "6 tháng cuối năm 2020\nHỘI ĐỒNG NHÂN DÂN QUẬN BẮC TỪ LIÊM KHÓA II, KỲ "
        "HỌP THỨ 14\n(Ngày 18 tháng 6 năm 2020)\n",
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n",
        "Về nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh "
        "6 tháng cuối năm 2020");
    extract_quantities(doc);
    for (const Quantity& q : doc.quantities)
      EXPECT_NE(q.deadline, "năm 2015") << q.text;
  }
  // 099_legacy-vni_2008-23.QD-991-UBND: the noun after the count stops at
  // the end of the title.
  {
    Document doc = header_doc(
        "QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch thực hiện quy hoạch sử dụng "
        "rừng, đất rừng và đất chuyển ra khỏi lâm phần sau rà soát quy hoạch "
        "03 loại rừng\nỦY BAN NHÂN DÂN TỈNH\n",
        "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;\n",
        "Về việc phê duyệt Kế hoạch thực hiện quy hoạch sử dụng rừng, đất rừng "
        "và đất chuyển ra khỏi lâm phần sau rà soát quy hoạch 03 loại rừng");
    extract_quantities(doc);
    const Quantity* q = find_text(doc, "03 loại");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->indicator, "loại rừng");
  }
  // 032_nq-hdnd_35-2017: a title wrapped over two lines is one clause, so
  // its period still reaches the figure on the first line.
  {
    Document doc = header_doc(
        "NGHỊ QUYẾT\nHỖ TRỢ KINH PHÍ 30% MỆNH GIÁ MUA THẺ BẢO HIỂM Y TẾ CHO "
        "NGƯỜI THUỘC HỘ CẬN NGHÈO TRÊN ĐỊA BÀN\nTỈNH TRÀ VINH TỪ NĂM 2017 ĐẾN "
        "NĂM 2020\nHỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH\n",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n",
        "HỖ TRỢ KINH PHÍ 30% MỆNH GIÁ MUA THẺ BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ "
        "CẬN NGHÈO TRÊN ĐỊA BÀN TỈNH TRÀ VINH TỪ NĂM 2017 ĐẾN NĂM 2020");
    extract_quantities(doc);
    const Quantity* q = find_text(doc, "30%");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->deadline, "TỪ NĂM 2017");
    EXPECT_EQ(q->kind, QuantityKind::kOther);
  }
}

// corpus/review/rv3 (the National Assembly's resolution of 2025 adding to
// the year's plan): a goal the title states is listed once, where the
// articles state it; the title still stands for a later restatement in
// other words ("với mục tiêu tăng trưởng đạt 8% trở lên" in Điều 3).
TEST(QuantitiesExtract, TitleRestatesTheGoalOfTheText) {
  const std::string title =
      "Về bổ sung Kế hoạch phát triển kinh tế - xã hội năm 2025 với mục tiêu "
      "tăng trưởng đạt 8% trở lên";
  Document doc = header_doc(
      "NGHỊ QUYẾT\n" + title + "\nQUỐC HỘI\n",
      "Điều 1. Mục tiêu, chỉ tiêu\nb) Điều chỉnh một số chỉ tiêu chủ yếu:\n"
      "- Tốc độ tăng tổng sản phẩm trong nước (GDP) đạt 8% trở lên, quy mô "
      "GDP năm 2025 đạt khoảng trên 500 tỉ đô la Mỹ (USD).\n"
      "Điều 3. Tổ chức thực hiện\nThực hiện thành công Kế hoạch phát triển "
      "kinh tế - xã hội năm 2025 với mục tiêu tăng trưởng đạt 8% trở lên.\n",
      title);
  extract_quantities(doc);
  std::vector<Quantity> t = targets_of(doc);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, 8);
  EXPECT_EQ(t[0].indicator, "Tốc độ tăng tổng sản phẩm trong nước (GDP)");
  EXPECT_EQ(t[1].value, 500);
}

TEST(QuantitiesExtract, IndicatorNamesWhatIsMeasured) {
  const struct {
    const char* text;
    const char* figure;  // the quantity's text
    const char* indicator;
  } cases[] = {
      // 054_nq-hdnd_89: a measure a few words before the figure, after the
      // verbs of the goal.
      {"b) Mục tiêu cụ thể:\n+ Bảo vệ và phát triển rừng: Đến năm 2020 duy "
       "trì, phát triển và bảo vệ nghiêm ngặt diện tích rừng phòng hộ "
       "255.053,9ha, trong đó diện tích có rừng 196.114,2ha; chưa có rừng "
       "58.939,7ha; đến năm 2030 duy trì, phát triển và bảo vệ nghiêm ngặt "
       "diện tích rừng phòng hộ đầu nguồn, đảm bảo độ che phủ rừng trên 60%.",
       "255.053,9ha", "diện tích rừng phòng hộ"},
      {"b) Mục tiêu cụ thể:\n+ Bảo vệ và phát triển rừng: Đến năm 2020 duy "
       "trì, phát triển và bảo vệ nghiêm ngặt diện tích rừng phòng hộ "
       "255.053,9ha, trong đó diện tích có rừng 196.114,2ha; chưa có rừng "
       "58.939,7ha; đến năm 2030 duy trì, phát triển và bảo vệ nghiêm ngặt "
       "diện tích rừng phòng hộ đầu nguồn, đảm bảo độ che phủ rừng trên 60%.",
       "trên 60%", "độ che phủ rừng"},
      // ... and for a goal counted in a unit with no noun after it, the
      // words before it rather than the unit.
      {"b) Mục tiêu cụ thể:\n+ Bảo vệ và phát triển rừng: Đến năm 2020 duy "
       "trì, phát triển và bảo vệ nghiêm ngặt diện tích rừng phòng hộ "
       "255.053,9ha, trong đó diện tích có rừng 196.114,2ha; chưa có rừng "
       "58.939,7ha.",
       "58.939,7ha", "chưa có rừng"},
      // 001_nq-hdnd_01-2017.
      {"Tiếp tục thực hiện đổi mới phong cách, thái độ phục vụ của cán bộ y "
       "tế hướng tới sự hài lòng của người bệnh; phòng, chống hiệu quả dịch "
       "bệnh, không để dịch lớn xảy ra. Nâng cao hiệu quả và chất lượng phục "
       "vụ của bảo hiểm y tế, đẩy mạnh các hình thức bảo hiểm y tế toàn dân, "
       "nâng tỷ lệ bao phủ của bảo hiểm y tế đạt 78%.",
       "đạt 78%", "tỷ lệ bao phủ của bảo hiểm y tế"},
      // 202_kh-ubnd-hcm_174-2025: the level to reach measures what the
      // starting level does.
      {"II. MỤC TIÊU CỦA KẾ HOẠCH\n- Chỉ tiêu 3: Tỷ suất sinh ở trẻ vị thành "
       "niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ "
       "vào năm 2025.",
       "xuống 18 ca sinh/1.000 phụ nữ", "Tỷ suất sinh ở trẻ vị thành niên"},
      // 039_nq-hdnd_54-2017: trailing cue words go, a closing ')' stays.
      {"Trong đó, đảm bảo tốc độ tăng trưởng kinh tế (GRDP) đạt 7,52% trở "
       "lên, thu ngân sách nhà nước trên địa bàn phấn đấu đạt trên 4.000 tỷ "
       "đồng.",
       "đạt 7,52% trở lên", "tốc độ tăng trưởng kinh tế (GRDP)"},
      {"Trong đó, đảm bảo tốc độ tăng trưởng kinh tế (GRDP) đạt 7,52% trở "
       "lên, thu ngân sách nhà nước trên địa bàn phấn đấu đạt trên 4.000 tỷ "
       "đồng.",
       "đạt trên 4.000 tỷ đồng", "thu ngân sách nhà nước trên địa bàn"},
      {"Phấn đấu chỉ số năng lực cạnh tranh cấp tỉnh năm 2017 nằm trong 30 "
       "tỉnh, thành phố đứng đầu.",
       "30 tỉnh", "chỉ số năng lực cạnh tranh cấp tỉnh"},
      // 205_kh-ubnd-dongnai_182-2025: the noun after a percentage ends
      // before a conjunction.
      {"6.7. Trên 80% các cơ quan truyền thông chủ lực đa phương tiện và cơ "
       "quan báo chí có lượng độc giả lớn có chuyên trang, chuyên mục, "
       "chuyên đề về phòng, chống ma túy; phấn đấu tổ chức tuyên truyền, phổ "
       "biến, giáo dục pháp luật, kiến thức, kỹ năng về phòng, chống ma túy "
       "cho người học tại 100% nhà trường và trên 70% người lao động tại các "
       "khu công nghiệp, khu chế xuất.",
       "100%", "nhà trường"},
      // 052_nq-hdnd_87: ... and before "với".
      {"a) Các đối tượng thuộc xã biên giới: Tổng số 1.177 hộ với 5.941 "
       "khẩu, tại 121 thôn, trong đó ổn định tại chỗ 371 hộ với 1.864 khẩu.",
       "371 hộ", "hộ"},
      // 054_nq-hdnd_89: ... and before "hiện có".
      {"b) Mục tiêu cụ thể:\n+ Bảo vệ hồ, đập: Khoanh định hành lang bảo vệ "
       "và vận hành đúng quy trình 45 hồ chứa, 11 hồ, đập thủy điện hiện có "
       "trên địa bàn tỉnh để bảo vệ chức năng của các hồ, đập.",
       "11 hồ", "hồ, đập thủy điện"},
      // A unit of measure alone names nothing: the words before do
      // (Nghị quyết 57/2016/NQ-HĐND Phú Yên, outside the corpus) ...
      {"c) Dự phòng chi ngân sách: 54.930 triệu đồng;", "54.930 triệu đồng",
       "Dự phòng chi ngân sách"},
      // ... after ", với" (Nghị quyết 12/NQ-CP, outside the corpus) ...
      {"b) Tầm nhìn đến năm 2045: Thủ đô Hà Nội là thành phố kết nối toàn "
       "cầu, có mức sống và chất lượng cuộc sống cao, với GRDP bình quân đầu "
       "người đạt trên 36.000 USD; kinh tế, văn hóa, xã hội phát triển toàn "
       "diện.",
       "đạt trên 36.000 USD", "GRDP bình quân đầu người"},
      // ... and a duration names nothing but time (000_nq-hdnd_01-2020).
      {"Xử lý dứt điểm vi phạm đất đai còn tồn đọng; hoàn thành công tác kiểm "
       "kê đất đai 05 năm đạt chất lượng và tiến độ.",
       "05 năm", ""},
      // 048_nq-hdnd_71-2017: "là" inside the phrase stays.
      {"a) Ngân sách tỉnh hỗ trợ 15% mức đóng bảo hiểm y tế cho đối tượng là "
       "người thuộc hộ gia đình cận nghèo.",
       "15%",
       "mức đóng bảo hiểm y tế cho đối tượng là người thuộc hộ gia "
       "đình cận nghèo"},
  };
  for (const auto& c : cases) {
    Document doc = make_doc(c.text);
    extract_quantities(doc);
    const Quantity* q = find_text(doc, c.figure);
    ASSERT_NE(q, nullptr) << c.figure;
    EXPECT_EQ(q->indicator, c.indicator) << c.figure;
  }
}

TEST(QuantitiesExtract, GoalRestatedInTheSameSectionInTheSameWords) {
  // 205_kh-ubnd-dongnai_182-2025: the 2025 goal comes back in III.2.13.b;
  // the comma before "phấn đấu" keeps "hàng năm" from being its deadline.
  Document doc = make_doc(
      "III. NHIỆM VỤ, GIẢI PHÁP\n"
      "1.1. Từng địa phương phải đăng ký chỉ tiêu xây dựng đơn vị hành chính "
      "cấp xã “không ma túy” theo lộ trình thực hiện hàng năm, phấn đấu đạt "
      "20% xã, phường “không ma túy” năm 2025, bảo đảm đến hết năm 2030 đạt "
      "50% địa bàn cấp xã “không ma túy”.\n"
      "b) Triển khai hiệu quả Kế hoạch số 64/KH-UBND ngày 22/8/2025 của Ủy "
      "ban nhân dân tỉnh về xây dựng “xã, phường không ma túy” giai đoạn 2025 "
      "- 2030, phấn đấu đạt mục tiêu xây dựng 20% xã, phường “không ma túy” "
      "ngay trong năm 2025; đến năm 2030 đạt 100% “xã, phường không ma "
      "túy”.\n");
  extract_quantities(doc);
  auto t = targets_of(doc);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].value, 20);
  EXPECT_EQ(t[0].deadline, "năm 2025");
  EXPECT_EQ(t[1].value, 50);
  EXPECT_EQ(t[2].value, 100);
}

TEST(QuantitiesExtract, SameValueOnAnotherNounInTheSameSectionStays) {
  // 202_kh-ubnd-hcm_174-2025: two 80% goals of one year on different people.
  Document doc = make_doc(
      "II. MỤC TIÊU CỦA KẾ HOẠCH\n"
      "- Chỉ tiêu 2: Đến năm 2025 đạt 80% người bị bạo lực gia đình được "
      "phát hiện được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản.\n"
      "- Chỉ tiêu 3: Đến năm 2025 đạt 80% người bị bạo lực trên cơ sở giới "
      "được phát hiện được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ "
      "bản.\n");
  extract_quantities(doc);
  EXPECT_EQ(targets_of(doc).size(), 2u);
}

TEST(QuantitiesExtract, NotToExceedGovernsAFigureFarAfterIt) {
  // 054_nq-hdnd_89.
  Document doc = make_doc(
      "b) Mục tiêu cụ thể:\n"
      "- Phòng ngừa suy thoái cạn kiệt nguồn nước dưới đất:\n"
      "+ Đến năm 2025 đảm bảo mực nước dưới đất không vượt quá ngưỡng giới "
      "hạn cho phép đến chiều sâu mực nước so với mặt đất tại thành phố Hà "
      "Giang 34,6 m, tại thị trấn Đồng Văn 38,26 m.\n");
  extract_quantities(doc);
  const Quantity* q = find_text(doc, "34,6 m");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuantityKind::kTarget);
  EXPECT_EQ(q->comparator, Comparator::kAtMost);
  EXPECT_EQ(q->deadline, "Đến năm 2025");
}

TEST(QuantitiesExtract, PlanTaskHeadingsStateTheirGoals) {
  // A Lào Cai plan of 2026 (outside the corpus): its numbered tasks state
  // what they are to reach; a task counting what it moves does not.
  const std::string text =
      "II. NỘI DUNG\n"
      "2. Thành lập mới khoảng trên 500ha các khu, cụm công nghiệp:\n"
      "- Sở Công Thương chủ trì tham mưu thực hiện thủ tục thành lập CCN.\n"
      "3. Hoàn thiện ít nhất 500ha mặt bằng sạch để thu hút các nhà đầu tư "
      "thứ cấp.\n"
      "4. Hoàn thành di dời 01 khu công nghiệp (Đông Phố Mới) và 02 cụm công "
      "nghiệp (Đông Phố Mới và Sơn Mãn).\n"
      "6. Tỷ lệ các khu công nghiệp có công trình xử lý nước thải tập trung "
      "đạt chuẩn 100%.\n"
      "7. Ít nhất 30% doanh nghiệp trong các khu, cụm công nghiệp được hỗ trợ "
      "ứng dụng công nghệ cao, chuyển đổi số.\n";
  Document plan = make_doc(text);
  plan.metadata.type = "Kế hoạch";
  extract_quantities(plan);
  std::vector<std::pair<double, Comparator>> got;
  for (const Quantity& q : targets_of(plan))
    got.emplace_back(q.value, q.comparator);
  const std::vector<std::pair<double, Comparator>> want = {
      {500, Comparator::kAbove},
      {500, Comparator::kAtLeast},
      {100, Comparator::kReach},
      {30, Comparator::kAtLeast}};
  EXPECT_EQ(got, want);
  // The same lines in a document that is no plan set nothing.
  Document other = make_doc(text);
  other.metadata.type = "Quyết định";
  extract_quantities(other);
  EXPECT_TRUE(targets_of(other).empty());
}

TEST(QuantitiesExtract, EmptyTreeStillWorks) {
  Document doc;
  doc.text = "Phấn đấu đạt 50% dân số.";
  doc.offsets = OffsetMap::identity(static_cast<uint32_t>(doc.text.size()));
  EXPECT_NO_THROW(extract_quantities(doc));
}

// An item of a roadmap that opens with its period and ':' (Nghị quyết
// 124/2017 of Đồng Tháp, corpus/review/rv8): its figures are goals of the
// period, which is their deadline, as are those of the sentences after
// "Phấn đấu" in an item opening with "Đến năm 2020:".
TEST(QuantitiesExtract, RoadmapItemPeriodIsTheDeadline) {
  Document doc = make_doc(
      "Đồng Tháp, ngày 07 tháng 7 năm 2017\n"
      "- Đến năm 2020: Phấn đấu\n"
      "toàn Tỉnh có 23 đô thị. Quy mô diện tích đất xây dựng đô thị khoảng "
      "9.500ha,\ndân số đô thị khoảng 679.000 người.\n"
      "- Giai đoạn 2021 -\n"
      "2025: Hoàn thiện đầy đủ tiêu chí đô thị loại II cho thành phố Cao "
      "Lãnh; phát triển mới 04 đô thị loại V gồm: Giồng Găng (huyện Tân "
      "Hồng), An\nPhong (huyện Thanh Bình).\n");
  extract_quantities(doc);
  const std::vector<Quantity> t = targets_of(doc);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].value, 9500);
  EXPECT_EQ(t[1].deadline, "Đến năm 2020");
  EXPECT_EQ(t[2].deadline, "Đến năm 2020");
  EXPECT_EQ(t[3].value, 4);
  EXPECT_EQ(t[3].deadline, "Giai đoạn 2021 - 2025");
}

}  // namespace
}  // namespace vnlegal
