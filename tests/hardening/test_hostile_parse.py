"""Hostile XML through the library: refused or handled, located, bounded, never fetched."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from lxml import etree

from tests.hardening import hostile
from toolkit import limits, xmlio
from toolkit.errors import InputError, NotWellFormed, UnsafeXML


@contextmanager
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP port on 127.0.0.1 that records every connection made to it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                conn.settimeout(1)
                try:
                    hits.append(conn.recv(1024) or b"<connected>")
                except OSError:
                    hits.append(b"<connected>")

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.getsockname()[1]}", hits
    finally:
        time.sleep(0.3)  # let a late connection arrive before we stop listening
        stop.set()
        t.join(2)
        srv.close()


def _write(tmp_path, name: str, data: bytes):
    f = tmp_path / name
    f.write_bytes(data)
    return f


# -- entities -------------------------------------------------------------------------

@pytest.mark.parametrize("make", [hostile.billion_laughs, hostile.quadratic_blowup],
                         ids=["billion-laughs", "quadratic-blowup"])
def test_entity_bombs_are_refused_fast_with_location(tmp_path, make):
    f = _write(tmp_path, "bomb.xml", make())
    t = time.perf_counter()
    with pytest.raises(UnsafeXML) as info:
        xmlio.parse(f)
    assert time.perf_counter() - t < 2
    e = info.value
    assert e.file == str(f) and e.line >= 1 and e.column >= 1
    assert "entity expansion too large" in e.message


def test_xxe_to_local_file_never_reads_it(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    f = _write(tmp_path, "xxe.xml", hostile.external_entity(secret.as_uri()))
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse(f)
    assert "never loaded" in info.value.message
    assert info.value.line == 3  # the <TEI> line holding &xxe;
    assert "TOP-SECRET" not in str(info.value)


@pytest.mark.parametrize("make", [hostile.external_entity, hostile.parameter_entity,
                                  hostile.external_dtd],
                         ids=["general-entity", "parameter-entity", "external-dtd"])
def test_network_is_never_touched(tmp_path, make):
    with listener() as (url, hits):
        f = _write(tmp_path, "net.xml", make(url + "/evil"))
        try:
            tree = xmlio.parse(f)
        except NotWellFormed as exc:
            assert exc.line >= 1 and exc.file == str(f)
        else:
            assert b"evil" not in etree.tostring(tree.getroot())
    assert hits == [], f"the parser connected to {url}: {hits!r}"


def test_nested_network_xinclude_is_refused_without_connecting(tmp_path):
    with listener() as (url, hits):
        xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
        (tmp_path / "part.xml").write_text(f'<p {xi}>part<xi:include href="{url}/x.xml"/></p>')
        f = _write(tmp_path, "main.xml", hostile.tei(f'<div {xi}><xi:include href="part.xml"/>'
                                                     "</div>"))
        with pytest.raises(NotWellFormed, match="XInclude failed"):
            xmlio.parse(f)
    assert hits == []


def test_parameter_entity_to_local_file_is_not_loaded(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "LEAKED-FROM-DTD">')
    f = _write(tmp_path, "pe.xml", hostile.parameter_entity(dtd.as_uri()).replace(
        b"<p>parameter entity</p>", b"<p>&leak;</p>"))
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse(f)
    # libxml2 stops at the unloaded parameter entity itself, before &leak;
    assert "'pe' not defined" in info.value.message and "never loaded" in info.value.message
    assert "LEAKED" not in str(info.value)


def test_external_dtd_subset_is_ignored_and_document_parses(tmp_path):
    f = _write(tmp_path, "dtd.xml", hostile.external_dtd((tmp_path / "none.dtd").as_uri()))
    assert xmlio.parse_tei(f).getroot().tag == f"{{{xmlio.TEI_NS}}}TEI"


# -- depth ----------------------------------------------------------------------------

def test_depth_at_the_limit_is_accepted(tmp_path):
    f = _write(tmp_path, "deep.xml", hostile.deep(limits.MAX_DEPTH - 4))
    tree = xmlio.parse(f)
    assert tree.getroot().xpath("string(//*[local-name()='body'])") == "deepword"


def test_depth_300_real_world_is_accepted(tmp_path):
    f = _write(tmp_path, "deep300.xml", hostile.deep(300))
    assert xmlio.parse_tei(f) is not None


@pytest.mark.parametrize("levels", [limits.MAX_DEPTH, 100_000])
def test_excessive_depth_is_refused_clearly(tmp_path, levels):
    f = _write(tmp_path, "deeper.xml", hostile.deep(levels))
    t = time.perf_counter()
    with pytest.raises(UnsafeXML) as info:
        xmlio.parse(f)
    assert time.perf_counter() - t < 2
    assert f"deeper than {limits.MAX_DEPTH} levels" in info.value.message
    assert info.value.line == 2 and info.value.column > 1


# -- encodings, emptiness, garbage ----------------------------------------------------

def test_invalid_utf8_is_located(tmp_path):
    f = _write(tmp_path, "bad.xml", hostile.invalid_utf8())
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse(f)
    assert (info.value.line, "encoding") == (3, "encoding") or info.value.line == 3
    assert "encoding" in info.value.message.lower() or "utf-8" in info.value.message.lower()


def test_utf16_with_bom_works(tmp_path):
    f = _write(tmp_path, "u16.xml", hostile.utf16_with_bom())
    assert f.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    text = xmlio.parse_tei(f).getroot().xpath("string(//*[local-name()='body'])")
    assert text == "Пекин Мао Zedong telegram"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path, data):
    f = _write(tmp_path, "empty.xml", data)
    with pytest.raises(NotWellFormed, match="empty"):
        xmlio.parse(f)


def test_binary_file(tmp_path):
    f = _write(tmp_path, "img.xml", hostile.binary())
    with pytest.raises(NotWellFormed) as info:
        xmlio.parse(f)
    assert info.value.line >= 1 and info.value.file == str(f)


@pytest.mark.parametrize("make,root", [(hostile.xhtml, "html"), (hostile.rss, "rss")],
                         ids=["xhtml", "rss"])
def test_not_tei_is_named(tmp_path, make, root):
    f = _write(tmp_path, "page.xml", make())
    assert xmlio.parse(f) is not None  # well-formed: parse accepts it
    with pytest.raises(xmlio.NotTEI) as info:
        xmlio.parse_tei(f)
    assert f"<{root}>" in info.value.message and "not a TEI document" in info.value.message
    assert info.value.line == 2  # the root element's line


# -- paths ----------------------------------------------------------------------------

def test_directory_missing_and_looping_paths(tmp_path):
    with pytest.raises(InputError, match="directory"):
        xmlio.parse(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        xmlio.parse(tmp_path / "absent.xml")
    (tmp_path / "a.xml").symlink_to(tmp_path / "b.xml")
    (tmp_path / "b.xml").symlink_to(tmp_path / "a.xml")
    with pytest.raises(InputError, match="symbolic links"):
        xmlio.parse(tmp_path / "a.xml")
    with pytest.raises(InputError, match="symbolic link loop"):
        list(xmlio.iter_xml_files([tmp_path / "a.xml"]))


def test_symlink_loops_in_a_folder_terminate_and_are_listed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a directory loop
    (tmp_path / "a.xml").symlink_to(tmp_path / "b.xml")
    (tmp_path / "b.xml").symlink_to(tmp_path / "a.xml")
    (tmp_path / "ok.xml").write_bytes(hostile.tei("<p>fine</p>"))
    names = [p.name for p in xmlio.iter_xml_files([tmp_path])]
    assert names == ["a.xml", "b.xml", "ok.xml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a mode-000 file anyway "
                    "(the CLI test drops privileges to cover this)")
def test_permission_denied(tmp_path):
    f = _write(tmp_path, "locked.xml", hostile.tei("<p>x</p>"))
    f.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        xmlio.parse(f)


# -- size -----------------------------------------------------------------------------

def test_size_limit_refuses_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv(limits.ENV_MAX_BYTES, "1000")
    f = tmp_path / "big.xml"
    hostile.big_tei(f, 5000, chunk_words=10)
    with pytest.raises(xmlio.LimitExceeded) as info:
        xmlio.parse(f)
    assert "too large" in info.value.message and "1000 bytes" in info.value.message
    with pytest.raises(xmlio.LimitExceeded):
        xmlio.parse_bytes(f.read_bytes(), "big.xml")


def test_endless_device_is_refused_by_bounded_read(monkeypatch):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    monkeypatch.setenv(limits.ENV_MAX_BYTES, str(1 << 20))
    with pytest.raises(xmlio.LimitExceeded, match="more than that"):
        xmlio.read_bytes("/dev/zero")


def test_configure_saxon_lifts_the_jaxp_depth_limit():
    from saxonche import PySaxonApiError, PySaxonProcessor

    deep = "<a>" * (limits.MAX_DEPTH - 1) + "x" + "</a>" * (limits.MAX_DEPTH - 1)
    plain = PySaxonProcessor(license=False)
    with pytest.raises(PySaxonApiError, match="maxElementDepth"):
        plain.parse_xml(xml_text=deep)
    configured = PySaxonProcessor(license=False)
    limits.configure_saxon(configured)
    assert configured.parse_xml(xml_text=deep) is not None


def test_xinclude_target_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    (tmp_path / "big.xml").write_text("<p>" + "x" * 5000 + "</p>")
    (tmp_path / "small.xml").write_text("<p>small</p>")
    f = _write(tmp_path, "main.xml", hostile.tei(
        f'<div {xi}>\n<xi:include href="small.xml"/>\n<xi:include href="big.xml"/></div>'))
    monkeypatch.setenv(limits.ENV_MAX_BYTES, "4096")
    with pytest.raises(UnsafeXML) as info:
        xmlio.parse(f)
    assert "XInclude target big.xml too large" in info.value.message
    assert info.value.file == str(f) and info.value.line > 1
    monkeypatch.setenv(limits.ENV_MAX_BYTES, "65536")
    assert "x" * 5000 in etree.tostring(xmlio.parse(f)).decode()


def test_nested_xinclude_target_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    """A file included by an included file is held to the limit too, before anything
    is included; the refusal is located at the document's own xi:include."""
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "big.xml").write_text("<p>" + "y" * 5000 + "</p>")
    (tmp_path / "parts" / "part.xml").write_text(f'<div {xi}><xi:include href="big.xml"/></div>')
    (tmp_path / "parts" / "loop.xml").write_text(f'<div {xi}><xi:include href="loop.xml"/></div>')
    f = _write(tmp_path, "main.xml", hostile.tei(
        f'<div {xi}>\n<xi:include href="parts/loop.xml"/>\n'
        '<xi:include href="parts/part.xml"/></div>'))
    monkeypatch.setenv(limits.ENV_MAX_BYTES, "4096")
    with pytest.raises(UnsafeXML) as info:
        xmlio.parse(f)
    assert "XInclude target parts/big.xml too large" in info.value.message
    assert info.value.line == f.read_text().splitlines().index(
        '<xi:include href="parts/part.xml"/></div></body></text></TEI>') + 1
