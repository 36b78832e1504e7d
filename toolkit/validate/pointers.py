"""Dangling ``#id`` pointers: a same-document pointer to an ``xml:id`` nobody declares.

An attribute is a pointer when the document's RELAX NG grammar types it ``anyURI``
(TEI's ``teidata.pointer``: ``@ref``, ``@target``, ``@corresp``, ``@resp``, ``@who``,
``@facs``…); each of its whitespace-separated tokens that starts with ``#`` must name
an ``xml:id`` of the document. jing does not check this (tei_all has no ID/IDREF
types), so these are warnings: they never change a verdict. Pointers into other files
(``persons.xml#p1``) are left to the language server, which knows the edition.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import Issue
from ..xmlio import XML_NS

_XML_ID = f"{{{XML_NS}}}id"
RULE = "tk-dangling-pointer"


def pointer_attributes(grammar_path: Path | None):
    """A function (element, attribute name) -> whether the grammar types it anyURI."""
    if grammar_path is None:
        return lambda el, name: False
    from . import rng_messages as d
    from .rng import load_schema, nc_matches, split_clark

    g = load_schema(grammar_path).grammar
    if g is None:
        return lambda el, name: False
    cache: dict[tuple[str, str], bool] = {}

    def is_pointer(el: etree._Element, name: str) -> bool:
        key = (el.tag, name)
        found = cache.get(key)
        if found is None:
            pats = g.patterns_for(split_clark(el.tag))
            attrs = d.attributes(g, pats[0]) if pats else []
            qn = split_clark(name)
            match = [a for a in attrs if nc_matches(a.kids[0], qn)]
            found = cache[key] = bool(match) and "anyURI" in d.datatypes(g, match[0].kids[1])
        return found

    return is_pointer


def dangling(tree: etree._ElementTree, file: str, grammar_path: Path | None,
             lines: list[str] | None = None) -> list[Issue]:
    """Warnings for the ``#id`` pointers of a document that resolve to nothing."""
    from .relaxng import _column

    root = tree.getroot()
    ids = {v for v in (e.get(_XML_ID) for e in root.iter(etree.Element)) if v is not None}
    is_pointer = pointer_attributes(grammar_path)
    out = []
    for el in root.iter(etree.Element):
        for name, value in el.attrib.items():
            if "#" not in value or name == _XML_ID or not is_pointer(el, name):
                continue
            for token in value.split():
                if token.startswith("#") and token[1:] not in ids:
                    shown = "xml:" + name.split("}")[1] if name.startswith(f"{{{XML_NS}}}") \
                        else etree.QName(name).localname
                    out.append(Issue(
                        file, el.sourceline or 0, _column(el, lines or []), "warning",
                        f'pointer "{token}" of attribute "{shown}" points to no xml:id '
                        "of this document", rule=RULE, path=tree.getpath(el),
                        source="pointers"))
    return out
