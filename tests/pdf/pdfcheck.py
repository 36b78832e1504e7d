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


def laid_out_lines(pdf: Path) -> list[tuple[int, float, float, float, str, float]]:
    """Every line of the PDF as pdftotext lays it out: (page, left, right, bottom, text,
    height), from ``pdftotext -bbox-layout``, in reading order within each page."""
    from lxml import etree

    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, check=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, resolve_entities=False,
                                                 no_network=True))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    lines = []
    for number, page in enumerate(root.iterfind(".//x:page", ns), start=1):
        for line in page.iterfind(".//x:line", ns):
            text = " ".join(w.text or "" for w in line.iterfind("x:word", ns))
            lines.append((number, float(line.get("xMin")), float(line.get("xMax")),
                          float(line.get("yMax")), text,
                          float(line.get("yMax")) - float(line.get("yMin"))))
    return lines


def stranded_lines(pdf: Path, tolerance: float = 1.5) -> list[tuple[int, str]]:
    """Lines of justified text broken too early: a line that stops short of the column's
    right edge although the line after it, at the same left edge and the same line pitch,
    reaches that edge (so the paragraph goes on, and a justified line should be full).
    The column's right edge is the furthest right any line with that left edge reaches.
    Only lines of the body text's size are looked at (footnotes, set smaller and ragged,
    follow one another with no gap between notes)."""
    from collections import Counter

    lines = laid_out_lines(pdf)
    body = Counter(round(ln[5], 1) for ln in lines).most_common(1)[0][0]
    lines = [ln for ln in lines if abs(ln[5] - body) < 0.5]
    right: dict[tuple[int, float], float] = {}
    for page, left, r, *_ in lines:
        key = (page, round(left))
        right[key] = max(right.get(key, 0.0), r)
    found = []
    for k in range(1, len(lines) - 1):
        before, line, after = lines[k - 1], lines[k], lines[k + 1]
        page, left, r, y, text, _h = line
        edge = right[(page, round(left))]
        same_column = all(p == page and abs(lf - left) < tolerance for p, lf, *_ in (before, after))
        pitch = y - before[3], after[3] - y
        if not same_column or abs(pitch[0] - pitch[1]) > tolerance or pitch[0] <= 0:
            continue
        if (before[2] > edge - tolerance and after[2] > edge - tolerance
                and r < edge - 3 * tolerance):
            found.append((page, text))
    return found


def uneven_line_pitches(pdf: Path, pages: range, tolerance: float = 0.2) -> list[tuple]:
    """Pairs of consecutive lines of one column (same left edge, same page) whose distance
    is near the usual line pitch but not equal to it: a line made taller by a raised mark,
    a note call or a glyph from another font. Distances far from the usual pitch (a gap
    between paragraphs, footnotes in a smaller size) are not line pitches and are skipped."""
    from collections import Counter

    lines = [ln for ln in laid_out_lines(pdf) if ln[0] in pages]
    pairs = [(a, b, round(b[3] - a[3], 1)) for a, b in zip(lines, lines[1:], strict=False)
             if a[0] == b[0] and abs(a[1] - b[1]) < 1.5 and b[3] > a[3]]
    usual = Counter(p for *_, p in pairs).most_common(1)[0][0]
    return [(a[0], p, a[4][:50], b[4][:50]) for a, b, p in pairs
            if 0.9 * usual < p < 1.2 * usual and abs(p - usual) > tolerance]
