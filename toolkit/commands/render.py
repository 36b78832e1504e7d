"""teikit render: one document to one output."""

from __future__ import annotations

import sys

import click

from .. import render as rendering
from ..errors import Issue
from ..site import info
from .common import (
    boundary,
    edition,
    emit,
    input_file_argument,
    mode_option,
    output_option,
    pick,
    scope_for,
    warn,
)


@click.command()
@input_file_argument
@click.option("--to", "to", type=click.Choice(sorted(rendering.RENDERERS)), default="text",
              show_default=True, help="The output format.")
@mode_option
@output_option()
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
              help="Paper size of the PDF [default: teikit.toml's outputs.paper, else a4].")
@click.option("--pdf-a", "pdf_a", is_flag=True,
              help="Write a PDF/A-3b file for archiving (with document metadata).")
@boundary
def render(file: str, to: str, mode: str, output: str | None, paper: str | None,
           pdf_a: bool) -> None:
    """Render one TEI document (FILE) to an output format: text, html or pdf.

    Inside an edition, its teikit.toml is read: XIncludes stay inside the edition's
    folder, and its own stylesheets ([overrides] html, text, print) render the document.

    The PDF is the print edition: a title page, original and translation in two
    aligned columns, footnotes at the foot of the page, running heads, a register with
    page references, the editorial conventions and the suggested citation.

    \b
    Example:
      teikit render tei/telegram-22591.xml --to text --mode diplomatic
      teikit render tei/telegram-22591.xml --to html -o out/telegram.html
      teikit render tei/telegram-22591.xml --to pdf --paper letter -o out/telegram.pdf
    """
    if to == "pdf" and not output and sys.stdout.isatty():
        raise click.UsageError("a PDF is binary: give -o FILE.pdf (or redirect the output)")
    cfg = edition(file)
    options = {"paper": pick(paper, cfg and cfg.paper, "a4"), "pdf_a": pdf_a,
               "publisher": cfg and cfg.publisher} if to == "pdf" else {}
    notes: list[Issue] = []
    data = rendering.render(file, to=to, mode=mode, scope=scope_for(cfg, file),
                            stylesheets=info.stylesheets(cfg), notes=notes, **options)
    warn(notes)
    emit(data, output)
