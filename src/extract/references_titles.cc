// Official titles of laws, codes and ordinances (as enacted by the National
// Assembly and its Standing Committee), lower case, punctuation dropped.
// Listed are the ones cited most in provincial and central documents, and
// every title that holds a function word ("của", "tại", "theo", "ở", "đối
// với", "các") that would otherwise end the name. Titles with "oa", "oe",
// "uy" are listed in both tone-mark styles ("hòa", "hoà").
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "extract/citation_titles.h"

namespace vnlegal::citation {
namespace {

const char* const kLaws[] = {
    "an ninh mạng",
    "an ninh quốc gia",
    "an toàn thông tin mạng",
    "an toàn thực phẩm",
    "an toàn vệ sinh lao động",
    "bảo hiểm xã hội",
    "bảo hiểm y tế",
    "bảo vệ bí mật nhà nước",
    "bảo vệ chăm sóc và giáo dục trẻ em",
    "bảo vệ môi trường",
    "bảo vệ quyền lợi người tiêu dùng",
    "bảo vệ và phát triển rừng",
    "ban hành văn bản quy phạm pháp luật",
    "ban hành văn bản quy phạm pháp luật của hội đồng nhân dân ủy ban nhân "
    "dân",
    "ban hành văn bản quy phạm pháp luật của hội đồng nhân dân uỷ ban nhân "
    "dân",
    "báo chí",
    "bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân",
    "biên giới quốc gia",
    "biển việt nam",
    "bình đẳng giới",
    "các tổ chức tín dụng",
    "cán bộ công chức",
    "căn cước",
    "căn cước công dân",
    "chăn nuôi",
    "chất lượng sản phẩm hàng hóa",
    "chất lượng sản phẩm hàng hoá",
    "chứng khoán",
    "chuyển giao công nghệ",
    "công an nhân dân",
    "công chứng",
    "công đoàn",
    "công nghệ thông tin",
    "cư trú",
    "dân quân tự vệ",
    "di sản văn hóa",
    "di sản văn hoá",
    "du lịch",
    "dược",
    "đa dạng sinh học",
    "đấu thầu",
    "đất đai",
    "đầu tư",
    "đầu tư công",
    "đầu tư nước ngoài tại việt nam",
    "đầu tư theo phương thức đối tác công tư",
    "điện lực",
    "đo đạc và bản đồ",
    "đo lường",
    "doanh nghiệp",
    "doanh nghiệp nhà nước",
    "giá",
    "giám định tư pháp",
    "giao dịch điện tử",
    "giao thông đường bộ",
    "giao thông đường thủy nội địa",
    "giao thông đường thuỷ nội địa",
    "giáo dục",
    "giáo dục đại học",
    "giáo dục nghề nghiệp",
    "hải quan",
    "hàng không dân dụng việt nam",
    "hộ tịch",
    "hòa giải ở cơ sở",
    "hoà giải ở cơ sở",
    "hòa giải đối thoại tại tòa án",
    "hoà giải đối thoại tại toà án",
    "hoạt động giám sát của quốc hội và hội đồng nhân dân",
    "hôn nhân và gia đình",
    "hợp tác xã",
    "khám bệnh chữa bệnh",
    "khiếu nại",
    "khiếu nại tố cáo",
    "khoa học và công nghệ",
    "khoáng sản",
    "khuyến khích đầu tư trong nước",
    "kiểm toán độc lập",
    "kiểm toán nhà nước",
    "kinh doanh bảo hiểm",
    "kinh doanh bất động sản",
    "kế toán",
    "ký kết gia nhập và thực hiện điều ước quốc tế",
    "lâm nghiệp",
    "lực lượng tham gia bảo vệ an ninh trật tự ở cơ sở",
    "lưu trữ",
    "luật sư",
    "người cao tuổi",
    "người khuyết tật",
    "người việt nam đi làm việc ở nước ngoài theo hợp đồng",
    "ngân hàng nhà nước việt nam",
    "ngân sách nhà nước",
    "nghĩa vụ quân sự",
    "nhà ở",
    "nhập cảnh xuất cảnh quá cảnh cư trú của người nước ngoài tại việt "
    "nam",
    "nuôi con nuôi",
    "phí và lệ phí",
    "phổ biến giáo dục pháp luật",
    "phòng cháy và chữa cháy",
    "phòng chống bạo lực gia đình",
    "phòng chống bệnh truyền nhiễm",
    "phòng chống ma túy",
    "phòng chống ma tuý",
    "phòng chống mua bán người",
    "phòng chống rửa tiền",
    "phòng chống tác hại của rượu bia",
    "phòng chống tác hại của thuốc lá",
    "phòng chống tham nhũng",
    "phòng chống thiên tai",
    "quản lý nợ công",
    "quản lý sử dụng tài sản công",
    "quản lý sử dụng tài sản nhà nước",
    "quản lý sử dụng vốn nhà nước đầu tư vào sản xuất kinh doanh tại "
    "doanh nghiệp",
    "quản lý thuế",
    "quốc phòng",
    "quốc tịch việt nam",
    "quy hoạch",
    "quy hoạch đô thị",
    "sở hữu trí tuệ",
    "tài nguyên nước",
    "thanh niên",
    "thanh tra",
    "thi đua khen thưởng",
    "thi hành án dân sự",
    "thi hành án hình sự",
    "thống kê",
    "thú y",
    "thủ đô",
    "thủy sản",
    "thuỷ sản",
    "thuế bảo vệ môi trường",
    "thuế giá trị gia tăng",
    "thuế sử dụng đất nông nghiệp",
    "thuế sử dụng đất phi nông nghiệp",
    "thuế tài nguyên",
    "thuế thu nhập cá nhân",
    "thuế thu nhập doanh nghiệp",
    "thuế tiêu thụ đặc biệt",
    "thuế xuất khẩu thuế nhập khẩu",
    "thư viện",
    "thực hành tiết kiệm chống lãng phí",
    "thương mại",
    "tiếp cận thông tin",
    "tiếp công dân",
    "tiêu chuẩn và quy chuẩn kỹ thuật",
    "tín ngưỡng tôn giáo",
    "tố cáo",
    "tố tụng hành chính",
    "tổ chức chính phủ",
    "tổ chức chính quyền địa phương",
    "tổ chức cơ quan điều tra hình sự",
    "tổ chức hội đồng nhân dân và ủy ban nhân dân",
    "tổ chức hội đồng nhân dân và uỷ ban nhân dân",
    "tổ chức quốc hội",
    "tổ chức tòa án nhân dân",
    "tổ chức toà án nhân dân",
    "tổ chức viện kiểm sát nhân dân",
    "trách nhiệm bồi thường của nhà nước",
    "trẻ em",
    "trồng trọt",
    "trợ giúp pháp lý",
    "trưng cầu ý dân",
    "viên chức",
    "việc làm",
    "viễn thông",
    "xây dựng",
    "xử lý vi phạm hành chính",
    "xuất bản",
    "xuất cảnh nhập cảnh của công dân việt nam",
};

const char* const kCodes[] = {
    "dân sự",   "hình sự",        "hàng hải việt nam",
    "lao động", "tố tụng dân sự", "tố tụng hình sự",
};

const char* const kOrdinances[] = {
    "chống tham nhũng",
    "dân số",
    "phí và lệ phí",
    "thuế thu nhập đối với người có thu nhập cao",
    "ưu đãi người có công với cách mạng",
    "xử lý vi phạm hành chính",
};

template <size_t N>
TitleSet build(const char* const (&titles)[N]) {
  TitleSet set;
  set.sorted.assign(std::begin(titles), std::end(titles));
  std::sort(set.sorted.begin(), set.sorted.end());
  return set;
}

}  // namespace

bool TitleSet::narrow(size_t& lo, size_t& hi, size_t& off,
                      std::string_view w) const {
  auto rest = [&](size_t i) {
    const std::string_view s = sorted[i];
    return off < s.size() ? s.substr(off) : std::string_view();
  };
  size_t a = lo, b = hi;
  while (a < b) {
    const size_t m = a + (b - a) / 2;
    if (rest(m) < w)
      a = m + 1;
    else
      b = m;
  }
  // A space sorts before every letter, so the titles going on with `w`
  // follow directly.
  bool full = false;
  size_t e = a;
  for (; e < hi; ++e) {
    const std::string_view r = rest(e);
    if (r.size() < w.size() || r.compare(0, w.size(), w) != 0) break;
    if (r.size() == w.size())
      full = true;
    else if (r[w.size()] != ' ')
      break;
  }
  lo = a;
  hi = e;
  off += w.size() + 1;
  return full;
}

const TitleSet* titles_for(std::string_view type) {
  static const TitleSet kLawSet = build(kLaws);
  static const TitleSet kCodeSet = build(kCodes);
  static const TitleSet kOrdinanceSet = build(kOrdinances);
  if (type == "Luật") return &kLawSet;
  if (type == "Bộ luật") return &kCodeSet;
  if (type == "Pháp lệnh") return &kOrdinanceSet;
  return nullptr;
}

}  // namespace vnlegal::citation
