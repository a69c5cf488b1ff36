"""The extractor on real documents (tests/real/evaluate.py): ../shared/eval/real and the real development set.
Floors are the scores reached when this test was written minus a small margin; a drop below them is a regression.
The first scores of each batch, before any fix it prompted, are in README.md."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import evaluate  # noqa: E402

REAL_FLOOR = {"f1": 0.95, "macro_f1": 0.92, "min_doc_f1": 0.88}   # reached: 0.975, 0.940, 0.909
DEV_FLOOR = {"f1": 0.87, "macro_f1": 0.83}                        # reached: 0.899, 0.859 over all 52
# the documents whose licence let them be committed (all that CI has), each to its own floor: reached minus ~0.03
COMMITTED_DOC_FLOOR = {
    "zh_pdf_stat_communique_zhoukou_2023": 0.94,                   # 0.977
    "zh_html_pboc_financial_statistics_h1_20200710": 0.95,         # 0.988
    "zh_html_pboc_financial_statistics_q1_20260413": 0.96,         # 0.993 (its table read as a table; 0.856 before)
    "zh_hant_tw_json_president_budget_briefing_20230821": 0.85,    # 0.887
    "zh_hant_tw_json_president_economy_speech_20250401": 0.84,     # 0.878
    "en_md_us_ccg_china_market_overview_nodate": 0.90,             # 0.938
    "en_md_us_ccg_china_agricultural_overview_nodate": 0.63,       # 0.667 (first score, batch 6)
    "en_release_pboc_mpc_q4_2002": 0.95,                           # 1.000 (first score, batch 6)
    "zh_js_liuhe_county_key_industry_support_policy_nodate": 0.94,  # 0.981
    "en_pdf_cbc_taiwan_mpm_minutes_20180322": 0.45,                # 0.484 (first score, batch 7: appendix tables)
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not (evaluate.EVAL / "score.py").exists():
        pytest.skip("../shared/eval is absent")
    return evaluate.summaries(tmp_path_factory.mktemp("real"))


def test_real_set(scores):
    if "real" not in scores:
        pytest.skip("../shared/eval/real is absent")
    for k, floor in REAL_FLOOR.items():
        assert scores["real"][k] >= floor, (k, scores["real"][k])


def test_development_set(scores, tmp_path):
    present = evaluate.dev_files(tmp_path)
    if len(present) < len(evaluate.entries()):
        # only the documents whose licence let them be committed: hold each to its own floor
        for path in present:
            gold = tmp_path / path.stem / "gold"
            gold.mkdir(parents=True)
            name = next(p.name for p in (HERE / "gold").iterdir() if Path(p.stem).stem == path.stem)
            (gold / name).write_bytes((HERE / "gold" / name).read_bytes())
            out = evaluate.score(gold, [path], tmp_path, "--json")
            assert json.loads(out.strip().splitlines()[-1])["f1"] >= COMMITTED_DOC_FLOOR[path.stem], path.name
        return
    for k, floor in DEV_FLOOR.items():
        assert scores["dev"][k] >= floor, (k, scores["dev"][k])
