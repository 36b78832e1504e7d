"""teikit cite: output, options, exit codes."""

from __future__ import annotations

from click.testing import CliRunner

from tests.conftest import TELEGRAM
from toolkit import xmlio
from toolkit.cli import cli as main
from toolkit.render import cite as citing

from .conftest import ACCESSED


def run(*args):
    return CliRunner().invoke(main, ["cite", *map(str, args)])


def test_prints_the_citation():
    r = run(TELEGRAM, "--style", "chicago-bib", "--accessed", ACCESSED)
    assert r.exit_code == 0, r.output
    expected = citing.cite(xmlio.parse(TELEGRAM), "chicago-bib", accessed=ACCESSED)
    assert r.output == expected + "\n"
    assert "RGASPI" in r.output


def test_writes_output_file(tmp_path):
    out = tmp_path / "sub" / "t.bib"
    r = run(TELEGRAM, "--style", "bibtex", "--accessed", ACCESSED, "-o", out)
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("@misc{telegram-22591,")


def test_base_url_is_cited():
    r = run(TELEGRAM, "--style", "apa", "--base-url", "https://example.org/t")
    assert r.exit_code == 0 and r.output.rstrip().endswith("https://example.org/t")


def test_unknown_style_is_usage_error():
    assert run(TELEGRAM, "--style", "harvard").exit_code == 2


def test_bad_accessed_date_is_usage_error():
    r = run(TELEGRAM, "--accessed", "2026-02-30")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_missing_file_is_usage_error():
    r = run("no/such.xml")
    assert r.exit_code == 2 and "no/such.xml" in r.output


def test_not_tei_is_located_error(tmp_path):
    f = tmp_path / "x.xml"
    f.write_text("<doc/>")
    r = run(f)
    assert r.exit_code == 1 and f"{f}:1:1:" in r.output and "Traceback" not in r.output


def test_malformed_is_located_error(tmp_path):
    f = tmp_path / "bad.xml"
    f.write_text("<TEI>\n<teiHeader>\n</TEI>")
    r = run(f)
    assert r.exit_code == 1 and str(f) + ":3:" in r.output


def test_no_bibliography_entry_is_an_error(tmp_path):
    """Chicago gives no bibliography entry without archive, publisher or URL: exit 1."""
    f = tmp_path / "bare.xml"
    f.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                 "<title>Bare</title></titleStmt><publicationStmt><p/></publicationStmt>"
                 "<sourceDesc><p/></sourceDesc></fileDesc></teiHeader></TEI>")
    r = run(f, "--style", "chicago-bib")
    assert r.exit_code == 1 and "gives no entry" in r.output
    assert run(f, "--style", "chicago-note").output.startswith("“Bare,” n.d.")


def test_help_has_example():
    r = CliRunner().invoke(main, ["cite", "--help"])
    assert r.exit_code == 0 and "Example:" in r.output and "teikit cite" in r.output
