"""Issue 5, item 7, the pipeline side: nothing loads pickles or evaluates text, DuckDB is read read-only, and no
Dagster asset hands a value to an IO manager (which would pickle it): data moves as JSON and Parquet files."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import dagster as dg
import pytest

from pipeline.assets.checks import ALL_CHECKS
from pipeline.assets.resources import PROJECT_ROOT, Compute
from pipeline.assets.shards import document_shards
from pipeline.shards import shard_of
from pipeline.definitions import ASSETS

from .conftest import ZH_HANS, make_warehouse, run_build

SCANNED = ("pipeline", "schemas", "loader")
UNSAFE_MODULES = {"pickle", "_pickle", "cPickle", "dill", "cloudpickle", "shelve", "marshal", "joblib", "jsonpickle"}
UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
UNSAFE_ATTRS = {"read_pickle", "to_pickle", "unsafe_load", "full_load", "load_pickle", "loads_pickle"}
# the one place allowed to open DuckDB for writing: it creates the database inside a new release directory
DUCKDB_WRITERS = {("pipeline/publish/duckdb_db.py", "write_database")}


def _sources():
    for top in SCANNED:
        for path in sorted((PROJECT_ROOT / top).rglob("*.py")):
            if ".venv" in path.parts or "site-packages" in path.parts:
                continue
            yield path.relative_to(PROJECT_ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"), str(path))


def _functions(tree):
    """node → name of the enclosing top-level function (or '')."""
    owner = {}
    for top in ast.walk(tree):
        if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(top):
                owner.setdefault(id(node), top.name)
    return owner


def test_the_scan_sees_the_code():
    files = dict(_sources())
    assert "pipeline/stage.py" in files and "schemas/facts.py" in files and len(files) > 30


def test_no_pickle_no_eval_no_exec():
    found = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [f"{rel}:{node.lineno} import {a.name}" for a in node.names
                          if a.name.split(".")[0] in UNSAFE_MODULES]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
                found.append(f"{rel}:{node.lineno} from {node.module} import ...")
            elif isinstance(node, ast.Call):
                f = node.func
                if isinstance(f, ast.Name) and f.id in UNSAFE_BUILTINS:
                    found.append(f"{rel}:{node.lineno} {f.id}(...)")
                if isinstance(f, ast.Attribute) and f.attr in UNSAFE_ATTRS:
                    found.append(f"{rel}:{node.lineno} .{f.attr}(...)")
                if isinstance(f, ast.Attribute) and f.attr == "load" and isinstance(f.value, ast.Name) \
                        and f.value.id == "yaml":
                    found.append(f"{rel}:{node.lineno} yaml.load (use yaml.safe_load)")
                for kw in node.keywords:
                    if kw.arg in ("allow_pickle", "shell") and isinstance(kw.value, ast.Constant) and kw.value.value:
                        found.append(f"{rel}:{node.lineno} {kw.arg}=True")
    assert found == []


def test_pipeline_opens_duckdb_read_only():
    found, writers = [], set()
    for rel, tree in _sources():
        if not rel.startswith("pipeline/"):
            continue  # the loader's connections are the loader's tests' business
        owner = _functions(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "duckdb":
                where = (rel, owner.get(id(node), ""))
                ro = [k for k in node.keywords if k.arg == "read_only"]
                # an in-memory database (combining the shards' Parquet) opens no file, so writes none
                in_memory = (len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                             and node.args[0].value == ":memory:")
                if in_memory:
                    continue
                if where in DUCKDB_WRITERS:
                    writers.add(where)
                elif not (ro and isinstance(ro[0].value, ast.Constant) and ro[0].value.value is True):
                    found.append(f"{rel}:{node.lineno} duckdb.connect without read_only=True")
    assert found == []
    assert writers == DUCKDB_WRITERS  # the allow-list names a real writer


@pytest.fixture(scope="module")
def built(tmp_path_factory, stub_extractor):
    wh = make_warehouse(tmp_path_factory.mktemp("safety"))
    (wh.raw / "a.txt").write_text("GDP grew 5.2% in 2023.")
    (wh.raw / "b.txt").write_text(ZH_HANS)
    instance = dg.DagsterInstance.ephemeral()
    ok, log = run_build(wh, instance)
    assert ok, log
    return wh, instance


def test_summary_reads_the_database_read_only(built, monkeypatch):
    import duckdb

    from pipeline.run import summary

    wh, _ = built
    calls, real = [], duckdb.connect

    def connect(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", connect)
    summary(wh.root, out=open("/dev/null", "w"))
    assert calls and all(c.get("read_only") is True for c in calls)


def test_staged_results_are_json(built):
    wh, instance = built
    staged = sorted((wh.root / "stage").rglob("*"))
    files = [p for p in staged if p.is_file()]
    assert {p.name for p in files} == {"document.json", "facts.json"} and len(files) == 4
    for p in files:
        json.loads(p.read_text(encoding="utf-8"))
    # the default IO manager (which pickles) stored nothing in the instance's storage
    storage = Path(instance.storage_directory())
    assert not storage.exists() or not [p for p in storage.rglob("*") if p.is_file()]


class _Refusing(dg.IOManager):
    """An IO manager that fails the run if any asset hands it a value to store."""

    def handle_output(self, context, obj):
        if obj is not None:
            raise AssertionError(f"{context.asset_key.to_user_string()} handed a {type(obj).__name__} to the IO manager")

    def load_input(self, context):
        raise AssertionError(f"{context.asset_key.to_user_string()} was loaded through the IO manager")


def test_no_asset_passes_values_through_the_io_manager(built, stub_extractor):
    wh, instance = built
    resources = {"warehouse": wh, "compute": Compute(workers=1), "io_manager": _Refusing()}
    everything = [*ASSETS, *ALL_CHECKS]
    res = dg.materialize(everything, selection=[document_shards.key], partition_key=shard_of("a.txt"),
                         instance=instance, resources=resources, raise_on_error=False)
    assert res.success, [e.event_specific_data for e in res.all_events if e.is_failure]
    res = dg.materialize(everything, selection=["documents", "pages", "facts", "table_cells", "release"], instance=instance,
                         resources=resources, raise_on_error=False)
    assert res.success, [e.event_specific_data for e in res.all_events if e.is_failure]
