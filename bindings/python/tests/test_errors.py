"""One exception type for misuse and environment; bad input never raises."""

import os
import pickle

import pytest

import vnlegal


def test_error_is_one_exception_type():
    assert issubclass(vnlegal.Error, Exception)
    assert vnlegal.Error.__module__ == "vnlegal"
    e = pickle.loads(pickle.dumps(vnlegal.Error("cannot open x")))
    assert isinstance(e, vnlegal.Error) and str(e) == "cannot open x"


def test_unreadable_file_raises(tmp_path):
    with pytest.raises(vnlegal.Error, match="nope.txt"):
        vnlegal.parse_file(tmp_path / "nope.txt")
    with pytest.raises(vnlegal.Error):
        vnlegal.parse(tmp_path / "nope.txt")


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(vnlegal.Error):
        vnlegal.parse_file(tmp_path)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tone": "newest"},
        {"quotes": "smart"},
        {"encoding": "klingon"},
        {"max_depth": 0},
        {"no_such_option": True},
    ],
)
def test_bad_options_raise(kwargs):
    with pytest.raises(vnlegal.Error):
        vnlegal.parse("Điều 1.", **kwargs)


@pytest.mark.parametrize("value", [123, None, 4.5, ["a"], {"text": "x"}])
def test_wrong_input_types_raise(value):
    with pytest.raises(vnlegal.Error):
        vnlegal.parse(value)


def test_options_must_be_options():
    with pytest.raises(vnlegal.Error):
        vnlegal.parse("x", {"tone": "new"})


def test_parse_many_raises_after_parsing_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Điều 1. Phạm vi điều chỉnh\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    with pytest.raises(vnlegal.Error, match="missing.txt"):
        vnlegal.parse_many([good, missing, good], jobs=2)
    docs = vnlegal.parse_many([good, missing, good], jobs=2, return_exceptions=True)
    assert isinstance(docs[0], vnlegal.Document) and isinstance(docs[2], vnlegal.Document)
    assert isinstance(docs[1], vnlegal.Error)
    assert vnlegal.parse_many([]) == []
    with pytest.raises(vnlegal.Error):
        vnlegal.parse_many(str(good))
    with pytest.raises(vnlegal.Error):
        vnlegal.parse_many([good], jobs=-1)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe\xfd",
        b"\x00" * 100,
        "Điều 1.".encode("utf-8")[:-3] + b"\xc3",
        b"\xef\xbb\xbf" + "Điều 1.".encode("utf-8"),
        "Điều 1. Phạm vi".encode("utf-16"),
        b"PK\x03\x04 truncated zip",
        b"{\\rtf1 truncated",
        b"%PDF-1.4 truncated",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 truncated doc",
        os.urandom(2000),
    ],
)
def test_bad_input_gives_a_document(data):
    doc = vnlegal.parse(data)
    assert isinstance(doc.text, str)
    assert doc.check() == []
    assert (doc.root.start, doc.root.end) == (0, len(doc.text))
    for d in doc.diagnostics:
        assert d.severity in ("info", "warning", "error")
        assert 0 <= d.start <= d.end <= len(doc.text)
    doc.to_dict()
    doc.to_xml()


def test_empty_input_is_diagnosed():
    doc = vnlegal.parse(b"")
    assert doc.text == ""
    assert "empty-input" in [d.code for d in doc.diagnostics]


def test_lone_surrogates_do_not_crash():
    doc = vnlegal.parse("Điều 1. \ud800 x")
    assert isinstance(doc.text, str)
