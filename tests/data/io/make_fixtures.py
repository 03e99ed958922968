#!/usr/bin/python3
"""Writes the small container fixtures of tests/unit/io_test.cc.

Run from this folder; the outputs are committed so that tests need no Python.
"""
import gzip
import io
import tarfile
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def docx(name, document, numbering=None, styles=None, footnotes=None):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document)
        if numbering:
            z.writestr("word/numbering.xml", numbering)
        if styles:
            z.writestr("word/styles.xml", styles)
        if footnotes:
            z.writestr("word/footnotes.xml", footnotes)


def p(text, extra=""):
    return f"<w:p>{extra}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def numbered(text, num_id, ilvl=0):
    return (f"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num_id}\"/>"
            f"</w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")


body = "".join([
    p("QUYẾT ĐỊNH"),
    numbered("Phạm vi điều chỉnh", 1),
    numbered("Đối tượng áp dụng", 1, 0),
    numbered("cơ quan nhà nước;", 1, 1),
    numbered("tổ chức, cá nhân.", 1, 1),
    numbered("Hiệu lực thi hành", 1, 0),
    # Hidden text and a line break inside one paragraph.
    "<w:p><w:r><w:t>Dòng một</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr>"
    "<w:t>ẨN</w:t></w:r><w:r><w:br/><w:t>Dòng hai</w:t></w:r></w:p>",
    # A run in .VnTime holding TCVN3 bytes (C\xa8n c\xf8 = "Căn cứ").
    "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/></w:rPr>"
    "<w:t>C\u00a8n c\u00f8</w:t></w:r></w:p>",
    # A table: one data row.
    "<w:tbl><w:tr><w:tc>" + p("STT") + "</w:tc><w:tc>" + p("Chỉ tiêu") +
    "</w:tc></w:tr><w:tr><w:tc>" + p("1") + "</w:tc><w:tc>" + p("Tăng 5%") +
    "</w:tc></w:tr></w:tbl>",
    # A text box, given twice (Choice and Fallback) as Word writes it.
    "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>" +
    p("Trong hộp") + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>"
    "<w:pict><w:txbxContent>" + p("Trong hộp") +
    "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    "<w:p><w:r><w:t>Có chú thích</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>",
])
document = f"<w:document {W}><w:body>{body}</w:body></w:document>"
numbering = (f"<w:numbering {W}><w:abstractNum w:abstractNumId=\"0\">"
             "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
             "<w:lvlText w:val=\"Điều %1.\"/><w:suff w:val=\"space\"/></w:lvl>"
             "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
             "<w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum>"
             "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>")
footnotes = (f"<w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"0\">{p('---')}</w:footnote>"
             f"<w:footnote w:id=\"2\">{p('Chú thích cuối trang.')}</w:footnote></w:footnotes>")
docx("sample.docx", document, numbering, None, footnotes)
# A DOCX whose document.xml is cut in the middle of a tag.
docx("damaged.docx", document[: len(document) // 2])

html = """<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Trang</title><script>var x = "<p>không</p>";</script><style>p{}</style></head>
<body><div id="menu"><a href="/">Trang chủ</a></div>
<div id="toanvancontent"><p>NGH&#7882; QUY&#7870;T</p><p>Caf\xe9 &amp; tr&agrave;<br>d\xf2ng hai</p>
<table><tr><td>STT</td><td>T\xean</td></tr><tr><td>1</td><td>A</td></tr></table>
<ol><li>m\xf4t</li><li>hai</li></ol><p style="display:none">ẩn</p></div>
<div id="footer">Bản quyền</div></body></html>"""
with open("sample_cp1252.html", "wb") as f:
    f.write(html.encode("latin-1", errors="strict") if all(ord(c) < 256 for c in html)
            else html.encode("cp1252", errors="replace"))

with zipfile.ZipFile("archive.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "Điều 1. Một\n")
    z.writestr("dir/b.txt", "Điều 2. Hai\n")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as iz:
        iz.writestr("c.txt", "Điều 3. Ba\n")
    z.writestr("inner.zip", inner.getvalue())

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, text in [("x.txt", "Điều 1. X\n"), ("y.txt", "Điều 2. Y\n")]:
        data = text.encode()
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
with open("archive.tar.gz", "wb") as f:
    f.write(buf.getvalue())
with open("single.txt.gz", "wb") as f:
    f.write(gzip.compress("Điều 9. Nén\n".encode()))

# A bomb: 8 MiB of zeros compress to a few KiB (ratio far above the limit).
with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("zeros.txt", b"\0" * (8 << 20))
