"""The extractor: a document's published text → Facts. Plain Python, no Dagster.

Entry point: extract_text_facts(doc) → list[Fact] with spans into doc.text. Ids, pages and the merge with table
facts are added by pipeline.process."""
from __future__ import annotations

from ..documents.model import Document
from .fact import Fact
from .facts import extract_facts


def extract_text_facts(doc: Document) -> list[Fact]:
    return extract_facts(doc)


__all__ = ["Fact", "extract_text_facts"]
