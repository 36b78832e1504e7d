"""BibTeX and RIS outputs parse with bibtexparser and rispy; key fields survive."""

from __future__ import annotations

import pytest

from tests.conftest import TELEGRAM
from toolkit import xmlio
from toolkit.render import cite

from .conftest import ACCESSED, BASE_URL, cited_documents

bibtexparser = pytest.importorskip("bibtexparser")
rispy = pytest.importorskip("rispy")

DOCS = cited_documents()
ARCHIVAL = "RGASPI, f. 558, op. 11, d. 334, ll. 0088\u20130089"
COPY = ("Copy also in Library of Congress, Manuscript Division, Dmitri\u012d Antonovich "
        "Volkogonov papers, 1887-1995, mm97083838")


def _bib(path, url=None) -> dict:
    text = cite.cite(xmlio.parse(path), "bibtex", accessed=ACCESSED, base_url=url)
    db = bibtexparser.loads(text)
    assert len(db.entries) == 1, text
    return db.entries[0]


def _ris(path, url=None) -> dict:
    text = cite.cite(xmlio.parse(path), "ris", accessed=ACCESSED, base_url=url)
    entries = rispy.loads(text)
    assert len(entries) == 1, text
    return entries[0]


def test_telegram_bibtex():
    e = _bib(TELEGRAM, BASE_URL)
    assert e["ENTRYTYPE"] == "misc"
    assert e["ID"] == "telegram-22591"
    assert e["translator"] == "Goldberg, Gary"  # the TEI gives forename and surname
    assert e["note"] == ARCHIVAL
    assert e["addendum"] == COPY
    assert e["title"] == "{Ciphered Telegram No. 22591 from Roschin to Filippov [Stalin]}"
    assert (e["year"], e["month"], e["date"]) == ("1950", "July", "1950-07-22")  # jul macro
    assert (e["url"], e["urldate"]) == (BASE_URL, ACCESSED)


def test_telegram_ris():
    e = _ris(TELEGRAM, BASE_URL)
    assert e["type_of_reference"] == "PCOMM"
    assert e["authors"] == ["Roshchin"]
    assert e["secondary_authors"] == ["Filippov"]  # A2: recipient
    assert e["subsidiary_authors"] == ["Goldberg, Gary"]  # A4: translator
    assert e["name_of_database"] == "RGASPI"  # DB: archive
    assert e["accession_number"] == "f. 558, op. 11, d. 334, ll. 0088\u20130089"  # AN
    assert e["notes"] == [ARCHIVAL, COPY]
    assert e["date"] == "1950/07/22/"
    assert e["urls"] == [BASE_URL]
    assert e["access_date"] == "2026/11/26/"


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_round_trip(path):
    """Title, authors and archival reference survive both formats for every document."""
    rec = cite.csl_json(xmlio.parse(path), accessed=ACCESSED)
    bib, ris = _bib(path), _ris(path)
    if "title" in rec:
        assert ris["title"] == rec["title"]
        assert bib["title"].strip("{}").replace("\\", "") == rec["title"]
    authors = rec.get("author", [])
    assert len(ris.get("authors", [])) == len(authors)
    for name in authors:
        assert (name.get("literal") or name["family"]) in bib["author"]
    archival = ", ".join(v for v in (rec.get("archive"), rec.get("archive_location")) if v)
    if archival:
        assert bib["note"].replace("\\", "") == archival
        assert ris["notes"][0] == archival
    if "note" in rec:
        assert bib["addendum"].replace("\\", "") == rec["note"]
        assert ris["notes"][-1] == rec["note"]
