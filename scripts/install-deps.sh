#!/usr/bin/env bash
# Installs the Debian packages vnlegal needs, only those missing.
# Uses sudo when not root. Safe to run again.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libre2-dev libpugixml-dev nlohmann-json3-dev libcli11-dev
  libarchive-dev libssl-dev libsqlite3-dev libgtest-dev libgmock-dev libbenchmark-dev
  libpoppler-cpp-dev libgumbo-dev libsimdjson-dev
  python3 python3-dev python3-pytest python3-setuptools python3-pip pybind11-dev
  python3-dask python3-distributed python3-jsonschema libxml2-utils chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
