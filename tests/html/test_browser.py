"""The HTML edition in a real headless Chromium: the switches work, signs and notes
explain themselves on focus, and axe-core finds no serious or critical violation.

Needs Debian's chromium and chromium-driver, selenium (pip) and axe-core
(scripts/setup-extra.sh installs it into .cache/node_modules); skipped otherwise.
"""

from __future__ import annotations

import tempfile

import pytest

from tests.conftest import TELEGRAM
from tests.html.helpers import CHROMIUM, DRIVER, NO_BROWSER, axe_js, chromium_driver
from toolkit.site.batch import build

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason=NO_BROWSER)


@pytest.fixture(scope="module")
def site():
    with tempfile.TemporaryDirectory() as tmp:
        build(TELEGRAM, tmp)
        yield tmp


@pytest.fixture(scope="module")
def browser():
    with chromium_driver("1280,900") as drv:
        yield drv


def _open(browser, site, page):
    browser.get(f"file://{site}/{page}")
    return browser


def _visible(browser) -> str:
    return browser.execute_script("return document.body.innerText")


def _page(site):
    return f"{TELEGRAM.stem}/{TELEGRAM.stem}.html"


def test_diplomatic_reading_toggle(browser, site):
    b = _open(browser, site, _page(site))
    assert "полка " in _visible(b) and "полкат" not in _visible(b)
    b.find_element("css selector", "[data-tk-mode=diplomatic]").click()
    assert "полкат" in _visible(b) and "Экз.N" in _visible(b)
    assert "[Translator's note: this is the GRU]" in _visible(b)
    b.find_element("css selector", "[data-tk-mode=reading]").click()
    assert "полкат" not in _visible(b) and "Экз.№" in _visible(b)


def test_language_switch(browser, site):
    b = _open(browser, site, _page(site))
    ru = b.find_element("id", "ru-mao-p1")
    en = b.find_element("id", "en-mao-p1")
    assert ru.is_displayed() and en.is_displayed()
    b.find_element("css selector", "[data-tk-show='2']").click()
    assert not ru.is_displayed() and en.is_displayed()
    b.find_element("css selector", "[data-tk-show='1']").click()
    assert ru.is_displayed() and not en.is_displayed()
    b.find_element("css selector", "[data-tk-show=all]").click()
    assert ru.is_displayed() and en.is_displayed()


def test_focused_sign_and_note_explain_themselves(browser, site):
    b = _open(browser, site, _page(site))
    sign = b.find_element("css selector", ".tk-sign-sic-corr")
    b.execute_script("arguments[0].focus()", sign)
    tip = b.execute_script(
        "return getComputedStyle(arguments[0], '::after').content", sign)
    assert "Error and correction" in tip
    ref = b.find_element("css selector", ".tk-noteref-translator-note")
    b.find_element("css selector", "[data-tk-mode=reading]").click()
    b.execute_script("arguments[0].focus()", ref)
    pop = b.find_element("css selector", ".tk-popover")
    assert "this is the GRU" in pop.text


@pytest.mark.parametrize("page", ["doc", "index.html", "register.html"])
def test_no_serious_accessibility_violations(browser, site, page):
    js = axe_js()
    if js is None:
        pytest.skip("axe-core is not installed (bash scripts/setup-extra.sh)")
    b = _open(browser, site, _page(site) if page == "doc" else page)
    b.execute_script(js.read_text(encoding="utf-8"))
    b.set_script_timeout(60)
    result = b.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length,"
        " v.nodes.slice(0, 3).map(n => n.target.join(' '))])))"
        ".catch(e => done([['axe-error', 'critical', 0, [String(e)]]]));")
    assert isinstance(result, list)
    serious = [v for v in result if v[1] in ("serious", "critical")]
    assert not serious, serious


def test_without_javascript_reading_text_tooltips_and_footnotes_work(site):
    with chromium_driver("1280,900", extra=("--blink-settings=scriptEnabled=false",)) as drv:
        b = _open(drv, site, _page(site))
        text = _visible(b)
        assert "полка " in text and "полкат" not in text  # the reading text
        assert "Mao Zedong" in text and "Мао Цзэдун" in text  # both languages
        assert "Reading text" not in text  # the JS buttons stay hidden
        sign = b.find_element("css selector", ".tk-sign-sic-corr")
        b.execute_script("arguments[0].focus()", sign)  # WebDriver scripts run anyway
        tip = b.execute_script("return getComputedStyle(arguments[0], '::after').content", sign)
        assert "Cталину" in tip  # the diplomatic reading, in the CSS tooltip
        ref = b.find_element("css selector", ".tk-noteref-translator-note")
        ref.click()
        target = ref.get_attribute("href").split("#")[1]
        assert b.current_url.endswith("#" + target)  # the footnote link works without JS
        note = b.find_element("id", target)
        assert note.is_displayed() and "this is the GRU" in note.text


def test_narrow_screen_stacks_the_columns(site):
    with chromium_driver("420,900") as drv:
        b = _open(drv, site, _page(site))
        ru = b.find_element("id", "ru-mao-p1")
        en = b.find_element("id", "en-mao-p1")
        assert en.location["y"] > ru.location["y"] + ru.size["height"] - 1
        assert abs(en.location["x"] - ru.location["x"]) < 40


def test_superscript_marks_keep_the_line_height_even(browser, site):
    """The register's ° and the note calls are raised without making their lines taller:
    the copies list (° after Сталину in the first two items only) and a paragraph with a
    note call have lines of one height."""
    _open(browser, site, "telegram-22591/telegram-22591.html")
    heights = browser.execute_script("""
        const items = [...Array(9).keys()].map(i => document.getElementById('ru-copy-' + (i + 1)));
        return items.map(e => e.getBoundingClientRect().height);""")
    assert len(heights) == 9 and max(heights) - min(heights) < 0.5, heights
    for pid in ("en-note-p2", "ru-note-p2", "en-mao-p4"):  # ° and note calls in them
        height, line = browser.execute_script("""
            const p = document.getElementById(arguments[0]);
            return [p.getBoundingClientRect().height,
                    parseFloat(getComputedStyle(p).lineHeight)];""", pid)
        lines = height / line
        assert lines > 2 and abs(lines - round(lines)) < 0.05, (pid, height, line)
