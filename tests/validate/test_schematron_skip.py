"""The compiled Schematron skips patterns whose rule contexts name no element of the
document (a speed-up that must never change a verdict)."""

import pytest

from toolkit import xmlio
from toolkit.validate import schematron

SCHEMA = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <ns prefix="t" uri="urn:t"/>
  <pattern id="union"><rule context="t:a | t:b/@c">
    <report test="true()">union fired on <name/></report></rule></pattern>
  <pattern id="path"><rule context="t:x//t:y[t:z]">
    <report test="true()">path fired</report></rule></pattern>
  <pattern id="wild"><rule context="t:*[@w]">
    <report test="true()">wildcard fired</report></rule></pattern>
  <pattern id="var"><let name="n" value="'q'"/><rule context="*[local-name() = $n]">
    <report test="true()">variable fired</report></rule></pattern>
</schema>"""

CASES = [
    ("<r xmlns='urn:t'><a/></r>", {"union fired on a"}),
    ("<r xmlns='urn:t'><b c='1'/></r>", {"union fired on c"}),
    ("<r xmlns='urn:t'><x><y><z/></y></x></r>", {"path fired"}),
    ("<r xmlns='urn:t'><y><z/></y></r>", set()),
    ("<r xmlns='urn:t'><k w='1'/></r>", {"wildcard fired"}),
    ("<r xmlns='urn:t'><q/></r>", {"variable fired"}),
    ("<r xmlns='urn:t'><k/></r>", set()),
]


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    p = tmp_path_factory.mktemp("sch") / "skip.sch"
    p.write_text(SCHEMA)
    return p


@pytest.mark.parametrize("doc,expected", CASES)
def test_patterns_fire_exactly_where_they_can(schema, doc, expected):
    tree = xmlio.parse_bytes(doc.encode())
    got = {i.message for i in schematron.validate_tree(tree, schema)}
    assert got == expected


def test_named_patterns_are_guarded_and_others_are_not(schema):
    compiled = schematron.compile_schema(schema).read_text()
    assert compiled.count("$tkv:names = (") == 2  # union and path; wildcard, variable not
    assert '&#34;a&#34;, &#34;b&#34;' in compiled and '(&#34;y&#34;)' in compiled
