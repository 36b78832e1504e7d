"""The register: persons (by surname), places and organisations (by name), other names.

Pointers are resolved across the edition: ``#id``, a bare ``id`` and ``file.xml#id`` all name
the entity an edition document declares with that ``xml:id`` (one entry however many
documents declare or mention it); the anchors the document pages link to (``ext-…`` for
pointers that are not ``#id``) stay valid as aliases of the entry. Each section is grouped
by initial letter with a jump bar; each entry gives the names and spellings found, life
data, coordinates and authority links only as the TEI gives them, and the occurrences
grouped by document (title and date). An entity with many occurrences also gets a page of
its own, ``register/KEY.html``, from the same data.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field

from .chrome import SiteInfo, page
from .pages import SECTIONS, DocInfo, Entity, Occurrence

#: an entity with at least this many occurrences gets a page of its own
PAGE_MIN = 8


@dataclass
class Entry:
    key: str
    type: str
    label: str
    sort: str
    entity: Entity | None
    occurrences: list[Occurrence] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # other anchors pages link to

    @property
    def has_page(self) -> bool:
        return len(self.occurrences) >= PAGE_MIN


def resolve(occ: Occurrence, known: dict[str, Entity], stems: set[str]) -> str:
    """The register key of an occurrence: the declared entity its pointer names, when an
    edition document declares it; else the pointer's own key."""
    ref = occ.ref or ""
    if ref.startswith("#") or "#" not in ref and "/" not in ref and ":" not in ref:
        ident = ref.lstrip("#")
        return ident if ident in known else occ.key
    path, _, ident = ref.partition("#")
    name = path.rsplit("/", 1)[-1]
    stem = name[:-4] if name.endswith(".xml") else name
    if ident and ident in known and (stem in stems or "://" not in path):
        return ident
    return occ.key


def entries(occs: list[Occurrence], known: dict[str, Entity], stems: set[str]) -> list[Entry]:
    """One entry per entity mentioned in the texts, in register order within each type."""
    by: dict[str, Entry] = {}
    for o in occs:
        key = resolve(o, known, stems)
        ent = known.get(key)
        if key not in by:
            label = (ent.heading or ent.label) if ent else (o.text or key)
            typ = ent.type if ent else o.type
            sort = (ent.sort if ent and ent.sort else
                    (label.split()[-1] if typ == "person" and label.split() else label))
            by[key] = Entry(key, typ, label, sort, ent)
        by[key].occurrences.append(o)
        if o.key != key:
            by[key].aliases.add(o.key)
    return sorted(by.values(), key=lambda e: (_fold(e.sort), _fold(e.label), e.key))


def _fold(s: str) -> str:
    """Sort form: no accents, case-folded."""
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c)).casefold()


def initial(entry: Entry) -> str:
    f = _fold(entry.sort).lstrip(" \"'([«„“")
    return f[0].upper() if f and f[0].isalpha() else "#"


def _entry_html(entry: Entry, docs: dict[str, DocInfo], root: str, level: int) -> str:
    e = html.escape
    ent = entry.entity
    h = f"h{level}"
    aliases = "".join(f'<span id="{e(a)}"></span>' for a in sorted(entry.aliases))
    parts = [f"<{h}>{e(entry.label)}</{h}>"]
    if ent and ent.names:
        parts.append(f'<p><span class="tk-label">Names:</span> {e("; ".join(ent.names))}</p>')
    for line in ent.life if ent else []:
        parts.append(f"<p>{e(line)}</p>")
    if ent and ent.coords:
        parts.append(f'<p><span class="tk-label">Coordinates:</span> {e(ent.coords)}</p>')
    if ent and ent.note:
        parts.append(f"<p>{e(ent.note)}</p>")
    if ent and ent.links:
        links = ", ".join(f'<a href="{e(url)}">{e(label)}</a>' for label, url in ent.links)
        parts.append(f'<p><span class="tk-label">Authority records:</span> {links}</p>')
    spellings: dict[str, int] = {}
    for o in entry.occurrences:
        spellings[o.text] = spellings.get(o.text, 0) + 1
    sp = ", ".join(f'<span class="tk-variant">{e(t)}</span> ({n})'
                   for t, n in sorted(spellings.items()))
    parts.append(f'<p><span class="tk-label">Spellings in the texts:</span> {sp}</p>')
    stems = list(dict.fromkeys(o.stem for o in entry.occurrences))
    rows = []
    for stem in stems:
        d = docs.get(stem)
        title = d.title if d else stem
        date = f' <span class="tk-date">({e(d.date)})</span>' if d and d.date else ""
        href = f"{root}{stem}/{stem}.html"
        mine = [o for o in entry.occurrences if o.stem == stem]
        each = ", ".join(f'<a href="{e(href)}#{e(o.anchor)}">{e(o.lang + " " if o.lang else "")}'
                         f"{i}</a>" for i, o in enumerate(mine, 1))
        rows.append(f'<li><a href="{e(href)}">{e(title)}</a>{date}: {each}</li>')
    n = len(entry.occurrences)
    parts.append(f'<p class="tk-label">{n} occurrence{"s" if n != 1 else ""} in '
                 f'{len(stems)} document{"s" if len(stems) != 1 else ""}:</p>'
                 f'<ul class="tk-occurrences">{"".join(rows)}</ul>')
    if entry.has_page and level > 1:
        parts.append(f'<p><a href="{root}register/{e(entry.key)}.html">'
                     f"{e(entry.label)} in this edition (page of its own)</a></p>")
    return aliases + "".join(parts)


def register_page(info: SiteInfo, all_entries: list[Entry], docs: dict[str, DocInfo]) -> str:
    """The register: a section per type, grouped by initial, with a jump bar each."""
    e = html.escape
    sections = []
    for typ, heading in SECTIONS.items():
        mine = [x for x in all_entries if x.type == typ]
        if not mine:
            continue
        groups: dict[str, list[Entry]] = {}
        for x in mine:
            groups.setdefault(initial(x), []).append(x)
        jump = " ".join(f'<a href="#tk-reg-{typ}-{e(k)}">{e(k)}</a>' for k in groups)
        body = "".join(
            f'<h3 id="tk-reg-{typ}-{e(k)}" class="tk-initial">{e(k)}</h3>'
            f'<ul class="tk-register">'
            + "".join(f'<li id="{e(x.key)}">{_entry_html(x, docs, "", 4)}</li>' for x in xs)
            + "</ul>" for k, xs in groups.items())
        sections.append(f'<section aria-labelledby="tk-reg-{typ}"><h2 id="tk-reg-{typ}">'
                        f'{heading} ({len(mine)})</h2>'
                        f'<nav class="tk-jump" aria-label="{heading} by initial">{jump}</nav>'
                        f"{body}</section>")
    toc = " · ".join(f'<a href="#tk-reg-{t}">{h}</a>' for t, h in SECTIONS.items()
                     if any(x.type == t for x in all_entries))
    body = ("<h1>Register</h1>" + (f'<p class="tk-toc">{toc}</p>' if toc else "")
            + ("".join(sections) or "<p>No named entities are linked in these texts.</p>"))
    return page(info, "Register", body, current="register.html")


def entity_page(info: SiteInfo, entry: Entry, docs: dict[str, DocInfo]) -> str:
    """``register/KEY.html``: one entity, its data and every occurrence."""
    e = html.escape
    body = (f'<p><a href="../register.html#{e(entry.key)}">Register</a></p>'
            f'<article class="tk-entity-page">{_entry_html(entry, docs, "../", 1)}</article>')
    return page(info, entry.label, body, root="../")
