"""raw/ scored against the hand-made gold in ../shared/eval with its own score.py. The thresholds are the level
reached when this test was written, minus a small margin; a drop below them is a regression."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    if not (EVAL / "score.py").exists() or not (ROOT / "raw").is_dir():
        pytest.skip("../shared/eval or raw/ is absent")
    out = tmp_path_factory.mktemp("gold") / "facts.jsonl"
    files = sorted(str(p) for p in (ROOT / "raw").iterdir() if p.is_file())
    with open(out, "w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "pipeline.extract", *files], cwd=ROOT, stdout=fh, check=True)
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / "gold"), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def test_detection(summary):
    assert summary["precision"] >= 0.97
    assert summary["recall"] >= 0.97
    assert summary["f1"] >= 0.97
    assert summary["min_doc_f1"] >= 0.93


def test_attributes(summary):
    assert summary["target_accuracy"] >= 0.97
    assert summary["qualifier_accuracy"] >= 0.97
    assert summary["region_accuracy"] >= 0.93
