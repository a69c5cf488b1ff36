"""A table set without rules between its rows, with a frame round some of its columns (pdf.py `_column_frame`):
read as one text line per row, so each number keeps its label and its row's unit (text_tables.py)."""
from __future__ import annotations

import pdfplumber

from pipeline.documents.reader import read_document
from pipeline.process import process_file

from .pdfgen import column_frame_table


def test_the_frame_is_what_the_lattice_sees(tmp_path):
    # the premise: pdfplumber's ruled-table finder returns the frame with the quantities stacked in one cell
    p = tmp_path / "t.pdf"
    column_frame_table(p)
    with pdfplumber.open(p) as pdf:
        rows = [t.extract() for t in pdf.pages[0].find_tables()]
    assert any("731250\n215.4" in (c or "") for t in rows for r in t for c in r)


def test_each_row_is_read_as_one_line(tmp_path):
    p = tmp_path / "t.pdf"
    rows = column_frame_table(p)
    text = read_document(p, tmp_path).text
    for row in rows:
        assert " ".join(row) in text.splitlines()


def test_each_number_takes_its_rows_unit_and_its_columns_measure(tmp_path):
    p = tmp_path / "t.pdf"
    column_frame_table(p)
    _, facts = process_file(p, tmp_path)
    got = {(f.quote, f.value, f.unit, f.measure, f.year) for f in facts}
    assert {("731250", 731250.0, "tonne", "level", 2022), ("6.2", 6.2, "percent", "growth", 2022),
            ("215.4", 2154000.0, "tonne", "level", 2022), ("-3.5", -3.5, "percent", "growth", 2022),
            ("98.6", 9.86e9, "kwh", "level", 2022)} <= got
    assert not [f for f in facts if f.quote in ("731250\n215.4", "吨吨")]
