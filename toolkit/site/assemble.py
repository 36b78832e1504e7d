"""The site-level outputs of an edition, from the facts of the documents that built: the
home page, the register (and entity pages), the About and search pages, the assets, the
site frame of every document page (previous/next, Download menu) and the Pagefind index.
"""

from __future__ import annotations

from pathlib import Path

from .. import xmlio
from ..edition.resources import asset_text
from ..errors import Issue
from . import register as reg
from . import search
from .chrome import Neighbour, SiteInfo, document_slot, fill_document
from .home import about_page, edition_order, home_page, search_page, year
from .pages import DocInfo, Entity, Occurrence

ASSETS = ("edition.css", "edition.js", "table.js", "search.js")

#: names of the languages the edition is likely to hold (else the code is shown)
LANGUAGES = {"ru": "Russian", "en": "English", "de": "German", "fr": "French", "la": "Latin",
             "lat": "Latin", "grc": "Ancient Greek", "el": "Greek", "it": "Italian",
             "es": "Spanish", "pt": "Portuguese", "pl": "Polish", "yi": "Yiddish",
             "he": "Hebrew", "ar": "Arabic", "syr": "Syriac", "zh": "Chinese", "ja": "Japanese",
             "uk": "Ukrainian", "cs": "Czech", "nl": "Dutch", "sv": "Swedish", "da": "Danish",
             "is": "Icelandic", "cy": "Welsh", "sq": "Albanian", "sr": "Serbian",
             "lt": "Lithuanian", "fro": "Old French", "xly": "Elymian",
             # ISO 639-2 codes some projects use
             "eng": "English", "fre": "French", "fra": "French", "ger": "German",
             "deu": "German", "rus": "Russian", "ita": "Italian", "spa": "Spanish",
             "heb": "Hebrew", "yid": "Yiddish", "ara": "Arabic", "gre": "Greek"}


def lang_label(code: str) -> str:
    primary = (code or "").split("-")[0].lower()
    return LANGUAGES.get(primary, code or "unknown")


def copy_assets(out_dir: str | Path) -> list[Path]:
    """Copy the site's CSS and scripts into OUT/assets/."""
    return [xmlio.write_atomic(Path(out_dir) / "assets" / name, asset_text(name))
            for name in ASSETS]


def downloads(d: DocInfo) -> list[tuple[str, str]]:
    """The Download menu of a document: (label, href relative to its page)."""
    return [(label, href.split("/", 1)[1] if "/" in href else href)
            for label, href in d.files.items() if label != "HTML"]


def fill_pages(out: Path, docs: list[DocInfo], info: SiteInfo) -> list[Path]:
    """Put the site frame into every document page (rewritten only when it changes)."""
    written = []
    order = edition_order(docs)
    for i, d in enumerate(order):
        prev = order[i - 1] if i > 0 else None
        nxt = order[i + 1] if i + 1 < len(order) else None
        slot = document_slot(
            info, prev and Neighbour(f"../{prev.stem}/{prev.stem}.html", prev.title),
            nxt and Neighbour(f"../{nxt.stem}/{nxt.stem}.html", nxt.title), downloads(d))
        path = out / d.stem / f"{d.stem}.html"
        try:
            old = path.read_text(encoding="utf-8")
        except OSError:
            continue
        new = fill_document(old, slot)
        if new is not None and new != old:
            written.append(xmlio.write_atomic(path, new))
    return written


def facets(d: DocInfo, names: dict[str, list[str]]) -> search.DocFacets:
    filters = {"year": [year(d.date)], "type": [d.type], "collection": [d.collection],
               **names}
    return search.DocFacets(d.stem, d.title, d.date, f"{d.stem}/{d.stem}.html",
                            {k: [x for x in v if x] for k, v in filters.items()})


def write_site(out_dir: str | Path, docs: list[DocInfo], occs: list[Occurrence],
               known: dict[str, Entity], info: SiteInfo | None = None,
               failed: list[Issue] | None = None, index: bool = True) -> list[Path]:
    """Write every site-level output; return the paths written."""
    info = info or SiteInfo()
    out = Path(out_dir)
    by_stem = {d.stem: d for d in docs}
    entries = reg.entries(occs, known, set(by_stem))
    written = [xmlio.write_atomic(out / "index.html",
                                  home_page(info, docs, failed or [], lang_label)),
               xmlio.write_atomic(out / "register.html",
                                  reg.register_page(info, entries, by_stem)),
               xmlio.write_atomic(out / "about.html", about_page(info, docs)),
               xmlio.write_atomic(out / "search.html", search_page(info))]
    for x in entries:
        if x.has_page:
            written.append(xmlio.write_atomic(out / "register" / f"{x.key}.html",
                                              reg.entity_page(info, x, by_stem)))
    written += copy_assets(out)
    written += fill_pages(out, docs, info)
    if index:
        names: dict[str, dict[str, list[str]]] = {d.stem: {} for d in docs}
        kinds = {"person": "person", "place": "place", "organisation": "organisation"}
        for x in entries:
            if x.type in kinds:
                for stem in dict.fromkeys(o.stem for o in x.occurrences):
                    if stem in names:
                        names[stem].setdefault(kinds[x.type], []).append(x.label)
        recs = [(facets(d, names[d.stem]),
                 search.load_records(out / d.stem / f"{d.stem}.search.json"))
                for d in docs]
        search.write_index(out, recs, lang_label)
        written.append(out / "pagefind" / "pagefind-entry.json")
    return written
