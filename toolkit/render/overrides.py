"""An edition's own stylesheets: XSLT 3.0 files that import teikit's and override parts.

An override imports the toolkit's entry stylesheet by a location-independent name::

    <xsl:import href="teikit:html.xsl"/>      (also teikit:text.xsl, teikit:print.xsl)

``teikit:NAME`` is resolved here to the installed stylesheet (wherever the package is:
a checkout, a wheel, a pipx environment), so the override works unchanged on every
machine. Its templates win over the imported ones (XSLT import precedence), so one
``<xsl:template match="hi[@rend='spaced']">`` changes one element and nothing else.

The print edition is the HTML edition with a print profile (``xslt/print.xsl`` imports
``html.xsl``): with an HTML override and no print override of its own, print imports the
edition's HTML override instead, so an element looks the same on screen and on paper.

The rewritten stylesheets are written to a folder of this process (the originals are
never touched) and compiled once, like the toolkit's own (:mod:`toolkit.saxon`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..edition.resources import stylesheet
from ..errors import TeikitError, TransformError
from ..saxon import scratch_dir

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SCHEME = "teikit:"
_MADE: dict[tuple[str, ...], Path] = {}


@dataclass(frozen=True)
class Stylesheets:
    """The edition's own entry stylesheets (absolute paths; None: the toolkit's)."""

    html: str | None = None
    text: str | None = None
    print: str | None = None

    def path(self, name: str) -> Path:
        """The entry stylesheet to run for output ``name`` (html, text, print)."""
        own = getattr(self, name, None)
        if own:
            return edition_stylesheet(Path(own))
        if name == "print" and self.html:
            return print_over(Path(self.html))
        return stylesheet(name)

    def files(self) -> list[Path]:
        """The override files and the local modules they include or import (for the
        build's fingerprint: a changed override rebuilds every page)."""
        seen: list[Path] = []
        for own in (self.html, self.text, self.print):
            if own:
                _local_modules(Path(own), seen)
        return seen


def _local_modules(path: Path, seen: list[Path]) -> None:
    if path in seen or not path.is_file():
        return
    seen.append(path)
    try:
        root = xmlio.parse(path, xinclude=False).getroot()
    except Exception:  # noqa: BLE001 - reported when it is compiled
        return
    for el in root.iter(f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include"):
        href = el.get("href", "")
        if href and not href.startswith(SCHEME) and "://" not in href:
            _local_modules((path.parent / href).resolve(), seen)


def _rewrite(path: Path, replace: dict[str, str] | None = None) -> bytes:
    """The stylesheet at ``path`` with ``teikit:NAME`` imports (and the hrefs in
    ``replace``) made absolute, and its base URI kept, so that its own relative
    modules are still found beside it."""
    try:
        tree = xmlio.parse(path, xinclude=False)
    except TeikitError as exc:
        raise TransformError(f"cannot read the stylesheet: {exc.message}", file=str(path),
                             line=exc.line, column=exc.column) from None
    root = tree.getroot()
    if root.tag not in (f"{{{XSL_NS}}}stylesheet", f"{{{XSL_NS}}}transform"):
        raise TransformError("not an XSLT stylesheet (its root must be xsl:stylesheet)",
                             file=str(path), line=root.sourceline or 1, column=1)
    for el in root.iter(f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include"):
        href = el.get("href", "")
        if replace and href in replace:
            el.set("href", replace[href])
        elif href.startswith(SCHEME):
            name = href[len(SCHEME):].removesuffix(".xsl")
            if name not in ("html", "text", "print"):
                raise TransformError(f"unknown toolkit stylesheet {href!r} (teikit:html.xsl, "
                                     "teikit:text.xsl or teikit:print.xsl)", file=str(path),
                                     line=el.sourceline or 1, column=1)
            el.set("href", stylesheet(name).resolve().as_uri())
        elif href and "://" not in href and not href.startswith("file:"):
            el.set("href", (path.parent / href).resolve().as_uri())
    return etree.tostring(tree, encoding="utf-8", xml_declaration=True)


def _stamp(*paths: Path) -> tuple[str, ...]:
    out = []
    for p in paths:
        try:
            out.append(f"{p.resolve()}@{p.stat().st_mtime_ns}")
        except OSError:
            raise TransformError("stylesheet not found", file=str(p)) from None
    return tuple(out)


def _write(key: tuple[str, ...], name: str, data: bytes) -> Path:
    folder = scratch_dir() / hashlib.sha256("\n".join(key).encode()).hexdigest()[:16]
    return xmlio.write_atomic(folder / name, data)


def edition_stylesheet(path: Path) -> Path:
    """The runnable copy of an edition's override (``teikit:`` imports resolved)."""
    key = ("own", *_stamp(path))
    if key not in _MADE:
        _MADE[key] = _write(key, path.name, _rewrite(path))
    return _MADE[key]


def print_over(html_override: Path) -> Path:
    """teikit's print.xsl importing the edition's HTML override instead of html.xsl."""
    own = edition_stylesheet(html_override)
    toolkit_print = stylesheet("print")
    key = ("print", *_stamp(html_override, toolkit_print))
    if key not in _MADE:
        data = _rewrite(toolkit_print, {"html.xsl": own.resolve().as_uri()})
        _MADE[key] = _write(key, "print.xsl", data)
    return _MADE[key]


def check(stylesheets: Stylesheets) -> None:
    """Compile every override now (a usage error before any document is built)."""
    from ..saxon import compile_stylesheet

    for name in ("html", "text", "print"):
        own = getattr(stylesheets, name) or (stylesheets.html if name == "print" else None)
        if not own:
            continue
        path = stylesheets.path(name)
        try:
            compile_stylesheet(path)
        except TransformError as exc:  # name the edition's file, not its runnable copy
            raise TransformError(exc.message.replace(str(path), own),
                                 file=own) from None


def hashes(stylesheets: Stylesheets) -> dict[str, str]:
    """sha256 of each override file and its local modules."""
    return {os.fspath(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in stylesheets.files()}
