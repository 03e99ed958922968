# Type stubs of the C++ extension module. Its values are plain tuples that
# vnlegal/__init__.py turns into the typed classes; the tuple layouts here
# follow those classes' fields.
from typing import List, Optional, Tuple, Union

class Error(RuntimeError): ...

class NativeOptions: ...

def make_options(
    encoding: str,
    tone: str,
    quotes: str,
    join_wrapped_lines: bool,
    strip_markup: bool,
    extract_references: bool,
    extract_quantities: bool,
    max_input_bytes: int,
    max_depth: int,
) -> NativeOptions: ...

_NodeTuple = Tuple[
    str, Optional[str], Optional[str], int, int, Optional[int], Tuple[int, ...], Optional[str]
]
_PinpointTuple = Tuple[
    Optional[str], Optional[str], Optional[str], Optional[str], Optional[str], Optional[str]
]
_ReferenceTuple = Tuple[
    str,
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[int],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    str,
    Optional[_PinpointTuple],
    bool,
    str,
    int,
    int,
    Optional[int],
    Optional[int],
    Optional[int],
]
_QuantityTuple = Tuple[
    str,
    float,
    Optional[float],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    str,
    int,
    int,
    Optional[int],
]
_DiagnosticTuple = Tuple[str, str, str, int, int]
_SignerTuple = Tuple[Optional[str], Optional[str], Optional[str]]
_MetadataTuple = Tuple[
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[str],
    Optional[_SignerTuple],
]

class Handle:
    @property
    def text(self) -> str: ...
    @property
    def text_bytes(self) -> bytes: ...
    def nodes(self) -> List[_NodeTuple]: ...
    def references(self) -> List[_ReferenceTuple]: ...
    def quantities(self) -> List[_QuantityTuple]: ...
    def diagnostics(self) -> List[_DiagnosticTuple]: ...
    def metadata(self) -> _MetadataTuple: ...
    def source(self) -> Tuple[str, str, str, str, int]: ...
    def char_index(self, byte: int) -> int: ...
    def byte_index(self, index: int) -> int: ...
    def source_offset(self, index: int) -> int: ...
    def check_invariants(self) -> List[str]: ...
    def to_json(self, include_text: bool = ...) -> str: ...
    def to_xml(self) -> str: ...
    def to_akn(self) -> str: ...
    def to_outline(self) -> str: ...

def parse_buffer(data: Union[bytes, bytearray, memoryview], options: NativeOptions, path_hint: str) -> Handle: ...
def parse_path(path: Union[str, bytes], options: NativeOptions) -> Handle: ...
def parse_paths(paths: List[Union[str, bytes]], options: NativeOptions, jobs: int) -> List[Union[Handle, str]]: ...
def normalize_text(text: bytes, options: NativeOptions) -> str: ...
def normalize_bytes(
    data: bytes, options: NativeOptions, path_hint: str
) -> Tuple[str, List[_DiagnosticTuple]]: ...
def detect_encoding(data: bytes) -> Tuple[str, float, str]: ...
def version() -> str: ...
