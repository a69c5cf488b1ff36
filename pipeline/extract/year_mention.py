"""A year mention: where a year, period or relative year is written, and what it is there (a deadline, a base, a
starting point…). Its own module so that the mention finders (years.py) and the period reader (year_periods.py)
share it without importing each other."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .reference import load_json


@dataclass
class YearMention:
    start: int
    end: int
    year: int                 # the year, or a period's end
    year_start: int | None    # a period's start
    target_cue: bool          # 到2026年, by 2025
    from_cue: bool = False    # 从2000年, from 2012
    base_cue: bool = False    # 比2002年, compared with 2002: the base of a comparison
    ratio_base: bool = False  # 为2018年的1.6倍: the base a multiple or share is measured against
    relative: bool = False    # 去年, a year ago: worked out from the document's date, not stated
    since: bool = False       # 'since December 2022', 2013年以来: a starting point, not the time being reported
    fiscal: bool = False      # 'the year ended March 31, 2019', 2018/19: a fiscal year, known by the year it began in


@lru_cache(maxsize=1)
def cues() -> dict:
    return load_json("time_cues.json")
