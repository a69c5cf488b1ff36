"""A value's year as an ordered list of small named rules. Each rule looks at one kind of evidence — the words
right after the value, its sentence, the sentences before it, a list's lead-in, a heading, the title, the
document's own date — and either answers or passes. The first answer wins; its rule id and its `basis` (the
published `year_basis`: stated, relative, period, section, context, document_date) say why. The order is data:
`year_rules` in reference/time_cues.json."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .context import DocContext
from .quantities import Quantity
from .reference import alternation, load_json
from .sentences import Segments
from .structure import table_column_year
from .timing import PAST as _PAST, time_cues as _cues
from .year_evidence import (ATTACHED as _ATTACHED, EN_TIME_AFTER as _EN_TIME_AFTER, FROM_BEFORE as _FROM_BEFORE,
                            FROM_TO_AFTER as _FROM_TO_AFTER, PER_HEAD as _PER_HEAD, clause_end as _clause_end,
                            current_rx as _current_rx, dates_the_recurrence as _dates_the_recurrence,
                            perfect_rx as _perfect_rx,
                            forecast_before_report as _forecast_before_report, heading_year as _heading_year,
                            in_side_clause as _in_side_clause, list_lead_in as _list_lead_in, resolve as _resolve)
from .years import YearMention


@dataclass(frozen=True)
class YearAnswer:
    year: int | None
    year_start: int | None
    mention: YearMention | None
    basis: str | None
    rule: str


@dataclass
class YearQuery:
    """One value and what its year rules look at."""
    wt: str
    seg: Segments
    q: Quantity
    years: list[YearMention]
    ctx: DocContext
    clause_before: str
    respective: YearMention | None = None  # 在2024年、2025年分别…: this value's year of the list (structure.py)

    def __post_init__(self) -> None:
        self.ss, self.se = self.seg.sent(self.q.start)
        wt, q, ss = self.wt, self.q, self.ss
        self.i = bisect_left(self.years.starts, q.start) - 1  # the last year mention before the value
        self.in_from = (bool(_FROM_BEFORE.search(wt[max(ss, q.start - 30):q.start]))
                        and bool(_FROM_TO_AFTER.match(wt[q.end:q.end + 16])))
        self.in_to = bool(_TO_BEFORE.search(wt[max(ss, q.start - 12):q.start]))
        self.ps, _ = self.seg.para(q.start)

    def sentence_has(self, cue: str) -> bool:
        """A cue of `_cues()` (a plan word) anywhere in the value's sentence; looked up once per sentence."""
        ss, se = self.ss, self.se
        return self.seg.memo((cue, ss, se), lambda: bool(_cues()[cue].search(self.wt, ss, se)))

    def sentence_past(self) -> bool:
        """The value's sentence is in the past tense; looked up once per sentence."""
        ss, se = self.ss, self.se
        return self.seg.memo(("past", ss, se), lambda: bool(_PAST.search(self.wt, ss, se)))

    def answer(self, rule: str, y: YearMention | None, basis: str | None = None,
               year: int | None = None, year_start: int | None = None) -> YearAnswer:
        """The rule's answer from a year mention (resolved for from-to pairs and periods), or a year of its own."""
        if y is not None and year is None:
            year, year_start, _ = _resolve(y, self.q, self.in_from, self.in_to, self.clause_before)
        return YearAnswer(year, year_start, y, basis or _mention_basis(y, year_start), rule)


_TO_BEFORE = re.compile(r"(?:到|至|\bto\b)[^。；;，,]{0,6}$")


def _mention_basis(y: YearMention | None, year_start: int | None) -> str | None:
    if y is None:
        return None
    if y.relative:
        return "relative"
    return "period" if year_start is not None else "stated"


# ---------------------------------------------------------------- the rules

def table_column(yq: YearQuery) -> YearAnswer | None:
    """A table cell under a year column (2023 | 2024)."""
    col = table_column_year(yq.wt, yq.q.start)
    return YearAnswer(col, None, None, "section", "table_column") if col is not None else None


_ROW_END = re.compile(r"[0-9][ \t]*$")


@lru_cache(maxsize=1)
def _caption_rx() -> re.Pattern:
    return re.compile(rf"[ \t]*(?:{alternation(load_json('time_cues.json')['table_caption_leads'])})[ \t]*[0-9一二三四五六七八九十]+")


def table_caption(yq: YearQuery) -> YearAnswer | None:
    """A row of a text table takes the year of the caption over its header (表 5 2023年主要产品产量 / 产品名称 单位
    产量 / 钢材 吨 157 4.8): the rows above it end in numbers, the header does not, the caption sits above that."""
    if not yq.q.column:
        return None
    wt, header = yq.wt, None
    end = wt.rfind("\n", 0, yq.q.start)
    while end > 0:
        start = wt.rfind("\n", 0, end) + 1
        line = wt[start:end]
        end = start - 1
        if not line.strip() or (header is None and _ROW_END.search(line)):
            continue
        if header is None:
            header = line
            continue
        if not _caption_rx().match(line):
            return None
        y = next((y for y in yq.years.between(start, start + len(line)) if not y.base_cue and not y.relative), None)
        return yq.answer("table_caption", y, "section") if y is not None else None
    return None


def respective_year(yq: YearQuery) -> YearAnswer | None:
    """在2024年、2025年分别下跌50%和17%: the k-th value of a list takes the k-th year of the list before it."""
    return yq.answer("respective_year", yq.respective) if yq.respective is not None else None


def year_after_value(yq: YearQuery) -> YearAnswer | None:
    """'3.832 trillion RMB in 2022', '8.3% recorded in 2011-2015', 'grew 5.8% last year': English puts the time after."""
    if yq.q.script != "en":
        return None
    # ('6.8trn yuan ($1trn, or almost 7% of national income) in 2020': a value in a bracketed aside is read from
    # the bracket's end, where the year of the value it glosses stands)
    for after in (yq.q.end, _aside_end(yq)):
        if after is None:
            continue
        j = bisect_left(yq.years.starts, after)
        years = yq.years
        # ('down 1.0 point from a year earlier': the base of the change, not its date)
        if (j < len(years) and years[j].start < yq.se and not years[j].base_cue and not years[j].from_cue
                and not years[j].since and _EN_TIME_AFTER.fullmatch(yq.wt, after, years[j].start)):
            y = years[j]
            ys = y.year_start if _cues()["average"].search(yq.clause_before) else None
            return YearAnswer(y.year, ys, y, _mention_basis(y, ys), "year_after_value")
    return None


def _aside_end(yq: YearQuery) -> int | None:
    """The offset after the ')' that closes a bracket the value stands in, within its sentence; else None."""
    wt, q = yq.wt, yq.q
    opened = wt.rfind("(", yq.ss, q.start)
    if opened < 0 or wt.find(")", opened, q.start) >= 0:
        return None
    close = wt.find(")", q.end, yq.se)
    return close + 1 if close >= 0 else None


def repeated_from_to(yq: YearQuery) -> YearAnswer | None:
    """'from 34.6 trillion in 2015 to 68.8 trillion in 2023, lifting the share from 50.8% to 54.6%': a second
    from-to pair (its 'from' comes after the last year) without years of its own repeats the first pair's."""
    i, years, wt = yq.i, yq.years, yq.wt
    if yq.in_from and i >= 1 and years[i - 1].start >= yq.ss and years[i].end <= yq.q.start:
        a, b = years[i - 1], years[i]
        if re.search(r"到|至|\bto\b", wt[a.end:b.start]) and _FROM_BEFORE.search(wt[b.end:yq.q.start]):
            return YearAnswer(a.year, None, a, "stated", "repeated_from_to")
    return None


_UP_TO_NOW = re.compile(r"[ \t]*(?:至今|以来|迄今)")


def span_to_now(yq: YearQuery) -> YearAnswer | None:
    """从2016年至今，新创家数由3,157家增长到9,600家 / 'Since 2016 the count has risen from 3,157 to 9,600': the
    'from' value is of the span's first year; the 'to' value is as of now, the document's year."""
    if not yq.in_from and not yq.in_to:
        return None
    wt, years = yq.wt, yq.years
    i = yq.i
    while i >= 0 and years[i].start >= yq.ss:
        y = years[i]
        if y.end <= yq.q.start:
            break
        i -= 1
    if i < 0 or years[i].start < yq.ss:
        return None
    y = years[i]
    if not (y.since or (y.from_cue and _UP_TO_NOW.match(wt, y.end))) or y.relative or y.year_start is not None:
        return None
    between = wt[y.end:yq.q.start]
    if yq.in_from and _FROM_BEFORE.search(between):
        return YearAnswer(y.year, None, y, "stated", "span_to_now")
    if yq.in_to and yq.ctx.stated_year is not None and _FROM_BEFORE.search(between):
        return YearAnswer(yq.ctx.stated_year, None, None, "document_date", "span_to_now")
    return None


def current_after_year(yq: YearQuery) -> YearAnswer | None:
    """2015年率先实现县县通高速，目前全省公路总里程突破8000公里: a 'now' word between the sentence's last year and
    the value dates the value now — the document's year, or none when the document states no date."""
    i, years = yq.i, yq.years
    last = years[i].end if i >= 0 and years[i].start >= yq.ss else yq.ss
    if last == yq.ss or not _current_rx().search(yq.wt, last, yq.q.start):
        return None
    # (an undated report's own year, as its 今年 is resolved, when its wrapper states no date)
    ctx = yq.ctx
    y = ctx.stated_year or ctx.year or ctx.report_year
    basis = "document_date" if ctx.stated_year else ("relative" if y is not None else None)
    return YearAnswer(y, None, None, basis, "current_after_year")


def same_sentence(yq: YearQuery) -> YearAnswer | None:
    """The nearest year before the value in its sentence, passing over those that date something else."""
    wt, q, years = yq.wt, yq.q, yq.years
    i = yq.i
    while i >= 0 and years[i].start >= yq.ss:
        y = years[i]
        i -= 1
        if y.end > q.start:
            continue
        between = wt[y.end:q.start]
        attached = _ATTACHED.match(between)
        if ((y.from_cue and re.search(r"到|至|\bto\b", between))  # 从2000年的5.2%增加到9%: 2000 is the first value's
                or (y.base_cue and not attached)  # 比1995年底增加920亿美元: the base of the change
                # 为2018年的1.6倍: the multiple is this year's, measured against 2018 (and so are later values)
                or (y.ratio_base and ((q.kind in ("ratio", "percent") and attached) or (q.script == "zh" and not attached)))
                or (q.script == "en" and y.since)  # 'Since 2019, the city has opened 30 parks': a starting point
                # 'Suzhou, whose zone opened in 2019, saw output expand 5.7%': 2019 dates the side clause
                or (q.script == "en" and _in_side_clause(wt, yq.ss, y, q.start))):
            continue
        return yq.answer("same_sentence", y)
    return None


def relative_unresolved(yq: YearQuery) -> YearAnswer | None:
    """今年… in a text whose own date is unknown: the year cannot be told (and no earlier sentence's year applies).
    In a dated text the relative years are resolved mentions, read by the rules before this one."""
    ctx = yq.ctx
    if ctx.year or ctx.reference_year or ctx.report_year:
        return None
    if _cues()["relative"].search(yq.wt, yq.ss, yq.q.start):
        return YearAnswer(None, None, None, None, "relative_unresolved")
    return None


def current_value(yq: YearQuery) -> YearAnswer | None:
    """目前全市共有数据中心120个, 'the city currently has 120 data centres', 'it has left 4bn yuan unpaid': a value
    stated as of now (or in the present perfect), in a dated document, is of the document's year — not of the year
    an earlier sentence names."""
    y = yq.ctx.stated_year
    if y is None:
        return None
    if (_current_rx().search(yq.wt, yq.ss, yq.q.start)
            or (yq.q.script == "en" and _perfect_rx().search(yq.wt, yq.ss, yq.q.start))):
        return YearAnswer(y, None, None, "document_date", "current_value")
    return None


_FROM_IN_CLAUSE = re.compile(r"\bfrom\b[^,;:]*$")


def previous_sentences(yq: YearQuery) -> YearAnswer | None:
    """The previous sentence's year governs; further back only through sentences that continue the same statement
    (其中…, 而…, Among them…)."""
    wt, seg, q, years, ctx = yq.wt, yq.seg, yq.q, yq.years, yq.ctx
    # 预计到2025年… in an earlier sentence dates that plan; a later report with no plan word of its own keeps the
    # paragraph's year (从区域格局看，2020年…)
    target_cue = "zh_target" if q.script == "zh" else "en_target"
    cur = seg.sent_index(q.start)
    while cur > 0:
        prev_s, prev_e = seg.sents[cur - 1]
        if prev_s < yq.ps:
            return None
        # (由2014年的42.3%降至2024年的24.5%: the pair's starting year does not date the next sentence)
        found = [y for y in years.between(prev_s, prev_e) if not y.base_cue and not y.ratio_base and not y.since
                 and not y.from_cue and not (y.target_cue and not yq.sentence_has(target_cue))]
        if (found and q.script == "en" and (ctx.year is None or found[-1].year >= ctx.year)
                and _forecast_before_report(wt, prev_s, prev_e, yq.ss, yq.se)):
            # 'For 2025, analysts expect slower growth. Revenue grew 5.8%': the results reported after a forecast
            # are of the completed year before the forecast's
            y = found[-1]
            if (y.year_start is None and not y.target_cue and ctx.year is not None
                    and ctx.year <= y.year <= ctx.year + 1):
                return YearAnswer(y.year - 1, None, None, "context", "forecast_then_report")
            return None  # 'By 2027 the city aims to…': a far target says nothing of when results were reported
        if found and q.script == "en":
            # ('rose to $100 billion in 2011, up from $91 billion in 2010': the year of the base it rose from
            # dates that base, not the sentence)
            found = [y for y in found if not _FROM_IN_CLAUSE.search(wt, max(prev_s, y.start - 60), y.start)] or found
            # ('Exports are expected to grow 8% in 2026. Electronics account for 70% of exports': a forecast's
            # year does not date the statements of fact after it)
            found = [y for y in found if not _forecast_year_for_a_fact(yq, y.year)]
        if found:
            # a Chinese sentence opens with its time (2013年，…); an English one ends with it (… in 2022)
            y = found[0] if q.script == "zh" else found[-1]
            a = yq.answer("previous_sentence", y)
            return YearAnswer(a.year, a.year_start, a.mention, "relative" if y.relative else "context", a.rule)
        if not _cues()["continuation"].match(wt, seg.sents[cur][0]):
            return None
        cur -= 1
    return None


def list_lead(yq: YearQuery) -> YearAnswer | None:
    """A list item without a year takes the year of the lead-in the list hangs from (2023年主要指标如下：)."""
    # (the same for every value of the paragraph; the mentions are the document's, so the key names them)
    lead = yq.seg.memo(("list_lead", id(yq.years), yq.ps), lambda: _list_lead_in(yq.wt, yq.seg, yq.years, yq.ps))
    return yq.answer("list_lead", lead, "context") if lead is not None else None


def plan_period(yq: YearQuery) -> YearAnswer | None:
    """A plan's period from its title (三年行动方案(2024—2026年)): its values are of the end year."""
    if yq.ctx.plan:
        a, b = yq.ctx.plan
        return YearAnswer(b, a, None, "period", "plan_period")
    return None


def paragraph_opening(yq: YearQuery) -> YearAnswer | None:
    """A report ('Travel accounted for nearly 40% of imports', 整体货物出口实质下跌10.3%) is about the year its
    paragraph's opening sentence names; an English present-tense statement is not tied to one."""
    wt, seg, q = yq.wt, yq.seg, yq.q
    if not ((q.script == "zh" or yq.sentence_past()) and seg.sents):
        return None
    first_s, first_e = seg.sent(yq.ps)
    if first_e > yq.ss or (q.script == "en" and _forecast_before_report(wt, first_s, first_e, yq.ss, yq.se)):
        return None
    for y in yq.years.between(first_s, first_e):
        # ('contracted 15.5 percent from a year earlier': the year compared with, not the year reported)
        if (not y.base_cue and not y.ratio_base and y.year_start is None and not y.since
                and not (y.relative and y.from_cue)):
            return YearAnswer(y.year, None, y, "relative" if y.relative else "context", "paragraph_opening")
    return None


def heading(yq: YearQuery) -> YearAnswer | None:
    """二、2023年工作安排 / '## 2022 in review' over the paragraphs below it."""
    head = yq.seg.memo(("heading", id(yq.years), yq.ps), lambda: _heading_year(yq.wt, yq.seg, yq.years, yq.ps))
    if head is None or _forecast_year_for_a_fact(yq, head.year):
        return None
    return yq.answer("heading", head, "section")


def _forecast_year_for_a_fact(yq: YearQuery, year: int) -> bool:
    """'Export Outlook 2026' over 'electronics account for 70% of exports', in an English text dated 2025: a year
    after the document's own dates forecasts, and a statement with no plan word of its own is not one of them."""
    now = yq.ctx.stated_year or yq.ctx.year
    return (now is not None and year > now and not _HAN_RX.search(yq.wt, yq.ss, yq.se)
            and not yq.sentence_has("en_target"))


_HAN_RX = re.compile(r"[\u3400-\u9fff]")


def title_year(yq: YearQuery) -> YearAnswer | None:
    """The year the title reports on (某省2023年统计公报, 'output … in April' in a dated wire)."""
    y = yq.ctx.reference_year
    if y is None or _forecast_year_for_a_fact(yq, y):
        return None
    return YearAnswer(y, None, None, "section", "title_year")


def news_story(yq: YearQuery) -> YearAnswer | None:
    """A Chinese news story (新华社…电, 本报讯) reports on its own time."""
    y = yq.ctx.story_year
    if yq.q.script == "zh" and y is not None:
        return YearAnswer(y, None, None, "document_date", "news_story")
    return None


def dateline_report(yq: YearQuery) -> YearAnswer | None:
    """A dated English news story reports in the past tense on its own time."""
    y = yq.ctx.dateline_year
    if yq.q.script == "en" and y is not None and yq.sentence_past():
        return YearAnswer(y, None, None, "document_date", "dateline_report")
    return None


def document_date(yq: YearQuery) -> YearAnswer | None:
    """A value reported as current or as the news of the day (present or perfect tense, 目前, 'has reached') takes
    the year of the document's own date when the document states one (GOLD_SPEC)."""
    y = yq.ctx.stated_year
    return YearAnswer(y, None, None, "document_date", "document_date") if y is not None else None


RULES = {f.__name__: f for f in (table_column, table_caption, respective_year, year_after_value, repeated_from_to, span_to_now, current_after_year, same_sentence,
                                 relative_unresolved, current_value, previous_sentences, list_lead, plan_period, paragraph_opening,
                                 heading, title_year, news_story, dateline_report, document_date)}


@lru_cache(maxsize=1)
def _order() -> tuple:
    names = load_json("time_cues.json")["year_rules"]
    unknown = set(names) - set(RULES)
    if unknown:
        raise ValueError(f"time_cues.json year_rules names unknown rules: {sorted(unknown)}")
    return tuple(RULES[n] for n in names)


_NONE = YearAnswer(None, None, None, None, "none")


def decide_year(yq: YearQuery) -> YearAnswer:
    for rule in _order():
        a = rule(yq)
        if a is not None:
            return a
    return _NONE


def year_of(wt: str, seg: Segments, q: Quantity, years, ctx: DocContext, clause_before: str,
            respective: YearMention | None = None) -> YearAnswer:
    a = decide_year(YearQuery(wt, seg, q, years, ctx, clause_before, respective))
    ss, _ = seg.sent(q.start)
    # 每年 reaches over the clauses of its sentence; 'each year' stays in its clause
    scope = ss if q.script == "zh" else seg.clause_start(q.start)
    annual = _cues()["annual"].search(wt, scope, q.start)
    if annual is None and q.script == "en":
        # ('the city adds 10,000 jobs each year': English says it after the value, in the value's clause)
        annual = _cues()["annual"].search(wt, q.end, _clause_end(wt, q.end, seg.sent(q.start)[1]))
    if (annual and not _cues()["average"].search(clause_before)
            and not _PER_HEAD.search(wt, max(scope, annual.start() - 3), annual.end())
            and not _dates_the_recurrence(a.mention, annual.end())):
        return YearAnswer(None, None, a.mention, None, "recurring")  # 每年 / per year: not one year's value
    return a
