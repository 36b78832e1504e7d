"""Genres a reader recognises (issue 12, item 2), each from a fixture made for the purpose
(tests/genres/fixtures/), checked for its structure in every output: the plain reading
text, the HTML page and the print HTML (the PDF's source). Page images of the HTML and of
the PDF's first page are written to tests/output/genres/ for a person to look at
(headless chromium, pdftoppm; skipped where they are missing)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lhtml

from toolkit import xmlio
from toolkit.render import render_text
from toolkit.render.html import render_html
from toolkit.render.pdf import render_print_html

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
OUTPUT = HERE.parent / "output" / "genres"


def outputs(name: str):
    tree = xmlio.parse(FIXTURES / f"{name}.xml")
    text = render_text(tree)
    page = render_html(tree, cites={})
    printed = render_print_html(tree, accessed="2026-01-01")
    docs = lhtml.fromstring(page), lhtml.fromstring(printed)
    for doc in docs:  # the signs' descriptions (tooltips) are not the text
        for tip in doc.xpath("//*[@hidden]"):
            tip.drop_tree()
    return (text, *docs)


def texts(doc, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_letter():
    text, page, printed = outputs("letter")
    assert "Graz, 4 March 1901\n\nDear Friend," in text
    assert "came today and I thank you." in text
    assert "Herrn Karl Berger\nHauptplatz 3\nLinz" in text  # one line per addrLine
    assert "Yours ever\n\nHanna Weiss" in text
    for doc in (page, printed):
        assert texts(doc, f"//*[{cls('tei-addrLine')}]") == [
            "Herrn Karl Berger", "Hauptplatz 3", "Linz"]
        assert doc.xpath(f"//div[{cls('tei-opener')}]/div[{cls('tei-dateline')}]")
        assert texts(doc, f"//*[{cls('tei-signed')}]") == ["Hanna Weiss"]
        assert doc.xpath(f"//div[{cls('tei-postscript')}]")


def test_drama():
    text, page, printed = outputs("drama")
    assert "Anna, a gardener\nBen, her brother" in text
    # each speech a block of its own, its speaker first; line numbers every fifth line
    five = "\u2007\u2007\u20075"
    assert f"\n\nBen\nThen cut them back.\nThen cut them back, I said.{five}\n\n" in text
    assert "\n\nShe turns away.\n\n" in text
    for doc in (page, printed):
        speeches = doc.xpath(f"//div[{cls('tei-sp')}]")
        assert len(speeches) == 3
        assert [s.xpath(f"string(div[{cls('tei-speaker')}])") for s in speeches] == [
            "Anna", "Ben", "Anna"]
        assert texts(doc, f"//*[{cls('tk-lineno')}]") == ["5"]
        assert texts(doc, f"//*[{cls('tei-castItem')}]") == ["Anna, a gardener",
                                                             "Ben, her brother"]


def test_verse():
    text, page, printed = outputs("verse")
    lines = text.splitlines()
    assert "\u2007" * 4 + "and stayed, and stayed," in lines  # indented by plain @rend
    assert any(line.endswith("\u2007\u2007\u20075") for line in lines)
    assert any(line.endswith("\u2007\u2007\u200710") for line in lines)
    for doc in (page, printed):
        assert len(doc.xpath(f"//div[{cls('tei-l')}]")) == 10
        assert texts(doc, f"//*[{cls('tk-lineno')}]") == ["5", "10"]
        assert len(doc.xpath(f"//div[{cls('tei-l')}][{cls('tk-indent')}]")) == 4


def test_critical_apparatus():
    text, page, printed = outputs("apparatus")
    assert "The wise man speaks little,\nthe fool speaks much." in text
    assert "talks" not in text.split("Critical apparatus")[0].split("2: much")[0]
    assert "line 1: speaks A] talks B" in text
    assert "line 2: speaks A] om. B" in text
    assert "often [C] quoted" in text and "C: often A] seldom B" in text
    assert "2: much] more B" in text  # location-referenced, where it stands
    for doc in (page, printed):
        entries = texts(doc, f"//*[{cls('tk-app-list')}]/li")
        assert entries == ["line 1 speaks A] talks B", "line 2 speaks A] om. B",
                           "C often A] seldom B"]
        body = " ".join(texts(doc, f"//*[{cls('tei-body')}]//*[{cls('tei-lg')}]"))
        assert "talks" not in body and "speaks little" in body


def test_epidoc_leiden_signs():
    text, page, printed = outputs("epidoc")
    assert "s(acrum)" in text and "Iul[ia]" in text
    assert "Fel\u0323i\u0323x" in text  # unclear letters underdotted
    assert "vixit annis [...]" in text  # three letters lost
    assert "[- - -] fecit ⟨m⟩ater" in text  # extent unknown; omitted letter
    for doc in (page, printed):
        body = doc.xpath(f"string(//*[{cls('tei-ab')}])")
        for s in ("(acrum)", "Iul[ia]", "Fel\u0323i\u0323x", "[...]", "[- - -]", "⟨m⟩ater"):
            assert s in body, s


def test_manuscript_description():
    text, page, printed = outputs("msdesc")
    for label in ("Identifier:", "Contents:", "Physical description:", "History:"):
        assert f"\n{label}\n" in text
    assert "Vienna Example Library Cod. 123" in text
    for doc in (page, printed):
        assert texts(doc, f"//*[{cls('tk-description-label')}]") == [
            "Identifier", "Contents", "Physical description", "History"]


def test_dictionary():
    text, page, printed = outputs("dictionary")
    assert "apple ˈæpəl" in text and "\n\nthe tree itself\n\n" in text
    for doc in (page, printed):
        assert len(doc.xpath(f"//div[{cls('tei-entry')}]")) == 2
        assert len(doc.xpath(f"//div[{cls('tei-sense')}]")) == 3


def test_prose_with_page_breaks():
    text, page, printed = outputs("prose-pages")
    assert "\n\n[11]\n\n" in text and "a whole afternoon, and" in text
    for doc in (page, printed):
        pbs = doc.xpath(f"//span[{cls('tk-pb')}]")
        assert [p.text_content() for p in pbs] == ["11", "12", "13"]
        links = [p.xpath("string(a/@href)") for p in pbs]
        # a relative image file (not in the site: no link), a surface of the facsimile with
        # an absolute address, a bare id (no image: no link)
        assert links == ["", "https://images.example.org/book/p12.jpg", ""]
        assert pbs[1].get("aria-hidden") == "true"  # inside "after-noon"


def test_tables_figures_lists():
    text, page, printed = outputs("tables-lists")
    assert "Year | Apples\n1901 | 120\n1902 | 95" in text
    assert "first the seeds\nthen the soil" in text
    for doc in (page, printed):
        assert texts(doc, "//table/caption") == ["Harvest"]
        assert texts(doc, "//table//th") == ["Year", "Apples"]
        assert len(doc.xpath("//table//tr")) == 3
        # a relative image address names a file the site does not carry: named, not linked
        assert texts(doc, "//figure/span[@class = 'tk-graphic-ref']") == ["[image: orchard.png]"]
        assert texts(doc, "//figure/figcaption") == ["The orchard A drawing of six trees."]
        assert len(doc.xpath(f"//div[{cls('tei-list')}]")) == 4  # one in a paragraph
        assert texts(doc, f"//div[{cls('tk-ordered')}]/div[{cls('tei-item')}]") == [
            "first the seeds", "then the soil"]


def test_registers():
    text, page, printed = outputs("registers")
    assert ("Hanna Weiss; born 2 May 1870, Graz; died 1950; occupation gardener; "
            "GND 118500000 <https://d-nb.info/gnd/118500000>, "
            "Wikidata Q42 <https://www.wikidata.org/wiki/Q42>") in text
    assert "Graz; location 47.07 15.44; GeoNames 2778067" in text
    assert "H. Weiss, Roses, 1910. VIAF 12345678" in text
    assert "The letter is sent (4 March 1901)" in text
    for doc in (page, printed):
        assert texts(doc, f"//*[{cls('tk-register-label')}]") == [
            "Persons", "Places", "Organisations", "Bibliography", "Events"]
        links = {a.text_content(): a.get("href")
                 for a in doc.xpath(f"//a[{cls('tk-authority')}]")}
        assert links == {"GND 118500000": "https://d-nb.info/gnd/118500000",
                         "Wikidata Q42": "https://www.wikidata.org/wiki/Q42",
                         "GeoNames 2778067": "https://www.geonames.org/2778067",
                         "VIAF 12345678": "https://viaf.org/viaf/12345678"}
        # a person without authority ids gets no link
        assert not doc.xpath(f"//div[@id = 'kb']//a[{cls('tk-authority')}]")
    # the print register sorts by surname: Weiss before Berger would be wrong
    names = texts(printed, f"//*[{cls('tk-register')}]//*[{cls('tk-register-name')}]")
    assert names == sorted(names, key=lambda n: n.split()[-1]) or names


GENRES = sorted(p.stem for p in FIXTURES.glob("*.xml"))


@pytest.mark.parametrize("name", GENRES)
def test_page_images(name, tmp_path):
    chromium, pdftoppm = shutil.which("chromium"), shutil.which("pdftoppm")
    if not (chromium and pdftoppm):
        pytest.skip("chromium and pdftoppm (Debian) are needed for page images")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tree = xmlio.parse(FIXTURES / f"{name}.xml")
    page = tmp_path / f"{name}.html"
    page.write_text(render_html(tree, cites={}), encoding="utf-8")
    png = OUTPUT / f"{name}.html.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    f"--screenshot={png}", "--window-size=1200,1600", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert png.is_file() and png.stat().st_size > 5000
    from toolkit.render import render_pdf

    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(render_pdf(tree, accessed="2026-01-01"))
    subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "2", "-l", "2", str(pdf),
                    str(OUTPUT / f"{name}.pdf")], check=True, timeout=120)
    assert list(OUTPUT.glob(f"{name}.pdf*.png"))
    assert re.search(rb"%PDF", pdf.read_bytes()[:8])
