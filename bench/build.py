"""Benchmark `teikit build` at corpus scale; prints what it measured in one run.

    .venv/bin/python bench/build.py            # everything (the novel's PDF takes minutes)
    .venv/bin/python bench/build.py --no-novel # without the Ouida novel's PDF

Measures, on the top-level documents of ../shared/corpus:

* the parse floor: secure parse (toolkit.xmlio) + lxml serialisation of every file;
* the XSLT floor: what any build with XSLT outputs must do at least (the parse, Saxon's
  tree, three pass-through transforms per document);
* the corpus build without PDFs (HTML, texts, citations, home page, register) with
  ``-j 1`` and ``-j 2`` into fresh folders, as ratios to the floor and to each other;
* the incremental no-op rebuild (nothing changed), in process and as a command;
* the HTML page of the largest corpus file: time and peak memory of a subprocess;
* the PDF of the telegram and of the Ouida novel (subprocesses ``teikit render --to pdf``).

The load average before and after is printed: on a shared machine every figure is an
upper bound for an idle one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from toolkit import xmlio  # noqa: E402
from toolkit.errors import TeikitError  # noqa: E402
from toolkit.site import batch  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
TELEGRAM = ROOT / "tei" / "telegram-22591.xml"
NOVEL = CORPUS / "eltec-eng__ENG18670_Ouida.xml"
TEIKIT = str(ROOT / ".venv" / "bin" / "teikit")
OPTS = batch.BuildOptions(pdf=False, accessed="2026-01-01")


def floor(files: list[Path]) -> float:
    """Seconds to parse and serialise every file (the least any build must do); the best
    of three runs, so that the ratios to it are the least flattering ones."""
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        for f in files:
            try:
                etree.tostring(xmlio.parse(f), encoding="utf-8")
            except TeikitError:
                pass
        runs.append(time.perf_counter() - t0)
    return min(runs)


def xslt_floor(files: list[Path]) -> float:
    """Seconds for the least an XSLT build can do: the secure parse, the tree handed to
    Saxon once, and three pass-through transforms (bench/passthrough.xsl), one per output
    that carries the whole text (HTML, reading and diplomatic text)."""
    from toolkit import saxon as xslt

    sheet = Path(__file__).with_name("passthrough.xsl")
    xslt.compile_stylesheet(sheet)
    runs = []
    for _ in range(3):  # the best of three, like the parse floor
        t0 = time.perf_counter()
        for f in files:
            try:
                tree = xmlio.parse(f)
            except TeikitError:
                continue
            for _ in range(3):
                xslt.transform(sheet, tree)
        runs.append(time.perf_counter() - t0)
    return min(runs)


def corpus_build(src: Path, out: Path, jobs: int) -> tuple[float, batch.BuildReport]:
    t0 = time.perf_counter()
    report = batch.run_build(src, out, OPTS, jobs=jobs, executor_spec="process")
    return time.perf_counter() - t0, report


#: runs a command and prints its exit code and its peak RSS (a fresh parent, so that
#: no earlier child's peak is counted)
_PEAK = ("import resource, subprocess, sys\n"
         "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
         " stderr=subprocess.DEVNULL).returncode\n"
         "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def child(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB) and exit code of a subprocess."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True,
                         text=True, check=True).stdout.split()
    wall = time.perf_counter() - t0
    return wall, int(out[1]) / 1024, int(out[0])


def command_noop(src: Path, out: Path) -> tuple[float, str, int]:
    """Seconds of a no-op ``teikit build`` command (process start included) and its
    summary. In a working tree others edit, the toolkit fingerprint may change between
    runs (every document is then rebuilt): up to 3 catch-up runs, their count returned."""
    cmd = [TEIKIT, "build", str(src), "-o", str(out), "--no-pdf", "--accessed", "2026-01-01"]
    catch_up = 0
    while True:
        t0 = time.perf_counter()
        summary = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        wall = time.perf_counter() - t0
        if ": 0 built," in summary or catch_up == 3:
            return wall, summary.splitlines()[-1], catch_up
        catch_up += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-novel", action="store_true", help="skip the Ouida novel's PDF")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: nothing to measure", file=sys.stderr)
        return 2
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    files = sorted(CORPUS.glob("*.xml"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for f in files:
            (src / f.name).symlink_to(f)
        size = sum(f.stat().st_size for f in files) / 1e6
        print(f"corpus: {len(files)} documents, {size:.1f} MB")
        t_floor = floor(files)
        t_xslt = xslt_floor(files)
        t1, r1 = corpus_build(src, Path(tmp) / "j1", 1)
        t2, r2 = corpus_build(src, Path(tmp) / "j2", 2)
        t_noop, r3 = corpus_build(src, Path(tmp) / "j2", 2)
        assert not r3.built, "the no-op rebuild built something"
        cmd_noop, summary, catch_up = command_noop(src, Path(tmp) / "j2")
        print(f"parse floor (parse + serialise): {t_floor:.2f} s")
        print(f"XSLT floor (parse, Saxon tree, 3 pass-through transforms): {t_xslt:.2f} s "
              f"= {t_xslt / t_floor:.1f}x the floor")
        print(f"build -j 1: {t1:.1f} s ({len(r1.built)} built, {len(r1.failed)} failed) "
              f"= {t1 / t_floor:.1f}x the floor")
        print(f"build -j 2: {t2:.1f} s = {t2 / t_floor:.1f}x the floor; "
              f"speed-up -j1/-j2 = {t1 / t2:.2f}")
        print(f"no-op rebuild: {t_noop:.3f} s in process, {cmd_noop:.2f} s as a command")
        print(f"  ({catch_up} catch-up runs first) {summary}")
        largest = max(files, key=lambda f: f.stat().st_size)
        wall, peak, rc = child([TEIKIT, "render", str(largest), "--to", "html", "-o",
                                str(Path(tmp) / "largest.html")])
        print(f"HTML of the largest file ({largest.name}, {largest.stat().st_size / 1e6:.1f} "
              f"MB): {wall:.1f} s, peak RSS {peak:.0f} MiB (exit {rc})")
        pdfs = [TELEGRAM] + ([] if args.no_novel else [NOVEL])
        for f in pdfs:
            wall, peak, rc = child([TEIKIT, "render", str(f), "--to", "pdf", "-o",
                                    str(Path(tmp) / f"{f.stem}.pdf")])
            print(f"PDF of {f.name}: {wall:.1f} s, peak RSS {peak:.0f} MiB (exit {rc})")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
