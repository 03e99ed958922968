"""The Python example of docs/python.md (copied into the README) runs as
written, from the repository's top folder."""

import contextlib
import io
import re

import pytest

from conftest import SOURCE_DIR

MARKER = "<!-- readme-example"


def readme_example():
    doc = SOURCE_DIR / "docs" / "python.md"
    if not doc.is_file():
        pytest.skip("docs/python.md is not in this tree")
    text = doc.read_text(encoding="utf-8")
    after = text[text.index(MARKER) :]
    return re.search(r"```python\n(.*?)```", after, re.S).group(1)


def test_readme_example_runs_as_written(monkeypatch):
    code = readme_example()
    monkeypatch.chdir(SOURCE_DIR)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "docs/python.md", "exec"), {"__name__": "readme_example"})
    assert '"schema_version": "1"' in out.getvalue()
