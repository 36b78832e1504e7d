"""What the cursor is in, and the elements open there (with and without checkpoints)."""

from __future__ import annotations

import pytest

from toolkit.lsp import text as T
from toolkit.lsp.text import Text, children_before, cursor_context, open_elements

BIG = ('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
       'xmlns:m="http://www.w3.org/1998/Math/MathML"><text><body>\n'
       + "".join(f'<div n="{i}"><head>H{i}</head><p>Para <hi>{i}</hi> <m:math/> text.</p>'
                 f"<!-- a <comment> --><p>More &amp; more</p></div>\n" for i in range(1500))
       + "</body></text></TEI>\n")


def _shape(found):
    return ([e.tag for e in found.stack],
            [c.tag for c in children_before(found.stack[-1])] if found.stack else [])


@pytest.mark.parametrize("where", [0.3, 0.6, 0.95])
def test_checkpoints_give_what_a_full_parse_gives(where):
    offset = BIG.index("<p>Para", int(len(BIG) * where)) + len("<p>Para <hi>1</hi> ")
    T._CHECKPOINTS.clear()
    first = open_elements(BIG, offset)
    assert T._CHECKPOINTS, "a big document leaves a checkpoint"
    typed = "word <m:math/> <hi>x</hi> more</p><p>new "
    edited = BIG[:offset] + typed + BIG[offset:]
    again = open_elements(edited, offset + len(typed))
    T._CHECKPOINTS.clear()
    full = open_elements(edited, offset + len(typed))
    assert _shape(again) == _shape(full)
    assert _shape(first)[0][-1].endswith("}p")
    assert _shape(full)[1] == []  # a new <p>: no children yet
    # an edit before the checkpoint is not mistaken for the same text
    T._CHECKPOINTS.clear()
    open_elements(BIG, offset)
    changed = BIG.replace("<text><body>", "<text><body><div><p>", 1)
    assert _shape(open_elements(changed, offset + 11)) == _shape(
        T._sentinel_parse(changed[:offset + 11]))


def test_cursor_contexts():
    assert cursor_context("<a><pers", 8).kind == "element"
    ctx = cursor_context('<a><persName ref="#x" ty', 24)
    assert (ctx.kind, ctx.element, ctx.prefix, ctx.present) == (
        "attribute", "persName", "ty", ["ref"])
    ctx = cursor_context('<a><persName type="pseu', 23)
    assert (ctx.kind, ctx.attribute, ctx.prefix) == ("value", "type", "pseu")
    assert cursor_context("<a>some text", 12).kind == "content"
    assert cursor_context("<a><!-- <b ", 11).kind == "none"
    assert cursor_context("<a></", 5).kind == "end-tag"


def test_positions_in_utf16_units():
    text = Text("a𝔸b\nпр\n", "utf-16")
    assert text.position(2) == (0, 3)  # 𝔸 is two UTF-16 units
    assert text.offset(0, 3) == 2
    assert text.position(5) == (1, 1)
    assert Text("a𝔸b", "utf-32").position(2) == (0, 2)
