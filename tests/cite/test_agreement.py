"""The XSLT styles agree with citeproc-js rendering the toolkit's own CSL-JSON.

For every cited document (the telegram, tests/cite/cases/, and every corpus document
that parses, which includes each one with a correspDesc or msDesc), with and without
a URL, the Chicago note and
bibliography entry, the MLA and the APA entries must equal, character for character,
what citeproc-js renders (plain-text output) with the official CSL styles. No
normalisation is applied; only the trailing whitespace of citeproc's bibliography is
stripped (by render.js).
"""

from __future__ import annotations

import pytest

from toolkit import xmlio
from toolkit.render import cite

from . import reference
from .conftest import ACCESSED, BASE_URL, cited_documents, has_corresp_or_ms

DOCS = cited_documents()
URLS = [None, BASE_URL]


@pytest.fixture(scope="module")
def trees() -> dict:
    """Each document parsed once."""
    return {path.name: xmlio.parse(path) for path in DOCS}


@pytest.fixture(scope="module")
def records(trees) -> dict:
    """CSL-JSON per (document name, url): built once."""
    out = {}
    for name, tree in trees.items():
        for url in URLS:
            item = cite.csl_json(tree, accessed=ACCESSED, base_url=url)
            item["id"] = f"{name}|{url}"  # unique across the batch
            out[(name, url)] = item
    return out


@pytest.fixture(scope="module")
def rendered(records) -> dict:
    """citeproc-js output per (CSL style id, document, url): one node run per style."""
    why = reference.missing()
    if why:
        pytest.skip(f"reference CSL processor unavailable: {why}")
    keys = list(records)
    out = {}
    for style_id in {sid for sid, _ in reference.CSL_STYLES.values()}:
        results = reference.render([records[k] for k in keys], style_id)
        for key, res in zip(keys, results, strict=True):
            out[(style_id, *key)] = res
    return out


@pytest.mark.slow
@pytest.mark.parametrize("url", URLS, ids=["no-url", "url"])
@pytest.mark.parametrize("style", sorted(reference.CSL_STYLES))
@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_agrees_with_citeproc_js(path, style, url, rendered, trees):
    style_id, part = reference.CSL_STYLES[style]
    expected = rendered[(style_id, path.name, url)][part] or ""
    ours = cite.cite(trees[path.name], style, accessed=ACCESSED, base_url=url).strip()
    assert ours == expected.strip()


def test_every_corpus_letter_and_manuscript_is_compared(corpus):
    required = {p.name for p in corpus.glob("*.xml") if has_corresp_or_ms(p)}
    assert len(required) >= 10
    assert required <= {p.name for p in DOCS}
