#!/usr/bin/env bash
# Set up (see setup.sh) and build the edition of tei/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/teikit build tei/ -o site/ "$@"
