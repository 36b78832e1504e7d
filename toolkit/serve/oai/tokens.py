"""Resumption tokens: the query, the last key seen and an expiry, signed with HMAC-SHA256.

A token is ``<base64url(json)>.<base64url(mac)>``. Nothing is kept on the server, so
tokens survive restarts (the secret is stored in the index database) and paging is
stable under concurrent updates: the next page starts after the last
(datestamp, identifier) key, and a record changed meanwhile moves to the end.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time


class BadToken(ValueError):
    """The token is malformed, tampered with or expired."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, body: str) -> str:
    return _b64(hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()[:18])


def encode(state: dict, secret: bytes) -> str:
    """Sign ``state`` (JSON-serialisable; should hold an ``exp`` epoch second)."""
    body = _b64(json.dumps(state, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return f"{body}.{_mac(secret, body)}"


def decode(token: str, secret: bytes, now: float | None = None) -> dict:
    """The state of a genuine, unexpired token; :class:`BadToken` otherwise."""
    body, dot, mac = token.partition(".")
    if not dot or not body or not mac:
        raise BadToken("malformed resumption token")
    try:
        body.encode("ascii")
        ok = hmac.compare_digest(_mac(secret, body), mac)
    except UnicodeEncodeError:
        ok = False
    if not ok:
        raise BadToken("the resumption token is not genuine (signature mismatch)")
    try:
        state = json.loads(_unb64(body))
    except ValueError:
        raise BadToken("malformed resumption token") from None
    if not isinstance(state, dict):
        raise BadToken("malformed resumption token")
    if (now if now is not None else time.time()) > state.get("exp", 0):
        raise BadToken("the resumption token has expired")
    return state
