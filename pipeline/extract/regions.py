"""Places: the gazetteer in pipeline/reference/regions.tsv, found in the working copy (simplified Chinese and
English), and the rules that pick the place a value is about."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import opencc

from .names import NameFinder
from .national import is_national_sentence
from .places import place_pattern
from .reference import alternation, load_json, load_lines, load_tsv
from .years import continuation_lead

if TYPE_CHECKING:  # annotations only: context.py and quantities.py import this module's neighbours
    from .context import DocContext
    from .quantities import Quantity
    from .sentences import Segments

# suffixes an official name drops in running text (青岛市 → 青岛); longest first
_ZH_SUFFIX = re.compile(r"(?:[\u4e00-\u9fff]{1,4}族)+自治(?:州|区|县)|自治区|特别行政区|新区|地区|省|市|盟")
# a mention followed by one of these names an organisation, not the place (北京大学, Guangxi Arts University)
_ZH_ORG_AFTER = re.compile(r"[东西南北中]?路|大?马路|大街|大道|街|巷|肺炎|大学|学院|出版社|日报|银行|证券|科学院|研究院|电视台|商报|晚报|卫视|集团|航空")
_EN_ORG_AFTER = re.compile(r"(?:[ \t]+[A-Z][A-Za-z&]*){0,3}[ \t]+(?:University|College|Institute|Press|Daily|Bank|Academy|"
                           r"Airlines|Group|Times|Post|Journal)\b")
# a mention right after a comparison word is the yardstick, not the subject (北京市是河北省的2.56倍)
_ZH_COMPARAND_BEFORE = re.compile(r"(?:是|相当于|高于|低于|超过|比|占|于|为|较|对|向|到)[ \t]*$")
_EN_COMPARAND_BEFORE = re.compile(r"(?i)(?:\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?)(?:[ \t]+the)?[ \t]*$")


_MACRO = r"(?:[东中西]部|东北)(?:地区)?"
_MACRO_ITEM = re.compile(_MACRO)
_MACRO_LIST = re.compile(rf"{_MACRO}(?:[、和与及][ \t]*{_MACRO})+")


@dataclass(frozen=True)
class Region:
    en: str
    zh: str | None
    level: str
    parent: str | None = None


@dataclass
class Mention:
    start: int
    end: int
    region: Region


class Gazetteer:
    def __init__(self):
        blocked = set(load_lines("region_short_block.txt"))
        t2s = opencc.OpenCC("t2s")
        self.zh: dict[str, Region] = {}
        self.en: dict[str, Region] = {}
        self.by_en: dict[str, Region] = {}
        for row in load_tsv("regions.tsv"):
            row = tuple(row) + ("",) * (6 - len(row))
            level, en, zh, _parent, en_alias, zh_alias = row[:6]
            r = Region(en, zh or None, level, _parent or None)
            self.by_en.setdefault(en, r)
            for name in [en] + [a for a in en_alias.split("|") if a]:
                self.en.setdefault(name, r)
                if level in ("city", "district", "province") and not name.endswith(("District", "City")):
                    for suffix in (" City", " Province", " Municipality", " District", " County"):
                        self.en.setdefault(name + suffix, r)
            names = [zh] + [a for a in zh_alias.split("|") if a]
            for name in names:
                name = t2s.convert(name)
                self.zh.setdefault(name, r)
            if level in ("province", "city", "region") and zh:
                short = _short_form(zh)
                if short and short not in blocked:
                    self.zh.setdefault(short, r)
        # the traditional forms come from OpenCC rather than a second list (lookups go through t2s)
        self._t2s = t2s

    # Compiled when a text is first searched (~0.4 s): the publisher's regions table only looks names up.
    @cached_property
    def zh_names(self) -> NameFinder:
        return NameFinder(self.zh)

    @cached_property
    def en_names(self) -> NameFinder:
        # 'US$381 billion' names a currency, not the United States
        return NameFinder(self.en, tail=r"(?![A-Za-z$])(?:['’]s)?")

    def _government(self, name: str, text: str, end: int) -> Region | None:
        """'Beijing cut rates', 'Beijing has set a target': the capital as the country's government."""
        country = _capitals().get(name)
        if country and _government_verb().match(text, end):
            return self.by_en.get(country)
        return None

    def lookup(self, name: str) -> Region | None:
        """A region by any of its names, in simplified or traditional Chinese or English."""
        name = name.strip()
        return self.zh.get(self._t2s.convert(name)) or self.en.get(name) or self.by_en.get(name)

    def _enumerated_macro_regions(self, text: str, taken: set[int]) -> list[Mention]:
        """东部、中部、西部和东北地区: the bare directions name China's statistical macro-regions only when listed
        together (alone, 西部 is a direction inside a place: 广东西部)."""
        out = []
        for m in _MACRO_LIST.finditer(text):
            for item in _MACRO_ITEM.finditer(text, m.start(), m.end()):
                if item.start() in taken:
                    continue
                name = item.group()
                r = self.zh.get(name if name.endswith("地区") else name + "地区")
                if r is not None:
                    out.append(Mention(item.start(), item.end(), r))
        return out

    def mentions(self, text: str, has_han: bool, has_latin: bool) -> list[Mention]:
        out: list[Mention] = []
        if has_han:
            for m in self.zh_names.finditer(text):
                if _ZH_ORG_AFTER.match(text, m.end()):
                    continue
                out.append(Mention(m.start(), m.end(), self.zh[m.group()]))
        if has_latin:
            for m in self.en_names.finditer(text):
                if m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha():
                    continue  # inside a word
                name = m.group()
                if name.endswith(("'s", "’s")):
                    name = name[:-2]
                r = self.en.get(name)
                if r is None or _EN_ORG_AFTER.match(text, m.end()) or _is_source_attribute(text, m.start(), m.end()):
                    continue
                r = self._government(name, text, m.end()) or r
                out.append(Mention(m.start(), m.end(), r))
        if has_han:
            out.extend(self._enumerated_macro_regions(text, {m.start for m in out}))
            out.extend(pattern_mentions(text, [(m.start, m.end) for m in out]))
        out.sort(key=lambda x: x.start)
        return out


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return load_json("national_cues.json")["capital_as_government"]


@lru_cache(maxsize=1)
def _government_verb() -> re.Pattern:
    return re.compile(rf"[ \t]+(?:{alternation(load_json('national_cues.json')['government_verbs'])})\b")


@lru_cache(maxsize=4096)
def _pattern_region(zh: str, en: str, level: str) -> Region:
    return Region(en, zh, level, None)


def pattern_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Chinese county, district and town names the gazetteer does not list (places.py)."""
    return [Mention(a, b, _pattern_region(zh, en, level))
            for a, b, zh, en, level in place_pattern().find(text, taken)]


@lru_cache(maxsize=1)
def _modifier_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    cfg = load_json("place_modifiers.json")
    noun = re.compile(rf"(?:-based)?[ \t]+(?:[a-z][a-z-]*[ \t]+){{0,2}}(?:{alternation(cfg['org_nouns'])})s?\b")
    before = re.compile(rf"\b(?:{alternation(cfg['source_before'])})[ \t]+(?:(?:a|an|the)[ \t]+)?$", re.I)
    after = re.compile(rf"[ \t]+(?:(?:also|now|had|have|has|will|would)[ \t]+)?(?:{alternation(cfg['source_after'])})\b")
    lead = re.compile(rf"[ \t]*(?:{alternation(cfg['appositive_lead'])})\b")
    return noun, before, after, lead


def _is_source_attribute(text: str, start: int, end: int) -> bool:
    """'Analysts at a Hong Kong brokerage expect China's EV sales…': the place says where the source is. A value
    the organisation itself has (a Shenzhen-based maker sold 3 million phones) keeps its place."""
    noun, before, after, _ = _modifier_patterns()
    n = noun.match(text, end)
    if n is None:
        return False
    return bool(before.search(text[max(0, start - 30):start]) or after.match(text, n.end()))


# finer places first; a place is described by reference to a larger or neighbouring one
LEVEL_RANK = {"town": 0, "district": 0, "city": 1, "province": 2, "region": 3, "country": 4, "group": 5}


def _appositive_head(wt: str, mentions, j: int, ss: int) -> Mention | None:
    """Shenzhen, the tech hub across the border from Hong Kong, grew 5.3%: a place inside a comma-set phrase
    describing an earlier place is not the subject; the described place is. Only when the described place is
    no larger than the one describing it: 'the Yangtze River Delta, the core city of Shanghai, accounted for…'
    singles out the city."""
    m = mentions[j]
    lead = _modifier_patterns()[3]
    for i in range(j - 1, -1, -1):
        h = mentions[i]
        if h.start < ss:
            break
        if wt.startswith(",", h.end) and "," not in wt[h.end + 1:m.start] and lead.match(wt, h.end + 1):
            if LEVEL_RANK.get(h.region.level, 9) <= LEVEL_RANK.get(m.region.level, 9):
                return h
            return None
    return None


def _short_form(zh: str) -> str | None:
    """青岛市 → 青岛, 广西壮族自治区 → 广西: the shortest prefix (two characters at least) whose rest is a suffix."""
    for i in range(2, len(zh)):
        if _ZH_SUFFIX.fullmatch(zh, i):
            return zh[:i]
    return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


# 对中国大陆及香港出口: every place in a list after the comparison word is a yardstick or partner too
_ZH_LIST_AFTER_COMPARAND = re.compile(r"(?:是|相当于|比|较|对|向)[^，,。；;]{1,10}(?:及|和|、|与)[ \t]*$")


def is_comparand(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 16):mention.start]
    return bool(_ZH_COMPARAND_BEFORE.search(before) or _EN_COMPARAND_BEFORE.search(before)
                or _ZH_LIST_AFTER_COMPARAND.search(before))


# ---- which place a value is about -------------------------------------------------------------------------

_EN_REGION_AFTER = re.compile(r"^[ \t]*(?:in|for|across)[ \t]+(?:the[ \t]+)?$")


def region_of(wt: str, seg: Segments, q: Quantity, mentions: list[Mention], ctx: DocContext,
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
                if "," in wt[m.end:q.start]:
                    head = _appositive_head(wt, mentions, j, ss)
                    if head is not None:
                        return head.region
                return m.region
        for j in range(k, len(mentions)):
            m = mentions[j]
            if m.start >= se:
                break
            if not is_comparand(wt, m):
                return m.region
    # 全省累计建成…: the whole province (city, district) is the document's own place at that level, not a city
    # named sentences before
    whole = _WHOLE_AREA.match(wt, cs, q.start)
    if whole and is_zh:
        own = _own_place(ctx.region or ctx.dominant, _WHOLE_AREA_LEVELS[whole.group(1)])
        if own is not None:
            return own
    # earlier clauses of the sentence, then earlier sentences of the paragraph: only a place that was a
    # clause's subject still governs (由青岛都市圈…向长三角…增强 names places the value is not about)
    ps, _ = seg.para(q.start)
    # (an earlier sentence's subject reaches the next sentence, or further through sentences that continue it —
    # 其中…, Among them… — but not over a paragraph of other statements: 甘肃“引大入秦”总干渠通水。全年新增… is national)
    # (the subject a paragraph opens with is its topic and governs all of it: 京津冀地区是…。…沿海港口…7.5亿吨)
    reach = _subject_reach(wt, seg, q.start)
    opening_end = seg.clause_end(ps)
    for j in _back_from(mentions, k, max(ps, reach), ps, opening_end):
        m = mentions[j]
        if (m.start < cs and (m.end <= opening_end or (m.start >= reach and _reports_a_value(wt, seg, m, ss)))
                and _is_clause_subject(wt, seg, m)):
            return m.region
    # a sentence naming no place that says it is national (全国性, nationwide, the country's) is about China
    # (in a document about another country, 'the country's' and 'nationwide' are that country's)
    if seg.memo(("national", ss, se, is_zh), lambda: is_national_sentence(wt[ss:se], is_zh)):
        for r in (ctx.region, ctx.dominant):
            if r is not None and r.level == "country":
                return r
        return gazetteer().lookup("China")
    # Chinese policy text leaves its issuing place implicit (全区, 本市, 我国) and names it in the title or
    # throughout; English prose names the place a paragraph discusses in that paragraph
    default = ctx.dominant
    if default is None and ctx.roc:
        default = gazetteer().lookup("台湾")
    if default is None and ctx.money_place:
        default = gazetteer().lookup(ctx.money_place)  # a text that prices in HK$ is about Hong Kong
    if default is None and ctx.unnamed_mainland:
        default = gazetteer().lookup("China")
    # the section heading above the value names the place of its section before the title names the document's
    order = ("heading", "title", "default", "para") if is_zh else ("para", "heading", "title", "default")
    for step in order:
        if step == "heading" and ctx.headings is not None:
            h = ctx.headings.at(q.start)
            if h is not None:
                return h
        if step == "title" and ctx.region is not None:
            return ctx.region
        if step == "default" and default is not None:
            return default
        if step == "para":
            for j in _back_from(mentions, k, max(ps, q.start - PARA_REACH), ps, opening_end):
                m = mentions[j]
                if not is_comparand(wt, m) and (m.end <= opening_end or _reports_a_value(wt, seg, m, ss)
                                                or (m.start >= reach and _pronoun_lead().match(wt, ss))):
                    return m.region
    return None


_DIGIT = re.compile(r"[0-9]")
# how far back in a paragraph a place is looked for beyond its opening clause: a text with no line breaks (minified
# HTML, flattened PDF text) is one paragraph, and an unbounded look back would make extraction quadratic
PARA_REACH = 6000


def _back_from(mentions, k: int, lo: int, ps: int, opening_end: int):
    """Indices of the mentions before index k, nearest first, that start at or after `lo`; then those of the
    paragraph's opening clause [ps, opening_end) that lie before `lo`."""
    starts = mentions.starts
    first = bisect_left(starts, lo)
    yield from range(k - 1, first - 1, -1)
    a, b = bisect_left(starts, ps), min(first, bisect_left(starts, opening_end))
    yield from range(b - 1, a - 1, -1)


def _reports_a_value(wt: str, seg: Segments, m, ss: int) -> bool:
    """A place in the value's own sentence, or the subject of an earlier sentence that itself reports a figure
    (广东省全年外贸增长5%。出口增长7%): not one that only tells an event (甘肃引水工程通水。全年新增…)."""
    ms, me = seg.sent(m.start)
    return ms >= ss or bool(_DIGIT.search(wt, m.end, me))


@lru_cache(maxsize=1)
def _pronoun_lead() -> re.Pattern:
    return re.compile(rf"[\s\"“]*(?:{alternation(load_json('national_cues.json')['pronoun_leads'])})\b")


def _subject_reach(wt: str, seg: Segments, pos: int) -> int:
    """Where an earlier clause subject can still govern the value at `pos` from: the start of the previous
    sentence, and further back while each sentence continues the one before it."""
    cur = seg.sent_index(pos)
    while cur > 0 and continuation_lead().match(wt, seg.sents[cur][0]):
        cur -= 1
    return seg.sents[cur - 1][0] if cur > 0 else 0


_WHOLE_AREA_LEVELS = {"省": ("province",), "市": ("city",), "区": ("district",), "县": ("district",)}
_WHOLE_AREA = re.compile(r"[\s“]*(?:而|其中|同时|目前|截至[^，,]{0,12}[，,]?)?[ \t]*全([省市区县])")


def _own_place(r: Region | None, levels: tuple[str, ...]) -> Region | None:
    """The document's place, or the place above it, at one of `levels` (全省 in a Shenzhen text is Guangdong)."""
    return next((x for x in lineage(r) if x.level in levels), None) if r is not None else None


@lru_cache(maxsize=4096)
def lineage(region: Region) -> tuple[Region, ...]:
    """The place and the places above it, nearest first: Shenzhen, Guangdong, China."""
    out, r = [], region
    while r is not None and r not in out:
        out.append(r)
        r = gazetteer().lookup(r.parent) if r.parent else None
    return tuple(out)


_SUBJECT_LEAD = re.compile(r"^[\W_]*(?:而|其中|另外|此外|同时|但|在|全|the|The|In|in)?[ \t]*$")


_SUBJECT_CLAUSE = re.compile(r"[,，;；:：。!?！？]")


def _is_clause_subject(wt: str, seg: Segments, m: Mention) -> bool:
    """The place opens its clause; a list separator (、) before it makes it one of several objects."""
    ss, _ = seg.sent(m.start)
    cs = ss
    for x in _SUBJECT_CLAUSE.finditer(wt, ss, m.start):
        cs = x.end()
    return bool(_SUBJECT_LEAD.match(wt[cs:m.start])) and not wt[m.end:m.end + 1] in ("、", "和")
