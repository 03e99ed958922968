// Crude byte-stream extraction from the legacy test documents, standing in
// for the real container readers: the 8-bit text of a Word 97 WordDocument
// stream, and the body text of an RTF file with its \'xx escapes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace vnlegal::test {

inline uint32_t le32(std::string_view d, size_t at) {
  if (at + 4 > d.size()) return 0xFFFFFFFF;
  uint32_t v;
  std::memcpy(&v, d.data() + at, 4);
  return v;
}

// The named stream of an OLE2 compound file (regular FAT only).
inline std::string ole_stream(std::string_view d, std::u16string_view name) {
  if (d.size() < 512) return {};
  const size_t sector = size_t{1} << (static_cast<unsigned char>(d[30]) |
                                      (static_cast<unsigned char>(d[31]) << 8));
  const uint32_t fat_sectors = le32(d, 44);
  std::vector<uint32_t> fat;
  for (uint32_t k = 0; k < fat_sectors && k < 109; ++k) {
    const size_t at = 512 + size_t{le32(d, 76 + 4 * k)} * sector;
    for (size_t j = 0; j < sector / 4; ++j) fat.push_back(le32(d, at + 4 * j));
  }
  auto chain = [&](uint32_t s) {
    std::string out;
    for (size_t guard = 0;
         s < 0xFFFFFFFA && s < fat.size() && guard < fat.size(); ++guard) {
      const size_t at = 512 + size_t{s} * sector;
      if (at + sector > d.size()) break;
      out.append(d.data() + at, sector);
      s = fat[s];
    }
    return out;
  };
  const std::string dir = chain(le32(d, 48));
  for (size_t e = 0; e + 128 <= dir.size(); e += 128) {
    const size_t len = (static_cast<unsigned char>(dir[e + 64]) |
                        (static_cast<unsigned char>(dir[e + 65]) << 8));
    if (len < 2) continue;
    std::u16string n;
    for (size_t k = 0; k + 2 < len && k < 64; k += 2)
      n.push_back(static_cast<char16_t>(
          static_cast<unsigned char>(dir[e + k]) |
          (static_cast<unsigned char>(dir[e + k + 1]) << 8)));
    if (n == name)
      return chain(le32(dir, e + 116)).substr(0, le32(dir, e + 120));
  }
  return {};
}

// The 8-bit text between fcMin and fcMac of the FIB, with NUL bytes and
// Word's field/object control codes dropped; paragraph marks become '\n'.
inline std::string doc_text_bytes(std::string_view file) {
  const std::string w = ole_stream(file, u"WordDocument");
  if (w.size() < 0x20) return {};
  const uint32_t fc_min = le32(w, 0x18), fc_mac = le32(w, 0x1C);
  std::string out;
  for (size_t i = fc_min; i < fc_mac && i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == '\r' || c == 0x07 || c == 0x0B || c == 0x0C) {
      out.push_back('\n');
    } else if (c >= 0x20 || c == '\t') {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// The body text of an RTF file as bytes: \'xx escapes, plain characters,
// \par/\line/\tab; skips the font/style/info tables, headers and footers,
// pictures and \* destinations.
inline std::string rtf_text_bytes(std::string_view r) {
  std::string out;
  std::vector<bool> skip{false};
  size_t i = 0;
  auto hex = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  while (i < r.size()) {
    const char c = r[i];
    if (c == '{') {
      skip.push_back(skip.back());
      ++i;
      continue;
    }
    if (c == '}') {
      if (skip.size() > 1) skip.pop_back();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c != '\\') {
      if (!skip.back()) out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= r.size()) break;
    const char n = r[i + 1];
    if (n == '\'' && i + 3 < r.size()) {
      if (!skip.back())
        out.push_back(static_cast<char>(hex(r[i + 2]) * 16 + hex(r[i + 3])));
      i += 4;
      continue;
    }
    if (n == '*') {
      skip.back() = true;
      i += 2;
      continue;
    }
    if (!isalpha(static_cast<unsigned char>(n))) {
      if (!skip.back() && (n == '\\' || n == '{' || n == '}')) out.push_back(n);
      if (!skip.back() && n == '~') out.push_back(' ');
      i += 2;
      continue;
    }
    size_t j = i + 1;
    while (j < r.size() && isalpha(static_cast<unsigned char>(r[j]))) ++j;
    const std::string word(r.substr(i + 1, j - i - 1));
    if (j < r.size() &&
        (r[j] == '-' || isdigit(static_cast<unsigned char>(r[j])))) {
      ++j;
      while (j < r.size() && isdigit(static_cast<unsigned char>(r[j]))) ++j;
    }
    if (j < r.size() && r[j] == ' ') ++j;
    i = j;
    if (word == "fonttbl" || word == "colortbl" || word == "stylesheet" ||
        word == "info" || word == "header" || word == "footer" ||
        word == "headerf" || word == "footerf" || word == "headerl" ||
        word == "headerr" || word == "footerl" || word == "footerr" ||
        word == "pict" || word == "fldinst" || word == "listtable" ||
        word == "listoverridetable" || word == "pnseclvl" || word == "pntext" ||
        word == "pntxta" || word == "pntxtb") {
      skip.back() = true;
    } else if (!skip.back()) {
      if (word == "par" || word == "line" || word == "row") out.push_back('\n');
      if (word == "tab" || word == "cell") out.push_back('\t');
    }
  }
  return out;
}

}  // namespace vnlegal::test
