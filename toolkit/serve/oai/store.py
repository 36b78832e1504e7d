"""The record index: an embedded SQLite database of the repository's records.

Per record: OAI identifier (``oai:<repository-identifier>:<stem>``), the file's path,
the sha256 of its bytes, a UTC datestamp in seconds, its sets, a deleted flag and each
metadata format prepared at index time. A datestamp changes only when the content hash
changes; a removed document stays as a deleted record (tombstone, ``deletedRecord``
persistent). Readers use one connection per thread (WAL mode); writers are serialised.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ...errors import InputError, Issue, TeikitError
from ...xmlio import IncludeScope, iter_xml_files, parse_tei, read_bytes
from . import formats

DEFAULT_REPOSITORY_ID = "teikit.local"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    identifier TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    hash TEXT NOT NULL,
    datestamp INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    formats TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS records_order ON records (datestamp, identifier);
CREATE TABLE IF NOT EXISTS record_sets (
    identifier TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (identifier, spec)
);
CREATE INDEX IF NOT EXISTS record_sets_spec ON record_sets (spec, identifier);
CREATE TABLE IF NOT EXISTS metadata (
    identifier TEXT NOT NULL, prefix TEXT NOT NULL, xml TEXT NOT NULL,
    PRIMARY KEY (identifier, prefix)
);
"""


@dataclass(frozen=True)
class Record:
    identifier: str
    path: str
    hash: str
    datestamp: int
    deleted: bool
    formats: tuple[str, ...]
    sets: tuple[str, ...] = ()


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    issues: list[Issue] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.changed)} changed, "
                f"{len(self.deleted)} deleted, {self.unchanged} unchanged, "
                f"{len(self.issues)} failed")


def default_db_path(src: str | os.PathLike) -> Path:
    """The index of a source folder in the user's state folder,
    ``$XDG_STATE_HOME/teikit/oai/<folder name>-<hash of its path>.sqlite`` (default
    ``~/.local/state``): one index per folder, kept between runs (deleted records stay
    deleted), and never written into the edition's repository or a read-only corpus."""
    folder = Path(src).resolve()
    digest = hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:12]
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "teikit" / "oai" / f"{folder.name or 'root'}-{digest}.sqlite"


def local_identifier(stem: str) -> str:
    """A document stem as the local part of an OAI identifier (percent-encoded if needed)."""
    return quote(stem, safe="-_.!~*'();/?:@&=+$,")


class Store:
    """The SQLite record index of one repository."""

    def __init__(self, path: str | os.PathLike, repository_id: str = DEFAULT_REPOSITORY_ID,
                 clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self.repository_id = repository_id
        self.clock = clock
        self._local = threading.local()
        self._write = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._conn() as c:
                c.executescript(_SCHEMA)
                c.execute("INSERT OR IGNORE INTO meta VALUES ('secret', ?)",
                          (secrets.token_hex(32),))
                c.execute("INSERT OR IGNORE INTO meta VALUES ('created', ?)",
                          (str(int(self.clock())),))
        except (sqlite3.Error, OSError) as exc:
            raise InputError(f"cannot open the index database: {exc}", file=str(path)) from None

    # -- connections ---------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def meta(self, key: str) -> str | None:
        row = self._conn().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def secret(self) -> bytes:
        return bytes.fromhex(self.meta("secret") or "")

    def identifier_for(self, stem: str) -> str:
        return f"oai:{self.repository_id}:{local_identifier(stem)}"

    # -- indexing ------------------------------------------------------------------
    def index(self, src: str | os.PathLike, scope: IncludeScope | None = None) -> IndexReport:
        """Bring the index up to date with the TEI files of folder ``src``; XIncludes
        resolve inside ``scope`` (default: ``src``, the folder given)."""
        src = Path(src)
        if not src.is_dir():
            raise InputError("not a folder of TEI documents", file=str(src))
        self._scope = scope or IncludeScope.of(src)
        report = IndexReport()
        with self._write:
            known = {r.identifier: r for r in self.records(include_sets=False)}
            seen: dict[str, Path] = {}
            for path in iter_xml_files([src]):
                self._index_file(src, path, known, seen, report)
            now = int(self.clock())
            for ident, rec in known.items():
                if ident not in seen and not rec.deleted:
                    self._tombstone(ident, now)
                    report.deleted.append(ident)
        return report

    def _index_file(self, src: Path, path: Path, known: dict[str, Record],
                    seen: dict[str, Path], report: IndexReport) -> None:
        ident = self.identifier_for(path.stem)
        if ident in seen:
            report.issues.append(Issue(str(path), 1, 1, "error",
                                       f"same identifier {ident} as {seen[ident]}; skipped"))
            return
        seen[ident] = path
        rel = PurePosixPath(path.relative_to(src).as_posix())
        try:
            digest = hashlib.sha256(read_bytes(path)).hexdigest()
            old = known.get(ident)
            if old and old.hash == digest and not old.deleted:
                if old.path != str(rel):
                    self._conn().execute("UPDATE records SET path=? WHERE identifier=?",
                                         (str(rel), ident))
                report.unchanged += 1
                return
            tree = parse_tei(path, scope=self._scope)
        except TeikitError as exc:
            report.issues.append(exc.as_issue())
            return
        meta, problems = formats.crosswalk(formats.header_document(tree), ident, file=str(path))
        report.issues.extend(problems)
        sets = formats.sets_of(tree, rel)
        self._upsert(ident, str(rel), digest, int(self.clock()), meta, sets)
        (report.changed if old else report.added).append(ident)

    def _upsert(self, ident: str, rel: str, digest: str, datestamp: int,
                meta: dict[str, str], sets: Iterable[str]) -> None:
        c = self._conn()
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("INSERT OR REPLACE INTO records VALUES (?,?,?,?,0,?)",
                      (ident, rel, digest, datestamp, " ".join(sorted(meta))))
            c.execute("DELETE FROM record_sets WHERE identifier=?", (ident,))
            c.executemany("INSERT INTO record_sets VALUES (?,?)", [(ident, s) for s in sets])
            c.execute("DELETE FROM metadata WHERE identifier=?", (ident,))
            c.executemany("INSERT INTO metadata VALUES (?,?,?)",
                          [(ident, p, x) for p, x in meta.items()])
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _tombstone(self, ident: str, datestamp: int) -> None:
        c = self._conn()
        c.execute("BEGIN IMMEDIATE")
        c.execute("UPDATE records SET deleted=1, datestamp=?, hash='' WHERE identifier=?",
                  (datestamp, ident))
        c.execute("DELETE FROM metadata WHERE identifier=?", (ident,))
        c.execute("COMMIT")

    # -- queries -------------------------------------------------------------------
    def _record(self, row: sqlite3.Row, sets: tuple[str, ...] = ()) -> Record:
        return Record(row["identifier"], row["path"], row["hash"], row["datestamp"],
                      bool(row["deleted"]), tuple(row["formats"].split()), sets)

    def _sets(self, ident: str) -> tuple[str, ...]:
        rows = self._conn().execute(
            "SELECT spec FROM record_sets WHERE identifier=? ORDER BY spec", (ident,))
        return tuple(r[0] for r in rows)

    def records(self, include_sets: bool = True) -> list[Record]:
        rows = self._conn().execute("SELECT * FROM records ORDER BY datestamp, identifier")
        return [self._record(r, self._sets(r["identifier"]) if include_sets else ())
                for r in rows.fetchall()]

    def get(self, ident: str) -> Record | None:
        row = self._conn().execute("SELECT * FROM records WHERE identifier=?",
                                   (ident,)).fetchone()
        return self._record(row, self._sets(ident)) if row else None

    def metadata(self, ident: str, prefix: str) -> str | None:
        row = self._conn().execute("SELECT xml FROM metadata WHERE identifier=? AND prefix=?",
                                   (ident, prefix)).fetchone()
        return row[0] if row else None

    def sample_identifier(self) -> str:
        """An identifier of this repository (the first record's, else a made-up one)."""
        row = self._conn().execute("SELECT identifier FROM records ORDER BY identifier "
                                   "LIMIT 1").fetchone()
        return row[0] if row else self.identifier_for("sample")

    def earliest_datestamp(self) -> int:
        row = self._conn().execute("SELECT MIN(datestamp) FROM records").fetchone()
        return row[0] if row and row[0] is not None else int(self.meta("created") or 0)

    def set_specs(self) -> list[str]:
        rows = self._conn().execute("SELECT DISTINCT spec FROM record_sets ORDER BY spec")
        return [r[0] for r in rows]

    def _where(self, prefix: str, spec: str | None, start: int | None,
               end: int | None) -> tuple[str, list]:
        sql = ["(r.deleted=1 OR instr(' ' || r.formats || ' ', ?) > 0)"]
        args: list = [f" {prefix} "]
        if spec is not None:
            sql.append("EXISTS (SELECT 1 FROM record_sets s WHERE s.identifier=r.identifier "
                       "AND s.spec=?)")
            args.append(spec)
        if start is not None:
            sql.append("r.datestamp >= ?")
            args.append(start)
        if end is not None:
            sql.append("r.datestamp <= ?")
            args.append(end)
        return " AND ".join(sql), args

    def count(self, prefix: str, spec: str | None = None, start: int | None = None,
              end: int | None = None) -> int:
        where, args = self._where(prefix, spec, start, end)
        return self._conn().execute(f"SELECT COUNT(*) FROM records r WHERE {where}",
                                    args).fetchone()[0]

    def page(self, prefix: str, spec: str | None, start: int | None, end: int | None,
             after: tuple[int, str] | None, limit: int) -> list[Record]:
        """Up to ``limit`` matching records after key ``after``, by (datestamp, identifier)."""
        where, args = self._where(prefix, spec, start, end)
        if after is not None:
            where += " AND (r.datestamp > ? OR (r.datestamp = ? AND r.identifier > ?))"
            args += [after[0], after[0], after[1]]
        rows = self._conn().execute(
            f"SELECT * FROM records r WHERE {where} ORDER BY r.datestamp, r.identifier "
            f"LIMIT ?", [*args, limit]).fetchall()
        return [self._record(r, self._sets(r["identifier"])) for r in rows]


def folder_signature(src: str | os.PathLike) -> tuple:
    """A cheap fingerprint of a folder's XML files (path, size, mtime): changes on edits."""
    out = []
    for p in sorted(Path(src).rglob("*.xml")):
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(out)


class LiveIndex:
    """A store kept current with its folder: re-indexed when the folder's signature changes,
    checked at most every ``interval`` seconds."""

    def __init__(self, store: Store, src: str | os.PathLike, interval: float = 2.0,
                 scope: IncludeScope | None = None):
        self.store = store
        self.src = Path(src)
        self.scope = scope
        self.interval = interval
        self._lock = threading.Lock()
        self._checked = 0.0
        self._signature: tuple | None = None
        self.last_report: IndexReport | None = None

    def refresh(self, force: bool = False) -> IndexReport | None:
        now = time.monotonic()
        if not force and now - self._checked < self.interval:
            return None
        if not self._lock.acquire(blocking=force):
            return None  # another thread is already checking
        try:
            self._checked = now
            sig = folder_signature(self.src)
            if force or sig != self._signature:
                self.last_report = self.store.index(self.src, self.scope)
                self._signature = sig
                return self.last_report
            return None
        finally:
            self._lock.release()
