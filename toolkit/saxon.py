"""The Saxon (saxonche) processor: compile each stylesheet once per process, reuse it.

Stylesheets report failures with coded errors (``error(xs:QName('tk:E0001'), …)``);
they are mapped to :class:`~toolkit.errors.TransformError` with the code kept.
Saxon writes diagnostics to the process's standard error from native code, so a
transform runs with file descriptor 2 captured; the captured text supplies the error
code and the ``xsl:message`` output.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .errors import TransformError
from .xmlio import serialize

_LOCK = threading.RLock()  # saxonche objects are not thread-safe; one transform at a time
_PROC = None
_CACHE: dict[tuple[str, float], Any] = {}
_CODE = re.compile(r"\b((?:tk|err):E?[A-Z]*\d{4}|[A-Z]{4}\d{4})\b")


_SCRATCH: Path | None = None


def scratch_dir() -> Path:
    """A folder of this process for stylesheets the toolkit writes before compiling them
    (Schematron compiled to XSLT, an edition's rewritten overrides); removed at exit."""
    global _SCRATCH
    if _SCRATCH is None:
        _SCRATCH = Path(tempfile.mkdtemp(prefix="teikit-"))
        atexit.register(shutil.rmtree, _SCRATCH, True)
    return _SCRATCH


def processor():
    """The process-wide PySaxonProcessor (created on first use)."""
    global _PROC
    if _PROC is None:
        from saxonche import PySaxonProcessor

        from .limits import configure_saxon

        proc = PySaxonProcessor(license=False)
        configure_saxon(proc)  # the secure parser's depth limit, not JAXP's default of 100
        _PROC = proc
    return _PROC


@dataclass
class Result:
    text: str
    messages: list[str] = field(default_factory=list)


class _StderrCapture:
    """Capture native writes to fd 2 into a temporary file."""

    def __enter__(self):
        self._tmp = tempfile.TemporaryFile()
        self._saved = os.dup(2)
        os.dup2(self._tmp.fileno(), 2)
        return self

    def __exit__(self, *exc):
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._tmp.seek(0)
        self.text = self._tmp.read().decode("utf-8", "replace")
        self._tmp.close()
        return False


def stylesheet_path(path: str | os.PathLike) -> Path:
    """The stylesheet file PATH, made absolute. The toolkit's own stylesheets are found
    with :func:`toolkit.edition.resources.stylesheet`; a bare name such as ``"html"`` is
    refused, never looked up in the current folder (where a user's ``html.xsl`` must not
    replace the toolkit's)."""
    p = Path(path)
    if not p.suffix and p.parent == Path("."):
        raise TransformError(f"{p} is a stylesheet name, not a path (the toolkit's own: "
                             f"toolkit.edition.resources.stylesheet({str(p)!r}))", file=str(p))
    return p.absolute()


def compile_stylesheet(path: str | os.PathLike):
    """Compile (or fetch from the cache) the stylesheet at PATH."""
    path = stylesheet_path(path)
    try:
        key = (str(path), path.stat().st_mtime)
    except FileNotFoundError:
        raise TransformError("stylesheet not found", file=str(path)) from None
    with _LOCK:
        exe = _CACHE.get(key)
        if exe is None:
            from saxonche import PySaxonApiError

            xslt = processor().new_xslt30_processor()
            with _StderrCapture() as cap:
                try:
                    exe = xslt.compile_stylesheet(stylesheet_file=str(path))
                except PySaxonApiError as exc:
                    err = exc
                else:
                    err = None
            if err is not None:
                raise TransformError(f"cannot compile stylesheet: {str(err).strip()}\n"
                                     f"{cap.text.strip()}", file=str(path)) from None
            _CACHE[key] = exe
        return exe


def _value(v: Any):
    p = processor()
    if isinstance(v, bool):
        return p.make_boolean_value(v)
    if isinstance(v, int):
        return p.make_integer_value(v)
    if isinstance(v, float):
        return p.make_double_value(v)
    return p.make_string_value(str(v))


#: The Saxon copies of the last few trees transformed: a document rendered to several
#: outputs (text twice, HTML, PDF) is handed to Saxon once. The trees are held here, so
#: an id is never reused while cached; a tree must not be changed once transformed.
_DOCS: list[tuple[etree._ElementTree, Any]] = []
_DOCS_KEPT = 2


def _saxon_document(proc, doc: etree._ElementTree | bytes):
    if isinstance(doc, bytes):
        return proc.parse_xml(xml_text=doc.decode("utf-8"))
    for tree, node in _DOCS:
        if tree is doc:
            return node
    node = proc.parse_xml(xml_text=serialize(doc).decode("utf-8"))
    _DOCS.insert(0, (doc, node))
    del _DOCS[_DOCS_KEPT:]
    return node


def transform(stylesheet: str | os.PathLike, doc: etree._ElementTree | bytes, *,
              file: str = "-", params: dict[str, Any] | None = None) -> Result:
    """Run the stylesheet at the path STYLESHEET on ``doc`` (a securely parsed tree, or
    XML bytes); the toolkit's own are named by ``resources.stylesheet("html")``.

    Returns the serialised result as text plus any ``xsl:message`` output.
    """
    from saxonche import PySaxonApiError

    exe = compile_stylesheet(stylesheet)
    with _LOCK:
        proc = processor()
        exe.clear_parameters()
        for k, v in (params or {}).items():
            if v is not None:
                exe.set_parameter(k, _value(v))
        with _StderrCapture() as cap:
            try:
                node = _saxon_document(proc, doc)
                out = exe.transform_to_string(xdm_node=node)
            except PySaxonApiError as exc:
                err = exc
            else:
                err = None
        if err is not None:
            detail = cap.text
            m = _CODE.search(detail) or _CODE.search(str(err))
            raise TransformError(str(err).strip() or detail.strip(), file=file,
                                 code=m.group(1) if m else None) from None
    msgs = [ln for ln in cap.text.splitlines() if ln.strip()]
    return Result(out or "", msgs)
