"""``teikit new``: a ready edition project in a new folder.

The project is the folder ``template/`` beside this module, copied with its
placeholders filled (``@@title@@`` as a TOML string, ``@@title_text@@`` as text,
``@@version@@``); files named ``dot-…`` become ``.…`` (``.github/``,
``.pre-commit-config.yaml``), so that the package data holds no hidden files.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..xmlio import write_atomic

TEMPLATE = "template"


def template_files() -> list[tuple[str, bytes]]:
    """(path in the project, content) of every file of the template."""
    root = resources.files("toolkit.edition").joinpath(TEMPLATE)
    out: list[tuple[str, bytes]] = []

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name == "__pycache__":
                continue
            name = "." + child.name[4:] if child.name.startswith("dot-") else child.name
            if child.is_dir():
                walk(child, f"{prefix}{name}/")
            else:
                out.append((f"{prefix}{name}", child.read_bytes()))

    walk(root, "")
    return out


def _fill(data: bytes, title: str) -> bytes:
    text = data.decode("utf-8")
    text = (text.replace("@@title@@", json.dumps(title, ensure_ascii=False))
            .replace("@@title_text@@", title).replace("@@version@@", __version__))
    return text.encode("utf-8")


def new_edition(folder: str | os.PathLike, title: str = "Edition") -> list[Path]:
    """Create an edition project in ``folder`` (created; refused if it holds anything).
    Returns the files written."""
    dest = Path(folder)
    if dest.exists() and not dest.is_dir():
        raise InputError("exists and is not a folder", file=str(dest))
    if dest.is_dir() and any(dest.iterdir()):
        raise InputError("the folder is not empty: teikit new writes only into a new or "
                         "empty folder, so that nothing is overwritten", file=str(dest))
    if not dest.parent.is_dir():
        raise InputError("the folder to create it in does not exist", file=str(dest.parent))
    if not title.strip() or any(c in title for c in "\n\r"):
        raise InputError("the title must be one line of text")
    dest.mkdir(exist_ok=True)
    return [write_atomic(dest / rel, _fill(data, title)) for rel, data in template_files()]
