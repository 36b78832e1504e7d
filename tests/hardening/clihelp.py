"""Running every ``teikit`` command on one input, in process or as a subprocess.

Commands are discovered from the CLI group, so a command added later is exercised
too: known commands get their usual arguments, unknown ones ``teikit NAME FILE``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
from click.testing import CliRunner

from tests.conftest import ROOT
from toolkit.cli import cli
from toolkit.render import RENDERERS

# Commands that do not take a document (or never return): not run on inputs.
NOT_ON_FILES = {"schemas": "manages the schema cache", "serve": "runs a server until stopped",
                "new": "creates an edition project; reads no document",
                "lsp": "serves an editor until it exits (tests/lsp feeds it hostile text)"}
LOCATION_CODES = {0, 1, 2, 3}


@dataclass
class Run:
    argv: list[str]
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def file_commands(file: Path, out_dir: Path) -> list[list[str]]:
    """Every way to run a command of the CLI on ``file``.

    Folder commands (``build``, ``index``) get ``file``'s folder when ``file`` is not
    itself a folder, so callers keep each input alone in its own folder.
    """
    runs: list[list[str]] = []
    folder = str(file.parent if file.is_file() else file)
    for name in sorted(cli.commands):
        cmd = cli.commands[name]
        if name in NOT_ON_FILES:
            continue
        if name == "render":
            for to in sorted(RENDERERS):
                modes = ("reading", "diplomatic") if to == "text" else ("reading",)
                runs += [["render", str(file), "--to", to, "--mode", m] for m in modes]
        elif name == "build":
            runs.append(["build", str(file), "-o", str(out_dir / "site"), "-j", "1"])
        elif name == "index":
            runs.append(["index", folder, "--db", str(out_dir / "oai.sqlite")])
        elif name == "odd":
            runs.append(["odd", "compile", str(file), "--rng", str(out_dir / "odd.rng"),
                         "--sch", str(out_dir / "odd.sch")])
        elif isinstance(cmd, click.Group):
            runs += [[name, sub, str(file)] for sub in sorted(cmd.commands)]
        else:
            runs.append([name, str(file)])
    return runs


def accepts_folder(argv: list[str]) -> bool:
    """Whether the command of ``argv`` takes a folder as its path argument."""
    cmd: click.Command = cli
    for word in argv:
        if not isinstance(cmd, click.Group) or word not in cmd.commands:
            break
        cmd = cmd.commands[word]
    args = [p for p in cmd.params if isinstance(p, click.Argument)]
    return bool(args) and isinstance(args[0].type, click.Path) and args[0].type.dir_okay


def invoke(argv: list[str]) -> Run:
    """Run in process (fast: stylesheets stay compiled); escaping exceptions are kept."""
    r = CliRunner().invoke(cli, argv, catch_exceptions=True)
    exc = r.exception if not isinstance(r.exception, SystemExit) else None
    stderr = r.stderr if hasattr(r, "stderr") else ""
    return Run(argv, r.exit_code, r.stdout, stderr or "", exc)


def subprocess_run(argv: list[str], timeout: float = 120, env: dict | None = None,
                   **kwargs) -> Run:
    """Run the real console entry point, as a user would."""
    p = subprocess.run([sys.executable, "-m", "toolkit.cli", *argv], capture_output=True,
                       text=True, errors="replace", timeout=timeout, cwd=ROOT,
                       env={**os.environ, **(env or {})}, **kwargs)
    return Run(argv, p.returncode, p.stdout, p.stderr)


def assert_clean(run: Run, allowed: set[int] = LOCATION_CODES) -> None:
    """No escaping exception, no traceback, a documented exit code."""
    assert run.exception is None, f"{run.argv}: uncaught {run.exception!r}"
    assert "Traceback" not in run.output, f"{run.argv}: traceback\n{run.output}"
    assert "internal error" not in run.output, f"{run.argv}: {run.output}"
    assert run.exit_code in allowed, f"{run.argv}: exit {run.exit_code}\n{run.output}"
