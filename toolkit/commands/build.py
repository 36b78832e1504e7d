"""teikit build: the whole edition of a folder of TEI documents."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from ..errors import EXIT_INVALID, InputError
from ..render import overrides
from ..site import batch, info
from ..site.progress import BuildProgress
from .common import boundary, documents_folder, edition, pick, scope_for, site_folder


@click.command()
@click.argument("src", type=click.Path(exists=True), required=False, default=None)
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), default=None,
              help="The output folder [default: teikit.toml's output, else site/].")
@click.option("--base-url", default=None, metavar="URL",
              help="Where the site will be published (e.g. https://example.org/edition/). "
                   "Without it no page claims a public URL.")
@click.option("--pdf/--no-pdf", default=None,
              help="Also write each document's print edition STEM.pdf (WeasyPrint: seconds "
                   "per document, minutes for a novel) [default: teikit.toml's "
                   "outputs.pdf, else yes].")
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
def build(src: str | None, out: str | None, base_url: str | None, pdf: bool | None,
          dts: bool | None, jobs: int | None, executor_spec: str, accessed: str | None,
          force: bool, quiet: bool, verbose: bool) -> None:
    """Build the edition of SRC (a folder or file of TEI documents) into an output folder.

    Inside an edition (a folder with teikit.toml, or below one) SRC, the output folder
    and every option default to what teikit.toml says: its title, introduction, base
    URL, outputs, citation defaults and overrides; options given here win. Outside one,
    SRC defaults to tei/ and the output to site/.

    Each document gets a folder with its HTML page, reading and diplomatic text, its
    citation files and (unless --no-pdf) its PDF; OUT/index.html lists the documents
    and OUT/register.html the persons, places and organisations. With a base URL,
    OUT/dts/ holds the static DTS (Level 0): the texts by citation (see docs/dts.md).

    Builds are incremental: OUT/.teikit-build.json records each source's hash and site
    facts, so a rebuild redoes only changed documents (and the home page and register),
    and removes the outputs of deleted ones; a new toolkit or other options rebuild all.
    One failing document does not stop the others; the exit code is 1 if any failed
    (could not be read or rendered), not because a document is invalid: a duplicate
    xml:id or a remote XInclude's fallback gives a warning and the document is built.
    The summary shows the first failures and warnings; every one is listed in
    OUT/.teikit-build-report.txt.

    \b
    Example:
      teikit build
      teikit build tei/ -o site/
      teikit build tei/ -o site/ --base-url https://example.org/edition/
      teikit build corpus/ -o out/ --no-pdf -j 4
    """
    if base_url and not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("must start with http:// or https://", param_hint="--base-url")
    if accessed and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
        raise click.BadParameter("must be YYYY-MM-DD", param_hint="--accessed")
    batch.executor(executor_spec)  # an unknown executor is a usage error before any work
    cfg = edition(src)
    src = src or documents_folder(cfg)
    if not Path(src).exists():
        raise InputError("no such folder (give the folder of TEI documents)", file=src)
    out = out or site_folder(cfg)
    xsl = info.stylesheets(cfg)
    if xsl is not None:
        overrides.check(xsl)  # a broken override is reported once, before any work
    look = info.look(cfg)
    if look is not None:
        look.check()  # a header that is not well-formed, a static link outside: before work
    opts = batch.BuildOptions(
        base_url=pick(base_url, cfg and cfg.base_url, None),
        accessed=pick(accessed, cfg and cfg.accessed, None),
        pdf=pick(pdf, cfg and cfg.pdf, True),
        scope=scope_for(cfg, src), stylesheets=xsl,
        styles=tuple(cfg.citation_styles) if cfg and cfg.citation_styles is not None else None,
        paper=pick(None, cfg and cfg.paper, "a4"), publisher=cfg.publisher if cfg else None,
        dts=dts)
    if dts and not opts.base_url:
        raise click.BadParameter("the static DTS needs --base-url (its URI templates "
                                 "are absolute addresses)", param_hint="--dts")
    with BuildProgress(enabled=not quiet) as bar:
        report = batch.run_build(src, out, opts, jobs=jobs or os.cpu_count() or 1,
                                 executor_spec=executor_spec, force=force,
                                 site=info.site_info(cfg, opts.base_url), look=look,
                                 on_plan=bar.plan,
                                 on_result=lambda r: bar.advance(os.path.basename(r.source)))
    batch.write_report(report, out)
    if verbose:
        for label, keys in (("built", report.built), ("skipped (unchanged)", report.skipped),
                            ("removed", report.removed)):
            for k in keys:
                click.echo(f"{label}: {k}", err=True)
    if quiet:
        for issue in [*report.failed, *report.dts_issues]:
            click.echo(issue.format(), err=True)
    else:
        click.echo(batch.short_summary(report, out, shown=1000 if verbose else 10), err=True)
    if report.failed:
        sys.exit(EXIT_INVALID)
