"""teikit lsp: the language server for editors (stdio, or TCP on loopback)."""

from __future__ import annotations

import click

from .common import boundary


@click.command()
@click.option("--tcp", "port", type=click.IntRange(1, 65535), default=None, metavar="PORT",
              help="Listen on 127.0.0.1:PORT instead of standard input/output.")
@boundary
def lsp(port: int | None) -> None:
    """Run the TEI language server (Language Server Protocol) for an editor.

    Diagnostics as teikit validate gives them (RELAX NG, Schematron, xml:id pointers),
    completion of elements, attributes and values from the grammar at the cursor,
    documentation on hover, go to definition and find references for xml:id
    pointers across the edition. Editors start it themselves on standard
    input/output; see the README for VS Code, Neovim and Emacs.

    \b
    Example:
      teikit lsp
      teikit lsp --tcp 2087
    """
    from ..lsp.server import serve

    serve(port)
