#!/usr/bin/env bash
# Builds vnlegal and runs every test (README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ "${1:-}" == "--sanitize" ]]; then
  # Every C++ test under ASan and UBSan; the Python, browser, batch and
  # robustness end-to-end tests (other processes, slow under ASan) are left out.
  # clang at -O1 compiles the instrumented sources several times faster than
  # gcc at -O2 and keeps the run fast enough; gcc is the fallback.
  compilers=()
  if command -v clang++ >/dev/null; then
    compilers=(-DCMAKE_CXX_COMPILER=clang++)
  fi
  jobs="${VNLEGAL_JOBS:-$(nproc)}"
  cmake -S . -B build-asan -G Ninja "${compilers[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DVNLEGAL_SANITIZE=ON -DVNLEGAL_BUILD_BENCH=OFF
  # Only what these tests run (not the shared library or benchmarks).
  cmake --build build-asan -j "$jobs" --target vnlegal_tests vnlegal_cli fuzz_replay
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 900 \
    -E '^(export\.|batch_|install_consumer|python|robustness\.)'
  exit 0
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVNLEGAL_BUILD_PYTHON=ON
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
