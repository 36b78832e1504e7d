"""Documented resource limits for untrusted input (see README, "Safety").

Every document goes through :mod:`toolkit.xmlio`, which enforces these limits before
or while parsing, so memory and time stay bounded whatever the input:

``MAX_FILE_BYTES``
    The largest document read, 64 MiB by default (the largest document of the test
    corpus is about 2 MB). The size is checked before the file is read, and reads are
    bounded, so a huge file, ``/dev/zero`` or an endless pipe is refused without
    loading it. The files a document XIncludes (directly or through an included file)
    are held to it too, before anything is included. Override with the
    environment variable ``TEIKIT_MAX_BYTES`` (bytes).
``MAX_DEPTH``
    The deepest element nesting accepted: 2048 levels, libxml2's hard limit with
    ``XML_PARSE_HUGE`` (without it libxml2 refuses anything deeper than 256, which
    real documents can reach). The test corpus never goes past 20.
Entity expansion
    Only internal-subset entities are expanded, and libxml2's amplification limit
    refuses "billion laughs" and quadratic-blowup documents.
"""

from __future__ import annotations

import os

DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 2048  # libxml2's limit with XML_PARSE_HUGE; not configurable through lxml
ENV_MAX_BYTES = "TEIKIT_MAX_BYTES"


def max_file_bytes() -> int:
    """The size limit in bytes: ``$TEIKIT_MAX_BYTES`` when set to a positive integer."""
    value = os.environ.get(ENV_MAX_BYTES, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return DEFAULT_MAX_FILE_BYTES


def human(n: int) -> str:
    """A byte count for messages: ``64 MiB``, ``1.5 KiB``, ``12 bytes``."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            text = f"{n / size:.1f}".removesuffix(".0")
            return f"{text} {unit}"
    return f"{n} bytes"


# Saxon parses the serialised document again with the JDK's parser, whose
# jdk.xml.maxElementDepth is 100 in saxonche: deeper documents fail to render
# (SXXP0003 "exceeds the limit 100"). This Saxon parser property lifts it to MAX_DEPTH.
SAXON_DEPTH_PROPERTY = ("http://saxon.sf.net/feature/parserProperty?uri="
                        "http://www.oracle.com/xml/jaxp/properties/maxElementDepth")


def configure_saxon(processor) -> None:
    """Give a PySaxonProcessor the same depth limit as the secure parser."""
    processor.set_configuration_property(SAXON_DEPTH_PROPERTY, str(MAX_DEPTH))
