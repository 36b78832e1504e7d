"""XSD datatype values judged as jing judges them (toolkit/validate/datatypes.py).

Each case is a value where libxml2 (which gives teikit's verdicts) and jing disagreed
before teikit corrected it, with jing's verdict; every case runs through the whole
RELAX NG path (grammar loading, reduction, libxml2, the checks done in Python) on a
tiny grammar. With jing on PATH, random values (hypothesis) are also given to both,
in one jing run per datatype, and must get the same verdicts.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.validate import datatypes
from toolkit.validate.relaxng import validate_tree

JING = shutil.which("jing")

# (datatype, value, jing's verdict); the first ones libxml2 refused, the others accepted
CASES = [
    ("anyURI", "http://http://www.example.org/x", True),
    ("anyURI", "http://x:abc/", True),
    ("anyURI", "a?[", True),
    ("anyURI", "http://-x.org/", True),
    ("anyURI", "http:", False),
    ("anyURI", "a:#", False),
    ("anyURI", "//[a]/", False),
    ("anyURI", "http://[v1.x]/", False),
    ("anyURI", "http://[]/", False),
    # the same verdict before and after: kept so that a change cannot break them
    ("anyURI", "#a#b", False),
    ("anyURI", "%zz", False),
    ("anyURI", "http://[::1]:80/p?q#f", True),
    ("anyURI", "http://example.org/a b/ä", True),
    ("anyURI", "", True),
    ("time", "24:00:00", False),
    ("dateTime", "2001-01-01T24:00:00", False),
    ("dateTime", "2001-01-01T23:00:00", True),
    ("double", "1E", False),
    ("float", "1e", False),
    ("double", "1E3", True),
    ("double", "INF", True),
    ("double", "NaN", True),
]


def _grammar(tmp: Path, datatype: str, in_list: bool) -> Path:
    value = f'<data type="{datatype}"/>'
    if in_list:
        value = f"<list><oneOrMore>{value}</oneOrMore></list>"
    path = tmp / f"{datatype}-{int(in_list)}.rng"
    path.write_text(f'<element name="r" xmlns="http://relaxng.org/ns/structure/1.0" '
                    f'datatypeLibrary="{datatypes.XSD}"><zeroOrMore><element name="v">'
                    f'<attribute name="a">{value}</attribute></element></zeroOrMore></element>')
    return path


def _teikit(schema: Path, values: list[str]) -> list[bool]:
    """Verdict per value: one document, one ``v`` per line, issues mapped to lines."""
    doc = "<r>\n" + "".join(f'<v a="{html.escape(v, quote=True)}"/>\n' for v in values) + "</r>"
    tree = etree.fromstring(doc.encode()).getroottree()
    bad = {i.line - 2 for i in validate_tree(tree, schema, "t.xml", doc.splitlines())}
    return [i not in bad for i in range(len(values))]


def _jing(schema: Path, values: list[str], tmp: Path) -> list[bool]:
    doc = tmp / "values.xml"
    doc.write_text("<r>\n" + "".join(f'<v a="{html.escape(v, quote=True)}"/>\n'
                                     for v in values) + "</r>", encoding="utf-8")
    out = subprocess.run([JING, str(schema), str(doc)], capture_output=True, text=True,
                         timeout=120).stdout
    bad = {int(n) - 2 for n in re.findall(r"values\.xml:(\d+):\d+: error", out)}
    return [i not in bad for i in range(len(values))]


@pytest.mark.parametrize("datatype,value,jing", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_value_verdict_as_jing(tmp_path, datatype, value, jing):
    assert _teikit(_grammar(tmp_path, datatype, False), [value]) == [jing]


def test_uri_lists_are_checked_token_by_token(tmp_path):
    schema = _grammar(tmp_path, "anyURI", True)
    assert _teikit(schema, ["#a #b", "#a #b#c", "http://http://x http:x"]) == [True, False, True]


def test_uri_check_gives_the_libxml2_grammar_a_token():
    """The grammar libxml2 compiles holds no anyURI (it is checked here instead)."""
    from toolkit.validate.rng import load_schema
    from toolkit.validate.schemas import tei_all

    rng = tei_all(required=False)
    if rng is None:
        pytest.skip("tei_all.rng is not installed")
    text = load_schema(rng).reduced_text(frozenset({("http://www.tei-c.org/ns/1.0", n) for n in
                                                    ("TEI", "teiHeader", "ref", "graphic")}))
    assert 'type="anyURI"' not in text and 'type="token"' in text


_PIECES = ["http", "a", "x", "1", ":", "/", "//", "?", "#", "%", "%2", "%41", "[", "]",
           "[::1]", "[1:2:3:4:5:6:7:8]", "[::1.2.3.4]", "[v1.x]", "@", " ", "é", "-", ".",
           "+", "\\", "{", "|", "::", "80", "%eth0", "example.org", "mailto:", "urn:",
           "\u00a0", "~", "$", ",", ";", "=", "&", "255", "256", "\u2028", "\U0001F600"]


@pytest.mark.slow
@pytest.mark.skipif(JING is None, reason="jing is not on PATH (CI installs it: apt jing)")
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
                min_size=300, max_size=300, unique=True))
def test_random_uris_agree_with_jing(tmp_path_factory, values):
    tmp = tmp_path_factory.mktemp("uri")
    schema = _grammar(tmp, "anyURI", False)
    mine, theirs = _teikit(schema, values), _jing(schema, values, tmp)
    assert [v for v, a, b in zip(values, mine, theirs, strict=True) if a != b] == []


@pytest.mark.slow
@pytest.mark.skipif(JING is None, reason="jing is not on PATH (CI installs it: apt jing)")
@pytest.mark.parametrize("datatype,values", [
    ("time", ["00:00:00", "23:59:59.5Z", "24:00:00", "24:00:00Z", "12:00", "1:00:00"]),
    ("dateTime", ["2001-01-01T00:00:00", "2001-01-01T24:00:00", "2001-02-30T00:00:00",
                  "-0001-01-01T10:00:00+14:00", "2001-01-01T10:00:00+15:00"]),
    ("double", ["1", "1E", "1e3", "1E+", "1e-", "1.E3", ".5", "-INF", "+INF", "NaN", "1E-3"]),
    ("float", ["1", "1e", "1e39", "INF", "nan"]),
])
def test_edge_values_agree_with_jing(tmp_path, datatype, values):
    schema = _grammar(tmp_path, datatype, False)
    assert _teikit(schema, values) == _jing(schema, values, tmp_path)
