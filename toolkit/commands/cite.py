"""teikit cite: the citation of one document, from its TEI header."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import Issue, TeikitError
from ..render import cite as citing
from ..site.document import document_url
from ..xmlio import parse
from .common import (
    boundary,
    edition,
    emit,
    input_file_argument,
    output_option,
    pick,
    scope_for,
    warn,
)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        return citing.check_date(value)
    except citing.CiteUsageError as exc:
        raise click.BadParameter(exc.message) from None


@click.command()
@input_file_argument
@click.option("--style", type=click.Choice(citing.STYLES), default="chicago-note",
              show_default=True, help="The citation style or format.")
@click.option("--accessed", metavar="YYYY-MM-DD", callback=_date, default=None,
              help="Date of access [default: today].")
@click.option("--base-url", metavar="URL", default=None,
              help="URL of the document [default: its page under teikit.toml's base_url]; "
                   "without one no URL is cited.")
@output_option()
@boundary
def cite(file: str, style: str, accessed: str | None, base_url: str | None,
         output: str | None) -> None:
    """Cite one TEI document (FILE) from its header.

    Styles: Chicago notes-bibliography (note or bibliography entry), MLA 9, APA 7,
    BibTeX, RIS, and the CSL-JSON record they are all formatted from. Inside an
    edition, teikit.toml gives the URL (base_url: the document's page in the built
    site), the access date and the publisher cited when the header names none.

    \b
    Example:
      teikit cite tei/telegram-22591.xml --style chicago-note
      teikit cite tei/telegram-22591.xml --style bibtex --accessed 2026-11-26 -o out/t.bib
      teikit cite tei/telegram-22591.xml --style csl-json --base-url https://example.org/t
    """
    cfg = edition(file)
    notes: list[Issue] = []
    tree = parse(file, scope=scope_for(cfg, file), notes=notes)
    warn(notes)
    if base_url is None and cfg is not None and cfg.base_url:
        base_url = document_url(cfg.base_url, Path(file).stem)  # as the built site has it
    text = citing.cite(tree, style, accessed=pick(accessed, cfg and cfg.accessed, None),
                       base_url=base_url, file=file, publisher=cfg.publisher if cfg else None)
    if not text.strip():
        # Chicago lists in the bibliography only what can be found (archive, publisher, URL)
        raise TeikitError(f"the {style} style gives no entry for this document "
                          "(no archive, publisher or URL in its header)", file=file, line=1,
                          column=1)
    emit(text if text.endswith("\n") else text + "\n", output)
