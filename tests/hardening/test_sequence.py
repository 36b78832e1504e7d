"""No word glued, lost or out of order (issue 12, item 4), on every file of ../shared/corpus
(invalid/ variants included) and every TEI fixture of the tests: the reading text and the
HTML reading view hold the TEI's words in order (tests/hardening/sequence.py says how choices,
apparatus, notes and register dates are accounted for), and no output word is two words of
the TEI run together (../shared/tools/glued_words.py). The set-based check
(test_corpus_commands.py, tests/html/test_corpus_pages.py) stays beside this one.

The four largest corpus files (over ``BIG`` bytes) get the text check only, unless
``TEIKIT_CORPUS_FULL=1``, as in test_corpus_commands.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import CORPUS, NO_SHARED, ROOT, corpus_files
from tests.hardening import sequence as S
from toolkit import xmlio
from toolkit.errors import NotWellFormed
from toolkit.render import render_text
from toolkit.render.html import render_html

BIG = 500_000
FULL = os.environ.get("TEIKIT_CORPUS_FULL") == "1"
CORPUS_FILES = corpus_files() + corpus_files("invalid")


def fixture_files() -> list[Path]:
    """Every TEI document among the tests' fixtures (and tei/), whatever it is there for."""
    found = []
    for p in sorted([*ROOT.glob("tei/*.xml"), *ROOT.glob("tests/**/*.xml")]):
        if "node_modules" in p.parts or "output" in p.parts:
            continue
        try:
            root = etree.parse(str(p), etree.XMLParser(resolve_entities=False,
                                                       no_network=True)).getroot()
        except etree.XMLSyntaxError:
            continue
        if root.tag in (f"{S.T}TEI", f"{S.T}teiCorpus"):
            found.append(p)
    return found


FIXTURES = fixture_files()


def _tree(path: Path) -> etree._ElementTree:
    try:
        return xmlio.parse_tei(path)
    except NotWellFormed as exc:
        if "XInclude" not in exc.message:
            raise
        # an XInclude of a file the corpus does not ship: the rest of the document
        return xmlio.parse_tei(path, xinclude=False)


def attribute_words(tree: etree._ElementTree) -> set[str]:
    """Words of the TEI's attribute values: outputs show some (a gap's @reason)."""
    return {w for v in tree.getroot().xpath("//@*") for w in S.WORD.findall(str(v))}


def check(path: Path, html: bool) -> None:
    tree = _tree(path)
    source = S.source_words(tree)
    G = S.glued_words()
    words = G.reader_words(tree.getroot()) if G else set()
    allowed = attribute_words(tree)
    text = render_text(tree, file=str(path))
    problems = S.out_of_order(source, S.normalise(text))
    assert not problems, f"reading text: {len(problems)} words lost or out of order: {problems[:5]}"
    if G:
        glued = [t for t in G.glued(G.WORD.findall(text), words) if t not in allowed]
        assert not glued, f"reading text: words run together: {glued[:10]}"
    if not html:
        return
    page = render_html(tree, file=str(path), cites={})
    problems = S.out_of_order(source, S.html_words(page))
    assert not problems, (f"HTML reading view: {len(problems)} words lost or out of order: "
                          f"{problems[:5]}")
    if G:
        glued = [t for t in G.glued(G.page_tokens(S.html_reading_view(page)), words)
                 if t not in allowed]
        assert not glued, f"HTML reading view: words run together: {glued[:10]}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_SHARED)
@pytest.mark.parametrize("path", CORPUS_FILES,
                         ids=[str(p.relative_to(CORPUS)) for p in CORPUS_FILES])
def test_corpus_words_in_order(path):
    check(path, html=FULL or path.stat().st_size <= BIG)


@pytest.mark.parametrize("path", FIXTURES, ids=[str(p.relative_to(ROOT)) for p in FIXTURES])
def test_fixture_words_in_order(path):
    check(path, html=True)


def test_the_check_catches_a_glued_a_lost_and_a_moved_word():
    source = S.normalise("Ich spreche noch näher mit Ihnen")
    assert S.out_of_order(source, S.normalise("Ich spreche noch näher mit Ihnen [1]")) == []
    assert S.out_of_order(source, S.normalise("Ich spreche noch mit Ihnen"))  # lost
    assert S.out_of_order(source, S.normalise("Ich noch spreche näher mit Ihnen"))  # moved
    G = S.glued_words()
    if G is None:
        pytest.skip(NO_SHARED)
    assert G.glued(["Ichspreche"], {"Ich", "spreche"}) == ["Ichspreche"]


def test_marks_inside_a_word_and_underdots_are_no_loss():
    source = S.normalise("ἐκεῖ Antonino")
    assert S.out_of_order(source, S.normalise("ἐκε[ῖ] Anto\u0323ni(no)")) == []
