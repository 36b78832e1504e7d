"""The language server: pygls over stdio (or TCP on loopback), one process per editor.

Diagnostics run in one worker thread, so that compiled grammars, reduced grammars and
compiled Schematron stay warm for the whole session and requests (completion, hover)
are answered meanwhile. On open and save a document is checked at once; on change
after a short pause (:data:`DEBOUNCE` s), and a newer change cancels the check in
flight (it stops at the next engine, and a stale result is never published).
Schema, Schematron and ODD files in use are watched (the client's file watcher
where it offers one, and a poll of their modification times) and open documents are
checked again when one changes. Any internal error becomes a log message and a
diagnostic; the server keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..validate import Cancelled
from . import completion, definitions, diagnostics, edition, hover
from .schemas import XML_MODEL, DocSchemas, document_schemas
from .text import Text

log = logging.getLogger("teikit.lsp")

DEBOUNCE = 0.15  # seconds of quiet before a changed document is checked
POLL = 2.0  # seconds between checks of the schema files' modification times
WATCHED = ["**/*.rng", "**/*.sch", "**/*.odd", "**/*.xsd", "**/teikit.toml"]


@dataclass
class DocState:
    """What the server knows of one open document."""

    uri: str
    path: Path
    version: int = 0
    pending: asyncio.Task | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    published: int | None = None


class TeikitServer(LanguageServer):
    """teikit's language server (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__("teikit", __version__)
        self.states: dict[str, DocState] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="teikit-check")
        self.index = definitions.EditionIndex()
        self.language: str | None = None
        self.roots: list[Path] = []
        self._schemas: dict[tuple, tuple[DocSchemas, dict[Path, float]]] = {}
        self._watched: dict[Path, float] = {}  # schema and ODD files in use -> mtime
        self._poller: asyncio.Task | None = None
        self._texts: dict[str, Text] = {}
        self.config_errors: dict[Path, str] = {}  # document -> why teikit.toml is not used

    # ------------------------------------------------------------------ helpers

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16").lower()

    def text_of(self, uri: str) -> tuple[str, Text]:
        """The document's text and its line index (built once per version)."""
        doc = self.workspace.get_text_document(uri)
        source = doc.source
        cached = self._texts.get(uri)
        if cached is None or cached.source is not source and cached.source != source:
            cached = self._texts[uri] = Text(source, self.encoding)
        return source, cached

    def state(self, uri: str) -> DocState:
        st = self.states.get(uri)
        if st is None:
            st = self.states[uri] = DocState(uri, Path(to_fs_path(uri) or uri))
        return st

    def config_for(self, path: Path):
        """The edition's configuration; a broken teikit.toml is remembered (and shown
        on the document) and the server goes on as without one."""
        try:
            config = edition.load_edition_config(path)
        except Exception as exc:
            self.config_errors[path] = str(exc)
            return None
        self.config_errors.pop(path, None)
        return config

    def schemas_for(self, path: Path, source: str) -> DocSchemas:
        """The document's grammars and documentation (rebuilt when a file changes)."""
        config = self.config_for(path)
        names = edition.configured_schemas(config)
        pis = tuple(XML_MODEL.findall(source[:20_000])) if names is None else ()
        key = (str(path.parent), tuple(names or ()), pis, self.language)
        found = self._schemas.get(key)
        if found is None or any(_mtime(f) != m for f, m in found[1].items()):
            built = document_schemas(path, source, names, self.language)
            found = self._schemas[key] = (built, {f: _mtime(f) for f in built.files})
            for f, m in found[1].items():
                self._watched.setdefault(f, m)  # the poller's own record
        return found[0]

    def log_error(self, what: str, exc: BaseException) -> None:
        detail = "".join(traceback.format_exception(exc))
        log.error("%s: %s", what, detail)
        self.window_log_message(t.LogMessageParams(t.MessageType.Error,
                                                   f"teikit: {what}: {detail}"))

    # ------------------------------------------------------------------ diagnostics

    def schedule(self, uri: str, delay: float) -> None:
        """Check a document after ``delay`` seconds; cancels the previous check."""
        st = self.state(uri)
        if st.pending is not None and not st.pending.done():
            st.pending.cancel()
        st.stop.set()  # a check in flight stops at its next engine
        st.stop = threading.Event()
        st.pending = asyncio.get_running_loop().create_task(self._check(st, delay, st.stop))

    async def _check(self, st: DocState, delay: float, stop: threading.Event) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            doc = self.workspace.get_text_document(st.uri)
            version, source = doc.version or 0, doc.source
            started = time.perf_counter()
            loop = asyncio.get_running_loop()
            try:
                found = await loop.run_in_executor(self.worker, self._diagnose, st.path,
                                                   source, stop)
            except Cancelled:
                log.info("check of %s v%s cancelled by a newer change", st.path.name, version)
                return
            if stop.is_set() or (self.workspace.get_text_document(st.uri).version or 0) != version:
                return  # a newer text is being checked
            self.text_document_publish_diagnostics(
                t.PublishDiagnosticsParams(st.uri, found, version))
            st.published = version
            log.info("checked %s v%s in %.0f ms: %d diagnostics", st.path.name, version,
                     (time.perf_counter() - started) * 1000, len(found))
        except asyncio.CancelledError:
            return
        except Exception as exc:  # never let a check take the server down
            self.log_error(f"checking {st.path}", exc)
            self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
                st.uri, [diagnostics.internal_error(exc)], None))

    def _diagnose(self, path: Path, source: str, stop: threading.Event) -> list[t.Diagnostic]:
        """In the worker thread: the document's diagnostics."""
        text = Text(source, self.encoding)
        names = edition.configured_schemas(self.config_for(path))
        try:
            try:
                self.schemas_for(path, source)  # the files to watch (warm for completion)
            except Exception:  # noqa: S110 - check() below reports a bad schema properly
                pass
            found = diagnostics.issues(path, source, names, stop.is_set)
        except Cancelled:
            raise
        except Exception as exc:
            self.log_error(f"checking {path}", exc)
            return [diagnostics.internal_error(exc)]
        out = [diagnostics.to_diagnostic(text, i) for i in found]
        problem = self.config_errors.get(path)
        if problem:
            out.insert(0, t.Diagnostic(
                range=t.Range(t.Position(0, 0), t.Position(0, 1)), source="teikit.toml",
                severity=t.DiagnosticSeverity.Warning, code="config",
                message=f"{problem} (the edition's configuration is not used until fixed)"))
        return out

    # ------------------------------------------------------------------ watching

    async def poll_schemas(self) -> None:
        """Check open documents again when a schema, Schematron or ODD file changes."""
        while True:
            await asyncio.sleep(POLL)
            try:
                changed = [f for f, m in list(self._watched.items()) if _mtime(f) != m]
                if changed:
                    log.info("schema files changed: %s", ", ".join(map(str, changed)))
                    for f in changed:
                        self._watched[f] = _mtime(f)
                    self.recheck_all()
            except Exception as exc:
                self.log_error("watching schema files", exc)

    def recheck_all(self) -> None:
        self._schemas.clear()
        for uri in list(self.states):
            self.schedule(uri, 0)

    # ------------------------------------------------------------------ edition

    def edition_files(self, path: Path) -> list[Path]:
        root = edition.edition_root(path, self.roots, self.config_for(path))
        return edition.edition_files(root)

    def file_index(self, uri: str) -> definitions.FileIndex:
        st = self.state(uri)
        source, _ = self.text_of(uri)
        cached = self.index.open.get(st.path.resolve())
        if cached is None or cached.text.source != source:
            cached = definitions.index_text(st.path.resolve(), source, self.encoding)
            self.index.open[st.path.resolve()] = cached
        return cached

    def lookup(self, here: definitions.FileIndex, pointer: definitions.Pointer
               ) -> tuple[definitions.FileIndex, definitions.Target] | None:
        target = pointer.target(here.path)
        if target is None:
            return None
        idx = here if target[0] == here.path else self.index.file(target[0], self.encoding)
        if idx is None or target[1] not in idx.targets:
            return None
        return idx, idx.targets[target[1]]

    def pointed_at(self, uri: str, position: t.Position):
        """(this file's index, offset, and the (file, declaration) the pointer or the
        xml:id at ``position`` designates, or None)."""
        here = self.file_index(uri)
        offset = here.text.offset(position.line, position.character)
        target = definitions.target_at(here, offset)
        if target is not None:
            return here, offset, (here, target)
        pointer = definitions.pointer_at(here, offset)
        return here, offset, (self.lookup(here, pointer) if pointer is not None else None)

    def location(self, idx: definitions.FileIndex, start: int, end: int) -> t.Location:
        return t.Location(idx.path.as_uri(), t.Range(t.Position(*idx.text.position(start)),
                                                     t.Position(*idx.text.position(end))))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def _guard(fallback=None):
    """A request handler that answers ``fallback`` (and logs) on an internal error."""
    def wrap(fn):
        def handler(ls: TeikitServer, params):
            try:
                return fn(ls, params)
            except Exception as exc:
                ls.log_error(fn.__name__, exc)
                return fallback
        handler.__name__ = fn.__name__
        return handler
    return wrap


def build() -> TeikitServer:
    """A server with every feature registered."""
    server = TeikitServer()

    @server.feature(t.INITIALIZE)
    def initialize(ls: TeikitServer, params: t.InitializeParams) -> None:
        ls.language = params.locale
        folders = params.workspace_folders or []
        ls.roots = [Path(to_fs_path(f.uri)) for f in folders if to_fs_path(f.uri)]
        if not ls.roots and params.root_uri and to_fs_path(params.root_uri):
            ls.roots = [Path(to_fs_path(params.root_uri))]

    @server.feature(t.INITIALIZED)
    async def initialized(ls: TeikitServer, params: t.InitializedParams) -> None:
        ls._poller = asyncio.get_running_loop().create_task(ls.poll_schemas())
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files
        if watch and watch.dynamic_registration:
            try:
                await ls.client_register_capability_async(t.RegistrationParams([t.Registration(
                    "teikit-schemas", t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    t.DidChangeWatchedFilesRegistrationOptions(
                        [t.FileSystemWatcher(glob_pattern=g) for g in WATCHED]))]))
            except Exception as exc:  # the client says it can but does not: poll only
                ls.window_log_message(t.LogMessageParams(
                    t.MessageType.Warning, f"teikit: no file watcher from the client ({exc}); "
                    f"schema files are polled every {POLL:g} s"))

    @server.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: TeikitServer, params: t.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TeikitServer, params: t.DidOpenTextDocumentParams) -> None:
        ls.state(params.text_document.uri)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TeikitServer, params: t.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TeikitServer, params: t.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TeikitServer, params: t.DidCloseTextDocumentParams) -> None:
        st = ls.states.pop(params.text_document.uri, None)
        if st is not None:
            st.stop.set()
            if st.pending is not None:
                st.pending.cancel()
            ls.index.open.pop(st.path.resolve(), None)
        ls._texts.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            t.PublishDiagnosticsParams(params.text_document.uri, []))

    @server.feature(t.TEXT_DOCUMENT_COMPLETION,
                    t.CompletionOptions(trigger_characters=["<", " ", '"', "'", "#", "/"]))
    @_guard(t.CompletionList(is_incomplete=False, items=[]))
    def complete(ls: TeikitServer, params: t.CompletionParams) -> t.CompletionList:
        uri = params.text_document.uri
        source, text = ls.text_of(uri)
        offset = text.offset(params.position.line, params.position.character)
        st = ls.state(uri)
        schemas = ls.schemas_for(st.path, source)

        def edition() -> completion.Edition:  # indexed only for pointer values
            here = ls.file_index(uri)
            others = [f for f in ls.index.files(ls.edition_files(st.path), ls.encoding)
                      if f.path != here.path]
            return completion.Edition(here, others)

        items = completion.complete(source, offset, text, schemas, edition)
        return t.CompletionList(is_incomplete=False, items=items)

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    @_guard(None)
    def on_hover(ls: TeikitServer, params: t.HoverParams) -> t.Hover | None:
        uri = params.text_document.uri
        source, text = ls.text_of(uri)
        offset = text.offset(params.position.line, params.position.character)
        st = ls.state(uri)
        return hover.hover(source, offset, text, ls.schemas_for(st.path, source),
                           st.path.resolve(), lambda p: ls.lookup(ls.file_index(uri), p))

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    @_guard(None)
    def definition(ls: TeikitServer, params: t.DefinitionParams) -> list[t.Location] | None:
        here, offset, found = ls.pointed_at(params.text_document.uri, params.position)
        if found is None or definitions.pointer_at(here, offset) is None:
            return None  # only pointers have a definition elsewhere
        idx, target = found
        return [ls.location(idx, target.tag_start, target.end + 1)]

    @server.feature(t.TEXT_DOCUMENT_REFERENCES)
    @_guard(None)
    def references(ls: TeikitServer, params: t.ReferenceParams) -> list[t.Location] | None:
        here, _, found = ls.pointed_at(params.text_document.uri, params.position)
        if found is None:
            return None
        where, ident = found
        files = [here] + [f for f in ls.index.files(ls.edition_files(where.path), ls.encoding)
                          if f.path != here.path]
        out = [ls.location(f, p.start, p.end)
               for f, p in definitions.references(files, where.path, ident.id)]
        if params.context.include_declaration:
            out.insert(0, ls.location(where, ident.start, ident.end))
        return out

    return server


def serve(tcp_port: int | None = None) -> None:
    """Run the server until the client says exit (stdio, or TCP on 127.0.0.1)."""
    logging.basicConfig(level=logging.WARNING, format="teikit lsp: %(message)s")
    server = build()
    if tcp_port is not None:
        server.start_tcp("127.0.0.1", tcp_port)
    else:
        server.start_io()
