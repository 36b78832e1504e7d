"""The print edition: print HTML by XSLT (xslt/print.xsl), laid out by WeasyPrint.

WeasyPrint needs Pango, HarfBuzz and fonts from Debian (scripts/apt-packages.txt); it is
imported lazily so the rest of the toolkit works without it. Nothing is ever fetched:
the URL fetcher refuses every non-local address.
"""

from __future__ import annotations

import logging
from importlib import resources

from lxml import etree

from .errors import ResourceMissing, TransformError
from .xslt import transform

PAPER = {"a4": "A4", "letter": "letter"}


def print_css(paper: str = "a4") -> str:
    if paper not in PAPER:
        raise TransformError(f"unknown paper size {paper!r}; expected one of {sorted(PAPER)}")
    css = resources.files("toolkit").joinpath("assets/print.css").read_text(encoding="utf-8")
    return f"@page {{ size: {PAPER[paper]}; }}\n{css}"


#: the citation styles printed in the back matter (the data formats are for screens)
PRINT_STYLES = ("chicago-note", "chicago-bib", "mla", "apa")


def _citations(tree: etree._ElementTree, file: str, accessed: str | None = None) -> str:
    """The suggested citations, as the HTML edition's citation block data."""
    from .html import citations, citations_param

    cites = {k: v for k, v in citations(tree, file, accessed=accessed).items()
             if k in PRINT_STYLES}
    return citations_param(cites, {})


def render_print_html(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
                      paper: str = "a4", accessed: str | None = None, **_options) -> str:
    """The print HTML (for inspection, and the input of :func:`render_pdf`);
    ``accessed`` is the citations' access date (default today)."""
    params = {"mode": mode, "css": print_css(paper),
              "citations": _citations(tree, file, accessed)}
    return transform("print", tree, file=file, params=params).text


def _refuse_remote(url: str, timeout: int = 10, ssl_context=None):
    from weasyprint.urls import default_url_fetcher

    if url.startswith(("data:", "file:")):
        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    raise ValueError(f"teikit never fetches remote resources: {url}")


def layout_pdf(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
               paper: str = "a4", accessed: str | None = None, **_options):
    """The laid-out print edition (a ``weasyprint.Document``: pages, boxes, footnotes)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise ResourceMissing(f"PDF output needs WeasyPrint and Pango: {exc}") from None
    html = render_print_html(tree, file=file, mode=mode, paper=paper, accessed=accessed)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        return weasyprint.HTML(string=html, url_fetcher=_refuse_remote,
                               base_url=None).render()
    except RecursionError:
        raise TransformError("too deeply nested for the PDF layout engine (WeasyPrint); "
                             "text and HTML outputs handle it", file=file) from None
    except Exception as exc:  # noqa: BLE001 - a layout-engine failure, reported located
        raise TransformError(f"PDF layout failed in WeasyPrint: {type(exc).__name__}: "
                             f"{str(exc)[:300]}", file=file) from None


def render_pdf(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
               paper: str = "a4", pdf_a: bool = False, **options) -> bytes:
    """The PDF of one document: facing columns, footnotes, running heads, register."""
    doc = layout_pdf(tree, file=file, mode=mode, paper=paper,
                     accessed=options.get("accessed"))
    return doc.write_pdf(**({"pdf_variant": "pdf/a-3b"} if pdf_a else {}))
