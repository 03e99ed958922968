"""Spans are str indices into Document.text, on Vietnamese text whose UTF-8
bytes outnumber its characters."""

import unicodedata

import pytest

import vnlegal

# A short resolution written for these tests: every Vietnamese letter here is
# 2 or 3 bytes in UTF-8, so byte offsets and str indices differ by a lot.
RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
QUẬN BẮC TỪ LIÊM
Số: 01/NQ-HĐND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Bắc Từ Liêm, ngày 10 tháng 01 năm 2020

NGHỊ QUYẾT
Về việc phê chuẩn kế hoạch đầu tư công năm 2020

HỘI ĐỒNG NHÂN DÂN QUẬN BẮC TỪ LIÊM

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Luật Đầu tư công số 39/2019/QH14;

QUYẾT NGHỊ:

Điều 1. Phê chuẩn kế hoạch
1. Tổng vốn đầu tư công năm 2020 là 1.250 tỷ đồng.
2. Phấn đấu đạt tỷ lệ giải ngân trên 95%.

Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân quận tổ chức thực hiện Nghị quyết này.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH
Nguyễn Văn A
"""


def all_spans(doc):
    for n in doc.nodes:
        yield "node", n.start, n.end, n.text
    for r in doc.references:
        yield "reference", r.start, r.end, r.text
    for q in doc.quantities:
        yield "quantity", q.start, q.end, q.text
    for d in doc.diagnostics:
        yield "diagnostic", d.start, d.end, None


@pytest.fixture(scope="module")
def doc():
    return vnlegal.parse(RESOLUTION)


def test_root_covers_the_whole_text(doc):
    root = doc.root
    assert root.kind == "document"
    assert root.index == 0 and root.parent is None
    assert (root.start, root.end) == (0, len(doc.text))
    assert root.text == doc.text


def test_text_keeps_the_vietnamese_words(doc):
    for phrase in ("HỘI ĐỒNG NHÂN DÂN", "Điều 1.", "Phấn đấu đạt tỷ lệ giải ngân", "Nguyễn Văn A"):
        assert phrase in doc.text


def test_text_is_nfc_for_nfd_input():
    nfd = unicodedata.normalize("NFD", RESOLUTION)
    doc = vnlegal.parse(nfd)
    assert unicodedata.is_normalized("NFC", doc.text)
    assert "Nghị quyết này" in doc.text


def test_every_span_slices_its_own_text(doc):
    n = len(doc.text)
    for what, start, end, text in all_spans(doc):
        assert 0 <= start <= end <= n, (what, start, end)
        if text is not None:
            assert doc.text[start:end] == text, what


def test_str_spans_match_the_contracts_byte_spans(doc):
    # The JSON contract's byte offsets and the str indices name the same text.
    data = doc.text.encode("utf-8")
    by_bytes = doc.to_dict(offsets="utf8")
    by_chars = doc.to_dict()

    def pairs(a, b):
        yield a["span"], b["span"]
        for x, y in zip(a["children"], b["children"]):
            yield from pairs(x, y)

    for key in ("references", "quantities", "diagnostics"):
        for x, y in zip(by_bytes[key], by_chars[key]):
            assert data[x["span"][0] : x["span"][1]].decode() == doc.text[y["span"][0] : y["span"][1]]
    for (b0, b1), (c0, c1) in pairs(by_bytes["body"], by_chars["body"]):
        assert data[b0:b1].decode("utf-8") == doc.text[c0:c1]
    assert by_chars["body"]["span"] == [0, len(doc.text)]
    assert by_bytes["body"]["span"] == [0, len(data)]


def test_tree_links_are_consistent(doc):
    walked = list(doc.walk())
    assert walked[0] is doc.root
    assert sorted(n.index for n in walked) == list(range(len(doc.nodes)))
    for node in doc.nodes:
        children = node.children
        for child in children:
            assert child.parent is node
            assert node.start <= child.start <= child.end <= node.end
        for a, b in zip(children, children[1:]):
            assert a.end <= b.start
        assert [a.index for a in node.ancestors()][-1:] in ([], [0])
    assert doc.check() == []


def test_source_offsets_point_into_the_input():
    # Prefixing ASCII moves source offsets by exactly the prefix's bytes
    # only if nothing before is rewritten, so compare against the input.
    raw = RESOLUTION.encode("utf-8")
    doc = vnlegal.parse(raw)
    assert doc.source_offset(0) == 0
    i = doc.text.index("Điều 2.")
    j = doc.source_offset(i)
    assert raw[j:].startswith("Điều 2.".encode("utf-8"))
