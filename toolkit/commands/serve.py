"""teikit serve: the built site and the OAI-PMH 2.0 endpoint /oai, over HTTP (waitress)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..errors import InputError
from .common import boundary
from .index import db_option, repository_option

_EMAIL = re.compile(r"\S+@(\S+\.)+\S+\Z")  # the pattern of OAI-PMH.xsd's emailType


def _emails(ctx, param, value: tuple[str, ...]) -> tuple[str, ...]:
    bad = [v for v in value if not _EMAIL.match(v)]
    if bad:
        raise click.BadParameter(f"not an e-mail address: {', '.join(bad)}")
    return value


@click.command()
@click.argument("src", type=click.Path(file_okay=False), default="tei/")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind (loopback only unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--site", type=click.Path(file_okay=False), default="site/", show_default=True,
              help="The built edition to serve as static files (skipped if absent).")
@db_option
@repository_option
@click.option("--page-size", default=100, show_default=True, type=click.IntRange(1, 10000),
              help="Records per OAI-PMH list response (then a resumption token).")
@click.option("--admin-email", multiple=True, default=("admin@teikit.invalid",),
              show_default=True, callback=_emails,
              help="adminEmail of Identify: configure a real address.")
@click.option("--name", "repository_name", default="teikit edition", show_default=True,
              help="repositoryName of Identify.")
@click.option("--recheck", default=2.0, show_default=True, type=click.FloatRange(0),
              help="Seconds between checks of SRC for changed files (then re-index).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Worker threads of the HTTP server.")
@boundary
def serve(src: str, host: str, port: int, site: str, db: str | None, repository_id: str,
          page_size: int, admin_email: tuple[str, ...], repository_name: str,
          recheck: float, threads: int) -> None:
    """Serve the edition of SRC: static site files, OAI-PMH at /oai and DTS at /dts.

    SRC is indexed on start and re-indexed whenever its files change. Metadata formats:
    oai_dc, mods (MODS 3.7) and tei (the document's teiHeader). DTS 1.0 (Distributed
    Text Services): /dts is the entry point of the Collection, Navigation and Document
    endpoints (texts by citation; see docs/dts.md).

    \b
    Example:
      teikit serve tei/ --site site/ --port 8000
      curl 'http://127.0.0.1:8000/oai?verb=Identify'
      curl 'http://127.0.0.1:8000/dts/navigation?resource=telegram-22591&down=1'
    """
    from ..serve.app import App, make_server
    from ..serve.dts.api import DTS
    from ..serve.dts.library import Library
    from ..serve.oai.provider import Config, Provider
    from ..serve.oai.store import LiveIndex, Store, default_db_path

    if not Path(src).is_dir():
        raise InputError("no such folder", file=src)
    store = Store(db or default_db_path(src), repository_id)
    live = LiveIndex(store, src, interval=recheck)
    report = live.refresh(force=True)
    for issue in report.issues if report else []:
        click.echo(issue.format(), err=True)
    config = Config(repository_name=repository_name, admin_emails=admin_email,
                    page_size=page_size)
    library = Library(src, title=repository_name, interval=recheck)
    for issue in library.issues:
        click.echo(issue.format(), err=True)
    app = App(Provider(store, config), live, site if Path(site).is_dir() else None,
              dts=DTS(library))
    server = make_server(app, host, port, threads)
    click.echo(f"indexed {src}: {report.summary() if report else 'unchanged'}")
    click.echo(f"serving http://{host}:{server.effective_port}/ (OAI-PMH at /oai, "
               f"DTS at /dts: {len(library.documents)} resources); "
               "Ctrl-C stops", err=False)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
