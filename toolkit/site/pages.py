"""The site-level pages of an edition: the home page and the register, and the assets.

The per-document facts they need are gathered by :func:`doc_info` and
:func:`occurrences` (plain values, so a parallel build can collect them from workers);
:func:`home_page` and :func:`register_page` turn them into HTML; :func:`write_site`
writes both pages and the assets atomically.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..edition.resources import asset_text

T = f"{{{xmlio.TEI_NS}}}"
XML_ID = f"{{{xmlio.XML_NS}}}id"
XML_LANG = f"{{{xmlio.XML_NS}}}lang"
NS = {"t": xmlio.TEI_NS}

#: entity element → register section
ENTITY_TYPES = {"persName": "person", "placeName": "place", "orgName": "organisation",
                "name": "name", "rs": "name"}
SECTIONS = {"person": "Persons", "place": "Places", "organisation": "Organisations",
            "name": "Other names"}
ASSETS = ("edition.css", "edition.js")
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


@dataclass
class Occurrence:
    """One named entity in a document's text."""

    key: str
    type: str
    text: str  # the spelling, as the reading text shows it
    stem: str
    anchor: str  # id of the occurrence in the document's HTML page (tk-occ-N)
    lang: str = ""


@dataclass
class Entity:
    """A register entry: its names as the TEI lists give them."""

    key: str
    type: str
    names: list[str] = field(default_factory=list)
    note: str = ""
    label: str = ""  # the English name when listed, else the first


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
                                          namespaces=NS)]
    return DocInfo(
        stem=stem, title=title or stem, date=date,
        place=reading_text(places[0]) if places else "",
        senders=[reading_text(e) for a in sent for e in a.xpath(names, namespaces=NS)],
        recipients=[reading_text(e) for a in recv for e in a.xpath(names, namespaces=NS)],
        languages=list(dict.fromkeys(str(v) for v in langs)))


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
                              reading_text(el), stem, f"tk-occ-{n}", lang or ""))
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
            out[key] = Entity(key, typ, names, " ".join(notes),
                              (en or names or [key])[0])
    return out


# ---------------------------------------------------------------- pages

def _page(title: str, body: str, assets: str = "assets/") -> str:
    e = html.escape
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)}</title>"
            f'<link rel="stylesheet" href="{e(assets)}edition.css"></head>'
            f'<body class="tk-site"><main id="tk-text">{body}</main></body></html>\n')


def home_page(docs: list[DocInfo], title: str = "Edition") -> str:
    """The list of documents with their metadata and links to every output."""
    e = html.escape
    rows = []
    for d in sorted(docs, key=lambda d: (d.date, d.stem)):
        meta = []
        if d.date:
            meta.append(f"<dt>Date</dt><dd>{e(d.date)}</dd>")
        if d.place:
            meta.append(f"<dt>Place</dt><dd>{e(d.place)}</dd>")
        if d.senders:
            meta.append(f"<dt>From</dt><dd>{e('; '.join(d.senders))}</dd>")
        if d.recipients:
            meta.append(f"<dt>To</dt><dd>{e('; '.join(d.recipients))}</dd>")
        if d.languages:
            meta.append(f"<dt>Languages</dt><dd>{e(', '.join(d.languages))}</dd>")
        html_href = d.files.get("HTML", f"{d.stem}/{d.stem}.html")
        files = " · ".join(f'<a href="{e(h)}">{e(label)}</a>' for label, h in d.files.items())
        rows.append(f'<li class="tk-doc"><h2><a href="{e(html_href)}">{e(d.title)}</a></h2>'
                    f'<dl class="tk-meta">{"".join(meta)}</dl>'
                    f'<p class="tk-files">{files}</p></li>')
    body = (f"<h1>{e(title)}</h1><p>{len(docs)} document{'s' if len(docs) != 1 else ''}. "
            f'<a href="register.html">Register of persons, places and organisations</a>.</p>'
            f'<ul class="tk-doc-list">{"".join(rows)}</ul>')
    return _page(title, body)


def register_page(occs: list[Occurrence], known: dict[str, Entity],
                  titles: dict[str, str]) -> str:
    """Every entity named in the edition: its names, every spelling in the texts, and a
    link to every occurrence."""
    e = html.escape
    by_key: dict[str, list[Occurrence]] = {}
    for o in occs:
        by_key.setdefault(o.key, []).append(o)
    sections = []
    for typ, heading in SECTIONS.items():
        items = []
        for key in sorted(by_key, key=lambda k: _label(k, by_key[k], known).casefold()):
            group = by_key[key]
            ent = known.get(key)
            if (ent.type if ent else group[0].type) != typ:
                continue
            spellings: dict[str, int] = {}
            for o in group:
                spellings[o.text] = spellings.get(o.text, 0) + 1
            sp = ", ".join(f'<span class="tk-variant">{e(t)}</span> ({n})'
                           for t, n in sorted(spellings.items()))
            links = "; ".join(_doc_links(stem, [o for o in group if o.stem == stem],
                                         titles.get(stem, stem))
                              for stem in dict.fromkeys(o.stem for o in group))
            names = f"<p>Names: {e('; '.join(ent.names))}</p>" if ent and ent.names else ""
            note = f"<p>{e(ent.note)}</p>" if ent and ent.note else ""
            items.append(f'<li id="{e(key)}"><h3>{e(_label(key, group, known))}</h3>{names}'
                         f"{note}<p>Spellings in the texts: {sp}</p>"
                         f"<p>Occurrences ({len(group)}): {links}</p></li>")
        if items:
            sections.append(f'<section aria-labelledby="tk-reg-{typ}"><h2 id="tk-reg-{typ}">'
                            f'{heading}</h2><ul class="tk-register">{"".join(items)}</ul>'
                            f"</section>")
    body = ('<p><a href="index.html">All documents</a></p><h1>Register</h1>'
            + ("".join(sections) or "<p>No named entities are linked in these texts.</p>"))
    return _page("Register", body)


def _doc_links(stem: str, occs: list[Occurrence], title: str) -> str:
    """'Title: ru 1, ru 2, en 3' with a link to each occurrence."""
    e = html.escape
    page = f"{e(stem)}/{e(stem)}.html"
    each = ", ".join(f'<a href="{page}#{e(o.anchor)}">{e(o.lang + " " if o.lang else "")}{i}</a>'
                     for i, o in enumerate(occs, 1))
    return f'<a href="{page}">{e(title)}</a>: {each}'


def _label(key: str, group: list[Occurrence], known: dict[str, Entity]) -> str:
    ent = known.get(key)
    return ent.label if ent and ent.label else (group[0].text or key)


def write_site(out_dir: str | Path, docs: list[DocInfo], occs: list[Occurrence],
               known: dict[str, Entity], title: str = "Edition") -> list[Path]:
    """Write index.html, register.html and the assets; return the paths written."""
    out = Path(out_dir)
    titles = {d.stem: d.title for d in docs}
    written = [xmlio.write_atomic(out / "index.html", home_page(docs, title)),
               xmlio.write_atomic(out / "register.html", register_page(occs, known, titles))]
    written += copy_assets(out)
    return written


def copy_assets(out_dir: str | Path) -> list[Path]:
    """Copy edition.css and edition.js into OUT/assets/."""
    return [xmlio.write_atomic(Path(out_dir) / "assets" / name, asset_text(name))
            for name in ASSETS]
