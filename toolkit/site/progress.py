"""A progress bar for long builds (rich), shown only when standard error is a terminal."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from typing import Any


class BuildProgress(AbstractContextManager):
    """``plan(to_build, skipped)`` then ``advance(label)`` per document; silent when
    disabled, when stderr is not a terminal, or when rich is not installed.

    The bar is redrawn only between documents (no refresh thread): a document built in
    this process has Saxon's standard error captured, and must not capture the bar.
    """

    def __init__(self, enabled: bool = True):
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            try:
                from rich.console import Console
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    Progress,
                    TextColumn,
                    TimeElapsedColumn,
                )
            except ImportError:
                self.enabled = False
                return self
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(),
                                 TextColumn("{task.fields[doc]}"),
                                 console=Console(stderr=True), transient=True,
                                 auto_refresh=False)
            self._bar.__enter__()
        return self

    def plan(self, to_build: int, skipped: int) -> None:
        if self._bar is not None and to_build:
            self._task = self._bar.add_task(f"building ({skipped} unchanged)",
                                            total=to_build, doc="")
            self._bar.refresh()

    def advance(self, label: str) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, doc=label)
            self._bar.refresh()

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return None
