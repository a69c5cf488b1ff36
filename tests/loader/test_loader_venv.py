"""The published wheel installed into a fresh virtual environment with only its own dependencies: the API and
every CLI command run there, far from this repository."""
from __future__ import annotations

import json
import re
import subprocess
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.loader.venv_env import clean_env
from tests.publish.sample_release import changed_fact_ids

pytestmark = pytest.mark.slow


def run(venv: Path, *args: str, cwd: Path, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=cwd, env=clean_env(**(env or {})),
                          capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def cli(venv: Path, *args: str, cwd: Path, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    return run(venv, "china-econ-facts", *args, cwd=cwd, check=check, env=env)


def test_only_the_loaders_own_dependencies_are_installed(loader_venv, tmp_path):
    code = ("import importlib.util as u, json; "
            "print(json.dumps({m: u.find_spec(m) is not None for m in "
            "('dagster', 'pandera', 'pdfplumber', 'pipeline', 'schemas', 'pandas', 'pyarrow', 'duckdb')}))")
    found = json.loads(run(loader_venv, "python", "-c", code, cwd=tmp_path).stdout)
    assert found == {"dagster": False, "pandera": False, "pdfplumber": False, "pipeline": False, "schemas": False,
                     "pandas": True, "pyarrow": True, "duckdb": True}


API_SCRIPT = textwrap.dedent("""
    import json, sys
    import duckdb, pandas as pd, pyarrow as pa
    import china_econ_facts as cef
    assert "site-packages" in cef.__file__, cef.__file__
    facts = cef.load("facts")
    assert isinstance(facts, pd.DataFrame) and len(facts) == 3
    assert str(facts["year"].dtype) == "Int64" and str(facts["char_start"].dtype) == "int64"
    assert isinstance(cef.load("facts", as_arrow=True), pa.Table)
    assert len(cef.load("facts", columns=["fact_id"], filters={"lang": "en"})) == 1
    con = cef.connect()
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in cef.tables()}
    try:
        con.execute("CREATE TABLE x AS SELECT 1")
        wrote = True
    except duckdb.Error:
        wrote = False
    try:
        cef.load("nope")
        unknown = ""
    except cef.UnknownTableError as e:
        unknown = str(e)
    print(json.dumps({"version": cef.__version__, "tables": cef.tables(), "counts": counts, "wrote": wrote,
                      "unknown": unknown, "verify": cef.verify().ok, "doc": bool(cef.load.__doc__),
                      "describe": cef.describe("documents")["column"].tolist(),
                      "dir": dir(cef), "all": cef.__all__, "missing": [n for n in cef.__all__ if not hasattr(cef, n)],
                      "public_not_exported": sorted(  # functions and classes defined in the package's __init__
                          n for n, v in vars(cef).items() if not n.startswith("_") and n not in cef.__all__
                          and getattr(v, "__module__", "") == "china_econ_facts"),
                      "citation": cef.citation(), "bibtex": cef.citation("bibtex"), "cff": cef.citation("cff"),
                      "released": cef._data.manifest()["released"]}))
""")


def test_api_in_the_fresh_venv(loader_venv, built_release, tmp_path):
    (tmp_path / "check.py").write_text(API_SCRIPT)
    out = json.loads(run(loader_venv, "python", "check.py", cwd=tmp_path).stdout)
    assert out["version"] == built_release.version
    assert out["tables"] == ["documents", "pages", "facts", "table_cells", "indicators", "regions", "observations"]
    from pipeline.curate.catalog import load_catalog
    assert out["counts"] == {"documents": 3, "pages": 0, "facts": 3, "table_cells": 4,
                             "indicators": len(load_catalog()), "regions": 1, "observations": 1}
    assert out["wrote"] is False and out["verify"] is True and out["doc"] is True
    assert "documents, pages, facts, table_cells, indicators, regions, observations" in out["unknown"]
    assert out["describe"][:3] == ["doc_id", "doc", "path"]


def test_public_names_are_exactly_the_api_and_a_citation_ships(loader_venv, built_release, tmp_path):
    (tmp_path / "check.py").write_text(API_SCRIPT)
    out = json.loads(run(loader_venv, "python", "check.py", cwd=tmp_path).stdout)
    assert out["dir"] == sorted(out["all"]) and "citation" in out["all"]
    assert not {"pd", "pa", "pq", "pc", "Any", "annotations"} & set(out["dir"])
    assert out["missing"] == [] and out["public_not_exported"] == []  # every public function is in __all__
    version, released = built_release.version, built_release.manifest["released"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", released) and out["released"] == released
    for text in (out["citation"], out["bibtex"], out["cff"]):
        assert version in text and released in text and built_release.manifest["data_sha256"] in text
    assert f'version: "{version}"' in out["cff"] and f'date-released: "{released}"' in out["cff"]
    with zipfile.ZipFile(built_release.wheel) as whl:
        assert whl.read("china_econ_facts/data/CITATION.cff").decode() == out["cff"]


def test_describe_prints_whole_descriptions_wrapped(loader_venv, tmp_path):
    out = cli(loader_venv, "describe", "documents", cwd=tmp_path).stdout
    words = " ".join(out.split())  # the wrapping undone
    described = json.loads(cli(loader_venv, "describe", "documents", "--format", "json", cwd=tmp_path).stdout)
    long = [d["description"] for d in described if len(d["description"]) > 60]
    assert long and all(" ".join(text.split()) in words for text in long)
    assert max(len(line) for line in out.splitlines()) <= 120


def test_info_tables_describe(loader_venv, built_release, tmp_path):
    info = cli(loader_venv, "info", cwd=tmp_path).stdout
    assert f"china-econ-facts {built_release.version}" in info and built_release.manifest["data_sha256"] in info
    assert json.loads(cli(loader_venv, "info", "--json", cwd=tmp_path).stdout)["rows"]["facts"] == 3
    assert cli(loader_venv, "--version", cwd=tmp_path).stdout.strip() == f"china-econ-facts {built_release.version}"
    tables = cli(loader_venv, "tables", cwd=tmp_path).stdout
    assert all(t in tables for t in ("documents", "pages", "facts", "table_cells"))
    described = cli(loader_venv, "describe", "facts", "--format", "csv", cwd=tmp_path).stdout
    assert described.startswith("column,type,arrow_type,required,description,constraints")
    assert "value,number,double" in described


def test_sql_in_three_formats(loader_venv, tmp_path):
    q = "SELECT fact_id, quote, value FROM facts WHERE unit = 'CNY' ORDER BY value"
    table = cli(loader_venv, "sql", q, cwd=tmp_path).stdout
    assert "975億元" in table and "(2 rows)" in table
    lines = table.splitlines()
    assert lines[0].index("quote") > lines[0].index("fact_id")
    csv = cli(loader_venv, "sql", q, "--format", "csv", cwd=tmp_path).stdout.splitlines()
    assert csv[0] == "fact_id,quote,value" and len(csv) == 3
    rows = json.loads(cli(loader_venv, "sql", q, "--format", "json", cwd=tmp_path).stdout)
    assert [r["value"] for r in rows] == [9.75e10, 3.8e12]


def test_export_every_format(loader_venv, built_release, tmp_path):
    cli(loader_venv, "export", "facts", "--format", "parquet", "-o", "f.parquet", cwd=tmp_path)
    assert (tmp_path / "f.parquet").read_bytes() == (built_release.path / "parquet" / "facts.parquet").read_bytes()
    cli(loader_venv, "export", "facts", "--format", "csv", "-o", "out/f.csv", cwd=tmp_path)
    assert (tmp_path / "out" / "f.csv").read_text(encoding="utf-8").startswith("fact_id,doc_id,doc,page")
    cli(loader_venv, "export", "documents", "--format", "json", "-o", "d.json", "--columns", "doc_id,sha256", cwd=tmp_path)
    assert [sorted(r) for r in json.loads((tmp_path / "d.json").read_text())] == [["doc_id", "sha256"]] * 3


def test_bad_use_fails_clearly(loader_venv, tmp_path):
    for args, message in ((("describe", "fact"), "unknown table 'fact'; the dataset has: documents, pages, facts, table_cells, indicators, regions, observations"),
                          (("export", "nope", "--format", "csv", "-o", "x.csv"), "unknown table 'nope'"),
                          (("sql", "DELETE FROM facts"), "read-only"),
                          (("sql", "CREATE TABLE t AS SELECT 1"), "read-only"),
                          (("sql", "SELECT 1; DROP VIEW facts"), "DROP"),
                          (("sql", "SELECT nope FROM facts"), "nope"),
                          (("sql", "select * from nosuch"),
                           "unknown table 'nosuch'; the dataset has: documents, pages, facts, table_cells, indicators, regions, observations")):
        proc = cli(loader_venv, *args, cwd=tmp_path, check=False)
        assert proc.returncode != 0, args
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "x.csv").exists()


def test_changelog_and_card_ship_in_the_wheel(loader_venv, built_release, tmp_path):
    code = ("import china_econ_facts as cef; d = cef.data_dir(); "
            "print((d / 'CHANGELOG.md').read_text()); print((d / 'README.md').read_text())")
    out = run(loader_venv, "python", "-c", code, cwd=tmp_path).stdout
    changed, removed = changed_fact_ids()
    assert changed in out and removed in out and "## Known limitations" in out
    meta = run(loader_venv, "python", "-c", "import importlib.metadata as m; print(m.metadata('china-econ-facts')"
               "['Description'][:200])", cwd=tmp_path).stdout
    assert "China economic facts" in meta


def test_verify_names_a_corrupted_file(loader_venv, tmp_path):
    """Last on purpose: it damages the installed data, then restores it."""
    assert "all 7 data files match" in cli(loader_venv, "verify", cwd=tmp_path).stdout
    site = next((loader_venv / "lib").glob("python*/site-packages"))
    target = site / "china_econ_facts" / "data" / "parquet" / "facts.parquet"
    original = target.read_bytes()
    try:
        target.write_bytes(original[:-10] + b"corrupted!")
        proc = cli(loader_venv, "verify", cwd=tmp_path, check=False)
        assert proc.returncode == 1
        assert "parquet/facts.parquet" in proc.stderr and "sha256 mismatch" in proc.stderr
        assert "BAD  parquet/facts.parquet" in proc.stdout
        for args in (("sql", "SELECT count(*) FROM facts"), ("export", "facts", "--format", "parquet", "-o", "f.pq"),
                     ("describe", "facts")):
            proc = cli(loader_venv, *args, cwd=tmp_path, check=False)
            assert proc.returncode == 1, args
            assert proc.stderr.startswith("error: parquet/facts.parquet is damaged: sha256 "), proc.stderr
            assert proc.stderr.rstrip().endswith("; reinstall the package") and len(proc.stderr.splitlines()) == 1
        assert not (tmp_path / "f.pq").exists()
        proc = cli(loader_venv, "sql", "SELECT count(*) AS n FROM documents", "--format", "csv", cwd=tmp_path)
        assert proc.stdout.split() == ["n", "3"] and proc.stderr.startswith("warning: table 'facts' left out: ")
    finally:
        target.write_bytes(original)
