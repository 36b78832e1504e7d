"""The four DTS 1.0 endpoints over a :class:`~.library.Library`, independent of HTTP.

:class:`DTS` answers ``entry``, ``collection``, ``navigation`` and ``document`` with a
:class:`Response` (status, media type, body, headers). Bad requests get the status the
specification names (400: parameters that do not go together or a bad value; 404: an
unknown collection, resource, tree, citable unit or media type) with a JSON-LD body in
the form DTS's drafts took from Hydra (``{"@type": "Status", "statusCode": …,
"title": …, "description": …}``); the 1.0 text names the statuses only.
"""

from __future__ import annotations

import copy
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock
from urllib.parse import parse_qs, quote, urlencode

from ...errors import TeikitError
from .citetree import CitationTree, Unit
from .library import ROOT_ID, Document, Library
from .passage import passage_content, passage_document, unit_span, wrapped

CONTEXT = "https://dtsapi.org/context/v1.0.json"
HYDRA = "http://www.w3.org/ns/hydra/context.jsonld"
VERSION = "1.0"
JSONLD = "application/ld+json"
TEI = "application/tei+xml"
MEDIA_TYPES = (TEI, "text/plain", "text/html")
PAGE_SIZE = 1000  # members per page of a Collection or Navigation response
_TITLES = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}


@dataclass
class Response:
    status: int
    media_type: str
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)


class DTSError(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


def error_response(status: int, description: str) -> Response:
    body = {"@context": HYDRA, "@type": "Status", "statusCode": status,
            "title": _TITLES.get(status, "Error"), "description": description}
    return Response(status, JSONLD, _json(body))


def _json(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")


def q(value: str) -> str:
    return quote(value, safe="")


class Params:
    """Query parameters: first value of each; repeated or empty ones are errors."""

    def __init__(self, query: str, allowed: tuple[str, ...]):
        try:
            raw = parse_qs(query, keep_blank_values=True, strict_parsing=False,
                           errors="strict")
        except (UnicodeDecodeError, ValueError):
            raise DTSError(400, "the query string is not valid UTF-8") from None
        self.values: dict[str, str] = {}
        for key, vals in raw.items():
            if key not in allowed:
                continue  # unknown parameters are ignored, as by most web APIs
            if len(vals) > 1:
                raise DTSError(400, f"parameter {key!r} given more than once")
            self.values[key] = vals[0]

    def get(self, key: str) -> str | None:
        v = self.values.get(key)
        return v if v not in (None, "") else None

    def page(self) -> int | None:
        v = self.get("page")
        if v is None:
            return None
        if not v.isdigit() or int(v) < 1:
            raise DTSError(400, f"page must be a positive integer, not {v!r}")
        return int(v)


class Urls:
    """The addresses of one DTS API (absolute, from the request or the base URL)."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")

    def entry(self) -> str:
        return self.base

    def collection_template(self) -> str:
        return f"{self.base}/collection{{?id,page,nav}}"

    def navigation_template(self) -> str:
        return f"{self.base}/navigation{{?resource,ref,start,end,down,tree,page}}"

    def document_template(self) -> str:
        return f"{self.base}/document{{?resource,ref,start,end,tree,mediaType}}"

    def collection_of(self, ident: str) -> str:
        return f"{self.base}/collection?id={q(ident)}{{&page,nav}}"

    def navigation_of(self, ident: str) -> str:
        return f"{self.base}/navigation?resource={q(ident)}{{&ref,down,start,end,tree,page}}"

    def document_of(self, ident: str) -> str:
        return f"{self.base}/document?resource={q(ident)}{{&ref,start,end,tree,mediaType}}"

    def collection_link(self, ident: str) -> str:
        return f"{self.base}/collection?id={q(ident)}"

    def request(self, endpoint: str, values: dict[str, str], page: int | None = None) -> str:
        items = [(k, v) for k, v in values.items() if k != "page"]
        if page is not None:
            items.append(("page", str(page)))
        return f"{self.base}/{endpoint}" + (f"?{urlencode(items)}" if items else "")


# -- JSON objects ---------------------------------------------------------------------------
def entry_json(urls: Urls) -> dict:
    return {"@context": CONTEXT, "dtsVersion": VERSION, "@id": urls.entry(),
            "@type": "EntryPoint", "collection": urls.collection_template(),
            "navigation": urls.navigation_template(), "document": urls.document_template()}


def resource_json(doc: Document, urls: Urls, media_types=MEDIA_TYPES,
                  download: dict[str, str] | None = None, compact: bool = False) -> dict:
    """A Resource object; ``compact`` leaves out the optional metadata (for the
    static Navigation files, which repeat the Resource in every file)."""
    out = {"@id": doc.identifier, "@type": "Resource", "title": doc.title,
           "totalParents": 1, "totalChildren": 0}
    desc = next((v if isinstance(v, str) else v["value"]
                 for v in doc.dublin_core.get("description", [])), None)
    if desc and not compact:
        out["description"] = desc
    if doc.dublin_core and not compact:
        out["dublinCore"] = doc.dublin_core
    out.update({"collection": urls.collection_of(doc.identifier),
                "navigation": urls.navigation_of(doc.identifier),
                "document": urls.document_of(doc.identifier),
                "citationTrees": [t.json() for t in doc.trees],
                "mediaTypes": list(media_types)})
    if download:
        out["download"] = download
    return out


def unit_json(unit: Unit) -> dict:
    out = {"identifier": unit.identifier, "@type": "CitableUnit", "level": unit.level,
           "parent": unit.parent.identifier if unit.parent else None,
           "citeType": unit.cite_type}
    if unit.dublin_core:
        out["dublinCore"] = unit.dublin_core
    if unit.extensions:
        out["extensions"] = unit.extensions
    return out


def pagination(urls: Urls, endpoint: str, values: dict, page: int, last: int) -> dict:
    view = {"@id": urls.request(endpoint, values, page), "@type": "Pagination",
            "first": urls.request(endpoint, values, 1)}
    if page > 1:
        view["previous"] = urls.request(endpoint, values, page - 1)
    if page < last:
        view["next"] = urls.request(endpoint, values, page + 1)
    view["last"] = urls.request(endpoint, values, last)
    return view


def paged(items: list, page: int | None, page_size: int) -> tuple[list, int, int]:
    """(the items of ``page``, the page, the last page); 404 beyond the last page."""
    last = max(1, -(-len(items) // page_size))
    number = page or 1
    if number > last:
        raise DTSError(404, f"page {number} does not exist (the last page is {last})")
    return items[(number - 1) * page_size:number * page_size], number, last


# -- navigation logic (shared with the static writer) ----------------------------------------
def parse_down(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        down = int(value)
    except ValueError:
        raise DTSError(400, f"down must be an integer, not {value!r}") from None
    if down < -1:
        raise DTSError(400, f"down must be -1, 0 or a positive integer, not {down}")
    return down


def find_unit(tree: CitationTree, ident: str, what: str) -> Unit:
    unit = tree.by_id.get(ident)
    if unit is None:
        raise DTSError(404, f"no citable unit {ident!r} ({what}) in this citation tree")
    return unit


def range_of(tree: CitationTree, start: Unit, end: Unit) -> tuple[Unit, Unit]:
    if end.last < start.index:
        raise DTSError(400, f"end {end.identifier!r} comes before start "
                            f"{start.identifier!r} in the document")
    return start, end


def navigation_members(tree: CitationTree, ref: Unit | None, start: Unit | None,
                       end: Unit | None, down: int | None) -> list[Unit] | None:
    """The ``member`` units of a Navigation request (None: no member property)."""
    if down is None:
        return None
    if down == 0:  # ref only (checked by the caller): the unit and its siblings
        siblings = ref.parent.children if ref.parent else tree.roots
        return list(siblings)
    limit = None if down == -1 else down
    if ref is not None:
        span, base = tree.units[ref.index:ref.last + 1], ref.level
    elif start is not None:
        span = tree.units[start.index:end.last + 1]
        base = max(start.level, end.level)
    else:
        span, base = tree.units, 0
    return [u for u in span if limit is None or u.level <= base + limit]


# -- the endpoints -----------------------------------------------------------------------------
class DTS:
    """The endpoints over a library. ``media_types``: what the Document endpoint offers;
    ``download``: a Resource's ``download`` links (doc -> {media type: URL});
    ``compact``: Navigation's Resource without the optional metadata."""

    def __init__(self, library: Library, page_size: int = PAGE_SIZE, cache_size: int = 64,
                 media_types: tuple[str, ...] = MEDIA_TYPES, download=None,
                 compact: bool = False):
        self.library = library
        self.page_size = page_size
        self.media_types = media_types
        self.download = download or (lambda doc: None)
        self.compact = compact
        self._cache: OrderedDict[tuple, bytes] = OrderedDict()
        self._cache_size = cache_size
        self._lock = Lock()

    def respond(self, endpoint: str, query: str, base: str) -> Response:
        """Answer one request; errors become their status and JSON body, never a 500."""
        urls = Urls(base)
        try:
            self.library.refresh()
            if endpoint == "":
                return Response(200, JSONLD, _json(entry_json(urls)))
            handler = {"collection": self.collection, "navigation": self.navigation,
                       "document": self.document}.get(endpoint)
            if handler is None:
                raise DTSError(404, f"no DTS endpoint {endpoint!r}; the entry point "
                                    f"{urls.entry()} lists them")
            return handler(query, urls)
        except DTSError as exc:
            return error_response(exc.status, exc.description)
        except (TeikitError, RecursionError) as exc:
            # e.g. a passage the HTML or text stylesheet cannot render: not available
            # in that form (the specification's 404 for an unavailable media type)
            return error_response(404, f"not available: {exc}")

    # Collection ------------------------------------------------------------------------
    def collection(self, query: str, urls: Urls) -> Response:
        p = Params(query, ("id", "page", "nav"))
        ident = p.get("id") or ROOT_ID
        nav = p.get("nav") or "children"
        if nav not in ("children", "parents"):
            raise DTSError(400, f"nav must be 'children' or 'parents', not {nav!r}")
        page = p.page()
        lib = self.library
        if ident in lib.documents:
            doc = lib.documents[ident]
            obj = {"@context": CONTEXT, "dtsVersion": VERSION, **self._resource_json(doc, urls)}
            members = [self._collection_member(doc.collection, urls)] if nav == "parents" \
                else []
        elif ident in lib.collections:
            col = lib.collections[ident]
            obj = {"@context": CONTEXT, "dtsVersion": VERSION,
                   **self._collection_member(ident, urls)}
            obj["collection"] = urls.collection_template()
            if nav == "parents":
                members = [self._collection_member(col.parent, urls)] if col.parent else []
            else:
                members = [self._member(m, urls) for m in col.members]
        else:
            raise DTSError(404, f"no collection or resource {ident!r}")
        if nav == "parents" or ident in lib.collections:
            items, number, last = paged(members, page, self.page_size)
            obj["member"] = items
            if last > 1 or page is not None:
                obj["view"] = pagination(urls, "collection", p.values, number, last)
        elif page not in (None, 1):
            raise DTSError(404, f"page {page} does not exist (the last page is 1)")
        return Response(200, JSONLD, _json(obj))

    def _member(self, ident: str, urls: Urls) -> dict:
        doc = self.library.documents.get(ident)
        if doc is not None:
            return self._resource_json(doc, urls)
        return self._collection_member(ident, urls)

    def _resource_json(self, doc: Document, urls: Urls, compact: bool = False) -> dict:
        return resource_json(doc, urls, self.media_types, self.download(doc), compact)

    def _collection_member(self, ident: str, urls: Urls) -> dict:
        col = self.library.collections[ident]
        return {"@id": col.identifier, "@type": "Collection", "title": col.title,
                "totalParents": 0 if col.parent is None else 1,
                "totalChildren": len(col.members),
                "collection": urls.collection_of(col.identifier)}

    def _resource(self, p: Params) -> Document:
        ident = p.get("resource")
        if ident is None:
            raise DTSError(400, "the parameter 'resource' is required")
        doc = self.library.documents.get(ident)
        if doc is None:
            raise DTSError(404, f"no resource {ident!r}")
        return doc

    def _selection(self, p: Params, doc: Document, need_tree: bool = False):
        """(tree, ref, start, end) of a Navigation or Document request."""
        ref, start, end = p.get("ref"), p.get("start"), p.get("end")
        if ref is not None and (start is not None or end is not None):
            raise DTSError(400, "ref cannot be used with start or end")
        if (start is None) != (end is None):
            raise DTSError(400, "start and end must be given together")
        name = p.get("tree")
        tree = doc.citation_tree(name)
        # a resource without trees answers with an empty member, never an error; and
        # "tree" has no effect on a whole Document (both as the specification says)
        matters = bool(doc.trees) and (ref is not None or start is not None or need_tree)
        if tree is None and name is not None and matters:
            raise DTSError(404, f"no citation tree {name!r} in resource {doc.identifier!r}")
        return tree, ref, start, end

    # Navigation ------------------------------------------------------------------------
    def navigation(self, query: str, urls: Urls) -> Response:
        p = Params(query, ("resource", "ref", "start", "end", "down", "tree", "page"))
        doc = self._resource(p)
        tree, ref_id, start_id, end_id = self._selection(p, doc, need_tree=True)
        down = parse_down(p.get("down"))
        page = p.page()
        if down is None and ref_id is None and start_id is None:
            raise DTSError(400, "give ref, start and end, or down")
        if down == 0 and ref_id is None:
            raise DTSError(400, "down=0 (the siblings of a unit) needs ref")
        obj = {"@context": CONTEXT, "dtsVersion": VERSION, "@type": "Navigation",
               "@id": urls.request("navigation", p.values, page),
               "resource": self._resource_json(doc, urls, compact=self.compact)}
        if tree is None:  # a resource without citation trees: an empty member, no error
            obj["member"] = []
            return Response(200, JSONLD, _json(obj))
        ref = find_unit(tree, ref_id, "ref") if ref_id else None
        start = find_unit(tree, start_id, "start") if start_id else None
        end = find_unit(tree, end_id, "end") if end_id else None
        if start is not None:
            range_of(tree, start, end)
        for key, unit in (("ref", ref), ("start", start), ("end", end)):
            if unit is not None:
                obj[key] = unit_json(unit)
        members = navigation_members(tree, ref, start, end, down)
        if members is not None:
            items, number, last = paged(members, page, self.page_size)
            obj["member"] = [unit_json(u) for u in items]
            if last > 1 or page is not None:
                obj["view"] = pagination(urls, "navigation", p.values, number, last)
        return Response(200, JSONLD, _json(obj))

    # Document --------------------------------------------------------------------------
    def document(self, query: str, urls: Urls) -> Response:
        p = Params(query, ("resource", "ref", "start", "end", "tree", "mediaType"))
        doc = self._resource(p)
        tree, ref_id, start_id, end_id = self._selection(p, doc)
        media = p.get("mediaType") or TEI
        if media not in self.media_types:
            raise DTSError(404, f"media type {media!r} is not available; this resource "
                                f"comes as {', '.join(self.media_types)}")
        span = None
        if ref_id is not None or start_id is not None:
            if tree is None:
                raise DTSError(404, f"resource {doc.identifier!r} has no citation tree")
            if ref_id is not None:
                first = last = find_unit(tree, ref_id, "ref")
            else:
                first, last = range_of(tree, find_unit(tree, start_id, "start"),
                                       find_unit(tree, end_id, "end"))
            pos = doc.positions
            lo = unit_span(first, tree.units, pos)[0]
            hi = unit_span(last, tree.units, pos)[1]
            span = (tree.identifier, lo, hi)
        body = self._body(doc, span, media)
        ctype = media + ("; charset=utf-8" if media.startswith("text/") else "")
        return Response(200, ctype, body,
                        [("Link", f'<{urls.collection_link(doc.identifier)}>; '
                                  'rel="collection"')])

    def _body(self, doc: Document, span, media: str) -> bytes:
        key = (doc.identifier, doc.signature, span, media)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        body = render_passage(doc, span, media)
        with self._lock:
            self._cache[key] = body
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return body


def render_passage(doc: Document, span, media: str) -> bytes:
    """The bytes of a whole document (``span`` None) or of the places lo..hi."""
    from ...render import render_text
    from ...render.html import render_html
    from ...xmlio import serialize

    root = doc.tree.getroot()
    if span is None:
        if media == TEI:
            if root.tag.endswith("}TEI"):
                return serialize(doc.tree)
            return wrapped([copy.deepcopy(c) for c in root])  # a teiCorpus
        tree = doc.tree
    else:
        content = passage_content(root, span[1], span[2], doc.positions)
        if media == TEI:
            return wrapped(content)
        tree = passage_document(root, content)
    file = str(doc.path)
    if media == "text/plain":
        return render_text(tree, file=file).encode("utf-8")
    return render_html(tree, file=file, cites={}).encode("utf-8")
