// HTML through gumbo (an HTML5 parser): the document body, or the legal
// text's own container on known publishing sites (vbpl.vn's
// div#toanvancontent), without the site's menus and scripts.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <string>

#include "io/readers.h"
#include "io/text_sink.h"

namespace vnlegal::io {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The charset named by a BOM or a <meta> near the top, or empty.
std::string declared_charset(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  std::string head = lower(bytes.substr(0, 8192));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    size_t c = tag.find("charset");
    if (c != std::string_view::npos) {
      size_t i = c + 7;
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '=' ||
                                tag[i] == '"' || tag[i] == '\''))
        ++i;
      size_t j = i;
      while (j < tag.size() &&
             (std::isalnum(static_cast<unsigned char>(tag[j])) ||
              tag[j] == '-' || tag[j] == '_'))
        ++j;
      if (j > i) return std::string(tag.substr(i, j - i));
    }
    pos = end;
  }
  return "";
}

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : "";
}

bool has_class(const GumboElement& e, std::string_view cls) {
  std::string c = attr(e, "class");
  size_t pos = 0;
  while ((pos = c.find(cls, pos)) != std::string::npos) {
    bool left = pos == 0 || c[pos - 1] == ' ';
    bool right = pos + cls.size() == c.size() || c[pos + cls.size()] == ' ';
    if (left && right) return true;
    ++pos;
  }
  return false;
}

// Calls `f` on the elements under `root` in document order; `f` returns
// whether to go into the element's children.
template <typename F>
void walk_elements(const GumboNode* root, F f) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = n->v.element;
    if (!f(n, e)) continue;
    for (unsigned k = e.children.length; k > 0; --k)
      stack.push_back(static_cast<const GumboNode*>(e.children.data[k - 1]));
  }
}

// Containers of the legal text on publishing sites, best first.
const GumboNode* find_content(const GumboNode* root) {
  static const char* kIds[] = {"toanvancontent", "divContentDoc", "fulltext",
                               "noidung", "content-text"};
  static const char* kClasses[] = {"toanvancontent", "content1", "fulltext"};
  const GumboNode* best = nullptr;
  int best_rank = 100;
  walk_elements(root, [&](const GumboNode* n, const GumboElement& e) {
    std::string id = attr(e, "id");
    for (int i = 0; i < 5; ++i)
      if (id == kIds[i] && i < best_rank) {
        best = n;
        best_rank = i;
      }
    for (int i = 0; i < 3; ++i)
      if (has_class(e, kClasses[i]) && 10 + i < best_rank) {
        best = n;
        best_rank = 10 + i;
      }
    return true;
  });
  return best;
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool is_skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool hidden_by_style(const GumboElement& e) {
  std::string s;
  for (char c : std::string_view(attr(e, "style")))
    if (c != ' ')
      s.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (s.find("display:none") != std::string::npos ||
      s.find("visibility:hidden") != std::string::npos ||
      gumbo_get_attribute(&e.attributes, "hidden") != nullptr)
    return true;
  // Page headers and footers of a word processor's copy (LibreOffice's
  // <div title="header">, Word's "mso-element:footer"): running heads and
  // page numbers, which the Word and RTF readers leave out too.
  if (e.tag != GUMBO_TAG_DIV) return false;
  const std::string title = attr(e, "title");
  return title == "header" || title == "footer" ||
         s.find("mso-element:header") != std::string::npos ||
         s.find("mso-element:footer") != std::string::npos;
}

std::string list_label(int n, const std::string& type) {
  if (type == "a" || type == "A") {
    char c = static_cast<char>((type == "a" ? 'a' : 'A') + (n - 1) % 26);
    return std::string(1, c) + ". ";
  }
  if (type == "i" || type == "I") {
    static const char* kRoman[] = {"i",   "ii",   "iii", "iv", "v",  "vi",
                                   "vii", "viii", "ix",  "x",  "xi", "xii"};
    if (n >= 1 && n <= 12) {
      std::string r = kRoman[n - 1];
      if (type == "I")
        for (char& c : r)
          c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return r + ". ";
    }
  }
  return std::to_string(n) + ". ";
}

class HtmlWalker {
 public:
  HtmlWalker(const OffsetMap& decoded_map) : map_(decoded_map) {}

  void node(const GumboNode* n, TextSink& sink, bool pre, int depth) {
    if (depth > 512) {  // pathological nesting
      too_deep_ = true;
      return;
    }
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text(n->v.text, sink, pre);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;
    }
    const GumboElement& e = n->v.element;
    if (is_skipped(e.tag) || hidden_by_style(e)) return;
    // Old pages set TCVN3 or VNI text in <font face=".VnTime"> or a CSS
    // font-family; that text is decoded per run like in Word files.
    std::string face = font_face(e);
    if (face.empty()) face = sheet_font(e);
    if (!face.empty()) fonts_.push_back(face);
    element(e, sink, pre, depth);
    if (!face.empty()) fonts_.pop_back();
  }

 public:
  // The font-family rules of the page's <style> sheets for simple selectors
  // ("p", ".MsoNormal", "p.western"): Word and LibreOffice save a document
  // set in .VnTime as HTML with the font in the sheet, not on the elements.
  void load_style_sheets(const GumboNode* root) {
    walk_elements(root, [&](const GumboNode*, const GumboElement& e) {
      if (e.tag != GUMBO_TAG_STYLE) return true;
      std::string css;
      for (unsigned k = 0; k < e.children.length; ++k) {
        auto* c = static_cast<const GumboNode*>(e.children.data[k]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
            c->type == GUMBO_NODE_WHITESPACE)
          css += c->v.text.text;
      }
      style_sheet(css);
      return false;
    });
  }

 private:
  void style_sheet(std::string css) {
    // Comments and the "<!--" "-->" that old pages wrap sheets in.
    for (size_t a; (a = css.find("/*")) != std::string::npos;) {
      size_t b = css.find("*/", a + 2);
      css.erase(a, b == std::string::npos ? std::string::npos : b + 2 - a);
    }
    for (const char* w : {"<!--", "-->"})
      for (size_t a; (a = css.find(w)) != std::string::npos;)
        css.erase(a, std::string_view(w).size());
    size_t pos = 0;
    while (pos < css.size()) {
      size_t open = css.find('{', pos);
      if (open == std::string::npos) break;
      std::string selectors = css.substr(pos, open - pos);
      size_t first = selectors.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && selectors[first] == '@') {
        // @page, @font-face, @media: skip the block with its nested ones.
        int level = 0;
        size_t i = open;
        for (; i < css.size(); ++i) {
          if (css[i] == '{') ++level;
          if (css[i] == '}' && --level == 0) break;
        }
        pos = i + 1;
        continue;
      }
      size_t close = css.find('}', open);
      if (close == std::string::npos) close = css.size();
      const std::string family =
          first_family(declared_font(css.substr(open + 1, close - open - 1)));
      pos = close + 1;
      if (family.empty()) continue;
      size_t s0 = 0;
      while (s0 <= selectors.size()) {
        size_t comma = selectors.find(',', s0);
        if (comma == std::string::npos) comma = selectors.size();
        std::string sel = selectors.substr(s0, comma - s0);
        s0 = comma + 1;
        size_t a = sel.find_first_not_of(" \t\r\n");
        if (a == std::string::npos) continue;
        size_t b = sel.find_last_not_of(" \t\r\n");
        sel = lower(sel.substr(a, b + 1 - a));
        // Only "tag", ".class" and "tag.class".
        if (sel.find_first_of(" >+~:[#*") != std::string::npos) continue;
        size_t dot = sel.find('.');
        if (dot != std::string::npos && sel.find('.', dot + 1) != sel.npos)
          continue;
        sheet_[sel] = family;
        if (is_legacy_font(family)) sheet_legacy_ = true;
      }
    }
  }

  // The value of font-family in a declaration list, or "".
  static std::string declared_font(const std::string& decls) {
    size_t at = lower(decls).find("font-family");
    if (at == std::string::npos) return "";
    size_t colon = decls.find(':', at);
    if (colon == std::string::npos) return "";
    std::string list = decls.substr(colon + 1);
    return list.substr(0, list.find(';'));
  }

  // The first family of a font list, unquoted.
  static std::string first_family(const std::string& list) {
    std::string first = list.substr(0, list.find(','));
    std::string out;
    for (char c : first)
      if (c != '"' && c != '\'' &&
          !(out.empty() && (c == ' ' || c == '\n' || c == '\t' || c == '\r')))
        out.push_back(c);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n' ||
                            out.back() == '\r' || out.back() == '\t'))
      out.pop_back();
    return out;
  }

  // The sheet's font for an element: "tag.class", then ".class", then "tag".
  std::string sheet_font(const GumboElement& e) const {
    if (sheet_.empty()) return "";
    const std::string tag = lower(gumbo_normalized_tagname(e.tag));
    std::string classes = lower(attr(e, "class"));
    for (const bool with_tag : {true, false}) {
      size_t pos = 0;
      while (pos < classes.size()) {
        size_t end = classes.find(' ', pos);
        if (end == std::string::npos) end = classes.size();
        if (end > pos) {
          const std::string cls = classes.substr(pos, end - pos);
          auto it = sheet_.find((with_tag ? tag : std::string()) + "." + cls);
          if (it != sheet_.end()) return it->second;
        }
        pos = end + 1;
      }
    }
    auto it = sheet_.find(tag);
    return it == sheet_.end() ? "" : it->second;
  }

  static std::string font_face(const GumboElement& e) {
    std::string list = attr(e, "face");
    if (list.empty()) {
      const std::string style = attr(e, "style");
      size_t at = lower(style).find("font-family");
      if (at == std::string::npos) return "";
      size_t colon = style.find(':', at);
      if (colon == std::string::npos) return "";
      list = style.substr(colon + 1);
      list = list.substr(0, list.find(';'));
    }
    return first_family(list);
  }

  void element(const GumboElement& e, TextSink& sink, bool pre, int depth) {
    if (e.tag == GUMBO_TAG_BR) {
      sink.end_line();
      return;
    }
    if (e.tag == GUMBO_TAG_TR) {
      row(e, sink, pre, depth);
      return;
    }
    const bool block = is_block(e.tag);
    // The first paragraph of a list item goes on the label's line
    // ("<li><p>Công dân ...</p>", as Word and LibreOffice save lists).
    if (block && !label_open_) sink.end_line();
    if (block) label_open_ = false;
    sink.mark(map_.to_source(static_cast<uint32_t>(e.start_pos.offset)));
    if (e.tag == GUMBO_TAG_OL || e.tag == GUMBO_TAG_UL) {
      list(e, sink, pre, depth);
    } else {
      children(e, sink, pre || e.tag == GUMBO_TAG_PRE, depth);
    }
    if (block) sink.end_line();
  }

  void children(const GumboElement& e, TextSink& sink, bool pre, int depth) {
    for (unsigned k = 0; k < e.children.length; ++k)
      node(static_cast<const GumboNode*>(e.children.data[k]), sink, pre,
           depth + 1);
  }

  // Labels of ordered lists are drawn by the browser, not in the text.
  void list(const GumboElement& e, TextSink& sink, bool pre, int depth) {
    const bool ordered = e.tag == GUMBO_TAG_OL;
    int n = ordered ? std::atoi(attr(e, "start")) : 0;
    if (ordered && n == 0) n = 1;
    const std::string type = attr(e, "type");
    for (unsigned k = 0; k < e.children.length; ++k) {
      auto* c = static_cast<const GumboNode*>(e.children.data[k]);
      if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_LI &&
          !hidden_by_style(c->v.element)) {
        sink.end_line();
        sink.put(ordered ? list_label(n++, type) : "- ");
        label_open_ = true;
        children(c->v.element, sink, pre, depth + 1);
        label_open_ = false;
        sink.end_line();
      } else {
        node(c, sink, pre, depth + 1);
      }
    }
  }

  void row(const GumboElement& tr, TextSink& sink, bool pre, int depth) {
    std::vector<std::string> cells;
    for (unsigned k = 0; k < tr.children.length; ++k) {
      auto* c = static_cast<const GumboNode*>(tr.children.data[k]);
      if (c->type != GUMBO_NODE_ELEMENT ||
          (c->v.element.tag != GUMBO_TAG_TD &&
           c->v.element.tag != GUMBO_TAG_TH) ||
          hidden_by_style(c->v.element))
        continue;
      TextSink sub;
      children(c->v.element, sub, pre, depth + 1);
      sink.absorb_counts(sub);
      cells.push_back(sub.take_text());
    }
    sink.put_row(cells,
                 map_.to_source(static_cast<uint32_t>(tr.start_pos.offset)));
  }

  void text(const GumboText& t, TextSink& sink, bool pre) {
    sink.mark(map_.to_source(static_cast<uint32_t>(t.start_pos.offset)));
    std::string_view s(t.text);
    std::string out;
    for (char c : s) {
      if (pre && c == '\n') {
        put(sink, out);
        out.clear();
        sink.end_line();
        continue;
      }
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
        if (out.empty() ? !sink.at_line_start() && sink.text().back() != ' '
                        : out.back() != ' ')
          out.push_back(' ');
        continue;
      }
      out.push_back(c);
    }
    put(sink, out);
  }

  // Vietnamese letters that no legacy byte stands for: a text holding one is
  // Unicode already, whatever font the page names.
  static bool has_unicode_vietnamese(std::string_view utf8) {
    for (char32_t c : utf8_to_u32(utf8))
      if ((c >= 0x1EA0 && c <= 0x1EF9) || c == 0x0103 || c == 0x0102 ||
          c == 0x0111 || c == 0x0110 || c == 0x01A1 || c == 0x01A0 ||
          c == 0x01B0 || c == 0x01AF || c == 0x0129 || c == 0x0169)
        return true;
    return false;
  }

  void put(TextSink& sink, const std::string& utf8) {
    if (!utf8.empty() && utf8 != " ") label_open_ = false;
    if (!fonts_.empty() && font_encoding(fonts_.back()) != Encoding::kUnknown &&
        !has_unicode_vietnamese(utf8)) {
      sink.put_run(utf8_to_u32(utf8), fonts_.back(), nullptr);
      return;
    }
    // A page whose sheet sets legacy fonts leaves some paragraphs in the
    // document's default font, named nowhere (LibreOffice writes "p.western"
    // with the font but a plain "<p>" without): their text is decoded when
    // it reads as that legacy encoding.
    if (sheet_legacy_ && fonts_.empty() && !has_unicode_vietnamese(utf8)) {
      const std::u32string chars = utf8_to_u32(utf8);
      std::string bytes;
      bool high = false;
      for (char32_t c : chars) {
        int b = legacy_byte_of(c);
        if (b < 0) {
          bytes.clear();
          break;
        }
        bytes.push_back(static_cast<char>(b));
        high = high || b >= 0x80;
      }
      if (high) {
        // Short texts ("Ch\xACng III") say too little: they take the
        // encoding found in longer ones before them.
        const Encoding e = detect_encoding(bytes).encoding;
        if (e == Encoding::kTcvn3 || e == Encoding::kVni) default_legacy_ = e;
        if (default_legacy_ != Encoding::kUnknown) {
          sink.put_legacy(chars, default_legacy_, false, nullptr);
          return;
        }
      }
    }
    sink.put(utf8);
    sink.count(Encoding::kUtf8, utf8.size());
  }

  const OffsetMap& map_;
  std::vector<std::string> fonts_;
  std::map<std::string, std::string> sheet_;  // selector -> font family
  bool label_open_ = false;    // a list label with no text after it yet
  bool sheet_legacy_ = false;  // the sheet names a legacy font
  Encoding default_legacy_ = Encoding::kUnknown;

 public:
  bool too_deep_ = false;
};

}  // namespace

ReadResult read_html(std::string_view bytes, const Options& options) {
  ReadResult r;
  r.format = "html";
  Encoding enc = encoding_from_name(options.encoding);
  std::string charset = declared_charset(bytes);
  if (enc == Encoding::kUnknown && !charset.empty()) {
    enc = encoding_from_name(charset);
    if (enc == Encoding::kUnknown &&
        (lower(charset) == "iso-8859-1" || lower(charset) == "us-ascii"))
      enc = Encoding::kWindows1252;
    if (enc == Encoding::kUnknown)
      r.diagnostics.push_back({"unknown-charset",
                               Severity::kWarning,
                               "unknown charset \"" + charset +
                                   "\"; the encoding was detected instead",
                               {}});
  }
  // Pages saved as UTF-8 whose meta still says windows-1252 are common;
  // valid UTF-8 with non-ASCII bytes is trusted over the meta.
  Detection det = detect_encoding(bytes);
  if (enc == Encoding::kUnknown ||
      (enc == Encoding::kWindows1252 && det.encoding == Encoding::kUtf8))
    enc = det.encoding;
  Decoded d = decode(bytes, enc);
  for (Diagnostic& x : d.diagnostics) r.diagnostics.push_back(std::move(x));
  r.diagnostics.erase(
      std::remove_if(r.diagnostics.begin(), r.diagnostics.end(),
                     [](const Diagnostic& x) { return !x.span.empty(); }),
      r.diagnostics.end());

  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, d.text.data(),
                               d.text.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  TextSink sink;
  if (!out) {
    r.diagnostics.push_back(
        {"damaged-html", Severity::kError, "the HTML could not be parsed", {}});
    sink.finish(r, bytes.size(), to_string(enc));
    return r;
  }
  const GumboNode* root = find_content(out->root);
  if (!root) {
    root = out->root;
    for (unsigned k = 0; k < out->root->v.element.children.length; ++k) {
      auto* c =
          static_cast<const GumboNode*>(out->root->v.element.children.data[k]);
      if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY)
        root = c;
    }
  } else {
    r.diagnostics.push_back(
        {"html-content-block",
         Severity::kInfo,
         std::string("text taken from the page's content "
                     "block (id or class \"") +
             (*attr(root->v.element, "id") ? attr(root->v.element, "id")
                                           : attr(root->v.element, "class")) +
             "\"); site navigation dropped",
         {}});
  }
  HtmlWalker walker(d.map);
  walker.load_style_sheets(out->root);
  walker.node(root, sink, false, 0);
  if (walker.too_deep_)
    r.diagnostics.push_back({"html-too-deep",
                             Severity::kWarning,
                             "elements nested more than 512 deep were "
                             "skipped",
                             {}});
  sink.finish(r, bytes.size(), to_string(enc));
  return r;
}

}  // namespace vnlegal::io
