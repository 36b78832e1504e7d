"""Reports of a validation run: text (one line per problem), JSON, JUnit XML."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lxml import etree

from . import FileReport

FORMATS = ("text", "json", "junit")


def summary(reports: Sequence[FileReport]) -> str:
    """``3 files: 2 valid, 1 invalid, 0 not well-formed``."""
    n = len(reports)
    bad_wf = sum(not r.well_formed for r in reports)
    valid = sum(r.valid for r in reports)
    return (f"{n} file{'s' if n != 1 else ''}: {valid} valid, {n - valid - bad_wf} invalid, "
            f"{bad_wf} not well-formed")


def short(reports: Sequence[FileReport], full_report: str | None = None,
          files: int = 10, problems: int = 5) -> str:
    """A summary for a person looking at a corpus: the counts, the files with the most
    problems (errors and warnings per file), the first problems, and where the full
    report is (``full_report``), in a few lines however many problems there are."""
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.issues) for r in reports) - errors
    lines = [f"{summary(reports)} ({_count(errors, 'error')}, {_count(warnings, 'warning')})"]
    bad = sorted((r for r in reports if r.issues),
                 key=lambda r: (r.well_formed, -len(r.errors), -len(r.issues), r.file))
    if bad:
        lines.append("Files with problems:" if len(bad) <= files else
                     f"Files with problems (the {files} with the most, of {len(bad)}):")
        for r in bad[:files]:
            state = "not well-formed" if not r.well_formed else (
                "invalid" if r.errors else "valid")
            n_warn = len(r.issues) - len(r.errors)
            lines.append(f"  {r.file}: {state}, {_count(len(r.errors), 'error')}, "
                         f"{_count(n_warn, 'warning')}")
        first = [i for r in bad for i in sorted(r.issues) if i.severity == "error"]
        first = (first or [i for r in bad for i in sorted(r.issues)])[:problems]
        lines.append("First problems:")
        lines += [f"  {i.format()}" for i in first]
    if full_report:
        lines.append(f"Full report: {full_report}")
    elif bad:
        lines.append("Full report: run without --summary (or give -o FILE)")
    return "\n".join(lines)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def text(reports: Sequence[FileReport]) -> str:
    """One ``FILE:LINE:COLUMN: severity: message [rule]`` line per problem, by position."""
    return "".join(i.format() + "\n" for r in reports for i in sorted(r.issues))


def to_json(reports: Sequence[FileReport]) -> str:
    """Per file: well_formed, the relaxng / schematron / xsd verdicts, messages."""
    doc = {"summary": summary(reports), "valid": all(r.valid for r in reports),
           "files": [r.to_dict() for r in reports]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def junit(reports: Sequence[FileReport], name: str = "teikit validate") -> str:
    """A JUnit ``testsuite``: one ``testcase`` per file; errors and not well-formed fail it."""
    failures = sum(r.well_formed and not r.valid for r in reports)
    errors = sum(not r.well_formed for r in reports)
    suite = etree.Element("testsuite", name=name, tests=str(len(reports)),
                          failures=str(failures), errors=str(errors), skipped="0")
    for r in reports:
        case = etree.SubElement(suite, "testcase", name=r.file, classname="teikit.validate")
        if not r.valid:
            tag = "failure" if r.well_formed else "error"
            first = r.errors[0] if r.errors else None
            el = etree.SubElement(case, tag, type="invalid" if r.well_formed else "not-well-formed",
                                  message=first.format() if first else "invalid")
            el.text = "\n".join(i.format() for i in r.errors) + "\n"
        warnings = [i for i in r.issues if i.severity != "error"]
        if warnings:
            out = etree.SubElement(case, "system-out")
            out.text = "\n".join(i.format() for i in warnings) + "\n"
    return etree.tostring(suite, encoding="unicode", pretty_print=True)


def render(reports: Sequence[FileReport], fmt: str) -> str:
    if fmt == "json":
        return to_json(reports)
    if fmt == "junit":
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + junit(reports)
    return text(reports)
