"""teikit build: the whole edition of a folder of TEI documents."""

from __future__ import annotations

import os
import re
import sys

import click

from ..errors import EXIT_INVALID
from ..site import batch
from ..site.progress import BuildProgress
from .common import boundary


@click.command()
@click.argument("src", type=click.Path(exists=True), default="tei/")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), default="site/",
              show_default=True, help="The output folder.")
@click.option("--base-url", default=None, metavar="URL",
              help="Where the site will be published (e.g. https://example.org/edition/). "
                   "Without it no page claims a public URL.")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Also write each document's print edition STEM.pdf (WeasyPrint: seconds "
                   "per document, minutes for a novel).")
@click.option("--dts/--no-dts", default=None,
              help="Also write the static DTS (Distributed Text Services, Level 0) into "
                   "OUT/dts/: the texts by citation for aggregators. Default: on when "
                   "--base-url is given (its addresses are absolute).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--executor", "executor_spec", default="process", show_default=True,
              metavar="process|dask-local|dask://HOST:PORT",
              help="Where documents are built: a local process pool, a local Dask "
                   "cluster, or a running Dask scheduler (needs teikit[dask]; its workers "
                   "must see SRC and OUT at the same paths).")
@click.option("--accessed", default=None, metavar="YYYY-MM-DD",
              help="The access date of the citations (default: today, for documents "
                   "built now).")
@click.option("--force", is_flag=True, help="Rebuild every document, changed or not.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every document built, skipped (unchanged) or removed.")
@boundary
def build(src: str, out: str, base_url: str | None, pdf: bool, dts: bool | None,
          jobs: int | None, executor_spec: str, accessed: str | None, force: bool, quiet: bool,
          verbose: bool) -> None:
    """Build the edition of SRC (a folder or file of TEI documents) into an output folder.

    Each document gets a folder with its HTML page, reading and diplomatic text, its
    citation files and (unless --no-pdf) its PDF; OUT/index.html lists the documents
    and OUT/register.html the persons, places and organisations. With a base URL,
    OUT/dts/ holds the static DTS (Level 0): the texts by citation (see docs/dts.md).

    Builds are incremental: OUT/.teikit-build.json records each source's hash and site
    facts, so a rebuild redoes only changed documents (and the home page and register),
    and removes the outputs of deleted ones; a new toolkit or other options rebuild all.
    One failing document does not stop the others; the exit code is 1 if any failed.

    \b
    Example:
      teikit build tei/ -o site/
      teikit build tei/ -o site/ --base-url https://example.org/edition/
      teikit build corpus/ -o out/ --no-pdf -j 4
    """
    if base_url and not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("must start with http:// or https://", param_hint="--base-url")
    if accessed and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
        raise click.BadParameter("must be YYYY-MM-DD", param_hint="--accessed")
    batch.executor(executor_spec)  # an unknown executor is a usage error before any work
    if dts and not base_url:
        raise click.BadParameter("the static DTS needs --base-url (its URI templates "
                                 "are absolute addresses)", param_hint="--dts")
    opts = batch.BuildOptions(base_url=base_url, accessed=accessed, pdf=pdf, dts=dts)
    with BuildProgress(enabled=not quiet) as bar:
        report = batch.run_build(src, out, opts, jobs=jobs or os.cpu_count() or 1,
                                 executor_spec=executor_spec, force=force,
                                 on_plan=bar.plan,
                                 on_result=lambda r: bar.advance(os.path.basename(r.source)))
    for issue in [*report.failed, *report.dts_issues]:
        click.echo(issue.format(), err=True)
    if verbose:
        for label, keys in (("built", report.built), ("skipped (unchanged)", report.skipped),
                            ("removed", report.removed)):
            for k in keys:
                click.echo(f"{label}: {k}", err=True)
    if not quiet:
        n = len(report.built) + len(report.skipped) + len(report.failed)
        click.echo(f"{n} document{'s' if n != 1 else ''}: {len(report.built)} built, "
                   f"{len(report.skipped)} skipped (unchanged), {len(report.failed)} failed, "
                   f"{len(report.removed)} removed, in {report.seconds:.1f} s; "
                   f"open {out.rstrip('/')}/index.html")
    if report.failed:
        sys.exit(EXIT_INVALID)
