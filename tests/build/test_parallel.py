"""Parallel builds: a process pool gives the same site as one process, a failing
document is reported with its location and stops nothing, failures cross processes."""

from __future__ import annotations

import io
import json
import pickle
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import TELEGRAM
from toolkit import saxon as xslt
from toolkit.cli import cli
from toolkit.errors import NotWellFormed
from toolkit.site import batch, state
from toolkit.site.progress import BuildProgress

BROKEN = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>"


def site_files(out: Path) -> dict[str, bytes]:
    """Every output of a site except the build state and the search bundle (Pagefind's own
    output, whose file names and order vary between runs): of the bundle, its languages and
    page counts."""
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
             if p.is_file() and p.name != state.STATE_NAME and "pagefind" not in p.parts}
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_bytes())
    files["pagefind (languages, pages)"] = json.dumps(
        {k: v["page_count"] for k, v in entry["languages"].items()}, sort_keys=True).encode()
    return files


def make_src(tmp_path_factory, names: tuple[str, ...]) -> Path:
    """A source folder: copies of the telegram under these names, and one broken file."""
    d = tmp_path_factory.mktemp("src")
    for name in names:
        shutil.copy(TELEGRAM, d / name)
    (d / "broken.xml").write_text(BROKEN, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    return make_src(tmp_path_factory, ("one.xml", "two.xml", "three.xml"))


def _cli_build(src: Path, out: Path, *extra: str):
    return CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--no-pdf",
                                    "--accessed", "2026-01-02", *extra])


def test_pool_equals_one_process_and_isolates_the_failure(src, tmp_path):
    pooled = _cli_build(src, tmp_path / "pool", "-j", "2")
    serial = _cli_build(src, tmp_path / "serial", "-j", "1")
    for result in (pooled, serial):
        assert result.exit_code == 1, result.output
        assert f"{src / 'broken.xml'}:1:" in result.output
        assert "3 built, 0 skipped (unchanged), 1 failed" in result.output
    a, b = site_files(tmp_path / "pool"), site_files(tmp_path / "serial")
    assert sorted(a) == sorted(b) and "two/two.html" in a and "index.html" in a
    assert a == b
    assert not (tmp_path / "pool" / "broken").exists()


def test_failure_pickles_with_its_location():
    err = batch.DocumentFailed(NotWellFormed("unclosed tag", file="x.xml", line=3,
                                             column=7).as_issue())
    back = pickle.loads(pickle.dumps(err))
    assert back.as_issue() == err.as_issue()
    assert back.as_issue().format() == "x.xml:3:7: error: unclosed tag"


def test_worker_result_is_picklable(tmp_path, src):
    ok = batch.build_one(str(src / "one.xml"), str(tmp_path), batch.BuildOptions(pdf=False))
    bad = batch.build_one(str(src / "broken.xml"), str(tmp_path),
                          batch.BuildOptions(pdf=False))
    assert ok.error is None and ok.info is not None
    ok2, bad2 = pickle.loads(pickle.dumps((ok, bad)))
    assert ok2.info == ok.info and ok2.occurrences == ok.occurrences
    assert bad2.error.as_issue().line == 1 and bad2.error.as_issue().file.endswith("broken.xml")


def test_internal_errors_stay_with_their_document(tmp_path, src, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(batch.builder, "build_document", boom)
    res = batch.build_one(str(src / "one.xml"), str(tmp_path), batch.BuildOptions(pdf=False))
    assert "renderer crashed" in res.error.as_issue().message
    assert res.error.as_issue().file == str(src / "one.xml")


def test_warm_worker_compiles_each_stylesheet_once():
    batch.warm_worker(pdf=False)
    n = len(xslt._CACHE)
    assert n >= 3
    batch.warm_worker(pdf=False)
    assert len(xslt._CACHE) == n


def test_unknown_executor_is_a_usage_error(tmp_path):
    result = _cli_build(TELEGRAM, tmp_path, "--executor", "cloud")
    assert result.exit_code == 2 and "unknown executor" in result.output
    assert not any(tmp_path.iterdir())


def test_help_says_pdfs_take_seconds():
    result = CliRunner().invoke(cli, ["build", "--help"])
    assert "seconds" in result.output and "Example:" in result.output


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert BuildProgress().enabled is False
    tty = _Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert BuildProgress(enabled=False).enabled is False
    with BuildProgress() as bar:
        bar.plan(2, 5)
        bar.advance("first.xml")
    assert "5 unchanged" in tty.getvalue() and "first.xml" in tty.getvalue()


def test_pdf_build_without_weasyprint_is_a_missing_resource(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails
    result = CliRunner().invoke(cli, ["build", str(TELEGRAM), "-o", str(tmp_path)])
    assert result.exit_code == 3 and "--no-pdf" in result.output
    assert not (tmp_path / TELEGRAM.stem).exists()
