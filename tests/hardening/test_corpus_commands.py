"""Every command on every file of ../shared/corpus (with invalid/ and malformed/).

Each document is built with ``teikit build FILE`` (in process, so stylesheets compile
once); the words of every output are checked against the TEI text (see
:mod:`tests.hardening.words`). Documents over ``BIG`` bytes (the four largest: two
novels and two indexes, 6 of the corpus's 9 MB) get only ``teikit render --to text``
and are not validated unless ``TEIKIT_CORPUS_FULL=1``, to keep the suite's time
bounded on a small machine. ``teikit validate`` runs once over the other files with a
JSON report and ``teikit index`` once over the whole corpus. No run may raise, print a
traceback, or use an undocumented exit code; malformed files are reported at the
FILE:LINE:COLUMN of DESCRIPTIONS.tsv.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CORPUS, NO_SHARED, corpus_files
from tests.hardening import words as W
from tests.hardening.clihelp import assert_clean, invoke
from toolkit import xmlio
from toolkit.cli import cli
from toolkit.render import RENDERERS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_SHARED)]

BIG = 500_000
FULL = os.environ.get("TEIKIT_CORPUS_FULL") == "1"
GOOD = corpus_files() + corpus_files("invalid")
MALFORMED = corpus_files("malformed")
ALL = GOOD + MALFORMED
# Documents whose XInclude target is not part of the corpus (and have no xi:fallback):
# refused, per the XInclude spec, at the xi:include's line.
MISSING_XINCLUDE = {"frus__frus1955-57v24_d16_excerpt.xml": 44,
                    "frus__frus1961-63v06_d4_excerpt.xml": 39}


def _ids(files: list[Path]) -> list[str]:
    return [str(f.relative_to(CORPUS)) for f in files]


def expected_locations() -> dict[str, tuple[int, int]]:
    """malformed/NAME -> (line, column) from DESCRIPTIONS.tsv's parser error column."""
    table = CORPUS / "malformed" / "DESCRIPTIONS.tsv"
    if not table.is_file():
        return {}
    out = {}
    with open(table, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            m = re.search(r"line (\d+), column (\d+) \(<string>", row.get(
                "parser error (malformed only)") or "")
            if m:
                out[row["file"]] = (int(m.group(1)), int(m.group(2)))
    return out


LOCATIONS = expected_locations()

# output file suffix -> (renderer, mode), as `teikit build` names them
OUTPUTS = {".txt": ("text", "reading"), ".diplomatic.txt": ("text", "diplomatic")}
if "html" in RENDERERS:
    OUTPUTS[".html"] = ("html", "reading")

# (corpus file, output suffix) -> reason: words the stylesheets drop today. Strict
# xfails: they fail loudly once the stylesheet keeps every word.
# None today: the text and html stylesheets keep every word of every processed file.
KNOWN_LOSSES: dict[tuple[str, str], str] = {}
# Documents that once broke `teikit render --to pdf` (regression cases): WeasyPrint's
# line layout failed on a newline after a space inside a footnote (testms, test), and the
# print stylesheet refused a teiCorpus (testcorpus).
PDF_REGRESSIONS = ["teic-tei__testms.xml", "teic-xsl__test.xml", "teic-tei__testcorpus.xml"]


# validating the big documents against tei_all takes minutes: TEIKIT_CORPUS_FULL=1 only
VALIDATED = [f for f in ALL if FULL or f.stat().st_size <= BIG]


def _suffixes(f: Path) -> list[str]:
    return list(OUTPUTS) if FULL or f.stat().st_size <= BIG else [".txt"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Lazily built outputs: corpus file -> {suffix: output text}, one build per file."""
    site = tmp_path_factory.mktemp("site")
    cache: dict[Path, dict[str, str]] = {}

    def get(f: Path) -> dict[str, str]:
        if f not in cache:
            if _suffixes(f) == [".txt"]:
                run = invoke(["render", str(f), "--to", "text"])
                assert_clean(run, {0})
                cache[f] = {".txt": run.stdout}
            else:
                out = site / f"{len(cache)}"
                run = invoke(["build", str(f), "-o", str(out), "--no-pdf", "-j", "1"])
                assert_clean(run, {0})
                cache[f] = {s: (out / f.stem / (f.stem + s)).read_text(encoding="utf-8")
                            for s in OUTPUTS}
                run = invoke(["render", str(f), "--to", "text"])  # the command, too
                assert_clean(run, {0})
                assert run.stdout == cache[f][".txt"], "render and build disagree"
        return cache[f]

    return get


@pytest.fixture(scope="module")
def validated(tmp_path_factory):
    if "validate" not in cli.commands:
        pytest.skip("no `teikit validate` command yet")
    report = tmp_path_factory.mktemp("validate") / "report.json"
    files = [str(f) for f in VALIDATED]
    run = invoke(["validate", *files, "--format", "json", "-j", "2", "-o", str(report)])
    assert_clean(run, {1})
    return {Path(f["file"]).resolve(): f for f in json.loads(report.read_text())["files"]}


def test_malformed_table_is_complete():
    assert len(LOCATIONS) == len(MALFORMED) > 0


REFUSED = MALFORMED + [f for f in GOOD if f.name in MISSING_XINCLUDE]
PROCESSED = [f for f in GOOD if f.name not in MISSING_XINCLUDE]


def _location(f: Path) -> tuple[int, int]:
    if f.name in LOCATIONS:
        return LOCATIONS[f.name]
    # refused: the include reaches outside the corpus folder (the edition's boundary);
    # located at its start tag
    line = MISSING_XINCLUDE[f.name]
    return line, f.read_text(encoding="utf-8").splitlines()[line - 1].index("<xi:include") + 1


@pytest.mark.parametrize("f", REFUSED, ids=_ids(REFUSED))
def test_refused_documents_are_located_by_render_and_build(f, tmp_path):
    line, col = _location(f)
    for argv in (["render", str(f), "--to", "text"], ["build", str(f), "-o", str(tmp_path)]):
        run = invoke(argv)
        assert_clean(run, {1})
        assert f"{f}:{line}:{col}: error: " in run.stderr, run.stderr
    assert not (tmp_path / f.stem).exists(), "no output for a refused document"


@pytest.mark.parametrize("f", VALIDATED, ids=_ids(VALIDATED))
def test_validate(validated, f):
    entry = validated[f.resolve()]
    if f in MALFORMED:
        line, col = LOCATIONS[f.name]
        assert not entry["well_formed"]
        assert (entry["messages"][0]["line"], entry["messages"][0]["column"]) == (line, col)
    elif f.parent.name == "invalid":
        assert entry["well_formed"] and not entry["valid"]
        assert any(m["line"] > 0 for m in entry["messages"])
    elif f.name in MISSING_XINCLUDE:  # validate reports the failed XInclude
        assert not entry["well_formed"]
        assert entry["messages"][0]["line"] == MISSING_XINCLUDE[f.name]
    else:
        assert entry["well_formed"]


def test_index_whole_corpus(tmp_path):
    if "index" not in cli.commands:
        pytest.skip("no `teikit index` command yet")
    run = invoke(["index", str(CORPUS), "--db", str(tmp_path / "oai.sqlite")])
    assert_clean(run, {0, 1})
    for f in MALFORMED:
        assert str(f.name) in run.output


def _word_cases():
    cases = []
    for f in PROCESSED:
        for suffix in _suffixes(f):
            reason = KNOWN_LOSSES.get((str(f.relative_to(CORPUS)), suffix))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(f, suffix, marks=marks,
                                      id=f"{f.relative_to(CORPUS)}{suffix}"))
    return cases


@pytest.mark.parametrize("f,suffix", _word_cases())
def test_every_word_is_kept(outputs, f, suffix):
    tree = xmlio.parse(f)
    data = outputs(f)[suffix]
    text = W.html_text(data) if suffix == ".html" else data
    missing = W.missing_words(W.words(W.tei_pieces(tree)), text)
    assert not missing, f"{len(missing)} words lost, e.g. {missing[:20]}"
    source = W.words(W.tei_text(tree))
    if source:  # a document whose <text> holds only comments has no words to keep
        assert W.count_ratio(source, text) >= W.COUNT_TOLERANCE


@pytest.mark.skipif("pdf" not in RENDERERS, reason="no pdf renderer")
@pytest.mark.parametrize("name", PDF_REGRESSIONS)
def test_pdf_of_documents_that_once_failed(name, tmp_path):
    if not (CORPUS / name).is_file():
        pytest.skip(NO_SHARED)
    out = tmp_path / "x.pdf"
    run = invoke(["render", str(CORPUS / name), "--to", "pdf", "-o", str(out)])
    assert_clean(run, {0})
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    # page furniture between the halves of a word hyphenated across a page: the page
    # counter, the source's page numbers in the margin ("p. 2"), the running heads
    text = re.sub(r"(?m)^(\d+ of \d+|p\. \S+)$", "", text)
    text = re.sub(r"\f[^\n]*\n\s*[^\n]*\n", "\n", text)
    text = re.sub(r"[-\u2010\u00ad]\n\s*", "", text)  # words hyphenated at line ends
    missing = W.missing_words(W.words(W.tei_pieces(xmlio.parse(CORPUS / name))), text)
    assert not missing, missing[:20]
