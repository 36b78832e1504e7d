"""Helpers for the encoding tests: the telegram's TEI and the plain-text rendering (saxonche)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).parents[2].parent / "shared"
TEI_FILE = ROOT / "tei" / "telegram-22591.xml"
TEXT_XSL = ROOT / "xslt" / "text.xsl"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_text(mode: str, source: Path = TEI_FILE) -> str:
    """Run xslt/text.xsl on a TEI file with saxonche and return the plain text."""
    return _render(mode, str(source))


@lru_cache(maxsize=32)
def _render(mode: str, source: str) -> str:
    saxonche = pytest.importorskip("saxonche")
    with saxonche.PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        executable = xslt.compile_stylesheet(stylesheet_file=str(TEXT_XSL))
        executable.set_parameter("mode", proc.make_string_value(mode))
        return executable.transform_to_string(source_file=source)


@pytest.fixture(scope="session")
def tei() -> etree._ElementTree:
    return etree.parse(str(TEI_FILE))


@pytest.fixture(scope="session")
def ids(tei) -> dict[str, etree._Element]:
    return {e.get(XML_ID): e for e in tei.iter() if isinstance(e.tag, str) and e.get(XML_ID)}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} (shared seeds, tools and corpus) is absent")
    return SHARED
