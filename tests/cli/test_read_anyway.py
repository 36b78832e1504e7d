"""Whole documents are not refused for one detail: a duplicate or malformed xml:id, or a
remote XInclude with a fallback, gives a warning on standard error and the output.

(``teikit validate`` reports the xml:id problems as errors: tests/validate.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli

FIX = Path(__file__).parents[1] / "validate" / "fixtures" / "cli"

# (fixture, words its output must hold, the warning's rule)
CASES = [
    ("duplicate-id.xml", ["One.", "Two."], "xml:id"),
    ("id-not-ncname.xml", ["starts with a digit"], "xml:id"),
    ("xinclude-fallback.xml", ["The fallback paragraph."], "xinclude"),
]


def _run(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


@pytest.mark.parametrize("name,words,rule", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("to", ["text", "html"])
def test_render_warns_and_renders(name, words, rule, to):
    result = _run("render", FIX / name, "--to", to)
    assert result.exit_code == 0, result.output
    assert all(w in result.stdout for w in words)
    warnings = [ln for ln in result.stderr.splitlines() if ": warning: " in ln]
    assert warnings and all(ln.startswith(f"{FIX / name}:") for ln in warnings)
    assert all(ln.endswith(f"[{rule}]") for ln in warnings)


@pytest.mark.parametrize("name,words,rule", CASES, ids=[c[0] for c in CASES])
def test_cite_warns_and_cites(name, words, rule):
    result = _run("cite", FIX / name, "--style", "bibtex")
    assert result.exit_code == 0, result.output
    assert "Fixture" in result.stdout and f"[{rule}]" in result.stderr


def test_build_builds_them_with_warnings(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, _, _ in CASES:
        (src / name).write_bytes((FIX / name).read_bytes())
    (src / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    out = tmp_path / "out"
    result = _run("build", src, "-o", out, "--no-pdf", "-j", "1")
    assert result.exit_code == 1  # broken.xml could not be built; the others were
    for name, words, _ in CASES:
        page = (out / Path(name).stem / f"{Path(name).stem}.html").read_text(encoding="utf-8")
        assert all(w in page for w in words)
    assert "4 documents: 3 built, 0 skipped (unchanged), 1 failed" in result.stderr
    assert "3 warnings (built anyway):" in result.stderr
    report = (out / ".teikit-build-report.txt").read_text(encoding="utf-8")
    assert f"{src / 'broken.xml'}:1:" in report
    assert report.count(": warning: ") == 3


def test_build_summary_stays_short(tmp_path):
    from toolkit.errors import Issue
    from toolkit.site.batch import REPORT_NAME, BuildReport, report_text, short_summary

    failed = [Issue(f"d{n}.xml", 1, 1, "error", "broken") for n in range(30)]
    report = BuildReport(built=["a.xml"], failed=failed, warnings=failed[:2])
    text = short_summary(report, tmp_path)
    assert len(text.splitlines()) == 1 + 1 + 10 + 1 + 2 + 1
    assert "30 failed (not built), the first 10:" in text
    assert text.splitlines()[-1] == f"Full report: {tmp_path / REPORT_NAME}"
    assert report_text(report).count("d29.xml:1:1: error: broken") == 1
