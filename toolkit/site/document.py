"""Building the edition of a folder of TEI documents into an output folder.

The unit of work is one document: :func:`build_document` writes every output of one
file (HTML page, reading and diplomatic text, a file per citation format) and returns
the facts the site-level pages need; :func:`build_site` writes the home page, the
register and the assets from those facts; :func:`build` runs both over a folder. One
failing document never stops the others.

Site layout::

    OUT/index.html            home page: the edition's introduction, the table of documents
    OUT/register.html         persons, places, organisations over all documents
    OUT/register/KEY.html     an entity with many occurrences
    OUT/about.html            about the edition; search.html  full-text search
    OUT/pagefind/             the Pagefind search bundle
    OUT/assets/               edition.css, edition.js, table.js, search.js
    OUT/STEM/STEM.html        the reading edition of one document
    OUT/STEM/STEM.xml         the TEI source; STEM.search.json  its search records
    OUT/STEM/STEM.txt         reading text;  STEM.diplomatic.txt  diplomatic text
    OUT/STEM/STEM.bib .ris .csl.json .chicago-note.txt …  citations
    OUT/STEM/STEM.pdf         the print edition (``pdf=True``; teikit build's default)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import lxml.html

from .. import xmlio
from ..errors import Issue, TeikitError
from ..render import cite, render_text
from ..render.html import PageLinks, citations, render_html
from ..render.overrides import Stylesheets
from . import pages as site
from . import search
from .assemble import write_site
from .chrome import SiteInfo


@dataclass
class DocResult:
    source: str
    outputs: list[str] = field(default_factory=list)
    error: TeikitError | None = None
    info: site.DocInfo | None = None
    occurrences: list[site.Occurrence] = field(default_factory=list)
    entities: dict[str, site.Entity] = field(default_factory=dict)
    #: what the parser read anyway (duplicate or malformed xml:ids, XInclude fallbacks)
    warnings: list[Issue] = field(default_factory=list)


def document_url(base_url: str | None, stem: str) -> str:
    """The public URL of a document's page, or '' when no base URL is configured."""
    return f"{base_url.rstrip('/')}/{stem}/{stem}.html" if base_url else ""


def build_document(src: Path, out_dir: Path, base_url: str | None = None,
                   accessed: str | None = None, pdf: bool = False, *,
                   scope: xmlio.IncludeScope | None = None,
                   stylesheets: Stylesheets | None = None,
                   styles: tuple[str, ...] | None = None, paper: str = "a4",
                   publisher: str | None = None) -> DocResult:
    """Write every output of one document into OUT/STEM/; never raises TeikitError.

    ``pdf``: also the print edition ``STEM.pdf`` (WeasyPrint; seconds per document),
    linked from the page and, with a base URL, declared as ``citation_pdf_url``.
    The edition's configuration: ``scope`` (where XIncludes may read; default the
    document's folder), its own ``stylesheets``, the citation ``styles`` to write
    (default all), the PDF's ``paper``, the ``publisher`` cited when a header names none.
    """
    res = DocResult(str(src))
    stem = src.stem
    folder = out_dir / stem
    try:
        notes: list[Issue] = []
        tree = xmlio.parse_tei(src, scope=scope, notes=notes)
        res.warnings = [replace(n, severity="warning") for n in notes]
        url = document_url(base_url, stem)
        cites = citations(tree, str(src), accessed=accessed, base_url=url,
                          styles=styles or cite.STYLES, publisher=publisher)
        files = {s: f"{stem}{cite.SUFFIXES[s]}" for s in cites}
        outputs: dict[str, str | bytes] = {
            f"{stem}.txt": render_text(tree, file=str(src), mode="reading",
                                       stylesheets=stylesheets),
            f"{stem}.diplomatic.txt": render_text(tree, file=str(src), mode="diplomatic",
                                                  stylesheets=stylesheets),
        }
        for style, name in files.items():
            outputs[name] = cites[style] if cites[style].endswith("\n") else cites[style] + "\n"
        links = PageLinks(register_href="../register.html", home_href="../index.html",
                          assets_href="../assets/", public_url=url,
                          pdf_url=f"{stem}.pdf" if pdf else "",
                          files={k: v for k, v in files.items()
                                 if k in ("bibtex", "ris", "csl-json")}, site_slot=True)
        info = site.doc_info(tree, stem)
        page = lxml.html.document_fromstring(
            render_html(tree, file=str(src), links=links, cites=cites,
                        stylesheets=stylesheets))
        records, _ = search.anchor_tree(page, info.languages[0] if info.languages else "")
        info.signs = site.legend_signs(page)
        outputs[f"{stem}.html"] = search.serialize(page)
        outputs[f"{stem}.search.json"] = search.records_json(records)
        outputs[f"{stem}.xml"] = src.read_bytes()
        if pdf:
            from ..render.pdf import render_pdf

            outputs[f"{stem}.pdf"] = render_pdf(tree, file=str(src), accessed=accessed,
                                                stylesheets=stylesheets, paper=paper,
                                                publisher=publisher)
        for name, data in outputs.items():
            res.outputs.append(str(xmlio.write_atomic(folder / name, data)))
        res.info = info
        res.info.files = {"HTML": f"{stem}/{stem}.html", "TEI source (XML)": f"{stem}/{stem}.xml",
                          **({"PDF": f"{stem}/{stem}.pdf"} if pdf else {}),
                          "Reading text": f"{stem}/{stem}.txt",
                          "Diplomatic text": f"{stem}/{stem}.diplomatic.txt",
                          **{f"Citation: {cite.LABELS[s]}": f"{stem}/{n}"
                             for s, n in files.items()}}
        res.occurrences = site.occurrences(tree, stem)
        res.entities = site.entities(tree)
    except TeikitError as exc:
        res.error = exc
    return res


def build_site(results: list[DocResult], out_dir: Path, info: SiteInfo | None = None,
               failed: list[Issue] | None = None, index: bool = True) -> list[Path]:
    """Every site-level output (home, register, about, search and its index, the frame of
    the document pages), from the documents that built."""
    ok = [r for r in results if r.error is None and r.info is not None]
    known: dict[str, site.Entity] = {}
    for r in ok:
        for key, ent in r.entities.items():
            known.setdefault(key, ent)
    occs = [o for r in ok for o in r.occurrences]
    return write_site(out_dir, [r.info for r in ok], occs, known, info, failed, index)
