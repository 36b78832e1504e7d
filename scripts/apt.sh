#!/usr/bin/env bash
# Install the Debian packages of scripts/apt-packages.txt that are missing:
#   bash scripts/apt.sh runtime   the packages teikit needs at run time
#   bash scripts/apt.sh test      the packages marked "# test" (tests and benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: apt.sh runtime|test}
packages=()
while IFS= read -r line; do
  name=${line%%#*}
  name=${name//[[:space:]]/}
  [[ -z $name ]] && continue
  if [[ $line =~ \#[[:space:]]*test ]]; then is_test=1; else is_test=0; fi
  if [[ $kind == test && $is_test == 1 ]] || [[ $kind == runtime && $is_test == 0 ]]; then
    packages+=("$name")
  fi
done < scripts/apt-packages.txt
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    "${missing[@]}" >/dev/null
fi
