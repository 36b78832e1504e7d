"""xml-model PIs: parsing, TEI address mapping, relative hrefs, no network ever."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from toolkit.validate import models
from toolkit.xmlio import parse_bytes

TEI_ALL = Path("/installed/tei_all.rng")


@pytest.mark.parametrize("href", [
    "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
    "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
    "https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
    "https://www.tei-c.org/Vault/P5/4.3.0/xml/tei/custom/schema/relaxng/tei_all.rng",
    "http://www.tei-c.org/Vault/P5/current/xml/tei/custom/schema/relaxng/tei_all.rng",
])
def test_tei_all_addresses_map_to_the_installed_file(href):
    assert models.resolve_href(href, None, TEI_ALL) == (TEI_ALL, None)


@pytest.mark.parametrize("href", [
    "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_lite.rng",
    "https://example.org/schemas/custom.rng",
    "ftp://example.org/x.sch",
])
def test_other_remote_schemas_are_not_fetched(href):
    path, reason = models.resolve_href(href, None, TEI_ALL)
    assert path is None and "was not fetched" in reason


def test_relative_href_resolved_against_the_document(tmp_path):
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "x.rng").write_text("<grammar/>")
    (tmp_path / "tei").mkdir()
    doc = tmp_path / "tei" / "d.xml"
    path, reason = models.resolve_href("../schemas/x.rng", doc, None)
    assert reason is None and path == (tmp_path / "schemas" / "x.rng").resolve()


def test_pis_parsed_in_order_with_kinds():
    tree = parse_bytes(b"""<?xml version="1.0"?>
<?xml-model href="a.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href='a.rng' type="application/xml"
    schematypens="http://purl.oclc.org/dsdl/schematron" phase="strict"?>
<?xml-model href="b.xsd"?>
<?other href="c.rng"?>
<TEI/>""")
    found = models.models(tree)
    # libxml2 gives a processing instruction the line where it ends
    assert [(m.href, m.kind, m.line, m.phase) for m in found] == [
        ("a.rng", "relaxng", 2, "#DEFAULT"), ("a.rng", "schematron", 4, "strict"),
        ("b.xsd", "xsd", 5, "#DEFAULT")]


def test_unknown_remote_schema_warns_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("teikit tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    tree = parse_bytes(b'<?xml-model href="http://example.org/s.rng" '
                       b'schematypens="http://relaxng.org/ns/structure/1.0"?>\n<TEI/>')
    schemas, warnings = models.resolve(tree, "d.xml", TEI_ALL)
    assert schemas == []
    assert [(w.line, w.severity) for w in warnings] == [(1, "warning")]
    assert "http://example.org/s.rng was not fetched" in warnings[0].message


def test_warnings_name_the_kind_of_schema_not_fetched():
    """Projects declare one address twice, as RELAX NG and as Schematron: the two
    warnings must not read the same."""
    tree = parse_bytes(b'<?xml-model href="http://example.org/s.rng" '
                       b'schematypens="http://relaxng.org/ns/structure/1.0"?>'
                       b'<?xml-model href="http://example.org/s.rng" '
                       b'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n<TEI/>')
    _, warnings = models.resolve(tree, "d.xml", TEI_ALL)
    assert [w.message.split(" http")[0] for w in warnings] == ["RELAX NG schema",
                                                               "Schematron schema"]
