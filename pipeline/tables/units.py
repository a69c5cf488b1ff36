"""Unit and scale of table numbers, read from a caption (单位：万元 币种：人民币), a header (增减(%)) or a row
label (营业收入（元）). The words live in units.json next to this module."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class TableUnit:
    unit: str        # contract unit (CNY, percent, count, ...)
    kind: str        # money, percent, count, measure
    scale: float     # multiplies the cell (万元 → 1e4)
    raw: str         # as written (万元)


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads((Path(__file__).with_name("units.json")).read_text(encoding="utf-8"))


def _longest(text: str, keys) -> str | None:
    hits = [k for k in keys if k.lower() in text.lower()]
    return max(hits, key=len) if hits else None


def parse_unit(text: str, currency: str | None = None) -> TableUnit | None:
    """`万元`, `人民币万元`, `元`, `%`, `股`, `RMB million` → TableUnit; None when no unit is named, or when it is
    a per-unit quantity (元/股) the contract has no unit for."""
    w = _words()
    cjk = bool(re.search(r"[\u4e00-\u9fff]", text))
    t = re.sub(r"\s+", "", text) if cjk else " ".join(text.split())
    # a ratio of units (元/股, 毫克/立方米, per share) has no contract unit: never guess one of its parts
    if not t or any(p in t for p in w["per_unit"]) or "/" in t or "／" in t:
        return None
    cur_word = _longest(t, w["currencies"])
    if cur_word:
        currency = w["currencies"][cur_word]
    rest = re.sub(re.escape(cur_word), "", t, flags=re.I) if cur_word else t
    base = _longest(rest, w["bases"])
    scale_word = _longest(rest, w["scales"])
    if base is None and cur_word is None:
        return None
    scale = w["scales"][scale_word] if scale_word else 1.0
    # a scale word inside the base itself is not a scale (千瓦时, 百分比, 个百分点)
    if base and scale_word and scale_word in base:
        scale, scale_word = 1.0, None
    if base is None or w["bases"][base][1] == "money":
        raw = (scale_word or "") + (base or cur_word or "") if cjk else t
        return TableUnit(currency or "CNY", "money", scale, raw)
    unit, kind = w["bases"][base]
    if kind == "percent":
        scale = 1.0
    return TableUnit(unit, kind, scale, (scale_word or "") + base)


_PAREN = re.compile(r"[（(]([^（）()]{1,16})[）)]\s*$")


def label_unit(label: str) -> tuple[str, TableUnit | None, bool]:
    """A label with its unit in trailing brackets → (label without it, unit, whether brackets named one).
    The flag is true for an unusable unit too (元/股): such a row must not fall back to the caption's unit."""
    m = _PAREN.search(label)
    if not m:
        tail = _latin_money_tail().search(label)
        if tail and (u := parse_unit(tail.group(1))) is not None:
            # 'Year ended March 31, 2019 HK$ million': an English header often ends in its unit, unbracketed
            return label[:tail.start()].strip(), u, True
        return label.strip(), None, False
    inner = m.group(1)
    u = parse_unit(inner)
    w = _words()
    if u is not None and not _only_unit_words(inner):
        u = None  # 实收资本（或股本）: a bracket that says more than a unit is part of the name (股 is no unit here)
    named = u is not None or any(p in inner for p in w["per_unit"]) or inner.strip() in ("%", "％") or \
        (("/" in inner or "／" in inner) and parse_unit(re.split(r"[/／]", inner)[0]) is not None)
    if not named:
        return label.strip(), None, False
    return label[:m.start()].strip(), u, True


@lru_cache(maxsize=1)
def _latin_money_tail() -> re.Pattern:
    """A currency and a scale at the end of a label, as words of units.json: `HK$ million`, `RMB'000`."""
    w = _words()

    def alt(words):
        latin = sorted((k for k in words if k.isascii() or "’" in k), key=len, reverse=True)
        return "|".join(re.escape(k) for k in latin)
    return re.compile(rf"(?:^|(?<=\s))((?:{alt(w['currencies'])})\s*(?:{alt(w['scales'])}))\s*$", re.I)


def _only_unit_words(text: str) -> bool:
    """`人民币万元`, `RMB million`, `单位：元`: nothing in `text` but unit, scale and currency words."""
    w = _words()
    rest = text.lower()
    for word in sorted({*w["scales"], *w["currencies"], *w["bases"], "单位", "單位"}, key=len, reverse=True):
        rest = rest.replace(word.lower(), " ")
    rest = re.sub(r"\b(?:in|of)\b", " ", rest)
    return not re.search(r"[\w\u4e00-\u9fff]", rest)


# (an English unit may take two words: 'Unit: RMB million')
_CAPTION = re.compile(r"(?:单位|單位|unit)\s*[:：]\s*([^\s|，,;；)）]{1,16}(?:\s+(?:thousands?|millions?|billions?)\b)?)", re.I)
_CURRENCY = re.compile(r"(?:币种|幣種|currency)\s*[:：]\s*([^\s|，,;；]{1,10})", re.I)
_EN_SCALE = re.compile(r"\b(?:in|unit:?)\s+(RMB|USD|HK\$|US\$)?\s*(thousands?|millions?|billions?)\b|"
                       r"\b(RMB|USD|HK\$|US\$)\s*(?:'000|’000|thousand|million|billion)\b", re.I)


@lru_cache(maxsize=1)
def _rate_rx() -> re.Pattern:
    codes = "|".join(sorted({v for v in _words()["currencies"].values()}, key=len, reverse=True))
    return re.compile(rf"\b(?:in\s+terms\s+of\s+)?(?P<a>{codes})\s+per\s+(?P<b>{codes})\b")


def caption_unit(caption: str) -> TableUnit | None:
    """The unit a caption states for the whole table (the last statement before the table wins); 'the rates, in
    terms of HKD per CNY' quotes its cells as an exchange rate (HKD/CNY)."""
    rate = list(_rate_rx().finditer(caption[-300:]))
    if rate:
        a, b = rate[-1].group("a"), rate[-1].group("b")
        return TableUnit(f"{a}/{b}", "ratio", 1.0, rate[-1].group())
    units = _CAPTION.findall(caption)
    cur = _CURRENCY.findall(caption)
    currency = None
    if cur:
        c = parse_unit(cur[-1])
        currency = c.unit if c and c.kind == "money" else None
    if units:
        return parse_unit(units[-1], currency)
    m = list(_EN_SCALE.finditer(caption))
    if m:
        return parse_unit(m[-1].group(0))
    return None
