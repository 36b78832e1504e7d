"""teikit odd: derive the project's RELAX NG and Schematron from its ODD."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_INVALID
from ..validate import odd as oddlib
from .common import boundary


@click.group()
def odd() -> None:
    """Work with the project's TEI customisation (schemas/teikit.odd).

    \b
    Example:
      teikit odd compile schemas/teikit.odd
      teikit odd compile schemas/teikit.odd --check
    """


@odd.command("compile")
@click.argument("odd_file", type=click.Path(dir_okay=False))
@click.option("--rng", "rng_path", type=click.Path(dir_okay=False), default=None,
              help="RELAX NG output [default: beside the ODD, .rng].")
@click.option("--sch", "sch_path", type=click.Path(dir_okay=False), default=None,
              help="Schematron output [default: beside the ODD, .sch].")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if the derived files are out of step with the ODD.")
@boundary
def compile_cmd(odd_file: str, rng_path: str | None, sch_path: str | None,
                check: bool) -> None:
    """Derive the RELAX NG grammar and the Schematron rules from an ODD.

    The grammar is tei_all.rng (TEI P5 4.3.0) restricted to the ODD's elements and
    closed value lists; the rules are the ODD's Schematron constraintSpecs.

    \b
    Example:
      teikit odd compile schemas/teikit.odd
      teikit odd compile schemas/teikit.odd --check
    """
    src = Path(odd_file)
    rng = Path(rng_path) if rng_path else src.with_suffix(".rng")
    sch = Path(sch_path) if sch_path else src.with_suffix(".sch")
    if check:
        stale = oddlib.check_in_step(src, rng, sch)
        for path in stale:
            click.echo(f"{path}: out of step with {src}; run: teikit odd compile {src}",
                       err=True)
        if stale:
            raise SystemExit(EXIT_INVALID)
        click.echo(f"{rng} and {sch} are in step with {src}")
        return
    oddlib.write_derived(src, rng, sch)
    click.echo(f"wrote {rng} and {sch}")
