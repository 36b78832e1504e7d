"""Metadata formats of the data provider and the per-record facts taken from a TEI file.

Each format is made from the TEI header by an XSLT crosswalk (``xslt/dc.xsl``,
``xslt/mods.xsl``, ``xslt/oai/teiheader.xsl``), compiled once per process by
:mod:`toolkit.saxon`. Only the header (and the attributes of ``TEI`` and ``text``) is
handed to Saxon, so a large novel costs no more than a letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from ... import saxon as xslt
from ...edition.resources import stylesheet
from ...errors import Issue, TeikitError
from ...xmlio import TEI_NS, XML_NS, serialize

T = f"{{{TEI_NS}}}"


@dataclass(frozen=True)
class Format:
    prefix: str
    stylesheet: str
    schema: str
    namespace: str


FORMATS: dict[str, Format] = {f.prefix: f for f in (
    Format("oai_dc", "dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
           "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    Format("mods", "mods", "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd",
           "http://www.loc.gov/mods/v3"),
    Format("tei", "oai/teiheader",
           "https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd", TEI_NS),
)}

_SPEC_CHARS = re.compile(r"[^A-Za-z0-9\-_.!~*'()]")


def header_document(tree: etree._ElementTree) -> bytes:
    """The TEI root's attributes, its teiHeader and an empty ``text`` keeping its attributes."""
    root = tree.getroot()
    shell = etree.Element(root.tag, dict(root.attrib), nsmap={None: TEI_NS})
    header = root.find(f"{T}teiHeader")
    if header is not None:
        shell.append(_copy(header))
    text = root.find(f"{T}text")
    if text is not None:
        etree.SubElement(shell, f"{T}text", dict(text.attrib))
    return serialize(shell)


def _copy(el: etree._Element) -> etree._Element:
    from copy import deepcopy

    c = deepcopy(el)
    c.tail = None
    return c


def crosswalk(doc: bytes, identifier: str, file: str = "-") -> tuple[dict[str, str], list]:
    """Every metadata format of one document as XML text, and the formats' failures.

    A format whose crosswalk fails (e.g. a file with no teiHeader) is left out and
    reported as an issue; the record then offers only the formats that worked.
    """
    out: dict[str, str] = {}
    problems = []
    for f in FORMATS.values():
        try:
            params = {"identifier": identifier, "idprefix": id_prefix(identifier)}
            out[f.prefix] = xslt.transform(stylesheet(f.stylesheet), doc, file=file,
                                           params=params).text.strip()
        except TeikitError as exc:
            problems.append(Issue(file, 1, 1, "warning",
                                  f"no {f.prefix} metadata: {exc.message}", exc.code))
    return out, problems


def id_prefix(identifier: str) -> str:
    """The prefix given to the xml:ids of a record's teiHeader: its local id + "." (an NCName)."""
    local = identifier.rsplit(":", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9_.\-]", "_", local)
    return ("_" + name if not re.match(r"[A-Za-z_]", name) else name) + "."


def spec_part(value: str) -> str:
    """A string made safe as one part of a setSpec."""
    return _SPEC_CHARS.sub("-", value.strip()) or "-"


def languages(tree: etree._ElementTree) -> list[str]:
    """Declared languages (langUsage/language/@ident), else xml:lang of text or TEI."""
    root = tree.getroot()
    found = [x.strip() for x in root.xpath(
        "tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident",
        namespaces={"tei": TEI_NS}) if x.strip()]
    if not found:
        text = root.find(f"{T}text")
        for el in (text, root):
            lang = el.get(f"{{{XML_NS}}}lang") if el is not None else None
            if lang and lang.strip():
                found = [lang.strip()]
                break
    return list(dict.fromkeys(found))


def sets_of(tree: etree._ElementTree, relpath: PurePosixPath) -> list[str]:
    """The record's setSpecs, with every ancestor: collection:<folder>[:<sub>], lang:<code>."""
    specs: list[str] = []
    folders = [spec_part(p) for p in relpath.parts[:-1]]
    if folders:
        specs.append("collection")
        for i in range(1, len(folders) + 1):
            specs.append(":".join(["collection", *folders[:i]]))
    langs = languages(tree)
    if langs:
        specs.append("lang")
        specs.extend(f"lang:{spec_part(code)}" for code in langs)
    return list(dict.fromkeys(specs))


def set_name(spec: str) -> str:
    """A human-readable name for a setSpec."""
    head, _, rest = spec.partition(":")
    if not rest:
        return {"collection": "Collections (by folder)", "lang": "Languages"}.get(head, head)
    kind = {"collection": "Collection", "lang": "Language"}.get(head, head)
    return f"{kind}: {rest.replace(':', '/')}"
