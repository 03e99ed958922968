"""Builds the _vnlegal extension with the project's own CMake build.

The C++ library, its dependencies and the module are described once, in
CMake; this file only drives it, so that `pip install --no-build-isolation
bindings/python` works offline with Debian's cmake, pybind11-dev and
setuptools. Environment:
  VNLEGAL_CMAKE_BUILD_DIR  reuse (or keep) this CMake build folder
  VNLEGAL_CMAKE_ARGS       extra arguments for the CMake configure step
  CMAKE_BUILD_PARALLEL_LEVEL  build jobs (CMake's own variable)
"""

import glob
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the repository: bindings/python/../..


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if not (ROOT / "CMakeLists.txt").is_file():
            raise RuntimeError(
                f"vnlegal's CMake project was not found at {ROOT}; install from "
                "a checkout of the repository (pip install bindings/python)"
            )
        build_dir = Path(
            os.environ.get("VNLEGAL_CMAKE_BUILD_DIR")
            or Path(self.build_temp).resolve() / "cmake"
        )
        configure = [
            "cmake",
            "-S", str(ROOT),
            "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DVNLEGAL_BUILD_PYTHON=ON",
            "-DVNLEGAL_BUILD_TESTS=OFF",
            "-DVNLEGAL_BUILD_BENCH=OFF",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ]
        if shutil.which("ninja") and not (build_dir / "CMakeCache.txt").exists():
            configure += ["-G", "Ninja"]
        configure += shlex.split(os.environ.get("VNLEGAL_CMAKE_ARGS", ""))
        subprocess.run(configure, check=True)
        build = ["cmake", "--build", str(build_dir), "--target", "_vnlegal"]
        if "CMAKE_BUILD_PARALLEL_LEVEL" not in os.environ:
            build += ["-j", str(os.cpu_count() or 1)]
        subprocess.run(build, check=True)

        pattern = str(build_dir / "bindings" / "python" / "package" / "vnlegal" / "_vnlegal*")
        built = [p for p in glob.glob(pattern) if not p.endswith(".pyi")]
        if len(built) != 1:
            raise RuntimeError(f"expected one built module matching {pattern}, got {built}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    ext_modules=[CMakeExtension("vnlegal._vnlegal")],
    cmdclass={"build_ext": CMakeBuild},
)
