"""From an edition's configuration to what the site build takes: its :class:`SiteInfo`
(title, subtitle, introduction, about text, base URL) and its :class:`Look`."""

from __future__ import annotations

import html

import lxml.html

from .. import xmlio
from ..edition.config import EditionConfig
from ..render.html import render_html
from ..render.overrides import Stylesheets
from .chrome import SiteInfo
from .look import Look


def stylesheets(cfg: EditionConfig | None) -> Stylesheets | None:
    """The edition's own XSLT (None when it has none)."""
    if cfg is None or not (cfg.html_xsl or cfg.text_xsl or cfg.print_xsl):
        return None
    return Stylesheets(*(str(p) if p else None
                         for p in (cfg.html_xsl, cfg.text_xsl, cfg.print_xsl)))


def look(cfg: EditionConfig | None) -> Look | None:
    """The edition's CSS, scripts, header, footer and static files (None: none)."""
    if cfg is None or not (cfg.css or cfg.js or cfg.header or cfg.footer or cfg.static):
        return None
    return Look(str(cfg.root), tuple(map(str, cfg.css)), tuple(map(str, cfg.js)),
                str(cfg.header) if cfg.header else None,
                str(cfg.footer) if cfg.footer else None, tuple(map(str, cfg.static)))


def site_info(cfg: EditionConfig | None, base_url: str | None = None) -> SiteInfo:
    """The SiteInfo of an edition; without a configuration, the title "Edition"."""
    if cfg is None:
        return SiteInfo(base_url=base_url)
    intro = cfg.introduction_html
    if intro is None and cfg.introduction_file is not None:
        intro = tei_introduction(cfg)
    return SiteInfo(title=cfg.title, subtitle=cfg.subtitle, introduction_html=intro,
                    about_html=about_html(cfg), base_url=base_url or cfg.base_url)


def tei_introduction(cfg: EditionConfig) -> str:
    """A TEI introduction rendered as the edition renders its documents (its own
    stylesheets included): the text of the page, without its header."""
    path = cfg.introduction_file
    tree = xmlio.parse_tei(path, scope=cfg.scope())
    page = lxml.html.document_fromstring(render_html(tree, file=str(path),
                                                     stylesheets=stylesheets(cfg), cites={}))
    main = page.find(".//main")
    if main is None:
        return ""
    return "".join(lxml.html.tostring(c, encoding="unicode") for c in main)


def about_html(cfg: EditionConfig) -> str | None:
    """Editors, languages and licence, as the About page says them (after what the
    site build says about the documents)."""
    e = html.escape
    parts = []
    if cfg.editors:
        parts.append(f"<p>Edited by {e(_names(cfg.editors))}.</p>")
    if cfg.languages:
        from .assemble import lang_label

        parts.append(f"<p>Languages: {e(', '.join(lang_label(x) for x in cfg.languages))}.</p>")
    if cfg.licence:
        parts.append(f"<p>Licence: {e(cfg.licence)}.</p>")
    return "".join(parts) or None


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
