"""Tables found in PDFs → Facts (source='table'). Plain Python, no Dagster.

cells: one cell's text → number · grid: header rows, row labels, header paths, note-reference columns ·
periods: the year of a header or a row label · units: unit and scale words · facts: cells → Facts ·
dedupe: a number in a table is not also published from the running text. Words in units.json, headers.json."""
from __future__ import annotations

from .dedupe import drop_text_duplicates
from .facts import extract_table_facts

__all__ = ["drop_text_duplicates", "extract_table_facts"]
