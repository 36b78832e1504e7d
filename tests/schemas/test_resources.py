"""Where teikit's data is found in a checkout, and what `teikit schemas` says about it.

(An installed package is tested in tests/package/.)
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, TELEGRAM
from toolkit import saxon, xmlio
from toolkit.cli import cli
from toolkit.edition import resources
from toolkit.edition.tei_all import TEI_VERSION
from toolkit.errors import TransformError
from toolkit.validate import schemas as registry


def test_a_checkout_uses_its_own_folders():
    assert resources.where() == "checkout"
    assert resources.xslt_dir() == ROOT / "xslt"
    assert resources.schemas_dir() == ROOT / "schemas"
    assert resources.stylesheet("html") == ROOT / "xslt" / "html.xsl"
    assert resources.stylesheet("oai/teiheader") == ROOT / "xslt" / "oai" / "teiheader.xsl"
    assert resources.packaged_tei_all() is None
    assert resources.asset_names() == sorted(
        p.name for p in (ROOT / "toolkit" / "assets").iterdir() if p.suffix in (".css", ".js"))
    assert {"edition.css", "edition.js", "print.css"} <= set(resources.asset_names())
    assert resources.asset_text("print.css") == (ROOT / "toolkit/assets/print.css").read_text()


def test_toolkit_files_have_the_same_names_as_in_a_package():
    names = [name for name, _ in resources.toolkit_files()]
    assert "xslt/html.xsl" in names and "toolkit/saxon.py" in names
    assert "toolkit/assets/edition.css" in names
    assert names == sorted(names) and len(names) == len(set(names))


def test_a_bare_stylesheet_name_is_refused_not_looked_up_in_the_current_folder(
        tmp_path, monkeypatch):
    (tmp_path / "text.xsl").write_text("<not-a-stylesheet/>")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TransformError, match="stylesheet name, not a path"):
        saxon.transform("text", xmlio.parse_tei(TELEGRAM))
    out = saxon.transform(resources.stylesheet("text"), xmlio.parse_tei(TELEGRAM),
                          params={"mode": "reading"}).text
    assert out.startswith("Ciphered Telegram No. 22591")


def test_tei_release_is_read_from_each_kind_of_schema(tmp_path):
    tei_all = tmp_path / "tei_all.rng"
    tei_all.write_text('<grammar><!--\nTEI Edition: Version\u00a04.3.0. Last updated on\n-->'
                       '</grammar>', encoding="utf-8")
    assert registry.tei_release(tei_all) == "4.3.0"
    assert registry.tei_release(registry.PROJECT_RNG) == TEI_VERSION
    assert registry.tei_release(registry.PROJECT_ODD) == TEI_VERSION
    (tmp_path / "none.rng").write_text("<grammar/>")
    assert registry.tei_release(tmp_path / "none.rng") is None


def test_schemas_lists_a_checkout(monkeypatch, tmp_path):
    monkeypatch.setenv("TEIKIT_DATA_DIR", str(tmp_path / "empty"))
    out = CliRunner().invoke(cli, ["schemas"])
    assert out.exit_code == 0, out.output
    lines = {ln.split("  ")[0]: ln for ln in out.output.splitlines()}
    assert lines["tei_all"] == "tei_all             not installed (run: teikit schemas install)"
    assert lines["project"] == (f"project             TEI P5 {TEI_VERSION}  in the checkout  "
                                f"{ROOT / 'schemas' / 'teikit.rng'}")


def test_schemas_lists_an_installed_tei_all(tei_all, monkeypatch, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / f"tei_all-{TEI_VERSION}.rng").write_bytes(tei_all.read_bytes())
    monkeypatch.setenv("TEIKIT_DATA_DIR", str(data))
    out = CliRunner().invoke(cli, ["schemas"]).output
    assert (f"tei_all             TEI P5 {TEI_VERSION}  installed by teikit schemas install  "
            f"{data / f'tei_all-{TEI_VERSION}.rng'}") in out.splitlines()
