"""The one secure XML parser, local XInclude, and atomic writes.

Untrusted XML never resolves external entities, never touches the network, and
entity-expansion bombs are refused by libxml2's amplification limit. Documents are
bounded by the documented limits of :mod:`toolkit.limits` (file size, nesting depth).
Every parse error becomes a :class:`~toolkit.errors.NotWellFormed` with file, line
and column.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

from lxml import etree

from . import limits
from .errors import InputError, Issue, NotWellFormed, TeikitError, UnsafeXML

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
NS = {"tei": TEI_NS, "xi": XI_NS}

_UNSAFE_MARKERS = ("amplification", "entity reference loop", "Detected an entity",
                   "Excessive depth", "xmlSAX2Characters: huge text node",
                   "Resource limit exceeded")
TEI_ROOTS = ("TEI", "teiCorpus")


class LimitExceeded(UnsafeXML):
    """The input is beyond a documented limit of :mod:`toolkit.limits`."""


class NotTEI(TeikitError):
    """A well-formed document whose root is not ``tei:TEI`` or ``tei:teiCorpus``."""


def secure_parser(recover: bool = False) -> etree.XMLParser:
    """The one set of parser settings every document is read with (``recover``: keep
    going after errors, for callers that then inspect the error log themselves)."""
    # A fresh parser per call: lxml parsers are not safe to share between threads,
    # and building one costs microseconds.
    return etree.XMLParser(
        recover=recover,
        resolve_entities="internal",  # predefined + internal-subset entities only
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        # XML_PARSE_HUGE raises libxml2's depth limit from 256 to 2048 (limits.MAX_DEPTH);
        # text size stays bounded by limits.max_file_bytes(), and the entity
        # amplification limit still applies.
        huge_tree=True,
        remove_blank_text=False,
    )


def secure_pull_parser() -> etree.XMLPullParser:
    """A feed parser with the same secure settings as :func:`secure_parser`, recovering
    (for an editor's half-typed text: start and end events as far as it goes)."""
    return etree.XMLPullParser(
        events=("start", "end"), recover=True, resolve_entities="internal",
        no_network=True, load_dtd=False, dtd_validation=False, huge_tree=True)


_ENTITY_REF = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#)\b|#)[^\W\d][\w.-]*;")


def _first_entity_reference(data: bytes) -> tuple[int, int] | None:
    """Line and column of the first general-entity reference after the DOCTYPE.

    libxml2 reports an amplification error at its position inside the entity's own
    replacement text (e.g. 1:5), which points nowhere useful; the reference in the
    document that triggers the expansion is where a reader should look.
    """
    start = data.find(b"]>")
    m = _ENTITY_REF.search(data, start + 2 if start >= 0 else 0)
    if m is None:
        return None
    line_start = data.rfind(b"\n", 0, m.start()) + 1
    return data.count(b"\n", 0, m.start()) + 1, m.start() - line_start + 1


#: libxml2's parse errors, said as a reader needs them (what is wrong, what to write)
_PARSE_MESSAGES = [
    (re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"),
     'element "{0}" (line {1}) is not closed: expected the end-tag "</{0}>" before '
     '"</{2}>"'),
    (re.compile(r"Premature end of data in tag (\S+) line (\d+)"),
     'the document ends inside element "{0}" (line {1}): expected its end-tag "</{0}>"'),
    (re.compile(r"xmlParseEntityRef: no name|EntityRef: expecting ';'"),
     '"&" must begin an entity or character reference ending in ";" '
     '(write "&amp;" for an ampersand)'),
    (re.compile(r"StartTag: invalid element name"),
     '"<" must begin a tag (write "&lt;" for a less-than sign)'),
    (re.compile(r"Unescaped '<' not allowed in attributes values"),
     '"<" is not allowed in an attribute value (write "&lt;")'),
    (re.compile(r"Specification mandates value for attribute (\S+)"),
     'attribute "{0}" has no value (write {0}="…")'),
    (re.compile(r"AttValue: \" or ' expected"), "an attribute value must be in quotes"),
    (re.compile(r"Attribute (\S+) redefined"), 'attribute "{0}" is given twice'),
    (re.compile(r"Extra content at the end of the document"),
     "content after the end of the root element (a document has exactly one root element)"),
    (re.compile(r"Couldn't find end of Start Tag (\S+)(?: line (\d+))?"),
     'the start-tag of element "{0}" is not closed by ">"'),
    (re.compile(r"Comment not terminated"), 'a comment is not closed by "-->"'),
    (re.compile(r"CData section not finished"), 'a CDATA section is not closed by "]]>"'),
    (re.compile(r"Start tag expected, '<' not found"),
     "no XML here: a document must begin with an element (or the XML declaration)"),
]


def _readable(msg: str) -> str:
    """libxml2's wording, rephrased (with what to write) where it is cryptic."""
    for rx, text in _PARSE_MESSAGES:
        m = rx.search(msg)
        if m:
            return text.format(*m.groups())
    return msg


def _error(exc: etree.XMLSyntaxError, file: str, data: bytes = b"") -> NotWellFormed:
    line, column = exc.position if exc.position else (exc.lineno or 0, exc.offset or 0)
    msg = (exc.msg or str(exc)).strip()
    # lxml appends ", line N, column M" to the message; the location is given separately.
    suffix = f", line {line}, column {column}"
    if msg.endswith(suffix):
        msg = msg[: -len(suffix)]
    cls = UnsafeXML if any(m in msg for m in _UNSAFE_MARKERS) else NotWellFormed
    if "not defined" in msg and "Entity" in msg:
        msg += (" (external entities and DTDs are never loaded: write the character itself "
                "or a character reference such as &#160;)")
    elif "Excessive depth" in msg:
        msg = (f"elements nested deeper than {limits.MAX_DEPTH} levels: refused "
               "(teikit's documented depth limit)")
    elif "amplification" in msg:
        msg = ("entity expansion too large (an entity bomb?): refused; "
               "libxml2 says: " + msg)
        line, column = _first_entity_reference(data) or (line, column)
    else:
        msg = _readable(msg)
    return cls(msg, file=file, line=line or 1, column=column or 1)


def read_bytes(path: str | os.PathLike) -> bytes:
    """Read a file, refusing it beyond ``limits.max_file_bytes()`` without loading it.

    The read itself is bounded too, so a growing file, a device such as ``/dev/zero``
    or an endless pipe cannot exhaust memory.
    """
    p = Path(path)
    limit = limits.max_file_bytes()
    try:
        with p.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISREG(st.st_mode) and st.st_size > limit:
                raise _too_large(str(path), st.st_size, limit)
            data = fh.read(limit + 1)
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=str(path)) from None
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", file=str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), file=str(path)) from None
    if len(data) > limit:
        raise _too_large(str(path), None, limit)
    return data


def _too_large(file: str, size: int | None, limit: int) -> LimitExceeded:
    what = f"{limits.human(size)}" if size is not None else "more than that"
    return LimitExceeded(f"document too large ({what}): teikit reads at most "
                         f"{limits.human(limit)} ({limits.ENV_MAX_BYTES} raises the limit)",
                         file=file)


def parse_bytes(data: bytes, file: str = "-", base_url: str | None = None,
                notes: list[Issue] | None = None) -> etree._ElementTree:
    """Parse XML bytes securely; raise NotWellFormed with a location on failure.

    Duplicate xml:ids and xml:ids that are not NCNames are validity errors, not
    well-formedness ones (libxml2 stops at them): such a document is read anyway and
    each of them is appended to ``notes`` (rule ``xml:id``), as jing reports them."""
    limit = limits.max_file_bytes()
    if len(data) > limit:
        raise _too_large(file, len(data), limit)
    if not data or data.isspace():
        raise NotWellFormed("empty document: no XML in the file", file=file, line=1, column=1)
    try:
        root = etree.fromstring(data, secure_parser(), base_url=base_url)
    except etree.XMLSyntaxError as exc:
        tolerated = _with_id_errors(data, file, base_url) if _is_id_error(exc) else None
        if not isinstance(tolerated, tuple):
            raise tolerated or _error(exc, file, data) from None
        root, issues = tolerated
        if notes is not None:
            notes.extend(issues)
    except ValueError as exc:  # e.g. unicode strings with an encoding declaration
        raise NotWellFormed(str(exc), file=file, line=1, column=1) from None
    return root.getroottree()


_ID_ERRORS = ("DTD_ID_REDEFINED", "DTD_XMLID_VALUE", "DTD_XMLID_TYPE")


def _is_id_error(exc: etree.XMLSyntaxError) -> bool:
    """Whether the parser stopped at an xml:id error (its own message, not the log:
    lxml's error log may still hold earlier parses' entries)."""
    return _id_value(exc.msg or "") != "" or "attribute value  is not an NCName" in (
        exc.msg or "")


def _with_id_errors(data: bytes, file: str, base_url: str | None
                    ) -> tuple[etree._Element, list[Issue]] | NotWellFormed | None:
    """The document parsed again in recovery mode (same secure settings), kept only if
    every error reported is an xml:id error; with those errors as Issues. Otherwise
    the first other error (the document is not well-formed), or None."""
    parser = secure_parser(recover=True)
    try:
        root = etree.fromstring(data, parser, base_url=base_url)
    except etree.XMLSyntaxError:
        return None
    log = list(parser.error_log)
    other = [e for e in log if e.type_name not in _ID_ERRORS]
    if other:
        return NotWellFormed(" ".join(other[0].message.split()), file=file,
                             line=other[0].line or 1, column=other[0].column or 1)
    if root is None or not log:
        return None
    bad_values = {_id_value(e.message) for e in log if e.type_name != "DTD_ID_REDEFINED"}
    first = _first_ids(root)
    issues = []
    for e in log:
        value = _id_value(e.message)
        if e.type_name == "DTD_ID_REDEFINED":
            if value in bad_values:  # libxml2's echo of a malformed (e.g. empty) id
                continue
            line = first.get(value)
            where = f" (first defined on line {line})" if line else ""
            msg = f'duplicate xml:id "{value}"{where}'
        else:  # jing's words
            msg = 'value of attribute "xml:id" is invalid; must be an XML name without colons'
        issues.append(Issue(file, e.line, e.column, "error", msg, rule="xml:id", source="xml"))
    return root, issues


def _first_ids(root: etree._Element) -> dict[str, int]:
    """Each xml:id's first line (for "duplicate" messages)."""
    out: dict[str, int] = {}
    for el in root.iter(etree.Element):
        value = el.get(f"{{{XML_NS}}}id")
        if value is not None and value not in out:
            out[value] = el.sourceline or 0
    return out


def _id_value(message: str) -> str:
    m = (re.match(r"ID (.*) already defined", message)
         or re.match(r"xml:id : attribute value (.*) is not an NCName", message))
    return m.group(1) if m else ""


@dataclass(frozen=True)
class IncludeScope:
    """The folders XIncludes may read from: the edition's root and the folders its
    configuration allows besides (absolute, symbolic links resolved)."""

    root: str
    allowed: tuple[str, ...] = ()

    @classmethod
    def of(cls, root: str | os.PathLike, allowed: Iterable[str | os.PathLike] = ()
           ) -> IncludeScope:
        return cls(os.path.realpath(root), tuple(os.path.realpath(a) for a in allowed))

    @classmethod
    def around(cls, path: str | os.PathLike) -> IncludeScope:
        """The default scope of a document read on its own: the folder it is in (a
        folder given as ``path`` is its own scope)."""
        p = Path(path)
        return cls.of(p if p.is_dir() else p.parent)

    def permits(self, target: str | os.PathLike) -> bool:
        real = os.path.realpath(target)
        return any(real == d or real.startswith(d.rstrip(os.sep) + os.sep)
                   for d in (self.root, *self.allowed))


def parse(path: str | os.PathLike, xinclude: bool = True,
          scope: IncludeScope | None = None,
          notes: list[Issue] | None = None) -> etree._ElementTree:
    """Parse a file securely, resolving local XIncludes (never over the network) that
    stay inside ``scope`` (default: the document's own folder).

    ``notes`` collects what was read anyway: xml:id errors (see :func:`parse_bytes`)
    and remote XIncludes replaced by their xi:fallback (warnings)."""
    return parse_file_bytes(read_bytes(path), path, xinclude, scope, notes)


def parse_file_bytes(data: bytes, path: str | os.PathLike, xinclude: bool = True,
                     scope: IncludeScope | None = None,
                     notes: list[Issue] | None = None) -> etree._ElementTree:
    """:func:`parse` of bytes already read from ``path`` (its location and base URL)."""
    file = str(path)
    tree = parse_bytes(data, file=file, base_url=Path(path).resolve().as_uri(), notes=notes)
    if xinclude and tree.getroot().find(f".//{{{XI_NS}}}include") is not None:
        used = resolve_xincludes(tree, file, scope, data)
        if notes is not None:
            notes.extend(Issue(file, line, 1, "warning", f"XInclude of {href} not fetched "
                               "(teikit never uses the network): its xi:fallback is used",
                               rule="xinclude", source="xml") for href, line in used)
    return tree


def require_tei(tree: etree._ElementTree, file: str = "-") -> etree._ElementTree:
    """Return ``tree`` if its root is ``tei:TEI`` or ``tei:teiCorpus``, else raise NotTEI."""
    root = tree.getroot()
    qname = etree.QName(root)
    if qname.namespace == TEI_NS and qname.localname in TEI_ROOTS:
        return tree
    where = f"in namespace {qname.namespace}" if qname.namespace else "in no namespace"
    hint = " (a TEI P4 or un-namespaced TEI document?)" if qname.localname in TEI_ROOTS else ""
    raise NotTEI(f"not a TEI document: the root element is <{qname.localname}> {where}; "
                 f"expected <TEI> or <teiCorpus> in namespace {TEI_NS}{hint}",
                 file=file, line=root.sourceline or 1, column=1)


def parse_tei(path: str | os.PathLike, xinclude: bool = True,
              scope: IncludeScope | None = None,
              notes: list[Issue] | None = None) -> etree._ElementTree:
    """:func:`parse`, then :func:`require_tei`: for commands that only make sense on TEI."""
    return require_tei(parse(path, xinclude=xinclude, scope=scope, notes=notes), str(path))


class IncludeOutsideScope(NotWellFormed):
    """An XInclude reaches a file outside the edition's folder (and the folders its
    configuration allows): refused, so that a document cannot publish the build
    machine's files."""


def resolve_xincludes(tree: etree._ElementTree, file: str,
                      scope: IncludeScope | None = None, data: bytes | None = None
                      ) -> list[tuple[str, int]]:
    """Resolve local XIncludes in place; a failure is reported with its location.

    A non-local href is never fetched: an include with an ``xi:fallback`` is replaced
    by its fallback (as jing does when the address cannot be reached), one without is
    refused here; one inside an included document is refused by libxml2 itself, since
    the document's parser was made with ``no_network``. Every file the document
    includes, directly or through an included document, must lie inside ``scope``
    (default: the document's folder; symbolic links are followed before the check) and
    is held to the size limit, before anything is included. ``data``: the document's
    bytes, to locate a refusal's column. Returns the includes replaced by their
    fallback, as (href, line), for callers that report them.
    """
    fallen_back = []
    scope = scope or IncludeScope.around(file)
    own = os.path.realpath(file)
    for inc in list(tree.getroot().iter(f"{{{XI_NS}}}include")):
        href = inc.get("href", "")
        if "://" in href and not href.startswith("file:"):
            fallback = inc.find(f"{{{XI_NS}}}fallback")
            if fallback is None or inc.getparent() is None:
                raise NotWellFormed(f"XInclude of non-local resource refused (and no "
                                    f"xi:fallback to use instead): {href}",
                                    file=file, line=inc.sourceline or 0,
                                    column=_column(inc, data))
            fallen_back.append((href, inc.sourceline or 0))
            _replace_by_content(inc, fallback)
            continue
        base = inc.base or Path(file).resolve().as_uri()
        limit = limits.max_file_bytes()
        for target, size in _include_sizes(base, href, inc.get("parse", "xml"), set(),
                                           file=file):
            if not scope.permits(target) and os.path.realpath(target) != own:
                if _use_fallback(inc):
                    break
                real = os.path.realpath(target)
                what = f"{target} (a link to {real})" if real != str(target) else real
                raise IncludeOutsideScope(
                    f"XInclude of {what} refused: outside the edition's folder "
                    f"{scope.root} (teikit.toml's [xinclude] allow lists other folders "
                    "that may be included)", file=file, line=inc.sourceline or 0,
                    column=_column(inc, data))
            if size > limit:
                shown = os.path.relpath(target, Path(file).resolve().parent)
                raise LimitExceeded(
                    f"XInclude target {shown} too large ({limits.human(size)}): teikit "
                    f"reads at most {limits.human(limit)} ({limits.ENV_MAX_BYTES} raises "
                    "the limit)", file=file, line=inc.sourceline or 0, column=1)
    try:
        tree.xinclude()
    except etree.XIncludeError as exc:
        entry = exc.error_log.last_error if exc.error_log else None
        line = entry.line if entry is not None else 0
        msg = re.sub(r", line \d+$", "", str(exc))
        raise NotWellFormed(f"XInclude failed: {msg}", file=file, line=line, column=1) from None
    return fallen_back


def _replace_by_content(el: etree._Element, holder: etree._Element) -> None:
    """Put ``holder``'s content (text and children) where ``el`` is, keeping ``el``'s tail."""
    parent = el.getparent()
    at = parent.index(el)
    text, tail = holder.text or "", el.tail or ""
    kids = list(holder)
    if at == 0:
        parent.text = (parent.text or "") + text
    else:
        prev = parent[at - 1]
        prev.tail = (prev.tail or "") + text
    parent.remove(el)
    for i, kid in enumerate(kids):
        parent.insert(at + i, kid)
    if kids:
        kids[-1].tail = (kids[-1].tail or "") + tail
    elif at == 0:
        parent.text = (parent.text or "") + tail
    else:
        prev = parent[at - 1]
        prev.tail = (prev.tail or "") + tail


_MAX_INCLUDE_DEPTH = 16


def _use_fallback(inc: etree._Element) -> bool:
    """Replace an XInclude by the content of its xi:fallback, as XInclude does when a
    resource cannot be read (here: outside the edition); False if it has none."""
    fallback = inc.find(f"{{{XI_NS}}}fallback")
    parent = inc.getparent()
    if fallback is None or parent is None:
        return False
    at = parent.index(inc)
    _add_text(parent, at - 1, fallback.text)
    children = list(fallback)
    for i, child in enumerate(children):
        parent.insert(at + i, child)
    tail = inc.tail
    parent.remove(inc)  # lxml removes the tail with the element: kept below
    _add_text(parent, at + len(children) - 1, tail)
    return True


def _add_text(parent: etree._Element, index: int, text: str | None) -> None:
    """Append text after child ``index`` of ``parent`` (-1: at its start)."""
    if not text:
        return
    if index >= 0:
        parent[index].tail = (parent[index].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _column(el: etree._Element, data: bytes | None) -> int:
    """The column of an xi:include's start tag (lxml gives only its line), found in the
    document's text: the n-th ``<prefix:include`` of its line; 1 if not found."""
    line = el.sourceline or 0
    if not data or line < 1:
        return 1
    lines = data.split(b"\n", line)
    if len(lines) < line:
        return 1
    text = lines[line - 1].decode("utf-8", "replace")
    tag = f"<{el.prefix}:include" if el.prefix else "<include"
    same_line = [i for i in el.getroottree().getroot().iter(f"{{{XI_NS}}}include")
                 if i.sourceline == line]
    pos = -1
    for _ in range(same_line.index(el) + 1 if el in same_line else 1):
        pos = text.find(tag, pos + 1)
        if pos < 0:
            return 1
    return pos + 1


def _include_sizes(base: str, href: str, parse: str, seen: set[Path], depth: int = 0,
                   file: str = "-") -> Iterator[tuple[Path, int]]:
    """(file, size) of an XInclude's local target and of the files it includes in turn
    (read with the size limit; unreadable or malformed ones are left to libxml2, which
    reports them when it includes). A target that does not exist is yielded with size
    0, so that the scope is checked before its existence is revealed."""
    target = _local_target(base, href)
    if target is None or target in seen:
        return
    if depth > _MAX_INCLUDE_DEPTH:
        raise LimitExceeded(f"XIncludes nested deeper than {_MAX_INCLUDE_DEPTH} levels: "
                            "refused", file=file)
    seen.add(target)
    try:
        size = target.stat().st_size
    except OSError:
        yield target, 0
        return
    yield target, size
    if parse == "text":
        return
    uri = target.resolve().as_uri()
    try:
        root = parse_bytes(read_bytes(target), str(target), base_url=uri).getroot()
    except TeikitError:
        return
    for inc in root.iter(f"{{{XI_NS}}}include"):
        yield from _include_sizes(inc.base or uri, inc.get("href", ""),
                                  inc.get("parse", "xml"), seen, depth + 1, file)


def _local_target(base: str, href: str) -> Path | None:
    """The local file an XInclude href designates (relative to its base URI), if any."""
    url = urljoin(base, href) if href else base
    if not url.startswith("file:"):
        return None
    return Path(url2pathname(urlparse(url).path))


def iter_xml_files(paths: list[str | os.PathLike]) -> Iterator[Path]:
    """Expand files and folders (recursively, *.xml) in a stable order.

    Symbolic links to folders are not followed (so a link loop cannot recurse
    forever); a broken or looping link to a file is still listed, so that reading it
    reports the problem instead of the file silently vanishing from a build.
    """
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.xml") if q.is_file() or q.is_symlink())
        elif p.exists():
            yield p
        else:
            raise InputError(_missing_reason(p), file=str(p))


def _missing_reason(p: Path) -> str:
    try:
        p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (too many levels of symbolic links)"
        if p.is_symlink():
            return "broken symbolic link (its target does not exist)"
        if exc.strerror and exc.errno != errno.ENOENT:
            return exc.strerror
    return "no such file or directory"


@contextmanager
def atomic_output(path: str | os.PathLike, mode: str = "wb"):
    """Write to a temporary file beside ``path`` and rename it into place on success.

    A failed write leaves no half-written file and keeps any previous version intact.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_atomic(path: str | os.PathLike, data: bytes | str) -> Path:
    """Write bytes or text atomically; returns the path."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with atomic_output(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise for handing to Saxon: no DOCTYPE (so nothing external is ever loaded)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)
