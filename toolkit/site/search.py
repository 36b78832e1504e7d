"""Full-text search of the edition with Pagefind (https://pagefind.app, PyPI ``pagefind[bin]``).

Per document (:func:`anchor_blocks`, at document build time): every block of the text of
its HTML page (paragraph, heading, verse group, speech, list item, note…) gets an anchor
(its own ``id`` when the TEI gave one, else ``tk-b-N``), and its words are taken in both
readings: the reading text (corrections, regularisations, expansions) and the diplomatic
text (the source's own spellings) when they differ. The records go to ``STEM.search.json``
beside the page, so that an incremental build re-reads only the documents it rebuilt.

Per edition (:func:`write_index`, at site build time): Pagefind's Python API indexes every
record as a custom record whose URL is the block's anchor, in the record's language (so
Pagefind stems it with that language's stemmer where it has one), with the document's
title and date as metadata and the filters language, year, person, place, organisation,
collection and type. The standard bundle is written to ``SITE/pagefind/``.

Pagefind keeps one index per language and its browser API searches the index of the
page's language; the search page (``assets/search.js``) opens one Pagefind instance per
language of the bundle and merges their results, so that a query is stemmed by each
language's own stemmer.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import ResourceMissing, TeikitError

#: elements that are blocks of text (a record each, unless grouped with their siblings)
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "td",
                        "th", "blockquote", "pre", "figcaption", "caption", "div",
                        "section", "article", "table", "ul", "ol", "dl"})
#: inline elements: their text runs on with the text around them
INLINE_TAGS = frozenset({"span", "a", "em", "i", "b", "strong", "sup", "sub", "small", "mark",
                         "abbr", "q", "cite", "code", "var", "u", "s", "del", "ins", "ruby",
                         "rt", "rp", "bdi", "bdo", "time", "data", "kbd", "samp", "dfn"})
#: what is not text of the document: tooltips, register links, note call signs, labels
SKIP_CLASSES = frozenset({"tk-tipdata", "tk-entity-link", "tk-noteref", "tk-side-label"})
SKIP_TAGS = frozenset({"script", "style", "button", "template", "noscript"})
#: a parent whose blocks together are at most this long is one record (a speech, a stanza)
GROUP_CHARS = 1200
READINGS = ("reading", "diplomatic")



@dataclass
class Record:
    """The words of one block: its anchor in the page, its language, both readings."""

    anchor: str
    lang: str
    text: str  # reading text
    diplomatic: str = ""  # the source's spelling, when it differs from the reading text


@dataclass
class DocFacets:
    """What a document contributes to every one of its records: metadata and filters."""

    stem: str
    title: str
    date: str = ""
    page: str = ""  # the page's URL relative to the site root
    filters: dict[str, list[str]] = field(default_factory=dict)


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _skipped(el, reading: str) -> bool:
    if el.tag in SKIP_TAGS or el.get("hidden") is not None:
        return True
    cls = _classes(el)
    return bool(cls & SKIP_CLASSES) or ("dipl" if reading == "reading" else "read") in cls


def block_text(el, reading: str = "reading") -> str:
    """The words of an element in one reading (``reading`` or ``diplomatic``): the other
    reading's spans, tooltips and note call signs left out; blocks kept apart by spaces."""
    parts: list[str] = []

    def walk(e) -> None:
        if not isinstance(e.tag, str) or _skipped(e, reading):
            return
        sep = "" if e.tag in INLINE_TAGS else " "
        parts.append(sep + (e.text or ""))
        for child in e:
            walk(child)
            parts.append(child.tail or "")
        parts.append(sep)

    walk(el)
    return " ".join("".join(parts).split())


def _is_block(el) -> bool:
    return isinstance(el.tag, str) and el.tag in BLOCK_TAGS and el.get("hidden") is None \
        and not (_classes(el) & SKIP_CLASSES)


def _units(root) -> list:
    """The record units under ``root``: blocks holding no other block; a parent whose
    children are all such blocks and short together (a speech, a stanza) is one unit."""
    leaves = [el for el in root.iter() if _is_block(el) and el is not root
              and not any(_is_block(d) for d in el.iterdescendants())]
    units: list = []
    seen: set = set()
    groupable: dict[int, bool] = {}
    for leaf in leaves:
        parent = leaf.getparent()
        unit = leaf
        if parent is not None and parent is not root:
            if id(parent) not in groupable:
                groupable[id(parent)] = _groupable(parent)
            if groupable[id(parent)]:
                unit = parent
        if id(unit) not in seen:
            seen.add(id(unit))
            units.append(unit)
    return units


def _groupable(parent) -> bool:
    if "tk-cell" in _classes(parent) or "tk-row" in _classes(parent):
        return False  # a column of the parallel layout: its blocks are the units
    kids = [c for c in parent if isinstance(c.tag, str)]
    if len(kids) < 2 or any(_is_block(d) for c in kids for d in c.iterdescendants()):
        return False
    size = 0
    for t in parent.itertext():
        size += len(t)
        if size > GROUP_CHARS:
            return False
    return True


def _lang(el, stop, default: str) -> str:
    for a in (el, *el.iterancestors()):
        if a is stop:
            break
        if a.get("lang"):
            return a.get("lang")
    return default


def anchor_tree(doc, default_lang: str = "") -> tuple[list[Record], bool]:
    """Anchor every block of the text of a parsed page (``lxml.html``) and take its words:
    the records, and whether an anchor was added.

    Blocks without an ``id`` get ``tk-b-N`` (N counting them in document order, so that the
    same document gives the same anchors). A block's language is the nearest ``lang`` in the
    text, else ``default_lang`` (the document's own language), else the page's."""
    main = doc.find(".//main")
    if main is None:
        return [], False
    default = default_lang or doc.get("lang") or ""
    taken = {el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}
    records: list[Record] = []
    n = 0
    added = False
    for unit in _units(main):
        text = block_text(unit, "reading")
        if not text:
            continue
        if not unit.get("id"):
            n += 1
            while f"tk-b-{n}" in taken:
                n += 1
            unit.set("id", f"tk-b-{n}")
            added = True
        dipl = block_text(unit, "diplomatic")
        records.append(Record(unit.get("id"), _lang(unit, doc, default), text,
                              dipl if dipl != text else ""))
    return records, added


def serialize(doc) -> str:
    page = "<!DOCTYPE html>\n" + etree.tostring(doc, encoding="unicode", method="html")
    return page if page.endswith("\n") else page + "\n"


def anchor_blocks(page: str, default_lang: str = "") -> tuple[str, list[Record]]:
    """:func:`anchor_tree` on a page's text: the page (re-serialised only when an anchor
    was added) and the records."""
    doc = lxml.html.document_fromstring(page)
    records, added = anchor_tree(doc, default_lang)
    return (serialize(doc) if added else page), records


def records_json(records: list[Record]) -> str:
    rows = [{"anchor": r.anchor, "lang": r.lang, "text": r.text, "diplomatic": r.diplomatic}
            for r in records]
    return json.dumps(rows, ensure_ascii=False) + "\n"


def load_records(path: Path) -> list[Record]:
    """The records a document build wrote ([] when the file is missing or unreadable)."""
    try:
        return [Record(**r) for r in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def index_language(lang: str) -> str:
    """The Pagefind language of a BCP 47 tag: its primary subtag, lower case."""
    primary = (lang or "").split("-")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else "unknown"


def _attr_spans(kind: str, name: str, values: Iterable[str]) -> str:
    return "".join(f'<span data-pagefind-{kind}="{name}[data-v]" data-v="{html.escape(v)}">'
                   "</span>" for v in values if v)


def _pages(facets: DocFacets, records: list[Record], lang_label) -> Iterable[tuple[str, str]]:
    """The pages Pagefind indexes for one document: one per language and reading, each
    block a section that starts at a heading "§" carrying the block's anchor (Pagefind gives
    a sub-result, with its own excerpt, per heading with an id and some text; "§" is no
    word, so it is not indexed). The metadata say which page of the site the sections
    belong to (``target``)."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in records:
        for reading, text in (("reading", r.text), ("diplomatic", r.diplomatic)):
            if text:
                groups.setdefault((r.lang, reading), []).append((r.anchor, text))
    for n, ((lang, reading), blocks) in enumerate(groups.items()):
        meta = {"title": facets.title, "date": facets.date, "target": facets.page,
                "reading": "" if reading == "reading" else "source spelling"}
        head = "".join(_attr_spans("meta", k, [v]) for k, v in meta.items())
        head += "".join(_attr_spans("filter", k, v) for k, v in facets.filters.items())
        head += _attr_spans("filter", "language", [lang_label(lang)])
        body = "".join(f'<h2 id="{html.escape(a)}">§</h2><p>{html.escape(t)}</p>'
                       for a, t in blocks)
        yield (f"{facets.stem}/{n}.html",
               f'<!DOCTYPE html><html lang="{html.escape(index_language(lang))}"><head>'
               f'<meta charset="utf-8"><title>{html.escape(facets.title)}</title></head>'
               f"<body>{head}<main data-pagefind-body>{body}</main></body></html>")


async def _index(folder: Path, out: Path) -> int:
    from pagefind.index import PagefindIndex

    async with PagefindIndex(config={"output_path": str(out)}) as index:
        res = await index.add_directory(str(folder))
    return int(res.get("page_count", 0))


def write_index(site: Path, docs: list[tuple[DocFacets, list[Record]]], lang_label) -> int:
    """Index every document's records with Pagefind into ``SITE/pagefind/`` (the previous
    bundle replaced only once the new one is complete); the number of pages indexed (one
    per document, language and reading)."""
    try:
        import pagefind.index  # noqa: F401
        from pagefind.service import get_executable
    except ImportError:
        raise ResourceMissing("search needs Pagefind: pip install 'pagefind[bin]'") from None
    if get_executable() is None:
        raise ResourceMissing("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    final, tmp, old = site / "pagefind", site / ".pagefind.tmp", site / ".pagefind.old"
    for p in (tmp, old):
        shutil.rmtree(p, ignore_errors=True)
    try:
        with tempfile.TemporaryDirectory(prefix="teikit-search-") as pages:
            for facets, recs in docs:
                for rel, text in _pages(facets, recs, lang_label):
                    dest = Path(pages) / rel
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_text(text, encoding="utf-8")
            n = asyncio.run(_index(Path(pages), tmp.resolve()))
    except Exception as exc:  # the Pagefind service reports its failures as plain exceptions
        shutil.rmtree(tmp, ignore_errors=True)
        raise TeikitError(f"Pagefind failed to index the site: {exc}", file=str(site)) from None
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return n


def index_present(site: Path) -> bool:
    """Whether SITE holds a complete Pagefind bundle."""
    return (Path(site) / "pagefind" / "pagefind-entry.json").is_file()
