"""Fixtures for the OAI-PMH tests: an edition folder, an index, a real HTTP server.

Every OAI response the test server sends is validated against the official OAI-PMH
XSDs (see oaischema.py); a test fails at teardown if any response was invalid. No
connection may leave the loopback interface while these tests run.
"""

from __future__ import annotations

import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SHARED, TELEGRAM
from toolkit.serve.app import App, make_server, run_until
from toolkit.serve.oai.provider import Config, Provider
from toolkit.serve.oai.store import LiveIndex, Store

#: corpus file -> subfolder of the test edition ("" = top level)
EDITION = {
    "schnitzler__L00018.xml": "letters",
    "schnitzler__L01101.xml": "letters",
    "rusdracor__chekhov-jubilej.xml": "plays",
    "rusdracor__pushkin-mocart-i-saleri.xml": "plays",
    "isicily__ISic000018.xml": "inscriptions",
    "frushist__2002-08-19-athens-02867.xml": "",
    "teic-tei__testbare.xml": "",
}


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Refuse (and fail on) any connection that is not to the loopback interface."""
    real = socket.socket.connect
    attempts: list = []

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            if host not in ("127.0.0.1", "::1", "localhost"):
                attempts.append(address)
                raise OSError(f"test refused a network connection to {address}")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    yield
    assert not attempts, f"network access attempted: {attempts}"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """A folder of TEI documents: the telegram (when present) and corpus copies."""
    if not SHARED.is_dir():
        pytest.skip("../shared (corpus and OAI-PMH schemas) is absent")
    src = tmp_path / "tei"
    src.mkdir()
    if TELEGRAM.is_file():
        shutil.copy(TELEGRAM, src / TELEGRAM.name)
    for name, sub in EDITION.items():
        (src / sub).mkdir(exist_ok=True)
        shutil.copy(CORPUS / name, src / sub / name)
    return src


def expected_count(src: Path) -> int:
    return len(list(src.rglob("*.xml")))


@pytest.fixture
def store(tmp_path: Path, edition: Path) -> Store:
    s = Store(tmp_path / "db" / "oai.sqlite")
    report = s.index(edition)
    assert not [i for i in report.issues if i.severity == "error"], report.issues
    return s


@dataclass
class Server:
    """A running waitress server (loopback, free port) over an edition."""

    src: Path
    store: Store
    url: str
    validated: int = 0
    failures: list = field(default_factory=list)


class Validating:
    """WSGI middleware: validate every /oai response body against the OAI-PMH XSDs."""

    def __init__(self, app: App, server: Server):
        self.app = app
        self.server = server
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        body = b"".join(self.app(environ, start_response))
        if environ.get("PATH_INFO") == "/oai" and environ["REQUEST_METHOD"] != "HEAD":
            from .oaischema import errors

            problems = errors(body)
            with self.lock:
                self.server.validated += 1
                if problems:
                    self.server.failures.append((environ.get("QUERY_STRING", "")[:200],
                                                 problems[:3]))
        return [body]


def start_server(src: Path, store: Store, page_size: int = 2, site: Path | None = None,
                 validate: bool = True, threads: int = 8):
    provider = Provider(store, Config(page_size=page_size))
    app = App(provider, LiveIndex(store, src, interval=0.0), site)
    srv = Server(src, store, "")
    wsgi = Validating(app, srv) if validate else app
    server = make_server(wsgi, "127.0.0.1", 0, threads=threads)
    srv.url = f"http://127.0.0.1:{server.effective_port}/oai"
    stop = threading.Event()
    thread = threading.Thread(target=run_until, args=(server, stop), daemon=True)
    thread.start()
    return srv, stop, thread


@pytest.fixture
def server(edition: Path, store: Store):
    srv, stop, thread = start_server(edition, store)
    yield srv
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive(), "the server did not stop"
    assert not srv.failures, f"invalid OAI-PMH responses: {srv.failures}"
