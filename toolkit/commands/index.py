"""teikit index: build or update the OAI-PMH record index of a folder of TEI documents."""

from __future__ import annotations

import re
import sys

import click

from ..errors import EXIT_INVALID
from .common import boundary, documents_folder, edition, pick, scope_for

#: the repositoryIdentifier pattern of the OAI identifier scheme (a domain-like name)
_REPOSITORY_ID = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+\Z")


def _repository_id(ctx, param, value: str) -> str:
    if not _REPOSITORY_ID.match(value):
        raise click.BadParameter(f"{value!r} is not a domain-like name such as edition.example")
    return value


def _repository_id_or_none(ctx, param, value: str | None) -> str | None:
    return None if value is None else _repository_id(ctx, param, value)


def repository_option(func):
    return click.option("--repository-id", default=None, callback=_repository_id_or_none,
                        help="Repository identifier in oai:<id>:<stem> identifiers "
                             "(a domain-like name) [default: teikit.toml's "
                             "oai.repository_id, else teikit.local, which claims no real "
                             "domain].")(func)


def db_option(func):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                        help="The SQLite index [default: one per SRC under "
                             "$XDG_STATE_HOME/teikit/oai/, ~/.local/state/teikit/oai/ "
                             "if unset].")(func)


@click.command()
@click.argument("src", type=click.Path(file_okay=False), required=False, default=None)
@db_option
@repository_option
@boundary
def index(src: str | None, db: str | None, repository_id: str | None) -> None:
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

    cfg = edition(src)
    src = src or documents_folder(cfg)
    path = db or default_db_path(src)
    report = Store(path, pick(repository_id, cfg and cfg.oai_repository_id, "teikit.local")
                   ).index(src, scope_for(cfg, src))
    for issue in report.issues:
        click.echo(issue.format(), err=True)
    click.echo(f"{report.summary()} -> {path}")
    if any(i.severity == "error" for i in report.issues):
        sys.exit(EXIT_INVALID)
