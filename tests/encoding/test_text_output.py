"""The plain-text rendering (xslt/text.xsl) of the telegram and of other TEI documents."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from .conftest import NS, ROOT, SHARED, TEI_FILE, render_text


def test_diplomatic_roundtrip(shared_dir, tmp_path):
    tool = shared_dir / "tools" / "seed_roundtrip.py"
    if not tool.is_file():
        pytest.skip(f"{tool} is absent")
    out = tmp_path / "diplomatic.txt"
    out.write_text(render_text("diplomatic"), encoding="utf-8")
    result = subprocess.run([sys.executable, str(tool), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_diplomatic_generates_source_brackets():
    text = render_text("diplomatic")
    for s in ("В[есьма] срочно", "[Translator's note: this is the GRU]", "полкат [в районе]",
              "Andong [Dandong]", "NOA [People's Liberation Army]", "[Рощина]", "Filippov [Stalin]",
              "Экз.N 1—тов.\u0043талину", "22,.7.1950,"):
        assert s in text, s


def test_reading_is_corrected_and_expanded():
    text = render_text("reading")
    assert "Весьма срочно" in text
    assert "два полка" in text
    body = text.split("Apparatus")[0]
    assert "полкат" not in body
    assert "aid and assistance" in text
    assert "\u0043талину" not in body
    # insertions distinguished by who made them: the source's editors' and the
    # translator's keep their square brackets, this edition's own are in angle brackets
    assert "два полка [в районе] Аньшаня" in body and "Примечание [Рощина]:" in body
    assert "Filippov [Stalin]" in text.splitlines()[0]
    assert "[then] by the end" in text and "retraining ⟨of⟩ the second" in text
    assert "Andong [Dandong]" in text and "⟨then⟩" not in text and "[of]" not in text
    # and the text says so at its end
    signs = text.split("\nSigns\n")[1]
    assert "⟨…⟩ Supplied: by this edition" in signs
    assert "[…] Supplied, " in signs and "by the source's editors or translator" in signs
    assert re.search(r"^\[1\] Translator's note: this is the GRU$", text, re.M)
    assert re.search(r"^\[\d+\] Editorial note: .*Xuzhou", text, re.M)


def test_reading_paragraphs_separated_by_blank_lines():
    text = render_text("reading")
    paras = text.split("\n\n")
    assert any(p.startswith("Мы, рассмотрев") for p in paras)
    assert any(p.startswith("Having considered") for p in paras)


def test_bad_mode_is_an_error():
    with pytest.raises(Exception, match="Unknown mode"):
        render_text("bogus")


def _words(s: str) -> set[str]:
    return {w for w in (re.sub(r"\W", "", t) for t in s.split()) if w}


CORPUS_SAMPLES = [
    "rusdracor__chekhov-jubilej.xml",
    "isicily__ISic000018.xml",
    "papyri__p.oxy.1.119.xml",
    "frushist__1957-03-21-kennan-to-leopold.xml",
    "perseus-lat__phi0959.phi003.perseus-lat2.xml",
]


@pytest.mark.parametrize("mode", ["diplomatic", "reading"])
@pytest.mark.parametrize("name", CORPUS_SAMPLES)
def test_any_tei_keeps_every_word(shared_dir, name, mode):
    path: Path = shared_dir / "corpus" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    tree = etree.parse(str(path))
    # the readings of a choice are alternatives, not one word: keep them apart
    for alt in tree.xpath("//tei:choice/*", namespaces=NS):
        alt.tail = " " + (alt.tail or "")
        if alt.getprevious() is None:
            alt.addprevious(etree.Comment("x"))
            alt.getprevious().tail = " "
    # a line break inside a word (@break="no") joins the word's parts
    for br in tree.xpath("//tei:lb[@break='no'] | //tei:pb[@break='no'] | //tei:cb[@break='no']",
                         namespaces=NS):
        prev = br.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "").rstrip()
        else:
            br.getparent().text = (br.getparent().text or "").rstrip()
        br.tail = (br.tail or "").lstrip()
    units = tree.xpath("//tei:text[not(ancestor::tei:text)]", namespaces=NS)
    want = _words(" ".join("".join(u.itertext()) for u in units))
    out = render_text(mode, path)
    missing = want - _words(out)
    assert not missing, sorted(missing)[:20]
    header_only = tree.xpath("string(//tei:teiHeader//tei:publicationStmt)", namespaces=NS)
    source_chars = len("".join("".join(u.itertext()) for u in units))
    assert len(out) < source_chars * 3 + len(header_only) + 2000


SIGN_CHECK = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tk="urn:teikit:ns">
  <xsl:include href="{common}/functions.xsl"/>
  <xsl:include href="{common}/signs.xsl"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:variable name="candidates" select="tk:sign-candidates(.)"/>
    <xsl:value-of select="count(//*[exists(tk:sign-kind(.))]) || ' '
        || count(//*[exists(tk:sign-kind(.))] except $candidates)"/>
  </xsl:template>
</xsl:stylesheet>"""

SIGNS_DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>
  <choice><sic>a</sic><corr>b</corr></choice><choice><orig>c</orig><reg>d</reg></choice>
  <choice><abbr>e</abbr><expan>f<ex>g</ex></expan></choice><supplied>h</supplied>
  <supplied reason="attribution">i</supplied><gloss>j</gloss><note type="translator">k</note>
  <note type="editorial">l</note><note resp="#teikit">m</note><note>n</note>
  <bibl type="archival-ref">o</bibl><gap/><unclear>p</unclear><hi>q</hi><seg>r</seg>
</p></body></text></TEI>"""


def _signs_outside_candidates(xsl: Path, source: str) -> tuple[int, int]:
    saxonche = pytest.importorskip("saxonche")
    with saxonche.PySaxonProcessor(license=False) as proc:
        exe = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xsl))
        signs, missed = exe.transform_to_string(
            xdm_node=proc.parse_xml(xml_text=source)).split()
    return int(signs), int(missed)


def test_sign_candidates_cover_every_sign(tmp_path):
    """tk:sign-candidates (a fast preselection) must include every element tk:sign-kind
    gives a kind: on a document with every kind, the telegram and the corpus."""
    xsl = tmp_path / "check.xsl"
    xsl.write_text(SIGN_CHECK.replace("{common}", (ROOT / "xslt" / "common").as_uri()))
    assert _signs_outside_candidates(xsl, SIGNS_DOC) == (14, 0)
    signs, missed = _signs_outside_candidates(xsl, TEI_FILE.read_text(encoding="utf-8"))
    assert signs > 10 and missed == 0
    for f in sorted((SHARED / "corpus").glob("*.xml")):
        data = f.read_text(encoding="utf-8", errors="replace")
        if "<!DOCTYPE" in data or "xi:include" in data:
            continue
        assert _signs_outside_candidates(xsl, data)[1] == 0, f.name


def test_text_sign_rule_names_the_sign_candidates():
    """The plain text's sign rule lists element names (for speed); with choice and note,
    which have rules of their own, they must be exactly tk:sign-candidates' names."""
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    signs = etree.parse(str(ROOT / "xslt" / "common" / "signs.xsl"))
    select = next(f for f in signs.iter(f"{xsl}function")
                  if f.get("name") == "tk:sign-candidates").find(f"{xsl}sequence").get("select")
    candidates = set(re.findall(r"\w+", select.split("//", 1)[1]))
    rules = etree.parse(str(ROOT / "xslt" / "text" / "signs.xsl"))
    match = next(t.get("match") for t in rules.iter(f"{xsl}template")
                 if t.get("priority") == "5")
    names = set(re.findall(r"\w+", match.split("[", 1)[0]))
    assert names | {"choice", "note"} == candidates
