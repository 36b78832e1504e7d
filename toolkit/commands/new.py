"""teikit new: a ready edition project in a new folder."""

from __future__ import annotations

from pathlib import Path

import click

from ..edition.scaffold import new_edition
from ..errors import TeikitError
from .common import boundary


@click.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--title", default=None, help="The edition's title [default: the folder's "
              "name]; it is in teikit.toml, on the home page and in every page's header.")
@boundary
def new(folder: str, title: str | None) -> None:
    """Create an edition project in FOLDER (new, or empty: nothing is overwritten).

    \b
    It holds:
      teikit.toml              the edition's configuration (title, outputs, look …)
      introduction.md          the home page's introduction (Markdown)
      tei/example-letter.xml   an example document, valid against the edition's schema
      schemas/edition.odd      the edition's TEI customisation, compiled to
                               edition.rng and edition.sch
      style/                   CSS, an XSLT override and a header, to change the look
      README.md                how to add documents, validate, build, serve, publish
      .github/workflows/edition.yml   validate, build and publish on every push
      .pre-commit-config.yaml  validate changed TEI files before each commit

    \b
    Example:
      teikit new letters --title "Letters of X"
      cd letters && teikit build
    """
    dest = Path(folder)
    new_edition(dest, title or dest.resolve().name)
    odd = dest / "schemas" / "edition.odd"
    try:
        from ..validate import odd as oddlib

        oddlib.write_derived(odd, odd.with_suffix(".rng"), odd.with_suffix(".sch"))
    except TeikitError as exc:
        click.echo(f"warning: the schema was not compiled ({exc}); run: "
                   f"teikit odd compile {odd}", err=True)
    click.echo(f"created the edition {dest}/\n  cd {dest}\n  teikit validate\n"
               "  teikit build        # then open site/index.html")
