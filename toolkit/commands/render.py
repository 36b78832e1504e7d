"""teikit render: one document to one output."""

from __future__ import annotations

import sys

import click

from .. import render as rendering
from ..errors import Issue
from .common import boundary, emit, input_file_argument, mode_option, output_option, warn


@click.command()
@input_file_argument
@click.option("--to", "to", type=click.Choice(sorted(rendering.RENDERERS)), default="text",
              show_default=True, help="The output format.")
@mode_option
@output_option()
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
              help="Paper size of the PDF.")
@click.option("--pdf-a", "pdf_a", is_flag=True,
              help="Write a PDF/A-3b file for archiving (with document metadata).")
@boundary
def render(file: str, to: str, mode: str, output: str | None, paper: str,
           pdf_a: bool) -> None:
    """Render one TEI document (FILE) to an output format: text, html or pdf.

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
    options = {"paper": paper, "pdf_a": pdf_a} if to == "pdf" else {}
    notes: list[Issue] = []
    data = rendering.render(file, to=to, mode=mode, notes=notes, **options)
    warn(notes)
    emit(data, output)
