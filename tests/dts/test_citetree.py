"""Citation trees: the XPath of citeStructure, identifiers, trees of hand-made documents."""

from __future__ import annotations

import pytest
from lxml import etree

from toolkit.serve.dts.citetree import citation_trees
from toolkit.serve.dts.xpath import XPathError, compile_xpath, tei_xpath
from toolkit.xmlio import parse_bytes


@pytest.mark.parametrize("expr,expected", [
    ("//body/div", "//tei:body/tei:div"),
    ("/TEI/text/body/div[@type='poem']", "/tei:TEI/tei:text/tei:body/tei:div[@type='poem']"),
    ("lg/l", "tei:lg/tei:l"),
    ("@n", "@n"),
    ("position()", "position()"),
    ("div[count(p) div 2 > 1]", "tei:div[count(tei:p) div 2 > 1]"),
    ("child::p | attribute::n", "child::tei:p | attribute::n"),
    ("tei:div/head", "tei:div/tei:head"),
    ("*[self::div or self::p]", "*[self::tei:div or self::tei:p]"),
    ("concat(@n, '.', 'p div q')", "concat(@n, '.', 'p div q')"),
    ("$x/p", "$x/tei:p"),
    ("$x and p", "$x and tei:p"),
    ("p[. = 'a'] | div * 2", "tei:p[. = 'a'] | tei:div * 2"),
])
def test_tei_xpath(expr, expected):
    assert tei_xpath(expr) == expected


def test_xpath_2_is_refused_clearly():
    with pytest.raises(XPathError, match="XPath 1.0"):
        compile_xpath("for $d in //div return $d")


def doc(body: str, header: str = "") -> etree._ElementTree:
    return parse_bytes(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>
      <fileDesc><titleStmt><title>t</title></titleStmt></fileDesc>{header}</teiHeader>
      <text>{body}</text></TEI>""".encode())


def ids(tree) -> list[str]:
    return [u.identifier for u in tree.units]


def test_default_tree_of_a_play():
    (t,) = citation_trees(doc("""<front><castList><castItem>A</castItem></castList></front>
      <body><div type="act" n="1"><head>Act I</head>
        <div type="scene" n="1"><sp><speaker>A</speaker><p>Hello.</p></sp>
          <stage>Exit.</stage><sp><speaker>B</speaker><l>Bye</l></sp></div>
        <div type="scene" n="2"><sp><p>Again.</p></sp></div></div></body>"""))
    assert ids(t) == ["front", "front.castList1", "1", "1.head1", "1.1", "1.1.sp1",
                      "1.1.stage1", "1.1.sp2", "1.2", "1.2.sp1"]
    assert [u.cite_type for u in t.units[2:5]] == ["act", "head", "scene"]
    assert t.units[2].dublin_core == {"title": ["Act I"]}
    assert t.identifier is None and not t.declared


def test_default_identifiers_fall_back_to_numbers():
    (t,) = citation_trees(doc("""<body><div n="1"><p n="a">x</p><p n="a">y</p></div>
      <div><p>z</p></div><div n="3.1"><p>w</p></div></body>"""))
    # a division without @n and a unsafe @n: numbers for all; duplicate @n: numbers
    assert ids(t) == ["1", "1.p1", "1.p2", "2", "2.p1", "3", "3.p1"]


def test_no_text_no_tree():
    assert citation_trees(doc("<body><p/><pb/></body>")) == []


def test_a_broken_declaration_falls_back_to_the_default():
    header = """<encodingDesc><refsDecl><citeStructure match="for $x in //div return $x"
      use="@n" unit="book"/></refsDecl></encodingDesc>"""
    (t,) = citation_trees(doc("<body><div><p>x</p></div></body>", header))
    assert not t.declared and ids(t) == ["1", "1.p1"]
    assert "XPath 1.0" in t.problems[0]


def test_identifiers_are_the_same_in_every_run():
    from tests.conftest import TELEGRAM
    from toolkit.xmlio import parse_tei

    runs = [[(t.identifier, ids(t)) for t in citation_trees(parse_tei(TELEGRAM))]
            for _ in range(2)]
    assert runs[0] == runs[1] and len(runs[0][0][1]) == 27
