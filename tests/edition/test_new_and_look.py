"""teikit new makes a ready edition; an edition's own look (XSLT override, CSS, scripts,
header, footer, static files) reaches every page."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml

from tests.hardening.clihelp import assert_clean, invoke
from toolkit import xmlio
from toolkit.edition.config import load_config
from toolkit.render.pdf import render_print_html
from toolkit.site import info

HERE = Path(__file__).parent
STYLED = HERE / "fixtures" / "styled"


def _pages(site: Path) -> list[Path]:
    return [site / n for n in ("index.html", "register.html", "about.html", "search.html")] \
        + sorted(site.glob("*/*.html"))


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("new")
    run = invoke(["new", str(base / "ed"), "--title", "Letters of X"])
    assert_clean(run, {0})
    ed = base / "ed"
    cwd = Path.cwd()
    import os
    os.chdir(ed)
    try:
        runs = [invoke(["validate"]), invoke(["odd", "compile", "schemas/edition.odd",
                                               "--check"]),
                invoke(["build", "-q", "-j", "1", "--no-pdf"])]
    finally:
        os.chdir(cwd)
    return ed, runs


def test_new_edition_files(new_site):
    ed, _ = new_site
    for rel in ("teikit.toml", "introduction.md", "tei/example-letter.xml",
                "schemas/edition.odd", "schemas/edition.rng", "schemas/edition.sch",
                "README.md", ".github/workflows/edition.yml", ".pre-commit-config.yaml"):
        assert (ed / rel).is_file(), rel
    assert load_config(ed).title == "Letters of X"
    assert "# Letters of X" in (ed / "README.md").read_text()


def test_new_edition_validates_and_builds(new_site):
    ed, (validate, odd_check, build) = new_site
    for run in (validate, odd_check, build):
        assert_clean(run, {0})
    assert "1 valid" in validate.stderr


def test_every_page_carries_the_title(new_site):
    ed, _ = new_site
    site = ed / "site"
    home = lxml.html.parse(str(site / "index.html")).getroot()
    assert home.findtext(".//h1") == "Letters of X"
    assert "made with" in home.text_content()  # the introduction (Markdown)
    pages = _pages(site)
    assert site / "example-letter" / "example-letter.html" in pages
    for page in pages:
        header = lxml.html.parse(str(page)).getroot().find(".//header")
        assert header is not None and "Letters of X" in header.text_content(), page


def test_workflow_and_hook_config(new_site):
    ed, _ = new_site
    wf = yaml.safe_load((ed / ".github/workflows/edition.yml").read_text())
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    runs = [s["run"] for s in steps if "run" in s]
    assert any(r.startswith("pip install") and "teikit" in r for r in runs)
    assert "teikit validate" in runs and "teikit build" in runs
    # only pip-installed teikit and GitHub's own actions: no other tool is fetched
    assert all(s["uses"].startswith("actions/") for s in steps if "uses" in s)
    assert "deploy-pages" in str(wf["jobs"]["publish"])
    hooks = yaml.safe_load((ed / ".pre-commit-config.yaml").read_text())
    hook = hooks["repos"][0]["hooks"][0]
    assert hook["id"] == "teikit-validate" and hook["entry"] == "teikit validate"


def test_new_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "ed").mkdir()
    (tmp_path / "ed" / "notes.txt").write_text("mine")
    run = invoke(["new", str(tmp_path / "ed")])
    assert_clean(run, {2})
    assert "not empty" in run.stderr
    assert [p.name for p in (tmp_path / "ed").iterdir()] == ["notes.txt"]


@pytest.fixture(scope="module")
def styled_site(tmp_path_factory):
    ed = tmp_path_factory.mktemp("styled") / "ed"
    shutil.copytree(STYLED, ed)
    import os
    cwd = Path.cwd()
    os.chdir(ed)
    try:
        runs = [invoke(["build", "-q", "-j", "1"]), invoke(["build", "-q", "-j", "1"])]
    finally:
        os.chdir(cwd)
    for run in runs:
        assert_clean(run, {0})
    return ed


def test_override_renders_the_element(styled_site):
    page = (styled_site / "site" / "letter" / "letter.html").read_text()
    assert '<span class="spaced">Gesperrt</span>' in page
    assert "plain" in page  # the other elements as the toolkit renders them
    text = (styled_site / "site" / "letter" / "letter.txt").read_text()
    assert "_Gesperrt_" in text and "plain words" in text


def test_print_follows_the_html_override():
    cfg = load_config(STYLED)
    tree = xmlio.parse_tei(STYLED / "tei" / "letter.xml")
    html = render_print_html(tree, stylesheets=info.stylesheets(cfg))
    assert '<span class="spaced">Gesperrt</span>' in html


def test_css_js_header_footer_on_every_page(styled_site):
    site = styled_site / "site"
    assert (site / "style" / "edition.css").is_file() and (site / "images" / "logo.svg").is_file()
    for page in _pages(site):
        up = "../" * len(page.relative_to(site).parts[:-1])
        doc = lxml.html.parse(str(page)).getroot()
        hrefs = [link.get("href") for link in doc.iter("link")]
        assert f"{up}style/edition.css" in hrefs, page
        assert f"{up}style/edition.js" in [s.get("src") for s in doc.iter("script")], page
        logo = doc.find(".//div[@class='tk-edition-header']//img")
        assert logo is not None and logo.get("src") == f"{up}images/logo.svg", page
        assert (page.parent / logo.get("src")).resolve() == (site / "images/logo.svg")
        foot = doc.find(".//div[@class='tk-edition-footer']")
        assert "Styled project" in foot.text_content()
        assert foot.find(".//a").get("href") == "https://example.org/"
        # applied once, though the site was built twice
        assert page.read_text().count("tk-edition-header") == 1, page


def test_about_page_says_editors_and_licence(styled_site):
    about = lxml.html.parse(str(styled_site / "site" / "about.html")).getroot()
    text = " ".join(about.text_content().split())
    assert "Edited by A. Editor." in text and "Licence: CC-BY-4.0." in text
    assert "Languages: English, German." in text


def _broken(tmp_path, monkeypatch, change):
    """Build a copy of the styled edition after ``change(ed)``: exit 2, nothing built."""
    ed = tmp_path / "ed"
    shutil.copytree(STYLED, ed)
    change(ed)
    monkeypatch.chdir(ed)
    run = invoke(["build", "-q", "-j", "1"])
    assert_clean(run, {2})
    assert not (ed / "site").exists()
    return ed, run


def test_bad_header_is_located(tmp_path, monkeypatch):
    ed, run = _broken(tmp_path, monkeypatch, lambda ed: (ed / "style" / "header.html")
                      .write_text('<p>\n<img src="x.png"></p>\n'))
    assert f"{ed / 'style' / 'header.html'}:2:" in run.stderr


def test_static_link_outside_is_not_published(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text("SECRET-c0ffee")
    ed, run = _broken(tmp_path, monkeypatch, lambda ed: (ed / "images" / "passwd")
                      .symlink_to(tmp_path / "secret.txt"))
    assert f"{ed / 'images' / 'passwd'}:0:0: error: links to" in run.stderr


def test_bad_config_builds_nothing(tmp_path, monkeypatch):
    _, run = _broken(tmp_path, monkeypatch,
                     lambda ed: (ed / "teikit.toml").write_text('titel = "x"\n'))
    assert 'teikit.toml:1:1: error: unknown key "titel"; did you mean "title"?' in run.stderr



def test_new_refuses_a_missing_parent_and_a_file(tmp_path):
    run = invoke(["new", str(tmp_path / "no" / "ed")])
    assert_clean(run, {2})
    assert not (tmp_path / "no").exists()
    (tmp_path / "f").write_text("x")
    assert_clean(invoke(["new", str(tmp_path / "f")]), {2})


def test_tei_introduction_on_the_home_page(tmp_path):
    (tmp_path / "intro.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
        "Introduction</title></titleStmt><publicationStmt><p>P</p></publicationStmt>"
        "<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader><text><body>"
        '<p>The letters were <hi rend="spaced">found</hi> in 1901.</p></body></text></TEI>')
    (tmp_path / "teikit.toml").write_text('title = "T"\nintroduction = "intro.xml"\n')
    site = info.site_info(load_config(tmp_path))
    intro = lxml.html.fromstring(f"<div>{site.introduction_html}</div>")
    assert " ".join(intro.text_content().split()) == "The letters were found in 1901."


def test_citation_defaults_from_the_configuration(tmp_path, monkeypatch):
    """publisher (only when the header names none), access date, URL under base_url."""
    ed = tmp_path / "ed"
    shutil.copytree(STYLED, ed)
    with (ed / "teikit.toml").open("a") as f:
        f.write('\n[citation]\npublisher = "Styled Project"\naccessed = "2026-01-31"\n')
    text = (ed / "teikit.toml").read_text().replace(
        'licence = "CC-BY-4.0"', 'licence = "CC-BY-4.0"\nbase_url = "https://example.org/s/"')
    (ed / "teikit.toml").write_text(text)
    monkeypatch.chdir(ed)
    import json

    run = invoke(["cite", "tei/letter.xml", "--style", "csl-json"])
    assert_clean(run, {0})
    (record,) = json.loads(run.stdout)
    assert record["publisher"] == "Styled Project"
    assert record["accessed"]["date-parts"] == [[2026, 1, 31]]
    assert record["URL"] == "https://example.org/s/letter/letter.html"
    run = invoke(["cite", "tei/letter.xml", "--style", "csl-json", "--accessed", "2025-05-05"])
    assert json.loads(run.stdout)[0]["accessed"]["date-parts"] == [[2025, 5, 5]]
    own = ed / "tei" / "own.xml"
    own.write_text((ed / "tei" / "letter.xml").read_text().replace(
        "<publicationStmt><p>A test fixture.</p>",
        "<publicationStmt><publisher>Its Own Press</publisher>"))
    run = invoke(["cite", "tei/own.xml", "--style", "csl-json"])
    assert json.loads(run.stdout)[0]["publisher"] == "Its Own Press"
