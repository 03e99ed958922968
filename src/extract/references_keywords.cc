#include <algorithm>
#include <cstring>

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
      if (c >= 'a' && c <= 'z')
        u = c - 32;
      else if (c == 0x111)
        u = 0x110;
      else if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        u = c - 0x20;
      else if ((c >= 0x101 && c <= 0x12F) || (c >= 0x14B && c <= 0x177))
        u = c & ~1u;
      else if (c == 0x1A1 || c == 0x1B0)
        u = c - 1;
      else if (c >= 0x1EA1 && c <= 0x1EF9)
        u = c & ~1u;
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
        {"chiến lược", "Chiến lược", K::kDocument},
        // International agreements, cited by name (see is_treaty_type).
        {"hiệp định", "Hiệp định", K::kDocument},
        {"hiệp ước", "Hiệp ước", K::kDocument},
        {"công ước", "Công ước", K::kDocument},
        {"nghị định thư", "Nghị định thư", K::kDocument},
        {"thỏa thuận", "Thỏa thuận", K::kDocument},
        {"thoả thuận", "Thỏa thuận", K::kDocument},
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
        {"ohsas", "Tiêu chuẩn", K::kStandard},
        {"tiêu chuẩn", "Tiêu chuẩn", K::kStandard},
        // A certificate names the standard it attests: "chứng chỉ SA 8000".
        {"chứng chỉ", "Tiêu chuẩn", K::kStandard},
        {"chứng nhận", "Tiêu chuẩn", K::kStandard},
    };
    return v;
  }();
  return kKeywords;
}

namespace {

struct Variant {
  std::string bytes;
  std::vector<uint8_t> keywords;
  uint64_t word = 0;  // the bytes, little-endian, zero-padded to 8
  uint64_t mask = 0;  // low bytes.size() bytes set
};

// Every keyword's first word fits in eight bytes, so a candidate is one
// masked 64-bit comparison instead of a memcmp call.
constexpr size_t kMaxWordBytes = 8;

inline uint64_t load8(const char* p) {
  uint64_t v = 0;
  for (size_t k = 0; k < 8; ++k)
    v |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  return v;
}

struct FirstWords {
  std::bitset<65536> bits;
  std::vector<std::vector<Variant>> by_prefix;  // indexed via slot
  std::vector<uint16_t> slot = std::vector<uint16_t>(65536, 0);
};

const FirstWords& first_words() {
  static const FirstWords kWords = [] {
    FirstWords f;
    f.by_prefix.emplace_back();  // slot 0: none
    uint8_t current = 0;
    auto add = [&](const std::string& w) {
      if (w.size() < 2) return;
      const size_t key = (static_cast<unsigned char>(w[0]) << 8) |
                         static_cast<unsigned char>(w[1]);
      if (f.slot[key] == 0) {
        f.slot[key] = static_cast<uint16_t>(f.by_prefix.size());
        f.by_prefix.emplace_back();
      }
      auto& v = f.by_prefix[f.slot[key]];
      auto it = std::find_if(v.begin(), v.end(),
                             [&](const Variant& x) { return x.bytes == w; });
      if (it == v.end()) {
        Variant nv{w, {}};
        char buf[8] = {};
        std::memcpy(buf, w.data(), std::min(w.size(), kMaxWordBytes));
        nv.word = load8(buf);
        nv.mask =
            w.size() >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * w.size())) - 1;
        v.push_back(std::move(nv));
        it = v.end() - 1;
      }
      if (std::find(it->keywords.begin(), it->keywords.end(), current) ==
          it->keywords.end())
        it->keywords.push_back(current);
      f.bits.set(key);
    };
    for (const Keyword& k : keywords()) {
      current = static_cast<uint8_t>(&k - keywords().data());
      const std::string w = k.lower.substr(0, k.lower.find(' '));
      add(w);
      add(upper_initial(w, false));
      add(upper_initial(w, true));
      // Ð (U+00D0) printed for Đ.
      if (w.rfind("đ", 0) == 0) {
        std::string t = upper_initial(w, false);
        add("\xC3\x90" + t.substr(2));
      }
    }
    return f;
  }();
  return kWords;
}

}  // namespace

const std::vector<uint8_t>* keyword_candidates_at(std::string_view text,
                                                  size_t pos) {
  if (pos + 1 >= text.size()) return nullptr;
  const FirstWords& f = first_words();
  const size_t key = (static_cast<unsigned char>(text[pos]) << 8) |
                     static_cast<unsigned char>(text[pos + 1]);
  const uint16_t slot = f.slot[key];
  if (slot == 0) return nullptr;
  const uint64_t at = load8_at(text, pos);
  for (const Variant& v : f.by_prefix[slot]) {
    const std::string& w = v.bytes;
    if (text.size() - pos < w.size() || ((at ^ v.word) & v.mask) != 0) continue;
    if (w.size() > kMaxWordBytes &&
        std::memcmp(text.data() + pos, w.data(), w.size()) != 0)
      continue;
    const size_t end = pos + w.size();
    if (end >= text.size()) return &v.keywords;
    size_t len = 0;
    if (!is_word_cp(cp_at(text, end, &len))) return &v.keywords;
  }
  return nullptr;
}

const FirstWordIndex& first_word_index() {
  static const FirstWordIndex kIndex = [] {
    const FirstWords& f = first_words();
    FirstWordIndex idx;
    idx.range.assign(65536, 0);
    for (size_t key = 0; key < 65536; ++key) {
      const uint16_t slot = f.slot[key];
      if (slot == 0) continue;
      const auto& vs = f.by_prefix[slot];
      size_t shortest = 255;
      for (const Variant& v : vs) shortest = std::min(shortest, v.bytes.size());
      idx.range[key] = static_cast<uint32_t>(
          shortest << 24 | idx.variants.size() << 8 | vs.size());
      for (const Variant& v : vs)
        idx.variants.push_back({v.word, v.mask,
                                static_cast<uint32_t>(v.bytes.size()),
                                &v.keywords, v.bytes.data()});
    }
    // What match_keyword asks of the next word before reading it: a
    // keyword of more than four words is never matched.
    for (FirstWordVariant& v : idx.variants) {
      const std::string_view bytes(v.bytes, v.len);
      Token whole;
      whole.e = v.len;
      whole.word = true;
      v.initial_upper = tok_upper_initial(bytes, whole);
      v.all_upper = !(bytes[0] >= 'a' && bytes[0] <= 'z') && v.len > 1 &&
                    tok_all_upper(bytes, whole);
      v.needs_second = true;
      if (!v.initial_upper && !v.keywords->empty()) {
        const Unit u = keywords()[v.keywords->front()].unit;
        bool same = u != Unit::kNone;
        for (uint8_t ki : *v.keywords)
          same = same && keywords()[ki].cls == KeywordClass::kUnit &&
                 keywords()[ki].unit == u &&
                 keywords()[ki].lower.find(' ') == std::string::npos;
        if (same) v.small_unit = u;
      }
      for (uint8_t ki : *v.keywords) {
        const std::string& lower = keywords()[ki].lower;
        const size_t words =
            static_cast<size_t>(std::count(lower.begin(), lower.end(), ' ')) +
            1;
        if (words == 1) v.needs_second = false;
        if (words < 2 || words > 4) continue;
        const size_t sb = lower.find(' ') + 1;
        const auto c = static_cast<unsigned char>(lower[sb]);
        if (c < 0x80) {
          v.second[c >> 6] |= uint64_t{1} << (c & 63);
          const size_t se = std::min(lower.size(), lower.find(' ', sb));
          if (se - sb < 2) {
            v.second_pairs_ok = false;
            continue;
          }
          const auto pair = static_cast<uint16_t>(
              c << 8 | static_cast<unsigned char>(lower[sb + 1]));
          const uint16_t* const end = v.second_pairs + v.n_second_pairs;
          if (std::find(static_cast<const uint16_t*>(v.second_pairs), end,
                        pair) != end)
            continue;
          if (v.n_second_pairs == std::size(v.second_pairs))
            v.second_pairs_ok = false;
          else
            v.second_pairs[v.n_second_pairs++] = pair;
        } else {
          v.second_lead = true;
        }
      }
    }
    idx.prefix_filter = true;
    for (const FirstWordVariant& v : idx.variants) {
      if (v.len < 3) idx.prefix_filter = false;
      const uint32_t x = static_cast<uint32_t>(v.word & 0xFFFFFFFFu);
      if (v.len >= 4) {
        const uint32_t h = (x * 0x9E3779B1u) >> 20;
        idx.prefix4[h >> 6] |= uint64_t{1} << (h & 63);
      } else {
        const uint32_t h = ((x & 0xFFFFFFu) * 0x9E3779B1u) >> 20;
        idx.prefix3[h >> 6] |= uint64_t{1} << (h & 63);
      }
    }
    return idx;
  }();
  return kIndex;
}

bool keyword_start_at(std::string_view text, size_t pos) {
  return keyword_candidates_at(text, pos) != nullptr;
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
