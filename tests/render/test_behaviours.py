"""The element behaviour table (xslt/common/behaviours.xsl) covers every element of tei_all,
with behaviours of its own vocabulary, and decides by context where the name cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from toolkit.saxon import transform
from toolkit.validate import schemas

HERE = Path(__file__).parent
RNG = "{http://relaxng.org/ns/structure/1.0}"


def tei_all_elements() -> list[str]:
    """The local names of every element tei_all.rng defines in the TEI namespace."""
    path = schemas.tei_all(required=False)
    if path is None:
        pytest.skip("tei_all.rng is not installed (teikit schemas install)")
    grammar = etree.parse(str(path))
    names = {e.get("name") for e in grammar.iter(f"{RNG}element") if e.get("name")}
    names |= {n.text.strip() for n in grammar.iter(f"{RNG}name")
              if n.getparent().tag == f"{RNG}element" and n.text}
    return sorted(n.split(":")[-1] for n in names)


def table(names: list[str]) -> dict[str, str]:
    doc = etree.fromstring(b"<x/>").getroottree()
    out = transform(HERE / "behaviour_names.xsl", doc, params={"names": " ".join(names)}).text
    return dict(line.split(" ", 1) for line in out.splitlines() if line)


def vocabulary() -> set[str]:
    xsl = etree.parse(str(HERE.parents[1] / "xslt" / "common" / "behaviours.xsl"))
    var = xsl.find("{http://www.w3.org/1999/XSL/Transform}variable[@name='tk:behaviours']")
    return {t.strip("'() ,") for t in var.get("select").split(",")}


def test_every_tei_all_element_has_a_behaviour():
    names = tei_all_elements()
    assert len(names) > 500
    behaviours = table(names)
    missing = sorted(n for n, b in behaviours.items() if b == "-")
    assert missing == [], f"elements of tei_all with no behaviour: {missing}"


def test_behaviours_are_of_the_vocabulary():
    words = vocabulary()
    assert {"paragraph", "heading", "list", "note", "break", "omit"} <= words
    unknown = {b for b in table(tei_all_elements()).values()} - words
    assert unknown == set()


def test_a_name_missing_from_the_table_is_reported():
    assert table(["p", "notATeiElement"]) == {"p": "paragraph", "notATeiElement": "-"}
