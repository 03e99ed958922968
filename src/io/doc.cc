// Word 97-2003 .doc: the compound file (CFB), the FIB, the piece table (CLX)
// of the table stream, character runs (PlcBteChpx) for fonts (SttbfFfn) and
// paragraph runs (PlcBtePapx) for table rows. Every read is bounds-checked:
// damaged files yield what could be read and a diagnostic.
//
// Reference: [MS-CFB] and [MS-DOC], Microsoft Open Specifications.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/readers.h"
#include "io/text_sink.h"

namespace vnlegal::io {
namespace {

class Bytes {
 public:
  Bytes() = default;
  explicit Bytes(std::string_view s) : s_(s) {}
  size_t size() const { return s_.size(); }
  bool has(size_t off, size_t n) const {
    return off <= s_.size() && n <= s_.size() - off;
  }
  uint8_t u8(size_t off) const {
    return has(off, 1) ? static_cast<uint8_t>(s_[off]) : 0;
  }
  uint16_t u16(size_t off) const {
    return has(off, 2) ? static_cast<uint16_t>(u8(off) | (u8(off + 1) << 8))
                       : 0;
  }
  uint32_t u32(size_t off) const {
    return has(off, 4) ? static_cast<uint32_t>(u16(off)) |
                             (static_cast<uint32_t>(u16(off + 2)) << 16)
                       : 0;
  }
  std::string_view sub(size_t off, size_t n) const {
    if (off > s_.size()) return {};
    return s_.substr(off, std::min(n, s_.size() - off));
  }

 private:
  std::string_view s_;
};

constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kFreeSect = 0xFFFFFFFF;

// The compound file: streams by name.
class Cfb {
 public:
  explicit Cfb(std::string_view data) : b_(data) {}

  bool open(std::string& error) {
    if (b_.size() < 512) {
      error = "the compound file header is truncated";
      return false;
    }
    unsigned shift = b_.u16(0x1E);
    unsigned mini_shift = b_.u16(0x20);
    if (shift != 9 && shift != 12) {
      error = "bad sector size";
      return false;
    }
    if (mini_shift != 6) mini_shift = 6;
    sector_ = 1u << shift;
    mini_sector_ = 1u << mini_shift;
    cutoff_ = b_.u32(0x38);
    if (cutoff_ == 0 || cutoff_ > (1u << 20)) cutoff_ = 4096;
    // The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
    std::vector<uint32_t> fat_sectors;
    const uint32_t max_sectors = static_cast<uint32_t>(b_.size() / sector_ + 1);
    // A file has no more FAT sectors than sectors: a damaged DIFAT that
    // names more (or loops) would otherwise grow the FAT, and every chain
    // walk over it, quadratically.
    for (int k = 0; k < 109 && fat_sectors.size() < max_sectors; ++k) {
      uint32_t s = b_.u32(0x4C + 4 * k);
      if (s < max_sectors) fat_sectors.push_back(s);
    }
    uint32_t dif = b_.u32(0x44);
    for (uint32_t n = 0; dif < max_sectors && n < max_sectors &&
                         fat_sectors.size() < max_sectors;
         ++n) {
      size_t off = offset(dif);
      for (uint32_t k = 0;
           k + 1 < sector_ / 4 && fat_sectors.size() < max_sectors; ++k) {
        uint32_t s = b_.u32(off + 4 * k);
        if (s < max_sectors) fat_sectors.push_back(s);
      }
      dif = b_.u32(off + sector_ - 4);
    }
    for (uint32_t s : fat_sectors) {
      size_t off = offset(s);
      for (uint32_t k = 0; k < sector_ / 4 && b_.has(off + 4 * k, 4); ++k)
        fat_.push_back(b_.u32(off + 4 * k));
    }
    std::string dir = chain(fat_, b_.u32(0x30), sector_, nullptr, UINT32_MAX);
    if (dir.size() < 128) {
      error = "the compound file directory is missing";
      return false;
    }
    for (size_t off = 0; off + 128 <= dir.size(); off += 128) {
      Bytes e(std::string_view(dir).substr(off, 128));
      uint16_t name_len = e.u16(0x40);
      std::string name;
      for (size_t k = 0; k + 2 <= std::min<size_t>(name_len, 64); k += 2) {
        uint16_t ch = e.u16(k);
        if (ch == 0) break;
        name.push_back(ch < 0x80 ? static_cast<char>(ch) : '?');
      }
      uint8_t type = e.u8(0x42);
      Entry en{e.u32(0x74), e.u32(0x78)};
      if (type == 5 && off == 0) {
        root_ = en;
      } else if (type == 2 && !entries_.count(name)) {
        entries_[name] = en;
      }
    }
    mini_fat_bytes_ = chain(fat_, b_.u32(0x3C), sector_, nullptr, UINT32_MAX);
    for (size_t k = 0; k + 4 <= mini_fat_bytes_.size(); k += 4)
      mini_fat_.push_back(Bytes(mini_fat_bytes_).u32(k));
    mini_stream_ = chain(fat_, root_.start, sector_, nullptr, root_.size);
    return true;
  }

  // File offsets of the sectors of a large (FAT) stream, in stream order,
  // so that a position in the stream can be mapped back to the file.
  std::vector<size_t> sector_offsets(const std::string& name) const {
    std::vector<size_t> out;
    auto it = entries_.find(name);
    if (it == entries_.end() || it->second.size < cutoff_) return out;
    uint32_t s = it->second.start;
    while (s != kEndOfChain && s < fat_.size() && out.size() <= fat_.size() &&
           out.size() <= b_.size() / sector_ &&
           static_cast<uint64_t>(out.size()) * sector_ < it->second.size) {
      out.push_back(offset(s));
      s = fat_[s];
    }
    return out;
  }
  uint32_t sector_size() const { return sector_; }

  std::optional<std::string> stream(const std::string& name) const {
    auto it = entries_.find(name);
    if (it == entries_.end()) return std::nullopt;
    const Entry& e = it->second;
    if (e.size < cutoff_)
      return chain(mini_fat_, e.start, mini_sector_, &mini_stream_, e.size);
    return chain(fat_, e.start, sector_, nullptr, e.size);
  }

 private:
  struct Entry {
    uint32_t start = kEndOfChain;
    uint32_t size = 0;
  };

  size_t offset(uint32_t sector) const {
    return (static_cast<size_t>(sector) + 1) * sector_;
  }

  // Follows a sector chain (in the file or, with `mini`, in the mini
  // stream), guarding against loops and reads past the end.
  std::string chain(const std::vector<uint32_t>& fat, uint32_t start,
                    uint32_t unit, const std::string* mini,
                    uint32_t size) const {
    std::string out;
    uint32_t s = start;
    size_t steps = 0;
    Bytes src = mini ? Bytes(*mini) : b_;
    // A chain longer than the sectors of its source loops.
    const size_t max_steps = std::min(fat.size(), src.size() / unit + 1);
    while (s != kEndOfChain && s != kFreeSect && s < fat.size() &&
           steps++ <= max_steps && out.size() < size) {
      size_t off = mini ? static_cast<size_t>(s) * unit : offset(s);
      std::string_view part = src.sub(off, unit);
      if (part.empty()) break;
      out.append(part);
      s = fat[s];
    }
    if (out.size() > size) out.resize(size);
    return out;
  }

  Bytes b_;
  uint32_t sector_ = 512, mini_sector_ = 64, cutoff_ = 4096;
  std::vector<uint32_t> fat_, mini_fat_;
  std::string mini_fat_bytes_, mini_stream_;
  Entry root_;
  std::map<std::string, Entry> entries_;
};

// Operand size of a sprm ([MS-DOC] 2.2.5.1: the spra field).
size_t sprm_size(const Bytes& b, size_t off, uint16_t sprm) {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (sprm == 0xD608 || sprm == 0xD606)  // sprmTDefTable, sprmTDefTable10
        return 2 + std::max<size_t>(b.u16(off), 1) - 1;
      if (sprm == 0xC615) {  // sprmPChgTabs
        size_t cb = b.u8(off);
        return cb == 255 ? 1 + b.u8(off + 1) * 4 + 2 : 1 + cb;
      }
      return 1 + static_cast<size_t>(b.u8(off));
  }
}

template <typename F>
void for_each_sprm(const Bytes& b, size_t off, size_t end, F f) {
  while (off + 2 <= end && b.has(off, 2)) {
    uint16_t sprm = b.u16(off);
    size_t size = sprm_size(b, off + 2, sprm);
    if (off + 2 + size > end) break;
    f(sprm, off + 2);
    off += 2 + size;
  }
}

constexpr int kRowEnd = 0x10000;
constexpr int kInTable = 0x20000;

struct Run {
  uint32_t fc_begin, fc_end;
  int value;         // font index for ASCII (CHPX) or style and flags (PAPX)
  int high = -1;     // CHPX: font index for characters >= 0x80
  int ilfo = -1;     // PAPX: list (1-based LFO index), 0 none, -1 from style
  int ilvl = -1;     // PAPX: list level, -1 from style
  int64_t pic = -1;  // CHPX: sprmCPicLocation, a form field's FFData
};

// One level of a list definition (LVL): its number text holds code units
// 0-8 where the numbers of levels 0-8 go.
struct ListLevel {
  int start = 1;
  int nfc = 0;
  bool legal = false;
  int follow = 0;  // 0 tab, 1 space, 2 nothing
  int font = -1;
  std::u16string text;
};

class DocReader {
 public:
  DocReader(std::string_view bytes, const Options& options, ReadResult& r)
      : input_(bytes), options_(options), r_(r) {}

  void read() {
    Cfb cfb(input_);
    std::string error;
    if (!cfb.open(error)) {
      diag("damaged-doc", Severity::kError, error + "; no text was read");
      return;
    }
    auto word = cfb.stream("WordDocument");
    if (!word || word->size() < 0x1A2 + 8) {
      diag("damaged-doc", Severity::kError,
           "no readable WordDocument stream (not a Word 97-2003 file?)");
      return;
    }
    word_ = *word;
    word_sectors_ = cfb.sector_offsets("WordDocument");
    sector_size_ = cfb.sector_size();
    Bytes w(word_);
    if (w.u16(0) != 0xA5EC)
      diag("doc-bad-fib", Severity::kWarning, "unexpected FIB identifier");
    uint16_t nfib = w.u16(2);
    uint16_t flags = w.u16(0x0A);
    if (flags & 0x0100) {
      diag("encrypted-doc", Severity::kError,
           "the document is encrypted; no text was read");
      return;
    }
    if (nfib < 101) {
      diag("unsupported-doc-version", Severity::kError,
           "Word 6/95 files (nFib " + std::to_string(nfib) +
               ") are not supported; no text was read");
      return;
    }
    auto table = cfb.stream((flags & 0x0200) ? "1Table" : "0Table");
    if (!table) {
      diag("damaged-doc", Severity::kError, "the table stream is missing");
      return;
    }
    table_ = *table;
    // The Data stream holds form fields' data (FFData).
    if (auto data = cfb.stream("Data")) data_ = *data;
    Bytes t(table_);
    // FibRgLw97: ccpText, ccpFtn; FibRgFcLcb97 pairs by index.
    ccp_text_ = w.u32(0x4C);
    ccp_ftn_ = w.u32(0x50);
    auto fclcb = [&](int index) {
      size_t off = 0x9A + 8 * static_cast<size_t>(index);
      return std::pair<uint32_t, uint32_t>{w.u32(off), w.u32(off + 4)};
    };
    read_fonts(t, fclcb(15));
    read_default_font(t, fclcb(1));
    chp_runs_ = read_bte(t, fclcb(12), true);
    pap_runs_ = read_bte(t, fclcb(13), false);
    read_lists(t, fclcb(73), fclcb(74));
    auto [fc_clx, lcb_clx] = fclcb(33);
    if (!read_pieces(t, fc_clx, lcb_clx)) return;
    emit(0, ccp_text_);
    if (ccp_ftn_ > 0 && ccp_ftn_ < (1u << 28)) {
      sink_.end_line();
      emit(ccp_text_, ccp_text_ + ccp_ftn_);
    }
  }

  void finish() {
    if (!row_cells_.empty() || cell_.size()) end_row();
    sink_.finish(r_, input_.size(),
                 unicode_chars_ ? "UTF-16LE" : "Windows-1252");
    for (const auto& [font, n] : font_bytes_)
      if (font_encoding(font) != Encoding::kUnknown) {
        r_.diagnostics.push_back({"legacy-font",
                                  Severity::kInfo,
                                  std::to_string(n) + " characters in font \"" +
                                      font + "\" read as " +
                                      to_string(font_encoding(font)),
                                  {}});
      }
  }

 private:
  void diag(const char* code, Severity s, std::string msg) {
    r_.diagnostics.push_back({code, s, std::move(msg), {}});
  }

  void read_fonts(const Bytes& t, std::pair<uint32_t, uint32_t> fl) {
    auto [fc, lcb] = fl;
    if (!t.has(fc, lcb) || lcb < 4) return;
    size_t end = fc + lcb;
    uint16_t count = t.u16(fc);
    size_t off = fc + 4;
    for (uint16_t k = 0; k < count && off < end; ++k) {
      size_t cb = t.u8(off) + 1u;  // cbFfnM1 + 1
      size_t name = off + 1 + 39;
      std::string font;
      for (size_t p = name; p + 2 <= off + cb && p + 2 <= end; p += 2) {
        uint16_t ch = t.u16(p);
        if (ch == 0) break;
        font.push_back(ch < 0x80 ? static_cast<char>(ch) : '?');
      }
      fonts_.push_back(font);
      off += cb;
    }
  }

  // The document's default font (STSHI rgftcStandardChpStsh[0]) applies to
  // runs that name no font themselves.
  void read_default_font(const Bytes& t, std::pair<uint32_t, uint32_t> fl) {
    auto [fc, lcb] = fl;
    if (!t.has(fc, lcb) || lcb < 2 + 14) return;
    uint16_t cb_stshi = t.u16(fc);
    if (cb_stshi >= 14) default_font_ = t.u16(fc + 2 + 12);
    read_styles(t, fc, lcb, cb_stshi);
  }

  // Paragraph styles that set a font: runs without their own font sprm use
  // their paragraph's style font.
  void read_styles(const Bytes& t, uint32_t fc, uint32_t lcb,
                   uint16_t cb_stshi) {
    const size_t end = static_cast<size_t>(fc) + lcb;
    uint16_t cstd = t.u16(fc + 2);
    uint16_t cb_base = t.u16(fc + 4);
    size_t off = fc + 2 + cb_stshi;
    std::vector<int> based_on;
    for (uint16_t istd = 0; istd < cstd && off + 2 <= end; ++istd) {
      uint16_t cbstd = t.u16(off);
      size_t std_off = off + 2;
      off = std_off + cbstd;
      int font = -1, base = -1;
      std::pair<int, int> list{-1, -1};  // ilfo, ilvl
      if (cbstd >= 10 && off <= end) {
        uint16_t w1 = t.u16(std_off);
        uint16_t w2 = t.u16(std_off + 2);
        unsigned sgc = w2 & 0x0F;
        base = (w2 >> 4) & 0x0FFF;
        if (base == 0x0FFF) base = -1;
        unsigned cupx = t.u16(std_off + 4) & 0x0F;
        (void)w1;
        // The name (Xstz: cch then UTF-16 and a terminator) follows StdfBase.
        size_t name = std_off + cb_base;
        size_t cch = t.u16(name);
        size_t upx = name + 2 + (cch + 1) * 2;
        for (unsigned u = 0; u < cupx && upx + 2 <= off; ++u) {
          if ((upx - std_off) & 1) ++upx;  // UPX are 2-byte aligned
          uint16_t cbupx = t.u16(upx);
          size_t data = upx + 2;
          if (sgc == 1 && u == 0)  // UpxPapx: istd, then sprms
            for_each_sprm(t, data + 2, std::min(data + cbupx, off),
                          [&](uint16_t sprm, size_t op) {
                            if (sprm == 0x460B)
                              list.first = static_cast<int16_t>(t.u16(op));
                            if (sprm == 0x260A)
                              list.second = std::min<int>(t.u8(op), 8);
                          });
          bool chpx = (sgc == 1 && u == 1) || (sgc == 2 && u == 0);
          if (chpx)
            for_each_sprm(t, data, std::min(data + cbupx, off),
                          [&](uint16_t sprm, size_t op) {
                            if (sprm == 0x4A4F || sprm == 0x4A3D)
                              font = t.u16(op);
                            else if (sprm == 0x4A51 && font < 0)
                              font = t.u16(op);
                          });
          upx = data + cbupx;
        }
      }
      style_font_.push_back(font);
      style_list_.push_back(list);
      based_on.push_back(base);
    }
    // Inherit along basedOn (bounded).
    for (size_t i = 0; i < style_font_.size(); ++i) {
      int s = static_cast<int>(i);
      for (int step = 0; step < 16 && style_font_[i] < 0 && s >= 0 &&
                         static_cast<size_t>(s) < based_on.size();
           ++step) {
        s = based_on[s];
        if (s >= 0 && static_cast<size_t>(s) < style_font_.size())
          style_font_[i] = style_font_[s];
      }
      s = static_cast<int>(i);
      for (int step = 0; step < 16 && style_list_[i].first < 0 && s >= 0 &&
                         static_cast<size_t>(s) < based_on.size();
           ++step) {
        s = based_on[s];
        if (s >= 0 && static_cast<size_t>(s) < style_list_.size())
          style_list_[i] = style_list_[s];
      }
    }
  }

  // PlcBteChpx / PlcBtePapx: FKP pages of runs. For CHPX the value is the
  // font index (-1 when the run sets none); for PAPX it is the paragraph's
  // style index with the kRowEnd (fTtp) and kInTable flags.
  std::vector<Run> read_bte(const Bytes& t, std::pair<uint32_t, uint32_t> fl,
                            bool chpx) {
    std::vector<Run> runs;
    auto [fc, lcb] = fl;
    if (!t.has(fc, lcb) || lcb < 8) return runs;
    size_t n = (lcb - 4) / 8;
    Bytes w(word_);
    for (size_t k = 0; k < n && runs.size() < (1u << 22); ++k) {
      uint32_t pn = t.u32(fc + 4 * (n + 1) + 4 * k) & 0x3FFFFF;
      size_t page = static_cast<size_t>(pn) * 512;
      if (!w.has(page, 512)) continue;
      unsigned crun = w.u8(page + 511);
      if (crun == 0 || 4 * (crun + 1) + (chpx ? crun : crun * 13) > 511)
        continue;
      for (unsigned i = 0; i < crun; ++i) {
        Run run{w.u32(page + 4 * i), w.u32(page + 4 * (i + 1)), -1};
        if (chpx) {
          unsigned b = w.u8(page + 4 * (crun + 1) + i);
          if (b != 0) {
            size_t chp = page + 2 * b;
            size_t cb = w.u8(chp);
            for_each_sprm(w, chp + 1, std::min(chp + 1 + cb, page + 511),
                          [&](uint16_t sprm, size_t op) {
                            // sprmCRgFtc0 (ASCII), sprmCFtc (Word 6
                            // form); Word draws characters >= 0x80 in
                            // sprmCRgFtc2 (high ANSI), where legacy fonts
                            // differ.
                            if (sprm == 0x4A4F || sprm == 0x4A3D)
                              run.value = w.u16(op);
                            else if (sprm == 0x4A51)
                              run.high = w.u16(op);
                            else if (sprm == 0x6A03)  // sprmCPicLocation
                              run.pic = w.u32(op);
                          });
          }
        } else {
          run.value = 0;  // style 0, not in a table
          unsigned b = w.u8(page + 4 * (crun + 1) + 13 * i);
          if (b != 0) {
            size_t pap = page + 2 * b;
            size_t cb = w.u8(pap);
            size_t start = pap + 1, len;
            if (cb == 0) {
              len = 2 * static_cast<size_t>(w.u8(pap + 1));
              start = pap + 2;
            } else {
              len = 2 * cb - 1;
            }
            size_t end = std::min(start + len, page + 511);
            int istd = w.u16(start);
            bool ttp = false, intbl = false;
            for_each_sprm(w, start + 2, end, [&](uint16_t sprm, size_t op) {
              // sprmPFTtp / sprmPFInnerTtp, sprmPFInTable
              if ((sprm == 0x2417 || sprm == 0x244C) && w.u8(op)) ttp = true;
              if (sprm == 0x2416 && w.u8(op)) intbl = true;
              if (sprm == 0x460B) run.ilfo = static_cast<int16_t>(w.u16(op));
              if (sprm == 0x260A) run.ilvl = std::min<int>(w.u8(op), 8);
            });
            run.value = istd | (ttp ? kRowEnd : 0) | (intbl ? kInTable : 0);
          }
        }
        runs.push_back(run);
      }
    }
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
      return a.fc_begin < b.fc_begin;
    });
    return runs;
  }

  const Run* find_run(const std::vector<Run>& runs, uint32_t fc) const {
    auto it = std::upper_bound(
        runs.begin(), runs.end(), fc,
        [](uint32_t v, const Run& r) { return v < r.fc_begin; });
    if (it == runs.begin()) return nullptr;
    --it;
    return fc < it->fc_end ? &*it : nullptr;
  }

  struct Piece {
    uint32_t cp_begin, cp_end;
    uint32_t fc;  // byte offset in WordDocument
    bool compressed;
  };

  bool read_pieces(const Bytes& t, uint32_t fc, uint32_t lcb) {
    if (!t.has(fc, lcb) || lcb == 0) {
      diag("damaged-doc", Severity::kError,
           "the piece table (CLX) is outside the table stream; no text was "
           "read");
      return false;
    }
    size_t off = fc, end = static_cast<size_t>(fc) + lcb;
    while (off < end && t.u8(off) == 0x01) off += 3 + t.u16(off + 1);  // Prc
    if (off >= end || t.u8(off) != 0x02) {
      diag("damaged-doc", Severity::kError, "no piece table in the CLX");
      return false;
    }
    uint32_t size = t.u32(off + 1);
    size_t plc = off + 5;
    if (!t.has(plc, size) || size < 4) {
      diag("damaged-doc", Severity::kError, "the piece table is truncated");
      return false;
    }
    size_t n = (size - 4) / 12;
    for (size_t k = 0; k < n; ++k) {
      uint32_t a = t.u32(plc + 4 * k), b = t.u32(plc + 4 * (k + 1));
      size_t pcd = plc + 4 * (n + 1) + 8 * k;
      uint32_t fcv = t.u32(pcd + 2);
      bool compressed = fcv & 0x40000000u;
      uint32_t pos = fcv & 0x3FFFFFFFu;
      if (compressed) pos /= 2;
      if (b < a) continue;
      pieces_.push_back({a, b, pos, compressed});
    }
    return !pieces_.empty();
  }

  // PlfLst (list definitions, their LVLs right after) and PlfLfo (the
  // lists paragraphs point to). Overrides in the LFOs are not applied.
  void read_lists(const Bytes& t, std::pair<uint32_t, uint32_t> lst,
                  std::pair<uint32_t, uint32_t> lfo) {
    if (!t.has(lst.first, lst.second) || lst.second < 2) return;
    size_t count = t.u16(lst.first);
    if (count > (lst.second - 2) / 28) return;
    size_t lvl = lst.first + 2 + 28 * count;
    for (size_t i = 0; i < count; ++i) {
      size_t lstf = lst.first + 2 + 28 * i;
      uint32_t lsid = t.u32(lstf);
      const bool simple = t.u8(lstf + 26) & 1;
      std::vector<ListLevel>& levels = lists_[lsid];
      levels.clear();
      for (int k = 0; k < (simple ? 1 : 9); ++k) {
        if (!t.has(lvl, 28)) return;
        ListLevel L;
        L.start = static_cast<int>(t.u32(lvl));
        if (L.start < 0 || L.start > 100000) L.start = 1;
        L.nfc = t.u8(lvl + 4);
        L.legal = (t.u8(lvl + 5) >> 2) & 1;
        L.follow = t.u8(lvl + 15);
        size_t cb_chpx = t.u8(lvl + 24), cb_papx = t.u8(lvl + 25);
        size_t chpx = lvl + 28 + cb_papx;
        for_each_sprm(t, chpx, chpx + cb_chpx, [&](uint16_t sprm, size_t op) {
          if (sprm == 0x4A4F || sprm == 0x4A3D ||
              (sprm == 0x4A51 && L.font < 0))
            L.font = t.u16(op);
        });
        size_t xst = chpx + cb_chpx;
        size_t cch = t.u16(xst);
        if (!t.has(xst + 2, 2 * cch)) return;
        for (size_t c = 0; c < cch; ++c)
          L.text.push_back(t.u16(xst + 2 + 2 * c));
        levels.push_back(std::move(L));
        lvl = xst + 2 + 2 * cch;
      }
    }
    if (!t.has(lfo.first, lfo.second) || lfo.second < 4) return;
    uint32_t n = t.u32(lfo.first);
    if (n > (lfo.second - 4) / 16) return;
    for (uint32_t i = 0; i < n; ++i)
      lfo_lsid_.push_back(t.u32(lfo.first + 4 + 16 * i));
    lfo_restarts_.resize(n);
    // LFOData: restarts ("start at") of the list's levels, used where the
    // LFO is first met; Word writes one LFO per restarted list.
    size_t off = lfo.first + 4 + 16 * static_cast<size_t>(n);
    for (uint32_t i = 0; i < n; ++i) {
      const size_t clfolvl = t.u8(lfo.first + 4 + 16 * i + 12);
      if (clfolvl == 0) continue;
      off += 4;  // cp
      for (size_t k = 0; k < clfolvl && k < 9; ++k) {
        if (!t.has(off, 8)) return;
        const int start = static_cast<int>(t.u32(off));
        const uint32_t flags = t.u32(off + 4);
        off += 8;
        if ((flags & 0x10) && start >= 0 && start < 100000)
          lfo_restarts_[i].push_back({static_cast<int>(flags & 0x0F), start});
        if (flags & 0x20) {  // a whole LVL follows
          if (!t.has(off, 28)) return;
          size_t cb = 28 + t.u8(off + 24) + t.u8(off + 25);
          size_t cch = t.u16(off + cb);
          off += cb + 2 + 2 * cch;
        }
      }
    }
  }

  // The label Word draws before a list paragraph ("Điều 3.", "a)").
  void put_label(const Run* para, TextSink& out) {
    if (!para) return;
    // The paragraph's own list, else its style's (outline-numbered
    // headings such as "Điều %1." are usually set in the style).
    int ilfo = para->ilfo, ilvl_raw = para->ilvl;
    const size_t istd = static_cast<size_t>(para->value & 0xFFFF);
    if (istd < style_list_.size()) {
      if (ilfo < 0) ilfo = style_list_[istd].first;
      if (ilvl_raw < 0) ilvl_raw = style_list_[istd].second;
    }
    if (ilvl_raw < 0) ilvl_raw = 0;
    if (ilfo <= 0 || static_cast<size_t>(ilfo) > lfo_lsid_.size()) return;
    uint32_t lsid = lfo_lsid_[ilfo - 1];
    auto it = lists_.find(lsid);
    if (it == lists_.end() || it->second.empty()) return;
    const std::vector<ListLevel>& levels = it->second;
    const int ilvl =
        std::min<int>(ilvl_raw, static_cast<int>(levels.size()) - 1);
    std::vector<int>& counters = counters_[lsid];
    if (counters.empty())
      for (const ListLevel& L : levels) counters.push_back(L.start - 1);
    const size_t lfo_index = static_cast<size_t>(ilfo - 1);
    if (lfo_index < lfo_restarts_.size() && !lfo_seen_.count(lfo_index)) {
      lfo_seen_.insert(lfo_index);
      for (const auto& [level, start] : lfo_restarts_[lfo_index])
        if (level < static_cast<int>(counters.size()))
          counters[level] = start - 1;
    }
    counters[ilvl] += 1;
    for (size_t k = ilvl + 1; k < levels.size(); ++k)
      counters[k] = levels[k].start - 1;
    const ListLevel& L = levels[ilvl];
    if (L.nfc == 23) {  // bullet
      out.put("- ");
      return;
    }
    static const char* kFormats[] = {"decimal", "upperRoman", "lowerRoman",
                                     "upperLetter", "lowerLetter"};
    std::u32string label;
    for (char16_t c : L.text) {
      if (c < 9) {
        int k = std::min<int>(c, static_cast<int>(levels.size()) - 1);
        int nfc = L.legal ? 0 : levels[k].nfc;
        std::string fmt = nfc < 5      ? kFormats[nfc]
                          : nfc == 22  ? "decimalZero"
                          : nfc == 255 ? "none"
                                       : "decimal";
        for (char d :
             format_list_number(std::max(counters[k], levels[k].start), fmt))
          label.push_back(static_cast<unsigned char>(d));
      } else {
        label.push_back(c);
      }
    }
    if (label.empty()) return;
    out.put_run(label, font_name(L.font >= 0 ? L.font : default_font_),
                &r_.diagnostics);
    if (L.follow != 2) out.put(" ");
  }

  std::string font_name(int index) const {
    if (index >= 0 && static_cast<size_t>(index) < fonts_.size())
      return fonts_[index];
    return "";
  }

  // Emits character positions [cp_begin, cp_end) of the text.
  void emit(uint32_t cp_begin, uint32_t cp_end) {
    Bytes w(word_);
    size_t missing = 0;
    for (const Piece& p : pieces_) {
      uint32_t a = std::max(cp_begin, p.cp_begin),
               b = std::min(cp_end, p.cp_end);
      // A damaged piece table must not make us walk far past the stream.
      const size_t room =
          p.fc < w.size() ? (w.size() - p.fc) / (p.compressed ? 1 : 2) : 0;
      if (b > p.cp_begin && b - p.cp_begin > room) {
        missing += b - p.cp_begin - room;
        b = p.cp_begin + static_cast<uint32_t>(room);
      }
      for (uint32_t cp = a; cp < b; ++cp) {
        uint32_t fc = p.fc + (cp - p.cp_begin) * (p.compressed ? 1 : 2);
        if (!w.has(fc, p.compressed ? 1 : 2)) {
          ++missing;
          continue;
        }
        char32_t ch = p.compressed ? w.u8(fc) : w.u16(fc);
        const Run* run = find_run(chp_runs_, fc);
        int font = run ? run->value : -1;
        // The optional hyphen 0x1F stands for byte 0xAD (see put_char).
        if (run && run->high >= 0 && (ch >= 0x80 || ch == 0x1F || font < 0))
          font = run->high;
        if (font < 0) {
          const Run* para = find_run(pap_runs_, fc);
          int istd = para ? (para->value & 0xFFFF) : -1;
          if (istd >= 0 && static_cast<size_t>(istd) < style_font_.size())
            font = style_font_[istd];
        }
        if (font < 0) font = default_font_;
        put_char(ch, p.compressed, font_name(font), fc);
      }
    }
    flush();
    if (missing)
      diag("damaged-doc", Severity::kWarning,
           std::to_string(missing) +
               " characters point outside the WordDocument stream and are "
               "missing");
  }

  void put_char(char32_t ch, bool compressed, const std::string& font,
                uint32_t fc) {
    TextSink& out = in_cell_ ? cell_ : sink_;
    // A form field's data: on its begin character (Word) or on a special
    // character in its instruction (LibreOffice).
    if (!fields_.empty() && field_depth_.back() && fields_.back().pic < 0)
      if (const Run* run = find_run(chp_runs_, fc))
        fields_.back().pic = run->pic;
    switch (ch) {
      case 0x0D: {  // paragraph end
        flush();
        const Run* para = find_run(pap_runs_, fc);
        // An empty paragraph between two others is a paragraph break: a
        // blank line, so that the lines around it are not joined as a
        // wrapped one.
        if (para_start_ && !in_cell_ && !(para && in_table(para)) &&
            field_depth_.empty())
          out.blank_line();
        para_start_ = true;
        out.end_line();
        if (!in_cell_ && !row_cells_.empty() &&
            !(para && (para->value & kRowEnd)))
          end_row();
        return;
      }
      case 0x07: {  // cell end, or row end when the paragraph is a TTP
        flush();
        para_start_ = true;
        const Run* para = find_run(pap_runs_, fc);
        if (para && (para->value & kRowEnd)) {
          end_row();
        } else {
          row_cells_.push_back(cell_.take_text());
          sink_.absorb_counts(cell_);
          cell_ = TextSink();
        }
        in_cell_ = false;
        return;
      }
      case 0x0B:
      case 0x0C:
      case 0x0E:  // line, page and column breaks
        flush();
        out.end_line();
        return;
      case 0x09:
        ch = ' ';
        break;
      case 0x13: {  // field begin: the instruction up to 0x14 is not text
        flush();
        const Run* run = find_run(chp_runs_, fc);
        field_depth_.push_back(true);
        fields_.push_back({{}, run ? run->pic : -1, false});
        return;
      }
      case 0x14:
        flush();
        if (!field_depth_.empty()) field_depth_.back() = false;
        return;
      case 0x15: {
        flush();
        if (field_depth_.empty()) return;
        field_depth_.pop_back();
        const Field f = std::move(fields_.back());
        fields_.pop_back();
        // A drop-down form field whose result is empty (as LibreOffice
        // writes it) shows its selected entry, as Word does.
        if (!f.result &&
            f.instruction.find(U"FORMDROPDOWN") != std::u32string::npos)
          for (char32_t c : dropdown_entry(f.pic)) put_char(c, false, font, fc);
        return;
      }
      case 0x1E:
        ch = '-';
        break;
      case 0x1F:  // optional hyphen: byte 0xAD, a letter in legacy fonts
        if (!is_legacy_font(font)) return;
        ch = 0xAD;
        break;
      case 0x01:
      case 0x02:
      case 0x03:
      case 0x04:
      case 0x05:
      case 0x08:
      case 0x00:
        return;  // pictures, footnote marks, drawn objects
      default:
        break;
    }
    if (!field_depth_.empty() && field_depth_.back()) {
      if (fields_.back().instruction.size() < 256)
        fields_.back().instruction.push_back(ch);
      return;
    }
    if (!fields_.empty() && ch != ' ' && ch != 0x2002)
      fields_.back().result = true;
    // A paragraph inside a table: text goes to the cell until its 0x07.
    const Run* para = find_run(pap_runs_, fc);
    bool table_para = para && in_table(para);
    if (table_para && !in_cell_) {
      flush();
      in_cell_ = true;
    }
    if (para_start_) {
      para_start_ = false;
      flush();
      put_label(para, in_cell_ ? cell_ : sink_);
    }
    if (font != run_font_ || compressed != run_compressed_) flush();
    if (run_.empty()) {
      run_font_ = font;
      run_compressed_ = compressed;
      (in_cell_ ? cell_ : sink_).mark(file_offset(fc));
    }
    if (!compressed) ++unicode_chars_;
    // 8-bit pieces hold Windows-1252 bytes; turn them into the characters
    // Word shows, so that legacy-font runs map them back to the same bytes.
    if (compressed && ch >= 0x80 && ch < 0xA0) {
      static const char16_t kHigh[32] = {
          0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
          0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
      ch = kHigh[ch - 0x80];
    }
    run_.push_back(ch);
    font_bytes_[font] += 1;
  }

  // The selected entry of a drop-down form field ([MS-DOC] 2.9.78 FFData,
  // after the 68-byte header of its NilPICFAndBinData in the Data stream):
  // bits iType (2: drop-down) and iRes (the entry shown), the field's
  // strings, then the entries (an STTB of UTF-16 strings).
  std::u32string dropdown_entry(int64_t pic) const {
    Bytes d(data_);
    if (pic < 0 || !d.has(static_cast<size_t>(pic), 6)) return {};
    size_t off = static_cast<size_t>(pic);
    if (d.u16(off + 4) != 0x44) return {};
    off += 0x44;
    if (!d.has(off, 10) || d.u32(off) != 0xFFFFFFFF) return {};
    const unsigned bits = d.u16(off + 4);
    if ((bits & 3) != 2) return {};
    const unsigned selected = (bits >> 2) & 0x1F;
    off += 10;  // version, bits, cch, hps
    // Xstz: a count of UTF-16 units, the units, a zero unit.
    auto skip_xstz = [&](size_t& o) {
      if (!d.has(o, 2)) return false;
      o += 2 + 2 * static_cast<size_t>(d.u16(o)) + 2;
      return d.has(o, 0);
    };
    if (!skip_xstz(off)) return {};  // xstzName
    off += 2;                        // wDef
    for (int k = 0; k < 5; ++k)      // format, help, status, entry, exit
      if (!skip_xstz(off)) return {};
    if (!d.has(off, 6) || d.u16(off) != 0xFFFF) return {};
    const unsigned count = d.u16(off + 2);
    off += 6;  // fExtend, cData, cbExtra
    for (unsigned k = 0; k < count; ++k) {
      if (!d.has(off, 2)) return {};
      const size_t n = d.u16(off);
      if (!d.has(off + 2, 2 * n)) return {};
      if (k == selected) {
        std::u32string entry;
        for (size_t i = 0; i < n; ++i) entry.push_back(d.u16(off + 2 + 2 * i));
        return entry;
      }
      off += 2 + 2 * n;
    }
    return {};
  }

  static bool in_table(const Run* para) {
    return (para->value & (kInTable | kRowEnd)) != 0;
  }

  void flush() {
    if (run_.empty()) return;
    (in_cell_ ? cell_ : sink_).put_run(run_, run_font_, &r_.diagnostics);
    run_.clear();
  }

  void end_row() {
    flush();
    if (cell_.size()) {
      row_cells_.push_back(cell_.take_text());
      sink_.absorb_counts(cell_);
      cell_ = TextSink();
    }
    sink_.put_row(row_cells_, 0);
    row_cells_.clear();
    in_cell_ = false;
  }

  std::string_view input_;
  const Options& options_;
  ReadResult& r_;
  // The offset in the .doc file of byte `fc` of the WordDocument stream.
  uint32_t file_offset(uint32_t fc) const {
    size_t k = fc / sector_size_;
    if (k >= word_sectors_.size()) return 0;
    return static_cast<uint32_t>(word_sectors_[k] + fc % sector_size_);
  }

  std::string word_, table_;
  std::vector<size_t> word_sectors_;
  uint32_t sector_size_ = 512;
  uint32_t ccp_text_ = 0, ccp_ftn_ = 0;
  std::vector<std::string> fonts_;
  std::vector<int> style_font_;
  std::vector<std::pair<int, int>> style_list_;  // ilfo, ilvl per style
  int default_font_ = 0;
  std::vector<Run> chp_runs_, pap_runs_;
  std::vector<Piece> pieces_;
  TextSink sink_, cell_;
  std::vector<std::string> row_cells_;
  bool in_cell_ = false;
  std::u32string run_;
  std::string run_font_;
  bool run_compressed_ = false;
  std::vector<bool> field_depth_;
  // The open fields: instruction, FFData offset, whether a result was shown.
  struct Field {
    std::u32string instruction;
    int64_t pic;
    bool result;
  };
  std::vector<Field> fields_;
  std::string data_;  // the Data stream
  size_t unicode_chars_ = 0;
  std::map<std::string, size_t> font_bytes_;
  std::map<uint32_t, std::vector<ListLevel>> lists_;
  std::vector<uint32_t> lfo_lsid_;
  std::vector<std::vector<std::pair<int, int>>> lfo_restarts_;
  std::set<size_t> lfo_seen_;
  std::map<uint32_t, std::vector<int>> counters_;
  bool para_start_ = true;
};

}  // namespace

ReadResult read_doc(std::string_view bytes, const Options& options) {
  ReadResult r;
  r.format = "doc";
  DocReader reader(bytes, options, r);
  reader.read();
  reader.finish();
  return r;
}

}  // namespace vnlegal::io
