"""A ruled header (| 2016 | 2015 / | RMB'000 | RMB'000) over body rows set as plain lines: the lines that end with
one figure per column are the table's rows, so their values take the header's years and unit."""
from __future__ import annotations

from pipeline.process import facts_for
from tests.tables import pdfgen
from tests.tables.reading import read_with_own_cache


def test_plain_rows_under_a_ruled_header_are_table_rows(tmp_path):
    path = tmp_path / "note.pdf"
    rows = pdfgen.ruled_header_plain_rows(path)
    doc = read_with_own_cache(path, tmp_path / "cache")
    assert "Cash and bank balances | 8,602,758 | 6,247,028" in doc.text
    assert "The deposits can only be used" in doc.text  # the prose after the table stays text
    facts = {(f.quote, f.year): f for f in facts_for(doc)}
    first = facts[("8,602,758", 2016)]
    assert (first.value, first.unit) == (8602758000, "CNY")
    assert facts[("4,835,079", 2015)].value == 4835079000
    assert len([f for f in facts if f[0] in {r[1] for r in rows} | {r[2] for r in rows}]) == 6
