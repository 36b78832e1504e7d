"""teikit build: per-document outputs, the home page, the register, assets, --base-url."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

from tests.conftest import TELEGRAM
from toolkit.cli import cli
from toolkit.site.batch import build

STEM = TELEGRAM.stem


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    results = build(TELEGRAM, out)
    assert [r.error for r in results] == [None]
    return out


def _doc(path):
    return lhtml.document_fromstring(path.read_bytes())


def test_document_outputs(site):
    folder = site / STEM
    for name in (f"{STEM}.html", f"{STEM}.txt", f"{STEM}.diplomatic.txt"):
        assert (folder / name).stat().st_size > 1000, name
    assert "полкат" in (folder / f"{STEM}.diplomatic.txt").read_text(encoding="utf-8")
    assert (site / "assets" / "edition.css").is_file()
    assert (site / "assets" / "edition.js").is_file()


@pytest.mark.skipif(importlib.util.find_spec("toolkit.render.cite") is None,
                    reason="toolkit.render.cite is not part of this checkout")
def test_citation_files_and_page_links(site):
    folder = site / STEM
    for suffix in (".bib", ".ris", ".csl.json", ".chicago-note.txt", ".chicago-bib.txt",
                   ".mla.txt", ".apa.txt"):
        assert (folder / f"{STEM}{suffix}").stat().st_size > 20, suffix
    page = _doc(folder / f"{STEM}.html")
    downloads = {a.get("href") for a in page.get_element_by_id("tk-cite").iter("a")}
    assert downloads == {f"{STEM}.bib", f"{STEM}.ris", f"{STEM}.csl.json"}
    assert all((folder / h).is_file() for h in downloads)


def test_page_links_resolve(site):
    page = _doc(site / STEM / f"{STEM}.html")
    assert page.xpath("//link[@rel='stylesheet']/@href") == ["../assets/edition.css"]
    for href in page.xpath("//a/@href | //script/@src"):
        if href.startswith("#") or "://" in href:
            continue
        path = href.split("#")[0]
        assert (site / STEM / path).resolve().is_file(), href


def test_home_page_lists_documents_with_metadata(site):
    home = _doc(site / "index.html")
    item = home.find_class("tk-doc")[0]
    text = item.text_content()
    assert "Ciphered Telegram No. 22591" in text and "1950-07-22" in text
    assert "Peking" in text and "Roshchin" in text
    assert item.xpath(".//th/a/@href") == [f"{STEM}/{STEM}.html"]
    assert [c.text_content() for c in item.xpath("th|td")][5:] == ["Russian, English", "",
                                                                    "telegram"]


def test_register_lists_every_spelling_and_links_every_occurrence(site):
    register = _doc(site / "register.html")
    page = _doc(site / STEM / f"{STEM}.html")
    occ_ids = {e.get("id") for e in page.iter() if (e.get("id") or "").startswith("tk-occ-")}
    linked = set()
    for a in register.iter("a"):
        href = a.get("href") or ""
        if "#tk-occ-" in href:
            linked.add(href.split("#")[1])
    assert linked == occ_ids  # every occurrence, and nothing else
    stalin = register.get_element_by_id("stalin").text_content()
    for spelling in ("Сталину", "Stalin", "Filippov"):
        assert spelling in stalin
    # every entity link of the page lands on a register entry
    for href in page.xpath("//a[contains(@href, 'register.html#')]/@href"):
        assert register.get_element_by_id(href.split("#")[1]) is not None, href


def test_no_public_url_without_base_url(site):
    text = (site / STEM / f"{STEM}.html").read_text(encoding="utf-8")
    assert "citation_public_url" not in text and "rft.identifier" not in text


def test_base_url_is_claimed_when_given(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(TELEGRAM), "-o", str(tmp_path),
                                      "--base-url", "https://example.org/ed"])
    assert result.exit_code == 0, result.output
    assert f"open {tmp_path}/index.html" in result.output
    page = _doc(tmp_path / STEM / f"{STEM}.html")
    meta = page.xpath("//meta[@name='citation_public_url']/@content")
    assert meta == [f"https://example.org/ed/{STEM}/{STEM}.html"]


def test_failing_document_does_not_stop_the_others(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(TELEGRAM, src / TELEGRAM.name)
    (src / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>",
                                    encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{src / 'broken.xml'}:1:" in result.output
    assert (out / STEM / f"{STEM}.html").is_file()
    home = _doc(out / "index.html")
    assert len(home.find_class("tk-doc")) == 1  # listed: only the document that built
    assert "broken.xml" in home.get_element_by_id("tk-failed").getparent().text_content()
    assert not (out / "broken").exists()


def test_bad_base_url_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(TELEGRAM), "-o", str(tmp_path),
                                      "--base-url", "example.org"])
    assert result.exit_code == 2
