"""toolkit.validate.odd on small ODDs: element selection, closed lists, refusal to widen."""

from __future__ import annotations

import pytest
from lxml import etree

from toolkit.validate import odd
from toolkit.xmlio import parse_bytes

pytestmark = pytest.mark.usefixtures("tei_all")

MINIMAL = ("TEI teiHeader fileDesc titleStmt title publicationStmt sourceDesc p text body "
           "note hi")


def _odd(tmp_path, specs: str = "", include: str = MINIMAL) -> str:
    path = tmp_path / "t.odd"
    path.write_text(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"><teiHeader><fileDesc>
  <titleStmt><title>t</title></titleStmt><publicationStmt><p/></publicationStmt>
  <sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>
  <schemaSpec ident="t" start="TEI"><moduleRef key="tei"/>
  <moduleRef key="core" include="{include}"/>{specs}</schemaSpec></body></text></TEI>""",
                    encoding="utf-8")
    return str(path)


def _doc(body: str) -> etree._ElementTree:
    return parse_bytes(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
  <titleStmt><title>d</title></titleStmt><publicationStmt><p>p</p></publicationStmt>
  <sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text>
  </TEI>""".encode())


def _grammar(path: str) -> etree.RelaxNG:
    rng, _ = odd.compile_odd(path)
    return etree.RelaxNG(rng)


def test_kept_elements_valid_others_refused(tmp_path):
    g = _grammar(_odd(tmp_path))
    assert g.validate(_doc("<p>a <hi>b</hi> <note type='x'>c</note></p>"))
    assert not g.validate(_doc("<p>a <persName>b</persName></p>"))


def test_element_spec_delete_removes_element(tmp_path):
    g = _grammar(_odd(tmp_path, '<elementSpec ident="hi" mode="delete"/>'))
    assert g.validate(_doc("<p>a</p>"))
    assert not g.validate(_doc("<p><hi>b</hi></p>"))


CLOSED_NOTE = ('<elementSpec ident="note" mode="change"><attList><attDef ident="type" '
               'mode="change"><valList type="closed"><valItem ident="a"/><valItem ident="b"/>'
               '</valList></attDef></attList></elementSpec>')


def test_closed_list_on_element_narrows_that_element_only(tmp_path):
    g = _grammar(_odd(tmp_path, CLOSED_NOTE, MINIMAL + " div"))
    assert g.validate(_doc("<p><note type='a'>x</note></p>"))
    assert not g.validate(_doc("<p><note type='c'>x</note></p>"))
    # div shares att.typed with note but keeps its open @type
    assert g.validate(_doc("<div type='c'><p>x</p></div>"))


def test_closed_list_on_class(tmp_path):
    spec = ('<classSpec ident="att.global.responsibility" type="atts" mode="change"><attList>'
            '<attDef ident="resp" mode="change"><valList type="closed"><valItem ident="#me"/>'
            '</valList></attDef></attList></classSpec>')
    g = _grammar(_odd(tmp_path, spec))
    assert g.validate(_doc("<p><hi resp='#me'>x</hi></p>"))
    assert not g.validate(_doc("<p><hi resp='#you'>x</hi></p>"))


def test_value_outside_datatype_is_refused(tmp_path):
    spec = CLOSED_NOTE.replace('ident="b"', 'ident="two words"')
    with pytest.raises(odd.OddError, match="would widen tei_all: two words"):
        odd.compile_odd(_odd(tmp_path, spec))


def test_attribute_tei_does_not_have_is_refused(tmp_path):
    spec = CLOSED_NOTE.replace('attDef ident="type"', 'attDef ident="colour"')
    with pytest.raises(odd.OddError, match="note has no attribute colour"):
        odd.compile_odd(_odd(tmp_path, spec))


def test_unknown_element_is_refused(tmp_path):
    with pytest.raises(odd.OddError, match="not TEI elements.*blink"):
        odd.compile_odd(_odd(tmp_path, include=MINIMAL + " blink"))


def test_required_element_removed_leaves_no_document(tmp_path):
    with pytest.raises(odd.OddError, match="start is notAllowed"):
        odd.compile_odd(_odd(tmp_path, include=MINIMAL.replace("titleStmt ", "")))


def test_schematron_extracted_as_iso_patterns(tmp_path):
    spec = ('<constraintSpec ident="r1" scheme="schematron"><constraint>'
            '<sch:rule context="tei:p"><sch:assert id="a1" test="true()">m</sch:assert>'
            '</sch:rule></constraint></constraintSpec>')
    _, sch = odd.compile_odd(_odd(tmp_path, spec))
    root = sch.getroot()
    assert root.get("queryBinding") == "xslt3"
    ns = {"sch": odd.SCH_NS}
    assert root.xpath("sch:ns[@prefix='tei']/@uri", namespaces=ns) == [odd.T[1:-1]]
    assert root.xpath("sch:pattern[@id='pattern-r1']/sch:rule/sch:assert/@id",
                      namespaces=ns) == ["a1"]


def test_cli_reports_odd_error_with_location(tmp_path):
    from click.testing import CliRunner

    from toolkit.cli import cli

    spec = CLOSED_NOTE.replace('ident="b"', 'ident="two words"')
    path = _odd(tmp_path, spec)
    result = CliRunner().invoke(cli, ["odd", "compile", path])
    assert result.exit_code == 1
    assert f"{path}:6:" in result.output  # the attDef's line
    assert "would widen tei_all" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "t.rng").exists()


def test_committed_grammar_allows_every_documented_sign():
    """gap and unclear are defined sign kinds, unused in the telegram: still allowed."""
    from toolkit.validate import schemas as registry

    from ..conftest import TELEGRAM

    grammar = etree.RelaxNG(parse_bytes(registry.PROJECT_RNG.read_bytes()))
    text = TELEGRAM.read_text(encoding="utf-8")
    assert grammar.validate(parse_bytes(text.encode())), grammar.error_log
    para = 'Please inform me of your decision.'
    assert text.count(para) == 1
    signs = text.replace(para, 'Please <unclear>inform</unclear> me <gap reason="illegible"/>.')
    assert grammar.validate(parse_bytes(signs.encode())), grammar.error_log
    hi = text.replace(para, "Please <hi>inform</hi> me of your decision.")
    assert not grammar.validate(parse_bytes(hi.encode()))
