#!/usr/bin/env bash
# Set up everything the tests need, on top of setup.sh: the Debian packages marked
# "# test" in scripts/apt-packages.txt (JRE, jing, chromium, poppler…), the `test` extra
# (pytest, ruff, build, pipx, …) and the npm packages of setup-extra.sh. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/apt.sh test
.venv/bin/python -m pip --disable-pip-version-check install --quiet -e '.[test]' 2>&1 \
  | { grep -v '^WARNING: Location' || true; }
if [[ -f scripts/setup-extra.sh ]]; then bash scripts/setup-extra.sh; fi
