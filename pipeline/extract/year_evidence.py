"""The evidence a value's year rules (year_rules.py) read: the words between a value and a year after it, a
list's lead-in, the heading above a paragraph, a side clause that dates another event, a forecast followed by a
report, and how a year mention resolves for a from-to pair or a period."""
from __future__ import annotations

import re
from functools import lru_cache

from .quantities import Quantity
from .reference import alternation, load_json
from .sentences import Segments
from .timing import PAST, time_cues
from .years import YearMention, document_date

# between a number and the year right after it: a few plain words and a preposition, no other number or comma
# ('grew 5.8% to 3.68 trillion yuan in 2024': a growth and the level it reached share their year; 'at end-2023',
# 'as of end-June 2024': the hyphen ties 'end' to the year or month)
# ("37% of China's GDP in 2022", "6.8trn yuan ($1trn, or almost 7% of national income) in 2020": a possessive, and
# an aside in brackets, stand between a value and its year; 'to 5.0% (from 3.5%) and keep 2026 at 2%': a coordinate
# clause has its own year)
EN_TIME_AFTER = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:\([^()\n]{0,60}\)[ \t]*)?(?:(?!(?:and|but|while|whereas|which)\b)[\w$.’'-]+[ \t]+){0,6}?(?:in|for|as of|by|by the end of|at the end of|during|over|end-)?[ \t]*"
                            r"(?:[A-Z][a-z]+[ \t]*[-–—][ \t]*)?")  # 'in January–May 2025
FROM_TO_AFTER = re.compile(r"^[^。；;,，]{0,12}?(?:增长到|增加到|提高到|上升到|下降到|减少到|降至|增至|升至|到|至|\bto\b)")
# 每人每年6120元: a rate per person and year, not an amount that recurs each year
PER_HEAD = re.compile(r"每(?:人|户|亩|吨)(?:每)?年")
# a year written right before its value: 2000年的5.2%, 1995年底…, 'its 2018 peak of US$292 billion'
ATTACHED = re.compile(r"[ \t]*(?:年底|年末|年初|底|末|同期)?[ \t]*(?:的|(?:[a-z]+[ \t]+)?of)?[ \t]*$")
FROM_BEFORE = re.compile(r"(?:从|由|\bfrom\b)[^。；;,，]{0,30}$")


# a numbered or bulleted list item: （1） (2) 1. 2、 一是 （一） 一、 • -
_ITEM = re.compile(r"[ \t]*(?:[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]|[0-9]{1,2}[.、．](?![0-9])|"
                   r"(?P<shi>[一二三四五六七八九十]{1,3}是)|[一二三四五六七八九十]{1,3}、|[-•·*▪][ \t])")
# a lead-in that announces a list: …如下：, …（见表2）：, 'were as follows:'
_LEAD_END = re.compile(r"[：:][ \t]*(?:[（(][^（）()]{0,20}[)）])?[ \t]*$")
_MAX_ITEMS = 40


def list_lead_in(wt: str, seg: Segments, years, ps: int) -> YearMention | None:
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
_MD_HEADING_MAX = 200
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


def heading_year(wt: str, seg: Segments, years, ps: int) -> YearMention | None:
    """二、2023年工作安排 / '## 2022 in review' / 一、一年来工作回顾 over the paragraphs below it: the nearest heading
    above the value (a short line that does not end as a sentence does) dates its section when it names a year.
    Short data rows (地区生产总值 350亿元) are passed over. A numbered sub-heading without a year (（一）抗击疫情)
    sends the search on to the heading of a higher level it sits under; any other heading without a year ends it."""
    k = seg.para_index(ps)
    below = None  # the level of a year-less sub-heading already passed: only higher levels are looked at now
    for j in range(k - 1, max(-1, k - 1 - _HEADING_REACH), -1):
        a, b = seg.paras[j]
        # (a Markdown heading is a heading however long: a digest item's headline, '## … down 2 per cent in 2022')
        if b - a > (_MD_HEADING_MAX if wt.startswith("#", a) else _HEADING_MAX) or _NOT_HEADING_END.search(wt, a, b):
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


def in_side_clause(wt: str, ss: int, y: YearMention, q_start: int) -> bool:
    """The year sits in a relative or bracketed clause (', which opened in 2018,' '(launched in 2020)') that
    closes before the value: it dates another event."""
    return bool(_SIDE_OPEN.search(wt, max(ss, y.start - 80), y.start)) and bool(_SIDE_CLOSE.match(wt, y.end, q_start))


def forecast_before_report(wt: str, ps: int, pe: int, ss: int, se: int) -> bool:
    """The earlier sentence looks ahead (expect, forecast, will) and this one reports in the past tense."""
    c = time_cues()
    # ('would' is left out: reported speech in a past narrative, 'said it would cut fees', looks back)
    return (bool(c["en_target"].search(wt, ps, pe)) and bool(PAST.search(wt, ss, se))
            and not c["en_target"].search(wt, ss, se))


def resolve(y: YearMention, q: Quantity, in_from: bool, in_to: bool, clause_before: str):
    if y.year_start is None:
        return y.year, None, y
    if in_from:
        return y.year_start, None, y
    if time_cues()["average"].search(clause_before):
        return y.year, y.year_start, y
    return y.year, (None if in_to else y.year_start), y


# ---------------------------------------------------------------- evidence the year rules share

@lru_cache(maxsize=1)
def current_rx() -> re.Pattern:
    words = load_json("time_cues.json")["current_cues"]
    return re.compile(rf"(?:{alternation([w for w in words if not w.isascii()])})"
                      rf"|(?i:\b(?:{alternation([w for w in words if w.isascii()])})\b)")


@lru_cache(maxsize=1)
def perfect_rx() -> re.Pattern:
    c = load_json("time_cues.json")
    irregular, adverbs = alternation(c["en_perfect_participles"]), alternation(c["en_perfect_adverbs"])
    return re.compile(rf"\b(?:has|have)(?:[ \t]+(?:{adverbs}))?[ \t]+(?:[a-z]+ed|{irregular})\b")


CLAUSE_BREAK = re.compile(r"[,;:]")


def clause_end(wt: str, start: int, sentence_end: int) -> int:
    m = CLAUSE_BREAK.search(wt, start, sentence_end)
    return m.start() if m else sentence_end


def dates_the_recurrence(y: YearMention | None, annual_end: int) -> bool:
    """到2026年，每年新引进项目1个 and 'sell 1m EVs a year by 2025' are the plan's figure for its deadline year
    (GOLD_SPEC: a plan target takes the target year); 每年…；它去年仅售出1389辆: a year named after 每年, nearer
    the value, dates it."""
    return y is not None and (y.target_cue or y.start >= annual_end)
