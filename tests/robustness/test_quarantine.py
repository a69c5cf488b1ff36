"""One document's facts that fail a release check cost that document (status `error` naming the check and the
quote), not the release; a systematic failure across many documents still blocks the release."""
from __future__ import annotations

import hashlib

from pipeline.combine import quarantine
from pipeline.documents import Document, make_doc_id
from pipeline.extract.fact import Fact, make_fact_id
from pipeline.publish.frames import combine
from pipeline.validate import release_blockers


def _result(name: str, text: str, unit: str = "percent", shift: int = 0):
    doc = Document(doc_id=make_doc_id(name), doc=name, path=name, sha256=hashlib.sha256(text.encode()).hexdigest(), bytes=len(text),
                   format="txt", text=text, lang="en", encoding="utf-8", title=name)
    i = text.index("5.2%")
    fact = Fact(doc=name, doc_id=doc.doc_id, char_start=i + shift, char_end=i + 4 + shift, quote="5.2%",
                sentence=text, value=5.2, unit=unit, kind="percent", raw_value=5.2, raw_unit="%", indicator="GDP",
                fact_id=make_fact_id(doc.doc_id, text, "5.2%", 0))
    return doc, [fact]


def test_one_bad_document_is_held_back_and_the_rest_published():
    results = [_result(f"d{i}.txt", f"GDP {i} grew 5.2% in 2023.") for i in range(12)]
    results[3] = _result("d3.txt", "GDP 3 grew 5.2% in 2023.", unit="parsecs")
    tables = quarantine(combine(results))
    assert release_blockers(tables) == {}
    docs = tables["documents"].set_index("path")
    assert docs.loc["d3.txt", "status"] == "error"
    assert "'5.2%': isin on unit" in docs.loc["d3.txt", "error"] and docs.loc["d3.txt", "n_facts"] == 0
    assert (docs.drop(index="d3.txt")["status"] == "ok").all()
    assert sorted(tables["facts"]["doc"]) == sorted(f"d{i}.txt" for i in range(12) if i != 3)


def test_a_span_that_does_not_round_trip_holds_its_document_back():
    results = [_result(f"d{i}.txt", f"GDP {i} grew 5.2% in 2023.") for i in range(3)]
    results[0] = _result("d0.txt", "GDP 0 grew 5.2% in 2023.", shift=1)
    tables = quarantine(combine(results))
    assert release_blockers(tables) == {}
    assert "span 12:16 does not give the quote" in tables["documents"].set_index("path").loc["d0.txt", "error"]


def test_a_systematic_failure_still_blocks_the_release():
    results = [_result(f"d{i}.txt", f"GDP {i} grew 5.2% in 2023.", unit="parsecs" if i < 4 else "percent")
               for i in range(12)]
    tables = quarantine(combine(results))
    assert (tables["documents"]["status"] == "ok").all()  # left alone ...
    assert "facts_schema" in release_blockers(tables)  # ... for the blocking checks to refuse
