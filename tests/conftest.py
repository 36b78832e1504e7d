"""Shared fixtures: the repository, the shared corpus (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
TELEGRAM = ROOT / "tei" / "telegram-22591.xml"

NO_SHARED = "../shared (the shared test corpus) is absent, as on a user's clone"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    return SHARED


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(NO_SHARED)
    return CORPUS


def corpus_files(sub: str = "") -> list[Path]:
    """Corpus files for parametrisation (empty where ../shared is absent)."""
    d = CORPUS / sub if sub else CORPUS
    return sorted(d.glob("*.xml")) if d.is_dir() else []
