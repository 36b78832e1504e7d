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
  # short summary (real corpora are rarely all valid; the full report goes into OUT);
  # the build goes on either way, and fails only for documents it could not build.
  .venv/bin/teikit validate "$SRC" --summary -o "${OUT%/}/validation-report.txt" || true
fi
.venv/bin/teikit build "$SRC" -o "$OUT" "$@"
