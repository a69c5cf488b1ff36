"""Table cells of a PDF or an HTML page → Facts (source='table').

Value from the cell, indicator from the row label and what the column's header path measures, year from the
column header (2021年, or 本报告期 / 上年同期 / 期初余额 resolved against the report's own period, also when a merged
parent header carries it), unit and scale from the cell, the headers or the caption above the table. A column of
note references (附注) gives no facts. The reader writes every table into the page text (one row per line, cells joined by ' | '), so each
fact's span is the cell itself: text[char_start:char_end] == quote holds by construction."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from ..documents.model import Document, TableCell
from ..extract.fact import UNITS, Fact
from ..extract.facts import document_place
from .cells import CellNumber, is_year_label, parse_cell
from .grid import CELL_SEP, LEVEL_SEP, Grid, analyse_all, header_words, render_row
from .periods import (GROWTH, NUMBERING, YEAR, closing_row_year, column_year, label_year, period_year,
                      relative_row_year, report_year)
from .units import TableUnit, caption_unit, label_unit

__all__ = ["column_year", "extract_table_facts", "report_year"]

SHARE = ("比例", "占比", "比重", "share of")
# column words that name a part of a year (a quarter, a span of months; a balance date is not one)
# (a month or months ended some day, 'Month ended March 31, 2019', unless twelve of them: that is a year)
_TIME = re.compile(r"季度|月份|半年|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月|\bQ[1-4]\b|\bH[12]\b|quarter|"
                   r"(?<!twelve )(?<!12 )\bmonths?\s+end(?:ed|ing)\b", re.I)


def _measure(header: str, label: str, num: CellNumber, unit: str) -> str:
    low = (header + " " + label).lower()
    if num.percentage_point or unit == "percentage_point":
        return "change"
    if any(g in header.lower() for g in GROWTH):
        return "growth" if unit == "percent" else "change"
    if unit == "percent" and any(g in label.lower() for g in GROWTH):
        return "growth"  # periods across, measures down: the row 同比增速 holds growth rates
    if unit == "percent" and any(s in low for s in SHARE):
        return "share"
    return "level"


def _cell_unit(num: CellNumber, col_unit: TableUnit | None, row_unit: TableUnit | None, row_named: bool,
               caption: TableUnit | None) -> TableUnit | None:
    """Most specific first: what the cell itself says, a percent column, the row label, the column, the caption."""
    if num.percentage_point:
        return TableUnit("percentage_point", "percent", 1.0, "个百分点")
    if num.percent:
        return TableUnit("percent", "percent", 1.0, "%")
    if col_unit is not None and col_unit.kind == "percent":
        return col_unit
    if row_named:
        return row_unit
    return col_unit or caption


def _locate(text: str, start: int, end: int, grid: Grid, frm: int) -> int | None:
    """Offset of the table's rendering inside the page slice [start, end), searching from `frm`."""
    rendered = "\n".join(render_row(r) for r in grid.rows)
    pos = text.find(rendered, max(frm, start), end)
    return pos if pos >= 0 else None


def _scaled(value: float, scale: float) -> float:
    """4,690.69 万元 is 46,906,900 yuan, not 46,906,899.99999999: cells have at most a few decimals."""
    return float(Decimal(repr(value)) * Decimal(repr(scale))) if scale != 1 else value


def _caption(text: str, lo: int, hi: int) -> str:
    return text[max(lo, hi - 300):hi]


def extract_table_facts(doc: Document) -> list[Fact]:
    if not doc.tables:
        return []
    # a document without pages (an HTML page) is one page spanning the whole text; its facts have no page
    starts = doc.page_starts or [0]
    by_table: dict[tuple[int, int], list[TableCell]] = defaultdict(list)
    for c in doc.tables:
        by_table[(c.page, c.table_index)].append(c)
    keys = sorted(by_table)
    raws = []
    for key in keys:
        cells = by_table[key]
        n_rows, n_cols = max(c.row for c in cells) + 1, max(c.col for c in cells) + 1
        rows: list[list[str | None]] = [[""] * n_cols for _ in range(n_rows)]
        for c in cells:
            # a merged cell is None again, as the reader saw it: a column gets the header spanning it
            rows[c.row][c.col] = None if c.merged else c.text
        raws.append((key[0], rows))
    grids = analyse_all(raws)
    report = report_year(doc.text)
    # a cell has no sentence to name a place: the document's own place (its title's, publisher's, most named)
    place = document_place(doc)
    zh = (doc.lang or "").startswith("zh")
    facts: list[Fact] = []
    cursor: dict[int, int] = {}
    last_end = 0
    last_caption: TableUnit | None = None
    last_caption_year: int | None = None
    for (page, _ti), grid in zip(keys, grids):
        if page > len(starts):
            continue
        start = starts[page - 1]
        end = starts[page] if page < len(starts) else len(doc.text)
        pos = _locate(doc.text, start, end, grid, cursor.get(page, start))
        if pos is None:
            continue  # not written into the text: no span could be honest
        # the caption is the text just above the table, which may sit at the foot of the previous page
        caption_text = _caption(doc.text, last_end, pos)
        cursor[page] = pos + 1
        last_end = pos + len("\n".join(render_row(r) for r in grid.rows))
        continued = grid.continues
        cap = caption_unit(caption_text) or (last_caption if continued else None)
        years = [int(y) for y in YEAR.findall(caption_text[-80:])]
        cap_year = years[-1] if years else (last_caption_year if continued else None)
        last_caption, last_caption_year = cap, cap_year
        row_offset = pos
        for r, row in enumerate(grid.rows):
            if r in grid.header_rows or not any(parse_cell(c) for c in row):
                # a row without numbers may state the unit itself (单位：亿元 in its last cell), for the rows below
                cap = caption_unit(" ".join(row)) or cap
            if r not in grid.header_rows:
                facts.extend(replace(f, region=place.en, region_zh=place.zh) if place else f
                             for f in _row_facts(doc, grid, r, row, row_offset, page if doc.page_starts else None,
                                                 report, cap, cap_year, zh))
            row_offset += len(render_row(row)) + 1
    return facts


# 'Banking Sector (Note 2)', '营业收入（注3）': a pointer to a note, no part of what is measured
_NOTE_REF = re.compile(r"\s*[（(]\s*(?:notes?|注|註)\s*[\d一二三四五六七八九十]+(?:\s*[,，、&和及]\s*[\d一二三四五六七八九十]+)*"
                       r"\s*[)）]", re.I)
_CHANGE_WORDS = re.compile(r"同比|增减|增长|变动|变化|比上年|上年同期|比|[（(]?\s*[%％]\s*[)）]?|change|growth|yoy|\s")


def _bare_change(header: str) -> bool:
    """`同比（%）`, `增减(%)`: a change column that does not say of what."""
    last = header.split(LEVEL_SEP)[-1]
    return bool(last) and any(g in last.lower() for g in GROWTH + ("同比",)) and not _CHANGE_WORDS.sub("", last.lower())


def _measured(col_header: str, report, zh: bool) -> str:
    """What a column's header path names besides periods (COD / 排放总量（吨） → COD排放总量; 期末余额 / 坏账准备 /
    金额 → 坏账准备金额), units dropped: the part of the header that is part of what is measured."""
    levels = [label_unit(lv)[0] for lv in col_header.split(LEVEL_SEP) if lv and period_year(lv, report) is None]
    return ("" if zh else " ").join(lv for lv in levels if lv)


def _measure_name(grid: Grid, r: int, c: int, report) -> str:
    """The measure a column names (营业收入), or "" when it names a period or nothing."""
    cols = grid.col_headers.get(r, [])
    if c < 0 or c >= len(cols) or c == grid.label_col or not cols[c] or period_year(cols[c], report) is not None:
        return ""
    return label_unit(cols[c].split(LEVEL_SEP)[-1])[0]


# '(Deficit)/Surplus', 'Surplus/(Deficit)', '(Loss)/Profit': the bracketed word names what a bracketed amount is
_EITHER = (re.compile(r"^(?P<pre>.*?)[(（](?P<a>[^()（）/]+)[)）]\s*/\s*(?P<b>[^()（）/]+)$"),
           re.compile(r"^(?P<pre>.*?)(?P<b>[^()（）/\s][^()（）/]*?)\s*/\s*[(（](?P<a>[^()（）/]+)[)）]$"))


def _bracket_reading(indicator: str, text: str, value: float, zh: bool) -> tuple[str, float]:
    """What brackets around an amount mean in an account. On a row '(Deficit)/Surplus' a bracketed amount is a
    deficit and the other amounts a surplus; a deficit or loss keeps its positive amount and the indicator says
    deficit (GOLD_SPEC). On an outflow's row (Expenditure | (66,356.5)) the brackets only mark what is subtracted:
    the amount is the outflow's. Elsewhere a bracketed amount is negative (a net repayment, a total)."""
    bracketed = text.strip()[:1] in ("(", "（")
    for rx in _EITHER:
        if m := rx.match(indicator):
            word = m["a"] if bracketed else m["b"]
            pre = m["pre"].strip()
            return (f"{pre}{'' if zh or not pre else ' '}{word.strip()}", abs(value) if bracketed else value)
    low = indicator.lower()
    if bracketed and value < 0 and any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low)
                                       for w in header_words()["outflow_rows"]):
        return indicator, -value
    return indicator, value


def _row_facts(doc, grid: Grid, r: int, row: list[str], row_offset: int, page: int | None, report, cap, cap_year,
               zh: bool) -> list[Fact]:
    label_raw = grid.row_label(r)
    label, row_unit, row_named = label_unit(label_raw)
    indicator = _NOTE_REF.sub("", NUMBERING.sub("", label)).strip()
    if not indicator:
        return []
    out = []
    offset = row_offset
    for c, text in enumerate(row):
        cell_start = offset
        offset += len(text) + len(CELL_SEP)
        if c == grid.label_col or not text or is_year_label(text) or grid.note_column(r, c):
            continue  # a note reference (附注 4) is a table cell, never a fact
        num = parse_cell(text)
        if num is None:
            continue
        col_header = grid.col_headers.get(r, [""] * len(row))[c] if c < len(grid.col_headers.get(r, [])) else ""
        _, col_unit, _ = label_unit(col_header.split(" / ")[-1]) if col_header else ("", None, False)
        unit = _cell_unit(num, col_unit, row_unit, row_named, cap)
        if unit is None or unit.unit not in UNITS:
            continue
        measure = _measure(col_header, label, num, unit.unit)
        ind, value = (_bracket_reading(indicator, text, num.value, zh) if measure == "level" and unit.kind == "money"
                      else (indicator, num.value))
        year = period_year(col_header, report)
        what = ind
        measure_left = _measure_name(grid, r, c - 1, report) if _bare_change(col_header) else ""
        if measure_left and measure_left not in ind:
            # 营业收入 | 同比（%）: the change column speaks of the measure to its left
            what = f"{ind}{'' if zh else ' '}{measure_left}"
        col_name = label_unit(col_header.split(LEVEL_SEP)[-1])[0] if col_header else ""
        measured = _measured(col_header, report, zh)
        if col_name and _TIME.search(col_name):
            # a quarter or a span of months (第一季度, 2018年1-3月): the year alone would not tell it from the
            # whole year, so the period goes into what is measured
            what = f"{ind} {col_name}"
        elif year is None:
            # a column that names a measure or a category (营业收入, 机器设备) rather than a period: it is part of
            # what is measured (酒类 + 营业收入), and the row may say when (本年期初余额, 2021年12月31日) if its
            # label is a date rather than a name with a year in it (第二期（2012年）…项目)
            if measured and measured not in ind:
                what = f"{ind}{'' if zh else ' '}{measured}"
            year = label_year(label, report)
        else:
            # 期末余额 / 账面价值: the period spans several columns and the levels under it tell them apart
            if measured and measured not in ind:
                what = f"{ind}{'' if zh else ' '}{measured}"
            # 上年年末余额 in the 2021年度 block of an equity statement is the balance at the end of 2020
            year = closing_row_year(label, col_header, relative_row_year(label, year))
        rule, basis = "table_header", "section"
        if year is None:
            year = cap_year if cap_year is not None else report
        if year is None and doc.date:
            # a table the text gives no period: its figures are as of the document's own date (GOLD_SPEC)
            year, rule, basis = int(doc.date[:4]), "document_date", "document_date"
        sep = "，" if zh else ", "
        sentence = f"{label_raw}{sep}{col_header}{'：' if zh else ': '}{text}" if col_header else \
            f"{label_raw}{'：' if zh else ': '}{text}"
        if cap is not None and unit is cap:
            sentence += f"（单位：{cap.raw}）" if zh else f" (unit: {cap.raw})"
        if doc.text[cell_start:cell_start + len(text)] != text:
            continue  # never publish a span that is not the quote (the rendering is built so it always is)
        out.append(Fact(
            doc=doc.doc, char_start=cell_start, char_end=cell_start + len(text), quote=text, sentence=sentence,
            value=_scaled(value, unit.scale), unit=unit.unit, kind=unit.kind, raw_value=value, raw_unit=unit.raw,
            scale=unit.scale, measure=measure, year=year,
            year_basis=basis if year is not None else None, year_rule=rule,
            indicator=what, lang=doc.lang or "en", source="table", page=page, doc_id=doc.doc_id))
    return out
