"""The whole path over the repository's raw/: Dagster materialization in-process → release → DuckDB queries."""
import io
import shutil
import struct
from pathlib import Path

import dagster as dg
import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.assets.resources import PROJECT_ROOT, Warehouse
from pipeline.run import build, summary

pytestmark = pytest.mark.slow
RAW = PROJECT_ROOT / "raw"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    shutil.copytree(RAW, tmp / "raw")
    wh = Warehouse(raw_dir=str(tmp / "raw"), warehouse_dir=str(tmp / "wh"))
    out = io.StringIO()
    ok = build(wh, dg.DagsterInstance.ephemeral(), out=out)
    assert ok, out.getvalue()
    return wh, out.getvalue()


def test_progress_is_reported_document_by_document(built):
    _, log = built
    for name in sorted(p.name for p in RAW.iterdir()):
        assert f"{name}: ok" in log


def test_release_layout(built):
    wh, _ = built
    root = wh.root
    assert (root / "current").is_symlink()
    for table in ("documents", "pages", "facts", "table_cells"):
        assert (root / "parquet" / f"{table}.parquet").is_file()
    assert (root / "china_econ_facts.duckdb").is_file()


def test_duckdb_holds_every_table_with_comments_and_matches_parquet(built):
    wh, _ = built
    con = duckdb.connect(str(wh.root / "china_econ_facts.duckdb"), read_only=True)
    try:
        for table in ("documents", "pages", "facts", "table_cells"):
            n_db = con.execute(f"select count(*) from {table}").fetchall()[0][0]
            assert n_db == pq.read_metadata(wh.root / "parquet" / f"{table}.parquet").num_rows
        comment = con.execute("select comment from duckdb_columns() where table_name='facts' and column_name='value'").fetchall()
        assert "base units" in comment[0][0]
        statuses = dict(con.execute("select status, count(*) from documents group by 1").fetchall())
        assert statuses == {"ok": len(list(RAW.iterdir()))}
        # facts come from every document and from all three scripts
        per_doc = dict(con.execute("select doc, count(*) from facts group by 1").fetchall())
        assert set(per_doc) == {p.name for p in RAW.iterdir()}
        langs = {r[0] for r in con.execute("select distinct lang from facts").fetchall()}
        assert langs == {"en", "zh-Hans", "zh-Hant"}
        # the contract's headline example: 975億元 → 9.75e10 CNY
        row = con.execute("select value, unit, raw_value, scale from facts where quote = '975億元'").fetchall()
        assert row and row[0] == (9.75e10, "CNY", 975.0, 1e8)
        # every span round-trips to the published text
        bad = con.execute("""select count(*) from facts f join documents d using (doc_id)
                             where substr(d.text, f.char_start + 1, f.char_end - f.char_start) <> f.quote""").fetchall()[0][0]
        assert bad == 0
    finally:
        con.close()


def test_duckdb_file_is_readable_by_duckdb_1x(built):
    wh, _ = built
    header = (wh.root / "china_econ_facts.duckdb").read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    # DuckDB 1.x clients (and the PyPI duckdb CLI 1.5.x) read storage versions 64..68; 2.0's default is 69
    assert struct.unpack("<Q", header[12:20])[0] <= 68


def test_summary_prints_statuses_and_units(built):
    wh, _ = built
    out = io.StringIO()
    summary(wh.root, out=out)
    text = out.getvalue()
    assert "documents by status:" in text and "facts by kind and unit:" in text and "CNY" in text


def test_wheel_from_the_real_build_loads_in_a_fresh_venv(built, tmp_path):
    """Issue 2's promise: pip install the built wheel anywhere, cef.load("facts") has the DuckDB table's rows."""
    import subprocess
    import sys

    from tests.loader.venv_env import clean_env

    wh, _ = built
    wheels = sorted((wh.root / "dist").glob("china_econ_facts-*.whl"))
    assert len(wheels) == 1
    uv, venv = PROJECT_ROOT / ".venv" / "bin" / "uv", tmp_path / "venv"
    subprocess.run([str(uv), "venv", "-q", str(venv), "-p", sys.executable], check=True, env=clean_env())
    subprocess.run([str(uv), "pip", "install", "-q", str(wheels[0]), "-c", str(PROJECT_ROOT / "requirements.lock")],
                   check=True, env=clean_env(VIRTUAL_ENV=str(venv)), timeout=300)
    script = ("import china_econ_facts as cef; df = cef.load('facts'); con = cef.connect(); "
              "print(len(df), con.execute('select count(*) from facts').fetchall()[0][0], type(df).__name__)")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", script], capture_output=True, text=True,
                         env=clean_env(), cwd=tmp_path, check=True).stdout.split()
    con = duckdb.connect(str(wh.root / "china_econ_facts.duckdb"), read_only=True)
    try:
        n_db = con.execute("select count(*) from facts").fetchall()[0][0]
    finally:
        con.close()
    assert out == [str(n_db), str(n_db), "DataFrame"] and n_db > 0


def test_duckdb_cli_1x_queries_the_release(built):
    """The command from the README: the PyPI duckdb CLI (1.5.x) opens the database DuckDB 2.0 wrote."""
    import subprocess

    wh, _ = built
    cli = PROJECT_ROOT / ".venv" / "bin" / "duckdb"
    out = subprocess.run([str(cli), str(wh.root / "china_econ_facts.duckdb"), "-csv", "-c",
                          "select count(*) from facts"], capture_output=True, text=True, check=True).stdout
    con = duckdb.connect(str(wh.root / "china_econ_facts.duckdb"), read_only=True)
    try:
        n = con.execute("select count(*) from facts").fetchall()[0][0]
    finally:
        con.close()
    assert out.split() == ["count_star()", str(n)]
    assert subprocess.run([str(cli), "--version"], capture_output=True, text=True).stdout.startswith("v1.")
