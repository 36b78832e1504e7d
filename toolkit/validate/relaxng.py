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
from . import rng_messages as d
from .rng import (
    Grammar,
    Node,
    RngSchema,
    document_vocabulary,
    load_schema,
    nc_matches,
    split_clark,
)

_MAX_LISTED = 12  # names listed in an "expected ..." before "…"


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
        return []
    root = tree.getroot()
    if lines is None:
        lines = _source_lines(file)
    if compiled is None:  # even the start pattern cannot match this root
        msg = f'element "{_name(root)}" not allowed here'
        if s.grammar is not None:
            msg += _expected(d.first_names(s.grammar, s.grammar.start), False)
        return [_issue(file, root, lines, msg)]
    issues = _explain_all(s.grammar, tree, compiled.error_log, file, lines)
    return sorted({(i.line, i.column, i.message): i for i in issues}.values())


# ----------------------------------------------------------------------- explanations


def _explain_all(g: Grammar | None, tree: etree._ElementTree, log, file: str,
                 lines: list[str]) -> list[Issue]:
    """jing-like issues for an invalid document; libxml2's own if none can be found."""
    out: list[Issue] = []
    if g is not None:
        checker = _Checker(g, file, lines)
        for el in tree.getroot().iter(etree.Element):
            out += checker.check(el)
    if not out:  # never report an invalid document without a reason
        for entry in log:
            els = [e for e in tree.getroot().iter(etree.Element) if e.sourceline == entry.line]
            out.append(_issue(file, els[0] if els else tree.getroot(), lines,
                              _clean(entry.message)))
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

    def check(self, el: etree._Element) -> list[Issue]:
        pats = self.g.patterns_for(_qn(el))
        if not pats:
            return []  # reported where it occurs, by its parent's check
        pat = pats[0]
        out = []
        kids = list(el.iterchildren(etree.Element))
        key = (id(pat), tuple(_qn(k) for k in kids))
        if key not in self.seq_cache:
            self.seq_cache[key] = _children_problems(self.g, pat, kids)
        for index, msg in self.seq_cache[key]:
            out.append(_issue(self.file, el if index is None else kids[index], self.lines, msg))
        if not _allows_text(self.g, pat) and any(
                t and t.strip() for t in [el.text] + [c.tail for c in el.iterchildren()]):
            out.append(_issue(self.file, el, self.lines,
                              f'text not allowed here, in element "{_name(el)}"'))
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
                    msg += "; expected attribute " + _or_list([f'"{n}"' for n in names], None)
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


def _children_problems(g: Grammar, pat: Node, kids: list[etree._Element]
                       ) -> list[tuple[int | None, str]]:
    """Problems with a child sequence: (child index or None for the parent, message)."""
    p = d.content(pat)
    out: list[tuple[int | None, str]] = []
    for i, child in enumerate(kids):
        q = _qn(child)
        nxt = d.deriv(g, p, q)
        if nxt is d.NOT_ALLOWED:
            where = "anywhere" if not g.patterns_for(q) else "here"
            msg = f'element "{_name(child)}" not allowed {where}'
            out.append((i, msg + _expected(d.first_names(g, p), d.nullable(g, p))))
            continue  # skip the child, as jing does, and go on
        p = nxt
    if not d.nullable(g, p):
        req = d.first_names(g, p)
        msg = f'element "{etree.QName(pat.kids[0].text or "").localname}" incomplete'
        if pat.kids[0].kind != "name":
            msg = "element incomplete"
        if len(req) == 1:
            msg += f'; missing required element "{req[0]}"'
        else:
            msg += _expected(req, False)
        out.append((None, msg))
    return out


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


def _expected(names: list[str], can_end: bool) -> str:
    parts = []
    if can_end:
        parts.append("the element end-tag")
    if names:
        shown = [f'"{n}"' for n in sorted(set(names))]
        if len(shown) > _MAX_LISTED:
            shown = shown[:_MAX_LISTED] + [f"… ({len(set(names)) - _MAX_LISTED} more)"]
        parts.append("element " + ", ".join(shown))
    return "; expected " + " or ".join(parts) if parts else ""


def _or_list(items: list[str], limit: int | None = _MAX_LISTED) -> str:
    """``"a", "b" or "c"``; at most ``limit`` items (attributes are all listed, as jing)."""
    if limit is not None and len(items) > limit:
        items = items[:limit] + [f"… ({len(items) - limit} more)"]
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
