#!/usr/bin/env bash
# Set up (see setup.sh) and build the edition of tei/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Every document must be valid against the project's customisation (RELAX NG and
# Schematron derived from schemas/teikit.odd) before anything is built.
.venv/bin/teikit validate tei/ --schema project
.venv/bin/teikit build tei/ -o site/ "$@"
