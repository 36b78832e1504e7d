"""Benchmark the site's full-text search (Pagefind) beside the build it is part of.

    .venv/bin/python bench/search.py            # tei/ and ../shared/corpus (where present)

For each folder it builds the site without PDFs into a fresh folder twice, side by side:
without the search index (``run_build(..., search_index=False)``) and with it, and then
times the indexing step alone (``toolkit.site.search.write_index`` over the records the
build wrote). It prints, per folder:

* the text indexed: MB of UTF-8 in the search records (both readings, every language);
* the build time without search, with search, and the indexing time alone;
* indexing seconds per MB of text, and the index as a ratio to the build without search;
* the index size: the whole bundle in SITE/pagefind/, and its data alone (index, fragment,
  filter and meta files, without Pagefind's scripts and WebAssembly), in MB and per MB of
  text.

Each figure is the best of ``-n`` runs (default 3); the load average before and after is
printed: on a shared machine every figure is an upper bound for an idle one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.site import search  # noqa: E402
from toolkit.site.assemble import facets, lang_label  # noqa: E402
from toolkit.site.batch import BuildOptions, run_build  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OPTS = BuildOptions(pdf=False, accessed="2026-01-01")
MB = 1024 * 1024


def timed_build(src: Path, with_search: bool) -> tuple[float, Path, object]:
    tmp = Path(tempfile.mkdtemp(prefix="teikit-bench-search-"))
    t0 = time.perf_counter()
    report = run_build(src, tmp, OPTS, jobs=1, executor_spec="serial",
                       search_index=with_search)
    return time.perf_counter() - t0, tmp, report


def size(paths) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def measure(src: Path, runs: int) -> dict:
    without = min(timed_build(src, False)[0] for _ in range(runs))
    best_with, site, report = None, None, None
    for _ in range(runs):
        t, out, rep = timed_build(src, True)
        if best_with is None or t < best_with:
            best_with, site, report = t, out, rep
    docs = [r.info for r in report.results]
    records = [(facets(d, {}), search.load_records(site / d.stem / f"{d.stem}.search.json"))
               for d in docs]
    text = sum(len(r.text.encode()) + len(r.diplomatic.encode())
               for _, recs in records for r in recs)
    index_t = []
    for _ in range(runs):
        t0 = time.perf_counter()
        search.write_index(site, records, lang_label)
        index_t.append(time.perf_counter() - t0)
    bundle = list((site / "pagefind").rglob("*"))
    data = [p for p in bundle if p.parent.name in ("index", "fragment", "filter")
            or p.suffix == ".pf_meta"]
    return {"docs": len(docs), "text_mb": text / MB, "without": without, "with": best_with,
            "index": min(index_t), "bundle_mb": size(bundle) / MB, "data_mb": size(data) / MB,
            "files": sum(1 for p in data if p.is_file())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=3, help="runs per figure (the best is kept)")
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    folders = [("tei/", ROOT / "tei")]
    if CORPUS.is_dir():
        folders.append(("../shared/corpus", CORPUS))
    print("| folder | documents | text (MB) | build without search | with search | indexing "
          "| indexing s/MB | indexing / build | bundle (MB) | index data (MB) | data MB "
          "per text MB | data files |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, src in folders:
        m = measure(src, args.n)
        print(f"| `{name}` | {m['docs']} | {m['text_mb']:.2f} | {m['without']:.2f} s "
              f"| {m['with']:.2f} s | {m['index']:.2f} s | {m['index'] / m['text_mb']:.2f} "
              f"| {m['index'] / m['without']:.2f} | {m['bundle_mb']:.2f} | {m['data_mb']:.2f} "
              f"| {m['data_mb'] / m['text_mb']:.2f} | {m['files']} |")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
