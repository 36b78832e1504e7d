"""The Schematron compiler, case by case: one folder per case in fixtures/schematron/.

Each case has ``schema.sch``, ``doc.xml`` and ``expected.txt`` (the golden issue lines,
``LINE:COLUMN: severity: message [rule]``). Regenerate the golden files with
``TEIKIT_REGEN=1`` (or ``--regen-golden`` where conftest provides it) and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.errors import SchemaError
from toolkit.validate import schematron
from toolkit.validate.__init__ import load

FIXTURES = Path(__file__).parent / "fixtures" / "schematron"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "schema.sch").is_file())


def _regen(request) -> bool:
    opt = False
    try:
        opt = bool(request.config.getoption("--regen-golden"))
    except (ValueError, AttributeError):
        pass
    return opt or os.environ.get("TEIKIT_REGEN") == "1"


def _lines(case: str) -> list[str]:
    doc = FIXTURES / case / "doc.xml"
    tree, _, lines = load(doc)
    issues = schematron.validate_tree(tree, FIXTURES / case / "schema.sch", str(doc),
                                      lines=lines)
    return [i.format().split(":", 1)[1] for i in issues]


@pytest.mark.parametrize("case", CASES)
def test_case_matches_golden(case, request):
    got = _lines(case)
    golden = FIXTURES / case / "expected.txt"
    if _regen(request):
        golden.write_text("".join(line + "\n" for line in got), encoding="utf-8")
    assert golden.is_file(), f"no golden file for {case}; run with TEIKIT_REGEN=1"
    assert got == golden.read_text(encoding="utf-8").splitlines()


def test_every_case_has_a_golden_file():
    assert CASES and all((FIXTURES / c / "expected.txt").is_file() for c in CASES)


@pytest.mark.parametrize("role,severity", [
    (None, "error"), ("fatal", "error"), ("error", "error"), ("ERROR", "error"),
    ("warning", "warning"), ("warn", "warning"), ("nonfatal", "warning"),
    ("info", "warning"), ("information", "warning"), ("something-else", "error"),
])
def test_role_to_severity(role, severity):
    assert schematron.severity(role) == severity


def test_compiled_stylesheet_is_cached(tmp_path):
    sch = FIXTURES / "lets" / "schema.sch"
    first = schematron.compile_schema(sch)
    assert schematron.compile_schema(sch) is first


def test_recompiled_when_the_schema_changes(tmp_path):
    sch = tmp_path / "s.sch"
    text = (FIXTURES / "lets" / "schema.sch").read_text()
    sch.write_text(text)
    first = schematron.compile_schema(sch)
    sch.write_text(text.replace('value="3"', 'value="4"'))
    os.utime(sch, (1, 1))
    assert schematron.compile_schema(sch) != first


def _schema(tmp_path, body: str, binding: str = "xslt3") -> Path:
    p = tmp_path / "s.sch"
    p.write_text(f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" '
                 f'queryBinding="{binding}">{body}</schema>')
    return p


@pytest.mark.parametrize("binding", ["exslt", "stx"])
def test_unsupported_query_binding_is_a_coded_error(tmp_path, binding):
    p = _schema(tmp_path, '<pattern><rule context="a"><assert test="1"/></rule></pattern>',
                binding)
    with pytest.raises(SchemaError) as exc:
        schematron.compile_schema(p)
    assert exc.value.code == "tk:E0301"


def test_extends_an_unknown_rule_is_a_coded_error(tmp_path):
    p = _schema(tmp_path, '<pattern><rule context="a"><extends rule="nope"/></rule></pattern>')
    with pytest.raises(SchemaError) as exc:
        schematron.compile_schema(p)
    assert exc.value.code == "tk:E0306"


def test_default_binding_runs_xpath31(tmp_path):
    p = _schema(tmp_path, '<pattern><rule context="a"><report test="(1 to 3) => sum() = 6">'
                          'six</report></rule></pattern>', binding="")
    from toolkit.xmlio import parse_bytes
    issues = schematron.validate_tree(parse_bytes(b"<a/>"), p, "d.xml")
    assert [i.message for i in issues] == ["six"]


def test_named_phase_and_all(tmp_path):
    sch = FIXTURES / "phase" / "schema.sch"
    tree, _, _ = load(FIXTURES / "phase" / "doc.xml")
    rules = {i.rule for i in schematron.validate_tree(tree, sch, "d", phase="#ALL")}
    assert rules == {"in-a", "in-b"}
    assert [i.rule for i in schematron.validate_tree(tree, sch, "d", phase="light")] == ["in-a"]


def test_embedded_schematron_is_extracted_from_relaxng(tmp_path):
    rng = tmp_path / "g.rng"
    rng.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0"
        xmlns:sch="http://purl.oclc.org/dsdl/schematron">
      <start><element name="a"><attribute name="n"><text/></attribute><empty/></element></start>
      <sch:pattern id="n-number"><sch:rule context="a">
        <sch:assert test="@n castable as xs:integer">n is not a number</sch:assert>
      </sch:rule></sch:pattern>
      <sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
    </grammar>""")
    from toolkit.xmlio import parse_bytes
    issues = schematron.validate_tree(parse_bytes(b'<a n="x"/>'), rng, "d.xml")
    assert [(i.message, i.rule, i.source) for i in issues] == [
        ("n is not a number", "n-number", "schematron")]
    assert schematron.validate_tree(parse_bytes(b'<a n="4"/>'), rng, "d.xml") == []
