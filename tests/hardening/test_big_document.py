"""Big documents: refused by the documented size limit, or rendered in bounded memory.

The documents are generated at test time, streamed to disk (never committed). Each
command runs in a fresh subprocess that reports its own peak resident memory
(``resource.getrusage``), so the bound measured is the command's, not pytest's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.hardening import hostile
from toolkit import limits

MEMORY_BOUND_KB = 2 * 1024 * 1024  # 2 GiB
DRIVER = """
import resource, sys
from toolkit.cli import main
sys.argv = ["teikit", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
finally:
    print(f"MAXRSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
sys.exit(code)
"""


def run_measured(argv: list[str], timeout: float) -> tuple[int, str, int, float]:
    """Exit code, stderr, peak RSS (KiB) and wall time of ``teikit ARGV``."""
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", DRIVER, *argv], capture_output=True,
                       text=True, timeout=timeout, cwd=ROOT)
    elapsed = time.perf_counter() - t
    rss = [ln for ln in p.stderr.splitlines() if ln.startswith("MAXRSS_KB=")]
    assert rss, p.stderr
    return p.returncode, p.stderr, int(rss[-1].split("=")[1]), elapsed


@pytest.mark.slow
def test_200_mb_document_is_refused_fast_in_bounded_memory(tmp_path):
    f = tmp_path / "huge.xml"
    size = hostile.big_tei(f, 200 * 1024 * 1024)
    assert size > limits.DEFAULT_MAX_FILE_BYTES
    for argv in (["render", str(f), "--to", "text"],
                 ["build", str(f), "-o", str(tmp_path / "site")]):
        code, err, rss_kb, elapsed = run_measured(argv, timeout=120)
        assert code == 1, err
        assert "Traceback" not in err
        assert f"{f}:0:0: error: document too large (200 MiB)" in err, err
        assert rss_kb < 512 * 1024, f"{rss_kb} KiB for a refusal: the file was read"
        assert elapsed < 60


@pytest.mark.slow
def test_document_twice_the_corpus_largest_renders_in_bounded_memory(tmp_path):
    f = tmp_path / "big.xml"
    hostile.big_tei(f, 4 * 1024 * 1024)
    out = tmp_path / "big.txt"
    code, err, rss_kb, _ = run_measured(["render", str(f), "--to", "text", "-o", str(out)],
                                        timeout=600)
    assert code == 0, err
    assert rss_kb < MEMORY_BOUND_KB, f"peak {rss_kb} KiB"
    text = out.read_text(encoding="utf-8")
    assert "word0" in text and "word1999" in text


def test_limit_is_configurable_and_message_names_it(tmp_path):
    f = tmp_path / "small.xml"
    hostile.big_tei(f, 10_000, chunk_words=50)
    p = subprocess.run([sys.executable, "-m", "toolkit.cli", "render", str(f)],
                       capture_output=True, text=True, timeout=120, cwd=ROOT,
                       env={**os.environ, limits.ENV_MAX_BYTES: "5000"})
    assert p.returncode == 1
    assert "document too large" in p.stderr and limits.ENV_MAX_BYTES in p.stderr
