"""The grammars and documentation behind one document, found as ``teikit validate`` finds
them: the edition's configured schemas, else the document's xml-model PIs, else tei_all.

Loaded grammars stay in the validate room's process-wide caches (keyed by path and
modification time), so a changed schema or ODD is picked up on the next request and
everything else stays warm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..validate import models, schemas_for
from ..validate import schemas as registry
from ..validate.rng import Grammar, load_schema
from .docs import Documentation

XML_MODEL = re.compile(r"<\?xml-model\s[^>]*\?>")


@dataclass
class DocSchemas:
    grammars: list[Grammar]
    docs: Documentation
    files: list[Path] = field(default_factory=list)  # every schema and ODD file used


def _prolog_tree(source: str) -> etree._ElementTree:
    """A stand-in document with the text's xml-model PIs (they sit before the root)."""
    root = source.find("<", source.find("?>") + 2 if source.startswith("<?xml ") else 0)
    head = source[:max(root, 0) + 20_000]
    pis = "".join(XML_MODEL.findall(head))
    return etree.fromstring(f"<?xml version='1.0'?>{pis}<x/>".encode(),
                            xmlio.secure_parser()).getroottree()


def _odds(tree: etree._ElementTree, path: Path, rngs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for m in models.models(tree):
        if m.kind == "odd":
            found, _ = models.resolve_href(m.href, path, None, "odd")
            if found is not None:
                out.append(found)
    for rng in rngs:
        if rng.resolve() == registry.PROJECT_RNG.resolve() and registry.PROJECT_ODD.is_file():
            out.append(registry.PROJECT_ODD)
        elif rng.with_suffix(".odd").is_file():
            out.append(rng.with_suffix(".odd"))
    return list(dict.fromkeys(out))


def document_schemas(path: Path, source: str, names: list[str] | None,
                     language: str | None) -> DocSchemas:
    """The RELAX NG grammars (in declaration order) and documentation of a document."""
    tree = _prolog_tree(source)
    resolved = schemas_for(tree, str(path), names)
    rngs = [r.path for r in resolved if r.kind == "relaxng"]
    grammars = []
    for p in rngs:
        g = load_schema(p).grammar
        if g is not None:
            grammars.append(g)
    odds = _odds(tree, path, rngs)
    files = list(dict.fromkeys([r.path for r in resolved] + odds))
    return DocSchemas(grammars, Documentation(odds, language), files)
