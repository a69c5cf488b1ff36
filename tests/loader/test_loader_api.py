"""The loader's Python API, run in this process against a release directory (fast; the venv tests repeat the
essentials from an installed wheel)."""
from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

import schemas

from tests.publish.sample_release import sample_tables


def test_tables_version_and_info(release_data, built_release):
    cef = release_data
    assert cef.tables() == ["documents", "pages", "facts", "table_cells", "indicators", "regions", "observations"]
    info = cef.info()
    assert info["version"] == built_release.version == "1.1"
    assert info["previous_version"] == "1.0"
    assert info["extractor_version"] == "test-extractor"
    from pipeline.curate.catalog import load_catalog
    assert info["rows"] == {"documents": 3, "pages": 0, "facts": 3, "table_cells": 4,
                            "indicators": len(load_catalog()), "regions": 1, "observations": 1}


def test_load_round_trips_the_published_frames(release_data):
    for table, expected in sample_tables(1).items():
        pd.testing.assert_frame_equal(release_data.load(table), expected, check_dtype=True)


def test_load_columns_filters_and_arrow(release_data):
    cef = release_data
    en = cef.load("facts", columns=["fact_id", "value"], filters=[("lang", "=", "en")])
    assert list(en.columns) == ["fact_id", "value"] and len(en) == 1
    assert len(cef.load("facts", filters={"unit": ["CNY", "USD"]})) == 2
    assert len(cef.load("facts", filters=[[("kind", "=", "money")], [("measure", "=", "growth")]])) == 3
    assert len(cef.load("facts", filters=[["lang", "=", "en"]])) == 1  # lists (as from JSON) work too
    assert len(cef.load("facts", filters=[])) == 3
    tbl = cef.load("table_cells", as_arrow=True)
    assert tbl.num_rows == 4 and tbl.schema.field("page").type == "int64"


def test_unknown_table_and_column_name_the_known_ones(release_data):
    cef = release_data
    with pytest.raises(cef.UnknownTableError, match="documents, pages, facts, table_cells, indicators, regions, observations"):
        cef.load("fact")
    with pytest.raises(cef.UnknownTableError):
        cef.describe("nope")
    with pytest.raises(cef.UnknownColumnError, match="fact_id"):
        cef.load("facts", columns=["valeu"])
    with pytest.raises(cef.UnknownColumnError):
        cef.load("facts", filters={"langg": "en"})


def test_describe_gives_types_and_descriptions(release_data):
    d = release_data.describe("facts").set_index("column")
    assert d.loc["value", "type"] == "number" and d.loc["value", "arrow_type"] == "double"
    assert d.loc["page", "required"] == False and d.loc["fact_id", "required"] == True  # noqa: E712
    assert "base units" in d.loc["value", "description"]
    assert "enum" in d.loc["unit", "constraints"]


def test_connect_has_every_table_and_refuses_writes(release_data, tmp_path):
    con = release_data.connect()
    assert sorted(r[0] for r in con.execute("SHOW TABLES").fetchall()) == ["conflicts", "documents", "facts", "indicators", "observations", "pages", "regions", "table_cells"]
    assert con.execute("SELECT count(*) FROM facts JOIN documents USING (doc_id)").fetchall() == [(3,)]
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name='facts' AND column_name='value'").fetchall()
    assert "base units" in comment[0][0]
    for sql in ("CREATE TABLE x AS SELECT 1", "DROP VIEW facts", "INSERT INTO facts SELECT * FROM facts",
                f"COPY facts TO '{tmp_path}/out.csv'", f"ATTACH '{tmp_path}/x.duckdb' AS x",
                "SELECT * FROM read_csv('/etc/hostname')", "SET enable_external_access = true"):
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    assert not list(tmp_path.iterdir())


def test_query_refuses_writes_with_a_clear_message(release_data):
    cef = release_data
    assert cef.query("SELECT count(*) AS n FROM facts")["n"].tolist() == [3]
    assert cef.query("DESCRIBE facts")["column_name"].tolist() == list(schemas.column_dtypes("facts"))
    for sql in ("DELETE FROM facts", "CREATE TABLE t (a INT)", "SELECT 1; DROP VIEW facts", "COPY facts TO 'x.csv'",
                "PRAGMA enable_profiling"):
        with pytest.raises(cef.ReadOnlyError, match="read-only"):
            cef.query(sql)
    with pytest.raises(cef.QueryError, match="parse"):
        cef.query("SELEC 1")


def test_verify_names_a_corrupted_file(release_data, built_release, tmp_path, monkeypatch):
    cef = release_data
    assert cef.verify().ok
    copy = tmp_path / "release"
    shutil.copytree(built_release.path, copy, ignore=shutil.ignore_patterns("dist", "*.duckdb"))
    monkeypatch.setenv("CHINA_ECON_FACTS_DATA", str(copy))
    facts = copy / "parquet" / "facts.parquet"
    data = bytearray(facts.read_bytes())
    data[100] ^= 0xFF
    facts.write_bytes(bytes(data))
    (copy / "parquet" / "table_cells.parquet").unlink()
    report = cef.verify()
    assert not report.ok
    assert {(f.path, f.status) for f in report.bad} == {("parquet/facts.parquet", "sha256 mismatch"),
                                                       ("parquet/table_cells.parquet", "missing")}
    with pytest.raises(cef.CorruptDataError, match="parquet/facts.parquet"):
        cef.verify(raise_on_error=True)


def test_dir_lists_the_api_only_and_citation_names_the_release(release_data, built_release):
    cef = release_data
    assert dir(cef) == sorted(cef.__all__) and all(hasattr(cef, n) for n in cef.__all__)
    text = cef.citation()
    assert built_release.version in text and built_release.manifest["released"] in text
    assert cef.citation("cff").startswith("cff-version: 1.2.0\n")
    with pytest.raises(ValueError, match="text, bibtex, cff"):
        cef.citation("apa")
