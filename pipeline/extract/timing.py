"""The year, period and target status of one value: from the words right after it, its sentence, the sentences
before it in its paragraph, and finally the document (a plan's period, a title's reporting year, a dateline)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .context import DocContext
from .quantities import Quantity
from .reference import alternation, load_json
from .sentences import Segments
from .structure import table_column_year
from .years import REPORTING_MONTHS, YearMention, document_date

# between a number and the year right after it: a few plain words and a preposition, no other number or comma
# ('grew 5.8% to 3.68 trillion yuan in 2024': a growth and the level it reached share their year; 'at end-2023',
# 'as of end-June 2024': the hyphen ties 'end' to the year or month)
_EN_TIME_AFTER = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:[\w$.-]+[ \t]+){0,6}?(?:in|for|as of|by|by the end of|at the end of|during|over|end-)?[ \t]*"
                            r"(?:[A-Z][a-z]+[ \t]*[-–—][ \t]*)?")  # 'in January–May 2025
_FROM_TO_AFTER = re.compile(r"^[^。；;,，]{0,12}?(?:增长到|增加到|提高到|上升到|下降到|减少到|降至|增至|升至|到|至|\bto\b)")
# past tense, not a passive present ('is invested')
_PAST = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(?:was|were|grew|rose|fell|reached|accounted|totall?ed|increased|decreased|declined|amounted|stood|"
                   r"recorded|posted|expanded|contracted|climbed|dropped|jumped|slowed|surged|edged|had|employed|"
                   r"signed|installed|reported|spent|invested|attracted|exported|imported|narrowed|widened|eased|"
                   r"rebounded|soared|plunged|slumped|shrank|accelerated|improved|doubled|topped|generated|produced|sold|"
                   r"delivered|earned|logged|registered|saw|returned|recovered|came in|hit|lowered|reduced|trimmed|slashed|cut|"
                   r"raised|lifted|boosted)\b")
# 每人每年6120元: a rate per person and year, not an amount that recurs each year
_PER_HEAD = re.compile(r"每(?:人|户|亩|吨)(?:每)?年")
_FORECAST_AFTER = re.compile(r"[ \t]*(?:左右|以上|以下)?(?:的)?(?:预测|预期目标|预期|预估|目标)")
_BUDGETED = re.compile(r"预算(?:的|为|数|是|安排)?[ \t]*$")
# a year written right before its value: 2000年的5.2%, 1995年底…, 'its 2018 peak of US$292 billion'
_ATTACHED = re.compile(r"[ \t]*(?:年底|年末|年初|底|末|同期)?[ \t]*(?:的|(?:[a-z]+[ \t]+)?of)?[ \t]*$")
_FROM_BEFORE = re.compile(r"(?:从|由|\bfrom\b)[^。；;,，]{0,30}$")


@lru_cache(maxsize=1)
def _cues() -> dict:
    c = load_json("time_cues.json")
    return {
        "zh_target": re.compile(alternation(c["zh_target_strong"])),
        # 'by 2025' is a deadline; 'cut by 20 basis points' is not, so 'by' needs a whole year after it
        # 'targets' is a verb cue ('Beijing targets 5% growth') but not as a noun after a determiner or a year
        # ('exceeded its 2023 targets', 'all targets were met')
        "en_target": re.compile(rf"(?i)\b(?:{alternation(c['en_target'])}|by (?:19|20)[0-9]{{2}}\b"
                                rf"|(?<!\bits )(?<!\btheir )(?<!\bthe )(?<!\ball )(?<!\bour )(?<![0-9]{{4}} )(?<!\bannual )"
                                rf"targets\b(?![ \t]+(?:were|was|are|have|had)\b))"),
        "en_future": re.compile(rf"(?i)\b(?:{alternation(c['en_future'])})\b"),
        "annual": re.compile(rf"(?:{alternation(c['zh_annual'])})|(?i:\b(?:{alternation(c['en_annual'])})\b)"),
        "continuation": re.compile(rf"[\W_]*(?:{alternation(c['continuation_leads'])})(?![A-Za-z])"),
        # 今年, last year as the time of a statement (not 比上年, the base of a comparison)
        "relative": re.compile(r"(?<![比较同与])(?:今年|明年|去年|本年)|(?i:\b(?:this|last|next) year\b)"),
        "average": re.compile(rf"(?:{alternation(c['zh_average'])})|(?i:\b(?:{alternation(c['en_average'])})\b)"),
    }


def year_of(wt: str, seg: Segments, q: Quantity, years: list[YearMention], ctx: DocContext, clause_before: str):
    """(year, year_start, the mention used)."""
    y, ys, ym = _year_of(wt, seg, q, years, ctx, clause_before)
    ss, _ = seg.sent(q.start)
    # 每年 reaches over the clauses of its sentence; 'each year' stays in its clause
    scope = ss if q.script == "zh" else seg.clause_start(q.start)
    annual = _cues()["annual"].search(wt, scope, q.start)
    if (annual and not _cues()["average"].search(clause_before)
            and not _PER_HEAD.search(wt, max(scope, annual.start() - 3), annual.end())):
        return None, None, ym  # 每年 / per year: a recurring amount, not one year's value
    return y, ys, ym


def _year_of(wt: str, seg: Segments, q: Quantity, years: list[YearMention], ctx: DocContext, clause_before: str):
    ss, se = seg.sent(q.start)
    col = table_column_year(wt, q.start)
    if col is not None:
        return col, None, None  # a table cell under a year column
    if q.script == "en":
        # '3.832 trillion RMB in 2022', '8.3% recorded in 2011-2015', '10% of GDP by 2025', 'grew 5.8% last year'
        j = bisect_left(years.starts, q.end)
        # ('down 1.0 point from a year earlier': the base of the change, not its date)
        if (j < len(years) and years[j].start < se and not years[j].base_cue and not years[j].from_cue
                and not years[j].since
                and _EN_TIME_AFTER.fullmatch(wt, q.end, years[j].start)):
            y = years[j]
            return y.year, (y.year_start if _cues()["average"].search(clause_before) else None), y
    starts = years.starts
    i = bisect_left(starts, q.start) - 1
    after_q = wt[q.end:q.end + 16]
    in_from = bool(_FROM_BEFORE.search(wt[max(ss, q.start - 30):q.start])) and bool(_FROM_TO_AFTER.match(after_q))
    in_to = bool(re.search(r"(?:到|至|\bto\b)[^。；;，,]{0,6}$", wt[max(ss, q.start - 12):q.start]))
    if in_from and i >= 1 and years[i - 1].start >= ss and years[i].end <= q.start:
        # 'from 34.6 trillion in 2015 to 68.8 trillion in 2023, lifting the share from 50.8% to 54.6%': a second
        # from-to pair (its 'from' comes after the last year) without years of its own repeats the first pair's
        a, b = years[i - 1], years[i]
        if re.search(r"到|至|\bto\b", wt[a.end:b.start]) and _FROM_BEFORE.search(wt[b.end:q.start]):
            return a.year, None, a
    while i >= 0 and years[i].start >= ss:
        y = years[i]
        if y.end > q.start:
            i -= 1
            continue
        between = wt[y.end:q.start]
        if y.from_cue and re.search(r"到|至|\bto\b", between):
            i -= 1  # 从2000年的5.2%增加到9%: 2000 belongs to the first value
            continue
        if y.base_cue and not _ATTACHED.match(between):
            i -= 1  # 比1995年底增加920亿美元: 1995 is the base the change is measured from
            continue
        attached = _ATTACHED.match(between)
        if y.ratio_base and ((q.kind in ("ratio", "percent") and attached) or (q.script == "zh" and not attached)):
            i -= 1  # 为2018年的1.6倍: the multiple is this year's, measured against 2018 (and so are later values)
            continue
        if q.script == "en" and y.since:
            i -= 1  # 'Since 2019, the city has opened 30 parks': a starting point, not the value's year
            continue
        if q.script == "en" and _in_side_clause(wt, ss, y, q.start):
            i -= 1  # 'Suzhou, whose zone opened in 2019, saw output expand 5.7%': 2019 dates the side clause
            continue
        return _resolve(y, q, in_from, in_to, clause_before)
    if _cues()["relative"].search(wt, ss, q.start):
        return None, None, None  # 今年… in a text whose own date is unknown: the year cannot be told
    # the sentence has none: the previous sentence's year governs, and further back only through sentences
    # that continue the same statement (其中…, 而…, Among them…)
    si = seg.sent_index(q.start)
    ps, _ = seg.para(q.start)
    # 预计到2025年… in an earlier sentence dates that plan; a later report (达到5.2万亿元) with no plan word of its
    # own keeps the paragraph's year (从区域格局看，2020年…)
    own_target = bool(_cues()["zh_target" if q.script == "zh" else "en_target"].search(wt, ss, se))
    cur = si
    while cur > 0:
        prev_s, prev_e = seg.sents[cur - 1]
        if prev_s < ps:
            break
        # ('Since 2019, the city has opened 30 parks': a starting point, not the time of the next sentence)
        # (由2014年的42.3%降至2024年的24.5%: the pair's starting year does not date the next sentence)
        found = [y for y in years.between(prev_s, prev_e) if not y.base_cue and not y.ratio_base and not y.since
                 and not y.from_cue and not (y.target_cue and not own_target)]
        if (found and q.script == "en" and (ctx.year is None or found[-1].year >= ctx.year)
                and _forecast_before_report(wt, prev_s, prev_e, ss, se)):
            # 'For 2025, analysts expect slower growth. Revenue grew 5.8%': the results reported after a forecast
            # are of the completed year before the forecast's, not of the forecast's year
            y = found[-1]
            if (y.year_start is None and not y.target_cue and ctx.year is not None
                    and ctx.year <= y.year <= ctx.year + 1):
                return y.year - 1, None, None
            break  # 'By 2027 the city aims to…': a far target says nothing of when the results were reported
        if found:
            # a Chinese sentence opens with its time (2013年，…); an English one ends with it (… in 2022)
            return _resolve(found[0] if q.script == "zh" else found[-1], q, in_from, in_to, clause_before)
        if not _cues()["continuation"].match(wt, seg.sents[cur][0]):
            break
        cur -= 1
    lead = _list_lead_in(wt, seg, years, ps)
    if lead is not None:
        return _resolve(lead, q, in_from, in_to, clause_before)
    if ctx.plan:
        a, b = ctx.plan
        return b, a, None
    if (q.script == "zh" or _PAST.search(wt, ss, se)) and seg.sents:
        # a report ('Travel accounted for nearly 40% of imports', 整体货物出口实质下跌10.3%) is about the year its
        # paragraph's opening sentence names; an English present-tense statement ('There are about 200
        # universities') is not tied to one
        first_s, first_e = seg.sent(ps)
        if first_e <= ss and not (q.script == "en" and _forecast_before_report(wt, first_s, first_e, ss, se)):
            for y in years.between(first_s, first_e):
                if not y.base_cue and not y.ratio_base and y.year_start is None and not y.since:
                    return y.year, None, y
    head = _heading_year(wt, seg, years, ps)
    if head is not None:
        return _resolve(head, q, in_from, in_to, clause_before)
    if ctx.reference_year is not None:
        return ctx.reference_year, None, None
    if q.script == "zh" and ctx.story_year is not None:
        return ctx.story_year, None, None  # a news story reports on its own time
    if q.script == "en" and ctx.dateline_year is not None and _PAST.search(wt, ss, se):
        return ctx.dateline_year, None, None  # a dated news story reports on its own time
    return None, None, None


# a numbered or bulleted list item: （1） (2) 1. 2、 一是 （一） 一、 • -
_ITEM = re.compile(r"[ \t]*(?:[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]|[0-9]{1,2}[.、．](?![0-9])|"
                   r"(?P<shi>[一二三四五六七八九十]{1,3}是)|[一二三四五六七八九十]{1,3}、|[-•·*▪][ \t])")
# a lead-in that announces a list: …如下：, …（见表2）：, 'were as follows:'
_LEAD_END = re.compile(r"[：:][ \t]*(?:[（(][^（）()]{0,20}[)）])?[ \t]*$")
_MAX_ITEMS = 40


def _list_lead_in(wt: str, seg: Segments, years, ps: int) -> YearMention | None:
    """A list item without a year takes the year of the lead-in the list hangs from: the nearest paragraph
    before the run of items, when it ends with a colon (2023年主要指标如下：) or the items are 一是/二是…"""
    first = _ITEM.match(wt, ps)
    if not first:
        return None
    k = seg.para_index(ps)
    shi = bool(first.group("shi"))
    for j in range(k - 1, max(-1, k - 1 - _MAX_ITEMS), -1):
        a, b = seg.paras[j]
        m = _ITEM.match(wt, a)
        if m:
            shi = shi or bool(m.group("shi"))
            continue
        if not (_LEAD_END.search(wt, a, b) or shi):
            return None
        last_s, _ = seg.sent(b - 1)
        for lo in (last_s, a):  # the lead-in's own sentence, then its paragraph's opening sentence
            found = [y for y in years.between(lo, b) if not (y.base_cue or y.ratio_base or y.since or y.relative)]
            if found:
                return found[0]
        return None
    return None


_HEADING_MAX = 40
_NOT_HEADING_END = re.compile(r"[。！？；;.!?，,：:、]\s*$")
_HAS_DIGIT = re.compile(r"[0-9]")
# a heading's numbering, by level: 第一章 / 一、 / （一） / 1. / （1）; markdown #s by their count
_NUMBERING = re.compile(r"[ \t]*(?:(?P<md>#+)[ \t]*)?(?:(?P<chapter>第[^ \t]{1,3}[章节部分篇])|(?P<cn>[一二三四五六七八九十]+、)"
                        r"|(?P<cn_paren>[（(][一二三四五六七八九十]+[)）])|(?P<num>[0-9]{1,2}(?:\.[0-9]{1,2})*[.、．]?[ \t])"
                        r"|(?P<num_paren>[（(][0-9]{1,2}[)）]))?")
_LEVELS = ("chapter", "cn", "cn_paren", "num", "num_paren")
_TOP_LEVEL = 1  # 第一章 and 一、 head whole sections; （一）, 1. and (1) are sub-headings inside one
_DATED = re.compile(r"(?i)\b(?:published|updated|posted|released|received|accepted)\b")
_HEADING_REACH = 80


def _heading_year(wt: str, seg: Segments, years, ps: int) -> YearMention | None:
    """二、2023年工作安排 / '## 2022 in review' / 一、一年来工作回顾 over the paragraphs below it: the nearest heading
    above the value (a short line that does not end as a sentence does) dates its section when it names a year.
    Short data rows (地区生产总值 350亿元) are passed over. A numbered sub-heading without a year (（一）抗击疫情)
    sends the search on to the heading of a higher level it sits under; any other heading without a year ends it."""
    k = seg.para_index(ps)
    below = None  # the level of a year-less sub-heading already passed: only higher levels are looked at now
    for j in range(k - 1, max(-1, k - 1 - _HEADING_REACH), -1):
        a, b = seg.paras[j]
        if b - a > _HEADING_MAX or _NOT_HEADING_END.search(wt, a, b):
            continue
        if document_date(wt[a:b]) or _DATED.search(wt, a, b):
            continue  # a dateline or 'Published 14 March 2024' dates the document, handled elsewhere
        numbering = _NUMBERING.match(wt, a)
        level = _heading_level(numbering)
        if below is not None and (level is None or level >= below):
            continue
        found = [y for y in years.between(a, b) if not (y.base_cue or y.ratio_base or y.since)]
        if found:
            return found[0]
        if not _HAS_DIGIT.search(wt, numbering.end(), b):
            if level is None or level <= _TOP_LEVEL:
                return None  # '2. Trade in services', 四、保障措施: a section heading without a year
            below = level
    return None


def _heading_level(m: re.Match) -> int | None:
    if m.group("md"):
        return len(m.group("md")) - 1
    return next((i for i, g in enumerate(_LEVELS) if m.group(g)), None)


_SIDE_OPEN = re.compile(r"(?:,[ \t]*(?:which|whose|who|where|when|that)\b|\((?=[^()]*\b(?:launched|opened|founded|established|set up|began|started|built|created|introduced)\b))[^,()]*$")
_SIDE_CLOSE = re.compile(r"[^,()]*[,)]")


def _in_side_clause(wt: str, ss: int, y: YearMention, q_start: int) -> bool:
    """The year sits in a relative or bracketed clause (', which opened in 2018,' '(launched in 2020)') that
    closes before the value: it dates another event."""
    return bool(_SIDE_OPEN.search(wt, max(ss, y.start - 80), y.start)) and bool(_SIDE_CLOSE.match(wt, y.end, q_start))


def _forecast_before_report(wt: str, ps: int, pe: int, ss: int, se: int) -> bool:
    """The earlier sentence looks ahead (expect, forecast, will) and this one reports in the past tense."""
    c = _cues()
    # ('would' is left out: reported speech in a past narrative, 'said it would cut fees', looks back)
    return (bool(c["en_target"].search(wt, ps, pe)) and bool(_PAST.search(wt, ss, se))
            and not c["en_target"].search(wt, ss, se))


def _resolve(y: YearMention, q: Quantity, in_from: bool, in_to: bool, clause_before: str):
    if y.year_start is None:
        return y.year, None, y
    if in_from:
        return y.year_start, None, y
    if _cues()["average"].search(clause_before):
        return y.year, y.year_start, y
    return y.year, (None if in_to else y.year_start), y


def is_target(wt, ss, ce, q, cs, ym: YearMention | None, year, ctx: DocContext, is_zh: bool) -> bool:
    c = _cues()
    if ym is not None and ym.target_cue and (ctx.year is None or ym.year >= ctx.year):
        # 'had built 1.4 million base stations by 2021' reports what was done by then
        if is_zh or not (_PAST.search(wt, cs, ce) and not c["en_future"].search(wt, cs, ce)):
            return True
    if ctx.plan and (year is None or year >= ctx.plan[0]):
        return True
    if (is_zh and ym is not None and ym.relative and ym.year == ctx.year and ctx.month
            and ctx.month <= REPORTING_MONTHS):
        return True  # 今年… in a report dated in spring: the year has barely begun, so its whole-year figure is a plan
    if is_zh:
        # 政府开支预计为7,767亿元，收入为5,759亿元: a plan word earlier in the sentence covers its later clauses
        if _cue_outside_quotes(c["zh_target"], wt, ss, q.start):
            return True
        if _BUDGETED.search(wt, max(cs, q.start - 6), q.start):
            return True  # 原来预算的850亿元: a budgeted amount (not 预算外资金, extra-budgetary funds)
        if _FORECAST_AFTER.match(wt, q.end):
            return True  # 增长2.5%至3.5%的预测: the value is what is forecast
    elif c["en_target"].search(wt, cs, _coordinate_end(wt, q.end, ce)):
        # 'grew 6.7% in 2023, and the government aims to raise it by 5%': the cue's own clause ('down from an 8.6%
        # gain in June and short of the 9.5% increase forecast': and the cue's own half of the clause)
        return True
    if year is not None and ctx.year is not None and year > ctx.year:
        return True
    return False


def _cue_outside_quotes(rx: re.Pattern, wt: str, a: int, b: int) -> bool:
    """A cue word inside quotation marks belongs to a name (落实“两个确保”), not to the sentence's claim."""
    for m in rx.finditer(wt, a, b):
        opened = wt.rfind("“", a, m.start())
        if opened < 0 or wt.find("”", opened, m.start()) >= 0:
            return True
        closed = wt.find("”", m.end(), m.end() + _NAME_MAX)
        if closed < 0 or _CLAUSE_MARK.search(wt, opened, closed):
            return True  # reported speech (“下半年经济增速有望…”), not a name
    return False


_NAME_MAX = 16
_CLAUSE_MARK = re.compile(r"[，,。；;：:！？!?]")


_AND = re.compile(r"[ \t]and[ \t]")


def _coordinate_end(wt: str, pos: int, ce: int) -> int:
    m = _AND.search(wt, pos, ce)
    return m.start() if m else ce


def is_average(clause_before: str) -> bool:
    """年均增长, average annual growth: a rate over a period, dated by its end with the start kept."""
    return bool(_cues()["average"].search(clause_before))
