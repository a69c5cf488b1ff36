"""Held-out check: the extractor on documents written for this purpose (tests/heldout/docs, gold in
tests/heldout/gold), scored by ../shared/eval/score.py.

Five rounds, each blind when it was written: eight documents (built by build_gold.py; micro F1 0.35 at first),
nine more (an academic paper, a wire story, an outlook report, a city statistical bulletin, a county plan, a
Yangtze Delta news story, Taiwan, Hong Kong and Macau releases; 0.83 at first), six more (a provincial trade
story, a company annual report, a think-tank brief on local debt, a Hong Kong English release, a Taiwan chip story,
a Hong Kong budget speech; 0.76 at the start of that session, 0.83 when it was first scored), six more (a county
work report, a research abstract, a property wire story with no year in its dateline, a national statistical
communiqué, a Taiwan budget story, a Macau tourism release; 0.80 at the start of that session, 0.84 when first
scored, 0.86 after), and a fifth round of six written last and scored once (a provincial NEV plan, a Xinhua
holiday-consumption story, an urbanization paper, a bank research note, a Taiwan machine-tool report, a Hong Kong
trade story; 0.65 both at the start of that session and when first scored, 0.84 after). The error classes
they showed were fixed as general rules (tests/extract/test_generalization*.py), so the set is now a regression
guard, not blind. The floor is the current score minus a small margin."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SCORE = ROOT.parent / "shared" / "eval" / "score.py"

BASELINE_MICRO_F1 = 0.9148   # tp=1450 fp=122 fn=148 over 35 documents
FLOOR = round(BASELINE_MICRO_F1 - 0.03, 4)


def _run(tmp_path, *extra):
    docs = sorted((HERE / "docs").iterdir())
    out = tmp_path / "heldout_facts.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run([sys.executable, "-m", "pipeline.extract", *map(str, docs)], cwd=ROOT, stdout=fh,
                              stderr=subprocess.PIPE, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    res = subprocess.run([sys.executable, str(SCORE), str(HERE / "gold"), str(out), *extra], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    if not SCORE.is_file():
        pytest.skip(f"{SCORE} not found (../shared is absent)")
    tmp = tmp_path_factory.mktemp("heldout")
    per_doc = _run(tmp, "--per-doc")
    summary = json.loads(_run(tmp, "--json").strip().splitlines()[-1])
    return per_doc, summary


def test_gold_covers_every_document():
    docs = {p.name for p in (HERE / "docs").iterdir()}
    gold = {p.name[: -len(".jsonl")] for p in (HERE / "gold").glob("*.jsonl")}
    assert docs == gold


def test_heldout_micro_f1_floor(scored):
    per_doc, s = scored
    print("\n" + per_doc.strip())
    print(f"held-out: micro F1={s['f1']} macro F1={s['macro_f1']} P={s['precision']} R={s['recall']} "
          f"(tp={s['tp']} fp={s['fp']} fn={s['fn']}); floor {FLOOR}")
    assert s["f1"] >= FLOOR, f"held-out micro F1 {s['f1']} fell below the floor {FLOOR}"
