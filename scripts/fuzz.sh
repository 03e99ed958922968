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
# -j1 while another fuzzer shares the machine: FUZZ_JOBS=1.
ninja -C build-fuzz -j"${FUZZ_JOBS:-2}" "${target}_fuzzer"
mkdir -p "build-fuzz/corpus/$target" "build-fuzz/artifacts/$target"
# The text targets run the whole pipeline (or detection) on each input, in
# time linear in its size: shorter inputs find the same rules several times
# faster. Containers need room for real files. FUZZ_MAX_LEN overrides.
case "$target" in
  parse | normalize | encoding) max_len=16384 ;;
  *) max_len=65536 ;;
esac
max_len="${FUZZ_MAX_LEN:-$max_len}"
seeds=(corpus/docs tests/data/io)
[[ -d "tests/fuzz/cases/$target" ]] && seeds+=("tests/fuzz/cases/$target")
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp"
exec nice -n 10 "build-fuzz/tests/${target}_fuzzer" "build-fuzz/corpus/$target" "${seeds[@]}" \
  -dict=tests/fuzz/vnlegal.dict -max_total_time="$seconds" -max_len="$max_len" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="build-fuzz/artifacts/$target/"
