"""Schema-driven fuzzing: documents generated from tei_all's grammar through every output.

Each example is a document generated from tei_all's RELAX NG grammar
(:mod:`tests.fuzz.rnggen`: elements in the contexts the grammar allows, attributes
with values of their datatypes, random nesting and text). It must be valid (RELAX NG:
the embedded Schematron rules are not the generator's concern), and every output must
take it: text in both modes, the HTML page, the print HTML, every citation style and
every OAI metadata crosswalk. The only failure allowed is a located TeikitError that
the toolkit raises on purpose (a stylesheet's own ``tk:`` code, never an XPath
dynamic error such as XPTY0004). A failing document shrinks (hypothesis) to the
smallest one that fails, printed with the failure.

Bounded for CI (derandomised, the same documents every run): ``TEIKIT_FUZZ_EXAMPLES``
sets the number of documents (default 25), e.g. ``TEIKIT_FUZZ_EXAMPLES=2000`` to
search further.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from lxml import etree

from tests.fuzz.rnggen import Impossible, generate
from toolkit.errors import TeikitError, TransformError
from toolkit.render import render_text
from toolkit.render.cite import STYLES, cite_many
from toolkit.render.html import render_html
from toolkit.render.pdf import render_print_html
from toolkit.serve.oai.formats import crosswalk, header_document
from toolkit.validate.relaxng import validate_tree
from toolkit.validate.rng import load_schema
from toolkit.validate.schemas import tei_all

TEI_ALL = tei_all(required=False)
EXAMPLES = int(os.environ.get("TEIKIT_FUZZ_EXAMPLES", "25"))
FILE = "generated.xml"

pytestmark = pytest.mark.skipif(TEI_ALL is None, reason="tei_all.rng is not installed "
                                "(teikit schemas install)")


def _allowed(exc: TeikitError) -> bool:
    """A failure the toolkit means: located, and not an XPath/XSLT dynamic error."""
    if not exc.file:
        return False
    if isinstance(exc, TransformError):
        return bool(exc.code) and exc.code.startswith("tk:")
    return True


def outputs(tree: etree._ElementTree) -> None:
    """Every output of one document; raises what the toolkit raises."""
    for mode in ("reading", "diplomatic"):
        render_text(tree, file=FILE, mode=mode)
    render_html(tree, file=FILE)
    render_print_html(tree, file=FILE, accessed="2026-01-01")
    cite_many(tree, STYLES, accessed="2026-01-01", file=FILE)
    _, problems = crosswalk(header_document(tree), "oai:example.org:generated", FILE)
    for issue in problems:  # a failed crosswalk is reported, not raised
        code = issue.rule or ""
        if not code.startswith("tk:"):
            raise TransformError(issue.message, file=FILE, code=code or None)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(data=st.data())
def test_generated_documents_are_valid_and_every_output_takes_them(data):
    grammar = load_schema(TEI_ALL).grammar
    try:
        tree = generate(grammar, data.draw)
    except Impossible as exc:  # a corner the generator cannot fill: another document
        from hypothesis import reject

        note(f"generator: {exc}")
        reject()
    text = etree.tostring(tree, encoding="unicode", pretty_print=True)
    tree = etree.fromstring(text.encode()).getroottree()  # line numbers for messages
    note(text)
    problems = validate_tree(tree, TEI_ALL, FILE, text.splitlines())
    assert problems == [], "generated document invalid: " + "; ".join(
        i.format() for i in problems[:3])
    try:
        outputs(tree)
    except TeikitError as exc:
        assert _allowed(exc), f"{type(exc).__name__} [{exc.code}]: {exc}"
