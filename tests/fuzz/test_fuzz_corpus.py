"""Fuzzing: mutated corpus documents through parse -> validate -> render text.

Small corpus documents are mutated (byte flips, truncation, element duplication and
deletion, attribute garbage, entity insertions) and pushed through the pipeline; the
only exceptions allowed out are TeikitError subclasses. Derandomised and bounded
(``TEIKIT_FUZZ_EXAMPLES``, default 200) so CI runs the same cases every time; raise
the number locally to search further.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import CORPUS, NO_SHARED
from toolkit import xmlio
from toolkit.errors import TeikitError
from toolkit.render import RENDERERS

try:
    from toolkit import validate as validation
except ImportError:  # the validator arrives in its own change
    validation = None

MAX_SOURCE_BYTES = 6_000  # small documents keep each example fast
EXAMPLES = int(os.environ.get("TEIKIT_FUZZ_EXAMPLES", "200"))
SOURCES = sorted(p for p in CORPUS.glob("*.xml") if p.stat().st_size <= MAX_SOURCE_BYTES) \
    if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not SOURCES, reason=NO_SHARED)

ENTITY_SNIPPETS = [b"&undefined;", b"&#0;", b"&#xD800;", b"&#x110000;", b"&amp", b"&;",
                   b"&lt;&gt;&quot;", b"&#x1F600;", b"]]>", b"<![CDATA[x]]>", b"<?pi x?>",
                   b"<!-- -- -->", b"\xef\xbb\xbf", b"\x00", b"<!DOCTYPE x>"]
GARBAGE_VALUES = ["", " ", "\u202e", "x" * 300, "&", "<", "#", "2026-99-99", "\x7f",
                  "javascript:alert(1)", "../../etc/passwd", "\ud7ff\ue000"]


def _elements(data: bytes) -> tuple[etree._ElementTree, list[etree._Element]]:
    tree = xmlio.parse_bytes(data, "source")  # corpus sources are well-formed
    return tree, [e for e in tree.getroot().iter() if isinstance(e.tag, str)]


def _tostring(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, encoding="utf-8", xml_declaration=True)


def mutate(data: bytes, kind: str, a: int, b: int) -> bytes:
    """Apply one mutation; ``a`` and ``b`` pick positions, elements and values."""
    if kind == "flip":
        i = a % len(data)
        return data[:i] + bytes([b % 256]) + data[i + 1:]
    if kind == "truncate":
        return data[: a % len(data)]
    if kind == "entity":
        i = a % len(data)
        return data[:i] + ENTITY_SNIPPETS[b % len(ENTITY_SNIPPETS)] + data[i:]
    tree, elements = _elements(data)
    el = elements[a % len(elements)]
    parent = el.getparent()
    if kind == "duplicate" and parent is not None:
        from copy import deepcopy

        parent.insert(parent.index(el) + 1, deepcopy(el))
    elif kind == "delete" and parent is not None:
        parent.remove(el)
    elif kind == "attribute":
        name = ["rend", "n", "when", "xml:id", "target", "ref", "type"][b % 7]
        key = f"{{{xmlio.XML_NS}}}id" if name == "xml:id" else name
        el.set(key, GARBAGE_VALUES[b % len(GARBAGE_VALUES)])
    return _tostring(tree)


def pipeline(path: Path) -> None:
    """What a user's run does: parse, validate, render the text in both modes."""
    tree = xmlio.parse(path)
    if validation is not None:
        validation.check(str(path))
    for mode in ("reading", "diplomatic"):
        RENDERERS["text"](tree, file=str(path), mode=mode)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(source=st.sampled_from(SOURCES or [Path("none")]),
       kind=st.sampled_from(["flip", "truncate", "entity", "duplicate", "delete",
                             "attribute"]),
       a=st.integers(0, 10**9), b=st.integers(0, 10**9))
def test_mutated_documents_fail_only_with_teikit_errors(tmp_path, source, kind, a, b):
    data = mutate(source.read_bytes(), kind, a, b)
    f = tmp_path / "mutant.xml"
    f.write_bytes(data)
    try:
        pipeline(f)
    except TeikitError as exc:
        assert exc.file and str(exc).startswith(str(f)), f"unlocated error: {exc!r}"
