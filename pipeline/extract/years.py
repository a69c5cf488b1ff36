"""Time: year mentions, the year a value refers to, periods (2000~2013年, 十四五), targets (到2026年, by 2025),
relative years (去年, last year) and the Republic of China calendar (民國112年 = 2023)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import parse_chinese
from .reference import alternation, load_json

Y = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)"
_CN_YEAR = r"[〇零一二三四五六七八九]{4}"


@dataclass
class YearMention:
    start: int
    end: int
    year: int                 # the year, or a period's end
    year_start: int | None    # a period's start
    target_cue: bool          # 到2026年, by 2025
    from_cue: bool = False    # 从2000年, from 2012


@lru_cache(maxsize=1)
def _cues() -> dict:
    return load_json("time_cues.json")


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    c = _cues()
    months = alternation([m.capitalize() for m in c["months_en"]])
    dash = r"[ \t]*(?:[-—–~～至到]|to|and)[ \t]*"
    fyp = alternation(c["five_year_plans"])
    rel_zh = alternation(c["zh_relative_years"])
    rel_en = alternation(c["en_relative_years"])
    return {
        # 2024—2026年, 2000~2013年, 2015-2020, from 2012 to 2022 is two points, not a period
        "zh_range": re.compile(rf"(?<![0-9])({Y})[ \t]*年?[ \t]*(?:[-—–~～]|至|到)[ \t]*({Y})[ \t]*年(?!代)"),
        "zh_year": re.compile(rf"(?<![0-9])({Y})[ \t]*年(?!代|[0-9])|(?<![〇零一二三四五六七八九])({_CN_YEAR})年"),
        "roc": re.compile(rf"(?:{alternation(c['roc_era'])})[ \t]*([0-9]{{1,3}}|[〇零一二三四五六七八九十百]+)[ \t]*年"),
        "fyp": re.compile(rf"[“\"]?({fyp})[”\"]?(?=时期|期间|规划|末|初|以来|[“\"]?)"),
        "zh_rel": re.compile(rf"({rel_zh})"),
        "en_range": re.compile(rf"(?<![\w.])({Y})[ \t]*(?:[-–—~]|to|through)[ \t]*({Y})(?![\w])"),
        "en_fiscal": re.compile(rf"(?<![\w.])(?:FY|fiscal year |financial year )?({Y})/([0-9]{{2}})(?![0-9])"),
        "en_year": re.compile(rf"(?<![\w.$€£¥-])(?:(?:{months})\.?[ \t]+(?:[0-9]{{1,2}},[ \t]*)?)?({Y})(?![\w%]|[ \t]*(?:%|percent|yuan|RMB|billion|million))"),
        "en_rel": re.compile(rf"(?i)\b({rel_en})\b"),
        "zh_target_year": re.compile(r"(?:到|至|截至|截止到|力争|争取|预计)[ \t]*$"),
        "en_target_year": re.compile(r"(?i)(?:\bby|\buntil|\btill|\bthrough|\bbefore)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?(?:[A-Za-z]+[ \t]+)?$"),
        "en_citation": re.compile(r"\([^()]{0,60}$"),
        "from_cue": re.compile(r"(?:从|由|\bfrom)[ \t]*$"),
        "name_before": re.compile(r"(?:[A-Z][A-Za-z]+|[\"“”])[ \t]*$"),
    }


def find_mentions(text: str, doc_year: int | None) -> list[YearMention]:
    """Every year or period mentioned in the working copy, in text order."""
    rx = _regexes()
    out: list[YearMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(s, e, y, ys=None):
        before = text[max(0, s - 12):s]
        tgt = bool(rx["zh_target_year"].search(before) or rx["en_target_year"].search(before))
        frm = bool(rx["from_cue"].search(before))
        out.append(YearMention(s, e, y, ys, tgt, frm))
        taken.append((s, e))

    for m in rx["zh_range"].finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b:
            add(m.start(), m.end(), b, a)
    for m in rx["en_range"].finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b and free(m.start(), m.end()) and not _is_en_from_to(text, m.start()):
            add(m.start(), m.end(), b, a)
    for m in rx["en_fiscal"].finditer(text):
        if free(m.start(), m.end()) and (m.group(0).startswith(("FY", "fiscal", "financial"))
                                         or (int(m.group(1)) + 1) % 100 == int(m.group(2))):
            add(m.start(), m.end(), int(m.group(1)))
    for m in rx["roc"].finditer(text):
        n = m.group(1)
        v = int(n) if n.isdigit() else parse_chinese(n)
        if v and free(m.start(), m.end()):
            add(m.start(), m.end(), int(v) + int(_cues()["roc_offset"]))
    for m in rx["zh_year"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        y = int(m.group(1)) if m.group(1) else int(parse_chinese(m.group(2)) or 0)
        if 1800 <= y <= 2100:
            add(m.start(), m.end(), y)
    for m in rx["fyp"].finditer(text):
        if free(m.start(), m.end()):
            a, b = _cues()["five_year_plans"][m.group(1)]
            add(m.start(), m.end(), b, a)
    for m in rx["en_year"].finditer(text):
        s = m.start(1)
        if not free(m.start(), m.end()) or _en_year_is_name(text, m.start(), m.end()):
            continue
        add(m.start(), m.end(), int(m.group(1)))
    if doc_year:
        for key, table in (("zh_rel", _cues()["zh_relative_years"]), ("en_rel", _cues()["en_relative_years"])):
            for m in rx[key].finditer(text):
                if free(m.start(), m.end()):
                    add(m.start(), m.end(), doc_year + table[m.group(1).lower() if key == "en_rel" else m.group(1)])
    out.sort(key=lambda y: y.start)
    return out


def _is_en_from_to(text: str, start: int) -> bool:
    return bool(re.search(r"(?i)\bfrom[ \t]*$", text[max(0, start - 8):start]))


def _en_year_is_name(text: str, start: int, end: int) -> bool:
    """'Made in China 2025', 'Vision 2035', '(2009)' citations, 'Sun, 2022)' are not time anchors."""
    before = text[max(0, start - 60):start]
    after = text[end:end + 2]
    if before.endswith("(") and after.startswith(")"):
        return True
    if re.search(r",[ \t]*$", before) and after.startswith(")"):
        return True
    if re.search(r"(?:[A-Z][a-z]+|[A-Z]{2,})[ \t]+$", before) and not re.search(
            r"(?:In|From|By|Since|Until|Of|To|As of|End|During|Before|After|Year|Spring|Summer|Autumn|Fall|Winter"
            r"|January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+$", before):
        return True
    return False


_ZH_DATE = re.compile(rf"({Y})[ \t]*年[ \t]*[0-9]{{1,2}}[ \t]*月[ \t]*[0-9]{{1,2}}[ \t]*日|({Y})-[01]?[0-9]-[0-3]?[0-9]")
_EN_DATE = None


def document_year(text: str, head_chars: int = 6000) -> int | None:
    """The year of the document's own date: the first full date near its start."""
    global _EN_DATE
    if _EN_DATE is None:
        months = alternation([m.capitalize() for m in _cues()["months_en"] if len(m) > 3])
        _EN_DATE = re.compile(rf"(?:{months})[ \t]+[0-9]{{1,2}},[ \t]*({Y})|[0-9]{{1,2}}[ \t]+(?:{months})[ \t]+({Y})")
    head = text[:head_chars]
    best = None
    for rx in (_ZH_DATE, _EN_DATE):
        m = rx.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), int(m.group(1) or m.group(2)))
    return best[1] if best else None


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
