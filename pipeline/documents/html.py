"""HTML → readable text: drop scripts and styles, decode entities, keep block structure as line breaks.

Data tables take the PDF's table path: their cells are collected as they are parsed, and each data table is
written into the text as the PDF reader writes one (one row per line, cells joined by ' | ', tables/grid.py), so
that table facts find their cells in the text. A table that holds another table is page layout, and a table
without numbers is no data table (tables/markup.py): their text flows as it always has."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .model import TableCell
from ..tables.markup import HtmlCell, data_rows, render_tables

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "header", "footer", "ul", "ol", "blockquote", "pre", "title", "td", "th", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "head"}
# stands for a data table on a line of its own until the text's whitespace is tidied, so that the rendering's
# own spaces (an empty first cell renders as ' | ') are kept; private-use characters no page prints
_SLOT = "\ue000table{}\ue001"


@dataclass
class _Table:
    start: int                      # index into the parser's parts where the table's markup begins
    rows: list[list[HtmlCell]] = field(default_factory=list)
    cell: list[str] | None = None   # text of the cell being read, line breaks as '\n'
    nested: bool = False            # holds another table: page layout
    caption: list[str] | None = None  # text of <caption>: it stays in the text, above the table
    in_caption: bool = False

    def close_cell(self) -> None:
        if self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1][-1].text = "".join(self.cell)
            self.cell = None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._open: list[_Table] = []
        # data tables as (first part, end part, caption, rows), in document order
        self.tables: list[tuple[int, int, str, list[list[str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        if not self._skip:
            self._table_start(tag, dict(attrs))
        if tag in _BLOCK:
            self.parts.append("\n")
            self._cell_text("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")
            self._cell_text("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        if not self._skip:
            self._table_end(tag)

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)
            self._cell_text(data)

    def _cell_text(self, text: str) -> None:
        if not self._open or self._skip:
            return
        t = self._open[-1]
        if t.in_caption:
            t.caption.append(text)
        elif t.cell is not None:
            t.cell.append(text)

    def _table_start(self, tag: str, attrs: dict) -> None:
        if tag == "table":
            if self._open:
                self._open[-1].nested = True
            self._open.append(_Table(start=len(self.parts)))
            return
        if not self._open:
            return
        t = self._open[-1]
        if tag == "caption":
            t.close_cell()
            t.in_caption, t.caption = True, t.caption or []
        elif tag == "tr":
            t.close_cell()
            t.rows.append([])
        elif tag in ("td", "th"):
            t.close_cell()
            if not t.rows:
                t.rows.append([])
            t.rows[-1].append(HtmlCell("", _span(attrs.get("colspan")), _span(attrs.get("rowspan"))))
            t.cell = []

    def _table_end(self, tag: str) -> None:
        if not self._open:
            return
        t = self._open[-1]
        if tag in ("td", "th", "tr"):
            t.close_cell()
        elif tag == "caption":
            t.in_caption = False
        elif tag == "table":
            self._finish(self._open.pop())

    def _finish(self, t: _Table) -> None:
        t.close_cell()
        if not t.nested and (rows := data_rows(t.rows)) is not None:
            self.tables.append((t.start, len(self.parts), "".join(t.caption or []), rows))

    def close(self) -> None:
        super().close()
        while self._open:  # a table the page never closed ends with the page
            self._finish(self._open.pop())


def _span(value: str | None) -> int:
    """colspan / rowspan as a count of cells; a missing or nonsensical value is one cell, and no cell spans more
    than 100 (a page's colspan="100000" must not build a grid of that width)."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(n, 100) if n >= 1 else 1


def read_html(markup: str) -> tuple[str, str | None, list[TableCell]]:
    """Return (text, title, table cells). Runs of blank lines collapse to one; spaces inside lines are kept;
    each data table stands in the text as its rendering, which the cells (page 1) index by table_index."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    parts = parser.parts
    raws = [rows for *_, rows in parser.tables]
    for k, (start, end, caption, _rows) in reversed(list(enumerate(parser.tables))):
        parts[start:end] = ["\n", caption, "\n", _SLOT.format(k), "\n"]
    text = "".join(parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    cells: list[TableCell] = []
    if raws:
        rendered, cells = render_tables(raws)
        # the slots are whole lines made by this parser, so this replaces them and nothing the page wrote
        text = re.sub(_SLOT.format(r"(\d+)"), lambda m: rendered[int(m.group(1))], text)
    title = " ".join("".join(parser.title).split()) or None
    return text, title, cells


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return (text, title): read_html without the table cells."""
    text, title, _ = read_html(markup)
    return text, title
