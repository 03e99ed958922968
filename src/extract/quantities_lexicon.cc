#include "extract/quantities_lexicon.h"

#include <algorithm>

namespace vnlegal::internal {

PhraseList phrases(std::initializer_list<std::string_view> list) {
  std::vector<Phrase> out;
  for (std::string_view s : list) {
    Phrase p;
    size_t pos = 0;
    while (pos < s.size()) {
      size_t sp = s.find(' ', pos);
      if (sp == std::string_view::npos) sp = s.size();
      p.words.push_back(s.substr(pos, sp - pos));
      pos = sp + 1;
    }
    out.push_back(std::move(p));
  }
  // Longest first, so that "tỷ đồng" wins over "đồng".
  std::stable_sort(out.begin(), out.end(),
                   [](const Phrase& a, const Phrase& b) {
                     return a.words.size() > b.words.size();
                   });
  PhraseList pl;
  pl.items = std::move(out);
  for (uint32_t k = 0; k < pl.items.size(); ++k) {
    pl.by_first[pl.items[k].words.front()].push_back(k);
  }
  return pl;
}

bool match_phrase(const Tokens& t, size_t i, const Phrase& p) {
  for (size_t k = 0; k < p.words.size(); ++k)
    if (i + k >= t.size() || !same_word(t.low(i + k), p.words[k])) return false;
  return true;
}

bool match_phrase_rest(const Tokens& t, size_t i, const Phrase& p) {
  for (size_t k = 1; k < p.words.size(); ++k)
    if (i + k >= t.size() || !same_word(t.low(i + k), p.words[k])) return false;
  return true;
}

// Length in tokens of the first phrase of `list` starting at i (0 if none).
size_t match_any(const Tokens& t, size_t i, const PhraseList& list) {
  const std::vector<uint32_t>* ids = list.by_first.find(t.low(i));
  if (ids == nullptr) return 0;
  for (uint32_t k : *ids)
    if (match_phrase_rest(t, i, list.items[k]))
      return list.items[k].words.size();
  return 0;
}

size_t match_any_within(const Tokens& t, size_t i, size_t end,
                        const PhraseList& list) {
  const std::vector<uint32_t>* ids = list.by_first.find(t.low(i));
  if (ids == nullptr) return 0;
  for (uint32_t k : *ids) {
    const Phrase& p = list.items[k];
    if (i + p.words.size() <= end && match_phrase_rest(t, i, p))
      return p.words.size();
  }
  return 0;
}

// Units written after a number, longest first. The unit keeps its
// multiplier as written ("4.000 tỷ đồng" is 4000 with unit "tỷ đồng").
const PhraseList& unit_lexicon() {
  static const PhraseList kUnits = phrases({
      "nghìn tỷ đồng",
      "ngàn tỷ đồng",
      "tỷ đồng",
      "triệu đồng",
      "nghìn đồng",
      "ngàn đồng",
      "đồng",
      "tỷ usd",
      "triệu usd",
      "nghìn usd",
      "usd",
      "đô la mỹ",
      "đô la",
      "m3 / ngày đêm",
      "m3 / năm",
      "m3 / ngày",
      "km",
      "ha",
      "héc ta",
      "hecta",
      "m2",
      "m3",
      "m",
      "cm",
      "mm",
      "kg",
      "tấn",
      "tạ",
      "lít",
      "mw",
      "kw",
      "kwh",
      "gb",
      "lần",
      "người",
      "lượt người",
      "lượt",
      "hộ nghèo",
      "hộ gia đình",
      "hộ",
      "trường",
      "xã",
      "phường",
      "thị trấn",
      "huyện",
      "tỉnh",
      "quốc gia",
      "thôn",
      "ấp",
      "bản",
      "tổ dân phố",
      "khu dân cư",
      "cơ sở y tế",
      "cơ sở",
      "trạm y tế",
      "bệnh viện",
      "giường bệnh",
      "bác sĩ",
      "doanh nghiệp",
      "hợp tác xã",
      "lao động",
      "học sinh",
      "sinh viên",
      "phòng học",
      "lớp học",
      "công trình",
      "dự án",
      "mô hình",
      "cá nhân",
      "tập thể",
      "thành viên",
      "hồ sơ",
      "căn hộ",
      "căn nhà",
      "căn",
      "ngôi nhà",
      "nhà",
      "ca sinh",
      "trẻ",
      "vụ",
      "chiếc",
      "tiêu chí",
      "điểm",
      "tin",
      "bài",
      "sản phẩm",
      "đơn vị",
      "cụm công nghiệp",
      "khu công nghiệp",
      "chợ",
      "cây",
      "con",
      "km2",
      "năm",
      "tháng",
      "ngày",
      "giờ",
      "tuổi",
      "bộ",
      "tờ",
      "cuốn",
      "đợt",
      "cuộc",
      "lớp",
      "buổi",
      "đoàn",
      "đề tài",
      "thủ tục",
      // Nouns of two syllables whose first alone means something else
      // ("09 khu vực", "15 chỉ tiêu", "4 triệu thuê bao", "23 đô thị": "đô"
      // alone is the first syllable of "đô la"; "01 trung tâm").
      "khu vực",
      "nhiệm vụ",
      "chỉ tiêu",
      "thuê bao",
      "đô thị",
      "trung tâm",
  });
  return kUnits;
}

// Units of time and age: durations and ages are never goals by themselves.
bool is_time_unit(std::string_view u) {
  return u == "năm" || u == "tháng" || u == "ngày" || u == "giờ" ||
         u == "tuổi" || u == "đợt" || u == "buổi";
}

bool is_pct_unit(std::string_view u) { return u.rfind("%", 0) == 0; }

bool is_money_unit(std::string_view u) {
  return u.find("đồng") != std::string_view::npos ||
         u.find("usd") != std::string_view::npos ||
         u.find("USD") != std::string_view::npos ||
         u.find("đô la") != std::string_view::npos;
}

bool is_measure_unit(std::string_view u) {
  if (is_money_unit(u) || is_time_unit(u) || is_pct_unit(u)) return true;
  for (std::string_view m : {"nghìn ", "ngàn ", "triệu ", "tỷ "})
    if (u.substr(0, m.size()) == m) {
      u.remove_prefix(m.size());
      break;
    }
  u = u.substr(0, u.find(" /"));  // "m3 / ngày đêm"
  static constexpr std::string_view kMetric[] = {
      "km", "km2", "ha", "héc ta", "hecta", "m",  "m2",  "m3", "cm", "mm",
      "kg", "tấn", "tạ", "lít",    "mw",    "kw", "kwh", "gb", "lần"};
  for (std::string_view m : kMetric)
    if (u == m) return true;
  return false;
}

// Words that never start a unit noun phrase.
bool is_stopword(std::string_view w) {
  static const PhraseList kStop = phrases({
      "đến",   "và",    "của",  "năm",   "ngày",  "tháng",  "theo",   "về",
      "tại",   "với",   "trên", "dưới",  "là",    "đã",     "được",   "có",
      "không", "cho",   "các",  "những", "từ",    "trong",  "để",     "khi",
      "thì",   "hoặc",  "này",  "đó",    "nay",   "sau",    "trước",  "đối",
      "trở",   "so",    "bằng", "như",   "nhưng", "mà",     "vào",    "ra",
      "lên",   "xuống", "còn",  "đạt",   "tăng",  "giảm",   "nữa",    "hơn",
      "gồm",   "ở",     "do",   "bởi",   "thuộc", "nếu",    "phải",   "sẽ",
      "đang",  "vẫn",   "cũng", "đều",   "rất",   "nhất",   "khoảng", "gần",
      "hết",   "cả",    "mỗi",  "từng",  "trở",   "tới",    "qua",    "kể",
      "thứ",   "số",    "điều", "khoản", "điểm",  "chương", "mục",    "phần",
      "quy",   "ban",   "hành",
  });
  return kStop.by_first.find(w) != nullptr;
}

const PhraseList& strong_target_words() {
  static const PhraseList k = phrases({
      "mục tiêu",
      "chỉ tiêu",
      "phấn đấu",
      "phân đấu",
      "phương hướng",
      "cuối năm",
      "định hướng",
  });
  return k;
}

const PhraseList& weak_target_words() {
  static const PhraseList k = phrases({
      "nhiệm vụ",
      "giải pháp",
      "kế hoạch năm",
      "nội dung trọng tâm",
      "trọng tâm",
  });
  return k;
}

const PhraseList& result_words() {
  static const PhraseList k = phrases({
      "kết quả thực hiện",
      "kết quả đạt được",
      "đánh giá kết quả",
      "tình hình thực hiện",
      "tình hình kinh tế",
      "tình hình hoạt động",
      "đánh giá tình hình",
      "đánh giá tổng quát",
      "đánh giá việc thực hiện",
      "thực trạng",
      "đầu năm",
      "năm qua",
      "đã đạt được",
      "kết quả đạt",
      "những kết quả",
      "đánh giá khả năng",
      "đánh giá sơ bộ",
      "tổng kết",
      "ước thực hiện",
      "đánh giá thực hiện",
      "khả năng thực hiện",
  });
  return k;
}

const PhraseList& other_words() {
  static const PhraseList k = phrases({
      "thang điểm",
      "điểm chuẩn",
      "chấm điểm",
      "khen thưởng",
      "kinh phí",
      "mức hỗ trợ",
      "mức thu",
      "mức chi",
      "lệ phí",
      "đơn giá",
      "mức phí",
      "định mức",
      "giá đất",
      "bảng giá",
      "lãi suất",
  });
  return k;
}

const PhraseList& base_words() {
  static const PhraseList k = phrases({
      "dân số",
      "số hộ",
      "tổng số hộ",
      "tổng số",
      "gdp",
      "grdp",
      "kế hoạch",
      "dự toán",
      "tổng chi phí",
      "tổng mức đầu tư",
      "tổng diện tích",
      "diện tích",
      "tổng vốn",
      "lương cơ sở",
      "mức lương cơ sở",
      "số dân",
  });
  return k;
}

const PhraseList& clause_target_cues() {
  static const PhraseList k = phrases({
      "phấn đấu",
      "phân đấu",
      "chỉ tiêu",
      "mục tiêu",
      "đến năm",
      "đến hết năm",
      "đến cuối năm",
      "vào năm",
  });
  return k;
}

const PhraseList& result_cues() {
  static const PhraseList k = phrases({
      "so với cùng kỳ",
      "so cùng kỳ",
      "cùng kỳ",
      "so với kế hoạch",
      "so với dự toán",
      "ước đạt",
      // "dự ước đến hết năm 2023, tổng sản phẩm ... đạt 8.820 tỷ đồng": an
      // estimate of the year's outcome.
      "dự ước",
      "ước thực hiện",
      "ước tính",
      "đã đạt",
      "đạt được",
      "hiện nay có",
      "hiện toàn",
      "đầu năm",
      "vừa qua",
      "kế hoạch là",
      "kế hoạch đề ra",
      "vượt kế hoạch",
      "đạt kế hoạch",
      "vượt mức kế hoạch",
      // "Năm 2017, GRDP ước tăng 7,36% (vượt mục tiêu ...)": an estimate of
      // the year's outcome.
      "ước tăng",
      "ước giảm",
      "vượt mục tiêu",
  });
  return k;
}

const PhraseList& comparison_cues() {
  static const PhraseList k = phrases({
      "so với năm",
      "năm trước",
      "tăng so",
      "giảm so",
  });
  return k;
}

const PhraseList& rate_cues() {
  static const PhraseList k = phrases({
      "hỗ trợ",         "mức",         "phí",
      "lệ phí",         "giá",         "lãi suất",
      "chi phí",        "định mức",    "đơn giá",
      "tiền thuê",      "thưởng",      "phạt",
      "tạm ứng",        "nộp",         "trích",
      "bằng",           "tương đương", "không quá",
      "không vượt quá", "tối đa",      "nguyên giá",
      "vốn điều lệ",    "phiếu",       "cộng",
      "chấm",
  });
  return k;
}

const PhraseList& condition_starts() {
  static const PhraseList k = phrases({
      "nếu",
      "trường hợp",
      "đối với",
      "khi",
      "trong trường hợp",
  });
  return k;
}

const PhraseList& goal_verbs() {
  static const PhraseList k =
      phrases({"đạt", "phấn đấu", "phân đấu", "chỉ tiêu", "mục tiêu"});
  return k;
}

}  // namespace vnlegal::internal
