"""Words in order: the reading text and the HTML reading view against the TEI text.

The source side is what a reader of the reading text should meet, in order: the words of
every outermost ``<text>``, with

- a word boundary at the edge of every element that is not inline (the inline elements are
  those of ../shared/tools/glued_words.py), and none at a word-internal break
  (``@break="no"``, ``type="inWord"``);
- of a ``choice``, the branch the reading text shows (corr, reg, expan; else the first);
- of an ``app``, its lemma only (the readings are in the apparatus; a located app,
  ``@loc``/``@from``/``@to`` or in a ``listApp``, not at all), ``witDetail`` left out;
- notes left out (they move to the footnotes), as are the elements the behaviour table
  keeps out of the reading text (``omit``, ``metadata``: read from xslt/common/behaviours.xsl)
  and the ``teiHeader``/``standOff``;
- a TEI example (``egXML``) as the XML it shows;
- the ISO dates of register entries (``<birth><date>1866-07-11</date>``) as the outputs
  write them ("11 July 1866").

:func:`out_of_order` matches these words, in order, against the output's: an output word
may be a source word, or several output words may make one source word (a word split by
editorial marks, ``ἐκε[ῖ]``); other output words (headings, note numbers, the apparatus,
labels) are passed over. Combining underdots (Leiden) are ignored on both sides.
"""

from __future__ import annotations

import bisect
import datetime
import re
import sys
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from toolkit.edition.resources import xslt_dir
from toolkit.xmlio import TEI_NS

T = f"{{{TEI_NS}}}"
WORD = re.compile(r"\w+")
SHARED_TOOLS = Path(__file__).resolve().parents[2].parent / "shared" / "tools"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ISO = re.compile(r"^-?\d{4}(-\d\d(-\d\d)?)?(/-?\d{4}(-\d\d(-\d\d)?)?)?$")
ENTRIES = {"person", "place", "org", "event", "persona", "personGrp", "nym", "object"}
SKIPPED = {"note", "witDetail", "rdg", "rdgGrp", "teiHeader", "standOff", "facsimile",
           "sourceDoc"}


def glued_words():
    """../shared/tools/glued_words.py, imported where it is (None when absent)."""
    if not (SHARED_TOOLS / "glued_words.py").is_file():
        return None
    if str(SHARED_TOOLS) not in sys.path:
        sys.path.insert(0, str(SHARED_TOOLS))
    import glued_words as G  # noqa: PLC0415

    return G


@cache
def kept_out() -> frozenset[str]:
    """Local names the behaviour table keeps out of the reading text (omit, metadata)."""
    xsl = etree.parse(str(xslt_dir() / "common" / "behaviours.xsl"))
    names: set[str] = set()
    first: dict[str, str] = {}
    for row in xsl.iter("{urn:teikit:ns}row"):
        for n in row.get("elements").split():
            first.setdefault(n, row.get("behaviour"))
    names = {n for n, b in first.items() if b in ("omit", "metadata")}
    return frozenset(names)


def normalise(text: str) -> list[str]:
    """Words, case-folded, without combining underdots."""
    t = unicodedata.normalize("NFD", text).replace("\u0323", "")
    return WORD.findall(unicodedata.normalize("NFC", t).casefold())


def iso_words(value: str) -> str:
    """An ISO date (or range) as the outputs write it (common/registers.xsl
    tk:iso-date-label): "11 July 1866", "July 1866", "1866", "40 BC"; else as it is."""
    def one(v: str) -> str:
        m = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", v)
        if m:
            y, mo, d = int(m[1]), int(m[2]), m[3]
            try:
                if d is not None:
                    datetime.date(y, mo, int(d))
                    return f"{int(d)} {MONTHS[mo - 1]} {y}"
                if 1 <= mo <= 12:
                    return f"{MONTHS[mo - 1]} {y}"
            except ValueError:
                pass
            return v
        if re.fullmatch(r"-\d{4}", v):
            return f"{-int(v)} BC"
        if re.fullmatch(r"\d{4}", v):
            return str(int(v))
        return v
    return "–".join(one(v) for v in value.split("/"))


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _choice_shown(choice):
    kids = [c for c in choice if isinstance(c.tag, str)]
    for names in (("corr",), ("reg",), ("expan",)):
        for c in kids:
            if _local(c) in names:
                return c
    return kids[0] if kids else None


def _app_lemma(app):
    if app.get("loc") or app.get("from") or app.get("to") or any(
            _local(a) == "listApp" for a in app.iterancestors()):
        return None
    kids = [c for c in app if isinstance(c.tag, str)]
    for c in kids:
        if _local(c) == "lem":
            return c
    for c in kids:
        if _local(c) == "rdgGrp":
            for g in c:
                if _local(g) in ("lem", "rdg"):
                    return g
    for c in kids:
        if _local(c) == "rdg":
            return c
    return None


def _in_entry(el) -> bool:
    return any(_local(a) in ENTRIES for a in el.iterancestors())


def register_dates_in_words(root: etree._Element) -> etree._Element:
    """A copy of the document whose register entries' ISO dates read as the outputs write
    them (``<birth><date>1866-07-11</date>`` → "11 July 1866"): for the word checks."""
    copy = etree.fromstring(etree.tostring(root))
    for el in copy.iter(f"{T}date", f"{T}birth", f"{T}death", f"{T}floruit"):
        text = (el.text or "").strip()
        if not len(el) and ISO.match(text) and _in_entry(el):
            el.text = iso_words(text)
    return copy


def source_words(tree: etree._ElementTree) -> list[str]:
    """The words of the reading text, in order (see the module's rules)."""
    G = glued_words()
    inline = set(G.INLINE) if G else set()
    out: list[str] = []
    skip = kept_out() | SKIPPED

    def breaks_word(el) -> bool:
        return _local(el) in ("lb", "pb", "cb") and (
            el.get("break") in ("no", "false") or el.get("type") == "inWord")

    def walk(el):
        name = _local(el)
        if not name:  # comment, PI
            out.append(el.tail or "")
            return
        if etree.QName(el).namespace == TEI_NS and name in skip and name != "rdg":
            out.append(" " if name != "note" else "")
            out.append(el.tail or "")
            return
        if breaks_word(el):  # the word goes on: no space on either side of the break
            while out and not out[-1].strip():
                out.pop()
            if out:
                out[-1] = out[-1].rstrip()
            out.append((el.tail or "").lstrip())
            return
        if name == "egXML":  # a TEI example: shown as the XML it is
            xml = (el.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in el)
            out.append(" " + re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", xml) + " ")
            out.append(el.tail or "")
            return
        sep = "" if name in inline else " "
        out.append(sep)
        if name == "choice":
            shown = _choice_shown(el)
            if shown is not None:
                walk_children(shown)
        elif name == "app":
            lemma = _app_lemma(el)
            if lemma is not None:
                walk_children(lemma)
        elif name in ("date", "birth", "death", "floruit") and not len(el) and \
                ISO.match((el.text or "").strip()) and _in_entry(el):
            out.append(" " + iso_words((el.text or "").strip()) + " ")
        else:
            walk_children(el)
        out.append(sep)
        out.append(el.tail or "")

    def walk_children(el):
        out.append(el.text or "")
        for child in el:
            walk(child)

    root = tree.getroot()
    for text in root.iter(f"{T}text"):
        if any(_local(a) == "text" for a in text.iterancestors()):
            continue
        out.append(" ")
        walk_children(text)
        out.append(" ")
    return normalise("".join(out))


def html_reading_view(page: str) -> str:
    """The reading view of an HTML page as HTML: <main> without the diplomatic branches,
    hidden parts, note and apparatus markers, footnotes and apparatus lists; parallel texts
    one side after the other."""
    doc = lhtml.fromstring(page)
    main = doc.find(".//main")
    drop = ("dipl", "tk-tipdata", "tk-footnotes", "tk-apparatus", "tk-noteref", "tk-appref",
            "tk-standoff")
    for el in main.xpath(".//*[@hidden] | .//script | .//style"):
        el.drop_tree()
    for a in main.xpath(".//a[contains(@class, 'tk-authority')]"):
        a.text = (a.text or "") + " " + a.get("href", "")  # the address the TEI gives
    for cls in drop:
        has = f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"
        for el in main.xpath(f".//*[{has}]"):
            el.drop_tree()
    for par in main.xpath(".//*[contains(concat(' ', @class, ' '), ' tk-parallel ')]"):
        rows = par.xpath("./div[contains(concat(' ', @class, ' '), ' tk-row ')]")
        sides: dict[str, list] = defaultdict(list)
        for cell in par.xpath(".//div[contains(concat(' ', @class, ' '), ' tk-cell ')]"):
            if cell.getparent() in rows or cell.xpath("ancestor::div[contains(@class, 'tk-pair')]"):
                side = "1" if "tk-side-1" in cell.get("class", "") else "2"
                sides[side].append(cell)
        if not rows:
            continue
        anchor = rows[0]
        for side in ("1", "2"):
            box = etree.Element("div")
            for cell in sides[side]:
                cell.getparent().remove(cell)
                box.append(cell)
            anchor.addprevious(box)
        for row in par.xpath(".//div[contains(concat(' ', @class, ' '), ' tk-row ')]"
                             " | .//div[contains(concat(' ', @class, ' '), ' tk-pair ')]"):
            if not row.xpath(".//div[contains(@class, 'tk-cell')]"):
                row.drop_tree()
    return lhtml.tostring(main, encoding="unicode")


def html_words(page: str) -> list[str]:
    """Output words of an HTML page's reading view, laid out as a browser lays text out."""
    G = glued_words()
    view = unicodedata.normalize("NFD", html_reading_view(page)).replace("\u0323", "")
    view = unicodedata.normalize("NFC", view)
    tokens = G.page_tokens(view) if G else WORD.findall(lhtml.fromstring(view).text_content())
    return normalise(" ".join(tokens))


def out_of_order(source: list[str], output: list[str], window: int = 8) -> list[str]:
    """Source words not found, in order, in the output (with a little context each)."""
    where: dict[str, list[int]] = defaultdict(list)
    for k, w in enumerate(output):
        where[w].append(k)
    problems: list[str] = []
    j = 0
    i = 0
    while i < len(source):
        w = source[i]
        found = None
        positions = where.get(w, [])
        p = bisect.bisect_left(positions, j)
        whole = positions[p] if p < len(positions) else None
        # a word split by marks in the output: consecutive output words that make it
        split = None
        for k in range(j, min(len(output), j + 400)):
            if w.startswith(output[k]) and output[k] != w:
                acc, m = output[k], k
                while len(acc) < len(w) and m + 1 < len(output) and m - k < window:
                    m += 1
                    acc += output[m]
                if acc == w:
                    split = (k, m)
                    break
            if whole is not None and k >= whole:
                break
        if split and (whole is None or split[0] < whole):
            found = split[1] + 1
        elif whole is not None:
            found = whole + 1
        else:
            # source words run together in the output ("Antoni" "no" -> "Antonino")
            for k in range(j, min(len(output), j + 400)):
                acc, n = w, i
                while len(acc) < len(output[k]) and n + 1 < len(source) and n - i < window:
                    n += 1
                    acc += source[n]
                if acc == output[k] and n > i:
                    found = k + 1
                    i = n
                    break
        if found is None:
            context = " ".join(source[max(0, i - 3):i + 4])
            problems.append(f"{w!r} (… {context} …)")
        else:
            j = found
        i += 1
    return problems
