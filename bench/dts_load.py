"""Load test of the DTS endpoints on loopback: N requests from C concurrent clients.

Serves a temporary folder holding the telegram (tei/) and the Dickens novel of
../shared/corpus (2 MB, 7,311 citable units) three ways, each on 127.0.0.1 with a free
port, and sends the same mix of requests to each, side by side:

* ``served``: ``teikit serve``'s /dts (documents parsed and citation trees derived once,
  kept in the process);
* ``static``: the static DTS that ``teikit build`` writes, the same requests as files,
  served by the same waitress app (the floor: no DTS work at all per request);
* ``reparse``: /dts over a library that parses the documents again for every request,
  as a server without the in-process cache would (a few requests only: it is slow).

The mix (every answer checked: HTTP 200 and the unit asked for): Navigation of the
novel's chapters (down=1), of one chapter's paragraphs (ref, down=1), of one paragraph
(ref); Document of a paragraph and of a chapter; the telegram's whole tree (down=-1)
and one paragraph. Prints latency percentiles and the ratios between the three.

    .venv/bin/python bench/dts_load.py [--requests 3000] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.serve.app import App, make_server, run_until  # noqa: E402
from toolkit.serve.dts.api import DTS, Urls  # noqa: E402
from toolkit.serve.dts.library import Library  # noqa: E402
from toolkit.serve.dts.static import StaticUrls, write_static  # noqa: E402

NOVEL = ROOT.parent / "shared" / "corpus" / "eltec-eng__ENG18481_Dickens.xml"
TELEGRAM = ROOT / "tei" / "telegram-22591.xml"


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    navigation: list[float] = field(default_factory=list)  # the Navigation requests only
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class ReparsingLibrary(Library):
    """A library without the cache: every request parses and derives everything again."""

    def refresh(self, force: bool = False) -> None:
        with self._lock:
            self.documents = {}
            self._scan()


def plan(library: Library) -> list[tuple[str, dict, str]]:
    """(endpoint, parameters, the identifier the answer must hold) of one round."""
    novel = library.documents[NOVEL.stem]
    tree = novel.trees[0]
    chapters = [u for u in tree.roots if u.children and u.identifier[0].isdigit()]
    steps = []
    for i, ch in enumerate(chapters):
        para = ch.children[min(len(ch.children) - 1, 2 + i % 7)]
        steps += [
            ("navigation", {"resource": novel.identifier, "down": "1"}, chapters[-1].identifier),
            ("navigation", {"resource": novel.identifier, "ref": ch.identifier, "down": "1"},
             para.identifier),
            ("navigation", {"resource": novel.identifier, "ref": para.identifier},
             para.identifier),
            ("document", {"resource": novel.identifier, "ref": para.identifier}, ""),
            ("document", {"resource": novel.identifier, "ref": ch.identifier}, ""),
            ("navigation", {"resource": TELEGRAM.stem, "down": "-1"}, "2.1.closer1"),
            ("document", {"resource": TELEGRAM.stem, "ref": "2.1.p1"}, ""),
        ]
    return steps


class Client:
    def __init__(self, root: str):
        parts = urlsplit(root)
        self.host, self.port = parts.hostname, parts.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def get(self, url: str, must: str, stats: Stats) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        t0 = time.perf_counter()
        try:
            self.conn.request("GET", path)
            resp = self.conn.getresponse()
            body = resp.read()
        except (OSError, http.client.HTTPException) as exc:
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            with stats.lock:
                stats.errors.append(f"{url}: {exc!r}")
            return
        dt = time.perf_counter() - t0
        with stats.lock:
            stats.latencies.append(dt)
            if "/navigation" in url:
                stats.navigation.append(dt)
            if resp.status != 200 or must.encode() not in body:
                stats.errors.append(f"{url}: HTTP {resp.status} {body[:200]!r}")


def run_load(root: str, urls: list[tuple[str, str]], requests: int, clients: int
             ) -> tuple[Stats, float]:
    stats = Stats()
    counter = itertools.count()

    def loop(offset: int) -> None:
        client = Client(root)
        steps = itertools.cycle(urls[offset:] + urls[:offset])
        while next(counter) < requests:
            url, must = next(steps)
            client.get(url, must, stats)

    threads = [threading.Thread(target=loop, args=(i * 7 % len(urls),))
               for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats, time.perf_counter() - t0


class Running:
    def __init__(self, app: App, threads: int = 8):
        self.server = make_server(app, "127.0.0.1", 0, threads=threads)
        self.root = f"http://127.0.0.1:{self.server.effective_port}"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=run_until, args=(self.server, self.stop),
                                       daemon=True)

    def __enter__(self) -> Running:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=10)


def pct(lat: list[float], p: float) -> float:
    lat = sorted(lat)
    return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000


def line(name: str, stats: Stats, seconds: float) -> str:
    lat = stats.latencies
    if not lat:
        return f"{name}: no requests completed"
    return (f"{name:8} {len(lat):6} requests in {seconds:6.2f} s = {len(lat) / seconds:6.0f}/s;"
            f" ms p50 {pct(lat, 50):7.2f}  p90 {pct(lat, 90):7.2f}  p99 {pct(lat, 99):7.2f}"
            f"  max {max(lat) * 1000:7.1f}  mean {statistics.fmean(lat) * 1000:7.2f};"
            f" errors {len(stats.errors)}")


def main(argv: list[str] | None = None) -> int:
    import logging

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--reparse-requests", type=int, default=14)
    args = ap.parse_args(argv)
    if not NOVEL.is_file():
        print(f"{NOVEL} is absent (../shared/corpus); nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "tei"
        src.mkdir()
        for f in (TELEGRAM, NOVEL):
            shutil.copy(f, src / f.name)
        t0 = time.perf_counter()
        library = Library(src)
        start = time.perf_counter() - t0
        steps = plan(library)
        with Running(App(None, dts=DTS(library))) as served:
            dyn = Urls(f"{served.root}/dts")
            first = Client(served.root)
            t0 = time.perf_counter()
            first.get(dyn.request(*steps[1][:2]), steps[1][2], Stats())
            first_nav = time.perf_counter() - t0
            out = Path(tmp) / "site"
            with Running(App(None, site=out)) as static_srv:
                t0 = time.perf_counter()
                files, _issues = write_static(src, out, f"{static_srv.root}/")
                build = time.perf_counter() - t0
                st = StaticUrls(f"{static_srv.root}/dts")
                print(f"2 documents ({NOVEL.name}: "
                      f"{len(library.documents[NOVEL.stem].trees[0].units)} units); "
                      f"{args.clients} clients, {args.requests} requests per server; "
                      f"{len(steps)} distinct requests")
                print(f"start (parse, derive trees, Dublin Core): {start:.2f} s; first "
                      f"Navigation after start: {first_nav * 1000:.1f} ms; static DTS "
                      f"written: {files} files in {build:.1f} s")
                dyn_urls = [(dyn.request(e, v), m) for e, v, m in steps]
                st_urls = [(st.request(e, v), m) for e, v, m in steps]
                s_stats, s_sec = run_load(served.root, dyn_urls, args.requests, args.clients)
                f_stats, f_sec = run_load(static_srv.root, st_urls, args.requests,
                                          args.clients)
        reparse_lib = ReparsingLibrary(src)
        with Running(App(None, dts=DTS(reparse_lib, cache_size=0))) as slow:
            sl = Urls(f"{slow.root}/dts")
            nav_only = [(sl.request(e, v), m) for e, v, m in steps if e == "navigation"]
            r_stats, r_sec = run_load(slow.root, nav_only, args.reparse_requests, 1)
    print(line("served", s_stats, s_sec))
    print(line("static", f_stats, f_sec))
    print(line("reparse", r_stats, r_sec) + " (Navigation only, 1 client)")
    if s_stats.navigation and f_stats.navigation and r_stats.navigation:
        sn, fn, rn = s_stats.navigation, f_stats.navigation, r_stats.navigation
        print(f"Navigation only, ms: served p50 {pct(sn, 50):.2f} p99 {pct(sn, 99):.2f}; "
              f"static p50 {pct(fn, 50):.2f} p99 {pct(fn, 99):.2f}; "
              f"reparse p50 {pct(rn, 50):.1f} p99 {pct(rn, 99):.1f}")
        s_rate, f_rate = len(s_stats.latencies) / s_sec, len(f_stats.latencies) / f_sec
        print(f"ratios: served/static p50 {pct(sn, 50) / pct(fn, 50):.2f}, "
              f"p99 {pct(sn, 99) / pct(fn, 99):.2f} (Navigation); all requests "
              f"throughput static/served {f_rate / s_rate:.2f}; "
              f"reparse/served Navigation p50 {pct(rn, 50) / pct(sn, 50):.0f}")
    for e in (s_stats.errors + f_stats.errors + r_stats.errors)[:10]:
        print("error:", e)
    return 1 if s_stats.errors or f_stats.errors or r_stats.errors else 0


if __name__ == "__main__":
    sys.exit(main())
