"""The ``teikit`` command: a thin click layer over the library.

Each subcommand lives in ``toolkit/commands/<name>.py``; library errors are turned
into :class:`TeikitClickError` at the command boundary, with fixed exit codes:

  0  success
  1  a document is invalid, not well-formed, or could not be processed
  2  usage error: bad options, missing or unreadable paths
  3  a required resource (schema, external tool) is missing
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__, commands

EPILOG = """\b
Exit codes: 0 success; 1 invalid or unprocessable document;
2 usage error or unreadable path; 3 missing resource (e.g. tei_all not installed).
"""


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (see toolkit.commands)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(commands.COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return commands.load(name)

    @property
    def commands(self) -> dict[str, click.Command]:  # every command, loaded (docs, tests)
        return {name: commands.load(name) for name in commands.COMMAND_MODULES}

    @commands.setter
    def commands(self, _value) -> None:  # click.Group.__init__ assigns {}; nothing to keep
        pass


@click.group(cls=LazyGroup, epilog=EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
def cli() -> None:
    """teikit: validate TEI-XML editions and turn them into HTML, text and citations.

    \b
    Example:
      teikit validate tei/
      teikit render tei/telegram-22591.xml --to text --mode diplomatic
    """


def main() -> None:
    """Console entry point: no Python traceback ever reaches the user."""
    try:
        cli.main(prog_name="teikit", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("teikit: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - last-resort guard
        if os.environ.get("TEIKIT_DEBUG"):
            raise
        click.echo(f"teikit: internal error: {type(exc).__name__}: {exc} "
                   "(set TEIKIT_DEBUG=1 for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
