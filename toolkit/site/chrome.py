"""The frame every page of the edition shares: the edition's title, the navigation
(documents, register, about, search) and a search box, in plain HTML (a GET form to the
search page; nothing here needs JavaScript).

:class:`SiteInfo` is what the edition says about itself (``teikit.toml``, wired by the
command line); the site build takes it as one value, defaulting to the title "Edition".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: the site pages, as (file, label), in the navigation's order
NAV = (("index.html", "Documents"), ("register.html", "Register"),
       ("about.html", "About"), ("search.html", "Search"))

DOC_SLOT = re.compile(r"<!--tk-site-->.*?<!--/tk-site-->", re.S)


@dataclass(frozen=True)
class SiteInfo:
    """The edition as its configuration describes it; every field optional but the title."""

    title: str = "Edition"
    subtitle: str | None = None
    introduction_html: str | None = None  # trusted HTML from the edition's own config
    about_html: str | None = None  # the same, for the About page
    base_url: str | None = None


def site_bar(info: SiteInfo, root: str, current: str = "") -> str:
    """The edition's header bar: title, navigation, search box. ``root`` is the way from
    the page to the site's top folder ('' or '../')."""
    e = html.escape
    cur = ' aria-current="page"'
    items = "".join(f'<li><a href="{e(root + f)}"{cur if f == current else ""}>'
                    f"{e(label)}</a></li>" for f, label in NAV)
    return (f'<div class="tk-sitebar"><p class="tk-site-title"><a href="{e(root)}index.html">'
            f"{e(info.title)}</a></p>"
            f'<nav class="tk-sitenav" aria-label="Edition"><ul>{items}</ul></nav>'
            f'<form class="tk-searchbox" role="search" aria-label="Quick search" '
            f'action="{e(root)}search.html" method="get">'
            f'<label for="tk-q-top">Search the edition</label> '
            f'<input id="tk-q-top" name="q" type="search"> '
            f'<button type="submit">Search</button></form></div>')


def page(info: SiteInfo, title: str, body: str, *, root: str = "", current: str = "",
         head: str = "", scripts: str = "") -> str:
    """A whole site page (home, register, about, search, entity pages)."""
    e = html.escape
    full = title if title == info.title else f"{title} — {info.title}"
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(full)}</title>"
            f'<link rel="stylesheet" href="{e(root)}assets/edition.css">{head}</head>'
            f'<body class="tk-site"><a class="tk-skip" href="#tk-text">Skip to the content</a>'
            f'<header class="tk-site-header">{site_bar(info, root, current)}</header>'
            f'<main id="tk-text">{body}</main>{scripts}</body></html>\n')


@dataclass(frozen=True)
class Neighbour:
    href: str
    title: str


def document_slot(info: SiteInfo, prev: Neighbour | None, nxt: Neighbour | None,
                  downloads: list[tuple[str, str]]) -> str:
    """What the site puts at the top of a document's page (between the page's
    ``<!--tk-site-->`` markers): the edition's bar, the way back to the table,
    previous/next document, and one Download menu (a ``details`` list, no JS needed)."""
    e = html.escape
    links = ['<a href="../index.html#tk-docs">All documents</a>']
    if prev:
        links.append(f'<a rel="prev" href="{e(prev.href)}">← Previous: {e(prev.title)}</a>')
    if nxt:
        links.append(f'<a rel="next" href="{e(nxt.href)}">Next: {e(nxt.title)} →</a>')
    items = "".join(f'<li><a href="{e(href)}"{_download_attrs(href)}>{e(label)}</a></li>'
                    for label, href in downloads)
    menu = (f'<details class="tk-download"><summary>Download</summary><ul>{items}</ul>'
            f"</details>") if downloads else ""
    return (f"<!--tk-site-->{site_bar(info, '../')}"
            f'<nav class="tk-docnav" aria-label="Documents">'
            f'{"".join(f"<span>{a}</span>" for a in links)}{menu}</nav><!--/tk-site-->')


def _download_attrs(href: str) -> str:
    return ' type="application/pdf"' if href.endswith(".pdf") else ""


def fill_document(page_html: str, slot: str) -> str | None:
    """The page with its site slot filled; None when the page has no slot."""
    if not DOC_SLOT.search(page_html):
        return None
    return DOC_SLOT.sub(lambda _m: slot, page_html, count=1)
