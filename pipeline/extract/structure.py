"""Values listed together: 3038元、2680元、1188元 share a verb, and after 分别/respectively the k-th value
belongs to the k-th place of the list before it."""
from __future__ import annotations

import re

from .quantities import Quantity
from .regions import Mention, Region
from .sentences import Segments

_LIST_SEP = re.compile(r"^[ \t]*(?:[、,，]|和|及|与|以及|and|,[ \t]*and)?[ \t]*$")
_RESPECTIVE = re.compile(r"分别|各自|respectively")


def _runs(wt: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities separated only by list punctuation (3038元、2680元、1188元)."""
    runs: list[list[Quantity]] = []
    for q in quantities:
        if runs and runs[-1][-1].unit == q.unit and _LIST_SEP.match(wt[runs[-1][-1].end:q.start]):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def list_leads(wt: str, quantities: list[Quantity]) -> dict:
    return {id(q): run[0] for run in _runs(wt, quantities) if len(run) > 1 for q in run[1:]}


def respective_regions(wt: str, seg: Segments, quantities: list[Quantity], mentions: list[Mention]) -> dict:
    """北京市、天津市、河北省…分别为3038元、2680元、1188元: the k-th value belongs to the k-th place."""
    out: dict[int, Region] = {}
    i = 0
    n = len(quantities)
    while i < n:
        run = [quantities[i]]
        while i + len(run) < n and _LIST_SEP.match(wt[run[-1].end:quantities[i + len(run)].start]):
            run.append(quantities[i + len(run)])
        i += len(run)
        if len(run) < 2:
            continue
        ss, se = seg.sent(run[0].start)
        cue = _RESPECTIVE.search(wt, ss, se)
        if not cue:
            continue
        places = _place_list(wt, mentions.between(ss, run[0].start))
        if len(places) == len(run):
            for q, r in zip(run, places):
                out[id(q)] = r
    return out


def respective_years(wt: str, seg: Segments, quantities: list[Quantity], years) -> dict:
    """在2024年、2025年分别下跌50%和17%, 'rose 3% and 5% in 2023 and 2024 respectively': the k-th value is of the
    k-th year of a list of years in its sentence."""
    out: dict[int, object] = {}
    for run in _runs(wt, quantities):
        if len(run) < 2:
            continue
        ss, se = seg.sent(run[0].start)
        if not _RESPECTIVE.search(wt, ss, se):
            continue
        listed = _year_list(wt, [y for y in years.between(ss, se) if y.year_start is None and not y.base_cue
                                 and not (run[0].start <= y.start < run[-1].end)])
        if len(listed) == len(run):
            for q, y in zip(run, listed):
                out[id(q)] = y
    return out


def _year_list(wt: str, ys: list) -> list:
    """The longest run of year mentions separated only by list punctuation (2024年、2025年)."""
    best, cur = [], []
    for y in ys:
        cur = cur + [y] if cur and _LIST_SEP.match(wt[cur[-1].end:y.start]) else [y]
        if len(cur) >= len(best):
            best = list(cur)
    return best if len(best) >= 2 else []


def _place_list(wt: str, ms: list[Mention]) -> list[Region]:
    """The longest run of places separated only by list punctuation."""
    best: list[Mention] = []
    cur: list[Mention] = []
    for m in ms:
        if cur and _LIST_SEP.match(wt[cur[-1].end:m.start]):
            cur.append(m)
        else:
            cur = [m]
        if len(cur) >= len(best):
            best = list(cur)
    return [m.region for m in best] if len(best) >= 2 else []


# ---- tables written as text: a value under a year column --------------------------------------------------

_YEAR_LEADS_CELL = re.compile(r"((?:19|20)[0-9]{2})(?![0-9])(?:[ \t]*年)?(?![ \t]*[-–—~至到/][ \t]*[0-9])[ \t]*[\u4e00-\u9fffA-Za-z]")
_YEAR_CELL = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?:[ \t]*年)?(?:[ \t]*(?:年末|年底|全年|\(?[A-Za-z]*\)?))?[ \t]*$")


MAX_ROW = 2000


def table_column_year(wt: str, pos: int) -> int | None:
    """| 指标 | 2022年 | 2023年 | over | 增速 | 5.1% | 6.0% |: a value in a row of a text table (cells split by |
    or tabs) takes the year its column's header names. The header is the first line of the table."""
    # (a line of running text — a text with no line breaks is one line — is not a table row: the look for the
    # line's ends is bounded, so that extraction stays linear in the text)
    lo = max(0, pos - MAX_ROW - 1)
    ls = wt.rfind("\n", lo, pos) + 1
    if ls == 0 and lo > 0:
        return None
    le = wt.find("\n", pos, pos + MAX_ROW + 1)
    if le < 0:
        le = len(wt) if len(wt) - pos <= MAX_ROW else -1
    if le < 0 or le - ls > MAX_ROW:
        return None
    line = wt[ls:le]
    sep = "|" if line.count("|") >= 2 else "\t" if line.count("\t") >= 1 else None
    if sep is None:
        return None
    col = line.count(sep, 0, pos - ls)
    header = line
    start = ls
    while start > 0:  # up through the table's lines to its first
        ps = wt.rfind("\n", 0, start - 1) + 1
        prev = wt[ps:start - 1]
        if prev.count(sep) < (2 if sep == "|" else 1):
            break
        header, start = prev, ps
    if header is line or re.fullmatch(r"[\s|:\-]*", header):
        return None
    cells = header.split(sep)
    if col >= len(cells):
        return None
    cell = cells[col].strip()
    m = _YEAR_CELL.search(cell)
    if m and m.start() == 0:
        return int(m.group(1))
    m = _YEAR_LEADS_CELL.match(cell)  # | 2025人均GDP |, | 2023年产量 |: the column's year, then what it holds
    return int(m.group(1)) if m else None
