"""documents.date over the documents we have: raw/, the real documents of ../shared/eval/real, the national work
reports of ../shared/corpus/gwr, and the real development set of tests/real (whose manifest records each document's
date as its annotator read it). Third-party sets are read where they are and skipped when absent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.documents.model import FORMATS
from pipeline.documents.reader import read_document

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

RAW = {"000_201a966a08c069d6.txt": "2023-10-12", "001_5339488b9e4b4fe2.txt": None, "002_c36eb710d14f23b2.txt": "2024-02-02",
       "003_ae4de00e31e45743.txt": "2015", "004_d207a9631de260bc.txt": None}
REAL = {"en_hkma_reserves_management_2023.md": None, "en_news_shenzhen_property_20081217.md": "2008-12-17",
        "en_results_fullshare_interim_20160831.md": "2016-08-31", "zh_gwr_baoding_2025.txt": "2025-01-21",
        "zh_html_tiantian_fund_news_digest_20190926.html": "2019-09-26",
        "zh_stat_communique_luoyang_2023.txt": "2024-04-30"}
# the reports that state the day they were delivered (——2022年3月5日在…会议上); the others state no date
GWR_DATED = {"gwr_1957.txt": "1957-06-26", "gwr_2017.txt": "2017-03-05", "gwr_2021.txt": "2021-03-05",
             "gwr_2022.txt": "2022-03-05"}


@pytest.mark.parametrize("name,date", sorted(RAW.items()))
def test_raw(name, date):
    assert read_document(ROOT / "raw" / name, ROOT / "raw").date == date


@pytest.mark.parametrize("name,date", sorted(REAL.items()))
def test_real(name, date):
    path = SHARED / "eval" / "real" / "docs" / name
    if not path.exists():
        pytest.skip("../shared/eval/real is absent")
    assert read_document(path, path.parent).date == date


def test_gwr():
    folder = SHARED / "corpus" / "gwr"
    if not folder.is_dir():
        pytest.skip("../shared/corpus/gwr is absent")
    got = {p.name: read_document(p, folder).date for p in sorted(folder.glob("*.txt"))}
    assert len(got) == 49
    assert got == {name: GWR_DATED.get(name) for name in got}


def _dev_entries():
    manifest = ROOT / "tests" / "real" / "manifest.jsonl"
    return [json.loads(ln) for ln in manifest.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("entry", _dev_entries(), ids=lambda e: e["name"])
def test_real_development_set(entry):
    if Path(entry["name"]).suffix.lower() not in FORMATS:
        pytest.skip("a format the pipeline does not read (text inside a program's source)")
    import sys
    sys.path.insert(0, str(ROOT / "tests" / "real"))
    from restore import location
    path = location(entry)
    if not path.exists():
        pytest.skip("not restored (python tests/real/restore.py after fetching its repository)")
    assert read_document(path, path.parent).date == entry["date"]
