"""Vietnamese legal documents to a typed model.

>>> import vnlegal
>>> doc = vnlegal.parse("NGHỊ QUYẾT\\nĐiều 1. Phạm vi điều chỉnh\\n")
>>> doc.text[doc.root.start:doc.root.end] == doc.root.text
True

``parse()`` takes the document as ``str`` (its text), ``bytes`` (a file's
raw bytes, any supported container and encoding) or a path
(``pathlib.Path``; use ``parse_file()`` for a path held in a ``str``) and
returns a :class:`Document`: metadata, a walkable tree of :class:`Node`,
references, quantities and diagnostics. Every ``start``/``end`` is a Python
string index into ``Document.text``, so ``doc.text[x.start:x.end]`` is the
text of ``x``.

Bad input never raises: it yields ``Document.diagnostics``. :class:`Error`
is raised only for misuse (bad options) and environment failures (a file
that cannot be read).
"""

from __future__ import annotations

TYPE_CHECKING = False

import os
from dataclasses import dataclass, field, fields

from . import _vnlegal

# typing and json are imported only where needed: they make up much of the
# start-up time of a short script.
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

    import pandas

    PathLike = Union[str, os.PathLike[str]]
    Input = Union[str, bytes, bytearray, memoryview, os.PathLike[str]]

__all__ = [
    "Error",
    "Options",
    "Document",
    "Node",
    "Metadata",
    "Signer",
    "Source",
    "Reference",
    "Pinpoint",
    "Quantity",
    "Diagnostic",
    "Detection",
    "parse",
    "parse_file",
    "parse_many",
    "iter_parse",
    "normalize",
    "detect_encoding",
    "version",
    "__version__",
]

Error = _vnlegal.Error
Error.__doc__ = (
    "The one exception of vnlegal: misuse (bad options, wrong argument "
    "types) or environment failures (a file that cannot be read). Bad "
    "input never raises; it becomes a Diagnostic."
)
Error.__module__ = "vnlegal"

def version() -> str:
    """The version of the C++ library the module was built against."""
    return _vnlegal.version()


__version__ = version()


@dataclass(frozen=True)
class Options:
    """Parsing options; every default matches the command-line tool.

    encoding: force the input encoding ("utf-8", "tcvn3", "vni", "viscii",
        "vps", "cp1258", "viqr", ...); empty means detect.
    tone: tone-mark placement, "keep" (as written), "old" (hòa) or "new"
        (hoà).
    quotes: curly quotes, "keep" or "fold" (to ASCII quotes).
    join_wrapped_lines: re-join lines hard-wrapped in mid-sentence.
    strip_markup: remove markdown/HTML residue (**, <br>, ---).
    extract_references, extract_quantities: run those extractors.
    max_input_bytes: longer inputs are truncated with a diagnostic.
    max_depth: deeper nesting is flattened with a diagnostic.
    """

    encoding: str = ""
    tone: str = "keep"
    quotes: str = "keep"
    join_wrapped_lines: bool = True
    strip_markup: bool = True
    extract_references: bool = True
    extract_quantities: bool = True
    max_input_bytes: int = 256 << 20
    max_depth: int = 64

    def _native(self) -> Any:
        try:
            return _vnlegal.make_options(
                self.encoding,
                self.tone,
                self.quotes,
                self.join_wrapped_lines,
                self.strip_markup,
                self.extract_references,
                self.extract_quantities,
                self.max_input_bytes,
                self.max_depth,
            )
        except TypeError as e:
            raise Error(f"bad options: {e}") from None


_DEFAULT_NATIVE: Any = None


def _native_options(options: Optional[Options], overrides: Dict[str, Any]) -> Any:
    global _DEFAULT_NATIVE
    if options is None and not overrides and _DEFAULT_NATIVE is not None:
        return _DEFAULT_NATIVE
    if options is not None and not isinstance(options, Options):
        raise Error(f"options must be vnlegal.Options, not {type(options).__name__}")
    if overrides:
        base = options or Options()
        try:
            options = Options(**{**_asdict_shallow(base), **overrides})
        except TypeError as e:
            raise Error(f"bad options: {e}") from None
    if options is None or options == Options():
        if _DEFAULT_NATIVE is None:
            _DEFAULT_NATIVE = Options()._native()
        return _DEFAULT_NATIVE
    return options._native()


def _asdict_shallow(obj: Any) -> Dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


# -- The model ---------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    name: Optional[str]
    title: Optional[str]  # e.g. "CHỦ TỊCH"
    authority: Optional[str]  # e.g. "TM. HỘI ĐỒNG NHÂN DÂN"


@dataclass(frozen=True)
class Metadata:
    """The document's own identity; None where the document does not say."""

    number: Optional[str]  # canonical, e.g. "01/NQ-HĐND"
    type: Optional[str]  # e.g. "Nghị quyết"
    type_code: Optional[str]  # e.g. "NQ"
    issuer: Optional[str]
    issuer_code: Optional[str]  # e.g. "HĐND"
    place: Optional[str]
    date: Optional[str]  # ISO YYYY-MM-DD
    title: Optional[str]
    term: Optional[str]  # khóa
    session: Optional[str]  # kỳ họp
    signer: Optional[Signer]


@dataclass(frozen=True)
class Source:
    path: str
    format: str  # text, docx, html, rtf, doc, pdf
    encoding: str  # what the input (or most of it) was in
    sha256: str  # of the raw input bytes
    size: int  # bytes


# Node, Reference and Quantity are many per document: plain (not frozen)
# dataclasses build four times faster. Treat them as read-only; they compare
# and hash by identity, as parts of one document.
@dataclass(eq=False)
class Node:
    """One structural unit; ``doc.text[node.start:node.end] == node.text``.

    kind is one of: document part chapter section subsection article clause
    point indent division item subitem heading paragraph header preamble
    basis recital formula closing recipients signature attachment quoted
    table editorial.
    """

    kind: str
    num: Optional[str]  # as printed, without the trailing "." or ")"
    heading: Optional[str]
    start: int
    end: int
    parent_index: Optional[int]
    child_indices: Tuple[int, ...]
    id: Optional[str]  # Akoma Ntoso style, e.g. "chp_2__art_5__cl_1"
    index: int
    _doc: "Document" = field(repr=False, compare=False)

    @property
    def text(self) -> str:
        return self._doc.text[self.start : self.end]

    @property
    def parent(self) -> Optional["Node"]:
        if self.parent_index is None:
            return None
        return self._doc.nodes[self.parent_index]

    @property
    def children(self) -> List["Node"]:
        nodes = self._doc.nodes
        return [nodes[i] for i in self.child_indices]

    def walk(self) -> Iterator["Node"]:
        """This node and its descendants, depth first, in document order."""
        nodes = self._doc.nodes
        stack = [self.index]
        while stack:
            node = nodes[stack.pop()]
            yield node
            stack.extend(reversed(node.child_indices))

    def ancestors(self) -> Iterator["Node"]:
        """The parent, its parent, ... up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass(frozen=True)
class Pinpoint:
    """Where inside the cited document a reference points."""

    part: Optional[str]
    chapter: Optional[str]
    section: Optional[str]
    article: Optional[str]
    clause: Optional[str]
    point: Optional[str]


@dataclass(eq=False)
class Reference:
    """A legal citation; ``doc.text[r.start:r.end] == r.text``.

    kind: document, named, party, standard, internal or self.
    role: mentions, basis, implements, amends, repeals or replaces.
    """

    kind: str
    doc_type: Optional[str]  # "Nghị định"
    type_code: Optional[str]  # "NĐ"
    number: Optional[str]  # canonical "61/2018/NĐ-CP"
    name: Optional[str]  # documents cited by name
    year: Optional[int]
    date: Optional[str]  # ISO
    issuer: Optional[str]
    issuer_code: Optional[str]
    title: Optional[str]
    role: str
    pinpoint: Optional[Pinpoint]
    editorial: bool  # inside a website's editorial note
    text: str
    start: int
    end: int
    node_index: Optional[int]  # the node the citation sits in
    target_node_index: Optional[int]  # internal references: the node cited
    antecedent: Optional[int]  # back-references, units of an amended act: index into references
    _doc: "Document" = field(repr=False, compare=False)

    @property
    def node(self) -> Optional[Node]:
        return self._doc._node_or_none(self.node_index)

    @property
    def target_node(self) -> Optional[Node]:
        return self._doc._node_or_none(self.target_node_index)


@dataclass(eq=False)
class Quantity:
    """A number with its unit and, for targets, what it measures.

    kind: target, result or other. comparator: reach, at_least, at_most,
    above, below, increase, decrease, zero (None when the text has none).
    """

    kind: str
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    comparator: Optional[str]
    indicator: Optional[str]
    base: Optional[str]
    deadline: Optional[str]
    text: str
    start: int
    end: int
    node_index: Optional[int]
    _doc: "Document" = field(repr=False, compare=False)

    @property
    def node(self) -> Optional[Node]:
        return self._doc._node_or_none(self.node_index)


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the input (start == end when not located)."""

    code: str  # stable, kebab-case, e.g. "invalid-utf8"
    severity: str  # info, warning or error
    message: str
    start: int
    end: int


@dataclass(frozen=True)
class Detection:
    encoding: str  # e.g. "UTF-8", "TCVN3", "VNI"
    confidence: float  # 0..1
    evidence: str  # for people: why this encoding was chosen


class Document:
    """A parsed document. Attributes are computed on first use and cached.

    Not picklable (it wraps the C++ model): to ship results between
    processes, send ``to_dict()`` or ``to_json()``.
    """

    __slots__ = (
        "_handle",
        "_text",
        "_nodes",
        "_metadata",
        "_source",
        "_references",
        "_quantities",
        "_diagnostics",
    )

    def __init__(self, handle: Any) -> None:
        self._handle = handle
        self._text: Optional[str] = None
        self._nodes: Optional[List[Node]] = None
        self._metadata: Optional[Metadata] = None
        self._source: Optional[Source] = None
        self._references: Optional[List[Reference]] = None
        self._quantities: Optional[List[Quantity]] = None
        self._diagnostics: Optional[List[Diagnostic]] = None

    def __repr__(self) -> str:
        return (
            f"<vnlegal.Document {self.source.path or '<memory>'!r} "
            f"number={self.metadata.number!r} nodes={len(self.nodes)} "
            f"references={len(self.references)} "
            f"quantities={len(self.quantities)} "
            f"diagnostics={len(self.diagnostics)}>"
        )

    def __reduce__(self) -> Any:
        raise TypeError(
            "vnlegal.Document cannot be pickled; send doc.to_dict() or "
            "doc.to_json() between processes"
        )

    @property
    def text(self) -> str:
        """The normalized text (NFC) that every start/end indexes."""
        if self._text is None:
            self._text = self._handle.text
        return self._text

    @property
    def source(self) -> Source:
        if self._source is None:
            self._source = Source(*self._handle.source())
        return self._source

    @property
    def metadata(self) -> Metadata:
        if self._metadata is None:
            values = list(self._handle.metadata())
            if values[-1] is not None:
                values[-1] = Signer(*values[-1])
            self._metadata = Metadata(*values)
        return self._metadata

    @property
    def nodes(self) -> List[Node]:
        """Every node in document order; nodes[0] is the root."""
        if self._nodes is None:
            self._nodes = [
                Node(*values, i, self) for i, values in enumerate(self._handle.nodes())
            ]
        return self._nodes

    @property
    def root(self) -> Node:
        return self.nodes[0]

    @property
    def references(self) -> List[Reference]:
        if self._references is None:
            out = []
            for values in self._handle.references():
                if values[11] is not None:
                    values = values[:11] + (Pinpoint(*values[11]),) + values[12:]
                out.append(Reference(*values, self))
            self._references = out
        return self._references

    @property
    def quantities(self) -> List[Quantity]:
        if self._quantities is None:
            self._quantities = [Quantity(*v, self) for v in self._handle.quantities()]
        return self._quantities

    @property
    def diagnostics(self) -> List[Diagnostic]:
        if self._diagnostics is None:
            self._diagnostics = [Diagnostic(*v) for v in self._handle.diagnostics()]
        return self._diagnostics

    def walk(self, kind: Optional[Union[str, Iterable[str]]] = None) -> Iterator[Node]:
        """Nodes depth first in document order, optionally of some kinds."""
        if kind is None:
            return self.root.walk()
        kinds = {kind} if isinstance(kind, str) else set(kind)
        return (n for n in self.root.walk() if n.kind in kinds)

    def source_offset(self, index: int) -> int:
        """The byte offset in the original input of text index ``index``."""
        return self._handle.source_offset(index)

    def check(self) -> List[str]:
        """The model's invariant violations (empty for a well-formed model)."""
        return list(self._handle.check_invariants())

    # -- Export --------------------------------------------------------------

    def to_json(self, include_text: bool = False) -> str:
        """JSON contract v1, byte for byte what ``vnlegal parse`` prints.

        As the contract says, its spans are UTF-8 byte offsets into the
        text; ``to_dict()`` gives them as str indices.
        """
        return self._handle.to_json(include_text)

    def to_dict(self, include_text: bool = False, offsets: str = "str") -> Dict[str, Any]:
        """The JSON contract as Python values.

        offsets="str" (default) turns every span into str indices into
        ``doc.text``; offsets="utf8" keeps the contract's byte offsets, so
        that ``to_dict(offsets="utf8") == json.loads(to_json())``.
        """
        if offsets not in ("str", "utf8"):
            raise Error("offsets must be 'str' or 'utf8'")
        import json

        data = json.loads(self._handle.to_json(include_text))
        if offsets == "str":
            char_index: Callable[[int], int] = self._handle.char_index

            def fix(node: Dict[str, Any]) -> None:
                span = node.get("span")
                if span is not None:
                    node["span"] = [char_index(span[0]), char_index(span[1])]
                for child in node.get("children", ()):
                    fix(child)

            fix(data["body"])
            for key in ("references", "quantities", "diagnostics"):
                for item in data[key]:
                    fix(item)
        return data

    def to_xml(self) -> str:
        return self._handle.to_xml()

    def to_akn(self) -> str:
        """Akoma Ntoso 3.0 XML."""
        return self._handle.to_akn()

    def to_outline(self) -> str:
        """An indented outline of the structure, for people."""
        return self._handle.to_outline()

    def to_dataframe(self, what: str = "references") -> "pandas.DataFrame":
        """References or quantities as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_dataframe() needs pandas (apt install python3-pandas)") from None
        if what == "references":
            items: Sequence[Any] = self.references
        elif what == "quantities":
            items = self.quantities
        else:
            raise Error("what must be 'references' or 'quantities'")
        return pd.DataFrame([_record(x) for x in items])

    def _node_or_none(self, index: Optional[int]) -> Optional[Node]:
        if index is None or index < 0:
            return None
        return self.nodes[index]


def _record(item: Any) -> Dict[str, Any]:
    out = {}
    for f in fields(item):
        if f.name.startswith("_"):
            continue
        value = getattr(item, f.name)
        if isinstance(value, Pinpoint):
            value = {p.name: getattr(value, p.name) for p in fields(value)}
        out[f.name] = value
    return out


# -- Functions -----------------------------------------------------------------


def parse(
    source: Input,
    options: Optional[Options] = None,
    *,
    path: str = "",
    **option_overrides: Any,
) -> Document:
    """Parses one document.

    source: ``str`` is the document's text; ``bytes``/``bytearray``/
    ``memoryview`` are a file's raw bytes (any supported container and
    encoding); an ``os.PathLike`` (``pathlib.Path``) is read from disk.
    path: a file name for in-memory input; it helps guess the container
    (".docx", ".html") and is reported in ``doc.source.path``.
    option_overrides: fields of :class:`Options`, e.g. ``tone="new"``.

    The GIL is released while parsing, so threads parse in parallel.
    """
    native = _native_options(options, option_overrides)
    if isinstance(source, str):
        return Document(_vnlegal.parse_buffer(source.encode("utf-8", "surrogatepass"), native, path))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Document(_vnlegal.parse_buffer(source, native, path))
    if isinstance(source, os.PathLike):
        return Document(_vnlegal.parse_path(_fspath(source), native))
    raise Error(
        "parse() takes str (text), bytes or a path (os.PathLike), not "
        f"{type(source).__name__}"
    )


def parse_file(path: PathLike, options: Optional[Options] = None, **option_overrides: Any) -> Document:
    """Reads and parses a file; raises :class:`Error` if it cannot be read."""
    return Document(_vnlegal.parse_path(_fspath(path), _native_options(options, option_overrides)))


def parse_many(
    paths: Iterable[PathLike],
    options: Optional[Options] = None,
    *,
    jobs: int = 0,
    return_exceptions: bool = False,
    **option_overrides: Any,
) -> List[Document]:
    """Parses files on ``jobs`` C++ threads (0: one per core), in order.

    A file that cannot be read raises :class:`Error` after all the others
    are parsed; with ``return_exceptions=True`` its slot holds the Error
    instead and nothing is raised.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise Error("parse_many() takes a list of paths; use parse_file() for one")
    names = [_fspath(p) for p in paths]
    if not isinstance(jobs, int) or jobs < 0:
        raise Error("jobs must be an int >= 0")
    results = _vnlegal.parse_paths(names, _native_options(options, option_overrides), jobs)
    out: List[Any] = []
    failed: List[str] = []
    for result in results:
        if isinstance(result, str):
            failed.append(result)
            out.append(Error(result))
        else:
            out.append(Document(result))
    if failed and not return_exceptions:
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        raise Error(failed[0] + more)
    return out


def iter_parse(
    paths: Iterable[PathLike],
    options: Optional[Options] = None,
    *,
    jobs: int = 0,
    return_exceptions: bool = False,
    **option_overrides: Any,
) -> Iterator[Document]:
    """Like ``parse_many()``, but yields documents in order as batches of a
    few files per thread finish, so memory stays bounded however many paths
    there are (``paths`` may be a generator)."""
    from itertools import islice

    if isinstance(paths, (str, bytes, os.PathLike)):
        raise Error("iter_parse() takes an iterable of paths; use parse_file() for one")
    if not isinstance(jobs, int) or jobs < 0:
        raise Error("jobs must be an int >= 0")
    batch = 4 * (jobs or os.cpu_count() or 1)
    it = iter(paths)
    while True:
        chunk = list(islice(it, batch))
        if not chunk:
            return
        yield from parse_many(
            chunk, options, jobs=jobs, return_exceptions=return_exceptions, **option_overrides
        )


def normalize(
    text: Union[str, bytes, bytearray],
    options: Optional[Options] = None,
    *,
    path: str = "",
    **option_overrides: Any,
) -> str:
    """The normalized text (NFC, clean whitespace, no markup residue).

    ``str`` is normalized as is; ``bytes`` are first read like ``parse()``
    reads them (container, encoding detection), so a TCVN3 or VNI file's
    bytes give Unicode text.
    """
    native = _native_options(options, option_overrides)
    if isinstance(text, str):
        return _vnlegal.normalize_text(text.encode("utf-8", "surrogatepass"), native)
    if isinstance(text, (bytes, bytearray)):
        return _vnlegal.normalize_bytes(bytes(text), native, path)[0]
    raise Error(f"normalize() takes str or bytes, not {type(text).__name__}")


def detect_encoding(data: Union[bytes, bytearray]) -> Detection:
    """Detects the encoding of raw bytes (Unicode or legacy Vietnamese)."""
    if not isinstance(data, (bytes, bytearray)):
        raise Error(f"detect_encoding() takes bytes, not {type(data).__name__}")
    return Detection(*_vnlegal.detect_encoding(bytes(data)))


def _fspath(path: Any) -> bytes:
    """The path as the file system's bytes (names need not be UTF-8)."""
    try:
        return os.fsencode(path)
    except TypeError:
        raise Error(f"expected a path, not {type(path).__name__}") from None
