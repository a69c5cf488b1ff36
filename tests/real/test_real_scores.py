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

REAL_FLOOR = {"f1": 0.93, "macro_f1": 0.91, "min_doc_f1": 0.88}   # reached: 0.953, 0.929, 0.909
DEV_FLOOR = {"f1": 0.86, "macro_f1": 0.79}                        # reached: 0.879, 0.811 over all 11
COMMITTED_DOC_FLOOR = 0.88                                         # the Zhoukou communiqué (committed): 0.902


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
            assert json.loads(out.strip().splitlines()[-1])["f1"] >= COMMITTED_DOC_FLOOR, path.name
        return
    for k, floor in DEV_FLOOR.items():
        assert scores["dev"][k] >= floor, (k, scores["dev"][k])
