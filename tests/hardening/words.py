"""Word conservation: every word of a TEI text must reach each output.

Words are Unicode ``\\w+`` runs of the NFC-normalised, case-folded text of
``//tei:text``. Every element boundary counts as a word boundary in the source (so
``<sic>a</sic><corr>b</corr>`` gives two words, not ``ab``), and a source word counts
as kept when it is a word of the output or occurs in the output's words run together
(a word split by markup, ``Antoni<ex>no</ex>``, or joined at ``<lb break="no"/>``).
The check is on the *set* of words (a multiset is too strict where notes move to an
apparatus or a heading is repeated). The total word count of the output must also
reach ``COUNT_TOLERANCE`` of the source's (counted without splitting at markup).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lxml import etree, html

from toolkit.xmlio import NS

WORD = re.compile(r"\w+")
COUNT_TOLERANCE = 0.95


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _texts(tree: etree._ElementTree) -> list[etree._Element]:
    """Every outermost ``<text>`` (all of them in a teiCorpus), the ISO dates of register
    entries read as the outputs write them (tests/hardening/sequence.py)."""
    from tests.hardening.sequence import register_dates_in_words

    root = register_dates_in_words(tree.getroot())
    return root.xpath("//tei:text[not(ancestor::tei:text)]", namespaces=NS)


def tei_text(tree: etree._ElementTree) -> str:
    """``string(//tei:text)``: adjacent text nodes joined exactly as XPath does."""
    return "\n".join(etree.XPath("string(.)")(t) for t in _texts(tree))


def tei_pieces(tree: etree._ElementTree) -> str:
    """The text of ``//tei:text`` with a space at every element boundary."""
    return " ".join(" ".join(t.itertext()) for t in _texts(tree))


def html_text(data: str | bytes) -> str:
    """The visible text of an HTML output (no script, style or head)."""
    doc = html.fromstring(data)
    for bad in doc.xpath("//script | //style | //head"):
        bad.drop_tree()
    # an authority record is a link naming its source: its address is where the TEI's is
    hrefs = doc.xpath("//a[contains(@class, 'tk-authority')]/@href")
    return doc.text_content() + " " + " ".join(hrefs)


def missing_words(source: Iterable[str], output: str) -> list[str]:
    """Source words absent from ``output`` (sorted), by the rules of this module."""
    out_words = words(output)
    have = set(out_words)
    joined = "".join(out_words)
    return sorted(w for w in set(source) - have if w not in joined)


def count_ratio(source: list[str], output: str) -> float:
    return len(words(output)) / max(1, len(source))
