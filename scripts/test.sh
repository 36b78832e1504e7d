#!/usr/bin/env bash
# Set up (see setup.sh) and run the whole test suite, plus ruff.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check $(ls -d toolkit tests bench 2>/dev/null)
.venv/bin/python -m pytest "$@"
