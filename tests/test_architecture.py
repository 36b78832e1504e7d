"""The package's floors: no module imports a room above its own floor.

Ground floor: errors, limits, xmlio, saxon (and the package root). Then validate/ and
render/ (each may use the ground floor and edition/), site/ and serve/ (may use validate/
and render/), and commands/, lsp/, cli on top. A room may always import itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "toolkit"

#: Floor of each room (first component below ``toolkit``); higher floors may import lower.
FLOORS = {
    "": 0, "errors": 0, "limits": 0, "xmlio": 0, "saxon": 0, "assets": 0,
    "edition": 1,
    "validate": 2, "render": 2,
    "site": 3, "serve": 3,
    "commands": 4, "lsp": 4, "cli": 4,
}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, mod: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in PATH (module MOD), function-level too."""
    mod = mod or _module_name(path)
    package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("toolkit")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("toolkit"):
                continue
            if node.module is None or target == "toolkit":
                # `from . import x` / `from toolkit import x`: x may be a room of its own
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


MODULES = sorted(PKG.rglob("*.py"))


def test_every_room_has_a_floor():
    rooms = {_room(_module_name(p)) for p in MODULES}
    assert rooms <= FLOORS.keys(), f"rooms without a floor: {sorted(rooms - FLOORS.keys())}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_no_import_from_a_higher_floor(path):
    here = _room(_module_name(path))
    bad = []
    for line, target in _imports(path):
        there = _room(target)
        if there == here or there not in FLOORS:
            continue  # the room itself, or a name of the package root (e.g. __version__)
        if FLOORS[there] > FLOORS[here]:
            bad.append(f"{path.relative_to(PKG)}:{line}: {here or 'toolkit'} "
                       f"(floor {FLOORS[here]}) imports {target} (floor {FLOORS[there]})")
    assert not bad, "\n".join(bad)


def test_the_check_sees_a_violation(tmp_path):
    """The checker itself: relative and absolute imports of a higher room are found."""
    probe = tmp_path / "probe.py"
    probe.write_text("from ..site import batch\nfrom toolkit import commands\n"
                     "def f():\n    from ..render import html\n", encoding="utf-8")
    targets = [t for _, t in _imports(probe, "toolkit.validate.probe")]
    assert targets == ["toolkit.site", "toolkit.commands", "toolkit.render"]
