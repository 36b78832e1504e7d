"""Checks of a rendered PDF: its text (pdftotext), its footnotes (WeasyPrint's layout),
its fonts (embedded programs and the glyphs used)."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Words (Unicode \\w+ runs) of NFC-normalised, case-folded text."""
    return WORD.findall(unicodedata.normalize("NFC", text).casefold())


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run([*cmd, str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pdf_words(text: str) -> set[str]:
    """Words of extracted PDF text, with words hyphenated at line ends joined again
    (and kept split too, since a line-final hyphen may be a real one)."""
    split = set(WORD.findall(text))
    joined = set(WORD.findall(re.sub(r"[-\u2010\u00ad]\s*\n\s*", "", text)))
    return split | joined


def footnote_pages(doc) -> list[tuple[str, int, int]]:
    """(label, page of the call, page of the note body) for every footnote of a laid-out
    ``weasyprint.Document`` (read from WeasyPrint's page boxes)."""
    from toolkit.render.pdf import footnote_placements

    return [(el.get("data-label"), call, body) for el, call, body in footnote_placements(doc)]


def font_report(pdf: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    """(fonts not embedded, (font, character) pairs drawn with a missing glyph).

    A glyph is missing when the font's ToUnicode maps a character to glyph 0 (.notdef)
    or to a glyph id the embedded font program does not have."""
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    not_embedded: list[str] = []
    missing: list[tuple[str, str]] = []
    seen: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            name = str(font.get("/BaseFont"))
            if name in seen:
                continue
            seen.add(name)
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font)
            descriptor = desc.get("/FontDescriptor")
            program = None
            if descriptor is not None:
                d = descriptor.get_object()
                program = d.get("/FontFile2") or d.get("/FontFile3") or d.get("/FontFile")
            if program is None:
                not_embedded.append(name)
                continue
            glyphs = TTFont(io.BytesIO(program.get_object().get_data()))["maxp"].numGlyphs
            cmap = font.get("/ToUnicode")
            data = cmap.get_object().get_data().decode("latin-1") if cmap else ""
            for section in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
                for gid, uni in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", section):
                    if int(gid, 16) == 0 or int(gid, 16) >= glyphs:
                        char = bytes.fromhex(uni).decode("utf-16-be", "replace")
                        missing.append((name, char))
    return not_embedded, missing
