"""An edition's own look on every page of its site: CSS, scripts, a header and a footer.

``teikit.toml``'s ``[overrides]`` names them (paths relative to the edition's root)::

    css = ["style/edition.css"]       linked after teikit's own stylesheet
    js = ["style/edition.js"]         loaded after teikit's own scripts
    header = "style/header.html"      an HTML fragment at the top of every page
    footer = "style/footer.html"      an HTML fragment at the foot of every page
    static = ["images"]               copied into the site as they are (a logo, fonts)

Files keep their path: ``style/edition.css`` is published as ``SITE/style/edition.css``
(as MkDocs and Jekyll copy a project's files). In the header and footer, relative links
(``src``, ``href``) are written as from the site's top folder, as in those tools, and
each page gets them adjusted to its own depth. The fragments must be well-formed XML
(XHTML syntax), so that a mistake is reported with its line rather than breaking every
page; they are trusted, like the edition's stylesheets.

:meth:`Look.apply` runs after the site's pages are written, on every build (a page that
already carries the look is rewritten only if the look changed): the blocks it adds are
delimited by ``<!--tk-look…-->`` comments and replaced, never added twice.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import xmlio
from ..errors import InputError, NotWellFormed

SITE_PAGES = ("index.html", "register.html", "about.html", "search.html")
_BLOCK = re.compile(r"<!--tk-look-(head|header|foot)-->.*?<!--/tk-look-\1-->", re.S)
_BODY = re.compile(r"<body\b[^>]*>(\s*<a class=\"tk-skip\"[^>]*>.*?</a>)?", re.S)
_URL_ATTRS = ("href", "src", "poster", "data")


@dataclass(frozen=True)
class Look:
    """The edition's CSS, scripts, header, footer and static files (absolute paths)."""

    root: str
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()
    header: str | None = None
    footer: str | None = None
    static: tuple[str, ...] = ()

    def rel(self, path: str) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()

    def fragments(self) -> tuple[etree._Element | None, etree._Element | None]:
        """The header and footer, parsed (a located error if not well-formed)."""
        return _fragment(self.header), _fragment(self.footer)

    def files(self) -> list[Path]:
        """Every file the look publishes; refused if one is (or links to) something
        outside the edition's folder: a static folder must not publish the build
        machine's files either."""
        scope = xmlio.IncludeScope.of(self.root)
        out = []
        for item in (*self.css, *self.js, *self.static):
            p = Path(item)
            for src in sorted(q for q in p.rglob("*") if not q.is_dir()) if p.is_dir() else [p]:
                if not scope.permits(src):
                    raise InputError(f"links to {os.path.realpath(src)}, outside the "
                                     f"edition's folder {scope.root}: not published",
                                     file=str(src))
                out.append(src)
        return out

    def check(self) -> None:
        """Everything that can be wrong with the look, before any document is built."""
        self.fragments()
        self.files()

    def copy_files(self, out: Path) -> list[Path]:
        """Copy the CSS, scripts and static files into OUT at their paths."""
        return [xmlio.write_atomic(out / self.rel(str(src)), xmlio.read_bytes(src))
                for src in self.files()]

    def apply(self, out: Path, doc_pages: list[str]) -> list[Path]:
        """Put the look on every page of the site in OUT; the pages rewritten."""
        header, footer = self.fragments()
        self.copy_files(out)
        pages = [p for p in SITE_PAGES if (out / p).is_file()]
        pages += sorted(p.relative_to(out).as_posix()
                        for p in (out / "register").glob("*.html"))
        pages += doc_pages
        written = []
        for rel in pages:
            path = out / rel
            try:
                old = path.read_text(encoding="utf-8")
            except OSError:
                continue
            new = self.dress(old, "../" * rel.count("/"), header, footer)
            if new != old:
                written.append(xmlio.write_atomic(path, new))
        return written

    def dress(self, page: str, up: str, header: etree._Element | None,
              footer: etree._Element | None) -> str:
        """One page with the look (``up``: the way from the page to the site's top)."""
        e = html.escape
        page = _BLOCK.sub("", page)
        head = "".join(f'<link rel="stylesheet" href="{e(up + self.rel(c))}">'
                       for c in self.css)
        if head:
            page = page.replace("</head>", f"<!--tk-look-head-->{head}<!--/tk-look-head-->"
                                "</head>", 1)
        if header is not None:
            block = (f'<!--tk-look-header--><div class="tk-edition-header">'
                     f"{_serialize(header, up)}</div><!--/tk-look-header-->")
            page = _BODY.sub(lambda m: m.group(0) + block, page, count=1)
        foot = (f'<div class="tk-edition-footer">{_serialize(footer, up)}</div>'
                if footer is not None else "")
        foot += "".join(f'<script src="{e(up + self.rel(j))}"></script>' for j in self.js)
        if foot:
            at = page.rfind("</body>")
            if at >= 0:
                page = (page[:at] + f"<!--tk-look-foot-->{foot}<!--/tk-look-foot-->"
                        + page[at:])
        return page


def _fragment(path: str | None) -> etree._Element | None:
    """An HTML fragment file as a <div> (line numbers kept for errors)."""
    if path is None:
        return None
    data = xmlio.read_bytes(path)
    try:
        return xmlio.parse_bytes(b"<div>" + data + b"</div>", file=path).getroot()
    except NotWellFormed as exc:
        raise InputError(f"the fragment is not well-formed (write it as XHTML): "
                         f"{exc.message}", file=path, line=exc.line,
                         column=max(1, exc.column - (5 if exc.line == 1 else 0))) from None


def _serialize(fragment: etree._Element, up: str) -> str:
    """The fragment's content as HTML, relative URLs adjusted to the page's depth."""
    frag = etree.fromstring(etree.tostring(fragment))
    for el in frag.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in _URL_ATTRS:
            v = el.get(attr)
            if v and not re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)", v):
                el.set(attr, up + v)
    text = html.escape(frag.text or "", quote=False)
    return text + "".join(etree.tostring(child, method="html", encoding="unicode")
                          for child in frag)
