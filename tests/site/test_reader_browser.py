"""The edition site as a reader uses it, in Debian's chromium (selenium), served by
``teikit serve``: full-text search (Pagefind) with stemming, both readings, block anchors
and filters; the sortable, filterable table of documents; the Download menu; axe-core on
every kind of page; screenshots written to tests/output/ for people to look at.

The site holds the telegram and, where ../shared is present, a Russian play and two German
letters in a subfolder (a collection), so that results and filters have something to
choose between.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, TELEGRAM
from tests.html.helpers import CHROMIUM, DRIVER, NO_BROWSER, axe_js, chromium_driver
from toolkit.site.batch import build

OUTPUT = ROOT / "tests" / "output"
PLAY = CORPUS / "rusdracor__chekhov-jubilej.xml"
LETTERS = [CORPUS / "schnitzler__L02090.xml", CORPUS / "schnitzler__L03683.xml"]
STEM = TELEGRAM.stem
PAGE = f"{STEM}/{STEM}.html"

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason=NO_BROWSER)


@pytest.fixture(scope="module")
def served():
    """(base URL, site folder, whether the corpus documents are in it)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "site"
        (src / "letters").mkdir(parents=True)
        shutil.copy(TELEGRAM, src)
        more = PLAY.is_file() and all(p.is_file() for p in LETTERS)
        if more:
            shutil.copy(PLAY, src)
            for p in LETTERS:
                shutil.copy(p, src / "letters")
        assert all(r.error is None for r in build(src, out))
        proc = subprocess.Popen(
            [sys.executable, "-c", "from toolkit.cli import main; main()", "serve", str(src),
             "--site", str(out), "--port", "0", "--db", str(Path(tmp) / "oai.db")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            url = None
            for _ in range(20):  # bounded: the two lines the server prints on start
                line = proc.stdout.readline()
                m = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
                if m:
                    url = m.group(1)
                    break
            assert url, "teikit serve did not start"
            yield url, out, more
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with chromium_driver("1200,1100", script_timeout=60) as drv:
        yield drv


def _wait(browser, script: str, timeout: float = 60):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(lambda b: b.execute_script(script))


def _search(browser, base: str, query: str) -> list[dict]:
    """Search and return the results: [{title, href, passages: [{href, html}]}]."""
    from urllib.parse import quote

    browser.get(f"{base}search.html?q={quote(query)}")
    return _results(browser)


def _results(browser) -> list[dict]:
    _wait(browser, "const s = document.getElementById('tk-search-status').textContent;"
                   "return s && !s.endsWith('…');")
    status = browser.find_element("id", "tk-search-status").text
    assert "could not be loaded" not in status, status
    return browser.execute_script(
        "return [...document.querySelectorAll('.tk-result')].map(r => ({"
        " title: r.querySelector('h2 a').textContent,"
        " href: r.querySelector('h2 a').getAttribute('href'),"
        " passages: [...r.querySelectorAll('a.tk-passage')].map(a => ({"
        "   href: a.getAttribute('href'), html: a.innerHTML}))}))")


def _passages(results: list[dict]) -> dict[str, str]:
    return {p["href"]: p["html"] for r in results for p in r["passages"]}


def test_inflected_russian_form_finds_the_telegram_and_its_block(browser, served):
    base, _, _ = served
    # the text has "следующая" and "следующем" (and the source's "следкующем"), not this form
    results = _search(browser, base, "следующий")
    passages = _passages(results)
    assert f"{PAGE}#ru-mao-p3" in passages, passages
    assert "<mark>следующем</mark>" in passages[f"{PAGE}#ru-mao-p3"]
    assert any(r["href"] == PAGE and r["title"].startswith("Ciphered Telegram") for r in results)
    browser.find_element("css selector", f"a.tk-passage[href='{PAGE}#ru-mao-p3']").click()
    assert browser.current_url.endswith(f"{PAGE}#ru-mao-p3")
    block = browser.find_element("id", "ru-mao-p3")
    assert block.is_displayed() and "Вопрос перехода" in block.text
    if OUTPUT.parent.is_dir():
        OUTPUT.mkdir(exist_ok=True)
        _search(browser, base, "следующий")
        browser.save_screenshot(str(OUTPUT / "search.png"))


@pytest.mark.parametrize("query", ["следкующем", "следующем"])
def test_source_and_corrected_spelling_both_find_the_passage(browser, served, query):
    passages = _passages(_search(browser, served[0], query))
    assert f"<mark>{query}</mark>" in passages.get(f"{PAGE}#ru-mao-p3", ""), passages


def test_english_stemming_and_block_anchor(browser, served):
    passages = _passages(_search(browser, served[0], "deploying"))  # the text: "deploy"
    assert any(h.startswith(f"{PAGE}#en-") and re.search(r"<mark>deploy(ed)?</mark>", p)
               for h, p in passages.items()), passages


def test_a_filter_narrows_the_results(browser, served):
    base, _, more = served
    if not more:
        pytest.skip("the corpus documents are not in the site (../shared is absent)")
    from selenium.webdriver.support.ui import Select

    both = _search(browser, base, "получить")  # telegram: "получена"; the play: "получить"
    assert {r["href"] for r in both} == {PAGE, "rusdracor__chekhov-jubilej/"
                                         "rusdracor__chekhov-jubilej.html"}
    Select(browser.find_element("id", "tk-f-type")).select_by_value("telegram")
    assert [r["href"] for r in _results(browser)] == [PAGE]
    assert "type=telegram" in browser.current_url  # the filtered search can be linked to
    Select(browser.find_element("id", "tk-f-type")).select_by_value("")
    Select(browser.find_element("id", "tk-f-collection")).select_by_value("letters")
    browser.find_element("id", "tk-q").clear()
    browser.find_element("css selector", ".tk-search-form button").click()
    assert {r["href"].split("/")[0] for r in _results(browser)} == \
        {"schnitzler__L02090", "schnitzler__L03683"}


def _rows(browser) -> list[str]:
    return browser.execute_script(
        "return [...document.querySelectorAll('#tk-doc-table tbody tr')]"
        ".filter(r => !r.hidden).map(r => r.cells[0].textContent)")


def test_the_table_sorts_and_filters(browser, served):
    base, _, more = served
    if not more:
        pytest.skip("the corpus documents are not in the site (../shared is absent)")
    browser.get(base + "index.html")
    default = _rows(browser)
    assert len(default) == 4 and default[-1] == "Юбилей"  # by date; the undated play last
    title = browser.find_element("css selector", "th[data-col='0'] button")
    title.click()
    assert _rows(browser) == sorted(default, key=str.lower)
    assert browser.find_element("css selector", "th[data-col='0']") \
        .get_attribute("aria-sort") == "ascending"
    title.click()
    assert _rows(browser) == sorted(default, key=str.lower, reverse=True)
    box = browser.find_element("id", "tk-table-filter")
    box.send_keys("Peking")
    assert [r for r in _rows(browser)] == [r for r in default if r.startswith("Ciphered")]
    box.clear()
    box.send_keys(" ")  # clear() fires no input event
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "tk-table-col-7")).select_by_visible_text("correspondence")
    assert len(_rows(browser)) == 2
    if OUTPUT.parent.is_dir():
        OUTPUT.mkdir(exist_ok=True)
        Select(browser.find_element("id", "tk-table-col-7")).select_by_visible_text("All")
        browser.save_screenshot(str(OUTPUT / "home.png"))


def test_download_menu_links_exist(browser, served):
    base, _, _ = served
    browser.get(base + PAGE)
    menu = browser.find_element("css selector", "details.tk-download")
    menu.find_element("tag name", "summary").click()
    links = {a.text: a.get_attribute("href") for a in menu.find_elements("tag name", "a")}
    for label in ("TEI source (XML)", "Reading text", "Diplomatic text", "Citation: BibTeX",
                  "Citation: Chicago (note)", "Citation: CSL-JSON"):
        assert label in links, links
    for label, href in links.items():
        with urllib.request.urlopen(href, timeout=10) as resp:  # 127.0.0.1 only
            assert resp.status == 200 and len(resp.read()) > 20, label
    with urllib.request.urlopen(links["TEI source (XML)"], timeout=10) as resp:
        assert resp.read() == TELEGRAM.read_bytes()
    nav = browser.find_element("css selector", "nav.tk-docnav")
    assert nav.find_element("link text", "All documents").get_attribute("href") \
        .endswith("index.html#tk-docs")
    if OUTPUT.parent.is_dir():
        OUTPUT.mkdir(exist_ok=True)
        browser.save_screenshot(str(OUTPUT / "document.png"))


def test_every_page_has_a_search_box_that_leads_to_results(browser, served):
    base, _, _ = served
    browser.get(base + "register.html")
    box = browser.find_element("id", "tk-q-top")
    box.send_keys("Stalin")
    box.submit()
    _wait(browser, "return location.pathname.endsWith('/search.html')"
                   " && !!document.getElementById('tk-search-status')")
    results = _results(browser)
    assert browser.current_url.startswith(base + "search.html?q=Stalin")
    assert any(r["href"] == PAGE for r in results)


@pytest.mark.parametrize("page", ["index.html", PAGE, "register.html", "about.html",
                                  "search.html?q=Stalin"])
def test_axe_finds_no_violation(browser, served, page):
    js = axe_js()
    if js is None:
        pytest.skip("axe-core is not installed (bash scripts/setup-extra.sh)")
    base, _, _ = served
    browser.get(base + page)
    if page.startswith("search"):
        _results(browser)
    browser.execute_script(js.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length,"
        " v.nodes.slice(0, 3).map(n => n.target.join(' '))])))"
        ".catch(e => done([['axe-error', 'critical', 0, [String(e)]]]));")
    assert result == [], result


def test_without_javascript_the_table_and_the_menu_work(served):
    base, _, _ = served
    with chromium_driver("1200,1100", extra=("--blink-settings=scriptEnabled=false",)) as drv:
        drv.get(base + "index.html")
        table = drv.find_element("id", "tk-doc-table")
        assert table.is_displayed() and "Ciphered Telegram" in table.text
        assert not drv.find_element("css selector", ".tk-table-tools").is_displayed()
        drv.get(base + PAGE)
        menu = drv.find_element("css selector", "details.tk-download")
        menu.find_element("tag name", "summary").click()
        pdfless = menu.find_element("link text", "Reading text")
        assert pdfless.is_displayed()
        drv.get(base + "search.html")
        assert "Searching needs JavaScript" in drv.find_element("tag name", "main").text
