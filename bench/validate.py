"""RELAX NG validation side by side: jing vs teikit (vs xmllint), on /work/shared/corpus.

Not a test: prints a table of wall-clock times (median of N runs) and teikit/jing ratios.

    .venv/bin/python bench/validate.py [-n 3] [--corpus ../shared/corpus]

(a) one file start to finish: ``jing tei_all FILE`` vs ``teikit validate FILE --schema
    tei_all`` (a fresh process each, start-up and imports included);
(b) the corpus (top-level files + invalid/): jing one JVM per file, jing one JVM for
    all the well-formed files (jing skips the rest after a fatal error, so only
    well-formed files are passed), teikit in one process (``-j 1``) over the same files;
(c) ``xmllint --relaxng tei_all`` on the one file, for reference.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit import xmlio  # noqa: E402
from toolkit.errors import NotWellFormed  # noqa: E402
from toolkit.validate import schemas  # noqa: E402

TEIKIT = ROOT / ".venv" / "bin" / "teikit"
#: the RELAX NG engine alone, as the validate command calls it (no Schematron, no report)
API = ("import sys\nfrom toolkit import xmlio\nfrom toolkit.validate.relaxng import "
       "validate_tree\nfor f in sys.argv[2:]:\n    validate_tree(xmlio.parse(f), sys.argv[1], f)")
ONE = "frushist__1957-03-21-kennan-to-leopold.xml"


def timed(cmd: list[str], n: int) -> float:
    """Median wall-clock seconds of ``n`` runs (the exit status is not a failure)."""
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def well_formed(files: list[Path]) -> list[Path]:
    out = []
    for f in files:
        try:
            xmlio.parse(f)
        except NotWellFormed:
            continue
        out.append(f)
    return out


def jing_completes(jing: str, rng: Path, files: list[str]) -> list[str]:
    """The files jing can check in one run: it stops the whole run at a fatal error (a
    DOCTYPE whose DTD is missing, an XInclude target that is not there) and silently
    skips the files after it, so such files would make its one-JVM time look short."""
    ok = []
    for f in files:
        out = subprocess.run([jing, str(rng), f], capture_output=True, text=True)
        if "fatal:" not in out.stdout + out.stderr:
            ok.append(f)
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    jing, xmllint, rng = shutil.which("jing"), shutil.which("xmllint"), schemas.tei_all()
    if jing is None or not args.corpus.is_dir():
        sys.exit("needs jing on PATH and the shared corpus")
    one = args.corpus / ONE
    files = sorted(args.corpus.glob("*.xml")) + sorted((args.corpus / "invalid").glob("*.xml"))
    wf = [str(f) for f in well_formed(files)]
    rows: list[tuple[str, float, float]] = []

    j1 = timed([jing, str(rng), str(one)], args.n)
    t1 = timed([str(TEIKIT), "validate", str(one), "--schema", "tei_all"], args.n)
    rows.append((f"(a) one file ({ONE})", j1, t1))

    jper = 0.0
    for f in files:
        jper += timed([jing, str(rng), str(f)], 1)
    tall_all = timed([str(TEIKIT), "validate", *map(str, files), "--schema", "tei_all",
                      "-j", "1"], args.n)
    rows.append((f"(b) corpus, jing one JVM per file ({len(files)} files, 1 run)", jper,
                 tall_all))
    wf = jing_completes(jing, rng, wf)
    jall = timed([jing, str(rng), *wf], args.n)
    tall = timed([str(TEIKIT), "validate", *wf, "--schema", "tei_all", "-j", "1"], args.n)
    cores = os.cpu_count() or 1
    tpar = timed([str(TEIKIT), "validate", *wf, "--schema", "tei_all"], args.n)
    rows.append((f"(b) corpus, jing one JVM vs teikit -j 1 ({len(wf)} files jing completes)",
                 jall, tall))
    rows.append((f"(b) same files, teikit default -j {cores} (the cores)", jall, tpar))
    api = timed([sys.executable, "-c", API, str(rng), *wf], args.n)
    rows.append(("(b) same, teikit RELAX NG engine only (API, one process)", jall, api))

    print(f"{'measurement':64} {'jing s':>8} {'teikit s':>9} {'teikit/jing':>12}")
    for name, j, t in rows:
        print(f"{name:64} {j:8.2f} {t:9.2f} {t / j:12.2f}")
    if xmllint:
        x = timed([xmllint, "--noout", "--relaxng", str(rng), str(one)], 1)
        print(f"(c) xmllint --relaxng tei_all, one file (1 run): {x:.2f} s")
    imp = timed([sys.executable, "-c", "import toolkit.cli"], args.n)
    print(f"python start-up + import toolkit.cli: {imp:.2f} s")
    in_process(one)


def in_process(one: Path) -> None:
    """Where teikit's time goes for one file, in this process (first, cold run)."""
    from toolkit.validate import rng

    t = time.perf_counter()
    s = rng.load_schema(schemas.tei_all())
    t_load = time.perf_counter() - t
    tree = xmlio.parse(one)
    names, attributes = rng.document_vocabulary(tree)
    t = time.perf_counter()
    compiled = s.for_names(names, attributes)
    t_compile = time.perf_counter() - t
    t = time.perf_counter()
    compiled.validate(tree)
    t_val = time.perf_counter() - t
    print(f"in process: load+index tei_all {t_load:.3f} s, reduce+compile for {len(names)} "
          f"element and {len(attributes)} attribute names {t_compile:.3f} s, "
          f"libxml2 validate {t_val:.3f} s")


if __name__ == "__main__":
    main()
