"""The RELAX NG engine: grammar reduction/simplification, verdicts, messages.

Fixture grammars live in fixtures/relaxng/grammars; each fixture document
fixtures/relaxng/docs/<grammar>.<valid|invalid>-<case>.xml is validated against
<grammar>.rng, both with the per-document reduced grammar and with the whole
grammar compiled by libxml2; the verdicts must agree with each other and with the
file name. Messages on the corpus invalid/ files are compared with golden files
(regenerate with TEIKIT_REGEN=1 and review the diff).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import CORPUS, corpus_files
from toolkit import xmlio
from toolkit.validate import rng, schemas
from toolkit.validate.relaxng import compile_schema, validate_tree

HERE = Path(__file__).parent / "fixtures" / "relaxng"
GRAMMARS = HERE / "grammars"
DOCS = sorted((HERE / "docs").glob("*.xml"))
GOLDEN = HERE / "golden"
REGEN = os.environ.get("TEIKIT_REGEN") == "1"


def _names(*local: str, ns: str = "") -> frozenset:
    return frozenset((ns, n) for n in local)


def _reduced(grammar: str, *names: str) -> etree._Element:
    text = rng.load_schema(GRAMMARS / grammar).reduced_text(_names(*names))
    assert text is not None
    return etree.fromstring(text)


def _kinds(tree: etree._Element) -> set[str]:
    return {etree.QName(e).localname for e in tree.iter(etree.Element)}


def _defines(tree: etree._Element) -> set[str]:
    return {d.get("name") for d in tree.iter(f"{{{rng.RNG_NS}}}define")}


# ------------------------------------------------------------------ simplification


def test_absent_elements_in_choice_are_removed():
    red = _reduced("seq.rng", "root", "a", "b", "f")
    assert _defines(red) == {"root", "a", "b", "f"}  # c, d, e, g, unused dropped
    assert "notAllowed" not in _kinds(red)  # also the grammar's own notAllowed in a choice


def test_zero_or_more_of_nothing_becomes_empty():
    red = _reduced("seq.rng", "root", "a", "b", "f")
    root = next(d for d in red.iter(f"{{{rng.RNG_NS}}}define") if d.get("name") == "root")
    assert root.find(f".//{{{rng.RNG_NS}}}zeroOrMore") is None
    assert root.find(f".//{{{rng.RNG_NS}}}optional") is None


def test_required_absent_element_becomes_a_stub_not_a_collapse():
    # a is required in root's group: without a stub, notAllowed would propagate to start.
    red = _reduced("seq.rng", "root", "b", "f")
    stubs = [e for e in red.iter(f"{{{rng.RNG_NS}}}element")
             if e.findtext(f"{{{rng.RNG_NS}}}name") == "a"]
    assert len(stubs) == 1 and stubs[0].find(f"{{{rng.RNG_NS}}}empty") is not None
    assert "a" not in _defines(red)


def test_notallowed_propagates_when_no_stub_is_possible():
    g = rng.load_schema(GRAMMARS / "seq.rng").grammar
    absent_all = rng.reduce_grammar(g, _names("zzz"))
    # no name of the document can start the grammar: stub for "root" only
    assert absent_all is not None and "notAllowed" not in absent_all
    seq = rng.Node("group", kids=[rng.Node("notAllowed"), rng.Node("text")])
    r = rng._Reducer(g, _names("root"), set())
    assert r.simp(seq) is None  # notAllowed in a group makes the group notAllowed
    assert r.simp(rng.Node("choice", kids=[rng.Node("notAllowed"), rng.Node("text")])).kind \
        == "text"
    assert r.simp(rng.Node("oneOrMore", kids=[rng.Node("notAllowed")])) is None
    assert r.simp(rng.Node("optional", kids=[rng.Node("notAllowed")])).kind == "empty"


def test_wildcard_element_kept_only_for_foreign_names():
    s = rng.load_schema(GRAMMARS / "wild.rng")
    no_foreign = etree.fromstring(s.reduced_text(_names("root", "item", ns="urn:x")))
    assert "anyName" not in _kinds(no_foreign)
    foreign = _names("root", "item", ns="urn:x") | {("urn:m", "math")}
    assert "anyName" in _kinds(etree.fromstring(s.reduced_text(foreign)))


def _attribute_names(tree: etree._Element) -> set[str]:
    return {a.findtext(f"{{{rng.RNG_NS}}}name") or a[0].get("ns")
            for a in tree.iter(f"{{{rng.RNG_NS}}}attribute")}


def test_attributes_no_document_has_are_dropped_unless_required():
    s = rng.load_schema(GRAMMARS / "attrs.rng")
    els = _names("root", "item", "pick", "must")
    # every attribute kept without the document's attribute names
    assert _attribute_names(etree.fromstring(s.reduced_text(els))) == {
        "id", "rend", "n", "urn:ext", "from", "to", "key"}
    # optional ones the document lacks go; a choice keeps the alternatives it can match;
    # a required attribute stays even when absent (its element must still be reported)
    red = etree.fromstring(s.reduced_text(els, _names("n", "to")))
    assert _attribute_names(red) == {"n", "to", "key"}
    # a choice none of whose alternatives can match is left whole
    red = etree.fromstring(s.reduced_text(els, frozenset()))
    assert _attribute_names(red) == {"from", "to", "key"}
    # defines left empty are not referred to any more
    assert "global" not in _defines(red)


def test_groups_of_attributes_become_interleaves():
    """Same language (attributes have no order); libxml2 takes exponential time on a
    group of optional attributes an element carries many of."""
    s = rng.load_schema(GRAMMARS / "attrs.rng")
    red = etree.fromstring(s.reduced_text(_names("root", "item"), _names("id", "rend", "n")))
    (body,) = [d for d in red if d.get("name") == "global"][0]
    assert etree.QName(body).localname == "interleave"
    assert {etree.QName(k).localname for k in body} == {"optional"}
    # a group holding an element or text stays a group
    (item,) = [d for d in red if d.get("name") == "item"]
    assert etree.QName(item[0][1]).localname == "group"


@pytest.mark.skipif(schemas.tei_all(required=False) is None, reason="tei_all not installed")
def test_an_element_with_twenty_attributes_is_judged():
    """Twenty of TEI's global attributes on one p (minutes for libxml2 before)."""
    attrs = ('rend="x" style="x" rendition="#a" corresp="#a" synch="#a" sameAs="#a" '
             'copyOf="#a" next="#a" prev="#a" exclude="#a" select="#a" ana="#a" '
             'facs="#a" source="#a" n="1" xml:base="a.xml" xml:space="preserve" '
             'xml:lang="en" resp="#a" cert="{}"')
    doc = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
           '<title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt>'
           '<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader><text><body>'
           '<p ' + attrs + '>A</p></body></text></TEI>')
    rng_path = schemas.tei_all()
    ok = etree.fromstring(doc.replace("{}", "high").encode()).getroottree()
    assert validate_tree(ok, rng_path, "t.xml", [doc]) == []
    bad = etree.fromstring(doc.replace("{}", "sure").encode()).getroottree()
    (issue,) = validate_tree(bad, rng_path, "t.xml", [doc])
    assert 'value of attribute "cert" is invalid' in issue.message


def test_index_of_defines_and_elements():
    g = rng.load_schema(GRAMMARS / "seq.rng").grammar
    assert g.define_elements["b"] == [("", "b")]
    assert g.element_defines[("", "unused")] == ["unused"]


def test_external_ref_falls_back_to_full_compilation():
    s = rng.load_schema(GRAMMARS / "external.rng")
    assert not s.reducible and "externalRef" in (s.reason or "")


def test_compiled_grammars_are_cached_per_name_set():
    s = compile_schema(GRAMMARS / "seq.rng")
    names = _names("root", "a", "b", "f")
    assert s.for_names(names) is s.for_names(frozenset(names))
    # a grammar kept for a superset of the names serves a subset; attribute-reduced
    # grammars serve only documents whose attributes they kept
    attrs = _names("type")
    assert s.for_names(_names("root", "a"), attrs) is s.for_names(names)
    s2 = compile_schema(GRAMMARS / "attrs.rng")
    some = s2.for_names(_names("root", "item"), _names("n", "rend"))
    assert s2.for_names(_names("root"), _names("n")) is some
    assert s2.for_names(_names("root"), _names("id")) is not some
    assert compile_schema(GRAMMARS / "seq.rng") is s


# ------------------------------------------------------------------------ verdicts


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_verdict_matches_full_grammar_and_fixture_name(doc: Path):
    grammar = GRAMMARS / (doc.name.split(".")[0] + ".rng")
    tree = xmlio.parse(doc)
    full = etree.RelaxNG(xmlio.parse(grammar, xinclude=False)).validate(tree)
    issues = validate_tree(tree, grammar, str(doc))
    expected_valid = ".valid" in doc.name
    assert full == expected_valid, "fixture name disagrees with libxml2 on the whole grammar"
    assert (not issues) == expected_valid, [i.format() for i in issues]
    for issue in issues:
        assert issue.line >= 1 and issue.column >= 1 and issue.source == "relaxng"


def test_messages_on_small_grammar():
    doc = HERE / "docs" / "seq.invalid-missing-a.xml"
    msgs = [i.message for i in validate_tree(xmlio.parse(doc), GRAMMARS / "seq.rng", str(doc))]
    assert 'element "b" not allowed yet; missing required element "a"' in msgs, msgs  # jing's
    doc = HERE / "docs" / "seq.invalid-value.xml"
    msgs = [i.message for i in validate_tree(xmlio.parse(doc), GRAMMARS / "seq.rng", str(doc))]
    assert msgs == ['value of attribute "type" is invalid; must be equal to "x" or "y"']
    doc = HERE / "docs" / "seq.invalid-missing-attribute.xml"
    msgs = [i.message for i in validate_tree(xmlio.parse(doc), GRAMMARS / "seq.rng", str(doc))]
    assert msgs == ['element "d" missing required attribute "when"']
    doc = HERE / "docs" / "seq.invalid-date.xml"
    msgs = [i.message for i in validate_tree(xmlio.parse(doc), GRAMMARS / "seq.rng", str(doc))]
    assert msgs == ['value of attribute "when" is invalid; must be a valid date']


def test_column_points_at_start_tag(tmp_path: Path):
    doc = tmp_path / "d.xml"
    doc.write_text('<root>\n  <a/>   <b><f/></b>  <zzz/></root>\n')
    issues = validate_tree(xmlio.parse(doc), GRAMMARS / "seq.rng", str(doc))
    zzz = [i for i in issues if '"zzz"' in i.message]
    assert [(i.line, i.column) for i in zzz] == [(2, 23)]  # 1-based, at "<"
    assert "not allowed anywhere" in zzz[0].message


# -------------------------------------------------------------------- on tei_all

TEI_ALL = schemas.tei_all(required=False)
needs_tei_all = pytest.mark.skipif(TEI_ALL is None, reason="tei_all.rng not installed "
                                   "(run: teikit schemas install)")


@needs_tei_all
@pytest.mark.parametrize("doc", corpus_files("invalid"), ids=lambda p: p.name)
def test_invalid_corpus_messages_golden(doc: Path):
    issues = validate_tree(xmlio.parse(doc), TEI_ALL, str(doc))
    assert issues, "an invalid/ file must have at least one issue"
    text = "".join(f"{i.line}:{i.column}: {i.message}\n" for i in issues)
    golden = GOLDEN / (doc.stem + ".txt")
    if REGEN or not golden.exists():
        if not REGEN:
            pytest.fail(f"golden file {golden} missing; run with TEIKIT_REGEN=1 and review it")
        xmlio.write_atomic(golden, text)
    assert text == golden.read_text(encoding="utf-8")


@needs_tei_all
def test_valid_corpus_document_has_no_issue(corpus: Path):
    doc = corpus / "teic-tei__testall.xml"
    assert validate_tree(xmlio.parse(doc), TEI_ALL, str(doc)) == []


@needs_tei_all
def test_tei_all_reduces_to_a_small_grammar(corpus: Path):
    tree = xmlio.parse(corpus / "frushist__1957-03-21-kennan-to-leopold.xml")
    s = compile_schema(TEI_ALL)
    text = s.reduced_text(rng.document_names(tree))
    assert s.reducible and text is not None
    assert len(text) < 0.1 * TEI_ALL.stat().st_size
    assert "notAllowed" not in text


@needs_tei_all
def test_expected_messages_on_tei_all(corpus: Path):
    doc = CORPUS / "invalid" / "inv01_missing-titleStmt.xml"
    issues = validate_tree(xmlio.parse(doc), TEI_ALL, str(doc))
    assert any(i.line == 7 and 'missing required element "titleStmt"' in i.message
               for i in issues), [i.format() for i in issues]
    doc = CORPUS / "invalid" / "inv08_misspelled-attribute.xml"
    (issue,) = validate_tree(xmlio.parse(doc), TEI_ALL, str(doc))
    assert issue.message.startswith('attribute "levl" not allowed here; expected attribute')
    assert '"level"' in issue.message
