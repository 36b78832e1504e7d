"""teikit.toml: found by walking up, read with tomllib, every key checked and located.

Each file in bad_configs/ is one case: its first line says the location and message
the error must have (``# expect: LINE:COLUMN: message``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.edition.config import (
    KEYS,
    ConfigError,
    EditionConfig,
    find_config,
    key_lines,
    load_config,
)

HERE = Path(__file__).parent
BAD = sorted((HERE / "bad_configs").glob("*.toml"))


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.stem)
def test_bad_config_is_located(case, tmp_path):
    expect = case.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    ed = tmp_path / "ed"
    ed.mkdir()
    shutil.copy(case, ed / "teikit.toml")
    with pytest.raises(ConfigError) as info:
        load_config(ed)
    err = info.value
    assert err.exit_code == 2
    assert str(err).startswith(f"{ed / 'teikit.toml'}:{expect}"), str(err)


def test_found_by_walking_up(tmp_path):
    (tmp_path / "teikit.toml").write_text('title = "Letters of X"\n')
    deep = tmp_path / "tei" / "letters" / "1850"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "teikit.toml"
    cfg = load_config(deep)
    assert cfg is not None and cfg.title == "Letters of X" and cfg.root == tmp_path.resolve()
    doc = deep / "a.xml"
    doc.write_text("<a/>")
    assert find_config(doc) == tmp_path / "teikit.toml"


def test_no_config_outside_an_edition(tmp_path):
    # tmp_path's parents are not editions (pytest's temporary folders)
    assert load_config(tmp_path) is None


def test_every_key_read(tmp_path):
    (tmp_path / "intro.md").write_text("A *new* edition.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    (tmp_path / "style").mkdir()
    for name in ("html.xsl", "text.xsl", "print.xsl", "extra.css", "extra.js", "header.html",
                 "footer.html"):
        (tmp_path / "style" / name).write_text("x")
    (tmp_path / "static").mkdir()
    (tmp_path.parent / "common").mkdir(exist_ok=True)
    (tmp_path / "teikit.toml").write_text('''
title = "Letters of X"
subtitle = "A digital edition"
editors = ["A. Editor", "B. Editor"]
introduction = "intro.md"
base_url = "https://example.org/letters/"
languages = ["en", "de"]
licence = "CC-BY-4.0"
documents = "letters"
output = "public"

[oai]
repository_name = "Letters of X"
repository_id = "letters.example.org"
admin_email = ["editor@example.org"]

[citation]
publisher = "Example University"
accessed = "2026-01-31"

[outputs]
pdf = false
citation_styles = ["mla", "bibtex"]
paper = "letter"

[validation]
schemas = ["tei_all", "schemas/edition.rng"]

[xinclude]
allow = ["../common"]

[overrides]
html = "style/html.xsl"
text = "style/text.xsl"
print = "style/print.xsl"
css = ["style/extra.css"]
js = ["style/extra.js"]
header = "style/header.html"
footer = "style/footer.html"
static = ["static"]
''')
    cfg = load_config(tmp_path)
    root = tmp_path.resolve()
    assert (cfg.title, cfg.subtitle, cfg.editors) == (
        "Letters of X", "A digital edition", ["A. Editor", "B. Editor"])
    assert "<em>new</em>" in cfg.introduction_html and "<table>" in cfg.introduction_html
    assert cfg.base_url == "https://example.org/letters/" and cfg.languages == ["en", "de"]
    assert cfg.licence == "CC-BY-4.0"
    assert (cfg.documents, cfg.output) == (root / "letters", root / "public")
    assert (cfg.oai_repository_name, cfg.oai_repository_id, cfg.oai_admin_email) == (
        "Letters of X", "letters.example.org", ["editor@example.org"])
    assert (cfg.publisher, cfg.accessed) == ("Example University", "2026-01-31")
    assert (cfg.pdf, cfg.citation_styles, cfg.paper) == (False, ["mla", "bibtex"], "letter")
    assert cfg.schemas == ["tei_all", str(root / "schemas/edition.rng")]
    assert cfg.xinclude_allow == [root / "../common"]
    assert cfg.scope().permits(tmp_path.parent / "common" / "x.xml")
    assert not cfg.scope().permits(tmp_path.parent / "elsewhere.xml")
    assert cfg.html_xsl == root / "style/html.xsl" and cfg.print_xsl == root / "style/print.xsl"
    assert cfg.css == [root / "style/extra.css"] and cfg.js == [root / "style/extra.js"]
    assert cfg.header == root / "style/header.html" and cfg.static == [root / "static"]
    assert cfg.where("outputs.paper") == (str(tmp_path / "teikit.toml"), 24)


def test_every_key_is_documented():
    docs = (HERE.parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [k for k in KEYS if f"`{k.rpartition('.')[2]}`" not in docs]
    assert not missing, f"keys not in docs/configuration.md: {missing}"


def test_inline_markdown_introduction(tmp_path):
    (tmp_path / "teikit.toml").write_text('title = "T"\nintroduction = """\n'
                                          'Letters *written* between 1850 and 1870.\n"""\n')
    cfg = load_config(tmp_path)
    assert cfg.introduction_html.strip() == (
        "<p>Letters <em>written</em> between 1850 and 1870.</p>")


def test_defaults_without_keys(tmp_path):
    (tmp_path / "teikit.toml").write_text("")
    cfg = load_config(tmp_path)
    assert isinstance(cfg, EditionConfig)
    assert cfg.title == "Edition" and cfg.introduction_html is None and cfg.pdf is None


def test_key_lines_tables_and_dotted_keys():
    lines = key_lines('title = "x"\n[oai]\n# c\nrepository_id = "a.b"\n'
                      '[outputs]\n"paper" = "a4"\n')
    assert lines == {"title": 1, "oai": 2, "oai.repository_id": 4, "outputs": 5,
                     "outputs.paper": 6}


def test_the_repository_is_an_edition():
    from tests.conftest import ROOT, TELEGRAM

    cfg = load_config(TELEGRAM.parent)
    assert cfg.root == ROOT.resolve() and cfg.title == "The teikit edition"
    assert cfg.documents == ROOT.resolve() / "tei" and cfg.output == ROOT.resolve() / "site"
    assert "Ciphered Telegram No. 22591" in cfg.introduction_html
    assert cfg.schemas == []  # the documents' own xml-model schemas are used
