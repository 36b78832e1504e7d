"""The incremental build state, kept in the output folder (``OUT/.teikit-build.json``).

Per source document (keyed by its path relative to the source folder) the state keeps
the sha256 of its content, the access date its citations carry, the outputs written
(relative to OUT) and the site facts (home-page entry, entity occurrences, listed
entities), so that the home page and the register can be rebuilt without parsing
unchanged documents. A document that failed keeps its issue (and its last good
outputs and facts, if any), so unchanged failing input is reported, not redone.

A *fingerprint* covers the toolkit version, every stylesheet, the toolkit's Python
modules and assets, and the build options: when it changes, every document is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import __version__, xmlio
from ..edition.resources import toolkit_files
from ..errors import Issue
from . import pages as site

STATE_NAME = ".teikit-build.json"
FORMAT = 1


def sha256_file(path: str | os.PathLike) -> str:
    """The sha256 of a file's bytes ('' when it cannot be read: the build reports it)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


@lru_cache(maxsize=1)
def toolkit_fingerprint() -> str:
    """A hash of the toolkit's version, stylesheets, Python modules and assets."""
    h = hashlib.sha256(__version__.encode())
    for name, f in toolkit_files():
        h.update(name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def fingerprint(options: dict) -> str:
    """The fingerprint of the toolkit plus the output-shaping build options."""
    data = json.dumps({"toolkit": toolkit_fingerprint(), "options": options}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


@dataclass
class Entry:
    """What the last build did with one source document."""

    sha256: str
    accessed: str = ""
    outputs: list[str] = field(default_factory=list)  # relative to OUT, last good build
    facts: dict | None = None  # site facts of the last good build (see facts_of)
    issue: dict | None = None  # the failure of the last attempt, if it failed
    warnings: list[dict] = field(default_factory=list)  # what was read anyway (Issues)

    @property
    def ok(self) -> bool:
        return self.issue is None

    def error_issue(self) -> Issue | None:
        return Issue(**self.issue) if self.issue else None

    def warning_issues(self) -> list[Issue]:
        return [Issue(**w) for w in self.warnings]


@dataclass
class BuildState:
    fingerprint: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)


def load(out_dir: str | os.PathLike) -> BuildState:
    """The state of the last build into OUT (empty when absent, unreadable or foreign)."""
    path = Path(out_dir) / STATE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return BuildState()
        entries = {k: Entry(**v) for k, v in data["entries"].items()}
        return BuildState(data["fingerprint"], entries)
    except (OSError, ValueError, KeyError, TypeError):
        return BuildState()


def save(out_dir: str | os.PathLike, state: BuildState) -> Path:
    """Write the state atomically (keys sorted, so equal states give equal files)."""
    data = {"format": FORMAT, "fingerprint": state.fingerprint,
            "entries": {k: asdict(e) for k, e in sorted(state.entries.items())}}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return xmlio.write_atomic(Path(out_dir) / STATE_NAME, text + "\n")


def facts_of(info: site.DocInfo, occurrences: list[site.Occurrence],
             entities: dict[str, site.Entity]) -> dict:
    """The site facts of one document as plain JSON values."""
    return {"info": asdict(info), "occurrences": [asdict(o) for o in occurrences],
            "entities": {k: asdict(e) for k, e in entities.items()}}


def facts_from(facts: dict) -> tuple[site.DocInfo, list[site.Occurrence],
                                      dict[str, site.Entity]]:
    """The inverse of :func:`facts_of`."""
    return (site.DocInfo(**facts["info"]),
            [site.Occurrence(**o) for o in facts["occurrences"]],
            {k: site.Entity(**e) for k, e in facts["entities"].items()})


def outputs_present(out_dir: Path, entry: Entry) -> bool:
    """Whether every output the entry lists is still in OUT."""
    return all((out_dir / rel).is_file() for rel in entry.outputs)


def remove_outputs(out_dir: Path, rels: list[str]) -> list[str]:
    """Delete these outputs (relative to OUT) and any folder they leave empty."""
    removed = []
    for rel in rels:
        p = out_dir / rel
        try:
            p.unlink()
            removed.append(rel)
        except FileNotFoundError:
            pass
        parent = p.parent
        if parent != out_dir and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
    return removed
