"""Incremental builds: only changed documents are redone, deleted ones leave no outputs,
a new toolkit or other options rebuild all, and unchanged input does no work at all."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lhtml

from tests.conftest import TELEGRAM
from toolkit.cli import cli
from toolkit.site import batch, state
from toolkit.site.chrome import DOC_SLOT

NO_PDF = batch.BuildOptions(pdf=False, accessed="2026-01-02")
TITLE = "Ciphered Telegram No. 22591"


def _run(src: Path, out: Path, opts: batch.BuildOptions = NO_PDF, **kw) -> batch.BuildReport:
    return batch.run_build(src, out, opts, jobs=1, executor_spec="serial", **kw)


def _snapshot(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def src(tmp_path: Path) -> Path:
    """Three documents: the telegram under three names."""
    d = tmp_path / "src"
    (d / "sub").mkdir(parents=True)
    for name in ("a.xml", "b.xml", "sub/c.xml"):
        shutil.copy(TELEGRAM, d / name)
    return d


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Every document the executors are asked to build."""
    seen: list[str] = []
    real = batch.build_one

    def counting(src, out, opts):
        seen.append(Path(src).name)
        return real(src, out, opts)

    monkeypatch.setattr(batch, "build_one", counting)
    return seen


def test_unchanged_input_does_no_work(src, tmp_path, calls):
    out = tmp_path / "out"
    first = _run(src, out)
    assert sorted(first.built) == ["a.xml", "b.xml", "sub/c.xml"] and not first.failed
    before = _snapshot(out)
    assert state.STATE_NAME in before
    calls.clear()
    again = _run(src, out)
    assert calls == []
    assert again.built == [] and sorted(again.skipped) == ["a.xml", "b.xml", "sub/c.xml"]
    assert not again.site_written
    assert _snapshot(out) == before  # nothing rewritten, not even the state
    home = lhtml.document_fromstring((out / "index.html").read_bytes())
    assert len(home.find_class("tk-doc")) == 3


def test_one_changed_document_is_the_only_one_rebuilt(src, tmp_path, calls):
    out = tmp_path / "out"
    _run(src, out)
    before = _snapshot(out)
    pages = {k: (out / k / f"{k}.html").read_text(encoding="utf-8") for k in ("a", "c")}
    text = (src / "b.xml").read_text(encoding="utf-8")
    assert text.count(TITLE) >= 1
    (src / "b.xml").write_text(text.replace(TITLE, "Ciphered Telegram Number Changed"),
                               encoding="utf-8")
    calls.clear()
    report = _run(src, out)
    assert calls == ["b.xml"] and report.built == ["b.xml"]
    after = _snapshot(out)
    changed = {k for k in after if after[k] != before.get(k)}
    assert {"b/b.html", "index.html", "register.html", state.STATE_NAME} <= changed
    # of the others, only the pages next to b change, and only in their previous/next links
    assert {k for k in changed if k.startswith(("a/", "c/"))} <= {"a/a.html", "c/c.html"}
    for k, old_page in pages.items():
        new_page = (out / k / f"{k}.html").read_text(encoding="utf-8")
        assert DOC_SLOT.sub("", new_page) == DOC_SLOT.sub("", old_page)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Ciphered Telegram Number Changed" in home and home.count(TITLE) == 2


def test_deleted_source_removes_its_outputs_and_entries(src, tmp_path):
    out = tmp_path / "out"
    _run(src, out)
    assert (out / "c" / "c.html").is_file()
    (src / "sub" / "c.xml").unlink()
    report = _run(src, out)
    assert report.removed == ["sub/c.xml"] and report.built == []
    assert not (out / "c").exists()
    home = lhtml.document_fromstring((out / "index.html").read_bytes())
    assert home.xpath("//tr[@class='tk-doc']/th/a/@href") == ["a/a.html", "b/b.html"]
    assert "c/c.html" not in (out / "register.html").read_text(encoding="utf-8")
    saved = json.loads((out / state.STATE_NAME).read_text(encoding="utf-8"))
    assert sorted(saved["entries"]) == ["a.xml", "b.xml"]


def test_other_options_or_access_date_rebuild(src, tmp_path, calls):
    out = tmp_path / "out"
    _run(src, out)
    calls.clear()
    _run(src, out, batch.BuildOptions(pdf=False, accessed="2026-01-02",
                                      base_url="https://example.org/ed/"))
    assert sorted(calls) == ["a.xml", "b.xml", "c.xml"]
    assert "https://example.org/ed/a/a.html" in (out / "a" / "a.html").read_text("utf-8")
    calls.clear()
    _run(src, out, batch.BuildOptions(pdf=False, accessed="2026-03-04",
                                      base_url="https://example.org/ed/"))
    assert sorted(calls) == ["a.xml", "b.xml", "c.xml"]
    assert "urldate = {2026-03-04}" in (out / "a" / "a.bib").read_text("utf-8")
    calls.clear()
    # no --accessed: each document keeps the date it was built with
    _run(src, out, batch.BuildOptions(pdf=False, base_url="https://example.org/ed/"))
    assert calls == []


def test_toolkit_change_rebuilds_everything(src, tmp_path, calls, monkeypatch):
    out = tmp_path / "out"
    _run(src, out)
    monkeypatch.setattr(state, "toolkit_fingerprint", lambda: "another toolkit")
    calls.clear()
    _run(src, out)
    assert sorted(calls) == ["a.xml", "b.xml", "c.xml"]


def test_missing_output_is_rebuilt(src, tmp_path, calls):
    out = tmp_path / "out"
    _run(src, out)
    (out / "a" / "a.txt").unlink()
    calls.clear()
    _run(src, out)
    assert calls == ["a.xml"] and (out / "a" / "a.txt").is_file()


def test_unchanged_failure_is_reported_not_redone(src, tmp_path, calls):
    out = tmp_path / "out"
    (src / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>",
                                    encoding="utf-8")
    first = _run(src, out)
    assert [i.file for i in first.failed] == [str(src / "broken.xml")]
    calls.clear()
    again = _run(src, out)
    assert calls == [] and again.failed == first.failed
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--no-pdf",
                                      "--accessed", "2026-01-02", "-j", "1", "-v"])
    assert result.exit_code == 1, result.output
    assert f"{src / 'broken.xml'}:1:" in result.output and ": error: " in result.output
    assert "3 skipped (unchanged), 1 failed" in result.output


def test_a_document_that_breaks_keeps_its_last_good_outputs(src, tmp_path):
    out = tmp_path / "out"
    _run(src, out)
    (src / "a.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>",
                               encoding="utf-8")
    report = _run(src, out)
    assert [i.file for i in report.failed] == [str(src / "a.xml")]
    assert (out / "a" / "a.html").is_file()  # the last good outputs stay for links to them
    home = lhtml.document_fromstring((out / "index.html").read_bytes())
    # but the table does not list it as if it were fine: the failure is named apart
    assert "a/a.html" not in home.xpath("//tr[@class='tk-doc']/th/a/@href")
    assert "a.xml" in home.get_element_by_id("tk-failed").getparent().text_content()


def test_corpus_noop_rebuild_under_a_second(corpus, tmp_path):
    """Build a sample of the corpus, then time the no-op rebuild of it: hashing every
    source, loading the state, checking the outputs. The 1 s target is for the whole
    corpus; bench/build.py measures that."""
    src = tmp_path / "corpus"
    src.mkdir()
    small = sorted(corpus.glob("*.xml"), key=lambda p: p.stat().st_size)[:8]
    for f in small:
        (src / f.name).symlink_to(f)
    out = tmp_path / "out"
    first = _run(src, out)
    assert len(first.built) + len(first.failed) == len(small)
    t0 = time.perf_counter()
    again = _run(src, out)
    assert time.perf_counter() - t0 < 1.0
    assert again.built == [] and len(again.skipped) == len(first.built)


def test_moved_source_keeps_its_outputs(src, tmp_path):
    out = tmp_path / "out"
    _run(src, out)
    (src / "sub" / "c.xml").rename(src / "c.xml")
    report = _run(src, out)
    assert report.removed == ["sub/c.xml"] and report.built == ["c.xml"]
    assert (out / "c" / "c.html").is_file() and (out / "c" / "c.txt").is_file()


def test_same_stem_in_two_folders_is_reported_and_skipped(src, tmp_path):
    out = tmp_path / "out"
    shutil.copy(src / "a.xml", src / "sub" / "a.xml")
    report = _run(src, out)
    assert [(i.file, i.line) for i in report.failed] == [(str(src / "sub" / "a.xml"), 0)]
    assert "same file name as a.xml" in report.failed[0].message
    assert sorted(report.built) == ["a.xml", "b.xml", "sub/c.xml"]


def test_interrupted_build_keeps_what_was_built(src, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = batch.build_one
    done: list[str] = []

    def interrupted(s, o, opts):
        if done:
            raise KeyboardInterrupt
        done.append(Path(s).name)
        return real(s, o, opts)

    monkeypatch.setattr(batch, "build_one", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _run(src, out)
    monkeypatch.setattr(batch, "build_one", real)
    report = _run(src, out)
    assert len(done) == 1 and len(report.built) == 2 and len(report.skipped) == 1
    assert Path(report.skipped[0]).name == done[0]


def test_a_lost_worker_is_retried_next_time(src, tmp_path, monkeypatch, calls):
    out = tmp_path / "out"
    monkeypatch.setattr(batch, "_serial", lambda tasks, jobs: (
        batch._lost(t, RuntimeError("worker killed")) for t in tasks))
    first = _run(src, out)
    assert len(first.failed) == 3 and "worker killed" in first.failed[0].message
    monkeypatch.undo()
    report = _run(src, out)
    assert sorted(report.built) == ["a.xml", "b.xml", "sub/c.xml"] and not report.failed
