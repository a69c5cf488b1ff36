"""What reading a raw file produces: a Document (published text + provenance) and its table cells."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

STATUSES = ("ok", "empty", "unreadable", "no_text_layer", "encrypted", "duplicate", "error")
# (web pages saved from a server keep the script's extension: .php, .jsp, .asp, .shtml pages are HTML)
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".xhtml": "html", ".shtml": "html", ".php": "html", ".jsp": "html", ".asp": "html", ".aspx": "html",
           ".pdf": "pdf"}


def make_doc_id(rel_path: str) -> str:
    """A document is identified by where it sits under raw/, so two copies of the same bytes stay apart."""
    return hashlib.sha256(rel_path.encode("utf-8")).hexdigest()[:16]


@dataclass
class TableCell:
    """One cell of a table found on a PDF page or in an HTML page (there page 1, the whole text); `header` is
    the row and column headers that apply to it."""

    page: int
    table_index: int
    row: int
    col: int
    text: str
    header: str = ""
    # no cell of its own: covered by a merged cell spanning from the left or from above (pdfplumber's None). Not
    # published; table facts need it to rebuild the structure the reader saw (the parent header over a column)
    merged: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Document:
    """A raw file as read: its published `text` (what fact spans index into) and how it was read."""

    doc_id: str
    doc: str
    path: str
    sha256: str
    bytes: int
    format: str
    status: str = "ok"
    error: str | None = None
    encoding: str | None = None
    lang: str | None = None
    title: str | None = None
    # the document's own date and provenance as it states them (documents/metadata.py)
    date: str | None = None
    date_source: str | None = None
    author: str | None = None
    publisher: str | None = None
    source_url: str | None = None
    # the text's opening line, when the document has no title of its own: the extractor reads it as a title (it
    # often says what the text reports on: 关于1955年国家决算和1956年国家预算的报告); not published
    lead: str | None = None
    pages: int | None = None
    text: str = ""
    # char offset where each PDF page starts in `text` (page n starts at page_starts[n-1]); empty for non-PDFs
    page_starts: list[int] = field(default_factory=list)
    tables: list[TableCell] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return len(self.text)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding char `offset`, or None when the document has no pages."""
        if not self.page_starts:
            return None
        lo, hi = 0, len(self.page_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.page_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1
