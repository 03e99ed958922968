"""parse() and friends: inputs, options, exports, and agreement with the CLI."""

import json
import pathlib
import pickle
import subprocess
import threading
import xml.etree.ElementTree as ET

import pytest

import vnlegal

TEXT = "NGHỊ QUYẾT\nVề việc thông qua kế hoạch năm 2020\n\nĐiều 1. Phạm vi điều chỉnh\nNghị quyết này quy định ...\n"


def test_str_bytes_and_path_give_the_same_document(tmp_path):
    path = tmp_path / "nghi-quyet.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    from_str = vnlegal.parse(TEXT, path=str(path))
    from_bytes = vnlegal.parse(TEXT.encode("utf-8"), path=str(path))
    from_path = vnlegal.parse(path)
    from_file = vnlegal.parse_file(str(path))
    expected = from_path.to_json()
    assert from_str.to_json() == expected
    assert from_bytes.to_json() == expected
    assert from_file.to_json() == expected
    assert vnlegal.parse(bytearray(TEXT.encode())).text == from_bytes.text
    assert vnlegal.parse(memoryview(TEXT.encode())).text == from_bytes.text


def test_source_describes_the_input(tmp_path):
    import hashlib

    data = TEXT.encode("utf-8")
    doc = vnlegal.parse(data, path="x.txt")
    assert doc.source.path == "x.txt"
    assert doc.source.size == len(data)
    assert doc.source.sha256 == hashlib.sha256(data).hexdigest()
    assert isinstance(doc.source.format, str) and isinstance(doc.source.encoding, str)


def test_typed_attributes():
    doc = vnlegal.parse(TEXT)
    assert isinstance(doc.text, str)
    assert isinstance(doc.metadata, vnlegal.Metadata)
    assert doc.metadata.signer is None or isinstance(doc.metadata.signer, vnlegal.Signer)
    assert all(isinstance(n, vnlegal.Node) for n in doc.nodes)
    assert all(isinstance(r, vnlegal.Reference) for r in doc.references)
    assert all(isinstance(q, vnlegal.Quantity) for q in doc.quantities)
    assert all(isinstance(d, vnlegal.Diagnostic) for d in doc.diagnostics)
    assert doc.nodes is doc.nodes  # cached
    assert "vnlegal.Document" in repr(doc)


def test_json_is_the_contract():
    doc = vnlegal.parse(TEXT)
    data = json.loads(doc.to_json())
    assert data["schema_version"] == "1"
    assert list(data)[:6] == ["schema_version", "source", "metadata", "body", "references", "quantities"]
    assert data["body"]["kind"] == "document"
    assert doc.to_dict(offsets="utf8") == data
    assert json.loads(doc.to_json(include_text=True))["text"] == doc.text
    assert doc.to_dict(include_text=True)["text"] == doc.text
    with pytest.raises(vnlegal.Error):
        doc.to_dict(offsets="bytes")


def test_outline_is_text():
    assert isinstance(vnlegal.parse(TEXT).to_outline(), str)


@pytest.mark.parametrize("export", ["to_xml", "to_akn"])
def test_xml_is_well_formed(export):
    ET.fromstring(getattr(vnlegal.parse(TEXT), export)().encode("utf-8"))


def test_to_json_matches_the_cli_byte_for_byte(cli, text_corpus):
    for path in text_corpus[:5]:
        out = subprocess.run([cli, "parse", "--no-text", str(path)], check=True,
                             capture_output=True).stdout
        assert vnlegal.parse_file(str(path)).to_json().encode("utf-8") == out, path
        with_text = subprocess.run([cli, "parse", str(path)], check=True,
                                   capture_output=True).stdout
        doc = vnlegal.parse_file(str(path))
        assert doc.to_json(include_text=True).encode("utf-8") == with_text, path


def test_parse_many_equals_one_at_a_time(corpus):
    docs = vnlegal.parse_many(corpus, jobs=2, return_exceptions=True)
    assert len(docs) == len(corpus)
    for path, doc in zip(corpus, docs):
        if isinstance(doc, vnlegal.Error):
            with pytest.raises(vnlegal.Error):
                vnlegal.parse_file(path)
            continue
        assert doc.source.path == str(path)
        assert doc.to_json() == vnlegal.parse_file(path).to_json(), path
        assert doc.check() == [], path
        assert (doc.root.start, doc.root.end) == (0, len(doc.text)), path


def test_iter_parse_streams_the_same_documents(text_corpus):
    paths = text_corpus[:12]
    expected = [d.to_json() for d in vnlegal.parse_many(paths, jobs=2)]
    streamed = vnlegal.iter_parse((p for p in paths), jobs=1)
    assert not isinstance(streamed, list)
    assert [d.to_json() for d in streamed] == expected
    assert list(vnlegal.iter_parse([])) == []


def test_threads_share_the_parser_safely(text_corpus):
    # The GIL is released while parsing: concurrent parses must not interfere.
    paths = text_corpus[:8]
    expected = {p: vnlegal.parse_file(p).to_json() for p in paths}
    got = {}

    def work(p):
        got[p] = vnlegal.parse(pathlib.Path(p)).to_json()

    threads = [threading.Thread(target=work, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def test_options_and_overrides():
    doc = vnlegal.parse(TEXT, vnlegal.Options(tone="new", quotes="fold"))
    assert doc.root.text == doc.text
    assert vnlegal.parse(TEXT, extract_references=False).references == []
    assert vnlegal.parse(TEXT, extract_quantities=False).quantities == []
    assert vnlegal.parse(TEXT.encode(), encoding="utf-8").text == vnlegal.parse(TEXT).text


def test_truncation_is_a_diagnostic_not_an_error():
    doc = vnlegal.parse("x" * 1000, max_input_bytes=100)
    assert len(doc.text) <= 100
    assert "input-too-large" in [d.code for d in doc.diagnostics]


def test_normalize():
    assert isinstance(vnlegal.normalize(TEXT), str)
    assert "Điều 1." in vnlegal.normalize(TEXT)
    assert vnlegal.normalize(TEXT.encode("utf-8")) == vnlegal.normalize(TEXT)


def test_detect_encoding_of_utf8():
    d = vnlegal.detect_encoding(TEXT.encode("utf-8"))
    assert isinstance(d, vnlegal.Detection)
    assert d.encoding.replace("-", "").lower() == "utf8"
    assert 0 <= d.confidence <= 1


def test_nodes_walk_by_kind():
    doc = vnlegal.parse(TEXT)
    assert [n.kind for n in doc.walk("document")] == ["document"]
    kinds = {n.kind for n in doc.nodes}
    assert {n.kind for n in doc.walk(kinds)} == kinds


def test_version():
    assert vnlegal.version() == vnlegal.__version__
    assert vnlegal.__version__.count(".") == 2


def test_to_dataframe():
    pd = pytest.importorskip("pandas")
    doc = vnlegal.parse(TEXT)
    frame = doc.to_dataframe("references")
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(doc.references)
    assert len(doc.to_dataframe("quantities")) == len(doc.quantities)


def test_document_is_not_picklable_but_its_dict_is():
    doc = vnlegal.parse(TEXT)
    with pytest.raises(TypeError):
        pickle.dumps(doc)
    assert pickle.loads(pickle.dumps(doc.to_dict())) == doc.to_dict()


def test_file_names_need_not_be_utf8(tmp_path):
    import os

    path = tmp_path / os.fsdecode(b"ngh\xe1 quy\xeat.txt")  # Latin-1 bytes, not UTF-8
    try:
        path.write_bytes(TEXT.encode("utf-8"))
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    assert vnlegal.parse_file(path).text == vnlegal.parse(TEXT).text
    assert vnlegal.parse_many([path])[0].text == vnlegal.parse(TEXT).text
