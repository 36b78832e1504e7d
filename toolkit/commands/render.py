"""teikit render: one document to one output."""

from __future__ import annotations

import click

from .. import render as rendering
from .common import boundary, emit, input_file_argument, mode_option, output_option


@click.command()
@input_file_argument
@click.option("--to", "to", type=click.Choice(sorted(rendering.RENDERERS)), default="text",
              show_default=True, help="The output format.")
@mode_option
@output_option()
@boundary
def render(file: str, to: str, mode: str, output: str | None) -> None:
    """Render one TEI document (FILE) to an output format.

    \b
    Example:
      teikit render tei/telegram-22591.xml --to text --mode diplomatic
      teikit render tei/telegram-22591.xml --to text -o out/telegram.txt
    """
    emit(rendering.render(file, to=to, mode=mode), output)
