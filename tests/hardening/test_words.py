"""The word-conservation checker itself: it must catch a lost word, and only that."""

from __future__ import annotations

from tests.hardening import words as W
from toolkit import xmlio

DOC = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
       '<p>Alpha <choice><sic>beta</sic><corr>bęta</corr></choice> Antoni<ex>no</ex> '
       'gam<lb break="no"/>ma</p></body></text></TEI>').encode()


def _pieces() -> list[str]:
    return W.words(W.tei_pieces(xmlio.parse_bytes(DOC)))


def test_markup_boundaries_split_source_words():
    assert _pieces() == ["alpha", "beta", "bęta", "antoni", "no", "gam", "ma"]


def test_a_complete_output_loses_nothing():
    assert W.missing_words(_pieces(), "ALPHA beta [bęta] Antonino gamma") == []


def test_a_dropped_word_is_caught():
    assert W.missing_words(_pieces(), "Alpha bęta Antonino gamma") == ["beta"]
    assert W.missing_words(_pieces(), "Alpha beta bęta gamma") == ["antoni", "no"]


def test_count_ratio():
    source = W.words(W.tei_text(xmlio.parse_bytes(DOC)))
    assert W.count_ratio(source, "alpha") < W.COUNT_TOLERANCE
    assert W.count_ratio(source, " ".join(source)) == 1


def test_html_text_ignores_head_and_scripts():
    page = "<html><head><title>t</title><script>var x</script></head><body>Words</body></html>"
    assert W.words(W.html_text(page)) == ["words"]
