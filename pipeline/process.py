"""One document through the library: read → text facts + table facts → ids, pages, order."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .curate import annotate
from .documents import Document, limits, read_document
from .extract import extract_text_facts
from .extract.fact import Fact, make_fact_id
from .tables import drop_text_duplicates, extract_table_facts


def facts_for(doc: Document) -> list[Fact]:
    """All facts of a readable document, with doc_id, page and a stable fact_id, in text order."""
    if doc.status != "ok":
        return []
    text_facts = extract_text_facts(doc)
    for f in text_facts:
        if f.page is None:
            f.page = doc.page_of(f.char_start)
    table_facts = extract_table_facts(doc)
    facts = drop_text_duplicates(text_facts, table_facts, page_of=doc.page_of) + table_facts
    facts.sort(key=lambda f: (f.source != "text", f.char_start, f.char_end, f.quote))
    seen: Counter = Counter()
    for f in facts:
        f.doc, f.doc_id = doc.doc, doc.doc_id
        key = (f.sentence, f.quote)
        f.fact_id = make_fact_id(doc.doc_id, f.sentence, f.quote, seen[key])
        seen[key] += 1
    return annotate(facts)


def _facts_rows(doc: Document) -> list[dict]:
    return [f.to_dict() for f in facts_for(doc)]


def facts_for_limited(doc: Document) -> list[Fact]:
    """facts_for under the per-document time limit (documents/limits.py). Texts of CEF_FORK_MIN_CHARS or more
    run in a forked worker that is killed when the time is up; smaller ones run here under SIGALRM (when this
    is the main thread), so they pay nothing. Raises limits.LimitExceeded (the message names the limit) and
    limits.WorkerError (the extractor raised in the worker); an extractor error here propagates as is."""
    timeout = limits.doc_timeout_s()
    if doc.status != "ok" or timeout is None:
        return facts_for(doc)
    if doc.chars >= limits.fork_min_chars() and limits.can_fork():
        rows = limits.run_in_worker(_facts_rows, doc, what="extracting facts", timeout=timeout,
                                    mem_mb=limits.max_mem_mb())
        return [Fact(**row) for row in rows]
    with limits.alarm(timeout, "extracting facts"):
        return facts_for(doc)


def process_file(path: Path | str, raw_root: Path | str | None = None) -> tuple[Document, list[Fact]]:
    doc = read_document(path, raw_root)
    return doc, facts_for(doc)
