"""Validation of OAI-PMH responses against the official XSDs in ../shared, offline.

The schemas' web addresses are mapped to the local files; xmlschema is told to load
local files only. ``<metadata>`` is validated strictly: oai_dc by its real schema, the
mods and tei payloads by envelope schemas declaring only their root (see schemas/).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import xmlschema

from tests.conftest import SHARED
from toolkit.xmlio import parse_bytes

OAI_XSD = SHARED / "schemas" / "oai-pmh"
HERE = Path(__file__).parent / "schemas"
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def oai_schema() -> xmlschema.XMLSchema:
    locations = {
        "http://www.openarchives.org/OAI/2.0/oai_dc/": str(OAI_XSD / "oai_dc.xsd"),
        "http://purl.org/dc/elements/1.1/": str(OAI_XSD / "simpledc20021212.xsd"),
        "http://www.w3.org/XML/1998/namespace": str(OAI_XSD / "xml.xsd"),
        "http://www.openarchives.org/OAI/2.0/oai-identifier": str(OAI_XSD / "oai-identifier.xsd"),
        "http://www.loc.gov/mods/v3": str(HERE / "mods-envelope.xsd"),
        "http://www.tei-c.org/ns/1.0": str(HERE / "teiheader-envelope.xsd"),
    }
    return xmlschema.XMLSchema(str(OAI_XSD / "OAI-PMH.xsd"), locations=locations,
                               allow="local")


def errors(body: bytes) -> list[str]:
    """Every schema error of one response (an empty list when it is valid)."""
    root = parse_bytes(body, file="response").getroot()
    with _LOCK:
        return [str(e).splitlines()[0] + f" at {e.path}" for e in
                oai_schema().iter_errors(root)]
