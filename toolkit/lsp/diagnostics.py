"""Diagnostics: ``teikit validate``'s issues for the editor's text, as LSP diagnostics.

The text is checked by :func:`toolkit.validate.check` exactly as ``teikit validate``
checks the file (same schemas, same engines, same messages and lines), from the
editor's buffer instead of the disk. Each issue's range covers the start tag it is
about (from its ``<`` to its ``>``), or the rest of the line for a parse error or
misplaced text. Schematron rule ids become diagnostic codes.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types as t

from ..errors import Issue
from ..validate import check
from .text import Text

SEVERITY = {"error": t.DiagnosticSeverity.Error, "warning": t.DiagnosticSeverity.Warning,
            "info": t.DiagnosticSeverity.Information}
_MAX_TAG = 5000  # characters searched for a start tag's end


_DECLARED = re.compile(r"""^\ufeff?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def as_bytes(source: str) -> bytes:
    """The editor's text as the bytes of the file it will be saved as: in the encoding
    its XML declaration names (so that the parser reads what the declaration says),
    else UTF-8."""
    m = _DECLARED.match(source[:200])
    if m:
        try:
            return source.encode(m.group(1))
        except (LookupError, UnicodeEncodeError):
            pass
    return source.encode("utf-8")


def issues(path: Path, source: str, schemas: list[str] | None, stop=None) -> list[Issue]:
    """The issues of the text of the document at ``path`` (raises Cancelled on stop)."""
    report = check(path, schemas, data=as_bytes(source), stop=stop)
    return report.issues


def issue_range(text: Text, issue: Issue) -> t.Range:
    start = text.line_offset(issue.line, issue.column)
    src = text.source
    if src.startswith("<", start) and not src.startswith("</", start):
        end = src.find(">", start, start + _MAX_TAG)
        end = end + 1 if end >= 0 else text.line_end(start)
    else:
        end = text.line_end(start)
        if end == start and start < len(src):
            end = start + 1
    return t.Range(t.Position(*text.position(start)), t.Position(*text.position(end)))


def to_diagnostic(text: Text, issue: Issue) -> t.Diagnostic:
    return t.Diagnostic(
        range=issue_range(text, issue), message=issue.message,
        severity=SEVERITY.get(issue.severity, t.DiagnosticSeverity.Error),
        code=issue.rule, source=f"teikit {issue.source}" if issue.source else "teikit")


def internal_error(exc: BaseException) -> t.Diagnostic:
    """An internal error, shown where the user looks (the server keeps serving)."""
    return t.Diagnostic(
        range=t.Range(t.Position(0, 0), t.Position(0, 1)),
        message=f"teikit internal error: {type(exc).__name__}: {exc} (the language server "
                "keeps serving; details in its log)",
        severity=t.DiagnosticSeverity.Error, source="teikit", code="internal-error")
