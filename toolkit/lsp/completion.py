"""Completion from the grammar's derivative at the cursor.

Elements: the content pattern of the element the cursor is in, derived by the names of
the children before the cursor (:mod:`toolkit.validate.rng_messages`), gives the
elements the grammar allows next, not a flat list; with several grammars (tei_all and
the project's), only what every one allows. Attributes: those the element's pattern
allows and that are not written yet, required ones first. Values: closed lists
(``valList``, RELAX NG ``choice`` of ``value``) and, for attributes typed ``anyURI``,
the ``#id``s of the document and the ``file.xml#id``s of the edition, with labels.
Every item carries its documentation (the ODD's, else tei_all's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as t
from lxml import etree

from ..validate import rng_messages as d
from ..validate.rng import Grammar, Node, QName, nc_names, split_clark
from .definitions import FileIndex
from .schemas import DocSchemas
from .text import Context, Text, children_before, cursor_context, open_elements, split_name

XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass
class Edition:
    """What pointer completion needs: this file's index and the other files'."""

    here: FileIndex
    others: list[FileIndex]


def _markdown(*parts: str | None) -> t.MarkupContent | None:
    text = "\n\n".join(p for p in parts if p)
    return t.MarkupContent(t.MarkupKind.Markdown, text) if text else None


def _in_scope(stack: list[etree._Element], declared: dict[str | None, str]) -> dict:
    nsmap = dict(stack[-1].nsmap) if stack else {}
    nsmap.update(declared)
    return nsmap


def _resolve(name: str, nsmap: dict) -> QName:
    prefix, local = split_name(name)
    if prefix == "xml":
        return XML_NS, local
    return nsmap.get(prefix, ""), local


def allowed_elements(g: Grammar, stack: list[etree._Element]) -> list[Node] | None:
    """Element patterns the grammar allows as the next child of the innermost open
    element (the root's alternatives when nothing is open); None: the grammar does
    not know the element the cursor is in."""
    if not stack:
        return d.next_elements(g, g.start)
    parent = stack[-1]
    pats = g.patterns_for(split_clark(parent.tag))
    if not pats:
        return None
    p = d.content(pats[0])
    for child in children_before(parent):
        nxt = d.deriv(g, p, split_clark(child.tag))
        if nxt is not d.NOT_ALLOWED:
            p = nxt  # a child that is not allowed is skipped, as validation does
    return d.next_elements(g, p)


def _element_items(ctx: Context, source: str, offset: int, schemas: DocSchemas
                   ) -> list[t.CompletionItem]:
    at = ctx.tag_start if ctx.kind == "element" else offset
    stack = open_elements(source, at).stack
    nsmap = _in_scope(stack, {})
    found: dict[QName, tuple[Grammar, Node]] | None = None
    for g in schemas.grammars:  # with several grammars, what every one allows
        pats = allowed_elements(g, stack)
        if pats is None:
            continue
        here = {q: (g, el) for el in pats for q in nc_names(el.kids[0])}
        found = here if found is None else {q: found[q] for q in found if q in here}
    items = []
    default = nsmap.get(None, "")
    by_uri = {u: p for p, u in nsmap.items() if p}
    rest = source[offset:offset + 1]
    for (ns, local), (g, pat) in sorted((found or {}).items(), key=lambda kv: kv[0][1]):
        if ns == default:
            name, decl = local, ""
        elif ns in by_uri:
            name, decl = f"{by_uri[ns]}:{local}", ""
        else:
            name, decl = local, f' xmlns="{ns}"' if ns else ""
        required = _required(g, pat)
        attrs = "".join(f' {_attr_label(a)}="${i + 1}"' for i, a in enumerate(required))
        if ctx.kind == "element":
            snippet = f"{name}{decl}{attrs}>$0</{name}>" if rest in ("", "\n", " ", "<") \
                else name
        else:
            snippet = f"<{name}{decl}{attrs}>$0</{name}>"
        doc = schemas.docs.element(local, pat.doc)
        items.append(t.CompletionItem(
            label=name, kind=t.CompletionItemKind.Class, detail=f"element {name}"
            + (f" (namespace {ns})" if ns and ns != default else ""),
            documentation=_markdown(doc, _required_note(required)),
            insert_text=snippet, insert_text_format=t.InsertTextFormat.Snippet,
            filter_text=name if ctx.kind == "element" else f"<{name}"))
    return items


_REQUIRED: dict[int, list[Node]] = {}  # by id() of a grammar's element pattern


def _required(g: Grammar, pat: Node) -> list[Node]:
    """The required attributes of an element pattern (kept: grammars live on, warm)."""
    found = _REQUIRED.get(id(pat))
    if found is None:
        found = _REQUIRED[id(pat)] = [a for a in d.required_attributes(g, pat)
                                      if _attr_label(a)]
    return found


def _required_note(required: list[Node]) -> str | None:
    if not required:
        return None
    return "Required attributes: " + ", ".join(f"`{_attr_label(a)}`" for a in required)


def _attr_label(a: Node) -> str | None:
    nc = a.kids[0]
    if nc.kind != "name":
        return None
    return ("xml:" if nc.attrs["ns"] == XML_NS else "") + (nc.text or "")


def _element_pattern(g: Grammar, qn: QName) -> Node | None:
    pats = g.patterns_for(qn)
    return pats[0] if pats else None


def _attribute_items(ctx: Context, source: str, schemas: DocSchemas) -> list[t.CompletionItem]:
    """The attributes every grammar allows on the element (required first), those
    already written left out; values and types from the last grammar (the most
    specific, e.g. the project's after tei_all), documentation from the ODD or any."""
    stack = open_elements(source, ctx.tag_start).stack
    qn = _resolve(ctx.element, _in_scope(stack, ctx.declared))
    found: dict[str, list[tuple[Grammar, Node, bool]]] | None = None
    for g in schemas.grammars:
        pat = _element_pattern(g, qn)
        if pat is None:
            continue
        required = {id(a) for a in d.required_attributes(g, pat)}
        here: dict[str, list[tuple[Grammar, Node, bool]]] = {}
        for a in d.attributes(g, pat):
            label = _attr_label(a)
            if label is not None and label not in ctx.present and label not in here:
                here[label] = [(g, a, id(a) in required)]
        found = here if found is None else {k: v + here[k] for k, v in found.items()
                                             if k in here}
    items = []
    for label, entries in (found or {}).items():
        g, a, _ = entries[-1]
        req = any(r for _, _, r in entries)
        pattern_doc = next((x.doc for _, x, _ in entries if x.doc), None)
        doc = schemas.docs.attribute(qn[1], label.split(":")[-1], pattern_doc)
        vals = [v.text or "" for v in d.value_nodes(g, a.kids[1])]
        types = d.datatypes(g, a.kids[1])
        items.append(t.CompletionItem(
            label=label, kind=t.CompletionItemKind.Field,
            detail=("required" if req else "optional") + f" attribute of {ctx.element}",
            documentation=_markdown(doc, ("Values: " + ", ".join(f"`{v}`" for v in vals))
                                    if vals else None,
                                    ("Type: " + ", ".join(types)) if types else None),
            sort_text=("0" if req else "1") + label,
            insert_text=f'{label}="$1"', insert_text_format=t.InsertTextFormat.Snippet))
    return items


def _value_items(ctx: Context, source: str, offset: int, text: Text, schemas: DocSchemas,
                 edition: Callable[[], Edition] | None) -> list[t.CompletionItem]:
    stack = open_elements(source, ctx.tag_start).stack
    nsmap = _in_scope(stack, ctx.declared)
    qn = _resolve(ctx.element, nsmap)
    aqn = _resolve(ctx.attribute, {}) if ":" not in ctx.attribute else _resolve(
        ctx.attribute, nsmap)
    token = ctx.prefix.split()[-1] if ctx.prefix and not ctx.prefix[-1:].isspace() else ""
    start = text.position(offset - len(token))
    end = text.position(offset)
    rng = t.Range(t.Position(*start), t.Position(*end))
    values: dict[str, tuple[Node | None, int]] | None = None
    pointer = False
    for g in schemas.grammars:
        pat = _element_pattern(g, qn)
        if pat is None:
            continue
        match = [a for a in d.attributes(g, pat) if _matches(a, aqn)]
        if not match:
            continue
        content = match[0].kids[1]
        here = {(v.text or "").strip(): (v, 0) for v in d.value_nodes(g, content)}
        types = d.datatypes(g, content)
        if "anyURI" in types:
            pointer = True
        if here and not d.has_data(g, content):  # a closed list: narrows the others
            values = here if values is None else {k: v for k, v in values.items() if k in here}
        elif here and values is None:
            values = here
    items = []
    for value, (node, _) in sorted((values or {}).items()):
        doc = schemas.docs.value(aqn[1], value, node.doc if node is not None else None)
        items.append(t.CompletionItem(
            label=value, kind=t.CompletionItemKind.EnumMember,
            detail=f"value of {ctx.attribute}", documentation=_markdown(doc),
            text_edit=t.TextEdit(rng, value)))
    if pointer and edition is not None:
        items += _pointer_items(edition(), rng)
    return items


def _matches(a: Node, qn: QName) -> bool:
    from ..validate.rng import nc_matches

    return nc_matches(a.kids[0], qn)


def _pointer_items(edition: Edition, rng: t.Range) -> list[t.CompletionItem]:
    items = []
    for n, idx in enumerate([edition.here, *edition.others]):
        rel = "" if n == 0 else _relative(idx.path, edition.here.path)
        for target in idx.targets.values():
            token = f"{rel}#{target.id}"
            detail = f"{target.element}: {target.label}" if target.label else target.element
            items.append(t.CompletionItem(
                label=token, kind=t.CompletionItemKind.Reference, detail=detail[:100],
                documentation=_markdown(f"**{target.element}** `{token}`", target.label,
                                        target.dates),
                sort_text=f"{n > 0:d}{token}", text_edit=t.TextEdit(rng, token)))
    return items


def _relative(path: Path, here: Path) -> str:
    import os

    return os.path.relpath(path, here.parent).replace(os.sep, "/")


def complete(source: str, offset: int, text: Text, schemas: DocSchemas,
             edition: Callable[[], Edition] | None = None) -> list[t.CompletionItem]:
    """The completion items at ``offset`` (``edition``: called for pointer values only)."""
    ctx = cursor_context(source, offset)
    if not schemas.grammars or ctx.kind in ("none",):
        return []
    if ctx.kind in ("element", "content"):
        return _element_items(ctx, source, offset, schemas)
    if ctx.kind == "end-tag":
        stack = open_elements(source, ctx.tag_start).stack
        if not stack:
            return []
        el = stack[-1]
        name = f"{el.prefix}:{etree.QName(el).localname}" if el.prefix else \
            etree.QName(el).localname
        return [t.CompletionItem(label=name, kind=t.CompletionItemKind.Class,
                                 detail=f"close <{name}>", insert_text=name + ">")]
    if ctx.kind == "attribute":
        return _attribute_items(ctx, source, schemas)
    if ctx.kind == "value":
        return _value_items(ctx, source, offset, text, schemas, edition)
    return []
