"""The record index: datestamps follow content hashes, tombstones persist, errors located."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from tests.conftest import CORPUS
from toolkit.serve.oai.store import Store, default_db_path

from .test_protocol import FIXTURES, Clock


def make(tmp_path: Path) -> tuple[Path, Store, Clock]:
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(FIXTURES / "minimal.xml", src / "a.xml")
    shutil.copy(FIXTURES / "minimal.xml", src / "b.xml")
    clock = Clock()
    return src, Store(tmp_path / "oai.sqlite", clock=clock), clock


def test_datestamp_changes_only_with_the_content(tmp_path, shared):
    src, store, clock = make(tmp_path)
    first = store.index(src)
    assert len(first.added) == 2 and not first.issues
    a = store.get("oai:teikit.local:a")
    assert a.hash == hashlib.sha256((src / "a.xml").read_bytes()).hexdigest()
    assert a.datestamp == int(clock.t)
    clock.t += 100
    (src / "a.xml").touch()  # mtime changes, bytes do not
    again = store.index(src)
    assert again.unchanged == 2 and not again.changed
    assert store.get("oai:teikit.local:a").datestamp == a.datestamp
    (src / "a.xml").write_text((src / "a.xml").read_text() + " ", encoding="utf-8")
    changed = store.index(src)
    assert changed.changed == ["oai:teikit.local:a"]
    assert store.get("oai:teikit.local:a").datestamp == int(clock.t)
    assert store.get("oai:teikit.local:b").datestamp == a.datestamp


def test_removed_document_stays_as_tombstone_and_can_return(tmp_path, shared):
    src, store, clock = make(tmp_path)
    store.index(src)
    clock.t += 5
    (src / "b.xml").unlink()
    report = store.index(src)
    b = store.get("oai:teikit.local:b")
    assert report.deleted == ["oai:teikit.local:b"] and b.deleted
    assert b.datestamp == int(clock.t) and store.metadata(b.identifier, "oai_dc") is None
    clock.t += 5
    assert store.index(src).deleted == []  # still a tombstone, not deleted again
    assert store.get("oai:teikit.local:b").datestamp == b.datestamp
    shutil.copy(FIXTURES / "minimal.xml", src / "b.xml")
    assert store.index(src).changed == ["oai:teikit.local:b"]
    assert not store.get("oai:teikit.local:b").deleted


def test_unprocessable_documents_are_reported_with_a_location(tmp_path, corpus):
    src, store, _ = make(tmp_path)
    (src / "broken.xml").write_text("<TEI>\n  <teiHeader>\n</TEI>\n", encoding="utf-8")
    # an XInclude of a file that is not there (as in this FRUS excerpt)
    shutil.copy(CORPUS / "frus__frus1955-57v24_d16_excerpt.xml", src / "frus.xml")
    report = store.index(src)
    assert len(report.added) == 2
    located = {Path(i.file).name: i for i in report.issues}
    assert set(located) == {"broken.xml", "frus.xml"}
    assert located["broken.xml"].line == 3 and "XInclude" in located["frus.xml"].message


def test_sets_and_the_default_database_path(tmp_path, shared, monkeypatch):
    src, store, _ = make(tmp_path)
    (src / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal.xml", src / "sub" / "deeper" / "c.xml")
    store.index(src)
    assert store.get("oai:teikit.local:c").sets == (
        "collection", "collection:sub", "collection:sub:deeper", "lang", "lang:fr")
    assert store.get("oai:teikit.local:a").sets == ("lang", "lang:fr")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = default_db_path(src)
    assert path.parent == tmp_path / "state" / "teikit" / "oai" and path.name.startswith("tei-")
    # one index per folder: another folder of the same name has another index
    (tmp_path / "other" / "tei").mkdir(parents=True)
    assert default_db_path(tmp_path / "other" / "tei") not in (path, None)


def test_same_stem_in_two_folders_is_reported_once(tmp_path, shared):
    src, store, _ = make(tmp_path)
    (src / "z").mkdir()
    shutil.copy(FIXTURES / "minimal.xml", src / "z" / "a.xml")
    report = store.index(src)
    assert sorted(report.added) == ["oai:teikit.local:a", "oai:teikit.local:b"]
    assert [Path(i.file).parent.name for i in report.issues] == ["z"]
    assert "same identifier" in report.issues[0].message
    assert store.get("oai:teikit.local:a").path == "a.xml"
