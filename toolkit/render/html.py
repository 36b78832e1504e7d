"""The HTML reading edition of one document (xslt/html.xsl).

:func:`render_html` returns one page: original and translation side by side, both
readings (diplomatic and reading) toggled in the page, notes, editorial-sign legend,
embedded metadata and, when :mod:`toolkit.render.cite` is available, the citation block.
Standalone pages (``teikit render --to html``) carry their CSS and JavaScript inline;
the build links to the shared copies in ``assets/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from ..edition.resources import asset_text, stylesheet
from ..errors import TeikitError
from ..saxon import transform
from . import cite
from .overrides import Stylesheets


@dataclass
class PageLinks:
    """Where a page finds the rest of the site; empty strings mean "not available"."""

    register_href: str = ""
    home_href: str = ""
    assets_href: str = ""
    public_url: str = ""
    pdf_url: str = ""  # the PDF, relative to the page (or absolute); '' = no PDF
    files: dict[str, str] = field(default_factory=dict)  # citation format -> relative href
    site_slot: bool = False  # a page of a built site: the site build fills its header slot


def pdf_public_url(links: PageLinks) -> str:
    """The absolute URL of the PDF (for ``citation_pdf_url``): ``pdf_url`` resolved
    against the page's public URL; '' when no public URL is known (nothing is claimed)."""
    if not links.pdf_url:
        return ""
    if "://" in links.pdf_url:
        return links.pdf_url
    return urljoin(links.public_url, links.pdf_url) if links.public_url else ""


def citations(tree: etree._ElementTree, file: str = "-", accessed: str | None = None,
              base_url: str | None = None, styles: Iterable[str] = cite.STYLES,
              publisher: str | None = None) -> dict[str, str]:
    """The citation styles (default: all, in the registry's order) as text; {} when the
    header cannot be cited (the page then has no citation block)."""
    try:
        return cite.cite_many(tree, styles, accessed=accessed, base_url=base_url or None,
                              file=file, publisher=publisher)
    except TeikitError:
        return {}


def citations_param(cites: dict[str, str], files: dict[str, str]) -> str:
    """The JSON handed to the stylesheet's ``citations`` parameter ('' if nothing)."""
    if not cites:
        return ""
    styles = [{"style": s, "label": cite.LABELS.get(s, s), "text": t} for s, t in cites.items()]
    return json.dumps({"styles": styles, "files": files}, ensure_ascii=False)


def render_html(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
                links: PageLinks | None = None, cites: dict[str, str] | None = None,
                stylesheets: Stylesheets | None = None, **_options) -> str:
    """One document as an HTML page.

    ``mode`` is accepted for the renderer interface; the page holds both readings.
    Without ``links`` the page is standalone: CSS and JS inline, no site links.
    """
    links = links or PageLinks()
    if cites is None:
        cites = citations(tree, file, base_url=links.public_url)
    params = {
        "register-href": links.register_href or "",
        "home-href": links.home_href,
        "public-url": links.public_url,
        "pdf-url": pdf_public_url(links),
        "pdf-href": links.pdf_url,
        "citations": citations_param(cites, links.files),
        "site-slot": links.site_slot,
    }
    if links.assets_href:
        params["assets-href"] = links.assets_href
    else:
        params["css"] = asset_text("edition.css")
        params["js"] = asset_text("edition.js")
    xsl = stylesheets.path("html") if stylesheets else stylesheet("html")
    html = transform(xsl, tree, file=file, params=params).text
    if not html.lstrip().lower().startswith("<!doctype"):
        html = "<!DOCTYPE html>\n" + html
    return html if html.endswith("\n") else html + "\n"
