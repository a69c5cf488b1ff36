"""Assembly: a document's published text → Facts. Each quantity found in the working copy gets its time,
target flag, qualifier, place, indicator and measure from the sentence, the paragraph and the document."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ..documents.model import Document
from ..documents.script import detect_lang
from .context import DocContext, document_context, dominant_region, money_place
from .fact import KINDS, MEASURES, MONEY_UNITS, QUALIFIERS, UNITS, Fact
from .indicators import indicator, measure
from .nonfacts import is_nonfact
from .normalize import Working
from .qualifiers import qualifier
from .quantities import Quantity, scan
from .reference import alternation, load_json
from .regions import Region, gazetteer, region_of
from .sentences import Indexed, Segments
from .structure import list_leads, respective_regions, respective_years
from .timing import is_average, is_target
from .units import declared_currency, dollar_continued, local_currency, local_dollar, speed_unit
from .year_rules import year_of
from .fx import rate_unit
from .years import find_mentions
from ..documents.metadata import front_matter_end

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z0-9]")


def extract_facts(doc: Document) -> list[Fact]:
    text = doc.text or ""
    if not text.strip():
        return []
    w = Working(text)
    wt = w.text
    has_han = bool(_HAN.search(wt))
    has_latin = bool(_LATIN.search(wt))
    seg = Segments(wt)
    # (a Markdown file's front matter is metadata: its title line repeats the headline, its tags name topics)
    body = front_matter_end(text) if "---" in text[:8] else 0
    quantities = [q for q in scan(wt, has_han, has_latin) if w.orig(q.start) >= body and not is_nonfact(wt, q)]
    if not quantities:
        return []
    ctx = document_context(doc.title or doc.lead, wt, has_han, has_latin, doc.date, doc.lang, doc.publisher)
    story = (ctx.dateline_year, ctx.month) if ctx.dateline_year else None
    # (a release dated 5月31日 without a year, titled 2024年4月…: its 今年 is its title's year)
    years = Indexed(find_mentions(wt, ctx.year or ctx.reference_year or ctx.report_year, ctx.roc, story, ctx.month,
                                  ctx.reference_year))
    mentions = Indexed(gazetteer().mentions(wt, has_han, has_latin))
    ctx.dominant = dominant_region(mentions)
    ctx.money_place = money_place([q.unit for q in quantities if q.kind == "money"], ctx.dollar_place)
    ctx.unnamed_mainland = _unnamed_mainland(doc.lang or detect_lang(text), ctx, mentions)
    lang = doc.lang or detect_lang(text)
    respective = respective_regions(wt, seg, quantities, mentions)
    resp_years = respective_years(wt, seg, quantities, years)
    leads = list_leads(wt, quantities)
    facts = []
    for q in quantities:
        f = _fact(doc, w, seg, q, ctx, years, mentions, lang, respective.get(id(q)), leads.get(id(q)),
                  resp_years.get(id(q)))
        if f is not None:
            facts.append(f)
    return facts


def _unnamed_mainland(lang: str, ctx: DocContext, mentions) -> bool:
    """A simplified-Chinese text that names no place at all (a fund's macro note on CPI and 社融, an A-share
    close) is about the mainland as a whole; a single stray mention does not make it local."""
    return (lang == "zh-Hans" and ctx.region is None and not ctx.roc and ctx.money_place is None
            and len(mentions) <= 1)


def document_place(doc: Document) -> Region | None:
    """The place a document is about when a value names none: its title's or header's place, its publisher's,
    else the place most of its mentions name, the place whose currency its money is in, and Taiwan for a text in
    the ROC calendar (as region_of's
    document-wide steps decide it). For facts read from tables, which have no sentence of their own."""
    w = Working(doc.text)
    wt = w.text
    has_han, has_latin = bool(_HAN.search(wt)), bool(_LATIN.search(wt))
    ctx = document_context(doc.title or doc.lead, wt, has_han, has_latin, doc.date, doc.lang, doc.publisher)
    if ctx.region is not None:
        return ctx.region
    dominant = dominant_region(gazetteer().mentions(wt, has_han, has_latin))
    if dominant is None and not ctx.roc:
        money = money_place([q.unit for q in scan(wt, has_han, has_latin) if q.kind == "money"], ctx.dollar_place)
        dominant = gazetteer().lookup(money) if money else None
    return dominant or (gazetteer().lookup("台湾") if ctx.roc else None)


def _fact(doc, w: Working, seg: Segments, q: Quantity, ctx: DocContext, years, mentions, lang, resp_region,
          lead: Quantity | None = None, resp_year=None):
    wt = w.text
    ss, se = seg.sent(q.start)
    cs = seg.clause_start(q.start)
    clause_before = wt[cs:q.start]
    # the sentence's language, not the pattern that found the number, decides which cue words apply
    is_zh = q.script == "zh" or seg.memo(("han", ss, se), lambda: bool(_HAN.search(wt, ss, se)))
    when = year_of(wt, seg, q, years, ctx, clause_before, resp_year)
    year, year_start, ymention = when.year, when.year_start, when.mention
    # 分别下降3.5%、2.9%: a value listed after another shares its verb
    lead_before = wt[seg.clause_start(lead.start):lead.start] if lead is not None else clause_before
    # (a text table's column names the measure: 粮食 | 比上年增长（%） | -3.2)
    meas, sign = measure(lead_before + q.column, q.unit, is_zh, wt[q.end:q.end + 40])
    if meas == "growth" and q.kind not in ("percent", "ratio"):
        meas = "change"
    if meas == "growth" and is_average(clause_before) and ymention is not None:
        year_start = year_start or ymention.year_start
    region = resp_region or region_of(wt, seg, q, mentions, ctx, is_zh)
    target = is_target(wt, ss, seg.clause_end(q.end), q, cs, ymention, year, ctx, is_zh)
    qual = qualifier(wt, q.num_start if q.start == q.num_start else q.start, q.end, q.inner_qualifier,
                     q.value_high is not None)
    names = tuple(wt[m.start:m.end] for m in mentions.between(ss, q.start))
    prev_cs = seg.clause_start(max(ss, cs - 1)) if cs > ss else cs
    ind = indicator(clause_before, wt[q.end:seg.clause_end(q.end)], q.noun, is_zh, names,
                    previous=wt[prev_cs:max(prev_cs, cs - 1)], growth=sign if meas == "growth" else 0)
    if not ind and lead is not None:  # 分别为412元、380元、296元: the list's subject
        ind = indicator(lead_before, "", q.noun, is_zh, names)
    value, high = q.value, q.value_high
    if sign < 0:
        value = -abs(value)
        high = -abs(high) if high is not None else None
        if high is not None:
            value, high = high, value  # 下降2—3%: from -3 to -2
    if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
        return None
    unit = speed_unit(wt, q, rate_unit(wt, q, _local_currency(wt, q, region, ctx), ss))
    if unit == "count" and q.raw_unit and not q.noun:
        unit = _counted_before(clause_before) or unit
    a, b = w.span(q.start, q.end)
    sa, sb = w.span(ss, se)
    f = Fact(doc=doc.doc, char_start=a, char_end=b, quote=doc.text[a:b], sentence=doc.text[sa:sb], value=value,
             unit=unit, kind=_kind(q, unit), raw_value=q.raw_value, raw_unit=_published(doc.text, w, q), scale=q.scale,
             value_high=high, measure=meas, year=year, year_start=year_start,
             year_basis=when.basis if year is not None else None, year_rule=when.rule, is_target=target, qualifier=qual,
             region=region.en if region else None, region_zh=region.zh if region else None, indicator=ind,
             lang=lang, source="text")
    if f.unit not in UNITS or f.kind not in KINDS or f.measure not in MEASURES or f.qualifier not in QUALIFIERS:
        return None
    return f


@lru_cache(maxsize=1)
def _nouns_before() -> tuple:
    nouns = load_json("count_nouns.json")
    return tuple((u, re.compile(rf"(?i)\b(?:{alternation(nouns[u])})\b")) for u in ("person_time", "person"))


def _counted_before(clause_before: str) -> str | None:
    """'internet users … reached 1.079 billion' counts people, 'visitor arrivals reached 3.6 million' visits
    (person_time): what a scaled count without a noun after it counts, from the nouns before it."""
    return next((u for u, rx in _nouns_before() if rx.search(clause_before)), None)


def _local_currency(wt: str, q: Quantity, region: Region | None, ctx: DocContext) -> str:
    place = region or ctx.dominant or ctx.region
    places = ((place.en, place.parent) if place else ()) + (("Taiwan",) if ctx.roc else ())
    if not places and ctx.dollar_place:
        places = (ctx.dollar_place,)
    if q.unit == "USD" and q.raw_unit[:1] == "$":
        continued = dollar_continued(wt, q.start)
        if continued:
            return continued
        # a bare $ in a Hong Kong (Taiwan, Macao) release is that place's dollar
        doc_places = (places + ((ctx.region.en,) if ctx.region else ()) + ((ctx.dominant.en,) if ctx.dominant else ())
                      + ((ctx.dollar_place,) if ctx.dollar_place else ()))
        return local_dollar(doc_places) or q.unit
    if q.unit != "CNY" or q.script != "zh":
        return q.unit
    return local_currency(wt, q.start, q.raw_unit, places, declared_currency(ctx.currencies, q.start))


def _kind(q: Quantity, unit: str) -> str:
    """An amount of one currency per another (CNY/USD) is an exchange rate: a ratio, not money."""
    return "ratio" if q.kind == "money" and unit.split("/")[-1] in MONEY_UNITS and "/" in unit else q.kind


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


