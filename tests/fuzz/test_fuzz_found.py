"""Documents that once broke an output (found by the schema fuzzer, or made for a crash
of issue 12), each run through every output: tests/fuzz/found/*.xml.

Each is valid against tei_all (checked here too), so every output must take it; the
comment at the top of each file says what it broke.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.test_fuzz_schema import TEI_ALL, outputs
from toolkit import xmlio
from toolkit.validate.relaxng import validate_tree

FOUND = sorted((Path(__file__).parent / "found").glob("*.xml"))


@pytest.mark.skipif(TEI_ALL is None, reason="tei_all.rng is not installed")
@pytest.mark.parametrize("path", FOUND, ids=lambda p: p.name)
def test_every_output_takes_it(path):
    tree = xmlio.parse(path)
    assert validate_tree(tree, TEI_ALL, str(path)) == []
    outputs(tree)  # raises on any failure, located or not
