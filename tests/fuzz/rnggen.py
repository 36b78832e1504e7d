"""Documents generated from a RELAX NG grammar (toolkit.validate.rng), for fuzzing.

:func:`generate` walks the grammar from its start pattern and makes every decision
(which alternative of a choice, how many repetitions, which text, which value) by
drawing from a hypothesis ``draw``, so that a failing document shrinks to the smallest
one: alternatives are ordered cheapest first and repetitions shrink to their minimum.
Elements appear in the contexts the grammar allows, attributes get values of their
datatype (:data:`SAMPLES`, :data:`PATTERN_SAMPLES`), and text is drawn from words of
several scripts. A size budget and a depth limit switch the generator to the cheapest
completion (the smallest valid content of every pattern, computed once per grammar),
so that documents stay small however recursive the grammar is.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from lxml import etree

from toolkit.validate.rng import Grammar, Node, nc_matches

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"
#: optional attributes per generated element (TEI offers dozens; a few keep documents
#: readable and shrinking fast; the reduction's interleave makes many cheap to validate:
#: tests/validate/test_relaxng.py)
MAX_OPTIONAL_ATTRIBUTES = 6
FOREIGN_NS = "urn:teikit:fuzz"
INF = math.inf

WORDS = ["Brief", "letter", "Wien", "Москва", "λόγος", "کتاب", "文字", "naïve", "A.", "1900",
         "x", "—", "Anna", "l'eau", "co-op", "ok", "Zeile", "S.", "ἀρχή", "data"]

#: values of XSD datatypes without facets (each valid for jing and libxml2)
SAMPLES: dict[str, list[str]] = {
    "string": ["text", "zwei Wörter"], "token": ["tok", "a-b"], "NCName": ["n1", "name"],
    "Name": ["n1", "x:y"], "anyURI": ["#t1", "https://example.org/a", "b.xml", "ex:p"],
    "boolean": ["true", "false"], "date": ["1900-05-06", "2021-12-31"],
    "dateTime": ["1900-05-06T10:20:30"], "time": ["10:20:30"], "gYear": ["1900", "2021"],
    "gYearMonth": ["1900-05"], "gMonthDay": ["--05-06"], "gMonth": ["--05"],
    "gDay": ["---06"], "decimal": ["1.5", "3"], "double": ["2.5E1", "4"], "float": ["1.5"],
    "nonNegativeInteger": ["0", "3"], "language": ["en", "de", "grc"],
    "duration": ["P1Y", "PT2H"], "positiveInteger": ["1"], "integer": ["-2", "7"],
    "NMTOKEN": ["tok"], "IDREF": ["t1"], "IDREFS": ["t1"],
}

#: values matching the XSD pattern facets of tei_all (by pattern)
PATTERN_SAMPLES: dict[str, list[str]] = {
    r"[^\p{C}\p{Z}]+": ["tok", "a-b", "Zeile", "x1"],
    r"(\-?[\d]+/\-?[\d]+)": ["1/2"],
    r"(-?[0-9]+(\.[0-9]+)?,-?[0-9]+(\.[0-9]+)?)": ["48.2,16.37"],
    r"[0-9.,DHMPRSTWYZ/:+\-]+": ["P1Y", "1900/1901"],
    r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}": ["1.2a"],
    r"[\d]+(\.[\d]+){0,2}": ["4.3.0", "2"],
    r"[\-+]?\d+(\.\d+)?(%|cm|mm|in|pt|pc|px|em|ex|gd|rem|vw|vh|vm)": ["12pt", "50%"],
    r"[^/]+:.*": ["ex:p1"], r".+:.+": ["ex:n"], r".+": ["x"],
    r"[a-z][a-z0-9\+\.\-]*": ["ex"], r"(19[789][0-9]|[2-9][0-9]{3}).*": [],
}
_DATE_PATTERN = r"(19[789][0-9]|[2-9][0-9]{3}).*"
_DATED = {"date": ["1990-01-02"], "dateTime": ["1990-01-02T10:00:00"]}


class Impossible(Exception):
    """The generator cannot satisfy a pattern (e.g. an unknown datatype facet)."""


class Costs:
    """The size (in elements) of the smallest valid content of each pattern."""

    def __init__(self, g: Grammar) -> None:
        self.g = g
        self.defines = {name: INF for name in g.defines}
        self.memo: dict[int, float] = {}
        for _ in range(200):  # fixpoint over the defines
            changed = False
            self.memo.clear()
            for name, body in g.defines.items():
                c = self.cost(body)
                if c < self.defines[name]:
                    self.defines[name], changed = c, True
            if not changed:
                break
        self.memo.clear()

    def cost(self, p: Node) -> float:
        key = id(p)
        if key in self.memo:
            return self.memo[key]
        k = p.kind
        if k == "element":
            c = 1 + self._seq(p.kids[1:])
        elif k in ("group", "interleave"):
            c = self._seq(p.kids)
        elif k == "choice":
            c = min((self.cost(x) for x in p.kids), default=INF)
        elif k in ("optional", "zeroOrMore", "list", "attribute"):
            c = 0
        elif k in ("oneOrMore", "mixed"):
            c = self.cost(p.kids[0])
        elif k == "ref":
            c = self.defines.get(p.attrs["name"], INF)
        elif k == "notAllowed":
            c = INF
        else:  # empty, text, data, value
            c = 0
        self.memo[key] = c
        return c

    def _seq(self, kids: list[Node]) -> float:
        return sum((self.cost(x) for x in kids), 0.0)


_COSTS: dict[int, Costs] = {}


def costs(g: Grammar) -> Costs:
    if id(g) not in _COSTS:
        _COSTS[id(g)] = Costs(g)
    return _COSTS[id(g)]


class Generator:
    """One document's generation: decisions drawn from ``draw``."""

    def __init__(self, g: Grammar, draw: Callable[[Any], Any], budget: int = 120,
                 max_depth: int = 14) -> None:
        self.g, self.draw, self.budget, self.max_depth = g, draw, budget, max_depth
        self.costs = costs(g)
        self.ids = itertools.count(1)
        self.elements = 0

    # -- decisions

    def lean(self, depth: int) -> bool:
        """Past the budget or the depth limit: take the cheapest way out."""
        return self.elements >= self.budget or depth >= self.max_depth

    def choose(self, options: list[Node], depth: int) -> Node:
        viable = sorted((o for o in options if self.costs.cost(o) < INF),
                        key=self.costs.cost)
        if not viable:
            raise Impossible("no viable alternative")
        if self.lean(depth) or len(viable) == 1:
            return viable[0]
        return viable[self.draw(st.integers(0, len(viable) - 1))]

    def count(self, low: int, depth: int, p: Node) -> int:
        if self.lean(depth) or self.costs.cost(p) == INF:
            return low
        return low + self.draw(st.integers(0, 2))

    # -- content

    def content(self, el: etree._Element, p: Node, depth: int) -> None:
        k = p.kind
        if k == "element":
            self.element(el, p, depth)
        elif k == "attribute":
            self.attribute(el, p)
        elif k in ("group", "interleave"):
            for kid in p.kids:
                self.content(el, kid, depth)
        elif k == "choice":
            self.content(el, self.choose(p.kids, depth), depth)
        elif k == "optional":
            if p.kids[0].kind == "attribute" and len(el.attrib) >= MAX_OPTIONAL_ATTRIBUTES:
                return
            if not self.lean(depth) and self.costs.cost(p.kids[0]) < INF \
                    and self.draw(st.booleans()):
                self.content(el, p.kids[0], depth)
        elif k in ("zeroOrMore", "oneOrMore"):
            for _ in range(self.count(0 if k == "zeroOrMore" else 1, depth, p.kids[0])):
                self.content(el, p.kids[0], depth)
        elif k == "mixed":
            self.text(el)
            self.content(el, p.kids[0], depth)
            self.text(el)
        elif k == "ref":
            self.content(el, self.g.defines[p.attrs["name"]], depth)
        elif k == "text":
            self.text(el)
        elif k in ("data", "value", "list"):
            _append_text(el, " ".join(self.tokens(p)))
        elif k == "notAllowed":
            raise Impossible("notAllowed")
        # empty: nothing

    def element(self, parent: etree._Element, p: Node, depth: int) -> None:
        tag = _name(p.kids[0], "any")
        child = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag)
        self.elements += 1
        for kid in p.kids[1:]:
            self.content(child, kid, depth + 1)
        self.root = child if parent is None else self.root

    def attribute(self, el: etree._Element, p: Node) -> None:
        name = _name(p.kids[0], "a")
        if name in el.attrib:
            return
        if name == "{http://www.w3.org/XML/1998/namespace}id":
            el.set(name, f"t{next(self.ids)}")
            return
        el.set(name, " ".join(self.tokens(p.kids[1])))

    def text(self, el: etree._Element) -> None:
        words = self.draw(st.lists(st.sampled_from(WORDS), max_size=3))
        if words:
            _append_text(el, " " + " ".join(words) + " ")

    # -- values

    def tokens(self, p: Node) -> list[str]:
        k = p.kind
        if k == "value":
            return [p.text or ""]
        if k == "data":
            return [self.datum(p)]
        if k == "text":
            return [self.draw(st.sampled_from(WORDS))]
        if k in ("list", "group", "interleave"):
            return [t for kid in p.kids for t in self.tokens(kid)]
        if k == "choice":
            return self.tokens(self.choose(p.kids, 0))
        if k == "optional":
            return self.tokens(p.kids[0]) if self.draw(st.booleans()) else []
        if k in ("zeroOrMore", "oneOrMore"):
            n = (0 if k == "zeroOrMore" else 1) + self.draw(st.integers(0, 2))
            return [t for _ in range(n) for t in self.tokens(p.kids[0])]
        if k == "ref":
            return self.tokens(self.g.defines[p.attrs["name"]])
        if k == "empty":
            return []
        raise Impossible(f"{k} in a value")

    def datum(self, p: Node) -> str:
        typ = p.lexical or p.attrs.get("type", "")
        if p.attrs.get("datatypeLibrary") not in (XSD, ""):
            raise Impossible(f"datatype library {p.attrs.get('datatypeLibrary')}")
        if typ == "ID":
            return f"t{next(self.ids)}"
        patterns = [k.text or "" for k in p.kids if k.kind == "param"
                    and k.attrs.get("name") == "pattern"]
        others = [k for k in p.kids if k.kind == "param" and k.attrs.get("name") != "pattern"]
        if others:
            raise Impossible(f"facet {others[0].attrs.get('name')}")
        if typ and typ not in SAMPLES:
            raise Impossible(f"datatype {typ}")
        candidates = list(SAMPLES.get(typ, ["x"]))
        for pat in patterns:  # every pattern facet applies
            known = _DATED.get(typ, []) if pat == _DATE_PATTERN else PATTERN_SAMPLES.get(pat)
            if known is not None:
                candidates = [c for c in [*candidates, *known] if c in known]
            else:
                candidates = [c for c in candidates if _python_match(pat, c)]
        excluded = {(v.text or "").strip() for e in p.kids if e.kind == "except"
                    for v in _values(e)}
        candidates = [c for c in candidates if c not in excluded]
        if not candidates:
            raise Impossible(f"no sample for {typ} with {patterns}")
        return self.draw(st.sampled_from(candidates))


def _python_match(pattern: str, value: str) -> bool:
    try:
        return re.fullmatch(pattern, value) is not None
    except re.error:
        return False


def _values(p: Node) -> list[Node]:
    out, stack = [], [p]
    while stack:
        n = stack.pop()
        if n.kind == "value":
            out.append(n)
        stack.extend(n.kids)
    return out


def _append_text(el: etree._Element, s: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + s
    else:
        el.text = (el.text or "") + s


def _name(nc: Node, local: str) -> str:
    """A name the name class matches: its own, or a made-up one for a wildcard."""
    if nc.kind == "name":
        ns = nc.attrs["ns"]
        return f"{{{ns}}}{nc.text}" if ns else (nc.text or "")
    if nc.kind == "choice":
        return _name(nc.kids[0], local)
    ns = nc.attrs.get("ns", FOREIGN_NS) if nc.kind == "nsName" else FOREIGN_NS
    for candidate in (ns, FOREIGN_NS, ""):
        if nc_matches(nc, (candidate, local)):
            return f"{{{candidate}}}{local}" if candidate else local
    raise Impossible("no name matches the name class")


def generate(g: Grammar, draw: Callable[[Any], Any], budget: int = 120) -> etree._ElementTree:
    """A document from ``g``'s start pattern (raises :class:`Impossible` when stuck)."""
    gen = Generator(g, draw, budget)
    gen.root = None
    start = g.start
    while start.kind == "ref":
        start = g.defines[start.attrs["name"]]
    options = start.kids if start.kind == "choice" else [start]
    top = gen.choose(options, 0)
    while top.kind == "ref":
        top = g.defines[top.attrs["name"]]
    if top.kind == "choice":
        top = gen.choose(top.kids, 0)
        while top.kind == "ref":
            top = g.defines[top.attrs["name"]]
    if top.kind != "element":
        raise Impossible(f"start is a {top.kind}")
    gen.element(None, top, 0)
    return gen.root.getroottree()
