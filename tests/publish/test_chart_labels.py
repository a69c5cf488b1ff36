"""The facts-per-document chart draws Chinese file names with an installed CJK font, or labels such documents by
doc_id when there is none: never boxes and "Glyph missing" warnings. The PNG stays byte-identical run to run."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from pipeline import charts

ROOT = Path(__file__).resolve().parents[2]
DOCS = pd.DataFrame({"doc_id": ["a" * 16, "b" * 16, "c" * 16],
                     "doc": ["000_a.txt", "北京 统计公报 2023.txt", "臺灣經濟.pdf"], "status": ["ok", "ok", "unreadable"]})
FACTS = pd.DataFrame({"doc_id": ["a" * 16] * 2 + ["b" * 16] * 3, "kind": ["money", "percent", "count", "ratio", "percent"]})


def _render() -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning from matplotlib
        return charts.facts_per_document_png(DOCS, FACTS)


def test_a_chinese_file_name_renders_without_a_missing_glyph_warning():
    assert _render().startswith(b"\x89PNG")


@pytest.fixture
def no_cjk_font(monkeypatch):
    monkeypatch.setattr(charts, "CJK_FONTS", ())
    charts.fonts.cache_clear()
    yield
    charts.fonts.cache_clear()


def test_chinese_names_are_drawn_with_an_installed_cjk_font():
    families, drawable = charts.fonts()
    if len(families) == 1:
        pytest.skip("no CJK font installed (make sysdeps installs fonts-wqy-microhei)")
    assert families[0] == charts.BASE_FONT and families[1] in charts.CJK_FONTS
    assert charts.tick_labels(DOCS, DOCS["doc_id"]) == ["000_a.txt", "北京 统计公报 2023.txt", "臺灣經濟.pdf [unreadable]"]
    assert _render().startswith(b"\x89PNG")


def test_without_a_cjk_font_such_documents_are_labelled_by_doc_id(no_cjk_font):
    assert charts.fonts()[0] == [charts.BASE_FONT]
    assert charts.tick_labels(DOCS, DOCS["doc_id"]) == ["000_a.txt", "b" * 16 + " (doc_id)", "c" * 16 + " (doc_id)"]
    assert _render().startswith(b"\x89PNG")


def test_the_png_is_the_same_bytes_in_another_process():
    code = ("import hashlib, sys; sys.path.insert(0, '.'); from tests.publish.test_chart_labels import _render; "
            "print(hashlib.sha256(_render()).hexdigest())")
    other = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           timeout=120).stdout.strip()
    assert other == hashlib.sha256(_render()).hexdigest()
