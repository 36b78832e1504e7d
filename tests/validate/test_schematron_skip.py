"""The compiled Schematron visits only the nodes a pattern's rules can match: patterns
whose rule contexts end in element names (or wildcards with an attribute condition) look
their candidates up by key; the others are traversed, and skipped when their rules name
no element of the document (speed-ups that must never change a verdict)."""

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
  <pattern id="either"><rule context="t:*[@e or @f]">
    <report test="true()">either fired on <name/></report></rule></pattern>
  <pattern id="first"><rule context="t:m[@g]"><report test="true()">first rule</report></rule>
    <rule context="t:*[@g and . = '']"><report test="true()">second rule</report></rule></pattern>
  <pattern id="nested"><rule context="t:n">
    <report test="true()">nested <value-of select="count(ancestor::t:n)"/></report>
  </rule></pattern>
  <pattern id="lang"><rule context="t:*[ @xml:lang ][not(self::t:r)]">
    <report test="true()">lang fired</report></rule></pattern>
</schema>"""

CASES = [
    ("<r xmlns='urn:t'><a/></r>", {"union fired on a"}),
    ("<r xmlns='urn:t'><b c='1'/></r>", {"union fired on c"}),
    ("<r xmlns='urn:t'><x><y><z/></y></x></r>", {"path fired"}),
    ("<r xmlns='urn:t'><y><z/></y></r>", set()),
    ("<r xmlns='urn:t'><k w='1'/></r>", {"wildcard fired"}),
    ("<r xmlns='urn:t'><q/></r>", {"variable fired"}),
    ("<r xmlns='urn:t'><k/></r>", set()),
    ("<r xmlns='urn:t'><a xmlns='urn:other'/><y xmlns='urn:other'><z/></y></r>", set()),
    ("<r xmlns='urn:t'><k f='1'/><k e='1'/></r>", {"either fired on k"}),
    ("<r xmlns='urn:t'><m g='1'/><k g=''/></r>", {"first rule", "second rule"}),
    ("<r xmlns='urn:t'><m g='1'/></r>", {"first rule"}),
    ("<r xmlns='urn:t'><n><n><n/></n></n></r>", {"nested 0", "nested 1", "nested 2"}),
    ("<r xmlns='urn:t' xml:lang='en'><k xml:lang='en'/></r>", {"lang fired"}),
    ("<r xmlns='urn:t' xml:lang='en'/>", set()),
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


def test_patterns_are_selected_guarded_or_traversed(schema):
    compiled = schematron.compile_schema(schema).read_text()
    # union (an attribute context): traversed, guarded by its element names
    assert compiled.count("$tkv:names = (") == 1
    assert '&#34;a&#34;, &#34;b&#34;' in compiled
    # path, nested, first (names); wild, lang (wildcard + attribute); first mixes both
    assert "key('tkv:el', ('y'))" in compiled and "key('tkv:el', ('n'))" in compiled
    assert "key('tkv:at', ('w'))" in compiled and "key('tkv:at', ('lang'))" in compiled
    assert "key('tkv:el', ('m')) | key('tkv:at', ('g'))" in compiled
    # var (a variable) and either (a disjunction) are traversed without a guard
    assert compiled.count('apply-templates select="key(') == 5
    assert compiled.count('on-no-match="deep-skip"') == 5
