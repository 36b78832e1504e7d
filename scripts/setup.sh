#!/usr/bin/env bash
# Set up a fresh Debian machine to run teikit from this checkout: the Debian packages it
# needs at run time (scripts/apt-packages.txt, lines not marked "# test"), a virtualenv
# in .venv with teikit installed in editable mode, and tei_all.rng (which an installed
# wheel carries, but a checkout fetches once). Idempotent; quiet when all is in place.
# The tests' toolchain (JRE, chromium, npm packages, the test extras): setup-test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/apt.sh runtime

PY=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$PY" -m venv .venv
pip_quiet() { .venv/bin/python -m pip --disable-pip-version-check "$@" 2>&1 \
  | { grep -v '^WARNING: Location' || true; }; }
pip_quiet install --quiet --upgrade pip
pip_quiet install --quiet -e .
.venv/bin/python -c 'import toolkit, lxml, saxonche, xmlschema, click' # fail loudly if broken
.venv/bin/teikit schemas install >/dev/null
