"""The facts-per-document chart drawn by a forked child (charts.Aside) is the PNG drawn in this process, byte for
byte; without fork, or when the child fails, this process draws it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from pipeline import charts

ROOT = Path(__file__).resolve().parents[2]
DOCS = pd.DataFrame({"doc_id": ["a" * 16, "b" * 16, "c" * 16], "doc": ["000_a.txt", "北京 统计公报.txt", "c.pdf"],
                     "status": ["ok", "ok", "unreadable"]})
FACTS = pd.DataFrame({"doc_id": ["a" * 16] * 2 + ["b" * 16] * 3, "kind": ["money", "percent", "count", "ratio", "percent"]})


def _aside(path: Path) -> bytes:
    with charts.Aside() as chart:
        chart.draw(DOCS, FACTS, path)
        return chart.result()


def test_the_child_draws_the_same_png_and_leaves_it_in_the_file(tmp_path):
    png = _aside(tmp_path / "chart.png")
    assert png == charts.facts_per_document_png(DOCS, FACTS) == (tmp_path / "chart.png").read_bytes()


def test_without_fork_or_when_the_child_fails_this_process_draws(tmp_path, monkeypatch):
    expected = charts.facts_per_document_png(DOCS, FACTS)
    (tmp_path / "chart.png").write_bytes(b"an older chart")  # must not pass for this one
    monkeypatch.setattr(charts, "_draw_when_told", lambda read: os._exit(1))
    assert _aside(tmp_path / "chart.png") == expected
    monkeypatch.delattr(os, "fork")
    assert _aside(tmp_path / "other.png") == expected


def test_a_chart_never_asked_for_leaves_no_child_behind(tmp_path):
    with charts.Aside() as chart:
        pid = chart.pid
    assert pid != 0
    if pid > 0:
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        assert not alive


def test_the_schemas_do_not_import_dask_dataframe():
    """pandera would import dask.dataframe (installed for the engine) only to know whether a model annotates dask
    types; the models annotate pandas, and a build does not pay for it."""
    code = ("import sys, schemas; [m.to_schema() for m in schemas.TABLES.values()]; "
            "print('dask.dataframe' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "False"


def test_a_chart_without_facts_is_drawn_the_same_by_the_child(tmp_path):
    none = FACTS.iloc[0:0]
    with charts.Aside() as chart:
        chart.draw(DOCS, none, tmp_path / "chart.png")
        assert chart.result() == charts.facts_per_document_png(DOCS, none)
