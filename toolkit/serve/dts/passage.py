"""The text of citable units: the TEI passage of a unit or of a range of units.

Every node of a document has a place in document order (:class:`Positions`: start tag,
text, end tag, tail). A passage is the span of places from the first unit's start to
the last unit's end (for a milestone unit: up to the next unit); :func:`clip` copies
exactly that span out of the document, keeping the ancestors of the passage (as the
specification's examples do: a paragraph comes inside its chapter's ``div``) but none of
their other content. So a passage holds every word of its units and nothing else.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from lxml import etree

from ...xmlio import TEI_NS
from .citetree import Unit

T = f"{{{TEI_NS}}}"
DTS_NS = "https://w3id.org/api/dts#"


class Positions:
    """Document-order places of every node: (start, end); text is start+1, tail end+1."""

    def __init__(self, root: etree._Element):
        self.root = root
        self.span: dict[etree._Element, tuple[int, int]] = {}
        i = 0
        stack: list[tuple[etree._Element, int, Iterator]] = [(root, 0, iter(root))]
        i = 2
        while stack:  # iterative: comments and processing instructions get places too
            el, start, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                self.span[el] = (start, i)
                i += 2
            else:
                stack.append((child, i, iter(child)))
                i += 2

    def start(self, el: etree._Element) -> int:
        return self.span[el][0]

    def end(self, el: etree._Element) -> int:
        return self.span[el][1]


def unit_span(unit: Unit, units: list[Unit], pos: Positions) -> tuple[int, int]:
    """The places a unit covers (a milestone: up to the next unit that is not inside it,
    within its parent element)."""
    lo = pos.start(unit.node)
    if not unit.milestone:
        return lo, pos.end(unit.node)
    nxt = units[unit.last + 1] if unit.last + 1 < len(units) else None
    hi = pos.start(nxt.node) - 1 if nxt is not None else _container_end(unit.node, pos)
    parent = unit.parent
    while parent is not None and parent.milestone:
        parent = parent.parent
    if parent is not None:
        hi = min(hi, pos.end(parent.node) - 1)
    return lo, hi


def _container_end(node: etree._Element, pos: Positions) -> int:
    text = next((a for a in node.iterancestors(f"{T}text")), None)
    return pos.end(text if text is not None else pos.root) - 1


def clip(el: etree._Element, lo: int, hi: int, pos: Positions) -> etree._Element:
    """A copy of ``el`` holding only its content between places ``lo`` and ``hi``."""
    start, _end = pos.span[el]
    new = etree.Element(el.tag, dict(el.attrib), nsmap=el.nsmap)
    if lo <= start + 1 <= hi:
        new.text = el.text
    last = None
    for child in el:
        cs, ce = pos.span[child]
        piece = None
        if ce >= lo and cs <= hi:
            if lo <= cs and ce <= hi or not isinstance(child.tag, str):
                piece = copy.deepcopy(child)
                piece.tail = None
            else:
                piece = clip(child, lo, hi, pos)
            new.append(piece)
            last = piece
        if child.tail and lo <= ce + 1 <= hi:
            if last is None:
                new.text = (new.text or "") + child.tail
            else:
                last.tail = (last.tail or "") + child.tail
    return new


def passage_content(root: etree._Element, lo: int, hi: int, pos: Positions
                    ) -> list[etree._Element]:
    """The clipped children of the document root between ``lo`` and ``hi`` (the
    ``text`` holding the passage, with the passage's ancestors inside it)."""
    return list(clip(root, lo, hi, pos))


def header_copy(root: etree._Element) -> etree._Element | None:
    header = root.find(f"{T}teiHeader")
    if header is None:
        return None
    h = copy.deepcopy(header)
    h.tail = None
    return h


def wrapped(content: list[etree._Element]) -> bytes:
    """The DTS response for a passage: ``TEI`` holding ``dts:wrapper`` and in it exactly
    the passage (the header is not repeated with every passage: the whole document,
    Collection's Dublin Core and OAI-PMH carry it)."""
    tei = etree.Element(f"{T}TEI", nsmap={None: TEI_NS, "dts": DTS_NS})
    wrapper = etree.SubElement(tei, f"{{{DTS_NS}}}wrapper")
    for c in content:
        wrapper.append(c)
    return etree.tostring(tei, encoding="utf-8", xml_declaration=True)


def passage_document(root: etree._Element, content: list[etree._Element]
                     ) -> etree._ElementTree:
    """A TEI document of just the passage (header + the clipped text), for renderers."""
    tei = etree.Element(f"{T}TEI", dict(root.attrib) if _is_tei(root) else {},
                        nsmap={None: TEI_NS})
    header = header_copy(root)
    if header is not None:
        tei.append(header)
    for c in content:
        if _is_tei(c):  # a teiCorpus passage: the member documents' texts
            for part in c:
                if isinstance(part.tag, str) and part.tag == f"{T}text":
                    tei.append(copy.deepcopy(part))
        elif isinstance(c.tag, str) and c.tag != f"{T}teiHeader":
            tei.append(copy.deepcopy(c))
    return tei.getroottree()


def _is_tei(el: etree._Element) -> bool:
    return el.tag == f"{T}TEI"
