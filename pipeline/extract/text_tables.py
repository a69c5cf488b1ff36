"""Tables laid out as lines of text — a PDF's text layer without ruling lines, a communiqué converted to text:

    表 1 2023 年末某市常住人口数及其构成
    指 标 年末数（万人） 比重（%）
    全市常住人口 866.60
    其中：城镇 392.66 45.31

A header line names each value column with its unit (年末数（万人）, 比上年增长（%）, 增长%); the rows under it are a
label and as many numbers as there are columns, left to right. Each number becomes a quantity in its column's unit
(866.60 → 8,666,000 person) and remembers its column's name, which says what kind of measure it is (增长: a
growth). The table ends at the first line that is not such a row.

A header may name a unit column instead (指标 单位 绝对数 增长%): each row then gives its own unit after its label
(货物运输总量 亿吨 2.92 6.6), which the columns named between the unit column and the first bracketed one take."""
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


@lru_cache(maxsize=1)
def _unit_columns() -> frozenset[str]:
    return frozenset(load_json("units.json")["table_unit_columns"])


# a column that takes each row's own unit: (its name, None)
ROW_UNIT = None


def _header(line: str):
    """The value columns a header line names, or None when the line is not a header."""
    if len(line) > MAX_HEADER:
        return None
    words = line.split()
    at = next((i for i, w in enumerate(words) if w in _unit_columns()), None)
    if at is not None and at > 0:  # a unit column needs a label column before it
        return _unit_column_header(" ".join(words[at + 1:]))
    if ("(" not in line and "%" not in line) or _NUMBER.search(_COLUMN.sub("", line)):
        return None
    return _bracket_columns(line) or None


def _bracket_columns(text: str) -> list | None:
    cols = []
    for m in _COLUMN.finditer(text):
        u = _unit_of("%" if m.group("pct") else m.group("unit"))
        if u is None:
            return None
        cols.append((m.group("name"), u))
    return cols


def _unit_column_header(after: str):
    """指标 单位 | 绝对数 增长%: the words before the first bracketed column name one column in the row's unit."""
    first = _COLUMN.search(after)
    lead = re.sub(r"\s+", "", after[:first.start()] if first else after)
    if _NUMBER.search(lead) or _NUMBER.search(_COLUMN.sub("", after[first.start():] if first else "")):
        return None
    tail = _bracket_columns(after[first.start():]) if first else []
    if tail is None:
        return None
    cols = ([(lead, ROW_UNIT)] if lead else []) + tail
    return cols if any(u is ROW_UNIT for _, u in cols) else None


def _row_unit(label: str):
    """The unit a row gives after its label (钢材 吨 → 吨; 工业锅炉 蒸发量吨 → 吨): its last word, or the longest
    unit that word ends with."""
    parts = label.split()
    if len(parts) < 2:
        return None
    word = parts[-1]
    for i in range(len(word)):
        if u := _unit_of(word[i:]):
            return u
    return None


def scan_text_tables(text: str) -> list[Quantity]:
    """Quantities of the rows under each header line of a text table (see the module's docstring)."""
    if "(" not in text and "%" not in text and not any(w in text for w in _unit_columns()):
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
        row_unit = _row_unit(row.group("label")) if any(u is ROW_UNIT for _, u in cols) else None
        for m, (name, unit) in zip(nums, cols):
            unit = row_unit if unit is ROW_UNIT else unit
            v = parse_number(m.group().replace(",", "")) if unit is not None else None
            if v is None:
                continue
            code, kind, factor, unit_text = unit
            out.append(Quantity(a + m.start(), a + m.end(), a + m.start(), product(v, factor), v, unit_text,
                                factor, code, kind, script="zh", column=name))
    return out
