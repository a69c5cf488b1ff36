"""Quantities written as phrases rather than a number and its unit: index points (指数为91.67, the PMI stood
at 50.4), a bare 万/亿 amount that counts its subject (常住人口1400万), and rates per unit (7.27 yuan per US dollar)."""
from __future__ import annotations

import re
from functools import lru_cache

from .numbers import ARABIC, parse_number
from .quantity import Quantity, product
from .reference import alternation, load_json
from .units import patterns, scale_of


@lru_cache(maxsize=1)
def _index_regex() -> re.Pattern:
    w = load_json("units.json")["index_words"]
    zh = alternation(w["zh"])
    en = alternation(w["en"])
    return re.compile(
        rf"(?:{zh})(?:为|是|达到|达|录得|升至|降至|回落至|报)[ \t]*(?P<zh>{ARABIC})(?![0-9.%‰])"
        rf"|\b(?:{en})[ \t]+(?:stood at|was|rose to|fell to|came in at|reached|of)[ \t]+(?P<en>{ARABIC})(?![0-9.%])(?![ \t]*(?:percent|per cent))")


def scan_index(text: str) -> list[Quantity]:
    """生产指数为91.67, the PMI stood at 50.4: index points, not a count."""
    out = []
    for m in _index_regex().finditer(text):
        g = "zh" if m.group("zh") else "en"
        v = parse_number(m.group(g))
        if v is not None:
            out.append(Quantity(m.start(g), m.end(g), m.start(g), v, v, "", 1.0, "point", "measure", script=g))
    return out


@lru_cache(maxsize=1)
def _bare_scaled_regex() -> re.Pattern:
    subjects = {k: v for k, v in load_json("units.json")["zh_counted_subjects"].items() if not k.startswith("_")}
    return re.compile(
        rf"(?P<subj>{alternation(subjects)})[^，,。；;：:0-9]{{0,8}}?(?:约|近|超过|达到|达|为|至|到|突破)?[ \t]*"
        rf"(?P<num>{ARABIC})[ \t]?(?P<scale>万亿|亿|万)(?![0-9{zh_unit_chars()}])")


def scan_bare_scaled(text: str) -> list[Quantity]:
    """常住人口1400万, 旅客人次回升至约3,400万: a 万/亿 amount with no unit after it counts its subject."""
    subjects = load_json("units.json")["zh_counted_subjects"]
    out = []
    for m in _bare_scaled_regex().finditer(text):
        v = parse_number(m.group("num"))
        if v is None:
            continue
        scale = scale_of(m.group("scale"))
        lead = text[m.start():m.start("num")]
        subj = max((w for w in subjects if not w.startswith("_") and w in lead), key=lambda w: lead.rfind(w) + len(w))
        out.append(Quantity(m.start("num"), m.end("scale"), m.start("num"), product(v, scale), v, m.group("scale"),
                            scale, subjects[subj], "count", script="zh"))  # the subject nearest the number
    return out


def zh_unit_chars() -> str:
    """First characters of the Chinese units, so a bare amount is not one followed by its unit."""
    return "".join(sorted({re.escape(w[0]) for w in patterns()["zh_unit"].split("|") if w}))


@lru_cache(maxsize=1)
def _per_regex() -> re.Pattern:
    per = {k: v for k, v in load_json("units.json")["en_per"].items() if not k.startswith("_")}
    return re.compile(rf"[ \t]+(?:per|a|an|/)[ \t]*(?P<per>{alternation(per)})\b")


def per_unit(text: str, q: Quantity) -> None:
    """'7.27 yuan per US dollar' is CNY/USD; '85 dollars a barrel' is USD/barrel (when the contract has the unit)."""
    from .fact import UNITS
    m = _per_regex().match(text, q.end)
    if not m:
        return
    per = load_json("units.json")["en_per"][m.group("per")]
    combined = f"{q.unit}/{per}"
    if combined in UNITS:
        q.unit, q.kind, q.end = combined, "ratio", m.end()
