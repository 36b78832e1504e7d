"""The OAI-PMH 2.0 protocol as a pure function: request arguments in, response XML out.

:func:`respond` takes the raw ``application/x-www-form-urlencoded`` bytes of a GET query
or POST body, so every failure of the request itself (invalid UTF-8, repeated or
unknown arguments, bad dates) is answered with the protocol's error codes, never an
exception. Metadata was prepared at index time; a response only splices stored XML.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape, quoteattr

from . import tokens
from .formats import FORMATS, set_name
from .store import Record, Store

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
MAX_REQUEST = 1 << 20  #: bytes of arguments accepted; more is answered with badArgument

_LIST = {"ListIdentifiers", "ListRecords"}
#: verb -> (required arguments, optional arguments); resumptionToken is handled apart.
VERBS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "Identify": (frozenset(), frozenset()),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"})),
    "ListSets": (frozenset(), frozenset()),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset()),
    "ListIdentifiers": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"})),
    "ListRecords": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"})),
}
_TOKEN_VERBS = {"ListSets", "ListIdentifiers", "ListRecords"}
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+\Z")
_SETSPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*\Z")
_IDENT = re.compile(r"[^\s<>\"{}|\\^`]+\Z")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")


@dataclass
class Config:
    """What the repository says about itself (see ``teikit serve --help``)."""

    repository_name: str = "teikit edition"
    admin_emails: tuple[str, ...] = ("admin@teikit.invalid",)
    page_size: int = 100
    token_ttl: int = 3600  #: seconds a resumption token stays valid


class OAIError(Exception):
    """A protocol error: ``code`` is one of the OAI-PMH error codes."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Request:
    verb: str
    args: dict[str, str] = field(default_factory=dict)


def iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- argument checking ---------------------------------------------------------------
def parse_request(raw: bytes) -> Request:
    """Decode and check the arguments; raise OAIError (badVerb/badArgument) when illegal."""
    if len(raw) > MAX_REQUEST:
        raise OAIError("badArgument", f"the request is larger than {MAX_REQUEST} bytes")
    try:
        pairs = parse_qsl(raw.decode("ascii", "strict"), keep_blank_values=True,
                          encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise OAIError("badArgument", "the arguments are not valid UTF-8") from None
    except ValueError:
        raise OAIError("badArgument", "the arguments are not valid form encoding") from None
    args: dict[str, str] = {}
    for key, value in pairs:
        if key == "verb" and "verb" in args:
            raise OAIError("badVerb", "the verb argument is repeated")
        if key in args:
            raise OAIError("badArgument", f"the argument {_q(key)} is repeated")
        args[key] = value
    verb = args.pop("verb", None)
    if verb is None:
        raise OAIError("badVerb", "the verb argument is missing")
    if verb not in VERBS:
        raise OAIError("badVerb", f"illegal verb {_q(verb)}")
    _check_arguments(verb, args)
    return Request(verb, args)


def _q(text: str, limit: int = 60) -> str:
    """A user value made safe for an error message (no control characters, bounded)."""
    safe = _XML_ILLEGAL.sub("\ufffd", text)
    return repr(safe if len(safe) <= limit else safe[:limit] + "…")


def _check_arguments(verb: str, args: dict[str, str]) -> None:
    required, optional = VERBS[verb]
    for key, value in args.items():
        if _XML_ILLEGAL.search(value) or _XML_ILLEGAL.search(key):
            raise OAIError("badArgument", f"argument {_q(key)} holds characters not allowed")
    if "resumptionToken" in args and verb in _TOKEN_VERBS:
        others = sorted(set(args) - {"resumptionToken"})
        if others:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument; "
                           f"also given: {', '.join(map(_q, others))}")
        return
    unknown = sorted(set(args) - required - optional)
    if unknown:
        raise OAIError("badArgument", f"illegal argument(s) for {verb}: "
                       f"{', '.join(map(_q, unknown))}")
    missing = sorted(required - set(args))
    if missing:
        raise OAIError("badArgument", f"missing argument(s) for {verb}: {', '.join(missing)}")
    if "metadataPrefix" in args and not _PREFIX.match(args["metadataPrefix"]):
        raise OAIError("badArgument", "illegal metadataPrefix syntax")
    if "set" in args and not _SETSPEC.match(args["set"]):
        raise OAIError("badArgument", "illegal setSpec syntax")
    if "identifier" in args and not _IDENT.match(args["identifier"]):
        raise OAIError("badArgument", "illegal identifier syntax (not a URI)")
    _dates(args)


def _date(value: str, end: bool) -> tuple[int, str]:
    """A from/until value as (epoch second, granularity); day values cover the whole day."""
    if _SECOND.match(value):
        fmt, gran = "%Y-%m-%dT%H:%M:%SZ", "second"
    elif _DAY.match(value):
        fmt, gran = "%Y-%m-%d", "day"
    else:
        raise OAIError("badArgument", f"illegal date {_q(value)} "
                       "(use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)")
    try:
        ts = int(datetime.strptime(value, fmt).replace(tzinfo=UTC).timestamp())
    except ValueError:
        raise OAIError("badArgument", f"illegal date {_q(value)}") from None
    return (ts + 86399 if end and gran == "day" else ts), gran


def _dates(args: dict[str, str]) -> tuple[int | None, int | None]:
    start = _date(args["from"], False) if "from" in args else None
    end = _date(args["until"], True) if "until" in args else None
    if start and end:
        if start[1] != end[1]:
            raise OAIError("badArgument", "from and until have different granularities")
        if start[0] > end[0]:
            raise OAIError("badArgument", "from is later than until")
    return (start[0] if start else None, end[0] if end else None)


# -- the verbs -----------------------------------------------------------------------
class Provider:
    """One repository: its store and configuration. :meth:`respond` is thread-safe."""

    def __init__(self, store: Store, config: Config | None = None,
                 clock=time.time):
        self.store = store
        self.config = config or Config()
        self.clock = clock

    def respond(self, raw: bytes, base_url: str) -> bytes:
        """The complete OAI-PMH response (UTF-8 XML) to one request."""
        now = int(self.clock())
        try:
            req = parse_request(raw)
        except OAIError as exc:
            return _envelope(now, base_url, None, _error(exc))
        try:
            body = getattr(self, f"_{req.verb}")(req, base_url, now)
        except OAIError as exc:
            # After badVerb/badArgument the request element has no attributes (spec 3.6).
            return _envelope(now, base_url, None if exc.code == "badArgument" else req,
                             _error(exc))
        return _envelope(now, base_url, req, body)

    def _Identify(self, req: Request, base_url: str, now: int) -> str:
        sample = self.store.sample_identifier()
        emails = "".join(f"<adminEmail>{escape(e)}</adminEmail>"
                         for e in self.config.admin_emails)
        return (
            "<Identify>"
            f"<repositoryName>{escape(self.config.repository_name)}</repositoryName>"
            f"<baseURL>{escape(base_url)}</baseURL>"
            f"<protocolVersion>2.0</protocolVersion>{emails}"
            f"<earliestDatestamp>{iso(self.store.earliest_datestamp())}</earliestDatestamp>"
            "<deletedRecord>persistent</deletedRecord>"
            f"<granularity>{GRANULARITY}</granularity>"
            "<description><oai-identifier "
            'xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" '
            'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier '
            'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">'
            "<scheme>oai</scheme>"
            f"<repositoryIdentifier>{escape(self.store.repository_id)}</repositoryIdentifier>"
            f"<delimiter>:</delimiter><sampleIdentifier>{escape(sample)}</sampleIdentifier>"
            "</oai-identifier></description></Identify>")

    def _ListMetadataFormats(self, req: Request, base_url: str, now: int) -> str:
        prefixes = list(FORMATS)
        if "identifier" in req.args:
            rec = self._record(req.args["identifier"])
            prefixes = [p for p in prefixes if p in rec.formats]
            if not prefixes:
                raise OAIError("noMetadataFormats", "no metadata formats for this item")
        items = "".join(
            f"<metadataFormat><metadataPrefix>{p}</metadataPrefix>"
            f"<schema>{escape(FORMATS[p].schema)}</schema>"
            f"<metadataNamespace>{escape(FORMATS[p].namespace)}</metadataNamespace>"
            "</metadataFormat>" for p in prefixes)
        return f"<ListMetadataFormats>{items}</ListMetadataFormats>"

    def _ListSets(self, req: Request, base_url: str, now: int) -> str:
        if "resumptionToken" in req.args:
            raise OAIError("badResumptionToken", "ListSets is answered in one response; "
                           "this repository issued no token for it")
        specs = self.store.set_specs()
        if not specs:
            raise OAIError("noSetHierarchy", "this repository has no sets")
        items = "".join(f"<set><setSpec>{escape(s)}</setSpec>"
                        f"<setName>{escape(set_name(s))}</setName></set>" for s in specs)
        return f"<ListSets>{items}</ListSets>"

    def _GetRecord(self, req: Request, base_url: str, now: int) -> str:
        prefix = self._prefix(req.args["metadataPrefix"])
        rec = self._record(req.args["identifier"])
        if not rec.deleted and prefix not in rec.formats:
            raise OAIError("cannotDisseminateFormat",
                           f"{prefix} is not available for this item")
        return f"<GetRecord>{self._record_xml(rec, prefix)}</GetRecord>"

    def _ListIdentifiers(self, req: Request, base_url: str, now: int) -> str:
        return self._list(req, now, records=False)

    def _ListRecords(self, req: Request, base_url: str, now: int) -> str:
        return self._list(req, now, records=True)

    # -- helpers ------------------------------------------------------------------
    def _prefix(self, prefix: str) -> str:
        if prefix not in FORMATS:
            raise OAIError("cannotDisseminateFormat",
                           f"unknown metadata format {_q(prefix)}; see ListMetadataFormats")
        return prefix

    def _record(self, ident: str) -> Record:
        rec = self.store.get(ident)
        if rec is None:
            raise OAIError("idDoesNotExist", f"no item with identifier {_q(ident)}")
        return rec

    def _list(self, req: Request, now: int, records: bool) -> str:
        if "resumptionToken" in req.args:
            state = self._state(req)
        else:
            start, end = _dates(req.args)
            state = {"v": req.verb, "p": self._prefix(req.args["metadataPrefix"]),
                     "s": req.args.get("set"), "f": start, "u": end, "k": None, "c": 0}
            if state["s"] is not None and not self.store.set_specs():
                raise OAIError("noSetHierarchy", "this repository has no sets")
        prefix, spec, start, end = state["p"], state["s"], state["f"], state["u"]
        size = self.config.page_size
        after = tuple(state["k"]) if state["k"] else None
        page = self.store.page(prefix, spec, start, end, after, size + 1)
        if not page:  # also when every remaining record left the window meanwhile
            raise OAIError("noRecordsMatch", "no (more) records match the request")
        total = self.store.count(prefix, spec, start, end)
        more, page = len(page) > size, page[:size]
        items = "".join(self._record_xml(r, prefix) if records else _header(r) for r in page)
        token = ""
        if more or state["c"] > 0:
            token = self._token(state, page, more, total, now)
        return f"<{req.verb}>{items}{token}</{req.verb}>"

    def _state(self, req: Request) -> dict:
        try:
            state = tokens.decode(req.args["resumptionToken"], self.store.secret,
                                  now=self.clock())
        except tokens.BadToken as exc:
            raise OAIError("badResumptionToken", str(exc)) from None
        if state.get("v") != req.verb or state.get("p") not in FORMATS:
            raise OAIError("badResumptionToken", f"this token is not for {req.verb}")
        return state

    def _token(self, state: dict, page: list[Record], more: bool, total: int,
               now: int) -> str:
        cursor = state["c"]
        attrs = f'completeListSize="{max(total, cursor + len(page))}" cursor="{cursor}"'
        if not more:
            return f"<resumptionToken {attrs}/>"
        exp = now + self.config.token_ttl
        last = page[-1]
        nxt = dict(state, k=[last.datestamp, last.identifier], c=cursor + len(page), exp=exp)
        value = tokens.encode(nxt, self.store.secret)
        return (f'<resumptionToken expirationDate="{iso(exp)}" {attrs}>'
                f"{value}</resumptionToken>")

    def _record_xml(self, rec: Record, prefix: str) -> str:
        if rec.deleted:
            return f"<record>{_header(rec)}</record>"
        meta = self.store.metadata(rec.identifier, prefix) or ""
        return f"<record>{_header(rec)}<metadata>{meta}</metadata></record>"


def _header(rec: Record) -> str:
    status = ' status="deleted"' if rec.deleted else ""
    sets = "".join(f"<setSpec>{escape(s)}</setSpec>" for s in rec.sets)
    return (f"<header{status}><identifier>{escape(rec.identifier)}</identifier>"
            f"<datestamp>{iso(rec.datestamp)}</datestamp>{sets}</header>")


def _error(exc: OAIError) -> str:
    return f'<error code="{exc.code}">{escape(exc.message)}</error>'


def _envelope(now: int, base_url: str, req: Request | None, body: str) -> bytes:
    attrs = ""
    if req is not None:
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in
                        sorted({"verb": req.verb, **req.args}.items()))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OAI-PMH xmlns="{OAI_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">'
        f"<responseDate>{iso(now)}</responseDate>"
        f"<request{attrs}>{escape(base_url)}</request>{body}</OAI-PMH>\n").encode()
