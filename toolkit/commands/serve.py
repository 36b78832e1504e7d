"""teikit serve: the built site and the OAI-PMH 2.0 endpoint /oai, over HTTP (waitress)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..errors import InputError
from .common import boundary, documents_folder, edition, pick, scope_for, site_folder
from .index import db_option, repository_option

_EMAIL = re.compile(r"\S+@(\S+\.)+\S+\Z")  # the pattern of OAI-PMH.xsd's emailType


def _emails(ctx, param, value: tuple[str, ...]) -> tuple[str, ...]:
    bad = [v for v in value if not _EMAIL.match(v)]
    if bad:
        raise click.BadParameter(f"not an e-mail address: {', '.join(bad)}")
    return value


@click.command()
@click.argument("src", type=click.Path(file_okay=False), required=False, default=None)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind (loopback only unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--site", type=click.Path(file_okay=False), default=None,
              help="The built edition to serve as static files (skipped if absent) "
                   "[default: teikit.toml's output, else site/].")
@db_option
@repository_option
@click.option("--page-size", default=100, show_default=True, type=click.IntRange(1, 10000),
              help="Records per OAI-PMH list response (then a resumption token).")
@click.option("--admin-email", multiple=True, default=(), callback=_emails,
              help="adminEmail of Identify [default: teikit.toml's oai.admin_email, else "
                   "admin@teikit.invalid]: configure a real address.")
@click.option("--name", "repository_name", default=None,
              help="repositoryName of Identify [default: teikit.toml's "
                   "oai.repository_name, else its title, else 'teikit edition'].")
@click.option("--recheck", default=2.0, show_default=True, type=click.FloatRange(0),
              help="Seconds between checks of SRC for changed files (then re-index).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Worker threads of the HTTP server.")
@boundary
def serve(src: str | None, host: str, port: int, site: str | None, db: str | None,
          repository_id: str | None, page_size: int, admin_email: tuple[str, ...],
          repository_name: str | None, recheck: float, threads: int) -> None:
    """Serve the edition of SRC: static site files, OAI-PMH at /oai and DTS at /dts.

    Inside an edition, SRC, the site folder and the OAI-PMH repository's name,
    identifier and admin e-mail default to what teikit.toml says; XIncludes stay
    inside the edition's folder (outside one: inside SRC).

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

    cfg = edition(src)
    src = src or documents_folder(cfg)
    site = site or site_folder(cfg)
    if not Path(src).is_dir():
        raise InputError("no such folder", file=src)
    repository_id = pick(repository_id, cfg and cfg.oai_repository_id, "teikit.local")
    admin_email = admin_email or tuple(cfg.oai_admin_email if cfg else ()) or (
        "admin@teikit.invalid",)
    repository_name = pick(repository_name, cfg and (cfg.oai_repository_name or cfg.title),
                           "teikit edition")
    store = Store(db or default_db_path(src), repository_id)
    live = LiveIndex(store, src, interval=recheck, scope=scope_for(cfg, src))
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
