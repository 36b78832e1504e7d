"""The edition's documents as DTS Resources and Collections, kept parsed in memory.

The root collection is the edition; every subfolder of the source folder is a child
collection (identifier: its path, e.g. ``letters/1890``); every TEI file is a Resource
(identifier: its file name without ``.xml``, as for the site's pages and OAI records).
Each document is parsed once (secure parser), its citation trees and Dublin Core derived
once, and kept until its file changes: a Navigation request on a large novel costs a
dictionary look-up, not a parse.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from ...errors import Issue, TeikitError
from ...xmlio import iter_xml_files, parse_tei
from .citetree import CitationTree, citation_trees
from .passage import Positions

ROOT_ID = "edition"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Document:
    """One Resource: a parsed TEI document and what DTS says about it."""

    identifier: str
    path: Path
    collection: str  # identifier of its parent collection
    tree: etree._ElementTree
    trees: list[CitationTree]
    title: str
    dublin_core: dict[str, list]
    signature: tuple
    _positions: Positions | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def positions(self) -> Positions:
        with self._lock:
            if self._positions is None:
                self._positions = Positions(self.tree.getroot())
            return self._positions

    def citation_tree(self, name: str | None) -> CitationTree | None:
        if name is None:
            return self.trees[0] if self.trees else None
        return next((t for t in self.trees if t.identifier == name), None)


@dataclass
class Collection:
    identifier: str
    title: str
    parent: str | None
    members: list[str] = field(default_factory=list)  # collection and resource identifiers


def load_document(path: Path, identifier: str, collection: str) -> Document:
    """Parse one document and derive its trees and Dublin Core (raises TeikitError)."""
    sig = _signature(path)
    tree = parse_tei(path)
    try:
        trees = citation_trees(tree)
    except RecursionError:
        raise TeikitError("elements nested too deeply to derive citation trees",
                          file=str(path)) from None
    dc = dublin_core(tree, identifier, str(path))
    title = next((v if isinstance(v, str) else v["value"] for v in dc.get("title", [])),
                 identifier)
    return Document(identifier, path, collection, tree, trees, title, dc, sig)


def dublin_core(tree: etree._ElementTree, identifier: str, file: str) -> dict[str, list]:
    """DTS ``dublinCore`` from the same crosswalk as OAI's ``oai_dc`` (xslt/dc.xsl)."""
    from ...edition.resources import stylesheet
    from ...saxon import transform
    from ..oai import formats

    try:
        xml = transform(stylesheet("dc"), formats.header_document(tree), file=file,
                        params={"identifier": identifier,
                                "idprefix": formats.id_prefix(identifier)}).text
        dc = etree.fromstring(xml.strip().encode("utf-8"))
    except (TeikitError, etree.XMLSyntaxError):
        return {}
    out: dict[str, list] = {}
    for el in dc:
        if not isinstance(el.tag, str) or not el.tag.startswith(f"{{{DC_NS}}}"):
            continue
        value = " ".join((el.text or "").split())
        if not value:
            continue
        lang = el.get(XML_LANG)
        out.setdefault(etree.QName(el).localname, []).append(
            {"lang": lang, "value": value} if lang else value)
    return out


def _signature(path: Path) -> tuple:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns)


class Library:
    """The documents of a folder, re-scanned at most every ``interval`` seconds."""

    def __init__(self, src: str | os.PathLike, title: str = "Edition",
                 interval: float = 2.0):
        self.src = Path(src)
        self.title = title
        self.interval = interval
        self.documents: dict[str, Document] = {}
        self.collections: dict[str, Collection] = {}
        self.issues: list[Issue] = []
        self._lock = threading.Lock()
        self._checked = -1e9
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._checked < self.interval:
            return
        if not self._lock.acquire(blocking=force):
            return  # another thread is scanning; answer from the current state
        try:
            self._checked = now
            self._scan()
        finally:
            self._lock.release()

    def _scan(self) -> None:
        old = self.documents
        docs: dict[str, Document] = {}
        cols = {ROOT_ID: Collection(ROOT_ID, self.title, None)}
        issues: list[Issue] = []
        top = self.src if self.src.is_dir() else self.src.parent
        for path in iter_xml_files([self.src]) if self.src.exists() else []:
            rel = PurePosixPath(path.relative_to(top).as_posix())
            parent = self._folder(rel.parent, cols)
            ident = rel.stem
            if ident in docs or ident in cols:
                issues.append(Issue(str(path), 1, 1, "error",
                                    f"DTS identifier {ident!r} is already used; skipped"))
                continue
            try:
                prev = old.get(ident)
                if prev is not None and prev.path == path and \
                        prev.signature == _signature(path):
                    doc = prev
                else:
                    doc = load_document(path, ident, parent)
            except (TeikitError, OSError) as exc:
                issue = exc.as_issue() if isinstance(exc, TeikitError) else \
                    Issue(str(path), 1, 1, "error", str(exc))
                issues.append(issue)
                continue
            for problem in (p for t in doc.trees for p in t.problems):
                issues.append(Issue(str(path), 1, 1, "warning", problem))
            docs[ident] = doc
            cols[parent].members.append(ident)
        self.documents, self.collections, self.issues = docs, cols, issues

    def _folder(self, rel: PurePosixPath, cols: dict[str, Collection]) -> str:
        if str(rel) in ("", "."):
            return ROOT_ID
        ident = str(rel)
        if ident not in cols:
            parent = self._folder(rel.parent, cols)
            cols[ident] = Collection(ident, rel.name, parent)
            cols[parent].members.append(ident)
        return ident
