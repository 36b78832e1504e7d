"""teikit's RELAX NG verdicts agree with jing on every corpus file.

Verdicts: "valid", "invalid", "not well-formed". jing is run one file per JVM (in one
run it stops at the first fatal error and silently skips the rest), two at a time.
jing "fatal:" lines (parse errors, a failed XInclude without fallback) count as not
well-formed; teikit's NotWellFormed (from the secure parser, including a failed local
XInclude) likewise.

Documented differences (MISSING_RESOURCE): jing loads a document's external DTD and
stops with "fatal: file not found" when it is absent. teikit never loads DTDs (see
toolkit/xmlio.py: no external entities, no network), so it validates such a document
as it stands. For these files the test checks that jing really failed on the missing
DTD, and leaves teikit's verdict to the other tests.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import CORPUS, corpus_files
from toolkit import xmlio
from toolkit.errors import NotWellFormed
from toolkit.validate import schemas
from toolkit.validate.relaxng import validate_tree

JING = shutil.which("jing")
TEI_ALL = schemas.tei_all(required=False)
FILES = corpus_files() + corpus_files("invalid") + corpus_files("malformed")

#: corpus-relative path -> why jing cannot give a verdict (it stops on a missing resource)
MISSING_RESOURCE = {
    "teic-tei__testbare.xml": "DOCTYPE names testbare.dtd, absent; teikit never loads DTDs",
    "teic-tei__testcorpus.xml": "DOCTYPE names ../DTD/tei.dtd, absent; teikit never loads DTDs",
    "teic-tei__testdrama.xml": "DOCTYPE names ../DTD/tei.dtd, absent; teikit never loads DTDs",
    "invalid/inv03_teiHeader-after-text.xml": "derived from testbare: DOCTYPE testbare.dtd",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(JING is None, reason="jing is not on PATH (CI installs it: apt jing)"),
    pytest.mark.skipif(TEI_ALL is None, reason="tei_all.rng not installed"),
    pytest.mark.skipif(not FILES, reason="../shared (the shared test corpus) is absent"),
]


def _jing(path: Path) -> tuple[str, str]:
    proc = subprocess.run([JING, str(TEI_ALL), str(path)], capture_output=True, text=True,
                          timeout=300)
    out = proc.stdout
    if proc.returncode == 0:
        return "valid", out
    if "fatal:" in out:
        return ("missing resource" if "fatal: file not found" in out else "not well-formed"), out
    return "invalid", out


def _teikit(path: Path) -> str:
    try:
        tree = xmlio.parse(path)
    except NotWellFormed:
        return "not well-formed"
    return "invalid" if validate_tree(tree, TEI_ALL, str(path)) else "valid"


@pytest.fixture(scope="module")
def jing_verdicts() -> dict[str, tuple[str, str]]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_jing, FILES))
    return {str(p.relative_to(CORPUS)): r for p, r in zip(FILES, results, strict=True)}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_verdict_agrees_with_jing(path: Path, jing_verdicts):
    rel = str(path.relative_to(CORPUS))
    jing, output = jing_verdicts[rel]
    if rel in MISSING_RESOURCE:
        assert jing == "missing resource", f"jing no longer stops on {rel}: {output[:300]}"
        return
    assert jing != "missing resource", f"undocumented missing resource: {output[:300]}"
    assert _teikit(path) == jing, output[:500]


def test_undefined_entity_is_not_well_formed_for_both(jing_verdicts):
    rel = "malformed/mal03_undefined-entity.xml"
    assert jing_verdicts[rel][0] == "not well-formed"
    assert _teikit(CORPUS / rel) == "not well-formed"
    with pytest.raises(NotWellFormed, match="nbsp"):
        xmlio.parse(CORPUS / rel)
