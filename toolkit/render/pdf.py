"""The print edition: print HTML by XSLT (xslt/print.xsl), laid out by WeasyPrint.

WeasyPrint needs Pango, HarfBuzz and fonts from Debian (scripts/apt-packages.txt); it is
imported lazily so the rest of the toolkit works without it. Nothing is ever fetched:
the URL fetcher refuses every non-local address.
"""

from __future__ import annotations

import logging

from lxml import etree

from ..edition.resources import asset_text, stylesheet
from ..errors import ResourceMissing, TransformError
from ..saxon import transform
from .overrides import Stylesheets

PAPER = {"a4": "A4", "letter": "letter"}


def print_css(paper: str = "a4") -> str:
    if paper not in PAPER:
        raise TransformError(f"unknown paper size {paper!r}; expected one of {sorted(PAPER)}")
    css = asset_text("print.css")
    return f"@page {{ size: {PAPER[paper]}; }}\n{css}"


def _citations(tree: etree._ElementTree, file: str, accessed: str | None = None,
               publisher: str | None = None) -> str:
    """The suggested citations, as the HTML edition's citation block data."""
    from .cite import PRINTED
    from .html import citations, citations_param

    return citations_param(citations(tree, file, accessed=accessed, styles=PRINTED,
                                     publisher=publisher), {})


def render_print_html(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
                      paper: str = "a4", accessed: str | None = None,
                      stylesheets: Stylesheets | None = None, publisher: str | None = None,
                      **_options) -> str:
    """The print HTML (for inspection, and the input of :func:`render_pdf`);
    ``accessed`` is the citations' access date (default today)."""
    params = {"mode": mode, "css": print_css(paper),
              "citations": _citations(tree, file, accessed, publisher)}
    xsl = stylesheets.path("print") if stylesheets else stylesheet("print")
    return transform(xsl, tree, file=file, params=params).text


def _refuse_remote(url: str, timeout: int = 10, ssl_context=None):
    from weasyprint.urls import default_url_fetcher

    if url.startswith(("data:", "file:")):
        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    raise ValueError(f"teikit never fetches remote resources: {url}")


#: Layout variants tried in turn until every footnote is on the page of its call.
#: WeasyPrint applies orphans/widows after placing footnotes, and may then move the line
#: with a call to the next page while its note stays behind (or the other way round);
#: which setting avoids it depends on the page, so the layout is checked, not trusted.
LAYOUT_VARIANTS = ("", "p, li, dd, div { orphans: 1; widows: 1; }",
                   "p, li, dd, div { orphans: 3; widows: 3; }")


def footnote_placements(doc) -> list[tuple[object, int, int]]:
    """(footnote element, page of its call, page of its body; -1 if not laid out) for
    every footnote of a laid-out ``weasyprint.Document``, from its page boxes."""
    calls: dict[int, tuple[object, int]] = {}
    bodies: dict[int, int] = {}

    def walk(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    for number, page in enumerate(doc.pages, start=1):
        for box in walk(page._page_box):
            tag = getattr(box, "element_tag", "") or ""
            if tag.endswith("::footnote-call"):
                calls.setdefault(id(box.element), (box.element, number))
            elif tag.endswith("::footnote-marker"):
                bodies.setdefault(id(box.element), number)
    return [(el, page, bodies.get(key, -1)) for key, (el, page) in calls.items()]


def layout_pdf(tree: etree._ElementTree, file: str = "-", mode: str = "reading",
               paper: str = "a4", accessed: str | None = None,
               stylesheets: Stylesheets | None = None, publisher: str | None = None,
               **_options):
    """The laid-out print edition (a ``weasyprint.Document``: pages, boxes, footnotes).

    The first layout variant that keeps every footnote on the page of its call wins;
    if none does, the one with the fewest misplaced notes."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise ResourceMissing(f"PDF output needs WeasyPrint and Pango: {exc}") from None
    html = render_print_html(tree, file=file, mode=mode, paper=paper, accessed=accessed,
                             stylesheets=stylesheets, publisher=publisher)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        best, best_misplaced = None, 0
        for variant in LAYOUT_VARIANTS:
            source = html.replace("</style>", variant + "</style>", 1) if variant else html
            doc = weasyprint.HTML(string=source, url_fetcher=_refuse_remote,
                                  base_url=None).render()
            misplaced = sum(call != note for _el, call, note in footnote_placements(doc))
            if best is None or misplaced < best_misplaced:
                best, best_misplaced = doc, misplaced
            if misplaced == 0:
                break
        return best
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
                     accessed=options.get("accessed"), stylesheets=options.get("stylesheets"),
                     publisher=options.get("publisher"))
    return doc.write_pdf(**({"pdf_variant": "pdf/a-3b"} if pdf_a else {}))
