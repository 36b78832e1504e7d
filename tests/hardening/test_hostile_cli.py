"""Hostile XML through every ``teikit`` command: exit codes, FILE:LINE:COLUMN, no traceback.

Most runs are in process (CliRunner: an exception escaping a command is caught and
reported); the console script itself is run as a subprocess for the network,
permission and entry-point cases.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.hardening import hostile
from tests.hardening.clihelp import (
    Run,
    accepts_folder,
    assert_clean,
    file_commands,
    invoke,
    subprocess_run,
)
from tests.hardening.test_hostile_parse import listener
from toolkit import limits

# case -> (document bytes, line the error is reported at, a word of the message)
REFUSED = {
    "billion-laughs": (hostile.billion_laughs, 14, "entity expansion too large"),
    "quadratic-blowup": (hostile.quadratic_blowup, 3, "entity expansion too large"),
    "too-deep": (lambda: hostile.deep(100_000), 2, "nested deeper"),
    "invalid-utf8": (hostile.invalid_utf8, 3, "ncoding"),
    "empty": (lambda: b"", 1, "empty"),
    "binary": (hostile.binary, 1, ""),
}
ACCEPTED = {
    "utf16-bom": (hostile.utf16_with_bom, ["Пекин", "Zedong"]),
    "external-dtd-subset": (lambda: hostile.external_dtd("file:///nonexistent/tei.dtd"),
                            ["external", "subset"]),
    "depth-90": (lambda: hostile.deep(90, "deepword"), ["deepword"]),
}
CONSUMERS = ("render", "build", "cite")  # commands whose success means an output


def _cmd(argv: list[str]) -> str:
    return argv[0]


def _alone(tmp_path, name: str, data: bytes):
    """Write ``data`` as the only file of a fresh input folder."""
    d = tmp_path / "in"
    d.mkdir()
    f = d / name
    f.write_bytes(data)
    return f


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_everywhere_with_location(tmp_path, case):
    make, line, word = REFUSED[case]
    f = _alone(tmp_path, f"{case}.xml", make())
    for argv in file_commands(f, tmp_path):
        run = invoke(argv)
        assert_clean(run, {1})
        assert re.search(rf"{re.escape(str(f))}:{line}:\d+: ", run.output), (argv, run.output)
        assert word in run.output, (argv, run.output)


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_accepted_everywhere_and_words_kept(tmp_path, case):
    make, words = ACCEPTED[case]
    f = _alone(tmp_path, f"{case}.xml", make())
    for argv in file_commands(f, tmp_path):
        run = invoke(argv)
        if _cmd(argv) in CONSUMERS:
            assert_clean(run, {0})
        else:  # validate may call a minimal document invalid
            assert_clean(run, {0, 1})
        if argv[0] == "render" and argv[3] in ("text", "html"):  # not the binary pdf
            for w in words:
                assert w in run.stdout, (argv, run.stdout)


def test_depth_near_the_limit_renders_or_fails_cleanly(tmp_path):
    """Deep but accepted documents never crash Saxon or the process."""
    f = _alone(tmp_path, "deep.xml", hostile.deep(limits.MAX_DEPTH - 10, "deepword"))
    for argv in file_commands(f, tmp_path):
        run = invoke(argv)
        assert_clean(run, {0, 1})
        if run.exit_code == 0 and argv[0] == "render":
            assert "deepword" in run.stdout


@pytest.mark.parametrize("levels", [300, limits.MAX_DEPTH - 10])
def test_deep_documents_render(tmp_path, levels):
    f = _alone(tmp_path, "deep.xml", hostile.deep(levels, "deepword"))
    run = invoke(["render", str(f), "--to", "text"])
    assert_clean(run, {0})
    assert "deepword" in run.stdout


@pytest.mark.parametrize("make", [hostile.xhtml, hostile.rss], ids=["xhtml", "rss"])
def test_not_tei_is_refused_by_render_and_build(tmp_path, make):
    f = _alone(tmp_path, "page.xml", make())
    for argv in file_commands(f, tmp_path):
        run = invoke(argv)
        assert_clean(run, {1})
        if argv[0] in ("render", "build"):
            assert f"{f}:2:1: " in run.output and "not a TEI document" in run.output


@pytest.mark.parametrize("make", [hostile.xhtml, hostile.rss], ids=["xhtml", "rss"])
def test_not_tei_never_crashes(tmp_path, make):
    f = _alone(tmp_path, "page.xml", make())
    for argv in file_commands(f, tmp_path):
        assert_clean(invoke(argv), {0, 1})
        if argv[0] == "validate":
            assert invoke(argv).exit_code == 1, "validate must call a non-TEI page invalid"


def test_paths_directory_and_missing(tmp_path):
    for argv in file_commands(tmp_path / "absent.xml", tmp_path):
        run = invoke(argv)
        assert_clean(run, {2})
        assert "absent.xml" in run.output
    d = tmp_path / "folder.xml"
    d.mkdir()
    for argv in file_commands(d, tmp_path):
        if accepts_folder(argv):  # build, index, validate: a folder is normal input
            continue
        run = invoke(argv)
        assert_clean(run, {2})
        assert "folder.xml" in run.output


def test_symlink_loop_in_build_folder(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "up").symlink_to(src)
    (src / "a.xml").symlink_to(src / "b.xml")
    (src / "b.xml").symlink_to(src / "a.xml")
    (src / "ok.xml").write_bytes(hostile.tei("<p>fine words</p>"))
    run = invoke(["build", str(src), "-o", str(tmp_path / "site")])
    assert_clean(run, {1})
    assert f"{src / 'a.xml'}:0:0: error:" in run.output and "symbolic links" in run.output
    assert f"{src / 'b.xml'}:0:0: error:" in run.output
    assert "fine words" in (tmp_path / "site" / "ok" / "ok.txt").read_text()


# -- the real console script --------------------------------------------------------

def test_console_script_never_fetches_anything(tmp_path):
    with listener() as (url, hits):
        files = []
        for i, make in enumerate((hostile.external_entity, hostile.parameter_entity,
                                  hostile.external_dtd)):
            files.append(tmp_path / f"net{i}.xml")
            files[-1].write_bytes(make(f"{url}/evil{i}"))
        for f in files:
            for argv in file_commands(f, tmp_path):
                run = subprocess_run(argv)
                assert_clean(run, {0, 1})
                assert "evil" not in run.stdout
    assert hits == [], f"a command connected to {url}: {hits!r}"


def test_console_script_permission_denied(tmp_path):
    f = _alone(tmp_path, "locked.xml", hostile.tei("<p>secret</p>"))
    f.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads mode 000 anyway: drop the capabilities that allow it
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        caps = "-dac_override,-dac_read_search"
        prefix = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]
    p = subprocess.run([*prefix, sys.executable, "-m", "toolkit.cli", "render", str(f)],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    run = Run(["render", str(f)], p.returncode, p.stdout, p.stderr)
    assert_clean(run, {2})
    # click's own check ("is not readable") or the library's ("permission denied")
    assert str(f) in run.stderr
    assert "permission denied" in run.stderr or "not readable" in run.stderr
