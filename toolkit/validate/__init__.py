"""Validation: well-formedness, RELAX NG, Schematron (XPath 2/3), XSD, xml-model PIs.

The core is :func:`iter_errors`, a generator of :class:`~toolkit.errors.Issue`;
:func:`check` collects one document's :class:`FileReport` (RELAX NG and Schematron
verdicts kept apart, as jing ignores embedded Schematron); :func:`validate` raises
:class:`ValidationError` on the first error; :func:`is_valid` answers yes or no.

Schemas are named by ``tei_all``, ``project`` (schemas/teikit.rng + schemas/teikit.sch)
or a path (.rng, .sch, .xsd, .odd). Without names, a document is checked against the
schemas its ``<?xml-model?>`` PIs declare, else against tei_all. Every RELAX NG schema
also contributes the Schematron rules embedded in it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..errors import Issue, NotWellFormed, SchemaError, TeikitError
from . import schemas as registry
from .models import Resolved

__all__ = ["Cancelled", "FileReport", "ValidationError", "check", "is_valid", "iter_errors",
           "resolve_schemas", "schemas_for", "validate"]

NOT_RUN, VALID, INVALID = "not-run", "valid", "invalid"


class ValidationError(TeikitError):
    """A document is invalid; carries the first error's location."""


@dataclass
class FileReport:
    """One document's verdicts and issues (sorted by position)."""

    file: str
    well_formed: bool = True
    relaxng: str = NOT_RUN
    schematron: str = NOT_RUN
    xsd: str = NOT_RUN
    issues: list[Issue] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def valid(self) -> bool:
        """Well-formed and no error (warnings do not make a document invalid)."""
        return self.well_formed and not self.errors

    def to_dict(self) -> dict:
        return {"file": self.file, "valid": self.valid, "well_formed": self.well_formed,
                "relaxng": self.relaxng, "schematron": self.schematron, "xsd": self.xsd,
                "schemas": self.schemas, "messages": [i.to_dict() for i in self.issues]}


# ---------------------------------------------------------------- schemas

def _odd_schemas(path: Path) -> list[Resolved]:
    if path.resolve() == registry.PROJECT_ODD.resolve():
        return _named("project")
    try:
        from ..odd import compile_odd  # provided by the ODD module when it exists
    except ImportError:
        raise SchemaError("ODD compilation of other ODDs is not supported",
                          file=str(path)) from None
    return _compiled_odd(path, compile_odd)


_ODD_CACHE: dict[tuple[str, float], list[Resolved]] = {}


def _compiled_odd(path: Path, compile_odd) -> list[Resolved]:
    """RELAX NG and Schematron derived from an ODD, written once per process."""
    from .schematron import _cache_dir

    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _ODD_CACHE:
        rng_tree, sch_tree = compile_odd(path)
        stem = _cache_dir() / f"odd-{abs(hash(key)):x}"
        rng, sch = stem.with_suffix(".rng"), stem.with_suffix(".sch")
        xmlio.write_atomic(rng, etree.tostring(rng_tree, encoding="utf-8"))
        out = [Resolved(rng, "relaxng"), Resolved(rng, "schematron")]
        if sch_tree is not None:
            xmlio.write_atomic(sch, etree.tostring(sch_tree, encoding="utf-8"))
            out.append(Resolved(sch, "schematron"))
        _ODD_CACHE[key] = out
    return _ODD_CACHE[key]


def _named(name: str) -> list[Resolved]:
    """Schemas for a --schema value: tei_all, project, or a path."""
    if name == "tei_all":
        rng = registry.tei_all()
        return [Resolved(rng, "relaxng"), Resolved(rng, "schematron")]
    if name == "project":
        rng = registry.PROJECT_RNG
        if not rng.is_file():
            from ..errors import ResourceMissing
            raise ResourceMissing(f"the project schema {rng} does not exist")
        out = [Resolved(rng, "relaxng"), Resolved(rng, "schematron")]
        if registry.PROJECT_SCH.is_file():
            out.append(Resolved(registry.PROJECT_SCH, "schematron"))
        return out
    path = Path(name)
    if not path.is_file():
        from ..errors import InputError
        raise InputError("no such schema file (use tei_all, project or a path)", file=name)
    suffix = path.suffix.lower()
    if suffix == ".odd":
        return _odd_schemas(path)
    kind = {".rng": "relaxng", ".sch": "schematron", ".xsd": "xsd"}.get(suffix)
    if kind is None:
        raise SchemaError("unknown schema type (expected .rng, .sch, .xsd or .odd)", file=name)
    if kind == "relaxng":
        return [Resolved(path, "relaxng"), Resolved(path, "schematron")]
    return [Resolved(path, kind)]


def resolve_schemas(names: Iterable[str]) -> list[Resolved]:
    """The schemas named by --schema values, without duplicates."""
    out: list[Resolved] = []
    for name in names:
        for r in _named(name):
            if r not in out:
                out.append(r)
    return out


def _document_schemas(tree: etree._ElementTree, file: str) -> tuple[list[Resolved], list[Issue]]:
    """The schemas a document declares (xml-model), else tei_all; plus warnings."""
    from . import models

    declared = models.models(tree)
    found, warnings = models.resolve(tree, file, registry.tei_all(required=False))
    out: list[Resolved] = []
    for r in found:
        extra = _odd_schemas(r.path) if r.kind == "odd" else [r]
        if r.kind == "relaxng":
            extra.append(Resolved(r.path, "schematron"))
        out.extend(x for x in extra if x not in out)
    if not out:
        if declared:
            warnings.append(Issue(file, declared[0].line, 1, "warning",
                                  "no declared schema is available locally; "
                                  "validated against tei_all instead", rule="xml-model",
                                  source="xml-model"))
        out = _named("tei_all")
    return out, warnings


# ---------------------------------------------------------------- parsing

def load(path: str | os.PathLike, data: bytes | None = None,
         scope: xmlio.IncludeScope | None = None
         ) -> tuple[etree._ElementTree, list[Issue], list[str]]:
    """Parse securely; the tree, the parser's notes (xml:id errors, XInclude fallbacks)
    and the source lines (for columns).

    ``data``: the document's bytes when they are not (yet) those on disk (an editor's
    buffer); ``path`` still locates it (relative schemas, XIncludes, messages).
    ``scope``: where its XIncludes may read (default: its folder)."""
    if data is None:
        data = xmlio.read_bytes(path)
    issues: list[Issue] = []
    tree = xmlio.parse_file_bytes(data, path, scope=scope, notes=issues)
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        lines = []
    return tree, issues, lines


# ---------------------------------------------------------------- engines

def _run(tree: etree._ElementTree, r: Resolved, file: str, lines: list[str]) -> list[Issue]:
    if r.kind == "relaxng":
        from .relaxng import validate_tree

        return validate_tree(tree, r.path, file, lines or None)
    if r.kind == "schematron":
        from . import schematron
        return schematron.validate_tree(tree, r.path, file, r.phase, lines)
    if r.kind == "xsd":
        from . import xsd
        return xsd.validate_tree(tree, r.path, file)
    raise SchemaError(f"unsupported schema kind {r.kind}", file=str(r.path))


_XML_ID = f"{{{xmlio.XML_NS}}}id"


def _unique_ids(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy whose duplicate or malformed xml:ids are replaced by unique valid ones.

    Those problems are reported once, as xml:id errors; the copy lets the grammar
    engines judge the rest of the document without a cascade of follow-on messages.
    """
    copy = deepcopy(tree)
    seen: set[str] = set()
    for n, el in enumerate(copy.getroot().iter()):
        value = el.get(_XML_ID) if isinstance(el.tag, str) else None
        if value is None:
            continue
        if value in seen or not re.fullmatch(r"[^\W\d][\w.-]*", value):
            el.set(_XML_ID, f"tk-replaced-id-{n}")
        seen.add(el.get(_XML_ID))
    return copy


def schemas_for(tree: etree._ElementTree, file: str, names: Iterable[str] | None = None
                ) -> list[Resolved]:
    """The schemas a document is checked against: ``names`` (as --schema values) when
    given, else those its xml-model PIs declare, else tei_all (as :func:`check`)."""
    if names is not None:
        return resolve_schemas(names)
    return _document_schemas(tree, file)[0]


class Cancelled(Exception):
    """A check was stopped between engines because its result is no longer wanted
    (the language server: a newer keystroke)."""


def _engines(tree, file, lines, schemas, id_errors: bool = False, stop=None
             ) -> Iterator[tuple[Resolved | None, list[Issue]]]:
    resolved, warnings = (_document_schemas(tree, file) if schemas is None
                          else (resolve_schemas(schemas), []))
    if warnings:
        yield None, warnings
    grammar_tree = _unique_ids(tree) if id_errors else tree
    for r in resolved:
        if stop is not None and stop():
            raise Cancelled(file)
        yield r, _run(tree if r.kind == "schematron" else grammar_tree, r, file, lines)
    from .pointers import dangling

    grammars = [r.path for r in resolved if r.kind == "relaxng"]
    yield None, dangling(tree, file, grammars[0] if grammars else None, lines)


def _id_errors(issues: list[Issue]) -> bool:
    return any(i.rule == "xml:id" for i in issues)


def _source(source, file, data: bytes | None = None,
            scope: xmlio.IncludeScope | None = None):
    """(tree, early issues, lines, file) for a path or an already parsed tree."""
    if isinstance(source, etree._ElementTree | etree._Element):
        tree = source if isinstance(source, etree._ElementTree) else source.getroottree()
        return tree, [], [], file or tree.docinfo.URL or "-"
    tree, issues, lines = load(source, data, scope)
    return tree, issues, lines, file or str(source)


def iter_errors(source, schemas: Iterable[str] | None = None, *, file: str | None = None,
                warnings: bool = False) -> Iterator[Issue]:
    """Yield the problems of a document (a path or a tree), engine by engine.

    Not well-formed input yields one error. Warnings are yielded only if asked for.
    """
    try:
        tree, early, lines, file = _source(source, file)
    except NotWellFormed as exc:
        yield exc.as_issue()
        return
    yield from (i for i in early if warnings or i.severity == "error")
    for _, issues in _engines(tree, file, lines, schemas, _id_errors(early)):
        yield from (i for i in issues if warnings or i.severity == "error")


def check(source, schemas: Iterable[str] | None = None, *, file: str | None = None,
          data: bytes | None = None, stop=None,
          scope: xmlio.IncludeScope | None = None) -> FileReport:
    """The full report for one document: verdicts per engine and every issue.

    ``data``: the bytes of the document at path ``source`` when they differ from the
    file's (an editor's unsaved buffer). ``stop``: a callable asked between engines;
    when it answers true, :class:`Cancelled` is raised. ``scope``: where a path's
    XIncludes may read (default: its folder)."""
    schemas = list(schemas) if schemas is not None else None
    try:
        tree, early, lines, file = _source(source, file, data, scope)
    except NotWellFormed as exc:
        return FileReport(file or str(source), well_formed=False, issues=[exc.as_issue()])
    report = FileReport(file, issues=list(early))
    for r, issues in _engines(tree, file, lines, schemas, _id_errors(early), stop):
        report.issues.extend(issues)
        if r is None:
            continue
        report.schemas.append(f"{r.kind}:{r.path}")
        failed = any(i.severity == "error" for i in issues)
        verdict = INVALID if failed else VALID
        current = getattr(report, r.kind)
        setattr(report, r.kind, INVALID if INVALID in (current, verdict) else verdict)
    if _id_errors(early) and report.relaxng != NOT_RUN:
        report.relaxng = INVALID  # jing, too, rejects duplicate or malformed IDs
    report.issues.sort()
    return report


def validate(source, schemas: Iterable[str] | None = None, *, file: str | None = None
             ) -> FileReport:
    """The report of a valid document; ValidationError (first error) for an invalid one."""
    report = check(source, schemas, file=file)
    if report.errors:
        first = report.errors[0]
        raise ValidationError(first.message, file=first.file, line=first.line,
                              column=first.column, code=first.rule)
    return report


def is_valid(source, schemas: Iterable[str] | None = None) -> bool:
    """True when the document is well-formed and has no validation error."""
    return check(source, schemas).valid
