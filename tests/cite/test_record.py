"""The CSL-JSON record built from the TEI header."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TELEGRAM
from toolkit import xmlio
from toolkit.render import cite

from .conftest import ACCESSED, CASES


@pytest.fixture(scope="module")
def telegram() -> dict:
    return cite.csl_json(xmlio.parse(TELEGRAM), accessed=ACCESSED)


def test_telegram_record(telegram):
    assert telegram["type"] == "personal_communication"
    assert telegram["title"] == "Ciphered Telegram No. 22591 from Roschin to Filippov [Stalin]"
    assert telegram["author"] == [{"literal": "Roshchin"}]
    assert telegram["recipient"] == [{"literal": "Filippov"}]
    assert telegram["translator"] == [{"family": "Goldberg", "given": "Gary"}]
    # cited as an archival telegram: its kind, and its source publication as the record's
    # source, so that no style prints the telegram's date as a publication date
    assert telegram["genre"] == "telegram"
    assert "publisher" not in telegram
    assert telegram["issued"] == {"date-parts": [[1950, 7, 22]]}
    assert telegram["archive"] == "RGASPI"
    assert telegram["archive_location"] == "f. 558, op. 11, d. 334, ll. 0088\u20130089"
    assert telegram["source"] == "History and Public Policy Program"
    assert telegram["accessed"] == {"date-parts": [[2026, 11, 26]]}
    assert telegram["note"] == ("Copy also in Library of Congress, Manuscript Division, "
                                "Dmitri\u012d Antonovich Volkogonov papers, 1887-1995, "
                                "mm97083838")


def test_no_url_without_base_url(telegram):
    assert "URL" not in telegram


def test_url_and_default_accessed_date():
    rec = cite.csl_json(xmlio.parse(TELEGRAM), base_url="https://example.org/t")
    assert rec["URL"] == "https://example.org/t"
    today = dt.date.today()
    assert rec["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}


@pytest.mark.parametrize("name, key, value", [
    ("russian-single-folio.xml", "archive_location", "f. R-5446, op. 1, d. 77, l. 12"),
    ("russian-single-folio.xml", "author", [{"literal": "Ivanov"}]),
    ("russian-single-folio.xml", "issued", {"date-parts": [[1932, 11, 5]]}),
    ("russian-single-folio.xml", "type", "manuscript"),
    ("two-authors-structured.xml", "author", [{"family": "Karlsson", "given": "Anna"},
                                              {"family": "Meyer", "given": "Hans-Peter"}]),
    ("two-authors-structured.xml", "issued", {"date-parts": [[1999, 3]]}),
    ("two-authors-structured.xml", "type", "document"),
    ("three-authors-letter.xml", "archive_location", "Committee papers, Box 4, no. 12"),
    ("three-authors-letter.xml", "recipient", [{"family": "Dahl", "given": "Nils"},
                                               {"family": "Vik", "given": "Eva"}]),
])
def test_case_fields(name, key, value):
    rec = cite.csl_json(xmlio.parse(CASES / name), accessed=ACCESSED)
    assert rec[key] == value


def test_missing_fields_are_left_out():
    rec = cite.csl_json(xmlio.parse(CASES / "two-authors-structured.xml"), accessed=ACCESSED)
    for key in ("archive", "archive_location", "recipient", "URL"):
        assert key not in rec


def test_unknown_style_and_bad_date_are_usage_errors():
    tree = xmlio.parse(TELEGRAM)
    with pytest.raises(cite.CiteUsageError) as exc:
        cite.cite(tree, "harvard")
    assert exc.value.exit_code == 2
    with pytest.raises(cite.CiteUsageError):
        cite.cite(tree, "mla", accessed="22/07/1950")
    with pytest.raises(cite.CiteUsageError):
        cite.cite_many(tree, ["mla", "harvard"])


@pytest.mark.parametrize("path", [TELEGRAM, *sorted(CASES.glob("*.xml"))],
                         ids=lambda p: p.name)
def test_all_styles_at_once_equal_each_alone(path):
    tree = xmlio.parse(path)
    kw = {"accessed": ACCESSED, "base_url": "https://example.org/doc.html"}
    try:
        alone = {s: cite.cite(tree, s, **kw) for s in cite.STYLES}
    except cite.TeikitError:
        pytest.skip("not citable (tested elsewhere)")
    together = cite.cite_many(tree, reversed(cite.STYLES), **kw)
    assert list(together) == list(reversed(cite.STYLES))  # in the order asked
    assert together == alone
    assert cite.cite_many(tree, [], **kw) == {}


def test_telegram_cited_as_an_archival_telegram():
    """Issue 16: the manuals' form of an archival telegram or letter: a comma after the
    sender, the kind and recipient, the telegram's date after them (never after a
    publisher, as if it were a publication date), then the archive."""
    tree = xmlio.parse(TELEGRAM)
    note = cite.cite(tree, "chicago-note", accessed=ACCESSED)
    assert note.startswith("Roshchin, “Ciphered Telegram No. 22591")
    assert ",” telegram to Filippov, trans. Gary Goldberg, July 22, 1950, f. 558," in note
    assert note.rstrip().endswith("ll. 0088–0089, RGASPI.")
    assert "Telegram to Filippov. Translated by Gary Goldberg. July 22, 1950." in \
        cite.cite(tree, "chicago-bib", accessed=ACCESSED)
    assert "” Telegram. Translated by Gary Goldberg, 22 July 1950, RGASPI, f. 558" in \
        cite.cite(tree, "mla", accessed=ACCESSED)
    apa = cite.cite(tree, "apa", accessed=ACCESSED)
    assert "(G. Goldberg, Trans.) [Telegram to Filippov]. RGASPI (f. 558" in apa
    for style in ("chicago-note", "chicago-bib", "mla", "apa"):
        assert "Program, July" not in cite.cite(tree, style, accessed=ACCESSED)
