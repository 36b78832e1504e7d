"""The print edition in the build: STEM.pdf beside the page, linked from it and from the
home page; citation_pdf_url only when a base URL says where the site is published."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

from tests.conftest import TELEGRAM
from toolkit.cli import cli

STEM = TELEGRAM.stem
BASE = "https://example.org/ed/"

pytestmark = pytest.mark.skipif(importlib.util.find_spec("weasyprint") is None,
                                reason="WeasyPrint is not installed")


def _page(path):
    return lhtml.document_fromstring(path.read_bytes())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """tei/ built with PDFs (the default), without a base URL."""
    out = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(cli, ["build", "tei/", "-o", str(out), "--accessed",
                                      "2026-01-02"])
    assert result.exit_code == 0, result.output
    return out


def test_pdf_beside_the_page(site):
    pdf = site / STEM / f"{STEM}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000


def test_page_links_the_pdf_but_claims_no_url(site):
    page = _page(site / STEM / f"{STEM}.html")
    links = page.xpath("//a[@type='application/pdf']")
    assert [a.get("href") for a in links] == [f"{STEM}.pdf"]
    assert links[0].text_content() == "PDF"
    assert (site / STEM / links[0].get("href")).is_file()
    assert page.xpath("//meta[@name='citation_pdf_url']") == []


def test_download_menu_lists_the_pdf(site):
    page = _page(site / STEM / f"{STEM}.html")
    menu = page.xpath("//details[@class='tk-download']//a")
    assert [a.text_content() for a in menu][:2] == ["TEI source (XML)", "PDF"]
    assert menu[1].get("href") == f"{STEM}.pdf"


def test_citation_pdf_url_with_a_base_url(site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(site, out)  # same sources, new option: every document is rebuilt
    result = CliRunner().invoke(cli, ["build", "tei/", "-o", str(out), "--accessed",
                                      "2026-01-02", "--base-url", BASE])
    assert result.exit_code == 0, result.output
    assert "1 built" in result.output
    page = _page(out / STEM / f"{STEM}.html")
    assert page.xpath("//meta[@name='citation_pdf_url']/@content") == \
        [f"{BASE}{STEM}/{STEM}.pdf"]
    assert page.xpath("//a[@type='application/pdf']/@href") == [f"{STEM}.pdf"]


def test_no_pdf_removes_the_pdf_and_its_links(site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(site, out)
    result = CliRunner().invoke(cli, ["build", "tei/", "-o", str(out), "--accessed",
                                      "2026-01-02", "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert not (out / STEM / f"{STEM}.pdf").exists()
    assert _page(out / STEM / f"{STEM}.html").xpath("//a[@type='application/pdf']") == []
    assert "PDF" not in _page(out / "index.html").text_content()
