"""Helpers for the customisation tests: jing, tei_all, the project schemas."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from toolkit.validate import schemas as registry

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "fixtures" / "broken"


def jing_errors(schema: Path, doc: Path) -> list[str]:
    """jing's error lines for one document (warnings about its Java classpath dropped)."""
    proc = subprocess.run(["jing", str(schema), str(doc)], capture_output=True, text=True,
                          timeout=120)
    lines = (proc.stdout + proc.stderr).splitlines()
    errors = [ln for ln in lines if ": error:" in ln or ": fatal:" in ln]
    assert (proc.returncode == 0) == (not errors), lines  # jing's verdict agrees
    return errors


@pytest.fixture(scope="session")
def jing() -> str:
    exe = shutil.which("jing")
    if exe is None:
        pytest.skip("jing is not installed (apt-get install jing; CI installs it)")
    return exe


@pytest.fixture(scope="session")
def tei_all() -> Path:
    path = registry.tei_all(required=False)
    if path is None:
        pytest.skip("tei_all.rng is not installed (teikit schemas install)")
    return path
