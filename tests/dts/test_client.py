"""An aggregator's walk: Entry -> Collection -> Resource -> Navigation -> Document,
following only the URI templates it is given (RFC 6570, expanded by ``uritemplate``),
against ``teikit serve``'s /dts and against the static DTS of ``teikit build`` served
as plain files."""

from __future__ import annotations

import json

import pytest
from lxml import etree
from uritemplate import URITemplate

from tests.dts.conftest import Server, check, fetch
from toolkit.serve.app import App
from toolkit.site.batch import BuildOptions, run_build

TEI = "{http://www.tei-c.org/ns/1.0}"
WRAPPER = "{https://w3id.org/api/dts#}wrapper"


def get(url: str, kind: str) -> dict:
    status, headers, body = fetch(url)
    assert status == 200, (url, status, body[:200])
    return check(kind, json.loads(body))


def aggregator(entry_url: str) -> dict[str, str]:
    """Fetch, by citation, every top-level unit's first subunit of the telegram."""
    entry = get(entry_url, "entry")
    root = get(URITemplate(entry["collection"]).expand(), "collection")
    (res,) = [m for m in root["member"] if m["title"].startswith("Ciphered Telegram")]
    # the Resource as the Collection endpoint describes it, through its own template
    res = get(URITemplate(res["collection"]).expand(), "collection")
    assert res["@type"] == "Resource"
    toc = get(URITemplate(res["navigation"]).expand(down=1), "navigation")
    found = {}
    for top in toc["member"]:
        below = get(URITemplate(res["navigation"]).expand(ref=top["identifier"], down=1),
                    "navigation")
        assert below["ref"]["identifier"] == top["identifier"]
        child = next(m for m in below["member"] if m["parent"] == top["identifier"])
        unit = get(URITemplate(res["navigation"]).expand(ref=child["identifier"]),
                   "navigation")
        assert unit["ref"] == child
        status, _h, body = fetch(URITemplate(res["document"]).expand(ref=child["identifier"]))
        assert status == 200
        tei = etree.fromstring(body)
        assert tei.tag == f"{TEI}TEI"
        (wrapper,) = tei.findall(WRAPPER)
        found[child["identifier"]] = " ".join("".join(wrapper.itertext()).split())
    return found


def test_aggregator_on_the_server(server):
    found = aggregator(f"{server.root}/dts")
    assert sorted(found) == ["1.1", "2.1"]
    assert "Мао Цзэдун" in found["1.1"]  # the Russian telegram
    assert "With Bolshevik greetings" in found["2.1"]  # the English translation


@pytest.fixture(scope="module")
def static_site(edition, tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    srv = Server(App(None, site=out))
    run_build(edition, out, BuildOptions(base_url=f"{srv.root}/", pdf=False),
              title="Test edition")
    yield srv, out
    srv.close()


def test_aggregator_on_the_static_files(static_site, server):
    srv, _out = static_site
    static = aggregator(f"{srv.root}/dts/index.json")
    assert static == aggregator(f"{server.root}/dts")  # the same passages as served


def test_every_static_file_is_valid(static_site):
    _srv, out = static_site
    kinds = {"EntryPoint": "entry", "Collection": "collection", "Resource": "collection",
             "Navigation": "navigation"}
    files = sorted((out / "dts").rglob("*.json"))
    for f in files:
        obj = json.loads(f.read_text(encoding="utf-8"))
        check(kinds[obj["@type"]], obj)
    xml = sorted((out / "dts").rglob("*.xml"))
    for f in xml:
        assert etree.parse(str(f)).getroot().tag == f"{TEI}TEI"
    # every unit of every tree has its Navigation and Document file
    assert len(xml) == 3 + 27 + 8 + 2 + 5  # whole documents, telegram, poems, letter
    assert (out / "dts" / "navigation" / "poems;tree=pages" / "2.json").is_file()


def test_build_options(edition, tmp_path):
    from click.testing import CliRunner

    from toolkit.cli import cli as main

    out = tmp_path / "site"
    runner = CliRunner()
    r = runner.invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf", "-q", "--dts"])
    assert r.exit_code == 2 and "--base-url" in r.output
    r = runner.invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf", "-q",
                             "--base-url", "https://example.org/ed/"])
    assert r.exit_code == 0, r.output
    entry = json.loads((out / "dts" / "index.json").read_text(encoding="utf-8"))
    assert entry["collection"] == "https://example.org/ed/dts/collection{/id}{;nav}.json"
    assert entry["@id"] == "https://example.org/ed/dts/index.json"
    r = runner.invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf", "-q",
                             "--base-url", "https://example.org/ed/", "--no-dts"])
    assert r.exit_code == 0, r.output
    assert not (out / "dts").exists()
    r = runner.invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf", "-q"])
    assert r.exit_code == 0 and not (out / "dts").exists()  # no base URL: no DTS
