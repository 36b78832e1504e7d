"""A static DTS (Level 0): the JSON-LD and TEI files a static host serves as-is.

Written by ``teikit build`` into ``OUT/dts/`` when a base URL is given. The URI templates
are of the kind the specification's section on static sites describes (path segments
``{/id}``, path-style parameters ``{;tree,down}``), each ending in the file name, so a
client that expands them gets the address of a file::

    OUT/dts/index.json                                  Entry
    OUT/dts/collection.json                             the root collection
    OUT/dts/collection/ID[;nav=parents].json            a collection or resource
    OUT/dts/navigation/RES[;tree=T][;down=N][/REF].json Navigation
    OUT/dts/document/RES[;tree=T][/REF].xml             Document (TEI)

A file's path is the percent-decoded path of its address, as static hosts map URLs to
files. Level 0 leaves out what a static host cannot answer: ranges (``start``/``end``),
``down=0`` (siblings), ``down`` below a unit without subunits, other media types than
TEI (the site's HTML and text are the Resource's ``download`` links) and pagination.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...errors import Issue
from ...xmlio import write_atomic
from .api import DTS, TEI, Urls, q, render_passage
from .citetree import CitationTree
from .library import ROOT_ID, Document, Library
from .passage import unit_span


class StaticUrls(Urls):
    """The addresses of the static files (``base`` is the site's URL + ``/dts``)."""

    def entry(self) -> str:
        return f"{self.base}/index.json"

    def collection_template(self) -> str:
        return f"{self.base}/collection{{/id}}{{;nav}}.json"

    def navigation_template(self) -> str:
        return f"{self.base}/navigation{{/resource}}{{;tree,down}}{{/ref}}.json"

    def document_template(self) -> str:
        return f"{self.base}/document{{/resource}}{{;tree}}{{/ref}}.xml"

    def collection_of(self, ident: str) -> str:
        return f"{self.base}/collection/{q(ident)}{{;nav}}.json"

    def navigation_of(self, ident: str) -> str:
        return f"{self.base}/navigation/{q(ident)}{{;tree,down}}{{/ref}}.json"

    def document_of(self, ident: str) -> str:
        return f"{self.base}/document/{q(ident)}{{;tree}}{{/ref}}.xml"

    def collection_link(self, ident: str) -> str:
        return f"{self.base}/collection/{q(ident)}.json"

    def request(self, endpoint: str, values: dict[str, str], page: int | None = None) -> str:
        v = values
        if endpoint == "collection":
            ident = v.get("id")
            return (f"{self.base}/collection" + (f"/{q(ident)}" if ident else "")
                    + (f";nav={q(v['nav'])}" if v.get("nav") else "") + ".json")
        params = "".join(f";{k}={q(v[k])}" for k in ("tree", "down") if v.get(k))
        ref = f"/{q(v['ref'])}" if v.get("ref") else ""
        suffix = ".json" if endpoint == "navigation" else ".xml"
        return f"{self.base}/{endpoint}/{q(v['resource'])}{params}{ref}{suffix}"


def site_download(base_url: str):
    """A Resource's ``download`` links: the site's own files of the document."""
    base = base_url.rstrip("/")

    def links(doc: Document) -> dict[str, str]:
        stem = q(doc.path.stem)
        return {"text/html": f"{base}/{stem}/{stem}.html",
                "text/plain": f"{base}/{stem}/{stem}.txt"}
    return links


class Writer:
    def __init__(self, out: Path, urls: StaticUrls):
        self.out = out
        self.urls = urls
        self.files = 0
        self.issues: list[Issue] = []

    def write(self, url: str, body: bytes) -> None:
        rel = unquote(urlsplit(url).path)[len(urlsplit(self.urls.base).path):].lstrip("/")
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts):
            self.issues.append(Issue(url, 0, 0, "warning", "no static file for an "
                                     "address with an empty, '.' or '..' path segment"))
            return
        if rel.endswith(".json"):  # compact: the static files are many
            body = json.dumps(json.loads(body), ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
        write_atomic(self.out.joinpath(*parts), body)
        self.files += 1


def write_static(src: str | os.PathLike, out: str | os.PathLike, base_url: str,
                 title: str = "Edition") -> tuple[int, list[Issue]]:
    """Write the static DTS of the TEI documents of SRC into OUT/dts/ (replacing what
    was there); returns (files written, problems)."""
    target = Path(out) / "dts"
    tmp = Path(out) / ".dts.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    library = Library(src, title=title)
    urls = StaticUrls(base_url.rstrip("/") + "/dts")
    dts = DTS(library, page_size=10**9, cache_size=0, media_types=(TEI,),
              download=site_download(base_url), compact=True)
    w = Writer(tmp, urls)
    from .api import _json, entry_json

    w.write(urls.entry(), _json(entry_json(urls)))
    for ident in [*library.collections, *library.documents]:
        for nav in (None, "children", "parents"):
            values = {"id": ident, **({"nav": nav} if nav else {})}
            body = dts.collection(_query(values), urls).body
            w.write(urls.request("collection", values), body)
            if ident == ROOT_ID and nav is None:
                w.write(urls.request("collection", {}), body)
    for doc in library.documents.values():
        _write_document(dts, doc, urls, w)
    if target.exists():
        old = Path(out) / ".dts.old"
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(target)
    return w.files, [*library.issues, *w.issues]


def _query(values: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(values)


def _write_document(dts: DTS, doc: Document, urls: StaticUrls, w: Writer) -> None:
    res = doc.identifier
    w.write(urls.request("document", {"resource": res}), render_passage(doc, None, TEI))
    for tree in doc.trees:
        _write_tree(dts, doc, tree, urls, w)


def _write_tree(dts: DTS, doc: Document, tree: CitationTree, urls: StaticUrls,
                w: Writer) -> None:
    base = {"resource": doc.identifier, **({"tree": tree.identifier} if tree.identifier
                                           else {})}

    def nav(values: dict) -> None:
        resp = dts.navigation(_query(values), urls)
        w.write(urls.request("navigation", values), resp.body)

    for down in [*range(1, tree.max_depth + 1), -1]:
        nav({**base, "down": str(down)})
    pos = doc.positions
    for unit in tree.units:
        ref = {**base, "ref": unit.identifier}
        nav(ref)
        if unit.children:
            below = max(u.level for u in tree.units[unit.index:unit.last + 1]) - unit.level
            for down in [*range(1, below + 1), -1]:
                nav({**ref, "down": str(down)})
        lo, hi = unit_span(unit, tree.units, pos)
        w.write(urls.request("document", ref),
                render_passage(doc, (tree.identifier, lo, hi), TEI))
