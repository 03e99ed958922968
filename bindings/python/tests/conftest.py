"""Shared fixtures. The tests import the installed `vnlegal` (ctest puts the
scratch install first on PYTHONPATH); VNLEGAL_SOURCE_DIR and VNLEGAL_CLI
locate the repository's corpus and the command-line tool."""

import os
from pathlib import Path
from typing import List

import pytest

SOURCE_DIR = Path(os.environ.get("VNLEGAL_SOURCE_DIR", Path(__file__).resolve().parents[3]))
CORPUS = SOURCE_DIR / "corpus" / "docs"

# Plain-text documents of the corpus: whatever the container readers can do,
# these parse on every branch.
TEXT_SUFFIXES = {".txt", ".md"}


def corpus_files() -> List[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def corpus_text_files() -> List[Path]:
    return [p for p in corpus_files() if p.suffix in TEXT_SUFFIXES and ".groundtruth" not in p.name]


@pytest.fixture(scope="session")
def corpus() -> List[Path]:
    files = corpus_files()
    if not files:
        pytest.skip(f"no corpus at {CORPUS}")
    return files


@pytest.fixture(scope="session")
def text_corpus() -> List[Path]:
    files = corpus_text_files()
    if not files:
        pytest.skip(f"no corpus at {CORPUS}")
    return files


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.environ.get("VNLEGAL_CLI", "")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("VNLEGAL_CLI is not set to the vnlegal executable")
    return path
