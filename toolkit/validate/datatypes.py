"""XSD datatypes checked as jing checks them, where libxml2 judges otherwise.

teikit's RELAX NG verdicts come from libxml2, whose XSD datatype library differs from
jing's (the reference validator of TEI) in a few places, found by running both over
the same values (``tests/validate/test_datatypes.py`` keeps each as a case):

* ``anyURI``: libxml2 parses the value as an RFC 3986 URI and refuses, e.g.,
  ``http://http://www.example.org/`` or a port that is not a number, while it accepts
  ``http:`` and ``//[v1.x]/``. jing (XSD 1.0, lax) escapes the characters a URI may
  not hold (spaces, non-ASCII separators, ``<>"{}|\\^```…) and asks
  ``java.net.URI`` (RFC 2396 with RFC 2732's IPv6 literals): an authority that is not
  a host and port is a registry name; ``%`` must start an escape; one ``#``; a scheme
  is a letter then letters, digits, ``+-.`` and needs something after its colon.
  :func:`any_uri` is that grammar, written as one regular expression. The grammar
  given to libxml2 checks such values as ``token`` (keeping every other facet), and
  :mod:`toolkit.validate.relaxng` checks them with :func:`any_uri` afterwards.
* ``time`` and ``dateTime``: libxml2 accepts the hour ``24:00:00``, which jing refuses;
  a pattern facet added to those datatypes refuses it (:data:`EXTRA_PATTERNS`).
* ``double`` and ``float``: libxml2 accepts an exponent without digits (``1E``),
  which jing refuses; likewise refused by an added pattern.

Left as libxml2 has it: the leap second ``23:59:60``, which jing accepts in ``time``
and ``dateTime`` and libxml2 refuses (a value no TEI document is likely to hold).
"""

from __future__ import annotations

import re
from functools import lru_cache

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"

#: datatype -> pattern facet added for libxml2 (XSD regular expressions)
EXTRA_PATTERNS = {
    "time": r"([01][0-9]|2[0-3]).*",
    "dateTime": r"[^T]*T([01][0-9]|2[0-3]).*",
    "double": r".*[0-9.FN]",
    "float": r".*[0-9.FN]",
}

#: datatypes libxml2 is not asked to check (see :func:`any_uri`)
CHECKED_HERE = {"anyURI": "token"}


def _uri_pattern() -> str:
    hexd = "[0-9A-Fa-f]"
    # jing escapes what a URI may not hold; an escape is accepted wherever one is, so
    # every such character (and any non-ASCII one) stands where %XX may stand.
    esc = f"(?:%{hexd}{hexd}|[^A-Za-z0-9\\-_.!~*'();/?:@&=+$,\\[\\]%#])"
    unreserved = "A-Za-z0-9\\-_.!~*'()"

    def chars(extra: str) -> str:
        return f"(?:[{unreserved}{extra}]|{esc})"

    uric = chars(";/?:@&=+$,\\[\\]")
    uric_no_slash = chars(";?:@&=+$,\\[\\]")
    pchar = chars(":@&=+$,;/")
    pchar_no_slash = chars(":@&=+$,;")
    first_segment = chars("@&=+$,;")  # a ':' before any '/?#' would make it a scheme
    reg_name = chars("$,;:@&=+")
    userinfo = chars(";:&=+$,")
    h16 = f"{hexd}{{1,4}}"
    octet = "0*(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
    ls32 = f"(?:{h16}:{h16}|{octet}\\.{octet}\\.{octet}\\.{octet})"
    ipv6 = "|".join([
        f"(?:{h16}:){{6}}{ls32}",
        f"::(?:{h16}:){{5}}{ls32}",
        f"(?:{h16})?::(?:{h16}:){{4}}{ls32}",
        f"(?:(?:{h16}:)?{h16})?::(?:{h16}:){{3}}{ls32}",
        f"(?:(?:{h16}:){{0,2}}{h16})?::(?:{h16}:){{2}}{ls32}",
        f"(?:(?:{h16}:){{0,3}}{h16})?::{h16}:{ls32}",
        f"(?:(?:{h16}:){{0,4}}{h16})?::{ls32}",
        f"(?:(?:{h16}:){{0,5}}{h16})?::{h16}",
        f"(?:(?:{h16}:){{0,6}}{h16})?::",
    ])
    # Without brackets every server character is a registry-name one, so such an
    # authority is valid exactly when it is a registry name; with them, it must be
    # [userinfo@][IPv6 literal][:port].
    server = f"(?:{userinfo}*@)?\\[(?:{ipv6})(?:%[A-Za-z0-9]+)?\\](?::[0-9]*)?"
    authority = f"(?:{reg_name}+|{server})"
    query = f"(?:\\?{uric}*)?"
    fragment = f"(?:#{uric}*)?"
    path = f"{pchar}*"
    net_path = (f"//(?:{authority}(?:/{path})?{query}{fragment}"
                f"|/{path}{query}{fragment}|\\?{uric}*{fragment}|#{uric}*)")
    abs_path = f"/(?:{pchar_no_slash}{path})?{query}{fragment}"
    opaque = f"{uric_no_slash}{uric}*{fragment}"
    relative = f"{first_segment}+(?:/{path})?{query}{fragment}|{query}{fragment}"
    scheme = "[A-Za-z][A-Za-z0-9+\\-.]*:"
    return (f"{scheme}(?:{net_path}|{abs_path}|{opaque})"
            f"|{net_path}|{abs_path}|{relative}")


_URI = re.compile(_uri_pattern())


@lru_cache(maxsize=65536)
def any_uri(value: str) -> bool:
    """Whether jing accepts ``value`` as an ``xsd:anyURI`` (whitespace collapsed first)."""
    return _URI.fullmatch(_collapse(value)) is not None


def _collapse(value: str) -> str:
    """XSD whiteSpace="collapse" (only space, tab, CR and LF are whitespace)."""
    return _XSD_SPACE.sub(" ", value).strip(" ")


_XSD_SPACE = re.compile(r"[ \t\r\n]+")
