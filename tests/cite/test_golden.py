"""Golden outputs of every style for the telegram (regenerate with TEIKIT_REGEN=1)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import TELEGRAM
from toolkit import xmlio
from toolkit.render import cite

from .conftest import ACCESSED, GOLDEN

EXT = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}


@pytest.mark.parametrize("style", cite.STYLES)
def test_golden(style, request):
    out = cite.cite(xmlio.parse(TELEGRAM), style, accessed=ACCESSED)
    golden = GOLDEN / f"{TELEGRAM.stem}.{style}.{EXT.get(style, 'txt')}"
    regen = os.environ.get("TEIKIT_REGEN") == "1" or request.config.getoption(
        "--regen-golden", default=False)
    if regen:
        xmlio.write_atomic(golden, out)
    assert golden.exists(), f"{golden} missing: run with TEIKIT_REGEN=1 and review it"
    assert out == golden.read_text(encoding="utf-8")
