"""Building the edition of a folder of TEI documents into an output folder.

The unit of work is one document: :func:`build_document` renders every output of one
file; :func:`build` runs it over a folder and reports per-document results, so one
failing document never stops the others.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import xmlio
from .errors import TeikitError
from .render import RENDERERS


@dataclass
class DocResult:
    source: str
    outputs: list[str] = field(default_factory=list)
    error: TeikitError | None = None


def document_outputs(stem: str) -> dict[str, tuple[str, str]]:
    """Output file name → (renderer, mode) for one document."""
    outs = {f"{stem}.txt": ("text", "reading"), f"{stem}.diplomatic.txt": ("text", "diplomatic")}
    if "html" in RENDERERS:
        outs[f"{stem}.html"] = ("html", "reading")
    return outs


def build_document(src: Path, out_dir: Path) -> DocResult:
    res = DocResult(str(src))
    try:
        tree = xmlio.parse(src)
        for name, (to, mode) in document_outputs(src.stem).items():
            data = RENDERERS[to](tree, file=str(src), mode=mode)
            xmlio.write_atomic(out_dir / src.stem / name, data)
            res.outputs.append(str(out_dir / src.stem / name))
    except TeikitError as exc:
        res.error = exc
    return res


def build(src: str | os.PathLike, out: str | os.PathLike) -> list[DocResult]:
    out_dir = Path(out)
    return [build_document(f, out_dir) for f in xmlio.iter_xml_files([src])]
