"""The checked-in type stubs describe the compiled module that is installed."""

import ast
from pathlib import Path

import vnlegal
from vnlegal import _vnlegal


def stub_tree():
    path = Path(_vnlegal.__file__).with_name("_vnlegal.pyi")
    assert path.is_file(), "the stubs are installed next to the module"
    return ast.parse(path.read_text(encoding="utf-8"))


def test_every_stubbed_name_exists():
    for node in stub_tree().body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            assert hasattr(_vnlegal, node.name), node.name
        if isinstance(node, ast.ClassDef):
            cls = getattr(_vnlegal, node.name)
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    assert hasattr(cls, item.name), f"{node.name}.{item.name}"


def test_every_module_function_is_stubbed():
    stubbed = {n.name for n in stub_tree().body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    public = {name for name in dir(_vnlegal) if not name.startswith("_")}
    assert public <= stubbed, public - stubbed


def test_package_is_typed_and_documented():
    assert (Path(vnlegal.__file__).parent / "py.typed").is_file()
    for name in vnlegal.__all__:
        obj = getattr(vnlegal, name)
        if callable(obj):
            assert obj.__doc__, name
