"""Golden oai_dc and MODS records of a few documents, reviewed by hand.

Regenerate with ``TEIKIT_REGEN=1 .venv/bin/python -m pytest tests/oai/test_golden.py``
and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import CORPUS
from toolkit.serve.oai import formats
from toolkit.xmlio import parse, write_atomic

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
#: name -> source (fixture files always; corpus files when ../shared is present)
SOURCES = {
    "minimal": FIXTURES / "minimal.xml",
    "schnitzler__L00018": CORPUS / "schnitzler__L00018.xml",
    "isicily__ISic000018": CORPUS / "isicily__ISic000018.xml",
    "rusdracor__chekhov-jubilej": CORPUS / "rusdracor__chekhov-jubilej.xml",
}


def pretty(xml: str) -> bytes:
    return etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="utf-8")


@pytest.mark.parametrize("prefix", ["oai_dc", "mods"])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_golden(name: str, prefix: str):
    source = SOURCES[name]
    if not source.is_file():
        pytest.skip(f"{source} is absent (../shared not available)")
    meta, problems = formats.crosswalk(formats.header_document(parse(source)),
                                       f"oai:teikit.local:{name}", file=str(source))
    assert not problems
    got = pretty(meta[prefix])
    golden = GOLDEN / f"{name}.{prefix}.xml"
    if os.environ.get("TEIKIT_REGEN") == "1":
        write_atomic(golden, got)
    assert golden.is_file(), f"no golden file {golden.name}; run with TEIKIT_REGEN=1"
    assert got.decode() == golden.read_text(encoding="utf-8")
