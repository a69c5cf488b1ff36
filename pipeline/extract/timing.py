"""The target status of one value (is_target) and whether a growth is an average over a period (is_average); the
time cues and the past-tense pattern the year rules share."""
from __future__ import annotations

import re
from functools import lru_cache

from .context import DocContext
from .quantities import Quantity
from .reference import Skipping, alternation, guarded, load_json, trie_pattern
from .years import REPORTING_MONTHS, YearMention, continuation_lead

# past tense, not a passive present ('is invested')
# (the word boundary first: the look-behinds are then tried at the start of words only, twice as fast; and the
# verbs' first letters before that, twice as fast again)
PAST = guarded(rf"\b(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?:{alternation(load_json('time_cues.json')['en_past_verbs'])})\b")
_FORECAST_AFTER = re.compile(rf"[ \t]*(?:左右|以上|以下)?(?:的)?(?:{alternation(load_json('time_cues.json')['zh_forecast_after'])})")
_BUDGETED = re.compile(r"预算(?:的|为|数|是|安排)?[ \t]*$")


@lru_cache(maxsize=1)
def time_cues() -> dict:
    c = load_json("time_cues.json")
    return {
        "zh_target": re.compile(alternation(c["zh_target_strong"])),
        # 'by 2025' is a deadline; 'cut by 20 basis points' is not, so 'by' needs a whole year after it
        # 'targets' is a verb cue ('Beijing targets 5% growth') but not as a noun after a determiner or a year
        # ('exceeded its 2023 targets', 'all targets were met')
        # (the cue words as a trie: case-blind, the engine would try each of ~50 words at every word of a clause)
        # (searched from its first letters: see reference.Skipping)
        # ('HK$3.4 billion higher than expected', 'lower than forecast': an outcome measured against a forecast)
        "en_target": Skipping(re.compile(rf"(?i)\b(?<!\bthan )(?<!\bthan the )(?:{trie_pattern(c['en_target'])}|by (?:19|20)[0-9]{{2}}\b"
                                         rf"|(?<!\bits )(?<!\btheir )(?<!\bthe )(?<!\ball )(?<!\bour )(?<![0-9]{{4}} )(?<!\bannual )"
                                         rf"targets\b(?![ \t]+(?:were|was|are|have|had)\b))")),
        "en_future": re.compile(rf"(?i)\b(?:{alternation(c['en_future'])})\b"),
        "annual": re.compile(rf"(?:{alternation(c['zh_annual'])})|(?i:\b(?:{alternation(c['en_annual'])})\b)"),
        "continuation": continuation_lead(),
        # 今年, last year as the time of a statement (not 比上年, the base of a comparison)
        "relative": re.compile(r"(?<![比较同与])(?:今年|明年|去年|本年)|(?i:\b(?:this|last|next) year\b)"),
        "zh_observed": re.compile(rf"[ \t]*(?:{alternation(c['zh_observed_leads'])})"),
        "average": re.compile(rf"(?:{alternation(c['zh_average'])})|(?i:\b(?:{alternation(c['en_average'])})\b)"),
    }




def is_target(wt, ss, ce, q, cs, ym: YearMention | None, year, ctx: DocContext, is_zh: bool) -> bool:
    c = time_cues()
    if ym is not None and ym.target_cue and (ctx.year is None or ym.year >= ctx.year):
        # 'had built 1.4 million base stations by 2021' reports what was done by then
        if is_zh or not (PAST.search(wt, cs, ce) and not c["en_future"].search(wt, cs, ce)):
            return True
    if ctx.plan and (year is None or year >= ctx.plan[0]):
        return True
    if (is_zh and ym is not None and ym.relative and ym.year == ctx.year and ctx.month
            and ctx.month <= REPORTING_MONTHS and not _months_passed(wt, ym.end, ctx.month)):
        # 今年… in a report dated in spring: the year has barely begun, so its whole-year figure is a plan
        # (今年首两月, 今年1-2月 in a March report: months already past, reported)
        return True
    if is_zh:
        # 政府开支预计为7,767亿元，收入为5,759亿元: a plan word earlier in the sentence covers its later clauses —
        # up to a word that names an observed figure (同比增长4.4%，预期4.9%，前值3.9%: 前值 is last month's outcome)
        if _cue_outside_quotes(c["zh_target"], wt, _after_observed(wt, ss, q.start), q.start):
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


# 首两月, 前两个月, 1-2月, 1月, 一季度: the months of the year a figure covers, from its first
_MONTHS_OF_YEAR = re.compile(r"[ \t]*(?:(?:首|前)(?P<n>[一二两三四五六七八九十]|[0-9]{1,2})个?月(?:份)?"
                             r"|(?:1|一)?[ \t]*[-—–~至到]?[ \t]*(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?"
                             r"|(?:第)?(?P<q>一)季度)")
_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}


def _months_passed(wt: str, pos: int, doc_month: int) -> bool:
    """Whether the months named right after 今年 (首两月, 1-2月, 一季度) ended before the document's month."""
    m = _MONTHS_OF_YEAR.match(wt, pos)
    if not m:
        return False
    n = m.group("n") or m.group("m")
    last = 3 if m.group("q") else (int(n) if n.isdigit() else _CN_DIGIT.get(n, 13))
    return last < doc_month


def _after_observed(wt: str, ss: int, pos: int) -> int:
    """Where the target cues that reach the value at `pos` may begin: after the last observed-figure word before it
    in its clause (前值, 实际值), else the sentence's start."""
    clause = max(wt.rfind(ch, ss, pos) for ch in "，,；;")
    m = time_cues()["zh_observed"].match(wt, clause + 1) if clause >= ss else None
    return m.end() if m else ss


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
    return bool(time_cues()["average"].search(clause_before))
