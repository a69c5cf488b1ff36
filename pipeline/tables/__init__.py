"""Tables found in PDFs → Facts (source='table'). Plain Python, no Dagster."""
from __future__ import annotations

from ..documents.model import Document
from ..extract.fact import Fact


def extract_table_facts(doc: Document) -> list[Fact]:
    # placeholder until table facts land (issue 4)
    return []


def drop_text_duplicates(text_facts: list[Fact], table_facts: list[Fact]) -> list[Fact]:
    """Text facts that restate a table cell's number on the same page are dropped in favour of the cell."""
    return text_facts
