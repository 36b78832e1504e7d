"""The home page (the edition's title, introduction and table of documents), the About page
and the search page.

The table is a plain HTML table in the edition's order (by date where there are dates,
then by title); ``assets/table.js`` lets a reader sort it by any column and filter it, and
without JavaScript it is simply the table. Documents that did not build are not in it:
the page names them apart, with the build's message.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..errors import Issue
from .chrome import SiteInfo, page
from .pages import DocInfo

#: the table's columns: (header, the cell's text of a document)
_YEAR = re.compile(r"^(-?\d{4})")


def year(date: str) -> str:
    m = _YEAR.match(date or "")
    return m.group(1).lstrip("0") or "0" if m else ""


def edition_order(docs: list[DocInfo]) -> list[DocInfo]:
    """By date where there are dates (undated last), then by title."""
    return sorted(docs, key=lambda d: (d.date == "", d.date, d.title.casefold(), d.stem))


def _from(d: DocInfo) -> str:
    return "; ".join(d.senders or d.authors)


def home_page(info: SiteInfo, docs: list[DocInfo], failed: list[Issue],
              lang_label: Callable[[str], str]) -> str:
    e = html.escape
    cols = ("Title", "Date", "From / author", "To", "Place", "Language", "Collection", "Type")
    head = "".join(f'<th scope="col" data-col="{i}">{c}</th>' for i, c in enumerate(cols))
    rows = []
    for d in edition_order(docs):
        langs = ", ".join(lang_label(x) for x in d.languages)
        cells = [f'<a href="{e(d.stem)}/{e(d.stem)}.html">{e(d.title)}</a>',
                 e(d.date), e(_from(d)), e("; ".join(d.recipients)), e(d.place), e(langs),
                 e(d.collection), e(d.type)]
        sorts = [d.title.casefold(), d.date or "~", _from(d).casefold(), "", d.place, langs,
                 d.collection, d.type]
        rows.append('<tr class="tk-doc">' + "".join(
            (f'<th scope="row" data-sort="{e(s)}">{c}</th>' if i == 0 else
             f'<td data-sort="{e(s)}">{c}</td>' if s else f"<td>{c}</td>")
            for i, (c, s) in enumerate(zip(cells, sorts, strict=True))) + "</tr>")
    n = len(docs)
    parts = [f"<h1>{e(info.title)}</h1>"]
    if info.subtitle:
        parts.append(f'<p class="tk-subtitle">{e(info.subtitle)}</p>')
    if info.introduction_html:
        parts.append(f'<div class="tk-intro">{info.introduction_html}</div>')
    parts.append(
        f'<section aria-labelledby="tk-docs"><h2 id="tk-docs">Documents ({n})</h2>'
        f'<div class="tk-table-tools" hidden></div>'
        f'<div class="tk-table-wrap"><table class="tk-doc-table" id="tk-doc-table">'
        f"<caption>{n} document{'s' if n != 1 else ''}, by date, then title</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f"</section>")
    if failed:
        items = "".join(f"<li><code>{e(i.file.rsplit('/', 1)[-1])}</code>: {e(i.message)}</li>"
                        for i in failed)
        parts.append(f'<section aria-labelledby="tk-failed"><h2 id="tk-failed">Not in this '
                     f"edition</h2><p>{len(failed)} file{'s' if len(failed) != 1 else ''} "
                     f"could not be built; the build reported:</p>"
                     f'<details><summary>Files not built</summary><ul>{items}</ul></details>'
                     f"</section>")
    return page(info, info.title, "".join(parts), current="index.html",
                scripts='<script src="assets/table.js"></script>')


def about_page(info: SiteInfo, docs: list[DocInfo]) -> str:
    """About this edition: the configured text, the documents' projectDesc and
    editorialDecl (each distinct text once, with the documents it comes from) and the legend
    of every editorial sign used anywhere in the edition."""
    e = html.escape
    parts = [f"<h1>About this edition</h1><p>{e(info.title)}"
             + (f": {e(info.subtitle)}" if info.subtitle else "") + "</p>"]
    if info.about_html:
        parts.append(f'<div class="tk-about">{info.about_html}</div>')
    for attr, heading, hid in (("project", "The project", "tk-about-project"),
                               ("editorial", "Editorial principles", "tk-about-editorial")):
        texts: dict[tuple[str, ...], list[DocInfo]] = {}
        for d in docs:
            if getattr(d, attr):
                texts.setdefault(tuple(getattr(d, attr)), []).append(d)
        if not texts:
            continue
        blocks = []
        for paras, ds in texts.items():
            src = ", ".join(f'<a href="{e(d.stem)}/{e(d.stem)}.html">{e(d.title)}</a>'
                            for d in ds[:5]) + (f" and {len(ds) - 5} more" if len(ds) > 5
                                                else "")
            blocks.append(f'<div class="tk-decl-block"><p class="tk-from">From {src}:</p>'
                          f'{"".join(f"<p>{e(p)}</p>" for p in paras)}</div>')
        parts.append(f'<section aria-labelledby="{hid}"><h2 id="{hid}">{heading}</h2>'
                     f'{"".join(blocks)}</section>')
    signs: dict[str, list] = {}
    for d in docs:
        for key, sample, label, text in d.signs:
            signs.setdefault(key, [sample, label, text, 0])[3] += 1
    if signs:
        items = "".join(f'<div><dt><span class="tk-legend-sample">{e(s)}</span> {e(lab)}</dt>'
                        f"<dd>{e(t)} Used in {n} document{'s' if n != 1 else ''}.</dd></div>"
                        for s, lab, t, n in signs.values())
        parts.append('<section class="tk-legend" aria-labelledby="tk-about-signs">'
                     '<h2 id="tk-about-signs">Editorial signs</h2>'
                     f"<dl>{items}</dl></section>")
    return page(info, "About this edition", "".join(parts), current="about.html")


FILTERS = (("language", "Language"), ("year", "Year"), ("type", "Type"),
           ("collection", "Collection"), ("person", "Person"), ("place", "Place"),
           ("organisation", "Organisation"))


def search_page(info: SiteInfo) -> str:
    """The search page: a form (GET ?q=…), filters and results filled by assets/search.js
    from the Pagefind bundle in pagefind/."""
    filters = "".join(f'<div class="tk-filter" data-filter="{k}"><label for="tk-f-{k}">{lab}'
                      f'</label> <select id="tk-f-{k}" name="{k}"><option value="">All</option>'
                      f"</select></div>" for k, lab in FILTERS)
    body = ('<h1>Search</h1>'
            '<form class="tk-search-form" role="search" aria-label="Search the texts" '
            'action="search.html" method="get">'
            '<label for="tk-q">Words to find</label> '
            '<input id="tk-q" name="q" type="search"> <button type="submit">Search</button>'
            f'<fieldset class="tk-filters" hidden><legend>Narrow the results</legend>{filters}'
            "</fieldset></form>"
            '<noscript><p class="tk-noscript">Searching needs JavaScript; every other page of '
            "the edition works without it (see the table of documents and the register)."
            "</p></noscript>"
            '<p id="tk-search-status" role="status" aria-live="polite"></p>'
            '<ol id="tk-results" class="tk-results"></ol>')
    return page(info, "Search", body, current="search.html",
                scripts='<script type="module" src="assets/search.js"></script>')
