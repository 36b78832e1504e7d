"""The WSGI application: ``/oai`` (OAI-PMH, GET and POST), ``/dts`` (DTS 1.0: Entry,
``/dts/collection``, ``/dts/navigation``, ``/dts/document``) and the built site's files.

Served by waitress (see :func:`serve`). The index is kept current: before answering an
OAI request the folder is checked (at most every ``interval`` seconds) and re-indexed
when a file was added, changed or removed.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .dts.api import DTS, error_response
from .oai.provider import MAX_REQUEST, Provider
from .oai.store import LiveIndex

_TEXT = [("Content-Type", "text/plain; charset=utf-8")]
_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}


class App:
    """WSGI callable serving the OAI endpoint and, optionally, a static site folder."""

    def __init__(self, provider: Provider | None, live: LiveIndex | None = None,
                 site: str | os.PathLike | None = None, oai_path: str = "/oai",
                 dts: DTS | None = None, dts_path: str = "/dts"):
        self.provider = provider
        self.live = live
        self.site = Path(site).resolve() if site else None
        self.oai_path = oai_path
        self.dts = dts
        self.dts_path = dts_path

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "") or "/"
        method = environ.get("REQUEST_METHOD", "GET")
        if path == self.oai_path and self.provider is not None:
            return self._oai(environ, method, start_response)
        if self.dts is not None and (path == self.dts_path
                                     or path.startswith(self.dts_path + "/")):
            return self._dts(environ, path, method, start_response)
        if method not in ("GET", "HEAD"):
            return _plain(start_response, "405 Method Not Allowed", b"method not allowed\n",
                          [("Allow", "GET, HEAD")])
        return self._static(path, method, start_response)

    # -- OAI-PMH -------------------------------------------------------------------
    def _oai(self, environ: dict, method: str, start_response: Callable) -> Iterable[bytes]:
        if method in ("GET", "HEAD"):
            raw = environ.get("QUERY_STRING", "").encode("latin-1", "replace")
        elif method == "POST":
            ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            if ctype != "application/x-www-form-urlencoded":
                return _plain(start_response, "415 Unsupported Media Type",
                              b"POST requires application/x-www-form-urlencoded\n")
            raw = _read_body(environ)
        else:
            return _plain(start_response, "405 Method Not Allowed", b"method not allowed\n",
                          [("Allow", "GET, HEAD, POST")])
        if self.live is not None:
            self.live.refresh()
        body = self.provider.respond(raw, base_url(environ, self.oai_path))
        start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8"),
                                  ("Content-Length", str(len(body)))])
        return [b"" if method == "HEAD" else body]

    # -- DTS ---------------------------------------------------------------------------
    def _dts(self, environ: dict, path: str, method: str,
             start_response: Callable) -> Iterable[bytes]:
        if method not in ("GET", "HEAD"):
            resp = error_response(405, "DTS endpoints answer GET (and HEAD) only")
            resp.headers.append(("Allow", "GET, HEAD"))
        else:
            endpoint = path[len(self.dts_path):].strip("/")
            raw = environ.get("QUERY_STRING", "").encode("latin-1", "replace")
            try:
                query = raw.decode("utf-8")
            except UnicodeDecodeError:
                resp = error_response(400, "the query string is not valid UTF-8")
            else:
                resp = self.dts.respond(endpoint, query, base_url(environ, self.dts_path))
        status = f"{resp.status} {_REASONS.get(resp.status, 'OK')}"
        start_response(status, [("Content-Type", resp.media_type),
                                ("Content-Length", str(len(resp.body))),
                                ("Access-Control-Allow-Origin", "*"), *resp.headers])
        return [b"" if method == "HEAD" else resp.body]

    # -- static files --------------------------------------------------------------
    def _static(self, path: str, method: str, start_response: Callable) -> Iterable[bytes]:
        if self.site is None:
            return _plain(start_response, "404 Not Found", b"not found\n")
        target = (self.site / path.lstrip("/")).resolve()
        if target != self.site and self.site not in target.parents:
            return _plain(start_response, "404 Not Found", b"not found\n")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return _plain(start_response, "404 Not Found", b"not found\n")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/xml", "application/javascript"):
            ctype += "; charset=utf-8"
        data = target.read_bytes()
        start_response("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(data)))])
        return [b"" if method == "HEAD" else data]


def _read_body(environ: dict) -> bytes:
    """The POST body, at most MAX_REQUEST + 1 bytes (the provider refuses more)."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    stream = environ["wsgi.input"]
    return stream.read(min(max(length, 0), MAX_REQUEST + 1)) if length else b""


def base_url(environ: dict, oai_path: str) -> str:
    """The endpoint's address as the client asked for it (scheme, Host header, path)."""
    scheme = environ.get("wsgi.url_scheme", "http")
    host = environ.get("HTTP_HOST") or (
        f"{environ.get('SERVER_NAME', 'localhost')}:{environ.get('SERVER_PORT', '80')}")
    host = "".join(ch for ch in host if ch.isalnum() or ch in ".-:[]_") or "localhost"
    return f"{scheme}://{host}{environ.get('SCRIPT_NAME', '')}{oai_path}"


def _plain(start_response: Callable, status: str, body: bytes,
           extra: list[tuple[str, str]] | None = None) -> Iterable[bytes]:
    start_response(status, [*_TEXT, ("Content-Length", str(len(body))), *(extra or [])])
    return [body]


def make_server(app: App, host: str = "127.0.0.1", port: int = 8000, threads: int = 8):
    """A waitress server for ``app`` (not started); ``port=0`` picks a free port."""
    from waitress.server import create_server

    # A 1 MB OAI argument must reach the provider (and get badArgument), not be cut off.
    return create_server(app, host=host, port=port, threads=threads,
                         max_request_header_size=4 * MAX_REQUEST,
                         max_request_body_size=4 * MAX_REQUEST,
                         ident="teikit", clear_untrusted_proxy_headers=True)


def run_until(server, stop) -> None:
    """Run a waitress server until ``stop`` (a threading.Event) is set, then close it.

    The polling loop, the close and the shutdown all happen in the calling thread, so a
    server can be stopped cleanly from another thread (tests, benchmarks).
    """
    try:
        while not stop.is_set():
            server.asyncore.loop(timeout=0.1, map=server._map, count=1)
    finally:
        server.close()
        server.task_dispatcher.shutdown()
