"""One exception root for the toolkit; every error carries a location.

An :class:`Issue` is a located message (validation problem, parse error, transform
error). :class:`TeikitError` is the root of every exception the library raises; the
CLI turns it into ``FILE:LINE:COLUMN: message`` and a fixed exit code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Fixed exit-code meanings, shared by every command (documented in the README).
EXIT_OK = 0  #: success; every document valid / every output written
EXIT_INVALID = 1  #: a document is invalid, not well-formed, or could not be processed
EXIT_USAGE = 2  #: bad options or arguments, unreadable or missing paths
EXIT_RESOURCE = 3  #: a required resource (schema, font, external tool) is missing


@dataclass(frozen=True, order=True)
class Issue:
    """A located message. Sorting orders by file, then position."""

    file: str
    line: int = 0
    column: int = 0
    severity: str = "error"  # "error" | "warning" | "info"
    message: str = ""
    rule: str | None = None
    path: str | None = field(default=None, compare=False)  # XPath of the node, when known
    source: str | None = field(default=None, compare=False)  # "relaxng" | "schematron" | ...

    def format(self) -> str:
        loc = f"{self.file}:{self.line}:{self.column}"
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{loc}: {self.severity}: {self.message}{rule}"

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


class TeikitError(Exception):
    """Root of every toolkit exception; located when the location is known."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, file: str | None = None, line: int = 0,
                 column: int = 0, path: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.code = code

    def __str__(self) -> str:
        if self.file:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return self.message

    def as_issue(self) -> Issue:
        return Issue(self.file or "-", self.line, self.column, "error", self.message, self.code)


class NotWellFormed(TeikitError):
    """The input is not well-formed XML (or is refused by the secure parser)."""


class UnsafeXML(NotWellFormed):
    """The input was refused for safety: entity bombs, external entities, excess depth."""


class InputError(TeikitError):
    """A path cannot be read (missing, a directory where a file was wanted, no permission)."""

    exit_code = EXIT_USAGE


class ResourceMissing(TeikitError):
    """A resource the toolkit needs is not installed (schema file, external tool)."""

    exit_code = EXIT_RESOURCE


class TransformError(TeikitError):
    """An XSLT transformation failed; ``code`` holds the stylesheet's error code (tk:E…)."""


class SchemaError(TeikitError):
    """A schema cannot be loaded or compiled."""

    exit_code = EXIT_RESOURCE
