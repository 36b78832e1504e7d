"""Fixed exit codes and clean messages, never a traceback."""

import subprocess
import sys

from click.testing import CliRunner

from toolkit.cli import cli


def test_missing_file_is_usage_error(tmp_path):
    r = CliRunner().invoke(cli, ["render", str(tmp_path / "nope.xml")])
    assert r.exit_code == 2
    assert "nope.xml" in r.output and "no such file" in r.output
    assert "Traceback" not in r.output


def test_malformed_input_reports_file_line_column(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text>\n</TEI>\n')
    r = CliRunner().invoke(cli, ["render", str(bad), "--to", "text"])
    assert r.exit_code == 1
    first = r.output.strip().splitlines()[0]
    assert first.startswith(f"{bad}:3:"), first
    assert ": error: " in first


def test_bad_option_value_is_usage_error():
    r = CliRunner().invoke(cli, ["render", "x.xml", "--to", "docx"])
    assert r.exit_code == 2


def test_console_script_has_no_traceback(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<a><b></a>")
    p = subprocess.run([sys.executable, "-m", "toolkit.cli", "render", str(bad)],
                       capture_output=True, text=True)
    assert p.returncode == 1
    assert "Traceback" not in p.stderr
    assert f"{bad}:1:" in p.stderr
