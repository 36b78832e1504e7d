"""Rendering a TEI document to the edition's outputs.

Every output is an XSLT 3.0 entry stylesheet in ``xslt/`` (compiled once per process
by :mod:`toolkit.saxon`). ``RENDERERS`` maps an output name to a function
``(tree, file, mode, **options) -> str | bytes``; the CLI offers exactly these.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from lxml import etree

from .. import xmlio
from ..edition.resources import stylesheet
from ..errors import Issue
from ..saxon import transform
from .html import render_html
from .overrides import Stylesheets

MODES = ("reading", "diplomatic")


def render_text(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
                stylesheets: Stylesheets | None = None, **_options) -> str:
    """Plain text of both texts; ``mode`` is ``reading`` or ``diplomatic``;
    ``stylesheets``: the edition's own (:mod:`toolkit.render.overrides`)."""
    xsl = stylesheets.path("text") if stylesheets else stylesheet("text")
    text = transform(xsl, tree, file=file, params={"mode": mode}).text
    return text if text.endswith("\n") else text + "\n"


def render_pdf(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
               **options) -> bytes:
    """The print edition as PDF (WeasyPrint, imported only when a PDF is asked for)."""
    from .pdf import render_pdf as _render_pdf

    return _render_pdf(tree, file=file, mode=mode, **options)


RENDERERS: dict[str, Callable[..., str | bytes]] = {
    "text": render_text,
    "html": render_html,
    "pdf": render_pdf,
}


def render(path: str | os.PathLike, to: str = "text", mode: str = "reading",
           scope: xmlio.IncludeScope | None = None,
           notes: list[Issue] | None = None, **options) -> str | bytes:
    """Parse ``path`` securely (XIncludes inside ``scope``, default the document's
    folder) and render it to the output ``to``; ``notes`` collects what the parser read
    anyway (xml:id errors, XInclude fallbacks: see :func:`toolkit.xmlio.parse`)."""
    if to not in RENDERERS:
        raise ValueError(f"unknown output {to!r}; expected one of {sorted(RENDERERS)}")
    tree = xmlio.parse_tei(path, scope=scope, notes=notes)
    return RENDERERS[to](tree, file=str(path), mode=mode, **options)
