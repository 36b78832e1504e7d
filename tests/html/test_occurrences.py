"""The register (toolkit.site.pages) and the page (xslt/html/entities.xsl) agree on the
occurrence anchors: every name with @ref has exactly one tk-occ-N in the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import TELEGRAM, corpus_files
from toolkit import xmlio
from toolkit.errors import NotWellFormed
from toolkit.render.html import PageLinks, render_html
from toolkit.site import pages as site

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.xml"))
CASES = [TELEGRAM, *FIXTURES, *[p for p in corpus_files() if p.stat().st_size < 400_000]]
LINKS = PageLinks(register_href="register.html", assets_href="assets/")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_occurrence_anchors_agree(path):
    try:
        tree = xmlio.parse(path)
    except NotWellFormed:
        tree = xmlio.parse(path, xinclude=False)
    page = render_html(tree, links=LINKS, cites={})
    anchors = re.findall(r'id="(tk-occ-\d+)"', page)
    assert len(anchors) == len(set(anchors))
    assert sorted(anchors) == sorted(o.anchor for o in site.occurrences(tree, path.stem))
