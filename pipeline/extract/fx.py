"""Exchange rates in market reports: 'The euro was last down 0.6 percent at $1.1194' (USD/EUR), 'the dollar edged
up to 113.75 yen' (JPY/USD), 'spot yuan jumped to 6.4934 per dollar' (CNY/USD). A rate is the price of the
currency the sentence is about, in another currency; GOLD_SPEC writes it quoted/base (CNY/USD)."""
from __future__ import annotations

import re
from functools import lru_cache

from .quantity import Quantity
from .reference import alternation, load_json

# a rate is written with at least two decimals and is small: 1.1194, 113.75, 6.4934 (not $3 billion)
_RATE_VALUE = re.compile(r"[0-9]{1,3}\.[0-9]{2,}")
RATE_MAX = 1000
SUBJECT_REACH = 300


@lru_cache(maxsize=1)
def _subject_rx() -> re.Pattern:
    names = load_json("units.json")["en_currency_subjects"]
    return re.compile(rf"\b(?i:{alternation(names)})\b")


@lru_cache(maxsize=1)
def _subject_codes() -> dict[str, str]:
    return {k.lower(): v for k, v in load_json("units.json")["en_currency_subjects"].items()}


def _subject(text: str, start: int, sentence_start: int) -> str | None:
    """The currency the sentence (or, after 'it', the sentence before) is about: the last one named before `start`."""
    names = _subject_codes()
    lo = sentence_start if not re.search(r"\bit\b", text[sentence_start:start]) else max(0, start - SUBJECT_REACH)
    last = None
    for m in _subject_rx().finditer(text, lo, start):
        last = m
    return names[last.group().lower()] if last else None


@lru_cache(maxsize=1)
def _zh_quote_rx() -> re.Pattern:
    c = load_json("units.json")["zh_rate_quote"]
    return re.compile(rf"(?:^|[^0-9.])1[ \t]*(?P<base>{alternation(c['base'])})[ \t]*(?:{alternation(c['verbs'])})"
                      rf"[ \t]*(?:{alternation(c['base'])})?[ \t]*$")


def rate_unit(text: str, q: Quantity, unit: str, sentence_start: int) -> str:
    """`unit` for a money value, or quoted/subject when the value is a rate of the sentence's currency."""
    if q.kind != "money" or "/" in unit or q.value >= RATE_MAX or q.scale != 1.0:
        return unit
    if q.script == "zh":
        # 汇率为1美元兑7.0795元人民币: the price of one US dollar in yuan
        m = _zh_quote_rx().search(text, max(0, q.start - 12), q.start)
        base = load_json("units.json")["zh_rate_quote"]["base"][m.group("base")] if m else None
        return f"{unit}/{base}" if base and base != unit else unit
    if not _RATE_VALUE.search(text, q.num_start, q.end):
        return unit
    subject = _subject(text, q.start, sentence_start)
    return f"{unit}/{subject}" if subject and subject != unit else unit


@lru_cache(maxsize=1)
def _per_rx() -> re.Pattern:
    per = load_json("units.json")["en_per_currency"]
    return re.compile(rf"(?<![0-9.,$])(?P<num>[0-9]{{1,3}}\.[0-9]{{2,}})[ \t]+per[ \t]+(?P<per>{alternation(per)})\b")


_SENTENCE_START = re.compile(r"[.;!?]\s|\n")


def scan_per_currency(text: str) -> list[Quantity]:
    """'spot yuan jumped more than 1 percent to 6.4934 per dollar': a bare rate per a currency, in a sentence about
    another currency, is quoted subject/per."""
    if " per " not in text:
        return []
    per = load_json("units.json")["en_per_currency"]
    out = []
    for m in _per_rx().finditer(text):
        starts = [s.end() for s in _SENTENCE_START.finditer(text, max(0, m.start() - SUBJECT_REACH), m.start())]
        subject = _subject(text, m.start(), starts[-1] if starts else max(0, m.start() - SUBJECT_REACH))
        code = per[m.group("per")]
        if subject and subject != code:
            v = float(m.group("num"))
            out.append(Quantity(m.start(), m.end(), m.start(), v, v, m.group()[len(m.group("num")):].strip(), 1.0,
                                f"{subject}/{code}", "ratio", script="en"))
    return out


