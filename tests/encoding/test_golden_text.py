"""Golden files of the telegram's plain-text outputs (both modes).

Regenerate with ``TEIKIT_REGEN=1 pytest tests/encoding/test_golden_text.py`` and review
the diff before committing."""

import os
from pathlib import Path

import pytest

from tests.conftest import TELEGRAM
from toolkit import xmlio
from toolkit.render import render_text

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("mode", ["reading", "diplomatic"])
def test_telegram_text_matches_golden(mode):
    out = render_text(xmlio.parse_tei(TELEGRAM), file=str(TELEGRAM), mode=mode)
    golden = GOLDEN / f"telegram-22591.{mode}.txt"
    if os.environ.get("TEIKIT_REGEN"):
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run with TEIKIT_REGEN=1"
    assert out == golden.read_text(encoding="utf-8")
