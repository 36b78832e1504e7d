"""teikit validate: check documents against RELAX NG, Schematron and XSD schemas."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, TeikitError
from ..xmlio import IncludeScope
from .common import boundary, documents_folder, edition, emit


def _check_one(args: tuple[str, list[str] | None, IncludeScope | None]):
    """Worker: one file's report (schemas compile once per worker process)."""
    from ..validate import FileReport, check

    path, schemas, scope = args
    try:
        return check(path, schemas, scope=scope or IncludeScope.around(path))
    except TeikitError as exc:
        if exc.exit_code != EXIT_INVALID:
            raise
        issue = exc.as_issue()
        return FileReport(path, well_formed=True, issues=[issue])


def run(files: list[Path], schemas: list[str] | None, jobs: int,
        scope: IncludeScope | None = None):
    """Reports for every file, in the given order; a pool when there are several.
    XIncludes resolve inside ``scope`` (default: each file's folder)."""
    work = [(str(f), schemas, scope) for f in files]
    if jobs <= 1 or len(work) <= 1:
        return [_check_one(w) for w in work]
    # Largest files first, one at a time: the workers finish together instead of one
    # of them ending the run alone on a novel. Reports come back in the given order.
    order = sorted(range(len(work)), key=lambda i: -_size(work[i][0]))
    _warm(schemas)  # before the workers fork, so that each inherits it
    with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
        done = dict(zip(order, pool.map(_check_one, [work[i] for i in order]), strict=True))
    return [done[i] for i in range(len(work))]


def _warm(schemas: list[str] | None) -> None:
    """Load the named RELAX NG schemas' indexes in this process (pure Python, safe to
    fork; Saxon is never started here, as its runtime does not survive a fork)."""
    if not schemas:
        return
    from ..validate import relaxng, resolve_schemas

    try:
        for r in resolve_schemas(schemas):
            if r.kind == "relaxng":
                relaxng.compile_schema(r.path)
    except TeikitError:
        pass  # each worker reports it for its files


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=False))
@click.option("--schema", "schemas", multiple=True, metavar="tei_all|project|PATH",
              help="Validate against this schema instead of the documents' xml-model PIs "
                   "(repeatable): tei_all, project (schemas/teikit.rng + teikit.sch), or a "
                   ".rng, .sch, .xsd or .odd file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many files [default: the number of cores].")
@click.option("--summary", is_flag=True,
              help="Print a short summary instead of every problem: the counts, the files "
                   "with the most problems, the first problems, and where the full report "
                   "is (with -o FILE, the report is written there).")
@boundary
def validate(paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str, output: str | None,
             jobs: int | None, summary: bool) -> None:
    """Validate TEI documents (files or folders; default: the edition's documents, else
    tei/).

    Inside an edition (teikit.toml here or above), the schemas are those of its
    [validation] schemas unless --schema is given, and XIncludes may read only inside
    the edition's folder (and the folders its [xinclude] allow lists); outside one,
    inside the folder given.

    Each document is checked against the schemas its <?xml-model?> PIs declare
    (RELAX NG, Schematron, XSD; TEI's tei_all address maps to the installed
    tei_all.rng, nothing is fetched), or against --schema. A document with neither
    is validated against tei_all. The Schematron rules embedded in a RELAX NG schema
    are run too and reported apart (jing ignores them). One line per problem:
    FILE:LINE:COLUMN: error|warning: message [rule]; a summary on standard error.
    Warnings do not make a document invalid. Exit 0 all valid, 1 any invalid or not
    well-formed, 2 usage error or unreadable path, 3 missing schema.

    \b
    Example:
      teikit validate tei/
      teikit validate tei/telegram-22591.xml --schema project
      teikit validate corpus/ --format junit -o report.xml -j 4
      teikit validate corpus/ --summary -o validation.txt
    """
    from ..validate import report as reporting
    from ..xmlio import iter_xml_files

    cfg = edition(paths[0] if paths else None)
    files = list(iter_xml_files(list(paths) or [documents_folder(cfg)]))
    names = list(schemas) or (cfg.schemas if cfg and cfg.schemas else None)
    if names:
        from ..validate import resolve_schemas
        resolve_schemas(names)  # bad --schema values fail before any work
    scope = cfg.scope() if cfg else None
    if scope is None and len(paths) == 1 and Path(paths[0]).is_dir():
        scope = IncludeScope.around(paths[0])  # the folder given
    reports = run(files, names, jobs or os.cpu_count() or 1, scope)
    out = reporting.render(reports, fmt)
    if summary:
        if output:
            emit(out, output)
        click.echo(reporting.short(reports, output))
    else:
        if out or output:
            emit(out, output)
        if fmt == "text":
            click.echo(reporting.summary(reports), err=True)
    sys.exit(EXIT_OK if all(r.valid for r in reports) else EXIT_INVALID)
