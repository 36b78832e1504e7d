"""A small generator of hostile inputs, written at test time (never committed).

Each function returns the bytes of one hostile document, or streams a big one to a
path, so no big file ever lives in the repository.
"""

from __future__ import annotations

from pathlib import Path

TEI_NS = "http://www.tei-c.org/ns/1.0"
HEADER = ("<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt>"
          "<publicationStmt><p>test</p></publicationStmt>"
          "<sourceDesc><p>generated</p></sourceDesc></fileDesc></teiHeader>")


def tei(body: str, doctype: str = "") -> bytes:
    """A minimal TEI document around ``body`` (the content of ``<body>``)."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
            f'<TEI xmlns="{TEI_NS}">{HEADER}<text><body>{body}</body></text></TEI>\n'
            ).encode()


def billion_laughs(levels: int = 10) -> bytes:
    lines = ['<!ENTITY l0 "lol">']
    for i in range(1, levels):
        lines.append(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">')
    return tei(f"<p>&l{levels - 1};</p>", "<!DOCTYPE TEI [\n" + "\n".join(lines) + "\n]>\n")


def quadratic_blowup(entity_bytes: int = 100_000, refs: int = 10_000) -> bytes:
    """One 100 KB entity referenced 10,000 times: 1 GB if expanded."""
    doctype = f'<!DOCTYPE TEI [<!ENTITY big "{"a" * entity_bytes}">]>\n'
    return tei("<p>" + "&big;" * refs + "</p>", doctype)


def external_entity(url: str) -> bytes:
    """Classic XXE: a general entity whose replacement text is an external resource."""
    return tei("<p>before &xxe; after</p>", f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{url}">]>\n')


def parameter_entity(url: str) -> bytes:
    """A parameter entity referenced in the internal subset (loads ``url`` as DTD text)."""
    return tei("<p>parameter entity</p>",
               f'<!DOCTYPE TEI [<!ENTITY % pe SYSTEM "{url}"> %pe;]>\n')


def external_dtd(url: str) -> bytes:
    """An external DTD subset (and an entity it would define)."""
    return tei("<p>external subset</p>", f'<!DOCTYPE TEI SYSTEM "{url}">\n')


def deep(levels: int, word: str = "deepword") -> bytes:
    """TEI whose body nests ``levels`` ``<div>`` elements (total depth = levels + 4)."""
    return tei("<div>" * levels + f"<p>{word}</p>" + "</div>" * levels)


def invalid_utf8() -> bytes:
    return tei("<p>good text</p>\n<p>bad \xff\xfe bytes</p>").replace(
        "\xff\xfe".encode(), b"\xff\xfe")


def utf16_with_bom(words: str = "Пекин Мао Zedong telegram") -> bytes:
    text = tei(f"<p>{words}</p>").decode("utf-8")
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return text.encode("utf-16")  # Python writes the BOM


def xhtml() -> bytes:
    return (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            b"<head><title>page</title></head><body><p>not tei</p></body></html>\n")


def rss() -> bytes:
    return (b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>feed</title>'
            b"<item><title>news</title></item></channel></rss>\n")


def binary(size: int = 4096) -> bytes:
    """Deterministic non-text bytes (a PNG signature, NULs, high bytes)."""
    body = bytes((i * 131 + 7) % 256 for i in range(size))
    return b"\x89PNG\r\n\x1a\n\x00\x00" + body


def big_tei(path: Path, size: int, chunk_words: int = 2000) -> int:
    """Stream a well-formed TEI document of at least ``size`` bytes to ``path``."""
    head, tail = tei("@@").split(b"@@")
    para = ("<p>" + " ".join(f"word{i}" for i in range(chunk_words)) + "</p>\n").encode()
    written = 0
    with open(path, "wb") as fh:
        fh.write(head)
        written += len(head)
        while written < size:
            fh.write(para)
            written += len(para)
        fh.write(tail)
        written += len(tail)
    return written
