"""Curation: what the extractor's facts mean beyond their own words — catalog concepts (indicators), coded
places (regions), comparable money (money) — and the tables built from them (observations).
Plain Python, no Dagster; every vocabulary is a data file in pipeline/reference/."""
from __future__ import annotations

from .indicators import assign_codes
from .money import assign_money
from .regions import assign_regions


def annotate(facts: list) -> list:
    """Add the curated columns to one document's facts (in text order), in place."""
    assign_codes(facts)
    assign_regions(facts)
    assign_money(facts)
    return facts
