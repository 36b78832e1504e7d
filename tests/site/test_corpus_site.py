"""The whole site of ../shared/corpus: no broken internal link or anchor on any page, failed
documents not listed as if fine, one register entry per entity across documents, surnames
first, the search bundle with a language per stemmer; and the search records of the
telegram in both readings."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lhtml

from tests.conftest import TELEGRAM
from toolkit.site import search
from toolkit.site.batch import BuildOptions, run_build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared (the shared test corpus) is absent")
    out = tmp_path_factory.mktemp("corpus-site")
    report = run_build(CORPUS, out, BuildOptions(pdf=False), jobs=2)
    return out, report


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)


def test_no_broken_internal_link_or_anchor(site):
    out, _ = site
    ids: dict[Path, set[str]] = {}
    docs: dict[Path, lhtml.HtmlElement] = {}
    for p in _pages(out):
        docs[p] = lhtml.document_fromstring(p.read_bytes())
        ids[p] = {str(v) for v in docs[p].xpath("//@id | //a/@name")}
    broken = []
    checked = 0
    for p, doc in docs.items():
        for el, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("form", "action")):
            for ref in doc.xpath(f"//{el}/@{attr}"):
                parts = urlsplit(ref)
                if parts.scheme or parts.netloc or ref.startswith("mailto:"):
                    continue
                target = (p.parent / unquote(parts.path)).resolve() if parts.path else p
                checked += 1
                if not target.is_file():
                    broken.append(f"{p.relative_to(out)}: {ref} (no file)")
                elif parts.fragment and target.suffix == ".html" and \
                        unquote(parts.fragment) not in ids.get(target, set()):
                    broken.append(f"{p.relative_to(out)}: {ref} (no anchor)")
    assert checked > 10_000
    assert not broken, f"{len(broken)} broken, e.g. {broken[:10]}"


def test_failed_documents_are_named_apart_not_listed(site):
    out, report = site
    home = lhtml.document_fromstring((out / "index.html").read_bytes())
    listed = {h.split("/")[0] for h in home.xpath("//tr[@class='tk-doc']/th/a/@href")}
    failed = {Path(i.file).stem for i in report.failed}
    assert {"mal01_unclosed-element", "mal05_truncated"} <= failed
    assert not listed & failed
    named = home.get_element_by_id("tk-failed").getparent().text_content()
    assert all(f"{stem}.xml" in named for stem in failed)
    collections = {c.text_content() for c in home.xpath("//tr[@class='tk-doc']/td[6]")}
    assert "invalid" in collections  # the subfolder of the deliberately invalid variants


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c)).casefold()


def test_register_one_entry_per_entity_surnames_first(site):
    out, _ = site
    reg = lhtml.document_fromstring((out / "register.html").read_bytes())
    # Vienna is declared (pmb50) in several letters and pointed to as "#pmb50" and "pmb50":
    # one entry for all, which the pages' links to the bare pointer (ext-pmb50) also reach
    wien = reg.get_element_by_id("pmb50")
    assert wien.xpath("string(h4)") == "Wien"
    assert len(wien.xpath(".//ul[@class='tk-occurrences']/li")) >= 3
    assert wien.xpath("span/@id") == ["ext-pmb50"]
    assert "latitude 48" in wien.text_content()
    entry = reg.get_element_by_id("pmb2121")
    assert entry.xpath("string(h4)") == "Schnitzler, Arthur"
    assert "Born: 15. 5. 1862, Wien" in entry.text_content()  # as the TEI gives the date
    assert "https://d-nb.info/gnd/118609807/" in entry.xpath(".//a/@href")
    assert len(reg.xpath("//*[@id='pmb2121']")) == 1
    persons = reg.get_element_by_id("tk-reg-person").getparent()
    keys = [_fold(h.text_content()) for h in persons.xpath(".//li/h4")]
    surnames = [k for k in keys if "," in k]
    assert len(surnames) >= 5 and surnames == sorted(surnames)
    jump = persons.xpath(".//nav[@class='tk-jump']/a/@href")
    assert jump and all(reg.get_element_by_id(h[1:]) is not None for h in jump)


def test_entity_pages_for_many_occurrences(site):
    out, _ = site
    pages = list((out / "register").glob("*.html"))
    assert pages
    page = lhtml.document_fromstring(pages[0].read_bytes())
    assert len(page.xpath("//a[contains(@href, '#tk-occ-')]")) >= 8


def test_search_bundle_has_a_language_per_stemmer(site):
    out, _ = site
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    langs = entry["languages"]
    assert {"en", "ru", "de", "la"} <= set(langs)
    assert langs["ru"]["wasm"] == "ru" and langs["de"]["wasm"] == "de"


def test_telegram_records_carry_both_readings_and_anchors():
    from toolkit import xmlio
    from toolkit.render.html import PageLinks, render_html

    page = render_html(xmlio.parse_tei(TELEGRAM), file=str(TELEGRAM), cites={},
                       links=PageLinks(site_slot=True))
    anchored, records = search.anchor_blocks(page)
    by = {r.anchor: r for r in records}
    p3 = by["ru-mao-p3"]
    assert p3.lang == "ru" and "следующем порядке" in p3.text and "следкующем" not in p3.text
    assert "следкующем порядке" in p3.diplomatic
    assert "<!--tk-site--><!--/tk-site-->" in anchored
    doc = lhtml.document_fromstring(anchored)
    for r in records:  # every record's anchor is in the page, on an element holding its words
        assert search.block_text(doc.get_element_by_id(r.anchor)) == r.text
    assert {r.lang for r in records} == {"ru", "en"}
    # the search text does not glue the note call sign to the word before it
    assert "GRU]a" not in " ".join(r.diplomatic or r.text for r in records)
