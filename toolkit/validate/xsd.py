"""W3C XML Schema validation with xmlschema (compiled once per process, local files only)."""

from __future__ import annotations

import threading
from pathlib import Path

from lxml import etree

from ..errors import Issue, SchemaError

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, float], object] = {}


def load(schema: str | Path):
    """The compiled XMLSchema for a local .xsd (imports only from local files)."""
    import xmlschema

    p = Path(schema)
    try:
        key = (str(p.resolve()), p.stat().st_mtime)
    except OSError:
        raise SchemaError("XML Schema not found", file=str(p)) from None
    with _LOCK:
        if key not in _CACHE:
            try:
                _CACHE[key] = xmlschema.XMLSchema(str(p), allow="local", defuse="always")
            except (xmlschema.XMLSchemaException, OSError, etree.ParseError, ValueError) as exc:
                raise SchemaError(f"cannot load XML Schema: {exc}", file=str(p)) from None
        return _CACHE[key]


def validate_tree(tree: etree._ElementTree, schema: str | Path, file: str = "-") -> list[Issue]:
    """XSD issues of a tree, [] when valid."""
    xs = load(schema)
    issues = []
    for err in xs.iter_errors(tree):
        elem = getattr(err, "elem", None)
        line = getattr(elem, "sourceline", None) or getattr(err, "sourceline", None) or 0
        reason = " ".join(str(err.reason or err.message).split())
        path = getattr(err, "path", None)
        issues.append(Issue(file, line, 1 if line else 0, "error", reason, rule="xsd",
                            path=path, source="xsd"))
    return sorted(issues)
