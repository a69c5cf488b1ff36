"""Counts of time: 优良天数为246天, 市级电视台周播出时间501.5小时. A number of days or hours is a duration (5天的假期,
3小时车程) unless its clause names a count of time before it; then it is a fact in days or hours."""
from __future__ import annotations

import re
from functools import lru_cache

from .numbers import ARABIC, parse_number
from .quantity import Quantity
from .reference import alternation, load_json

REACH = 8  # characters between the count-of-time word and its number (为, 达到, 共)


@lru_cache(maxsize=1)
def _rx() -> re.Pattern:
    c = load_json("units.json")["zh_time_counts"]
    return re.compile(rf"(?:{alternation(c['subjects'])})[^，,。；;：:、0-9]{{0,{REACH}}}?"
                      rf"(?P<num>{ARABIC})[ \t]*(?P<unit>{alternation(c['units'])})")


def scan_time_counts(text: str) -> list[Quantity]:
    if "天数" not in text and "时" not in text:
        return []
    units = load_json("units.json")["zh_time_counts"]["units"]
    out = []
    for m in _rx().finditer(text):
        v = parse_number(m.group("num"))
        if v is not None:
            out.append(Quantity(m.start("num"), m.end("unit"), m.start("num"), v, v, m.group("unit"), 1.0,
                                units[m.group("unit")], "count", script="zh"))
    return out


SUM_TOLERANCE = 0.6  # rounding: 4.7 + 40.3 + 55.1 = 100.1
RATIO_REACH = 40


@lru_cache(maxsize=1)
def _ratio_rx() -> re.Pattern:
    c = load_json("units.json")["shares_as_ratio"]
    part = rf"(?<![0-9.:：]){ARABIC}"
    return re.compile(rf"(?:{alternation(c['zh'])}|(?i:\b(?:{alternation(c['en'])})\b))[^，,。；;0-9]{{0,{RATIO_REACH}}}?"
                      rf"(?P<parts>{part}(?:[ \t]*[:：][ \t]*{ARABIC}){{1,5}})(?![0-9.:：])")


def scan_ratio_shares(text: str) -> list[Quantity]:
    """三次产业结构为4.7:40.3:55.1: the parts of a whole written as a ratio that adds up to 100, each a percent."""
    if ":" not in text and "：" not in text:
        return []
    out = []
    for m in _ratio_rx().finditer(text):
        parts = list(re.finditer(ARABIC, m.group("parts")))
        values = [parse_number(p.group()) for p in parts]
        if None in values or abs(sum(values) - 100) > SUM_TOLERANCE:
            continue
        base = m.start("parts")
        script = "en" if re.match(r"[A-Za-z]", m.group()) else "zh"
        names = _part_names(text, m.start(), len(parts))
        for p, v, name in zip(parts, values, names):
            out.append(Quantity(base + p.start(), base + p.end(), base + p.start(), v, v, "", 1.0, "percent",
                                "percent", noun=name, script=script))
    return out


def _part_names(text: str, start: int, n: int) -> list[str]:
    """What each part of a ratio is, when the whole names its parts in order (三次产业结构: 第一产业, 第二产业, 第三产业)."""
    named = load_json("units.json")["shares_as_ratio"]["named_parts"]
    for whole, parts in named.items():
        if len(parts) == n and whole in text[max(0, start - len(whole) - 2):start + len(whole) + 2]:
            return parts
    return [""] * n
