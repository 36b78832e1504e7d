"""The citation trees of a TEI document: the one function both DTS publishers use.

:func:`citation_trees` is what ``teikit serve`` (``/dts``) and ``teikit build`` (the
static DTS) read. A document's trees come from its ``refsDecl/citeStructure``
declarations (TEI's own mechanism, which DTS follows; one tree per ``refsDecl``, the one
with ``@default="true"`` first); a document that declares none gets the default tree
derived from its structure (:func:`default_tree`, documented in docs/dts.md):

* level 1: the divisions of the body (``div``, ``div1``…``div7``; the texts of a
  ``group``; for a ``teiCorpus``, its documents' texts), with ``front`` and ``back`` as
  units of their own; a body without divisions gives its paragraphs directly;
* inside a division, its subdivisions, and every other child holding text (``head``,
  ``p``, ``lg``, ``sp``, ``stage``, ``list``, ``opener``, ``closer``…) as a leaf unit.

So a novel is cited by chapter and paragraph, a play by act, scene and speech, a letter
by paragraph, and every word of the text lies in exactly one unit of each level (a
unit with no subunits counts at the levels below it). Identifiers are built from the
source only (``@n`` where it is present, safe and unique, else the position), so they
are the same in every run on an unchanged document: divisions ``1``, ``2`` or their
``@n``; leaves the element name and its number among its like, e.g. ``3.p12``
(chapter 3, paragraph 12) or ``1.2.sp5`` (act 1, scene 2, speech 5).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ...xmlio import TEI_NS
from . import xpath

T = f"{{{TEI_NS}}}"
DC_TERMS = "http://purl.org/dc/terms/"
DIVISIONS = {"div", *(f"div{i}" for i in range(1, 8))}
_UNSAFE = set(" \t\r\n./\\?#%;&=+\"'<>[]{}|^`")
_RESERVED = {"front", "back", "body"}


@dataclass(eq=False)
class Unit:
    """A citable unit: an element, or a milestone (an empty element) and what follows it."""

    identifier: str
    cite_type: str
    level: int
    node: etree._Element
    parent: Unit | None = None
    children: list[Unit] = field(default_factory=list)
    milestone: bool = False
    index: int = 0  # position in the tree's pre-order (= document order) list
    last: int = 0  # index of its last descendant (itself when it has none)
    dublin_core: dict[str, list[str]] = field(default_factory=dict)
    extensions: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class CitationTree:
    identifier: str | None  # None for the default (first) tree
    structure: list[dict]  # the CiteStructure objects of DTS
    units: list[Unit]  # pre-order, document order
    description: str = ""
    declared: bool = False  # from refsDecl/citeStructure (else derived by teikit)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.by_id = {u.identifier: u for u in self.units}
        self.roots = [u for u in self.units if u.parent is None]
        self.max_depth = max((u.level for u in self.units), default=0)

    def json(self) -> dict:
        out: dict = {"@type": "CitationTree"}
        if self.identifier is not None:
            out["identifier"] = self.identifier
        out["citeStructure"] = self.structure
        if self.description:
            out["description"] = self.description
        return out


def citation_trees(tree: etree._ElementTree) -> list[CitationTree]:
    """Every citation tree of ``tree``, the default first (DTS's ``citationTrees``).

    A declared tree that cannot be evaluated (an XPath lxml does not read, no units) is
    left out with its reason in the default tree's ``problems``; when none remains the
    derived default tree is used. A document with no text has no tree at all.
    """
    root = tree.getroot()
    trees, problems = declared_trees(root)
    if not trees:
        derived = default_tree(root)
        derived.problems.extend(problems)
        trees = [derived] if derived.units else []
    else:
        trees[0].problems.extend(problems)
    for i, t in enumerate(trees):
        if i == 0:
            t.identifier = None
        elif t.identifier is None:
            t.identifier = f"tree{i + 1}"
    return trees


# -- the default tree ------------------------------------------------------------------
def default_tree(root: etree._Element) -> CitationTree:
    """The tree teikit derives from a document's structure (see the module docstring)."""
    units: list[Unit] = []
    for unit in _top_units(root):
        _flatten(unit, units)
    _number(units)
    return CitationTree(None, _structure_of(units), units,
                        description="derived by teikit from the document's divisions "
                                    "(no refsDecl/citeStructure declared)")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _tei(el: etree._Element, *names: str) -> bool:
    return isinstance(el.tag, str) and el.tag.startswith(T) and _local(el) in names


def _has_text(el: etree._Element) -> bool:
    return any(s.strip() for s in el.itertext())


def _own_text(el: etree._Element) -> bool:
    """Text directly inside ``el`` (not in a child element)."""
    return bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)


def _top_units(root: etree._Element) -> list[Unit]:
    if _tei(root, "teiCorpus"):
        texts = [t for t in root.iter(f"{T}text") if _tei(t.getparent(), "TEI")]
        return _siblings([(t, "division", "text") for t in texts], level=1, parent=None,
                         n_of=lambda el: el.getparent().get("n"))
    text = root.find(f"{T}text")
    return _text_units(text, 1, None) if text is not None else []


def _text_units(text: etree._Element, level: int, parent: Unit | None) -> list[Unit]:
    """The units of a ``text``: front and back as units, the body's (or group's) divisions."""
    specs: list[tuple[etree._Element, str, str]] = []
    for child in text:
        if not isinstance(child.tag, str) or not _has_text(child):
            continue
        if _tei(child, "front", "back"):
            specs.append((child, "region", _local(child)))
        elif _tei(child, "body", "group") and not _own_text(child):
            specs.extend(_child_specs(child))
        else:
            specs.append((child, "region", _local(child)))
    return _siblings(specs, level, parent)


def _child_specs(el: etree._Element) -> list[tuple[etree._Element, str, str]]:
    """(element, kind, citeType) of the children of ``el`` that are units."""
    specs = []
    for child in el:
        if not isinstance(child.tag, str) or not _has_text(child):
            continue
        name = _local(child)
        if _tei(child, *DIVISIONS):
            specs.append((child, "division", child.get("type") or name))
        elif _tei(child, "text", "group") and _tei(el, "group"):
            specs.append((child, "division", "text"))
        else:
            specs.append((child, "leaf", name))
    return specs


def _siblings(specs, level: int, parent: Unit | None, n_of=None) -> list[Unit]:
    """Units of one parent with identifiers unique among themselves."""
    n_of = n_of or (lambda el: el.get("n"))
    segments = _segments(specs, n_of)
    prefix = f"{parent.identifier}." if parent is not None else ""
    units = []
    for (el, kind, cite_type), seg in zip(specs, segments, strict=True):
        unit = Unit(prefix + seg, cite_type, level, el, parent)
        if kind == "division":
            _add_title(unit)
        if kind in ("division", "region") and not _own_text(el):
            if _tei(el, "text"):
                unit.children = _text_units(el, level + 1, unit)
            else:
                unit.children = _siblings(_child_specs(el), level + 1, unit)
        units.append(unit)
    return units


def _segments(specs, n_of) -> list[str]:
    """The last part of each unit's identifier (see the module docstring)."""
    segs: list[str | None] = [None] * len(specs)
    for i, (el, kind, _t) in enumerate(specs):
        if kind == "region":
            segs[i] = _local(el)
    divisions = [i for i, s in enumerate(specs) if s[1] == "division"]
    ns = [(n_of(specs[i][0]) or "").strip() for i in divisions]
    use_n = (all(_safe(n) and n not in _RESERVED for n in ns) and len(set(ns)) == len(ns))
    for k, i in enumerate(divisions):
        segs[i] = ns[k] if use_n else str(k + 1)
    names: dict[str, list[int]] = {}
    for i, (el, kind, _t) in enumerate(specs):
        if kind == "leaf":
            names.setdefault(_local(el), []).append(i)
    for name, idx in names.items():
        ns = [(specs[i][0].get("n") or "").strip() for i in idx]
        use_n = all(_safe(n) for n in ns) and len(set(ns)) == len(ns)
        for k, i in enumerate(idx):
            segs[i] = f"{name}{ns[k] if use_n else k + 1}"
    if len(set(segs)) != len(segs):  # e.g. a division's @n equal to a leaf's name
        counts: dict[str, int] = {}
        for i, (el, kind, _t) in enumerate(specs):
            if kind != "region":
                key = "" if kind == "division" else _local(el)
                counts[key] = counts.get(key, 0) + 1
                segs[i] = f"{key}{counts[key]}"
    return [s or "" for s in segs]


def _safe(n: str) -> bool:
    return bool(n) and not any(ch in _UNSAFE for ch in n) and len(n) <= 64


def _add_title(unit: Unit) -> None:
    heads = [c for c in unit.node if _tei(c, "head")]
    if heads:
        title = " ".join(" ".join("".join(h.itertext()).split()) for h in heads).strip()
        if title:
            unit.dublin_core["title"] = [title]


# -- declared trees (refsDecl/citeStructure) ---------------------------------------------
@dataclass
class _Structure:
    match: etree.XPath
    use: str
    use_xp: etree.XPath | None
    unit: str
    delim: str
    children: list[_Structure]
    data: list[tuple[str, etree.XPath]]


def declared_trees(root: etree._Element) -> tuple[list[CitationTree], list[str]]:
    """The trees a document declares, and why any declared one was left out."""
    decls = [r for r in root.iter(f"{T}refsDecl")
             if r.find(f"{T}citeStructure") is not None and _in_own_header(r, root)]
    decls.sort(key=lambda r: r.get("default") != "true")
    trees, problems = [], []
    for decl in decls:
        name = decl.get("n")
        try:
            structures = [_read_structure(cs) for cs in decl.findall(f"{T}citeStructure")]
            units = _declared_units(root, structures)
        except xpath.XPathError as exc:
            problems.append(f"citation tree {name or '(unnamed)'} left out: {exc}")
            continue
        if not units:
            problems.append(f"citation tree {name or '(unnamed)'} left out: its "
                            "citeStructure matches nothing")
            continue
        _number(units)
        t = CitationTree(name, [_structure_json(s) for s in structures], units,
                         declared=True)
        t.problems.extend(_duplicates(units))
        trees.append(t)
    return trees, problems


def _in_own_header(decl: etree._Element, root: etree._Element) -> bool:
    header = root.find(f"{T}teiHeader")
    return header is not None and any(a is header for a in decl.iterancestors())


def _read_structure(cs: etree._Element) -> _Structure:
    nsmap = cs.nsmap
    use = (cs.get("use") or "").strip()
    if not cs.get("match") or not use:
        raise xpath.XPathError("a citeStructure needs @match and @use")
    return _Structure(
        match=xpath.compile_xpath(cs.get("match"), nsmap),
        use=use,
        use_xp=None if use == "position()" else xpath.compile_xpath(use, nsmap),
        unit=(cs.get("unit") or "unit").strip(),
        delim=cs.get("delim") or "",
        children=[_read_structure(c) for c in cs.findall(f"{T}citeStructure")],
        data=[(d.get("property", ""), xpath.compile_xpath(d.get("use", ""), nsmap))
              for d in cs.findall(f"{T}citeData") if d.get("use") and d.get("property")],
    )


def _structure_json(s: _Structure) -> dict:
    out: dict = {"@type": "CiteStructure", "citeType": s.unit}
    if s.children:
        out["citeStructure"] = [_structure_json(c) for c in s.children]
    return out


def _declared_units(root: etree._Element, structures: list[_Structure]) -> list[Unit]:
    order = {el: i for i, el in enumerate(root.iter())}
    top = _match_level(root, structures, None, 1, order, window=None)
    units: list[Unit] = []
    for u in top:
        _flatten(u, units)
    return units


def _match_level(context: etree._Element, structures: list[_Structure], parent: Unit | None,
                 level: int, order: dict, window: tuple[int, int] | None) -> list[Unit]:
    found: list[tuple[int, etree._Element, _Structure, int]] = []
    for s in structures:
        nodes = [n for n in xpath.evaluate(s.match, context) if isinstance(n, etree._Element)]
        if window is not None:
            nodes = [n for n in nodes if window[0] <= order.get(n, -1) < window[1]]
        for pos, node in enumerate(nodes, 1):
            found.append((order.get(node, 0), node, s, pos))
    found.sort(key=lambda f: f[0])
    units = []
    for k, (_o, node, s, pos) in enumerate(found):
        value = str(pos) if s.use_xp is None else _first_string(s.use_xp, node)
        ident = value if parent is None else f"{parent.identifier}{s.delim}{value}"
        unit = Unit(ident, s.unit, level, node, parent, milestone=_is_milestone(node))
        _cite_data(unit, s)
        if s.children:
            if unit.milestone:  # children follow the milestone up to the next one
                nxt = next((f[0] for f in found[k + 1:] if f[2] is s), len(order))
                ctx = node.getparent() if node.getparent() is not None else node
                unit.children = _match_level(ctx, s.children, unit, level + 1, order,
                                             (order[node], nxt))
            else:
                unit.children = _match_level(node, s.children, unit, level + 1, order,
                                             window)
        units.append(unit)
    return units


def _first_string(xp: etree.XPath, node: etree._Element) -> str:
    result = xpath.evaluate(xp, node)
    return " ".join(xpath.as_string(result[0]).split()) if result else ""


def _is_milestone(node: etree._Element) -> bool:
    return len(node) == 0 and not (node.text or "").strip()


def _cite_data(unit: Unit, s: _Structure) -> None:
    for prop, xp in s.data:
        values = [v for v in (" ".join(xpath.as_string(r).split())
                              for r in xpath.evaluate(xp, unit.node)) if v]
        if not values:
            continue
        if prop.startswith(DC_TERMS):
            unit.dublin_core.setdefault(prop[len(DC_TERMS):], []).extend(values)
        else:
            unit.extensions.setdefault(prop, []).extend(values)


def _duplicates(units: list[Unit]) -> list[str]:
    seen: set[str] = set()
    dups = []
    for u in units:
        if u.identifier in seen:
            dups.append(f"identifier {u.identifier!r} is given to more than one unit; "
                        "only the first can be requested")
        seen.add(u.identifier)
    return dups


# -- shared helpers ----------------------------------------------------------------------
def _flatten(unit: Unit, out: list[Unit]) -> None:
    out.append(unit)
    for child in unit.children:
        _flatten(child, out)


def _number(units: list[Unit]) -> None:
    for i, u in enumerate(units):
        u.index = i
    for u in reversed(units):
        u.last = u.children[-1].last if u.children else u.index


def _structure_of(units: list[Unit]) -> list[dict]:
    """The CiteStructure of a derived tree: every citeType path that occurs."""
    top: list[dict] = []
    slots: dict[int, list[dict]] = {}
    for u in units:
        siblings = top if u.parent is None else slots[id(u.parent)]
        entry = next((s for s in siblings if s["citeType"] == u.cite_type), None)
        if entry is None:
            entry = {"@type": "CiteStructure", "citeType": u.cite_type}
            siblings.append(entry)
        if u.children:
            slots[id(u)] = entry.setdefault("citeStructure", [])
    return top


def iter_levels(tree: CitationTree) -> Iterator[tuple[int, list[Unit]]]:
    """For each depth d: the units at level d and the leaves above it, in document order
    (the cut of the tree at depth d; together they cover what the tree covers)."""
    for depth in range(1, tree.max_depth + 1):
        yield depth, [u for u in tree.units
                      if u.level == depth or (u.level < depth and not u.children)]
