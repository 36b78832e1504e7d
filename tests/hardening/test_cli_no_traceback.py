"""Every command, with --help and with garbage arguments: never a traceback.

Commands are discovered from the CLI group, so commands added later are covered.
``serve`` is given only --help and bad options (it would otherwise keep running).
"""

from __future__ import annotations

import click
import pytest

from tests.hardening.clihelp import assert_clean, invoke, subprocess_run
from toolkit.cli import cli


def _paths(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        yield prefix + (name,)
        if isinstance(cmd, click.Group):
            yield from _paths(cmd, prefix + (name,))


PATHS = list(_paths(cli))
IDS = [" ".join(p) for p in PATHS]
GARBAGE = [
    ["--no-such-option"],
    ["--definitely", "not", "valid", "\x00"],
    ["/nonexistent/\u00e9\u4e2d/file.xml"],
    ["-o"],
]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_help(path):
    run = invoke([*path, "--help"])
    assert_clean(run, {0})
    assert "Example:" in run.stdout


@pytest.mark.parametrize("path", PATHS, ids=IDS)
@pytest.mark.parametrize("garbage", GARBAGE, ids=["option", "nul", "missing", "dangling-o"])
def test_garbage_arguments(path, garbage, tmp_path, monkeypatch):
    if path[0] == "serve" and garbage[0].startswith("/"):
        pytest.skip("serve would start serving")
    if path[0] == "new" and garbage[0].startswith("/"):
        pytest.skip("new creates a folder where none is (as root, even under /): "
                    "tests/edition covers its refusals")
    monkeypatch.chdir(tmp_path)  # default folders (tei/, site/) do not exist here
    run = invoke([*path, *garbage])
    assert_clean(run, {1, 2, 3})


def test_console_script_garbage():
    run = subprocess_run(["render", "--to", "nothing", "\x01"], timeout=60)
    assert_clean(run, {2})
    run = subprocess_run(["no-such-command"], timeout=60)
    assert_clean(run, {2})
