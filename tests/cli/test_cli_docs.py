"""Every command is documented: a help text that says what it does, with an example."""

import click
import pytest
from click.testing import CliRunner

from toolkit.cli import cli


def _all_commands(group: click.Group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _all_commands(cmd, prefix + (name,))


COMMANDS = list(_all_commands(cli))


def test_there_are_commands():
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"render", "build", "schemas install"} <= names


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_help_has_description_and_example(path, cmd):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert cmd.help and len(cmd.help.split()) >= 4, f"{path} has no real description"
    assert "Example:" in result.output
    assert "teikit " + path[0] in result.output.split("Example:")[1]


def test_top_level_help_documents_exit_codes():
    out = CliRunner().invoke(cli, ["--help"]).output
    assert "Exit codes" in out and "2 usage error" in out


def test_readme_documents_every_command():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, _ in COMMANDS:
        assert f"teikit {path[0]}" in readme, f"README does not mention teikit {path[0]}"
