#include "io/text_sink.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "internal/utf8.h"

namespace vnlegal::io {
namespace {

constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

bool is_legacy(Encoding e) {
  return e == Encoding::kTcvn3 || e == Encoding::kVni ||
         e == Encoding::kViscii || e == Encoding::kVps;
}

}  // namespace

static std::string roman(int n, bool upper) {
  static const std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
      {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  if (n <= 0 || n > 4999) return std::to_string(n);
  for (const auto& [v, s] : kTable)
    while (n >= v) {
      out += s;
      n -= v;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

static std::string letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: a..z, aa..zz, aaa...
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
}

std::string format_list_number(int n, const std::string& fmt) {
  if (fmt == "lowerLetter") return letters(n, false);
  if (fmt == "upperLetter") return letters(n, true);
  if (fmt == "lowerRoman") return roman(n, false);
  if (fmt == "upperRoman") return roman(n, true);
  if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if (fmt == "none") return "";
  return std::to_string(n);
}

std::string to_upper_vi(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

int legacy_byte_of(char32_t cp) {
  if (cp < 0x100) return static_cast<int>(cp);
  if (cp >= 0xF000 && cp <= 0xF0FF) return static_cast<int>(cp - 0xF000);
  for (int i = 0; i < 32; ++i)
    if (kCp1252High[i] == cp) return 0x80 + i;
  return -1;
}

std::string clean_font_name(std::string_view name) {
  // PDF subset prefix: six capitals and '+'.
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6,
                  [](char c) { return c >= 'A' && c <= 'Z'; }))
    name.remove_prefix(7);
  // Style suffixes: ",Bold", "-BoldItalic" (but keep "VNI-Times").
  if (auto comma = name.find(','); comma != std::string_view::npos)
    name = name.substr(0, comma);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\0'))
    name.remove_suffix(1);
  return std::string(name);
}

std::u32string utf8_to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    size_t n = internal::decode_utf8(s, i, cp);
    if (n == 0) {
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

Encoding font_encoding(std::string_view font) {
  const std::string name = clean_font_name(font);
  Encoding e = encoding_from_font(name);
  if (e == Encoding::kUnknown && name.size() > 3 && name[0] == '.' &&
      (name[1] == 'V' || name[1] == 'v') && (name[2] == 'N' || name[2] == 'n'))
    e = Encoding::kTcvn3;
  return e;
}

bool is_legacy_font(std::string_view font) {
  return is_legacy(font_encoding(font));
}

void TextSink::mark(uint32_t src) {
  map_.add(static_cast<uint32_t>(text_.size()), src);
}

void TextSink::put_cp(char32_t cp) { internal::append_utf8(text_, cp); }

void TextSink::end_line() {
  while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\t'))
    text_.pop_back();
  if (!text_.empty() && text_.back() != '\n') text_.push_back('\n');
}

void TextSink::blank_line() {
  end_line();
  if (text_.size() >= 2 && text_[text_.size() - 2] != '\n')
    text_.push_back('\n');
}

void TextSink::space() {
  if (!at_line_start() && text_.back() != ' ') text_.push_back(' ');
}

void TextSink::put_encoded(std::string_view bytes, Encoding encoding,
                           bool upper, Diagnostics* diagnostics) {
  if (bytes.empty()) return;
  Decoded d = decode(bytes, encoding);
  if (diagnostics) {
    // One diagnostic of each code is enough for a whole document.
    for (Diagnostic& diag : d.diagnostics) {
      bool seen =
          std::any_of(diagnostics->begin(), diagnostics->end(),
                      [&](const Diagnostic& x) { return x.code == diag.code; });
      if (!seen) diagnostics->push_back(std::move(diag));
    }
  }
  size_t letters = 0;
  for (char c : bytes) letters += c != ' ';
  count(encoding, letters);
  text_.append(upper ? to_upper_vi(d.text) : d.text);
}

void TextSink::put_run(std::u32string_view chars, std::string_view font,
                       Diagnostics* diagnostics) {
  const Encoding enc = font_encoding(font);
  if (!is_legacy(enc)) {
    size_t letters = 0;
    for (char32_t c : chars) {
      put_cp(c);
      letters += c != ' ';
    }
    count(Encoding::kUtf8, letters);
    return;
  }
  put_legacy(chars, enc, is_uppercase_font(clean_font_name(font)), diagnostics);
}

void TextSink::put_legacy(std::u32string_view chars, Encoding enc, bool upper,
                          Diagnostics* diagnostics) {
  std::string bytes;
  for (char32_t c : chars) {
    int b = legacy_byte_of(c);
    if (b >= 0) {
      bytes.push_back(static_cast<char>(b));
      continue;
    }
    put_encoded(bytes, enc, upper, diagnostics);
    bytes.clear();
    put_cp(c);
  }
  put_encoded(bytes, enc, upper, diagnostics);
}

void TextSink::put_row(const std::vector<std::string>& cells, uint32_t src) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n'))
      s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n'))
      s.remove_suffix(1);
    return s;
  };
  bool layout = false;
  for (const std::string& c : cells)
    if (trim(c).find('\n') != std::string_view::npos) layout = true;
  end_line();
  mark(src);
  bool first = true;
  for (const std::string& c : cells) {
    std::string_view t = trim(c);
    if (t.empty()) continue;
    if (layout) {
      end_line();
    } else if (!first) {
      text_.append(" | ");
    }
    text_.append(t);
    first = false;
  }
  end_line();
}

std::string TextSink::dominant_encoding(const std::string& fallback) const {
  size_t best = 0;
  size_t best_count = 0;
  for (size_t i = 0; i < counts_.size(); ++i)
    if (counts_[i] > best_count) {
      best = i;
      best_count = counts_[i];
    }
  if (best_count == 0) return fallback;
  return to_string(static_cast<Encoding>(best));
}

void TextSink::finish(ReadResult& r, size_t in_size,
                      const std::string& fallback) {
  end_line();
  r.encoding = dominant_encoding(fallback);
  // Readers count Unicode runs as UTF-8; say what the container held.
  if (r.encoding == "UTF-8") r.encoding = fallback;
  map_.finish(static_cast<uint32_t>(text_.size()),
              static_cast<uint32_t>(in_size));
  r.text = std::move(text_);
  r.map = std::move(map_);
}

}  // namespace vnlegal::io
