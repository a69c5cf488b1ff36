"""A quantity found in the working copy: a number with its scale and unit, and exact arithmetic on it."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Quantity:
    start: int            # working-copy span of the quote
    end: int
    num_start: int
    value: float
    raw_value: float
    raw_unit: str
    scale: float
    unit: str
    kind: str
    value_high: float | None = None
    spelled: bool = False
    inner_qualifier: str | None = None  # 余 / 多 inside the quote
    noun: str = ""                      # the counted noun phrase (English counts)
    script: str = "zh"                  # which pattern found it: zh or en
    ocr_spaced: bool = False
    column: str = ""                    # a text table's column name (比上年增长): what kind of measure the value is


def product(*xs: float) -> float:
    """2.53 × 1e8 as written (253000000), not 252999999.99999997."""
    d = Decimal(1)
    for x in xs:
        d *= Decimal(repr(float(x)))
    return float(d)
