// Official titles of laws, codes and ordinances (as enacted by the National
// Assembly and its Standing Committee), lower case, punctuation dropped
// ("(HIV/AIDS)" is "hiv aids"), with the abbreviations old texts cite them
// by ("HĐND và UBND").
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
    "ban hành văn bản quy phạm pháp luật",
    "ban hành văn bản quy phạm pháp luật của hđnd và ubnd",
    "ban hành văn bản quy phạm pháp luật của hđnd ubnd",
    "ban hành văn bản quy phạm pháp luật của hội đồng nhân dân uỷ ban nhân dân",
    "ban hành văn bản quy phạm pháp luật của hội đồng nhân dân ủy ban nhân dân",
    "biên giới quốc gia",
    "các công cụ chuyển nhượng",
    "biên phòng việt nam",
    "biển việt nam",
    "báo chí",
    "bình đẳng giới",
    "bưu chính",
    "bảo hiểm xã hội",
    "bảo hiểm y tế",
    "bảo vệ bí mật nhà nước",
    "bảo vệ chăm sóc và giáo dục trẻ em",
    "bảo vệ môi trường",
    "bảo vệ quyền lợi người tiêu dùng",
    "bảo vệ và kiểm dịch thực vật",
    "bảo vệ và phát triển rừng",
    "bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân",
    "chuyển giao công nghệ",
    "chăn nuôi",
    "chất lượng sản phẩm hàng hoá",
    "chất lượng sản phẩm hàng hóa",
    "chứng khoán",
    "các tổ chức tín dụng",
    "cán bộ công chức",
    "công an nhân dân",
    "công chứng",
    "công nghệ cao",
    "công nghệ thông tin",
    "công đoàn",
    "căn cước",
    "căn cước công dân",
    "cư trú",
    "cạnh tranh",
    "cảnh sát biển việt nam",
    "di sản văn hoá",
    "di sản văn hóa",
    "doanh nghiệp",
    "doanh nghiệp nhà nước",
    "du lịch",
    "dân quân tự vệ",
    "dược",
    "dầu khí",
    "dự trữ quốc gia",
    "giao dịch điện tử",
    "giao thông đường bộ",
    "giao thông đường thuỷ nội địa",
    "giao thông đường thủy nội địa",
    "giá",
    "giám định tư pháp",
    "giáo dục",
    "giáo dục nghề nghiệp",
    "giáo dục quốc phòng và an ninh",
    "giáo dục đại học",
    "hoà giải đối thoại tại toà án",
    "hoà giải ở cơ sở",
    "hoạt động giám sát của quốc hội và hđnd",
    "hoạt động giám sát của quốc hội và hội đồng nhân dân",
    "hàng không dân dụng việt nam",
    "hòa giải đối thoại tại tòa án",
    "hòa giải ở cơ sở",
    "hôn nhân và gia đình",
    "hải quan",
    "hỗ trợ doanh nghiệp nhỏ và vừa",
    "hộ tịch",
    "hợp tác xã",
    "khiếu nại",
    "khiếu nại tố cáo",
    "khoa học và công nghệ",
    "khoáng sản",
    "khuyến khích đầu tư trong nước",
    "đầu tư theo phương thức đối tác công tư",
    "khám bệnh chữa bệnh",
    "khí tượng thuỷ văn",
    "khí tượng thủy văn",
    "kinh doanh bảo hiểm",
    "kinh doanh bất động sản",
    "kiến trúc",
    "kiểm toán nhà nước",
    "kiểm toán độc lập",
    "ký kết gia nhập và thực hiện điều ước quốc tế",
    "kế toán",
    "luật sư",
    "lâm nghiệp",
    "lý lịch tư pháp",
    "lưu trữ",
    "lực lượng dự bị động viên",
    "lực lượng tham gia bảo vệ an ninh trật tự ở cơ sở",
    "mặt trận tổ quốc việt nam",
    "nghĩa vụ quân sự",
    "ngân hàng nhà nước việt nam",
    "ngân sách nhà nước",
    "người cao tuổi",
    "người khuyết tật",
    "người lao động việt nam đi làm việc ở nước ngoài theo hợp đồng",
    "người việt nam đi làm việc ở nước ngoài theo hợp đồng",
    "nhà ở",
    "nhập cảnh xuất cảnh quá cảnh cư trú của người nước ngoài tại việt nam",
    "nuôi con nuôi",
    "năng lượng nguyên tử",
    "phá sản",
    "phí và lệ phí",
    "phòng cháy chữa cháy và cứu nạn cứu hộ",
    "phòng cháy và chữa cháy",
    "phòng chống bạo lực gia đình",
    "phòng chống bệnh truyền nhiễm",
    "phòng chống hiv aids",
    "phòng chống ma tuý",
    "phòng chống ma túy",
    "phòng chống mua bán người",
    "phòng chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở "
    "người hiv aids",
    "phòng chống rửa tiền",
    "phòng chống tác hại của rượu bia",
    "phòng chống tác hại của thuốc lá",
    "phòng chống tham nhũng",
    "phòng chống thiên tai",
    "phòng chống tác hại của rượu bia",
    "phòng chống tác hại của thuốc lá",
    "phổ biến giáo dục pháp luật",
    "quy hoạch",
    "quy hoạch đô thị",
    "quy hoạch đô thị và nông thôn",
    "quản lý ngoại thương",
    "quản lý nợ công",
    "quản lý sử dụng tài sản công",
    "quản lý sử dụng tài sản nhà nước",
    "quản lý sử dụng vũ khí vật liệu nổ và công cụ hỗ trợ",
    "quản lý sử dụng vốn nhà nước đầu tư vào sản xuất kinh doanh tại "
    "doanh nghiệp",
    "quản lý thuế",
    "quảng cáo",
    "quốc phòng",
    "quốc tịch việt nam",
    "sĩ quan quân đội nhân dân việt nam",
    "sở hữu trí tuệ",
    "sử dụng năng lượng tiết kiệm và hiệu quả",
    "thanh niên",
    "thanh tra",
    "thi hành tạm giữ tạm giam",
    "thi hành án dân sự",
    "thi hành án hình sự",
    "thi đua khen thưởng",
    "thuế bảo vệ môi trường",
    "thuế giá trị gia tăng",
    "thuế sử dụng đất nông nghiệp",
    "thuế sử dụng đất phi nông nghiệp",
    "thuế thu nhập cá nhân",
    "thuế thu nhập doanh nghiệp",
    "thuế tiêu thụ đặc biệt",
    "thuế tài nguyên",
    "thuế xuất khẩu thuế nhập khẩu",
    "thuỷ lợi",
    "thuỷ sản",
    "thú y",
    "thư viện",
    "thương mại",
    "thể dục thể thao",
    "thống kê",
    "thủ đô",
    "thủy lợi",
    "thủy sản",
    "thực hiện dân chủ ở cơ sở",
    "thực hành tiết kiệm chống lãng phí",
    "tiêu chuẩn và quy chuẩn kỹ thuật",
    "tiếp công dân",
    "tiếp cận thông tin",
    "trách nhiệm bồi thường của nhà nước",
    "trưng cầu ý dân",
    "trật tự an toàn giao thông đường bộ",
    "trẻ em",
    "trọng tài thương mại",
    "trồng trọt",
    "trợ giúp pháp lý",
    "tài nguyên môi trường biển và hải đảo",
    "tài nguyên nước",
    "tín ngưỡng tôn giáo",
    "tương trợ tư pháp",
    "tần số vô tuyến điện",
    "tố cáo",
    "tố tụng hành chính",
    "tổ chức chính phủ",
    "tổ chức chính quyền địa phương",
    "tổ chức cơ quan điều tra hình sự",
    "tổ chức hội đồng nhân dân và uỷ ban nhân dân",
    "tổ chức hội đồng nhân dân và ủy ban nhân dân",
    "tổ chức quốc hội",
    "tổ chức toà án nhân dân",
    "tổ chức tòa án nhân dân",
    "tổ chức viện kiểm sát nhân dân",
    "viên chức",
    "viễn thông",
    "việc làm",
    "xuất bản",
    "xuất cảnh nhập cảnh của công dân việt nam",
    "xây dựng",
    "xử lý vi phạm hành chính",
    "đa dạng sinh học",
    "điều ước quốc tế",
    "điện lực",
    "điện ảnh",
    "đo lường",
    "đo đạc và bản đồ",
    "đê điều",
    "đường bộ",
    "đất đai",
    "đấu giá tài sản",
    "đấu thầu",
    "đầu tư",
    "đầu tư công",
    "đầu tư nước ngoài tại việt nam",
    "đầu tư theo phương thức đối tác công tư",
    "đặc xá",
};

const char* const kCodes[] = {
    "dân sự",   "hình sự",        "hàng hải việt nam",
    "lao động", "tố tụng dân sự", "tố tụng hình sự",
};

const char* const kOrdinances[] = {
    "cán bộ công chức",
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
