"""Time: year mentions, the year a value refers to, periods (2000~2013年, 十四五), targets (到2026年, by 2025),
relative years (去年, last year) and the Republic of China calendar (民國112年 = 2023)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .numbers import parse_chinese, parse_number
from .phrases import lowered
from .reference import Skipping, alternation, load_json, trie_pattern
from .sentences import line_matches
from .year_mention import YearMention, cues as _cues
from .year_periods import REPORTING_MONTHS, SENTENCE_BREAK as _SENTENCE_BREAK, fiscal_anaphora, periods

Y = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)"
# ○ (a white circle) is often typed for 〇 in years: 一九八○年
_CN_YEAR = r"[〇○零一二三四五六七八九]{4}"
_SINCE_BEFORE = re.compile(r"(?i)\bsince[ \t]+(?:the[ \t]+|late[ \t]+|early[ \t]+|mid-?[ \t]*)?$")


@lru_cache(maxsize=1)
def continuation_lead() -> re.Pattern:
    """A sentence that continues the one before it (其中…, 而…, Among them…): it shares that sentence's year and
    subject. Used by the year rules (timing.py) and by the place look-back (regions.py)."""
    return re.compile(rf"[\W_]*(?:{alternation(_cues()['continuation_leads'])})(?![A-Za-z])")


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    c = _cues()
    months = alternation([m.capitalize() for m in c["months_en"]])
    fyp = alternation(c["five_year_plans"])
    rel_zh = alternation(c["zh_relative_years"])
    rel_en = alternation(c["en_relative_years"])
    roc = alternation(c["roc_era"])
    zh_range = rf"(?<![0-9])({Y})[ \t]*年?[ \t]*(?:[-—–~～]|至|到)[ \t]*({Y})[ \t]*年(?!代)"
    en_range = rf"(?<![\w.])({Y})[ \t]*(?:[-–—~]|to|through)[ \t]*({Y})(?![\w])"
    fyp_rx = rf"(?<![〇零一二三四五六七八九十百])[“\"]?({fyp})[”\"]?(?=时期|期间|规划|计划|末|初|以来)"
    # ('at end-2023': the hyphen of 'end-' does not make the year part of a code or range; '2066.70 万亩' and
    # '1,954' are numbers, not years)
    # one pass over the text: the lookahead rejects most positions on their first character
    first = "12〇○零一二三四五六七八九十民“\""
    master = (
        rf"(?=[{first}])(?:"
        rf"(?P<zr>{zh_range})"
        rf"|(?P<er>{en_range})"
        rf"|(?P<fy>(?<![0-9.])({Y})[/\-–]([0-9]{{2}})(?![0-9]))"
        rf"|(?P<roc>(?:{roc})[ \t]*([0-9]{{1,3}}|[〇零一二三四五六七八九十百]+)[ \t]*年)"
        rf"|(?P<zy>(?<![0-9])({Y})[ \t]*年(?!代))"
        rf"|(?P<zc>(?<![〇○零一二三四五六七八九])({_CN_YEAR})年)"
        rf"|(?P<fyp>{fyp_rx})"
        rf"|(?P<ey>(?:(?<![\w.$€£¥-])|(?<=[Ee]nd-))({Y})(?![\w%]|[.,][0-9]|[ \t]*(?:%|percent|yuan|RMB|billion|million|[\u3400-\u9fff])))"
        rf")"
    )
    # relative years are looked for only when the document states its own date
    first_rel = "".join(sorted({w[0] for w in c["zh_relative_years"]} | {w[0].lower() for w in c["en_relative_years"]}
                               | {w[0].upper() for w in c["en_relative_years"]}))
    # (一年来 is 'over the past year'; 十一年来 is not)
    relative = rf"(?=[{first_rel}])(?:(?<![0-9〇零一二两三四五六七八九十百])(?P<zrel>{rel_zh})|(?P<erel>(?i:\b(?:{rel_en})\b)))"
    # (word lists as tries, which try the same words longest first: an alternation tries each word in turn)
    month_names = [m.capitalize() for m in c["months_en"] if len(m) > 3]
    months_en = trie_pattern(month_names)
    # two scans, each guarded by a lookahead on its first character (a plain alternation here costs ~0.1 s/MB)
    zh_periods = (
        rf"(?=[全当年上下前一二三四五六七八九十第0-9])(?:(?<![个0-9一二两三四五六七八九十几])(?:{trie_pattern(c['zh_periods'])})"
        rf"|(?<![0-9个])(?:[0-9]{{1,2}}[ \t]*(?:[-—~～至–][ \t]*[0-9]{{1,2}}[ \t]*)?月(?:份)?)(?![0-9]*日?[ \t]*(?:左右|以来|之前|之后))"
        rf"|(?<![个两三四五六七八九十])(?:[一二三四五六七八九十]|十[一二])月(?:份)?)"
    )
    # 'the first 10 months', 'the January-October period', 'the July-September quarter', 'last month'
    counted = r"(?:[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
    # the lookahead's first characters: the listed periods, the prepositions before a month, 'the', month names
    en_first = "".join(sorted({w[0] for w in c["en_periods"]} | set("iIoOsSdDutfbelmTJFMAND")))
    en_periods = (
        rf"\b(?=[{en_first}])(?:(?:{trie_pattern(c['en_periods'])})\b"
        rf"|(?:{trie_pattern('in|In|of|since|Since|during|During|until|through|from|to|for|by|end of|early|late|mid-'.split('|'))})[ \t]+(?:{months_en})\b(?![ \t]*[0-9])(?![ \t]*[-–—][ \t]*[A-Z])"
        rf"|(?:the|The)[ \t]+first[ \t]+{counted}[ \t]+months\b"
        rf"|(?:{months_en})[ \t]*[-–—][ \t]*(?:{months_en})\b(?![ \t]*[0-9]))"
    )
    # every English period holds one of these keys (a listed word that holds none is its own): see _periods
    keys = ["quarter", "half", "year", "Year", "month", "Month"] + month_names
    return {
        "zh_periods": Skipping(re.compile(zh_periods)),  # (searched from its first characters: reference.Skipping)
        "en_periods": re.compile(en_periods),
        "en_period_keys": re.compile(trie_pattern(keys + [w for w in c["en_periods"] if not any(k in w for k in keys)])),
        # ROC years in use today run from about 40 (1951) to 150; smaller bare numbers before 年 are durations
        "roc_bare": re.compile(r"(?<![0-9.])([4-9][0-9]|1[0-4][0-9]|150)[ \t]*年(?!代|[0-9]|间|来|内|时间|左右)"),
        "master": Skipping(re.compile(master)),
        "relative": re.compile(relative),
        "zh_range": re.compile(zh_range),
        "en_range": re.compile(en_range),
        "fyp": re.compile(fyp_rx),
        "month_before": re.compile(rf"(?:{months})\.?[ \t]+(?:[0-9]{{1,2}},[ \t]*)?$"),
        "year_ended_en": re.compile(rf"(?i)\b(?:{alternation(c['year_ended_en'])})(?:[ \t]+on)?(?:[ \t]+the)?"
                                    r"(?:[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?)?[ \t]+$"),
        "year_ended_zh": re.compile(rf"[ \t]*([0-9]{{1,2}})[ \t]*月[ \t]*[0-9]{{1,2}}[ \t]*日[ \t]*(?:{alternation(c['year_ended_zh'])})"),
        # 到2026年 opens its clause; 增加到2002年 and 从1979年到1982年 end a change, 截至 means 'as of'
        # (的目标是到2025年: a plan word right before 到 makes a deadline wherever its clause began)
        "zh_target_year": re.compile(r"(?:^|[，,。；;：:、\s(（“]|力争|争取|预计|计划|目标是|目标为)(?:到|至)[ \t]*$|(?:力争|争取|预计)[ \t]*(?:在|于)?[ \t]*$"),
        "en_target_year": re.compile(r"(?i)(?:\bby|\buntil|\btill|\bthrough|\bbefore)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?(?:[A-Za-z]+[ \t]+)?$"),
        "change_to": re.compile(rf"(?:{alternation(c['zh_change_to_verbs'])})[ \t]*为[ \t]*$"),
        "from_cue": re.compile(r"(?:从|由|\bfrom)[ \t]*$"),
        # 比2002年, compared with 2002, 'its 2018 peak': a year that qualifies a yardstick
        # ('an increase of 12.3 per cent over the same period last year': the year compared with)
        "base_cue": re.compile(r"(?:比|较|同|与|相比于|相较于|相对于|(?i:(?:compared (?:with|to)|than|relative to|same period(?: of)?)(?:[ \t]+(?:in|that of|that in|those of))?|\bits|\btheir))[ \t]*$"),
        # 为2018年的1.6倍: the year a ratio is measured against
        "ratio_base_cue": re.compile(r"(?:为|是|相当于|等于|达到|(?i:\bof|\bthat of))[ \t]*$"),
    }


def _ratio_base(rx: dict, before: str) -> bool:
    """为2018年的1.6倍: the year a ratio is measured against — not in 降为2024年的8%, where 为 ends a change."""
    return bool(rx["ratio_base_cue"].search(before)) and not rx["change_to"].search(before)


def find_mentions(text: str, doc_year: int | None, roc: bool = False,
                  story: tuple[int, int | None] | None = None, doc_month: int | None = None,
                  anchor: int | None = None) -> list[YearMention]:
    """Every year or period mentioned in the working copy, in text order. `story` is a dated news story's
    (year, month): its English periods ('in the quarter', 'in September') are of its own time. `doc_month` is the
    month of the document's own date. `anchor` is the year a Chinese text's title reports on (2024年4月零售统计):
    its periods (4月, 上半年) in sentences that name no year of their own are of that year."""
    rx = _regexes()
    c = _cues()
    out: list[YearMention] = []
    matches = list(rx["master"].finditer(text))
    if doc_year:
        matches.extend(_relative_matches(text, rx["relative"]))
    for m in matches:
        kind = m.lastgroup
        s, e = m.start(), m.end()
        y = ys = None
        fiscal = kind == "fy"
        g = m.groups()
        if kind == "zr" or kind == "er":
            inner = rx["zh_range" if kind == "zr" else "en_range"].match(text, s)
            a, b = int(inner.group(1)), int(inner.group(2))
            if a >= b or (kind == "er" and _is_en_from_to(text, s)):
                # 'from 2012 to 2022' names two points, not a period
                out.append(YearMention(inner.start(2), inner.end(2), b, None, False, False))
                y, e = a, inner.end(1)
            else:
                y, ys = b, a
        elif kind == "fy":
            nums = re.findall(r"[0-9]+", m.group("fy"))
            a, b = int(nums[0]), int(nums[1])
            if (a + 1) % 100 != b and not re.search(r"(?i)(?:FY|fiscal year|financial year)[ \t]*$", text[max(0, s - 16):s]):
                continue
            y = a
        elif kind == "roc":
            n = re.search(r"([0-9]{1,3}|[〇零一二三四五六七八九十百]+)[ \t]*年$", m.group("roc")).group(1)
            v = int(n) if n.isdigit() else parse_chinese(n)
            if not v:
                continue
            y = int(v) + int(c["roc_offset"])
        elif kind == "zy":
            y = int(re.match(r"[0-9]+", m.group("zy")).group())
            ended = rx["year_ended_zh"].match(text, e)
            if ended and int(ended.group(1)) != 12 and "截至" in text[max(0, s - 6):s]:
                y -= 1  # 截至2019年3月31日止年度: a fiscal year, known by the year it began in
        elif kind == "zc":
            y = int(parse_chinese(m.group("zc")[:-1].replace("○", "〇")) or 0)
            if not 1800 <= y <= 2100:
                continue
        elif kind == "fyp":
            name = re.sub(r"[“”\"]", "", m.group("fyp"))
            ys, y = c["five_year_plans"][name]
        elif kind == "ey":
            if _en_year_is_name(text, s, e):
                continue
            y = int(m.group("ey"))
            mb = rx["month_before"].search(text, max(0, s - 20), s)
            if mb:
                s = mb.start()
                month = c["months_en"].get(re.match(r"[A-Za-z]+", mb.group()).group().lower())
                if month and month != 12 and rx["year_ended_en"].search(text, max(0, s - 40), s):
                    y, fiscal = y - 1, True  # 'the year ended March 31, 2019': known by the year it began in
        elif kind == "zrel" or kind == "erel":
            if not doc_year:
                continue
            table = c["zh_relative_years"] if kind == "zrel" else c["en_relative_years"]
            word = m.group().lower() if kind == "erel" else m.group()
            y = doc_year + table[word]
            if word in c["trailing_year"] and doc_month is not None and doc_month > _LATE_IN_YEAR:
                y = doc_year  # 'prices have fallen 30% in the past year' in a December story: this year
        else:
            continue
        before = text[max(0, s - 12):s]
        tgt = bool(rx["zh_target_year"].search(before) or rx["en_target_year"].search(before))
        frm = bool(rx["from_cue"].search(before))
        # 2018年同期: the same period of another year, a yardstick (of a level written right after it, and the
        # base of a share: 恢复至2019年同期的九成 is this year's share)
        same_period = text.startswith("同期", e)
        # ('compared with the same period of last year': the yardstick's words run longer than 12 characters)
        base = bool(rx["base_cue"].search(text, max(0, s - 28), s)) or same_period
        # ('since 2019', 'since the 2009 recession', 'since late 2014')
        since = bool(_SINCE_BEFORE.search(text, max(0, s - 18), s) or text.startswith("以来", e))
        out.append(YearMention(s, e, y, ys, tgt, frm, base, same_period or _ratio_base(rx, before),
                               relative=kind in ("zrel", "erel"), since=since, fiscal=fiscal))
    if roc:
        _roc_bare_years(text, rx, out)
    if doc_year:
        _past_years(text, doc_year, doc_month, out)
        _next_years(text, doc_year, out)
    out.sort(key=lambda x: x.start)
    fiscal_anaphora(text, out)
    periods(text, rx, out, doc_year, story, doc_month, anchor)
    return out


_PAST_YEARS = Skipping(re.compile(r"(?=[过近最这两二三四五六七八九十1-9])(?:(?:过去|近|最近|这)(?P<a>[两二三四五六七八九十]|[2-9]|10)年"
                                  r"(?:来|中|里|间|以来)?|(?<![0-9〇零一二两三四五六七八九十百])(?P<b>[两二三四五六七八九十]|[2-9]|10)年"
                                  r"(?:来|中|里|间|以来))"))
_LATE_IN_YEAR = 6


def _past_years(text: str, doc_year: int, doc_month: int | None, out: list[YearMention]) -> None:
    """A period of the last N years in a dated text ends with the last full year (a report in spring) or with
    the document's own year (later in the year)."""
    if "年" not in text:
        return  # (every form holds 年: the test spares English text a scan of ~0.02 s/MB)
    taken = [(y.start, y.end) for y in out]
    for m in _PAST_YEARS.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        n = parse_number(m.group("a") or m.group("b"))
        if not n:
            continue
        end = doc_year - 1 if doc_month is None or doc_month <= _LATE_IN_YEAR else doc_year
        out.append(YearMention(m.start(), m.end(), end, end - int(n) + 1, False, relative=True))


# 'in the next 20 years', 'over the coming five years': a horizon counted from the document's own year
_NEXT_YEARS = Skipping(re.compile(r"(?i)\b(?:in|over|within|during|for)[ \t]+the[ \t]+(?:next|coming)[ \t]+"
                                  r"(?P<n>[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)[ \t]+years\b"))


def _next_years(text: str, doc_year: int, out: list[YearMention]) -> None:
    """A value 'in the next 20 years' of a text dated 2023 is of 2043, the end of the horizon (a projection)."""
    if "years" not in text:
        return
    taken = [(y.start, y.end) for y in out]
    for m in _NEXT_YEARS.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        n = parse_number(m.group("n"))
        if n:
            out.append(YearMention(m.start(), m.end(), doc_year + int(n), None, True, relative=True))


def _relative_matches(text: str, rx: re.Pattern) -> list[re.Match]:
    """去年, 'a year ago': every relative year holds 年 or 'year', so the pattern is tried only around those
    (a whole-text scan cost ~0.03 s/MB)."""
    out: dict[int, re.Match] = {}
    for key, src, before, after in (("年", text, 4, 1), ("year", lowered(text), 20, 16)):
        i = src.find(key)
        while i >= 0:
            for m in rx.finditer(text, max(0, i - before), i + len(key) + after):
                if m.start() <= i < m.end():
                    out.setdefault(m.start(), m)
            i = src.find(key, i + 1)
    return [out[k] for k in sorted(out)]


def _roc_bare_years(text: str, rx: dict, out: list[YearMention]) -> None:
    """A document that uses the ROC calendar (民國112年) also writes its years bare: 112年 = 2023."""
    taken = [(y.start, y.end) for y in out]
    for m in rx["roc_bare"].finditer(text):
        n = int(m.group(1))
        if not 1 <= n <= 200 or any(a <= m.start() < b for a, b in taken):
            continue
        before = text[max(0, m.start() - 12):m.start()]
        out.append(YearMention(m.start(), m.end(), n + int(_cues()["roc_offset"]), None,
                               bool(rx["zh_target_year"].search(before)), bool(rx["from_cue"].search(before)),
                               bool(rx["base_cue"].search(before)), _ratio_base(rx, before)))


def _is_en_from_to(text: str, start: int) -> bool:
    return bool(re.search(r"(?i)\bfrom[ \t]*$", text[max(0, start - 8):start]))


def _en_year_is_name(text: str, start: int, end: int) -> bool:
    """'Made in China 2025', 'Vision 2035', '(2009)' citations, 'Sun, 2022)' are not time anchors."""
    before = text[max(0, start - 60):start]
    after = text[end:end + 2]
    if before.endswith(("(", "〔", "[", "【")) and after.startswith((")", "〕", "]", "】")):
        return True  # a citation (2009), a document number 政发〔2024〕8号
    if re.search(r",[ \t]*$", before) and after.startswith(")"):
        return True
    if re.search(r"(?:[A-Z][a-z]+|[A-Z]{2,})[ \t]+$", before) and not re.search(
            r"(?:In|From|By|Since|Until|Of|To|As of|End|During|Before|After|Year|Spring|Summer|Autumn|Fall|Winter|For|"
            r"Through|Throughout|Over|Within|Across|Beyond|Fiscal|FY"
            r"|January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+$", before):
        return True
    return False


_ZH_DATE = re.compile(rf"({Y})[ \t]*年[ \t]*[0-9]{{1,2}}[ \t]*月[ \t]*[0-9]{{1,2}}[ \t]*日|({Y})([-/])[01]?[0-9]\3[0-3]?[0-9](?![0-9])")
_ROC_DATE = re.compile(r"民国[ \t]*([0-9]{1,3})[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日")
_EN_DATE = None
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s)\]>\"']+")


def document_year(text: str, head_chars: int = 600) -> int | None:
    d = document_date(text, head_chars)
    return d[0] if d else None


def document_date(text: str, head_chars: int = 600) -> tuple[int, int | None] | None:
    """(year, month) of the document's own date: a full date in its first lines (a dateline under a headline and
    a byline, 'Published 12 March 2025', a bare 'December 2024' under a banner), not a date quoted further down."""
    global _EN_DATE
    if _EN_DATE is None:
        # Oct 30, 2024 · October 30 2024 · Oct 30th, 2024 · 30 October 2024 · OCT 30, 2024 · DECEMBER 2024 · a title
        # line that ends with its issue's month (China Economic Update — June 2025)
        months = alternation([m.capitalize() for m in _cues()["months_en"]] + [m.upper() for m in _cues()["months_en"]])
        _EN_DATE = re.compile(rf"\b(?P<m1>{months})\.?[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?,?[ \t]+({Y})(?![0-9])"
                              rf"|\b[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]+(?P<m2>{months})\.?,?[ \t]+({Y})"
                              rf"|^(?:[^\n]{{0,100}}?[ \t][—–|:-][ \t]*)?(?P<m3>{months})[ \t]+({Y})[ \t]*$", re.M)
    # (an image's address, …/images/canvas/2022/09/06/…, is no date of the text: blanked, offsets kept)
    head = _URL.sub(lambda u: " " * len(u.group()), text[:head_chars])
    best = None
    m = _ROC_DATE.search(head)
    if m:
        best = (m.start(), int(m.group(1)) + int(_cues()["roc_offset"]), None)
    m = _ZH_DATE.search(head)
    if m and (best is None or m.start() < best[0]):
        mo = re.search(r"(?:年|-|/)[ \t]*([01]?[0-9])", m.group())
        best = (m.start(), int(m.group(1) or m.group(2)), int(mo.group(1)) if mo else None)
    m = _EN_DATE.search(head)
    if m and (best is None or m.start() < best[0]):
        y = next(g for g in (m.group(2), m.group(4), m.group(6)) if g)
        mname = (m.group("m1") or m.group("m2") or m.group("m3")).lower()
        best = (m.start(), int(y), _cues()["months_en"].get(mname))
    return (best[1], best[2]) if best else None


def plan_period(title_text: str) -> tuple[int, int] | None:
    """A plan's period from its title: 三年行动方案(2024—2026年), 十四五规划, Action Plan 2021-2025."""
    c = _cues()
    words = c["zh_plan_title"] + c["en_plan_title"]
    if not any(w in title_text for w in words):
        return None
    rx = _regexes()
    m = rx["zh_range"].search(title_text) or rx["en_range"].search(title_text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return (a, b) if a < b else None
    m = rx["fyp"].search(title_text)
    if m:
        a, b = c["five_year_plans"][m.group(1)]
        return a, b
    return None
