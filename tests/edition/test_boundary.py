"""The edition's folder is its boundary: XIncludes reaching outside it are refused, with
their location, by every command that reads documents (serve included), through
relative paths, absolute paths and symbolic links, for both parse kinds; teikit.toml's
[xinclude] allow opens a folder."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hardening.clihelp import assert_clean, invoke

SECRET = "SECRET-7f3a91"
XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"'


def tei(title: str, body: str = "<p>Text.</p>") -> str:
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" {XI}><teiHeader><fileDesc>\n'
            f"<titleStmt><title>{title}</title></titleStmt>\n"
            "<publicationStmt><publisher>P</publisher></publicationStmt>"
            "<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>\n"
            f"<text><body>{body}</body></text></TEI>\n")


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """An edition whose documents include the build machine's files: ../../secret.txt
    (text), an absolute path (text), and a link inside tei/ to a file outside (XML)."""
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "secret.xml").write_text(f"<title xmlns='http://www.tei-c.org/ns/1.0'>"
                                         f"{SECRET}</title>")
    ed = tmp_path / "ed"
    (ed / "tei").mkdir(parents=True)
    (ed / "teikit.toml").write_text('title = "Hostile"\n[outputs]\npdf = false\n')
    docs = {
        "relative.xml": tei('<xi:include href="../../secret.txt" parse="text"/>'),
        "absolute.xml": tei(f'<xi:include href="{tmp_path / "secret.txt"}" parse="text"/>'),
        "linked.xml": tei('<xi:include href="leak.xml"/>'),
    }
    for name, text in docs.items():
        (ed / "tei" / name).write_text(text)
    (ed / "tei" / "leak.xml").symlink_to(tmp_path / "secret.xml")
    os.rename(ed / "tei" / "leak.xml", ed / "leak.xml")  # not a document of its own
    (ed / "tei" / "leak.xml").symlink_to(ed / "leak.xml")
    monkeypatch.chdir(ed)
    return ed


REFUSED = re.compile(r"(\S+\.xml):(\d+):(\d+): error: XInclude of .* refused: outside the "
                     r"edition's folder")


def _located(output: str) -> dict[str, tuple[int, int]]:
    return {Path(m.group(1)).name: (int(m.group(2)), int(m.group(3)))
            for m in REFUSED.finditer(output)}


DOCS = ("relative.xml", "absolute.xml", "linked.xml")
WHERE = (2, 19)  # the <xi:include in the title: line 2, the column of its "<"


def _no_secret(run, *folders: Path) -> None:
    assert SECRET not in run.output
    for folder in folders:
        for f in folder.rglob("*"):
            if f.is_file() and not f.is_symlink():
                assert SECRET.encode() not in f.read_bytes(), f


@pytest.mark.parametrize("doc", DOCS)
def test_render_refuses(hostile, doc):
    for to in ("text", "html"):
        run = invoke(["render", f"tei/{doc}", "--to", to])
        assert_clean(run, {1})
        assert _located(run.stderr) == {doc: WHERE}, run.output
        _no_secret(run)


@pytest.mark.parametrize("doc", DOCS)
def test_cite_refuses(hostile, doc):
    run = invoke(["cite", f"tei/{doc}", "--style", "csl-json"])
    assert_clean(run, {1})
    assert _located(run.stderr) == {doc: WHERE}, run.output
    _no_secret(run)


def test_validate_refuses(hostile):
    run = invoke(["validate", "--schema", "tei_all"])
    assert_clean(run, {1})
    assert _located(run.stdout) == dict.fromkeys(DOCS, WHERE), run.output
    _no_secret(run)


def test_build_refuses(hostile):
    run = invoke(["build", "-q", "-j", "1"])
    assert_clean(run, {1})
    assert _located(run.stderr) == dict.fromkeys(DOCS, WHERE), run.output
    assert (hostile / "site" / "index.html").is_file()
    _no_secret(run, hostile / "site")


def test_index_refuses(hostile, tmp_path):
    run = invoke(["index", "--db", str(tmp_path / "oai.sqlite")])
    assert_clean(run, {1})
    assert _located(run.stderr) == dict.fromkeys(DOCS, WHERE), run.output
    _no_secret(run)
    assert SECRET.encode() not in (tmp_path / "oai.sqlite").read_bytes()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_refuses(hostile, tmp_path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit.cli", "serve", "--port", str(port),
         "--db", str(tmp_path / "oai.sqlite")], cwd=hostile, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        body = ""
        for _ in range(100):  # bounded: 20 s
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/oai?verb=ListRecords"
                                            "&metadataPrefix=oai_dc", timeout=2) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert "OAI-PMH" in body
        assert SECRET not in body
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert _located(err) == dict.fromkeys(DOCS, WHERE), err
    assert SECRET not in out + err


def test_allowed_folder_is_included(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "names.txt").write_text("Shared words")
    ed = tmp_path / "ed"
    (ed / "tei").mkdir(parents=True)
    (ed / "teikit.toml").write_text('title = "T"\n[xinclude]\nallow = ["../shared"]\n')
    (ed / "tei" / "a.xml").write_text(
        tei("A", '<p><xi:include href="../../shared/names.txt" parse="text"/></p>'))
    monkeypatch.chdir(ed)
    run = invoke(["render", "tei/a.xml", "--to", "text"])
    assert_clean(run, {0})
    assert "Shared words" in run.stdout


def test_without_config_the_folder_given_is_the_boundary(tmp_path, monkeypatch):
    (tmp_path / "outside.txt").write_text(SECRET)
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "part.txt").write_text("Part words")
    (tmp_path / "corpus" / "sub" / "a.xml").write_text(tei(
        "A", '<p><xi:include href="../part.txt" parse="text"/></p>'))
    (tmp_path / "corpus" / "b.xml").write_text(tei(
        "B", '<p><xi:include href="../outside.txt" parse="text"/></p>'))
    monkeypatch.chdir(tmp_path)
    run = invoke(["validate", "corpus", "--schema", "tei_all", "--format", "json"])
    assert_clean(run, {1})
    files = {Path(f["file"]).name: f for f in json.loads(run.stdout)["files"]}
    assert files["a.xml"]["well_formed"] and not files["b.xml"]["well_formed"]
    assert SECRET not in run.output
