"""Properties of the layout step on arbitrary glyph positions: it never loses or duplicates a glyph, whatever
columns, rows or gaps it finds; and the cell parser reads back any number written the way reports write them."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.documents.pdf_layout import layout_page
from pipeline.tables.cells import parse_cell

GLYPHS = st.sampled_from(list("abcxyz0123456789.,%营业收入亿元（）") + [" "])


@st.composite
def page_chars(draw):
    n = draw(st.integers(0, 120))
    chars = []
    for _ in range(n):
        size = draw(st.sampled_from([8.0, 10.5, 14.0]))
        x0 = draw(st.floats(20, 560, allow_nan=False))
        top = draw(st.floats(20, 800, allow_nan=False))
        chars.append({"text": draw(GLYPHS), "x0": x0, "x1": x0 + 0.6 * size, "top": top, "bottom": top + size,
                      "size": size, "upright": True})
    return chars


@settings(max_examples=150, deadline=None)
@given(page_chars())
def test_layout_keeps_every_glyph_once(chars):
    lines = layout_page(chars, 595.0, [], 842.0)
    got = Counter(ch for ln in lines for ch in ln["text"] if ch != " ")
    want = Counter(c["text"] for c in chars if c["text"] != " ")
    assert got == want
    assert all(ln["text"] == ln["text"].strip() for ln in lines)


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(0, 99), st.booleans(), st.booleans())
def test_cell_numbers_read_back(whole, cents, parens, percent):
    value = float(f"{abs(whole)}.{cents:02d}")  # (abs(whole) + cents / 100 is 1.5699999999999998 for 1, 57)
    text = f"{value:,.2f}"
    negative = whole < 0
    if negative:
        text = f"({text})" if parens else f"-{text}"
    if percent:
        text = text[:-1] + "%)" if text.endswith(")") else text + "%"
    got = parse_cell(text)
    assert got is not None and got.percent is percent
    assert got.value == (-value if negative else value)
