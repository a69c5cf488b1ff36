"""The year a table number refers to: the report's own period (2021年年度报告), a column header (2021年, 本报告期,
期初余额 resolved against the report's year) or a row label that is a date (2021年12月31日余额)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract.reference import load_json
from .grid import header_words

# Period words in column headers, longest first: the first that occurs decides (年初至报告期期末 is current).
CURRENT = ("年初至报告期期末", "年初至报告期末", "本报告期末", "本报告期", "报告期末", "报告期", "本期末", "本期",
           "本年度", "本年末", "本年", "期末", "当期", "current period", "current year", "this year")
PREVIOUS = ("上年同期末", "上年同期", "上年度末", "上年末", "上年度", "上年", "上期末", "上期", "期初", "年初", "去年",
            "同期", "prior year", "previous year", "last year", "prior period")
GROWTH = ("增减", "增长", "变动", "变化", "同比", "比上年", "change", "growth")
_REPORT = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:年度报告|年度報告|半年度报告|半年度報告|第[一二三四1-4]季度报告|"
                     r"第[一二三四1-4]季度報告|年报|季度报告)|(?:annual|interim) report\s*((?:19|20)\d{2})|"
                     r"((?:19|20)\d{2})\s+(?:annual|interim) report", re.I)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
NUMBERING = re.compile(r"^(?:其中[:：]|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*|[减加][:：]\s*)+")
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a Chinese date at the head of a row label: 2021年12月31日, 2020年末, 2021年1-6月, 截至2021年12月31日止, 2020年度
_LABEL_DATE = re.compile(
    r"^(?:截至|截止|于|至)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*"
    r"(?:度|末|初|底|[上下]半年|第?[一二三四1-4]季度|"
    r"\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?(?:\s*[-—–~至]\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?)?)?\s*(?P<tail>.*)$")
_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)\s*年?")


@lru_cache(maxsize=1)
def _date_tails() -> frozenset[str]:
    return frozenset(header_words()["label_date_tails"])


def report_year(text: str) -> int | None:
    """The year a report covers, from its opening pages (2021年年度报告, 2018年第一季度报告)."""
    m = _REPORT.search(text[:20000])
    if not m:
        return None
    return int(next(g for g in m.groups() if g))


def column_year(header: str, report: int | None, caption_year: int | None = None) -> int | None:
    """Year a column refers to: a year it names, else its period word against the report's year (本报告期 →
    the report year, 上年同期 → the year before; a change column → the current year), else the caption's year,
    else the report's."""
    got = period_year(header, report)
    if got is not None:
        return got
    return caption_year if caption_year is not None else report


@lru_cache(maxsize=1)
def _year_ended() -> tuple[re.Pattern, re.Pattern, dict]:
    """'Year ended March 31, 2019', '截至2019年3月31日止年度', from the cues of reference/time_cues.json."""
    c = load_json("time_cues.json")

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    months = alt(c["months_en"])
    en = re.compile(rf"\b(?:{alt(c['year_ended_en'])})\s+(?:on\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+"
                    rf"(?P<m1>{months})|(?P<m2>{months}))\b\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?"
                    r"(?P<y>(?:19|20)\d{2})(?!\d)", re.I)
    zh = re.compile(rf"(?P<y>(?:19|20)\d{{2}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*\d{{1,2}}\s*日\s*(?:{alt(c['year_ended_zh'])})")
    return en, zh, c["months_en"]


def fiscal_year(text: str) -> tuple[int, int] | None:
    """(the year a fiscal year is known by, the year it ends in) for a year that ends before December: the
    year ended March 31, 2019 began in 2018 and is known by it (GOLD_SPEC: fiscal year 2020/21 → 2020)."""
    en, zh, months = _year_ended()
    m = en.search(text)
    if m:
        month = months[(m["m1"] or m["m2"]).lower()]
    elif (m := zh.search(text)) is not None:
        month = int(m["m"])
    else:
        return None
    end = int(m["y"])
    return (end - 1, end) if month != 12 else None


def period_year(text: str, report: int | None) -> int | None:
    """The year `text` names or implies, or None when it says nothing about time."""
    if (fy := fiscal_year(text)) is not None:
        return fy[0]
    m = YEAR.search(text)
    if m:
        return int(m.group(1))
    if report is None:
        return None
    low = text.lower()
    cur = next((w for w in CURRENT if w in low), None)
    prev = next((w for w in PREVIOUS if w in low), None)
    if any(g in low for g in GROWTH):
        return report  # the change of the current period over the previous one
    if re.search(r"(?:期初|年初)(?!至)", low):
        return report - 1  # an opening balance is the previous year's closing one (本年期初余额 too)
    if cur and (not prev or low.find(cur) <= low.find(prev)):
        return report
    if prev:
        return report - 1
    return None


def label_year(label: str, report: int | None) -> int | None:
    """The year a row label dates its row with, or None. A row label names a thing more often than a time: a year
    in brackets annotates a name (第二期（2012年）), and in Chinese a year dates the row only when the label is a
    date, optionally followed by a balance word (2021年12月31日余额, 2020年末); a year that starts a longer name
    (2011年2000吨…项目, 2016年公司债券) or a number that is no year (2000吨) says nothing about the period."""
    text = _BRACKETED.sub("", label).strip()
    if not _CJK.search(text):
        return period_year(text, report)
    m = _LABEL_DATE.match(NUMBERING.sub("", text))
    if m and re.sub(r"\s+", "", m["tail"]) in _date_tails():
        return int(m["year"])
    # the period words that remain still date the row (1.期初余额 → the previous year)
    return period_year(_YEAR_WORD.sub("", text), report)


def relative_row_year(label: str, column: int) -> int:
    """The year of a row whose label places it before its column's period: 上年年末余额 and 本年期初余额 in the
    2021年度 block of an equity statement, 期初现金及现金等价物余额 under 2021年度, are balances at the end of 2020.
    Only a shift back counts (本期期末余额 is the column's year anyway); years inside the label are names here."""
    text = _YEAR_WORD.sub("", _BRACKETED.sub("", label)).lower()
    if not any(w in text for w in PREVIOUS):
        return column
    got = period_year(text, column)
    return got if got is not None else column


def closing_row_year(label: str, col_header: str, column: int | None) -> int | None:
    """The year of a row that holds the balance at the end of its column's fiscal year: the year the period ends
    in (Fiscal Reserves at end of period, under Year ended March 31, 2019 → 2019); else the column's year."""
    fy = fiscal_year(col_header)
    low = label.lower()
    if fy is not None and column == fy[0] and any(w in low for w in header_words()["closing_rows"]):
        return fy[1]
    return column
