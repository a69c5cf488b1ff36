"""Document-level context: the title lines, the document's own year, a plan's period and the place the
document is about. Computed once per document and consulted by facts.py."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .national import Headings, caseless_title, has_national_publisher, speaks_for_the_nation
from .normalize import Working
from .reference import alternation, load_json
from .regions import LEVEL_RANK as _LEVEL_RANK, Region, gazetteer, lineage
from .sentences import line_matches
from .units import currency_declarations
from .years import document_date, find_mentions, plan_period

_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+)$", re.M)
_TITLE_WORDS = re.compile(r"方案|规划|计划|纲要|报告|意见|通知|白皮书|公报|决定|办法|要点|\b(?:Report|Plan|Research|Study|Analysis|"
                          r"Review|Strategy|Outline|White Paper|Programme|Program|Policy|Policies)\b")


OPENING_CHARS = 200  # the salutation and first sentence of a speech


@dataclass
class DocContext:
    title: str
    year: int | None
    plan: tuple[int, int] | None
    region: Region | None
    dominant: Region | None = None   # the place most of the document's mentions name (a national report: China)
    roc: bool = False                # dated in the Republic of China calendar or priced in 新台币: a Taiwan text
    reference_year: int | None = None  # the year the title reports on (2023年统计公报, output … in April)
    dateline_year: int | None = None   # a news story's own date (SHANGHAI, June 3, 2023), not a journal's 'Received'.
    month: int | None = None           # the month of the document's own date, when it states one
    headings: Headings | None = None   # the places section headings name, for values whose sentence names none
    story_year: int | None = None      # a Chinese news story's year: its dateline's, or the first its lead names
    stated_year: int | None = None     # the year of the date the document's wrapper states (documents.date)
    report_year: int | None = None     # an undated report's own year, from its section headings (2015年工作回顾 → 2016)
    currencies: tuple = ()             # (offset, code) of each （澳门元，下同）: the currency of bare 元 amounts after it
    dollar_place: str | None = None    # a traditional-Chinese text that prices in $…億 (整體稅收$3286億): Hong Kong
    money_place: str | None = None     # the place whose currency most of the text's money is in (HK$, MOP, NT$)
    unnamed_mainland: bool = False     # a simplified-Chinese text that names no place: China


def document_context(title: str | None, working_text: str, has_han: bool, has_latin: bool,
                     stated_date: str | None = None, lang: str | None = None,
                     publisher: str | None = None) -> DocContext:
    """`stated_date` is the date the document's wrapper states (documents.date: front matter, HTML meta, a
    header or footer line); without one, the first date in the opening lines of the text."""
    if title:
        title = Working(title).text  # the same working form (NFKC, simplified) as the text it heads
    head = _title_lines(title, working_text)
    plan = plan_period(head)
    region = None
    best = None
    # an upper-case banner (CHINA ECONOMIC UPDATE) names its place as the gazetteer spells it (China)
    head_search = "\n".join(dict.fromkeys([head] + [caseless_title(ln) for ln in head.split("\n")]))
    for m in gazetteer().mentions(head_search, has_han, has_latin):
        rank = _LEVEL_RANK.get(m.region.level, 9)
        if best is None or rank < best:
            best, region = rank, m.region
    # a report's header names the body it is given to or issued by (在榆川县人民代表大会上, 某市人民政府)
    if region is None:
        region = _issuer_place(working_text, has_han, has_latin)
    # a title naming no place over a national body's release (国家统计局, the State Council) is national
    if region is None and (has_national_publisher(head + "\n" + "\n".join(_header_block(working_text)))
                           or speaks_for_the_nation(working_text[:OPENING_CHARS])):
        region = gazetteer().lookup("China")
    # else the publisher the wrapper names (网站主办单位：中国人民银行办公厅, 来源：某市人民政府): its place
    if region is None and publisher:
        region = _publisher_place(Working(publisher).text, has_han, has_latin)
    # a Taiwan text dates itself in the ROC calendar at its top, or prices in 新台币; a mainland history that
    # mentions 中华民国 is neither
    roc = "民国" in working_text[:600] or "民国" in head or working_text.count("新台币") >= 2
    date = _date_of(stated_date) or document_date(working_text)
    year = date[0] if date else None
    return DocContext(head, year, plan, region, roc=roc, reference_year=_reference_year(head, working_text, year, roc),
                      dateline_year=year if year and not _JOURNAL_DATES.search(working_text[:600]) else None,
                      month=date[1] if date else None,
                      headings=Headings(working_text, gazetteer(), has_han, has_latin),
                      story_year=_zh_story_year(working_text, year) if has_han else None,
                      stated_year=int(stated_date[:4]) if stated_date else None,
                      report_year=None if year else _report_year(working_text),
                      currencies=currency_declarations(working_text),
                      dollar_place=_dollar_place(working_text) if lang == "zh-Hant" else None)


# $3286亿, HK$50亿: Hong Kong writes its dollar as a sign before Chinese scales; the mainland writes 元, Taiwan 新台币
_DOLLAR_SIGN = re.compile(r"(?<![A-Za-z])(?:HK)?\$[ \t]?[0-9][0-9,.]*[ \t]*(?:亿|万)")


_CURRENCY_PLACES = {"HKD": "Hong Kong", "MOP": "Macao", "TWD": "Taiwan"}


def money_place(units: list[str], dollar_place: str | None) -> str | None:
    """A text whose money is mostly in one place's own currency (HK$531.8 billion, MOP 1,148亿, NT$3兆) is about
    that place where it names none: at least three amounts and half of all its money."""
    counts: dict[str, int] = {}
    for u in units:
        place = _CURRENCY_PLACES.get(u)
        if place:
            counts[place] = counts.get(place, 0) + 1
    if not counts:
        return dollar_place
    best = max(counts, key=lambda k: (counts[k], k))
    return best if counts[best] >= 3 and counts[best] * 2 >= len(units) else dollar_place


def _dollar_place(text: str) -> str | None:
    return "Hong Kong" if _DOLLAR_SIGN.search(text) else None


_HEADING_LINE = re.compile(r"^[ \t]*(?:#+[ \t]*)?(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)[^\n]{2,40}$", re.M)


def _report_year(text: str) -> int | None:
    """The year an undated report is written in, from its top-level section headings: the year its plan section
    names (二、2004年主要任务), else the year after the one its review names (一、2015年工作回顾). Used to resolve
    今年/去年, never published as the document's date."""
    cues = load_json("time_cues.json")
    review = None
    for m in line_matches(_HEADING_LINE, text):
        line = m.group()
        stated = [y.year for y in find_mentions(line, None) if not y.relative and y.year_start is None]
        if not stated:
            continue
        if any(w in line for w in cues["plan_headings"]):
            return stated[-1]
        if review is None and any(w in line for w in cues["review_headings"]):
            review = stated[0] + 1
    if review is None and "年是" in text:  # (the test spares a text without it a scan of ~0.01 s/MB)
        # 2013年是全面贯彻落实…的开局之年: a report names the year it is written in as the year it opens
        m = re.search(rf"((?:19|20)[0-9]{{2}})年是[^。；\n]{{0,40}}(?:{alternation(cues['year_of_statement'])})", text)
        review = int(m.group(1)) if m else None
    return review


def _date_of(iso: str | None) -> tuple[int, int | None] | None:
    if not iso:
        return None
    return int(iso[:4]), (int(iso[5:7]) if len(iso) >= 7 else None)


# 新华社北京10月9日电（记者…）, 本报讯: a news agency's or paper's dateline opens the story
_ZH_DATELINE = re.compile(r"(?:[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}日)电|本报讯|讯[（(]记者|[（(]记者[^）)]{1,20}[)）]")


def _zh_story_year(text: str, doc_year: int | None) -> int | None:
    """The time a Chinese news story reports on: its dateline's year, else the first year its lead paragraph
    names (新华社北京10月9日电 … 2025年国庆中秋假期…)."""
    m = _ZH_DATELINE.search(text, 0, 1500)
    if not m:
        return None
    if doc_year:
        return doc_year
    end = text.find("\n", m.end())
    for y in find_mentions(text[m.end():end if end > 0 else m.end() + 600], None):
        if y.year_start is None and not (y.base_cue or y.ratio_base or y.since):
            return y.year
    return None


_JOURNAL_DATES = re.compile(r"(?i)\b(?:received|accepted|submitted|revised)\b")


_DATE_LINE = re.compile(r"[0-9]{1,2}[ \t]*日|(?:19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]|(?i:published|received|accepted|released|updated)|"
                        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+[0-9]{1,2},")


def _reference_year(head: str, text: str, doc_year: int | None, roc: bool = False) -> int | None:
    """The year a title (or the short header lines above the body) reports on: 某省2023年统计公报, 上半年…,
    'output … in April' in a dated wire. Not a date line, not an edition label such as (2015)."""
    lines = head.split("\n") + _header_block(text)
    for ln in lines:
        if not ln or _DATE_LINE.search(ln):
            continue
        for y in find_mentions(ln, doc_year, roc):  # (a Taiwan headline: 112年第4季经济成长率)
            if y.year_start is None and not y.base_cue and not y.since:  # ('Slows to Weakest Since 2009')
                return y.year
    return None


@lru_cache(maxsize=1)
def _issuer() -> re.Pattern:
    return re.compile(alternation(load_json("national_cues.json")["issuer_bodies"]))


def _issuer_place(text: str, has_han: bool, has_latin: bool) -> Region | None:
    """The place of the body a Chinese report is given to or issued by, named in its first lines."""
    lines = [ln for ln in text[:1500].split("\n") if ln.strip()][:8]
    for ln in lines:
        m = _issuer().search(ln)
        if m:
            named = gazetteer().mentions(ln[:m.start()], has_han, has_latin)
            if named:
                return named[-1].region  # the place right before the body's name
    return None


def _publisher_place(publisher: str, has_han: bool, has_latin: bool) -> Region | None:
    """A national body (中国人民银行, the State Council) is China's; else the place its name holds (保定市人民政府)."""
    if has_national_publisher(publisher):
        return gazetteer().lookup("China")
    named = gazetteer().mentions(publisher, has_han, has_latin)
    return named[0].region if len(named) == 1 else None


def _header_block(text: str, max_lines: int = 6, max_len: int = 80) -> list[str]:
    """The short lines at the top of a document, before its first paragraph of running text."""
    out = []
    for ln in text[:2000].split("\n"):
        ln = ln.strip()
        if not ln:
            continue
        if len(ln) > max_len or len(out) >= max_lines or re.search(r"[。！？.!?；;]$", ln):
            break  # a title or header line does not end as a sentence does: running text has begun
        if out and _SUBHEADING.match(ln):
            break  # '## …' under the title: the first section (or a digest's first item) has begun
        out.append(ln)
    return out


def dominant_region(mentions) -> Region | None:
    """The place the document is about: named (itself or through its cities and districts) by at least a quarter
    of the document's place mentions and at least five times, or by half of them and at least three times (a
    short release that names only 香港). A country is credited only with its own mentions: a national report
    names many provinces without being about any one of them."""
    if not mentions:
        return None
    counts: dict[Region, int] = {}
    for m in mentions:
        for r in _credited(m.region):
            counts[r] = counts.get(r, 0) + 1
    n_all = len(mentions)
    # the most-named place; among equals the smaller one (a city named only with its province's credit)
    best = max(counts, key=lambda r: (counts[r], -_LEVEL_RANK.get(r.level, 9), r.en))
    n = counts[best]
    return best if (n >= 5 and n * 4 >= n_all) or (n >= 3 and n * 2 >= n_all) else None


@lru_cache(maxsize=4096)
def _credited(region: Region) -> tuple[Region, ...]:
    """The place and the places above it below the country: a mention of Shenzhen also names Guangdong."""
    above = lineage(region)[1:]
    country = next((i for i, r in enumerate(above) if r.level == "country"), len(above))
    return (region, *above[:country])


# (a headline may ask a question: 'Can China's Local Governments Grow Out of Their Debt?')
_SENTENCE_END = re.compile(r"[。，,；;：:！!]$|[，,。]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def _title_case(line: str) -> bool:
    """'Beyond the Swap: Can China's Local Governments Grow Out of Their Debt?': most longer words capitalised."""
    words = _WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 7


def _title_lines(title: str | None, text: str, first_lines: int = 12, max_len: int = 160) -> str:
    """The document's title and the title-like lines at its top (markdown headings, or short lines naming a
    report or plan). Body lines and author affiliations stay out: they name other places."""
    parts = [title] if title else []
    lines = [ln.strip() for ln in text[:6000].split("\n") if ln.strip()]
    # a digest's '## ' headings are its items, each with its own place and year: only its '# ' title heads it
    items = len(_SUBHEADING.findall(text[:3000])) >= DIGEST_ITEMS
    for ln in lines[:first_lines]:
        if len(ln) > max_len:
            continue
        h = _HEADING.match(ln)
        if h and items and _SUBHEADING.match(ln):
            continue
        if h or ((_TITLE_WORDS.search(ln) or caseless_title(ln) != ln or _title_case(ln))
                 and not _SENTENCE_END.search(ln)):
            parts.append(h.group(1) if h else ln)
    for h in _HEADING.finditer(text[:3000]):
        if len(h.group(1)) <= max_len and not (items and _SUBHEADING.match(h.group())):
            parts.append(h.group(1))
    return "\n".join(dict.fromkeys(parts))


_SUBHEADING = re.compile(r"^[ \t]*#{2,6}[ \t]+\S", re.M)
DIGEST_ITEMS = 3
