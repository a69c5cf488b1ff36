"""Tables of an HTML page → the rows the PDF reader gets from pdfplumber, so HTML tables take the PDF's path.

A cell spanning several columns or rows (colspan, rowspan) becomes its text followed by None in the slots it
covers, as pdfplumber gives a merged cell. Rows and columns with nothing in them (spacer rows, the second half of
a cell every row spans over two columns) are dropped. A data table has at least two rows and two columns and a
number in some cell; any other table is layout (a page laid out in a table, a row of links) and stays text."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..documents.model import TableCell
from .cells import is_empty, is_year_label, normalize, parse_cell
from .grid import analyse_all, render_row


@dataclass
class HtmlCell:
    text: str       # line breaks inside the cell (<br>, <p>) as '\n'
    colspan: int = 1
    rowspan: int = 1


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def cell_text(text: str) -> str:
    """A cell's lines as one: a line break (<br>) is a space between Latin words and numbers ('March 31, 2019' /
    'HK$ million'), nothing next to a Chinese character (as in the rest of a Chinese text) or after a slash
    ('(Deficit)/' over 'Surplus')."""
    out = ""
    for line in (ln.strip() for ln in text.split("\n")):
        if line:
            out += ("" if not out or _wide(out[-1]) or _wide(line[0]) or out[-1] == "/" else " ") + line
    return out


def expand(rows: list[list[HtmlCell]]) -> list[list[str | None]]:
    """The table's grid: every cell at the column HTML's table model puts it in, None where a span covers."""
    slots: dict[tuple[int, int], str | None] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in slots:  # covered by a rowspan from above
                c += 1
            for dr in range(min(cell.rowspan, len(rows) - r)):  # a span past the last row ends there
                for dc in range(cell.colspan):
                    slots.setdefault((r + dr, c + dc), cell_text(cell.text) if dr == dc == 0 else None)
            c += cell.colspan
    n_rows = len(rows)
    width = max((c + 1 for (r, c) in slots if r < n_rows), default=0)
    return [[slots.get((r, c), "") for c in range(width)] for r in range(n_rows)]


def _blank(cell: str | None) -> bool:
    return cell is None or not normalize(cell)


def data_rows(rows: list[list[HtmlCell]]) -> list[list[str | None]] | None:
    """The rows of a data table with its empty rows and columns dropped, or None for a layout table."""
    grid = [r for r in expand(rows) if not all(_blank(c) for c in r)]
    if not grid:
        return None
    keep = [c for c in range(len(grid[0])) if not all(_blank(r[c]) for r in grid)]
    grid = [[r[c] for c in keep] for r in grid]
    if len(grid) < 2 or len(keep) < 2:
        return None
    return grid if any(_number(c) for r in grid for c in r) else None


def _number(cell: str | None) -> bool:
    text = normalize(cell)
    return not is_empty(text) and parse_cell(text) is not None and not is_year_label(text)


def render_tables(raws: list[list[list[str | None]]]) -> tuple[list[str], list[TableCell]]:
    """Each table's rendering in the text (as the PDF reader writes it) and its cells on page 1, indexed in
    document order, with the headers that apply to each (tables/grid.py)."""
    grids = analyse_all([(1, raw) for raw in raws])
    rendered, cells = [], []
    for ti, g in enumerate(grids):
        rendered.append("\n".join(render_row(r) for r in g.rows))
        for r, row in enumerate(g.rows):
            for c, text in enumerate(row):
                header = "" if r in g.header_rows else g.header_of(r, c)
                cells.append(TableCell(page=1, table_index=ti, row=r, col=c, text=text, header=header,
                                       merged=g.raw[r][c] is None))
    return rendered, cells
