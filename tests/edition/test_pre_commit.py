"""teikit's pre-commit hook, run by pre-commit itself (``pre-commit try-repo``): the hook
environment is installed from this repository (language: python; only PyPI is reached),
and validates the changed .xml files with the schemas of the edition's teikit.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.hardening.clihelp import assert_clean, invoke

BIN = Path(sys.executable).parent


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "teikit-validate" and hook["entry"] == "teikit validate"
    assert hook["language"] == "python" and hook["files"] == r"\.xml$"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_try_repo_validates_changed_files(tmp_path):
    if shutil.which("git") is None or not (BIN / "pre-commit").is_file():
        pytest.skip("needs git and pre-commit (the test extra)")
    ed = tmp_path / "ed"
    assert_clean(invoke(["new", str(ed), "--title", "Hooked"]), {0})
    _git(ed, "init", "-q")
    _git(ed, "add", "-A")
    _git(ed, "commit", "-qm", "edition")
    # a changed document that breaks the edition's schema (supplied without @resp, a
    # rule of schemas/edition.odd) and a file the hook must not look at
    letter = ed / "tei" / "example-letter.xml"
    letter.write_text(letter.read_text().replace(' resp="#editors">supplied', ">supplied"))
    (ed / "notes.txt").write_text("not XML")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    p = subprocess.run([str(BIN / "pre-commit"), "try-repo", str(ROOT), "teikit-validate",
                        "--files", "tei/example-letter.xml", "notes.txt"],
                       cwd=ed, env=env, capture_output=True, text=True, timeout=900)
    out = p.stdout + p.stderr
    assert p.returncode == 1, out
    assert "teikit validate" in out and "Failed" in out
    assert "tei/example-letter.xml:" in out and "resp" in out
    assert "notes.txt" not in out.split("teikit validate", 1)[1]
    # the document fixed: the hook passes
    _git(ed, "checkout", "--", "tei/example-letter.xml")
    p = subprocess.run([str(BIN / "pre-commit"), "try-repo", str(ROOT), "teikit-validate",
                        "--files", "tei/example-letter.xml"], cwd=ed, env=env,
                       capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Passed" in p.stdout
