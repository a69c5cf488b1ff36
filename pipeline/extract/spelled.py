"""English quantities written in words around a key word: fractions as shares or changes ('more than half of the
firms', 'fell by a third', 'one-third of revenue'), multiples ('twice the level', 'rose sevenfold', 'a 2.5-fold
rise'). Each pattern is tried only near its key word."""
from __future__ import annotations

import re

from .counts import vocabulary
from .numbers import parse_number
from .phrases import near_keys
from .quantity import Quantity

# 'more than half of the firms'; not 'the first half of 2024' (a period)
# ('one-third of revenue': the hyphenated spelling too)
_FRACTIONS = ("a quarter|one quarter|a third|one third|two thirds|three quarters|a fifth|one fifth|two fifths|a tenth"
              "|one tenth").replace(" ", r"[ \t-]")
_SPELLED_SHARE = re.compile(
    r"(?i)(?<![\w-])(?<!first )(?<!second )(?<!latter )(?<!former )(?<!other )(?=[aoth])"
    rf"(?P<num>{_FRACTIONS}|half)\s+of\b(?!\s+(?:the\s+)?(?:year|[12][0-9]{{3}}))")
# 'sales dropped roughly a tenth', 'fell by half': a fraction as the size of a change, with no 'of' after it
_SPELLED_CHANGE = re.compile(
    r"(?i)\b(?:fell|dropped|declined|decreased|shrank|slumped|plunged|contracted|rose|grew|increased|jumped|climbed|"
    r"expanded|cut|reduced|lowered|raised)(?:\s+by)?(?:\s+(?:roughly|about|around|nearly|almost|some|more than|over))?\s+"
    rf"(?P<num>{_FRACTIONS}|half)\b(?!\s+(?:of|an?|the)\b)")
_TWICE = re.compile(r"(?i)(?<![\w-])(?=[tdq])(?P<num>twice|double|triple)(?=\s+(?:the|as|that|than|its|their|of)\b)")
# 'rose sevenfold', 'a 2.5-fold increase': a multiple spelled with -fold
_FOLD = re.compile(r"(?i)(?<![\w-])(?P<num>(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|"
                   r"[0-9]+(?:\.[0-9]+)?)[- ]?fold)\b")


def scan_spelled_en(text: str) -> list[Quantity]:
    voc = vocabulary()
    out: list[Quantity] = []
    for m in near_keys(text, ("half", "third", "quarter", "fifth", "tenth"), (_SPELLED_SHARE, _SPELLED_CHANGE), 90,
                       group="num", fold_case=True):
        v = voc["fractions"].get(" ".join(m.group("num").lower().replace("-", " ").split()))
        if v is not None:
            v = float(v)
            out.append(Quantity(m.start("num"), m.end("num"), m.start("num"), v, v, "", 1.0, "percent", "percent",
                                spelled=True, script="en"))
    for m in near_keys(text, ("fold",), (_FOLD,), 12, group="num", fold_case=True):
        v = parse_number(m.group("n"))
        if v is not None and v > 1:
            out.append(Quantity(m.start(), m.end(), m.start(), v, v, "fold", 1.0, "times", "ratio",
                                spelled=not m.group("n")[0].isdigit(), script="en"))
    for m in near_keys(text, ("twice", "double", "triple"), (_TWICE,), 10, group="num", fold_case=True):
        v = voc["multiples"].get(m.group("num").lower())
        if v is not None:
            out.append(Quantity(m.start(), m.end(), m.start(), v, v, "", 1.0, "times", "ratio", spelled=True,
                                script="en"))
    return out
