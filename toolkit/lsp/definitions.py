"""``xml:id``s and the pointers to them, in one document and across the edition.

Each file is indexed from its text: where each ``xml:id`` is declared (the element,
a label and dates from the parsed tree, for completion and hover) and where each
pointer token is (``#id`` in the same file, ``other.xml#id`` into another file of the
edition; tokens with a URL scheme or a prefix are not followed). Positions are
code-point offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import xmlio
from .text import NAME, Text

_ID = re.compile(r"\bxml:id\s*=\s*([\"'])([^\"'<>]*)\1")
_START_TAG = re.compile(r"<(" + NAME + r")(\s[^<>]*)>")
_ATTR = re.compile(r"(" + NAME + r")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_XML_ID = f"{{{xmlio.XML_NS}}}id"
_LABEL_CHILDREN = ("persName", "placeName", "orgName", "name", "title", "label", "head",
                   "term", "catDesc", "desc", "gloss", "resp")
_DATES = ("when", "from", "to", "notBefore", "notAfter")


@dataclass
class Target:
    """An ``xml:id`` declaration."""

    id: str
    start: int  # offset of the value
    end: int
    element: str  # local name
    label: str = ""
    dates: str = ""
    tag_start: int = 0


@dataclass
class Pointer:
    """One pointer token in an attribute value."""

    token: str
    attribute: str
    start: int
    end: int

    def target(self, here: Path) -> tuple[Path, str] | None:
        """(file, id) the token points to; None if it is not a local pointer."""
        if "#" not in self.token:
            return None
        path, _, frag = self.token.partition("#")
        if not frag:
            return None
        if not path:
            return here, frag
        parsed = urlparse(path)
        if parsed.scheme or ":" in path.split("/")[0]:
            return None  # a URL or a prefixed pointer (prefixDef): not a file of ours
        return (here.parent / unquote(path)).resolve(), frag


@dataclass
class FileIndex:
    path: Path
    text: Text
    targets: dict[str, Target] = field(default_factory=dict)
    pointers: list[Pointer] = field(default_factory=list)


def _tree(source: str) -> etree._Element | None:
    """The text parsed securely in recovery mode (as far as it goes)."""
    try:
        data = source.encode("utf-8")
        if len(data) > 0:
            return etree.fromstring(data, xmlio.secure_parser(recover=True))
    except (etree.XMLSyntaxError, ValueError):
        return None
    return None


def label_of(el: etree._Element) -> str:
    """A short human label for an element pointed to: its names (every spelling of
    the first kind of name it has, e.g. each language's), else its title or text."""
    kind = None
    names: list[str] = []
    for child in el.iter(etree.Element):
        local = etree.QName(child).localname
        if child is el or local not in _LABEL_CHILDREN or (kind and local != kind):
            continue
        text = " ".join("".join(child.itertext()).split())
        if text and text not in names:
            kind = local
            names.append(text)
    if names:
        return " / ".join(names)[:160]
    return " ".join("".join(el.itertext()).split())[:120]


def dates_of(el: etree._Element) -> str:
    """Dates of an entity: its own date attributes, birth and death."""
    parts = [f"{a} {el.get(a)}" for a in _DATES if el.get(a)]
    for kind in ("birth", "death", "floruit"):
        for child in el.iter(etree.Element):
            if etree.QName(child).localname == kind:
                when = child.get("when") or child.get("notBefore") or \
                    " ".join("".join(child.itertext()).split())
                if when:
                    parts.append(f"{kind} {when}")
                break
    return ", ".join(parts)


def index_text(path: Path, source: str, encoding: str = "utf-16") -> FileIndex:
    """Index one file's text."""
    text = Text(source, encoding)
    idx = FileIndex(path, text)
    root = _tree(source)
    by_id = {}
    if root is not None:
        by_id = {el.get(_XML_ID): el for el in root.iter(etree.Element) if el.get(_XML_ID)}
    for m in _ID.finditer(source):
        value = m.group(2)
        if value in idx.targets:
            continue
        lt = source.rfind("<", 0, m.start())
        name = re.match(NAME, source[lt + 1:lt + 200]) if lt >= 0 else None
        element = (name.group(0).split(":")[-1] if name else "")
        el = by_id.get(value)
        idx.targets[value] = Target(value, m.start(2), m.end(2), element,
                                    label_of(el) if el is not None else "",
                                    dates_of(el) if el is not None else "", max(lt, 0))
    for tag in _START_TAG.finditer(source):
        base = tag.start(2)
        for a in _ATTR.finditer(tag.group(2)):
            name = a.group(1)
            if name == "xml:id" or name.startswith("xmlns"):
                continue
            value = a.group(2) if a.group(2) is not None else a.group(3)
            if "#" not in value:
                continue
            vstart = base + (a.start(2) if a.group(2) is not None else a.start(3))
            for tok in re.finditer(r"\S+", value):
                if "#" in tok.group(0):
                    idx.pointers.append(Pointer(tok.group(0), name, vstart + tok.start(),
                                                vstart + tok.end()))
    return idx


class EditionIndex:
    """Indexes of an edition's files, refreshed by modification time; open documents
    are indexed from the editor's text instead."""

    def __init__(self) -> None:
        self._disk: dict[Path, tuple[float, FileIndex]] = {}
        self.open: dict[Path, FileIndex] = {}

    def file(self, path: Path, encoding: str = "utf-16") -> FileIndex | None:
        path = path.resolve()
        if path in self.open:
            return self.open[path]
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        cached = self._disk.get(path)
        if cached is None or cached[0] != mtime:
            try:
                data = xmlio.read_bytes(path)
                source = data.decode("utf-8", errors="replace")
            except Exception:
                return None
            cached = self._disk[path] = (mtime, index_text(path, source, encoding))
        return cached[1]

    def files(self, paths: list[Path], encoding: str = "utf-16") -> list[FileIndex]:
        out = []
        for p in paths:
            idx = self.file(p, encoding)
            if idx is not None:
                out.append(idx)
        return out


def pointer_at(idx: FileIndex, offset: int) -> Pointer | None:
    for p in idx.pointers:
        if p.start <= offset <= p.end:
            return p
    return None


def target_at(idx: FileIndex, offset: int) -> Target | None:
    for t in idx.targets.values():
        if t.start <= offset <= t.end:
            return t
    return None


def references(files: list[FileIndex], path: Path, ident: str
               ) -> list[tuple[FileIndex, Pointer]]:
    """Every pointer of the given files to ``ident`` in ``path``."""
    path = path.resolve()
    out = []
    for f in files:
        for p in f.pointers:
            t = p.target(f.path)
            if t is not None and t[1] == ident and t[0].resolve() == path:
                out.append((f, p))
    return out
