"""The README's Neovim configuration (docs/editors/teikit.lua), exercised headless.

Neovim opens a TEI document without its namespace with exactly that configuration;
`teikit lsp` is started by Neovim itself, and the diagnostic Neovim receives is read
back from inside the editor: jing's message on the root's line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from toolkit.validate import schemas as registry

NVIM = shutil.which("nvim")
CONFIG = ROOT / "docs" / "editors" / "teikit.lua"
DOC = ROOT / "tests" / "validate" / "fixtures" / "messages" / "tei-without-namespace.xml"
WAIT = """
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, (d.lnum + 1) .. "\\t" .. d.message)
end
vim.fn.writefile(out, vim.env.TEIKIT_NVIM_OUT)
vim.cmd("qa!")
"""

pytestmark = [
    pytest.mark.skipif(NVIM is None, reason="neovim is not installed (apt package neovim, "
                                            "a test-only package of scripts/apt-packages.txt)"),
    pytest.mark.skipif(registry.tei_all(required=False) is None,
                       reason="tei_all.rng not installed"),
]


def test_readme_neovim_configuration_shows_teikit_diagnostics(tmp_path: Path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert CONFIG.read_text(encoding="utf-8").strip() in readme, \
        "the README shows docs/editors/teikit.lua verbatim"
    doc = tmp_path / "beginner.xml"
    doc.write_bytes(DOC.read_bytes())
    wait = tmp_path / "wait.lua"
    wait.write_text(WAIT, encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    # the environment's teikit first on PATH, as an installed one would be
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               TEIKIT_NVIM_OUT=str(out), XDG_STATE_HOME=str(tmp_path))
    subprocess.run([NVIM, "--headless", "-u", str(CONFIG), str(doc), "-c", f"luafile {wait}"],
                   cwd=tmp_path, env=env, timeout=120, capture_output=True,
                   stdin=subprocess.DEVNULL)
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    assert lines == ['2\telement "TEI" not allowed here; expected element "TEI" or "teiCorpus" '
                     '(with xmlns="http://www.tei-c.org/ns/1.0")']
