"""Assembly: a document's published text → Facts. Each quantity found in the working copy gets its time,
target flag, qualifier, place, indicator and measure from the sentence, the paragraph and the document."""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import lru_cache

from ..documents.model import Document
from ..documents.script import detect_lang
from .context import DocContext, document_context, dominant_region
from .fact import KINDS, MEASURES, QUALIFIERS, UNITS, Fact
from .indicators import indicator, measure
from .nonfacts import is_nonfact
from .normalize import Working
from .qualifiers import qualifier
from .quantities import Quantity, scan
from .units import local_currency
from .reference import alternation, load_json
from .regions import Mention, Region, gazetteer, is_comparand
from .sentences import Segments
from .years import YearMention, find_mentions

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z0-9]")
_LIST_SEP = re.compile(r"^[ \t]*(?:[、,，]|和|及|与|以及|and|,[ \t]*and)?[ \t]*$")
_RESPECTIVE = re.compile(r"分别|各自|respectively")
# between a number and the year right after it: a few plain words and a preposition, no other number or comma
_EN_TIME_AFTER = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:(?![0-9.,]+[ \t])[\w$-]+[ \t]+){0,5}?(?:in|for|as of|by|by the end of|at the end of|during|over)?[ \t]*")
_EN_REGION_AFTER = re.compile(r"^[ \t]*(?:in|for|across)[ \t]+(?:the[ \t]+)?$")
_INITIAL_LEAD = re.compile(r"^[\W_]*(?:In|in|By|by|As of|as of|Since|During|At the end of|At end-|Until|到|至|截至|截止到?|在|从|于)?[ \t]*(?:[A-Z][a-z]+\.?[ \t]+(?:[0-9]{1,2},?[ \t]+)?)?$")
_FROM_TO_AFTER = re.compile(r"^[^。；;,，]{0,12}?(?:增长到|增加到|提高到|上升到|下降到|减少到|降至|增至|升至|到|至|\bto\b)")
# past tense, not a passive present ('is invested')
_PAST = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(?:was|were|grew|rose|fell|reached|accounted|totall?ed|increased|decreased|declined|amounted|stood|"
                   r"recorded|posted|expanded|contracted|climbed|dropped|jumped|slowed|surged|edged|had|employed|"
                   r"signed|installed|reported|spent|invested|attracted|exported|imported)\b")
_BUDGETED = re.compile(r"预算(?:的|为|数|是|安排)?[ \t]*$")
_ATTACHED = re.compile(r"[ \t]*(?:年底|年末|年初|底|末)?[ \t]*(?:的|of)?[ \t]*$")
_FROM_BEFORE = re.compile(r"(?:从|由|\bfrom\b)[^。；;,，]{0,30}$")


class _Indexed(list):
    """Mentions in text order with their start offsets, for bisection (computed once per document)."""

    def __init__(self, items):
        super().__init__(items)
        self.starts = [x.start for x in self]

    def between(self, lo: int, hi: int):
        return self[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


@lru_cache(maxsize=1)
def _cues() -> dict:
    c = load_json("time_cues.json")
    return {
        "zh_target": re.compile(alternation(c["zh_target_strong"])),
        "en_target": re.compile(rf"(?i)\b(?:{alternation(c['en_target'])})"),
        "en_future": re.compile(rf"(?i)\b(?:{alternation(c['en_future'])})\b"),
        "annual": re.compile(rf"(?:{alternation(c['zh_annual'])})|(?i:\b(?:{alternation(c['en_annual'])})\b)"),
        "continuation": re.compile(rf"[\W_]*(?:{alternation(c['continuation_leads'])})(?![A-Za-z])"),
        "average": re.compile(rf"(?:{alternation(c['zh_average'])})|(?i:\b(?:{alternation(c['en_average'])})\b)"),
    }


def extract_facts(doc: Document) -> list[Fact]:
    text = doc.text or ""
    if not text.strip():
        return []
    w = Working(text)
    wt = w.text
    has_han = bool(_HAN.search(wt))
    has_latin = bool(_LATIN.search(wt))
    seg = Segments(wt)
    quantities = [q for q in scan(wt, has_han, has_latin) if not is_nonfact(wt, q)]
    if not quantities:
        return []
    ctx = document_context(doc.title, wt, has_han, has_latin)
    years = _Indexed(find_mentions(wt, ctx.year, ctx.roc))
    mentions = _Indexed(gazetteer().mentions(wt, has_han, has_latin))
    ctx.dominant = dominant_region(mentions)
    lang = doc.lang or detect_lang(text)
    respective = _respective_regions(wt, seg, quantities, mentions)
    leads = _list_leads(wt, quantities)
    facts = []
    for q in quantities:
        f = _fact(doc, w, seg, q, ctx, years, mentions, lang, respective.get(id(q)), leads.get(id(q)))
        if f is not None:
            facts.append(f)
    return facts


def _fact(doc, w: Working, seg: Segments, q: Quantity, ctx: DocContext, years, mentions, lang, resp_region,
          lead: Quantity | None = None):
    wt = w.text
    ss, se = seg.sent(q.start)
    cs = seg.clause_start(q.start)
    clause_before = wt[cs:q.start]
    # the sentence's language, not the pattern that found the number, decides which cue words apply
    is_zh = q.script == "zh" or bool(_HAN.search(wt, ss, se))
    year, year_start, ymention = _year(wt, seg, q, years, ctx, clause_before)
    # 分别下降3.5%、2.9%: a value listed after another shares its verb
    lead_before = wt[seg.clause_start(lead.start):lead.start] if lead is not None else clause_before
    meas, sign = measure(lead_before, q.unit, is_zh, wt[q.end:q.end + 40])
    if meas == "growth" and q.kind not in ("percent", "ratio"):
        meas = "change"
    if meas == "growth" and _cues()["average"].search(clause_before) and ymention is not None:
        year_start = year_start or ymention.year_start
    region = resp_region or _region(wt, seg, q, mentions, ctx, is_zh)
    target = _is_target(wt, ss, seg.clause_end(q.end), q, cs, ymention, year, ctx, is_zh)
    qual = qualifier(wt, q.num_start if q.start == q.num_start else q.start, q.end, q.inner_qualifier,
                     q.value_high is not None)
    names = tuple(wt[m.start:m.end] for m in mentions.between(ss, q.start))
    prev_cs = seg.clause_start(max(ss, cs - 1)) if cs > ss else cs
    ind = indicator(clause_before, wt[q.end:seg.clause_end(q.end)], q.noun, is_zh, names,
                    previous=wt[prev_cs:max(prev_cs, cs - 1)], growth=sign if meas == "growth" else 0)
    value, high = q.value, q.value_high
    if sign < 0:
        value = -abs(value)
        high = -abs(high) if high is not None else None
        if high is not None:
            value, high = high, value  # 下降2—3%: from -3 to -2
    if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
        return None
    unit = _local_currency(wt, q, region, ctx)
    if unit == "count" and q.raw_unit and not q.noun and _person_nouns().search(clause_before):
        unit = "person"  # 'internet users … reached 1.079 billion' counts people
    a, b = w.span(q.start, q.end)
    sa, sb = w.span(ss, se)
    f = Fact(doc=doc.doc, char_start=a, char_end=b, quote=doc.text[a:b], sentence=doc.text[sa:sb], value=value,
             unit=unit, kind=q.kind, raw_value=q.raw_value, raw_unit=_published(doc.text, w, q), scale=q.scale,
             value_high=high, measure=meas, year=year, year_start=year_start, is_target=target, qualifier=qual,
             region=region.en if region else None, region_zh=region.zh if region else None, indicator=ind,
             lang=lang, source="text")
    if f.unit not in UNITS or f.kind not in KINDS or f.measure not in MEASURES or f.qualifier not in QUALIFIERS:
        return None
    return f


@lru_cache(maxsize=1)
def _person_nouns() -> re.Pattern:
    return re.compile(rf"(?i)\b(?:{alternation(load_json('count_nouns.json')['person'])})\b")


def _local_currency(wt: str, q: Quantity, region: Region | None, ctx: DocContext) -> str:
    if q.unit != "CNY" or q.script != "zh":
        return q.unit
    place = region or ctx.dominant
    places = ((place.en, place.parent) if place else ()) + (("Taiwan",) if ctx.roc else ())
    return local_currency(wt, q.start, q.raw_unit, places)


def _published(text: str, w: Working, q: Quantity) -> str:
    """raw_unit as written in the published text when it is a span there (億元), else the working form."""
    if not q.raw_unit:
        return ""
    a, b = w.span(q.start, q.end)
    quote_pub = text[a:b]
    quote_w = w.text[q.start:q.end]
    if len(quote_pub) == len(quote_w):
        i = quote_w.rfind(q.raw_unit)
        if i >= 0:
            return quote_pub[i:i + len(q.raw_unit)]
    return q.raw_unit


# ---- time -------------------------------------------------------------------------------------------------

def _year(wt: str, seg: Segments, q: Quantity, years: list[YearMention], ctx: DocContext, clause_before: str):
    """(year, year_start, the mention used)."""
    y, ys, ym = _year_of(wt, seg, q, years, ctx, clause_before)
    ss, _ = seg.sent(q.start)
    # 每年 reaches over the clauses of its sentence; 'each year' stays in its clause
    scope = ss if q.script == "zh" else seg.clause_start(q.start)
    if _cues()["annual"].search(wt, scope, q.start) and not _cues()["average"].search(clause_before):
        return None, None, ym  # 每年 / per year: a recurring amount, not one year's value
    return y, ys, ym


def _year_of(wt: str, seg: Segments, q: Quantity, years: list[YearMention], ctx: DocContext, clause_before: str):
    ss, se = seg.sent(q.start)
    if q.script == "en":
        # '3.832 trillion RMB in 2022', '8.3% recorded in 2011-2015', '10% of GDP by 2025', 'grew 5.8% last year'
        j = bisect_left(years.starts, q.end)
        if j < len(years) and years[j].start < se and _EN_TIME_AFTER.fullmatch(wt, q.end, years[j].start):
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
        if y.ratio_base and q.kind in ("ratio", "percent") and _ATTACHED.match(between):
            i -= 1  # 为2018年的1.6倍: the multiple is this year's, measured against 2018
            continue
        return _resolve(y, q, in_from, in_to, clause_before)
    # the sentence has none: the previous sentence's year governs, and further back only through sentences
    # that continue the same statement (其中…, 而…, Among them…)
    si = seg.sent_index(q.start)
    ps, _ = seg.para(q.start)
    cur = si
    while cur > 0:
        prev_s, prev_e = seg.sents[cur - 1]
        if prev_s < ps:
            break
        found = [y for y in years.between(prev_s, prev_e) if not y.base_cue and not y.ratio_base]
        if found:
            # a Chinese sentence opens with its time (2013年，…); an English one ends with it (… in 2022)
            return _resolve(found[0] if q.script == "zh" else found[-1], q, in_from, in_to, clause_before)
        if not _cues()["continuation"].match(wt, seg.sents[cur][0]):
            break
        cur -= 1
    if ctx.plan:
        a, b = ctx.plan
        return b, a, None
    if (q.script == "zh" or _PAST.search(wt, ss, se)) and seg.sents:
        # a report ('Travel accounted for nearly 40% of imports', 整体货物出口实质下跌10.3%) is about the year its
        # paragraph's opening sentence names; an English present-tense statement ('There are about 200
        # universities') is not tied to one
        first_s, first_e = seg.sent(ps)
        if first_e <= ss:
            for y in years.between(first_s, first_e):
                if not y.base_cue and not y.ratio_base and y.year_start is None:
                    return y.year, None, y
    if ctx.reference_year is not None:
        return ctx.reference_year, None, None
    if q.script == "en" and ctx.dateline_year is not None and _PAST.search(wt, ss, se):
        return ctx.dateline_year, None, None  # a dated news story reports on its own time
    return None, None, None


def _resolve(y: YearMention, q: Quantity, in_from: bool, in_to: bool, clause_before: str):
    if y.year_start is None:
        return y.year, None, y
    if in_from:
        return y.year_start, None, y
    if _cues()["average"].search(clause_before):
        return y.year, y.year_start, y
    return y.year, (None if in_to else y.year_start), y


def _is_target(wt, ss, ce, q, cs, ym: YearMention | None, year, ctx: DocContext, is_zh: bool) -> bool:
    c = _cues()
    if ym is not None and ym.target_cue and (ctx.year is None or ym.year >= ctx.year):
        # 'had built 1.4 million base stations by 2021' reports what was done by then
        if is_zh or not (_PAST.search(wt, cs, ce) and not c["en_future"].search(wt, cs, ce)):
            return True
    if ctx.plan and (year is None or year >= ctx.plan[0]):
        return True
    c = _cues()
    if is_zh:
        # 政府开支预计为7,767亿元，收入为5,759亿元: a plan word earlier in the sentence covers its later clauses
        if c["zh_target"].search(wt, ss, q.start):
            return True
        if _BUDGETED.search(wt, max(cs, q.start - 6), q.start):
            return True  # 原来预算的850亿元: a budgeted amount (not 预算外资金, extra-budgetary funds)
    elif c["en_target"].search(wt, cs, ce):
        return True  # 'grew 6.7% in 2023, and the government aims to raise it by 5%': the cue's own clause
    if year is not None and ctx.year is not None and year > ctx.year:
        return True
    return False


# ---- place ------------------------------------------------------------------------------------------------

def _region(wt: str, seg: Segments, q: Quantity, mentions: list[Mention], ctx: DocContext,
            is_zh: bool) -> Region | None:
    ss, se = seg.sent(q.start)
    cs = seg.clause_start(q.start)
    starts = mentions.starts
    k = bisect_left(starts, q.start)
    if not is_zh:
        # 'Jining (493 billion yuan)' and '80% in the United States'
        if k > 0 and re.fullmatch(r"[ \t]*\([ \t]*", wt[mentions[k - 1].end:q.start]):
            return mentions[k - 1].region
        j = bisect_left(starts, q.end)
        if j < len(mentions) and mentions[j].start - q.end < 20 and _EN_REGION_AFTER.match(wt[q.end:mentions[j].start]):
            return mentions[j].region
    for j in range(k - 1, -1, -1):
        m = mentions[j]
        if m.start < cs:
            break
        if m.end <= q.start and not is_comparand(wt, m):
            return m.region
    if not is_zh:
        for j in range(k - 1, -1, -1):
            m = mentions[j]
            if m.start < ss:
                break
            if not is_comparand(wt, m):
                return m.region
        for j in range(k, len(mentions)):
            m = mentions[j]
            if m.start >= se:
                break
            if not is_comparand(wt, m):
                return m.region
    # earlier clauses of the sentence, then earlier sentences of the paragraph: only a place that was a
    # clause's subject still governs (由青岛都市圈…向长三角…增强 names places the value is not about)
    ps, _ = seg.para(q.start)
    for j in range(k - 1, -1, -1):
        m = mentions[j]
        if m.start < ps:
            break
        if m.start < cs and _is_clause_subject(wt, seg, m):
            return m.region
    # Chinese policy text leaves its issuing place implicit (全区, 本市) and names it in the title; English
    # prose names the place a paragraph discusses in that paragraph
    order = ("title", "para") if is_zh else ("para", "title")
    for step in order:
        if step == "title" and ctx.region is not None:
            return ctx.region
        if step == "para":
            for j in range(k - 1, -1, -1):
                m = mentions[j]
                if m.start < ps:
                    break
                if not is_comparand(wt, m):
                    return m.region
    if ctx.dominant is None and ctx.roc:
        return gazetteer().lookup("台湾")
    return ctx.dominant


_SUBJECT_LEAD = re.compile(r"^[\W_]*(?:而|其中|另外|此外|同时|但|在|全|the|The|In|in)?[ \t]*$")


_SUBJECT_CLAUSE = re.compile(r"[,，;；:：。!?！？]")


def _is_clause_subject(wt: str, seg: Segments, m: Mention) -> bool:
    """The place opens its clause; a list separator (、) before it makes it one of several objects."""
    ss, _ = seg.sent(m.start)
    cs = ss
    for x in _SUBJECT_CLAUSE.finditer(wt, ss, m.start):
        cs = x.end()
    return bool(_SUBJECT_LEAD.match(wt[cs:m.start])) and not wt[m.end:m.end + 1] in ("、", "和")


def _runs(wt: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities separated only by list punctuation (3038元、2680元、1188元)."""
    runs: list[list[Quantity]] = []
    for q in quantities:
        if runs and runs[-1][-1].unit == q.unit and _LIST_SEP.match(wt[runs[-1][-1].end:q.start]):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def _list_leads(wt: str, quantities: list[Quantity]) -> dict:
    return {id(q): run[0] for run in _runs(wt, quantities) if len(run) > 1 for q in run[1:]}


def _respective_regions(wt: str, seg: Segments, quantities: list[Quantity], mentions: list[Mention]) -> dict:
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
