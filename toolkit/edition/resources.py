"""Where the toolkit's own data is: the ONE place code asks for its paths.

The data: the XSLT stylesheets (``xslt/``), the project's schemas (``schemas/``:
teikit.odd, teikit.rng, teikit.sch), the assets (``toolkit/assets/``: CSS and JS) and
tei_all.rng (TEI P5, the grammar every TEI document can be validated against).

- Installed from a wheel or an sdist, the stylesheets, the schemas and tei_all are package
  data in ``toolkit/_data/`` (``xslt/``, ``schemas/``, ``tei_all-<release>.rng``), put there
  by the build (``setup.py``), found with :mod:`importlib.resources`.
- In a checkout (or an editable install) ``toolkit/_data/`` does not exist: the repository's
  top-level ``xslt/`` and ``schemas/`` are used (they are the source of truth; copies are
  never committed), and tei_all is the copy ``teikit schemas install`` put in the data
  folder (:func:`data_dir`).

API::

    xslt_dir() -> Path            the stylesheets' folder
    stylesheet("html") -> Path    one entry stylesheet (".xsl" added)
    schemas_dir() -> Path         teikit.odd, teikit.rng, teikit.sch
    tei_all() -> Path | None      tei_all.rng: packaged, else installed, else None
    packaged_tei_all(), installed_tei_all()   the two places tei_all.rng may be
    asset_text("edition.css")     the text of a packaged asset
    asset_names() -> list[str]    the packaged assets
    toolkit_files()               (name, path) of every stylesheet, module and asset
    data_dir() -> Path            the user's writable data folder (downloads, caches)
    where() -> str                "package" or "checkout": where the data was found
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ResourceMissing
from .tei_all import TEI_VERSION, default_data_dir

#: tei_all's file name, in the package and in the data folder.
TEI_ALL_NAME = f"tei_all-{TEI_VERSION}.rng"


def _package_root() -> Path:
    root = resources.files("toolkit")
    if not isinstance(root, Path):  # e.g. imported from a zip file: Saxon needs real files
        raise ResourceMissing(f"teikit must be installed as files, not from {root}")
    return root


@lru_cache(maxsize=1)
def _data_root() -> Path | None:
    """toolkit/_data/ in an installed package, else None (a checkout)."""
    d = _package_root() / "_data"
    return d if (d / "xslt").is_dir() else None


@lru_cache(maxsize=1)
def _checkout_root() -> Path:
    return _package_root().resolve().parent


def where() -> str:
    """"package" when the data is the installed package's, "checkout" otherwise."""
    return "package" if _data_root() is not None else "checkout"


def _folder(name: str) -> Path:
    """The package's NAME/ folder, else the checkout's. Not checked here: whoever opens
    a file in it reports the missing file by its path (a module that computes paths at
    import must not fail to import)."""
    data = _data_root()
    return (data if data is not None else _checkout_root()) / name


def xslt_dir() -> Path:
    """The folder of the toolkit's XSLT stylesheets."""
    return _folder("xslt")


def stylesheet(name: str) -> Path:
    """An entry stylesheet of the toolkit by name (``"html"`` -> ``xslt/html.xsl``)."""
    p = xslt_dir() / name
    return p if p.suffix else p.with_suffix(".xsl")


def schemas_dir() -> Path:
    """The folder of the project's schemas (teikit.odd and the derived .rng and .sch)."""
    return _folder("schemas")


def data_dir() -> Path:
    """The user's data folder (downloads, compiled caches): $TEIKIT_DATA_DIR, else
    $XDG_DATA_HOME/teikit, else ~/.local/share/teikit. An installed package never needs
    it for its own data; it may not exist or be writable."""
    return default_data_dir()


def packaged_tei_all() -> Path | None:
    """tei_all.rng as the installed package carries it, or None (a checkout)."""
    data = _data_root()
    p = data / TEI_ALL_NAME if data is not None else None
    return p if p is not None and p.is_file() else None


def installed_tei_all() -> Path:
    """Where ``teikit schemas install`` puts tei_all.rng (in :func:`data_dir`)."""
    return data_dir() / TEI_ALL_NAME


def tei_all() -> Path | None:
    """tei_all.rng: the package's copy, else the one ``teikit schemas install`` put in
    the data folder, else None."""
    p = packaged_tei_all()
    if p is not None:
        return p
    p = installed_tei_all()
    return p if p.is_file() else None


def asset_names() -> list[str]:
    """The packaged assets (CSS and JavaScript files), sorted."""
    return sorted(f.name for f in resources.files("toolkit.assets").iterdir()
                  if f.name.endswith((".css", ".js")))


def asset_text(name: str) -> str:
    """The text of a packaged asset (``edition.css``, ``edition.js``, ``print.css``)."""
    f = resources.files("toolkit.assets").joinpath(name)
    if not f.is_file():
        raise ResourceMissing(f"teikit has no asset named {name!r}")
    return f.read_text(encoding="utf-8")


def toolkit_files() -> list[tuple[str, Path]]:
    """Every file that shapes the toolkit's outputs, as (stable name, path), sorted:
    the stylesheets (``xslt/…``), the Python modules (``toolkit/…``) and the assets.
    The names are the same in a checkout and an installed package."""
    pkg, xslt = _package_root(), xslt_dir()
    files = [(f"xslt/{f.relative_to(xslt).as_posix()}", f) for f in xslt.rglob("*.xsl")]
    files += [(f"toolkit/{f.relative_to(pkg).as_posix()}", f) for f in pkg.rglob("*.py")
              if "_data" not in f.relative_to(pkg).parts]
    files += [(f"toolkit/assets/{n}", pkg / "assets" / n) for n in asset_names()]
    return sorted(files)
