#!/usr/bin/env bash
# The tests' npm packages (called by scripts/setup-test.sh). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

# citeproc-js, the reference CSL processor of the citation tests (tests/cite/).
if [[ ! -d tests/cite/citeproc/node_modules/citeproc ]]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --prefix tests/cite/citeproc --no-audit --no-fund --silent
  else
    echo "setup: npm not found; the citeproc-js agreement tests will be skipped" >&2
  fi
fi

# axe-core, the accessibility checker of the HTML browser tests (tests/html/).
if [[ ! -f .cache/node_modules/axe-core/axe.min.js ]]; then
  if command -v npm >/dev/null 2>&1; then
    mkdir -p .cache
    npm install --prefix .cache axe-core@4 --no-audit --no-fund --silent --no-save
  else
    echo "setup: npm not found; the accessibility tests will be skipped" >&2
  fi
fi
