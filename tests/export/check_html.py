#!/usr/bin/python3
"""Opens vnlegal's HTML pages in headless Chromium and checks what a reader
would get: a non-trivial rendering (screenshot), and in the DOM the browser
built, the outline navigation, internal links landing on existing
sections, external citations marked, targets highlighted with values.

Pages: a hand-made resolution with references and targets (written by the
unit test binary) in the browser, and one corpus document through
`vnlegal parse` checked as served."""
import argparse
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--window-size=1280,900"]


class Dom(html.parser.HTMLParser):
    """Elements as (tag, attrs, text) with the text they contain."""

    def __init__(self):
        super().__init__()
        self.elements = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [
            e["tag"] + "#" + e["attrs"].get("id", "") for e in self.open]}
        self.elements.append(el)
        if tag not in ("meta", "br", "img", "hr", "input", "link"):
            self.open.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for el in self.open:
            el["text"] += data

    def find(self, tag, cls=None):
        return [e for e in self.elements if e["tag"] == tag and
                (cls is None or set(cls.split()) <= set(e["attrs"].get("class", "").split()))]

    def ids(self):
        return {e["attrs"]["id"] for e in self.elements if "id" in e["attrs"]}


def png_pixels(path):
    """Decodes an 8-bit RGB(A) PNG (what Chromium writes) into rows."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), "unexpected PNG type"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_screenshot(path, problems):
    if not os.path.exists(path):
        problems.append("no screenshot written")
        return
    width, height, channels, rows = png_pixels(path)
    colours, inked, total = set(), 0, 0
    for y in range(0, height, 3):
        row = rows[y]
        for x in range(0, width, 3):
            px = row[x * channels:x * channels + 3]
            colours.add(px)
            total += 1
            if sum(px) < 3 * 160:
                inked += 1
    # Text on a light page: many colours (anti-aliasing, highlights) and a
    # few percent of dark pixels; a blank or error page has neither.
    if len(colours) < 50:
        problems.append("screenshot has only %d colours" % len(colours))
    if not 0.01 < inked / total < 0.5:
        problems.append("screenshot dark share %.3f" % (inked / total))
    print("screenshot: %dx%d, %d colours, %.1f%% dark pixels" %
          (width, height, len(colours), 100.0 * inked / total))


def check_sample_dom(dom_text, problems):
    dom = Dom()
    dom.feed(dom_text)
    ids = dom.ids()
    nav_links = [e for e in dom.find("a") if any(p.startswith("nav#outline") for p in e["parents"])]
    if len(nav_links) < 4:
        problems.append("outline has %d links" % len(nav_links))
    labels = [e["text"] for e in nav_links]
    for want in ("Chương I. NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Mục tiêu", "Điều 2. Hiệu lực"):
        if want not in labels:
            problems.append("outline lacks %r (has %r)" % (want, labels))
    for a in nav_links:
        href = a["attrs"].get("href", "")
        if not href.startswith("#") or href[1:] not in ids:
            problems.append("outline link %r leads nowhere" % href)
    internal = dom.find("a", "ref internal")
    if not internal:
        problems.append("no internal reference link")
    for a in internal:
        target = a["attrs"]["href"][1:]
        if target not in ids:
            problems.append("internal reference to missing #%s" % target)
        elif target != "chp_I__art_1__para_2":
            problems.append("khoản 2 Điều 1 links to #%s" % target)
    external = dom.find("cite", "ref external")
    if not external or "61/2018/NĐ-CP" not in external[0]["text"]:
        problems.append("external citation not marked")
    marks = dom.find("mark", "quantity target")
    if not marks:
        problems.append("no highlighted target")
    for m in marks:
        if m["text"] != "8%" or m["attrs"].get("data-value") != "8" or \
                "8 %" not in m["attrs"].get("data-label", ""):
            problems.append("target highlight wrong: %r" % m)
    if not dom.find("section") or "quantities" not in ids:
        problems.append("no table of targets")


def check_corpus_dom(dom_text, source_text_len, problems):
    dom = Dom()
    dom.feed(dom_text)
    navs = [e for e in dom.find("nav") if e["attrs"].get("id") == "outline"]
    if not navs or not [e for e in dom.find("a") if any(
            p.startswith("nav#outline") for p in e["parents"])]:
        problems.append("corpus page: no outline navigation")
    articles = [e for e in dom.find("article") if e["attrs"].get("id") == "text"]
    if not articles or len(articles[0]["text"]) < source_text_len // 2:
        problems.append("corpus page: the document text is missing")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--tests", required=True, help="the vnlegal_tests binary")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "sample.html")
        env = dict(os.environ, VNLEGAL_HTML_SAMPLE=sample)
        subprocess.run([args.tests, "--gtest_filter=Html.WritesSamplePageWhenAsked"],
                       env=env, check=True, capture_output=True)
        doc = os.path.join(args.corpus, "000_nq-hdnd_01-2020-bac-tu-liem.txt")
        if not os.path.exists(doc):
            doc = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus))[0]
        corpus_page = os.path.join(tmp, "corpus.html")
        subprocess.run([args.cli, "parse", doc, "--format", "html", "-o", corpus_page],
                       check=True)
        shot = os.path.join(tmp, "sample.png")
        # One browser start does both: start-up dominates the time.
        profile = tempfile.mkdtemp(dir=tmp)
        try:
            r = subprocess.run(
                [args.chromium] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile,
                                                    "--screenshot=" + shot, "--dump-dom",
                                                    "file://" + sample],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp, timeout=60)
            sample_dom = r.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            problems.append("chromium timed out")
            sample_dom = ""
        check_screenshot(shot, problems)
        check_sample_dom(sample_dom, problems)
        with open(doc, "rb") as f:
            size = len(f.read().decode("utf-8", "replace")) if doc.endswith(".txt") else 0
        # The corpus page is checked as served (the parser there may give a
        # flat document; a second browser start would double the time).
        with open(corpus_page, encoding="utf-8") as f:
            check_corpus_dom(f.read(), size, problems)
    for p in problems:
        print("FAIL: " + p)
    print("html: %s" % ("ok" if not problems else "%d problems" % len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
