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
@boundary
def build(src: str, out: str) -> None:
    """Build the edition of SRC (a folder or file of TEI documents) into an output folder.

    Each document gets a folder with its outputs; one failing document does not stop
    the others, and the exit code is 1 if any failed.

    \b
    Example:
      teikit build tei/ -o site/
    """
    results = builder.build(src, out)
    failed = [r for r in results if r.error]
    for r in failed:
        click.echo(r.error.as_issue().format(), err=True)
    click.echo(f"built {len(results) - len(failed)} of {len(results)} documents into {out}")
    if failed:
        sys.exit(EXIT_INVALID)
