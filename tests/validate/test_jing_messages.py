"""teikit's RELAX NG messages say at least what jing's say.

jing and teikit are run side by side over ../shared/corpus/invalid/ and the fixtures of
fixtures/messages/ (a TEI root without the TEI namespace, text in the wrong place, an
element TEI does not have, a misplaced head). For every jing error that tells what
was expected ("expected …", "missing required element …", "must be …"), teikit must
report the same problem (same kind, same element or attribute) on the same line or a
few lines before (jing gives the end of a start tag, teikit its start), and its
message must name at least every element, attribute or value jing names. A raw
libxml2 message ("Did not expect element TEI there") never satisfies this.

Documented difference: jing stops on a DOCTYPE whose DTD is absent (inv03); such files
are reported by jing as "fatal: file not found" and skipped here with that reason.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import corpus_files
from toolkit import xmlio
from toolkit.validate import check, schemas
from toolkit.validate.relaxng import validate_tree

JING = shutil.which("jing")
TEI_ALL = schemas.tei_all(required=False)
HERE = Path(__file__).parent / "fixtures" / "messages"
FILES = corpus_files("invalid") + sorted(HERE.glob("*.xml"))

pytestmark = [
    pytest.mark.skipif(JING is None, reason="jing is not on PATH (CI installs it: apt jing)"),
    pytest.mark.skipif(TEI_ALL is None, reason="tei_all.rng not installed"),
]

_LINE = re.compile(r"^.*?:(\d+):(\d+): error: (.*)$")
_SUBJECT = re.compile(
    r'^(?:element "(?P<el>[^"]+)" (?P<what>not allowed|incomplete)'
    r'|(?P<text>text) not allowed'
    r'|attribute "(?P<att>[^"]+)" not allowed'
    r'|value of attribute "(?P<val>[^"]+)" is invalid)')
_TELLS = ("expected", "missing required", "must be")


def _subject(message: str) -> tuple[str, str] | None:
    m = _SUBJECT.match(message)
    if m is None:
        return None
    if m.group("el"):
        return (m.group("what"), m.group("el"))
    if m.group("text"):
        return ("text", "")
    if m.group("att"):
        return ("attribute", m.group("att"))
    return ("value", m.group("val"))


def _told(message: str) -> set[str]:
    """The names or values a message says were expected (the quoted words after the
    first "expected", "missing required" or "must be equal to")."""
    cut = min((message.find(w) for w in (*_TELLS, "must be equal") if w in message),
              default=-1)
    if cut < 0:
        return set()
    tail = message[cut:].split(" (with xmlns", 1)[0]
    return {w.split(":")[-1] for w in re.findall(r'"([^"]+)"', tail)}


def _jing(path: Path) -> list[tuple[int, str]] | str:
    proc = subprocess.run([JING, str(TEI_ALL), str(path)], capture_output=True, text=True,
                          timeout=300)
    if "fatal:" in proc.stdout:
        return proc.stdout.strip()
    out = []
    for line in proc.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            out.append((int(m.group(1)), m.group(3)))
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_teikit_says_at_least_what_jing_says(path: Path):
    jing = _jing(path)
    if isinstance(jing, str):
        pytest.skip(f"jing cannot validate it: {jing.splitlines()[-1]}")
    assert jing, "the fixture is meant to be invalid for jing"
    report = check(path, ["tei_all"])  # as `teikit validate --schema tei_all` reports
    ours = [(i.line, i.message) for i in report.issues if i.source in ("relaxng", "xml")]
    assert ours, "teikit finds the document valid where jing does not"
    for _line, message in ours:
        assert "Did not expect" not in message and "failed to validate" not in message, \
            f"a raw libxml2 message reaches the user: {message}"
    for jline, jmsg in jing:
        if not any(w in jmsg for w in _TELLS):
            continue
        subject = _subject(jmsg)
        assert subject is not None, f"unknown kind of jing message: {jmsg}"
        candidates = [(line, msg) for line, msg in ours if _subject(msg) == subject
                      and line <= jline and (subject[0] == "incomplete" or line >= jline - 5)]
        assert candidates, f"line {jline}: jing says {jmsg[:200]!r}; teikit has no such message"
        best = min(candidates, key=lambda c: jline - c[0])
        assert any(w in best[1] for w in _TELLS), \
            f"line {jline}: jing tells what was expected, teikit does not: {best[1][:200]!r}"
        missing = _told(jmsg) - _told(best[1])
        assert not missing, f"line {jline}: teikit does not name {sorted(missing)} ({best[1]!r})"


def test_tei_without_namespace_gets_jings_message():
    path = HERE / "tei-without-namespace.xml"
    issues = validate_tree(xmlio.parse(path), TEI_ALL, str(path))
    assert [(i.line, i.message) for i in issues] == [
        (2, 'element "TEI" not allowed here; expected element "TEI" or "teiCorpus" '
            '(with xmlns="http://www.tei-c.org/ns/1.0")')]
