"""The text of one table cell → a number. Cells hold simple numbers, so this is a small parser of its own
rather than the running-text extractor: `1,234.56`, `(123.4)` and `-12.3%` are numbers, `-` and `—` are
empty cells, `上升5.72个百分点` is a change in percentage points."""
from __future__ import annotations

import re
from dataclasses import dataclass

EMPTY = frozenset({"", "-", "—", "——", "–", "--", "---", "－", "/", "／", "*", "不适用", "无", "n/a", "N/A", "NA", "/"})
_MINUS = "-−－–—"
_NUMBER = re.compile(
    r"^(?P<sign>[+\-−－–—])?\s*(?P<open>[(（])?\s*(?P<sign2>[+\-−－–])?\s*"
    r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<pct>[%％])?\s*(?P<close>[)）])?$")
_PP = re.compile(r"^(?P<dir>上升|增加|提高|增长|下降|减少|降低)\s*(?P<num>\d+(?:\.\d+)?)\s*个?百分点$")
_DOWN = ("下降", "减少", "降低")


@dataclass(frozen=True)
class CellNumber:
    value: float
    percent: bool = False           # written with % in the cell
    percentage_point: bool = False  # 上升/减少 N 个百分点


def normalize(text: str | None) -> str:
    """One line, single spaces; the wrap inside a cell carries no space in CJK, one in Latin text."""
    if not text:
        return ""
    parts = [p.strip() for p in text.replace("\r", "\n").split("\n") if p.strip()]
    out = ""
    for p in parts:
        if out and out[-1].isascii() and out[-1].isalpha() and p[0].isascii() and p[0].isalpha():
            out += " " + p
        else:
            out += p
    return re.sub(r"\s+", " ", out).replace("|", "｜").strip()


def is_empty(text: str) -> bool:
    return text.strip() in EMPTY


def parse_cell(text: str) -> CellNumber | None:
    """The number a cell holds, or None when it holds words, a date, a code, or nothing."""
    t = text.strip().replace(" ", "")
    if t in EMPTY:
        return None
    m = _PP.match(t)
    if m:
        v = float(m["num"])
        return CellNumber(-v if m["dir"] in _DOWN else v, percentage_point=True)
    m = _NUMBER.match(t)
    if not m or bool(m["open"]) != bool(m["close"]) or (m["sign"] and m["sign2"]):
        return None
    v = float(m["num"].replace(",", "").replace("，", ""))
    sign = m["sign"] or m["sign2"] or ""
    if m["open"] or (sign and sign in _MINUS):
        v = -v
    return CellNumber(v, percent=bool(m["pct"]))


def is_year_label(text: str) -> bool:
    """`2021`, `2021年`, `2021年末`: a column label even though it parses as a number."""
    return bool(re.fullmatch(r"(19|20)\d{2}\s*(年.*)?", text.strip()))
