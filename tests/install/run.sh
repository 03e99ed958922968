#!/usr/bin/env bash
# Installs the built project into a temporary prefix, then builds and runs a
# consumer with find_package(vnlegal) and checks the pkg-config file.
set -euo pipefail
build_dir="$1"
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" > /dev/null
cmake -S "$source_dir/tests/install/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$work/build" > /dev/null
"$work/build/consumer"
libdir=$(ls -d "$work"/prefix/lib*/pkgconfig | head -1)
PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs vnlegal | grep -q -- "-lvnlegal"
echo "install test: ok"
