"""No crash where TEI allows an element to repeat (issue 12, item 5): expressions that
assume one item (fn:matches, string(), value comparisons, `as="xs:string"`) over a path
that TEI lets repeat are a class of bug. Every element of a document's header, text and
standOff is doubled in turn (a twin copy beside each element, its xml:ids made unique),
and every output is made from the result: plain text in both modes, the HTML page, the
print HTML, the citations and the site's facts (DocInfo)."""

from __future__ import annotations

import copy
import itertools
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import CORPUS, TELEGRAM
from toolkit import xmlio
from toolkit.render import cite, render_text
from toolkit.render.html import render_html
from toolkit.render.pdf import render_print_html
from toolkit.site import pages as site

T = f"{{{xmlio.TEI_NS}}}"
XML_ID = f"{{{xmlio.XML_NS}}}id"
GENRES = sorted((Path(__file__).parents[1] / "genres" / "fixtures").glob("*.xml"))
CORPUS_SAMPLES = [CORPUS / n for n in (
    "schnitzler__L00018.xml", "teic-tei__testms.xml", "rusdracor__chekhov-jubilej.xml",
    "isicily__ISic000018.xml", "papyri__p.oxy.1.119.xml", "teic-xsl__testapp2.xml",
    "syriaca__persons-910.xml", "teic-xsl__test12.xml")]
DOCS = [TELEGRAM, *GENRES, *[p for p in CORPUS_SAMPLES if p.is_file()]]

OUTPUTS = {
    "text": lambda t: render_text(t),
    "diplomatic": lambda t: render_text(t, mode="diplomatic"),
    "html": lambda t: render_html(t, cites={}),
    "print": lambda t: render_print_html(t, accessed="2026-01-01"),
    "cite": lambda t: cite.cite_many(t, accessed="2026-01-01"),
    "docinfo": lambda t: site.doc_info(t, "doc"),
}


def doubled(tree: etree._ElementTree, scope: str) -> etree._ElementTree:
    """A copy of the document in which every element under each `scope` has a twin."""
    root = copy.deepcopy(tree.getroot())
    n = itertools.count()
    for top in list(root.iter(f"{T}{scope}")):
        for e in reversed([e for e in top.iter() if isinstance(e.tag, str) and e is not top]):
            twin = copy.deepcopy(e)
            for x in twin.iter():
                if isinstance(x.tag, str) and x.get(XML_ID):
                    x.set(XML_ID, f"{x.get(XML_ID)}-twin{next(n)}")
            e.addnext(twin)
    return etree.ElementTree(root)


@pytest.mark.parametrize("scope", ["teiHeader", "text", "standOff"])
@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_every_output_survives_repeated_elements(path, scope):
    source = xmlio.parse(path)
    # doubling every element doubles each level again: bounded to documents of modest depth
    if len(source.getroot().xpath(f"//*[local-name() = '{scope}']//*")) > 600:
        pytest.skip(f"{scope} too large to double every element (the suite's time)")
    tree = doubled(source, scope)
    if sum(1 for _ in tree.iter()) > 1500:  # each level doubles again: 2^depth
        pytest.skip(f"{scope} too deep to double every element (the suite's time)")
    for name, make in OUTPUTS.items():
        try:
            make(tree)
        except Exception as exc:  # noqa: BLE001 - the failure names the output
            pytest.fail(f"{name} output failed with every {scope} element doubled: {exc}")


TWO_RESP = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title xml:lang="de">Ein Brief</title><title xml:lang="en">A letter</title>
<respStmt><resp>Transkription</resp><resp>translation into English</resp>
<persName>Anna Muster</persName></respStmt></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>
<profileDesc><langUsage><language ident="de">Deutsch</language></langUsage>
<langUsage><language ident="de">German</language></langUsage></profileDesc></teiHeader>
<text xml:lang="de"><body><p>Lieber Freund</p></body></text></TEI>"""


def test_two_resp_in_one_respstmt_and_a_title_in_two_languages():
    tree = xmlio.parse_bytes(TWO_RESP.encode())
    page = render_html(tree, cites={})
    assert "Translator" in page and "Anna Muster" in page
    assert "<h1>Ein Brief</h1>" in page
    assert render_text(tree).startswith("Ein Brief\n")
