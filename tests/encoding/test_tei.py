"""The TEI encoding of Ciphered Telegram No. 22591."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from .conftest import NS, TEI_FILE, XML_ID, XML_LANG

POINTER_ATTRS = ("ref", "corresp", "target", "resp", "who", "ana")


def xp(node, path):
    return node.xpath(path, namespaces=NS)


def test_parses_as_tei(tei):
    assert tei.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert xp(tei, "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")


def test_xml_model_pi_for_tei_all():
    head = TEI_FILE.read_text(encoding="utf-8")[:600]
    assert "<?xml-model" in head and "tei_all.rng" in head


def test_every_local_pointer_resolves(tei, ids):
    bad = []
    for e in tei.iter():
        if not isinstance(e.tag, str):
            continue
        for attr in POINTER_ATTRS:
            for tok in (e.get(attr) or "").split():
                if tok.startswith("#") and tok[1:] not in ids:
                    bad.append((etree.QName(e).localname, attr, tok))
    assert not bad, bad


def test_pointers_are_local(tei):
    for e in tei.iter():
        if isinstance(e.tag, str):
            for attr in POINTER_ATTRS:
                for tok in (e.get(attr) or "").split():
                    assert tok.startswith("#"), (etree.QName(e).localname, attr, tok)


def test_no_square_brackets_in_text_or_title(tei):
    nodes = xp(tei, "//tei:text//text() | //tei:titleStmt/tei:title//text()")
    assert nodes
    offending = [t for t in nodes if "[" in t or "]" in t]
    assert not offending, offending


@pytest.mark.parametrize("name", ["supplied", "note", "corr", "reg", "ex", "expan", "gloss"])
def test_interventions_have_declared_resp(tei, name):
    declared = {r.get(XML_ID) for r in xp(tei, "//tei:respStmt[@xml:id]")}
    assert {"translator", "wcda", "teikit"} <= declared
    elements = xp(tei, f"//tei:{name}")
    assert elements, f"no {name} in the document"
    for e in elements:
        resp = (e.get("resp") or "").split()
        assert resp, f"{name} without @resp: {etree.tostring(e, encoding='unicode')[:80]}"
        assert all(r.startswith("#") and r[1:] in declared for r in resp), resp


def test_revision_change_by_teikit(tei):
    change = xp(tei, "//tei:revisionDesc/tei:change[@when='2026-11-26']")
    assert change and change[0].get("who") == "#teikit"


BLOCKS = ("div", "head", "opener", "list", "item", "dateline", "p", "quote", "floatingText",
          "closer", "bibl")


def blocks(text_el):
    out = []
    for e in text_el.iter():
        if not isinstance(e.tag, str) or e is text_el:
            continue
        name = etree.QName(e).localname
        if name in BLOCKS or (name == "seg" and etree.QName(e.getparent()).localname == "opener"):
            out.append(e)
    return out


@pytest.mark.parametrize("lang,other", [("ru", "en"), ("en", "ru")])
def test_blocks_aligned_or_marked(tei, ids, lang, other):
    texts = xp(tei, f"//tei:group/tei:text[@xml:lang='{lang}']")
    assert len(texts) == 1
    found = blocks(texts[0])
    assert len(found) > 30
    for b in found:
        bid = b.get(XML_ID)
        assert bid, f"block without xml:id: {etree.tostring(b, encoding='unicode')[:80]}"
        corresp, ana = b.get("corresp"), b.get("ana")
        if corresp:
            assert ana != "#no-counterpart"
            target = ids[corresp[1:]]
            lang_of = target.xpath("ancestor-or-self::*[@xml:lang][1]/@xml:lang")[0]
            assert lang_of == other, (bid, corresp)
            assert target.get("corresp") == f"#{bid}", f"{corresp} does not point back to {bid}"
        else:
            assert ana == "#no-counterpart", f"{bid} neither aligned nor marked"


def test_known_unaligned_blocks(ids):
    assert ids["ru-telegram-number"].get("ana") == "#no-counterpart"
    assert "Шифртелеграмма" in "".join(ids["ru-telegram-number"].itertext())
    assert ids["en-addressee"].get("ana") == "#no-counterpart"
    assert "Filippov" in "".join(ids["en-addressee"].itertext())


ERRORS = ["полкат", "следкующем", "полностю", "\u0043талину", "ФN", "Экз.N", "air", "22,.7.1950,",
          "решением", "the all the"]


@pytest.mark.parametrize("error", ERRORS)
def test_errors_kept_and_corrected(tei, error):
    hits = [e for e in xp(tei, "//tei:text//tei:sic | //tei:text//tei:orig")
            if "".join(e.itertext()) == error]
    assert hits, f"{error!r} is not in a sic/orig"
    for e in hits:
        partner = xp(e, "../tei:corr | ../tei:reg")
        assert etree.QName(e.getparent()).localname == "choice" and partner
        assert partner[0].get("resp") == "#teikit"
        assert "".join(partner[0].itertext()) != error


def test_latin_c_really_latin(tei):
    sic = [s for s in xp(tei, "//tei:sic") if "талину" in "".join(s.itertext())]
    assert sic and all("".join(s.itertext())[0] == "C" for s in sic)  # U+0043
    corr = xp(sic[0], "../tei:corr")[0]
    assert "".join(corr.itertext())[0] == "\u0421"  # CYRILLIC CAPITAL LETTER ES


def test_suzhou_note(tei, ids):
    notes = xp(tei, "//tei:text[@xml:lang='en']//tei:note[@type='editorial'][@resp='#teikit']")
    suzhou = [n for n in notes if "Suzhou" in "".join(n.itertext())]
    assert suzhou and "Xuzhou" in "".join(suzhou[0].itertext())
    target = ids[suzhou[0].get("target")[1:]]
    assert "".join(target.itertext()) == "Suzhou"
    assert target.get("ref") == "#xuzhou"


@pytest.mark.parametrize("names,ident", [
    (["Мукдена", "Мукден", "Mukden"], "mukden"),
    (["Андунь", "Andong"], "andong"),
    (["Рощина", "Roshchin", "Roschin"], "roshchin"),
    (["Stalin", "Filippov"], "stalin"),
    (["Мао Цзэдун", "Мао Цзэдуна", "Mao Zedong"], "mao"),
])
def test_one_entry_per_entity(tei, names, ident):
    for name in names:
        source = ".//text()[not(ancestor::tei:reg or ancestor::tei:corr)]"
        refs = {e.get("ref") for e in xp(tei, "//*[@ref]") if "".join(xp(e, source)) == name}
        assert refs == {f"#{ident}"}, (name, refs)
    # Dandong is the translator's gloss on Andong, pointing at it
    gloss = [g for g in xp(tei, "//tei:gloss") if "".join(g.itertext()) == "Dandong"]
    assert gloss


def test_entity_entries_unique_and_bilingual(tei):
    entries = xp(tei, "//tei:standOff//tei:person | //tei:standOff//tei:place")
    assert len(entries) > 20
    for e in entries:
        langs = {n.get(XML_LANG) for n in e if etree.QName(n).localname.endswith("Name")}
        if e.get(XML_ID) != "goldberg":
            assert {"ru", "en"} <= langs, e.get(XML_ID)
    for kind in ("persName", "placeName", "orgName"):
        for e in xp(tei, f"//tei:text//tei:{kind}"):
            assert e.get("ref"), etree.tostring(e, encoding="unicode")[:80]


def test_no_external_identifiers(tei):
    for e in tei.iter():
        if isinstance(e.tag, str):
            for v in e.attrib.values():
                assert not re.search(r"viaf|geonames|wikidata", v, re.I)


def test_dates_normalised(tei):
    dates = xp(tei, "//tei:text//tei:date")
    assert dates
    for d in dates:
        assert d.get("when") or (d.get("from") and d.get("to")), \
            etree.tostring(d, encoding="unicode")
    spans = {(d.get("from"), d.get("to")) for d in dates if d.get("from")}
    assert ("1950-12", "1951-01") in spans and ("1951-03", "1951-04") in spans
    assert "1950-11" in {d.get("when") for d in dates}
    assert xp(tei, "//tei:text//tei:time[@when='14:30:00']")


def test_no_urls_except_model_pi_and_namespace():
    raw = TEI_FILE.read_text(encoding="utf-8")
    allowed = {
        "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
        "http://relaxng.org/ns/structure/1.0",
        "http://purl.oclc.org/dsdl/schematron",
        "http://www.tei-c.org/ns/1.0",
    }
    urls = set(re.findall(r"https?://[^\s\"'<>]+", raw))
    assert urls <= allowed, urls - allowed
    assert "www." not in re.sub("|".join(map(re.escape, allowed)), "", raw)


def test_header_facts(tei):
    ms = xp(tei, "//tei:sourceDesc/tei:msDesc/tei:msIdentifier")[0]
    assert xp(ms, "string(tei:repository)") == "RGASPI"
    assert [xp(ms, f"string(tei:idno[@type='{t}'])") for t in ("fond", "opis", "delo")] == \
        ["558", "11", "334"]
    assert xp(ms, "string(tei:altIdentifier/tei:idno)") == "mm97083838"
    assert xp(tei, "string(//tei:funder)") == "Leon Levy Foundation"
    abstract = " ".join(xp(tei, "string(//tei:abstract)").split())
    assert abstract == ("Mao Zedong informs Stalin of China's military and strategic maneuvers "
                        "in summer 1950 as a result of the Korean War.")
    ids_decl = set(xp(tei, "//tei:editorialDecl//tei:p/@xml:id"))
    for kind in ("expansion", "supplied", "gloss", "translator-note", "editor-note",
                 "attribution", "archival-ref", "sic-corr", "orig-reg", "gap", "unclear"):
        assert f"sign-{kind}" in ids_decl
