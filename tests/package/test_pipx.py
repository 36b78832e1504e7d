"""`pipx install .` from a clone gives a working teikit (README: Install)."""

from __future__ import annotations

from tests.conftest import TELEGRAM
from toolkit.edition.tei_all import TEI_VERSION


def test_pipx_install_from_a_clone_validates_and_renders(pipx_installed):
    inst = pipx_installed
    listing = inst.run("schemas")
    assert listing.returncode == 0, listing.stderr
    assert f"tei_all             TEI P5 {TEI_VERSION}  packaged with teikit" in listing.stdout
    (inst.work / TELEGRAM.name).write_bytes(TELEGRAM.read_bytes())
    done = inst.run("validate", "--schema", "tei_all", TELEGRAM.name)
    assert done.returncode == 0 and "1 valid" in done.stderr, done.stderr
    html = inst.run("render", TELEGRAM.name, "--to", "html")
    assert html.returncode == 0, html.stderr
    assert "<title>Ciphered Telegram No. 22591" in html.stdout
