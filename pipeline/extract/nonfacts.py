"""Numbers that are not facts: ordinals, names holding numbers (Industry 4.0, 5G, Made in China 2025, 二十大),
list numbering, page references, durations, class words (十亿级, 500强) and codes."""
from __future__ import annotations

import re
from functools import lru_cache

from .numbers import is_year_like
from .quantities import Quantity
from .reference import alternation, load_json


@lru_cache(maxsize=1)
def _rx() -> dict:
    nf = load_json("nonfacts.json")
    labels = alternation(nf["en_label_before"])
    return {
        "zh_before": re.compile(rf"(?:{alternation(nf['zh_before_block'])})[ \t]*$"),
        "zh_after": re.compile(rf"(?:{alternation(nf['zh_after_class'])})"),
        # 41个大类行业: a category word then a counted noun (not an abstract one) counts what the noun names
        "zh_class_count": re.compile(rf"(?:{alternation(nf['zh_class_heads'])})(?!{alternation(nf['zh_abstract_nouns'])})[\u4e00-\u9fff]"),
        # 3种模式 lists ideas; 619种产品 counts products; a bare 3种 at the clause's end says nothing countable
        "zh_kind_abstract": re.compile(rf"(?:{alternation(nf['zh_abstract_nouns'])})|(?![\u4e00-\u9fff])"),
        "zh_verbs": re.compile(rf"(?:{alternation(nf['zh_quantity_verbs'])})[ \t]*$"),
        "zh_action_verbs": re.compile(rf"(?:{alternation(nf['zh_action_verbs'])})[ \t]*$"),
        "en_label": re.compile(rf"(?<![A-Za-z])(?:{labels})[ \t]*$"),
        # a capitalized word that is not a sentence opener or cue ('About 200', 'In 2021') before a bare number
        "en_name_before": re.compile(rf"(?<![.!?][ \t])(?<!^)\b(?!(?:{alternation([w.capitalize() for w in nf['en_stop_after']] + _OPENERS)})\b)[A-Z][a-z]+[ \t]+$"),
        "en_set": re.compile(rf"(?i)(?:{alternation(nf['en_set_phrases'])})\b"),
        "en_determiner": re.compile(rf"(?i)\b(?:{alternation(nf['en_determiners'])})[ \t]+$"),
    }


# a bare year before a lower-case word ('2025 economic growth targets'); counts of that size are written 2,025
_YEAR_MODIFIER = re.compile(r"[0-9]{4}[ \t]+[a-z]")

_OPENERS = ["About", "Around", "Nearly", "Almost", "Over", "Some", "Only", "Just", "Roughly", "Approximately", "Another",
            "Of", "Among", "All", "Each", "Every", "Those", "These", "Here", "There", "Since", "Until", "During"]


_RATE_BASE = re.compile(r"[ \t]*(?:兑换|兑|折合)")
URL_REACH = 600
_URL_BREAK = re.compile(r"[\s\"'<>）]")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def in_url(text: str, q: Quantity) -> bool:
    """A number inside a link or an image's address (…/article/38840/%E7%9C%BE…): part of the address, not a
    figure; a percent-escape (%E8%81%9E) is not a percent."""
    i = text.rfind("://", max(0, q.start - URL_REACH), q.start)
    if i >= 0 and not _URL_BREAK.search(text, i, q.end):
        return True
    return bool(_PERCENT_ESCAPE.match(text, max(0, q.start - 1))) and text[q.start - 1:q.start] == "%"


def is_nonfact(text: str, q: Quantity) -> bool:
    if in_url(text, q):
        return True
    r = _rx()
    before = text[max(0, q.start - 8):q.start]
    after = text[q.end:q.end + 2]
    if q.script == "zh":
        if r["zh_before"].search(before):
            return True
        if q.kind == "money" and q.raw_value == 1 and _RATE_BASE.match(text, q.end):
            return True  # 1美元兑7.08元人民币: the base of an exchange rate, not an amount
        starts = _word_starts().get(q.raw_unit[-1:]) if q.raw_unit else None
        if starts and text.startswith(starts, q.end):
            return True  # 2025人均GDP, 2024台湾: the measure word begins the next word
        if q.kind != "percent" and r["zh_after"].match(after):
            return not (q.raw_unit.endswith("个") and r["zh_class_count"].match(text, q.end))
        if q.raw_unit.endswith("种") and r["zh_kind_abstract"].match(text, q.end):
            return True
        if (q.kind == "count" and q.spelled and q.start - q.num_start == 0 and _single_numeral(text, q)
                and not r["zh_verbs"].search(before)
                and not (text[q.num_start] != "一" and r["zh_action_verbs"].search(before))):
            # 一个目标、两项任务: a lone numeral counts a list's items unless a verb makes it a quantity (新增两家)
            return True
        return False
    # English
    # ('Industry 4.0', 'Table 3'; not 'the secondary industry 36.5 percent': a percent is a share, not a label)
    if q.kind not in ("money", "percent") and r["en_label"].search(text[max(0, q.start - 14):q.start]):
        return True
    if q.spelled and text[q.num_start].isupper() and q.noun and q.noun[:1].isupper():
        return True
    if q.kind == "count" and not q.raw_unit:
        if r["en_name_before"].search(text, max(0, q.start - 24), q.start):
            return True  # 'the Aurora 7 sedan', 'Windows 10 licences': a number inside a name
        if r["en_set"].match(text, q.start):
            return True  # 'the two sessions'
        if is_year_like(text[q.num_start:q.num_start + 4]) and (
                r["en_determiner"].search(text, max(0, q.start - 8), q.start) or _YEAR_MODIFIER.match(text, q.num_start)):
            return True  # 'its 2025 targets', '2023 market returns': a year as a modifier
    if q.ocr_spaced and q.unit in ("count",) and not q.raw_unit:
        return True
    if text[q.end:q.end + 1] in ("+",) or text[max(0, q.start - 1):q.start] == "+":
        return True
    return False


@lru_cache(maxsize=1)
def _word_starts() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load_json("nonfacts.json")["zh_unit_word_starts"].items()}


def _single_numeral(text: str, q: Quantity) -> bool:
    """The numeral is one character: 一, 两, 三 … 十."""
    i = q.num_start
    return i + 1 < len(text) and text[i] in "一二两三四五六七八九十" and text[i + 1] not in "一二两三四五六七八九十百千万亿零〇点"
