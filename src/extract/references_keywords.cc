#include "extract/citation_keywords.h"
#include "extract/citation_text.h"

namespace vnlegal::citation {
namespace {

std::string upper_initial(const std::string& lower, bool all) {
  std::string out;
  bool first = true;
  for (size_t i = 0; i < lower.size();) {
    size_t len = 0;
    char32_t c = cp_at(lower, i, &len);
    char32_t u = c;
    if (all || first) {
      // Inverse of lower_cp for the letters used in keywords.
      if (c >= 'a' && c <= 'z') u = c - 32;
      else if (c == 0x111) u = 0x110;
      else if (c >= 0xE0 && c <= 0xFE && c != 0xF7) u = c - 0x20;
      else if ((c >= 0x101 && c <= 0x12F) || (c >= 0x14B && c <= 0x177)) u = c & ~1u;
      else if (c == 0x1A1 || c == 0x1B0) u = c - 1;
      else if (c >= 0x1EA1 && c <= 0x1EF9) u = c & ~1u;
    }
    if (c != ' ') first = false;
    internal::append_utf8(out, u);
    i += len;
  }
  return out;
}

}  // namespace

const std::vector<Keyword>& keywords() {
  static const std::vector<Keyword> kKeywords = [] {
    using K = KeywordClass;
    std::vector<Keyword> v = {
        {"bộ luật", "Bộ luật", K::kNamed},
        {"luật", "Luật", K::kNamed},
        {"pháp lệnh", "Pháp lệnh", K::kNamed},
        {"hiến pháp", "Hiến pháp", K::kNamed},
        {"nghị quyết liên tịch", "Nghị quyết liên tịch", K::kDocument},
        {"nghị quyết", "Nghị quyết", K::kDocument},
        {"nghị định", "Nghị định", K::kDocument},
        {"quyết định", "Quyết định", K::kDocument},
        {"thông tư liên tịch", "Thông tư liên tịch", K::kDocument},
        {"thông tư", "Thông tư", K::kDocument},
        {"chỉ thị liên tịch", "Chỉ thị liên tịch", K::kDocument},
        {"chỉ thị", "Chỉ thị", K::kDocument},
        {"kế hoạch", "Kế hoạch", K::kDocument},
        {"kết luận", "Kết luận", K::kDocument},
        {"thông báo", "Thông báo", K::kDocument},
        {"thông tri", "Thông tri", K::kDocument},
        {"công văn", "Công văn", K::kDocument},
        {"công điện", "Công điện", K::kDocument},
        {"tờ trình", "Tờ trình", K::kDocument},
        {"báo cáo", "Báo cáo", K::kDocument},
        {"chương trình", "Chương trình", K::kDocument},
        {"hướng dẫn", "Hướng dẫn", K::kDocument},
        {"quy chế", "Quy chế", K::kDocument},
        {"quy định", "Quy định", K::kDocument},
        {"đề án", "Đề án", K::kDocument},
        {"văn bản hợp nhất", "Văn bản hợp nhất", K::kDocument},
        {"văn bản", "Văn bản", K::kDocument},
        {"sắc lệnh", "Sắc lệnh", K::kDocument},
        {"lệnh", "Lệnh", K::kDocument},
        {"điều", "", K::kUnit, Unit::kArticle},
        {"khoản", "", K::kUnit, Unit::kClause},
        {"điểm", "", K::kUnit, Unit::kPoint},
        {"chương", "", K::kUnit, Unit::kChapter},
        {"tiểu mục", "", K::kUnit, Unit::kSection},
        {"mục", "", K::kUnit, Unit::kSection},
        {"phần", "", K::kUnit, Unit::kPart},
        {"tcvn", "Tiêu chuẩn", K::kStandard},
        {"tcxdvn", "Tiêu chuẩn", K::kStandard},
        {"qcvn", "Quy chuẩn", K::kStandard},
        {"iso", "Tiêu chuẩn", K::kStandard},
    };
    return v;
  }();
  return kKeywords;
}

const std::bitset<65536>& keyword_prefilter() {
  static const std::bitset<65536> kBits = [] {
    std::bitset<65536> bits;
    auto add = [&](const std::string& s) {
      if (s.size() >= 2)
        bits.set((static_cast<unsigned char>(s[0]) << 8) |
                 static_cast<unsigned char>(s[1]));
    };
    for (const Keyword& k : keywords()) {
      add(k.lower);
      add(upper_initial(k.lower, false));
      add(upper_initial(k.lower, true));
    }
    // Ð (U+00D0) printed for Đ.
    add("\xC3\x90");
    return bits;
  }();
  return kBits;
}

}  // namespace vnlegal::citation
