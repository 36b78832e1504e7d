#!/usr/bin/env bash
# Set up (see setup.sh) and build an edition: `bash scripts/build.sh [SRC [OUT]] [options]`
# (default: the repository's edition, as teikit.toml describes it: tei/ into site/;
# options go to `teikit build`, e.g. --no-pdf -j 2).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [[ $# -eq 0 || $1 == -* ]]; then
  # The repository's own edition: teikit.toml says where its documents are (tei/), where
  # the site goes (site/) and what to build. Its documents must be valid against the
  # schemas they declare (tei_all and the project's customisation, derived from
  # schemas/teikit.odd) before anything is built.
  .venv/bin/teikit validate
  .venv/bin/teikit build "$@"
  exit
fi
SRC=$1; shift
OUT=site/
if [[ $# -gt 0 && $1 != -* ]]; then OUT=$1; shift; fi
# Other projects' TEI: validate against the schemas each document declares, as a short
# summary (real corpora are rarely all valid; the full report goes into OUT); the build
# goes on either way, and fails only for documents it could not build.
.venv/bin/teikit validate "$SRC" --summary -o "${OUT%/}/validation-report.txt" || true
.venv/bin/teikit build "$SRC" -o "$OUT" "$@"
