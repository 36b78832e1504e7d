#!/usr/bin/env bash
# Set up for the tests (setup-test.sh: setup.sh plus the test toolchain) and run the
# whole test suite, plus ruff.
# Both always run; the exit code is non-zero if either fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test.sh
lint=0
.venv/bin/ruff check $(ls -d toolkit tests bench 2>/dev/null) || lint=$?
status=0
.venv/bin/python -m pytest "$@" || status=$?
if ((lint)); then echo "test.sh: ruff found problems (exit $lint)" >&2; fi
exit $((status ? status : lint))
