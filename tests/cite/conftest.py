"""Shared data for the citation tests: documents to cite, the fixed access date."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPUS, TELEGRAM

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
GOLDEN = HERE / "golden"
ACCESSED = "2026-11-26"  # fixed, so outputs do not depend on the day the tests run
BASE_URL = "https://example.org/edition/doc"


def cited_documents() -> list[Path]:
    """The telegram, the synthetic header cases, and every corpus document with a
    correspDesc or an msDesc (none of the corpus where ../shared is absent)."""
    corpus = [p for p in sorted(CORPUS.glob("*.xml"))
              if b"<correspDesc" in p.read_bytes() or b"<msDesc" in p.read_bytes()] \
        if CORPUS.is_dir() else []
    return [TELEGRAM, *sorted(CASES.glob("*.xml")), *corpus]
