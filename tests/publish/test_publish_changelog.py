"""The changelog pairs an edited number with its old self even though its fact_id changed with the sentence:
two releases built from raw text by the real reader and extractor, and small hand-made tables for the rules."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.process import process_file
from pipeline.publish import changelog, release
from pipeline.publish.fact_diff import diff_facts
from pipeline.publish.frames import combine, frame
from tests.publish.sample_release import _fact

REPORT = ("2023年全市服务业增加值达到{value}亿元，同比增长5.2%，占地区生产总值的比重为60.1%。"
          "全年社会消费品零售总额1200亿元，增长7.5%。\n")
OTHER = "2023年全市固定资产投资增长3.1%。\n"


def _build(raw: Path, warehouse: Path, value: str) -> release.Release:
    (raw / "report.txt").write_text(REPORT.format(value=value), encoding="utf-8")
    (raw / "other.txt").write_text(OTHER, encoding="utf-8")
    tables = combine([process_file(raw / name, raw) for name in ("report.txt", "other.txt")])
    return release.publish(tables, warehouse)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """(old release, new release): one number of report.txt edited from 675.523 to 675.999 亿元."""
    tmp = tmp_path_factory.mktemp("edit")
    (tmp / "raw").mkdir()
    old = _build(tmp / "raw", tmp / "wh", "675.523")
    new = _build(tmp / "raw", tmp / "wh", "675.999")
    return old, new


def _facts(rel: release.Release):
    import pyarrow.parquet as pq
    return pq.read_table(rel.path / "parquet" / "facts.parquet").to_pandas().set_index("quote")


def test_an_edited_number_is_changed_with_old_and_new_value(edited):
    old, new = edited
    before, after = _facts(old), _facts(new)
    log = json.loads((new.path / "changelog.json").read_text())["facts"]
    assert (log["added"], log["removed"]) == ([], [])
    [c] = log["changed"]
    assert (c["old_fact_id"], c["fact_id"]) == (before.at["675.523亿元", "fact_id"], after.at["675.999亿元", "fact_id"])
    assert c["old_fact_id"] != c["fact_id"]  # the id did change: only the pairing finds it
    assert c["doc"] == "report.txt" and c["unit"] == "CNY"
    assert c["columns"]["quote"] == ["675.523亿元", "675.999亿元"]
    assert c["columns"]["value"] == [pytest.approx(6.75523e10), pytest.approx(6.75999e10)]
    # the untouched numbers of the edited sentence are re-worded (same value, new id), not removed and re-added
    assert {(r["quote"], r["old_fact_id"], r["fact_id"]) for r in log["reworded"]} == {
        (q, before.at[q, "fact_id"], after.at[q, "fact_id"]) for q in ("5.2%", "60.1%")}
    # the next sentence and the other document keep their ids and are not listed
    listed = {c["fact_id"]} | {r["fact_id"] for r in log["reworded"]}
    assert not listed & {after.at[q, "fact_id"] for q in ("1200亿元", "7.5%", "3.1%")}


def test_the_markdown_names_document_quote_and_values(edited):
    old, new = edited
    md = (new.path / "CHANGELOG.md").read_text()
    assert "Facts: 0 added, 0 removed, 1 changed, 2 re-worded (same value, new sentence)." in md
    assert ("- `report.txt` `675.523亿元` → `675.999亿元`: value 67,552,300,000 → 67,599,900,000 CNY; "
            "raw_value 675.523 → 675.999 — `") in md
    assert "- `report.txt` `5.2%`: 5.2 percent — `" in md
    assert f"## {old.version}" in md  # the older entry follows
    assert "0 removed, 1 changed, 2 re-worded" in (new.path / "README.md").read_text()


def _frame(*facts):
    return frame("facts", list(facts))


S1, S2 = "增加值100亿元，其中工业40亿元。", "增加值120亿元，其中工业40亿元。"


def _cny(fid, sentence, quote, value, start, doc="a.txt", **kw):
    f = _fact("d_" + doc, doc, sentence, quote, value, "CNY", "money", fact_id=fid, raw_value=value / 1e8,
              raw_unit="亿元", scale=1e8, indicator="增加值", **kw)
    f.update(char_start=start, char_end=start + len(quote))
    return f


def test_same_key_facts_of_an_edited_sentence_pair_by_position():
    old = _frame(_cny("old_a_100", S1, "100亿元", 1e10, 3), _cny("old_a_40", S1, "40亿元", 4e9, 13))
    new = _frame(_cny("new_a_120", S2, "120亿元", 1.2e10, 3), _cny("new_a_40", S2, "40亿元", 4e9, 13))
    log = diff_facts(old, new)
    assert (log["added"], log["removed"]) == ([], [])
    assert [(c["old_fact_id"], c["fact_id"], c["columns"]["value"]) for c in log["changed"]] == [
        ("old_a_100", "new_a_120", [1e10, 1.2e10])]
    assert [(r["old_fact_id"], r["fact_id"]) for r in log["reworded"]] == [("old_a_40", "new_a_40")]


def test_an_uneven_edit_pairs_only_unchanged_values_and_never_across_documents():
    s3 = "增加值120亿元，其中工业40亿元，服务业50亿元。"
    old = _frame(_cny("old_a_100", S1, "100亿元", 1e10, 3), _cny("old_a_40", S1, "40亿元", 4e9, 13),
                 _cny("old_b_9", "增加值9亿元。", "9亿元", 9e8, 3, doc="b.txt"))
    new = _frame(_cny("new_a_120", s3, "120亿元", 1.2e10, 3), _cny("new_a_40", s3, "40亿元", 4e9, 13),
                 _cny("new_a_50", s3, "50亿元", 5e9, 23), _cny("new_b_10", "增加值10亿元。", "10亿元", 1e9, 3, doc="b.txt"))
    log = diff_facts(old, new)
    assert [(r["old_fact_id"], r["fact_id"]) for r in log["reworded"]] == [("old_a_40", "new_a_40")]
    # a.txt gained a number: which one replaced 100亿元 is a guess, so none is claimed
    assert sorted(log["removed"]) == ["old_a_100"] and sorted(log["added"]) == ["new_a_120", "new_a_50"]
    assert [(c["old_fact_id"], c["doc"]) for c in log["changed"]] == [("old_b_9", "b.txt")]
    assert log["details"]["new_a_50"] == {"doc": "a.txt", "quote": "50亿元", "value": 5e9, "value_high": None,
                                          "unit": "CNY", "char_start": 23}


def test_a_different_year_or_unit_is_not_the_same_fact():
    old = _frame(_cny("old", S1, "100亿元", 1e10, 3))
    for change in ({"year": 2024}, {"measure": "growth"}, {"is_target": True}, {"region": "Qingdao"}):
        log = diff_facts(old, _frame(_cny("new", S2, "120亿元", 1.2e10, 3, **change)))
        assert (log["removed"], log["added"], log["changed"]) == (["old"], ["new"], []), change


def test_a_shifted_fact_with_the_same_id_is_moved_not_changed():
    old = _frame(_cny("same", S1, "100亿元", 1e10, 3))
    new = _frame(_cny("same", S1, "100亿元", 1e10, 8))
    log = diff_facts(old, new)
    assert (log["changed"], log["moved"]) == ([], ["same"])
    assert "1 moved (same fact_id, new position" in changelog.counts_line(log)


def test_long_lists_are_cut_and_the_markdown_is_deterministic():
    old = _frame(_cny("keep", S1, "100亿元", 1e10, 3))
    new = _frame(_cny("keep", S1, "100亿元", 1e10, 3),
                 *[_cny(f"new{i:03}", f"第{i}项{i}亿元。", f"{i}亿元", i * 1e8, 3, doc=f"n{i:03}.txt")
                   for i in range(1, 206)])
    log = {"version": "1.1", "data_sha256": "0" * 64, "previous_version": "1.0", "facts": diff_facts(old, new),
           "documents": {"added": [], "removed": [], "changed": []}}
    md = changelog.entry_markdown(log, {"facts": 206, "documents": 206})
    lines = md.splitlines()
    added = lines[lines.index("### Facts added") + 2:]
    assert added[0] == "- `n001.txt` `1亿元`: 100,000,000 CNY — `new001`"
    assert added[199].startswith("- `n200.txt`") and added[200] == "- … and 5 more facts (all listed in changelog.json)"
    assert md == changelog.entry_markdown(json.loads(json.dumps(log)), {"facts": 206, "documents": 206})


def test_documents_with_differing_facts_are_found_as_a_merge_on_every_column_finds_them():
    """The changelog diffs only documents whose facts are not the same rows in both releases (DuckDB's set
    difference): nulls match nulls (None and NaN alike), a row dropped from duplicates changes nothing, an edited
    or an added row marks its document."""
    import numpy as np
    import pandas as pd

    from pipeline.publish.fact_diff import _docs_with_unmatched_rows

    old = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "c", "d"], "v": [1.0, np.nan, 2.0, 3.0, 3.0, None],
                        "s": ["x", None, "y", "z", "z", None], "i": pd.array([1, None, 2, 3, 3, None], dtype="Int64"),
                        "b": [True, False, True, True, True, False]})
    new = old.copy()
    new.loc[1, "s"] = "edited"
    new = new.drop(index=4)
    new.loc[5, "v"] = np.nan
    added = pd.DataFrame({"doc_id": ["e"], "v": [1.0], "s": ["n"], "i": pd.array([1], dtype="Int64"), "b": [True]})
    new = pd.concat([new, added], ignore_index=True)
    both = old.merge(new, how="outer", on=list(old.columns), indicator=True)
    assert _docs_with_unmatched_rows(old, new) == set(both.loc[both["_merge"] != "both", "doc_id"]) == {"a", "e"}
    assert _docs_with_unmatched_rows(old, old.copy()) == set()
