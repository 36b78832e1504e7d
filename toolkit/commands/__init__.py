"""The teikit subcommands, one module each.

Commands are imported only when used (``teikit render`` never imports the OAI server or
the Dask executor), which keeps start-up short: the CLI group asks :func:`load`.
"""

from __future__ import annotations

import importlib

from .common import TeikitClickError  # noqa: F401

#: command name -> module in this package defining a click command of that name
COMMAND_MODULES: dict[str, str] = {
    "build": "build", "cite": "cite", "index": "index", "lsp": "lsp", "new": "new",
    "odd": "odd", "render": "render", "schemas": "schemas", "serve": "serve",
    "validate": "validate",
}


def load(name: str):
    """The click command ``name`` (None if there is no such command)."""
    module = COMMAND_MODULES.get(name)
    if module is None:
        return None
    return getattr(importlib.import_module(f".{module}", __name__), name)
