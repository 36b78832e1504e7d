"""Walk every citation tree of the telegram and of every corpus document, through the
endpoints: every unit's Document is well-formed TEI holding exactly that unit and some
text, and at every level the units, concatenated, hold every word of the text."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from tests.conftest import TELEGRAM, corpus_files
from tests.dts.conftest import FIXTURES, check
from toolkit.errors import TeikitError
from toolkit.serve.dts.api import DTS
from toolkit.serve.dts.citetree import iter_levels
from toolkit.serve.dts.library import Library
from toolkit.xmlio import parse_tei

TEI = "{http://www.tei-c.org/ns/1.0}"
WRAPPER = "{https://w3id.org/api/dts#}wrapper"
BASE = "http://127.0.0.1:1/dts"


def squeeze(text: str) -> str:
    """The characters of a text without its whitespace: what must be kept, in order."""
    return "".join(text.split())


def text_of(root: etree._Element) -> str:
    """Everything in the text of a document (or of each document of a teiCorpus)."""
    texts = [t for t in root.iter(f"{TEI}text") if t.getparent().tag == f"{TEI}TEI"]
    return "".join("".join(t.itertext()) for t in texts)


def call(dts: DTS, endpoint: str, query: str) -> tuple[int, bytes]:
    resp = dts.respond(endpoint, query, BASE)
    assert resp.status == 200, (endpoint, query, resp.body[:300])
    return resp.status, resp.body


def passage(dts: DTS, res: str, tree: str | None, ref: str) -> etree._Element:
    from urllib.parse import urlencode

    q = {"resource": res, "ref": ref, **({"tree": tree} if tree else {})}
    _s, body = call(dts, "document", urlencode(q))
    root = etree.fromstring(body)  # well-formed, or this raises
    assert root.tag == f"{TEI}TEI"
    (wrapper,) = root.findall(WRAPPER)
    return wrapper


def walk(path) -> int:
    """Walk every tree of one document; returns the number of units checked."""
    library = Library(path)
    (doc,) = library.documents.values()
    dts = DTS(library)
    res = doc.identifier
    whole = squeeze(text_of(doc.tree.getroot()))
    checked = 0
    for tree in doc.trees:
        tq = f"&tree={tree.identifier}" if tree.identifier else ""
        query: str | None = f"resource={res}{tq}&down=-1"
        members = []
        while query:  # every page, following the view's next
            _s, body = call(dts, "navigation", query)
            nav = check("navigation", json.loads(body))
            members += nav["member"]
            nxt = nav.get("view", {}).get("next")
            query = nxt.split("?", 1)[1] if nxt else None
        assert [m["identifier"] for m in members] == [u.identifier for u in tree.units]
        texts = {}
        for unit in tree.units:
            wrapper = passage(dts, res, tree.identifier, unit.identifier)
            got = squeeze("".join(wrapper.itertext()))
            assert got, f"{res} {unit.identifier}: an empty passage"
            if not unit.milestone:  # exactly the unit: its own text, nothing more
                assert got == squeeze("".join(unit.node.itertext())), unit.identifier
                copies = [e for e in wrapper.iter(unit.node.tag)
                          if dict(e.attrib) == dict(unit.node.attrib)
                          and squeeze("".join(e.itertext())) == got]
                assert copies, f"{unit.identifier}: the unit's element is not in the passage"
            texts[unit.identifier] = got
            checked += 1
        if tree.declared:
            continue  # a declared tree need not cover the whole text
        for depth, units in iter_levels(tree):
            joined = "".join(texts[u.identifier] for u in units)
            assert joined == whole, f"{res}: level {depth} loses or repeats text"
    return checked


def test_telegram():
    assert walk(TELEGRAM) == 27


def test_declared_trees_of_the_fixture():
    assert walk(FIXTURES / "poems.xml") == 8 + 2


@pytest.mark.slow
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_document(path):
    try:
        parse_tei(path)
    except TeikitError as exc:
        library = Library(path)  # not a Resource, and said why
        assert not library.documents
        assert [i.message for i in library.issues] == [exc.message]
        return
    walk(path)


def test_broken_documents_are_reported_not_served(corpus, tmp_path):
    """Malformed corpus variants are no Resources (and say why); invalid but well-formed
    ones are served like any other; no request about them is a 500."""
    import shutil

    for f in sorted((corpus / "malformed").glob("*.xml")):
        shutil.copy(f, tmp_path / f.name)
    for f in sorted((corpus / "invalid").glob("*.xml"))[:3]:
        shutil.copy(f, tmp_path / f.name)
    library = Library(tmp_path)
    malformed = {f.stem for f in (corpus / "malformed").glob("*.xml")}
    assert not malformed & set(library.documents)
    assert {i.file.rsplit("/", 1)[-1][:-4] for i in library.issues} >= malformed
    assert all(i.line >= 1 for i in library.issues)
    dts = DTS(library)
    for stem in sorted(malformed):
        resp = dts.respond("navigation", f"resource={stem}&down=1", BASE)
        assert resp.status == 404 and check("error", json.loads(resp.body))
    for doc in library.documents.values():
        assert dts.respond("navigation", f"resource={doc.identifier}&down=-1",
                           BASE).status == 200
