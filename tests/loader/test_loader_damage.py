"""Damaged and missing data files: every read checks that table's file against its sha256 in datapackage.json and
names the file; the other tables keep working; the command line says so in one line. Run in this process against
a damaged copy of a release (the venv test repeats the essentials from an installed wheel)."""
from __future__ import annotations

import importlib
import json
import shutil

import pytest

HEX64 = "[0-9a-f]{64}"


def _expected_sha(copy, table: str) -> str:
    dp = json.loads((copy / "datapackage.json").read_text())
    return next(r["hash"] for r in dp["resources"] if r["name"] == table).removeprefix("sha256:")


@pytest.fixture
def damaged(release_data, built_release, tmp_path, monkeypatch):
    """A copy of the release where facts.parquet has four bytes overwritten in the middle (pyarrow and DuckDB may
    well read it without complaint) and table_cells.parquet is cut short."""
    copy = tmp_path / "release"
    shutil.copytree(built_release.path, copy, ignore=shutil.ignore_patterns("dist", "*.duckdb"))
    monkeypatch.setenv("CHINA_ECON_FACTS_DATA", str(copy))
    facts = copy / "parquet" / "facts.parquet"
    data = bytearray(facts.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 4] = bytes(b ^ 0xFF for b in data[mid:mid + 4])
    facts.write_bytes(bytes(data))
    cells = copy / "parquet" / "table_cells.parquet"
    cells.write_bytes(cells.read_bytes()[: 200])
    return copy


@pytest.fixture
def cli(release_data):
    return importlib.import_module("china_econ_facts.cli")


def test_reading_a_damaged_table_names_its_file(release_data, damaged):
    cef = release_data
    facts_msg = (rf"^parquet/facts\.parquet is damaged: sha256 {HEX64} expected {_expected_sha(damaged, 'facts')}; "
                 rf"restore the release directory ")
    for read in (lambda: cef.load("facts"), lambda: cef.load("facts", columns=["value"]),
                 lambda: cef.describe("facts"), lambda: cef.query("SELECT sum(value) FROM facts")):
        with pytest.raises(cef.DataFileError, match=facts_msg) as err:
            read()
        assert (err.value.table, err.value.path) == ("facts", "parquet/facts.parquet")
    with pytest.raises(cef.DataFileError, match=r"^parquet/table_cells\.parquet is damaged"):
        cef.load("table_cells", as_arrow=True)
    assert isinstance(err.value, cef.CorruptDataError)  # one except clause catches both kinds of report


def test_a_missing_file_is_named_too(release_data, damaged):
    (damaged / "parquet" / "facts.parquet").unlink()
    with pytest.raises(release_data.DataFileError, match=r"^parquet/facts\.parquet is missing; restore"):
        release_data.load("facts")


def test_other_tables_still_work_and_the_bad_ones_are_named(release_data, damaged):
    cef = release_data
    with pytest.warns(cef.DataFileWarning) as caught:
        assert cef.query("SELECT count(*) AS n FROM documents")["n"].tolist() == [3]
    assert sorted(str(w.message).split("'")[1] for w in caught) == ["facts", "table_cells"]
    with pytest.warns(cef.DataFileWarning) as caught:
        con = cef.connect()
    assert "table 'facts' left out: parquet/facts.parquet is damaged" in str(caught[0].message)
    assert sorted(r[0] for r in con.execute("SHOW TABLES").fetchall()) == ["documents", "indicators", "observations", "pages", "regions"]
    assert cef.load("documents", columns=["doc_id"]).shape == (3, 1)
    with pytest.raises(cef.DataFileError, match="table_cells.parquet"):
        cef.query("SELECT * FROM documents JOIN table_cells USING (doc_id)")
    with pytest.raises(cef.DataFileError, match="facts.parquet"):
        cef.query("SELECT * FROM FACTS", con=con)  # DuckDB names are case-insensitive, so is the lookup
    assert cef.verify().bad[0].status == "sha256 mismatch"  # verify reports as before


def test_each_file_is_hashed_once_per_process_until_it_changes(release_data, damaged, monkeypatch):
    verify_mod = importlib.import_module("china_econ_facts._verify")
    docs = damaged / "parquet" / "documents.parquet"
    hashed = []
    real = verify_mod._sha256
    monkeypatch.setattr(verify_mod, "_sha256", lambda p: hashed.append(p.name) or real(p))
    for _ in range(3):
        release_data.load("documents")
    assert hashed == ["documents.parquet"]
    docs.write_bytes(docs.read_bytes()[:-1] + b"\0")  # rewritten in place: new mtime, checked again
    with pytest.raises(release_data.DataFileError, match="documents.parquet is damaged"):
        release_data.load("documents")
    assert hashed == ["documents.parquet"] * 2


@pytest.mark.parametrize("args", [("sql", "SELECT count(*) FROM facts"), ("describe", "facts"),
                                  ("export", "facts", "--format", "csv"), ("export", "facts", "--format", "parquet"),
                                  ("export", "facts", "--format", "json", "--columns", "value"),
                                  ("sql", "SELECT * FROM table_cells")])
def test_cli_reports_a_damaged_file_in_one_line(cli, damaged, tmp_path, capsys, args):
    out = tmp_path / "out.file"
    argv = [*args, "-o", str(out)] if args[0] == "export" else list(args)
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("error: parquet/"), err
    assert "is damaged: sha256" in err and "Traceback" not in err
    assert not out.exists()


def test_cli_queries_other_tables_with_a_warning_per_bad_table(cli, damaged, capsys):
    assert cli.main(["sql", "SELECT count(*) AS n FROM documents", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["n", "3"]
    lines = sorted(captured.err.splitlines())
    assert len(lines) == 2, lines
    for line, table in zip(lines, ("facts", "table_cells")):
        assert line.startswith(f"warning: table '{table}' left out: parquet/{table}.parquet is damaged: sha256 ")
        assert line.endswith(f"expected {_expected_sha(damaged, table)}; restore the release directory {damaged}")


def test_an_unknown_table_in_sql_lists_the_datasets_tables(release_data, cli, capsys):
    for sql in ("select * from nosuch", "SELECT * FROM fact", "WITH x AS (SELECT 1) SELECT * FROM y"):
        with pytest.raises(release_data.UnknownTableError, match="the dataset has: documents, pages, facts, "
                                                                  "table_cells, indicators, regions, observations$") as err:
            release_data.query(sql)
        assert "Did you mean" not in str(err.value)
    assert cli.main(["sql", "select * from nosuch"]) == 2
    err = capsys.readouterr().err
    assert err == "error: unknown table 'nosuch'; the dataset has: documents, pages, facts, table_cells, indicators, regions, observations\n"
    with pytest.raises(release_data.QueryError, match="nope"):  # other catalog errors keep DuckDB's words
        release_data.query("SELECT nope FROM facts")
