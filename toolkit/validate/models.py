"""xml-model processing instructions: parse them, resolve their schemas to local files.

A document declares its schemas with ``<?xml-model href="…" schematypens="…"?>``
(ISO/IEC 19757-11). Relative hrefs are resolved against the document. TEI's canonical
addresses of ``tei_all`` (current or versioned, http or https, www or not) are mapped
to the installed ``tei_all.rng``; nothing is ever fetched: any other remote schema
gives a warning saying it was not fetched, and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from ..errors import Issue

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
ISO_SCH_NS = "http://www.ascc.net/xml/schematron"  # Schematron 1.5, same engines here

#: Kinds of schema: "relaxng", "schematron", "xsd".
_KIND_BY_NS = {RNG_NS: "relaxng", SCH_NS: "schematron", ISO_SCH_NS: "schematron",
               XSD_NS: "xsd"}
_KIND_BY_SUFFIX = {".rng": "relaxng", ".sch": "schematron", ".xsd": "xsd",
                   ".odd": "odd"}

_PSEUDO = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")

#: TEI's published addresses of tei_all.rng (any release, "current" or a version).
_TEI_ALL = re.compile(
    r"^https?://(?:www\.)?tei-c\.org/(?:release|Vault/P5/[\w.-]+|Vault/P5/current)"
    r"/xml/tei/custom/schema/relaxng/tei_all\.rng$")


@dataclass(frozen=True)
class Model:
    """One xml-model PI: where it points and what it is."""

    href: str
    kind: str  # "relaxng" | "schematron" | "xsd" | "odd" | "unknown"
    line: int = 0
    phase: str = "#DEFAULT"


@dataclass(frozen=True)
class Resolved:
    """A schema to run: a local path and its kind."""

    path: Path
    kind: str
    phase: str = "#DEFAULT"


def pseudo_attributes(text: str) -> dict[str, str]:
    """The pseudo-attributes of a processing instruction's text."""
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _PSEUDO.finditer(text or "")}


def kind_of(attrs: dict[str, str]) -> str:
    """The schema kind a PI declares: schematypens first, else type, else the suffix."""
    ns = attrs.get("schematypens", "")
    if ns in _KIND_BY_NS:
        return _KIND_BY_NS[ns]
    suffix = Path(urlparse(attrs.get("href", "")).path).suffix.lower()
    if attrs.get("type", "") in ("application/relax-ng-compact-syntax",):
        return "unknown"  # compact syntax is not supported
    return _KIND_BY_SUFFIX.get(suffix, "unknown")


def models(tree: etree._ElementTree) -> list[Model]:
    """The xml-model PIs of the prolog, in order."""
    out = []
    root = tree.getroot()
    for node in reversed(list(root.itersiblings(preceding=True))):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            attrs = pseudo_attributes(node.text or "")
            if attrs.get("href"):
                out.append(Model(attrs["href"], kind_of(attrs), node.sourceline or 0,
                                 attrs.get("phase", "#DEFAULT")))
    return out


_LABELS = {"relaxng": "RELAX NG ", "schematron": "Schematron ", "xsd": "XSD ", "odd": "ODD "}


def resolve_href(href: str, document: str | Path | None, tei_all: Path | None,
                 kind: str = "") -> tuple[Path | None, str | None]:
    """A local path for an href, or None with the reason it was not used (naming the
    schema's kind, so that two PIs for one address are told apart)."""
    schema = _LABELS.get(kind, "") + "schema"
    parsed = urlparse(href)
    if _TEI_ALL.match(href):
        if tei_all is None:
            return None, "tei_all.rng is not installed (run: teikit schemas install)"
        return tei_all, None
    if parsed.scheme in ("http", "https", "ftp"):
        return None, f"{schema} {href} was not fetched (teikit never uses the network)"
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path))
    elif parsed.scheme:
        return None, f"{schema} {href}: unsupported URL scheme"
    else:
        path = Path(unquote(href))
        if not path.is_absolute() and document is not None:
            path = Path(document).resolve().parent / path
    path = path.resolve()
    if not path.is_file():
        return None, f"{schema} {href} not found (looked at {path})"
    return path, None


def resolve(tree: etree._ElementTree, file: str, tei_all: Path | None
            ) -> tuple[list[Resolved], list[Issue]]:
    """The local schemas the document's xml-model PIs declare, and warnings for the rest."""
    schemas: list[Resolved] = []
    warnings: list[Issue] = []
    for m in models(tree):
        path, reason = resolve_href(m.href, file if file != "-" else None, tei_all, m.kind)
        if path is None:
            warnings.append(Issue(file, m.line, 1, "warning", reason, rule="xml-model",
                                  source="xml-model"))
            continue
        if m.kind == "unknown":
            warnings.append(Issue(file, m.line, 1, "warning",
                                  f"xml-model {m.href}: unknown schema type, ignored",
                                  rule="xml-model", source="xml-model"))
            continue
        schemas.append(Resolved(path, m.kind, m.phase))
    return schemas, warnings
