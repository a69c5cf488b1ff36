"""Periods that do not say their year (全年, 一季度, 1—4月, 'in April', 'for the year'): the year last stated before
them in the document, the document's own year, or — for 'the year' after a fiscal year — that fiscal year."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .numbers import parse_number
from .reference import alternation, trie_pattern
from .sentences import line_matches, lines_holding
from .year_mention import YearMention, cues as _cues

_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _the_year() -> re.Pattern:
    c = _cues()["en_year_anaphora"]
    return re.compile(rf"(?i)\b(?:{alternation(c['before'])})[ \t]+the[ \t]+(?:(?:{alternation(c['kinds'])})[ \t]+)?year\b"
                      rf"(?![ \t]+(?:{alternation(c['not_after'])})\b)")


ANAPHORA_REACH = 3000


def fiscal_anaphora(text: str, out: list[YearMention]) -> None:
    """'Provisional results for the year ended March 31, 2019 … Expenditure for the year recorded a variance of
    6.6%': 'the year' after a fiscal year named before it is that fiscal year. (After a calendar year it may be
    the document's own year, so it is left to the other rules.)"""
    if "year" not in text:
        return
    starts = [y.start for y in out]
    added = []
    for m in _the_year().finditer(text):
        i = bisect_right(starts, m.start()) - 1
        while i >= 0 and (out[i].base_cue or out[i].relative or out[i].end > m.start()):
            i -= 1
        if i >= 0 and out[i].fiscal and m.start() - out[i].end <= ANAPHORA_REACH:
            added.append(YearMention(m.start(), m.end(), out[i].year, None, False, fiscal=True))
    if added:
        out.extend(added)
        out.sort(key=lambda x: x.start)


# 过去五年, 近三年, 五年来, 四年中: the years up to the document's time (not 三年内, 'within three years', a plan)


SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+(?=[A-Z0-9“\"])|\n")


# reports on a whole year come out in the first months of the next: 全年 in a text dated March 2016 is 2015
REPORTING_MONTHS = 4
_ZHSENTENCE_BREAK = re.compile(r"[。！？；!?;\n]")
_FULL_DATE = re.compile(r"[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日")


def periods(text: str, rx: dict, out: list[YearMention], doc_year: int | None, story=None,
             doc_month: int | None = None, anchor: int | None = None) -> None:
    """全年, 一季度, 1—4月, in April: part of a year without saying which, so the year last stated before it in
    the document (or the document's own year) is meant."""
    whole_year = set(_cues()["zh_whole_year_periods"])
    # an undated release whose title names its period ('Visitor arrivals in first seven months of 2025') tells its
    # English periods their year as a dateline would
    # (a communiqué dated February 2025 on 2024: the year its title reports on wins over its date, and then a
    # month after the date's month is not last year's)
    en_story = (anchor, None) if anchor and (story is None or anchor != story[0]) else story
    kept = [y for y in out if not (y.base_cue or y.ratio_base or y.relative or y.since) and y.year_start is None]
    explicit = [(y.start, y.year) for y in kept]
    ends = [y.end for y in kept]
    starts = [a for a, _ in explicit]
    spans = sorted((y.start, y.end) for y in out)
    span_starts = [a for a, _ in spans]
    added = []
    headings = [h.start() for h in line_matches(_MD_HEADING, text)] if "#" in text else []
    found = list(rx["zh_periods"].finditer(text)) if _HAN.search(text) else []
    n_zh = len(found)
    for a, b in lines_holding(text, rx["en_period_keys"]):  # (a period never runs over a line break: 3x faster)
        found += rx["en_periods"].finditer(text, a, b)
    for n, m in enumerate(found):
        j = bisect_right(span_starts, m.start()) - 1
        if j >= 0 and spans[j][1] > m.start():
            continue  # inside a mention already read (2024年上半年)
        if j + 1 < len(spans) and spans[j + 1][0] < m.end():
            continue
        if re.search(r"[0-9]年[ \t]*$|[0-9][ \t]*$|(?:今年|去年|明年|上年|本年|前年)[ \t]*$", text[max(0, m.start() - 6):m.start()]):
            continue  # 2024年上半年, 去年第四季: read with the year written before them
        after = _YEAR_AFTER_PERIOD.match(text, m.end()) if n >= n_zh else None
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and _heading_between(headings, ends[k], m.start()):
            k = -1  # a Markdown heading between them: a new section or a digest's next item has begun
        if (k >= 0 and n >= n_zh and not doc_year and not en_story and _en_month().search(m.group())
                and SENTENCE_BREAK.search(text, ends[k], m.start())):
            # an undated English story: 'in October' sentences after '… of 2020' is a month the text does not
            # date (a Chinese text names its year once and its months after it; 'at the end of the year' in an
            # undated annual report is still the year it reports on)
            k = -1
        year = explicit[k][1] if k >= 0 else doc_year
        # no year stated in its own sentence (or since the document's own date): the year the document is about
        undated = k < 0 or (explicit[k][1] == doc_year and _FULL_DATE.match(text, ends[k]))
        if (k >= 0 and doc_year and year > doc_year
                and (_ZHSENTENCE_BREAK if n < n_zh else SENTENCE_BREAK).search(text, ends[k], m.start())):
            # (…影响或在2021年集中体现。5月工业增加值增长4.4% in a note of June 2020: a month sentences after a
            # future year is not that year's — the text reports the months it has seen)
            year, undated = doc_year, True
        if anchor and n < n_zh and (undated or _ZHSENTENCE_BREAK.search(text, ends[k], m.start())):
            year = anchor  # 4月… in a sentence of its own: the period the document reports on
        if (undated and year == doc_year and doc_month and doc_month <= REPORTING_MONTHS and n < n_zh
                and m.group() in whole_year):
            year = doc_year - 1  # 全年 in a report dated in spring
        if (undated and not anchor and year == doc_year and doc_month and doc_month <= REPORTING_MONTHS
                and n < n_zh and (_zh_start_month(m.group()) or 0) > max(doc_month, _MIDYEAR)
                and not _deadline_after().match(text, m.end())
                and not _future_before().search(text, max(0, m.start() - 4), m.start())):
            # 四季度, 12月份 in a text dated January: a second-half period not yet begun is last year's (将于10月, 12月底前:
            # ahead in the document's own year)
            year = doc_year - 1
        if en_story and n >= n_zh and (k < 0 or SENTENCE_BREAK.search(text, explicit[k][0], m.start() + 1)):
            # a dated story's 'in the quarter', 'in September' in a sentence of its own is the story's time, not
            # that of a year named sentences before; a month later than the story's month is last year's
            year = en_story[0]
            names = [w.lower() for w in re.findall(r"[A-Z][a-z]+", m.group()) if w.lower() in _cues()["months_en"]]
            # (a range ends with its last month; a quarter or half counts from the month it begins in)
            month = _cues()["months_en"][names[-1]] if names else _cues()["en_period_start_months"].get(m.group())
            if month and en_story[1] and month > en_story[1]:
                year -= 1
            elif m.group().lower() == "last month" and en_story[1] == 1:
                year -= 1
        if after:
            year = int(after.group(1))  # 'the first three quarters of 2011': the year written after it
        if year is None:
            continue
        before = text[max(0, m.start() - 12):m.start()]
        added.append(YearMention(m.start(), m.end(), year, None, False, bool(rx["from_cue"].search(before)),
                                 bool(rx["base_cue"].search(before))))
    if added:
        out.extend(added)
        out.sort(key=lambda x: x.start)


# 12月底前, 12月以前: a deadline ahead in the document's own year
# only a period of the year's second half is surely not begun in its first months (截至6月底 in March may be
# either year's)
_MIDYEAR = 6
_ZH_MONTH_NUMBER = re.compile(r"([0-9]{1,2}|十[一二]|[一二三四五六七八九十])月")


@lru_cache(maxsize=1)
def _deadline_after() -> re.Pattern:
    return re.compile(rf"[ \t]*(?:[0-9]{{1,2}}日)?(?:{trie_pattern(_cues()['zh_deadline_after'])})")


@lru_cache(maxsize=1)
def _future_before() -> re.Pattern:
    return re.compile(rf"(?:{trie_pattern(_cues()['zh_future_before'])})[ \t]*$")


def _zh_start_month(period: str) -> int | None:
    """The month a Chinese period begins in: 12月份 → 12, 10—12月 → 10, 四季度 → 10 (zh_period_start_months)."""
    m = re.match(r"([0-9]{1,2})[ \t]*[-—~～至–]", period) or _ZH_MONTH_NUMBER.search(period)
    if m:
        g = m.group(1)
        return int(g) if g.isdigit() else int(parse_number(g))
    return _cues()["zh_period_start_months"].get(period)


_YEAR_AFTER_PERIOD = re.compile(r"(?:[ \t]+(?:of|in)|,)?[ \t]+((?:19|20)[0-9]{2})(?![0-9])")
@lru_cache(maxsize=1)
def _en_month() -> re.Pattern:
    return re.compile(rf"(?i)\b(?:{alternation(list(_cues()['months_en']))})\b|\bmonths?\b")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+\S", re.M)


def _heading_between(headings: list[int], a: int, b: int) -> bool:
    i = bisect_right(headings, a)
    return i < len(headings) and headings[i] < b
