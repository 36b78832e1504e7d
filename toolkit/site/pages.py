"""The facts the site-level pages are made of, gathered per document.

:func:`doc_info` (the home page's row, the About page's texts), :func:`occurrences` (named
entities in the text) and :func:`entities` (the entities a document lists) return plain
values, so that a parallel build can collect them from workers and the incremental build
can keep them; :mod:`toolkit.site.home`, :mod:`toolkit.site.register` and
:mod:`toolkit.site.assemble` turn them into pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .. import xmlio

T = f"{{{xmlio.TEI_NS}}}"
XML_ID = f"{{{xmlio.XML_NS}}}id"
XML_LANG = f"{{{xmlio.XML_NS}}}lang"
NS = {"t": xmlio.TEI_NS}

#: entity element → register section
ENTITY_TYPES = {"persName": "person", "placeName": "place", "orgName": "organisation",
                "name": "name", "rs": "name"}
SECTIONS = {"person": "Persons", "place": "Places", "organisation": "Organisations",
            "name": "Other names"}
_NOT_ID = re.compile(r"[^A-Za-z0-9_\-]")


def entity_key(ref: str) -> str:
    """The register anchor of a @ref (xslt/html/functions.xsl tk:html-entity-key agrees)."""
    r = ref.split()[0] if ref.split() else ""
    return r[1:] if r.startswith("#") else "ext-" + _NOT_ID.sub("_", r)


@dataclass
class DocInfo:
    """What the home page says about one document."""

    stem: str
    title: str
    date: str = ""
    place: str = ""
    senders: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # label -> href relative to the site
    authors: list[str] = field(default_factory=list)  # titleStmt/author
    type: str = ""  # document type, where the TEI says it (see doc_type)
    collection: str = ""  # the source's subfolder ('' at the top)
    project: list[str] = field(default_factory=list)  # encodingDesc/projectDesc paragraphs
    editorial: list[str] = field(default_factory=list)  # encodingDesc/editorialDecl paragraphs
    signs: list[list[str]] = field(default_factory=list)  # legend: [key, sample, label, text]


@dataclass
class Occurrence:
    """One named entity in a document's text."""

    key: str
    type: str
    text: str  # the spelling, as the reading text shows it
    stem: str
    anchor: str  # id of the occurrence in the document's HTML page (tk-occ-N)
    lang: str = ""
    ref: str = ""  # the @ref as the TEI gives it (resolved across the edition by the register)


@dataclass
class Entity:
    """A register entry: its names as the TEI lists give them."""

    key: str
    type: str
    names: list[str] = field(default_factory=list)
    note: str = ""
    label: str = ""  # the English name when listed, else the first
    sort: str = ""  # persons: surname, forename (else @sort/reg, else last word); else name
    heading: str = ""  # persons: "Surname, Forename" when the TEI has the parts
    life: list[str] = field(default_factory=list)  # "Born: 15. 5. 1862, Wien", as the TEI says
    coords: str = ""  # location/geo, as the TEI gives it
    links: list[list[str]] = field(default_factory=list)  # [label, url] from idno/@sameAs


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


def reading_text(el: etree._Element) -> str:
    """The reading text of an element: corr/reg/expan of a choice, no notes."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name == "choice":
            branch = next((c for c in child if isinstance(c.tag, str) and etree.QName(c).localname
                           in ("corr", "reg", "expan")), None)
            if branch is None:
                branch = next((c for c in child if isinstance(c.tag, str)), None)
            parts.append(reading_text(branch) if branch is not None else "")
        elif name == "gloss":
            parts.append(f"[{reading_text(child)}]")
        elif name != "note":
            parts.append(reading_text(child))
        parts.append(child.tail or "")
    return _norm("".join(parts))


def _header(tree: etree._ElementTree) -> etree._Element | None:
    return tree.getroot().find(f"{T}teiHeader")


def doc_info(tree: etree._ElementTree, stem: str) -> DocInfo:
    """Title, date, place, correspondents and languages from the teiHeader."""
    h = _header(tree)
    x = (lambda p: h.xpath(p, namespaces=NS)) if h is not None else (lambda p: [])
    titles = x("t:fileDesc/t:titleStmt/t:title[@type='main']") or \
        x("t:fileDesc/t:titleStmt/t:title")
    title = reading_text(titles[0]) if titles else stem
    cd = x("t:profileDesc/t:correspDesc[1]")
    sent = cd[0].xpath("t:correspAction[@type='sent']", namespaces=NS) if cd else []
    recv = cd[0].xpath("t:correspAction[@type='received']", namespaces=NS) if cd else []
    dates = (sent[0].xpath("t:date", namespaces=NS) if sent else []) or \
        x("t:profileDesc/t:creation//t:date") or x("t:fileDesc/t:sourceDesc//t:date")
    date = ""
    if dates:
        d = dates[0]
        date = d.get("when") or d.get("notBefore") or d.get("from") or _norm(d.xpath("string()"))
    places = (sent[0].xpath("t:placeName", namespaces=NS) if sent else []) or \
        x("t:profileDesc/t:creation//t:placeName")
    names = "t:persName|t:orgName|t:name"
    langs = x("t:profileDesc/t:langUsage/t:language/@ident") or \
        [v for v in tree.getroot().xpath("t:text/@xml:lang|t:text/t:group/t:text/@xml:lang",
                                          namespaces=NS)] or \
        tree.getroot().xpath("@xml:lang")
    return DocInfo(
        stem=stem, title=title or stem, date=date,
        place=reading_text(places[0]) if places else "",
        senders=[reading_text(e) for a in sent for e in a.xpath(names, namespaces=NS)],
        recipients=[reading_text(e) for a in recv for e in a.xpath(names, namespaces=NS)],
        languages=list(dict.fromkeys(str(v) for v in langs)),
        authors=[reading_text(a) for a in x("t:fileDesc/t:titleStmt/t:author")],
        type=doc_type(tree), project=_paras(x("t:encodingDesc/t:projectDesc")),
        editorial=_paras(x("t:encodingDesc/t:editorialDecl")))


def occurrences(tree: etree._ElementTree, stem: str) -> list[Occurrence]:
    """Every persName/placeName/orgName/name/rs with @ref in the text, in document order.

    The n-th one is ``tk-occ-n`` in the HTML page (xslt/html/entities.xsl counts the same).
    """
    out: list[Occurrence] = []
    tags = [f"{T}{n}" for n in ENTITY_TYPES]
    n = 0
    for el in tree.getroot().iter(*tags):
        ref = (el.get("ref") or "").strip()
        if not ref or next(el.iterancestors(f"{T}text"), None) is None:
            continue
        n += 1
        lang = next((a.get(XML_LANG) for a in el.iterancestors() if a.get(XML_LANG)), "")
        out.append(Occurrence(entity_key(ref), ENTITY_TYPES[etree.QName(el).localname],
                              reading_text(el), stem, f"tk-occ-{n}", lang or "",
                              ref.split()[0]))
    return out


def entities(tree: etree._ElementTree) -> dict[str, Entity]:
    """The entities a document lists (listPerson, listPlace, listOrg), by key."""
    out: dict[str, Entity] = {}
    kinds = {"person": ("person", "persName"), "place": ("place", "placeName"),
             "org": ("organisation", "orgName")}
    for tag, (typ, name_tag) in kinds.items():
        for e in tree.getroot().iter(f"{T}{tag}"):
            key = e.get(XML_ID)
            if not key:
                continue
            els = list(e.iter(f"{T}{name_tag}"))
            names = [n for n in dict.fromkeys(reading_text(n) for n in els) if n]
            en = [reading_text(n) for n in els if n.get(XML_LANG) == "en"]
            notes = [_norm(n.xpath("string()")) for n in e.findall(f"{T}note")]
            out[key] = Entity(key, typ, names, " ".join(notes), (en or names or [key])[0],
                              **_entity_details(e, typ, names))
    return out


def doc_type(tree: etree._ElementTree) -> str:
    """The kind of document where the TEI says it: correspDesc/@type (telegram, letter…), a
    genre term of textClass, a keywords scheme about types or genres; else what the encoding
    itself shows: correspondence (a correspDesc), drama (speeches); else ''."""
    root = tree.getroot()
    x = lambda p: root.xpath(p, namespaces=NS)  # noqa: E731
    for path in ("t:teiHeader/t:profileDesc/t:correspDesc/@type",
                 "t:teiHeader/t:profileDesc/t:textClass/t:keywords/t:term"
                 "[@type='genreTitle' or @type='genre' or @type='type']",
                 "t:teiHeader/t:profileDesc/t:textClass/t:keywords[contains(@scheme, 'type') "
                 "or contains(@scheme, 'genre')]/t:term"):
            vals = x(path)
            if vals:
                v = vals[0] if isinstance(vals[0], str) else reading_text(vals[0])
                if _norm(v):
                    return _norm(v).lower()
    if x("t:teiHeader/t:profileDesc/t:correspDesc"):
        return "correspondence"
    if x("t:text//t:sp[1]"):
        return "drama"
    return ""


def _paras(els: list) -> list[str]:
    out = []
    for el in els:
        ps = el.findall(f".//{T}p") or [el]
        out += [t for t in (_norm(p.xpath("string()")) for p in ps) if t]
    return out


def _entity_details(e: etree._Element, typ: str, names: list[str]) -> dict:
    """Sort key, heading, life data, coordinates and authority links of a listed entity,
    each only as its TEI gives it."""
    x = lambda p: e.xpath(p, namespaces=NS)  # noqa: E731
    sort = heading = ""
    if typ == "person":
        pn = (x("t:persName") or [None])[0]
        if pn is not None:
            sur = " ".join(reading_text(s) for s in pn.findall(f"{T}surname"))
            fore = " ".join(reading_text(f) for f in pn.findall(f"{T}forename"))
            parts = sorted((p for p in pn if isinstance(p.tag, str) and p.get("sort")),
                           key=lambda p: p.get("sort"))
            reg = pn.find(f".//{T}reg")
            if sur:
                heading = f"{sur}, {fore}" if fore else sur
                sort = heading
            elif parts:
                sort = " ".join(reading_text(p) for p in parts)
            elif reg is not None:
                sort = reading_text(reg)
    if not sort and names:
        sort = names[0].split()[-1] if typ == "person" else names[0]
    life = []
    for tag, label in (("birth", "Born"), ("death", "Died"), ("floruit", "Active"),
                       ("location", "Location")):
        for ev in e.findall(f"{T}{tag}"):
            bits = [_norm(d.xpath("string()")) or d.get("when") or d.get("from", "")
                    for d in ev.findall(f"{T}date")]
            if not ev.findall(f"{T}date") and (ev.get("when") or ev.get("notBefore")):
                bits.append(ev.get("when") or f"not before {ev.get('notBefore')}")
            bits += [_place_name(p) for p in ev.xpath(
                "t:placeName|t:settlement|t:region|t:country", namespaces=NS)]
            bits += [_norm(a.xpath("string()")) for a in ev.findall(f"{T}address")]
            bits = [b for b in bits if b]
            if bits and tag != "location":
                life.append(f"{label}: {', '.join(bits)}")
    geo = [_norm(g.text) for g in e.xpath("t:location/t:geo", namespaces=NS) if _norm(g.text)]
    coords = _coords(geo[0]) if geo else ""
    links = []
    for idno in e.findall(f"{T}idno"):
        url = _norm(idno.text)
        if url.startswith(("http://", "https://")):
            links.append([idno.get("type") or url.split("/")[2], url])
    for url in (e.get("sameAs") or "").split():
        if url.startswith(("http://", "https://")):
            links.append([url.split("/")[2], url])
    return {"sort": sort, "heading": heading, "life": life, "coords": coords,
            "links": [list(li) for li in dict.fromkeys(tuple(li) for li in links)]}




def legend_signs(page) -> list[list[str]]:
    """The editorial signs a document page explains (its legend, ``section.tk-legend``):
    [key, sample, label, description], the description without the per-document counts."""
    out = []
    for div in page.xpath("//section[@id='tk-legend']/dl/div[starts-with(@id, 'tk-legend-')]"):
        dt, dd = div.find("dt"), div.find("dd")
        if dt is None or dd is None:
            continue
        sample = _norm("".join(dt.xpath(".//*[contains(@class, 'tk-legend-sample')]//text()")))
        label = _norm("".join(t for t in dt.xpath("text()")))
        text = _norm("".join(dd.xpath("text()")))
        text = re.sub(r"\s*\d+ in this document\.\s*$", "", text)
        out.append([div.get("id")[len("tk-legend-"):], sample, label, text])
    return out


def _place_name(el: etree._Element) -> str:
    """A place as named in a birth or death: its preferred (else first) placeName when it
    has some, else its own words (not the coordinates of a location inside it)."""
    names = el.xpath("t:placeName[@type='pref']|t:placeName", namespaces=NS) \
        if etree.QName(el).localname != "placeName" else []
    if names:
        return reading_text(names[0])
    return _norm(" ".join(t for t in el.xpath("text()|*[not(self::t:location)]//text()",
                                                   namespaces=NS)))


def _coords(geo: str) -> str:
    """A geo as the TEI gives it, labelled: "latitude 48,3, longitude 14,28333" for the
    default two numbers, else the text itself."""
    raw = geo.split()
    if len(raw) == 2 and all(any(c.isdigit() for c in p) for p in raw):
        return f"latitude {raw[0]}, longitude {raw[1]}"
    return geo
