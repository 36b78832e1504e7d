"""Shared data for the citation tests: documents to cite, the fixed access date."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPUS, TELEGRAM

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
GOLDEN = HERE / "golden"
ACCESSED = "2026-11-26"  # fixed, so outputs do not depend on the day the tests run
BASE_URL = "https://example.org/edition/doc"


def _parses(path: Path) -> bool:
    from toolkit import xmlio
    from toolkit.errors import TeikitError

    try:
        xmlio.parse(path)
    except TeikitError:  # e.g. an XInclude of a file outside the corpus
        return False
    return True


def corpus_documents() -> list[Path]:
    """Every corpus document that parses (none where ../shared is absent)."""
    return [p for p in sorted(CORPUS.glob("*.xml")) if _parses(p)] if CORPUS.is_dir() else []


def has_corresp_or_ms(path: Path) -> bool:
    data = path.read_bytes()
    return b"<correspDesc" in data or b"<msDesc" in data


def cited_documents() -> list[Path]:
    """The telegram, the synthetic header cases, and every corpus document that parses
    (a superset of those with a correspDesc or an msDesc)."""
    return [TELEGRAM, *sorted(CASES.glob("*.xml")), *corpus_documents()]
