#!/usr/bin/env bash
# Set up (see setup.sh) and build an edition: `bash scripts/build.sh [SRC [OUT]] [options]`
# (default: the edition of tei/ into site/; options go to `teikit build`, e.g. --no-pdf -j 2).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SRC=tei/
OUT=site/
if [[ $# -gt 0 && $1 != -* ]]; then SRC=$1; shift; fi
if [[ $# -gt 0 && $1 != -* ]]; then OUT=$1; shift; fi
if [[ ${SRC%/} == tei ]]; then
  # The edition's own documents must be valid against the project's customisation
  # (RELAX NG and Schematron derived from schemas/teikit.odd) before anything is built.
  .venv/bin/teikit validate tei/ --schema project
else
  # Other projects' TEI: validate against the schemas each document declares, as a
  # report (real corpora are rarely all valid); the build goes on either way.
  .venv/bin/teikit validate "$SRC" --format text || true
fi
.venv/bin/teikit build "$SRC" -o "$OUT" "$@"
