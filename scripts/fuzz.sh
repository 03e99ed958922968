#!/usr/bin/env bash
# Runs one libFuzzer target (see docs/fuzzing.md), seeded with the corpus and
# the reader fixtures. New inputs go to build-fuzz/corpus/<target>; crashes,
# timeouts and leaks to build-fuzz/artifacts/<target>/.
#   scripts/fuzz.sh <target> [seconds]   target: parse, doc, rtf, docx, ...
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"
seconds="${2:-600}"
if [[ ! -f build-fuzz/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DVNLEGAL_FUZZ=ON \
    -DVNLEGAL_BUILD_TESTS=ON -DVNLEGAL_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
ninja -C build-fuzz -j2 "${target}_fuzzer"
mkdir -p "build-fuzz/corpus/$target" "build-fuzz/artifacts/$target"
seeds=(corpus/docs tests/data/io)
[[ -d "tests/fuzz/cases/$target" ]] && seeds+=("tests/fuzz/cases/$target")
exec nice -n 10 "build-fuzz/tests/${target}_fuzzer" "build-fuzz/corpus/$target" "${seeds[@]}" \
  -dict=tests/fuzz/vnlegal.dict -max_total_time="$seconds" -max_len=65536 \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="build-fuzz/artifacts/$target/"
