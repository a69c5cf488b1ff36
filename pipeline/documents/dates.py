"""Calendar dates as documents write them → (year, month, day), as precise as written.

2008-12-17 · 2016-08-31 00:00:00 +0800 · 2019年9月26日 15:10 · 二〇二四年三月五日 · 民國112年3月5日 · DECEMBER 17, 2008 ·
17 Dec. 2008 · Oct 12th, 2023 · December 2008. Text is NFKC-normalised first, so full-width digits (２０２４) read
as ASCII. Only plausible years (1900–2100) count: a phone number is not a date."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

Y = r"(?:19|20)[0-9]{2}"
_ISO = re.compile(rf"(?<![0-9])({Y})[-/.]([01]?[0-9])[-/.]([0-3]?[0-9])(?![0-9])")
_ISO_MONTH = re.compile(rf"(?<![0-9])({Y})-([01][0-9])(?![0-9-])")
_ZH = re.compile(rf"(?<![0-9])({Y})[ \t]*年[ \t]*(?:([01]?[0-9])[ \t]*月(?:[ \t]*([0-3]?[0-9])[ \t]*[日号])?)?")
_ZH_SPELLED = re.compile(r"([〇○零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?")
_ROC = re.compile(r"民[國国][ \t]*([0-9]{1,3})[ \t]*年(?:[ \t]*([01]?[0-9])[ \t]*月(?:[ \t]*([0-3]?[0-9])[ \t]*日)?)?")
# ('March22,2018': a PDF's text layer may lose the spaces of a date set in a large type)
_EN_MDY = re.compile(rf"(?i)\b({_MONTH_WORD})\.?[ \t]*([0-3]?[0-9])(?:st|nd|rd|th)?,?[ \t]*({Y})(?![0-9])")
_EN_DMY = re.compile(rf"(?i)(?<![0-9])([0-3]?[0-9])(?:st|nd|rd|th)?[ \t]+({_MONTH_WORD})\.?,?[ \t]+({Y})(?![0-9])")
_EN_MY = re.compile(rf"(?i)\b({_MONTH_WORD})\.?,?[ \t]+({Y})(?![0-9])")
ROC_OFFSET = 1911


@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        """ISO 8601 at the precision written: 2008, 2008-12 or 2008-12-17."""
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day is not None else "")

    @property
    def precision(self) -> int:
        return 1 + (self.month is not None) + (self.day is not None)


def _cn_number(s: str) -> int:
    """十二 → 12, 二十一 → 21, 三 → 3 (month and day numerals)."""
    if "十" not in s:
        return _CN_DIGITS[s]
    tens, _, units = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _valid(y: int, m: int | None, d: int | None) -> Date | None:
    if not 1900 <= y <= 2100:
        return None
    if m is not None and not 1 <= m <= 12:
        return Date(y)
    if d is not None:
        try:
            date(y, m, d)
        except (ValueError, TypeError):
            d = None
    return Date(y, m, d)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _candidates(text: str) -> list[tuple[int, Date]]:
    """Every date in `text` with its position; a shorter reading inside a date already read ('October 2008' in
    '23 October 2008') is not a second date. The patterns run from the most precise."""
    out: list[tuple[int, Date]] = []
    spans: list[tuple[int, int]] = []
    for rx, read in ((_ISO, lambda m: (int(m[1]), int(m[2]), int(m[3]))),
                     (_ZH, lambda m: (int(m[1]), _int(m[2]), _int(m[3]))),
                     (_ROC, lambda m: (int(m[1]) + ROC_OFFSET, _int(m[2]), _int(m[3]))),
                     (_ZH_SPELLED, lambda m: (int("".join(str(_CN_DIGITS[c]) for c in m[1])),
                                              _cn_number(m[2]) if m[2] else None, _cn_number(m[3]) if m[3] else None)),
                     (_EN_MDY, lambda m: (int(m[3]), _MONTHS[m[1].lower()], int(m[2]))),
                     (_EN_DMY, lambda m: (int(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
                     (_EN_MY, lambda m: (int(m[2]), _MONTHS[m[1].lower()], None)),
                     (_ISO_MONTH, lambda m: (int(m[1]), int(m[2]), None))):
        for m in rx.finditer(text):
            d = _valid(*read(m))
            if d is not None and not any(a <= m.start() and m.end() <= b for a, b in spans):
                out.append((m.start(), d))
                spans.append(m.span())
    return out


def parse_date(value) -> Date | None:
    """The most precise date written in `value` (a string, or a date/datetime from YAML); the first among equals."""
    if isinstance(value, datetime):
        return Date(value.year, value.month, value.day)
    if isinstance(value, date):
        return Date(value.year, value.month, value.day)
    if isinstance(value, (list, tuple)):
        return next((d for d in map(parse_date, value) if d), None)
    if not isinstance(value, str):
        return None
    found = _candidates(unicodedata.normalize("NFKC", value))
    if not found:
        return None
    return max(found, key=lambda pd: (pd[1].precision, -pd[0]))[1]


def dates_in(text: str) -> list[tuple[int, Date]]:
    """All dates in `text` (NFKC-normalised, so offsets are approximate for full-width text), in text order."""
    return sorted(_candidates(unicodedata.normalize("NFKC", text)), key=lambda pd: pd[0])
