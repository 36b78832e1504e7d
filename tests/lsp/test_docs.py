"""Documentation from an ODD, in the editor's language where the ODD has it."""

from __future__ import annotations

from pathlib import Path

from toolkit.lsp.docs import Documentation

ODD = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><schemaSpec ident="x">
<elementSpec ident="persName" mode="change">
  <gloss xml:lang="en">personal name</gloss><gloss xml:lang="de">Personenname</gloss>
  <desc xml:lang="en">a person's name.</desc><desc xml:lang="de">der Name einer Person.</desc>
  <attList><attDef ident="type" mode="change"><desc xml:lang="de">Art des Namens.</desc>
    <valList type="closed"><valItem ident="pseudonym"><desc xml:lang="de">ein Deckname</desc>
    <desc xml:lang="en">an assumed name</desc></valItem></valList></attDef></attList>
</elementSpec></schemaSpec></body></text></TEI>"""


def test_odd_documentation_in_the_editors_language(tmp_path: Path):
    odd = tmp_path / "x.odd"
    odd.write_text(ODD, encoding="utf-8")
    de = Documentation([odd], "de-AT")
    assert de.element("persName", "tei_all's text") == "(Personenname) der Name einer Person."
    assert de.attribute("persName", "type", None) == "Art des Namens."
    assert de.value("type", "pseudonym", None) == "ein Deckname"
    fr = Documentation([odd], "fr")  # no French: English
    assert fr.element("persName", None) == "(personal name) a person's name."
    assert fr.value("type", "pseudonym", None) == "an assumed name"
    # what the ODD does not document comes from the grammar (tei_all's a:documentation)
    assert fr.element("placeName", "tei_all's text") == "tei_all's text"
    assert fr.attribute("persName", "ref", "tei_all's ref") == "tei_all's ref"
