"""teikit build: the whole edition of a folder of TEI documents."""

from __future__ import annotations

import sys

import click

from .. import build as builder
from ..errors import EXIT_INVALID
from .common import boundary


@click.command()
@click.argument("src", type=click.Path(exists=True), default="tei/")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), default="site/",
              show_default=True, help="The output folder.")
@click.option("--base-url", default=None, metavar="URL",
              help="Where the site will be published (e.g. https://example.org/edition/). "
                   "Without it no page claims a public URL.")
@boundary
def build(src: str, out: str, base_url: str | None) -> None:
    """Build the edition of SRC (a folder or file of TEI documents) into an output folder.

    Each document gets a folder with its HTML page, reading and diplomatic text and its
    citation files; OUT/index.html lists the documents and OUT/register.html the
    persons, places and organisations. One failing document does not stop the others;
    the exit code is 1 if any failed.

    \b
    Example:
      teikit build tei/ -o site/
      teikit build tei/ -o site/ --base-url https://example.org/edition/
    """
    if base_url and not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("must start with http:// or https://", param_hint="--base-url")
    results = builder.build(src, out, base_url=base_url)
    failed = [r for r in results if r.error]
    for r in failed:
        click.echo(r.error.as_issue().format(), err=True)
    click.echo(f"built {len(results) - len(failed)} of {len(results)} documents into {out}; "
               f"open {out.rstrip('/')}/index.html")
    if failed:
        sys.exit(EXIT_INVALID)
