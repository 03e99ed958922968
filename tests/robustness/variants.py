#!/usr/bin/env python3
"""The same document in another encoding, container or layout must give the same result.

    variants.py --cli build/vnlegal --encoder build/tests/vnlegal_encode
                --corpus corpus/docs [--forms NAME ...] [--only SUBSTRING ...]
                [--check] [--show N] [--keep DIR]

Archives hold each document in whatever form its publisher used: a legacy
8-bit font encoding, UTF-16, decomposed Unicode, a Word file or a web page
(with the header's two columns and the closing's recipients and signature in
tables, as Word files have them, or without tables), the
text layer of a PDF with lines cut at the margin and page numbers between
them. For every text document of the corpus (.txt, .md), this writes it in
each form and parses both with `vnlegal parse --format json`, then compares
what a user reads off the result: the metadata (number, type, date, issuer,
signer), the outline (kind and number of every numbered unit, in order), the
references (type, number or name, role) and the targets (value and unit).

The encodings are written from the original file and compared with its
result, except where a legacy encoding cannot hold every character (TCVN3 has
no capitals with tone marks in its lower-case font): there the reference is
the result for the text the encoder says a correct decoder gives back. The
layouts are written from the normalized text (`vnlegal normalize`: one
paragraph per line) and compared with the result for that text, so that a
blank line or a cut line means the same thing in every document. Standard
library only.

With --check, exits 1 when a form agrees with its reference on fewer
documents than its floor below (the floors are what the parser achieves
today, so that a regression fails; raise them as it improves).
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

# Forms written by the test encoder (tests/encoding/encoder.h).
ENCODED = ["NFD", "to-hop", "UTF-16LE+BOM", "UTF-16BE", "TCVN3", "VNI",
           "VISCII", "CP1258", "VPS", "mojibake-TCVN3"]
# Forms written here: other containers and layouts of the same UTF-8 text.
LAYOUTS = ["crlf", "blank-lines", "indented", "wrapped-pdf", "gazette-pdf",
           "side-by-side-header", "lost-capitals", "markdown", "html", "docx", "rtf",
           "docx-tables", "html-tables"]
FEATURES = ("metadata", "outline", "references", "targets")
# --check floors: the share of documents on which each feature must agree
# (1.0 where not listed). A text cut at a margin still loses a few things:
# a paragraph cut after a sentence that ends at the margin, before a
# line-initial "Căn cứ" or "[" that reads as a new paragraph.
# Lost capitals are the weak form: citations of titles in capitals read in
# small letters, attachments whose titles lost their capitals.
FLOOR = {"wrapped-pdf": {"references": 0.97, "targets": 0.97},
         "gazette-pdf": {"references": 0.97, "targets": 0.97},
         "lost-capitals": {"metadata": 0.92, "outline": 0.97,
                           "references": 0.88, "targets": 0.98}}


def fold(s):
    s = unicodedata.normalize("NFD", s or "").replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", s).strip().lower()


def features(doc):
    md = doc.get("metadata") or {}
    signer = md.get("signer") or {}
    meta = tuple(fold(md.get(k)) for k in ("number", "type", "date", "issuer"))
    meta += (fold(signer.get("name") if isinstance(signer, dict) else signer),)
    outline = []

    def walk(node, path):
        num = node.get("num")
        here = path
        if num is not None:
            here = path + (f"{node.get('kind')} {fold(num)}",)
            outline.append(" / ".join(here))
        for child in node.get("children") or []:
            walk(child, here)

    if doc.get("body"):
        walk(doc["body"], ())
    refs = sorted(" | ".join([fold(r.get("doc_type")),
                              fold(r.get("number") or r.get("name")),
                              r.get("role") or ""])
                  for r in doc.get("references") or [])
    targets = sorted(f"{q.get('value')} {fold(q.get('unit'))}"
                     for q in doc.get("quantities") or []
                     if q.get("kind") == "target")
    return {"metadata": [" | ".join(meta)], "outline": outline,
            "references": refs, "targets": targets}


def parse(cli, path):
    out = subprocess.run([cli, "parse", "--format", "json", path],
                         capture_output=True, timeout=120)
    if not out.stdout:
        return None, out.stderr.decode("utf-8", "replace")[:300]
    try:
        return json.loads(out.stdout), ""
    except ValueError as e:
        return None, f"bad JSON: {e}"


# Layouts -------------------------------------------------------------------

def wrap_line(line, width):
    out, cur = [], ""
    for word in line.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            out.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    out.append(cur)
    return out


def wrapped_pdf(text, running_head=False):
    """A PDF text layer: lines cut at the margin, a page number and a form
    feed every 45 lines. Table rows are left whole. With `running_head`, a
    gazette's head atop every page after the first."""
    lines, page, out, n = text.split("\n"), 1, [], 0
    for line in lines:
        parts = [line] if line.lstrip().startswith("|") else wrap_line(line, 72)
        for part in parts:
            out.append(part)
            n += 1
            if n % 45 == 0:
                page += 1
                out.append(f"{page}\f")
                if running_head:
                    out.append(f"CÔNG BÁO/Số {page + 210} + {page + 211}/Ngày 05-01-2024")
    return "\n".join(out)


def header_columns(lines):
    """The header's two columns as the rows of the table they sit in:
    (first line, rows of (left, right) cells, line after them), or None when
    the header is not in the usual order."""
    head = [l.strip() for l in lines[:12]]
    motto = next((i for i, l in enumerate(head)
                  if fold(l).startswith("cong hoa xa hoi chu nghia viet nam")), None)
    if motto is None or motto + 1 >= len(head) or motto < 1:
        return None
    if not fold(head[motto + 1]).startswith("doc lap"):
        return None
    issuer = list(range(max(0, motto - 2), motto))
    if any(not head[i] or fold(head[i]).startswith("so") for i in issuer):
        issuer = [motto - 1]
    rows = [(head[issuer[0]], head[motto])]
    rows.append((head[issuer[1]] if len(issuer) == 2 else "", head[motto + 1]))
    rest = motto + 2
    if (rest + 1 < len(head) and fold(head[rest]).startswith("so")
            and ", ngay" in fold(head[rest + 1])):
        rows.append((head[rest], head[rest + 1]))
        rest += 2
    return issuer[0], rows, rest


def side_by_side_header(text):
    """The header's two columns on shared lines, as a PDF text layer or a
    Word table saved as text gives them: "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ
    HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH ĐỒNG NAI      Độc lập - Tự do - Hạnh
    phúc" / "Số: 182/KH-UBND      Đồng Nai, ngày 20 tháng 11 năm 2025".
    Texts whose header is not in the usual order are left as they are."""
    lines = text.split("\n")
    cols = header_columns(lines)
    if cols is None:
        return text
    first, rows, rest = cols
    return "\n".join(lines[:first] + [f"{l}        {r}" for l, r in rows] + lines[rest:])


def closing_columns(lines):
    """The recipients and the signature side by side, as the closing table
    of a Word file holds them: (first line, recipient lines, signature
    lines, line after them), or None. The signature is the run of short
    lines after the recipients (authority, title, name)."""
    start = next((i for i, l in enumerate(lines)
                  if fold(l.strip()).startswith("noi nhan")), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and lines[end].lstrip()[:1] in ("-", "+", "–", "•"):
        end += 1
    sig_end = end
    while (sig_end < len(lines) and sig_end - end < 5 and 0 < len(lines[sig_end].strip()) < 60
           and lines[sig_end].lstrip()[:1] not in ("-", "+")):
        sig_end += 1
    if sig_end == end:
        return None
    return start, lines[start:end], lines[end:sig_end], sig_end


HEADING = re.compile(r"^(Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+\S+|^[IVXLC]+\.\s")


def markdown(text):
    """A web page saved as Markdown: headings of units in bold, lines in
    capitals as Markdown headings, paragraphs apart."""
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if HEADING.match(s):
            out.append(f"**{s}**")
        elif s.upper() == s and any(c.isalpha() for c in s) and len(s) < 200:
            out.append(f"## {s}")
        else:
            out.append(s)
    return "\n\n".join(out) + "\n"


def lost_capitals(text):
    """A legacy text typed in a capitals-only font (".VnTimeH") and decoded
    with its lower-case twin: every line in capitals comes out in lower
    case; mixed-case lines are as typed."""
    out = []
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        out.append(line.lower() if letters and all(c.isupper() for c in letters) else line)
    return "\n".join(out)


def table_layout(text):
    """The text as a Word file or a web page lays it out: a list of
    paragraphs and tables, each table a list of rows of cells, each cell a
    list of paragraphs. With tables only for the header and the closing."""
    lines = text.split("\n")
    blocks, i = [], 0
    header = header_columns(lines)
    closing = closing_columns(lines)
    if header:
        first, rows, rest = header
        blocks += lines[:first]
        blocks.append([[[l], [r]] for l, r in rows])
        i = rest
    if closing and closing[0] >= i:
        start, recipients, signature, after = closing
        blocks += lines[i:start]
        blocks.append([[recipients, signature]])
        i = after
    blocks += lines[i:]
    return blocks


def to_html(text, tables=False):
    def para(line):
        return f"<p>{html.escape(line)}</p>"
    out = []
    for b in (table_layout(text) if tables else text.split("\n")):
        if isinstance(b, list):
            rows = "".join("<tr>" + "".join(
                "<td>" + "".join(para(l) for l in cell) + "</td>" for cell in row) + "</tr>"
                for row in b)
            out.append(f"<table>{rows}</table>")
        elif b.strip():
            out.append(para(b))
    body = "\n".join(out)
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>văn bản</title>'
            f'</head>\n<body>\n{body}\n</body></html>\n')


def to_docx(text, path, tables=False):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    def para(line):
        return f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line, quote=False)}</w:t></w:r></w:p>'
    out = []
    for b in (table_layout(text) if tables else text.split("\n")):
        if isinstance(b, list):
            out.append("<w:tbl>" + "".join("<w:tr>" + "".join(
                "<w:tc>" + "".join(para(l) for l in cell) + "</w:tc>" for cell in row) + "</w:tr>"
                for row in b) + "</w:tbl>")
        else:
            out.append(para(b))
    paras = "".join(out)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{paras}</w:body></w:document>')


def to_rtf(text):
    def esc(ch):
        o = ord(ch)
        if ch in "\\{}":
            return "\\" + ch
        if o < 0x80:
            return ch
        if o > 0xFFFF:
            return "?"
        return f"\\u{o if o < 0x8000 else o - 0x10000}?"
    body = "\\par\n".join("".join(esc(c) for c in line) for line in text.split("\n"))
    return "{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n\\f0 " + body + "}\n"


def write_layout(form, text, path):
    if form in ("docx", "docx-tables"):
        to_docx(text, path, tables=form == "docx-tables")
        return
    data = {
        "crlf": lambda: text.replace("\n", "\r\n"),
        "blank-lines": lambda: "\n\n".join(text.split("\n")),
        # Word's first-line indents saved as text: a tab or spaces before
        # every paragraph, spaces after some.
        "indented": lambda: "\n".join(
            ("\t" if i % 2 else "     ") + line + ("  " if i % 3 == 0 else "")
            for i, line in enumerate(text.split("\n"))),
        "wrapped-pdf": lambda: wrapped_pdf(text),
        "gazette-pdf": lambda: wrapped_pdf(text, running_head=True),
        "side-by-side-header": lambda: side_by_side_header(text),
        "markdown": lambda: markdown(text),
        "lost-capitals": lambda: lost_capitals(text),
        "html": lambda: to_html(text),
        "html-tables": lambda: to_html(text, tables=True),
        "rtf": lambda: to_rtf(text),
    }[form]()
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--encoder", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--forms", nargs="*", default=ENCODED + LAYOUTS)
    ap.add_argument("--only", nargs="*", help="substrings of document names")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--show", type=int, default=3, help="differences shown per document")
    ap.add_argument("--keep", help="write the variants here instead of a temporary folder")
    a = ap.parse_args()

    docs = sorted(n for n in os.listdir(a.corpus) if n.endswith((".txt", ".md")))
    if a.only:
        docs = [d for d in docs if any(o in d for o in a.only)]
    tmp = a.keep or tempfile.mkdtemp(prefix="vnlegal-variants-")
    os.makedirs(tmp, exist_ok=True)
    reference = {}
    flat = {}  # name -> (normalized text, its features)
    agree = {f: {k: 0 for k in FEATURES} for f in a.forms}
    total = {f: 0 for f in a.forms}
    failed = False
    for name in docs:
        src = os.path.join(a.corpus, name)
        with open(src, encoding="utf-8", errors="replace") as f:
            text = f.read().replace("\r\n", "\n")
        base, err = parse(a.cli, src)
        if base is None:
            print(f"{name}: the original does not parse: {err}")
            failed = True
            continue
        reference[name] = features(base)
        for form in a.forms:
            stem = os.path.join(tmp, f"{name}.{form}")
            want = reference[name]
            if form in ENCODED:
                expected = stem + ".expected.txt"
                r = subprocess.run([a.encoder, form, src, stem, expected],
                                   capture_output=True)
                if r.returncode != 0:
                    sys.exit(f"encoder failed on {name} {form}: {r.stderr.decode()}")
                with open(expected, encoding="utf-8") as f:
                    if f.read() != unicodedata.normalize("NFC", text):
                        exp_doc, err = parse(a.cli, expected)
                        want = features(exp_doc) if exp_doc else want
            else:
                # Layouts start from the normalized text (one paragraph per
                # line, wrapped lines joined), so that a blank line or a cut
                # line means the same in every document.
                if name not in flat:
                    flat_path = os.path.join(tmp, name + ".flat.txt")
                    r = subprocess.run([a.cli, "normalize", src], capture_output=True)
                    with open(flat_path, "wb") as f:
                        f.write(r.stdout)
                    flat_doc, err = parse(a.cli, flat_path)
                    flat[name] = (r.stdout.decode("utf-8", "replace"),
                                  features(flat_doc) if flat_doc else want)
                write_layout(form, flat[name][0], stem)
                want = flat[name][1]
            doc, err = parse(a.cli, stem)
            total[form] += 1
            got = features(doc) if doc else {k: ["(no output) " + err] for k in FEATURES}
            for k in FEATURES:
                if got[k] == want[k]:
                    agree[form][k] += 1
                    continue
                missing = [x for x in want[k] if x not in got[k]]
                extra = [x for x in got[k] if x not in want[k]]
                print(f"{name} [{form}] {k}: -{len(missing)} +{len(extra)}")
                for x in missing[:a.show]:
                    print(f"    - {x}")
                for x in extra[:a.show]:
                    print(f"    + {x}")
    print(f"\n{len(docs)} documents; documents that agree with the original, per form:")
    print(f"{'form':16}" + "".join(f"{k:>12}" for k in FEATURES))
    for form in a.forms:
        n = total[form] or 1
        row = "".join(f"{agree[form][k]:>8}/{total[form]:<3}" for k in FEATURES)
        print(f"{form:16}{row}")
        for k in FEATURES:
            floor = FLOOR.get(form, {}).get(k, 1.0)
            if agree[form][k] / n < floor:
                print(f"  {form} {k}: below the floor {floor}")
                failed = True
    if not a.keep:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    if a.check and failed:
        print("FAILED: a form agrees on fewer documents than its floor")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
