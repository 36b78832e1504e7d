"""The edition a document belongs to: its configuration, its root, its other files.

The edition is the folder of ``teikit.toml`` (read by ``toolkit.edition.config``,
issue #11; its documents folder when it names one); without one, the workspace
folder holding the document, else the document's own folder. Its XML files are
indexed for ``xml:id``s and pointers (go to definition, find references, pointer
completion), at most :data:`MAX_FILES` of them, each re-read only when its
modification time changes.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_FILES = 2000
_SKIP_DIRS = {".git", ".venv", "node_modules", "site", "__pycache__", ".teikit"}


def load_edition_config(document: Path):
    """The edition's configuration (``teikit.toml`` found by walking up), or None.

    THE ONE CALL SITE of ``toolkit.edition.config.load_config`` in the language
    server (issue #11's contract: ``load_config(start) -> EditionConfig | None``).
    Until that module exists this returns None and the server behaves as
    ``teikit validate`` without a configuration.
    """
    try:
        from ..edition.config import load_config  # issue #11
    except ImportError:
        return None
    return load_config(document.parent)  # a broken teikit.toml raises: the caller says so


def configured_schemas(config) -> list[str] | None:
    """The --schema values the edition's configuration names (None: the documents'
    own xml-model PIs, as ``teikit validate`` does without options)."""
    names = getattr(config, "schemas", None) if config is not None else None
    if not names:
        return None
    root = getattr(config, "root", None)
    out = []
    for n in names:
        n = str(n)
        if n not in ("tei_all", "project") and root is not None and not os.path.isabs(n):
            n = str(Path(root) / n)
        out.append(n)
    return out


def edition_root(document: Path, workspace_roots: list[Path], config=None) -> Path:
    """The folder whose XML files form the document's edition."""
    if config is not None:
        root = getattr(config, "documents", None) or getattr(config, "root", None)
        if root is not None:
            return Path(root)
    doc = document.resolve()
    inside = [r for r in workspace_roots if doc.is_relative_to(r.resolve())]
    if inside:
        return max(inside, key=lambda r: len(str(r)))
    return doc.parent


def edition_files(root: Path) -> list[Path]:
    """The edition's XML files, in path order (bounded)."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".xml"):
                out.append(Path(dirpath) / name)
                if len(out) >= MAX_FILES:
                    return out
    return out
