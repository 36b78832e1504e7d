"""Documentation of elements, attributes and values: the ODD first, then the grammar.

An ODD (the edition's customisation) documents its elements (``elementSpec``), their
attributes (``attDef``) and closed values (``valItem``) with ``gloss`` and ``desc``,
possibly in several languages (``xml:lang``); the editor's language is preferred,
then English, then whatever there is. TEI's own documentation comes with tei_all.rng
as ``a:documentation`` (English), kept on the grammar's patterns by the loader
(:attr:`toolkit.validate.rng.Node.doc`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import xmlio

T = f"{{{xmlio.TEI_NS}}}"
_XML_LANG = f"{{{xmlio.XML_NS}}}lang"

Texts = dict[str, str]  # language ("" when undeclared) -> text


@dataclass
class OddDocs:
    """What one ODD says about elements, attributes and values."""

    elements: dict[str, Texts] = field(default_factory=dict)
    attributes: dict[tuple[str, str], Texts] = field(default_factory=dict)  # (owner, att)
    by_attribute: dict[str, Texts] = field(default_factory=dict)  # att -> first found
    values: dict[tuple[str, str], Texts] = field(default_factory=dict)  # (att, value)


def _texts(spec: etree._Element) -> Texts:
    """gloss and desc of a spec, by language: "(gloss) desc"."""
    out: Texts = {}
    for kind in ("gloss", "desc"):
        for el in spec.findall(T + kind):
            lang = el.get(_XML_LANG) or el.getparent().get(_XML_LANG) or ""
            text = " ".join("".join(el.itertext()).split())
            if not text:
                continue
            prev = out.get(lang)
            out[lang] = f"({text})" if kind == "gloss" else (f"{prev} {text}" if prev else text)
    return out


_ODD_CACHE: dict[tuple[str, float], OddDocs] = {}


def odd_docs(path: Path) -> OddDocs:
    """An ODD's documentation, read once per version of the file."""
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _ODD_CACHE:
        tree = xmlio.parse(path, xinclude=False)
        docs = OddDocs()
        for spec in tree.iter(T + "elementSpec", T + "classSpec"):
            owner = spec.get("ident", "")
            if spec.tag == T + "elementSpec":
                texts = _texts(spec)
                if texts:
                    docs.elements[owner] = texts
            for att in spec.iter(T + "attDef"):
                name = att.get("ident", "")
                texts = _texts(att)
                if texts:
                    docs.attributes[(owner, name)] = texts
                    docs.by_attribute.setdefault(name, texts)
                for item in att.iter(T + "valItem"):
                    texts = _texts(item)
                    if texts:
                        docs.values[(name, item.get("ident", ""))] = texts
        _ODD_CACHE[key] = docs
    return _ODD_CACHE[key]


def pick(texts: Texts | None, language: str | None) -> str | None:
    """The text in the editor's language, else English, else undeclared, else any."""
    if not texts:
        return None
    lang = (language or "").split("-")[0].lower()
    for want in (lang, "en", ""):
        for k, v in texts.items():
            if k.split("-")[0].lower() == want:
                return v
    return next(iter(texts.values()))


class Documentation:
    """Documentation lookups over the ODDs of a document's schemas."""

    def __init__(self, odds: list[Path], language: str | None) -> None:
        self.odds = []
        for p in odds:
            try:
                self.odds.append(odd_docs(p))
            except Exception:  # an unreadable ODD documents nothing; validation says why
                continue
        self.language = language

    def _odd(self, table: str, key) -> str | None:
        """The first ODD's text for ``key`` in one of its tables, in the language."""
        for odd in self.odds:
            found = pick(getattr(odd, table).get(key), self.language)
            if found:
                return found
        return None

    def element(self, local: str, pattern_doc: str | None) -> str | None:
        return self._odd("elements", local) or pattern_doc

    def attribute(self, owner: str, name: str, pattern_doc: str | None) -> str | None:
        """The ODD's text for this element's attribute, else the grammar's, else the
        ODD's for an attribute of that name elsewhere (a class)."""
        return (self._odd("attributes", (owner, name)) or pattern_doc
                or self._odd("by_attribute", name))

    def value(self, attribute: str, value: str, pattern_doc: str | None) -> str | None:
        return self._odd("values", (attribute, value)) or pattern_doc
