"""pandera model of the published `table_cells` table: one row per cell of a table found in a PDF or an HTML page."""
from __future__ import annotations

import numpy as np
import pandera.pandas as pa
from pandera.typing import Series


class TableCellsSchema(pa.DataFrameModel):
    """Every cell of every data table found in a PDF (by pdfplumber) or an HTML page (its <table>s; page 1), with the headers that apply to it."""

    doc_id: Series[str] = pa.Field(description="Id of the document (documents.doc_id)")
    page: Series[np.int64] = pa.Field(ge=1, description="1-based page the table is on (1 for an HTML page, which has no pages)")
    table_index: Series[np.int64] = pa.Field(ge=0, description="0-based index of the table on its page")
    row: Series[np.int64] = pa.Field(ge=0, description="0-based row in the table")
    col: Series[np.int64] = pa.Field(ge=0, description="0-based column in the table")
    text: Series[str] = pa.Field(description="The cell's text as extracted")
    header: Series[str] = pa.Field(description="The row and column headers that apply to the cell, joined by ' / '")

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "page", "table_index", "row", "col"]
