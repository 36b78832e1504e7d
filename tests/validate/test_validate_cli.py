"""teikit validate: formats, verdicts, exit codes, bad input (fixtures/cli/, ../shared)."""

from __future__ import annotations

import csv
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import CORPUS, TELEGRAM
from toolkit.cli import cli
from toolkit.validate.schemas import tei_all

FIX = Path(__file__).parent / "fixtures" / "cli"
MALFORMED = CORPUS / "malformed"

pytestmark = pytest.mark.skipif(tei_all(required=False) is None,
                                reason="tei_all.rng is not installed (teikit schemas install)")


def run(*args: str):
    return CliRunner().invoke(cli, ["validate", "-j", "1", *map(str, args)])


def as_json(*args: str) -> dict:
    result = run("--format", "json", *args)
    return json.loads(result.stdout)


# (fixture, exit code, relaxng verdict, schematron verdict, expected (line, severity, rule))
CASES = [
    ("valid.xml", 0, "valid", "valid", []),
    ("no-model.xml", 0, "valid", "valid", []),
    ("warning-only.xml", 0, "valid", "valid",
     [(13, "warning", "tei_all-att.datable.w3c-att-datable-w3c-when-constraint-rule-1")]),
    ("invalid-relaxng.xml", 1, "invalid", "valid", [(13, "error", None)]),
    ("invalid-schematron.xml", 1, "valid", "invalid",
     [(13, "error", "tei_all-att.typed-subtypeTyped-constraint-rule-6")]),
    ("duplicate-id.xml", 1, "invalid", "valid", [(14, "error", "xml:id")]),
    ("unknown-remote-model.xml", 0, "valid", "valid",
     [(2, "warning", "xml-model"), (2, "warning", "xml-model")]),
    # invalid, as jing says, not "not well-formed" (libxml2 stops at it)
    ("id-not-ncname.xml", 1, "invalid", "valid", [(13, "error", "xml:id")]),
    # datatypes as jing checks them (see toolkit/validate/datatypes.py)
    ("uri-lax.xml", 0, "valid", "valid", []),
    ("uri-invalid.xml", 1, "invalid", "valid",
     [(13, "error", None), (13, "warning", "tk-dangling-pointer"),
      (13, "warning", "tk-dangling-pointer"), (14, "error", None)]),
    ("hour-24.xml", 1, "invalid", "valid", [(13, "error", None)]),
    ("exponent-without-digits.xml", 1, "invalid", "valid", [(13, "error", None)]),
    # a remote XInclude is never fetched: its fallback is used, as jing does offline
    ("xinclude-fallback.xml", 0, "valid", "valid", [(13, "warning", "xinclude")]),
]


@pytest.mark.parametrize("name,code,rng,sch,issues", CASES, ids=[c[0] for c in CASES])
def test_fixture_verdicts(name, code, rng, sch, issues):
    result = run("--format", "json", FIX / name)
    assert result.exit_code == code, result.output
    (f,) = json.loads(result.stdout)["files"]
    assert (f["well_formed"], f["relaxng"], f["schematron"]) == (True, rng, sch)
    assert [(m["line"], m["severity"], m.get("rule")) for m in f["messages"]] == issues


def test_text_lines_and_summary():
    result = run(FIX / "valid.xml", FIX / "invalid-relaxng.xml", FIX / "warning-only.xml",
                 MALFORMED / "mal01_unclosed-element.xml" if MALFORMED.is_dir() else FIX)
    lines = result.stdout.splitlines()
    pattern = re.compile(r"^\S+:\d+:\d+: (error|warning): .+")
    assert lines and all(pattern.match(line) for line in lines), lines
    if MALFORMED.is_dir():
        assert result.stderr.strip().endswith(
            "4 files: 2 valid, 1 invalid, 1 not well-formed")
    assert result.exit_code == 1


def test_unknown_remote_model_says_not_fetched():
    result = run(FIX / "unknown-remote-model.xml")
    assert "http://example.org/schemas/custom.rng was not fetched" in result.stdout
    assert "validated against tei_all instead" in result.stdout


def test_duplicate_id_reported_with_line_and_column():
    result = run(FIX / "duplicate-id.xml")
    assert ('duplicate-id.xml:14:21: error: duplicate xml:id "p1" (first defined on line 13) '
            '[xml:id]') in result.stdout


def test_junit_is_valid_xml_with_counts():
    result = run("--format", "junit", FIX / "valid.xml", FIX / "invalid-relaxng.xml",
                 FIX / "invalid-schematron.xml")
    suite = etree.fromstring(result.stdout.encode())
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = suite.findall("testcase")
    assert len(cases) == 3 and [len(c.findall("failure")) for c in cases] == [0, 1, 1]


def test_output_file_written(tmp_path):
    out = tmp_path / "report.json"
    result = run("--format", "json", "-o", out, FIX / "valid.xml")
    assert result.exit_code == 0 and json.loads(out.read_text())["valid"] is True


def test_schema_option_sch_and_xsd(tmp_path):
    sch = tmp_path / "s.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><pattern>'
                   '<rule context="tei:p"><assert test="@n" id="p-n">p needs @n</assert></rule>'
                   '</pattern></schema>')
    f = as_json("--schema", sch, FIX / "valid.xml")["files"][0]
    assert (f["relaxng"], f["schematron"]) == ("not-run", "invalid")
    assert [m["rule"] for m in f["messages"]] == ["p-n"] * 3  # three p in the fixture
    xsd = tmp_path / "s.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                   '<xs:element name="a" type="xs:integer"/></xs:schema>')
    doc = tmp_path / "a.xml"
    doc.write_text("<a>\n x</a>")
    f = as_json("--schema", xsd, doc)["files"][0]
    assert f["xsd"] == "invalid" and f["messages"][0]["line"] == 1


@pytest.mark.parametrize("args", [
    ["does/not/exist.xml"],
    ["--format", "yaml", str(FIX / "valid.xml")],
    ["--schema", "no-such-schema.rng", str(FIX / "valid.xml")],
    ["-j", "0", str(FIX / "valid.xml")],
])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_other_odds_are_refused_or_compiled(tmp_path):
    odd = tmp_path / "other.odd"
    odd.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    result = run("--schema", odd, FIX / "valid.xml")
    assert result.exit_code != 0 and "Traceback" not in result.output


def _malformed_cases():
    desc = MALFORMED / "DESCRIPTIONS.tsv"
    if not desc.is_file():
        return []
    rows = list(csv.DictReader(desc.open(encoding="utf-8"), delimiter="\t"))
    out = []
    for row in rows:
        m = re.search(r"line (\d+), column (\d+) \(<string>", row["parser error (malformed only)"])
        out.append((row["file"], int(m.group(1)), int(m.group(2))))
    return out


@pytest.mark.parametrize("name,line,column", _malformed_cases())
def test_malformed_reported_at_the_described_position(name, line, column):
    result = run(MALFORMED / name)
    assert result.exit_code == 1
    assert f"{name}:{line}:{column}: error: " in result.stdout
    assert result.stderr.strip().endswith("1 file: 0 valid, 0 invalid, 1 not well-formed")


def test_entity_bomb_refused_quickly(tmp_path):
    bomb = tmp_path / "bomb.xml"
    ents = ['<!ENTITY e0 "ha">'] + [f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 12)]
    bomb.write_text(f"<!DOCTYPE TEI [{''.join(ents)}]>\n<TEI>&e11;</TEI>")
    start = time.monotonic()
    result = run(bomb)
    assert time.monotonic() - start < 5
    assert result.exit_code == 1 and "bomb.xml:" in result.stdout
    assert "not well-formed" in result.stderr


def test_telegram_valid_against_its_declared_schema():
    if not TELEGRAM.is_file():
        pytest.skip("tei/telegram-22591.xml is absent")
    result = run(TELEGRAM)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["eltec-eng__ENG18950_Cross.xml",
                                  "eltec-eng__ENG19080_Chesterton.xml"])
def test_embedded_tei_all_schematron_on_corpus(name, corpus):
    f = as_json("--schema", "tei_all", corpus / name)["files"][0]
    assert f["schematron"] in ("valid", "invalid") and f["well_formed"]
    assert all(m["source"] in ("relaxng", "schematron") for m in f["messages"])


def test_parallel_run_matches_serial():
    files = [FIX / n for n, *_ in CASES]
    serial = json.loads(run("--format", "json", *files).stdout)
    parallel = json.loads(CliRunner().invoke(
        cli, ["validate", "-j", "2", "--format", "json", *map(str, files)]).stdout)
    assert parallel == serial


def test_remote_xinclude_without_fallback_is_located_error():
    result = run("--format", "json", FIX / "xinclude-remote-no-fallback.xml")
    (f,) = json.loads(result.stdout)["files"]
    assert result.exit_code == 1 and f["well_formed"] is False
    (m,) = f["messages"]
    assert m["line"] == 14 and "no xi:fallback" in m["message"]
    assert "https://example.org/remote-part.xml" in m["message"]


def test_uri_messages_name_the_attribute_and_token():
    result = run(FIX / "uri-invalid.xml")
    assert ('value of attribute "target" is invalid; token "#b#c" invalid; must be a URI'
            in result.stdout)
    assert 'value of attribute "url" is invalid; must be a URI' in result.stdout


def test_summary_is_short_and_points_to_the_full_report(tmp_path):
    """Many problems, a few lines: counts, the worst files, the first problems, and the
    file holding every one of them."""
    for n in range(15):
        (tmp_path / f"bad{n:02}.xml").write_text(
            (FIX / "invalid-relaxng.xml").read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "out" / "report.txt"
    result = run("--summary", "-o", report, tmp_path, FIX / "valid.xml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("16 files: 1 valid, 15 invalid, 0 not well-formed (15 errors")
    assert "the 10 with the most, of 15" in lines[1]
    assert len(lines) == 1 + 1 + 10 + 1 + 5 + 1
    assert lines[-1] == f"Full report: {report}"
    full = report.read_text(encoding="utf-8").splitlines()
    assert len(full) == 15 and all(": error: " in line for line in full)


def test_summary_without_problems_is_one_line():
    result = run("--summary", FIX / "valid.xml")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "1 file: 1 valid, 0 invalid, 0 not well-formed (0 errors, 0 warnings)"]
