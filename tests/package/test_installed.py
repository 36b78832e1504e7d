"""Every command of an installed teikit works from any folder, with an empty HOME, offline.

The wheel (built from the sdist of a clean copy of the checkout) is installed into a
fresh virtualenv (conftest.py); each test runs ``teikit`` from a work folder outside the
checkout and checks what it produced: the words of the text, the HTML's title and body,
the PDF's text, validation verdicts and their messages, the OAI-PMH Identify response.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
import threading
import urllib.request
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ROOT, TELEGRAM
from toolkit.edition.tei_all import TEI_ALL_SHA256, TEI_VERSION, is_expected

FIXTURES = Path(__file__).with_name("fixtures")
OAI = "{http://www.openarchives.org/OAI/2.0/}"


@pytest.fixture(scope="module")
def work(installed):
    """The work folder with the documents a user would bring: the telegram in tei/,
    the fixtures beside it."""
    (installed.work / "tei").mkdir(exist_ok=True)
    shutil.copy(TELEGRAM, installed.work / "tei" / TELEGRAM.name)
    shutil.copytree(FIXTURES, installed.work, dirs_exist_ok=True)
    return installed


def _ok(done: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done


# -- the distributions ---------------------------------------------------------------

def test_the_wheel_carries_stylesheets_schemas_assets_and_tei_all(dists):
    wheel = zipfile.ZipFile(next(dists.glob("teikit-*.whl")))
    names = set(wheel.namelist())
    for src in sorted((ROOT / "xslt").rglob("*.xsl")):
        name = f"toolkit/_data/xslt/{src.relative_to(ROOT / 'xslt').as_posix()}"
        assert wheel.read(name) == src.read_bytes(), name
    for schema in ("teikit.odd", "teikit.rng", "teikit.sch"):
        assert wheel.read(f"toolkit/_data/schemas/{schema}") == (
            ROOT / "schemas" / schema).read_bytes()
    for asset in ("edition.css", "edition.js", "print.css"):
        assert f"toolkit/assets/{asset}" in names
    assert is_expected(wheel.read(f"toolkit/_data/tei_all-{TEI_VERSION}.rng")), TEI_ALL_SHA256


def test_the_sdist_carries_what_a_complete_wheel_needs(dists):
    with tarfile.open(next(dists.glob("teikit-*.tar.gz"))) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
        tei_all = sdist.extractfile(next(m for m in sdist.getmembers()
                                         if m.name.endswith(f"/tei_all-{TEI_VERSION}.rng")))
        assert is_expected(tei_all.read())
    assert {"setup.py", "xslt/html.xsl", "xslt/common/functions.xsl",
            "schemas/teikit.odd", "toolkit/assets/print.css"} <= names


def test_metadata_uses_the_spdx_licence(dists):
    wheel = zipfile.ZipFile(next(dists.glob("teikit-*.whl")))
    meta = wheel.read("teikit-0.1.0.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in meta


# -- where the installed package finds its data --------------------------------------

def test_data_comes_from_the_installed_package_not_the_checkout(installed):
    done = _ok(installed.python(
        "from toolkit.edition import resources as r\n"
        "print(r.where()); print(r.xslt_dir()); print(r.schemas_dir()); print(r.tei_all())\n"
        "print(len(r.asset_text('edition.css')))"))
    where, xslt, schemas, tei_all, css = done.stdout.split("\n")[:5]
    site = installed.venv.resolve()
    assert where == "package"
    for p in (xslt, schemas, tei_all):
        assert Path(p).resolve().is_relative_to(site) and not Path(p).is_relative_to(ROOT), p
    assert int(css) == len((ROOT / "toolkit" / "assets" / "edition.css").read_text())


def test_schemas_lists_what_is_installed_with_its_tei_release(installed):
    out = _ok(installed.run("schemas")).stdout
    lines = {ln.split("  ")[0]: ln for ln in out.splitlines()}
    assert set(lines) == {"tei_all", "project", "project Schematron", "project ODD"}, out
    for line in lines.values():
        assert f"  TEI P5 {TEI_VERSION}  packaged with teikit  {installed.venv}" in line, line


def test_schemas_install_has_nothing_to_do(installed):
    out = _ok(installed.run("schemas", "install")).stdout
    assert out.startswith(f"tei_all: {installed.venv}") and "nothing to install" in out


# -- validate ---------------------------------------------------------------------

def test_validate_against_tei_all_by_its_published_address_offline(work):
    done = work.run("validate", "tei-all-url.xml")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith('tei-all-url.xml:15:27: error: element "bogus" not allowed')
    assert "not installed" not in done.stdout + done.stderr
    assert "1 invalid" in done.stderr


def test_validate_against_the_project_schemas(work):
    _ok(work.run("validate", "--schema", "project", "tei/"))
    done = work.run("validate", "--schema", "project", "dangling.xml")
    assert done.returncode == 1
    assert ('dangling.xml:14:14: error: dangling pointer: @target="#nowhere" on ref'
            in done.stdout)


def test_validate_against_a_documents_own_xml_model_schemas(work):
    done = work.run("validate", "own/letter.xml")
    assert done.returncode == 1
    assert 'own/letter.xml:16:23: error: element "hi" not allowed here' in done.stdout
    assert "own/letter.xml:17:7: error: a paragraph still says TODO" in done.stdout


def test_validate_against_tei_all_by_name(work):
    done = _ok(work.run("validate", "--schema", "tei_all", f"tei/{TELEGRAM.name}"))
    assert "1 valid" in done.stderr


# -- render, cite -------------------------------------------------------------------

def test_render_text_keeps_the_words(work):
    text = _ok(work.run("render", f"tei/{TELEGRAM.name}", "--to", "text")).stdout
    assert text.startswith("Ciphered Telegram No. 22591 from Roschin to Filippov")
    assert "совершенно секретно" in text
    diplomatic = _ok(work.run("render", f"tei/{TELEGRAM.name}", "--to", "text",
                              "--mode", "diplomatic")).stdout
    assert "совершенно секретно" in diplomatic and diplomatic != text


def test_render_html_is_the_document(work):
    _ok(work.run("render", f"tei/{TELEGRAM.name}", "--to", "html", "-o", "out/t.html"))
    page = etree.parse(str(work.work / "out" / "t.html"), etree.HTMLParser())
    assert page.findtext(".//title").startswith("Ciphered Telegram No. 22591")
    body = " ".join("".join(page.find(".//body").itertext()).split())
    assert "совершенно секретно" in body
    assert "Roshchin" in body
    assert page.xpath("//style[contains(., '--')]"), "the edition's CSS is inlined"


def test_render_pdf_has_the_text(work):
    pypdf = pytest.importorskip("pypdf")
    _ok(work.run("render", f"tei/{TELEGRAM.name}", "--to", "pdf", "-o", "out/t.pdf"))
    reader = pypdf.PdfReader(io.BytesIO((work.work / "out" / "t.pdf").read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Ciphered Telegram No. 22591" in text
    assert "совершенно секретно" in text.lower()


def test_cite(work):
    out = _ok(work.run("cite", f"tei/{TELEGRAM.name}", "--style", "chicago-note",
                       "--accessed", "2026-01-02")).stdout
    assert "Ciphered Telegram No. 22591" in out and "trans. Gary Goldberg" in out
    assert "RGASPI" in out
    bib = _ok(work.run("cite", f"tei/{TELEGRAM.name}", "--style", "bibtex")).stdout
    assert bib.lstrip().startswith("@")


# -- build, index, serve, odd --------------------------------------------------------

def test_build_a_site(work):
    done = _ok(work.run("build", "tei/", "-o", "site", "--no-pdf"))
    assert "1 built" in done.stdout + done.stderr
    site = work.work / "site"
    stem = TELEGRAM.stem
    page = etree.parse(str(site / stem / f"{stem}.html"), etree.HTMLParser())
    assert page.findtext(".//title").startswith("Ciphered Telegram No. 22591")
    assert "совершенно секретно" in (site / stem / f"{stem}.txt").read_text()
    home = (site / "index.html").read_text()
    assert f"{stem}/{stem}.html" in home
    for asset in sorted((site / "assets").iterdir()):
        assert asset.read_text() == (ROOT / "toolkit" / "assets" / asset.name).read_text()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert {"ru", "en"} <= set(entry["languages"])  # the search index, built offline


def test_index_then_serve_answers_oai_and_dts(work):
    done = _ok(work.run("index", "tei/", "--db", "oai.sqlite"))
    assert "1 added" in done.stdout
    (work.work / "served").mkdir(exist_ok=True)
    (work.work / "served" / "index.html").write_text("<!DOCTYPE html><title>home</title>")
    proc = subprocess.Popen(
        [str(work.teikit), "serve", "tei/", "--port", "0", "--site", "served",
         "--db", "oai.sqlite", "--name", "Harvest letters",
         "--admin-email", "editor@example.org"],
        cwd=work.work, env=work.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        url, line = None, ""
        for _ in range(5):
            line = proc.stdout.readline()
            if line.startswith("serving "):
                url = line.split()[1]
                break
        assert url and url.startswith("http://127.0.0.1:"), line
        body = urllib.request.urlopen(url + "oai?verb=Identify", timeout=30).read()
        identify = etree.fromstring(body).find(f"{OAI}Identify")
        assert identify.findtext(f"{OAI}repositoryName") == "Harvest letters"
        assert identify.findtext(f"{OAI}protocolVersion") == "2.0"
        assert identify.findtext(f"{OAI}adminEmail") == "editor@example.org"
        records = urllib.request.urlopen(
            url + "oai?verb=ListRecords&metadataPrefix=oai_dc", timeout=30).read()
        assert b"Ciphered Telegram No. 22591" in records
        assert b"<title>home</title>" in urllib.request.urlopen(url, timeout=30).read()
        coll = json.loads(urllib.request.urlopen(url + "dts/collection", timeout=30).read())
        member = {m["@id"]: m for m in coll["member"]}[TELEGRAM.stem]  # DTS, from xslt/dc.xsl
        assert member["dublinCore"]["title"][0].startswith("Ciphered Telegram No. 22591")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in proc.stderr.read()


def test_odd_compile_and_validate_with_the_result(work):
    shutil.copy(ROOT / "schemas" / "teikit.odd", work.work / "mine.odd")
    done = _ok(work.run("odd", "compile", "mine.odd"))
    assert "mine.rng" in done.stdout
    rng = work.work / "mine.rng"
    assert rng.read_bytes() == (ROOT / "schemas" / "teikit.rng").read_bytes()
    _ok(work.run("validate", "--schema", "mine.rng", f"tei/{TELEGRAM.name}"))
    done = work.run("validate", "--schema", "mine.rng", "tei-all-url.xml")
    assert done.returncode == 1 and '"bogus" not allowed' in done.stdout


def test_a_new_edition_validates_and_builds(work):
    """`teikit new` (its template is package data) then validate, odd compile, build."""
    if work.run("new", "--help").returncode != 0:
        pytest.skip("this teikit has no `teikit new` command")
    _ok(work.run("new", "letters", "--title", "Letters of X"))
    ed = work.work / "letters"
    done = _ok(work.run("validate", cwd=ed))
    assert "1 valid" in done.stderr
    odds = sorted((ed / "schemas").glob("*.odd"))
    assert odds, "the new edition has a starter ODD"
    _ok(work.run("odd", "compile", str(odds[0].relative_to(ed)), "--check", cwd=ed))
    _ok(work.run("build", "--no-pdf", "-q", cwd=ed))
    home = etree.parse(str(ed / "site" / "index.html"), etree.HTMLParser())
    assert "Letters of X" in home.findtext(".//title")


def test_an_edition_with_its_own_look_builds(work):
    """An edition overriding an element with XSLT that imports teikit:html.xsl (resolved
    to the installed stylesheets), with its own CSS and header (tests/edition's fixture)."""
    styled = ROOT / "tests" / "edition" / "fixtures" / "styled"
    if not styled.is_dir():
        pytest.skip("no overrides fixture edition in this checkout")
    ed = work.work / "styled"
    shutil.copytree(styled, ed)
    _ok(work.run("build", "-q", "-j", "1", cwd=ed))
    page = (ed / "site" / "letter" / "letter.html").read_text()
    assert '<span class="spaced">Gesperrt</span>' in page
    assert "_Gesperrt_" in (ed / "site" / "letter" / "letter.txt").read_text()
    assert (ed / "site" / "style" / "edition.css").is_file()


def test_home_holds_no_downloaded_schema(work):
    """Everything above ran without tei_all in HOME: nothing was fetched or installed."""
    found = [p for p in work.home.rglob("*") if "tei_all" in p.name]
    assert found == []


def _lsp_send(proc: subprocess.Popen, message: dict) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def _lsp_read(proc: subprocess.Popen) -> dict:
    length = 0
    while (line := proc.stdout.readline().strip()):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    assert length, "the language server closed its output"
    return json.loads(proc.stdout.read(length))


def test_lsp_diagnoses_with_the_packaged_tei_all(work):
    """`teikit lsp` over stdio, offline: a document declaring TEI's tei_all address gets
    the same message as `teikit validate` gives (from the packaged tei_all)."""
    if work.run("lsp", "--help").returncode != 0:
        pytest.skip("this teikit has no `teikit lsp` command")
    doc = work.work / "tei-all-url.xml"
    cmd = [str(work.teikit), "lsp"]
    proc = subprocess.Popen(["unshare", "-rn", *cmd] if work.offline else cmd, cwd=work.work,
                            env=work.env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    watchdog = threading.Timer(120, proc.kill)  # a silent server must not hang the suite
    watchdog.start()
    try:
        _lsp_send(proc, {"id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": work.work.as_uri(), "capabilities": {}}})
        for _ in range(20):
            if _lsp_read(proc).get("id") == 1:
                break
        _lsp_send(proc, {"method": "initialized", "params": {}})
        _lsp_send(proc, {"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": doc.as_uri(), "languageId": "xml", "version": 1,
            "text": doc.read_text()}}})
        diagnostics = None
        for _ in range(50):  # bounded: a few log messages, then the diagnostics
            msg = _lsp_read(proc)
            if msg.get("method") == "textDocument/publishDiagnostics":
                diagnostics = msg["params"]["diagnostics"]
                if diagnostics:
                    break
        assert diagnostics, "no diagnostics published"
        first = diagnostics[0]
        assert first["message"].startswith('element "bogus" not allowed anywhere')
        assert first["range"]["start"]["line"] == 14  # line 15, 0-based
        _lsp_send(proc, {"id": 2, "method": "shutdown"})
        _lsp_send(proc, {"method": "exit"})
        proc.wait(timeout=30)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert b"Traceback" not in proc.stderr.read()
