"""Schematron: compile ISO Schematron to XSLT 3.0 (xslt/schematron.xsl), run it, map SVRL.

The compiler is itself an XSLT 3.0 stylesheet run with saxonche; the generated stylesheet
writes SVRL whose ``@location`` is an XPath 1.0 path with positional predicates, which is
evaluated on the securely parsed lxml tree to recover the source line. Compiled
stylesheets are cached per process, keyed by the schema file's path, mtime and phase.
Schematron embedded in a RELAX NG schema (as in tei_all.rng) is extracted into a schema
of its own (cached per RNG file) and reported apart from the RELAX NG verdict.
"""

from __future__ import annotations

import hashlib
import re
import threading
from pathlib import Path

from lxml import etree

from ..edition.resources import stylesheet
from ..errors import Issue, SchemaError, TransformError
from ..saxon import scratch_dir
from ..xmlio import parse, parse_bytes

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
RNG_NS = "http://relaxng.org/ns/structure/1.0"

#: Schematron roles that make a result an error; every other role is a warning.
ERROR_ROLES = frozenset({"", "fatal", "error"})
WARNING_ROLES = frozenset({"warning", "warn", "nonfatal", "info", "information"})

_LOCK = threading.RLock()
_COMPILED: dict[tuple[str, float, str], Path] = {}


def severity(role: str | None) -> str:
    """Map a Schematron ``@role`` to a severity: fatal/error (or none) → error, else warning."""
    r = (role or "").strip().lower()
    return "error" if r in ERROR_ROLES or r not in WARNING_ROLES else "warning"


def _cache_dir() -> Path:
    return scratch_dir()


def _key(schema: Path, phase: str) -> tuple[str, float, str]:
    try:
        return (str(schema.resolve()), schema.stat().st_mtime, phase)
    except OSError:
        raise SchemaError("Schematron schema not found", file=str(schema)) from None


def _schema_tree(schema: Path) -> etree._ElementTree:
    """The schema as an sch:schema tree: the file itself, or the rules embedded in an RNG."""
    tree = parse(schema)
    root = tree.getroot()
    if root.tag == f"{{{SCH_NS}}}schema":
        return tree
    if root.tag.startswith(f"{{{RNG_NS}}}"):
        return embedded_schema(tree)
    raise SchemaError(f"not a Schematron schema (root {root.tag})", file=str(schema))


def embedded_schema(rng: etree._ElementTree) -> etree._ElementTree:
    """Gather the sch:ns and sch:pattern elements embedded in a RELAX NG schema."""
    out = etree.Element(f"{{{SCH_NS}}}schema", nsmap={"sch": SCH_NS})
    out.set("queryBinding", "xslt2")
    seen: set[str] = set()
    for ns in rng.iter(f"{{{SCH_NS}}}ns"):
        if ns.get("prefix") not in seen:
            seen.add(ns.get("prefix"))
            out.append(_clean_copy(ns))
    for pattern in rng.iter(f"{{{SCH_NS}}}pattern"):
        out.append(_clean_copy(pattern))
    return out.getroottree()


def _clean_copy(el: etree._Element) -> etree._Element:
    copy = etree.fromstring(etree.tostring(el))
    copy.tail = None
    return copy


def _content_key(schema: Path, phase: str) -> str:
    """What the compiled stylesheet depends on: the schema's bytes, the phase and the
    compiler's own stylesheets (so a changed compiler never reuses an old result)."""
    from ..edition.resources import xslt_dir

    h = hashlib.sha256(schema.read_bytes())
    h.update(phase.encode())
    xslt = xslt_dir()
    for f in sorted([xslt / "schematron.xsl", *(xslt / "schematron").glob("*.xsl")]):
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def _store_dir() -> Path:
    """Compiled Schematron kept between runs (in the data folder; a temporary folder when
    that is not writable): compiling tei_all's embedded rules costs about 0.3 s."""
    from ..edition.resources import data_dir

    d = data_dir() / "schematron"
    try:
        d.mkdir(parents=True, exist_ok=True)
        return d
    except OSError:
        return _cache_dir()


def compile_schema(schema: str | Path, phase: str = "#DEFAULT") -> Path:
    """Compile a Schematron schema (or an RNG's embedded rules) once; the XSLT's path.

    The compiled stylesheet is stored under a hash of the schema, the phase and the
    compiler, so later processes (and every worker of a parallel run) reuse it."""
    from .. import saxon as xslt
    from ..xmlio import write_atomic

    schema = Path(schema)
    key = _key(schema, phase)
    with _LOCK:
        path = _COMPILED.get(key)
        if path is not None:
            return path
        store = _store_dir()
        stored = store / f"{_content_key(schema, phase)}.xsl"
        empty = stored.with_suffix(".empty")
        if empty.is_file():
            _COMPILED[key] = Path()
            return _COMPILED[key]
        if not stored.is_file():
            tree = _schema_tree(schema)
            if not len(tree.getroot().findall(f"{{{SCH_NS}}}pattern")):
                write_atomic(empty, "")
                _COMPILED[key] = Path()  # no rules: nothing to run
                return _COMPILED[key]
            try:
                result = xslt.transform(stylesheet("schematron"), tree, file=str(schema),
                                        params={"phase": phase})
            except TransformError as exc:
                raise SchemaError(f"cannot compile Schematron: {exc.message}",
                                  file=str(schema), code=exc.code) from None
            write_atomic(stored, result.text)
        try:
            xslt.compile_stylesheet(stored)
        except TransformError as exc:
            raise SchemaError(f"the Schematron rules do not compile: {exc.message}",
                              file=str(schema)) from None
        _COMPILED[key] = stored
        return stored


def run_svrl(schema: str | Path, tree: etree._ElementTree, file: str = "-",
             phase: str = "#DEFAULT") -> etree._Element | None:
    """Run a compiled schema on a tree; the SVRL root (None when the schema has no rules)."""
    from .. import saxon as xslt

    path = compile_schema(schema, phase)
    if path == Path():
        return None
    try:
        result = xslt.transform(path, tree, file=file)
    except TransformError as exc:
        raise TransformError(f"Schematron run failed: {exc.message}", file=file) from None
    return parse_bytes(result.text.encode("utf-8"), file="<svrl>").getroot()


def validate_tree(tree: etree._ElementTree, schema: str | Path, file: str = "-",
                  phase: str = "#DEFAULT", lines: list[str] | None = None) -> list[Issue]:
    """Schematron issues for a tree (failed asserts and successful reports), by position."""
    svrl = run_svrl(schema, tree, file, phase)
    if svrl is None:
        return []
    issues = [_issue(r, tree, file, lines)
              for r in svrl.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report")]
    return sorted(issues)


def _issue(result: etree._Element, tree: etree._ElementTree, file: str,
           lines: list[str] | None) -> Issue:
    location = result.get("location", "")
    line, column = locate(tree, location, lines)
    text = " ".join(result.findtext(f"{{{SVRL_NS}}}text", "").split())
    diags = [" ".join(d.findtext(f"{{{SVRL_NS}}}text", "").split())
             for d in result.findall(f"{{{SVRL_NS}}}diagnostic-reference")]
    message = text + "".join(f" ({d})" for d in diags if d)
    return Issue(file, line, column, severity(result.get("role")), message,
                 rule=result.get("id"), path=location, source="schematron")


_STEP = re.compile(r"/(@)?\*\[local-name\(\)='([^']*)' and namespace-uri\(\)='[^']*'\]")


def locate(tree: etree._ElementTree, location: str,
           lines: list[str] | None = None) -> tuple[int, int]:
    """Line and column of the node an SVRL location designates (0, 0 when unknown)."""
    if not location or location == "/":
        return (1, 1)
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return (0, 0)
    if not found:
        return (0, 0)
    node = found[0]
    attr = None
    if isinstance(node, str):  # attribute or text: lxml "smart strings" know their element
        attr = getattr(node, "attrname", None) if getattr(node, "is_attribute", False) else None
        node = node.getparent()
    if not isinstance(node, etree._Element) or node.sourceline is None:
        return (0, 0)
    line = node.sourceline
    return line, _column(lines, line, node, attr)


def _column(lines: list[str] | None, line: int, el: etree._Element, attr: str | None) -> int:
    """Best-effort column of the start tag (or the attribute) on its source line."""
    if not lines or not 0 < line <= len(lines) or not isinstance(el.tag, str):
        return 1
    text = lines[line - 1]
    name = etree.QName(el).localname
    m = re.search(r"<(?:[\w.-]+:)?" + re.escape(name) + r"(?=[\s/>]|$)", text)
    col = m.start() + 1 if m else 1
    if attr:
        local = etree.QName(attr).localname
        a = re.search(r"(?:^|\s)((?:[\w.-]+:)?" + re.escape(local) + r")\s*=", text[col - 1:])
        if a:
            col += a.start(1)
    return col
