#!/usr/bin/env bash
# Builds vnlegal and runs the main job on the bundled corpus (README's first
# command): every document parsed, a summary printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVNLEGAL_BUILD_TESTS=OFF
cmake --build build -j "$(nproc)" --target vnlegal_cli
mkdir -p out
build/vnlegal batch corpus/docs -o out/corpus.jsonl
/usr/bin/python3 scripts/summary.py out/corpus.jsonl
