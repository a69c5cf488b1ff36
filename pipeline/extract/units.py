"""Scale words, currencies, units and measure words, loaded from pipeline/reference/units.json and scales.json."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .quantity import Quantity
from .reference import alternation, load_json, trie_pattern


@dataclass(frozen=True)
class Unit:
    unit: str      # contract unit (CNY, percent, count, person_time, km ...)
    kind: str      # money, percent, count, measure, ratio
    factor: float  # multiply to reach the base unit (亿元 → 1e8, 亩 → 1/15 hectare)


class _Units:
    def __init__(self):
        u = load_json("units.json")
        s = load_json("scales.json")
        self.zh_scales: dict[str, float] = s["zh"]
        self.en_scales: dict[str, float] = {k.lower(): v for k, v in s["en"].items()}
        zh: dict[str, Unit] = {}
        for word, (code, factor) in u["zh_money"].items():
            zh[word] = Unit(code, "money", float(factor))
        for word, (code, kind, factor) in u["zh_other"].items():
            zh[word] = Unit(code, kind, float(factor))
        for word, code in u["zh_measure_words"].items():
            if not word.startswith("_"):
                zh[word] = Unit(code, "count", 1.0)
        for word, (code, kind, factor) in u["symbols"].items():
            zh[word] = Unit(code, kind, float(factor))
        self.zh = zh
        en: dict[str, Unit] = {}
        for word, code in u["en_money"].items():
            en[word] = Unit(code, "money", 1.0)
        for word, (code, kind, factor) in u["en_other"].items():
            en[word] = Unit(code, kind, float(factor))
        for word, (code, kind, factor) in u["symbols"].items():
            en[word] = Unit(code, kind, float(factor))
        for word, factor in u["en_subunits"].items():
            if not word.startswith("_"):
                en[word] = Unit(SUBUNIT, "money", float(factor))  # its currency is the one written before the number
        self.en = en
        self.en_lower = {k.lower(): v for k, v in en.items()}
        self.en_prefix: dict[str, str] = u["en_money_prefix"]


@lru_cache(maxsize=1)
def tables() -> _Units:
    return _Units()


def zh_unit(word: str) -> Unit | None:
    return tables().zh.get(word)


def en_unit(word: str) -> Unit | None:
    t = tables()
    return t.en.get(word) or t.en_lower.get(" ".join(word.lower().split()))


def scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    t = tables()
    return t.zh_scales.get(word) or t.en_scales.get(word.lower().strip(), 1.0)


def prefix_currency(symbol: str | None) -> str | None:
    if not symbol:
        return None
    return tables().en_prefix.get(symbol.strip())


SUBUNIT = "(prefix)"


@lru_cache(maxsize=1)
def patterns() -> dict:
    """Regex alternations, longest first."""
    t = tables()
    en_units = [w.replace(" ", r"\s?") for w in sorted(t.en, key=len, reverse=True)]
    return {
        "zh_scale": alternation(t.zh_scales),
        "zh_unit": alternation(t.zh),
        "en_scale": alternation(t.en_scales),
        "en_unit": "|".join(_escape_spaced(w) for w in sorted(t.en, key=lambda w: (-len(w), w))),
        "en_unit_names": alternation(load_json("units.json")["en_unit_in_names"]),
        "en_prefix": trie_pattern(t.en_prefix),
        "en_prefix_words": [k for k in t.en_prefix if k[0].isalpha()],
    }


def _escape_spaced(word: str) -> str:
    """'U. S. dollars' also matches 'U.S. dollars' and 'U. S.  dollars' (OCR spacing)."""
    import re
    parts = [re.escape(p) for p in word.split(" ")]
    return r"\s*".join(parts) if "." in word else r"\s+".join(parts)


@lru_cache(maxsize=1)
def _currency_before() -> re.Pattern:
    names = load_json("units.json")["zh_currency_before"]
    return re.compile(rf"(?:{alternation(names)})(?=(?:约|近|超过)?[ \t]*$)")


def local_currency(text: str, start: int, raw_unit: str, places: tuple, declared: str | None = None) -> str:
    """The currency of a 元 amount: 新台币850亿元 is TWD, 港币 HKD; after 6.6亿元（澳门元，下同） the declared one; a
    bare 元 in a text about Taiwan, Hong Kong or Macao is that place's currency; otherwise CNY."""
    u = load_json("units.json")
    m = _currency_before().search(text, max(0, start - 8), start)
    if m:
        return u["zh_currency_before"][m.group()]
    if "人民币" in raw_unit:
        return "CNY"
    return declared or local_dollar(places) or "CNY"


@lru_cache(maxsize=1)
def _declared_rx() -> re.Pattern:
    names = {k: v for k, v in load_json("units.json")["zh_currency_declared"].items() if not k.startswith("_")}
    return re.compile(rf"[（(][ \t]*(?:单位[:：]|币种[:：])?[ \t]*(?P<cur>{alternation(names)})[ \t]*[，,、；;]?[ \t]*下同[ \t]*[)）]")


def currency_declarations(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, code) of each （澳门元，下同） in the text, in text order."""
    names = load_json("units.json")["zh_currency_declared"]
    if "下同" not in text:
        return ()
    return tuple((m.start(), names[m.group("cur")]) for m in _declared_rx().finditer(text))


def declared_currency(declarations: tuple[tuple[int, str], ...], start: int) -> str | None:
    """The currency the last declaration before `start` names (the declaration's own amount included)."""
    code = None
    for pos, c in declarations:
        if pos > start + 40:
            break
        code = c
    return code


def local_dollar(places: tuple) -> str | None:
    """The local currency a bare 元 or $ means in a text about one of `places` (Hong Kong: HKD), or None."""
    local = load_json("units.json")["local_yuan"]
    return next((local[p] for p in places if p in local), None)


@lru_cache(maxsize=1)
def _dollar_marks() -> re.Pattern:
    marks = [k for k in load_json("units.json")["en_money_prefix"] if k.endswith("$") and k != "$"]
    return re.compile(rf"(?:{alternation(marks)})[ \t]?[0-9]")


PARAGRAPH_REACH = 600


def dollar_continued(text: str, start: int) -> str | None:
    """'HHL will pay HK$0.84 per share … a total of $2.495bn': a bare $ after a marked dollar amount of its
    paragraph (HK$, NT$, US$, S$…) is that dollar — unless it glosses an amount in brackets ('HK$1.2bn ($154m)')."""
    para = max(text.rfind("\n\n", max(0, start - PARAGRAPH_REACH), start), start - PARAGRAPH_REACH, 0)
    last = None
    for m in _dollar_marks().finditer(text, para, start):
        last = m
    if last is None:
        return None
    opened = text.rfind("(", last.end(), start)
    if opened >= 0 and text.find(")", opened, start) < 0:
        return None  # a conversion in brackets
    mark = last.group().rstrip("0123456789 \t")
    return load_json("units.json")["en_money_prefix"][mark]


@lru_cache(maxsize=1)
def _speed_rx() -> re.Pattern:
    u = load_json("units.json")
    return re.compile(rf"(?:{alternation(u['zh_speed_before'])})[ \t]*(?:{alternation(u['zh_speed_links'])})?[ \t]*$")


def speed_unit(text: str, q: Quantity, unit: str) -> str:
    """设计时速350公里: kilometres after 时速 are kilometres per hour."""
    if unit == "km" and q.script == "zh" and _speed_rx().search(text, max(0, q.start - 8), q.start):
        return "km/h"
    return unit
