"""teikit index: build or update the OAI-PMH record index of a folder of TEI documents."""

from __future__ import annotations

import re
import sys

import click

from ..errors import EXIT_INVALID
from .common import boundary

#: the repositoryIdentifier pattern of the OAI identifier scheme (a domain-like name)
_REPOSITORY_ID = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+\Z")


def _repository_id(ctx, param, value: str) -> str:
    if not _REPOSITORY_ID.match(value):
        raise click.BadParameter(f"{value!r} is not a domain-like name such as edition.example")
    return value


def repository_option(func):
    return click.option("--repository-id", default="teikit.local", show_default=True,
                        callback=_repository_id,
                        help="Repository identifier in oai:<id>:<stem> identifiers "
                             "(a domain-like name; the default claims no real domain).")(func)


def db_option(func):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                        help="The SQLite index [default: one per SRC under "
                             "$XDG_STATE_HOME/teikit/oai/, ~/.local/state/teikit/oai/ "
                             "if unset].")(func)


@click.command()
@click.argument("src", type=click.Path(file_okay=False), default="tei/")
@db_option
@repository_option
@boundary
def index(src: str, db: str | None, repository_id: str) -> None:
    """Index the TEI documents of SRC for OAI-PMH harvesting (an SQLite database).

    Each record keeps its content hash, a UTC datestamp that changes only when the
    content changes, its sets and its metadata formats (oai_dc, mods, tei); a removed
    document stays as a deleted record. Exit code 1 if a document could not be indexed.

    \b
    Example:
      teikit index tei/
      teikit index tei/ --db /tmp/oai.sqlite --repository-id edition.example
    """
    from ..serve.oai.store import Store, default_db_path

    path = db or default_db_path(src)
    report = Store(path, repository_id).index(src)
    for issue in report.issues:
        click.echo(issue.format(), err=True)
    click.echo(f"{report.summary()} -> {path}")
    if any(i.severity == "error" for i in report.issues):
        sys.exit(EXIT_INVALID)
