"""Rendering a TEI document to the edition's outputs.

Every output is an XSLT 3.0 entry stylesheet in ``xslt/`` (compiled once per process
by :mod:`toolkit.xslt`). ``RENDERERS`` maps an output name to a function
``(tree, file, mode, **options) -> str | bytes``; the CLI offers exactly these.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from lxml import etree

from . import xmlio
from .html import render_html
from .xslt import transform

MODES = ("reading", "diplomatic")


def render_text(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
                **_options) -> str:
    """Plain text of both texts; ``mode`` is ``reading`` or ``diplomatic``."""
    text = transform("text", tree, file=file, params={"mode": mode}).text
    return text if text.endswith("\n") else text + "\n"


RENDERERS: dict[str, Callable[..., str | bytes]] = {
    "text": render_text,
    "html": render_html,
}


def render(path: str | os.PathLike, to: str = "text", mode: str = "reading",
           **options) -> str | bytes:
    """Parse ``path`` securely and render it to the output ``to``."""
    if to not in RENDERERS:
        raise ValueError(f"unknown output {to!r}; expected one of {sorted(RENDERERS)}")
    tree = xmlio.parse(path)
    return RENDERERS[to](tree, file=str(path), mode=mode, **options)
