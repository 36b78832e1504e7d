#!/usr/bin/env bash
# Set up a fresh Debian machine for teikit: Debian packages, a virtualenv in .venv,
# the package with its test extras, and tei_all.rng. Idempotent; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the toolkit and its tests use (installed only when missing).
APT_PACKAGES=(jing libxml2-utils)
if [[ -f scripts/apt-packages.txt ]]; then
  mapfile -t EXTRA < <(grep -v '^\s*#' scripts/apt-packages.txt | grep -v '^\s*$')
  APT_PACKAGES+=("${EXTRA[@]}")
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install --quiet -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c 'import toolkit, lxml, saxonche, xmlschema, click' # fail loudly if broken
.venv/bin/teikit schemas install
if [[ -f scripts/setup-extra.sh ]]; then bash scripts/setup-extra.sh; fi
