"""Derive the project's RELAX NG and Schematron from its ODD (schemas/teikit.odd).

TEI's own ODD processors (the Stylesheets, with Java and ant) are not used. This is a
small, faithful subset of what they do for a *narrowing* customisation:

* the element set is the union of every ``moduleRef/@include`` list, minus every
  ``elementSpec mode="delete"``; all other element patterns of tei_all.rng become
  ``notAllowed`` and the grammar is simplified (RELAX NG §4.19) and pruned;
* ``attDef`` with a closed ``valList`` (on an ``elementSpec`` or a ``classSpec``)
  replaces the datatype of that attribute by a choice of the listed values. Each value
  is checked against the datatype it replaces, so a list can only narrow, never widen;
* every ``constraintSpec scheme="schematron"`` becomes one ISO Schematron pattern.

The output is deterministic (tei_all's order, no timestamps), so a test can regenerate
it and compare byte for byte with the committed files.
"""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..xmlio import TEI_NS, parse

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSD_DT = "http://www.w3.org/2001/XMLSchema-datatypes"
R = f"{{{RNG_NS}}}"
T = f"{{{TEI_NS}}}"
S = f"{{{SCH_NS}}}"


class OddError(TeikitError):
    """The ODD asks for something the derivation cannot honour (e.g. a widening)."""


@dataclass
class AttRestriction:
    """A closed value list for one attribute of one element or attribute class."""

    owner: str  # element name or class ident
    owner_kind: str  # "element" | "class"
    attribute: str
    values: list[str]
    line: int = 0


@dataclass
class Customisation:
    """What the ODD asks for, read from its schemaSpec."""

    ident: str
    start: list[str]
    elements: set[str] = field(default_factory=set)
    restrictions: list[AttRestriction] = field(default_factory=list)
    constraints: list[etree._Element] = field(default_factory=list)


# --------------------------------------------------------------------------- reading the ODD

def read_customisation(odd: etree._ElementTree, file: str = "-") -> Customisation:
    """Read the schemaSpec of an ODD: element set, closed value lists, constraints."""
    spec = odd.getroot().find(f".//{T}schemaSpec")
    if spec is None:
        raise OddError("the ODD has no schemaSpec", file=file, line=1, column=1)
    custom = Customisation(spec.get("ident", "schema"), (spec.get("start") or "TEI").split())
    for mref in spec.iter(T + "moduleRef"):
        if mref.get("key") == "tei" and mref.get("include") is None:
            continue  # the tei module declares classes and macros, no elements
        if mref.get("include") is None:
            raise OddError(f"moduleRef key={mref.get('key')!r} needs an include list "
                           "(whole modules are not supported)", file=file,
                           line=mref.sourceline or 0, column=1)
        custom.elements.update(mref.get("include").split())
    for espec in spec.iter(T + "elementSpec"):
        ident = espec.get("ident", "")
        if espec.get("mode") == "delete":
            custom.elements.discard(ident)
            continue
        custom.restrictions += _closed_lists(espec, ident, "element")
    for cspec in spec.iter(T + "classSpec"):
        custom.restrictions += _closed_lists(cspec, cspec.get("ident", ""), "class")
    custom.constraints = [c for c in spec.iter(T + "constraintSpec")
                          if c.get("scheme") == "schematron"]
    return custom


def _closed_lists(spec: etree._Element, owner: str, kind: str) -> list[AttRestriction]:
    out = []
    for att in spec.iter(T + "attDef"):
        vlist = att.find(T + "valList")
        if vlist is None or vlist.get("type") != "closed":
            continue
        values = [v.get("ident") for v in vlist.findall(T + "valItem")]
        out.append(AttRestriction(owner, kind, att.get("ident", ""), values,
                                  att.sourceline or 0))
    return out


# --------------------------------------------------------------------------- narrowing

def _defines(grammar: etree._Element) -> dict[str, etree._Element]:
    return {d.get("name"): d for d in grammar.iterchildren(R + "define")}


def _rng_children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith(R)]


def _contains_attribute(node: etree._Element, name: str, defs: dict, seen: set) -> bool:
    """Whether a pattern (following refs, not entering elements) declares attribute name."""
    for el in node.iter(R + "attribute", R + "ref"):
        if el.tag == R + "attribute" and el.get("name") == name:
            return True
        if el.tag == R + "ref" and el.get("name") not in seen:
            target = defs.get(el.get("name"))
            seen.add(el.get("name"))
            if target is not None and target.find(f".//{R}element") is None \
                    and _contains_attribute(target, name, defs, seen):
                return True
    return False


def _inline_to_attribute(pattern: etree._Element, name: str, defs: dict) -> list:
    """Inline (copy) the refs of ``pattern`` that lead to attribute ``name``.

    Only this element's copy changes; other users of the shared class keep theirs.
    Returns the attribute patterns now directly inside ``pattern``.
    """
    while True:
        refs = [r for r in pattern.iter(R + "ref")
                if r.get("name") in defs
                and defs[r.get("name")].find(f".//{R}element") is None
                and _contains_attribute(defs[r.get("name")], name, defs, {r.get("name")})]
        if not refs:
            break
        for ref in refs:
            group = etree.Element(R + "group")
            for child in _rng_children(defs[ref.get("name")]):
                group.append(copy.deepcopy(child))
            group.tail = ref.tail
            ref.getparent().replace(ref, group)
    return [a for a in pattern.iter(R + "attribute") if a.get("name") == name]


def _value_fits(leaf: etree._Element, value: str) -> bool:
    """Whether ``value`` is valid against the datatype pattern ``leaf`` (libxml2 RNG)."""
    grammar = etree.Element(R + "element", name="x", nsmap={None: RNG_NS})
    grammar.set("datatypeLibrary", XSD_DT)
    att = etree.SubElement(grammar, R + "attribute", name="a")
    att.append(copy.deepcopy(leaf))
    doc = etree.Element("x", a=value)
    return etree.RelaxNG(grammar).validate(doc)


def _leaves(att: etree._Element) -> list[etree._Element]:
    """The datatype leaves of an attribute's value (not those inside an ``except``)."""
    if not _rng_children(att):  # <attribute name="x"/> means text
        return [etree.SubElement(att, R + "text")]
    return [el for el in att.iter(R + "data", R + "text", R + "value")
            if not any(a.tag in (R + "except", R + "data") for a in el.iterancestors())]


def _narrow(att: etree._Element, r: AttRestriction, file: str) -> None:
    """Replace each datatype leaf by a choice of the closed values it admits.

    A value no leaf admits would widen tei_all, so it is refused.
    """
    leaves = _leaves(att)
    fits = {id(leaf): [v for v in r.values if _value_fits(leaf, v)] for leaf in leaves}
    admitted = {v for vs in fits.values() for v in vs}
    bad = [v for v in r.values if v not in admitted]
    if bad:
        raise OddError(f"closed list for {r.owner}/@{r.attribute} would widen tei_all: "
                       f"{', '.join(bad)} not allowed by its datatype", file=file,
                       line=r.line, column=1)
    for leaf in leaves:
        choice = etree.Element(R + "choice")
        dtype = leaf.get("type", "token") if leaf.tag == R + "data" else "token"
        for v in fits[id(leaf)]:
            val = etree.SubElement(choice, R + "value", type=dtype)
            if leaf.tag != R + "data":
                val.set("datatypeLibrary", "")
            val.text = v
        if not len(choice):
            choice = etree.Element(R + "notAllowed")
        leaf.getparent().replace(leaf, choice)


def apply_restrictions(grammar: etree._Element, restrictions: Iterable[AttRestriction],
                       file: str = "-") -> None:
    """Narrow attribute values in place, per element (inlined copy) or per class."""
    defs = _defines(grammar)
    for r in restrictions:
        if r.owner_kind == "class":
            target = defs.get(f"{r.owner}.attribute.{r.attribute}")
            atts = [] if target is None else [
                a for a in target.iter(R + "attribute") if a.get("name") == r.attribute]
        else:
            el = defs.get(r.owner)
            el = el.find(R + "element") if el is not None else None
            atts = [] if el is None else _inline_to_attribute(el, r.attribute, defs)
        if not atts:
            raise OddError(f"{r.owner} has no attribute {r.attribute} in tei_all "
                           "(an ODD may only narrow)", file=file, line=r.line, column=1)
        for att in atts:
            _narrow(att, r, file)


# --------------------------------------------------------------------------- reduction

def _is(el: etree._Element, name: str) -> bool:
    return el.tag == R + name


def _simplify(node: etree._Element, dead: set[str]) -> etree._Element:
    """Simplify a pattern bottom-up: notAllowed and empty propagate (RELAX NG §4.19)."""
    for child in _rng_children(node):
        new = _simplify(child, dead)
        if new is not child:
            new.tail = child.tail
            node.replace(child, new)
    tag = etree.QName(node).localname
    kids = _rng_children(node)
    if tag == "ref":
        return etree.Element(R + "notAllowed") if node.get("name") in dead else node
    if tag in ("element", "attribute"):
        content = kids if node.get("name") is not None else kids[1:]
        if any(_is(k, "notAllowed") for k in content):
            return etree.Element(R + "notAllowed")
        if tag == "element":
            _drop_empties(node, content)
        return node
    if tag in ("group", "interleave", "list", "oneOrMore", "mixed", "define"):
        if any(_is(k, "notAllowed") for k in kids):
            if tag == "define":
                for k in kids:
                    node.remove(k)
                etree.SubElement(node, R + "notAllowed")
                return node
            return etree.Element(R + "notAllowed")
        if tag in ("group", "interleave", "define", "list"):
            _drop_empties(node, kids)
        kids = _rng_children(node)
        if tag in ("group", "interleave") and len(kids) == 1:
            return kids[0]
        if tag in ("oneOrMore", "mixed") and all(_is(k, "empty") for k in kids):
            return etree.Element(R + ("empty" if tag == "oneOrMore" else "text"))
        return node
    if tag in ("zeroOrMore", "optional"):
        if any(_is(k, "notAllowed") for k in kids) or all(_is(k, "empty") for k in kids):
            return etree.Element(R + "empty")
        return node
    if tag == "choice" and node.getparent() is not None and kids \
            and not _is(node.getparent(), "except") and not _is(kids[0], "name"):
        return _simplify_choice(node, kids)
    if tag == "except":
        for k in kids:
            if _is(k, "notAllowed"):
                node.remove(k)
        return node
    return node


def _simplify_choice(node: etree._Element, kids: list) -> etree._Element:
    seen_empty = False
    for k in kids:
        if _is(k, "notAllowed") or (_is(k, "empty") and seen_empty):
            node.remove(k)
        seen_empty = seen_empty or _is(k, "empty")
    left = _rng_children(node)
    if not left:
        return etree.Element(R + "notAllowed")
    return left[0] if len(left) == 1 else node


def _drop_empties(node: etree._Element, content: list) -> None:
    """In a sequence, ``empty`` is the unit: drop it, keeping one if nothing is left."""
    empties = [k for k in content if _is(k, "empty")]
    if len(empties) == len(content):
        empties = empties[1:]
    for k in empties:
        node.remove(k)
    if not content:
        etree.SubElement(node, R + "empty")


def _refs(node: etree._Element) -> set[str]:
    return {r.get("name") for r in node.iter(R + "ref")}


def reduce_grammar(grammar: etree._Element, keep: set[str]) -> etree._Element:
    """Keep only the element patterns named in ``keep``; simplify and prune the rest.

    The element defines of tei_all are named after their element; wildcard elements
    (``anyElement-*``) are kept as they are and pruned only when unreachable.

    Unlike ``toolkit.validate.rng.reduce_grammar`` (which keeps a document's verdict and may add
    stub elements so that errors stay locatable), this removes patterns only, so the
    language of the result is a subset of the input's: what a customisation needs.
    """
    grammar = copy.deepcopy(grammar)
    defs = _defines(grammar)
    dead: set[str] = set()
    for name, d in defs.items():
        el = d.find(R + "element")
        if el is not None and el.get("name") is not None and el.get("name") not in keep:
            dead.add(name)
    changed = True
    while changed:  # propagate notAllowed through the defines to a fixed point
        changed = False
        for name, d in defs.items():
            if name in dead:
                continue
            body = _simplify(d, dead)
            if _rng_children(body) and all(_is(k, "notAllowed") for k in _rng_children(body)):
                dead.add(name)
                changed = True
    for name in dead:
        grammar.remove(defs.pop(name))
    start = grammar.find(R + "start")
    _simplify(start, dead)
    if any(_is(k, "notAllowed") for k in _rng_children(start)):
        raise OddError("the customisation leaves no valid document (start is notAllowed): "
                       "an element it needs is not included")
    reachable, todo = set(), _refs(start)
    while todo:
        name = todo.pop()
        if name in reachable or name not in defs:
            continue
        reachable.add(name)
        todo |= _refs(defs[name])
    for name, d in defs.items():
        if name not in reachable:
            grammar.remove(d)
    return grammar


# --------------------------------------------------------------------------- output

def _strip_foreign(grammar: etree._Element) -> None:
    """Remove annotations (a:documentation, embedded sch:*) and comments; keep patterns."""
    for el in list(grammar.iter()):
        if el is grammar:
            continue
        if not isinstance(el.tag, str) or not el.tag.startswith(R):
            el.getparent().remove(el)


def _tidy(root: etree._Element) -> None:
    """Drop indentation whitespace so pretty-printing is stable; keep value/param text."""
    for el in root.iter():
        if el.tag not in (R + "value", R + "param") and len(el):
            el.text = None
        el.tail = None


@functools.lru_cache(maxsize=4)
def _tei_all_patterns(path: str, mtime_ns: int) -> etree._Element:
    """tei_all.rng parsed once per process (per path and mtime), annotations removed."""
    grammar = parse(path).getroot()
    _strip_foreign(grammar)
    return grammar


def derive_rng(custom: Customisation, tei_all: str | os.PathLike,
               file: str = "-") -> etree._ElementTree:
    """The customisation's RELAX NG grammar, derived from tei_all.rng."""
    grammar = copy.deepcopy(_tei_all_patterns(str(tei_all), os.stat(tei_all).st_mtime_ns))
    apply_restrictions(grammar, custom.restrictions, file=file)
    missing = sorted(e for e in custom.elements if e not in _defines(grammar))
    if missing:
        raise OddError(f"not TEI elements (not in tei_all): {', '.join(missing)}", file=file)
    start = grammar.find(R + "start")
    for k in _rng_children(start):
        start.remove(k)
    choice = etree.SubElement(start, R + "choice") if len(custom.start) > 1 else start
    for name in custom.start:
        etree.SubElement(choice, R + "ref", name=name)
    reduced = reduce_grammar(grammar, set(custom.elements))
    _tidy(reduced)
    reduced.insert(0, etree.Comment(
        f" {custom.ident}: derived from schemas/teikit.odd and tei_all.rng (TEI P5 4.3.0) "
        "by toolkit/odd.py. Do not edit; run: teikit odd compile schemas/teikit.odd "))
    return etree.ElementTree(reduced)


def derive_schematron(custom: Customisation) -> etree._ElementTree:
    """One ISO Schematron pattern per constraintSpec, queryBinding xslt3."""
    root = etree.Element(S + "schema", nsmap={"sch": SCH_NS}, queryBinding="xslt3")
    title = etree.SubElement(root, S + "title")
    title.text = f"{custom.ident}: editorial rules (from schemas/teikit.odd)"
    etree.SubElement(root, S + "ns", prefix="tei", uri=TEI_NS)
    etree.SubElement(root, S + "ns", prefix="xs", uri="http://www.w3.org/2001/XMLSchema")
    for cspec in custom.constraints:
        constraint = cspec.find(T + "constraint")
        if constraint is None:
            continue
        pattern = etree.SubElement(root, S + "pattern", id="pattern-" + cspec.get("ident", ""))
        for child in constraint:
            if isinstance(child.tag, str) and child.tag.startswith(S):
                pattern.append(_clean_copy(child))
    _tidy_sch(root)
    return etree.ElementTree(root)


def _clean_copy(el: etree._Element) -> etree._Element:
    """Copy a Schematron element without the ODD's (TEI) default namespace declarations."""
    out = etree.Element(el.tag, dict(el.attrib), nsmap={"sch": SCH_NS})
    out.text = el.text
    for child in el:
        if isinstance(child.tag, str):
            c = _clean_copy(child)
            c.tail = child.tail
            out.append(c)
    return out


def _tidy_sch(root: etree._Element) -> None:
    for el in root.iter():
        if el.tag in (S + "schema", S + "pattern", S + "rule"):
            el.text = None
        if el.getparent() is not None and el.getparent().tag in (
                S + "schema", S + "pattern", S + "rule"):
            el.tail = None


def serialise(tree: etree._ElementTree) -> bytes:
    """Stable bytes: UTF-8, XML declaration, two-space indentation, final newline."""
    etree.indent(tree, space="  ")
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n"


def check_in_step(odd_path: str | os.PathLike, rng_path: str | os.PathLike,
                  sch_path: str | os.PathLike) -> list[str]:
    """The derived files that differ from a fresh derivation (empty when in step)."""
    rng_tree, sch_tree = compile_odd(odd_path)
    stale = []
    for path, tree in ((rng_path, rng_tree), (sch_path, sch_tree)):
        try:
            current = Path(path).read_bytes()
        except OSError:
            current = b""
        if current != serialise(tree):
            stale.append(str(path))
    return stale


def write_derived(odd_path: str | os.PathLike, rng_path: str | os.PathLike,
                  sch_path: str | os.PathLike) -> None:
    """Derive and write both files atomically."""
    from ..xmlio import write_atomic

    rng_tree, sch_tree = compile_odd(odd_path)
    write_atomic(rng_path, serialise(rng_tree))
    write_atomic(sch_path, serialise(sch_tree))


def compile_odd(path: str | os.PathLike, tei_all: str | os.PathLike | None = None
                ) -> tuple[etree._ElementTree, etree._ElementTree]:
    """ODD → (RELAX NG tree, Schematron tree)."""
    from .schemas import tei_all as installed_tei_all

    file = str(path)
    custom = read_customisation(parse(path), file=file)
    rng_tree = derive_rng(custom, tei_all or installed_tei_all(), file=file)
    return rng_tree, derive_schematron(custom)
