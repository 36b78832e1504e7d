"""The RELAX NG message matcher: why an element is invalid, the way jing says it.

:mod:`toolkit.validate.rng` decides verdicts (libxml2 on a grammar reduced to a document's element
names); this module explains them over the full grammar: Brzozowski derivatives of an
element's content model by its children's names, the attributes and values a pattern
allows, the elements it expects next.
"""

from __future__ import annotations

from collections.abc import Iterable

from .rng import Grammar, Node, QName, grammar_text, nc_describe, nc_matches, nc_names, reachable

# A small Brzozowski-derivative matcher over the full grammar, used to explain an
# element's children the way jing does ("not allowed here; expected …"). Derived
# patterns are grammar Nodes or tuples: ("g", a, b) group, ("c", a, b) choice,
# ("i", a, b) interleave, ("z", p) zeroOrMore. Attributes, text and data are ignored:
# only the sequence of child element names is followed.

NOT_ALLOWED = ("x",)
EMPTY_P = ("e",)
Pat = Node | tuple


_INTERN: dict[tuple, tuple] = {}


def _mk(kind: str, a: Pat, b: Pat | None = None) -> tuple:
    """One object per derived pattern (hash-consed), so identity is equality and the
    derivative cache can be keyed by id() instead of hashing nested tuples."""
    key = (kind, id(a), id(b))
    t = _INTERN.get(key)
    if t is None:
        t = _INTERN[key] = (kind, a) if b is None else (kind, a, b)
    return t


def _grp(a: Pat, b: Pat) -> Pat:
    if a is NOT_ALLOWED or b is NOT_ALLOWED:
        return NOT_ALLOWED
    return b if a is EMPTY_P else a if b is EMPTY_P else _mk("g", a, b)


def _inter(a: Pat, b: Pat) -> Pat:
    if a is NOT_ALLOWED or b is NOT_ALLOWED:
        return NOT_ALLOWED
    return b if a is EMPTY_P else a if b is EMPTY_P else _mk("i", a, b)


def _alternatives(p: Pat) -> list[Pat]:
    return _alternatives(p[1]) + _alternatives(p[2]) if isinstance(p, tuple) and p[0] == "c" \
        else [p]


def _choice(a: Pat, b: Pat) -> Pat:
    """A choice without duplicates (else derivatives of ambiguous patterns blow up)."""
    if a is NOT_ALLOWED or a is b:
        return b
    if b is NOT_ALLOWED:
        return a
    alts = _alternatives(a)
    seen = {id(x) for x in alts}
    for alt in _alternatives(b):
        if id(alt) not in seen:
            seen.add(id(alt))
            alts.append(alt)
    out = alts[0]
    for alt in alts[1:]:
        out = _mk("c", out, alt)
    return out


def _seq(kids: list[Node], kind: str = "g") -> Pat:
    if not kids:
        return EMPTY_P
    return kids[0] if len(kids) == 1 else _mk(kind, kids[0], _seq(kids[1:], kind))


def content(element: Node) -> Pat:
    """The content pattern of an element pattern."""
    return _seq(element.kids[1:])


_DERIV_CACHE_MAX = 200_000


def deriv(g: Grammar, p: Pat, q: QName) -> Pat:
    """What remains of ``p`` after a child element named ``q`` (memoised per grammar)."""
    key = (id(p), q)  # p is a grammar Node or an interned tuple: both live on
    cache = g.deriv_cache
    found = cache.get(key)
    if found is None:
        found = _deriv(g, p, q)
        if len(cache) >= _DERIV_CACHE_MAX:
            cache.clear()
        cache[key] = found
    return found


def _deriv(g: Grammar, p: Pat, q: QName) -> Pat:
    if isinstance(p, tuple):
        k = p[0]
        if k == "g":
            left = _grp(deriv(g, p[1], q), p[2])
            return _choice(left, deriv(g, p[2], q)) if nullable(g, p[1]) else left
        if k == "c":
            return _choice(deriv(g, p[1], q), deriv(g, p[2], q))
        if k == "i":
            return _choice(_inter(deriv(g, p[1], q), p[2]), _inter(p[1], deriv(g, p[2], q)))
        if k == "z":
            return _grp(deriv(g, p[1], q), p)
        return NOT_ALLOWED
    k = p.kind
    if k == "element":
        return EMPTY_P if nc_matches(p.kids[0], q) else NOT_ALLOWED
    if k == "ref":
        body = g.defines.get(p.attrs["name"])
        return NOT_ALLOWED if body is None else deriv(g, body, q)
    if k == "choice":
        # only the alternatives an element named q can start (the others would derive to
        # notAllowed): TEI's content models are choices of hundreds of elements
        out: Pat = NOT_ALLOWED
        for c in p.kids:
            if g.can_start(c, q):
                out = _choice(out, deriv(g, c, q))
        return out
    if k in ("group", "interleave"):
        return deriv(g, _seq(p.kids, "g" if k == "group" else "i"), q)
    if k in ("optional", "mixed"):
        return deriv(g, p.kids[0], q)
    if k == "zeroOrMore":
        return _grp(deriv(g, p.kids[0], q), _mk("z", p.kids[0]))
    if k == "oneOrMore":
        return _grp(deriv(g, p.kids[0], q), _mk("z", p.kids[0]))
    return NOT_ALLOWED


def nullable(g: Grammar, p: Pat) -> bool:
    """Whether ``p`` may end here (no further child element required)."""
    if isinstance(p, tuple):
        k = p[0]
        if k in ("g", "i"):
            return nullable(g, p[1]) and nullable(g, p[2])
        if k == "c":
            return nullable(g, p[1]) or nullable(g, p[2])
        return k in ("z", "e")
    return g.nullable(p)


def first_names(g: Grammar, p: Pat) -> list[str]:
    """Names of the elements that may come next (wildcards shown as 'any element')."""
    if isinstance(p, tuple):
        k = p[0]
        if k == "g":
            return first_names(g, p[1]) + (first_names(g, p[2]) if nullable(g, p[1]) else [])
        if k in ("c", "i"):
            return first_names(g, p[1]) + first_names(g, p[2])
        if k == "z":
            return first_names(g, p[1])
        return []
    out = []
    for el in g.first(p):
        names = nc_names(el.kids[0])
        out += [n[1] for n in names] if names else [nc_describe(el.kids[0])]
    return list(dict.fromkeys(out))


def first_qnames(g: Grammar, p: Pat) -> list[QName]:
    """The (namespace, local name) of the elements that may come next (wildcards
    give none: see :func:`first_names`)."""
    return list(dict.fromkeys(q for el in next_elements(g, p) for q in nc_names(el.kids[0])))


def next_elements(g: Grammar, p: Pat) -> list[Node]:
    """The element patterns that may come next in ``p`` (for messages and completion)."""
    if isinstance(p, tuple):
        k = p[0]
        if k == "g":
            first = next_elements(g, p[1])
            return first + next_elements(g, p[2]) if nullable(g, p[1]) else first
        if k in ("c", "i"):
            return next_elements(g, p[1]) + next_elements(g, p[2])
        if k == "z":
            return next_elements(g, p[1])
        return []
    return g.first(p)


def allowed_later(g: Grammar, p: Pat, q: QName, depth: int = 3) -> bool:
    """Whether an element named ``q``, not allowed now, would be after some of the
    elements ``p`` expects first (jing's "not allowed yet" rather than "here")."""
    frontier, seen = [p], {id(p)}
    for _ in range(depth):
        nxt = []
        for state in frontier:
            for name in first_qnames(g, state):
                after = deriv(g, state, name)
                if after is NOT_ALLOWED or id(after) in seen:
                    continue
                if deriv(g, after, q) is not NOT_ALLOWED:
                    return True
                seen.add(id(after))
                nxt.append(after)
        frontier = nxt[:64]
    return False


def shallow(g: Grammar, p: Node, seen: set[str] | None = None) -> Iterable[Node]:
    """Nodes of an element's content, following refs but not entering child elements."""
    seen = set() if seen is None else seen
    stack = list(p.kids[1:]) if p.kind == "element" else [p]
    while stack:
        n = stack.pop()
        yield n
        if n.kind == "ref":
            name = n.attrs["name"]
            if name not in seen and name in g.defines:
                seen.add(name)
                stack.append(g.defines[name])
        elif n.kind not in ("element", "attribute"):
            stack.extend(n.kids)


def attributes(g: Grammar, element: Node) -> list[Node]:
    """Attribute patterns an element pattern allows."""
    return [n for n in shallow(g, element) if n.kind == "attribute"]


def allows_text(g: Grammar, element: Node) -> bool:
    """Whether an element's content allows character data."""
    return any(n.kind in ("text", "mixed", "data", "value", "list")
               for n in shallow(g, element))


def values(g: Grammar, p: Node) -> set[str] | None:
    """The enumerated values of an attribute's content (None if it has none)."""
    vals = {(n.text or "").strip() for n in shallow(g, p) if n.kind == "value"}
    return vals or None


def value_nodes(g: Grammar, p: Node) -> list[Node]:
    """The ``value`` patterns of an attribute's content (with their documentation)."""
    out: dict[str, Node] = {}
    for n in shallow(g, p):
        if n.kind == "value":
            out.setdefault((n.text or "").strip(), n)
    return [out[k] for k in sorted(out)]


def has_data(g: Grammar, p: Node) -> bool:
    """Whether an attribute's content accepts a datatype or free text (not just values)."""
    return any(n.kind in ("data", "text", "list") for n in shallow(g, p))


def datatypes(g: Grammar, p: Node) -> list[str]:
    """The datatype names an attribute's content accepts (e.g. ``date``, ``anyURI``)."""
    return list(dict.fromkeys(n.lexical or n.attrs.get("type", "") for n in shallow(g, p)
                              if n.kind == "data"))


def attribute_grammar(g: Grammar, attr: Node) -> str:
    """A grammar for ``<v a="…"/>`` whose ``a`` has the content of ``attr``."""
    start = ['<element><name ns="">v</name><attribute><name ns="">a</name>']
    attr.kids[1].to_xml(start)
    start.append("</attribute></element>")
    return grammar_text(start, g.defines, reachable(attr.kids[1], g.defines))


def required_attributes(g: Grammar, p: Node, _seen: frozenset[str] = frozenset()) -> list[Node]:
    """Attribute patterns an element's content requires (not under optional/choice)."""
    if p.kind == "element":
        return [a for k in p.kids[1:] for a in required_attributes(g, k, _seen)]
    if p.kind == "attribute":
        return [p]
    if p.kind == "ref":
        name = p.attrs["name"]
        if name in _seen or name not in g.defines:
            return []
        return required_attributes(g, g.defines[name], _seen | {name})
    if p.kind in ("group", "interleave", "oneOrMore", "mixed"):
        return [a for k in p.kids for a in required_attributes(g, k, _seen)]
    return []
