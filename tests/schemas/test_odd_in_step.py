"""The committed schemas/teikit.rng and teikit.sch are exactly what the ODD derives.

Regenerate with `teikit odd compile schemas/teikit.odd` or TEIKIT_REGEN=1.
"""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.edition import resources
from toolkit.validate import odd
from toolkit.validate import schemas as registry

pytestmark = pytest.mark.usefixtures("tei_all")


REGEN = os.environ.get("TEIKIT_REGEN") == "1"


@pytest.fixture(scope="module", autouse=True)
def regenerate():
    """TEIKIT_REGEN=1 rewrites the committed files first (then review the diff)."""
    if REGEN:
        odd.write_derived(registry.PROJECT_ODD, registry.PROJECT_RNG, registry.PROJECT_SCH)


def test_rng_in_step_byte_for_byte():
    rng_tree, _ = odd.compile_odd(registry.PROJECT_ODD)
    assert odd.serialise(rng_tree) == registry.PROJECT_RNG.read_bytes(), (
        "schemas/teikit.rng is out of step; run: teikit odd compile schemas/teikit.odd")


def test_sch_in_step_byte_for_byte():
    _, sch_tree = odd.compile_odd(registry.PROJECT_ODD)
    assert odd.serialise(sch_tree) == registry.PROJECT_SCH.read_bytes(), (
        "schemas/teikit.sch is out of step; run: teikit odd compile schemas/teikit.odd")


def test_derivation_is_deterministic():
    first = [odd.serialise(t) for t in odd.compile_odd(registry.PROJECT_ODD)]
    second = [odd.serialise(t) for t in odd.compile_odd(registry.PROJECT_ODD)]
    assert first == second


def test_check_flag_passes_then_fails_when_stale(tmp_path):
    for name in ("teikit.odd", "teikit.rng", "teikit.sch"):
        shutil.copy(resources.schemas_dir() / name, tmp_path / name)
    runner = CliRunner()
    ok = runner.invoke(cli, ["odd", "compile", str(tmp_path / "teikit.odd"), "--check"])
    assert ok.exit_code == 0, ok.output
    sch = tmp_path / "teikit.sch"
    sch.write_bytes(sch.read_bytes().replace(b"dangling pointer", b"dangling"))
    stale = runner.invoke(cli, ["odd", "compile", str(tmp_path / "teikit.odd"), "--check"])
    assert stale.exit_code == 1
    assert "teikit.sch: out of step" in stale.output
    assert "teikit.rng" not in stale.output
    regen = runner.invoke(cli, ["odd", "compile", str(tmp_path / "teikit.odd")])
    assert regen.exit_code == 0, regen.output
    assert sch.read_bytes() == registry.PROJECT_SCH.read_bytes()


def test_missing_odd_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["odd", "compile", str(tmp_path / "none.odd")])
    assert result.exit_code == 2
    assert "none.odd" in result.output
