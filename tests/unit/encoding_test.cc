#include "vnlegal/encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "encoding/encoder.h"
#include "encoding/legacy_extract.h"
#include "internal/utf8.h"

namespace vnlegal {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

fs::path docs_dir() { return fs::path(VNLEGAL_SOURCE_DIR) / "corpus" / "docs"; }

struct DecodeCase {
  const char* name;
  std::string bytes;
  Encoding encoding;
  std::string expected;
};

TEST(EncodingDecode, KnownStrings) {
  const DecodeCase cases[] = {
      {"tcvn3 motto",
       "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc"
       "a Vi\xd6t Nam",
       Encoding::kTcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam"},
      {"tcvn3 u-horn is 0xAD", "ng\xad\xeai Th\xad\xeang v\xf4",
       Encoding::kTcvn3, "người Thường vụ"},
      {"tcvn3 capitals and d-stroke",
       "\xa7\xe9"
       "c l\xcbp",
       Encoding::kTcvn3, "Độc lập"},
      {"tcvn3 0x80-0x9F are Windows-1252 punctuation",
       "\x93"
       "a\x94 \x85 \x96",
       Encoding::kTcvn3, "“a” … –"},
      {"vni motto",
       "Co\xe4ng ho\xf8"
       "a xa\xf5 ho\xe4i chu\xfb ngh\xf3"
       "a Vie\xe4t Nam",
       Encoding::kVni, "Cộng hòa xã hội chủ nghĩa Việt Nam"},
      {"vni capitals", "U\xdbY BAN NHA\xc2N DA\xc2N T\xc6NH", Encoding::kVni,
       "ỦY BAN NHÂN DÂN TỈNH"},
      {"vni horn letters take modifiers", "Thu\xfb t\xf6\xf4\xf9ng \xf1\xf2nh",
       Encoding::kVni, "Thủ tướng định"},
      {"viscii C0 capital", "\x02", Encoding::kViscii, "Ẳ"},
      // The combining dot below stays a character of its own; NFC composes
      // it.
      {"cp1258 keeps combining tones", "Vi\xea\xf2t", Encoding::kCp1258,
       "Vi\u00EA\u0323t"},
      {"viqr", "Vie^.t Nam, DDa^`u tu+ nu+o+'c ngoa`i.", Encoding::kViqr,
       "Việt Nam, Đầu tư nước ngoài."},
      // No escapes and no full stop that cannot be a tone: RFC 1456 text,
      // where a '.' after a vowel is the dot below even at a line's end.
      {"viqr final dot is a tone", "chu+'c vu.\nNGHI.", Encoding::kViqr,
       "chức vụ\nNGHỊ"},
      // "ca'." cannot take a second tone: this writer leaves full stops
      // unescaped, so a '.' at the end of the text is one too.
      {"viqr unescaped full stops", "gia' ca'.\nNghi.", Encoding::kViqr,
       "giá cá.\nNghi."},
      {"vps motto",
       "C\xb6ng h\xf2"
       "a x\xe3 h\xb6i ch\xfb ngh\xef"
       "a Vi\x8ct Nam",
       Encoding::kVps, "Cộng hòa xã hội chủ nghĩa Việt Nam"},
      {"vps C0 capitals", "\x02\x10\x19 \x1c\x1d", Encoding::kVps, "ẠỊỴ ẪỮ"},
      {"tcvn3 mojibake", "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
       Encoding::kMojibakeTcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam"},
      {"tcvn3 mojibake soft hyphen", "ng\u00AD\u00EAi",
       Encoding::kMojibakeTcvn3, "người"},
      {"vni mojibake", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
       Encoding::kMojibakeVni, "Cộng hòa xã hội chủ nghĩa Việt Nam"},
      {"mojibake keeps real Unicode words", "Việt Nam và héi",
       Encoding::kMojibakeTcvn3, "Việt Nam và hội"},
      {"utf-16le", std::string("V\0i\0\xC7\x1Et\0", 8), Encoding::kUtf16LE,
       "Việt"},
  };
  for (const DecodeCase& c : cases) {
    Decoded d = decode(c.bytes, c.encoding);
    EXPECT_EQ(d.text, c.expected) << c.name;
  }
}

TEST(EncodingDecode, UpperCaseFontGivesCapitals) {
  Decoded d = decode("b\xe9 t\xb5i ch\xddnh", Encoding::kTcvn3, true);
  EXPECT_EQ(d.text, "BỘ TÀI CHÍNH");
  EXPECT_EQ(d.map.to_source(static_cast<uint32_t>(d.text.size())), 12u);
  EXPECT_TRUE(is_uppercase_font(".VnTimeH"));
  EXPECT_TRUE(is_uppercase_font(".VnArialH;"));
  EXPECT_FALSE(is_uppercase_font(".VnTime"));
  EXPECT_FALSE(is_uppercase_font("Times New Roman"));
}

TEST(EncodingFonts, FontNamesImplyEncodings) {
  const std::pair<const char*, Encoding> cases[] = {
      {".VnTime", Encoding::kTcvn3},
      {".VnTimeH", Encoding::kTcvn3},
      {".VnArial Narrow", Encoding::kTcvn3},
      {"VNI-Times", Encoding::kVni},
      {"VNI-Helve-Condense", Encoding::kVni},
      {"Times New Roman", Encoding::kUnknown},
      {"Arial", Encoding::kUnknown}};
  for (const auto& [font, enc] : cases)
    EXPECT_EQ(encoding_from_font(font), enc) << font;
  EXPECT_EQ(encoding_from_name("TCVN3"), Encoding::kTcvn3);
  EXPECT_EQ(encoding_from_name("windows-1258"), Encoding::kCp1258);
  EXPECT_EQ(encoding_from_name("VNI-Windows"), Encoding::kVni);
  EXPECT_EQ(encoding_from_name("vps"), Encoding::kVps);
  EXPECT_EQ(encoding_from_font("VPS Times"), Encoding::kVps);
  EXPECT_EQ(encoding_from_name("klingon"), Encoding::kUnknown);
}

struct DetectCase {
  const char* name;
  std::string bytes;
  Encoding expected;
};

TEST(EncodingDetect, ShortTexts) {
  const DetectCase cases[] = {
      {"ascii", "Dieu 1. Pham vi dieu chinh", Encoding::kUtf8},
      {"utf-8 vietnamese", "Điều 1. Phạm vi điều chỉnh của Nghị quyết này",
       Encoding::kUtf8},
      {"utf-8 with a few Latin-1 words",
       "Hội nghị tại Genève và Zürich, quán café Ångström; Nghị quyết có hiệu "
       "lực",
       Encoding::kUtf8},
      {"tcvn3",
       "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc"
       "a Vi\xd6t Nam \xa7\xe9"
       "c l\xcbp",
       Encoding::kTcvn3},
      {"vni",
       "Co\xe4ng ho\xf8"
       "a xa\xf5 ho\xe4i chu\xfb ngh\xf3"
       "a Vie\xe4t Nam",
       Encoding::kVni},
      {"tcvn3 mojibake", "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
       Encoding::kMojibakeTcvn3},
      {"vni mojibake", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
       Encoding::kMojibakeVni},
      {"vps",
       "C\xb6ng h\xf2"
       "a x\xe3 h\xb6i ch\xfb ngh\xef"
       "a Vi\x8ct Nam \xf1\xb6"
       "c l\xc6p",
       Encoding::kVps},
      {"viqr", "Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam", Encoding::kViqr},
      {"utf-16le without BOM",
       std::string("D\0i\0\xC7\x1Eu\0 \0"
                   "1\0.\0 \0",
                   16),
       Encoding::kUtf16LE},
      {"bom", "\xEF\xBB\xBFx", Encoding::kUtf8},
  };
  for (const DetectCase& c : cases) {
    Detection d = detect_encoding(c.bytes);
    EXPECT_EQ(d.encoding, c.expected) << c.name << ": " << d.evidence;
    EXPECT_GT(d.confidence, 0.3) << c.name;
  }
}

std::vector<fs::path> unicode_docs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(docs_dir())) {
    const std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Pieces of about `size` bytes, cut at spaces, from evenly spread places.
std::vector<std::string> snippets(const std::string& text, size_t size,
                                  int count) {
  std::vector<std::string> out;
  if (text.size() < size * 2) return out;
  for (int k = 0; k < count; ++k) {
    size_t at = (text.size() - size) * k / count;
    at = text.find(' ', at);
    if (at == std::string::npos) break;
    size_t end = text.find(' ', at + size);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(at + 1, end - at - 1));
  }
  return out;
}

Encoding expected_encoding(test::Form f) {
  using test::Form;
  switch (f) {
    case Form::kUtf16LE:
    case Form::kUtf16LEBom:
      return Encoding::kUtf16LE;
    case Form::kUtf16BE:
      return Encoding::kUtf16BE;
    case Form::kTcvn3:
      return Encoding::kTcvn3;
    case Form::kVni:
      return Encoding::kVni;
    case Form::kViscii:
      return Encoding::kViscii;
    case Form::kVps:
      return Encoding::kVps;
    case Form::kCp1258:
      return Encoding::kCp1258;
    case Form::kViqr:
      return Encoding::kViqr;
    case Form::kMojibakeTcvn3:
      return Encoding::kMojibakeTcvn3;
    case Form::kMojibakeVni:
      return Encoding::kMojibakeVni;
    default:
      return Encoding::kUtf8;
  }
}

// Every code point of the output maps back to the input bytes that decode
// to it on their own.
void expect_exact_map(const std::string& bytes, Encoding enc, const Decoded& d,
                      const std::string& label) {
  size_t prev_out = 0;
  uint32_t prev_in = d.map.to_source(0);
  int failures = 0;
  for (size_t o = 1; o <= d.text.size() && failures < 3; ++o) {
    if (o < d.text.size() &&
        (static_cast<unsigned char>(d.text[o]) & 0xC0) == 0x80)
      continue;
    const uint32_t in = d.map.to_source(static_cast<uint32_t>(o));
    ASSERT_GE(in, prev_in) << label;
    const std::string piece = bytes.substr(prev_in, in - prev_in);
    const std::string want = d.text.substr(prev_out, o - prev_out);
    if (decode(piece, enc).text != want) {
      ADD_FAILURE() << label << ": output [" << prev_out << "," << o << ") '"
                    << want << "' maps to input [" << prev_in << "," << in
                    << ")";
      ++failures;
    }
    prev_out = o;
    prev_in = in;
  }
}

TEST(EncodingCorpus, EveryFormRoundTripsAndIsDetected) {
  using test::Form;
  const Form forms[] = {
      Form::kNfc,         Form::kNfd,        Form::kToHop, Form::kUtf16LE,
      Form::kUtf16BE,     Form::kUtf16LEBom, Form::kTcvn3, Form::kVni,
      Form::kViscii,      Form::kCp1258,     Form::kViqr,  Form::kMojibakeTcvn3,
      Form::kMojibakeVni, Form::kVps};
  std::map<std::string, std::pair<int, int>> detected,
      decoded;  // form -> (ok, total)
  int ok_all = 0, total_all = 0, decode_ok_all = 0;
  int maps_checked = 0;
  for (const fs::path& p : unicode_docs()) {
    const std::string doc = test::normalize(read_file(p), false);
    std::vector<std::string> texts = {doc};
    for (auto& s : snippets(doc, 200, 6)) texts.push_back(s);
    for (Form f : forms) {
      for (size_t t = 0; t < texts.size(); ++t) {
        const test::Encoded e = test::encode(texts[t], f);
        const Encoding want = expected_encoding(f);
        const std::string label =
            p.filename().string() + " " + test::form_name(f) +
            (t ? " snippet " + std::to_string(t) : " full");
        Decoded d = decode(e.bytes, want);
        const bool same = test::normalize(d.text, false) == e.expected;
        if (!same) {
          const std::string got = test::normalize(d.text, false);
          size_t k = 0;
          while (k < got.size() && k < e.expected.size() &&
                 got[k] == e.expected[k])
            ++k;
          k = k > 40 ? k - 40 : 0;
          while (k > 0 &&
                 (static_cast<unsigned char>(e.expected[k]) & 0xC0) == 0x80)
            --k;
          std::printf("  mismatch %s\n    got: %s\n   want: %s\n",
                      label.c_str(), got.substr(k, 100).c_str(),
                      e.expected.substr(k, 100).c_str());
        }
        Detection det = detect_encoding(e.bytes);
        bool ok = det.encoding == want;
        if (!ok && det.encoding != Encoding::kUnknown)  // an equivalent reading
          ok = test::normalize(decode(e.bytes, det.encoding).text, false) ==
               e.expected;
        if (!ok)
          std::printf("  misdetected %s as %s (%s)\n", label.c_str(),
                      to_string(det.encoding), det.evidence.c_str());
        auto& dc = detected[test::form_name(f)];
        dc.first += ok;
        dc.second += 1;
        auto& dd = decoded[test::form_name(f)];
        dd.first += same;
        dd.second += 1;
        ok_all += ok;
        decode_ok_all += same;
        ++total_all;
        if (t == 0 && maps_checked < 400 && f != Form::kViqr &&
            f != Form::kMojibakeTcvn3 && f != Form::kMojibakeVni &&
            f != Form::kNfc && f != Form::kNfd && f != Form::kToHop &&
            e.bytes.size() < 40000) {
          expect_exact_map(e.bytes, want, d, label);
          ++maps_checked;
        }
      }
    }
  }
  for (const auto& [form, c] : detected)
    std::printf("  %-16s detected %4d/%4d  decoded %4d/%4d\n", form.c_str(),
                c.first, c.second, decoded[form].first, decoded[form].second);
  const double accuracy = double(ok_all) / total_all;
  std::printf("  detection accuracy %.4f (%d/%d), decoding exact %d/%d\n",
              accuracy, ok_all, total_all, decode_ok_all, total_all);
  RecordProperty("detection_accuracy", std::to_string(accuracy));
  EXPECT_GE(accuracy, 0.99);
  for (const auto& [form, c] : decoded)
    EXPECT_GE(double(c.first) / c.second, 0.99) << form;
  for (const auto& [form, c] : detected)
    EXPECT_GE(double(c.first) / c.second, 0.99) << form;
}

// Word-level similarity 2*LCS/(a+b) after whitespace folding.
double similarity(const std::string& a, const std::string& b) {
  auto words = [](const std::string& s) {
    std::vector<std::string> w;
    std::istringstream in(s);
    for (std::string x; in >> x;) w.push_back(x);
    return w;
  };
  const auto wa = words(a), wb = words(b);
  std::vector<int> prev(wb.size() + 1, 0), cur(wb.size() + 1, 0);
  for (size_t i = 1; i <= wa.size(); ++i) {
    for (size_t j = 1; j <= wb.size(); ++j)
      cur[j] = wa[i - 1] == wb[j - 1] ? prev[j - 1] + 1
                                      : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  const size_t n = wa.size() + wb.size();
  return n ? 2.0 * prev[wb.size()] / n : 1.0;
}

std::string lower(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  std::string out;
  u.toLower().toUTF8String(out);
  return out;
}

TEST(EncodingLegacyFiles, TranscriptsMatch) {
  struct Doc {
    const char* stem;
    const char* ext;
    Encoding encoding;
  };
  const Doc docs[] = {
      {"091_legacy-tcvn3_2003-02144qd", ".doc", Encoding::kTcvn3},
      {"092_legacy-tcvn3_2004-0328NDCP", ".doc", Encoding::kTcvn3},
      {"093_legacy-tcvn3_2004-NghiDinh29_1998", ".doc", Encoding::kTcvn3},
      {"097_legacy-tcvn3_2003-A-15", ".rtf", Encoding::kTcvn3},
      {"099_legacy-vni_2008-23.QD-991-UBND", ".doc", Encoding::kVni},
  };
  for (const Doc& doc : docs) {
    const fs::path file = docs_dir() / (std::string(doc.stem) + doc.ext);
    const std::string raw = read_file(file);
    const std::string bytes = std::string(doc.ext) == ".rtf"
                                  ? test::rtf_text_bytes(raw)
                                  : test::doc_text_bytes(raw);
    ASSERT_FALSE(bytes.empty()) << doc.stem;
    Detection det = detect_encoding(bytes);
    EXPECT_EQ(det.encoding, doc.encoding) << doc.stem << ": " << det.evidence;
    const std::string text =
        test::normalize(decode(bytes, det.encoding).text, false);
    const std::string truth = test::normalize(
        read_file(docs_dir() / (std::string(doc.stem) + ".groundtruth.txt")),
        false);
    const double exact = similarity(text, truth);
    const double folded = similarity(lower(text), lower(truth));
    std::printf(
        "  %s: detected %s (%.3f), word match %.4f, ignoring case %.4f\n",
        doc.stem, to_string(det.encoding), det.confidence, exact, folded);
    EXPECT_GE(folded, 0.95) << doc.stem;
  }
}

}  // namespace
}  // namespace vnlegal

namespace vnlegal {
namespace {

// Arbitrary bytes never crash a decoder, and every map is monotonic and
// ends at the end of the input.
TEST(EncodingRobustness, ArbitraryBytes) {
  const Encoding all[] = {
      Encoding::kUnknown,    Encoding::kUtf8,        Encoding::kUtf16LE,
      Encoding::kUtf16BE,    Encoding::kTcvn3,       Encoding::kVni,
      Encoding::kViscii,     Encoding::kVps,         Encoding::kCp1258,
      Encoding::kViqr,       Encoding::kWindows1252, Encoding::kMojibakeTcvn3,
      Encoding::kMojibakeVni};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 200; ++round) {
    std::string bytes(next() % 300, '\0');
    for (char& c : bytes) {
      const uint32_t r = next() >> 16;
      // Mix of ASCII letters, VIQR marks, high bytes and UTF-8 lead bytes.
      c = static_cast<char>(r % 4 == 0 ? "aeouy'`?~.^(+\\dD"[r % 16]
                                       : r & 0xFF);
    }
    (void)detect_encoding(bytes);
    for (Encoding e : all) {
      for (bool upper : {false, true}) {
        Decoded d = decode(bytes, e, upper);
        uint32_t prev = 0;
        for (uint32_t o = 0; o <= d.text.size(); ++o) {
          const uint32_t in = d.map.to_source(o);
          ASSERT_GE(in, prev) << to_string(e);
          ASSERT_LE(in, bytes.size()) << to_string(e);
          prev = in;
        }
        EXPECT_EQ(d.map.to_source(static_cast<uint32_t>(d.text.size())),
                  bytes.size())
            << to_string(e);
      }
    }
  }
}

}  // namespace
}  // namespace vnlegal

namespace vnlegal {
namespace {

// Letters only Unicode Vietnamese has: ă Ă đ Đ ơ Ơ ư Ư and U+1EA0-U+1EF9.
size_t count_vietnamese_letters(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    if (cp >= 0x80) len = internal::decode_utf8(s, i, cp);
    if (len == 0) len = 1;
    n += cp == 0x102 || cp == 0x103 || cp == 0x110 || cp == 0x111 ||
         cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
         (cp >= 0x1EA0 && cp <= 0x1EF9);
    i += len;
  }
  return n;
}

// The letter counts behind plain UTF-8 detection are read 16 bytes at a
// time; they must equal a character-by-character count, wherever the
// letters fall relative to the blocks.
TEST(EncodingDetect, VietnameseLettersCountedAtEveryOffset) {
  const std::string words =
      "Hội đồng nhân dân thành phố Hà Nội khóa XVI kỳ họp thứ mười tám "
      "Ủy ban nhân dân Ơn Ưng ỹ Ỹ ă Ă ";
  for (size_t shift = 0; shift < 20; ++shift) {
    const std::string text = std::string(shift, 'x') + words + words;
    const Detection d = detect_encoding(text);
    EXPECT_EQ(d.encoding, Encoding::kUtf8);
    const std::string expected =
        "valid UTF-8: " + std::to_string(count_vietnamese_letters(text)) +
        " Vietnamese letters, no mojibake marks";
    EXPECT_EQ(d.evidence, expected) << "shift " << shift;
  }
}

// One Latin-1 letter Vietnamese never uses (a mark of mojibake) per fifty
// Vietnamese letters is tolerated, one more is not, wherever they fall.
TEST(EncodingDetect, MojibakeMarksCountedAtEveryOffset) {
  std::string base;
  while (count_vietnamese_letters(base) < 100) base += "đường ";
  base.resize(base.size());
  const size_t letters = count_vietnamese_letters(base);
  ASSERT_LT(letters, 110u);
  for (size_t at = 0; at + 2 < base.size(); at += 5) {
    // Marks inserted at character boundaries: "ä" (C3 A4), "¶" (C2 B6),
    // and allowed signs that must not count: "°" (C2 B0), "é" (C3 A9).
    size_t pos = at;
    while ((static_cast<unsigned char>(base[pos]) & 0xC0) == 0x80) ++pos;
    const size_t marks_allowed = letters / 50;
    std::string text = base;
    for (size_t k = 0; k < marks_allowed; ++k)
      text.insert(pos, k % 2 ? "\xC2\xB6" : "\xC3\xA4");
    text.insert(pos, "\xC2\xB0\xC3\xA9");
    EXPECT_NE(detect_encoding(text).evidence.find("Vietnamese letters"),
              std::string::npos)
        << "at " << pos;
    text.insert(pos, "\xC3\xA4");
    EXPECT_EQ(detect_encoding(text).evidence.find("Vietnamese letters"),
              std::string::npos)
        << "at " << pos;
  }
}

}  // namespace
}  // namespace vnlegal

namespace vnlegal {
namespace {

// Each Latin-1 character (C2 xx, C3 xx) is judged by the 16-byte block
// scan when it lies early in the text and by the character loop when it is
// among the last bytes: both must agree that it is a mark of mojibake or
// not. Twenty Vietnamese letters tolerate no mark at all (one per fifty).
TEST(EncodingDetect, LatinOneJudgedAlikeInBlocksAndAtTheEnd) {
  const std::string letters =
      "đường ăn ơn ưng ĐƯỜNG ĂN ƠN ƯNG ốc ộ ở ợ ụ ữ ỳ ỷ ";
  ASSERT_EQ(count_vietnamese_letters(letters), 20u);
  size_t marks = 0;
  for (int lead : {0xC2, 0xC3}) {
    for (int c = 0x80; c <= 0xBF; ++c) {
      const std::string ch{static_cast<char>(lead), static_cast<char>(c)};
      auto plain = [](const std::string& text) {
        return detect_encoding(text).evidence.find("Vietnamese letters") !=
               std::string::npos;
      };
      const bool early = plain(ch + " " + letters + letters.substr(0, 10));
      const bool late = plain(letters + letters.substr(0, 10) + " " + ch);
      EXPECT_EQ(early, late) << std::hex << lead << " " << c;
      marks += !early;
    }
  }
  // The signs and vowels of Vietnamese typing are 41 of the 128.
  EXPECT_EQ(marks, 128u - 41u);
}

}  // namespace
}  // namespace vnlegal
