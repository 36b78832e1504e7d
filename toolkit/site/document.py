"""Building the edition of a folder of TEI documents into an output folder.

The unit of work is one document: :func:`build_document` writes every output of one
file (HTML page, reading and diplomatic text, a file per citation format) and returns
the facts the site-level pages need; :func:`build_site` writes the home page, the
register and the assets from those facts; :func:`build` runs both over a folder. One
failing document never stops the others.

Site layout::

    OUT/index.html            home page: every document with its metadata
    OUT/register.html         persons, places, organisations over all documents
    OUT/assets/               edition.css, edition.js
    OUT/STEM/STEM.html        the reading edition of one document
    OUT/STEM/STEM.txt         reading text;  STEM.diplomatic.txt  diplomatic text
    OUT/STEM/STEM.bib .ris .csl.json .chicago-note.txt …  citations
    OUT/STEM/STEM.pdf         the print edition (``pdf=True``; teikit build's default)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import xmlio
from ..errors import Issue, TeikitError
from ..render import cite, render_text
from ..render.html import PageLinks, citations, render_html
from . import pages as site


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
                   accessed: str | None = None, pdf: bool = False) -> DocResult:
    """Write every output of one document into OUT/STEM/; never raises TeikitError.

    ``pdf``: also the print edition ``STEM.pdf`` (WeasyPrint; seconds per document),
    linked from the page and, with a base URL, declared as ``citation_pdf_url``.
    """
    res = DocResult(str(src))
    stem = src.stem
    folder = out_dir / stem
    try:
        notes: list[Issue] = []
        tree = xmlio.parse_tei(src, notes=notes)
        res.warnings = [replace(n, severity="warning") for n in notes]
        url = document_url(base_url, stem)
        cites = citations(tree, str(src), accessed=accessed, base_url=url)
        files = {s: f"{stem}{cite.SUFFIXES[s]}" for s in cites}
        outputs: dict[str, str | bytes] = {
            f"{stem}.txt": render_text(tree, file=str(src), mode="reading"),
            f"{stem}.diplomatic.txt": render_text(tree, file=str(src), mode="diplomatic"),
        }
        for style, name in files.items():
            outputs[name] = cites[style] if cites[style].endswith("\n") else cites[style] + "\n"
        links = PageLinks(register_href="../register.html", home_href="../index.html",
                          assets_href="../assets/", public_url=url,
                          pdf_url=f"{stem}.pdf" if pdf else "",
                          files={k: v for k, v in files.items()
                                 if k in ("bibtex", "ris", "csl-json")})
        outputs[f"{stem}.html"] = render_html(tree, file=str(src), links=links, cites=cites)
        if pdf:
            from ..render.pdf import render_pdf

            outputs[f"{stem}.pdf"] = render_pdf(tree, file=str(src), accessed=accessed)
        for name, data in outputs.items():
            res.outputs.append(str(xmlio.write_atomic(folder / name, data)))
        res.info = site.doc_info(tree, stem)
        res.info.files = {"HTML": f"{stem}/{stem}.html", "text": f"{stem}/{stem}.txt",
                          "diplomatic text": f"{stem}/{stem}.diplomatic.txt",
                          **({"PDF": f"{stem}/{stem}.pdf"} if pdf else {}),
                          **{s: f"{stem}/{n}" for s, n in files.items()}}
        res.occurrences = site.occurrences(tree, stem)
        res.entities = site.entities(tree)
    except TeikitError as exc:
        res.error = exc
    return res


def build_site(results: list[DocResult], out_dir: Path, title: str = "Edition") -> list[Path]:
    """The home page, the register and the assets, from the documents that built."""
    ok = [r for r in results if r.error is None and r.info is not None]
    known: dict[str, site.Entity] = {}
    for r in ok:
        for key, ent in r.entities.items():
            known.setdefault(key, ent)
    occs = [o for r in ok for o in r.occurrences]
    return site.write_site(out_dir, [r.info for r in ok], occs, known, title)

