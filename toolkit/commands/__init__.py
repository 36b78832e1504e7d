"""The teikit subcommands, one module each; COMMANDS lists them for the CLI group."""

from .build import build
from .cite import cite
from .common import TeikitClickError  # noqa: F401
from .index import index
from .odd import odd
from .render import render
from .schemas import schemas
from .serve import serve
from .validate import validate

COMMANDS = [build, index, serve, render, schemas, odd, validate, cite]
