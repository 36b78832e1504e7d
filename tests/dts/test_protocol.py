"""The four endpoints over HTTP: every row of the specification's tables, every error."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from lxml import etree

from tests.dts.conftest import check, fetch, get_json
from toolkit.serve.dts.api import DTS

TEI_NS = "http://www.tei-c.org/ns/1.0"
DTS_NS = "https://w3id.org/api/dts#"
TG = "telegram-22591"


def url(server, endpoint: str = "", query: str = "") -> str:
    return f"{server.root}/dts{'/' + endpoint if endpoint else ''}{'?' + query if query else ''}"


def nav(server, query: str, status: int = 200) -> dict:
    return get_json(url(server, "navigation", query), "navigation", status)


def ids(obj: dict) -> list[str]:
    return [m["identifier"] for m in obj["member"]]


# -- Entry and Collection ---------------------------------------------------------------
def test_entry(server):
    entry = get_json(url(server), "entry")
    assert entry["@id"] == f"{server.root}/dts"
    assert entry["collection"] == f"{server.root}/dts/collection{{?id,page,nav}}"
    assert entry["navigation"].endswith("/dts/navigation{?resource,ref,start,end,down,tree,page}")
    assert entry["document"].endswith("/dts/document{?resource,ref,start,end,tree,mediaType}")
    assert get_json(url(server) + "/", "entry") == entry


def test_root_collection(server):
    root = get_json(url(server, "collection"), "collection")
    assert (root["@id"], root["@type"], root["totalParents"]) == ("edition", "Collection", 0)
    assert root["title"] == "Test edition"
    members = {m["@id"]: m for m in root["member"]}
    assert set(members) == {"letters", "poems", TG}
    assert root["totalChildren"] == 3
    assert members["letters"]["@type"] == "Collection"
    tg = members[TG]
    assert tg["@type"] == "Resource"
    assert tg["title"].startswith("Ciphered Telegram No. 22591")
    assert tg["dublinCore"]["language"] == ["ru", "en"]  # the oai_dc crosswalk's values
    assert tg["mediaTypes"] == ["application/tei+xml", "text/plain", "text/html"]
    assert tg["citationTrees"][0]["citeStructure"][0]["citeType"] == "text"
    assert get_json(url(server, "collection", "id=edition"), "collection") == root


def test_child_collection_and_parents(server):
    letters = get_json(url(server, "collection", "id=letters"), "collection")
    assert [m["@id"] for m in letters["member"]] == ["letter-1"]
    assert letters["totalParents"] == 1
    up = get_json(url(server, "collection", "id=letter-1&nav=parents"), "collection")
    assert up["@type"] == "Resource" and [m["@id"] for m in up["member"]] == ["letters"]
    up = get_json(url(server, "collection", "id=letters&nav=parents"), "collection")
    assert [m["@id"] for m in up["member"]] == ["edition"]
    assert get_json(url(server, "collection", "id=edition&nav=parents"),
                    "collection")["member"] == []


def test_resource_templates_lead_to_the_endpoints(server):
    res = get_json(url(server, "collection", f"id={TG}"), "collection")
    assert "member" not in res
    assert res["navigation"] == (f"{server.root}/dts/navigation?resource={TG}"
                                 "{&ref,down,start,end,tree,page}")
    assert res["document"] == (f"{server.root}/dts/document?resource={TG}"
                               "{&ref,start,end,tree,mediaType}")


# -- Navigation: the rows of "Usage of down, ref, start and end" -----------------------
def test_ref_alone_has_no_member(server):
    obj = nav(server, f"resource={TG}&ref=2.1")
    assert obj["ref"]["identifier"] == "2.1" and "member" not in obj
    assert obj["ref"] == {"identifier": "2.1", "@type": "CitableUnit", "level": 2,
                          "parent": "2", "citeType": "telegram",
                          "dublinCore": obj["ref"]["dublinCore"]}
    assert obj["@id"] == url(server, "navigation", f"resource={TG}&ref=2.1")


def test_start_end_alone(server):
    obj = nav(server, f"resource={TG}&start=2.1.head1&end=2.1.p1")
    assert obj["start"]["identifier"] == "2.1.head1" and obj["end"]["identifier"] == "2.1.p1"
    assert "member" not in obj


def test_down_0_gives_the_siblings(server):
    obj = nav(server, f"resource={TG}&ref=2.1.p1&down=0")
    assert ids(obj) == ["2.1.head1", "2.1.opener1", "2.1.p1", "2.1.quote1", "2.1.1",
                        "2.1.closer1"]
    assert ids(nav(server, f"resource={TG}&ref=1&down=0")) == ["1", "2"]


def test_down_from_the_root(server):
    assert ids(nav(server, f"resource={TG}&down=1")) == ["1", "2"]
    two = nav(server, f"resource={TG}&down=2")
    assert ids(two) == ["1", "1.1", "1.back", "2", "2.1"]
    assert [m["level"] for m in two["member"]] == [1, 2, 2, 1, 2]
    assert [m["parent"] for m in two["member"]] == [None, "1", "1", None, "2"]
    everything = nav(server, f"resource={TG}&down=-1")
    assert len(everything["member"]) == 27
    assert nav(server, f"resource={TG}&down=9")["member"] == everything["member"]


def test_down_from_a_ref(server):
    assert ids(nav(server, f"resource={TG}&ref=2.1&down=1")) == [
        "2.1", "2.1.head1", "2.1.opener1", "2.1.p1", "2.1.quote1", "2.1.1", "2.1.closer1"]
    deep = ids(nav(server, f"resource={TG}&ref=2.1&down=-1"))
    assert deep[-5:] == ["2.1.1.head1", "2.1.1.p1", "2.1.1.p2", "2.1.1.p3", "2.1.closer1"]
    # a unit with nothing below: the member holds only the unit itself
    assert ids(nav(server, f"resource={TG}&ref=2.1.p1&down=1")) == ["2.1.p1"]


def test_down_in_a_range(server):
    obj = nav(server, f"resource={TG}&start=1.1&end=2&down=1")
    assert ids(obj)[:2] == ["1.1", "1.1.head1"]
    # to the end of the range's last unit (as the specification's example 6 shows),
    # one level below the deeper of start (level 2) and end (level 1)
    assert {"1.back", "2", "2.1", "2.1.closer1"} <= set(ids(obj))
    assert "2.1.1.p1" not in ids(obj) and "1" not in ids(obj)
    assert max(m["level"] for m in obj["member"]) == 3


def test_member_in_document_order(server):
    members = nav(server, f"resource={TG}&down=-1")["member"]
    seen = set()
    for m in members:  # pre-order: a parent comes before its children
        assert m["parent"] is None or m["parent"] in seen
        seen.add(m["identifier"])


# -- declared citation trees (refsDecl/citeStructure) -----------------------------------
def test_declared_trees(server):
    res = get_json(url(server, "collection", "id=poems"), "collection")
    trees = res["citationTrees"]
    assert trees[0] == {"@type": "CitationTree", "citeStructure": [
        {"@type": "CiteStructure", "citeType": "poem",
         "citeStructure": [{"@type": "CiteStructure", "citeType": "line"}]}]}
    assert trees[1]["identifier"] == "pages"
    obj = nav(server, "resource=poems&down=-1")
    assert ids(obj) == ["I", "I.1", "I.2", "I.3", "I.4", "II", "II.1", "II.2"]
    assert obj["member"][0]["dublinCore"] == {"title": ["Morning"]}  # citeData
    assert obj["member"][1]["citeType"] == "line"
    assert ids(nav(server, "resource=poems&tree=pages&down=1")) == ["1", "2"]


def test_milestone_units(server):
    status, _h, body = fetch(url(server, "document", "resource=poems&tree=pages&ref=1"))
    text = " ".join("".join(etree.fromstring(body).itertext()).split())
    assert status == 200
    assert "The lark is up before the sun" in text and "meadow" in text
    assert "silver lake" not in text
    status, _h, body = fetch(url(server, "document", "resource=poems&tree=pages&ref=2"))
    text = " ".join("".join(etree.fromstring(body).itertext()).split())
    assert "silver lake" in text and "Evening" in text and "meadow" not in text


# -- Document --------------------------------------------------------------------------
def wrapper_of(body: bytes) -> etree._Element:
    root = etree.fromstring(body)
    assert root.tag == f"{{{TEI_NS}}}TEI"
    wrappers = root.findall(f"{{{DTS_NS}}}wrapper")
    assert len(wrappers) == 1
    return wrappers[0]


def test_document_of_a_unit(server):
    status, headers, body = fetch(url(server, "document", f"resource={TG}&ref=2.1.1.p2"))
    assert status == 200 and headers["content-type"] == "application/tei+xml"
    assert headers["link"] == f'<{server.root}/dts/collection?id={TG}>; rel="collection"'
    w = wrapper_of(body)
    (p,) = w.iter(f"{{{TEI_NS}}}p")
    assert p.get("{http://www.w3.org/XML/1998/namespace}id") == "en-note-p2"
    assert [etree.QName(a).localname for a in p.iterancestors()][:5] == [
        "div", "div", "body", "text", "group"]  # the passage inside its ancestors


def test_document_of_a_range(server):
    status, _h, body = fetch(url(server, "document",
                                 f"resource={TG}&start=2.1.1.p1&end=2.1.1.p3"))
    w = wrapper_of(body)
    ps = [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in w.iter(f"{{{TEI_NS}}}p")]
    assert ps == ["en-note-p1", "en-note-p2", "en-note-p3"]
    assert not list(w.iter(f"{{{TEI_NS}}}head"))  # the note's head is before the range


def test_whole_document(server):
    status, headers, body = fetch(url(server, "document", f"resource={TG}"))
    root = etree.fromstring(body)
    assert root.tag == f"{{{TEI_NS}}}TEI" and root.find(f"{{{TEI_NS}}}teiHeader") is not None
    assert root.find(f"{{{DTS_NS}}}wrapper") is None
    # "tree" has no effect without ref, start and end (even an unknown one)
    assert fetch(url(server, "document", f"resource={TG}&tree=nope"))[2] == body


def test_a_resource_without_citation_trees(tmp_path):
    """Its Navigation answers an empty member and no error, whatever is asked."""
    from toolkit.serve.dts.library import Library

    (tmp_path / "empty.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        '<title>Empty</title></titleStmt></fileDesc></teiHeader><text><body><p/></body>'
        '</text></TEI>', encoding="utf-8")
    dts = DTS(Library(tmp_path))
    col = json.loads(dts.respond("collection", "id=empty", "http://x/dts").body)
    assert check("collection", col)["citationTrees"] == []
    for q in ("down=1", "ref=1", "ref=1&down=-1", "tree=x&down=1", "start=1&end=2"):
        resp = dts.respond("navigation", f"resource=empty&{q}", "http://x/dts")
        assert resp.status == 200, q
        assert check("navigation", json.loads(resp.body))["member"] == []


@pytest.mark.parametrize("media,marker", [("text/plain", "With Bolshevik greetings"),
                                          ("text/html", "<html")])
def test_other_media_types(server, media, marker):
    status, headers, body = fetch(url(server, "document", f"resource={TG}&ref=2.1.quote1"
                                                          f"&mediaType={quote(media, safe='')}"))
    assert status == 200 and headers["content-type"] == f"{media}; charset=utf-8"
    text = body.decode("utf-8")
    assert marker in text
    if media == "text/plain":  # the passage only: not the note that follows it
        assert "Note (of Roshchin)" not in text


# -- errors: status and JSON body, never a 500 -------------------------------------------
ERRORS = [
    ("navigation", f"resource={TG}", 400),  # none of ref, start/end, down
    ("navigation", "down=1", 400),  # no resource
    ("navigation", f"resource={TG}&ref=2.1&start=2.1&end=2.1", 400),  # ref and start
    ("navigation", f"resource={TG}&start=2.1", 400),  # start without end
    ("navigation", f"resource={TG}&end=2.1", 400),  # end without start
    ("navigation", f"resource={TG}&down=0", 400),  # down=0 without ref
    ("navigation", f"resource={TG}&start=2.1&end=2.1&down=0", 400),
    ("navigation", f"resource={TG}&down=x", 400),  # a bad down
    ("navigation", f"resource={TG}&down=-2", 400),
    ("navigation", f"resource={TG}&start=2&end=1&down=1", 400),  # end before start
    ("navigation", f"resource={TG}&down=1&page=0", 400),
    ("navigation", f"resource={TG}&down=1&down=2", 400),  # repeated parameter
    ("navigation", "resource=nope&down=1", 404),  # unknown resource
    ("navigation", f"resource={TG}&ref=9.9", 404),  # ref not found
    ("navigation", f"resource={TG}&start=1&end=9.9", 404),
    ("navigation", f"resource={TG}&tree=nope&down=1", 404),  # unknown tree
    ("navigation", f"resource={TG}&down=1&page=99", 404),  # beyond the last page
    ("document", "", 400),  # no resource
    ("document", "resource=nope", 404),
    ("document", f"resource={TG}&ref=9.9", 404),
    ("document", f"resource={TG}&ref=1&start=1&end=2", 400),
    ("document", f"resource={TG}&start=1", 400),
    ("document", f"resource={TG}&mediaType=application/pdf", 404),
    ("document", f"resource={TG}&tree=nope&ref=1", 404),
    ("collection", "id=nope", 404),
    ("collection", "nav=sideways", 400),
    ("collection", "page=x", 400),
    ("collection", "page=2", 404),
    ("nowhere", "", 404),
]


@pytest.mark.parametrize("endpoint,query,status", ERRORS)
def test_errors(server, endpoint, query, status):
    code, headers, body = fetch(url(server, endpoint, query))
    assert code == status
    assert headers["content-type"] == "application/ld+json"
    err = check("error", json.loads(body))
    assert err["statusCode"] == status


def test_bad_encoding_and_methods(server):
    code, _h, body = fetch(url(server, "navigation", f"resource={TG}&ref=%FF&down=1"))
    assert code == 400 and check("error", json.loads(body))["statusCode"] == 400
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", int(server.root.rsplit(":", 1)[1]))
    conn.request("POST", "/dts/collection", body=b"id=edition")
    resp = conn.getresponse()
    assert resp.status == 405 and resp.getheader("Allow") == "GET, HEAD"
    check("error", json.loads(resp.read()))
    conn.request("HEAD", "/dts/collection")
    resp = conn.getresponse()
    assert resp.status == 200 and resp.read() == b""
    conn.close()


# -- pagination -------------------------------------------------------------------------
def test_navigation_pages(library):
    dts = DTS(library, page_size=10)
    base = "http://127.0.0.1:1/dts"
    first = json.loads(dts.respond("navigation", f"resource={TG}&down=-1", base).body)
    check("navigation", first)
    view = first["view"]
    assert view["first"] == view["@id"] == f"{base}/navigation?resource={TG}&down=-1&page=1"
    assert view["last"].endswith("page=3") and "previous" not in view
    collected = [m["identifier"] for m in first["member"]]
    nxt = view.get("next")
    while nxt:
        page = json.loads(dts.respond("navigation", nxt.split("?", 1)[1], base).body)
        check("navigation", page)
        collected += [m["identifier"] for m in page["member"]]
        nxt = page["view"].get("next")
    everything = json.loads(DTS(library).respond("navigation", f"resource={TG}&down=-1",
                                                 base).body)
    assert collected == ids(everything) and "view" not in everything


def test_readme_examples(server):
    """The README's curl examples answer 200 on the telegram (the server holds it)."""
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    urls = re.findall(r"^curl '(http://127\.0\.0\.1:8000/dts[^']*)'", readme, re.M)
    assert len(urls) >= 6
    for u in urls:
        status, _h, body = fetch(u.replace("http://127.0.0.1:8000", server.root))
        assert status == 200, (u, body[:200])
