"""The secure parser: no external entities, no network, bombs refused, atomic writes."""

import time

import pytest

from toolkit import xmlio
from toolkit.errors import NotWellFormed, UnsafeXML

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY l1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY l2 "&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;">
 <!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;">
 <!ENTITY l4 "&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;">
 <!ENTITY l5 "&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;">
 <!ENTITY l6 "&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;">
 <!ENTITY l7 "&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;">
 <!ENTITY l8 "&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;">
 <!ENTITY l9 "&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;">
]>
<lolz>&l9;</lolz>"""


def test_entity_bomb_is_refused_quickly():
    t = time.perf_counter()
    with pytest.raises(UnsafeXML) as info:
        xmlio.parse_bytes(BOMB, "bomb.xml")
    assert time.perf_counter() - t < 2
    assert "amplification" in info.value.message


def test_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doc = (f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n<r>&x;</r>').encode()
    try:
        tree = xmlio.parse_bytes(doc, "xxe.xml")
    except NotWellFormed as exc:
        assert exc.line == 2 and "external" in exc.message
    else:
        from lxml import etree

        assert b"TOP-SECRET" not in etree.tostring(tree)


def test_internal_entities_are_expanded():
    tree = xmlio.parse_bytes(b'<!DOCTYPE r [<!ENTITY me "Mao">]><r>&me;</r>')
    assert tree.getroot().text == "Mao"


def test_not_well_formed_has_location():
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse_bytes(b"<a>\n<b>\n</a>", "x.xml")
    e = info.value
    assert (e.file, e.line) == ("x.xml", 3) and e.column > 0
    assert str(e).startswith("x.xml:3:")


def test_network_xinclude_is_refused(tmp_path):
    f = tmp_path / "x.xml"
    f.write_text('<r xmlns:xi="http://www.w3.org/2001/XInclude">\n'
                 '<xi:include href="http://example.org/a.xml"/></r>')
    with pytest.raises(NotWellFormed, match="non-local") as info:
        xmlio.parse(f)
    assert (info.value.file, info.value.line) == (str(f), 2)


def test_network_xinclude_with_fallback_uses_it_and_never_fetches(tmp_path, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    f = tmp_path / "x.xml"
    f.write_text('<r xmlns:xi="http://www.w3.org/2001/XInclude">before '
                 '<xi:include href="https://example.org/a.xml"><xi:fallback>fb <b>bold</b> '
                 'end</xi:fallback></xi:include> after</r>')
    notes = []
    root = xmlio.parse(f, notes=notes).getroot()
    from lxml import etree

    assert etree.tostring(root, encoding="unicode").endswith(
        ">before fb <b>bold</b> end after</r>")
    (note,) = notes
    assert note.severity == "warning" and note.rule == "xinclude" and note.line == 1
    assert "https://example.org/a.xml" in note.message


def test_fallback_of_text_only_and_first_child(tmp_path):
    f = tmp_path / "x.xml"
    f.write_text('<r xmlns:xi="http://www.w3.org/2001/XInclude"><a/>'
                 '<xi:include href="http://example.org/a.xml"><xi:fallback>only text'
                 '</xi:fallback></xi:include>tail<xi:include href="ftp://x/y">'
                 '<xi:fallback/></xi:include>!</r>')
    root = xmlio.parse(f).getroot()
    assert [c.tag for c in root] == ["a"] and root[0].tail == "only texttail!"


def test_duplicate_and_malformed_ids_are_read_with_notes():
    notes = []
    tree = xmlio.parse_bytes(b'<r>\n<a xml:id="x"/>\n<b xml:id="x"/>\n<c xml:id="1c"/></r>',
                             "ids.xml", notes=notes)
    assert [c.tag for c in tree.getroot()] == ["a", "b", "c"]
    assert [(n.line, n.rule, n.severity) for n in notes] == [(3, "xml:id", "error"),
                                                            (4, "xml:id", "error")]
    assert notes[0].message == 'duplicate xml:id "x" (first defined on line 2)'
    assert notes[1].message == ('value of attribute "xml:id" is invalid; must be an XML '
                                'name without colons')


def test_empty_id_is_one_problem_not_two():
    notes = []
    xmlio.parse_bytes(b'<r><a xml:id=""/></r>', "ids.xml", notes=notes)
    assert len(notes) == 1 and "must be an XML name without colons" in notes[0].message


def test_id_error_with_another_error_stays_not_well_formed():
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse_bytes(b'<r><a xml:id="x"/><b xml:id="x"/><c></r>', "bad.xml")
    assert "ID" not in info.value.message


def test_local_xinclude_is_resolved(tmp_path):
    (tmp_path / "part.xml").write_text("<p>included text</p>")
    f = tmp_path / "main.xml"
    f.write_text('<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="part.xml"/></r>')
    assert xmlio.parse(f).getroot()[0].text == "included text"


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with xmlio.atomic_output(target, "w") as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("text,says", [
    ("<a><b></a>", 'element "b" (line 1) is not closed: expected the end-tag "</b>" before "</a>"'),
    ("<a>\n<b>", 'the document ends inside element "b" (line 2): expected its end-tag "</b>"'),
    ("<a>x & y</a>", 'write "&amp;" for an ampersand'),
    ("<a>1 < 2</a>", 'write "&lt;" for a less-than sign'),
    ("<a/><b/>", "a document has exactly one root element"),
    ("<a x></a>", 'attribute "x" has no value'),
    ("<a x='1' x='2'/>", 'attribute "x" is given twice'),
])
def test_parse_errors_say_what_to_write(text, says):
    """libxml2's terse wording is rephrased: what is wrong and what is expected (as
    jing's parser, Xerces, does: "must be terminated by the matching end-tag")."""
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse_bytes(text.encode())
    assert says in info.value.message
