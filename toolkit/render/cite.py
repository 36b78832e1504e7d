"""Citations of a TEI document from its header: CSL-JSON and formatted styles.

The canonical record is CSL-JSON built by XSLT from the teiHeader
(``xslt/cite/record.xsl``); every style (Chicago notes-bibliography, MLA 9, APA 7,
BibTeX, RIS) is formatted from that record by one XSLT module each. The stylesheet is
compiled once per process (see :mod:`toolkit.saxon`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from ..edition.resources import stylesheet
from ..errors import TeikitError
from ..saxon import transform
from ..xmlio import TEI_NS


@dataclass(frozen=True)
class Style:
    """A citation style: its name, its label on pages, the file suffix the build writes
    it to, and whether the print edition lists it (the data formats are for screens)."""

    name: str
    label: str
    suffix: str
    printed: bool


#: The citation styles, in the order the command, the pages and the print edition list them.
REGISTRY: tuple[Style, ...] = (
    Style("chicago-note", "Chicago (note)", ".chicago-note.txt", True),
    Style("chicago-bib", "Chicago (bibliography)", ".chicago-bib.txt", True),
    Style("mla", "MLA", ".mla.txt", True),
    Style("apa", "APA", ".apa.txt", True),
    Style("bibtex", "BibTeX", ".bib", False),
    Style("ris", "RIS", ".ris", False),
    Style("csl-json", "CSL-JSON", ".csl.json", False),
)
STYLES: tuple[str, ...] = tuple(s.name for s in REGISTRY)
LABELS: dict[str, str] = {s.name: s.label for s in REGISTRY}
SUFFIXES: dict[str, str] = {s.name: s.suffix for s in REGISTRY}
PRINTED: tuple[str, ...] = tuple(s.name for s in REGISTRY if s.printed)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CiteUsageError(TeikitError):
    """A bad argument to a citation function (unknown style, malformed date)."""

    exit_code = 2


def check_date(value: str | None) -> str | None:
    """Return an ISO date (YYYY-MM-DD) unchanged, or raise CiteUsageError."""
    if value is None:
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        _dt.date.fromisoformat(value)
    except ValueError:
        raise CiteUsageError(f"accessed date must be YYYY-MM-DD, got {value!r}") from None
    return value


def _check_tei(tree: etree._ElementTree, file: str) -> None:
    root = tree.getroot()
    if root.tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus") \
            or root.find(f"{{{TEI_NS}}}teiHeader") is None:
        raise TeikitError("not a TEI document with a teiHeader: nothing to cite",
                          file=file, line=root.sourceline or 1, column=1)


def cite(tree: etree._ElementTree, style: str, *, accessed: str | None = None,
         base_url: str | None = None, file: str = "-", publisher: str | None = None) -> str:
    """The citation of ``tree`` (a securely parsed TEI document) in ``style``.

    ``accessed`` is an ISO date (default: today); ``base_url`` the document's URL
    (default: none, and no URL is cited).
    """
    return cite_many(tree, [style], accessed=accessed, base_url=base_url, file=file,
                     publisher=publisher)[style]


def cite_many(tree: etree._ElementTree, styles: Iterable[str] = STYLES, *,
              accessed: str | None = None, base_url: str | None = None,
              file: str = "-", publisher: str | None = None) -> dict[str, str]:
    """The citations of ``tree`` in several styles, by style, in the order given: the
    record is built once, in one transformation. ``publisher``: cited when the header
    names none (the edition's configuration)."""
    styles = list(dict.fromkeys(styles))
    for style in styles:
        if style not in STYLES:
            raise CiteUsageError(f"unknown citation style {style!r} "
                                 f"(one of: {', '.join(STYLES)})")
    if not styles:
        return {}
    _check_tei(tree, file)
    params = {"style": " ".join(styles),
              "accessed": check_date(accessed) or _dt.date.today().isoformat(),
              "base-url": base_url or "", "publisher": publisher or ""}
    text = transform(stylesheet("cite"), _header_only(tree), file=file, params=params).text
    if len(styles) == 1:
        return {styles[0]: text}
    texts = json.loads(text)
    return {s: texts[s] for s in styles}


def _header_only(tree: etree._ElementTree) -> etree._ElementTree:
    """The root element with only its teiHeader: citations are made from the header, and
    handing Saxon a novel's whole text seven times costs far more than the citations."""
    root = tree.getroot()
    copy = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
    copy.append(etree.fromstring(etree.tostring(root.find(f"{{{TEI_NS}}}teiHeader"))))
    return copy.getroottree()


def csl_json(tree: etree._ElementTree, *, accessed: str | None = None,
             base_url: str | None = None, file: str = "-") -> dict:
    """The CSL-JSON record (one item, as a dict) of ``tree``."""
    items = json.loads(cite(tree, "csl-json", accessed=accessed, base_url=base_url, file=file))
    return items[0]
