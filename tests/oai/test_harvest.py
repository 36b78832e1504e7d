"""Harvesting the running server with two independent OAI-PMH clients (Sickle, Scythe)."""

from __future__ import annotations

import time
import urllib.request
from datetime import UTC, datetime

import pytest
from oaipmh_scythe import Scythe
from sickle import Sickle
from sickle import oaiexceptions as sx

from .conftest import expected_count


def harvest_ids(url: str, **kw) -> dict[str, bool]:
    """identifier -> deleted, from a complete ListIdentifiers harvest with Sickle."""
    out = {}
    for header in Sickle(url, max_retries=0).ListIdentifiers(metadataPrefix="oai_dc", **kw):
        assert header.identifier not in out, f"{header.identifier} harvested twice"
        out[header.identifier] = header.deleted
    return out


def test_sickle_harvests_every_record_in_pages_of_two(server):
    sickle = Sickle(server.url)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    n = expected_count(server.src)
    assert n >= 3
    assert len(records) == n
    assert len({r.header.identifier for r in records}) == n
    assert all(r.metadata["type"] == ["Text"] for r in records)
    untitled = [r.header.identifier for r in records if not r.metadata.get("title")]
    assert untitled == ["oai:teikit.local:teic-tei__testbare"]  # its <title> is empty
    # pages of 2: ceil(n / 2) responses, every one validated by the server fixture
    assert server.validated >= (n + 1) // 2


@pytest.mark.parametrize("prefix", ["oai_dc", "mods", "tei"])
def test_every_format_is_harvested(server, prefix):
    records = list(Sickle(server.url).ListRecords(metadataPrefix=prefix))
    assert len(records) == expected_count(server.src)
    assert all(len(r.xml.find(".//{*}metadata")) == 1 for r in records)


def test_tombstone_after_a_document_is_removed(server):
    victim = next(server.src.rglob("*.xml"))
    ident = server.store.identifier_for(victim.stem)
    victim.unlink()
    headers = harvest_ids(server.url)  # the server notices the change and re-indexes
    assert headers[ident] is True
    assert sum(headers.values()) == 1
    assert len(headers) == expected_count(server.src) + 1
    record = Sickle(server.url).GetRecord(identifier=ident, metadataPrefix="mods")
    assert record.deleted and record.header.deleted
    assert record.xml.find(".//{*}metadata") is None


def test_sets_select_records(server):
    letters = harvest_ids(server.url, set="collection:letters")
    assert len(letters) == len(list((server.src / "letters").glob("*.xml"))) == 2
    collections = harvest_ids(server.url, set="collection")
    assert len(collections) == len(list(server.src.glob("*/*.xml")))
    specs = {s.setSpec for s in Sickle(server.url).ListSets()}
    assert {"collection", "collection:letters", "collection:plays", "lang"} <= specs
    german = harvest_ids(server.url, set="lang:de-AT")
    assert german and set(german) <= set(harvest_ids(server.url))


def test_incremental_harvest_returns_exactly_the_changed_record(server):
    before = harvest_ids(server.url)
    time.sleep(1.1)  # datestamps have second granularity
    since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    changed = sorted(server.src.rglob("*.xml"))[-1]
    changed.write_bytes(changed.read_bytes() + b"\n<!-- corrected -->\n")
    after = harvest_ids(server.url, **{"from": since})
    assert after == {server.store.identifier_for(changed.stem): False}
    assert len(before) == expected_count(server.src)
    # until the moment before: the changed record is no longer in that window
    earlier = harvest_ids(server.url, until=before_second(since))
    assert server.store.identifier_for(changed.stem) not in earlier
    assert len(earlier) == len(before) - 1


def before_second(stamp: str) -> str:
    ts = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp() - 1
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_day_granularity_and_empty_windows(server):
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert len(harvest_ids(server.url, **{"from": today, "until": today})) == \
        expected_count(server.src)
    with pytest.raises(sx.NoRecordsMatch):
        harvest_ids(server.url, until="2000-01-01")


def test_scythe_gets_the_same_records_as_sickle(server):
    sickle = {r.header.identifier: (r.header.datestamp, tuple(r.header.setSpecs),
                                    r.metadata.get("title"))
              for r in Sickle(server.url).ListRecords(metadataPrefix="oai_dc")}
    with Scythe(server.url) as scythe:
        scythe_records = {r.header.identifier: (r.header.datestamp, tuple(r.header.setSpecs),
                                                r.metadata.get("title"))
                          for r in scythe.list_records(metadata_prefix="oai_dc")}
        identify = scythe.identify()
    assert scythe_records == sickle
    assert len(sickle) == expected_count(server.src)
    assert identify.protocolVersion == "2.0"
    assert identify.baseURL == server.url


def test_post_requests_are_answered_like_get(server):
    get = Sickle(server.url).ListIdentifiers(metadataPrefix="oai_dc")
    post = Sickle(server.url, http_method="POST").ListIdentifiers(metadataPrefix="oai_dc")
    assert [h.identifier for h in get] == [h.identifier for h in post]


@pytest.mark.parametrize("query, code", [
    ("verb=Nonsense", "badVerb"),
    ("", "badVerb"),
    ("verb=Identify&verb=Identify", "badVerb"),
    ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=mods", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-45", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-01T00:00:00Z",
     "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
    ("verb=GetRecord&identifier=oai:teikit.local:nothing&metadataPrefix=oai_dc",
     "idDoesNotExist"),
    ("verb=ListRecords&resumptionToken=forged.token", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=collection:none", "noRecordsMatch"),
    ("verb=Identify&identifier=x", "badArgument"),
    ("verb=ListSets&resumptionToken=x", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=oai_dc&q=%FF%FE", "badArgument"),
    ("verb=GetRecord&identifier=%FF%00&metadataPrefix=oai_dc", "badArgument"),
])
def test_protocol_errors_over_http(server, query, code):
    status, body = fetch(server.url + "?" + query)
    assert status == 200
    assert f'code="{code}"'.encode() in body
    assert b"Traceback" not in body


def test_huge_and_binary_arguments_get_oai_errors(server):
    huge = "verb=ListRecords&metadataPrefix=" + "a" * (1 << 20)
    status, body = fetch(server.url + "?" + huge)
    assert status == 200 and b'code="badArgument"' in body
    status, body = fetch(server.url, data=huge.encode())
    assert status == 200 and b'code="badArgument"' in body
    binary = bytes(range(256)) * 64
    status, body = fetch(server.url, data=b"verb=Identify&x=" + binary)
    assert status == 200 and b'code="badArgument"' in body


def fetch(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=data)
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status, resp.read()
