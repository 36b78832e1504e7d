"""RELAX NG validation with jing-like messages, line and column.

The verdict comes from libxml2 (lxml) running the grammar reduced to the document's
element and attribute names (:mod:`toolkit.validate.rng`). libxml2's own messages are
poor ("Did not expect element div there", reported on the parent's line), so for each
element libxml2 complains about, the element's children are re-checked here against the
full grammar with RELAX NG derivatives, which gives jing's kind of message: what was found
and what the schema expected at that point. Attribute and value errors list the
attributes / values the element's pattern allows.

Columns: libxml2 gives lines only. The column is computed by finding the element's
start tag (``<name`` or ``<prefix:name``) on its source line (lxml ``sourceline``, or
up to 5 lines before for a start tag spread over lines); it is the 1-based column of
the ``<``. jing reports the column where the start tag ends, so columns differ from
jing's while lines agree. When the tag cannot be found the column is 1.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import Issue
from . import datatypes
from . import rng_messages as d
from .rng import (
    Grammar,
    Node,
    QName,
    RngSchema,
    document_vocabulary,
    load_schema,
    nc_matches,
    nc_names,
    split_clark,
    walk_pattern,
)


def compile_schema(schema: str | Path) -> RngSchema:
    """The schema, loaded once per process; reduced grammars are compiled and cached."""
    return load_schema(schema)


def validate_tree(tree: etree._ElementTree, schema: str | Path, file: str,
                  lines: list[str] | None = None) -> list[Issue]:
    """RELAX NG issues for a parsed document, sorted by position; [] when valid.

    ``lines``: the source's lines (for columns), read from ``file`` when not given and
    only if the document is invalid."""
    s = compile_schema(schema)
    compiled = s.for_names(*document_vocabulary(tree))
    if compiled is not None and compiled.validate(tree):
        return _lexical_issues(s.grammar, tree, file, lines)
    root = tree.getroot()
    if lines is None:
        lines = _source_lines(file)
    if compiled is None:  # even the start pattern cannot match this root
        msg = f'element "{_name(root)}" not allowed here'
        if s.grammar is not None:
            msg += _expected(d.first_qnames(s.grammar, s.grammar.start), False, root,
                             root_level=True)
        return [_issue(file, root, lines, msg)]
    issues = _explain_all(s.grammar, tree, compiled.error_log, file, lines)
    issues += _lexical_issues(s.grammar, tree, file, lines)
    return sorted({(i.line, i.column, i.message): i for i in issues}.values())


# ------------------------------------------------------------- values checked here


def _lexical_issues(g: Grammar | None, tree: etree._ElementTree, file: str,
                    lines: list[str] | None) -> list[Issue]:
    """Attribute values of datatypes that libxml2 was told to take as tokens
    (:data:`toolkit.validate.datatypes.CHECKED_HERE`), checked as jing checks them.

    Only attributes whose every datatype is such a one are checked (in TEI, the URI
    attributes, single or lists); where the schema offers another datatype beside
    it (three attributes of tei_all), libxml2's token check stands alone."""
    if g is None:
        return []
    typed = _lexical_names(g)
    if not typed:
        return []
    out: list[Issue] = []
    for el in tree.getroot().iter(etree.Element):
        names = [n for n in el.attrib if split_clark(n) in typed]
        pats = g.patterns_for(_qn(el)) if names else None
        if not pats:
            continue
        for name in names:
            kind = _lexical_kind(g, pats[0], name)
            if kind is None:
                continue
            value = el.get(name)
            shown = _attr_name(name, el)
            if kind == "list":
                bad = [t for t in _XSD_SPACE.split(value) if t and not datatypes.any_uri(t)]
                out += [_issue(file, el, lines or [], f'value of attribute "{shown}" is invalid; '
                               f'token "{t}" invalid; must be a URI') for t in bad[:1]]
            elif not datatypes.any_uri(value):
                out.append(_issue(file, el, lines or [],
                                  f'value of attribute "{shown}" is invalid; must be a URI'))
    if out and not lines:  # columns need the source
        src = _source_lines(file)
        out = [_issue(file, _element_at(tree, i.path), src, i.message) for i in out]
    return out


_XSD_SPACE = re.compile(r"[ \t\r\n]+")
_LEXICAL_NAMES: dict[int, frozenset[tuple[str, str]]] = {}
_LEXICAL_KINDS: dict[tuple[int, str], str | None] = {}


def _lexical_names(g: Grammar) -> frozenset[tuple[str, str]]:
    """Attribute names that have, somewhere in the grammar, a value checked here."""
    if id(g) not in _LEXICAL_NAMES:
        names = set()
        for body in [g.start, *g.defines.values()]:
            for n in walk_pattern(body):
                if n.kind == "attribute" and any(
                        k.kind == "data" and k.lexical for k in d.shallow(g, n.kids[1])):
                    names.update(nc_names(n.kids[0]))
        _LEXICAL_NAMES[id(g)] = frozenset(names)
    return _LEXICAL_NAMES[id(g)]


def _lexical_kind(g: Grammar, pat: Node, name: str) -> str | None:
    """"single" or "list" when the attribute ``name`` of element pattern ``pat`` holds
    only values checked here; None otherwise."""
    key = (id(pat), name)
    if key not in _LEXICAL_KINDS:
        qn = split_clark(name)
        match = [a for a in _attributes(g, pat) if nc_matches(a.kids[0], qn)]
        kind = None
        if match:
            leaves = list(d.shallow(g, match[0].kids[1]))
            data = [n for n in leaves if n.kind in ("data", "value", "text")]
            if data and all(n.kind == "data" and n.lexical == "anyURI" for n in data):
                kind = "list" if any(n.kind == "list" for n in leaves) else "single"
        _LEXICAL_KINDS[key] = kind
    return _LEXICAL_KINDS[key]


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element:
    found = tree.xpath(path) if path else []
    return found[0] if found else tree.getroot()


# ----------------------------------------------------------------------- explanations


def _explain_all(g: Grammar | None, tree: etree._ElementTree, log, file: str,
                 lines: list[str]) -> list[Issue]:
    """jing-like issues for an invalid document.

    Every element is checked against the full grammar with derivatives (the root
    against the start pattern). Should that find nothing while libxml2 judged the
    document invalid, libxml2's own entries are translated into the same kind of
    message (what was found, what the grammar expects there), never passed on raw
    unless nothing at all can be said about them.
    """
    out: list[Issue] = []
    if g is not None:
        checker = _Checker(g, file, lines)
        root = tree.getroot()
        out += checker.check_root(root)
        for el in root.iter(etree.Element):
            out += checker.check(el)
    if not out:  # never report an invalid document without a reason
        for entry in log:
            els = [e for e in tree.getroot().iter(etree.Element) if e.sourceline == entry.line]
            el = els[0] if els else tree.getroot()
            out.append(_issue(file, el, lines, _translate(g, entry.message, el)))
    return out


class _Checker:
    """Checks one element at a time (children, text, attributes) against the full grammar.

    Results are cached by element pattern and child-name sequence, and by attribute
    pattern and value, so repeated structures cost one dictionary lookup.
    """

    def __init__(self, g: Grammar, file: str, lines: list[str]) -> None:
        self.g, self.file, self.lines = g, file, lines
        self.seq_cache: dict[tuple, list[tuple[int | None, str]]] = {}
        self.attr_cache: dict[tuple[int, str], list[Node]] = {}

    def check_root(self, root: etree._Element) -> list[Issue]:
        """The root against the grammar's start pattern (jing: "not allowed here;
        expected element "TEI" or "teiCorpus" (with xmlns=…)")."""
        start = self.g.start
        if d.deriv(self.g, start, _qn(root)) is not d.NOT_ALLOWED:
            return []
        where = "anywhere" if not self.g.patterns_for(_qn(root)) else "here"
        msg = f'element "{_name(root)}" not allowed {where}'
        msg += _expected(d.first_qnames(self.g, start), False, root, root_level=True)
        return [_issue(self.file, root, self.lines, msg)]

    def check(self, el: etree._Element) -> list[Issue]:
        pats = self.g.patterns_for(_qn(el))
        if not pats:
            return []  # reported where it occurs, by its parent's check
        pat = pats[0]
        out = []
        kids = list(el.iterchildren(etree.Element))
        text_at = _text_positions(el, kids) if not _allows_text(self.g, pat) else ()
        key = (id(pat), tuple(_qn(k) for k in kids), tuple(text_at), _context_ns(el))
        if key not in self.seq_cache:
            self.seq_cache[key] = _children_problems(self.g, pat, kids, el, text_at)
        for index, msg in self.seq_cache[key]:
            if isinstance(index, tuple):  # text before child index[1] (or at the end)
                out.append(_text_issue(self.file, el, kids, index[1], self.lines, msg))
            else:
                out.append(_issue(self.file, el if index is None else kids[index],
                                  self.lines, msg))
        if el.attrib or _required(self.g, pat):
            out += self.attributes(el, pat)
        return out

    def attributes(self, el: etree._Element, pat: Node) -> list[Issue]:
        allowed = _attributes(self.g, pat)
        out = []
        for name, value in el.attrib.items():
            key = (id(pat), name)
            match = self.attr_cache.get(key)
            if match is None:
                qn = split_clark(name)
                match = self.attr_cache[key] = [a for a in allowed if nc_matches(a.kids[0], qn)]
            if match and _value_ok(self.g, match[0], value):
                continue
            shown = _attr_name(name, el)
            if not match:
                names = sorted({_attr_label(a) for a in allowed} - {None})
                msg = f'attribute "{shown}" not allowed here'
                if names:
                    msg += "; expected attribute " + _or_list([f'"{n}"' for n in names])
                out.append(_issue(self.file, el, self.lines, msg))
            elif not _value_ok(self.g, match[0], value):
                msg = f'value of attribute "{shown}" is invalid'
                out.append(_issue(self.file, el, self.lines,
                                  msg + _value_expectation(self.g, match[0])))
        for req in _required(self.g, pat):
            if not any(nc_matches(req.kids[0], split_clark(a)) for a in el.attrib):
                label = _attr_label(req) or "any attribute"
                out.append(_issue(self.file, el, self.lines, f'element "{_name(el)}" missing '
                                  f'required attribute "{label}"'))
        return out


def _children_problems(g: Grammar, pat: Node, kids: list[etree._Element],
                       el: etree._Element, text_at: tuple[int, ...] = ()
                       ) -> list[tuple[int | tuple | None, str]]:
    """Problems with a child sequence: (child index, None for the parent, or ("text", i)
    for character data before child i, with a message).

    ``text_at``: indexes of the children that non-space text precedes (len(kids) for
    text at the end), given only when the element's content allows no text."""
    p = d.content(pat)
    out: list[tuple[int | tuple | None, str]] = []
    texts = set(text_at)
    mixed = _allows_text(g, pat)
    for i, child in enumerate(kids):
        if i in texts:
            out.append((("text", i), "text not allowed here" + _expected(
                d.first_qnames(g, p), d.nullable(g, p), el)))
        q = _qn(child)
        nxt = d.deriv(g, p, q)
        if nxt is d.NOT_ALLOWED:
            if not g.patterns_for(q):
                where = "anywhere"
            else:
                where = "yet" if d.allowed_later(g, p, q) else "here"
            msg = f'element "{_name(child)}" not allowed {where}'
            out.append((i, msg + _expected(d.first_qnames(g, p), d.nullable(g, p), child,
                                           missing=where == "yet", text=mixed)))
            continue  # skip the child, as jing does, and go on
        p = nxt
    if len(kids) in texts:
        out.append((("text", len(kids)), "text not allowed here" + _expected(
            d.first_qnames(g, p), d.nullable(g, p), el)))
    if not d.nullable(g, p):
        req = d.first_qnames(g, p)
        msg = f'element "{etree.QName(pat.kids[0].text or "").localname}" incomplete'
        if pat.kids[0].kind != "name":
            msg = "element incomplete"
        out.append((None, msg + _expected(req, False, el, missing=True, inside=True)))
    return out


def _text_positions(el: etree._Element, kids: list[etree._Element]) -> list[int]:
    """Indexes of the children that non-space character data precedes (len(kids): at
    the end)."""
    out = []
    if el.text and el.text.strip():
        out.append(0)
    for i, k in enumerate(kids):
        if k.tail and k.tail.strip():
            out.append(i + 1)
    return out


def _text_issue(file: str, el: etree._Element, kids: list[etree._Element], before: int,
                lines: list[str], message: str) -> Issue:
    """An issue at the first non-space character of the text before child ``before``."""
    if before == 0:
        text, line = el.text or "", el.sourceline or 0
    else:
        prev = kids[before - 1]
        text = prev.tail or ""
        line = max((e.sourceline or 0) for e in prev.iter())
        line += sum((e.text or "").count("\n") + (e.tail or "").count("\n")
                    for e in prev.iter() if e is not prev) + (prev.text or "").count("\n")
        if before < len(kids) and kids[before].sourceline:
            line = kids[before].sourceline - text.count("\n")  # exact when the next tag
    lead = text[: len(text) - len(text.lstrip())]
    line += lead.count("\n")
    column = 1
    if 0 < line <= len(lines):
        stripped = text.strip()
        found = lines[line - 1].find(stripped.split("\n", 1)[0][:40]) if stripped else -1
        column = found + 1 if found >= 0 else 1
    return Issue(file, line, column, "error", message, None,
                 path=el.getroottree().getpath(el) + "/text()", source="relaxng")


_LIBXML2 = [  # libxml2's RELAX NG messages, translated with the grammar's expectations
    (re.compile(r"Did not expect element (\S+) there"), "unexpected"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), "expecting"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"), "extra"),
    (re.compile(r"Expecting an element (\S+), got nothing"), "missing"),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), "attribute"),
]


def _translate(g: Grammar | None, message: str, el: etree._Element) -> str:
    """libxml2's message about ``el`` in jing's words, with what the grammar expects."""
    message = _clean(message)
    for rx, kind in _LIBXML2:
        m = rx.search(message)
        if m is None:
            continue
        if kind == "missing":
            return f'element "{_name(el)}" incomplete; missing required element "{m.group(1)}"'
        if kind == "attribute":
            return f'attribute "{m.group(1)}" not allowed here'
        if kind == "extra" and m.group(2) == "text":
            return f'text not allowed here, in element "{_name(el)}"'
        found = m.group(2) if kind in ("expecting", "extra") else m.group(1)
        msg = f'element "{found}" not allowed here'
        if kind == "expecting":
            return msg + f'; expected element "{m.group(1)}"'
        parent = el.getparent()
        if g is not None and parent is None:
            return msg + _expected(d.first_qnames(g, g.start), False, el, root_level=True)
        return msg
    return message


_ALLOWS_TEXT: dict[int, bool] = {}
_ATTRS: dict[int, list[Node]] = {}


def _allows_text(g: Grammar, pat: Node) -> bool:
    if id(pat) not in _ALLOWS_TEXT:
        _ALLOWS_TEXT[id(pat)] = d.allows_text(g, pat)
    return _ALLOWS_TEXT[id(pat)]


def _attributes(g: Grammar, pat: Node) -> list[Node]:
    if id(pat) not in _ATTRS:
        _ATTRS[id(pat)] = d.attributes(g, pat)
    return _ATTRS[id(pat)]


_REQUIRED: dict[int, list[Node]] = {}


def _required(g: Grammar, pat: Node) -> list[Node]:
    if id(pat) not in _REQUIRED:
        _REQUIRED[id(pat)] = d.required_attributes(g, pat)
    return _REQUIRED[id(pat)]


# Caches keyed by id() of grammar Nodes: loaded schemas stay in rng's process-wide
# cache, so their Nodes live (and their ids stay unique) for the whole process.
_VALUE_SCHEMAS: dict[int, etree.RelaxNG | None] = {}
_VALUE_CACHE: dict[tuple[int, str], bool] = {}
_VALUE_CACHE_MAX = 200_000


def _value_ok(g: Grammar, attr: Node, value: str) -> bool:
    """Check one attribute value with a tiny grammar holding just that attribute."""
    key = (id(attr), value)
    if key not in _VALUE_CACHE:
        if id(attr) not in _VALUE_SCHEMAS:
            try:
                _VALUE_SCHEMAS[id(attr)] = etree.RelaxNG(
                    etree.fromstring(d.attribute_grammar(g, attr)))
            except etree.RelaxNGParseError:
                _VALUE_SCHEMAS[id(attr)] = None  # cannot be checked alone: say nothing
        if _VALUE_SCHEMAS[id(attr)] is None:
            return True
        doc = etree.Element("v")
        doc.set("a", value)
        if len(_VALUE_CACHE) >= _VALUE_CACHE_MAX:  # a long-lived process (teikit lsp)
            _VALUE_CACHE.clear()
        _VALUE_CACHE[key] = _VALUE_SCHEMAS[id(attr)].validate(doc.getroottree())
    return _VALUE_CACHE[key]


def _value_expectation(g: Grammar, attr: Node) -> str:
    vals = d.values(g, attr.kids[1])
    types = d.datatypes(g, attr.kids[1])
    parts = []
    if vals:
        parts.append("must be equal to " + _or_list([f'"{v}"' for v in sorted(vals)]))
    if types:
        parts.append("must be " + _or_list([f"a valid {t}" for t in types]))
    return "; " + " or ".join(parts) if parts else ""


# ----------------------------------------------------------------------------- helpers


def _expected(names: list[QName], can_end: bool, context: etree._Element,
              missing: bool = False, inside: bool = False, root_level: bool = False,
              text: bool = False) -> str:
    """``; expected the element end-tag or element "a", "b" or "c"`` as jing writes it:
    names of the context's default namespace bare, others with a prefix in scope or a
    made-up one, and the namespace declaration they need in brackets. ``missing``: one
    required element is named as "missing required element" (``inside``: the
    context is the parent itself, not a child of it)."""
    shown, note = _display_names(names, context, inside or root_level)
    if missing and len(shown) == 1 and not can_end:
        return f'; missing required element {shown[0]}' + note
    parts = []
    if can_end:
        parts.append("the element end-tag")
    if text:
        parts.append("text")
    if shown:
        parts.append("element " + _or_list(shown))
    return ("; expected " + _or_list(parts) + note) if parts else ""


def _display_names(names: list[QName], context: etree._Element, inside: bool
                   ) -> tuple[list[str], str]:
    """Quoted display names, sorted, and the namespace note jing adds ("(with
    xmlns="…")" when the names' namespace is not the default one in scope)."""
    holder = context if inside or context.getparent() is None else context.getparent()
    nsmap = holder.nsmap
    default = nsmap.get(None, "")
    by_uri = {uri: p for p, uri in nsmap.items() if p}
    uris = {ns for ns, _ in names if ns != default and ns not in by_uri and ns}
    declared: dict[str, str] = {}
    note = ""
    if uris:
        if len(uris) == 1 and not any(ns == default for ns, _ in names):
            (uri,) = uris
            declared[uri] = ""
            note = f' (with xmlns="{uri}")'
        else:
            for n, uri in enumerate(sorted(uris)):
                declared[uri] = "ns" if n == 0 else f"ns{n + 1}"
            note = " (with " + " and ".join(f'xmlns:{p}="{u}"' for u, p in
                                              sorted(declared.items(), key=lambda x: x[1])) + ")"
    out = []
    for ns, local in names:
        if ns == default:
            out.append(local)
        elif ns in by_uri:
            out.append(f"{by_uri[ns]}:{local}")
        elif ns in declared:
            out.append(f"{declared[ns]}:{local}" if declared[ns] else local)
        else:
            out.append(local)
    return [f'"{n}"' for n in sorted(set(out))], note


def _or_list(items: list[str]) -> str:
    """``"a", "b" or "c"`` (everything listed, as jing does)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _attr_label(a: Node) -> str | None:
    nc = a.kids[0]
    if nc.kind != "name":
        return None
    ns = nc.attrs["ns"]
    prefix = "xml:" if ns == "http://www.w3.org/XML/1998/namespace" else ""
    return prefix + (nc.text or "")


def _attr_name(name: str, el: etree._Element) -> str:
    q = etree.QName(name)
    if not q.namespace:
        return q.localname
    if q.namespace == "http://www.w3.org/XML/1998/namespace":
        return "xml:" + q.localname
    prefix = next((p for p, u in el.nsmap.items() if u == q.namespace and p), None)
    return f"{prefix}:{q.localname}" if prefix else q.localname


def _context_ns(el: etree._Element) -> tuple:
    """What the wording of an element's messages depends on besides its names."""
    return tuple(sorted(el.nsmap.items(), key=lambda kv: (kv[0] or "", kv[1])))


def _qn(el: etree._Element) -> tuple[str, str]:
    return split_clark(el.tag)


def _name(el: etree._Element) -> str:
    return f"{el.prefix}:{etree.QName(el).localname}" if el.prefix else etree.QName(el).localname


def _clean(message: str) -> str:
    return message.strip().rstrip(".")


def _source_lines(file: str) -> list[str]:
    try:
        return Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _column(el: etree._Element, lines: list[str]) -> int:
    line = el.sourceline or 0
    tag = "<" + _name(el)
    for ln in range(line, max(line - 5, 0), -1):
        if 0 < ln <= len(lines):
            for m in re.finditer(re.escape(tag) + r"(?=[\s/>]|$)", lines[ln - 1]):
                return m.start() + 1
    return 1


def _issue(file: str, el: etree._Element, lines: list[str], message: str) -> Issue:
    return Issue(file, el.sourceline or 0, _column(el, lines), "error", message, None,
                 path=el.getroottree().getpath(el), source="relaxng")
