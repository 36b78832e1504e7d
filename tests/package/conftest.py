"""An installed teikit, as a user gets it: a wheel built from the sdist of a clean copy of
the checkout, installed into a fresh virtualenv, run with an empty HOME from a folder
outside the checkout, offline where the machine allows it (``unshare -rn``: no network
namespace but loopback-less, so ``serve`` is run without it).

One build and one virtualenv per session; pip's cache is reused (PIP_CACHE_DIR), so
installing the dependencies costs seconds, not downloads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Bounded time for a build or an install step (seconds).
STEP_TIMEOUT = 600


def _pip_cache() -> str | None:
    done = subprocess.run([sys.executable, "-m", "pip", "cache", "dir"], capture_output=True,
                          text=True)
    return done.stdout.strip() or None if done.returncode == 0 else None


def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


def _step(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=STEP_TIMEOUT, **kw)
    assert done.returncode == 0, (f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n"
                                  f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def clean_copy(dest: Path) -> Path:
    """The checkout's files as a fresh clone has them (tracked and new, not ignored)."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], capture_output=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot tell the repository's files from the rest")
    for name in filter(None, listed.stdout.decode().split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def build_env(pip_cache: str | None) -> dict:
    """The environment of the build and of pip: ours, with pip's cache made explicit."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pip_cache:
        env["PIP_CACHE_DIR"] = pip_cache
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@dataclass
class Installed:
    venv: Path
    home: Path
    work: Path
    offline: bool
    bin: Path | None = None  # where `teikit` is, when not venv/bin (pipx)

    @property
    def teikit(self) -> Path:
        return (self.bin or self.venv / "bin") / "teikit"

    def env(self) -> dict:
        """A user's environment: an empty HOME, teikit on PATH, nothing of ours."""
        return {"HOME": str(self.home), "PATH": f"{self.teikit.parent}:/usr/bin:/bin",
                "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1"}

    def run(self, *args: str, offline: bool = True, timeout: int = 300, cwd: Path | None = None
            ) -> subprocess.CompletedProcess:
        """``teikit ARGS`` from the work folder or CWD (without network when ``offline``)."""
        cmd = [str(self.teikit), *args]
        if offline and self.offline:
            cmd = ["unshare", "-rn", *cmd]
        return subprocess.run(cmd, cwd=cwd or self.work, env=self.env(), capture_output=True,
                              text=True, timeout=timeout)

    def python(self, code: str) -> subprocess.CompletedProcess:
        cmd = [str(self.venv / "bin" / "python"), "-c", code]
        return subprocess.run(cmd, cwd=self.work, env=self.env(), capture_output=True,
                              text=True, timeout=120)


@pytest.fixture(scope="session")
def clone(tmp_path_factory) -> Path:
    """A clean copy of the checkout, outside it (builds write into their source tree)."""
    return clean_copy(tmp_path_factory.mktemp("clone"))


@pytest.fixture(scope="session")
def dists(clone, tmp_path_factory) -> Path:
    """The sdist and the wheel built from it (``python -m build``) of a clean copy."""
    out = tmp_path_factory.mktemp("dist")
    _step([sys.executable, "-m", "build", "--outdir", str(out), str(clone)],
          env=build_env(_pip_cache()), cwd=out)
    return out


@pytest.fixture(scope="session")
def installed(dists, tmp_path_factory) -> Installed:
    """The wheel installed into a fresh virtualenv; HOME and the work folder empty."""
    base = tmp_path_factory.mktemp("installed")
    venv, home, work = base / "venv", base / "home", base / "work"
    home.mkdir()
    work.mkdir()
    assert not work.is_relative_to(ROOT)
    _step([sys.executable, "-m", "venv", str(venv)])  # on the base interpreter, not ours
    wheel = next(dists.glob("teikit-*.whl"))
    _step([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
          env=build_env(_pip_cache()), cwd=base)
    return Installed(venv, home, work, _can_unshare())


@pytest.fixture(scope="session")
def pipx_installed(clone, tmp_path_factory) -> Installed:
    """``pipx install`` of the clone, as the README says, with an empty HOME."""
    base = tmp_path_factory.mktemp("pipx")
    home, work, pipx_home, bin_dir = (base / n for n in ("home", "work", "pipx", "bin"))
    for d in (home, work):
        d.mkdir()
    env = build_env(_pip_cache())
    env.update(HOME=str(home), PIPX_HOME=str(pipx_home), PIPX_BIN_DIR=str(bin_dir),
               PIPX_MAN_DIR=str(base / "man"))
    _step([sys.executable, "-m", "pipx", "install", str(clone)], env=env, cwd=clone)
    return Installed(pipx_home / "venvs" / "teikit", home, work, _can_unshare(), bin_dir)
