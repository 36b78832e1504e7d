"""Fixtures of the DTS tests: an edition folder, a real loopback server, the schemas.

Every JSON response is validated against ``schemas/dts.schema.json`` (written from the
DTS 1.0 specification's tables) by :func:`check`, which the tests call on each one.
"""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from tests.conftest import TELEGRAM
from toolkit.serve.app import App, make_server, run_until
from toolkit.serve.dts.api import DTS
from toolkit.serve.dts.library import Library

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "edition"
SCHEMA = json.loads((HERE / "schemas" / "dts.schema.json").read_text(encoding="utf-8"))
_VALIDATORS: dict[str, jsonschema.protocols.Validator] = {}


def check(kind: str, obj: dict) -> dict:
    """Validate ``obj`` as the DTS structure ``kind`` (entry, collection, navigation,
    citableUnit, error); returns it."""
    if kind not in _VALIDATORS:
        schema = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"],
                  "$ref": f"#/$defs/{kind}"}
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        _VALIDATORS[kind] = cls(schema)
    errors = sorted(_VALIDATORS[kind].iter_errors(obj), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return obj


def make_edition(folder: Path) -> Path:
    """The test edition: the telegram and the fixtures (poems.xml, letters/letter-1.xml)."""
    shutil.copytree(FIXTURES, folder)
    shutil.copy(TELEGRAM, folder / TELEGRAM.name)
    return folder


@pytest.fixture(scope="session")
def edition(tmp_path_factory) -> Path:
    return make_edition(tmp_path_factory.mktemp("dts") / "tei")


@pytest.fixture(scope="session")
def library(edition) -> Library:
    return Library(edition, title="Test edition")


class Server:
    """A waitress server of one App on 127.0.0.1 (a free port), in a thread."""

    def __init__(self, app: App):
        self.server = make_server(app, "127.0.0.1", 0, threads=4)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=run_until, args=(self.server, self.stop),
                                       daemon=True)
        self.thread.start()
        self.root = f"http://127.0.0.1:{self.server.effective_port}"

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)


@pytest.fixture(scope="session")
def server(library):
    srv = Server(App(None, dts=DTS(library, page_size=50)))
    yield srv
    srv.close()


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """GET ``url`` (loopback only) over a fresh connection: status, headers, body."""
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", url
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def get_json(url: str, kind: str, status: int = 200) -> dict:
    code, headers, body = fetch(url)
    assert code == status, (url, code, body[:300])
    expected = "application/ld+json"
    assert headers["content-type"].startswith(expected), headers
    return check(kind if code == 200 else "error", json.loads(body))
