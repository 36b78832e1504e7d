"""teikit index and teikit serve as a user runs them (subprocesses)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .oaischema import errors
from .test_protocol import FIXTURES

TEIKIT = [sys.executable, "-m", "toolkit.cli"]


def teikit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*TEIKIT, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=_env(cwd))


def _env(tmp_path: Path) -> dict:
    """The environment of a run, with its own state folder (where the default index goes)."""
    import os

    return dict(os.environ, PYTHONPATH=str(ROOT), XDG_STATE_HOME=str(tmp_path / "state"))


def _indexes(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "state" / "teikit" / "oai").glob("*.sqlite"))


def test_index_exit_codes_and_messages(tmp_path, shared):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "minimal.xml", src / "ok.xml")
    done = teikit("index", str(src), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # the default index is in the user's state folder, never beside or inside the sources
    assert "1 added" in done.stdout and [p.name[:4] for p in _indexes(tmp_path)] == ["tei-"]
    assert not (tmp_path / ".teikit").exists() and not (src / ".teikit").exists()
    (src / "bad.xml").write_text("<TEI>\n<teiHeader>\n", encoding="utf-8")
    done = teikit("index", str(src), "--db", str(tmp_path / "x.sqlite"), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{src / 'bad.xml'}:3:" in done.stderr and "Traceback" not in done.stderr
    done = teikit("index", str(tmp_path / "missing"), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    done = teikit("index", str(src), "--repository-id", "no_dots", cwd=tmp_path)
    assert done.returncode == 2 and "domain-like" in done.stderr


def test_serve_site_and_oai(tmp_path, shared):
    src = tmp_path / "tei"
    (src / "letters").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal.xml", src / "letters" / "minimal.xml")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><title>edition</title>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not to be served", encoding="utf-8")
    proc = subprocess.Popen([*TEIKIT, "serve", str(src), "--port", "0", "--site", str(site),
                             "--admin-email", "editor@example.org"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(tmp_path))
    try:
        url = None
        for _ in range(5):
            line = proc.stdout.readline()
            if line.startswith("serving "):
                url = line.split()[1]
                break
        assert url and url.startswith("http://127.0.0.1:"), line
        body = urllib.request.urlopen(url + "oai?verb=Identify", timeout=30).read()
        assert not errors(body) and b"<adminEmail>editor@example.org</adminEmail>" in body
        body = urllib.request.urlopen(url + "oai?verb=ListRecords&metadataPrefix=mods"
                                      "&set=collection:letters", timeout=30).read()
        assert not errors(body) and b"oai:teikit.local:minimal" in body
        assert b"<title>edition</title>" in urllib.request.urlopen(url, timeout=30).read()
        for bad in ("../secret.txt", "%2e%2e/secret.txt", "nothing.html"):
            with pytest.raises(urllib.error.HTTPError) as exc:
                urllib.request.urlopen(url + bad, timeout=30)
            assert exc.value.code == 404
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in proc.stderr.read()
    assert len(_indexes(tmp_path)) == 1 and not (tmp_path / ".teikit").exists()


def test_teikit_state_folder_is_ignored_by_git():
    """An index written with --db .teikit/... (the old default) is never committed."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "check-ignore", "-q", ".teikit/oai.sqlite"], cwd=ROOT)
    assert done.returncode == 0, ".teikit/ is not in .gitignore"
