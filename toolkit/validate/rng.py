"""RELAX NG grammars: loading, per-document reduction, simplification, compile cache.

libxml2 needs 12-13 s to compile the whole of ``tei_all.rng``. A document's verdict
depends only on the element patterns whose name class matches a name that occurs in
the document: every other ``element`` pattern can never match anything in it, so it
is replaced by ``notAllowed`` and the grammar is simplified following RELAX NG
section 4.19 (notAllowed in group/interleave/oneOrMore/attribute/list/element content
makes the whole notAllowed; in a choice it is removed; a choice of nothing is
notAllowed; optional/zeroOrMore of notAllowed is empty; unreachable defines are
dropped). The result compiles in milliseconds in libxml2 and gives the same verdict.
Likewise, given the document's attribute names, an optional attribute (or an attribute
alternative of a choice) that none of them matches is dropped: TEI gives every element
dozens of global attributes that a document mostly never uses, and libxml2 pays for
each of them on every element it validates. Required attributes are kept.

Where a notAllowed would propagate (e.g. a required ``titleStmt`` absent from the
document), it is replaced by a *stub*: a choice of ``<element name="X"><empty/>``
for the absent names that could start the pattern. Stubs only name elements absent
from the document, so they cannot change the verdict; they keep the grammar from
collapsing, so libxml2 still locates the error ("Expecting element titleStmt").

Grammars with ``externalRef`` to a nested grammar, ``parentRef`` or a nested
``grammar`` are not reduced: they are compiled whole (:class:`Unreducible`). Local
``include`` (with overriding ``start``/``define``) and ``combine`` are resolved.

A grammar is parsed once per process (cached by path and mtime); a compiled reduced
grammar is cached by the frozensets of names, so a corpus run reuses them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from ..errors import SchemaError
from ..xmlio import parse
from . import datatypes

RNG_NS = "http://relaxng.org/ns/structure/1.0"
A_DOC = "{http://relaxng.org/ns/compatibility/annotations/1.0}documentation"
QName = tuple[str, str]  # (namespace URI, local name)

#: Patterns whose notAllowed child makes the whole notAllowed (4.19).
_PROPAGATING = {"group", "interleave", "oneOrMore", "mixed", "list", "attribute"}
_NAME_CLASSES = {"name", "anyName", "nsName", "choice", "except"}
_MAX_COMPILED = 256  # compiled reduced grammars kept per schema


class Unreducible(Exception):
    """The grammar uses features the reducer does not handle; compile it whole."""


@dataclass(eq=False)
class Node:
    """One RELAX NG pattern or name class, with namespaces and datatypes made explicit."""

    kind: str
    attrs: dict[str, str] = field(default_factory=dict)
    kids: list[Node] = field(default_factory=list)
    text: str | None = None
    xml: str | None = field(default=None, repr=False)  # serialisation, once computed
    #: the datatype a ``data`` node has in the schema, when libxml2 is given another one
    #: and teikit checks the value itself (see :mod:`toolkit.validate.datatypes`)
    lexical: str | None = None
    #: the pattern's a:documentation (elements, attributes, values), for the editor
    doc: str | None = field(default=None, repr=False)

    def to_xml(self, out: list[str]) -> None:
        """Append this pattern as RNG XML (memoised: grammar Nodes are never mutated)."""
        if self.xml is None:
            attrs = "".join(f" {k}={quoteattr(v)}" for k, v in self.attrs.items())
            if not self.kids and self.text is None:
                self.xml = f"<{self.kind}{attrs}/>"
            else:
                parts = [f"<{self.kind}{attrs}>"]
                if self.text is not None:
                    parts.append(escape(self.text))
                for kid in self.kids:
                    kid.to_xml(parts)
                parts.append(f"</{self.kind}>")
                self.xml = "".join(parts)
        out.append(self.xml)


EMPTY = Node("empty")


# --------------------------------------------------------------------------- loading


def _qname(value: str, el: etree._Element, default_ns: str) -> QName:
    value = value.strip()
    if ":" in value:
        prefix, local = value.split(":", 1)
        ns = el.nsmap.get(prefix)
        if ns is None:
            if prefix == "xml":
                ns = "http://www.w3.org/XML/1998/namespace"
            else:
                raise SchemaError(f"undeclared prefix {prefix!r} in {value!r}",
                                  file=el.base, line=el.sourceline or 0)
        return ns, local
    return default_ns, value


def _documentation(el: etree._Element | None) -> str | None:
    """The text of an a:documentation element, whitespace normalised (None if empty)."""
    if el is None:
        return None
    text = " ".join("".join(el.itertext()).split())
    return text or None


def _name_node(qn: QName) -> Node:
    return Node("name", {"ns": qn[0]}, text=qn[1])


def _rng_children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith("{" + RNG_NS + "}")]


class _Loader:
    """Turns an RNG file (and its local includes) into defines + start of Nodes."""

    def __init__(self) -> None:
        self.defines: dict[str, Node] = {}
        self.start: Node | None = None
        self.seen: set[Path] = set()

    def load(self, path: Path) -> None:
        root = parse(path, xinclude=False).getroot()
        if root.tag != f"{{{RNG_NS}}}grammar":
            self.start = self.pattern(root, root.get("ns", ""), root.get("datatypeLibrary", ""))
            return
        self.grammar_content(root, root.get("ns", ""), root.get("datatypeLibrary", ""), path)

    def grammar_content(self, el: etree._Element, ns: str, dl: str, path: Path,
                        overridden: set[str] | None = None) -> None:
        for c in _rng_children(el):
            kind = etree.QName(c).localname
            cns, cdl = c.get("ns", ns), c.get("datatypeLibrary", dl)
            if kind == "div":
                self.grammar_content(c, cns, cdl, path, overridden)
            elif kind == "start":
                if overridden is not None and "" in overridden:
                    continue
                self.add("", self.group(c, cns, cdl), c.get("combine"))
            elif kind == "define":
                name = c.get("name", "")
                if overridden is not None and name in overridden:
                    continue
                self.add(name, self.group(c, cns, cdl), c.get("combine"))
            elif kind == "include":
                self.include(c, cns, cdl, path)

    def include(self, el: etree._Element, ns: str, dl: str, path: Path) -> None:
        href = el.get("href", "")
        if "://" in href and not href.startswith("file:"):
            raise Unreducible(f"non-local include {href}")
        target = (path.parent / href.removeprefix("file://")).resolve()
        if target in self.seen:
            raise SchemaError(f"recursive include of {target}", file=str(path))
        self.seen.add(target)
        local = {c.get("name", "") if etree.QName(c).localname == "define" else ""
                 for c in el.iter(f"{{{RNG_NS}}}define", f"{{{RNG_NS}}}start")}
        root = parse(target, xinclude=False).getroot()
        if root.tag != f"{{{RNG_NS}}}grammar":
            raise SchemaError("included file is not a grammar", file=str(target))
        self.grammar_content(root, root.get("ns", ns), root.get("datatypeLibrary", ""),
                             target, local)
        self.grammar_content(el, ns, dl, path)

    def add(self, name: str, body: Node, combine: str | None) -> None:
        old = self.start if name == "" else self.defines.get(name)
        if old is not None and combine in ("choice", "interleave"):
            body = Node(combine, kids=[old, body])
        if name == "":
            self.start = body
        else:
            self.defines[name] = body

    def group(self, el: etree._Element, ns: str, dl: str) -> Node:
        kids = [self.pattern(c, ns, dl) for c in _rng_children(el)]
        return kids[0] if len(kids) == 1 else Node("group", kids=kids)

    def pattern(self, el: etree._Element, ns: str, dl: str) -> Node:
        kind = etree.QName(el).localname
        ns, dl = el.get("ns", ns), el.get("datatypeLibrary", dl)
        if kind in ("grammar", "parentRef"):
            raise Unreducible(f"nested {kind}")
        if kind == "externalRef":
            raise Unreducible("externalRef")
        if kind in ("element", "attribute"):
            kids = _rng_children(el)
            if el.get("name") is not None:
                default = ns if kind == "element" else el.get("ns", "")
                nc = _name_node(_qname(el.get("name", ""), el, default))
            else:
                nc, kids = self.name_class(kids[0], ns), kids[1:]
            body = [self.pattern(c, ns, dl) for c in kids]
            if kind == "attribute" and not body:
                body = [Node("text")]
            return Node(kind, kids=[nc, *body], doc=_documentation(el.find(A_DOC)))
        if kind == "ref":
            return Node("ref", {"name": el.get("name", "")})
        if kind == "data":
            return self.data(el, ns, dl)
        if kind == "value":
            attrs = ({"type": el.get("type", ""), "datatypeLibrary": dl} if el.get("type")
                     else {"datatypeLibrary": ""})
            attrs["ns"] = ns
            after = el.getnext()
            doc = _documentation(after) if after is not None and after.tag == A_DOC else None
            return Node("value", attrs, text=el.text or "", doc=doc)
        if kind in ("empty", "text", "notAllowed"):
            return Node(kind)
        kids = [self.pattern(c, ns, dl) for c in _rng_children(el)]
        if kind in ("optional", "zeroOrMore", "oneOrMore", "mixed", "list") and len(kids) > 1:
            kids = [Node("group", kids=kids)]
        return Node(kind, kids=kids)

    def data(self, el: etree._Element, ns: str, dl: str) -> Node:
        """A ``data`` pattern; XSD datatypes that libxml2 judges otherwise than jing are
        given to it as :mod:`toolkit.validate.datatypes` says (another type or an extra
        pattern facet)."""
        typ, lexical = el.get("type", ""), None
        kids = []
        if dl == datatypes.XSD and typ in datatypes.CHECKED_HERE:
            typ, lexical = datatypes.CHECKED_HERE[typ], typ
        if dl == datatypes.XSD and typ in datatypes.EXTRA_PATTERNS:
            kids.append(Node("param", {"name": "pattern"}, text=datatypes.EXTRA_PATTERNS[typ]))
        for c in _rng_children(el):
            ck = etree.QName(c).localname
            if ck == "param":
                kids.append(Node("param", {"name": c.get("name", "")}, text=c.text or ""))
            else:  # except
                kids.append(Node("except", kids=[self.pattern(x, ns, dl)
                                                 for x in _rng_children(c)]))
        return Node("data", {"type": typ, "datatypeLibrary": dl}, kids, lexical=lexical)

    def name_class(self, el: etree._Element, ns: str) -> Node:
        kind = etree.QName(el).localname
        ns = el.get("ns", ns)
        if kind == "name":
            return _name_node(_qname(el.text or "", el, ns))
        kids = [self.name_class(c, ns) for c in _rng_children(el)]
        if kind == "nsName":
            return Node("nsName", {"ns": ns}, kids)
        return Node(kind, kids=kids)  # anyName, choice, except


# ------------------------------------------------------------------------- name classes


def nc_matches(nc: Node, qn: QName) -> bool:
    """Whether a name class matches one (namespace, local name)."""
    k = nc.kind
    if k == "name":
        return (nc.attrs["ns"], nc.text) == qn
    if k == "choice":
        return any(nc_matches(c, qn) for c in nc.kids)
    if k == "anyName" or (k == "nsName" and nc.attrs["ns"] == qn[0]):
        return not any(nc_matches(c, qn) for c in nc.kids)  # kids: at most one except
    if k == "except":
        return any(nc_matches(c, qn) for c in nc.kids)
    return False


def nc_names(nc: Node) -> list[QName]:
    """The concrete names of a name class (wildcards contribute none)."""
    if nc.kind == "name":
        return [(nc.attrs["ns"], nc.text or "")]
    if nc.kind == "choice":
        return [q for c in nc.kids for q in nc_names(c)]
    return []


def nc_describe(nc: Node) -> str:
    """A readable name for messages: ``"p"``, ``"m:math"``, ``any element``."""
    if nc.kind == "name":
        return f'"{nc.text}"'
    if nc.kind == "choice":
        return " or ".join(nc_describe(c) for c in nc.kids)
    if nc.kind == "nsName":
        return f"any element in namespace {nc.attrs['ns'] or '(none)'}"
    return "any element"


# ----------------------------------------------------------------------------- grammar


class Grammar:
    """A loaded grammar: defines, start, and an index of element patterns by name."""

    def __init__(self, path: Path, defines: dict[str, Node], start: Node) -> None:
        self.path = path
        self.defines = defines
        self.start = start
        #: define name -> names of the element patterns at the top of its body
        self.define_elements: dict[str, list[QName]] = {}
        #: element name -> define names whose body is (or chooses) that element
        self.element_defines: dict[QName, list[str]] = {}
        #: element name -> every element pattern (Node) with that name, anywhere
        self.element_patterns: dict[QName, list[Node]] = {}
        self.wildcards: list[Node] = []  # element patterns with anyName / nsName
        self._nullable: dict[str, bool] = {}
        self._first: dict[str, frozenset[int]] = {}
        self._by_id: dict[int, Node] = {}
        self.deriv_cache: dict[tuple, object] = {}
        self._starts: dict[int, tuple[frozenset[QName], tuple[Node, ...]]] = {}
        self._patterns_for: dict[QName, list[Node]] = {}  # (pattern, name) -> derivative
        #: define name -> whether its body matches attributes only (see _Reducer.seq)
        self.attributes_only: dict[str, bool] = {}
        self._index()

    def _index(self) -> None:
        for name, body in self.defines.items():
            tops = [n for n in _top_elements(body)]
            qns = [q for n in tops for q in nc_names(n.kids[0])]
            self.define_elements[name] = qns
            for q in qns:
                self.element_defines.setdefault(q, []).append(name)
        for body in [self.start, *self.defines.values()]:
            for n in walk_pattern(body):
                if n.kind == "element":
                    self._by_id[id(n)] = n
                    qns = nc_names(n.kids[0])
                    for q in qns:
                        self.element_patterns.setdefault(q, []).append(n)
                    if not qns or _has_wildcard(n.kids[0]):
                        self.wildcards.append(n)

    def patterns_for(self, qn: QName) -> list[Node]:
        """Element patterns that could match an element named ``qn``."""
        found = self._patterns_for.get(qn)
        if found is None:
            found = list(self.element_patterns.get(qn, []))
            found += [w for w in self.wildcards if nc_matches(w.kids[0], qn) and w not in found]
            self._patterns_for[qn] = found
        return found

    # -- nullable / first sets over the full grammar (for stubs and messages)

    def nullable(self, p: Node, _stack: frozenset[str] = frozenset()) -> bool:
        """Whether ``p`` can match a sequence of no child elements."""
        k = p.kind
        if k in ("empty", "text", "optional", "zeroOrMore", "attribute", "data", "value",
                 "list"):
            return True  # matches without any child element
        if k in ("element", "notAllowed"):
            return False
        if k == "ref":
            name = p.attrs["name"]
            if name not in self._nullable:
                if name in _stack or name not in self.defines:
                    return False
                self._nullable[name] = self.nullable(self.defines[name], _stack | {name})
            return self._nullable[name]
        if k == "choice":
            return any(self.nullable(c, _stack) for c in p.kids)
        return all(self.nullable(c, _stack) for c in p.kids)  # group, interleave, ...

    def first(self, p: Node, _stack: frozenset[str] = frozenset()) -> list[Node]:
        """Element patterns that can start a match of ``p`` (attributes ignored)."""
        k = p.kind
        if k == "element":
            return [p]
        if k == "ref":
            name = p.attrs["name"]
            if name not in self._first:
                if name in _stack or name not in self.defines:
                    return []
                self._first[name] = frozenset(
                    id(n) for n in self.first(self.defines[name], _stack | {name}))
            return [self._by_id[i] for i in self._first[name]]
        if k in ("choice", "interleave", "mixed"):
            return _dedup(n for c in p.kids for n in self.first(c, _stack))
        if k in ("group",):
            out: list[Node] = []
            for c in p.kids:
                out += self.first(c, _stack)
                if not self.nullable(c, _stack):
                    break
            return _dedup(out)
        if k in ("optional", "zeroOrMore", "oneOrMore"):
            return self.first(p.kids[0], _stack)
        return []

    def can_start(self, p: Node, qn: QName) -> bool:
        """Whether an element named ``qn`` can start a match of ``p`` (from :meth:`first`,
        kept per pattern as a set of names plus the wildcard element patterns)."""
        found = self._starts.get(id(p))
        if found is None:
            firsts = self.first(p)
            names = frozenset(q for n in firsts for q in nc_names(n.kids[0]))
            wild = tuple(n for n in firsts if _has_wildcard(n.kids[0]))
            found = self._starts[id(p)] = (names, wild)
        names, wild = found
        return qn in names or any(nc_matches(n.kids[0], qn) for n in wild)


def _dedup(nodes: Iterable[Node]) -> list[Node]:
    seen: set[int] = set()
    out = []
    for n in nodes:
        if id(n) not in seen:
            seen.add(id(n))
            out.append(n)
    return out


def _has_wildcard(nc: Node) -> bool:
    return nc.kind in ("anyName", "nsName") or any(_has_wildcard(c) for c in nc.kids
                                                   if c.kind != "except")


def _top_elements(p: Node) -> list[Node]:
    if p.kind == "element":
        return [p]
    if p.kind == "choice":
        return [e for c in p.kids for e in _top_elements(c)]
    return []


def walk_pattern(p: Node) -> Iterable[Node]:
    stack = [p]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(n.kids)


# --------------------------------------------------------------------------- reduction


class _Reducer:
    """Simplifies a grammar for one set of element names (see the module docstring)."""

    def __init__(self, g: Grammar, names: frozenset[QName], dead: set[str],
                 attributes: frozenset[QName] | None = None) -> None:
        self.g, self.names, self.dead, self.attributes = g, names, dead, attributes
        self.possible: dict[int, bool] = {}  # attribute name class id -> can match here
        self.memo: dict[str, Node | None] = {}
        self.busy: set[str] = set()
        self.assumed: set[str] = set()

    def define(self, name: str) -> bool:
        if name in self.dead or name not in self.g.defines:
            return False
        if name in self.busy:
            self.assumed.add(name)
            return True
        if name not in self.memo:
            self.busy.add(name)
            self.memo[name] = self.simp(self.g.defines[name])
            self.busy.discard(name)
        return self.memo[name] is not None

    def impossible(self, p: Node) -> bool:
        """An attribute pattern none of the document's attribute names can match."""
        if self.attributes is None or p.kind != "attribute":
            return False
        nc = p.kids[0]
        if id(nc) not in self.possible:
            self.possible[id(nc)] = (
                (nc.attrs["ns"], nc.text) in self.attributes if nc.kind == "name"
                else any(nc_matches(nc, q) for q in self.attributes))
        return not self.possible[id(nc)]

    def stub(self, orig: Node) -> Node | None:
        absent = []
        for el in self.g.first(orig):
            absent += [q for q in nc_names(el.kids[0]) if q not in self.names]
        absent = list(dict.fromkeys(absent))
        if not absent:
            return None
        kids = [Node("element", kids=[_name_node(q), EMPTY]) for q in absent]
        return kids[0] if len(kids) == 1 else Node("choice", kids=kids)

    def simp(self, p: Node) -> Node | None:
        k = p.kind
        if k == "notAllowed":
            return None
        if k == "ref":
            name = p.attrs["name"]
            if not self.define(name):
                return None
            return EMPTY if self.memo.get(name) is EMPTY else p
        if k == "element":
            nc = p.kids[0]
            if nc.kind == "name":
                if (nc.attrs["ns"], nc.text) not in self.names:
                    return None
            elif not any(nc_matches(nc, q) for q in self.names):
                return None
            body = self.seq(p.kids[1:], "group")
            if body is None:
                return None
            return p if [body] == p.kids[1:] else Node("element", kids=[p.kids[0], body])
        if k == "attribute":
            body = self.simp(p.kids[1])
            if body is None:
                return None
            return p if body is p.kids[1] else Node("attribute", kids=[p.kids[0], body])
        if k == "choice":
            alts = [c for c in p.kids if not self.impossible(c)] or p.kids
            kids = [c for c in map(self.simp, alts) if c is not None]
            if kids == p.kids:
                return p
            return None if not kids else kids[0] if len(kids) == 1 else Node("choice", kids=kids)
        if k in ("group", "interleave"):
            out = self.seq(p.kids, k)
            return p if out is not None and out.kids == p.kids and out.kind == k else out
        if k in ("optional", "zeroOrMore"):
            if self.impossible(p.kids[0]):
                return EMPTY
            c = self.simp(p.kids[0])
            if c is p.kids[0] and c.kind not in ("optional", "zeroOrMore", "oneOrMore"):
                return p
            return EMPTY if c is None or c.kind == "empty" else _repeat(k, c)
        if k in ("oneOrMore", "mixed", "list"):
            c = self.simp(p.kids[0])
            if c is None:
                c = self.stub(p.kids[0]) if k != "list" else None
            if c is p.kids[0] and c.kind not in ("optional", "zeroOrMore", "oneOrMore"):
                return p
            return None if c is None else _repeat(k, c)
        if k == "data":
            kids = []
            for c in p.kids:
                if c.kind == "except":
                    ex = [x for x in map(self.simp, c.kids) if x is not None]
                    if ex:
                        kids.append(Node("except", kids=ex))
                else:
                    kids.append(c)
            return Node("data", p.attrs, kids, lexical=p.lexical)
        return p  # empty, text, value

    def seq(self, kids: list[Node], kind: str) -> Node | None:
        out = []
        for c in kids:
            s = self.simp(c)
            if s is None:
                s = self.stub(c)
                if s is None:
                    return None
            if s.kind != "empty":
                out.append(s)
        if not out:
            return EMPTY
        if len(out) == 1:
            return out[0]
        if kind == "group" and all(self.attributes_only(c) for c in out):
            # The same language (attributes have no order), but libxml2 validates a
            # group of optional attributes in time exponential in the number an
            # element carries (16 of TEI's global attributes: minutes), and an
            # interleave of them in no time.
            kind = "interleave"
        return Node(kind, kids=out)

    def attributes_only(self, p: Node, _seen: frozenset[str] = frozenset()) -> bool:
        """Whether ``p`` matches attributes and nothing else (no element, no text)."""
        k = p.kind
        if k == "attribute":
            return True
        if k == "ref":
            name = p.attrs["name"]
            if name not in self.g.attributes_only:
                body = self.g.defines.get(name)
                self.g.attributes_only[name] = (
                    body is not None and name not in _seen
                    and self.attributes_only(body, _seen | {name}))
            return self.g.attributes_only[name]
        if k in ("optional", "group", "interleave", "choice", "zeroOrMore", "oneOrMore"):
            return bool(p.kids) and all(self.attributes_only(c, _seen) for c in p.kids)
        return False


def _repeat(kind: str, c: Node) -> Node:
    """``kind`` of ``c``, collapsing nested repetitions left by the reduction.

    ``(A+)+`` = ``A+``, ``(A*)+`` = ``(A+)*`` = ``(A*)*`` = ``(A*)?`` = ``A*``: the
    same language, but libxml2 validates the nested, ambiguous forms in time
    quadratic in the number of siblings (e.g. TEI ``listBibl`` once its
    ``relation`` alternatives are reduced away: 2,500 ``bibl`` took minutes).
    """
    reps = ("optional", "zeroOrMore", "oneOrMore")
    if kind in reps and c.kind in reps:
        if kind == c.kind:
            return c
        if kind == "optional" and c.kind == "oneOrMore":
            return Node("zeroOrMore", kids=c.kids)
        if kind == "oneOrMore" and c.kind == "optional":
            return Node("zeroOrMore", kids=c.kids)
        return Node("zeroOrMore", kids=c.kids)
    return Node(kind, kids=[c])


def reduce_grammar(g: Grammar, names: Iterable[QName],
                   attributes: Iterable[QName] | None = None) -> str | None:
    """The reduced, simplified grammar as RNG XML text; None if ``start`` is notAllowed.

    With ``attributes`` (the attribute names of the document), optional attributes and
    attribute alternatives that none of them can match are dropped too: they match
    nothing in the document, so the verdict is the same, and libxml2 compiles and
    validates a grammar without TEI's dozens of unused global attributes faster.
    """
    names = frozenset(names)
    attrs = None if attributes is None else frozenset(attributes)
    dead: set[str] = set()
    while True:
        r = _Reducer(g, names, dead, attrs)
        start = r.simp(g.start)
        if start is None:
            start = r.stub(g.start)
        wrongly = {n for n in r.assumed if r.memo.get(n, 0) is None}
        if not wrongly:
            break
        dead |= wrongly  # a define assumed alive inside a cycle turned out notAllowed
    if start is None:
        return None
    parts: list[str] = []
    start.to_xml(parts)
    return grammar_text(parts, r.memo, reachable(start, r.memo))


def reachable(start: Node, defines: Mapping[str, Node | None]) -> set[str]:
    """The names of the defines that ``start`` refers to, directly or through others."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        for n in walk_pattern(stack.pop()):
            name = n.attrs.get("name") if n.kind == "ref" else None
            if name is not None and name not in seen and name in defines:
                seen.add(name)
                stack.append(defines[name])
    return seen


def grammar_text(start: list[str], defines: Mapping[str, Node], names: Iterable[str]) -> str:
    """A grammar as text: ``start`` (serialised patterns) and the named defines, sorted."""
    out = [f'<grammar xmlns="{RNG_NS}"><start>', *start, "</start>"]
    for name in sorted(names):
        out.append(f"<define name={quoteattr(name)}>")
        defines[name].to_xml(out)
        out.append("</define>")
    out.append("</grammar>")
    return "".join(out)


# ---------------------------------------------------------------------- compile cache


def document_names(tree: etree._ElementTree) -> frozenset[QName]:
    """The (namespace, local name) pairs of every element in a document."""
    return frozenset(map(split_clark, {el.tag for el in tree.getroot().iter(etree.Element)}))


def document_vocabulary(tree: etree._ElementTree) -> tuple[frozenset[QName], frozenset[QName]]:
    """The (namespace, local name) pairs of every element and of every attribute."""
    els, attrs = set(), set()
    for el in tree.getroot().iter(etree.Element):
        els.add(el.tag)
        attrs.update(el.attrib)
    return frozenset(map(split_clark, els)), frozenset(map(split_clark, attrs))


def split_clark(name: str) -> QName:
    """``{ns}local`` (lxml's tag and attribute names) as (namespace URI, local name)."""
    if name[0] == "{":
        ns, local = name[1:].split("}", 1)
        return ns, local
    return "", name


class RngSchema:
    """A RELAX NG schema ready to validate: reduced per document when possible."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.grammar: Grammar | None = None
        self.reason: str | None = None  # why the grammar is compiled whole
        self._full: etree.RelaxNG | None = None
        self._compiled: dict[tuple[frozenset[QName], frozenset[QName] | None],
                             etree.RelaxNG | None] = {}
        loader = _Loader()
        try:
            loader.seen.add(path.resolve())
            loader.load(path)
            if loader.start is None:
                raise SchemaError("grammar has no start", file=str(path))
            self.grammar = Grammar(path, loader.defines, loader.start)
        except Unreducible as exc:
            self.reason = str(exc)

    @property
    def reducible(self) -> bool:
        return self.grammar is not None

    def full(self) -> etree.RelaxNG:
        """The whole grammar compiled by libxml2 (slow for tei_all: ~12 s)."""
        if self._full is None:
            self._full = _compile(parse(self.path, xinclude=False), str(self.path))
        return self._full

    def for_names(self, names: frozenset[QName], attributes: frozenset[QName] | None = None
                  ) -> etree.RelaxNG | None:
        """Compiled grammar for documents with these element (and, if given, attribute)
        names; None = nothing valid."""
        if self.grammar is None:
            return self.full()
        key = (names, attributes)
        if key not in self._compiled:
            # A grammar reduced to a superset of these names gives the same verdict (the
            # extra patterns never match here), so reuse the smallest cached one.
            supersets = [k for k in self._compiled if names <= k[0] and (
                k[1] is None or (attributes is not None and attributes <= k[1]))]
            if supersets:
                return self._compiled[min(supersets, key=lambda k: len(k[0]))]
            if len(self._compiled) >= _MAX_COMPILED:
                self._compiled.pop(next(iter(self._compiled)))
            text = reduce_grammar(self.grammar, names, attributes)
            try:
                self._compiled[key] = (None if text is None else
                                       _compile(etree.fromstring(text), str(self.path)))
            except SchemaError:  # libxml2 refuses the reduced form: use the whole grammar
                self._compiled[key] = self.full()
        return self._compiled[key]

    def reduced_text(self, names: frozenset[QName],
                     attributes: frozenset[QName] | None = None) -> str | None:
        """The reduced grammar as text (for tests and debugging)."""
        return (None if self.grammar is None
                else reduce_grammar(self.grammar, names, attributes))


def _compile(tree: etree._ElementTree | etree._Element, file: str) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        entry = exc.error_log.last_error if exc.error_log else None
        raise SchemaError(f"cannot compile RELAX NG schema: {entry.message if entry else exc}",
                          file=file, line=entry.line if entry else 0) from None


_SCHEMAS: dict[tuple[str, float], RngSchema] = {}


def load_schema(path: str | os.PathLike) -> RngSchema:
    """The schema at ``path``, loaded once per process (reloaded if the file changes)."""
    p = Path(path)
    try:
        key = (str(p.resolve()), p.stat().st_mtime)
    except OSError:
        raise SchemaError("schema not found", file=str(path)) from None
    if key not in _SCHEMAS:
        _SCHEMAS[key] = RngSchema(p)
    return _SCHEMAS[key]
