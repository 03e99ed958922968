// DOCX (Office Open XML): the zip through libarchive, the parts through
// pugixml. Paragraphs become lines; list labels that Word draws from
// numbering.xml ("Điều 1.", "a)") are rebuilt because they are not in the
// text; runs in legacy fonts (.VnTime, VNI-Times) are decoded per run.
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "internal/utf8.h"
#include "io/readers.h"
#include "io/text_sink.h"

namespace vnlegal::io {
namespace {

bool on(const pugi::xml_node& n) {
  if (!n) return false;
  std::string v = n.attribute("w:val").value();
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

struct RunProps {
  std::string font;  // empty: inherit
  int hidden = -1;   // -1 inherit
};

void read_rpr(const pugi::xml_node& rpr, RunProps& p) {
  if (!rpr) return;
  if (auto f = rpr.child("w:rFonts")) {
    // High-ANSI governs bytes >= 0x80, which is where legacy fonts differ.
    const char* names[] = {"w:hAnsi", "w:ascii", "w:cs", "w:eastAsia"};
    for (const char* a : names)
      if (*f.attribute(a).value()) {
        p.font = f.attribute(a).value();
        break;
      }
  }
  if (auto v = rpr.child("w:vanish")) p.hidden = on(v) ? 1 : 0;
}

struct Style {
  std::string based_on;
  RunProps run;
  int num_id = -1;
  int ilvl = -1;
};

struct Level {
  int start = 1;
  std::string fmt = "decimal";
  std::string text;
  std::string suffix = "tab";
  bool legal = false;
  RunProps run;
};

struct Numbering {
  std::map<int, std::map<int, Level>> abstracts;  // abstractNumId -> levels
  struct Num {
    int abstract = -1;
    std::map<int, int> start_override;
  };
  std::map<int, Num> nums;
  // Counters per abstract list: lists of one abstract definition continue
  // each other unless a num restarts them.
  std::map<int, std::vector<int>> counters;
  std::map<int, bool> restarted;  // numId already applied its overrides
};

class DocxReader {
 public:
  DocxReader(ReadResult& r) : r_(r) {}

  void load_styles(const pugi::xml_document& doc) {
    auto root = doc.child("w:styles");
    read_rpr(root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"),
             defaults_);
    for (auto s : root.children("w:style")) {
      Style st;
      st.based_on = s.child("w:basedOn").attribute("w:val").value();
      read_rpr(s.child("w:rPr"), st.run);
      if (auto np = s.child("w:pPr").child("w:numPr")) {
        if (auto id = np.child("w:numId"))
          st.num_id = id.attribute("w:val").as_int(-1);
        if (auto lv = np.child("w:ilvl"))
          st.ilvl = lv.attribute("w:val").as_int(0);
      }
      std::string id = s.attribute("w:styleId").value();
      if (s.attribute("w:default").as_bool() &&
          std::string(s.attribute("w:type").value()) == "paragraph")
        default_para_style_ = id;
      styles_[id] = std::move(st);
    }
  }

  void load_numbering(const pugi::xml_document& doc) {
    auto root = doc.child("w:numbering");
    for (auto a : root.children("w:abstractNum")) {
      int aid = a.attribute("w:abstractNumId").as_int(-1);
      auto& levels = numbering_.abstracts[aid];
      for (auto l : a.children("w:lvl")) {
        Level lv;
        lv.start = l.child("w:start").attribute("w:val").as_int(1);
        if (auto f = l.child("w:numFmt")) lv.fmt = f.attribute("w:val").value();
        lv.text = l.child("w:lvlText").attribute("w:val").value();
        if (auto sf = l.child("w:suff"))
          lv.suffix = sf.attribute("w:val").value();
        lv.legal = on(l.child("w:isLgl"));
        read_rpr(l.child("w:rPr"), lv.run);
        levels[l.attribute("w:ilvl").as_int(0)] = std::move(lv);
      }
    }
    for (auto n : root.children("w:num")) {
      Numbering::Num num;
      num.abstract = n.child("w:abstractNumId").attribute("w:val").as_int(-1);
      for (auto o : n.children("w:lvlOverride"))
        if (auto so = o.child("w:startOverride"))
          num.start_override[o.attribute("w:ilvl").as_int(0)] =
              so.attribute("w:val").as_int(1);
      numbering_.nums[n.attribute("w:numId").as_int(-1)] = std::move(num);
    }
  }

  void load_notes(const pugi::xml_document& doc, const char* root_name,
                  const char* note_name) {
    for (auto n : doc.child(root_name).children(note_name)) {
      std::string type = n.attribute("w:type").value();
      if (!type.empty() && type != "normal") continue;  // separators
      TextSink sub;
      for (auto c : n.children()) block(c, sub);
      notes_[std::string(note_name) + n.attribute("w:id").value()] =
          sub.take_text();
      note_counts_.push_back(std::move(sub));
    }
  }

  void body(const pugi::xml_node& body, TextSink& sink) {
    body_ = &sink;
    for (auto c : body.children()) block(c, sink);
    body_ = nullptr;
  }

  void notes_at_end(TextSink& sink) {
    for (const std::string& key : note_order_) {
      auto it = notes_.find(key);
      if (it == notes_.end() || it->second.empty()) continue;
      sink.end_line();
      sink.put(it->second);
      sink.end_line();
    }
    for (const TextSink& s : note_counts_) sink.absorb_counts(s);
  }

 private:
  // The style chain, guarded against loops.
  template <typename F>
  void for_style_chain(std::string id, F f) {
    for (int depth = 0; depth < 32 && !id.empty(); ++depth) {
      auto it = styles_.find(id);
      if (it == styles_.end()) return;
      if (f(it->second)) return;
      id = it->second.based_on;
    }
  }

  RunProps resolve_run(const pugi::xml_node& rpr, const std::string& pstyle) {
    RunProps p;
    read_rpr(rpr, p);
    auto fill = [&](const RunProps& q) {
      if (p.font.empty()) p.font = q.font;
      if (p.hidden < 0) p.hidden = q.hidden;
    };
    for_style_chain(rpr.child("w:rStyle").attribute("w:val").value(),
                    [&](const Style& s) {
                      fill(s.run);
                      return false;
                    });
    for_style_chain(pstyle, [&](const Style& s) {
      fill(s.run);
      return false;
    });
    fill(defaults_);
    return p;
  }

  void block(const pugi::xml_node& n, TextSink& sink) {
    std::string name = n.name();
    if (name == "w:p") {
      paragraph(n, sink);
    } else if (name == "w:tbl") {
      table(n, sink);
    } else if (name == "w:sdt") {
      for (auto c : n.child("w:sdtContent").children()) block(c, sink);
    } else if (name == "w:customXml" || name == "w:ins" ||
               name == "w:smartTag") {
      for (auto c : n.children()) block(c, sink);
    }
  }

  void table(const pugi::xml_node& tbl, TextSink& sink) {
    for (auto tr : tbl.children("w:tr")) {
      std::vector<std::string> cells;
      for (auto tc : tr.children()) {
        std::string cname = tc.name();
        pugi::xml_node cell = tc;
        if (cname == "w:sdt")
          cell = tc.child("w:sdtContent").child("w:tc");
        else if (cname != "w:tc")
          continue;
        TextSink sub;
        for (auto c : cell.children()) block(c, sub);
        sink.absorb_counts(sub);
        cells.push_back(sub.take_text());
      }
      sink.put_row(cells, 0);
    }
  }

  std::string label(const pugi::xml_node& ppr, const std::string& pstyle) {
    int num_id = -1, ilvl = -1;
    if (auto np = ppr.child("w:numPr")) {
      if (auto id = np.child("w:numId"))
        num_id = id.attribute("w:val").as_int(-1);
      if (auto lv = np.child("w:ilvl")) ilvl = lv.attribute("w:val").as_int(0);
    }
    if (num_id < 0)
      for_style_chain(pstyle, [&](const Style& s) {
        if (s.num_id < 0) return false;
        num_id = s.num_id;
        if (ilvl < 0) ilvl = s.ilvl;
        return true;
      });
    if (num_id <= 0) return "";
    if (ilvl < 0) ilvl = 0;
    if (ilvl > 8) ilvl = 8;
    auto nit = numbering_.nums.find(num_id);
    if (nit == numbering_.nums.end()) return "";
    auto ait = numbering_.abstracts.find(nit->second.abstract);
    if (ait == numbering_.abstracts.end()) return "";
    const auto& levels = ait->second;
    auto start_of = [&](int l) {
      auto so = nit->second.start_override.find(l);
      if (so != nit->second.start_override.end()) return so->second;
      auto li = levels.find(l);
      return li == levels.end() ? 1 : li->second.start;
    };
    std::vector<int>& counters = numbering_.counters[nit->second.abstract];
    if (counters.empty()) {
      counters.assign(9, 0);
      for (int l = 0; l < 9; ++l) counters[l] = start_of(l) - 1;
    }
    if (!numbering_.restarted[num_id]) {
      numbering_.restarted[num_id] = true;
      for (const auto& [l, v] : nit->second.start_override)
        if (l >= 0 && l < 9) counters[l] = v - 1;
    }
    counters[ilvl] += 1;
    for (int l = ilvl + 1; l < 9; ++l) counters[l] = start_of(l) - 1;
    auto lit = levels.find(ilvl);
    if (lit == levels.end()) return "";
    const Level& lv = lit->second;
    if (lv.fmt == "bullet") return "- ";
    std::string out;
    const std::string& t = lv.text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' &&
          t[i + 1] <= '9') {
        int l = t[i + 1] - '1';
        auto li = levels.find(l);
        std::string fmt = li == levels.end() ? "decimal" : li->second.fmt;
        if (lv.legal) fmt = "decimal";
        int value = counters[l] < start_of(l) ? start_of(l) : counters[l];
        out += format_list_number(value, fmt);
        ++i;
      } else {
        out.push_back(t[i]);
      }
    }
    if (out.empty()) return "";
    // Labels in a legacy font (".VnTime" list styles) hold legacy bytes.
    if (!lv.run.font.empty()) {
      TextSink sub;
      sub.put_run(utf8_to_u32(out), lv.run.font, nullptr);
      out = sub.take_text();
      while (!out.empty() && out.back() == '\n') out.pop_back();
    }
    if (lv.suffix != "nothing") out += ' ';
    return out;
  }

  void paragraph(const pugi::xml_node& p, TextSink& sink) {
    sink.end_line();
    auto ppr = p.child("w:pPr");
    std::string pstyle = ppr.child("w:pStyle").attribute("w:val").value();
    if (pstyle.empty()) pstyle = default_para_style_;
    std::string lab = label(ppr, pstyle);
    if (!lab.empty()) sink.put(lab);
    const size_t before = sink.size();
    inline_content(p, pstyle, sink);
    // An empty paragraph between two others is a paragraph break: a blank
    // line, so that the lines around it are not joined as a wrapped one.
    if (&sink == body_ && sink.size() == before)
      sink.blank_line();
    else
      sink.end_line();
  }

  void inline_content(const pugi::xml_node& parent, const std::string& pstyle,
                      TextSink& sink) {
    for (auto c : parent.children()) {
      std::string name = c.name();
      if (name == "w:r") {
        run(c, pstyle, sink);
      } else if (name == "w:hyperlink" || name == "w:ins" ||
                 name == "w:moveTo" || name == "w:smartTag" ||
                 name == "w:customXml" || name == "w:fldSimple" ||
                 name == "w:bdo" || name == "w:dir") {
        inline_content(c, pstyle, sink);
      } else if (name == "w:sdt") {
        inline_content(c.child("w:sdtContent"), pstyle, sink);
      } else if (name == "m:oMath" || name == "m:oMathPara") {
        for (auto t : c.select_nodes(".//m:t")) sink.put(t.node().text().get());
      }
    }
  }

  void run(const pugi::xml_node& r, const std::string& pstyle, TextSink& sink) {
    RunProps p = resolve_run(r.child("w:rPr"), pstyle);
    if (p.hidden == 1) return;
    std::u32string chars;
    auto flush = [&] {
      sink.put_run(chars, p.font, &r_.diagnostics);
      chars.clear();
    };
    for (auto c : r.children()) {
      std::string name = c.name();
      if (name == "w:t") {
        chars += utf8_to_u32(c.text().get());
        if (!fields_.empty() && *c.text().get()) fields_.back().shown = true;
      } else if (name == "w:fldChar") {
        field_char(c, p.font, chars, sink);
      } else if (name == "w:tab" || name == "w:ptab") {
        chars.push_back(' ');
      } else if (name == "w:br" || name == "w:cr") {
        flush();
        sink.end_line();
      } else if (name == "w:pict" || name == "w:drawing" ||
                 name == "mc:AlternateContent" || name == "w:object") {
        // Text boxes (often the header block of scanned-then-typed
        // documents). AlternateContent repeats the box in its Fallback:
        // only the first text box content is read.
        pugi::xpath_node box = c.select_node(".//w:txbxContent");
        if (box && depth_ < 8) {
          flush();
          ++depth_;
          sink.end_line();
          for (auto b : box.node().children()) block(b, sink);
          sink.end_line();
          --depth_;
        }
      } else if (name == "w:noBreakHyphen") {
        chars.push_back('-');
      } else if (name == "w:softHyphen") {
        // Byte 0xAD of a legacy font (the normalizer drops it otherwise).
        chars.push_back(0xAD);
      } else if (name == "w:sym") {
        // Symbol-font characters (bullets, ticks) stand for no letter.
        std::string font = c.attribute("w:font").value();
        if (font_encoding(font) != Encoding::kUnknown) {
          unsigned long code =
              std::strtoul(c.attribute("w:char").value(), nullptr, 16);
          flush();
          std::u32string one(1, static_cast<char32_t>(code));
          sink.put_run(one, font, &r_.diagnostics);
        }
      } else if (name == "w:footnoteReference" ||
                 name == "w:endnoteReference") {
        std::string kind =
            name == "w:footnoteReference" ? "w:footnote" : "w:endnote";
        note_order_.push_back(kind + c.attribute("w:id").value());
      }
    }
    flush();
  }

  // A drop-down form field (FORMDROPDOWN) whose result is empty shows its
  // selected entry, which only the field's data holds: government RTFs
  // converted to DOCX keep the document's title in such fields.
  struct Field {
    std::string entry;   // the drop-down's selected entry, if any
    bool shown = false;  // the result holds text
  };

  void field_char(const pugi::xml_node& c, const std::string& font,
                  std::u32string& chars, TextSink& sink) {
    const std::string type = c.attribute("w:fldCharType").value();
    if (type == "begin") {
      Field f;
      if (auto dd = c.child("w:ffData").child("w:ddList")) {
        int want =
            dd.child("w:result")
                .attribute("w:val")
                .as_int(dd.child("w:default").attribute("w:val").as_int(0));
        int i = 0;
        for (auto e : dd.children("w:listEntry"))
          if (i++ == want) f.entry = e.attribute("w:val").value();
      }
      if (fields_.size() < 64) fields_.push_back(std::move(f));
    } else if (type == "end" && !fields_.empty()) {
      Field f = std::move(fields_.back());
      fields_.pop_back();
      if (!f.shown && !f.entry.empty()) {
        sink.put_run(chars, font, &r_.diagnostics);
        chars.clear();
        sink.put_run(utf8_to_u32(f.entry), font, &r_.diagnostics);
        if (!fields_.empty()) fields_.back().shown = true;
      }
    }
  }

  ReadResult& r_;
  std::vector<Field> fields_;
  TextSink* body_ = nullptr;  // the document body's sink
  int depth_ = 0;             // text boxes inside text boxes
  RunProps defaults_;
  std::string default_para_style_;
  std::map<std::string, Style> styles_;
  Numbering numbering_;
  std::map<std::string, std::string> notes_;
  std::vector<std::string> note_order_;
  std::vector<TextSink> note_counts_;
};

}  // namespace

ReadResult read_zip_document(std::string_view bytes, const Options& options) {
  std::vector<ArchiveMember> probe;
  Diagnostics ignored;
  ArchiveLimits names_only;
  names_only.max_member_bytes = 1;
  read_archive_level(
      bytes, names_only,
      [](std::string_view n) { return n == "word/document.xml"; }, probe,
      ignored);
  if (!probe.empty()) return read_docx(bytes, options);
  return read_archive_document(bytes, options);
}

ReadResult read_docx(std::string_view bytes, const Options& options) {
  ReadResult r;
  r.format = "docx";
  std::vector<ArchiveMember> parts;
  ArchiveLimits limits;
  limits.max_member_bytes = options.max_input_bytes;
  read_archive_level(
      bytes, limits,
      [](std::string_view n) {
        return n == "word/document.xml" || n == "word/styles.xml" ||
               n == "word/numbering.xml" || n == "word/footnotes.xml" ||
               n == "word/endnotes.xml";
      },
      parts, r.diagnostics);
  std::map<std::string, pugi::xml_document> xml;
  for (ArchiveMember& m : parts) {
    for (Diagnostic& d : m.diagnostics) r.diagnostics.push_back(std::move(d));
    pugi::xml_parse_result ok = xml[m.name].load_buffer(
        m.bytes.data(), m.bytes.size(),
        pugi::parse_default | pugi::parse_ws_pcdata_single |
            pugi::parse_ws_pcdata,
        pugi::encoding_auto);
    if (!ok)
      r.diagnostics.push_back(
          {"damaged-docx-part",
           Severity::kWarning,
           m.name + ": XML error at byte " + std::to_string(ok.offset) + " (" +
               ok.description() + "); text after it is missing",
           {}});
  }
  TextSink sink;
  if (!xml.count("word/document.xml")) {
    r.diagnostics.push_back({"damaged-docx",
                             Severity::kError,
                             "word/document.xml is missing or unreadable; "
                             "no text was read",
                             {}});
    sink.finish(r, bytes.size(), "unknown");
    return r;
  }
  DocxReader reader(r);
  if (xml.count("word/styles.xml")) reader.load_styles(xml["word/styles.xml"]);
  if (xml.count("word/numbering.xml"))
    reader.load_numbering(xml["word/numbering.xml"]);
  if (xml.count("word/footnotes.xml"))
    reader.load_notes(xml["word/footnotes.xml"], "w:footnotes", "w:footnote");
  if (xml.count("word/endnotes.xml"))
    reader.load_notes(xml["word/endnotes.xml"], "w:endnotes", "w:endnote");
  reader.body(xml["word/document.xml"].child("w:document").child("w:body"),
              sink);
  reader.notes_at_end(sink);
  sink.finish(r, bytes.size(), "UTF-8");
  return r;
}

}  // namespace vnlegal::io
