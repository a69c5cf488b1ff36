"""pandera model of the published `pages` table: where each PDF page lies in its document's published text."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class PagesSchema(pa.DataFrameModel):
    """One row per page of every PDF read: the span of documents.text that the page produced."""

    doc_id: Series[str] = pa.Field(description="Id of the document (documents.doc_id)")
    page: Series[np.int64] = pa.Field(ge=1, description="1-based page number")
    char_start: Series[np.int64] = pa.Field(ge=0, description="Offset in documents.text where the page's text begins")
    char_end: Series[np.int64] = pa.Field(ge=0, description="Offset where the next page begins (or the text ends): "
                                                           "text[char_start:char_end] is the page")

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "page"]

    @pa.dataframe_check(description="char_end is not before char_start")
    def span_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_end"] >= df["char_start"]
