"""The protocol logic in-process (Provider.respond), every response schema-validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from toolkit.serve.oai import tokens
from toolkit.serve.oai.provider import Config, Provider
from toolkit.serve.oai.store import Store

from .oaischema import errors

FIXTURES = Path(__file__).parent / "fixtures"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
BASE = "http://127.0.0.1:8000/oai"


class Clock:
    def __init__(self, t: float = 1_700_000_000):
        self.t = t

    def __call__(self) -> float:
        return self.t


def ask(provider: Provider, query: str | bytes) -> etree._Element:
    raw = query.encode() if isinstance(query, str) else query
    body = provider.respond(raw, BASE)
    problems = errors(body)
    assert not problems, problems
    return etree.fromstring(body)


def code(root: etree._Element) -> str | None:
    err = root.find(f"{OAI}error")
    return err.get("code") if err is not None else None


@pytest.fixture
def small(tmp_path: Path, shared):
    """A repository of two tiny documents (one without a header) and a fake clock."""
    src = tmp_path / "tei"
    (src / "letters").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal.xml", src / "letters" / "minimal.xml")
    shutil.copy(FIXTURES / "no-header.xml", src / "no-header.xml")
    clock = Clock()
    store = Store(tmp_path / "oai.sqlite", clock=clock)
    store.index(src)
    return src, store, clock, Provider(store, Config(page_size=1), clock=clock)


def test_identify(small):
    *_, provider = small
    root = ask(provider, "verb=Identify")
    ident = root.find(f"{OAI}Identify")
    assert ident.findtext(f"{OAI}baseURL") == BASE
    assert ident.findtext(f"{OAI}protocolVersion") == "2.0"
    assert ident.findtext(f"{OAI}adminEmail") == "admin@teikit.invalid"
    assert ident.findtext(f"{OAI}deletedRecord") == "persistent"
    assert ident.findtext(f"{OAI}granularity") == "YYYY-MM-DDThh:mm:ssZ"
    assert ident.findtext(f"{OAI}earliestDatestamp") == "2023-11-14T22:13:20Z"
    assert root.find(f"{OAI}request").attrib == {"verb": "Identify"}
    sample = ident.find(".//{*}sampleIdentifier").text
    assert sample == "oai:teikit.local:minimal"  # the first record's identifier


def test_formats_of_an_item_without_header(small):
    *_, provider = small
    root = ask(provider, "verb=ListMetadataFormats&identifier=oai:teikit.local:no-header")
    assert code(root) == "noMetadataFormats"
    root = ask(provider, "verb=ListMetadataFormats&identifier=oai:teikit.local:minimal")
    assert [e.text for e in root.iter(f"{OAI}metadataPrefix")] == ["oai_dc", "mods", "tei"]
    root = ask(provider, "verb=GetRecord&identifier=oai:teikit.local:no-header"
                         "&metadataPrefix=oai_dc")
    assert code(root) == "cannotDisseminateFormat"


def test_error_request_element_has_no_attributes_after_bad_argument(small):
    *_, provider = small
    root = ask(provider, "verb=ListRecords&metadataPrefix=oai_dc&bogus=1")
    assert code(root) == "badArgument"
    assert root.find(f"{OAI}request").attrib == {}
    root = ask(provider, "verb=GetRecord&identifier=oai:teikit.local:zzz&metadataPrefix=oai_dc")
    assert code(root) == "idDoesNotExist"
    assert root.find(f"{OAI}request").get("identifier") == "oai:teikit.local:zzz"


def test_a_complete_list_has_no_token(small):
    *_, provider = small
    root = ask(provider, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    # only minimal.xml offers oai_dc: one record, one page, so no resumptionToken
    assert len(root.findall(f".//{OAI}header")) == 1
    assert root.find(f".//{OAI}resumptionToken") is None


def paging_repo(tmp_path: Path, n: int) -> tuple[Path, Store, Clock, Provider]:
    src = tmp_path / "many"
    src.mkdir()
    template = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
    for i in range(n):
        (src / f"doc{i:02d}.xml").write_text(template.replace("Une lettre", f"Lettre {i}"),
                                             encoding="utf-8")
    clock = Clock()
    store = Store(tmp_path / "many.sqlite", clock=clock)
    store.index(src)
    return src, store, clock, Provider(store, Config(page_size=2), clock=clock)


def harvest(provider: Provider, first: str) -> tuple[list[str], list[etree._Element]]:
    ids, tokens_seen = [], []
    root = ask(provider, first)
    while True:
        verb = root.find(f"{OAI}request").get("verb")
        ids += [h.findtext(f"{OAI}identifier") for h in root.iter(f"{OAI}header")]
        tok = root.find(f".//{OAI}resumptionToken")
        if tok is None or not tok.text:
            if tok is not None:
                tokens_seen.append(tok)
            return ids, tokens_seen
        tokens_seen.append(tok)
        root = ask(provider, f"verb={verb}&resumptionToken={tok.text}")


def test_full_paging_with_tokens(tmp_path, shared):
    *_, provider = paging_repo(tmp_path, 7)
    ids, toks = harvest(provider, "verb=ListRecords&metadataPrefix=mods")
    assert len(ids) == len(set(ids)) == 7
    assert [t.get("cursor") for t in toks] == ["0", "2", "4", "6"]
    assert {t.get("completeListSize") for t in toks} == {"7"}
    assert not toks[-1].text and toks[0].get("expirationDate")


def test_paging_is_stable_under_concurrent_updates(tmp_path, shared):
    src, store, clock, provider = paging_repo(tmp_path, 6)
    root = ask(provider, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    first = [h.findtext(f"{OAI}identifier") for h in root.iter(f"{OAI}header")]
    token = root.find(f".//{OAI}resumptionToken").text
    # meanwhile: a record of the first page changes, one not yet seen is removed
    clock.t += 10
    (src / "doc00.xml").write_text((src / "doc00.xml").read_text() + "\n", encoding="utf-8")
    (src / "doc05.xml").unlink()
    store.index(src)
    rest, _ = harvest(provider, f"verb=ListIdentifiers&resumptionToken={token}")
    seen = first + rest
    assert set(seen) == {f"oai:teikit.local:doc{i:02d}" for i in range(6)}  # nothing missed
    assert seen.count("oai:teikit.local:doc00") == 2  # changed: seen again, at the end


def test_tampered_and_expired_tokens(tmp_path, shared):
    _, store, clock, provider = paging_repo(tmp_path, 5)
    root = ask(provider, "verb=ListRecords&metadataPrefix=oai_dc")
    token = root.find(f".//{OAI}resumptionToken").text
    body, _, mac = token.partition(".")
    state = tokens.decode(token, store.secret, now=clock.t)
    forged = tokens.encode(dict(state, c=0, p="mods"), b"not the secret")
    for bad in (body + "x." + mac, forged, token[:-2], "", "%C3%A9.x"):
        assert code(ask(provider, f"verb=ListRecords&resumptionToken={bad}")) == \
            "badResumptionToken", bad
    # a genuine token for another verb
    assert code(ask(provider, f"verb=ListIdentifiers&resumptionToken={token}")) == \
        "badResumptionToken"
    clock.t += 3601
    assert code(ask(provider, f"verb=ListRecords&resumptionToken={token}")) == \
        "badResumptionToken"


def test_no_set_hierarchy_in_a_repository_without_sets(tmp_path, shared):
    src = tmp_path / "flat"
    src.mkdir()
    (src / "a.xml").write_text((FIXTURES / "minimal.xml").read_text().replace(
        ' xml:lang="fr"', ""), encoding="utf-8")
    store = Store(tmp_path / "flat.sqlite")
    store.index(src)
    provider = Provider(store)
    assert code(ask(provider, "verb=ListSets")) == "noSetHierarchy"
    assert code(ask(provider, "verb=ListRecords&metadataPrefix=oai_dc&set=lang")) == \
        "noSetHierarchy"
    assert code(ask(provider, "verb=ListRecords&metadataPrefix=oai_dc")) is None


@pytest.mark.parametrize("query, expected", [
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-11-14", None),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2023-11-13", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-11-14T22:13:21Z", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-11-14T22:13:20Z", None),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-11-14T22:13:20", "badArgument"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-02-30", "badArgument"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2023-11-14&until=2023-11-14", None),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=lang:fr", None),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=bad%20spec", "badArgument"),
    ("verb=ListIdentifiers&from=2023-11-14", "badArgument"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument"),
    ("verb=GetRecord&identifier=oai:teikit.local:minimal", "badArgument"),
    ("verb=GetRecord&identifier=oai:teikit.local:minimal&metadataPrefix=tei", None),
    ("verb=GetRecord&identifier=with%20space&metadataPrefix=tei", "badArgument"),
    ("verb=ListMetadataFormats&identifier=oai:teikit.local:nothing", "idDoesNotExist"),
    ("verb=ListSets", None),
    ("verb=ListSets&set=lang", "badArgument"),
    ("verb=identify", "badVerb"),
    ("verb=Identify&x=%01", "badArgument"),
])
def test_arguments(small, query, expected):
    *_, provider = small
    assert code(ask(provider, query)) == expected


def test_binary_and_huge_requests(small):
    *_, provider = small
    assert code(ask(provider, bytes(range(256)))) in ("badArgument", "badVerb")
    assert code(ask(provider, b"verb=Identify&x=\xff\xfe")) == "badArgument"
    assert code(ask(provider, b"verb=Identify&x=" + b"a" * (1 << 20))) == "badArgument"


def test_schema_check_can_fail(small):
    """The validator rejects a broken response (so the checks above mean something)."""
    *_, provider = small
    body = provider.respond(b"verb=Identify", BASE)
    assert errors(body.replace(b"<protocolVersion>2.0", b"<protocolVersion>1.1"))
    assert errors(body.replace(b"<deletedRecord>persistent", b"<deletedRecord>always"))


def test_records_leaving_the_window_mid_harvest(tmp_path, shared):
    src, store, clock, provider = paging_repo(tmp_path, 4)
    until = "2023-11-14T22:13:20Z"  # the fake clock's start: every record's datestamp
    root = ask(provider, f"verb=ListIdentifiers&metadataPrefix=oai_dc&until={until}")
    token = root.find(f".//{OAI}resumptionToken").text
    clock.t += 60
    for i in (2, 3):  # the records of the next page change: now after `until`
        (src / f"doc{i:02d}.xml").write_text((src / f"doc{i:02d}.xml").read_text() + " ",
                                             encoding="utf-8")
    store.index(src)
    assert code(ask(provider, f"verb=ListIdentifiers&resumptionToken={token}")) == \
        "noRecordsMatch"
