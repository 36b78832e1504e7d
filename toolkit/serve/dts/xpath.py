"""XPath of a TEI ``citeStructure`` (``@match``, ``@use``, ``citeData/@use``) for lxml.

TEI writes these expressions with unprefixed element names meaning TEI elements (the
Guidelines' examples: ``match="//body/div"``), as XSLT's ``xpath-default-namespace``
would read them. lxml evaluates XPath 1.0, where an unprefixed name means "no
namespace", so every unprefixed element name test gets the ``tei:`` prefix here;
attribute names, function names, axis names, variables and the operator names
``and or div mod`` are left alone (the XPath 1.0 lexical rules tell them apart).
"""

from __future__ import annotations

import re

from lxml import etree

from ...xmlio import TEI_NS

_NAME = r"[A-Za-z_][\w.\-]*"
_TOKEN = re.compile(rf"""
    (?P<ws>\s+)
  | (?P<str>"[^"]*"|'[^']*')
  | (?P<num>\d+(?:\.\d*)?|\.\d+)
  | (?P<name>{_NAME}(?::(?:{_NAME}|\*))?)
  | (?P<op>//|::|\.\.|!=|<=|>=|[/()\[\],@|+=<>*$.\-])
""", re.VERBOSE)

_OPENERS = {"@", "::", "(", "[", ","}
_SYMBOL_OPERATORS = {"/", "//", "|", "+", "-", "=", "!=", "<", "<=", ">", ">=", "*"}


class XPathError(ValueError):
    """An expression lxml cannot compile or evaluate (e.g. XPath 2.0 syntax)."""


def tei_xpath(expr: str) -> str:
    """``expr`` with every unprefixed element name test in the TEI namespace."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None:
            raise XPathError(f"cannot read XPath expression {expr!r} at {pos + 1}")
        tokens.append((m.lastgroup or "", m.group()))
        pos = m.end()
    out: list[str] = []
    sig = [text for kind, text in tokens if kind != "ws"]
    prev: str | None = None  # the previous significant token
    prev2: str | None = None  # and the one before it
    prev_operator = False  # whether it was read as an operator
    si = 0
    for kind, text in tokens:
        if kind == "ws":
            out.append(text)
            continue
        nxt = sig[si + 1] if si + 1 < len(sig) else None
        si += 1
        # XPath 1.0, 3.7: after a token other than @ :: ( [ , or an operator, a name
        # is an operator name (and, or, div, mod) and * is the multiplication
        after_operand = prev is not None and not prev_operator and prev not in _OPENERS
        is_operator = (kind == "op" and text in _SYMBOL_OPERATORS and
                       (text != "*" or after_operand)) or \
                      (kind == "name" and after_operand and prev != "$")
        if kind == "name" and not is_operator and _is_element_test(text, prev, prev2, nxt):
            text = "tei:" + text
        out.append(text)
        prev2, prev, prev_operator = prev, text, is_operator
    return "".join(out)


def _is_element_test(name: str, prev: str | None, prev2: str | None,
                     nxt: str | None) -> bool:
    if ":" in name or nxt in ("(", "::") or prev in ("@", "$"):
        return False
    return not (prev == "::" and prev2 in ("attribute", "namespace"))


def compile_xpath(expr: str, nsmap: dict | None = None) -> etree.XPath:
    """A compiled lxml XPath of a TEI-default-namespace expression."""
    namespaces = {k: v for k, v in (nsmap or {}).items() if k}
    namespaces["tei"] = TEI_NS
    try:
        return etree.XPath(tei_xpath(expr.strip()), namespaces=namespaces)
    except etree.XPathError as exc:
        raise XPathError(f"XPath {expr!r} cannot be evaluated here ({exc}); teikit "
                         "evaluates citeStructure expressions as XPath 1.0") from None


def evaluate(xp: etree.XPath, node: etree._Element) -> list:
    try:
        result = xp(node)
    except etree.XPathError as exc:
        raise XPathError(f"XPath {xp.path!r} failed: {exc}") from None
    return result if isinstance(result, list) else [result]


def as_string(value) -> str:
    """The string value of an XPath result item (numbers without a needless ``.0``)."""
    if isinstance(value, etree._Element):
        return "".join(value.itertext())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)
