"""Hover: what the element, attribute or value under the cursor is.

Elements and attributes: the gloss and description of the ODD (in the editor's
language where it has one), else TEI's documentation carried by the grammar. A value
of a closed list: its description. A pointer (``#id``, ``file.xml#id``): the entity it
points to, its label and dates, and where it is declared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as t

from ..validate import rng_messages as d
from ..validate.rng import nc_matches
from .definitions import FileIndex, Pointer, Target
from .schemas import DocSchemas
from .text import NAME, Text, open_elements, split_name

_ATTR = re.compile(r"(" + NAME + r")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass
class Spot:
    """What is under the cursor inside a tag."""

    kind: str  # "element" | "attribute" | "value"
    tag_start: int
    element: str
    start: int
    end: int
    attribute: str = ""
    token: str = ""
    end_tag: bool = False


def spot_at(source: str, offset: int) -> Spot | None:
    """The element name, attribute name or value token at ``offset``, if in a tag."""
    lt = source.rfind("<", 0, offset + 1)
    gt = source.rfind(">", 0, offset)
    if lt < 0 or lt < gt:
        return None
    end = source.find(">", lt)
    tag = source[lt:(end + 1) if end >= 0 else min(len(source), lt + 5000)]
    m = re.match(r"</?(" + NAME + r")", tag)
    if m is None:
        return None
    element = m.group(1)
    if lt + m.start(1) <= offset <= lt + m.end(1):
        return Spot("element", lt, element, lt + m.start(1), lt + m.end(1),
                    end_tag=tag.startswith("</"))
    for a in _ATTR.finditer(tag, m.end()):
        if lt + a.start(1) <= offset <= lt + a.end(1):
            return Spot("attribute", lt, element, lt + a.start(1), lt + a.end(1), a.group(1))
        group = 2 if a.group(2) is not None else 3
        vstart = lt + a.start(group)
        if vstart <= offset <= lt + a.end(group):
            value = a.group(group)
            for tok in re.finditer(r"\S+", value):
                if vstart + tok.start() <= offset <= vstart + tok.end():
                    return Spot("value", lt, element, vstart + tok.start(), vstart + tok.end(),
                                a.group(1), tok.group(0))
            return Spot("value", lt, element, vstart, vstart, a.group(1), "")
    return None


def _qname(source: str, spot: Spot, name: str, attribute: bool = False) -> tuple[str, str]:
    prefix, local = split_name(name)
    if prefix == "xml":
        return XML_NS, local
    if attribute and prefix is None:
        return "", local
    stack = open_elements(source, spot.tag_start).stack
    if spot.end_tag and stack:
        nsmap = stack[-1].nsmap
    else:
        nsmap = dict(stack[-1].nsmap) if stack else {}
        tag_end = source.find(">", spot.tag_start)
        for a in _ATTR.finditer(source[spot.tag_start:tag_end if tag_end > 0 else None]):
            if a.group(1) == "xmlns" or a.group(1).startswith("xmlns:"):
                nsmap[a.group(1)[6:] or None] = a.group(2) or a.group(3) or ""
    return nsmap.get(prefix, ""), local


def describe_target(idx: FileIndex, target: Target, here: Path) -> str:
    where = "this document" if idx.path == here else idx.path.name
    line = idx.text.position(target.start)[0] + 1
    parts = [f"**{target.element}** `#{target.id}` ({where}, line {line})"]
    if target.label:
        parts.append(target.label)
    if target.dates:
        parts.append(target.dates)
    return "\n\n".join(parts)


def hover(source: str, offset: int, text: Text, schemas: DocSchemas, here: Path,
          lookup: Callable[[Pointer], tuple[FileIndex, Target] | None]) -> t.Hover | None:
    """The hover at ``offset`` (None when there is nothing to say)."""
    spot = spot_at(source, offset)
    if spot is None:
        return None
    body = None
    if spot.kind == "value" and "#" in spot.token:
        found = lookup(Pointer(spot.token, spot.attribute, spot.start, spot.end))
        body = describe_target(found[0], found[1], here) if found else \
            f"`{spot.token}`: no such xml:id in the edition"
    else:
        qn = _qname(source, spot, spot.element)
        for g in schemas.grammars:
            pats = g.patterns_for(qn)
            if not pats:
                continue
            if spot.kind == "element":
                doc = schemas.docs.element(qn[1], pats[0].doc)
                body = f"**{spot.element}** (element)" + (f"\n\n{doc}" if doc else "")
                break
            aqn = _qname(source, spot, spot.attribute, attribute=True)
            match = [a for a in d.attributes(g, pats[0]) if nc_matches(a.kids[0], aqn)]
            if not match:
                continue
            a = match[0]
            if spot.kind == "attribute":
                doc = schemas.docs.attribute(qn[1], aqn[1], a.doc)
                types = d.datatypes(g, a.kids[1])
                vals = [v.text or "" for v in d.value_nodes(g, a.kids[1])]
                body = "\n\n".join(x for x in (
                    f"**@{spot.attribute}** (attribute of {spot.element})", doc,
                    ("Values: " + ", ".join(f"`{v}`" for v in vals)) if vals else None,
                    ("Type: " + ", ".join(types)) if types else None) if x)
                break
            node = next((v for v in d.value_nodes(g, a.kids[1])
                         if (v.text or "").strip() == spot.token), None)
            if node is not None:
                doc = schemas.docs.value(aqn[1], spot.token, node.doc)
                body = f"`{spot.token}` (value of @{spot.attribute})" + (
                    f"\n\n{doc}" if doc else "")
                break
    if not body:
        return None
    rng = t.Range(t.Position(*text.position(spot.start)), t.Position(*text.position(spot.end)))
    return t.Hover(contents=t.MarkupContent(t.MarkupKind.Markdown, body), range=rng)

