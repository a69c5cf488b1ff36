"""A number printed in a table is published once: as the table fact, which knows its row, column and unit.

A text fact is dropped when a table fact on the same page covers the same characters (the running text holds
the table's rendering, so the text extractor may read a row) or states the same value in the same unit (and,
in a document without pages, for the same year)."""
from __future__ import annotations

import math
from collections import defaultdict

from ..extract.fact import Fact


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _page_between(x: int, table_facts: list[Fact]) -> int | None:
    """Page of text offset `x` when it can be told from the table facts alone: pages are contiguous in the
    text, so an offset between two table cells of page p is on page p."""
    before = [t for t in table_facts if t.char_start <= x]
    after = [t for t in table_facts if t.char_start > x]
    if before and after:
        a = max(before, key=lambda t: t.char_start).page
        b = min(after, key=lambda t: t.char_start).page
        if a == b:
            return a
    return None


def drop_text_duplicates(text_facts: list[Fact], table_facts: list[Fact], page_of=None) -> list[Fact]:
    """`page_of(offset)` gives a text fact's page when the extractor left it unset; without it the page is
    inferred where the table facts pin it down, and otherwise only an overlap of spans counts."""
    if not table_facts:
        return text_facts
    by_page: dict[int | None, list[Fact]] = defaultdict(list)
    for t in table_facts:
        by_page[t.page].append(t)
    kept = []
    for f in text_facts:
        if any(f.char_start < t.char_end and t.char_start < f.char_end for t in table_facts):
            continue
        page = f.page if f.page is not None else (page_of(f.char_start) if page_of else _page_between(f.char_start, table_facts))
        if page is not None and any(f.unit == t.unit and _same_value(f.value, t.value) for t in by_page.get(page, [])):
            continue
        # a document without pages (an HTML page) is one long page: there the year must agree too, or the 2.3% of
        # a 2024 column would take away the 2.3% the text reports for 2026
        if page is None and f.page is None and any(f.unit == t.unit and f.year == t.year and
                                                   _same_value(f.value, t.value) for t in by_page.get(None, [])):
            continue
        kept.append(f)
    return kept
