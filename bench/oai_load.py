"""Load test of the OAI-PMH endpoint on loopback: N requests from C concurrent clients.

Starts a waitress server (127.0.0.1, free port) over a temporary copy of a folder of
TEI documents, then every client sends a mix of requests over a keep-alive connection:
complete ListIdentifiers harvests (page by page), GetRecord for every record in each
format, Identify and ListSets. Every answer is checked (HTTP 200, no OAI error, the
right record; each complete harvest returns every identifier). Prints throughput and
latency percentiles as measured.

    .venv/bin/python bench/oai_load.py [SRC=tei/] [--requests 10000] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.serve.app import App, make_server, run_until  # noqa: E402
from toolkit.serve.oai.formats import FORMATS  # noqa: E402
from toolkit.serve.oai.provider import Config, Provider  # noqa: E402
from toolkit.serve.oai.store import LiveIndex, Store  # noqa: E402

_TOKEN = re.compile(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
_IDENT = re.compile(rb"<identifier>([^<]+)</identifier>")


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    harvests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    """One keep-alive HTTP connection to the endpoint."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def get(self, query: str, stats: Stats) -> bytes:
        t0 = time.perf_counter()
        try:
            self.conn.request("GET", f"{self.path}?{query}")
            resp = self.conn.getresponse()
            body = resp.read()
        except (OSError, http.client.HTTPException) as exc:
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            with stats.lock:
                stats.errors.append(f"{query}: {exc!r}")
            return b""
        with stats.lock:
            stats.latencies.append(time.perf_counter() - t0)
            if resp.status != 200 or b"<error " in body:
                stats.errors.append(f"{query}: HTTP {resp.status} {body[:200]!r}")
        return body


def plan(ids: list[str]) -> list[tuple[str, object]]:
    """The request mix one round of a client cycles through."""
    steps: list[tuple[str, object]] = [("harvest", None), ("query", "verb=Identify"),
                                       ("query", "verb=ListSets")]
    for ident, prefix in itertools.product(ids, FORMATS):
        steps.append(("record", (ident, prefix)))
    return steps


def client_loop(url: str, ids: list[str], budget, stats: Stats) -> None:
    client = Client(url)
    expected = set(ids)
    for kind, arg in itertools.cycle(plan(ids)):
        if kind == "harvest":
            seen: list[str] = []
            token: str | None = None
            while budget():
                q = ("verb=ListIdentifiers&metadataPrefix=oai_dc" if token is None else
                     f"verb=ListIdentifiers&resumptionToken={quote(token)}")
                body = client.get(q, stats)
                seen += [m.decode() for m in _IDENT.findall(body)]
                found = _TOKEN.search(body)
                if not found:
                    break
                token = found.group(1).decode()
            else:
                return
            with stats.lock:
                stats.harvests += 1
                if set(seen) != expected or len(seen) != len(expected):
                    stats.errors.append(f"harvest returned {len(seen)} of {len(expected)}")
            continue
        if not budget():
            return
        if kind == "query":
            client.get(arg, stats)
        else:
            ident, prefix = arg
            body = client.get(f"verb=GetRecord&identifier={quote(ident)}"
                              f"&metadataPrefix={prefix}", stats)
            if f"<identifier>{ident}</identifier>".encode() not in body:
                with stats.lock:
                    stats.errors.append(f"GetRecord {ident} {prefix}: wrong or no record")


def run_load(url: str, ids: list[str], requests: int, clients: int,
             timeout: float = 600) -> tuple[Stats, float]:
    """Send ``requests`` requests from ``clients`` threads; returns stats and seconds."""
    stats = Stats()
    counter = itertools.count()
    deadline = time.monotonic() + timeout

    def budget() -> bool:
        return next(counter) < requests and time.monotonic() < deadline

    threads = [threading.Thread(target=client_loop, args=(url, ids, budget, stats))
               for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats, time.perf_counter() - t0


def report(stats: Stats, seconds: float) -> str:
    lat = sorted(stats.latencies)
    n = len(lat)
    if not n:
        return "no requests completed"

    def pct(p: float) -> float:
        return lat[min(n - 1, int(p / 100 * n))] * 1000

    return (f"{n} requests in {seconds:.2f} s = {n / seconds:.0f} requests/s; latency ms: "
            f"p50 {pct(50):.1f}, p90 {pct(90):.1f}, p99 {pct(99):.1f}, max {lat[-1] * 1000:.1f}, "
            f"mean {statistics.fmean(lat) * 1000:.1f}; complete harvests {stats.harvests}; "
            f"errors {len(stats.errors)}")


class Running:
    """A loopback server over a folder, as a context manager."""

    def __init__(self, src: Path, db: Path, page_size: int = 10, threads: int = 8):
        self.store = Store(db)
        self.store.index(src)
        app = App(Provider(self.store, Config(page_size=page_size)),
                  LiveIndex(self.store, src, interval=2.0))
        self.server = make_server(app, "127.0.0.1", 0, threads=threads)
        self.url = f"http://127.0.0.1:{self.server.effective_port}/oai"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=run_until, args=(self.server, self.stop),
                                       daemon=True)

    def __enter__(self) -> Running:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=10)

    def ids(self) -> list[str]:
        return [r.identifier for r in self.store.records() if not r.deleted]


def main(argv: list[str] | None = None) -> int:
    import logging

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" chatter
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", nargs="?", default=str(ROOT / "tei"))
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--page-size", type=int, default=10)
    ap.add_argument("--corpus", action="store_true",
                    help="add the small files of ../shared/corpus to the folder served")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "tei"
        shutil.copytree(args.src, src)
        corpus = ROOT.parent / "shared" / "corpus"
        if args.corpus and corpus.is_dir():
            for f in sorted(corpus.glob("*.xml")):
                if f.stat().st_size < 200_000:
                    shutil.copy(f, src / f.name)
        with Running(src, Path(tmp) / "oai.sqlite", args.page_size) as running:
            ids = running.ids()
            print(f"{len(ids)} records, {args.clients} clients, {args.requests} requests, "
                  f"page size {args.page_size}, {running.url}")
            stats, seconds = run_load(running.url, ids, args.requests, args.clients)
    print(report(stats, seconds))
    for e in stats.errors[:10]:
        print("error:", e)
    return 1 if stats.errors else 0


if __name__ == "__main__":
    sys.exit(main())
