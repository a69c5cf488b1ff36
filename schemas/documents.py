"""pandera model of the published `documents` table: one row per raw file, readable or not."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline.documents.model import STATUSES
from pipeline.extract.fact import LANGS


class DocumentsSchema(pa.DataFrameModel):
    """One row per file under raw/: how it was read, its published text, and what became of it."""

    doc_id: Series[str] = pa.Field(unique=True, description="Stable id derived from the file's path under raw/")
    doc: Series[str] = pa.Field(unique=True, description="The document's name in the release: its path under raw/ (the file name for a file directly in raw/)")
    path: Series[str] = pa.Field(unique=True, description="Path relative to raw/")
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes")
    bytes: Series[np.int64] = pa.Field(ge=0, description="File size in bytes")
    format: Series[str] = pa.Field(description="txt, md, html or pdf (the file's type by extension)")
    encoding: Series[str] = pa.Field(nullable=True, description="Detected text encoding (utf-8, gb18030, big5, utf-16); null for PDFs and unreadable files")
    lang: Series[str] = pa.Field(nullable=True, isin=sorted(LANGS), description="Script of the text: en, zh-Hans or zh-Hant; null when there is no text")
    title: Series[str] = pa.Field(nullable=True, description="The document's real title: front matter's title, HTML og:title/<title>, a labelled 标题 line, the PDF's title, else its first heading or title-like line (never a salutation such as 各位代表：)")
    date: Series[str] = pa.Field(nullable=True, str_matches=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", description="The document's own date, ISO 8601 at the precision it states (2008, 2008-12, 2008-12-17); null when it states none")
    date_source: Series[str] = pa.Field(nullable=True, isin=["front_matter", "html_meta", "header", "dateline", "title", "footer", "cover"], description="Where the date was found: front_matter, html_meta, header (a labelled or date-only line at the top), dateline, title, footer, cover (——2025年1月21日在…会议上); null without a date")
    author: Series[str] = pa.Field(nullable=True, description="The author as the document states it (front matter, <meta name=author>, 作者/Author line)")
    publisher: Series[str] = pa.Field(nullable=True, description="The publisher or issuing body as the document states it (og:site_name, 发文单位/来源/Original Source line)")
    source_url: Series[str] = pa.Field(nullable=True, description="The URL the document says it comes from (og:url, canonical link, 来源URL/Web Source line)")
    pages: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="Number of pages (PDFs only)")
    chars: Series[np.int64] = pa.Field(ge=0, description="Length of `text` in characters")
    text: Series[str] = pa.Field(description="The published text that facts.char_start/char_end index into (PDF pages joined by a blank line)")
    status: Series[str] = pa.Field(isin=list(STATUSES), description="ok, empty, unreadable, no_text_layer, encrypted, duplicate or error")
    error: Series[str] = pa.Field(nullable=True, description="What went wrong, naming the cause; null when status is ok")
    n_facts: Series[np.int64] = pa.Field(ge=0, description="Number of facts published from this document")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(description="error is null exactly when status is ok")
    def error_iff_not_ok(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == "ok") == df["error"].isna()

    @pa.dataframe_check(description="chars equals the length of text")
    def chars_is_text_length(cls, df: pd.DataFrame) -> Series[bool]:
        return df["chars"] == df["text"].str.len()
