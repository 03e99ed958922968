// RTF: a tokenizer over groups and control words. Bytes written as text or
// \'xx escapes are decoded per run with the encoding of the run's font
// (.VnTime means TCVN3, VNI-Times means VNI, \fcharset163 Windows-1258,
// \fcharset238 Windows-1250);
// \uN gives Unicode directly.
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "internal/utf8.h"
#include "io/readers.h"
#include "io/text_sink.h"

namespace vnlegal::io {
namespace {

struct FontDef {
  std::string name;
  int charset = 0;
};

enum class Dest { kText, kSkip, kFontTable, kFontName, kFootnote };

struct State {
  Dest dest = Dest::kText;
  int font = -1;
  int uc = 1;
  bool hidden = false;
  bool in_table = false;
  int def_font_for_table = -1;  // \fN inside the font table
};

// Destinations whose text is not document text.
bool is_skipped_destination(std::string_view w) {
  static const char* kSkip[] = {"colortbl",
                                "stylesheet",
                                "info",
                                "pict",
                                "object",
                                "header",
                                "headerl",
                                "headerr",
                                "headerf",
                                "footer",
                                "footerl",
                                "footerr",
                                "footerf",
                                "fldinst",
                                "themedata",
                                "colorschememapping",
                                "datastore",
                                "latentstyles",
                                "listtable",
                                "listoverridetable",
                                "rsidtbl",
                                "generator",
                                "xmlnstbl",
                                "mmathPr",
                                "bkmkstart",
                                "bkmkend",
                                "nonshppict",
                                "pn",
                                "filetbl",
                                "revtbl",
                                "pgdsctbl",
                                "protusertbl",
                                "annotation",
                                "atnid",
                                "atnauthor",
                                "atrfstart",
                                "atrfend",
                                "xe",
                                "tc",
                                "template",
                                "userprops",
                                "docvar",
                                "wgrffmtfilter",
                                "fchars",
                                "lchars",
                                "pnseclvl",
                                "listpicture",
                                "shpinst",
                                "sp",
                                "blipuid",
                                "objdata",
                                "passwordhash",
                                "ftnsep",
                                "ftnsepc",
                                "aftnsep",
                                "aftnsepc",
                                "ftncn",
                                "aftncn",
                                "fontemb",
                                "fontfile",
                                "falt",
                                "panose",
                                "keycode"};
  for (const char* s : kSkip)
    if (w == s) return true;
  return false;
}

Encoding charset_encoding(int charset, int codepage) {
  switch (charset) {
    case 163:
      return Encoding::kCp1258;
    case 0:
    case 1:
      break;
    default:
      return Encoding::kWindows1252;
  }
  if (codepage == 1258) return Encoding::kCp1258;
  return Encoding::kWindows1252;
}

// Windows-1250, bytes 0x80-0xFF (0: unassigned, the byte is kept).
// Word writes the letters a "... CE" font (\fcharset238) has as \'xx in
// that code page, so Vietnamese typed in it gives 'ă' \'e3, 'đ' \'f0,
// 'Đ' \'d0 and only the other letters as \uN.
constexpr char16_t kCp1250High[128] = {
    0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021, 0x0000,
    0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179, 0x0000, 0x2018,
    0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0161,
    0x203A, 0x015B, 0x0165, 0x017E, 0x017A, 0x00A0, 0x02C7, 0x02D8, 0x0141,
    0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC,
    0x00AD, 0x00AE, 0x017B, 0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5,
    0x00B6, 0x00B7, 0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E,
    0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110,
    0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E,
    0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2,
    0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB,
    0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4,
    0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD,
    0x0163, 0x02D9,
};

bool is_cp1250_charset(int charset) { return charset == 238; }

class RtfReader {
 public:
  RtfReader(std::string_view bytes, const Options& options, ReadResult& r)
      : s_(bytes), options_(options), r_(r) {}

  void run() {
    std::vector<State> stack;
    State st;
    bool ignorable_next = false;
    size_t i = 0;
    int skip_chars = 0;  // characters after \uN standing for it
    bool depth_reported = false;
    while (i < s_.size()) {
      char c = s_[i];
      if (c == '{') {
        flush();
        if (stack.size() >=
            static_cast<size_t>(std::max(options_.max_depth, 16)) * 8) {
          if (!depth_reported)
            r_.diagnostics.push_back({"rtf-too-deep",
                                      Severity::kWarning,
                                      "groups nested too deeply are flattened",
                                      {}});
          depth_reported = true;
        } else {
          stack.push_back(st);
        }
        if (st.dest == Dest::kFontTable) st.dest = Dest::kFontName;
        ++i;
        skip_chars = 0;
        continue;
      }
      if (c == '}') {
        flush();
        if (st.dest == Dest::kFontName) commit_font(st);
        if (!stack.empty()) {
          State back = stack.back();
          stack.pop_back();
          if (st.dest == Dest::kFootnote && back.dest != Dest::kFootnote)
            notes_.end_line();
          st = back;
        }
        ++i;
        skip_chars = 0;
        continue;
      }
      if (c == '\r' || c == '\n') {
        ++i;
        continue;
      }
      if (c != '\\') {
        if (skip_chars > 0) {
          --skip_chars;
        } else {
          text_byte(st, static_cast<unsigned char>(c), i);
        }
        ++i;
        continue;
      }
      // A control word or symbol.
      size_t start = i++;
      if (i >= s_.size()) break;
      char d = s_[i];
      if (d == '\'') {
        int b = hex_byte(i + 1);
        i += 3;
        if (skip_chars > 0) {
          --skip_chars;
        } else if (b >= 0) {
          text_byte(st, static_cast<unsigned char>(b), start);
        }
        continue;
      }
      if (!is_alpha(d)) {
        ++i;
        switch (d) {
          case '\\':
          case '{':
          case '}':
            if (skip_chars > 0)
              --skip_chars;
            else
              text_byte(st, static_cast<unsigned char>(d), start);
            break;
          case '~':
            text_unicode(st, 0xA0, start);
            break;
          case '_':
            text_byte(st, '-', start);
            break;
          case '-': {
            // The optional hyphen stands for byte 0xAD in a legacy font.
            const FontDef* f = font(st.font);
            if (f && is_legacy_font(f->name)) text_byte(st, 0xAD, start);
            break;
          }
          case '*':
            ignorable_next = true;
            break;
          case '\n':
          case '\r':
            paragraph(st);
            break;
          default:
            break;  // \| \: formulas
        }
        continue;
      }
      size_t w0 = i;
      while (i < s_.size() && is_alpha(s_[i]) && i - w0 < 32) ++i;
      std::string_view word = s_.substr(w0, i - w0);
      bool has_num = false;
      long num = 0;
      size_t n0 = i;
      if (i < s_.size() && (s_[i] == '-' || is_digit(s_[i]))) {
        ++i;
        while (i < s_.size() && is_digit(s_[i]) && i - n0 < 11) ++i;
        has_num = i > n0 + (s_[n0] == '-' ? 1 : 0);
        if (has_num)
          num = std::strtol(std::string(s_.substr(n0, i - n0)).c_str(), nullptr,
                            10);
      }
      if (i < s_.size() && s_[i] == ' ') ++i;
      if (word == "bin" && has_num) {
        // Binary data: skip it whole.
        if (num > 0)
          i += std::min<size_t>(static_cast<size_t>(num), s_.size() - i);
        continue;
      }
      const bool ignorable = ignorable_next;
      ignorable_next = false;
      if (word == "u" && has_num) {
        if (skip_chars == 0 || true) {
          long cp = num < 0 ? num + 65536 : num;
          text_unicode(st, static_cast<char32_t>(cp), start);
          skip_chars = st.uc;
        }
        continue;
      }
      control(st, word, has_num, num, ignorable, start);
    }
    flush();
    if (!row_cells_.empty() || cell_.size()) end_row();
    if (!stack.empty())
      r_.diagnostics.push_back({"rtf-unbalanced",
                                Severity::kWarning,
                                std::to_string(stack.size()) +
                                    " groups were not closed (truncated file?)",
                                {}});
  }

  void finish() {
    if (!notes_.text().empty()) {
      sink_.absorb_counts(notes_);
      sink_.end_line();
      sink_.put(notes_.take_text());
    }
    const std::string fallback = codepage_ == 1258 ? "CP1258" : "Windows-1252";
    sink_.finish(r_, s_.size(), fallback);
  }

 private:
  static bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  int hex_byte(size_t k) const {
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (k + 1 >= s_.size()) return -1;
    int a = hex(s_[k]), b = hex(s_[k + 1]);
    return a < 0 || b < 0 ? -1 : a * 16 + b;
  }

  TextSink& out(const State& st) {
    if (st.dest == Dest::kFootnote) return notes_;
    return st.in_table ? cell_ : sink_;
  }

  void control(State& st, std::string_view w, bool has_num, long num,
               bool ignorable, size_t pos) {
    if (st.dest == Dest::kFontTable || st.dest == Dest::kFontName) {
      if (w == "f" && has_num) {
        st.def_font_for_table = static_cast<int>(num);
        pending_font_ = static_cast<int>(num);
        fonts_[pending_font_] = {};
      } else if (w == "fcharset" && has_num && pending_font_ >= 0) {
        fonts_[pending_font_].charset = static_cast<int>(num);
      } else if (is_skipped_destination(w) || ignorable) {
        st.dest = Dest::kSkip;
      }
      return;
    }
    if (w == "formfield") read_form_field(pos);
    if (st.dest == Dest::kSkip) return;
    if (w == "fldrslt") {
      // A drop-down form field whose shown entry is not stored in its
      // result: the entry it shows.
      if (!form_field_entry_.empty() && group_is_empty(pos))
        put_text(st, form_field_entry_, pos);
      form_field_entry_.clear();
      return;
    }
    if (w == "fonttbl") {
      flush();
      st.dest = Dest::kFontTable;
      return;
    }
    if (w == "footnote") {
      flush();
      st.dest = Dest::kFootnote;
      notes_.end_line();
      return;
    }
    if (is_skipped_destination(w)) {
      flush();
      st.dest = Dest::kSkip;
      return;
    }
    if (w == "par" || w == "sect" || w == "page" || w == "line" ||
        w == "column") {
      flush();
      // An empty paragraph between two others is a paragraph break: a
      // blank line, so that the lines around it are not joined as a
      // wrapped one.
      if (w == "par" && st.dest == Dest::kText && !st.in_table &&
          out(st).at_line_start())
        out(st).blank_line();
      paragraph(st);
    } else if (w == "tab") {
      text_byte(st, ' ', pos);
    } else if (w == "cell" || w == "nestcell") {
      flush();
      if (w == "cell") {
        row_cells_.push_back(cell_.take_text());
        sink_.absorb_counts(cell_);
        cell_ = TextSink();
      } else {
        text_byte(st, ' ', pos);
      }
    } else if (w == "row") {
      flush();
      end_row();
    } else if (w == "intbl") {
      flush();
      st.in_table = true;
    } else if (w == "pard") {
      flush();
      st.in_table = false;
    } else if (w == "f" && has_num) {
      if (st.font != num) flush();
      st.font = static_cast<int>(num);
    } else if (w == "plain") {
      flush();
      st.font = def_font_;
      st.hidden = false;
    } else if (w == "v") {
      flush();
      st.hidden = !has_num || num != 0;
    } else if (w == "uc" && has_num) {
      st.uc = num < 0 ? 0 : static_cast<int>(std::min<long>(num, 8));
    } else if (w == "deff" && has_num) {
      def_font_ = static_cast<int>(num);
      if (st.font < 0) st.font = def_font_;
    } else if (w == "ansicpg" && has_num) {
      codepage_ = static_cast<int>(num);
    } else if (w == "emdash") {
      text_unicode(st, 0x2014, pos);
    } else if (w == "endash") {
      text_unicode(st, 0x2013, pos);
    } else if (w == "lquote") {
      text_unicode(st, 0x2018, pos);
    } else if (w == "rquote") {
      text_unicode(st, 0x2019, pos);
    } else if (w == "ldblquote") {
      text_unicode(st, 0x201C, pos);
    } else if (w == "rdblquote") {
      text_unicode(st, 0x201D, pos);
    } else if (w == "bullet") {
      text_unicode(st, 0x2022, pos);
    } else if (ignorable) {
      // An unknown destination marked \* is skipped, as the spec asks.
      flush();
      st.dest = Dest::kSkip;
    }
  }

  // The end of the group holding index `from` (the index of its closing
  // brace, or the end of the input).
  size_t group_end(size_t from) const {
    int depth = 1;
    size_t k = from;
    while (k < s_.size()) {
      const char c = s_[k];
      if (c == '\\') {
        k += 2;
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}' && --depth == 0) break;
      ++k;
    }
    return std::min(k, s_.size());
  }

  // Whether the group holding the control word at `pos` has no text: only
  // control words, groups and blanks.
  bool group_is_empty(size_t pos) const {
    const size_t end = group_end(pos + 1);
    size_t k0 = pos + 1;
    while (k0 < end && is_alpha(s_[k0])) ++k0;
    for (size_t k = k0; k < end; ++k) {
      const char c = s_[k];
      if (c == '\\') {
        if (k + 1 < end && !is_alpha(s_[k + 1])) return false;
        ++k;
        while (k < end && (is_alpha(s_[k]) || is_digit(s_[k]) || s_[k] == '-'))
          ++k;
        if (k < end && s_[k] != ' ') --k;
        continue;
      }
      if (c != '{' && c != '}' && c != ' ' && c != '\r' && c != '\n')
        return false;
    }
    return true;
  }

  // Word's drop-down form field ("{\*\formfield{\fftype2 ...\ffdefres0
  // {\*\ffl NGHỊ ĐỊNH CỦA CHÍNH PHỦ}}}") may keep its result empty: Word
  // shows the selected entry (\ffres, else \ffdefres, else the first).
  // The entries are read from the group at `pos`, the Unicode copies
  // (inside \ud) when the field has them.
  void read_form_field(size_t pos) {
    form_field_entry_.clear();
    const size_t end = group_end(pos + 1);
    const std::string_view g = s_.substr(pos, end - pos);
    const bool unicode = g.find("\\ud") != std::string_view::npos;
    long def = 0, res = -1;
    std::vector<std::string> entries;
    bool in_ud = false;
    int ud_depth = 0, depth = 0;
    for (size_t k = 0; k < g.size(); ++k) {
      if (g[k] == '{') ++depth;
      if (g[k] == '}' && --depth < ud_depth) in_ud = false;
      if (g[k] != '\\') continue;
      size_t w = k + 1;
      while (w < g.size() && is_alpha(g[w])) ++w;
      const std::string_view word = g.substr(k + 1, w - k - 1);
      const long n =
          std::strtol(std::string(g.substr(w, 8)).c_str(), nullptr, 10);
      if (word == "ffdefres") def = n;
      if (word == "ffres") res = n;
      if (word == "ud") {
        in_ud = true;
        ud_depth = depth;
      }
      if (word == "ffl" && (in_ud || !unicode)) {
        entries.push_back(
            decode_entry(g.substr(w, group_end(pos + w) - pos - w)));
      }
    }
    const long pick = res >= 0 ? res : def;
    if (pick >= 0 && static_cast<size_t>(pick) < entries.size())
      form_field_entry_ = entries[static_cast<size_t>(pick)];
  }

  // The text of a form field entry: \uN (its stand-in character dropped),
  // \'xx as Windows-1252, other control words dropped.
  static std::string decode_entry(std::string_view e) {
    std::string out;
    for (size_t k = 0; k < e.size(); ++k) {
      const char c = e[k];
      if (c == '{' || c == '}') continue;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      size_t w = k + 1;
      if (w < e.size() && e[w] == '\'' && w + 2 < e.size()) {
        const long b =
            std::strtol(std::string(e.substr(w + 1, 2)).c_str(), nullptr, 16);
        if (b > 0) internal::append_utf8(out, static_cast<char32_t>(b));
        k = w + 2;
        continue;
      }
      while (w < e.size() && is_alpha(e[w])) ++w;
      const std::string_view word = e.substr(k + 1, w - k - 1);
      size_t after = w;
      while (after < e.size() && (is_digit(e[after]) || e[after] == '-'))
        ++after;
      const long n =
          std::strtol(std::string(e.substr(w, after - w)).c_str(), nullptr, 10);
      if (after < e.size() && e[after] == ' ') ++after;
      k = after - 1;
      if (word == "u" && after > w) {
        const long cp = n < 0 ? n + 65536 : n;
        if ((cp > 0 && cp < 0xD800) || (cp >= 0xE000 && cp <= 0xFFFF))
          internal::append_utf8(out, static_cast<char32_t>(cp));
        // The stand-in: one character or one \'xx.
        if (k + 1 < e.size() && e[k + 1] == '\\' && k + 2 < e.size() &&
            e[k + 2] == '\'')
          k += 4;
        else if (k + 1 < e.size() && e[k + 1] != '\\' && e[k + 1] != '}')
          k += 1;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out.erase(0, out.find_first_not_of(' ') == std::string::npos
                     ? out.size()
                     : out.find_first_not_of(' '));
    return out;
  }

  void put_text(const State& st, std::string_view utf8, size_t pos) {
    flush();
    TextSink& o = out(st);
    o.mark(static_cast<uint32_t>(pos));
    for (size_t k = 0; k < utf8.size();) {
      char32_t cp = 0;
      size_t n = internal::decode_utf8(utf8, k, cp);
      if (n == 0) break;
      o.put_cp(cp);
      k += n;
    }
    o.count(Encoding::kUtf8, 1);
  }

  void commit_font(State& st) {
    // The font name is the text of the group up to ';'.
    if (pending_font_ < 0) return;
    std::string& name = fonts_[pending_font_].name;
    name = font_name_;
    if (auto semi = name.find(';'); semi != std::string::npos)
      name.resize(semi);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    font_name_.clear();
    pending_font_ = -1;
  }

  void paragraph(State& st) {
    flush();
    out(st).end_line();
    if (!st.in_table && !row_cells_.empty()) end_row();
  }

  void end_row() {
    if (cell_.size()) {
      row_cells_.push_back(cell_.take_text());
      sink_.absorb_counts(cell_);
      cell_ = TextSink();
    }
    sink_.put_row(row_cells_, row_src_);
    row_cells_.clear();
  }

  void text_byte(const State& st, unsigned char b, size_t pos) {
    if (st.dest == Dest::kFontName) {
      // A font table entry written without its own group.
      if (pending_font_ < 0 && st.def_font_for_table >= 0)
        pending_font_ = st.def_font_for_table;
      font_name_.push_back(static_cast<char>(b));
      if (b == ';') {
        State tmp = st;
        commit_font(tmp);
      }
      return;
    }
    if (st.dest == Dest::kFontTable) {
      font_name_.push_back(static_cast<char>(b));
      if (b == ';') {
        State tmp = st;
        commit_font(tmp);
      }
      return;
    }
    if (st.dest == Dest::kSkip || st.hidden) return;
    if (pending_.empty() || st.font != pending_font_id_ ||
        &out(st) != pending_out_) {
      flush();
      pending_font_id_ = st.font;
      pending_out_ = &out(st);
      pending_src_ = pos;
    }
    if (st.in_table && row_cells_.empty() && !cell_.size())
      row_src_ = static_cast<uint32_t>(pos);
    pending_.push_back(static_cast<char>(b));
  }

  void text_unicode(const State& st, char32_t cp, size_t pos) {
    if (st.dest != Dest::kText && st.dest != Dest::kFootnote) return;
    if (st.hidden) return;
    const FontDef* f = font(st.font);
    Encoding enc = f ? font_encoding(f->name) : Encoding::kUnknown;
    if (enc != Encoding::kUnknown) {
      // Legacy fonts: \uN spells a byte of the font's code page.
      int b = legacy_byte_of(cp);
      if (b >= 0) {
        text_byte(st, static_cast<unsigned char>(b), pos);
        return;
      }
    }
    flush();
    TextSink& o = out(st);
    o.mark(static_cast<uint32_t>(pos));
    o.put_cp(cp);
    o.count(Encoding::kUtf8, 1);
  }

  const FontDef* font(int id) const {
    auto it = fonts_.find(id);
    return it == fonts_.end() ? nullptr : &it->second;
  }

  void flush() {
    if (pending_.empty()) return;
    const FontDef* f = font(pending_font_id_);
    Encoding enc = f ? font_encoding(f->name) : Encoding::kUnknown;
    bool upper = f && is_uppercase_font(f->name);
    pending_out_->mark(static_cast<uint32_t>(pending_src_));
    if (enc == Encoding::kUnknown && f && is_cp1250_charset(f->charset)) {
      put_cp1250(*pending_out_, pending_);
      pending_.clear();
      return;
    }
    if (enc == Encoding::kUnknown)
      enc = charset_encoding(f ? f->charset : 0, codepage_);
    pending_out_->put_encoded(pending_, enc, upper, &r_.diagnostics);
    pending_.clear();
  }

  static void put_cp1250(TextSink& o, std::string_view bytes) {
    size_t letters = 0;
    for (char c : bytes) {
      const auto b = static_cast<unsigned char>(c);
      char32_t cp = b;
      if (b >= 0x80 && kCp1250High[b - 0x80] != 0) cp = kCp1250High[b - 0x80];
      o.put_cp(cp);
      letters += b != ' ';
    }
    o.count(Encoding::kWindows1252, letters);
  }

  std::string_view s_;
  const Options& options_;
  ReadResult& r_;
  TextSink sink_, cell_, notes_;
  std::vector<std::string> row_cells_;
  uint32_t row_src_ = 0;
  std::map<int, FontDef> fonts_;
  int pending_font_ = -1;  // font table entry being read
  std::string font_name_;
  int def_font_ = 0;
  int codepage_ = 1252;
  std::string pending_;  // bytes of the current run
  int pending_font_id_ = -1;
  TextSink* pending_out_ = nullptr;
  size_t pending_src_ = 0;
  std::string form_field_entry_;  // a drop-down's entry for its result
};

}  // namespace

ReadResult read_rtf(std::string_view bytes, const Options& options) {
  ReadResult r;
  r.format = "rtf";
  RtfReader reader(bytes, options, r);
  reader.run();
  reader.finish();
  return r;
}

}  // namespace vnlegal::io
