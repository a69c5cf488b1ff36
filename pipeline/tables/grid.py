"""The structure of an extracted table: which rows are column headers, which column holds the row labels,
and the header path of every cell. Shared by the PDF reader (table_cells.header) and table facts, so both
see the same structure. A table continued on the next page without its header row inherits the header of
the table it continues."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .cells import is_empty, is_year_label, normalize, parse_cell

CELL_SEP = " | "
LEVEL_SEP = " / "


@lru_cache(maxsize=1)
def header_words() -> dict:
    """The header vocabulary of headers.json next to this module (note-reference columns, row-label dates)."""
    return json.loads(Path(__file__).with_name("headers.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _note_words() -> frozenset[str]:
    return frozenset(re.sub(r"\s+", "", w).lower() for w in header_words()["note_columns"])


def is_note_header(path: str) -> bool:
    """`附注`, `注释`, `Notes`: a column of note references (附注 4 points to note 4), whose numbers are no data."""
    return re.sub(r"\s+", "", path.split(LEVEL_SEP)[-1]).lower() in _note_words()


def render_row(cells: list[str]) -> str:
    """How a table row is written into the page text; facts find their cells through it."""
    return CELL_SEP.join(cells)


@dataclass
class Grid:
    rows: list[list[str]]
    header_rows: set[int] = field(default_factory=set)
    label_col: int | None = 0
    # for each row, the column headers in force (a table can restate its header halfway down)
    col_headers: dict[int, list[str]] = field(default_factory=dict)
    # carries on a table from the previous page (its header, and so its caption, are there)
    continues: bool = False
    raw: list[list[str | None]] = field(default_factory=list)

    @property
    def header_only(self) -> bool:
        return bool(self.rows) and len(self.header_rows) == len(self.rows)

    def row_label(self, r: int) -> str:
        if self.label_col is None:
            return ""
        return self.rows[r][self.label_col]

    def note_column(self, r: int, c: int) -> bool:
        """Column c holds note references in row r (its header in force there is 附注, Notes, ...)."""
        col = self.col_headers.get(r, [])
        return c < len(col) and is_note_header(col[c])

    def header_of(self, r: int, c: int) -> str:
        col = self.col_headers.get(r, [])
        col_h = col[c] if c < len(col) else ""
        return CELL_SEP.join(p for p in (self.row_label(r) if c != self.label_col else "", col_h) if p)


def clean_rows(raw: list[list[str | None]]) -> tuple[list[list[str]], list[list[str | None]]]:
    """pdfplumber rows → rectangular text rows. None marks a merged cell: a merged header cell spans the
    columns to its right, so it is filled from the left; elsewhere it stays empty."""
    width = max((len(r) for r in raw), default=0)
    rows = []
    for r in raw:
        r = list(r) + [None] * (width - len(r))
        rows.append([normalize(c) if c is not None else None for c in r])
    out = []
    for r in rows:
        out.append([c if c is not None else "" for c in r])
    return out, rows


def _numeric(text: str) -> bool:
    return parse_cell(text) is not None and not is_year_label(text)


def _is_header_row(row: list[str], label_col: int | None) -> bool:
    cells = [c for j, c in enumerate(row) if j != label_col]
    filled = [c for c in cells if not is_empty(c)]
    return bool(filled) and not any(_numeric(c) for c in filled)


def _labels_column(rows: list[list[str]], c: int) -> bool:
    """Column c names the rows: half of them hold a word there. The first column usually does; when it only
    groups the rows (Domestic institutions / Foreign institutions, one cell per group), the second one does."""
    votes = sum(1 for r in rows if c < len(r) and r[c] and not _numeric(r[c]))
    if c > 0 and any(_numeric(r[0]) for r in rows if r[0]):
        return False  # a first column of numbers is data, so the second cannot name the rows
    return votes >= max(1, len(rows) // 2)


def analyse(raw: list[list[str | None]], previous: Grid | None = None) -> Grid:
    """Structure of one table. `previous` is the table it may continue (last table of the previous page)."""
    rows, with_none = clean_rows(raw)
    if not rows:
        return Grid(rows=[])
    width = len(rows[0])
    label_col = next((c for c in range(min(2, width)) if _labels_column(rows, c)), None)
    g = Grid(rows=rows, label_col=label_col)
    # header rows: a run at the top without numbers, and any later row that restates labels (years, periods)
    r = 0
    while r < len(rows) and _is_header_row(rows[r], label_col) and r < 4:
        g.header_rows.add(r)
        r += 1
    if r == len(rows):  # a table of words only: its first row labels the columns
        g.header_rows = {0}
    # a later row without numbers that labels two or more columns restates the header (a new block of the
    # same table: 2021年末 / 2020年末 under 2021年 / 2020年, or 分产品 under 分行业)
    for i in range(r, len(rows)):
        cells = [c for j, c in enumerate(rows[i]) if j != label_col]
        if _is_header_row(rows[i], label_col) and sum(1 for c in cells if c and not is_empty(c)) >= 2:
            g.header_rows.add(i)
    g.raw = with_none
    current: list[str] = []
    carried: list[list[str | None]] = []
    fits = previous is not None and previous.rows and len(previous.rows[0]) == width and previous.col_headers
    if fits and not g.header_rows:  # the body goes on under the header printed on the previous page
        current = previous.col_headers.get(len(previous.rows) - 1, [])
        g.continues = True
    elif fits and previous.header_only and 0 in g.header_rows:
        # the page break cut the header itself (本期销售量 on one page, （吨） on the next)
        carried = [previous.raw[k] for k in sorted(previous.header_rows)]
        g.continues = True
    block: list[int] = []
    for i in range(len(rows)):
        if i in g.header_rows:
            block = block + [i] if block and block[-1] == i - 1 else [i]
            current = _paths((carried if block[0] == 0 else []) + [with_none[k] for k in block], width)
        g.col_headers[i] = current
    return g


def _paths(header_rows: list[list[str | None]], width: int) -> list[str]:
    """Each column's header path, top level first. A None (no cell of its own) is covered by a merged cell: from
    above when a cell starts right above it (期末余额 printed over two header rows), else from the left (期末余额
    spanning 账面余额 | 减值准备 | 账面价值), so every column gets the parent header that spans it."""
    paths = [[] for _ in range(width)]
    down = [False] * width  # the cell above spans down into this row
    for k, row in enumerate(header_rows):
        last = ""
        for j in range(width):
            cell = row[j]
            above = header_rows[k - 1][j] if k else None
            if cell is None and k and (above is not None or down[j]):
                down[j] = True
                last = paths[j][-1] if paths[j] else ""
                continue
            down[j] = False
            if cell is None:
                cell = last  # merged across columns
            last = cell
            if cell and (not paths[j] or paths[j][-1] != cell):
                paths[j].append(cell)
    return [LEVEL_SEP.join(p) for p in paths]


def analyse_all(tables: list[tuple[int, list[list[str | None]]]]) -> list[Grid]:
    """Tables in document order as (page, rows): continuation across a page break is decided here."""
    grids: list[Grid] = []
    for k, (page, raw) in enumerate(tables):
        first_on_page = k == 0 or tables[k - 1][0] != page
        follows = k > 0 and first_on_page and tables[k - 1][0] == page - 1
        grids.append(analyse(raw, grids[-1] if follows else None))
    return grids
