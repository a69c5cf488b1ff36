"""The Fact record: one extracted number with everything needed to use it (see CONTRACT.md, table `facts`)."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

# Units the contract allows; schemas/facts.py checks published rows against this same set.
MONEY_UNITS = frozenset({"CNY", "USD", "EUR", "JPY", "HKD", "TWD", "GBP", "KRW", "RUB", "INR", "AUD", "CAD", "CHF", "SGD",
                         "MOP"})
OTHER_UNITS = frozenset({
    "percent", "percentage_point", "basis_point", "per_mille", "count", "person", "person_time", "household",
    "km", "km2", "m2", "hectare", "tonne", "kwh", "kw", "point", "times", "year", "month", "day",
    "USD/barrel", "USD/ounce", "CNY/tonne", "CNY/USD", "CNY/person", "USD/person", "m3", "teu",
    "tonne_km", "passenger_km", "ug/m3", "litre", "acre", "kva", "hour", "km/h", "barrel/day",
    "vehicle", "unit",
})
# a price quoted per unit (CNY/share, USD/barrel, CNY/m2): any currency per one of these
PER_UNITS = frozenset({"share", "m2", "tonne", "barrel", "ounce", "person", "kwh", "kg", "jin", "USD", "EUR", "JPY", "CNY",
                       "GBP", "HKD", "mu"})
UNITS = MONEY_UNITS | OTHER_UNITS | {f"{m}/{p}" for m in MONEY_UNITS for p in PER_UNITS}
KINDS = frozenset({"money", "percent", "count", "measure", "ratio"})
MEASURES = frozenset({"level", "growth", "share", "change"})
QUALIFIERS = frozenset({"=", ">=", "<=", "~"})
YEAR_BASES = frozenset({"stated", "relative", "period", "section", "context", "document_date"})
LANGS = frozenset({"en", "zh-Hans", "zh-Hant"})


@dataclass
class Fact:
    """One number found in a document's published text. `char_start:char_end` index that text."""

    doc: str
    char_start: int
    char_end: int
    quote: str
    sentence: str
    value: float
    unit: str
    kind: str
    raw_value: float
    raw_unit: str
    scale: float = 1.0
    value_high: float | None = None
    measure: str = "level"
    year: int | None = None
    year_start: int | None = None
    year_basis: str | None = None    # how `year` was decided (year_rules.py): stated, relative, period, section, …
    year_rule: str | None = None     # the rule that decided it (a trace, not published)
    is_target: bool = False
    qualifier: str = "="
    region: str | None = None
    region_zh: str | None = None
    indicator: str = ""
    lang: str = "en"
    source: str = "text"
    page: int | None = None
    doc_id: str = ""
    fact_id: str = field(default="")
    # curated columns, set by pipeline/curate after extraction (null where nothing fits)
    indicator_code: str | None = None
    indicator_en: str | None = None
    region_code: str | None = None
    value_cny: float | None = None
    value_usd: float | None = None
    conversion_note: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def make_fact_id(doc_id: str, sentence: str, quote: str, occurrence: int) -> str:
    """Stable id: the same sentence of the same document gives the same id, wherever the sentence moves."""
    key = "\x1f".join([doc_id, sentence, quote, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
