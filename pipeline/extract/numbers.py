"""Numbers as written: Arabic (1,234.5, OCR-spaced 4. 5, signed), Chinese numerals (via cn2an), English words."""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

import cn2an

from .reference import load_json, trie_pattern

# Arabic: thousands separators, decimals; "4. 5" (OCR spacing) is allowed only where a unit follows (see quantities)
ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
ARABIC_OCR = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+|\. [0-9]+(?![0-9.]))?"
SIGN = r"[-+−－]"
# Taiwan's official style mixes the two: 2萬8千590元, 1千500億元, 25兆4千700億元 (a thousands digit before 千, then the
# three lower digits, or a scale right after)
MIXED_THOUSANDS = r"[1-9][0-9]{0,2}千[0-9]{3}(?![0-9.,])"
# the smaller part of an amount (8億5千萬美元: 5千 before 萬); a leading 6千万元 stays 6 × 千万
MIXED_THOUSANDS_PART = r"[1-9][0-9]{0,2}千(?:[0-9]{3}(?![0-9.,])|(?=[万亿兆]))"
# Chinese numerals: a numeral must start with a digit character; 百千万亿 may follow inside it
CN_DIGITS = "〇零一二两三四五六七八九"
# a numeral never starts with 零/〇 (零部件, 零售 are words); 万/亿 inside it join its parts (三亿六千万, 四万五千)
_CN_START = "一二两三四五六七八九十"
CHINESE = (rf"(?:[{_CN_START}][{CN_DIGITS}十百千]*(?:[万亿兆]+[{CN_DIGITS}十][{CN_DIGITS}十百千]*)*"
           rf"(?:点[{CN_DIGITS}]+)?|[百千](?=[万亿]))")  # 百亿元, 千万元: a bare 百/千 before a scale is one hundred/thousand
_CN_WHOLE = re.compile(rf"[{CN_DIGITS}十百千万亿兆]+(?:点[{CN_DIGITS}]+)?")


@lru_cache(maxsize=1)
def _words() -> dict:
    return load_json("number_words.json")


@lru_cache(maxsize=1)
def english_word_pattern() -> str:
    """'twenty-five', 'one hundred and twenty', 'a dozen', 'nine' (case-insensitive at use)."""
    w = _words()
    unit = trie_pattern(w["units"])
    tens = trie_pattern(w["tens"])
    small = rf"(?:(?:{tens})(?:[- ](?:{unit}))?|{unit})"
    return rf"(?:{small}(?: hundred(?: and {small})?)?|(?:a|one) hundred|a dozen|dozens|half an?)"


def parse_arabic(s: str) -> float | None:
    if "千" in s:  # 8千590 (MIXED_THOUSANDS)
        a, _, b = s.partition("千")
        return float(int(a) * 1000 + (int(b) if b else 0)) if a.isdigit() and (not b or b.isdigit()) else None
    t = s.replace(",", "").replace(" ", "").replace("−", "-").replace("－", "-")
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


# (the numerals and number words a text writes are few and recur — 一, 两, 三十, twenty — and cn2an costs ~12 µs a
# call; Arabic numbers are parsed again each time, as their float() is cheap)
@lru_cache(maxsize=4096)
def parse_chinese(s: str) -> float | None:
    """cn2an in 'smart' mode reads 两, 〇 and mixed forms; it must only ever see the numeral span itself."""
    if not s or not _CN_WHOLE.fullmatch(s):
        return None
    if s[0] in "百千":
        s = "一" + s
    if "兆" in s:
        head, _, tail = s.partition("兆")  # cn2an does not know 兆 (10^12 in Taiwan)
        a = parse_chinese(head) if head else 1.0
        b = parse_chinese(tail) if tail else 0.0
        return None if a is None or b is None else a * 1e12 + b
    try:
        v = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        v = float(v)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


@lru_cache(maxsize=4096)
def parse_english(s: str) -> float | None:
    w = _words()
    units, tens = w["units"], w["tens"]
    tokens = re.split(r"[\s-]+", s.lower().strip())
    if tokens == ["dozens"]:
        return None
    if tokens in (["half", "a"], ["half", "an"]):
        return 0.5  # 'half a percentage point', 'half a million'

    total, current = 0.0, 0.0
    seen = False
    for tok in tokens:
        if tok in ("and", "a"):
            if tok == "a":
                current = max(current, 1)
                seen = True
            continue
        if tok in units:
            current += units[tok]
        elif tok in tens:
            current += tens[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "dozen":
            current = (current or 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(s: str) -> float | None:
    """Any of the three forms; None when the span is not a number."""
    s = unicodedata.normalize("NFKC", s).strip()
    if not s:
        return None
    if s[0] in "0123456789+-−－":
        return parse_arabic(s)
    if s[0] in CN_DIGITS + "十百千":
        return parse_chinese(s)
    return parse_english(s)


def is_year_like(s: str) -> bool:
    """Four plain digits between 1800 and 2100: read as a year unless a unit says otherwise."""
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2100
