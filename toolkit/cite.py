"""Citations of a TEI document from its header: CSL-JSON and formatted styles.

The canonical record is CSL-JSON built by XSLT from the teiHeader
(``xslt/cite/record.xsl``); every style (Chicago notes-bibliography, MLA 9, APA 7,
BibTeX, RIS) is formatted from that record by one XSLT module each. The stylesheet is
compiled once per process (see :mod:`toolkit.xslt`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re

from lxml import etree

from .errors import TeikitError
from .xmlio import TEI_NS
from .xslt import transform

#: The citation styles, in the order the command lists them.
STYLES: tuple[str, ...] = ("chicago-note", "chicago-bib", "mla", "apa", "bibtex", "ris",
                           "csl-json")

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
         base_url: str | None = None, file: str = "-") -> str:
    """The citation of ``tree`` (a securely parsed TEI document) in ``style``.

    ``accessed`` is an ISO date (default: today); ``base_url`` the document's URL
    (default: none, and no URL is cited).
    """
    if style not in STYLES:
        raise CiteUsageError(f"unknown citation style {style!r} "
                             f"(one of: {', '.join(STYLES)})")
    _check_tei(tree, file)
    params = {"style": style,
              "accessed": check_date(accessed) or _dt.date.today().isoformat(),
              "base-url": base_url or ""}
    return transform("cite", _header_only(tree), file=file, params=params).text


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
