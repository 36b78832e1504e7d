"""An edition's configuration: ``teikit.toml``, found as git finds its repository.

:func:`find_config` walks up from a folder to the first ``teikit.toml``; its folder is
the edition's root. :func:`load_config` reads it with :mod:`tomllib` into a frozen
:class:`EditionConfig`, checking every key against :data:`KEYS`: an unknown key or a
value of the wrong type is a :class:`ConfigError` located at its line
(``teikit.toml:7: unknown key "titel"; did you mean "title"?``, exit code 2). Paths in
the file are relative to the root. Every command run inside an edition reads it;
command-line options override it.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EXIT_USAGE, TeikitError
from ..xmlio import IncludeScope

CONFIG_NAME = "teikit.toml"
DEFAULT_TITLE = "Edition"


class ConfigError(TeikitError):
    """teikit.toml is malformed, has an unknown key or a value of the wrong type."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Key:
    """One key of teikit.toml: its type, and what it means (the documentation's text)."""

    type: str  # "str" | "bool" | "list[str]"
    help: str
    choices: tuple[str, ...] = ()


#: Every key of teikit.toml: "table.key" (top-level keys have no table).
KEYS: dict[str, Key] = {
    "title": Key("str", "The edition's title: home page, every page's header, <title>."),
    "subtitle": Key("str", "A subtitle under the title on the home page."),
    "editors": Key("list[str]", "The editors' names, as the home page lists them."),
    "introduction": Key("str", "The home page's introduction: a Markdown file (.md), a "
                        "TEI file (.xml) relative to the root, or Markdown text itself."),
    "base_url": Key("str", "Where the site is published (https://…/): documents' public "
                    "URLs, citations, OAI-PMH. Without it no page claims a URL."),
    "languages": Key("list[str]", "The edition's languages (BCP 47 codes, e.g. en, ru)."),
    "licence": Key("str", "The edition's licence (e.g. CC-BY-4.0), shown on the home page."),
    "documents": Key("str", "The folder of TEI documents (default tei)."),
    "output": Key("str", "The folder the site is built into (default site)."),
    "oai.repository_name": Key("str", "repositoryName of OAI-PMH Identify."),
    "oai.repository_id": Key("str", "Repository identifier in oai:<id>:<stem> identifiers "
                             "(a domain-like name, e.g. letters.example.org)."),
    "oai.admin_email": Key("list[str]", "adminEmail(s) of OAI-PMH Identify."),
    "citation.publisher": Key("str", "The publisher cited when a document's header names "
                              "none."),
    "citation.accessed": Key("str", "The access date of citations: \"today\" (the build's "
                             "date, the default) or a fixed YYYY-MM-DD."),
    "outputs.pdf": Key("bool", "Build each document's PDF (default true)."),
    "outputs.citation_styles": Key("list[str]", "Citation styles built for each document "
                                   "(default: all).", ("chicago-note", "chicago-bib", "mla",
                                                       "apa", "bibtex", "ris", "csl-json")),
    "outputs.paper": Key("str", "Paper size of the PDFs.", ("a4", "letter")),
    "validation.schemas": Key("list[str]", "Schemas `teikit validate` uses instead of the "
                              "documents' xml-model PIs: tei_all, project, or files."),
    "xinclude.allow": Key("list[str]", "Folders outside the root that XIncludes may read "
                          "(relative to the root, or absolute)."),
    "overrides.html": Key("str", "Your XSLT 3.0 file importing teikit's html.xsl: how "
                          "elements render in HTML (and so in print)."),
    "overrides.text": Key("str", "Your XSLT 3.0 file importing teikit's text.xsl."),
    "overrides.print": Key("str", "Your XSLT 3.0 file importing teikit's print.xsl (default: "
                           "print follows overrides.html)."),
    "overrides.css": Key("list[str]", "Stylesheets linked from every page, after teikit's."),
    "overrides.js": Key("list[str]", "Scripts loaded by every page, after teikit's."),
    "overrides.header": Key("str", "An HTML fragment (well-formed) at the top of every page."),
    "overrides.footer": Key("str", "An HTML fragment (well-formed) at the foot of every page."),
    "overrides.static": Key("list[str]", "Files and folders copied into the site as they "
                            "are (images such as a logo), at the same path."),
}

TABLES = sorted({k.split(".")[0] for k in KEYS if "." in k})


@dataclass(frozen=True)
class EditionConfig:
    """What an edition says once (teikit.toml); paths are absolute."""

    root: Path
    file: Path | None = None
    title: str = DEFAULT_TITLE
    subtitle: str | None = None
    editors: list[str] = field(default_factory=list)
    introduction: str | None = None  # Markdown text, when not a file
    introduction_file: Path | None = None  # a .md or TEI .xml file
    base_url: str | None = None
    languages: list[str] = field(default_factory=list)
    licence: str | None = None
    documents: Path | None = None
    output: Path | None = None
    oai_repository_name: str | None = None
    oai_repository_id: str | None = None
    oai_admin_email: list[str] = field(default_factory=list)
    publisher: str | None = None
    accessed: str | None = None  # None: the build's date
    pdf: bool | None = None
    citation_styles: list[str] | None = None
    paper: str | None = None
    schemas: list[str] = field(default_factory=list)
    xinclude_allow: list[Path] = field(default_factory=list)
    html_xsl: Path | None = None
    text_xsl: Path | None = None
    print_xsl: Path | None = None
    css: list[Path] = field(default_factory=list)
    js: list[Path] = field(default_factory=list)
    header: Path | None = None
    footer: Path | None = None
    static: list[Path] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> tuple[str, int]:
        """(file, line) of a key, for messages about its value."""
        return str(self.file or self.root / CONFIG_NAME), self.lines.get(key, 0)

    def error(self, key: str, message: str) -> ConfigError:
        file, line = self.where(key)
        return ConfigError(f"{key}: {message}", file=file, line=line, column=1 if line else 0)

    @functools.cached_property
    def introduction_html(self) -> str | None:
        """The introduction as HTML: Markdown rendered here; a TEI introduction is
        rendered by the site build (:func:`toolkit.site.info.site_info`), so None."""
        if self.introduction_file is not None:
            if self.introduction_file.suffix.lower() == ".xml":
                return None
            return markdown_html(self.introduction_file.read_text(encoding="utf-8"))
        return markdown_html(self.introduction) if self.introduction else None

    def scope(self) -> IncludeScope:
        """Where XIncludes may read: the root and the allowed folders."""
        return IncludeScope.of(self.root, self.xinclude_allow)


def markdown_html(text: str) -> str:
    """CommonMark (with tables and strikethrough) as HTML: markdown-it-py, the Python port
    of markdown-it. Raw HTML is kept, as MkDocs and Jekyll keep it: the edition's own
    configuration is trusted like its stylesheets."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


# ---------------------------------------------------------------- finding and reading

def find_config(start: str | os.PathLike) -> Path | None:
    """The first teikit.toml in ``start`` (a folder, or a file's folder) or its parents."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(start: str | os.PathLike | None = None) -> EditionConfig | None:
    """The configuration of the edition ``start`` is in (default: the current folder),
    or None outside any edition. Raises ConfigError for a bad teikit.toml."""
    path = find_config(start if start is not None else Path.cwd())
    return read_config(path) if path else None


def read_config(path: str | os.PathLike) -> EditionConfig:
    """Read and check one teikit.toml."""
    path = Path(path)
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the configuration: {exc}", file=shown) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"not valid TOML: {msg}", file=shown,
                          line=int(m.group(1)) if m else 0,
                          column=int(m.group(2)) if m else 0) from None
    lines = key_lines(text)
    values = _flatten(data, shown, lines)
    return _build(path.parent.resolve(), path, values, lines)


_BARE = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY_LINE = re.compile(rf"({_BARE}(?:\s*\.\s*{_BARE})*)\s*=(.*)")


def key_lines(text: str) -> dict[str, int]:
    """The line of each key ("table.key") in TOML text (tomllib gives no positions):
    table headers, ``key =`` and dotted ``table.key =`` lines; strings spanning lines
    are skipped."""
    lines: dict[str, int] = {}
    table = ""
    in_multiline: str | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if in_multiline:
            if in_multiline in line:
                in_multiline = None
            continue
        stripped = line.strip()
        m = re.match(r"\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", stripped)
        if m:
            table = _unquote_key(m.group(1))
            lines.setdefault(table, n)
            continue
        m = _KEY_LINE.match(stripped)
        if m:
            key = _unquote_key(m.group(1))
            full = f"{table}.{key}" if table else key
            lines.setdefault(full, n)
            rest = m.group(2)
            for quote in ('"""', "'''"):
                if rest.count(quote) == 1:
                    in_multiline = quote
    return lines


def _unquote_key(key: str) -> str:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", key)
    return ".".join(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def _flatten(data: dict[str, Any], file: str, lines: dict[str, int]) -> dict[str, Any]:
    """{"table.key": value}, with every key known and every value of its type."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name in TABLES:
            if not isinstance(value, dict):
                raise _error(file, lines, name, f'"{name}" must be a table ([{name}])')
            for key, v in value.items():
                out[f"{name}.{key}"] = v
        elif isinstance(value, dict):
            close = difflib.get_close_matches(name, TABLES, n=1, cutoff=0.6)
            raise _error(file, lines, name, f"unknown table [{name}]"
                         + (f'; did you mean "{close[0]}"?' if close else ""))
        else:
            out[name] = value
    for key, value in out.items():
        spec = KEYS.get(key)
        if spec is None:
            raise _error(file, lines, key, _unknown(key))
        _check_type(file, lines, key, spec, value)
    return out


def _unknown(key: str) -> str:
    table, _, name = key.rpartition(".")
    candidates = [k.rpartition(".")[2] for k in KEYS if k.rpartition(".")[0] == table]
    if table and table not in TABLES:
        candidates, name = TABLES, table
        what = f"unknown table [{table}]"
    else:
        what = f'unknown key "{name}"' + (f" in [{table}]" if table else "")
        candidates += [] if table else TABLES
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    if not close:
        # a key of another table? (e.g. pdf at the top level, or title in [outputs])
        elsewhere = [k for k in KEYS if k.rpartition(".")[2] == name]
        if elsewhere:
            return f'{what}; "{name}" belongs in ' + (
                f"[{elsewhere[0].rpartition('.')[0]}]" if "." in elsewhere[0]
                else "the top level (before any [table])")
        return what
    return f'{what}; did you mean "{close[0]}"?'


def _check_type(file: str, lines: dict[str, int], key: str, spec: Key, value: Any) -> None:
    ok = {"str": isinstance(value, str),
          "bool": isinstance(value, bool),
          "list[str]": isinstance(value, list) and all(isinstance(v, str) for v in value)
          }[spec.type]
    if spec.type == "list[str]" and isinstance(value, str):
        ok = True  # one value for a list: accepted as a list of one
    if not ok:
        raise _error(file, lines, key, f'"{key}" must be {_type_words(spec.type)}, '
                     f"not {_toml_type(value)}")
    for v in ([value] if isinstance(value, str) else value if isinstance(value, list) else []):
        if spec.choices and v not in spec.choices:
            raise _error(file, lines, key, f'"{key}": {v!r} is not one of '
                         f"{', '.join(spec.choices)}")


def _type_words(t: str) -> str:
    return {"str": "a string", "bool": "true or false",
            "list[str]": "a list of strings"}[t]


def _toml_type(v: Any) -> str:
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, list):
        return "a list" + (" with a non-string item" if v else "")
    if isinstance(v, dict):
        return "a table"
    if isinstance(v, str):
        return "a string"
    return "a date" if hasattr(v, "isoformat") else type(v).__name__


def _error(file: str, lines: dict[str, int], key: str, message: str) -> ConfigError:
    line = lines.get(key) or lines.get(key.split(".")[0], 0)
    return ConfigError(message, file=file, line=line, column=1 if line else 0)


def _build(root: Path, path: Path, v: dict[str, Any], lines: dict[str, int]) -> EditionConfig:
    file = str(path)

    def as_list(key: str) -> list[str]:
        x = v.get(key, [])
        return [x] if isinstance(x, str) else list(x)

    def a_path(key: str, value: str | None = None, must_exist: bool = True) -> Path | None:
        value = v.get(key) if value is None else value
        if value is None:
            return None
        p = Path(value) if os.path.isabs(value) else root / value
        if must_exist and not p.exists():
            raise _error(file, lines, key, f'"{key}": {value} does not exist (paths are '
                         f"relative to {root})")
        return p

    def inside(key: str, value: str) -> Path:
        if not IncludeScope.of(root).permits(a_path(key, value, must_exist=False)):
            raise _error(file, lines, key, f'"{key}": {value} is outside the edition\'s '
                         f"folder {root}")
        return a_path(key, value)

    base_url = v.get("base_url")
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise _error(file, lines, "base_url", '"base_url" must start with http:// or https://')
    accessed = v.get("citation.accessed")
    if accessed == "today":
        accessed = None
    elif accessed is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
        raise _error(file, lines, "citation.accessed",
                     '"citation.accessed" must be "today" or a date YYYY-MM-DD')
    intro = v.get("introduction")
    intro_file = None
    if intro is not None and "\n" not in intro and \
            intro.strip().lower().endswith((".md", ".markdown", ".xml")):
        intro_file, intro = inside("introduction", intro.strip()), None
    email = as_list("oai.admin_email")
    bad = [e for e in email if not re.fullmatch(r"\S+@(\S+\.)+\S+", e)]
    if bad:
        raise _error(file, lines, "oai.admin_email", f"not an e-mail address: {bad[0]}")
    rid = v.get("oai.repository_id")
    if rid is not None and not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+",
                                            rid):
        raise _error(file, lines, "oai.repository_id",
                     f"{rid!r} is not a domain-like name such as edition.example")
    return EditionConfig(
        root=root, file=path, lines=lines,
        title=v.get("title", DEFAULT_TITLE), subtitle=v.get("subtitle"),
        editors=as_list("editors"), introduction=intro, introduction_file=intro_file,
        base_url=base_url, languages=as_list("languages"), licence=v.get("licence"),
        documents=a_path("documents", must_exist=False) if "documents" in v else None,
        output=a_path("output", must_exist=False) if "output" in v else None,
        oai_repository_name=v.get("oai.repository_name"),
        oai_repository_id=rid, oai_admin_email=email,
        publisher=v.get("citation.publisher"), accessed=accessed,
        pdf=v.get("outputs.pdf"),
        citation_styles=as_list("outputs.citation_styles")
        if "outputs.citation_styles" in v else None,
        paper=v.get("outputs.paper"),
        schemas=[_schema(root, s) for s in as_list("validation.schemas")],
        xinclude_allow=[a_path("xinclude.allow", a) for a in as_list("xinclude.allow")],
        html_xsl=inside("overrides.html", v["overrides.html"]) if "overrides.html" in v
        else None,
        text_xsl=inside("overrides.text", v["overrides.text"]) if "overrides.text" in v
        else None,
        print_xsl=inside("overrides.print", v["overrides.print"]) if "overrides.print" in v
        else None,
        css=[inside("overrides.css", c) for c in as_list("overrides.css")],
        js=[inside("overrides.js", c) for c in as_list("overrides.js")],
        header=inside("overrides.header", v["overrides.header"]) if "overrides.header" in v
        else None,
        footer=inside("overrides.footer", v["overrides.footer"]) if "overrides.footer" in v
        else None,
        static=[inside("overrides.static", c) for c in as_list("overrides.static")],
    )


def _schema(root: Path, name: str) -> str:
    """A schema name as `teikit validate --schema` takes it: tei_all and project as
    they are, a file relative to the edition's root."""
    if name in ("tei_all", "project") or os.path.isabs(name):
        return name
    return str(root / name)
