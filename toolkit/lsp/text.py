"""A document's text as the server sees it: offsets, lines, and what the cursor is in.

Positions inside the server are code-point offsets into the text; :class:`Text` turns
them into (line, character) in the units the client negotiated (UTF-16 by default, as
LSP says). :func:`cursor_context` tells what is being typed at an offset (an element
name, an attribute name, an attribute value, or content), and :func:`open_elements`
the elements open there, by feeding the text before the cursor to the secure pull
parser: a half-typed document still has a well-defined prefix.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

from lxml import etree

from .. import xmlio


class Text:
    """A text with its line starts (computed once per version)."""

    def __init__(self, source: str, encoding: str = "utf-16") -> None:
        self.source = source
        self.lines = source.splitlines(True) or [""]
        self.starts = [0, *accumulate(len(line) for line in self.lines)]
        self.encoding = encoding

    # -- code points <-> client units

    def _units(self, s: str) -> int:
        if self.encoding == "utf-8":
            return len(s.encode("utf-8"))
        if self.encoding == "utf-32":
            return len(s)
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character in client units) of a code-point offset."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self.starts, offset) - 1
        line = min(line, len(self.lines) - 1)
        return line, self._units(self.source[self.starts[line]:offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a client position (clamped to the text)."""
        if line >= len(self.lines):
            return len(self.source)
        if line < 0:
            return 0
        text = self.lines[line].rstrip("\r\n")
        if self.encoding == "utf-32":
            return self.starts[line] + min(character, len(text))
        units = 0
        for i, ch in enumerate(text):
            if units >= character:
                return self.starts[line] + i
            units += self._units(ch)
        return self.starts[line] + len(text)

    def line_offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and 1-based code-point column (validation issues)."""
        if line < 1:
            return 0
        if line > len(self.lines):
            return len(self.source)
        text = self.lines[line - 1].rstrip("\r\n")
        return self.starts[line - 1] + min(max(column - 1, 0), len(text))

    def line_end(self, offset: int) -> int:
        end = self.source.find("\n", offset)
        return len(self.source) if end < 0 else end


# ----------------------------------------------------------------------- cursor context

NAME = r"[^\s<>=\"'/!?]+"
_ATTR = re.compile(r"(" + NAME + r")\s*=\s*(\"[^\"]*\"|'[^']*')")
_TAG_START = re.compile(r"<(" + NAME + r")?")


@dataclass
class Context:
    """What is being typed at the cursor."""

    kind: str  # "element" (name after <), "attribute", "value", "content", "end-tag", "none"
    tag_start: int = -1  # offset of the "<" of the tag being typed
    element: str = ""  # the tag's name (as typed, with prefix)
    prefix: str = ""  # the part of the name or value typed before the cursor
    attribute: str = ""  # for "value": the attribute's name
    present: list[str] = field(default_factory=list)  # attributes already in the tag
    declared: dict[str | None, str] = field(default_factory=dict)  # xmlns in the tag
    quote: str = ""


def cursor_context(source: str, offset: int) -> Context:
    """What the cursor at ``offset`` is in (a start tag, an end tag, or content)."""
    for opening, closing in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")):
        o = source.rfind(opening, 0, offset)
        if o >= 0 and source.find(closing, o + len(opening), offset) < 0:
            return Context("none", o)  # inside a comment, CDATA section or PI
    lt = source.rfind("<", 0, offset)
    gt = source.rfind(">", 0, offset)
    if lt <= gt:
        return Context("content")
    tag = source[lt:offset]
    if tag.startswith(("<!", "<?")):
        return Context("none", lt)
    if tag.startswith("</"):
        return Context("end-tag", lt, prefix=tag[2:].strip())
    m = re.match(r"<(" + NAME + r")?$", tag)
    if m:
        return Context("element", lt, prefix=m.group(1) or "")
    m = re.match(r"<(" + NAME + r")(\s.*)$", tag, re.S)
    if m is None:
        return Context("none", lt)
    element, rest = m.group(1), m.group(2)
    # the whole tag (up to its ">") for the attributes already written after the cursor
    end = source.find(">", offset)
    nxt = source.find("<", offset)
    whole = source[lt:end if end >= 0 and (nxt < 0 or end < nxt) else offset]
    present = [a.group(1) for a in _ATTR.finditer(whole)]
    declared = {(a.group(1)[6:] or None): a.group(2)[1:-1] for a in _ATTR.finditer(whole)
                if a.group(1) == "xmlns" or a.group(1).startswith("xmlns:")}
    pos = 0
    for a in _ATTR.finditer(rest):
        pos = a.end()
    tail = rest[pos:]
    v = re.match(r"\s*(" + NAME + r")\s*=\s*([\"'])([^\"']*)$", tail)
    if v:
        return Context("value", lt, element, v.group(3), v.group(1), present, declared,
                       v.group(2))
    n = re.match(r"\s+(" + NAME + r")?$", tail) or re.match(r"^(" + NAME + r")?$", tail)
    if n and (tail[:1].isspace() or pos == 0 or not tail):
        return Context("attribute", lt, element, n.group(1) or "", "", present, declared)
    return Context("none", lt, element)


# ----------------------------------------------------------------------- open elements


@dataclass
class Open:
    """The elements open at a point: outermost first, each with its children so far."""

    stack: list[etree._Element]
    root_seen: bool  # an element has been opened (and perhaps closed) before the point


SENTINEL = "tk-cursor-5f1d"  # an element name no document uses


#: (text, offset K, a short text with the same open elements and children at its end)
_CHECKPOINTS: list[tuple[str, int, str]] = []
_MAX_CHECKPOINTS = 8
_CHECKPOINT_FROM = 50_000  # characters before the point: below, a full parse is as fast


def open_elements(source: str, offset: int) -> Open:
    """The elements open before ``offset``, outermost first.

    The text before the point and an empty sentinel element are parsed by the secure
    parser in recovery mode, which closes whatever is still open: the sentinel's
    ancestors are the open elements, its preceding siblings the children so far. One
    parse in C, no event loop in Python. In a big document the result is kept as a
    checkpoint: a short synthetic text with the same open elements (and their
    namespaces) and the same children before the point; a later request whose text
    is unchanged up to a checkpoint parses that synthetic text plus what follows it
    (typing moves forward from the last completion: a 2 MB novel costs as little as
    a short letter). Where the sentinel cannot land (the point is inside a comment,
    or after the root), the pull parser's events are followed instead."""
    prefix = source[:offset]
    base, start = "", 0
    if offset >= _CHECKPOINT_FROM:
        for text, k, synthetic in reversed(_CHECKPOINTS):
            if k <= offset and len(text) >= k and text[:k] == source[:k]:
                base, start = synthetic, k
                break
    found = _sentinel_parse(base + source[start:offset])
    if found is None and base:
        found = _sentinel_parse(prefix)
    if found is None:
        return _open_by_events(prefix)
    if offset >= _CHECKPOINT_FROM and found.stack and (not base or offset - start > 2000):
        _CHECKPOINTS.append((source, offset, _synthesize(found.stack)))
        del _CHECKPOINTS[:-_MAX_CHECKPOINTS]
    return found


def _sentinel_parse(text: str) -> Open | None:
    try:
        root = etree.fromstring((text + f"<{SENTINEL}/>").encode("utf-8"),
                                xmlio.secure_parser(recover=True))
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    if etree.QName(root).localname == SENTINEL:
        return Open([], False)
    mark = next(root.iter(f"{{*}}{SENTINEL}"), None)
    if mark is None:
        return None
    return Open(list(mark.iterancestors())[::-1], True)


def _synthesize(stack: list[etree._Element]) -> str:
    """Start tags of the open elements (with every namespace in scope declared) and
    their earlier children as empty elements: what completion needs of the past."""
    out = []
    for i, el in enumerate(stack):
        decls = "".join(f' xmlns{":" + p if p else ""}="{_attr(u)}"' for p, u in el.nsmap.items())
        out.append(f"<{_name(el)}{decls}>")
        stop = stack[i + 1] if i + 1 < len(stack) else None
        for child in el:
            if child is stop or (isinstance(child.tag, str) and child.tag.endswith(SENTINEL)):
                break
            if isinstance(child.tag, str):
                ns = etree.QName(child).namespace or ""
                out.append(f'<{etree.QName(child).localname} xmlns="{_attr(ns)}"/>')
    return "".join(out)


def _name(el: etree._Element) -> str:
    local = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _open_by_events(prefix: str) -> Open:
    parser = xmlio.secure_pull_parser()
    stack: list[etree._Element] = []
    seen = False
    try:
        parser.feed(prefix)
        for event, el in parser.read_events():
            if event == "start":
                stack.append(el)
                seen = True
            else:
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i] is el:  # recovery may close several at once
                        del stack[i:]
                        break
    except etree.XMLSyntaxError:
        pass
    return Open(stack, seen)


def children_before(parent: etree._Element) -> list[etree._Element]:
    """The element children a parent has before the point (the sentinel)."""
    out = []
    for c in parent:
        if not isinstance(c.tag, str):
            continue
        if c.tag.endswith(SENTINEL) and etree.QName(c).localname == SENTINEL:
            break
        out.append(c)
    return out


def split_name(name: str) -> tuple[str | None, str]:
    """``prefix:local`` -> (prefix, local); no prefix -> (None, name)."""
    if ":" in name:
        prefix, local = name.split(":", 1)
        return prefix, local
    return None, name
