"""Tables laid out as lines of text — a PDF's text layer without ruling lines, a communiqué converted to text:

    表 1 2023 年末某市常住人口数及其构成
    指 标 年末数（万人） 比重（%）
    全市常住人口 866.60
    其中：城镇 392.66 45.31

A header line names each value column with its unit (年末数（万人）, 比上年增长（%）, 增长%); the rows under it are a
label and as many numbers as there are columns, left to right. Each number becomes a quantity in its column's unit
(866.60 → 8,666,000 person) and remembers its column's name, which says what kind of measure it is (增长: a
growth). The table ends at the first line that is not such a row."""
from __future__ import annotations

import re
from functools import lru_cache

from .numbers import parse_number
from .quantity import Quantity, product
from .reference import load_json

_NUM = r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?"
# a value column: its name and its unit in brackets (年末数(万人)), or a % glued to the name (增长%)
_COLUMN = re.compile(r"(?P<name>[^\s()%0-9]{1,12})[ \t]*(?:\((?P<unit>[^()0-9]{1,6})\)|(?P<pct>%))")
_ROW = re.compile(rf"^(?P<label>[^\n]*?[\u3400-\u9fff)][^\n]*?)[ \t]+(?P<nums>{_NUM}(?:[ \t]+{_NUM})*)[ \t]*$")
_NUMBER = re.compile(_NUM)
_LINE = re.compile(r"[^\n]+")
MAX_HEADER = 60


@lru_cache(maxsize=256)
def _unit_of(unit_text: str):
    """(unit, kind, factor) of a column's unit: 万人 → (person, count, 10000); None when it is not one."""
    from .quantities import scan  # (quantities imports this module, so this one imports it late)
    symbols = load_json("units.json")["symbols"]
    if unit_text in symbols:  # % and ‰ on their own are not read as Chinese units
        code, kind, factor = symbols[unit_text]
        return code, kind, float(factor), unit_text
    found = [q for q in scan("1" + unit_text, True, False) if q.start == 0 and q.end == 1 + len(unit_text)]
    if len(found) != 1:
        return None
    q = found[0]
    return q.unit, q.kind, q.value, unit_text


def _header(line: str):
    """The value columns a header line names, or None when the line is not a header."""
    if len(line) > MAX_HEADER or ("(" not in line and "%" not in line) or _NUMBER.search(_COLUMN.sub("", line)):
        return None
    cols = []
    for m in _COLUMN.finditer(line):
        u = _unit_of("%" if m.group("pct") else m.group("unit"))
        if u is None:
            return None
        cols.append((m.group("name"), u))
    return cols or None


def scan_text_tables(text: str) -> list[Quantity]:
    """Quantities of the rows under each header line of a text table (see the module's docstring)."""
    if "(" not in text and "%" not in text:
        return []
    out: list[Quantity] = []
    cols = None
    for lm in _LINE.finditer(text):  # (blank lines are passed over: a PDF's text layer puts one between rows)
        a, line = lm.start(), lm.group()
        if not line.strip():
            continue
        header = _header(line)
        if header is not None:
            cols = header
            continue
        if cols is None:
            continue
        row = _ROW.match(line)
        nums = list(_NUMBER.finditer(line, row.start("nums"))) if row else []
        if not row or len(nums) > len(cols):
            cols = None  # the table has ended
            continue
        for m, (name, (unit, kind, factor, unit_text)) in zip(nums, cols):
            v = parse_number(m.group().replace(",", ""))
            if v is None:
                continue
            out.append(Quantity(a + m.start(), a + m.end(), a + m.start(), product(v, factor), v, unit_text,
                                factor, unit, kind, script="zh", column=name))
    return out
