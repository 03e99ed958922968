#include "export/ids.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>

#include "internal/utf8.h"
#include "model/node_ids.h"

namespace vnlegal::export_detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Keeps what an id may carry: letters and digits (Vietnamese letters too,
// "point_đ"), '.', '-'; drops markers such as ')' and white space.
std::string id_num(std::string_view num) {
  std::string out;
  for (size_t i = 0; i < num.size();) {
    char32_t cp = 0;
    size_t n = internal::decode_utf8(num, i, cp);
    if (n == 0) {
      ++i;
      continue;
    }
    if (cp >= 0x80 || std::isalnum(static_cast<unsigned char>(cp)) ||
        cp == '-' || cp == '.')
      out.append(num.substr(i, n));
    i += n;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == '-'))
    out.pop_back();
  while (!out.empty() && (out.front() == '.' || out.front() == '-'))
    out.erase(out.begin());
  return out;
}

std::string no_space(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!is_space(c)) out.push_back(c);
  return out;
}

bool is_year(std::string_view s) {
  return s.size() == 4 && (s.substr(0, 2) == "19" || s.substr(0, 2) == "20") &&
         std::isdigit(static_cast<unsigned char>(s[2])) &&
         std::isdigit(static_cast<unsigned char>(s[3]));
}

// The issuing body in a URI: "Hội đồng nhân dân quận Bắc Từ Liêm" ->
// "hdnd-bac-tu-liem". Known body names shrink to their usual code and the
// administrative level (quận, tỉnh, ...) is dropped, as in the citation
// style of the official database.
std::string actor(const Document& doc) {
  const Metadata& m = doc.metadata;
  std::string s = m.issuer ? slug(*m.issuer) : "";
  static const std::pair<const char*, const char*> kBodies[] = {
      {"hoi-dong-nhan-dan", "hdnd"},
      {"uy-ban-nhan-dan", "ubnd"},
      {"thu-tuong-chinh-phu", "ttg"},
      {"chinh-phu", "cp"},
      {"quoc-hoi", "qh"},
      {"uy-ban-thuong-vu-quoc-hoi", "ubtvqh"}};
  static const char* kLevels[] = {"thanh-pho-", "tinh-",   "quan-",
                                  "huyen-",     "thi-xa-", "thi-tran-",
                                  "phuong-",    "xa-"};
  for (const auto& [name, code] : kBodies) {
    if (s.rfind(name, 0) == 0) {
      std::string rest = s.substr(std::string(name).size());
      if (!rest.empty() && rest[0] == '-') rest.erase(0, 1);
      for (const char* level : kLevels) {
        std::string l(level);
        if (rest.rfind(l, 0) == 0) {
          rest.erase(0, l.size());
          break;
        }
      }
      s = rest.empty() ? code : std::string(code) + "-" + rest;
      break;
    }
  }
  if (s.empty() && m.issuer_code) s = slug(*m.issuer_code);
  return s;
}

}  // namespace

std::string slug(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString d = nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = d;
  }
  std::string out;
  bool dash = false;
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    if (c >= 0x300 && c <= 0x36F) continue;  // combining marks
    char a = 0;
    if (c == 0x111 || c == 0x110)
      a = 'd';
    else if (c < 0x80 && std::isalnum(c))
      a = static_cast<char>(std::tolower(c));
    if (a) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(a);
    } else {
      dash = true;
    }
  }
  return out;
}

std::vector<std::string> node_ids(const Document& doc) {
  // A document built by hand may lack the ids the segmenter assigns: they
  // are assigned (on a copy) by the same scheme.
  const bool complete = std::all_of(
      doc.nodes.begin() + (doc.nodes.empty() ? 0 : 1), doc.nodes.end(),
      [](const Node& n) { return !n.eid.empty(); });
  Document with_ids;
  if (!complete) {
    with_ids = doc;
    internal::assign_node_ids(with_ids);
  }
  const Document& d = complete ? doc : with_ids;
  std::vector<std::string> ids(d.nodes.size());
  std::set<std::string> used;
  for (size_t i = 1; i < d.nodes.size(); ++i) {
    // An id the document carries wins over the assigned one.
    const std::string& eid =
        doc.nodes[i].eid.empty() ? d.nodes[i].eid : doc.nodes[i].eid;
    const std::string id = no_space(eid);
    std::string candidate = id.empty() ? "node" : id;
    for (int k = 2; used.count(candidate); ++k)
      candidate = id + "-" + std::to_string(k);
    used.insert(candidate);
    ids[i] = candidate;
  }
  return ids;
}

std::string pinpoint_id(const Pinpoint& p) {
  std::string out;
  auto add = [&](const char* comp, const std::string& num) {
    std::string n = id_num(num);
    if (n.empty()) return;
    if (!out.empty()) out += "__";
    out += std::string(comp) + "_" + n;
  };
  add("part", p.part);
  add("chp", p.chapter);
  add("sec", p.section);
  add("art", p.article);
  add("para", p.clause);
  add("point", p.point);
  return out;
}

std::string number_component(std::string_view number) {
  size_t slash = number.find('/');
  std::string s = slug(number.substr(0, slash));
  return s;
}

std::string year_in_number(std::string_view number) {
  size_t start = 0;
  while (start <= number.size()) {
    size_t end = number.find_first_of("/-", start);
    if (end == std::string_view::npos) end = number.size();
    if (is_year(number.substr(start, end - start)))
      return std::string(number.substr(start, end - start));
    start = end + 1;
  }
  return "";
}

std::string work_uri(const Document& doc) {
  const Metadata& m = doc.metadata;
  std::string uri = "/akn/vn/act";
  std::string type = m.type ? slug(*m.type) : "";
  if (type.empty() && m.type_code) type = slug(*m.type_code);
  if (!type.empty()) uri += "/" + type;
  std::string who = actor(doc);
  if (!who.empty()) uri += "/" + who;
  std::string date = m.date ? *m.date : "";
  if (date.empty() && m.number) date = year_in_number(*m.number);
  // The date component is mandatory in the convention; without any date
  // the document is named by its content hash so the URI stays unique.
  if (date.empty()) date = "undated";
  uri += "/" + date;
  std::string num = m.number ? number_component(*m.number) : "";
  if (num.empty())
    num = doc.source.sha256.empty()
              ? "unnumbered"
              : "sha256-" + doc.source.sha256.substr(0, 16);
  uri += "/" + num;
  return uri;
}

std::string cited_uri(const Reference& ref) {
  std::string uri;
  std::string pin = pinpoint_id(ref.pinpoint);
  switch (ref.kind) {
    case ReferenceKind::kInternal:
    case ReferenceKind::kSelf:
      return "";
    case ReferenceKind::kStandard: {
      std::string s = slug(ref.number.empty() ? ref.text : ref.number);
      if (s.empty()) return "";
      uri = "/akn/vn/doc/standard/" + s;
      break;
    }
    case ReferenceKind::kDocument:
    case ReferenceKind::kParty:
    case ReferenceKind::kNamed: {
      std::string type =
          slug(ref.doc_type.empty() ? ref.type_code : ref.doc_type);
      std::string who =
          slug(ref.issuer_code.empty() ? ref.issuer : ref.issuer_code);
      std::string date = ref.date;
      if (date.empty() && ref.year) date = std::to_string(*ref.year);
      if (date.empty()) date = year_in_number(ref.number);
      std::string num = number_component(ref.number);
      if (num.empty()) num = slug(ref.name);
      if (num.empty()) return "";
      uri = ref.kind == ReferenceKind::kParty ? "/akn/vn/doc" : "/akn/vn/act";
      if (!type.empty()) uri += "/" + type;
      if (!who.empty()) uri += "/" + who;
      uri += "/" + (date.empty() ? std::string("undated") : date);
      uri += "/" + num;
      break;
    }
  }
  if (!pin.empty()) uri += "/~" + pin;
  return uri;
}

std::pair<size_t, size_t> find_loose(std::string_view hay,
                                     std::string_view needle, size_t from) {
  constexpr size_t npos = std::string_view::npos;
  // Trim the needle so that leading/trailing blanks never decide a match.
  while (!needle.empty() && is_space(needle.front())) needle.remove_prefix(1);
  while (!needle.empty() && is_space(needle.back())) needle.remove_suffix(1);
  if (needle.empty()) return {npos, npos};
  for (size_t start = from; start < hay.size(); ++start) {
    if (hay[start] != needle[0]) continue;
    size_t h = start, n = 0;
    bool ok = true;
    while (n < needle.size()) {
      char c = needle[n];
      if (is_space(c)) {
        if (h >= hay.size() || !is_space(hay[h])) {
          ok = false;
          break;
        }
        while (n < needle.size() && is_space(needle[n])) ++n;
        while (h < hay.size() && is_space(hay[h])) ++h;
        continue;
      }
      if (c == '/' || c == '-')
        while (h < hay.size() && (hay[h] == ' ' || hay[h] == '\t')) ++h;
      if (h >= hay.size() || hay[h] != c) {
        ok = false;
        break;
      }
      ++h;
      ++n;
      if (c == '/' || c == '-')
        while (h < hay.size() && (hay[h] == ' ' || hay[h] == '\t') &&
               n < needle.size() && !is_space(needle[n]))
          ++h;
    }
    if (ok) return {start, h};
  }
  return {npos, npos};
}

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t n = internal::decode_utf8(text, i, cp);
    bool ok = n > 0 && (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') &&
              cp != 0xFFFE && cp != 0xFFFF;
    if (ok) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      internal::append_utf8(out, 0xFFFD);
      i += n ? n : 1;
    }
  }
  return out;
}

}  // namespace vnlegal::export_detail
