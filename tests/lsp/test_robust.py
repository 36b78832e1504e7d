"""The server keeps serving: an internal error becomes a log message and a diagnostic;
`teikit lsp --tcp PORT` serves on loopback as on stdio."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import TELEGRAM

# A server whose checker fails (a stand-in for any bug): the real server otherwise.
FAULTY = ("import toolkit.lsp.diagnostics as d\n"
          "def boom(*a, **k):\n    raise RuntimeError('injected fault')\n"
          "d.issues = boom\n"
          "from toolkit.lsp.server import serve\nserve()\n")


@pytest_lsp.fixture(scope="module",
                    config=ClientServerConfig(server_command=[sys.executable, "-c", FAULTY]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(t.InitializeParams(
        capabilities=client_capabilities("neovim")))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_internal_error_is_logged_shown_and_survived(client: LanguageClient):
    uri = TELEGRAM.as_uri()
    client.text_document_did_open(t.DidOpenTextDocumentParams(t.TextDocumentItem(
        uri, "xml", 1, TELEGRAM.read_text(encoding="utf-8"))))
    await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    diags = client.diagnostics[uri]
    assert [d.code for d in diags] == ["internal-error"]
    assert "injected fault" in diags[0].message
    assert any("injected fault" in m.message and m.type == t.MessageType.Error
               for m in client.log_messages)
    text = TELEGRAM.read_text(encoding="utf-8")
    offset = text.index("<p><persName") + 6
    line = text.count("\n", 0, offset)
    h = await client.text_document_hover_async(t.HoverParams(
        t.TextDocumentIdentifier(uri), t.Position(line, offset - text.rfind("\n", 0, offset) - 1)))
    assert h is not None and "personal name" in h.contents.value  # still serving


def _message(payload: dict) -> bytes:
    body = json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read(sock: socket.socket) -> dict:
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(4096)
    head, _, rest = data.partition(b"\r\n\r\n")
    length = int(next(h.split(b":")[1] for h in head.split(b"\r\n")
                      if h.lower().startswith(b"content-length")))
    while len(rest) < length:
        rest += sock.recv(4096)
    return json.loads(rest[:length])


def test_tcp_on_loopback():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "lsp", "--tcp", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):  # bounded: up to 20 s for the server to listen
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"teikit lsp --tcp {port} did not listen: {proc.stderr.read()!r}")
        with sock:
            sock.sendall(_message({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                   "params": {"processId": None, "rootUri": None,
                                              "capabilities": {}}}))
            reply = _read(sock)
            caps = reply["result"]["capabilities"]
            assert caps["completionProvider"] and caps["hoverProvider"]
            assert caps["definitionProvider"] and caps["referencesProvider"]
            sock.sendall(_message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
            assert _read(sock)["id"] == 2
            sock.sendall(_message({"jsonrpc": "2.0", "method": "exit"}))
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# The edition's configuration: a real teikit.toml naming tei_all as the edition's schema,
# and a broken one (toolkit.edition.config.load_config, issue #11).
CONFIGURED = "from toolkit.lsp.server import serve\nserve()\n"
DECLARES_MISSING = ('<?xml-model href="missing.rng" '
                    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>\n')


@pytest_lsp.fixture(scope="module",
                    config=ClientServerConfig(server_command=[sys.executable, "-c", CONFIGURED]))
async def configured(lsp_client: LanguageClient):
    await lsp_client.initialize_session(t.InitializeParams(
        capabilities=client_capabilities("neovim")))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_the_editions_schemas_replace_the_xml_model(configured: LanguageClient, tmp_path):
    for sub in ("ok", "broken"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "doc.xml").write_text(DECLARES_MISSING, encoding="utf-8")
    (tmp_path / "ok" / "teikit.toml").write_text('[validation]\nschemas = ["tei_all"]\n',
                                                 encoding="utf-8")
    (tmp_path / "broken" / "teikit.toml").write_text('title = "x"\n\ntitel = "y"\n',
                                                     encoding="utf-8")
    got = {}
    for sub in ("ok", "broken"):
        uri = (tmp_path / sub / "doc.xml").as_uri()
        configured.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri, "xml", 1, DECLARES_MISSING)))
        for _ in range(600):  # bounded: 60 s
            if uri in configured.diagnostics:
                break
            await asyncio.sleep(0.1)
        got[sub] = configured.diagnostics[uri]
    ok = [d.message for d in got["ok"]]
    assert not any("missing.rng" in m for m in ok), "the xml-model PI was used"
    assert any('element "teiHeader" incomplete' in m for m in ok)  # tei_all was
    broken = got["broken"]
    assert broken[0].source == "teikit.toml" and 'unknown key "titel"' in broken[0].message
    assert any("missing.rng" in d.message for d in broken[1:]), "without it: the PI"
