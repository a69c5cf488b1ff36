"""The target status of one value, and the helpers the year rules (year_rules.py) share: list lead-ins, headings,
side clauses, forecasts followed by reports."""
from __future__ import annotations

import re
from functools import lru_cache

from .context import DocContext
from .quantities import Quantity
from .reference import alternation, load_json
from .sentences import Segments
from .years import REPORTING_MONTHS, YearMention, document_date

# between a number and the year right after it: a few plain words and a preposition, no other number or comma
# ('grew 5.8% to 3.68 trillion yuan in 2024': a growth and the level it reached share their year; 'at end-2023',
# 'as of end-June 2024': the hyphen ties 'end' to the year or month)
# ("37% of China's GDP in 2022", "6.8trn yuan ($1trn, or almost 7% of national income) in 2020": a possessive, and
# an aside in brackets, stand between a value and its year; 'to 5.0% (from 3.5%) and keep 2026 at 2%': a coordinate
# clause has its own year)
_EN_TIME_AFTER = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:\([^()\n]{0,60}\)[ \t]*)?(?:(?!(?:and|but|while|whereas|which)\b)[\w$.’'-]+[ \t]+){0,6}?(?:in|for|as of|by|by the end of|at the end of|during|over|end-)?[ \t]*"
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
_SUBTITLE = re.compile(r"[ \t]*(?:——|—|--|–)")


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
        if _SUBTITLE.match(wt, a):
            continue  # 一、2024年工作回顾 / ——经济稳中有进: the dash line is the heading's subtitle, not a new section
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
