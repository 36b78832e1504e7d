"""Coverage-guided fuzzing of the secure parser and the text renderer (local use, not CI).

    .venv/bin/pip install 'atheris>=2.3,<3'
    .venv/bin/python tests/fuzz/atheris_harness.py -atheris_runs=20000 [CORPUS_DIR ...]

Seed it with corpus documents (e.g. a folder holding a few small files of
../shared/corpus). Any exception other than a TeikitError subclass is a finding.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from toolkit import xmlio
    from toolkit.errors import TeikitError
    from toolkit.render import RENDERERS


def one_input(data: bytes) -> None:
    try:
        tree = xmlio.parse_bytes(data, "fuzz.xml")
        RENDERERS["text"](tree, file="fuzz.xml", mode="reading")
    except TeikitError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
