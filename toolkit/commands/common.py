"""Shared option decorators and the error boundary for every command."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import replace

import click

from ..errors import EXIT_INVALID, Issue, TeikitError


class TeikitClickError(click.ClickException):
    """A library error at the command boundary, printed as FILE:LINE:COLUMN: error: message."""

    def __init__(self, error: TeikitError):
        super().__init__(str(error))
        self.error = error
        self.exit_code = getattr(error, "exit_code", EXIT_INVALID)

    def show(self, file=None) -> None:
        e = self.error
        text = e.as_issue().format() if e.file else f"error: {e.message}"
        click.echo(f"{text}", err=True)


def boundary(func):
    """Turn library errors into TeikitClickError (and OS errors into clean messages)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TeikitError as exc:
            raise TeikitClickError(exc) from None
        except BrokenPipeError:  # e.g. `teikit render … | head`
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)

    return wrapper


def edition(start: str | os.PathLike | None = None):
    """The configuration of the edition ``start`` (default: the current folder) is in,
    found by walking up to teikit.toml; None outside an edition. A bad teikit.toml is a
    usage error (exit 2), located at its line, before any work."""
    from ..edition.config import load_config

    return load_config(start)


def scope_for(cfg, given: str | os.PathLike):
    """Where XIncludes may read: the edition's root (and the folders teikit.toml allows),
    else the folder given to the command (a file's own folder)."""
    from ..xmlio import IncludeScope

    return cfg.scope() if cfg is not None else IncludeScope.around(given)


def documents_folder(cfg) -> str:
    """The folder of TEI documents: teikit.toml's documents (default ROOT/tei), else tei/."""
    if cfg is None:
        return "tei/"
    return str(cfg.documents or cfg.root / "tei")


def site_folder(cfg) -> str:
    """The folder of the built site: teikit.toml's output (default ROOT/site), else site/."""
    if cfg is None:
        return "site/"
    return str(cfg.output or cfg.root / "site")


def pick(option, configured, default):
    """A command-line option overrides the configuration, which overrides the default."""
    if option is not None:
        return option
    return configured if configured is not None else default


def output_option(help_text: str = "Write to this file instead of standard output."):
    return click.option("-o", "--output", "output", type=click.Path(dir_okay=False,
                        writable=True), default=None, help=help_text)


def mode_option(func):
    return click.option("--mode", type=click.Choice(["reading", "diplomatic"]),
                        default="reading", show_default=True,
                        help="Reading text (corrected, expanded) or diplomatic "
                             "(as the source shows it).")(func)


def input_file_argument(func):
    return click.argument("file", type=click.Path(exists=False, dir_okay=False))(func)


def emit(data: str | bytes, output: str | None) -> None:
    """Write to a file atomically, or to standard output."""
    from ..xmlio import write_atomic

    if output:
        write_atomic(output, data)
    else:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            click.echo(data, nl=not data.endswith("\n"))


def warn(notes: list[Issue]) -> None:
    """What the parser read anyway (xml:id errors, XInclude fallbacks), on standard
    error as warnings: the output is produced, as a browser renders a page with a
    duplicate id; ``teikit validate`` reports them as errors."""
    for issue in notes:
        click.echo(replace(issue, severity="warning").format(), err=True)
