"""The telegram's encoding after the reader's review (issue 16): checked against the source
page (../shared/seeds), never adding what it does not give."""

from __future__ import annotations

import re

import pytest

from .conftest import NS

SEED = "seeds/000_11b15cc1b0e4bba4.txt"


def xp(node, path):
    return node.xpath(path, namespaces=NS)


def text(e) -> str:
    return " ".join("".join(e.itertext()).split())


def source_reading(e) -> str:
    """An element's text as the source gives it (no corrections, regularisations)."""
    return "".join(xp(e, ".//text()[not(ancestor::tei:corr or ancestor::tei:reg "
                         "or ancestor::tei:note or ancestor::tei:supplied[@resp='#teikit'])]"))


@pytest.fixture(scope="module")
def seed(shared_dir) -> str:
    return " ".join((shared_dir / SEED).read_text(encoding="utf-8").split())


def test_funder_sentence_as_on_the_source_page(tei, seed):
    notes = xp(tei, "//tei:fileDesc/tei:notesStmt/tei:note[@type='funding']")
    assert len(notes) == 1 and notes[0].get("resp") == "#wcda"
    assert text(notes[0]) == ("This document was made possible with support from "
                              "Leon Levy Foundation")
    assert text(notes[0]) in seed
    assert xp(notes[0], "string(tei:orgName/@ref)") == "#leon-levy"


def test_archive_place_not_invented(tei, seed):
    """Moscow, Russia is not on the source page: no place in the identifier unless the
    edition marks it as its own knowledge."""
    ms = xp(tei, "//tei:msIdentifier")[0]
    for place in xp(ms, "tei:country | tei:region | tei:settlement"):
        assert place.get("resp") == "#teikit" and place.get("cert"), text(place)


def test_keywords_are_the_editions_own(tei):
    for keywords in xp(tei, "//tei:textClass/tei:keywords"):
        assert keywords.get("resp") == "#teikit"
        scheme = keywords.get("scheme")
        taxonomy = xp(tei, f"//tei:classDecl/tei:taxonomy[@xml:id='{scheme[1:]}']")
        assert scheme.startswith("#") and taxonomy
        assert "this edition" in text(taxonomy[0]).lower() or "teikit" in text(taxonomy[0])


def test_a_date_completed_by_the_edition_says_so(tei):
    """A date whose text gives no year (22.7, 22 July, Сегодня, today) is the edition's
    inference: resp and cert, as for Сегодня."""
    undated = [d for d in xp(tei, "//tei:text//tei:date[@when]")
               if not re.search(r"\d{4}", text(d))]
    assert {text(d) for d in undated} >= {"22.7", "22 July", "Сегодня", "today"}
    for d in undated:
        assert d.get("resp") == "#teikit" and d.get("cert") == "high", text(d)
    transmitted = xp(tei, "//tei:correspAction[@type='transmitted']/tei:date")[0]
    assert transmitted.get("resp") == "#teikit" and transmitted.get("cert")


@pytest.mark.parametrize("source,usual", [("Ляоянь", "Ляоян"), ("Андунь", "Андун")])
def test_place_name_spellings_regularised(tei, seed, source, usual):
    assert source in seed
    origs = [o for o in xp(tei, "//tei:text//tei:orig") if text(o) == source]
    assert origs
    for o in origs:
        reg = xp(o, "../tei:reg")
        assert reg and text(reg[0]) == usual and reg[0].get("resp") == "#teikit"
    register = xp(tei, f"//tei:standOff//tei:placeName[@type='regularised'][.='{usual}']")
    assert register and register[0].get("resp") == "#teikit"


DEPARTURES = [
    # (the English words annotated, a Russian phrase the note quotes)
    ("General-Major of Aviation Prutkov",
     "старшего советника по ВВС генерал-майора авиации Пруткова"),
    ("USSR Minister of Defense", "военного министра СССР"),
    ("combined aeronautical engineering schools of the Chinese NOA", "летно-технических"),
    ("combined aeronautical engineering schools of the Chinese NOA", "ВВС"),
    ("all the new materiel and equipment", "всей материальной части и техники"),
    ("instructors", "инструкторского и преподавательского состава"),
    ("to Filippov", None),
    ("Шифртелеграмма No. 22591", "Шифртелеграмма No. 22591"),
]


@pytest.fixture(scope="module")
def editorial_notes(tei):
    return xp(tei, "//tei:text//tei:note[@type='editorial']")


@pytest.mark.parametrize("english,russian", DEPARTURES)
def test_translation_departures_noted(tei, ids, editorial_notes, english, russian):
    notes = [n for n in editorial_notes
             if text(ids[n.get("target")[1:]]).startswith(english)]
    assert notes, f"no editorial note on {english!r}"
    note = notes[0]
    assert note.get("resp") == "#teikit"
    if russian:
        assert any(russian in text(m) for m in xp(note, "tei:mentioned[@xml:lang='ru']"))


def test_notes_compare_only_the_two_texts(tei, editorial_notes):
    """What an editorial note quotes is in the text it quotes: Russian from the Russian
    text, English from the English one (nothing from outside them)."""
    ru = " ".join(source_reading(xp(tei, "//tei:text[@xml:lang='ru']")[0]).split())
    en = " ".join(source_reading(xp(tei, "//tei:text[@xml:lang='en']")[0]).split())
    assert len(editorial_notes) >= 8
    for note in editorial_notes:
        for m in xp(note, "tei:mentioned"):
            where = ru if m.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru" else en
            assert text(m) in where, (text(m), text(note)[:60])
