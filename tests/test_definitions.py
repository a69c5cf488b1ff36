"""Smoke test of the one Definitions: what the Dagster UI shows about every asset (group, description, kinds,
code version), its checks, sensors, and the chart the facts asset carries."""
import dagster as dg
import pandas as pd
import pytest

from pipeline import charts
from pipeline.assets import summaries
from pipeline.assets.combine import table_schema
from pipeline.definitions import defs

GROUPS = {"document_shards": "extract", "documents": "validate",
          "pages": "validate", "facts": "validate", "table_cells": "validate", "release": "publish"}
BLOCKING = {"documents:documents_schema", "facts:facts_schema", "table_cells:table_cells_schema", "facts:fact_spans",
            "facts:fact_documents", "facts:no_duplicate_facts", "table_cells:cell_documents", "pages:pages_schema",
            "pages:page_documents"}


@pytest.fixture(scope="module")
def graph():
    return defs.resolve_asset_graph()


def test_every_asset_has_group_description_kinds_and_code_version(graph):
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert keys == set(GROUPS)
    for key, group in GROUPS.items():
        node = graph.get(dg.AssetKey(key))
        assert node.group_name == group, key
        assert node.description and len(node.description) > 40, key
        assert node.kinds, key
        assert node.code_version, key
    assert {"pdf"} <= graph.get(dg.AssetKey("document_shards")).kinds
    assert {"pandas", "parquet"} <= graph.get(dg.AssetKey("facts")).kinds
    assert {"parquet", "duckdb"} <= graph.get(dg.AssetKey("release")).kinds


def test_shards_are_static_partitions_and_the_rest_is_eager(graph):
    from pipeline.shards import shard_keys

    pd_ = graph.get(dg.AssetKey("document_shards")).partitions_def
    assert isinstance(pd_, dg.StaticPartitionsDefinition) and pd_.get_partition_keys() == shard_keys()
    assert len(shard_keys()) == 64 and len(set(shard_keys())) == 64
    for key in ("documents", "pages", "facts", "table_cells", "release"):
        node = graph.get(dg.AssetKey(key))
        assert node.partitions_def is None
        assert node.automation_condition is not None, key


def test_checks_are_present_and_blocking_where_wrong_data_would_be_published(graph):
    checks = {k.to_user_string(): k for k in graph.asset_check_keys}
    assert BLOCKING | {"documents:unreadable_documents"} <= set(checks)
    for name in BLOCKING:
        assert graph.get_check_spec(checks[name]).blocking, name
    assert not graph.get_check_spec(checks["documents:unreadable_documents"]).blocking


def test_sensors_run_by_default():
    sensors = {s.name: s for s in defs.sensors}
    assert {"raw_documents", "default_automation_condition_sensor"} <= set(sensors)
    for s in sensors.values():
        assert s.default_status == dg.DefaultSensorStatus.RUNNING, s.name


def test_column_schema_comes_from_pandera_with_descriptions():
    schema = table_schema("facts")
    cols = {c.name: c for c in schema.columns}
    assert {"fact_id", "value", "unit", "kind", "char_start", "char_end"} <= set(cols)
    assert all(c.description for c in schema.columns)
    assert cols["fact_id"].constraints.unique and not cols["fact_id"].constraints.nullable
    assert any("isin" in o for o in cols["kind"].constraints.other)


def _tables():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "doc": ["000_a.txt", "001_b.pdf", "002_c.html"],
                         "status": ["ok", "ok", "unreadable"], "lang": ["en", "zh-Hans", None],
                         "error": [None, None, "bad bytes"]})
    facts = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 4,
                          "kind": ["money", "percent", "percent", "count", "ratio", "ratio", "percent"]})
    return docs, facts


def test_chart_counts_every_document_and_renders_the_same_png_twice():
    docs, facts = _tables()
    table = charts.facts_per_document(docs, facts)
    assert table.sum(axis=1).to_dict() == {"001_b.pdf": 4, "000_a.txt": 3, "002_c.html [unreadable]": 0}
    png = charts.facts_per_document_png(docs, facts)
    assert png.startswith(b"\x89PNG") and png == charts.facts_per_document_png(docs, facts)
    empty = charts.facts_per_document_png(docs, facts.iloc[0:0])
    assert empty.startswith(b"\x89PNG")
    assert charts.markdown_image(png, "x").startswith("![x](data:image/png;base64,iVBOR")


def test_summaries_list_counts_and_problem_documents():
    docs, facts = _tables()
    assert summaries.status_counts(docs) == {"ok": 2, "unreadable": 1}
    md = summaries.counts_md(facts, "kind", "facts")
    assert md.splitlines()[2].split("|")[1].strip() == "percent"  # most frequent first
    assert "bad bytes" in summaries.problem_documents_md(docs)
    assert summaries.problem_documents_md(docs[docs.status == "ok"]).startswith("every document")


def test_documents_spread_over_the_shards_by_a_stable_hash():
    from pipeline.documents import make_doc_id
    from pipeline.shards import shard_keys, shard_of

    paths = [f"dir{i % 7}/report_{i}.txt" for i in range(6400)]
    counts = {k: 0 for k in shard_keys()}
    for p in paths:
        counts[shard_of(p)] += 1
    assert min(counts.values()) > 50 and max(counts.values()) < 150  # ~100 each
    # the shard follows from the path alone (doc_id), so it is the same on every machine and every build
    assert shard_of("a/報告.txt") == shard_keys()[int(make_doc_id("a/報告.txt")[:8], 16) % 64]
