// Legal references: documents cited by number or by name, Party documents,
// standards, pinpoints into this or another document, self- and
// back-references. One pass over the text visits word starts and keeps those
// that spell a keyword's first word (byte-prefix prefilters, then an exact
// comparison); each candidate is parsed by hand-written rules over tokens,
// with RE2 for standards and the header's own number. See
// docs/references.md for the rules and their sources.
#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/citation_keywords.h"
#include "extract/citation_number.h"
#include "extract/citation_scan.h"
#include "extract/citation_text.h"
#include "extract/citation_titles.h"
#include "internal/utf8.h"
#include "vnlegal/extract.h"

namespace vnlegal {
namespace {

using namespace citation;  // NOLINT: this file is the citation parser

constexpr size_t kNpos = std::string_view::npos;

// The one document type cited by title only: no number need follow it.
constexpr std::string_view kStrategy = "Chiến lược";

// International agreements ("Hiệp định", "Công ước", ...): cited by name,
// with or without the date they were signed.
bool is_treaty_type(std::string_view type) {
  return type == "Hiệp định" || type == "Hiệp ước" || type == "Công ước" ||
         type == "Nghị định thư" || type == "Thỏa thuận";
}

// Function words that end a name cited without a number or date
// ("Luật Thanh tra thì ...", "Luật Đất đai về ...").
bool is_name_stop(std::string_view w) {
  static const WordSet kStops = {
      "về",    "theo",  "thì",  "được",  "đã",  "có",   "do",    "để",
      "tại",   "với",   "đối",  "hoặc",  "mà",  "là",   "khi",   "phải",
      "nên",   "sẽ",    "đang", "cho",   "như", "nhằm", "gồm",   "bao",
      "kể",    "thuộc", "cụ",   "hiện",  "hết", "này",  "đó",    "trên",
      "các",   "những", "từ",   "đến",   "vào", "hay",  "nêu",   "của",
      "trong", "kèm",   "chưa", "không", "mới", "sau",  "trước", "hướng",
      "sửa",   "bổ",    "áp",   "cũng",  "nay", "ra",   "bị",    "vẫn",
      "tới",   "đều",   "cùng", "nói",   "dẫn", "đây",  "giữa",  "qua",
      "trình", "nhưng"};
  return kStops.contains(w);
}

// The words of official titles (references_titles.cc) at which a name
// read without the titles stops.
bool continues_title(std::string_view w) {
  static const WordSet kWords = {"các",  "có",  "của",   "hiện", "không",
                                 "theo", "ra",  "trong", "tại",  "vào",
                                 "với",  "đối", "và"};
  return kWords.contains(w);
}

// Words that end an issuer phrase ("của Chính phủ quy định ...").
// Words that cannot continue the title of an amending law.
bool is_amending_stop(std::string_view w) {
  static const WordSet kStops = {"được", "thì", "đã", "như",  "để", "nhằm",
                                 "khi",  "mà",  "là", "phải", "sẽ", "đang",
                                 "này",  "đó",  "có", "hết",  "kể", "áp"};
  return kStops.contains(w);
}

bool is_issuer_stop(std::string_view w) {
  static const WordSet kStops = {
      "về",   "quy",   "hướng", "phê",  "sửa",   "thực", "triển", "thí",
      "đã",   "được",  "thì",   "tại",  "trong", "theo", "đối",   "nhằm",
      "để",   "là",    "có",    "ngày", "số",    "năm",  "bãi",   "thay",
      "giao", "cho",   "khi",   "với",  "trên",  "từ",   "đến",   "hết",
      "gồm",  "kèm",   "như",   "này",  "v",     "và",   "hoặc",  "xác",
      "điều", "khoản", "điểm",  "tiếp", "lần",   "đề",   "ban",   "chỉ",
      "sau",  "trước", "nêu",   "đó",   "mà",    "nay",  "vào",   "giữa"};
  return kStops.contains(w);
}

struct DateParts {
  std::string iso;
  int year = 0;
  size_t end = 0;
};

const RE2& standard_re() {
  static const RE2 re(
      "(?:TCVN|TCXDVN|QCVN|ISO|OHSAS)(?:[ \\t]+(?:ISO|IEC)|/IEC)*[ \\t]*"
      "(\\d+(?:[-.]\\d+)*)(?::((?:19|20)\\d\\d))?(?:/[A-ZĐ]+)?");
  return re;
}

size_t skip_date_blanks(std::string_view t, size_t i, bool newlines) {
  for (;;) {
    if (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '*' ||
                         (newlines && (t[i] == '\n' || t[i] == '\r')))) {
      ++i;
    } else if (i + 1 < t.size() && t[i] == '\xC2' && t[i + 1] == '\xA0') {
      i += 2;
    } else {
      return i;
    }
  }
}

// Reads 1-2 digits (or exactly 4 for a year) at `i`.
bool read_int(std::string_view t, size_t& i, int min_len, int max_len, int& v) {
  size_t k = i;
  v = 0;
  while (k < t.size() && is_digit(t[k]) && static_cast<int>(k - i) < max_len)
    v = v * 10 + (t[k++] - '0');
  if (static_cast<int>(k - i) < min_len || (k < t.size() && is_digit(t[k])))
    return false;
  i = k;
  return true;
}

// Reads `lower` at `i` in any case; a digit may follow directly ("tháng4").
bool read_word(std::string_view t, size_t& i, std::string_view lower) {
  size_t k = i, j = 0;
  while (j < lower.size()) {
    if (k >= t.size()) return false;
    size_t a = 0, b = 0;
    if (lower_cp(cp_at(t, k, &a)) != cp_at(lower, j, &b)) return false;
    k += a;
    j += b;
  }
  if (k < t.size() && !is_digit(t[k])) {
    size_t len = 0;
    if (is_word_cp(cp_at(t, k, &len))) return false;
  }
  i = k;
  return true;
}

// Parses a date at `pos` ("23/4/2018", "23-4-2018", "23.4.2018",
// "23 tháng 4 năm 2018", "23/4 năm 2018").
std::optional<DateParts> parse_date(std::string_view text, size_t pos) {
  int d = 0, mo = 0, y = 0;
  size_t i = pos;
  if (!read_int(text, i, 1, 2, d)) return std::nullopt;
  size_t k = skip_date_blanks(text, i, false);
  const bool numeric =
      k < text.size() && (text[k] == '/' || text[k] == '-' || text[k] == '.');
  if (numeric) {
    k = skip_date_blanks(text, k + 1, false);
    if (!read_int(text, k, 1, 2, mo)) return std::nullopt;
    k = skip_date_blanks(text, k, false);
    if (k < text.size() &&
        (text[k] == '/' || text[k] == '-' || text[k] == '.')) {
      k = skip_date_blanks(text, k + 1, false);
    } else if (read_word(text, k, "năm")) {
      // "ngày 15/5 năm 2014": day and month in figures, the year in words.
      k = skip_date_blanks(text, k, false);
    } else {
      return std::nullopt;
    }
  } else {
    k = skip_date_blanks(text, i, true);
    if (!read_word(text, k, "tháng")) return std::nullopt;
    k = skip_date_blanks(text, k, true);
    if (!read_int(text, k, 1, 2, mo)) return std::nullopt;
    k = skip_date_blanks(text, k, true);
    if (k < text.size() && text[k] == ',')
      k = skip_date_blanks(text, k + 1, true);
    if (!read_word(text, k, "năm")) return std::nullopt;
    k = skip_date_blanks(text, k, true);
  }
  if (k + 4 > text.size() || !((text[k] == '1' && text[k + 1] == '9') ||
                               (text[k] == '2' && text[k + 1] == '0')))
    return std::nullopt;
  if (!read_int(text, k, 4, 4, y)) return std::nullopt;
  if (d < 1 || d > 31 || mo < 1 || mo > 12) return std::nullopt;
  DateParts p;
  // y has four digits (19xx or 20xx), mo and d one or two.
  const char iso[10] = {static_cast<char>('0' + y / 1000),
                        static_cast<char>('0' + y / 100 % 10),
                        static_cast<char>('0' + y / 10 % 10),
                        static_cast<char>('0' + y % 10),
                        '-',
                        static_cast<char>('0' + mo / 10),
                        static_cast<char>('0' + mo % 10),
                        '-',
                        static_cast<char>('0' + d / 10),
                        static_cast<char>('0' + d % 10)};
  p.iso.assign(iso, sizeof iso);
  p.year = y;
  p.end = k;
  return p;
}

std::string loose_key(std::string_view s) {
  // Lower case, word characters only, single spaces between the runs.
  // Written through a pointer: lower_cp keeps each character's length, a
  // space stands for at least one byte dropped and broken bytes are
  // dropped, so the key is never longer than `s`.
  std::string out(s.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const auto a = static_cast<unsigned char>(s[i]);
    if (a < 0x80) {
      // ASCII: letters and digits are word characters.
      if ((a >= '0' && a <= '9') || ((a | 0x20) >= 'a' && (a | 0x20) <= 'z')) {
        if (space && o != begin) *o++ = ' ';
        space = false;
        *o++ = static_cast<char>(a >= 'A' && a <= 'Z' ? a + 32 : a);
      } else {
        space = true;
      }
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t c = lower_cp(cp_at(s, i, &len));
    if (is_word_cp(c)) {
      if (space && o != begin) *o++ = ' ';
      space = false;
      if (c < 0x800) {
        *o++ = static_cast<char>(0xC0 | (c >> 6));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        *o++ = static_cast<char>(0xE0 | (c >> 12));
        *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
      } else {
        *o++ = static_cast<char>(0xF0 | (c >> 18));
        *o++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
      }
    } else {
      space = true;
    }
    i += len;
  }
  out.resize(static_cast<size_t>(o - begin));
  return out;
}

bool is_roman(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s)
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  return true;
}

// Points are lettered a b c d đ e g h i k l m n o p q r s t u v x y
// (Law 80/2015/QH13 drafting rules; no f, j, w, z).
constexpr std::string_view kPointLetters[] = {
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

int point_index(std::string_view s) {
  for (int i = 0; i < 23; ++i)
    if (s == kPointLetters[i]) return i;
  return -1;
}

struct Group {
  Unit unit = Unit::kNone;
  std::vector<std::string> items;
};

class Extractor {
 public:
  explicit Extractor(Document& doc) : doc_(doc), t_(doc.text) {}

  void run() {
    refs_.reserve(t_.size() / 512 + 16);
    back_number_.reserve(refs_.capacity());
    back_pending_.reserve(refs_.capacity());
    detect_header();
    scan();
    finish();
  }

 private:
  Document& doc_;
  std::string_view t_;
  std::vector<Reference> refs_;
  std::vector<std::string> back_number_;  // per ref: "12" for "số 12 nêu trên"
  std::vector<char> back_pending_;
  // Numbers read up to a hyphen that ends a line (see fill_number).
  std::unordered_set<std::string> cut_numbers_;
  std::string own_number_;
  size_t header_end_ = 0;
  std::string own_type_;
  std::string own_name_key_;
  size_t named_suppress_end_ = 0;
  // Short names given to agreements: "type|loose key" -> the full name.
  std::unordered_map<std::string, std::string> treaty_aliases_;
  std::vector<std::pair<std::string, std::string>> known_names_;
  // Party meetings cited by their resolutions: key -> the first name.
  std::unordered_map<std::string, std::string> meeting_names_;
  std::unordered_set<std::string> known_name_set_;
  size_t last_doc_end_ = kNpos;  // core end of the last document reference
  struct TitleCache {
    const TitleSet* set = nullptr;
    std::string bytes;   // the text the lookup read
    size_t rel = kNpos;  // title end, relative to the first word
  };
  mutable TitleCache title_cache_;
  // loose_key of the names cited: the same name comes back many times.
  struct NameInfo {
    std::string key;
    // The types this name was listed in known_names_ with (see emit).
    std::vector<std::string> known_as;
  };
  std::unordered_map<std::string, NameInfo> name_keys_;
  NameInfo& name_info(const std::string& name) {
    auto it = name_keys_.find(name);
    if (it == name_keys_.end())
      it = name_keys_.emplace(name, NameInfo{loose_key(name), {}}).first;
    return it->second;
  }
  const std::string& name_key(const std::string& name) {
    return name_info(name).key;
  }
  int last_doc_index_ = -1;

  // ---- keyword matching -------------------------------------------------

  struct KwMatch {
    const Keyword* kw = nullptr;
    size_t end = 0;
    bool upper = false;  // written in capitals
    bool initial_upper = false;
  };

  static bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

  // `whole`: the first-word spelling that the word at `pos` consists of,
  // when the caller has matched it (then the first token is its bytes) and
  // found a word after it that may start a second word (see
  // second_word_may_open).
  KwMatch match_keyword(size_t pos, const std::vector<uint8_t>* cands = nullptr,
                        const FirstWordVariant* whole = nullptr) const {
    KwMatch best;
    if (!cands) cands = keyword_candidates_at(t_, pos);
    if (!cands) return best;
    Token first;
    if (whole) {
      first.b = pos;
      first.e = pos + whole->len;
      first.word = true;
    } else {
      first = tok(pos);
      if (!first.word || first.b != pos) return best;
    }
    // The keywords' words, split once (a keyword of more than four words
    // is never matched: size 0).
    struct Words {
      size_t size = 0;
      std::string_view w[4];
    };
    static const std::vector<Words> kWords = [] {
      std::vector<Words> v;
      for (const Keyword& k : keywords()) {
        std::vector<std::string_view> w;
        std::string_view rest(k.lower);
        for (size_t sp; (sp = rest.find(' ')) != std::string_view::npos;) {
          w.push_back(rest.substr(0, sp));
          rest.remove_prefix(sp + 1);
        }
        w.push_back(rest);
        Words x;
        if (w.size() <= 4) {
          x.size = w.size();
          for (size_t i = 0; i < w.size(); ++i) x.w[i] = w[i];
        }
        v.push_back(x);
      }
      return v;
    }();
    static const Keyword* const all = keywords().data();
    // When every candidate needs a second word, the byte that starts the
    // next token rules most of them out before any token is read: an ASCII
    // byte folds only to its lower case. The scanner made the same test
    // before passing `whole` (second_word_may_open).
    if (!whole) {
      bool single = false;
      for (uint8_t ki : *cands) single = single || kWords[ki].size == 1;
      if (!single) {
        size_t q = first.e;
        for (;;) {
          if (q < t_.size() && (t_[q] == ' ' || t_[q] == '\t' ||
                                t_[q] == '\r' || t_[q] == '*' || t_[q] == '\n'))
            ++q;
          else if (q + 1 < t_.size() && t_[q] == '\xC2' && t_[q + 1] == '\xA0')
            q += 2;
          else
            break;
        }
        if (q >= t_.size()) return best;
        const auto b = static_cast<unsigned char>(t_[q]);
        if (b < 0x80) {
          const char l = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
          bool any = false;
          for (uint8_t ki : *cands) {
            const Words& w = kWords[ki];
            any = any || (w.size > 1 && w.w[1][0] == l);
          }
          if (!any) return best;
        }
      }
    }
    size_t best_extra = 0;
    // Following words, read and folded on demand and shared by the
    // candidates. A word folds to as many bytes as it has when it folds to
    // a keyword's word (lower_cp keeps each character's length; a broken
    // byte becomes U+FFFD, which no keyword holds), so a word of another
    // length is not folded.
    Token next[3];
    std::string_view folded[3];
    bool is_folded[3] = {false, false, false};
    char buf[3][64];
    int have = 0;
    auto token_at = [&](int k) -> const Token& {
      while (have <= k) {
        const size_t from = have == 0 ? first.e : next[have - 1].e;
        next[have] = tok(from);
        ++have;
      }
      return next[k];
    };
    auto word_is = [&](int k, std::string_view w) {
      const Token& t = token_at(k);
      if (!t.word || t.blank_line || t.e - t.b != w.size()) return false;
      // A word starting with an ASCII letter is folded from that letter in
      // either case only (nothing else folds to ASCII).
      const auto w0 = static_cast<unsigned char>(w[0]);
      if (w0 < 0x80 && (static_cast<unsigned char>(t_[t.b]) | 0x20) != w0)
        return false;
      if (!is_folded[k]) {
        folded[k] = fold_small(tok_text(t_, t), buf[k]);
        is_folded[k] = true;
      }
      return folded[k] == w;
    };
    for (uint8_t ki : *cands) {
      const Words& w = kWords[ki];
      if (w.size == 0) continue;
      size_t end = first.e;
      bool ok = true;
      for (size_t k = 1; k < w.size; ++k) {
        if (!word_is(static_cast<int>(k - 1), w.w[k])) {
          ok = false;
          break;
        }
        end = next[k - 1].e;
      }
      if (!ok) continue;
      if (!best.kw || end > best.end) {
        best.kw = &all[ki];
        best.end = end;
        best_extra = w.size - 1;
      }
    }
    if (!best.kw) return best;
    // Capitals: the first word decides Title case, all words UPPER case.
    const size_t extra = best_extra;
    bool upper = whole ? whole->all_upper
                       : !is_lower_ascii(t_[first.b]) &&
                             first.e - first.b > 1 && tok_all_upper(t_, first);
    for (size_t k = 0; upper && k < extra; ++k)
      upper = !is_lower_ascii(t_[next[k].b]) && tok_all_upper(t_, next[k]);
    best.upper = upper;
    best.initial_upper =
        whole ? whole->initial_upper : tok_upper_initial(t_, first);
    return best;
  }

  bool keyword_at(size_t pos) const {
    if (pos + 1 >= t_.size()) return false;
    const auto b = (static_cast<unsigned char>(t_[pos]) << 8) |
                   static_cast<unsigned char>(t_[pos + 1]);
    if (!keyword_prefilter().test(b)) return false;
    KwMatch m = match_keyword(pos);
    return m.kw && m.kw->cls != KeywordClass::kUnit;
  }

  // ---- header -----------------------------------------------------------

  void detect_header() {
    const size_t limit = std::min(t_.size(), size_t{3000});
    size_t from = 0, b = 0, e = 0;
    while (from < limit && find_number_label(t_, from, limit, &b, &e)) {
      from = e;
      if (b > 0 && is_word_cp(cp_before(t_, b))) continue;
      // The header comes before the legal bases and the body.
      if (t_.substr(0, b).find("Căn cứ") != std::string_view::npos ||
          t_.substr(0, b).find("\nĐiều 1.") != std::string_view::npos)
        break;
      if (auto n = parse_number(t_, e)) {
        own_number_ = n->canonical;
        header_end_ = n->end;
        break;
      }
    }
    if (own_number_.empty() && doc_.metadata.number)
      own_number_ = *doc_.metadata.number;
    // The document's own title in capitals: "LUẬT TỔ CHỨC CHÍNH QUYỀN ...".
    const std::bitset<65536>& pre = keyword_prefilter();
    // Only the all-capital spelling of a named type's first word (BỘ, LUẬT,
    // PHÁP, HIẾN) can pass the tests below: visit the B, L, P and H in
    // order, each letter's next one found by memchr.
    static constexpr char kTitleFirst[4] = {'B', 'L', 'P', 'H'};
    size_t next_at[4] = {0, 0, 0, 0};
    bool have_next[4] = {false, false, false, false};
    auto next_title_letter = [&](size_t from) {
      size_t best = limit;
      for (int k = 0; k < 4; ++k) {
        if (!have_next[k] || next_at[k] < from) {
          const void* hit =
              from < limit
                  ? std::memchr(t_.data() + from, kTitleFirst[k], limit - from)
                  : nullptr;
          next_at[k] = hit ? static_cast<size_t>(static_cast<const char*>(hit) -
                                                 t_.data())
                           : limit;
          have_next[k] = true;
        }
        best = std::min(best, next_at[k]);
      }
      return best;
    };
    for (size_t i = next_title_letter(0); i + 1 < limit;
         i = next_title_letter(i + 1)) {
      const char c0 = t_[i];
      const char c1 = t_[i + 1];
      if (c1 >= 'a' && c1 <= 'z') continue;
      const auto key = (static_cast<unsigned char>(c0) << 8) |
                       static_cast<unsigned char>(c1);
      if (!pre.test(key)) continue;
      if (i > 0 && is_word_cp(cp_before(t_, i))) continue;
      KwMatch km = match_keyword(i);
      if (!km.kw || !km.upper || km.kw->cls != KeywordClass::kNamed) continue;
      // A decree "QUY ĐỊNH CHI TIẾT ... CỦA LUẬT BẢO VỆ MÔI TRƯỜNG" names
      // the law it details, not itself: the title is the document's own
      // only for a document of that type.
      if (doc_.metadata.type && *doc_.metadata.type != km.kw->type) continue;
      Token prev = prev_token(i);
      char pb[64];
      if (prev.word && fold_small(tok_text(t_, prev), pb) == "pháp") continue;
      size_t p = km.end, name_b = kNpos, name_e = kNpos;
      for (;;) {
        Token t = tok(p);
        if (!t.valid() || t.line_break) break;
        if (t.word && !tok_all_upper(t_, t) && !tok_all_digits(t_, t)) break;
        if (!t.word && t_[t.b] != ',' && t_[t.b] != '/' && t_[t.b] != '-')
          break;
        if (name_b == kNpos) name_b = t.b;
        name_e = t.e;
        p = t.e;
      }
      if (name_b == kNpos) continue;
      own_type_ = km.kw->type;
      own_name_key_ = loose_key(t_.substr(name_b, name_e - name_b));
      break;
    }
  }

  // The token next_token reads at `from`. A citation's words are read
  // again and again (a look-ahead, then the word itself; a type word by
  // each rule that asks what follows it): the last tokens read are kept,
  // by position.
  struct TokenSlot {
    size_t from = kNpos;
    Token t;
  };
  mutable std::array<TokenSlot, 32> token_memo_{};
  __attribute__((always_inline)) Token tok(size_t from) const {
    TokenSlot& s = token_memo_[from & 31];
    if (s.from != from) {
      s.from = from;
      s.t = next_token(t_, from);
    }
    return s.t;
  }

  // The last byte of the token prev_token(pos) reads, or -1: a word asked
  // about there ends in its own bytes (an ASCII letter folds from that
  // letter in either case only), so most tokens need not be read.
  int byte_before_token(size_t pos) const {
    size_t k = pos;
    while (k > 0) {
      const char c = t_[k - 1];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*') {
        --k;
      } else if (k >= 2 && t_[k - 2] == '\xC2' && c == '\xA0') {
        k -= 2;
      } else {
        break;
      }
    }
    return k == 0 ? -1 : static_cast<unsigned char>(t_[k - 1]);
  }

  Token prev_token(size_t pos) const {
    // The word or character ending just before `pos` (blanks skipped).
    size_t k = pos;
    while (k > 0) {
      char c = t_[k - 1];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*') {
        --k;
        continue;
      }
      if (k >= 2 && t_[k - 2] == '\xC2' && t_[k - 1] == '\xA0') {
        k -= 2;
        continue;
      }
      break;
    }
    Token t;
    if (k == 0) return t;
    size_t e = k, b = k;
    char32_t c = cp_before(t_, b);
    if (!is_word_cp(c)) {
      while (b > 0 && (static_cast<unsigned char>(t_[b - 1]) & 0xC0) == 0x80)
        --b;
      if (b > 0) --b;
      t.b = b;
      t.e = e;
      return t;
    }
    while (b > 0) {
      // ASCII letters and digits are word characters, other ASCII is not.
      const auto a = static_cast<unsigned char>(t_[b - 1]);
      if (a < 0x80) {
        if (!((a >= '0' && a <= '9') ||
              ((a | 0x20) >= 'a' && (a | 0x20) <= 'z')))
          break;
        --b;
        continue;
      }
      c = cp_before(t_, b);
      if (!is_word_cp(c)) break;
      size_t k2 = b - 1;
      while (k2 > 0 && (static_cast<unsigned char>(t_[k2]) & 0xC0) == 0x80)
        --k2;
      b = k2;
    }
    t.b = b;
    t.e = e;
    t.word = true;
    return t;
  }

  // ---- scanning ---------------------------------------------------------

  // Lead bytes of UTF-8 sequences that are never letters: U+0080-U+00BF
  // (NBSP, «, ») and the punctuation/symbol blocks U+2000-U+3FFF, U+F000+.
  static bool nonword_lead(unsigned char b) {
    return b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF || b >= 0xF0;
  }
  static bool ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  static size_t seq_len(unsigned char b) {
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }

  // Byte classes for the scan: 0 ends a word (ASCII punctuation, blanks and
  // the lead bytes of non-letter blocks), 1 is part of a word.
  static const std::array<uint8_t, 256>& byte_class() {
    static const std::array<uint8_t, 256> kClass = [] {
      std::array<uint8_t, 256> c{};
      for (int b = 0; b < 256; ++b) {
        const auto u = static_cast<unsigned char>(b);
        c[b] = u < 0x80 ? (ascii_alnum(u) ? 1 : 0) : (nonword_lead(u) ? 0 : 1);
      }
      return c;
    }();
    return kClass;
  }

  const FirstWordIndex& index_ = first_word_index();

  // What the scan does at the word start `i` whose word ends at
  // word_end(): parses a citation there, returning where the scan goes on,
  // or returns `i` when none starts there.
  template <typename WordEnd>
  size_t visit_word(size_t i, WordEnd word_end) {
    const auto* s = reinterpret_cast<const unsigned char*>(t_.data());
    const unsigned char c = s[i];
    if (i + 1 >= t_.size()) return i;
    if (c >= '0' && c <= '9')
      return number_separator_at(t_, i) == kNpos ? i : try_bare_number(i);
    // The prefix test first: its tables are small, the index is not.
    if (i + 4 <= t_.size() && !index_.may_start(s + i)) return i;
    if (const uint32_t r =
            index_.range[(static_cast<size_t>(c) << 8) | s[i + 1]]) {
      const size_t we = word_end();
      if (we - i >= (r >> 24))
        if (const FirstWordVariant* v =
                keyword_variant_in_word(index_, r, t_, i, we - i)) {
          // match_keyword's first test, made before the call for the many
          // words that are no keyword's first word ("công tác", "pháp
          // luật"); its first token ends at `we` when the variant fills
          // the scanner's word.
          const bool whole = v->len == we - i;
          if (v->needs_second && whole && !second_word_may_open(*v, we))
            return i;
          if (v->small_unit != Unit::kNone && whole &&
              !small_unit_item_may_follow(v->small_unit, we))
            return i;
          return try_keyword(i, v->keywords, whole ? v : nullptr);
        }
    }
    return i;
  }

  // False when the word after `e` (blanks as next_token skips them) cannot
  // be the second word of any of `v`'s keywords: the text ends, or it
  // starts with an ASCII byte none of them does.
  bool second_word_may_open(const FirstWordVariant& v, size_t e) const {
    size_t q = e;
    for (;;) {
      if (q < t_.size() && (t_[q] == ' ' || t_[q] == '\t' || t_[q] == '\r' ||
                            t_[q] == '*' || t_[q] == '\n'))
        ++q;
      else if (q + 1 < t_.size() && t_[q] == '\xC2' && t_[q + 1] == '\xA0')
        q += 2;
      else
        break;
    }
    if (q >= t_.size()) return false;
    const auto c = static_cast<unsigned char>(t_[q]);
    if (!v.second_may_start(c)) return false;
    // The text is a std::string: t_[q + 1] is its NUL at the end.
    return c >= 0x80 || v.second_pair_may_start(
                            c, static_cast<unsigned char>(t_.data()[q + 1]));
  }

  // False when a unit word in small letters ending at `e` cannot be
  // followed by an item of its unit or "này" (try_keyword's first tests,
  // item_ahead then item_ok, on the byte that starts the next token): "điều
  // kiện", "mục tiêu", "chương trình" are no pinpoints.
  bool small_unit_item_may_follow(Unit u, size_t e) const {
    size_t k = e;
    while (k < t_.size() && (t_[k] == ' ' || t_[k] == '\t')) ++k;
    if (k >= t_.size()) return false;
    const auto c = static_cast<unsigned char>(t_[k]);
    const bool digit = c >= '0' && c <= '9';
    switch (u) {
      case Unit::kArticle:
      case Unit::kClause:
        return digit || c == 'n';
      case Unit::kSection:
        return digit;
      case Unit::kPoint:
        return (c >= 'a' && c <= 'y') || c == 0xC4;
      case Unit::kChapter:
      case Unit::kPart:
        return digit || c == 'I' || c == 'V' || c == 'X';
      case Unit::kNone:
        break;
    }
    return true;
  }

  // The end of the word starting at `i` (continuation bytes count as word
  // bytes). The text is a std::string: its terminating NUL ends the last
  // word.
  static size_t word_end(const std::array<uint8_t, 256>& cls,
                         const unsigned char* s, size_t i) {
    size_t we = i + 1;
    while (cls[s[we]]) ++we;
    return we;
  }

  // Visits word starts only; a word start is tested against the first
  // bytes and the exact first words of the keywords before any parsing.
  void scan() {
    const std::array<uint8_t, 256>& cls = byte_class();
    const auto* s = reinterpret_cast<const unsigned char*>(t_.data());
    const size_t n = t_.size();
    const CitationStartFinder& finder = start_finder();
    if (!finder.vectorized() || !internal::is_valid_utf8(t_)) {
      // Byte by byte: the finder relies on well-formed sequences.
      size_t i = 0;
      while (i < n) {
        const unsigned char c = s[i];
        if (!cls[c] || (c >= 0x80 && c < 0xC0)) {
          i += c < 0x80 ? 1 : seq_len(c);
          continue;
        }
        const size_t we = word_end(cls, s, i);
        const size_t next = visit_word(i, [we] { return we; });
        i = next > i ? next : we;
      }
      return;
    }
    // In well-formed text a word is a run of characters whose lead bytes
    // are word bytes, so the word starts after the first are the word
    // bytes that follow a character that is not one: the finder marks
    // those that may open a citation, and where words end. A parse may
    // end inside a word: the scan goes on from there as from a word start.
    const size_t words = (n + 63) / 64;
    std::vector<uint64_t>& marks = scan_marks();
    // Grown only: mark() writes every word it is given.
    if (marks.size() < 2 * words + 1) marks.resize(2 * words + 1);
    uint64_t* const starts = marks.data();
    uint64_t* const ends = starts + words;
    finder.mark(s, n, starts, ends);
    ends[words] = 1;  // a break past the end (the terminating NUL)
    // The first marked bit at or after `from` (`limit` words to search).
    auto next_bit = [](const uint64_t* bits, size_t limit, size_t from) {
      size_t w = from / 64;
      if (w >= limit) return limit * 64;
      uint64_t m = bits[w] & (~uint64_t{0} << (from % 64));
      while (!m) {
        if (++w >= limit) return limit * 64;
        m = bits[w];
      }
      return w * 64 + static_cast<size_t>(__builtin_ctzll(m));
    };
    size_t i = 0;  // examined as a word start whatever comes before it
    for (;;) {
      while (i < n && (s[i] & 0xC0) == 0x80) ++i;
      if (i >= n) return;
      size_t from = i + 1;
      if (cls[s[i]]) {
        const size_t we = std::min(n, next_bit(ends, words + 1, i + 1));
        const size_t next = visit_word(i, [we] { return we; });
        if (next > i) {
          i = next;
          continue;
        }
        from = we + 1;
      }
      // The hits are taken off the current word of `starts` one by one:
      // no start lies inside a word (each follows a break), so the hit
      // after a word that opens nothing is the next bit whatever the
      // word's end.
      size_t w = from / 64;
      if (w >= words) return;
      uint64_t m = starts[w] & (~uint64_t{0} << (from % 64));
      for (;;) {
        while (!m) {
          if (++w >= words) return;
          m = starts[w];
        }
        const size_t p = w * 64 + static_cast<size_t>(__builtin_ctzll(m));
        m &= m - 1;
        if (p >= n) return;
        const size_t next = visit_word(
            p, [&] { return std::min(n, next_bit(ends, words + 1, p + 1)); });
        if (next > p) {
          i = next;
          break;
        }
      }
    }
  }

  static std::vector<uint64_t>& scan_marks() {
    thread_local std::vector<uint64_t> marks;
    return marks;
  }

  static const CitationStartFinder& start_finder() {
    static const CitationStartFinder kFinder = [] {
      const FirstWordIndex& idx = first_word_index();
      std::array<bool, 256> first{}, second{}, third{}, fourth{}, third_short{},
          breaks{};
      for (const FirstWordVariant& v : idx.variants) {
        const auto* b = reinterpret_cast<const unsigned char*>(v.bytes);
        first[b[0]] = true;
        second[b[1]] = true;
        if (v.len >= 4) {
          third[b[2]] = true;
          fourth[b[3]] = true;
        } else if (v.len == 3) {
          third_short[b[2]] = true;
        } else {
          third_short.fill(true);  // any byte may follow a two-byte variant
        }
      }
      const std::array<uint8_t, 256>& cls = byte_class();
      for (int b = 0; b < 256; ++b) breaks[b] = !cls[b];
      std::vector<std::string_view> words;
      for (const FirstWordVariant& v : idx.variants)
        words.emplace_back(v.bytes, v.len);
      return CitationStartFinder(first, second, third, fourth, third_short,
                                 breaks, words);
    }();
    return kFinder;
  }

  // Cheap look-ahead: a digit before the end of the clause. Documents of
  // these types are only cited with a number (the names are common nouns).
  bool digit_ahead(size_t pos, size_t limit) const {
    const size_t end = std::min(t_.size(), pos + limit);
    const char* const base = t_.data();
    for (size_t k = pos; k < end; ++k) {
      k = static_cast<size_t>(find_digit_or_break(base + k, base + end) - base);
      if (k >= end) break;
      const char c = t_[k];
      if (c >= '0' && c <= '9') {
        // A number has a separator after its digits ("61/2018", "08-NQ").
        size_t j = k;
        while (j < t_.size() && is_digit(t_[j])) ++j;
        if (j < t_.size() && t_[j] >= 'a' && t_[j] <= 'z') ++j;
        while (j < t_.size() && (t_[j] == ' ' || t_[j] == '\t')) ++j;
        if (j < t_.size() && (t_[j] == '/' || t_[j] == '-' || t_[j] == '\xE2'))
          return true;
        k = j;
        continue;
      }
      if (c == ';' || (c == '\n' && k + 1 < end && t_[k + 1] == '\n'))
        return false;
    }
    return false;
  }

  // The token after a document type word with no number ahead may still
  // make a citation of it: "Nghị định này", "Thông tư nêu trên", "Nghị
  // quyết Trung ương 4", a number ("Nghị định 61/...") or a capital T.
  bool cited_without_number(size_t end) const {
    static constexpr std::string_view kWords[] = {
        "này", "nêu", "trên", "đã", "nói", "dẫn", "hội", "đại", "trung", "số"};
    static const WordSet kSet(std::begin(kWords), std::end(kWords));
    // A token folds to as many bytes as it has when it folds to one of the
    // words (see match_keyword): tokens of other lengths are not folded.
    static const auto kLengths = [] {
      std::array<bool, 64> l{};
      for (std::string_view w : kWords) l[w.size()] = true;
      return l;
    }();
    // The words' first letters: an ASCII byte folds only to its small
    // letter, and nothing else folds to ASCII.
    static const auto kFirst = [] {
      std::array<bool, 128> f{};
      for (std::string_view w : kWords)
        if (static_cast<unsigned char>(w[0]) < 0x80) f[w[0]] = true;
      return f;
    }();
    const Token t = tok(end);
    if (t.word && (is_digit(t_[t.b]) || t_[t.b] == 'T')) return true;
    const size_t len = t.e - t.b;
    if (len >= kLengths.size() || !kLengths[len]) return false;
    const auto c0 = static_cast<unsigned char>(t_[t.b]);
    if (c0 < 0x80 && !kFirst[c0 | 0x20]) return false;
    char wb[64];
    return kSet.contains(fold_small(tok_text(t_, t), wb));
  }

  // The unit word is followed by something that can be an item number.
  bool item_ahead(size_t pos) const {
    size_t k = pos;
    while (k < t_.size() && (t_[k] == ' ' || t_[k] == '\t')) ++k;
    if (k >= t_.size()) return false;
    const unsigned char c = static_cast<unsigned char>(t_[k]);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'y') || c == 'I' ||
           c == 'V' || c == 'X' || c == 0xC4 /* đ */ || c == 0x6E /* này */;
  }

  // "Danh mục 1" (list 1 of an annex): "mục" after "Danh" is a word of
  // its own, no section of an act.
  bool after_danh(size_t pos) const {
    size_t k = pos;
    while (k > 0 && (t_[k - 1] == ' ' || t_[k - 1] == '\t')) --k;
    if (k == pos || k < 4) return false;
    const std::string_view w = t_.substr(k - 4, 4);
    if (w != "Danh" && w != "danh" && w != "DANH") return false;
    return k == 4 || !is_word_cp(cp_before(t_, k - 4));
  }

  // Kept out of line: inlined into scan() it crowds the registers of the
  // loop that visits every word.
  __attribute__((noinline)) size_t try_keyword(
      size_t pos, const std::vector<uint8_t>* cands,
      const FirstWordVariant* whole) {
    KwMatch km = match_keyword(pos, cands, whole);
    if (!km.kw) return pos;
    if (km.kw->cls == KeywordClass::kUnit && !item_ahead(km.end)) return km.end;
    if (km.kw->cls == KeywordClass::kUnit && km.kw->unit == Unit::kSection &&
        !km.initial_upper && after_danh(pos))
      return km.end;
    if (km.kw->cls == KeywordClass::kUnit && !km.initial_upper) {
      // "điều kiện", "mục tiêu": in lower case no heading can start here,
      // and parse_units gives up when no item follows (parse_items' first
      // test, made here before anything else).
      const Unit u = km.kw->unit;
      Token t = tok(km.end);
      if (!t.word || t.blank_line) return km.end;
      const bool self =
          (u == Unit::kArticle || u == Unit::kClause || u == Unit::kPoint) &&
          tok_is(t_, t, "này");
      if (!self && !item_ok(u, tok_text(t_, t))) return km.end;
    }
    if (km.kw->cls == KeywordClass::kDocument && !digit_ahead(km.end, 160) &&
        km.kw->type != kStrategy && !is_treaty_type(km.kw->type) &&
        !cited_without_number(km.end))
      return km.end;
    switch (km.kw->cls) {
      case KeywordClass::kUnit:
        return parse_units(pos, km);
      case KeywordClass::kStandard:
        return parse_standard(pos, km);
      case KeywordClass::kNamed:
      case KeywordClass::kDocument:
        return parse_citation(pos, km, nullptr);
    }
    return pos;
  }

  Reference& emit(Reference&& r, size_t b, size_t e, bool new_name = false) {
    refs_.push_back(std::move(r));
    return emit_last(b, e, new_name);
  }

  // A reference is built in place at the end of refs_ (moving a finished
  // one costs as much as its sixteen strings): the caller fills it, then
  // emits it with emit_last or drops it with refs_.pop_back(). Nothing
  // between reads refs_.
  Reference& start_reference() { return refs_.emplace_back(); }

  Reference& emit_last(size_t b, size_t e, bool new_name = false) {
    return emit_at(refs_.size() - 1, b, e, new_name);
  }

  // Emits refs_[i], built in place, after the references before it have
  // been emitted (the back-reference state is kept per reference, in
  // order).
  Reference& emit_at(size_t i, size_t b, size_t e, bool new_name = false) {
    Reference& r = refs_[i];
    if (new_name && !r.name.empty() && r.kind != ReferenceKind::kParty) {
      // A name cited again with its type is in the set already: the set
      // is asked only the first time.
      NameInfo& info = name_info(r.name);
      if (std::find(info.known_as.begin(), info.known_as.end(), r.doc_type) ==
          info.known_as.end()) {
        info.known_as.push_back(r.doc_type);
        if (known_name_set_.insert(r.doc_type + "|" + info.key).second)
          known_names_.emplace_back(r.doc_type, info.key);
      }
    }
    r.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    back_number_.emplace_back();
    back_pending_.push_back(0);
    return r;
  }

  void fill_number(Reference& r, const NumberParts& n) {
    // "15/2018/NĐ- 1 AVỨCP": a symbol that stops at a hyphen, what follows
    // not its rest (a scan's margin noise, a line cut): the number is cut
    // short.
    if (n.end < t_.size() && t_[n.end] == '-' &&
        (n.end + 1 == t_.size() || t_[n.end + 1] == ' ' ||
         t_[n.end + 1] == '\n' || t_[n.end + 1] == '\t'))
      cut_numbers_.insert(n.canonical);
    r.number = n.canonical;
    r.issuer_code = n.issuer_code;
    if (n.typed_code) r.type_code = n.type_code;
    if (n.year) r.year = n.year;
    if (n.party) r.kind = ReferenceKind::kParty;
  }

  std::string type_from_number(const NumberParts& n) const {
    std::string_view t = type_for_code(n.type_code, n.party);
    if (!t.empty()) return std::string(t);
    if (!n.has_year && n.segments >= 2 && !n.typed_code) return "Công văn";
    return {};
  }

  bool is_back_phrase(size_t pos, size_t* end) const {
    Token a = tok(pos);
    if (!a.word || a.line_break || a.e - a.b > 6) return false;
    char wb[64], wb2[64];
    const std::string_view w = fold_small(tok_text(t_, a), wb);
    if (w != "nêu" && w != "nói" && w != "dẫn" && w != "kể" && w != "đã" &&
        w != "trên")
      return false;
    Token b = tok(a.e);
    const std::string_view w2 =
        b.word ? fold_small(tok_text(t_, b), wb2) : std::string_view();
    if ((w == "nêu" || w == "nói" || w == "dẫn" || w == "kể") && w2 == "trên") {
      *end = b.e;
      return true;
    }
    if (w == "đã" && w2 == "nêu") {
      *end = b.e;
      return true;
    }
    if (w == "trên" && (w2 == "đây" || !b.word)) {
      *end = w2 == "đây" ? b.e : a.e;
      return true;
    }
    return false;
  }

  // Date, issuer and title that follow a number or a name. Returns the end
  // of the citation proper (the title is recorded but not spanned, so that
  // documents named inside it are found too).
  size_t parse_tail(Reference& r, size_t pos) {
    size_t end = pos;
    for (int round = 0; round < 4; ++round) {
      Token t = tok(end);
      if (!t.valid() || t.blank_line) break;
      size_t after = t.e;
      if (!t.word && (t_[t.b] == ',')) {
        t = tok(t.e);
        after = t.e;
      }
      if (!t.word) break;
      char wb[64];
      std::string_view w = fold_small(tok_text(t_, t), wb);
      if (w == "ban") {
        Token h = tok(t.e);
        if (!tok_is(t_, h, "hành")) break;
        t = tok(h.e);
        if (!tok_is(t_, t, "ngày")) break;
        w = "ngày";
        after = t.e;
      }
      if (w == "ngày" && r.date.empty()) {
        Token d = tok(after);
        if (auto dp = parse_date(t_, d.b)) {
          r.date = dp->iso;
          if (!r.year) r.year = dp->year;
          end = dp->end;
          continue;
        }
        break;
      }
      if (w == "của" && r.issuer.empty()) {
        size_t e = parse_issuer(r, after);
        if (e == kNpos) break;
        end = e;
        continue;
      }
      break;
    }
    parse_title(r, end);
    return end;
  }

  size_t parse_issuer(Reference& r, size_t pos) {
    // Names of ministries and central bodies hold the words that end other
    // issuers ("và", "Kế hoạch", a comma, "triển"): read whole.
    {
      const Token first = tok(pos);
      if (first.word) {
        size_t at = first.b;
        if (tok_is(t_, first, "bộ") && tok_is(t_, tok(first.e), "trưởng"))
          at = tok(tok(first.e).e).b;
        if (const size_t n = central_body_length(at)) {
          r.issuer = std::string(t_.substr(first.b, at + n - first.b));
          return at + n;
        }
      }
    }
    size_t p = pos, b = kNpos, e = kNpos;
    int words = 0;
    bool dash = false;
    for (;;) {
      Token t = tok(p);
      if (!t.valid() || t.blank_line) break;
      // An issuer ends with its line: "... CỦA BỘ TRƯỞNG BỘ CÔNG AN" /
      // "Điều 1. ...".
      if (t.line_break && b != kNpos) break;
      if (!t.word) {
        char c = t_[t.b];
        if ((c == '-' || tok_text(t_, t) == "–") && b != kNpos && !dash) {
          dash = true;
          p = t.e;
          continue;
        }
        break;
      }
      const bool up = tok_upper_initial(t_, t);
      char wbuf[64];
      const std::string_view w = fold_small(tok_text(t_, t), wbuf);
      if (b == kNpos && !up) return kNpos;
      // "... của Chính phủ Ban hành Chương trình ...": the verb, in any case.
      if (b != kNpos && w == "ban" && tok_is(t_, tok(t.e), "hành")) break;
      // The Government, the Assembly and the Party's bodies are named whole
      // by their two or three words (and a term, "Quốc hội khoá X"): what
      // follows in small letters is the sentence ("... của Chính phủ xong
      // trước ngày ...").
      if (b != kNpos && !up && w != "khóa" && w != "khoá" &&
          whole_national_body(t_.substr(b, e - b)))
        break;
      // In a title in capitals every word starts with one: the words that
      // end an issuer end it there too ("... CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ
      // VIỆC ...").
      const bool caps_stop = up && b != kNpos && tok_all_upper(t_, t) &&
                             w != "và" && w != "ban" && is_issuer_stop(w);
      if (caps_stop) break;
      if (!up && is_issuer_stop(w)) {
        if (w == "ban" && !tok_is(t_, tok(t.e), "hành")) {
          if (b == kNpos) b = t.b;
          e = t.e;
          p = t.e;
          continue;
        }
        if (w == "và") {
          Token n = tok(t.e);
          if (n.word && tok_upper_initial(t_, n) && !keyword_at(n.b)) {
            p = t.e;
            continue;
          }
        }
        break;
      }
      if (up && b != kNpos && keyword_at(t.b)) break;
      if (tok_all_digits(t_, t)) break;
      if (b == kNpos) b = t.b;
      e = t.e;
      p = t.e;
      dash = false;
      if (++words >= 14) break;
    }
    if (b == kNpos) return kNpos;
    r.issuer = std::string(t_.substr(b, e - b));
    return e;
  }

  static bool whole_national_body(std::string_view issuer) {
    static constexpr std::string_view kBodies[] = {
        "chính phủ",    "quốc hội",   "thủ tướng chính phủ",
        "bộ chính trị", "ban bí thư", "chủ tịch nước"};
    for (std::string_view body : kBodies)
      if (eq_fold(issuer, body)) return true;
    return false;
  }

  // Length of the name of a ministry or central body starting at `at`
  // (any case, one space between words), or 0.
  size_t central_body_length(size_t at) const {
    static constexpr std::string_view kBodies[] = {
        "bộ nông nghiệp và phát triển nông thôn",
        "bộ nông nghiệp và môi trường",
        "bộ kế hoạch và đầu tư",
        "bộ văn hóa, thể thao và du lịch",
        "bộ văn hoá, thể thao và du lịch",
        "bộ lao động - thương binh và xã hội",
        "bộ lao động – thương binh và xã hội",
        "bộ tài nguyên và môi trường",
        "bộ thông tin và truyền thông",
        "bộ khoa học và công nghệ",
        "bộ giáo dục và đào tạo",
        "bộ dân tộc và tôn giáo",
        "bộ giao thông vận tải",
        "ngân hàng nhà nước việt nam",
        "ủy ban thường vụ quốc hội",
        "uỷ ban thường vụ quốc hội",
    };
    if (at >= t_.size()) return 0;
    const auto c0 = static_cast<unsigned char>(t_[at]);
    if (c0 != 'B' && c0 != 'b' && c0 != 'N' && c0 != 'n' && c0 != 0xE1 &&
        c0 != 0xC5)
      return 0;
    for (std::string_view name : kBodies) {
      if (at + name.size() > t_.size()) continue;
      // A name ending in an ASCII letter needs that letter, in either
      // case, at its last byte: most of the names starting with "bộ" fail
      // there before any decoding.
      const char last = name.back();
      if (last >= 'a' && last <= 'z' &&
          (t_[at + name.size() - 1] | 0x20) != last)
        continue;
      // Capitals and small letters take the same bytes in these names;
      // compared in place.
      if (!eq_fold(t_.substr(at, name.size()), name)) continue;
      const size_t end = at + name.size();
      if (end < t_.size()) {
        const auto next = static_cast<unsigned char>(t_[end]);
        if ((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
            next >= 0x80)
          continue;  // a longer word
      }
      return name.size();
    }
    return 0;
  }

  // "Nghị quyết số 07/2012/NQ-HĐND ... quy định mức thu ... và Nghị quyết
  // số 08/2014/NQ-HĐND ...": after "và" or a comma, a citation by number of
  // the same type as `r` is the next item of a list, not part of r's title.
  // One of another type may be (a circular "hướng dẫn Nghị định số ...").
  bool lists_same_type(const Reference& r, const Token& x) const {
    if (!(x.word ? tok_is(t_, x, "và") : t_[x.b] == ',')) return false;
    const Token k = tok(x.e);
    if (!k.word || !keyword_at(k.b)) return false;
    const KwMatch m = match_keyword(k.b);
    if (!m.kw || !m.initial_upper || r.doc_type != m.kw->type) return false;
    const Token n = tok(m.end);
    return tok_is(t_, n, "số") || (n.word && is_digit(t_[n.b]));
  }

  void parse_title(Reference& r, size_t pos) {
    Token t = tok(pos);
    if (!t.word || t.blank_line) return;
    char wb[64];
    const std::string_view w = fold_small(tok_text(t_, t), wb);
    size_t b = kNpos;
    if (w == "về") {
      Token n = tok(t.e);
      b = tok_is(t_, n, "việc") ? tok(n.e).b : n.b;
    } else if (w == "v") {
      Token s = tok(t.e);
      Token v = tok(s.e);
      if (tok_text(t_, s) == "/" && tok_is(t_, v, "v")) b = tok(v.e).b;
    } else if (w == "quy" || w == "hướng" || w == "ban" || w == "phê" ||
               w == "sửa" || w == "bãi" || w == "thí" || w == "thành" ||
               w == "công" || w == "điều") {
      b = t.b;
    }
    if (b == kNpos || b >= t_.size()) return;
    size_t e = b;
    const size_t limit = std::min(t_.size(), b + 600);
    for (size_t p = b; p < limit;) {
      Token x = tok(p);
      if (!x.valid() || x.e > limit) break;
      // A line starting with a capital or a list number ("1. ...") is a
      // new paragraph.
      if (x.line_break && x.b > b) {
        if (x.blank_line || !x.word || tok_upper_initial(t_, x) ||
            tok_all_digits(t_, x))
          break;
      }
      if (!x.word) {
        char c = t_[x.b];
        if (c == ';' || c == '[' || c == ']' || c == '(' || c == ')') break;
        // "... đối với các nội dung sau:" and the list on the next lines.
        if (c == ':' && tok(x.e).line_break) break;
        if (c == '.') {
          Token n = tok(x.e);
          if (!n.valid() || !n.word || tok_upper_initial(t_, n) || n.line_break)
            break;
        }
      }
      if (x.b > b && lists_same_type(r, x)) break;
      e = x.e;
      p = x.e;
    }
    r.title = collapse_spaces(t_.substr(b, e - b));
    // An act named without a number inside the title ("... quy định chi
    // tiết thi hành một số điều của Luật Đất đai") describes the cited act;
    // this document does not cite it there (as in amending laws' names).
    named_suppress_end_ = std::max(named_suppress_end_, e);
  }

  // ---- documents by type word --------------------------------------------

  // Parses the citation whose type word is matched by `km` at `pos`. Returns
  // the end of what was consumed (or `pos` when nothing was found). When
  // `out_index` is given it receives the index of the reference emitted for
  // the cited document, or -1.
  size_t parse_citation(size_t pos, const KwMatch& km, int* out_index) {
    if (out_index) *out_index = -1;
    const Keyword& kw = *km.kw;
    const bool named_type = kw.cls == KeywordClass::kNamed;
    if (named_type && !km.initial_upper) {
      // "luật", "pháp lệnh" in lower case cite something only as "luật
      // này" or with a number ("luật số 35/2018/QH14"): every other path
      // below ends at km.end, so the words before are not read for them.
      const Token t = tok(km.end);
      if (!t.valid() || t.blank_line || !t.word) return km.end;
      char b[64];
      const std::string_view w = fold_small(tok_text(t_, t), b);
      Token x = t;
      if (w == "số" || w == "sổ") {
        x = tok(x.e);
        if (x.valid() && !x.word && t_[x.b] == ':') x = tok(x.e);
      }
      if (!(w == "này" && !t.line_break) && !(x.word && is_digit(t_[x.b])))
        return km.end;
    }
    // The word before is read only when it may be one of those asked
    // about below ("pháp", "án", "thảo", "dựng"): they end in an ASCII
    // letter, which only that letter in either case folds to.
    Token prev;
    char pbuf[64];
    std::string_view prev_w;
    if (const int last = byte_before_token(pos);
        last == 'p' || last == 'P' || last == 'n' || last == 'N' ||
        last == 'o' || last == 'O' || last == 'g' || last == 'G') {
      prev = prev_token(pos);
      if (prev.word) prev_w = fold_small(tok_text(t_, prev), pbuf);
    }
    if (named_type && (prev_w == "pháp")) return km.end;  // pháp luật
    if (prev_w == "án" || prev_w == "thảo") {
      Token pp = prev_token(prev.b);
      char ppb[64];
      const std::string_view ppw =
          pp.word ? fold_small(tok_text(t_, pp), ppb) : std::string_view();
      if (ppw == "dự") return km.end;  // a draft, not a document yet
    }
    if (named_type && prev_w == "dựng" && tok_is(t_, prev_token(prev.b), "xây"))
      return km.end;  // "xây dựng Luật ...": a law still to be drafted
    const bool lower = !km.initial_upper;
    if (named_type && lower && std::string_view(kw.type) == "Luật") {
      // "luật" in running text is the common noun unless a number follows.
    }
    Token t = tok(km.end);
    if (!t.valid() || t.blank_line) return km.end;
    char wb[64];
    const std::string_view w =
        t.word ? fold_small(tok_text(t_, t), wb) : std::string_view();

    // Self: "Nghị quyết này", "Luật này".
    if (w == "này" && !t.line_break) {
      if (lower && !named_type) return t.e;
      Reference r;
      r.kind = ReferenceKind::kSelf;
      r.doc_type = kw.type;
      r.type_code = std::string(code_for_type(kw.type));
      emit(std::move(r), pos, t.e);
      return t.e;
    }
    // Back-references: "Nghị định nêu trên", "Thông tư số 12 nêu trên".
    {
      size_t q = km.end, end = 0;
      std::string short_num;
      if (w == "số") {
        Token d = tok(t.e);
        if (tok_all_digits(t_, d)) {
          short_num = std::string(tok_text(t_, d));
          q = d.e;
        }
      }
      if (!lower && (q != km.end || w != "số") && is_back_phrase(q, &end)) {
        Reference r;
        r.doc_type = kw.type;
        emit(std::move(r), pos, end);
        back_pending_.back() = 1;
        back_number_.back() = short_num;
        return end;
      }
    }
    if (std::string_view(kw.type) == "Nghị quyết") {
      size_t e = parse_party_conference(pos, km.end);
      if (e != kNpos) return e;
    }
    if (std::string_view(kw.type) == "Đề án" && !lower && t.word &&
        tok_all_digits(t_, t) && t.e - t.b >= 2 && t.e - t.b <= 4 &&
        !t.line_break) {
      Token n = tok(t.e);
      if (!n.valid() || n.word || (t_[n.b] != '/' && t_[n.b] != '-')) {
        Reference r;
        r.kind = ReferenceKind::kNamed;
        r.doc_type = kw.type;
        r.name = std::string(t_.substr(pos, t.e - pos));
        emit(std::move(r), pos, t.e);
        last_doc_end_ = t.e;
        last_doc_index_ = static_cast<int>(refs_.size()) - 1;
        if (out_index) *out_index = last_doc_index_;
        return t.e;
      }
    }

    if (is_treaty_type(kw.type)) {
      const size_t e = parse_treaty(pos, km, out_index);
      return e == kNpos ? km.end : e;
    }

    if (kw.type == kStrategy) {
      // Cited by title, which names the strategy's horizon; "chiến lược" in
      // lower case is the common noun, and a title after "phê duyệt" is the
      // subject of the approving decision, not a citation of its own. Named
      // inside a cited act's title ("Thông tư liên tịch số ... hướng dẫn ...
      // thực hiện các nhiệm vụ, dự án theo Chiến lược quốc gia về đa dạng
      // sinh học ..."), it describes that act, as a law named there does.
      const size_t e = lower || km.upper ? kNpos : strategy_title_end(km.end);
      if (e == kNpos || follows_approval(pos) || pos < named_suppress_end_)
        return km.end;
      Reference r;
      r.kind = ReferenceKind::kNamed;
      r.doc_type = kw.type;
      r.name = collapse_spaces(t_.substr(pos, e - pos));
      emit(std::move(r), pos, e, true);
      last_doc_end_ = e;
      last_doc_index_ = static_cast<int>(refs_.size()) - 1;
      if (out_index) *out_index = last_doc_index_;
      return e;
    }

    if (named_type) {
      size_t e = parse_named(pos, km, out_index);
      if (e != kNpos) return e;
      return km.end;
    }

    // Number, directly or after "số" and a few qualifying words
    // ("Báo cáo thẩm tra số", "Nghị định của Chính phủ số").
    size_t p = km.end;
    const int max_words = lower ? 3 : 8;
    int words = 0;
    size_t issuer_at = kNpos;
    size_t begin = pos;
    std::optional<NumberParts> num;
    for (;;) {
      Token x = tok(p);
      if (!x.valid() || x.blank_line) break;
      if (x.word && is_digit(t_[x.b])) {
        num = parse_number(t_, x.b);
        if (!num) num = shared_symbol_list(x.b, kw.type, pos, &begin);
        break;
      }
      if (!x.word) {
        if (t_[x.b] == ':') {
          p = x.e;
          continue;
        }
        break;
      }
      char xbuf[64];
      const std::string_view xw = fold_small(tok_text(t_, x), xbuf);
      if (xw == "số" || xw == "sổ") {
        Token d = tok(x.e);
        if (!d.valid() || d.blank_line) break;
        if (!d.word && t_[d.b] == ':') d = tok(d.e);
        if (d.word && is_digit(t_[d.b])) {
          num = parse_number(t_, d.b);
          if (!num) num = parse_number_without_separator(d.b);
          if (!num) num = shared_symbol_list(d.b, kw.type, pos, &begin);
        }
        break;
      }
      if (keyword_at(x.b)) {
        // "Thông báo kết luận số", "Báo cáo kết quả ...": a lower-case type
        // word right after the type word qualifies it.
        KwMatch q = match_keyword(x.b);
        if (words > 0 || q.initial_upper || !q.kw ||
            q.kw->cls != KeywordClass::kDocument)
          break;
        p = q.end;
        ++words;
        continue;
      }
      if (xw == "của" && issuer_at == kNpos) issuer_at = x.e;
      if (xw == "và" || xw == "hoặc" || xw == "theo" || xw == "tại" ||
          xw == "này" || xw == "về" || xw == "ngày")
        break;
      if (++words > max_words) break;
      p = x.e;
    }
    if (!num) return km.end;
    if (num->canonical.find('/') == std::string::npos && !num->party &&
        num->segments < 1)
      return km.end;
    Reference& r = start_reference();
    r.kind = ReferenceKind::kDocument;
    r.doc_type = kw.type;
    fill_number(r, *num);
    if (std::string_view(kw.type) == "Văn bản") {
      std::string t2 = type_from_number(*num);
      r.doc_type = t2.empty() ? "Công văn" : t2;
    }
    if (r.type_code.empty())
      r.type_code = std::string(code_for_type(r.doc_type));
    if (issuer_at != kNpos) parse_issuer(r, issuer_at);
    size_t end = parse_tail(r, num->end);
    emit_last(begin, end);
    last_doc_end_ = end;
    last_doc_index_ = static_cast<int>(refs_.size()) - 1;
    if (out_index) *out_index = last_doc_index_;
    return end;
  }

  // "số 90TC/TCT", "số 118 TC/TCT": the numbers of the 1990s that put the
  // issuer's letters right after the digits (or after one blank) and a
  // slash before its department's, with no year. Kept as printed, without
  // the blank: no separator is put back after the digits (the letters are
  // the issuer's, not a type code).
  std::optional<NumberParts> parse_issuer_slash_number(size_t pos) const {
    const size_t n = t_.size();
    size_t i = pos;
    while (i < n && is_digit(t_[i])) ++i;
    if (i == pos || i - pos > 4) return std::nullopt;
    const size_t digits_end = i;
    if (i + 1 < n && t_[i] == ' ' && t_[i + 1] >= 'A' && t_[i + 1] <= 'Z') ++i;
    auto capitals = [&](size_t c) {
      while (c < n) {
        if (t_[c] >= 'A' && t_[c] <= 'Z') {
          ++c;
        } else if (c + 1 < n && t_[c] == '\xC4' && t_[c + 1] == '\x90') {
          c += 2;
        } else {
          break;
        }
      }
      return c;
    };
    const size_t c = capitals(i);
    if (c - i < 2 || c - i > 4 || c + 1 >= n || t_[c] != '/')
      return std::nullopt;
    const size_t e = capitals(c + 1);
    if (e - c - 1 < 2) return std::nullopt;
    if (e < n && (is_digit(t_[e]) || (t_[e] >= 'a' && t_[e] <= 'z') ||
                  t_[e] == '/' || t_[e] == '-'))
      return std::nullopt;
    // "08NQ/TW": a Party committee's number, read by the Party rules.
    const std::string_view dept = t_.substr(c + 1, e - c - 1);
    for (std::string_view party :
         {"TW", "TU", "HU", "QU", "TƯ", "\xC4\x90U", "\xC4\x90UK"})
      if (dept == party) return std::nullopt;
    NumberParts num;
    num.canonical = std::string(t_.substr(pos, digits_end - pos)) +
                    std::string(t_.substr(i, e - i));
    num.issuer_code = std::string(t_.substr(i, c - i));
    num.segments = 2;
    num.end = e;
    return num;
  }

  // "số 89NQ-HĐND", "số 33/2015QĐ-TTg": a number printed without the
  // separator before its type code, read with the separator put back. Only
  // after "số", and only when a known type code follows the digits or the
  // year directly.
  // "các Nghị định 87,88,31/CP", "Nghị định số 12, 13/2020/NĐ-CP": numbers
  // sharing the symbol printed once, after the last of them. Emits each
  // number before the last with that symbol (its span runs from the type
  // word for the first), sets *last_begin to the last number's start and
  // returns its parts; nothing when the list does not end in a full number.
  std::optional<NumberParts> shared_symbol_list(size_t q,
                                                const std::string& type,
                                                size_t type_pos,
                                                size_t* last_begin) {
    auto digits_end = [&](size_t k) {
      while (k < t_.size() && is_digit(t_[k])) ++k;
      return k;
    };
    size_t starts[8];
    size_t ends[8];
    int n = 0;
    for (;;) {
      const size_t e = digits_end(q);
      if (e == q || e - q > 4) return std::nullopt;
      if (e < t_.size() && (t_[e] == '/' || t_[e] == '-')) break;
      if (n == 8) return std::nullopt;
      starts[n] = q;
      ends[n++] = e;
      // ", " or " và " between two numbers, on one line.
      size_t k = e;
      while (k < t_.size() && t_[k] == ' ') ++k;
      if (k < t_.size() && t_[k] == ',') {
        ++k;
      } else if (t_.compare(k, 3, "và") == 0 && k > e) {
        k += 3;
        if (k >= t_.size() || t_[k] != ' ') return std::nullopt;
      } else {
        return std::nullopt;
      }
      while (k < t_.size() && t_[k] == ' ') ++k;
      if (k >= t_.size() || !is_digit(t_[k])) return std::nullopt;
      q = k;
    }
    if (n == 0) return std::nullopt;
    std::optional<NumberParts> last = parse_number(t_, q);
    if (!last || last->party) return std::nullopt;
    const size_t slash = last->canonical.find('/');
    if (slash == std::string::npos) return std::nullopt;
    for (int i = 0; i < n; ++i) {
      NumberParts item = *last;
      item.canonical = std::string(t_.substr(starts[i], ends[i] - starts[i]));
      item.canonical += std::string_view(last->canonical).substr(slash);
      item.end = ends[i];
      Reference& r = start_reference();
      r.kind = ReferenceKind::kDocument;
      r.doc_type = type;
      fill_number(r, item);
      if (r.type_code.empty())
        r.type_code = std::string(code_for_type(r.doc_type));
      emit_last(i == 0 ? type_pos : starts[i], ends[i]);
    }
    *last_begin = q;
    return last;
  }

  std::optional<NumberParts> parse_number_without_separator(size_t pos) const {
    if (auto old = parse_issuer_slash_number(pos)) return old;
    const size_t n = t_.size();
    size_t i = pos;
    while (i < n && is_digit(t_[i])) ++i;
    if (i == pos || i - pos > 5) return std::nullopt;
    if (i < n && t_[i] == '/') {
      size_t y = i + 1;
      while (y < n && is_digit(t_[y])) ++y;
      if (y - i - 1 != 4) return std::nullopt;
      i = y;
    }
    size_t c = i;
    while (c < n) {
      if (t_[c] >= 'A' && t_[c] <= 'Z') {
        ++c;
      } else if (c + 1 < n && (t_[c] == '\xC4' || t_[c] == '\xC3') &&
                 t_[c + 1] == '\x90') {
        c += 2;
      } else {
        break;
      }
    }
    if (c == i || c >= n || (t_[c] != '-' && t_[c] != '/')) return std::nullopt;
    std::string code(t_.substr(i, c - i));
    if (code.size() > 1 && code.compare(code.size() - 2, 2, "\xC3\x90") == 0)
      code.replace(code.size() - 2, 2, "\xC4\x90");
    if (type_for_code(code, false).empty()) return std::nullopt;
    std::string fixed(t_.substr(pos, i - pos));
    fixed += '/';
    fixed += t_.substr(i, std::min<size_t>(64, n - i));
    auto num = parse_number(fixed, 0);
    if (!num || num->end <= i - pos + 1) return std::nullopt;
    num->end = pos + num->end - 1;
    return num;
  }

  // "Nghị quyết hội nghị TW6, TW7 (Khóa XII)", "Nghị quyết Trung ương 4",
  // and resolutions named by their congress or plenum (see party_meeting).
  size_t parse_party_conference(size_t start, size_t pos) {
    size_t p = pos;
    Token t = tok(p);
    const bool congress = tok_is(t_, t, "đại");
    if (congress || tok_is(t_, t, "hội")) {
      Token n = tok(t.e);
      if (!tok_is(t_, n, congress ? "hội" : "nghị")) return kNpos;
      int ord = 0, term = 0;
      size_t e = party_meeting(n.e, congress, &ord, &term);
      if (e != kNpos) {
        Reference r;
        r.kind = ReferenceKind::kParty;
        r.doc_type = "Nghị quyết";
        r.type_code = "NQ";
        r.name = std::string(t_.substr(t.b, e - t.b));
        const bool national = national_party_meeting(t.b, e);
        if (national) r.issuer_code = "TW";
        // The same meeting cited again in other words ("Nghị quyết Đại hội
        // toàn quốc lần thứ IX của Đảng", "Nghị quyết Đại hội Đảng lần thứ
        // IX") keeps the first wording as its name.
        const std::string key = std::string(congress ? "c" : "p") +
                                (national ? "n" : "l") + std::to_string(ord) +
                                "/" + std::to_string(term);
        auto [it, fresh] = meeting_names_.emplace(key, r.name);
        if (!fresh) r.name = it->second;
        e = parse_tail(r, e);  // "..., nhiệm kỳ 2015 - 2020 ngày 25 tháng 9"
        emit(std::move(r), start, e);
        return e;
      }
      if (congress) return kNpos;
      p = n.e;
      t = tok(p);
    }
    auto item_at = [&](const Token& x, size_t* end) -> bool {
      if (!x.word) return false;
      std::string_view s = tok_text(t_, x);
      if (s.size() >= 3 && s.substr(0, 2) == "TW" && is_digit(s[2])) {
        *end = x.e;
        return true;
      }
      if (tok_is(t_, x, "trung")) {
        Token u = tok(x.e);
        Token d = tok(u.e);
        if (tok_is(t_, u, "ương") && tok_all_digits(t_, d) && d.e - d.b <= 2) {
          *end = d.e;
          return true;
        }
      }
      return false;
    };
    size_t e = 0;
    if (!item_at(t, &e)) return kNpos;
    size_t item_b = t.b;
    bool first = true;
    size_t last_end = e;
    for (;;) {
      Reference r;
      r.kind = ReferenceKind::kParty;
      r.doc_type = "Nghị quyết";
      r.type_code = "NQ";
      r.issuer_code = "TW";
      r.name = std::string(t_.substr(item_b, e - item_b));
      emit(std::move(r), first ? start : item_b, e);
      first = false;
      last_end = e;
      Token sep = tok(e);
      if (!sep.valid() || sep.line_break) break;
      bool is_sep = (!sep.word && t_[sep.b] == ',') || tok_is(t_, sep, "và");
      if (!is_sep) break;
      Token nx = tok(sep.e);
      if (!item_at(nx, &e)) break;
      item_b = nx.b;
    }
    return last_end;
  }

  // The rest of a Party meeting's name after "Đại hội" (`congress`) or "Hội
  // nghị", on one line: "đại biểu toàn quốc lần thứ XIII của Đảng", "đại
  // biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025", "XIII", "lần thứ 9
  // Ban Chấp hành Trung ương Đảng khoá IX". Its ordinal is what identifies
  // the resolution: without one ("Nghị quyết Đại hội Đảng các cấp") there is
  // none. A plenum is the Party's when the Central or a local Committee is
  // named ("hội nghị lần thứ 3" alone could be any body's). Returns the end,
  // or kNpos.
  // `ord` and `term` receive the meeting's ordinal and the Committee's
  // term ("khoá IX"), 0 when not given.
  size_t party_meeting(size_t pos, bool congress, int* ord, int* term) {
    *ord = *term = 0;
    auto ordinal = [&](const Token& x) {
      if (!x.word || x.line_break) return false;
      return ordinal_value(x) > 0;
    };
    bool committee = false;
    auto note_committee = [&](const Token& x) {
      committee = committee || tok_is(t_, x, "chấp") || tok_is(t_, x, "ương") ||
                  tok_is(t_, x, "ủy") || tok_is(t_, x, "uỷ");
    };
    // Up to the ordinal: "Đại hội XIII", "... lần thứ XIII".
    size_t end = kNpos;
    Token x = tok(pos);
    if (congress && x.word && !x.line_break && is_roman(tok_text(t_, x))) {
      end = x.e;
      *ord = ordinal_value(x);
    } else {
      // Words of a place may be joined by a dash ("Bà Rịa - Vũng Tàu").
      auto dash = [&](const Token& y) {
        return !y.word && y.valid() && !y.line_break &&
               (t_[y.b] == '-' || t_.compare(y.b, 3, "\u2013") == 0);
      };
      for (int k = 0; k < 14 && (x.word || dash(x)) && !x.line_break; ++k) {
        if (tok_is(t_, x, "lần")) {
          Token th = tok(x.e);
          Token o = tok(th.e);
          if (tok_is(t_, th, "thứ") && ordinal(o)) {
            end = o.e;
            *ord = ordinal_value(o);
          }
          break;
        }
        note_committee(x);
        x = tok(x.e);
      }
    }
    if (end == kNpos) return kNpos;
    // What follows the ordinal: the body ("của Đảng", "Ban Chấp hành Trung
    // ương Đảng"), the term ("khóa XII", ", nhiệm kỳ 2020 - 2025").
    auto words = [&](size_t from, std::initializer_list<std::string_view> ws,
                     size_t* out) {
      Token y{};
      y.e = from;
      for (std::string_view w : ws) {
        y = tok(y.e);
        if (y.line_break || !tok_is(t_, y, w)) return false;
      }
      *out = y.e;
      return true;
    };
    size_t e2 = 0;
    if (words(end, {"của", "đảng"}, &e2)) {
      end = e2;
      committee = true;
      // "của Đảng bộ tỉnh", "của Đảng bộ thành phố Hà Nội".
      if (words(end, {"bộ"}, &e2)) {
        static const WordSet kPlace = {"tỉnh", "thành", "phố", "huyện",
                                       "quận", "thị",   "xã"};
        end = e2;
        for (Token y = tok(end); y.word && !y.line_break; y = tok(y.e)) {
          char buf[64];
          if (!tok_upper_initial(t_, y) &&
              !kPlace.contains(fold_small(tok_text(t_, y), buf)))
            break;
          end = y.e;
        }
      }
    }
    if (words(end, {"ban", "chấp", "hành"}, &e2)) {
      end = e2;
      committee = true;
      if (words(end, {"trung", "ương"}, &e2)) end = e2;
      if (words(end, {"đảng"}, &e2)) end = e2;
    }
    for (std::string_view k : {"khóa", "khoá"}) {
      if (!words(end, {k}, &e2)) continue;
      Token o = tok(e2);
      if (ordinal(o)) {
        end = o.e;
        *term = ordinal_value(o);
      }
      break;
    }
    // The term in brackets: "Hội nghị Ban chấp hành Trung ương Đảng lần thứ
    // 8 (khoá VII)".
    if (Token p = tok(end);
        *term == 0 && p.valid() && !p.word && !p.line_break && t_[p.b] == '(')
      for (std::string_view k : {"khóa", "khoá"}) {
        if (!words(p.b + 1, {k}, &e2)) continue;
        const Token o = tok(e2);
        const Token q = tok(o.e);
        if (ordinal(o) && q.valid() && !q.word && t_[q.b] == ')') {
          end = q.b + 1;
          *term = ordinal_value(o);
        }
        break;
      }
    {
      Token c = tok(end);
      size_t from = (!c.word && !c.line_break && t_[c.b] == ',') ? c.e : end;
      Token y1 = {}, y2 = {};
      if (words(from, {"nhiệm", "kỳ"}, &e2) && tok_is_year(t_, y1 = tok(e2))) {
        end = y1.e;
        Token d = tok(y1.e);
        if (!d.word && !d.line_break && tok_is_year(t_, y2 = tok(d.e)))
          end = y2.e;
      }
    }
    if (!congress && !committee) return kNpos;
    return end;
  }

  // The number an ordinal stands for: "9", "IX", "chín" (up to "mười");
  // 0 for anything else.
  int ordinal_value(const Token& x) const {
    const std::string_view s = tok_text(t_, x);
    if (tok_all_digits(t_, x))
      return s.size() <= 2 ? std::atoi(std::string(s).c_str()) : 0;
    if (is_roman(s)) {
      auto v = [](char c) {
        return c == 'I'   ? 1
               : c == 'V' ? 5
               : c == 'X' ? 10
               : c == 'L' ? 50
                          : 100;
      };
      int n = 0;
      for (size_t i = 0; i < s.size(); ++i)
        n += (i + 1 < s.size() && v(s[i]) < v(s[i + 1])) ? -v(s[i]) : v(s[i]);
      return n;
    }
    static constexpr std::string_view kWords[] = {
        "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"};
    char buf[64];
    const std::string_view w = fold_small(s, buf);
    if (w == "bốn") return 4;
    for (size_t i = 0; i < std::size(kWords); ++i)
      if (w == kWords[i]) return static_cast<int>(i) + 1;
    return 0;
  }

  // A meeting of the whole Party or of its Central Committee, not of a
  // provincial organisation ("Đảng bộ tỉnh").
  bool national_party_meeting(size_t b, size_t e) const {
    size_t i = b;
    bool local = false, national = false;
    while (i < e) {
      Token x = tok(i);
      if (!x.valid() || x.b >= e) break;
      if (tok_is(t_, x, "bộ") || tok_is(t_, x, "tỉnh") ||
          tok_is(t_, x, "thành") || tok_is(t_, x, "huyện"))
        local = true;
      if (tok_is(t_, x, "quốc") || tok_is(t_, x, "ương")) national = true;
      i = x.e;
    }
    return national || !local;
  }

  // Documents cited by name: "Luật Tổ chức chính quyền địa phương năm 2015",
  // "Bộ luật Hình sự", "Luật Đất đai số 31/2024/QH15", amending laws whose
  // name lists other laws.
  size_t parse_named(size_t pos, const KwMatch& km, int* out_index) {
    const Keyword& kw = *km.kw;
    Token first = tok(km.end);
    if (!first.valid() || first.blank_line) return kNpos;
    // By number only: "Luật số 35/2018/QH14".
    {
      Token x = first;
      if (x.word && (tok_is(t_, x, "số") || tok_is(t_, x, "sổ"))) {
        x = tok(x.e);
        if (!x.word && t_[x.b] == ':') x = tok(x.e);
      }
      if (x.word && is_digit(t_[x.b])) {
        if (auto n = parse_number(t_, x.b)) {
          Reference& r = start_reference();
          r.doc_type = kw.type;
          fill_number(r, *n);
          size_t end = parse_tail(r, n->end);
          emit_last(pos, end);
          last_doc_end_ = end;
          last_doc_index_ = static_cast<int>(refs_.size()) - 1;
          if (out_index) *out_index = last_doc_index_;
          return end;
        }
      }
    }
    if (!first.word) return kNpos;
    // "luật", "pháp lệnh" in lower case are common nouns ("kỷ luật", "các
    // luật liên quan") unless a number follows.
    if (!km.initial_upper) return kNpos;
    char w0buf[64];
    const std::string_view w0 = fold_small(tok_text(t_, first), w0buf);
    static const WordSet kBadFirst = {
        "và",   "các",   "những", "này", "nêu",  "trên", "số", "đã",
        "được", "về",    "của",   "thì", "hoặc", "cũng", "sẽ", "đó",
        "hiện", "mới",   "hay",   "là",  "có",   "do",   "để", "theo",
        "tại",  "trong", "với",   "khi", "cho",  "nói"};
    // An official title spelled after the type word is a name whatever its
    // case and whatever words it holds.
    // Looked up only where a name would end short of a bound: most names
    // end at a year, a date or a number.
    size_t title_e = kNpos;
    bool title_known = false;
    auto title = [&]() {
      if (!title_known) title_e = title_end(kw.type, first);
      title_known = true;
      return title_e;
    };
    if (!tok_upper_initial(t_, first) && kBadFirst.contains(w0) &&
        title() == kNpos)
      return kNpos;
    if (tok_all_digits(t_, first)) return kNpos;
    const bool amending = w0 == "sửa";
    const bool caps = km.upper;
    const int max_words = amending ? 90 : 25;

    size_t p = km.end, name_b = kNpos, name_e = kNpos, end = kNpos;
    int words = 0, segment_words = 0;
    bool closed = false;
    std::optional<NumberParts> num;
    std::optional<DateParts> date;
    int year = 0;
    bool stop_word = false;     // the name ended at a function word
    bool counted_laws = false;  // "... của 37 luật", "... của các luật"
    int inner_numbers = 0;      // laws listed with a number in an amending name
    size_t inner_end = kNpos;   // where the last one's number ends
    size_t bracket_close = kNpos;  // after the ")" of "(số ...)"
    for (;;) {
      for (;;) {
        Token t = tok(p);
        if (!t.valid() || t.blank_line) break;
        if (t.line_break && name_b != kNpos && !amending &&
            (!t.word || tok_upper_initial(t_, t)))
          break;
        if (!t.word) {
          std::string_view s = tok_text(t_, t);
          if (s == "," && name_b != kNpos) {
            if (amending) {
              p = t.e;
              continue;
            }
            Token n = tok(t.e);
            const int after = short_segment(t.e);
            char nb[64];
            // "..., đồng thời ..." ("at the same time") goes on with the
            // sentence, never with a name.
            const bool connective =
                tok_is(t_, n, "đồng") && tok_is(t_, tok(n.e), "thời");
            if (after > 0 && (after <= 6 || segment_words <= 3) && n.word &&
                !tok_upper_initial(t_, n) && !n.line_break && !connective &&
                !is_name_stop(fold_small(tok_text(t_, n), nb))) {
              p = t.e;
              segment_words = 0;
              continue;
            }
            break;
          }
          if ((s == "-" || s == "–") && name_b != kNpos) {
            Token n = tok(t.e);
            if (n.word && !tok_all_digits(t_, n) && !n.line_break) {
              p = t.e;
              continue;
            }
            break;
          }
          if (s == ":" && name_b != kNpos) {
            Token n = tok(t.e);
            if (tok_is(t_, n, "số")) {
              p = t.e;
              continue;
            }
            break;
          }
          if (s == "(" && name_b != kNpos) {
            Token n = tok(t.e);
            if (!amending && tok_is(t_, n, "số") &&
                pos >= named_suppress_end_ && !after_amending_lead(pos)) {
              // "Luật Thuế thu nhập doanh nghiệp (số 03/1997/QH9 ngày 10
              // tháng 5 năm 1997)": the law's number and date in brackets
              // after its name, the bracket closed after them. Not for a
              // law listed in an amending law's name: there they are the
              // amending law's.
              Token d = tok(n.e);
              if (!d.word && t_[d.b] == ':') d = tok(d.e);
              if (d.word && is_digit(t_[d.b])) {
                if (auto in = parse_number(t_, d.b)) {
                  Reference probe;
                  const Token c = tok(parse_tail(probe, in->end));
                  if (c.valid() && !c.word && t_[c.b] == ')') {
                    num = in;
                    end = in->end;
                    bracket_close = c.e;
                    break;
                  }
                }
              }
            }
            if (tok_is(t_, n, "sửa")) {
              // "(sửa đổi)", "(sửa đổi, bổ sung)" belong to the name.
              size_t close =
                  t_.substr(0, std::min(t_.size(), n.e + 40)).find(')', n.e);
              if (close != kNpos) {
                // Only a number, date or year may follow it.
                p = close + 1;
                closed = true;
                continue;
              }
            }
          }
          break;
        }
        char wbuf[64];
        const std::string_view w = fold_small(tok_text(t_, t), wbuf);
        const bool up = tok_upper_initial(t_, t);
        if (name_b != kNpos) {
          if (w == "năm") {
            Token y = tok(t.e);
            if (tok_is_year(t_, y)) {
              year = std::stoi(std::string(tok_text(t_, y)));
              end = y.e;
              break;
            }
            if (!amending) break;
          }
          if (tok_is_year(t_, t)) {
            year = std::stoi(std::string(tok_text(t_, t)));
            end = t.e;
            break;
          }
          if (w == "ngày") {
            Token d = tok(t.e);
            date = parse_date(t_, d.b);
            if (date) {
              end = date->end;
              break;
            }
            if (!amending) break;
          }
          if ((w == "số" || w == "sổ") && amending) {
            // "... của Luật Đất đai số 31/2024/QH15, ...": the number belongs
            // to a law listed inside the name.
            Token d = tok(t.e);
            if (d.word && is_digit(t_[d.b])) {
              if (auto inner = parse_number(t_, d.b)) {
                name_e = inner->end;
                p = inner->end;
                ++inner_numbers;
                inner_end = inner->end;
                continue;
              }
            }
          }
          if ((w == "số" || w == "sổ") && !amending) {
            Token d = tok(t.e);
            if (!d.word && t_[d.b] == ':') d = tok(d.e);
            if (d.word && is_digit(t_[d.b])) num = parse_number(t_, d.b);
            if (num) {
              end = num->end;
              break;
            }
          }
          if (!up && !amending) {
            Token nx = tok(t.e);
            if (is_name_stop(w) || (w == "quy" && tok_is(t_, nx, "định")) ||
                (w == "ban" && tok_is(t_, nx, "hành")) ||
                (w == "thông" && tok_is(t_, nx, "qua"))) {
              stop_word = true;
              break;
            }
          }
          // "... của 37 luật có liên quan đến quy hoạch": "có liên quan"
          // qualifies the laws amended, inside the title.
          if (!up && amending && is_amending_stop(w) &&
              !(w == "có" && tok_is(t_, next_token(t_, t.e), "liên")))
            break;
          if (amending && w == "luật" && !up) {
            Token pv = prev_token(t.b);
            counted_laws = tok_all_digits(t_, pv) || tok_is(t_, pv, "các");
          }
          if (closed) break;
          if (!amending && w == "và") {
            Token n = tok(t.e);
            char nb[64];
            const std::string_view nw =
                n.word ? fold_small(tok_text(t_, n), nb) : std::string_view();
            // "... và khoản 38 Điều 1 Luật ...": the next pinpoint.
            const bool unit = nw == "khoản" || nw == "điều" || nw == "điểm" ||
                              nw == "chương" || nw == "mục" || nw == "phần";
            if (!n.word || keyword_at(n.b) || is_name_stop(nw) || nw == "văn" ||
                nw == "pháp" || nw == "luật" || nw == "quy" || nw == "hướng" ||
                nw == "chính" || nw == "nghị" || unit)
              break;
          }
          if (!amending && up && keyword_at(t.b)) break;
          // "... của 37 luật có liên quan đến quy hoạch": an amending law
          // that names the laws it amends by their count.
          if (tok_all_digits(t_, t) &&
              !(amending && tok_is(t_, next_token(t_, t.e), "luật")))
            break;
        }
        if (name_b == kNpos) name_b = t.b;
        name_e = t.e;
        p = t.e;
        ++segment_words;
        if (++words >= max_words) break;
      }
      // Stopped short of a bound inside an official title: the title runs on
      // ("Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân").
      if (end != kNpos || num || name_b == kNpos || words >= max_words) break;
      Token nt = tok(p);
      // Titles hold no punctuation but commas, hyphens and an abbreviation
      // in brackets ("(HIV/AIDS)"), and few of the words that end a name.
      if (!nt.valid() || nt.blank_line || (!nt.word && !title_mark(t_[nt.b])))
        break;
      if (nt.word && !nt.line_break) {
        char wbuf[64];
        const std::string_view w = fold_small(tok_text(t_, nt), wbuf);
        // The words of a title that stop a name read without it ("cụ" of
        // "cụ thể" in "... vật liệu nổ và công cụ hỗ trợ").
        if (!continues_title(w) && !is_name_stop(w)) break;
        // "Luật A và Luật B": after "và" a title goes on only with "quy"
        // ("Tiêu chuẩn và quy chuẩn kỹ thuật").
        if (w == "và" && !tok_is(t_, tok(nt.e), "quy")) break;
      }
      if (title() == kNpos || nt.b >= title_e) break;
      name_e = title_e;
      p = title_e;
      stop_word = false;
      segment_words = 0;
    }
    if (name_b == kNpos) return kNpos;
    // "Hiến pháp năm 1992": the year is all the name there is.
    if (year && end != kNpos && name_e - name_b == 4 &&
        eq_fold(t_.substr(name_b, 4), "năm"))
      name_e = end;
    std::string name = collapse_spaces(t_.substr(name_b, name_e - name_b));
    // Trim trailing connectors left by a cut ("Luật Đất đai,").
    while (!name.empty() &&
           (name.back() == ',' || name.back() == ' ' || name.back() == '-'))
      name.pop_back();
    if (caps && !num && loose_key(name) != own_name_key_) return kNpos;
    if (end == kNpos && title() != kNpos && name_e > title_e &&
        (!tok_upper_initial(t_, first) ||
         (stop_word && title_tail_is_sentence(title_e, name_e)) ||
         title_tail_runs_on(title_e, name_e) ||
         tail_after_break(title_e, name_e) ||
         cited_alone_before(kw.type, name_b, title_e))) {
      // The sentence goes on after the title: "Luật doanh nghiệp tăng cả
      // về ...", "Luật Tài nguyên nước, phù hợp với ...", "Luật Phòng,
      // chống ma túy sát với thực tiễn", "Luật Đấu thầu gặp nhiều khó
      // khăn, vướng mắc".
      name_e = title_e;
      name = collapse_spaces(t_.substr(name_b, name_e - name_b));
    }
    // "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan
    // đến quy hoạch;": an amending law naming the laws it amends by their
    // count is bounded by the end of its clause.
    const bool clause_ends = [&] {
      const Token n = next_token(t_, name_e);
      return !n.valid() || n.blank_line || n.line_break ||
             (!n.word && (t_[n.b] == ';' || t_[n.b] == '.'));
    }();
    // "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15,
    // Luật Nhà ở số 27/2023/QH15 ...": the numbers of the laws it lists
    // bound an amending law's name (one number may be the amending law's
    // own, so two at least). Not after "ban hành": "Quốc hội ban hành Luật
    // sửa đổi, ..." names the document itself.
    const auto enacted_here = [&] {
      std::string_view before = t_.substr(0, pos);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      return before.size() >= 9 &&
             eq_fold(before.substr(before.size() - 9), "ban hành");
    };
    const bool bound_by_listed =
        amending && inner_numbers >= 2 && !enacted_here();
    if (amending && inner_numbers == 1 && name_e == inner_end) {
      // "... của Luật Đấu thầu, Luật Hải quan, ..., Luật Đầu tư công số
      // 90/2025/QH15": several laws listed, one number last, the amending
      // law's own. The laws listed before it without a number describe the
      // amending law; this document does not cite them there.
      const std::string_view listed = t_.substr(km.end, name_e - km.end);
      size_t laws = 0;
      for (size_t at = listed.find("Luật "); at != std::string_view::npos;
           at = listed.find("Luật ", at + 1))
        ++laws;
      if (laws >= 2) {
        named_suppress_end_ = std::max(named_suppress_end_, inner_end);
        return km.end;
      }
    }
    if (end == kNpos && !tok_upper_initial(t_, first) && title() == kNpos &&
        std::string_view(kw.type) != "Hiến pháp" &&
        !(amending && counted_laws && clause_ends) && !bound_by_listed) {
      // A lower-case name with nothing to bound it ("Luật doanh nghiệp tăng
      // cả ...") is only trusted as a repeat of a name already cited.
      std::string key = loose_key(name), known;
      for (const auto& [type, ok] : known_names_) {
        if (type != kw.type) continue;
        if (key.rfind(ok, 0) == 0 &&
            (key.size() == ok.size() || key[ok.size()] == ' ') &&
            ok.size() > known.size())
          known = ok;
      }
      if (known.empty()) return kNpos;
      // Cut the name to the known one.
      size_t words_known = std::count(known.begin(), known.end(), ' ') + 1;
      size_t q = km.end;
      for (size_t k = 0; k < words_known;) {
        Token x = tok(q);
        if (!x.valid()) break;
        if (x.word) ++k;
        q = x.e;
        name_e = q;
      }
      name = collapse_spaces(t_.substr(name_b, name_e - name_b));
    }
    if (std::string_view(kw.type) == "Hiến pháp" && !num && !year && !date &&
        loose_key(name).rfind("nước", 0) != 0)
      return kNpos;

    Reference& r = start_reference();
    r.kind = num ? ReferenceKind::kDocument : ReferenceKind::kNamed;
    r.doc_type = kw.type;
    r.name = std::move(name);
    if (num) fill_number(r, *num);
    if (year) r.year = year;
    if (date) {
      r.date = date->iso;
      r.year = date->year;
    }
    size_t span_end = end != kNpos ? end : name_e;
    if (num || date) span_end = parse_tail(r, span_end);
    if (bracket_close != kNpos) span_end = bracket_close;
    const bool suppressed = !num && pos < named_suppress_end_;
    // An amending law's name is read on for the laws it lists with numbers.
    if (suppressed) {
      refs_.pop_back();
      return amending ? km.end : span_end;
    }
    // "Luật sửa đổi, bổ sung một số điều của Luật Hải quan số 42/2005/QH11
    // năm 2005": one law listed, its number last, then the year or the
    // date of the citation: the number is the amending law's own (as the
    // date is), cited through the listed law's mention read next. So with no
    // year or date after it ("Luật Sửa đổi, bổ sung một số điều của Luật Ban
    // hành văn bản quy phạm pháp luật số 87/2025/QH15;"): one law, one number.
    if (amending && inner_numbers == 1 && name_e == inner_end) {
      refs_.pop_back();
      return km.end;
    }
    emit_last(pos, span_end, true);
    last_doc_end_ = span_end;
    last_doc_index_ = static_cast<int>(refs_.size()) - 1;
    if (out_index) *out_index = last_doc_index_;
    if (amending) {
      // Laws listed in the amending law's name count on their own only when
      // they carry a number: keep scanning inside the name.
      named_suppress_end_ = std::max(named_suppress_end_, span_end);
      return km.end;
    }
    return span_end;
  }

  // Punctuation an official title may hold between its words: commas,
  // hyphens, and an abbreviation in brackets ("... mắc phải ở người
  // (HIV/AIDS)").
  static bool title_mark(char c) {
    return c == ',' || c == '-' || c == '(' || c == '/' || c == ')';
  }

  // End of the longest official title of `type` spelled from `first` on
  // (words, with commas, hyphens, brackets and line breaks between them),
  // or kNpos. A bracket opened inside the title is closed inside it.
  size_t title_end(std::string_view type, Token first) const {
    const TitleSet* titles = titles_for(type);
    if (!titles || !first.word) return kNpos;
    // The same name is often cited many times (editorial notes repeat it):
    // the last lookup holds when the bytes it read are the same.
    if (titles == title_cache_.set &&
        t_.compare(first.b, title_cache_.bytes.size(), title_cache_.bytes) == 0)
      return title_cache_.rel == kNpos ? kNpos : first.b + title_cache_.rel;
    size_t best = kNpos, lo = 0, hi = titles->sorted.size(), off = 0;
    size_t read_end = first.e;
    for (Token t = first; t.valid() && !t.blank_line;) {
      read_end = t.e;
      if (t.word) {
        char wbuf[64];
        if (titles->narrow(lo, hi, off, fold_small(tok_text(t_, t), wbuf)))
          best = t.e;
        if (lo == hi) break;
      } else if (!title_mark(t_[t.b])) {
        break;
      }
      t = tok(t.e);
    }
    if (best == kNpos) best = slipped_title_end(*titles, first);
    if (best != kNpos) {
      // Only the title's own bytes are searched: a bracket it opened and
      // left open closes right after its last word.
      const std::string_view in_title = t_.substr(first.b, best - first.b);
      const size_t open = in_title.rfind('(');
      const Token close = tok(best);
      if (open != kNpos && in_title.find(')', open) == kNpos && close.valid() &&
          !close.word && t_[close.b] == ')')
        best = close.e;
    }
    // One byte more: the last word read must end where it ended.
    read_end = std::min(t_.size(), read_end + 1);
    title_cache_.set = titles;
    title_cache_.bytes.assign(t_.substr(first.b, read_end - first.b));
    title_cache_.rel = best == kNpos ? kNpos : best - first.b;
    return best;
  }

  // True when `a` and `b` are one letter apart (one added, dropped or
  // changed) and start with the same letter: "và" for "vào".
  static bool one_slip(std::string_view a, std::string_view b) {
    std::u32string x, y;
    for (size_t i = 0, len = 0; i < a.size(); i += len)
      x.push_back(cp_at(a, i, &len));
    for (size_t i = 0, len = 0; i < b.size(); i += len)
      y.push_back(cp_at(b, i, &len));
    if (x.empty() || y.empty() || x[0] != y[0] || x == y) return false;
    if (x.size() < y.size()) std::swap(x, y);
    if (x.size() - y.size() > 1) return false;
    size_t i = 0;
    while (i < y.size() && x[i] == y[i]) ++i;
    if (x.size() == y.size())
      return x.compare(i + 1, kNpos, y, i + 1, kNpos) == 0;
    return x.compare(i + 1, kNpos, y, i, kNpos) == 0;
  }

  // End of an official title of four words or more spelled from `first` on
  // with one word after its first slipped by a letter ("Luật quản lý, sử
  // dụng vốn nhà nước đầu tư và sản xuất, kinh doanh tại doanh nghiệp",
  // "và" for "vào"), or kNpos. Shorter titles are left alone: one letter
  // turns "dược" into "được".
  size_t slipped_title_end(const TitleSet& titles, Token first) const {
    char fbuf[64];
    const std::string_view w0 = fold_small(tok_text(t_, first), fbuf);
    size_t lo = 0, hi = titles.sorted.size(), off = 0;
    titles.narrow(lo, hi, off, w0);
    size_t best = kNpos;
    for (size_t i = lo; i < hi; ++i) {
      const std::string_view title = titles.sorted[i];
      if (std::count(title.begin(), title.end(), ' ') < 3) continue;
      size_t at = std::min(title.size(), w0.size() + 1);
      int slips = 0;
      Token t = tok(first.e);
      for (; at < title.size() && t.valid() && !t.blank_line; t = tok(t.e)) {
        if (!t.word) {
          if (!title_mark(t_[t.b])) break;
          continue;
        }
        size_t sp = title.find(' ', at);
        if (sp == kNpos) sp = title.size();
        const std::string_view want = title.substr(at, sp - at);
        char wbuf[64];
        const std::string_view w = fold_small(tok_text(t_, t), wbuf);
        if (w != want && (++slips > 1 || !one_slip(w, want))) break;
        at = sp + 1;
        if (sp == title.size() && slips == 1 && (best == kNpos || t.e > best))
          best = t.e;
      }
    }
    return best;
  }

  // An international agreement cited by name: "Hiệp định Đối tác Toàn diện
  // và Tiến bộ xuyên Thái Bình Dương ký ngày 08 tháng 3 năm 2018", "Hiệp
  // định về quy chế quản lý biên giới ... giữa Chính phủ nước ... và Chính
  // phủ nước ... đã được ký kết ngày 18/11/2009", "Hiệp định CPTPP". The
  // type word in lower case is the common noun ("các hiệp định thương mại
  // tự do"), and so is a name in small letters unless it opens with "về"
  // or "giữa"; "Thỏa thuận", also a common noun with a capital, names an
  // agreement only between parties ("giữa ...") or with the date it was
  // signed. A short name the text gives the agreement ("(sau đây gọi là
  // Hiệp định CPTPP)") stands for the full name. Returns the end of the
  // citation, or kNpos.
  size_t parse_treaty(size_t pos, const KwMatch& km, int* out_index) {
    const Keyword& kw = *km.kw;
    if (!km.initial_upper || km.upper || pos < named_suppress_end_ ||
        follows_approval(pos))
      return kNpos;
    const Token first = tok(km.end);
    if (!first.valid() || !first.word || first.line_break) return kNpos;
    const bool between = tok_is(t_, first, "giữa");
    const bool acronym = tok_all_upper(t_, first) && first.e - first.b >= 2 &&
                         !tok_all_digits(t_, first) && !keyword_at(first.b);
    if (!between && !tok_is(t_, first, "về") && !tok_upper_initial(t_, first))
      return kNpos;
    if (!acronym && keyword_at(first.b)) return kNpos;
    // Small words that go on inside an agreement's name ("về", "giữa",
    // "của Liên hợp quốc", "trên đất liền", "trong các hợp đồng").
    static const WordSet kInName = {"về",  "giữa", "của",   "trên",
                                    "với", "đối",  "trong", "các"};
    // Words after the name that lead to the date it was signed.
    static const WordSet kSigned = {"ký", "kết", "đã", "được", "vào"};
    size_t name_e = first.e, p = first.e;
    int words = 1;
    bool bounded = acronym;
    if (!acronym) {
      for (;;) {
        const Token t = tok(p);
        if (!t.valid() || t.blank_line) break;
        if (t.line_break && (!t.word || tok_upper_initial(t_, t))) break;
        if (!t.word) {
          const char c = t_[t.b];
          const Token n = tok(t.e);
          // "Việt Nam - Trung Quốc"
          if ((c == '-' || tok_text(t_, t) == "–") && n.word && !n.line_break &&
              !tok_all_digits(t_, n)) {
            p = t.e;
            continue;
          }
          bounded = true;
          break;
        }
        char wb[64];
        const std::string_view w = fold_small(tok_text(t_, t), wb);
        if (kSigned.contains(w) || w == "ngày" || w == "năm" ||
            tok_all_digits(t_, t)) {
          bounded = true;
          break;
        }
        if (!tok_upper_initial(t_, t) && is_name_stop(w) &&
            !kInName.contains(w)) {
          bounded = true;
          break;
        }
        if (w == "và") {
          const Token n = tok(t.e);
          if (!n.word || keyword_at(n.b)) {
            bounded = true;
            break;
          }
        }
        if (tok_upper_initial(t_, t) && keyword_at(t.b)) {
          bounded = true;
          break;
        }
        if (++words > 40) break;
        name_e = t.e;
        p = t.e;
      }
    }
    if (!bounded || (!acronym && words < 2 && !tok_upper_initial(t_, first)))
      return kNpos;
    // The date it was signed: "ký ngày 08 tháng 3 năm 2018", "đã được ký
    // kết ngày 18/11/2009", "năm 1982".
    std::optional<DateParts> date;
    int year = 0;
    size_t end = name_e;
    for (size_t q = name_e, k = 0; k < 5; ++k) {
      const Token t = tok(q);
      if (!t.valid() || t.blank_line || !t.word) break;
      char wb[64];
      const std::string_view w = fold_small(tok_text(t_, t), wb);
      if (w == "ngày") {
        const Token d = tok(t.e);
        if (d.valid()) date = parse_date(t_, d.b);
        if (date) end = date->end;
        break;
      }
      if (w == "năm") {
        const Token y = tok(t.e);
        if (tok_is_year(t_, y)) {
          year = std::stoi(std::string(tok_text(t_, y)));
          end = y.e;
        }
        break;
      }
      if (!kSigned.contains(w)) break;
      q = t.e;
    }
    std::string name = collapse_spaces(t_.substr(first.b, name_e - first.b));
    if (kw.type == "Thỏa thuận" && !between && !date && !year) return kNpos;
    const std::string key = kw.type + "|" + loose_key(name);
    if (auto it = treaty_aliases_.find(key); it != treaty_aliases_.end())
      name = it->second;
    else if (acronym && !date && !year && alias_lead_before(pos) != kNpos)
      return kNpos;  // a short name for something else the text describes
    Reference r;
    r.kind = ReferenceKind::kNamed;
    r.doc_type = kw.type;
    r.name = name;
    if (year) r.year = year;
    if (date) {
      r.date = date->iso;
      r.year = date->year;
    }
    const std::string full = name;
    emit(std::move(r), pos, end, true);
    last_doc_end_ = end;
    last_doc_index_ = static_cast<int>(refs_.size()) - 1;
    if (out_index) *out_index = last_doc_index_;
    // "(sau đây gọi là Hiệp định CPTPP)"
    const std::string alias = alias_after(end, kw.type);
    if (!alias.empty())
      treaty_aliases_.emplace(kw.type + "|" + loose_key(alias), full);
    return end;
  }

  // The words "(sau đây) gọi (tắt|chung) là" right before `pos`: the
  // position of "gọi", or kNpos.
  size_t alias_lead_before(size_t pos) const {
    // "là" ends in C3 A0 (à) or C3 80 (À).
    if (const int last = byte_before_token(pos); last != 0xA0 && last != 0x80)
      return kNpos;
    Token t = prev_token(pos);
    if (!tok_is(t_, t, "là")) return kNpos;
    t = prev_token(t.b);
    if (tok_is(t_, t, "tắt") || tok_is(t_, t, "chung")) t = prev_token(t.b);
    return tok_is(t_, t, "gọi") ? t.b : kNpos;
  }

  // The short name given in "(sau đây gọi là <type> X)" right after `e`,
  // without the type word; empty when there is none.
  std::string alias_after(size_t e, std::string_view type) const {
    Token t = tok(e);
    if (!t.valid() || t.word || t_[t.b] != '(') return {};
    size_t q = t.e;
    for (int k = 0; k < 6; ++k) {
      t = tok(q);
      if (!t.valid() || !t.word || t.line_break) return {};
      q = t.e;
      if (tok_is(t_, t, "là")) break;
      if (k == 5) return {};
    }
    if (alias_lead_before(q) == kNpos || !keyword_at(tok(q).b)) return {};
    const KwMatch m = match_keyword(tok(q).b);
    if (!m.kw || m.kw->type != type) return {};
    const size_t close = t_.find(')', m.end);
    if (close == kNpos || close - m.end > 80) return {};
    return collapse_spaces(t_.substr(tok(m.end).b, close - tok(m.end).b));
  }

  // End of a strategy's title ("... đến năm 2020", with ", tầm nhìn đến năm
  // 2030", ", tầm nhìn 2050" or "và định hướng đến năm 2030" after it)
  // starting at `p`, or
  // kNpos when no horizon comes within the title's length.
  size_t strategy_title_end(size_t p) const {
    auto horizon = [&](const Token& t, size_t* e) {
      if (!tok_is(t_, t, "đến")) return false;
      Token n = tok(t.e);
      if (!tok_is(t_, n, "năm")) return false;
      Token y = tok(n.e);
      if (!tok_is_year(t_, y)) return false;
      *e = y.e;
      return true;
    };
    // The period a strategy covers: "10 năm 2021 - 2030", "giai đoạn
    // 2021 - 2030", "thời kỳ 2011-2020".
    auto period = [&](const Token& t, size_t* e) {
      Token y;
      if (tok_all_digits(t_, t) && !tok_is_year(t_, t)) {
        Token n = next_token(t_, t.e);
        if (!tok_is(t_, n, "năm")) return false;
        y = next_token(t_, n.e);
      } else if (tok_is(t_, t, "giai") || tok_is(t_, t, "thời")) {
        Token n = next_token(t_, t.e);
        if (!tok_is(t_, n, tok_is(t_, t, "giai") ? "đoạn" : "kỳ")) return false;
        y = next_token(t_, n.e);
      } else {
        return false;
      }
      if (!tok_is_year(t_, y)) return false;
      *e = y.e;
      Token dash = next_token(t_, y.e);
      if (dash.valid() && !dash.word &&
          (t_[dash.b] == '-' || tok_text(t_, dash) == "–")) {
        Token y2 = next_token(t_, dash.e);
        if (tok_is_year(t_, y2)) *e = y2.e;
      }
      return true;
    };
    for (int words = 0; words < 30;) {
      Token t = tok(p);
      if (!t.valid() || t.blank_line) return kNpos;
      if (!t.word) {
        if ((t_[t.b] != ',' && t_[t.b] != '-') || !words) return kNpos;
        p = t.e;
        continue;
      }
      size_t end = 0;
      const bool by_period = words > 0 && period(t, &end);
      if (by_period || horizon(t, &end)) {
        size_t q = end;
        bool vision = false;  // after "tầm nhìn"
        for (int k = 0; k < 5; ++k) {
          Token x = tok(q);
          if (!x.valid() || x.blank_line) break;
          if (horizon(x, &end)) break;
          // ", tầm nhìn 2050" without "đến năm".
          if (vision && tok_is_year(t_, x)) {
            end = x.e;
            break;
          }
          vision |= tok_is(t_, x, "nhìn");
          char wbuf[64];
          const std::string_view w =
              x.word ? fold_small(tok_text(t_, x), wbuf) : std::string_view();
          if (x.word ? !(w == "tầm" || w == "nhìn" || w == "và" ||
                         w == "định" || w == "hướng")
                     : t_[x.b] != ',')
            break;
          q = x.e;
        }
        return end;
      }
      if (tok_all_digits(t_, t)) return kNpos;
      ++words;
      p = t.e;
    }
    return kNpos;
  }

  // True when the words before `pos` approve or issue what follows ("phê
  // duyệt “Chiến lược ...”", "ban hành Chiến lược ...").
  bool follows_approval(size_t pos) const {
    Token pv = prev_token(pos);
    if (pv.valid() && !pv.word) pv = prev_token(pv.b);
    return tok_is(t_, pv, "duyệt") || tok_is(t_, pv, "hành");
  }

  // True when what follows a title up to `e` reads as the sentence going
  // on rather than a longer name: a comma, or a single lower-case word.
  bool title_tail_is_sentence(size_t title_e, size_t e) const {
    Token t = tok(title_e);
    if (!t.word) return t.valid() && t_[t.b] == ',';
    return t.e == e && !tok_upper_initial(t_, t);
  }

  // True when what follows a complete official title up to `e` is more of
  // the sentence than of a longer title: a comma, or three words or more
  // in small letters (a longer title missing from the list, "Luật Doanh
  // nghiệp nhà nước", adds a word or two).
  bool title_tail_runs_on(size_t title_e, size_t e) const {
    int words = 0;
    for (size_t p = title_e; p < e;) {
      Token t = tok(p);
      if (!t.valid() || t.b >= e) break;
      if (!t.word) return t_[t.b] == ',';
      if (words == 0 && tok_upper_initial(t_, t)) return false;
      ++words;
      p = t.e;
    }
    return words >= 3;
  }

  // A line break between a complete official title and the words after it:
  // the next line ("Điều 585 của Bộ luật Dân sự" / "a) ...") is no part of
  // the name.
  bool tail_after_break(size_t title_e, size_t e) const {
    const Token t = tok(title_e);
    return t.valid() && t.b < e && t.line_break;
  }

  // The official title alone was cited earlier as a name of this type: the
  // small words after it here are the sentence ("Bộ luật Dân sự phát sinh
  // khi ..." after "Bộ luật Dân sự ngày 24 tháng 11 năm 2015").
  bool cited_alone_before(std::string_view type, size_t b, size_t title_e) {
    if (known_names_.empty()) return false;
    const std::string key =
        loose_key(collapse_spaces(t_.substr(b, title_e - b)));
    return known_name_set_.count(std::string(type) + "|" + key) > 0;
  }

  // True when the words after a comma inside a name form a short piece
  // ("Luật Quản lý, sử dụng vốn ..., kinh doanh tại ...").
  int short_segment(size_t pos) const {
    int n = 0;
    for (size_t p = pos;;) {
      Token t = tok(p);
      if (!t.word || t.line_break) return n;
      if (tok_all_digits(t_, t)) return -1;
      char wbuf[64];
      const std::string_view w = fold_small(tok_text(t_, t), wbuf);
      if (tok_upper_initial(t_, t) || is_name_stop(w) || w == "ngày" ||
          w == "năm" || w == "số")
        return n;
      if (++n > 12) return -1;
      p = t.e;
    }
  }

  static std::string collapse_spaces(std::string_view s) {
    // Most names and titles are written with single spaces already: one
    // look at each byte finds that (the blanks space_len knows are below
    // 0x21 but '*' and NBSP's lead byte).
    {
      bool after_space = true;  // a leading blank is dropped
      bool clean = true;
      size_t k = 0;
#if defined(__SSE2__)
      // Sixteen bytes at a time: a control byte, '*', NBSP's lead byte or
      // a space after a space (or at the start) is not clean.
      {
        const __m128i star = _mm_set1_epi8('*');
        const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
        const __m128i space = _mm_set1_epi8(' ');
        const __m128i ctl = _mm_set1_epi8(0x1F);
        unsigned carry = 1;  // the byte before the chunk is a space
        for (; k + 16 <= s.size(); k += 16) {
          const __m128i v =
              _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + k));
          const __m128i bad = _mm_or_si128(
              _mm_or_si128(_mm_cmpeq_epi8(v, star), _mm_cmpeq_epi8(v, c2)),
              _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
          const auto sp = static_cast<unsigned>(
              _mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
          if (_mm_movemask_epi8(bad) != 0 || (sp & ((sp << 1) | carry)) != 0) {
            clean = false;
            break;
          }
          carry = sp >> 15;
        }
        after_space = carry != 0;
      }
#endif
      for (const char ch : s.substr(clean ? k : s.size())) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ') {
          if (after_space) {
            clean = false;
            break;
          }
          after_space = true;
        } else if (c < ' ' || c == '*' || c == 0xC2) {
          clean = false;
          break;
        } else {
          after_space = false;
        }
      }
      if (clean && (s.empty() || !after_space)) return std::string(s);
    }
    std::string out(s.size(), '\0');  // never longer than `s`
    char* const begin = out.data();
    char* o = begin;
    bool sp = false;
    for (size_t i = 0; i < s.size();) {
      size_t n = space_len(s, i);
      if (n) {
        sp = true;
        i += n;
        continue;
      }
      if (sp && o != begin) *o++ = ' ';
      sp = false;
      *o++ = s[i++];
    }
    out.resize(static_cast<size_t>(o - begin));
    return out;
  }

  // ---- bare numbers -------------------------------------------------------

  __attribute__((noinline)) size_t try_bare_number(size_t pos) {
    auto n = parse_number(t_, pos);
    if (!n) return pos;
    Token prev = prev_token(pos);
    bool has_so = false;
    size_t before = pos;
    if (prev.valid()) {
      std::string_view pt = tok_text(t_, prev);
      if (pt == ":") {
        before = prev.b;
        prev = prev_token(prev.b);
      }
      char pb[64];
      const std::string_view pw =
          prev.word ? fold_small(tok_text(t_, prev), pb) : std::string_view();
      if (pw == "số" || pw == "sổ") {
        has_so = true;
        before = prev.b;
        Token pp = prev_token(prev.b);
        char ppb[64];
        const std::string_view ppw =
            pp.word ? fold_small(tok_text(t_, pp), ppb) : std::string_view();
        if (ppw == "mẫu" || ppw == "biểu" || ppw == "lục" || ppw == "hiệu" ||
            ppw == "phiếu")
          return n->end;
        prev = pp;
      }
    }
    // A list sharing the type: "các Nghị quyết số 12/... và 13/...".
    bool inherits = false;
    if (prev.valid() && last_doc_index_ >= 0) {
      std::string_view pt = tok_text(t_, prev);
      char pb[64];
      const std::string_view pw =
          prev.word ? fold_small(pt, pb) : std::string_view();
      if (pt == "," || pt == ";" || pw == "và" || pw == "hoặc") {
        Token pp = prev_token(prev.b);
        if (pp.valid() && pp.e == last_doc_end_) inherits = true;
      }
    }
    if (pos < header_end_) return n->end;
    const bool strong =
        n->has_year || n->party || (n->typed_code && n->segments >= 2);
    if (!strong && !has_so && !inherits) return n->end;
    if (n->spaced && !has_so && !inherits) return n->end;
    Reference r;
    r.kind = ReferenceKind::kDocument;
    fill_number(r, *n);
    std::string from_code = type_from_number(*n);
    if (inherits) {
      const Reference& last = refs_[last_doc_index_];
      r.doc_type = last.doc_type;
      if (!from_code.empty() && n->typed_code &&
          code_for_type(last.doc_type) != n->type_code)
        r.doc_type = from_code;
    } else {
      r.doc_type = from_code;
    }
    if (r.type_code.empty())
      r.type_code = std::string(code_for_type(r.doc_type));
    size_t end = parse_tail(r, n->end);
    emit(std::move(r), has_so ? before : pos, end);
    last_doc_end_ = end;
    last_doc_index_ = static_cast<int>(refs_.size()) - 1;
    return end;
  }

  // ---- standards ----------------------------------------------------------

  // After the words "tiêu chuẩn", the code of a family that has no keyword
  // of its own: capitals and a number of three digits or more ("tiêu chuẩn
  // SA 8000", "tiêu chuẩn ASTM D1557"). Families with a keyword are left to
  // it (the scan goes on at the next word).
  size_t parse_standard_after_word(const KwMatch& km) {
    static const RE2 re(
        "[ \\t]*((?:[A-Z]{2,6})[ \\t]*[A-Z]?\\d{3,5}(?:[-.]\\d+)*)"
        "(?::((?:19|20)\\d\\d))?");
    // After "chứng chỉ" / "chứng nhận" a code of three digits is a test
    // score as often ("chứng chỉ TOEIC 450"): standards certified there have
    // four digits or more ("SA 8000", "FSSC 22000").
    static const RE2 re_cert(
        "[ \\t]*((?:[A-Z]{2,6})[ \\t]*[A-Z]?\\d{4,5}(?:[-.]\\d+)*)"
        "(?::((?:19|20)\\d\\d))?");
    const bool cert = km.kw->lower != "tiêu chuẩn";
    const size_t limit = std::min(t_.size(), km.end + 40);
    re2::StringPiece in(t_.data(), limit);
    re2::StringPiece m[3];
    if (!(cert ? re_cert : re)
             .Match(in, km.end, limit, RE2::ANCHOR_START, m, 3))
      return km.end;
    const size_t b = static_cast<size_t>(m[1].data() - t_.data());
    const size_t end =
        static_cast<size_t>(m[0].data() - t_.data()) + m[0].size();
    if (end < t_.size() &&
        (is_word_cp(cp_before(t_, end + 1)) || t_[end] == '/'))
      return km.end;
    if (standard_re().Match(in, b, limit, RE2::ANCHOR_START, nullptr, 0))
      return km.end;
    Reference r;
    r.kind = ReferenceKind::kStandard;
    r.doc_type = km.kw->type;
    for (size_t i = b; i < end; ++i) {  // "SA 8000:2014", blanks as one space
      const bool blank = t_[i] == ' ' || t_[i] == '\t';
      if (!blank)
        r.number += t_[i];
      else if (r.number.back() != ' ')
        r.number += ' ';
    }
    if (m[2].data()) r.year = std::stoi(std::string(m[2].data(), m[2].size()));
    emit(std::move(r), b, end);
    return end;
  }

  size_t parse_standard(size_t pos, const KwMatch& km) {
    if (km.kw->lower == "tiêu chuẩn" || km.kw->lower == "chứng chỉ" ||
        km.kw->lower == "chứng nhận")
      return parse_standard_after_word(km);
    const size_t limit = std::min(t_.size(), pos + 80);
    re2::StringPiece in(t_.data(), limit);
    re2::StringPiece m[3];
    if (!standard_re().Match(in, pos, limit, RE2::ANCHOR_START, m, 3))
      return km.end;
    size_t end = static_cast<size_t>(m[0].data() - t_.data()) + m[0].size();
    if (end < t_.size() && is_word_cp(cp_before(t_, end + 1)) &&
        is_digit(t_[end]))
      return end;
    Reference r;
    r.kind = ReferenceKind::kStandard;
    r.doc_type = km.kw->type;
    std::string num;
    bool sp = false;
    for (char c : m[0]) {
      if (c == ' ' || c == '\t') {
        sp = true;
        continue;
      }
      if (sp && !num.empty()) num += ' ';
      sp = false;
      num += c;
    }
    r.number = num;
    if (m[2].data()) r.year = std::stoi(std::string(m[2].data(), m[2].size()));
    emit(std::move(r), pos, end);
    return end;
  }

  // ---- pinpoints ----------------------------------------------------------

  // The usual initialisms of the codes, cited after a unit of them ("khoản
  // 3 Điều 134 BLHS", "Căn cứ Điều 109, Điều 121 BLTTHS năm 2015"): the
  // code named in full, with the year that may follow. Emits the reference
  // and returns its end, or kNpos when `x` is no such initialism.
  size_t parse_code_initialism(const Token& x) {
    static const std::pair<std::string_view, std::string_view> kCodes[] = {
        {"BLHS", "Hình sự"},           {"BLDS", "Dân sự"},
        {"BLTTHS", "Tố tụng hình sự"}, {"BLTTDS", "Tố tụng dân sự"},
        {"BLLĐ", "Lao động"},
    };
    if (!x.word || x.line_break) return kNpos;
    const std::string_view w = tok_text(t_, x);
    std::string_view name;
    for (const auto& [abbr, full] : kCodes)
      if (w == abbr) name = full;
    if (name.empty()) return kNpos;
    Reference r;
    r.kind = ReferenceKind::kNamed;
    r.doc_type = "Bộ luật";
    r.name = std::string(name);
    size_t end = x.e;
    Token y = tok(x.e);
    if (tok_is(t_, y, "năm") && !y.line_break) y = tok(y.e);
    if (tok_is_year(t_, y) && !y.line_break) {
      r.year = std::stoi(std::string(tok_text(t_, y)));
      end = y.e;
    }
    emit(std::move(r), x.b, end, true);
    last_doc_end_ = end;
    last_doc_index_ = static_cast<int>(refs_.size()) - 1;
    return end;
  }

  bool item_ok(Unit u, std::string_view s) const {
    if (s.empty()) return false;
    switch (u) {
      case Unit::kPoint: {
        char lbuf[64];
        const std::string_view l = fold_small(s, lbuf);
        if (point_index(l) >= 0) return s == l;
        // "đ1", "a1"
        size_t len = 0;
        char32_t c = cp_at(l, 0, &len);
        if (l.size() > len && (c == 0x111 || (c >= 'a' && c <= 'y'))) {
          for (size_t k = len; k < l.size(); ++k)
            if (!is_digit(l[k])) return false;
          return s == l && l.size() - len <= 2;
        }
        return false;
      }
      case Unit::kArticle:
      case Unit::kClause:
      case Unit::kSection: {
        if (!is_digit(s[0])) return false;
        size_t k = 0;
        while (k < s.size() && is_digit(s[k])) ++k;
        if (k > 4) return false;
        return s.size() - k <= 1 &&
               (k == s.size() || (s[k] >= 'a' && s[k] <= 'z'));
      }
      case Unit::kChapter:
      case Unit::kPart: {
        if (is_roman(s)) return true;
        for (char c : s)
          if (!is_digit(c)) return false;
        return s.size() <= 3;
      }
      case Unit::kNone:
        return false;
    }
    return false;
  }

  // Parses the items after a unit word: "3, 4 và 5", "5 đến 9", "này".
  // Returns the end, or kNpos when no item follows.
  size_t parse_items(Unit u, size_t pos, Group& g, bool range_open) {
    Token t = tok(pos);
    if (!t.word || t.blank_line) return kNpos;
    std::string_view s = tok_text(t_, t);
    if ((u == Unit::kArticle || u == Unit::kClause || u == Unit::kPoint) &&
        tok_is(t_, t, "này")) {
      g.items.push_back("này");
      return t.e;
    }
    if (!item_ok(u, s)) return kNpos;
    g.items.emplace_back(s);
    size_t end = t.e;
    bool range = range_open;
    for (;;) {
      Token sep = tok(end);
      if (!sep.valid() || sep.blank_line) break;
      std::string_view ss = tok_text(t_, sep);
      char sb[64];
      const std::string_view sw =
          sep.word ? fold_small(ss, sb) : std::string_view();
      bool to = sw == "đến" || sw == "tới";
      bool dash = ss == "-" || ss == "–";
      if (!(ss == "," || sw == "và" || sw == "hoặc" || to || dash)) break;
      Token x = tok(sep.e);
      if (ss == "," && (tok_is(t_, x, "và") || tok_is(t_, x, "hoặc")))
        x = tok(x.e);
      // The unit word may be repeated: "Điều 14, Điều 15", "đến Điều 9".
      if (x.word) {
        KwMatch km = match_keyword(x.b);
        if (km.kw && km.kw->cls == KeywordClass::kUnit && km.kw->unit == u)
          x = tok(km.end);
      }
      if (!x.word || !item_ok(u, tok_text(t_, x))) break;
      std::string item(tok_text(t_, x));
      if ((to || (dash && range)) || (to && range)) {
        expand_range(u, g, item);
      } else if (dash) {
        expand_range(u, g, item);
      } else {
        g.items.push_back(item);
      }
      range = false;
      end = x.e;
    }
    return end;
  }

  void expand_range(Unit u, Group& g, const std::string& last) {
    const std::string first = g.items.back();
    if (u == Unit::kPoint) {
      int a = point_index(first), b = point_index(last);
      if (a >= 0 && b > a && b - a <= 23) {
        for (int i = a + 1; i <= b; ++i) g.items.emplace_back(kPointLetters[i]);
        return;
      }
    } else if (is_digit(first[0]) && is_digit(last[0])) {
      bool plain = true;
      for (char c : first + last)
        if (!is_digit(c)) plain = false;
      if (plain) {
        int a = std::stoi(first), b = std::stoi(last);
        if (b > a && b - a <= 60) {
          for (int i = a + 1; i <= b; ++i) g.items.push_back(std::to_string(i));
          return;
        }
      }
    }
    g.items.push_back(last);
  }

  // Numbers cut at a hyphen that ends a line take the whole number the
  // text cites elsewhere with that beginning ("15/2018/NĐ-" / "1 AVỨCP" in
  // a scan, "15/2018/NĐ-CP" elsewhere), when only one number has it.
  // "Điều 60 và Chương VIII Luật Quản lý thuế số 38/2019/QH14", "Điều 3
  // và khoản 2 Điều 5 Luật ...": units of different levels joined by "và"
  // (or "hoặc", a comma) to a pinpoint of an act are units of that act too,
  // not of this document. A unit of this document says so ("... này").
  void share_act_over_and() {
    for (size_t i = 0; i + 1 < refs_.size(); ++i) {
      Reference& a = refs_[i];
      const Reference& b = refs_[i + 1];
      if (a.kind != ReferenceKind::kInternal || a.pinpoint.empty() ||
          (b.kind != ReferenceKind::kDocument &&
           b.kind != ReferenceKind::kNamed) ||
          b.pinpoint.empty() || b.span.begin <= a.span.end ||
          b.span.begin - a.span.end > 8 ||
          std::string_view(t_.data() + a.span.begin, a.span.end - a.span.begin)
                  .find("này") != std::string_view::npos)
        continue;
      std::string_view gap(t_.data() + a.span.end, b.span.begin - a.span.end);
      while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
      while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
      if (gap != "và" && gap != "," && gap != "hoặc" && gap != ", và") continue;
      Reference r = b;
      r.pinpoint = a.pinpoint;
      r.text = a.text;
      r.span = a.span;
      r.node = a.node;
      a = std::move(r);
      back_number_[i] = back_number_[i + 1];
      back_pending_[i] = back_pending_[i + 1];
    }
  }

  void complete_cut_numbers() {
    if (cut_numbers_.empty()) return;
    for (Reference& r : refs_) {
      if (r.number.empty() || !cut_numbers_.count(r.number)) continue;
      const std::string prefix = r.number + "-";
      const Reference* whole = nullptr;
      bool unique = true;
      for (const Reference& o : refs_) {
        if (o.number.size() <= prefix.size() ||
            o.number.compare(0, prefix.size(), prefix) != 0)
          continue;
        if (whole != nullptr && whole->number != o.number) unique = false;
        whole = &o;
      }
      if (whole == nullptr || !unique) continue;
      r.number = whole->number;
      r.issuer_code = whole->issuer_code;
      r.type_code = whole->type_code;
      if (r.doc_type.empty()) r.doc_type = whole->doc_type;
    }
  }

  // "(Ban hành kèm theo Nghị quyết số 08/NQ-HĐND ngày ...)": the caption
  // of an attachment names the document it is attached to, this one. Read
  // where the header's number was lost (a copy that kept only the title):
  // the caption cites a document of this document's own type.
  bool attachment_caption(const Reference& r) const {
    if (r.number.empty() || !own_number_.empty()) return false;
    // The caption's lead is a few words: look no further back for the
    // line start.
    constexpr size_t kMaxLead = 64;
    const size_t from = r.span.begin > kMaxLead ? r.span.begin - kMaxLead : 0;
    const size_t nl = t_.substr(from, r.span.begin - from).rfind('\n');
    if (nl == std::string_view::npos && from > 0) return false;
    const size_t bol =
        nl == std::string_view::npos ? std::string_view::npos : from + nl;
    std::string_view lead =
        t_.substr(bol == std::string_view::npos ? 0 : bol + 1,
                  r.span.begin - (bol == std::string_view::npos ? 0 : bol + 1));
    while (!lead.empty() && (lead.back() == ' ' || lead.back() == '\t'))
      lead.remove_suffix(1);
    while (!lead.empty() &&
           (lead.front() == ' ' || lead.front() == '*' || lead.front() == '_'))
      lead.remove_prefix(1);
    if (!lead.empty() && lead.front() == '(') lead.remove_prefix(1);
    for (std::string_view w : {"Ban hành ", "ban hành ", "BAN HÀNH "})
      if (lead.rfind(w, 0) == 0) lead.remove_prefix(w.size());
    if (lead != "Kèm theo" && lead != "kèm theo" && lead != "KÈM THEO")
      return false;
    return (doc_.metadata.type && r.doc_type == *doc_.metadata.type) ||
           opens_file(bol == std::string_view::npos ? 0 : bol);
  }

  // Whether only a title block lies before `pos`: an attachment filed
  // alone ("Phụ lục" / "Ban hành kèm theo Quyết định số 1445/2002/QĐ-UB
  // ..."), whose caption names the act it belongs to. At most six short
  // lines (the attachment's title: one at least), no legal basis, no
  // article.
  bool opens_file(size_t pos) const {
    constexpr size_t kMaxLines = 6, kMaxLine = 200;
    if (pos > kMaxLines * (kMaxLine + 1) + 64) return false;
    const std::string_view head = t_.substr(0, pos);
    if (head.find("Căn cứ") != std::string_view::npos ||
        head.find("Điều ") != std::string_view::npos)
      return false;
    size_t lines = 0, at = 0;
    while (at < head.size()) {
      size_t eol = head.find('\n', at);
      if (eol == std::string_view::npos) eol = head.size();
      if (eol - at > kMaxLine) return false;
      for (size_t k = at; k < eol; ++k)
        if (head[k] != ' ' && head[k] != '\t' && head[k] != '\r') {
          if (++lines > kMaxLines) return false;
          break;
        }
      at = eol + 1;
    }
    return lines > 0;
  }

  bool after_amending_lead(size_t at) const;

  // A header's number line standing where a page layout moved it ("Số:
  // 09/2026/TT-BNV" alone on its line, in the body of a gazette's text):
  // the number of this document or of one it bundles, never a citation.
  bool number_label_line(const Reference& r) const {
    if (r.number.empty() || !at_line_start(r.span.begin)) return false;
    const Token w = tok(r.span.begin);
    if (!w.word || tok_text(t_, w) != "Số") return false;
    const size_t eol = std::min(t_.find('\n', r.span.end), t_.size());
    for (size_t k = r.span.end; k < eol; ++k)
      if (t_[k] != ' ' && t_[k] != '\t' && t_[k] != '\r') return false;
    return true;
  }

  // Whether only markup, or the quotation mark that opens quoted new text
  // ("“Điều 4. Phân loại đô thị"), lies between the line start and pos.
  bool at_line_start(size_t pos) const {
    size_t k = pos;
    bool quote = false;
    while (k > 0) {
      char c = t_[k - 1];
      if (c == '\n') return true;
      if (c == ' ' || c == '\t' || c == '*' || c == '#' || c == '_' ||
          c == '>' || c == '|') {
        --k;
      } else if (!quote && c == '"') {
        quote = true;
        --k;
      } else if (!quote && k >= 3 &&
                 t_.compare(k - 3, 3, "\xE2\x80\x9C") == 0) {
        quote = true;
        k -= 3;
      } else {
        return false;
      }
    }
    return true;
  }

  // A crawled page repeats its site title - the document's own type and
  // number, closed by a full stop - before the heading of the unit where
  // the page was cut: "Thông tư 43/2023/TT-BTC. Điều 1. Sửa đổi, ...".
  bool after_page_title(size_t pos) const {
    if (own_number_.empty() || pos < 2 || t_[pos - 1] != ' ' ||
        t_[pos - 2] != '.')
      return false;
    const size_t nl = t_.rfind('\n', pos - 1);
    const size_t ls = nl == std::string_view::npos ? 0 : nl + 1;
    constexpr size_t kMaxTitle = 600;
    if (pos - ls > kMaxTitle) return false;
    const std::string_view title = t_.substr(ls, pos - 2 - ls);
    return title.find(own_number_) != std::string_view::npos &&
           title.find(". ") == std::string_view::npos;
  }

  size_t parse_units(size_t pos, const KwMatch& first_km) {
    const Unit u0 = first_km.kw->unit;
    // Headings ("Điều 5. Tên điều", "Chương II NHỮNG QUY ĐỊNH CHUNG") are
    // structure, not citations.
    if ((u0 == Unit::kArticle || u0 == Unit::kChapter || u0 == Unit::kSection ||
         u0 == Unit::kPart) &&
        first_km.initial_upper &&
        (at_line_start(pos) || after_page_title(pos))) {
      Token n = tok(first_km.end);
      Token a = tok(n.e);
      std::string_view at = a.valid() ? tok_text(t_, a) : std::string_view();
      // A title in capitals is a heading even when its first word is a
      // keyword: "Chương II QUY ĐỊNH CỤ THỂ", "Chương III ĐIỀU KHOẢN THI
      // HÀNH" (not for Điều, whose headings take a full stop).
      const bool caps_title = u0 != Unit::kArticle && a.word && a.e - a.b > 1 &&
                              tok_all_upper(t_, a);
      const bool heading = !a.valid() || a.line_break || at == "." ||
                           at == ":" || caps_title ||
                           (a.word && tok_upper_initial(t_, a) &&
                            !keyword_at(a.b) && !match_keyword(a.b).kw);
      if (heading) return n.valid() ? n.e : first_km.end;
    }
    if (!first_km.initial_upper && first_km.upper) return first_km.end;
    std::vector<Group> groups;
    size_t p = pos;
    KwMatch km = first_km;
    // "từ" ends in E1 BB AB (ừ) or E1 BB AA (Ừ).
    bool range_open = false;
    if (const int last = byte_before_token(pos); last == 0xAB || last == 0xAA) {
      Token before = prev_token(pos);
      char bb[64];
      range_open = before.word && fold_small(tok_text(t_, before), bb) == "từ";
    }
    size_t end = kNpos;
    for (;;) {
      Group g;
      g.unit = km.kw->unit;
      if (!groups.empty() && g.unit <= groups.back().unit) break;
      size_t e = parse_items(g.unit, km.end, g, range_open);
      if (e == kNpos) break;
      range_open = false;
      groups.push_back(std::move(g));
      end = e;
      if (groups.back().items.back() == "này") break;
      Token n = tok(end);
      if (tok_is(t_, n, "của") || tok_is(t_, n, "tại")) n = tok(n.e);
      if (!n.word || n.blank_line) break;
      KwMatch nk = match_keyword(n.b);
      if (!nk.kw || nk.kw->cls != KeywordClass::kUnit) break;
      km = nk;
      p = n.b;
    }
    (void)p;
    if (groups.empty()) return first_km.end;

    // What the pinpoint points into.
    Token n = tok(end);
    size_t target_pos = n.b;
    if (tok_is(t_, n, "về")) {
      // The unit described before its act: "Chương XX về trách nhiệm bồi
      // thường thiệt hại ngoài hợp đồng của Bộ luật Dân sự".
      const Token act = described_unit_act(n.e);
      if (act.valid()) n = act, target_pos = act.b;
    }
    if (tok_is(t_, n, "của")) n = tok(n.e), target_pos = n.b;
    {
      // "khoản 2 Điều 12 của Quy định kèm theo Nghị quyết số ...": the
      // units of the rules an act issued are units of that act.
      const Token act = attached_rules_act(n);
      if (act.valid()) n = act, target_pos = act.b;
    }
    // "Điều 8, Điều 14, Nghị định số 106/2024/NĐ-CP": a comma before an act
    // cited with its number.
    if (n.valid() && !n.word && t_[n.b] == ',') {
      const Token a = tok(n.e);
      if (a.word && !a.line_break) {
        const KwMatch ak = match_keyword(a.b);
        const Token s = ak.kw ? tok(ak.end) : Token{};
        if (ak.kw && ak.kw->cls == KeywordClass::kDocument && s.valid() &&
            (tok_is(t_, s, "số") || (s.word && is_digit(t_[s.b])))) {
          n = a;
          target_pos = a.b;
        }
      }
    }
    int ext = -1;
    size_t ext_end = end;
    bool self_doc = false;
    if (n.word && !n.blank_line) {
      if (is_digit(t_[n.b])) {
        size_t before_count = refs_.size();
        size_t e = try_bare_number(n.b);
        if (refs_.size() > before_count) {
          ext = static_cast<int>(refs_.size()) - 1;
          ext_end = e;
        }
      } else if (const size_t ce = parse_code_initialism(n); ce != kNpos) {
        ext = static_cast<int>(refs_.size()) - 1;
        ext_end = ce;
      } else {
        KwMatch tk = match_keyword(n.b);
        if (tk.kw && (tk.kw->cls == KeywordClass::kNamed ||
                      tk.kw->cls == KeywordClass::kDocument)) {
          Token after = tok(tk.end);
          if (tok_is(t_, after, "này")) {
            self_doc = true;
            ext_end = after.e;
          } else {
            size_t before_count = refs_.size();
            int idx = -1;
            size_t e = parse_citation(target_pos, tk, &idx);
            if (idx >= 0 && refs_.size() > before_count) {
              ext = idx;
              ext_end = e;
            } else if (refs_.size() > before_count) {
              // A back-reference ("Luật nêu trên").
              ext = static_cast<int>(refs_.size()) - 1;
              ext_end = e;
            }
          }
        }
      }
    }

    // One reference per cited unit of the lowest level.
    const Group& low = groups.front();
    Pinpoint base;
    for (size_t gi = 1; gi < groups.size(); ++gi)
      set_unit(base, groups[gi].unit, groups[gi].items.front());
    // Units of this document are built in place at the end of refs_
    // (refs_[first] on); those of an act are copies of its reference,
    // which is taken out of refs_ first.
    // One unit of an act that was cited last takes the act's reference
    // itself (reuse).
    size_t n_units = low.items.size();
    for (size_t gi = 1; gi < groups.size(); ++gi)
      n_units += groups[gi].items.size() - 1;
    const bool in_place = ext < 0;
    const bool reuse = ext >= 0 &&
                       static_cast<size_t>(ext) + 1 == refs_.size() &&
                       n_units == 1;
    const size_t first = refs_.size();
    std::vector<Reference> out;
    if (!in_place && !reuse) out.reserve(n_units);
    auto add = [&](Pinpoint&& pp) {
      Reference& r = in_place ? refs_.emplace_back()
                     : reuse  ? refs_[ext]
                              : out.emplace_back(refs_[ext]);
      if (in_place) r.kind = ReferenceKind::kInternal;
      r.pinpoint = std::move(pp);
    };
    for (const std::string& item : low.items) {
      Pinpoint pp = base;
      set_unit(pp, low.unit, item);
      add(std::move(pp));
    }
    // "khoản 2 Điều 7 và Điều 3, 4": further items of a higher level are
    // units of their own.
    for (size_t gi = 1; gi < groups.size(); ++gi) {
      for (size_t k = 1; k < groups[gi].items.size(); ++k) {
        Pinpoint pp;
        for (size_t gj = gi + 1; gj < groups.size(); ++gj)
          set_unit(pp, groups[gj].unit, groups[gj].items.front());
        set_unit(pp, groups[gi].unit, groups[gi].items[k]);
        add(std::move(pp));
      }
    }
    const bool back = ext >= 0 && back_pending_[ext];
    const std::string back_num = ext >= 0 ? back_number_[ext] : "";
    if (ext >= 0 && !reuse) {
      refs_.erase(refs_.begin() + ext);
      back_pending_.erase(back_pending_.begin() + ext);
      back_number_.erase(back_number_.begin() + ext);
    }
    const size_t span_end = ext >= 0 ? ext_end : (self_doc ? ext_end : end);
    // The references before the units, and the units.
    const size_t before_units = in_place ? first
                                : reuse  ? static_cast<size_t>(ext)
                                         : refs_.size();
    const size_t n_out = in_place ? refs_.size() - first
                         : reuse  ? 1
                                  : out.size();
    auto unit_ref = [&](size_t k) -> Reference& {
      return in_place ? refs_[first + k] : reuse ? refs_[ext] : out[k];
    };
    // "Khoản 4, Điều 1, Nghị quyết số 06/2005/NQ-HĐND", "điểm đ, Khoản 1,
    // Điều 5 Luật ...": one unit printed level by level with commas, not a
    // list. The units read so far take this level (and the act), and this
    // level is not a unit of its own.
    if (!units_list_.empty() && n_out == 1 && !self_doc &&
        comma_gap(units_list_end_, pos) &&
        std::all_of(units_list_.begin(), units_list_.end(), [&](size_t k) {
          return k < before_units &&
                 refs_[k].kind == ReferenceKind::kInternal &&
                 highest_unit(refs_[k].pinpoint) < low.unit;
        })) {
      for (size_t k : units_list_) {
        adopt_units(refs_[k], unit_ref(0), Unit::kPoint, ext >= 0);
        refs_[k].span.end = static_cast<uint32_t>(span_end);
      }
      // Not units of their own (nor, for an act, the act alone).
      if (in_place) refs_.resize(first);
      if (reuse) {
        refs_.pop_back();
        back_pending_.pop_back();
        back_number_.pop_back();
      }
      units_list_end_ = span_end;
      if (ext >= 0) {
        units_list_.clear();
        last_doc_end_ = span_end;
        last_doc_index_ = static_cast<int>(refs_.size()) - 1;
      }
      return span_end;
    }
    // "điểm a khoản 1, điểm a khoản 2 và điểm b khoản 3 Điều 10 Nghị định
    // số 39/2016/NĐ-CP": the items listed before this one, without the
    // higher units, share them and the act.
    if (ext >= 0 && n_out > 0 && !units_list_.empty() &&
        list_gap(units_list_end_, pos)) {
      for (size_t k : units_list_)
        if (k < before_units && refs_[k].kind == ReferenceKind::kInternal)
          adopt_units(refs_[k], unit_ref(n_out - 1), Unit::kArticle, true);
    }
    // A list goes on while its items follow one another.
    if (ext >= 0 || self_doc || !list_gap(units_list_end_, pos))
      units_list_.clear();
    for (size_t k = 0; k < n_out; ++k) {
      if (in_place)
        emit_at(first + k, pos, span_end);
      else if (reuse)  // emitted already: its span grows to the units'
        refs_[ext].span = {static_cast<uint32_t>(pos),
                           static_cast<uint32_t>(span_end)};
      else
        emit(std::move(out[k]), pos, span_end);
      back_pending_.back() = back;
      back_number_.back() = back_num;
      // Internal units missing their article may take one from the next
      // item of their list.
      if (in_place && !self_doc && refs_[first + k].pinpoint.article.empty())
        units_list_.push_back(first + k);
    }
    units_list_end_ = span_end;
    if (ext >= 0) {
      last_doc_end_ = span_end;
      last_doc_index_ = static_cast<int>(refs_.size()) - 1;
    }
    return span_end;
  }

  // At `x`, "Quy định" / "Quy chế" / "Điều lệ" ["ban hành"] "kèm theo" and
  // an act's type word: the type word (an empty token if not).
  Token attached_rules_act(const Token& x) const {
    if (!(tok_is(t_, x, "quy") || tok_is(t_, x, "điều"))) return Token{};
    const Token w2 = tok(x.e);
    if (!(tok_is(t_, w2, "định") || tok_is(t_, w2, "chế") ||
          tok_is(t_, w2, "lệ")) ||
        w2.line_break)
      return Token{};
    Token k = tok(w2.e);
    if (tok_is(t_, k, "ban") && tok_is(t_, tok(k.e), "hành"))
      k = tok(tok(k.e).e);
    if (!tok_is(t_, k, "kèm") || k.line_break) return Token{};
    const Token th = tok(k.e);
    if (!tok_is(t_, th, "theo")) return Token{};
    // "kèm theo" asks for the act: it may be wrapped onto the next line.
    const Token a = tok(th.e);
    if (!a.word || a.blank_line || !keyword_at(a.b)) return Token{};
    const KwMatch m = match_keyword(a.b);
    if (!m.kw || (m.kw->cls != KeywordClass::kNamed &&
                  m.kw->cls != KeywordClass::kDocument))
      return Token{};
    return a;
  }

  // After "về" and a unit's description of small words on the same line,
  // "của" and an act's type word: the type word (an empty token if not).
  Token described_unit_act(size_t pos) const {
    Token x = tok(pos);
    for (int k = 0; k < 16 && x.word && !x.line_break; ++k) {
      if (tok_is(t_, x, "của")) {
        const Token a = tok(x.e);
        if (!a.word || a.line_break || !tok_upper_initial(t_, a) ||
            !keyword_at(a.b))
          return Token{};
        const KwMatch m = match_keyword(a.b);
        if (!m.kw || (m.kw->cls != KeywordClass::kNamed &&
                      m.kw->cls != KeywordClass::kDocument))
          return Token{};
        return a;
      }
      if (tok_upper_initial(t_, x) || keyword_at(x.b)) return Token{};
      x = tok(x.e);
    }
    return Token{};
  }

  // Internal references of the pinpoint list being read, and where it
  // ended.
  std::vector<size_t> units_list_;
  size_t units_list_end_ = 0;
  // Only ", " or " và " / " hoặc " between a and b.
  bool list_gap(size_t a, size_t b) const {
    if (a > b || b - a > 12) return false;
    std::string_view g = t_.substr(a, b - a);
    while (!g.empty() && (g.front() == ' ' || g.front() == ','))
      g.remove_prefix(1);
    while (!g.empty() && g.back() == ' ') g.remove_suffix(1);
    return g.empty() || g == "và" || g == "hoặc";
  }

  // `prev` takes the units from `lowest` up that it lacks from `from`'s
  // pinpoint and, with `act`, the act `from` cites; it keeps its span.
  static void adopt_units(Reference& prev, const Reference& from, Unit lowest,
                          bool act) {
    Pinpoint pp = prev.pinpoint;
    const Pinpoint& f = from.pinpoint;
    auto take = [&](std::string& mine, const std::string& theirs, Unit u) {
      if (u >= lowest && mine.empty()) mine = theirs;
    };
    take(pp.point, f.point, Unit::kPoint);
    take(pp.clause, f.clause, Unit::kClause);
    take(pp.article, f.article, Unit::kArticle);
    take(pp.section, f.section, Unit::kSection);
    take(pp.chapter, f.chapter, Unit::kChapter);
    take(pp.part, f.part, Unit::kPart);
    const Span sp = prev.span;
    if (act) prev = from;
    prev.pinpoint = pp;
    prev.span = sp;
  }

  // Only ", " between a and b.
  bool comma_gap(size_t a, size_t b) const {
    if (a > b || b - a > 6) return false;
    const std::string_view g = t_.substr(a, b - a);
    return std::count(g.begin(), g.end(), ',') == 1 &&
           g.find_first_not_of(", ") == std::string_view::npos;
  }
  // The highest unit a pinpoint names.
  static Unit highest_unit(const Pinpoint& p) {
    if (!p.part.empty()) return Unit::kPart;
    if (!p.chapter.empty()) return Unit::kChapter;
    if (!p.section.empty()) return Unit::kSection;
    if (!p.article.empty()) return Unit::kArticle;
    if (!p.clause.empty()) return Unit::kClause;
    if (!p.point.empty()) return Unit::kPoint;
    return Unit::kNone;
  }

  static void set_unit(Pinpoint& p, Unit u, const std::string& v) {
    switch (u) {
      case Unit::kPoint:
        p.point = v;
        break;
      case Unit::kClause:
        p.clause = v;
        break;
      case Unit::kArticle:
        p.article = v;
        break;
      case Unit::kSection:
        p.section = v;
        break;
      case Unit::kChapter:
        p.chapter = v;
        break;
      case Unit::kPart:
        p.part = v;
        break;
      case Unit::kNone:
        break;
    }
  }

  // ---- after the scan -------------------------------------------------------

  void finish();
  void drop_described_short_names();
  // Removes the references `drop` names, with their back-reference state.
  template <typename Drop>
  void drop_references(Drop drop) {
    size_t w = 0;
    for (size_t i = 0; i < refs_.size(); ++i) {
      if (drop(refs_[i])) continue;
      if (w != i) {
        refs_[w] = std::move(refs_[i]);
        back_number_[w] = std::move(back_number_[i]);
        back_pending_[w] = back_pending_[i];
      }
      ++w;
    }
    refs_.resize(w);
    back_number_.resize(w);
    back_pending_.resize(w);
  }
  void resolve_back_references();
  void merge_names();
  std::string defined_initialism(const std::string& abbr,
                                 std::string_view doc_type = {}) const;
  void fix_misspelled_titles(
      std::vector<std::string>& keys,
      const std::unordered_map<std::string, size_t>& first_of);
  void assign_roles();
  void share_list_attributes();
  void share_list_acts();
  void date_told_before();
  bool separator_only(size_t b, size_t e) const;
  bool continues_list(size_t end, size_t b, bool* titled) const;
  bool in_title(size_t i, size_t cue, size_t cs) const;
  // Where a document type word ("Luật", "Nghị định") ending just before
  // `at` starts, or before "sửa đổi," there ("Luật sửa đổi, bổ sung");
  // kNpos if there is none.
  size_t type_word_before(size_t at) const {
    Token last = prev_token(at);
    if (last.valid() && !last.word && t_[last.b] == ',')
      last = prev_token(last.b);
    if (tok_is(t_, last, "đổi")) {
      const Token s = prev_token(last.b);
      if (tok_is(t_, s, "sửa")) last = prev_token(s.b);
    }
    Token t = last;
    for (int n = 0; n < 3 && t.word; ++n, t = prev_token(t.b)) {
      if (!keyword_at(t.b)) continue;
      const KwMatch m = match_keyword(t.b);
      if (m.kw && m.kw->cls != KeywordClass::kUnit && m.end == last.e)
        return t.b;
    }
    return kNpos;
  }
  // Where `collapsed` (text with each run of spaces made one space) ends
  // when it is read from `at`, or kNpos if the text there differs.
  size_t collapsed_match_end(size_t at, std::string_view collapsed) const {
    size_t i = at;
    for (size_t k = 0; k < collapsed.size(); ++k) {
      if (collapsed[k] == ' ') {
        if (i >= t_.size() || !space_len(t_, i)) return kNpos;
        while (i < t_.size() && space_len(t_, i)) i += space_len(t_, i);
      } else {
        if (i >= t_.size() || t_[i] != collapsed[k]) return kNpos;
        ++i;
      }
    }
    return i;
  }
  // Byte `at` lies in a citation before citation i (not the document
  // itself).
  bool cited_at(size_t at, size_t i) const {
    for (size_t j = i; j-- > 0;) {
      const Reference& a = refs_[j];
      if (a.span.end <= at) return false;
      if (a.kind != ReferenceKind::kSelf && a.span.begin <= at) return true;
    }
    return false;
  }
  void mark_editorial();
  void link_nodes();
  // Units cited inside an amendment instruction belong to the amended act
  // (see the definition).
  void frame_amendments();
  int32_t amended_act_of(int32_t node) const;
  bool leads_with_amendment(int32_t node) const;
  size_t first_line_end(const Node& n) const;
  // The unit the instruction holding `node` names: the nearest reference
  // before refs_[i] into `act` (or the act's own), outside quoted text,
  // with an article, in `node` or a unit above it.
  const Reference* instruction_unit(size_t i, int32_t act, int32_t node) const;
  bool inside_quotation(size_t from, size_t pos) const;
  // The next reference on refs_[i]'s line, when it is a unit of this
  // document's kind with an article.
  const Reference* unit_later_on_line(size_t i) const;
  int32_t find_unit(int32_t scope, NodeKind kind, const std::string& num) const;
  // The units of `kind` within `scope` by number, the first in search order
  // for each: one walk of the scope answers every pinpoint into it (a walk
  // per pinpoint is quadratic in a long text full of them).
  using UnitIndex = std::unordered_map<std::string, int32_t>;
  void index_units(int32_t scope, NodeKind kind, UnitIndex& out) const;
  // Keyed by scope and kind.
  mutable std::unordered_map<uint64_t, UnitIndex> unit_index_;
  mutable std::vector<int32_t> unit_stack_;
  int32_t enclosing(int32_t node, NodeKind kind) const;
  // Citation i is the subject of "... hết hiệu lực" in its clause.
  bool ends_effect_after(size_t i) const;
};

void Extractor::finish() {
  // Drop what sits in the header before the document's own number (site
  // titles repeat the document's own name there), and what sits in the
  // site's lines after the document (an editorial node closing the tree:
  // its page title, related documents, notices).
  size_t trailer = t_.size() + 1;
  if (!doc_.nodes.empty() && !doc_.nodes[0].children.empty()) {
    const Node& last = doc_.nodes[doc_.nodes[0].children.back()];
    if (last.kind == NodeKind::kEditorial && last.span.begin > 0)
      trailer = last.span.begin;
  }
  if (header_end_ > 0 || trailer <= t_.size())
    drop_references([&](const Reference& r) {
      return r.span.begin < header_end_ || r.span.begin >= trailer;
    });
  // Order by position (a pinpoint emits its document after parsing it).
  const bool sorted = std::is_sorted(
      refs_.begin(), refs_.end(), [](const Reference& a, const Reference& b) {
        return a.span.begin < b.span.begin;
      });
  if (!sorted) {
    std::vector<size_t> order(refs_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return refs_[a].span.begin < refs_[b].span.begin;
    });
    std::vector<Reference> r2;
    std::vector<std::string> n2;
    std::vector<char> p2;
    r2.reserve(refs_.size());
    for (size_t i : order) {
      r2.push_back(std::move(refs_[i]));
      n2.push_back(std::move(back_number_[i]));
      p2.push_back(back_pending_[i]);
    }
    refs_ = std::move(r2);
    back_number_ = std::move(n2);
    back_pending_ = std::move(p2);
  }

  complete_cut_numbers();
  share_act_over_and();
  for (Reference& r : refs_) {
    if ((!own_number_.empty() && r.number == own_number_) ||
        number_label_line(r))
      r.kind = ReferenceKind::kSelf;
    if (attachment_caption(r)) r.kind = ReferenceKind::kSelf;
    if (r.kind == ReferenceKind::kNamed && !own_type_.empty() &&
        r.doc_type == own_type_ && name_key(r.name) == own_name_key_)
      r.kind = ReferenceKind::kSelf;
  }
  drop_described_short_names();
  // Before the back-references: a website's note is no antecedent of the
  // document's own text.
  mark_editorial();
  merge_names();
  resolve_back_references();
  share_list_attributes();
  share_list_acts();
  date_told_before();
  for (Reference& r : refs_) r.text = std::string(doc_.slice(r.span));
  link_nodes();  // roles read the node (a basis line)
  assign_roles();
  frame_amendments();
  doc_.references = std::move(refs_);
}

// "Căn cứ Quyết định số 06/QĐ-TTg ... phê duyệt Đề án phát triển ... (gọi
// tắt là Đề án 06/CP)": a citation right after "(sau đây) gọi (tắt|chung)
// là" whose type is not that of the act the bracket follows is the short
// name the text gives to what that act holds, not an act it cites; its
// other mentions ("Tổ Công tác Đề án 06/CP") are not either. After an act
// of its own type it is that act.
void Extractor::drop_described_short_names() {
  std::vector<std::string> described;
  for (size_t i = 0; i < refs_.size(); ++i) {
    const Reference& r = refs_[i];
    if (r.kind != ReferenceKind::kDocument && r.kind != ReferenceKind::kNamed)
      continue;
    const size_t lead = alias_lead_before(r.span.begin);
    if (lead == kNpos) continue;
    // The bracket, and the act cited before it in the same sentence.
    const size_t open = t_.rfind('(', lead);
    if (open == kNpos || t_.find_first_of(");\n", open) < lead) continue;
    const Reference* act = nullptr;
    for (size_t j = i; j-- > 0;) {
      const Reference& a = refs_[j];
      if (a.span.end > open) continue;
      if (t_.find_first_of(";\n", a.span.end) < open) break;
      if (a.kind == ReferenceKind::kDocument ||
          a.kind == ReferenceKind::kNamed || a.kind == ReferenceKind::kParty)
        act = &a;
      break;
    }
    if (!act || act->doc_type == r.doc_type) continue;
    described.push_back(r.doc_type + "|" +
                        (r.number.empty() ? loose_key(r.name) : r.number));
  }
  if (described.empty()) return;
  drop_references([&](const Reference& r) {
    if (r.kind != ReferenceKind::kDocument && r.kind != ReferenceKind::kNamed)
      return false;
    const std::string key =
        r.doc_type + "|" + (r.number.empty() ? loose_key(r.name) : r.number);
    return std::find(described.begin(), described.end(), key) !=
           described.end();
  });
}

namespace {

// Edit distance between two short words, in code points, capped at 3.
int word_distance(std::string_view a, std::string_view b) {
  char32_t x[16], y[16];
  size_t nx = 0, ny = 0;
  for (size_t i = 0, len = 0; i < a.size() && nx < 16; i += len)
    x[nx++] = cp_at(a, i, &len);
  for (size_t i = 0, len = 0; i < b.size() && ny < 16; i += len)
    y[ny++] = cp_at(b, i, &len);
  int row[17];
  for (size_t j = 0; j <= ny; ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= nx; ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= ny; ++j) {
      const int up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return std::min(row[ny], 3);
}

// Calls f(word) for each word of `s` (single spaces between words) until
// f returns false; false when it did.
template <typename F>
bool each_word(std::string_view s, F f) {
  for (size_t i = 0; i < s.size();) {
    size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    if (!f(s.substr(i, e - i))) return false;
    i = e + 1;
  }
  return true;
}

bool is_title(const TitleSet& titles, std::string_view key) {
  size_t lo = 0, hi = titles.sorted.size(), off = 0;
  bool full = false;
  return each_word(key,
                   [&](std::string_view w) {
                     if (lo == hi) return false;
                     full = titles.narrow(lo, hi, off, w);
                     return true;
                   }) &&
         full;
}

// Same number of words, one of them different by at most two letters.
bool one_word_slip(std::string_view a, std::string_view b) {
  int differing = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    size_t ie = a.find(' ', i), je = b.find(' ', j);
    if (ie == std::string_view::npos) ie = a.size();
    if (je == std::string_view::npos) je = b.size();
    const std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
    // A slip keeps the first letter and the length within two letters.
    if (x != y && (++differing > 1 || x[0] != y[0] || x.size() > y.size() + 6 ||
                   y.size() > x.size() + 6 || word_distance(x, y) > 2))
      return false;
    i = ie + 1;
    j = je + 1;
  }
  return differing == 1 && i >= a.size() && j >= b.size();
}

}  // namespace

// A name one slip away from an official title cited in the same text is
// that title misspelled ("Luật Thuế đô" beside "Luật Thủ đô"): it takes the
// title's spelling. Both must have two words or more and differ in one
// word, by at most two letters. Works on the distinct names (`first_of`:
// "type|loose key" -> first reference) and keeps `keys` in step.
void Extractor::fix_misspelled_titles(
    std::vector<std::string>& keys,
    const std::unordered_map<std::string, size_t>& first_of) {
  if (first_of.size() < 2) return;
  struct Name {
    size_t first;
    std::string_view key;  // without the type
  };
  std::vector<Name> names;
  for (const auto& [k, i] : first_of) {
    const Reference& r = refs_[i];
    if (r.kind != ReferenceKind::kNamed) continue;
    std::string_view key = std::string_view(k).substr(r.doc_type.size() + 1);
    if (key.find(' ') == std::string_view::npos) continue;
    names.push_back({i, key});
  }
  if (names.size() < 2) return;
  std::sort(names.begin(), names.end(),
            [](const Name& a, const Name& b) { return a.first < b.first; });
  // Pairs first (cheap), titles only for the few pairs one slip apart.
  for (const Name& o : names) {
    const Reference& miss = refs_[o.first];
    for (const Name& t : names) {
      if (&t == &o || refs_[t.first].doc_type != miss.doc_type ||
          !one_word_slip(o.key, t.key))
        continue;
      const TitleSet* titles = titles_for(miss.doc_type);
      if (!titles || is_title(*titles, o.key) || !is_title(*titles, t.key))
        continue;
      const std::string old_key = keys[o.first];
      for (size_t i = 0; i < refs_.size(); ++i) {
        if (keys[i] != old_key || !refs_[i].number.empty()) continue;
        refs_[i].name = refs_[t.first].name;
        keys[i] = keys[t.first];
      }
      break;
    }
  }
}

// Whether the citation at `at` follows an amending act's lead, "<Type> sửa
// đổi, bổ sung [một số điều] của " (the lead's type and the cited name may
// be one act or two: "Luật sửa đổi ... của Luật Đất đai số 31/2024/QH15").
bool Extractor::after_amending_lead(size_t at) const {
  const size_t from = at > 120 ? at - 120 : 0;
  std::string_view before = t_.substr(from, at - from);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\n' ||
                             before.back() == '\r'))
    before.remove_suffix(1);
  static constexpr std::string_view kOf = "của";
  if (before.size() < kOf.size() ||
      before.substr(before.size() - kOf.size()) != kOf)
    return false;
  size_t lead = before.rfind("sửa đổi, bổ sung");
  const size_t upper = before.rfind("Sửa đổi, bổ sung");
  if (lead == std::string_view::npos ||
      (upper != std::string_view::npos && upper > lead))
    lead = upper;
  if (lead == std::string_view::npos) return false;
  const std::string_view between = before.substr(lead);
  // Only "[một số điều] của" between the lead and the cited act.
  return between.size() <=
         std::string_view("sửa đổi, bổ sung một số điều của").size() + 4;
}

// The same document cited again with different punctuation or case keeps
// the first spelling of its name; a name given once with its number lends
// the number to its other mentions.
// The words whose initials spell `abbr` right before "(abbr)" in the
// text ("... Điều 22 Luật Bảo hiểm y tế (BHYT)" gives "Bảo hiểm y tế"), or
// `abbr` itself when the text defines it nowhere.
std::string Extractor::defined_initialism(const std::string& abbr,
                                          std::string_view doc_type) const {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return abbr;
  auto initial = [&](char32_t c) -> char {
    c = lower_cp(c);
    if (c == 0x111) return 'D';
    icu::UnicodeString d;
    if (c >= 0x80 && nfd->getDecomposition(static_cast<UChar32>(c), d))
      c = static_cast<char32_t>(d.char32At(0));
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : '?';
  };
  const std::string mark = "(" + abbr + ")";
  for (size_t h = t_.find(mark); h != std::string_view::npos;
       h = t_.find(mark, h + 1)) {
    // Back over one word per letter; commas and hyphens may stand between
    // them ("khám, chữa bệnh (KCB)").
    size_t b = h, letters = abbr.size();
    bool ok = true;
    while (letters > 0 && ok) {
      size_t e = b;
      while (e > 0 &&
             (t_[e - 1] == ' ' || t_[e - 1] == ',' || t_[e - 1] == '-'))
        --e;
      size_t w = e;
      while (w > 0 && t_[w - 1] != ' ' && t_[w - 1] != '\n' &&
             t_[w - 1] != ',' && t_[w - 1] != '(')
        --w;
      if (w == e) {
        ok = false;
        break;
      }
      size_t len = 0;
      ok = initial(cp_at(t_, w, &len)) == abbr[letters - 1];
      b = w;
      --letters;
    }
    if (!ok) continue;
    std::string name = collapse_spaces(t_.substr(b, h - b));
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty()) return name;
  }
  // Or the words after the type, wherever the text names the act in full,
  // if only inside the title of another one: "Luật BHYT" in a table, "...
  // biện pháp thi hành một số điều của Luật Bảo hiểm y tế" in a Căn cứ line.
  if (doc_type.empty()) return abbr;
  const std::string lead = std::string(doc_type) + " ";
  for (size_t h = t_.find(lead); h != std::string_view::npos;
       h = t_.find(lead, h + 1)) {
    if (h > 0 && t_[h - 1] != ' ' && t_[h - 1] != '\n' && t_[h - 1] != '(')
      continue;
    const size_t b = h + lead.size();
    size_t w = b;
    bool ok = true;
    for (size_t k = 0; k < abbr.size() && ok; ++k) {
      if (k > 0) {
        if (w >= t_.size() || t_[w] != ' ') {
          ok = false;
          break;
        }
        ++w;
      }
      size_t len = 0;
      if (w >= t_.size() || initial(cp_at(t_, w, &len)) != abbr[k]) {
        ok = false;
        break;
      }
      while (w < t_.size() && t_[w] != ' ' && t_[w] != '\n' && t_[w] != ',' &&
             t_[w] != ';' && t_[w] != '.' && t_[w] != ')' && t_[w] != '|')
        ++w;
    }
    if (ok) return collapse_spaces(t_.substr(b, w - b));
  }
  return abbr;
}

void Extractor::merge_names() {
  // An initialism stands for a name cited in full elsewhere ("Luật DN
  // 2014" = "Luật Doanh nghiệp 2014").
  std::vector<const Reference*> distinct;
  bool have_distinct = false;  // most documents have no initialism
  for (Reference& r : refs_) {
    if (r.kind != ReferenceKind::kNamed || r.name.size() > 6) continue;
    bool caps = r.name.size() >= 2;
    for (char c : r.name)
      if (!(c >= 'A' && c <= 'Z')) caps = false;
    if (!caps) continue;
    if (!have_distinct) {
      // Built before the first initialism is expanded, so from the names
      // as cited.
      std::unordered_set<std::string> seen;
      for (const Reference& o : refs_)
        if (!o.name.empty() && seen.insert(o.doc_type + "|" + o.name).second)
          distinct.push_back(&o);
      have_distinct = true;
    }
    bool expanded = false;
    for (const Reference* op : distinct) {
      const Reference& o = *op;
      if (&o == &r || o.doc_type != r.doc_type ||
          o.name.size() <= r.name.size())
        continue;
      if (r.year && o.year && *r.year != *o.year) continue;
      std::string initials;
      for (size_t i = 0; i < o.name.size();) {
        if (i == 0 || o.name[i - 1] == ' ') {
          size_t len = 0;
          char32_t c = cp_at(o.name, i, &len);
          char32_t l = lower_cp(c);
          if (l == 0x111)
            initials += 'D';
          else if (l < 0x80)
            initials += static_cast<char>(l - 32);
          else
            initials += '?';
          i += len;
          continue;
        }
        ++i;
      }
      if (initials == r.name) {
        r.name = o.name;
        expanded = true;
        break;
      }
    }
    // Or for the words the text defines it by: "Luật Bảo hiểm y tế
    // (BHYT)", cited in full only where it is not counted (inside the
    // title of another act).
    if (!expanded) r.name = defined_initialism(r.name, r.doc_type);
  }
  std::unordered_map<std::string, size_t> first_of;
  std::vector<std::string> keys(refs_.size());
  for (size_t i = 0; i < refs_.size(); ++i) {
    Reference& r = refs_[i];
    if (r.name.empty() || r.kind == ReferenceKind::kSelf ||
        r.kind == ReferenceKind::kParty)
      continue;
    keys[i] = r.doc_type + "|" + name_key(r.name);
    auto it = first_of.find(keys[i]);
    if (it == first_of.end())
      first_of.emplace(keys[i], i);
    else if (r.number.empty())
      r.name = refs_[it->second].name;
  }
  fix_misspelled_titles(keys, first_of);
  // Numbers known for each name (a name may stand for several laws).
  struct Known {
    std::string number, issuer_code;
    std::optional<int> year;
    bool amending = true;  // every mention follows "... sửa đổi ... của"
  };
  // A website's notes cite the acts that later amended or replaced the
  // text ("[Điều này hết hiệu lực bởi ... Luật Thuế thu nhập doanh nghiệp
  // 2025 ...]"): they tell nothing of what the text's own names stand for.
  std::unordered_map<std::string, std::vector<Known>> numbers;
  for (size_t i = 0; i < refs_.size(); ++i) {
    const Reference& o = refs_[i];
    if (keys[i].empty() || o.number.empty() || o.editorial) continue;
    auto& v = numbers[keys[i]];
    const bool amending = after_amending_lead(o.span.begin);
    bool dup = false;
    for (Known& k : v)
      if (k.number == o.number) {
        dup = true;
        k.amending = k.amending && amending;
      }
    if (!dup) v.push_back({o.number, o.issuer_code, o.year, amending});
  }
  // Years the name is cited with, without a number, that no number known for
  // it has: the name also stands for a law whose number is not given ("Luật
  // hải quan năm 2014" beside "Luật Hải quan số 29/2001/QH10").
  std::unordered_set<std::string> other_law;
  for (size_t i = 0; i < refs_.size(); ++i) {
    const Reference& o = refs_[i];
    if (keys[i].empty() || !o.number.empty() || !o.year || o.editorial)
      continue;
    auto it = numbers.find(keys[i]);
    if (it == numbers.end()) continue;
    bool known = false;
    for (const Known& k : it->second)
      known = known || (k.year && *k.year == *o.year);
    if (!known) other_law.insert(keys[i]);
  }
  for (size_t i = 0; i < refs_.size(); ++i) {
    Reference& r = refs_[i];
    if (r.kind != ReferenceKind::kNamed || !r.number.empty() || keys[i].empty())
      continue;
    auto it = numbers.find(keys[i]);
    if (it == numbers.end()) continue;
    if (!r.year && other_law.count(keys[i])) continue;
    const Known* only = nullptr;
    int count = 0;
    for (const Known& k : it->second) {
      if (r.year && k.year && *r.year != *k.year) continue;
      only = &k;
      ++count;
    }
    if (count > 1) {
      // "Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi ...
      // số 04/2012/PL-UBTVQH13": a number after an amending act's lead may
      // be that act's own, so it does not tell which act the bare name
      // stands for when the name is also cited with another number.
      const Known* plain = nullptr;
      int plain_count = 0;
      for (const Known& k : it->second) {
        if (k.amending || (r.year && k.year && *r.year != *k.year)) continue;
        plain = &k;
        ++plain_count;
      }
      if (plain_count == 1) {
        only = plain;
        count = 1;
      }
    }
    if (count == 1) {
      r.number = only->number;
      r.issuer_code = only->issuer_code;
      r.kind = ReferenceKind::kDocument;
    }
  }
}

void Extractor::resolve_back_references() {
  if (std::find(back_pending_.begin(), back_pending_.end(), 1) ==
      back_pending_.end())
    return;
  std::vector<Reference> out;
  out.reserve(refs_.size());
  for (size_t i = 0; i < refs_.size(); ++i) {
    if (!back_pending_[i]) {
      out.push_back(std::move(refs_[i]));
      continue;
    }
    Reference& r = refs_[i];
    int found = -1;
    for (int j = static_cast<int>(out.size()) - 1; j >= 0; --j) {
      const Reference& a = out[j];
      if (a.kind == ReferenceKind::kInternal ||
          a.kind == ReferenceKind::kSelf || a.antecedent >= 0 ||
          (a.editorial && !r.editorial))
        continue;
      if (a.doc_type != r.doc_type) continue;
      const std::string& want = back_number_[i];
      if (!want.empty() && !(a.number.rfind(want + "/", 0) == 0 ||
                             a.number.rfind(want + "-", 0) == 0))
        continue;
      found = j;
      break;
    }
    if (found < 0) continue;  // unresolved: a vague mention, not emitted
    const Reference& a = out[found];
    Pinpoint pp = r.pinpoint;
    Span span = r.span;
    Reference b = a;
    b.pinpoint = pp;
    b.span = span;
    b.antecedent = found;
    b.role = ReferenceRole::kMentions;
    b.editorial = r.editorial;
    out.push_back(std::move(b));
  }
  refs_ = std::move(out);
}

// Positions of `c` in `t`, ascending (memchr skips the long stretches
// between them far faster than a byte loop).
std::vector<size_t> positions_of(std::string_view t, char c) {
  std::vector<size_t> out;
  const char* const base = t.data();
  const char* const end = base + t.size();
  for (const char* p = base; p < end;) {
    const void* hit = std::memchr(p, c, static_cast<size_t>(end - p));
    if (!hit) break;
    const char* h = static_cast<const char*>(hit);
    out.push_back(static_cast<size_t>(h - base));
    p = h + 1;
  }
  return out;
}

// The first index >= from of byte a or b in s, or kNpos (find_first_of
// with a set calls memchr on the set once per byte of s).
size_t find_either(std::string_view s, size_t from, char a, char b) {
  size_t k = from;
#if defined(__SSE2__)
  // 16 bytes at a time: the stretch searched is a whole line.
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; k + 16 <= s.size(); k += 16) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + k));
    const int mask = _mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
    if (mask) return k + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; k < s.size(); ++k)
    if (s[k] == a || s[k] == b) return k;
  return kNpos;
}

// The first occurrence of `needle` in `s`, or kNpos. memmem skips by byte
// pairs; string_view::find stops at every byte equal to the needle's first
// ('h' is in most Vietnamese words).
size_t find_text(std::string_view s, std::string_view needle) {
  const void* hit = memmem(s.data(), s.size(), needle.data(), needle.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - s.data())
             : kNpos;
}

// The largest element of `v` below `b`, or kNpos.
size_t last_below(const std::vector<size_t>& v, size_t b) {
  auto it = std::lower_bound(v.begin(), v.end(), b);
  return it == v.begin() ? kNpos : *(it - 1);
}

void Extractor::mark_editorial() {
  // Notes that legal websites insert: "[Điều này được hướng dẫn bởi ...]":
  // the nearest of '\n', '[' and ']' before the citation (within 1200
  // bytes) is a '[' that a ']' closes later on the line.
  if (refs_.empty()) return;
  const std::vector<size_t> opens = positions_of(t_, '[');
  if (opens.empty()) return;
  for (Reference& r : refs_) {
    const size_t b = r.span.begin;
    const size_t open = last_below(opens, b);
    if (open == kNpos || b - open > 1200) continue;
    // A line break or a ']' between the '[' and the citation.
    if (find_either(t_.substr(0, b), open + 1, '\n', ']') != kNpos) continue;
    const size_t close = find_either(t_, r.span.end, ']', '\n');
    // The notes say what acts on the text ("được hướng dẫn bởi", "bị bãi
    // bỏ bởi"); a bracket without "bởi" is the document's own footnote
    // printed inline ("[tại Chương trình số 51-CTr/TU ...]").
    if (close != kNpos && t_[close] == ']' &&
        find_text(t_.substr(open, close - open), "bởi") !=
            std::string_view::npos)
      r.editorial = true;
  }
}

// The folded text before "bổ sung" ends with a document's noun that it
// qualifies ("báo cáo bổ sung", "tờ trình bổ sung").
bool supplementary_noun(std::string_view before) {
  static constexpr std::string_view kNouns[] = {
      "báo cáo ", "tờ trình ", "văn bản ", "tài liệu ", "hồ sơ ", "thông báo "};
  for (std::string_view n : kNouns)
    if (before.size() >= n.size() &&
        before.substr(before.size() - n.size()) == n)
      return true;
  return false;
}

bool Extractor::ends_effect_after(size_t i) const {
  const Reference& r = refs_[i];
  size_t end = std::min(t_.size(), static_cast<size_t>(r.span.end) + 160);
  if (i + 1 < refs_.size())
    end = std::min(end, static_cast<size_t>(refs_[i + 1].span.begin));
  // The next reference may start inside this one (a pinpoint's act):
  // then nothing follows this one before it.
  if (end <= r.span.end) return false;
  const std::string_view after = t_.substr(r.span.end, end - r.span.end);
  const size_t stop = find_either(after, 0, ';', '\n');
  const std::string_view clause = after.substr(0, stop);
  const size_t at = find_text(clause, "hết hiệu lực");
  if (at == std::string_view::npos) return false;
  const std::string_view before = clause.substr(0, at);
  constexpr std::string_view kPast = "đã ";
  if (before.size() >= kPast.size() &&
      before.substr(before.size() - kPast.size()) == kPast)
    return false;
  return before.find(". ") == std::string_view::npos;
}

void Extractor::share_list_attributes() {
  // "các Nghị định số 12/2020/NĐ-CP và số 13/2020/NĐ-CP ngày 10/7/2020 của
  // Chính phủ": numbers listed under one type word share the date and the
  // issuer printed after the last. An item with its own type word
  // ("Nghị định số 11/2020/NĐ-CP và Nghị định số 99/2021/NĐ-CP ngày ...")
  // is a citation of its own: the date is the last one's alone, and the
  // issuer is shared only when the numbers name the same issuer.
  for (size_t i = refs_.size(); i-- > 1;) {
    const Reference& last = refs_[i];
    Reference& r = refs_[i - 1];
    if (last.kind != ReferenceKind::kDocument ||
        r.kind != ReferenceKind::kDocument || r.number.empty() ||
        last.number.empty() || !r.issuer.empty() ||
        r.doc_type != last.doc_type || !list_gap(r.span.end, last.span.begin))
      continue;
    const Token item = tok(last.span.begin);
    const bool untyped =
        tok_is(t_, item, "số") || (item.word && is_digit(t_[item.b]));
    // The date's year must not contradict the number's ("12/2020/...").
    const int date_year =
        last.date.size() >= 4 ? std::atoi(last.date.substr(0, 4).c_str()) : 0;
    if (untyped && r.date.empty() && date_year &&
        (!r.year || r.year == date_year)) {
      r.date = last.date;
      r.year = date_year;
    }
    if (!last.issuer.empty() &&
        (untyped ||
         (!r.issuer_code.empty() && r.issuer_code == last.issuer_code)))
      r.issuer = last.issuer;
  }
}

void Extractor::date_told_before() {
  // "Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số
  // 169-CP", "Ngày 11/12/2025, Quốc hội đã ban hành Nghị quyết số ...": a
  // sentence that opens with a date and tells who issued the act it then
  // cites (first) gives that act its date.
  for (size_t i = 0; i < refs_.size(); ++i) {
    Reference& r = refs_[i];
    if (r.kind != ReferenceKind::kDocument || !r.date.empty() ||
        r.number.empty())
      continue;
    const size_t b = r.span.begin;
    const size_t lim = b > 200 ? b - 200 : 0;
    const std::string_view before = t_.substr(lim, b - lim);
    size_t s = before.rfind('\n');
    const size_t stop = before.rfind(". ");
    if (stop != kNpos && (s == kNpos || stop > s)) s = stop + 1;
    if (s == kNpos) {
      if (lim > 0) continue;
      s = 0;
    } else {
      s += lim + 1;
    }
    if (i > 0 && refs_[i - 1].span.end > s) continue;
    Token w = tok(s);
    if (tok_is(t_, w, "vào")) w = tok(w.e);
    if (!tok_is(t_, w, "ngày")) continue;
    const Token d = tok(w.e);
    if (!d.word || !is_digit(t_[d.b])) continue;
    const auto dp = parse_date(t_, d.b);
    if (!dp || dp->end > b || b - dp->end > 120) continue;
    const std::string_view told = t_.substr(dp->end, b - dp->end);
    if (told.find('\n') != kNpos ||
        (told.find("ban hành") == kNpos && told.find(" ra ") == kNpos &&
         told.find(" ký ") == kNpos))
      continue;
    if (r.year && *r.year != dp->year) continue;
    r.date = dp->iso;
    r.year = dp->year;
  }
}

// A unit read as one of `act`'s takes the act's identity; its pinpoint,
// role, text and span stay its own.
void take_identity(Reference& r, const Reference& act) {
  r.kind = act.kind;
  r.doc_type = act.doc_type;
  r.type_code = act.type_code;
  r.number = act.number;
  r.name = act.name;
  r.year = act.year;
  r.date = act.date;
  r.issuer = act.issuer;
  r.issuer_code = act.issuer_code;
}

// Whether only a list's separator lies in [b, e): ",", "và", "hoặc",
// ", và", on one line.
bool Extractor::separator_only(size_t b, size_t e) const {
  if (e <= b || e - b > 16) return false;
  std::string_view g = t_.substr(b, e - b);
  auto trim = [&] {
    while (!g.empty() && (g.front() == ' ' || g.front() == '\t'))
      g.remove_prefix(1);
    while (!g.empty() && (g.back() == ' ' || g.back() == '\t'))
      g.remove_suffix(1);
  };
  trim();
  if (!g.empty() && g.front() == ',') {
    g.remove_prefix(1);
    trim();
  }
  return g.empty() || g == "và" || g == "hoặc";
}

void Extractor::share_list_acts() {
  // "khoản 10 Điều 3, khoản 1 Điều 12 Nghị định số 15/2018/NĐ-CP", "Điều 3,
  // Điều 4 và khoản 1 Điều 8 Luật ...": units listed right before a unit of
  // an act are units of that act, not of this document. Walked from the
  // end so that a list passes the act back item by item; a unit with its
  // own "này" ("Điều 3 Nghị quyết này, Điều 5 Luật ...") keeps its own.
  for (size_t i = refs_.size(); i-- > 0;) {
    Reference& r = refs_[i];
    if (r.kind != ReferenceKind::kInternal || r.editorial) continue;
    const std::string_view text = t_.substr(r.span.begin, r.span.size());
    if (text.find("này") != std::string_view::npos) continue;
    size_t k = i + 1;
    while (k < refs_.size() && refs_[k].span.begin < r.span.end) ++k;
    if (k >= refs_.size()) continue;
    const Reference& a = refs_[k];
    if (a.editorial ||
        (a.kind != ReferenceKind::kDocument &&
         a.kind != ReferenceKind::kNamed) ||
        (a.pinpoint.article.empty() && a.pinpoint.clause.empty() &&
         a.pinpoint.point.empty()) ||
        !separator_only(r.span.end, a.span.begin))
      continue;
    take_identity(r, a);
  }
}

void Extractor::assign_roles() {
  // The words asked about at one position (a line or clause start) are
  // compared with one folded copy of what starts there. Folding more bytes
  // than a word needs leaves the word's own bytes as they were.
  constexpr size_t kLongestWord = std::string_view("trên cơ sở").size();
  struct {
    size_t at = kNpos;
    size_t b = 0;  // where the word starts
    bool word = false;
    bool folded_ready = false;
    char buf[64];
    std::string_view folded;
  } start;
  // The words asked about start with a small ASCII letter, which only that
  // letter in either case folds to: a position whose first byte differs is
  // not folded.
  auto starts_with_word = [&](size_t p, std::string_view w) {
    if (start.at != p) {
      start.at = p;
      const Token t = tok(p);
      start.word = t.word;
      start.b = t.b;
      start.folded_ready = false;
    }
    if (!start.word || (t_[start.b] | 0x20) != w[0]) return false;
    if (!start.folded_ready) {
      start.folded_ready = true;
      start.folded = fold_small(
          t_.substr(start.b, std::min(t_.size() - start.b, kLongestWord + 8)),
          start.buf);
    }
    return start.folded.substr(0, w.size()) == w;
  };
  // Line starts: scanning back from each citation to its line's start is
  // quadratic on a long line full of citations. The citations come in the
  // order of the text, so the scan goes on from the last position asked
  // about (the bytes between two citations are read once); the lines above
  // a line, read for each of its citations, are remembered.
  if (refs_.empty()) return;
  const char* const text = t_.data();
  size_t cursor = 0, cursor_ls = 0;  // the line start of `cursor`
  struct Above {
    size_t at = kNpos, ls = 0;
  };
  std::array<Above, 16> above{};
  auto line_start = [&](size_t p) -> size_t {
    // After the last '\n' at or before p - 1.
    if (p >= cursor) {
      if (const void* nl = memrchr(text + cursor, '\n', p - cursor))
        cursor_ls =
            static_cast<size_t>(static_cast<const char*>(nl) - text) + 1;
      cursor = p;
      return cursor_ls;
    }
    Above& a = above[p & 15];
    if (a.at != p) {
      const void* nl = memrchr(text, '\n', p);
      a.at = p;
      a.ls =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - text) + 1 : 0;
    }
    return a.ls;
  };
  size_t basis_ls = kNpos;
  bool basis_at_ls = false;
  auto is_basis_line = [&](size_t ls) {
    // Citations share lines: remember the last line asked about.
    if (ls != basis_ls) {
      basis_ls = ls;
      basis_at_ls = starts_with_word(ls, "căn cứ");
    }
    return basis_at_ls;
  };
  // carries[i]: the role of citation i may pass on to the items of a list
  // it heads (see continues_list).
  std::vector<char> carries(refs_.size(), 0);
  size_t prev = kNpos;  // the last citation that is not the document itself
  // The bytes of the last title read after a citation: an act cited there
  // ("Nghị định số 163/2016/NĐ-CP ... quy định chi tiết thi hành một số
  // điều của Luật Ngân sách nhà nước") is named by that title, not cited by
  // this document as its basis or as what it implements.
  size_t title_b = 0, title_e = 0;
  for (size_t i = 0; i < refs_.size(); ++i) {
    Reference& r = refs_[i];
    if (r.kind == ReferenceKind::kSelf) continue;
    const size_t p = prev;
    prev = i;
    const size_t b = r.span.begin;
    if (b >= title_b && b < title_e) {
      r.role = ReferenceRole::kMentions;
      continue;
    }
    if (!r.title.empty()) {
      // The title follows the citation after a space or a line break, its
      // spaces collapsed.
      size_t at = r.span.end;
      while (at < t_.size() && at < r.span.end + 4 && space_len(t_, at))
        at += space_len(t_, at);
      const size_t e = collapsed_match_end(at, r.title);
      if (e != kNpos) {
        title_b = at;
        title_e = e;
      }
    }
    size_t ls = line_start(b);
    size_t cs = ls;  // after the last ';' between the line start and b
    if (const void* semi = memrchr(t_.data() + ls, ';', b - ls))
      cs = static_cast<size_t>(static_cast<const char*>(semi) - t_.data()) + 1;
    bool basis = false;
    // A line the segmenter took for a basis though it lacks "Căn cứ": an
    // act listed after the previous basis's semicolon, in one piece.
    const bool basis_node = r.node > 0 &&
                            static_cast<size_t>(r.node) < doc_.nodes.size() &&
                            doc_.nodes[r.node].kind == NodeKind::kBasis;
    if (is_basis_line(ls) || basis_node) {
      basis = !(starts_with_word(cs, "theo") || starts_with_word(cs, "xét") ||
                starts_with_word(cs, "trên cơ sở") ||
                starts_with_word(cs, "sau khi"));
    } else if (ls > 0 && keyword_at(tok(ls).b)) {
      // A basis line continued on the next lines without their own "Căn
      // cứ": each starts with an act and follows a line ending with ';' or
      // ','. Every citation on such a line is a basis, as on the first.
      size_t line = ls;
      for (int up = 0; up < 6 && line > 0 && !basis; ++up) {
        const size_t pls = line_start(line - 1);
        std::string_view prev = t_.substr(pls, line - pls);
        size_t last = prev.find_last_not_of(" \t\r\n*");
        if (last == kNpos || (prev[last] != ';' && prev[last] != ',')) break;
        if (is_basis_line(pls)) {
          basis = true;
        } else if (!keyword_at(tok(pls).b)) {
          break;
        }
        line = pls;
      }
      if (basis && cs != ls)
        basis = !(starts_with_word(cs, "theo") || starts_with_word(cs, "xét") ||
                  starts_with_word(cs, "trên cơ sở") ||
                  starts_with_word(cs, "sau khi"));
    }
    if (basis) {
      r.role = ReferenceRole::kBasis;
      continue;
    }
    const size_t wb = b > cs + 90 ? b - 90 : cs;
    // Upper- and lower-case letters have the same UTF-8 length, so cues are
    // compared in place without folding the window.
    const std::string_view wv = t_.substr(wb, b - wb);
    struct Cue {
      std::string_view text;
      ReferenceRole role;
    };
    static const Cue kCues[] = {
        {"sửa đổi", ReferenceRole::kAmends},
        {"bổ sung", ReferenceRole::kAmends},
        {"bãi bỏ", ReferenceRole::kRepeals},
        {"hủy bỏ", ReferenceRole::kRepeals},
        {"huỷ bỏ", ReferenceRole::kRepeals},
        {"đình chỉ", ReferenceRole::kRepeals},
        {"thay thế", ReferenceRole::kReplaces},
        {"thực hiện", ReferenceRole::kImplements},
        {"triển khai", ReferenceRole::kImplements},
        {"thi hành", ReferenceRole::kImplements},
        {"hướng dẫn", ReferenceRole::kImplements},
        {"quy định chi tiết", ReferenceRole::kImplements},
        {"cụ thể hóa", ReferenceRole::kImplements},
        {"cụ thể hoá", ReferenceRole::kImplements},
    };
    // The cue nearest to the citation wins; cues start a word.
    size_t best = kNpos;
    ReferenceRole role = ReferenceRole::kMentions;
    // Cue starts are code point boundaries (ASCII or a lead byte): each is
    // compared folded in place, and the window is folded only when the
    // words before "bổ sung" are read.
    char folded[96];
    // Bit i of kCueMask[b]: cue i may start with byte b (an ASCII letter
    // in either case, or the lead byte of đ/Đ).
    static const auto kCueMask = [] {
      std::array<uint16_t, 256> m{};
      for (int b = 0; b < 256; ++b)
        for (size_t i = 0; i < std::size(kCues); ++i) {
          const char first = kCues[i].text[0];
          if (first == static_cast<char>(b | 0x20) ||
              (first == '\xC4' && b == 0xC4))
            m[b] |= static_cast<uint16_t>(1u << i);
        }
      return m;
    }();
    // Where each cue's first blank lies: a folded match has a blank there
    // (only a blank folds to one), tested before the match.
    static const auto kCueBlank = [] {
      std::array<uint8_t, std::size(kCues)> a{};
      for (size_t i = 0; i < std::size(kCues); ++i)
        a[i] = static_cast<uint8_t>(kCues[i].text.find(' '));
      return a;
    }();
    // Each cue's byte after its first blank and its last byte, when they
    // are small ASCII letters (else 0).
    static const auto kCueAscii = [] {
      std::array<std::array<char, 2>, std::size(kCues)> a{};
      auto ascii = [](char c) { return c >= 'a' && c <= 'z' ? c : '\0'; };
      for (size_t i = 0; i < std::size(kCues); ++i) {
        const std::string_view t = kCues[i].text;
        a[i][0] = ascii(t[t.find(' ') + 1]);
        a[i][1] = ascii(t.back());
      }
      return a;
    }();
    // The cue that starts at `k`, if any (true when one matched).
    auto cue_at = [&](size_t k) {
      const uint16_t cues = kCueMask[static_cast<unsigned char>(wv[k])];
      // In list order: the first cue that matches here wins.
      for (unsigned m = cues; m; m &= m - 1) {
        const unsigned ci = static_cast<unsigned>(__builtin_ctz(m));
        const Cue& c = kCues[ci];
        const std::string_view cue = c.text;
        if (k + cue.size() > wv.size()) continue;
        if (wv[k + kCueBlank[ci]] != ' ') continue;
        // The small ASCII letters after the blank and at the end (if the
        // cue has them there) are matched only by themselves in either case.
        if (kCueAscii[ci][0] &&
            (wv[k + kCueBlank[ci] + 1] | 0x20) != kCueAscii[ci][0])
          continue;
        if (kCueAscii[ci][1] &&
            (wv[k + cue.size() - 1] | 0x20) != kCueAscii[ci][1])
          continue;
        if (eq_fold(wv.substr(k, cue.size()), cue)) {
          // "các báo cáo bổ sung, giải trình số 365/BC-UBND": a
          // supplementary report, not an amendment.
          if (c.role == ReferenceRole::kAmends && cue == "bổ sung") {
            fold_same_length(wv.substr(0, k), folded);
            if (supplementary_noun(std::string_view(folded, k))) continue;
          }
          // "khoản 38 Điều 1 Luật sửa đổi, bổ sung một số điều của Luật
          // ...": the name of an amending act cited here, not this
          // document's verb (which it is in "Quốc hội ban hành Luật sửa
          // đổi, bổ sung ...", naming the document itself).
          if (c.role == ReferenceRole::kAmends) {
            const size_t type_b = type_word_before(wb + k);
            if (type_b != kNpos && cited_at(type_b, i)) continue;
          }
          best = k;
          role = c.role;
          return true;
        }
      }
      return false;
    };
    // Cues start after a blank or a line break, or at the window's start:
    // the window is read from its end, the blanks found 16 bytes at a time,
    // and only the bytes after them are looked up.
    auto blanks = [&](size_t lo, size_t hi) {  // bit q - lo: a blank at q
      uint32_t m = 0;
#if defined(__SSE2__)
      if (hi - lo == 16) {
        const __m128i x =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(wv.data() + lo));
        return static_cast<uint32_t>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                         _mm_cmpeq_epi8(x, _mm_set1_epi8('\n')))));
      }
#endif
      for (size_t q = lo; q < hi; ++q)
        if (wv[q] == ' ' || wv[q] == '\n') m |= 1u << (q - lo);
      return m;
    };
    bool found = false;
    // Blanks at q < size - 1: a cue may start at q + 1.
    for (size_t hi = wv.empty() ? 0 : wv.size() - 1; hi > 0 && !found;) {
      const size_t lo = hi >= 16 ? hi - 16 : 0;
      for (uint32_t m = blanks(lo, hi); m && !found;) {
        const unsigned bit = 31u - static_cast<unsigned>(__builtin_clz(m));
        m &= ~(1u << bit);
        const size_t k = lo + bit + 1;
        if (kCueMask[static_cast<unsigned char>(wv[k])]) found = cue_at(k);
      }
      hi = lo;
    }
    if (!found && !wv.empty() && kCueMask[static_cast<unsigned char>(wv[0])])
      cue_at(0);
    // "8. Bãi bỏ cụm từ “Đăng ký hộ khẩu thường trú tại:” tại điểm 5 Phụ
    // lục số 01/ĐKHN, điểm 4 Phụ lục số 04/ĐKHN ban hành kèm theo Thông tư
    // số 202/2012/TT-BTC": the instruction's verb opens the line, the
    // wording and the places it is in push the act out of the window. The
    // verb holds for the first act the line cites.
    size_t cue_base = wb;
    if (best == kNpos && b > cs + 90 && r.kind != ReferenceKind::kInternal &&
        r.kind != ReferenceKind::kSelf) {
      size_t v = cs;
      Token t0 = tok(v);
      if (tok_all_digits(t_, t0)) {
        const Token t1 = tok(t0.e);
        if (tok_is(t_, t1, ".") || tok_is(t_, t1, ")")) v = t1.e;
      }
      ReferenceRole opening = ReferenceRole::kMentions;
      if (starts_with_word(v, "bãi bỏ"))
        opening = ReferenceRole::kRepeals;
      else if (starts_with_word(v, "thay thế"))
        opening = ReferenceRole::kReplaces;
      else if (starts_with_word(v, "sửa đổi"))
        opening = ReferenceRole::kAmends;
      bool first_act = opening != ReferenceRole::kMentions;
      for (size_t k = i; k-- > 0 && first_act && refs_[k].span.begin >= v;)
        first_act = refs_[k].kind == ReferenceKind::kInternal ||
                    (!r.number.empty() && refs_[k].number == r.number);
      if (first_act) {
        role = opening;
        best = 0;
        cue_base = tok(v).b;
      }
    }
    // "được hướng dẫn bởi", "được sửa đổi bởi": the cited document acts on
    // this one, which is a mention from this document's point of view.
    const bool by = best != kNpos && cue_base == wb &&
                    wv.find("bởi", best) != std::string_view::npos;
    if (by) role = ReferenceRole::kMentions;
    // An item of a list shares the cue that governs the list's first item,
    // however far the items before it (dates, issuers, titles, ';') have
    // pushed it from the cue. A cue between the previous item and this one
    // sits in that item's title unless it is this item's own verb, which
    // continues_list rules out (the text just before a list item is a
    // connector, not a verb).
    const size_t cue = best == kNpos ? kNpos : cue_base + best;
    // After a title, only a full citation (with a number or a year) starts
    // the next item: a bare name there ends the title ("... về phát triển
    // khoa học, công nghệ, ..., chuyển đổi số và Đề án 06").
    bool titled = false;
    if (p != kNpos && carries[p] &&
        (cue == kNpos || cue >= refs_[p].span.end) &&
        continues_list(refs_[p].span.end, b, &titled) &&
        (!titled || !r.number.empty() || r.year)) {
      r.role = refs_[p].role;
      carries[i] = 1;
      continue;
    }
    r.role = role;
    // The cue after the citation, in its clause: "Nghị quyết số 38/2024/
    // NQ-HĐND ... hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực" (not
    // "đã hết hiệu lực", a past state).
    if (cue == kNpos && role == ReferenceRole::kMentions &&
        ends_effect_after(i)) {
      r.role = ReferenceRole::kRepeals;
      continue;
    }
    if (cue == kNpos || role == ReferenceRole::kMentions) continue;
    // A modifying verb before "theo" acts on something else, which the
    // cited act governs: "bổ sung kinh phí ... theo Thông tư ...".
    if (role == ReferenceRole::kAmends || role == ReferenceRole::kRepeals ||
        role == ReferenceRole::kReplaces) {
      bool theo = false;
      for (size_t k = cue; k + 5 < b && !theo; ++k)
        theo = t_[k] == ' ' && (t_[k + 1] | 0x20) == 't' &&
               t_.compare(k + 2, 4, "heo ") == 0;
      if (theo) continue;
    }
    carries[i] = !in_title(i, cue, cs);
  }
}

namespace {

// A sentence ends at '.' followed by a blank and an upper-case letter.
bool has_sentence_end(std::string_view g) {
  for (size_t k = g.find('.'); k != std::string_view::npos;
       k = g.find('.', k + 1)) {
    size_t q = k + 1;
    while (q < g.size() && (g[q] == ' ' || g[q] == '\t')) ++q;
    if (q == k + 1 || q >= g.size()) continue;
    char32_t c = 0;
    if (internal::decode_utf8(g, q, c) > 0 && is_upper_cp(c)) return true;
  }
  return false;
}

}  // namespace

bool Extractor::continues_list(size_t end, size_t b, bool* titled) const {
  // The text between two items of one list: the first item's date, issuer
  // and title, then ";", "," "và" or "hoặc", on one line, in one sentence.
  // *titled: more than the connector lies between them.
  if (b <= end || b - end > 1200) return false;
  std::string_view g = t_.substr(end, b - end);
  if (g.find('\n') != std::string_view::npos || has_sentence_end(g))
    return false;
  size_t n = g.size();
  while (n > 0 && (g[n - 1] == ' ' || g[n - 1] == '\t' || g[n - 1] == '*')) --n;
  g = g.substr(0, n);
  if (g.empty()) return false;
  size_t k = kNpos;  // where the connector starts
  if (g.back() == ';' || g.back() == ',') k = g.size() - 1;
  for (std::string_view w :
       {std::string_view("và"), std::string_view("hoặc")}) {
    if (k != kNpos || g.size() < w.size() ||
        g.compare(g.size() - w.size(), w.size(), w) != 0)
      continue;
    const size_t c = g.size() - w.size();
    if (c == 0 || g[c - 1] == ' ' || g[c - 1] == ',' || g[c - 1] == ';') k = c;
  }
  if (k == kNpos) return false;
  *titled =
      g.substr(0, k).find_first_not_of(" \t*,;") != std::string_view::npos;
  return true;
}

bool Extractor::in_title(size_t i, size_t cue, size_t cs) const {
  // A cue after an earlier citation of the same clause and sentence belongs
  // to that citation's title ("Quyết định số 38/2011/QĐ-TTg ... sửa đổi, bổ
  // sung ... Quyết định số 58/2008/QĐ-TTg"): it does not head a list.
  for (size_t j = i; j-- > 0;) {
    const Reference& a = refs_[j];
    if (a.span.end < cs) return false;
    if (a.kind == ReferenceKind::kSelf || a.kind == ReferenceKind::kInternal ||
        a.span.end > cue)
      continue;
    std::string_view g = t_.substr(a.span.end, cue - a.span.end);
    return g.find('\n') == std::string_view::npos && !has_sentence_end(g);
  }
  return false;
}

int32_t Extractor::enclosing(int32_t node, NodeKind kind) const {
  while (node >= 0) {
    if (doc_.nodes[node].kind == kind) return node;
    node = doc_.nodes[node].parent;
  }
  return kNoNode;
}

int32_t Extractor::find_unit(int32_t scope, NodeKind kind,
                             const std::string& num) const {
  const uint64_t key =
      uint64_t{static_cast<uint32_t>(scope)} << 8 | static_cast<uint8_t>(kind);
  auto [it, fresh] = unit_index_.try_emplace(key);
  if (fresh) index_units(scope, kind, it->second);
  const auto found = it->second.find(num);
  return found == it->second.end() ? kNoNode : found->second;
}

void Extractor::index_units(int32_t scope, NodeKind kind,
                            UnitIndex& out) const {
  // Depth-first within `scope`, not entering quoted amendment text (nor
  // other articles, below the article level).
  std::vector<int32_t>& stack = unit_stack_;
  stack.assign(1, scope);
  while (!stack.empty()) {
    int32_t n = stack.back();
    stack.pop_back();
    const Node& node = doc_.nodes[n];
    if (n != scope && node.kind == kind) out.emplace(node.num, n);
    if (node.kind == NodeKind::kQuoted && n != scope) continue;
    if (kind != NodeKind::kArticle && node.kind == NodeKind::kArticle &&
        n != scope)
      continue;
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
      stack.push_back(*it);
  }
}

void Extractor::link_nodes() {
  for (Reference& r : refs_) {
    r.node = innermost_node(doc_, r.span);
    if (r.node == kNoNode) r.node = 0;
    if (r.kind != ReferenceKind::kInternal || doc_.nodes.empty()) continue;
    if (enclosing(r.node, NodeKind::kQuoted) != kNoNode) continue;
    const Pinpoint& p = r.pinpoint;
    int32_t scope = enclosing(r.node, NodeKind::kAttachment);
    if (scope == kNoNode) scope = 0;
    int32_t article = kNoNode, clause = kNoNode, target = kNoNode;
    if (p.article == "này" || (p.article.empty() && !p.clause.empty()) ||
        (p.article.empty() && p.clause.empty() && !p.point.empty()))
      article = enclosing(r.node, NodeKind::kArticle);
    else if (!p.article.empty())
      article = find_unit(scope, NodeKind::kArticle, p.article);
    if (p.article == "này" && article != kNoNode)
      r.pinpoint.article = doc_.nodes[article].num;
    target = article;
    if (!p.clause.empty()) {
      if (p.clause == "này") {
        clause = enclosing(r.node, NodeKind::kClause);
      } else if (article != kNoNode) {
        clause = find_unit(article, NodeKind::kClause, p.clause);
      }
      target = clause;
    } else if (!p.point.empty() && p.article.empty()) {
      clause = enclosing(r.node, NodeKind::kClause);
    }
    if (!p.point.empty() && p.point != "này") {
      int32_t within = clause != kNoNode ? clause : article;
      target = within != kNoNode ? find_unit(within, NodeKind::kPoint, p.point)
                                 : kNoNode;
    }
    if (p.article.empty() && p.clause.empty() && p.point.empty()) {
      NodeKind k = !p.chapter.empty()   ? NodeKind::kChapter
                   : !p.section.empty() ? NodeKind::kSection
                                        : NodeKind::kPart;
      const std::string& v = !p.chapter.empty()   ? p.chapter
                             : !p.section.empty() ? p.section
                                                  : p.part;
      target = find_unit(scope, k, v);
    }
    r.target_node = target;
  }
}

// Where the first line of `n` ends (within the node).
size_t Extractor::first_line_end(const Node& n) const {
  const size_t e = t_.find('\n', n.span.begin);
  return e == kNpos || e > n.span.end ? n.span.end : e;
}

// Whether the first line of `node` is an amendment instruction: after the
// unit's own number ("Điều 1.", "2.", "a)") it starts with a verb of
// amendment ("Sửa đổi, bổ sung ...", "Bãi bỏ ...", "Thay thế ...").
bool Extractor::leads_with_amendment(int32_t node) const {
  const Node& n = doc_.nodes[node];
  const size_t line_end = first_line_end(n);
  const std::string_view lead = t_.substr(0, line_end);
  Token tok = next_token(lead, n.span.begin);
  if (tok_is(lead, tok, "điều")) tok = next_token(lead, tok.e);
  if (tok.word && !n.num.empty() && tok_text(lead, tok) == n.num) {
    tok = next_token(lead, tok.e);
    if (tok.valid() && !tok.word && lead[tok.b] != '[')
      tok = next_token(lead, tok.e);
  }
  // A website's editorial note after the number ("Điều 1 [Điều này hết
  // hiệu lực bởi ...] Sửa đổi, bổ sung ...").
  if (tok.valid() && lead[tok.b] == '[') {
    const size_t close = lead.find(']', tok.e);
    if (close == std::string_view::npos) return false;
    tok = next_token(lead, close + 1);
  }
  if (!tok.word) return false;
  for (std::string_view verb : {"sửa", "bổ", "bãi", "thay", "đính", "bỏ"})
    if (tok_is(lead, tok, verb)) return true;
  return false;
}

// Whether a quotation opened between `from` and `pos` (on one line) is
// still open at `pos`: straight quotes by parity, curly ones by count.
bool Extractor::inside_quotation(size_t from, size_t pos) const {
  int straight = 0, curly = 0;
  for (size_t k = from; k < pos && k < t_.size(); ++k) {
    const char c = t_[k];
    if (c == '"') {
      ++straight;
    } else if (c == '\xE2' && k + 2 < t_.size() && t_[k + 1] == '\x80') {
      const char d = t_[k + 2];
      if (d == '\x9C' || d == '\x98') ++curly;
      if (d == '\x9D' || d == '\x99') --curly;
    }
  }
  return straight % 2 == 1 || curly > 0;
}

// The act that `node`'s first line amends: the one document cited there
// with the role amends or repeals, when that line is an instruction; -1 for
// none or for several.
int32_t Extractor::amended_act_of(int32_t node) const {
  const Node& n = doc_.nodes[node];
  const size_t line_end = first_line_end(n);
  if (!leads_with_amendment(node)) return -1;
  int32_t found = -1;
  // refs_ is in text order.
  const auto first = std::lower_bound(
      refs_.begin(), refs_.end(), n.span.begin,
      [](const Reference& r, size_t pos) { return r.span.begin < pos; });
  for (size_t i = static_cast<size_t>(first - refs_.begin()); i < refs_.size();
       ++i) {
    const Reference& r = refs_[i];
    if (r.span.begin >= line_end) break;
    if (r.editorial ||
        (r.role != ReferenceRole::kAmends && r.role != ReferenceRole::kRepeals))
      continue;
    if (r.kind != ReferenceKind::kDocument && r.kind != ReferenceKind::kNamed)
      continue;
    // A citation inside a phrase the instruction inserts or replaces
    // ("Bổ sung cụm từ “và Nghị định số 50/2025/NĐ-CP” sau ...") is text.
    if (inside_quotation(n.span.begin, r.span.begin)) continue;
    if (found >= 0) {
      const Reference& f = refs_[static_cast<size_t>(found)];
      // "... Luật thuế thu nhập cá nhân số 04/2007/QH11 đã được sửa đổi,
      // bổ sung một số điều theo Luật số 26/2012/QH13": the act's history,
      // not a second act amended.
      if (r.span.begin > f.span.end &&
          t_.substr(f.span.end, r.span.begin - f.span.end).find("đã được") !=
              std::string_view::npos)
        continue;
      if (f.number != r.number || f.name != r.name) return -1;
      continue;
    }
    found = static_cast<int32_t>(i);
  }
  return found;
}

void Extractor::frame_amendments() {
  // A unit whose first line instructs an amendment of one act ("Điều 1.
  // Sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-CP", "1. Sửa
  // đổi, bổ sung Điều 3 của Luật ... như sau:") is read in that act: the
  // units its instructions name ("Sửa đổi khoản 2 Điều 5", "Bãi bỏ điểm c")
  // and those the quoted new text cites ("khoản 1 Điều này", "Nghị định
  // này") are the amended act's, not this document's. They take the act's
  // identity, keep their pinpoint and point at the act's reference
  // (`antecedent`); they link to no node of this document.
  const size_t nn = doc_.nodes.size();
  if (nn == 0 || refs_.empty()) return;
  // The units whose first line may name an amended act: those holding an
  // amending citation (few; most documents have none).
  std::vector<int32_t> act(nn, -1);
  bool any = false;
  for (const Reference& r : refs_) {
    if (r.editorial || r.node <= 0 || static_cast<size_t>(r.node) >= nn ||
        (r.role != ReferenceRole::kAmends &&
         r.role != ReferenceRole::kRepeals) ||
        (r.kind != ReferenceKind::kDocument && r.kind != ReferenceKind::kNamed))
      continue;
    switch (doc_.nodes[r.node].kind) {
      case NodeKind::kArticle:
      case NodeKind::kClause:
      case NodeKind::kPoint:
      case NodeKind::kItem:
      case NodeKind::kSubitem:
        if (enclosing(r.node, NodeKind::kQuoted) == kNoNode &&
            act[static_cast<size_t>(r.node)] == -1) {
          act[static_cast<size_t>(r.node)] = amended_act_of(r.node);
          any = any || act[static_cast<size_t>(r.node)] >= 0;
        }
        break;
      default:
        break;
    }
  }
  if (!any) return;
  // The act each node is read in, parents before children (a node's index
  // is larger than its parent's).
  for (size_t k = 1; k < nn; ++k) {
    const int32_t parent = doc_.nodes[k].parent;
    if (act[k] < 0 && parent >= 0) act[k] = act[static_cast<size_t>(parent)];
  }
  for (size_t i = 0; i < refs_.size(); ++i) {
    Reference& r = refs_[i];
    if (r.editorial || r.node < 0 || static_cast<size_t>(r.node) >= nn)
      continue;
    const int32_t a = act[static_cast<size_t>(r.node)];
    if (a < 0 || static_cast<size_t>(a) == i) continue;
    const Reference& target = refs_[static_cast<size_t>(a)];
    Pinpoint& p = r.pinpoint;
    // A unit's own number read as a citation where a crawled line joined
    // its heading to the text before ("... NĐ-CP. Điều 2. Sửa đổi ...").
    if (r.span.begin == doc_.nodes[r.node].span.begin) continue;
    const int32_t quote = enclosing(r.node, NodeKind::kQuoted);
    if (quote == kNoNode) {
      // Outside the new text "Điều này" is the instruction's own unit; a
      // clause or point without its article is one of the article the
      // instruction above names ("1. Sửa đổi, bổ sung một số khoản của
      // Điều 23 như sau: a) Sửa đổi, bổ sung khoản 3 và khoản 4 ...").
      if (r.kind != ReferenceKind::kInternal || p.article == "này" ||
          p.clause == "này" || p.point == "này")
        continue;
      if (p.article.empty() && p.clause.empty() && p.point.empty()) continue;
      if (p.article.empty()) {
        // "Sửa đổi khoản 3, bổ sung khoản 3a và sửa đổi khoản 4 Điều 16":
        // the article named later on the line, else the one above.
        const Reference* u = unit_later_on_line(i);
        if (u == nullptr) u = instruction_unit(i, a, r.node);
        if (u != nullptr) {
          p.article = u->pinpoint.article;
          if (p.clause.empty()) p.clause = u->pinpoint.clause;
        }
      }
    } else if (r.kind == ReferenceKind::kSelf) {
      if (r.doc_type != target.doc_type) continue;
      p = Pinpoint{};
    } else if (r.kind == ReferenceKind::kInternal) {
      if (p.point == "này") continue;  // the point it stands in: unknown
      // In the new text "này" is the unit it stands in, or the one the
      // instruction names; new clauses are often read as plain items.
      const Reference* u = instruction_unit(i, a, quote);
      const int32_t art = enclosing(r.node, NodeKind::kArticle);
      const bool art_in_quote =
          art != kNoNode && enclosing(art, NodeKind::kQuoted) == quote;
      if (p.article == "này" ||
          (p.article.empty() && (!p.clause.empty() || !p.point.empty()))) {
        if (art_in_quote)
          p.article = doc_.nodes[art].num;
        else if (u != nullptr)
          p.article = u->pinpoint.article;
        else if (p.article == "này")
          continue;
      }
      // A point without its clause ("điểm a, b") is one of the clause it
      // stands in, like "điểm a khoản này".
      if (p.clause == "này" || (p.clause.empty() && !p.point.empty())) {
        const bool this_clause = p.clause == "này";
        int32_t cl = enclosing(r.node, NodeKind::kClause);
        if (cl == kNoNode || enclosing(cl, NodeKind::kQuoted) != quote)
          cl = enclosing(r.node, NodeKind::kItem);
        if (cl != kNoNode && enclosing(cl, NodeKind::kQuoted) == quote)
          p.clause = doc_.nodes[cl].num;
        else if (this_clause && u != nullptr && !u->pinpoint.clause.empty() &&
                 !art_in_quote)
          p.clause = u->pinpoint.clause;
        else if (this_clause)
          continue;
      }
    } else {
      continue;
    }
    take_identity(r, target);
    r.target_node = kNoNode;
    r.antecedent = a;
  }
}

const Reference* Extractor::unit_later_on_line(size_t i) const {
  const Reference& r = refs_[i];
  for (size_t j = i + 1; j < refs_.size(); ++j) {
    const Reference& u = refs_[j];
    if (u.node != r.node || u.kind != ReferenceKind::kInternal ||
        t_.find('\n', r.span.end) < u.span.begin ||
        t_.substr(r.span.end, u.span.begin - r.span.end).find(';') !=
            std::string_view::npos)
      return nullptr;
    if (!u.pinpoint.article.empty() && u.pinpoint.article != "này") return &u;
  }
  return nullptr;
}

const Reference* Extractor::instruction_unit(size_t i, int32_t act,
                                             int32_t node) const {
  for (size_t j = i; j-- > static_cast<size_t>(act);) {
    const Reference& u = refs_[j];
    if ((u.antecedent != act && j != static_cast<size_t>(act)) ||
        u.pinpoint.article.empty() || u.pinpoint.article == "này")
      continue;
    if (u.node < 0 || enclosing(u.node, NodeKind::kQuoted) != kNoNode) continue;
    for (int32_t n = node; n >= 0; n = doc_.nodes[n].parent)
      if (n == u.node) return &u;
  }
  return nullptr;
}

}  // namespace

void extract_references(Document& doc) {
  doc.references.clear();
  if (doc.text.empty()) return;
  Extractor(doc).run();
}

}  // namespace vnlegal
