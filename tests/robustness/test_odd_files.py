"""Issue 15: files that are not what their name says, and two files with the same name in different folders,
built end to end (Dagster, in-process) next to ordinary documents. Each odd file gets its own status and reason;
the ordinary documents' facts are exactly what they were before the odd files came; the rebuild says which
documents came from the cache."""
from __future__ import annotations

import io
import random
import zipfile

import pytest

from .conftest import ZH_HANS, make_warehouse, pdf_bytes, read_release, run_build

pytestmark = pytest.mark.slow

GOOD = {"good.txt": b"Exports rose 7.1% in 2023 and imports 2.2%.", "zh.txt": ZH_HANS.encode("utf-8")}
FACT_COLUMNS = ["fact_id", "doc_id", "doc", "char_start", "char_end", "quote", "value", "unit"]


def _odd_files() -> dict[str, bytes]:
    rng = random.Random(15)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("report.txt", "GDP grew 5.2%.")
    return {
        "random.txt": rng.randbytes(20000),
        "noise.txt": bytes(rng.randrange(0x20, 0x7F) for _ in range(20000)),
        "report.pdf.txt": pdf_bytes([ZH_HANS]),
        "archive.txt": buf.getvalue(),
        "chart.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000),
        "a/report.txt": b"Retail sales rose 3.3% in 2023.",
        "b/report.txt": b"Retail sales rose 4.4% in 2023, services 6.6%.",
    }


@pytest.fixture(scope="module")
def builds(tmp_path_factory, stub_extractor):
    # one shard: every document is in the shard the new files make rebuild, so each says whether it was reused
    mp = pytest.MonkeyPatch()
    mp.setenv("CEF_SHARDS", "1")
    wh = make_warehouse(tmp_path_factory.mktemp("odd"))
    for name, data in GOOD.items():
        (wh.raw / name).write_bytes(data)
    ok_before, _ = run_build(wh)
    before = read_release(wh)
    for name, data in _odd_files().items():
        (wh.raw / name).parent.mkdir(parents=True, exist_ok=True)
        (wh.raw / name).write_bytes(data)
    ok_after, log = run_build(wh)
    after = read_release(wh)
    mp.undo()
    return {"ok": (ok_before, ok_after), "before": before, "after": after, "log": log,
            "docs": after["documents"].set_index("path")}


CASES = [
    ("random.txt", "unreadable", "not text: binary content"),
    ("noise.txt", "unreadable", "not text: no words"),
    ("report.pdf.txt", "unreadable", "not text: the file is a PDF document"),
    ("archive.txt", "unreadable", "not text: the file is a ZIP archive"),
    ("chart.txt", "unreadable", "not text: the file is a PNG image"),
    ("a/report.txt", "ok", None),
    ("b/report.txt", "ok", None),
    ("good.txt", "ok", None),
    ("zh.txt", "ok", None),
]


def test_both_builds_succeed_with_a_row_for_every_file(builds):
    assert builds["ok"] == (True, True), builds["log"]
    assert sorted(builds["docs"].index) == sorted(c[0] for c in CASES)


@pytest.mark.parametrize("path,status,error", CASES, ids=[c[0] for c in CASES])
def test_each_file_has_its_own_status_and_reason(builds, path, status, error):
    row = builds["docs"].loc[path]
    assert row["status"] == status, row["error"]
    if error is None:
        assert row["error"] is None and row["n_facts"] > 0
    else:
        assert row["error"].startswith(error) and row["n_facts"] == 0 and row["text"] == ""


def test_same_named_files_in_two_folders_are_two_documents(builds):
    docs, facts = builds["docs"], builds["after"]["facts"]
    a, b = docs.loc["a/report.txt"], docs.loc["b/report.txt"]
    assert (a["doc"], b["doc"]) == ("a/report.txt", "b/report.txt") and a["doc_id"] != b["doc_id"]
    assert docs["doc"].is_unique
    assert sorted(facts.loc[facts["doc"] == "a/report.txt", "quote"]) == ["3.3%"]
    assert sorted(facts.loc[facts["doc"] == "b/report.txt", "quote"]) == ["4.4%", "6.6%"]
    assert set(facts["doc_id"][facts["doc"] == "b/report.txt"]) == {b["doc_id"]}


def test_the_other_documents_facts_are_unchanged(builds):
    def good(facts):
        return facts[facts["doc"].isin(GOOD)].sort_values("fact_id")[FACT_COLUMNS].reset_index(drop=True)

    before, after = good(builds["before"]["facts"]), good(builds["after"]["facts"])
    assert len(before) == 4  # 7.1% and 2.2%; 5.2% and 84.8%
    assert before.equals(after)


def test_the_rebuild_says_which_documents_came_from_the_cache(builds):
    lines = [ln for ln in builds["log"].splitlines() if ln.startswith("[")]
    cached = [ln for ln in lines if ln.endswith("(cached)")]
    assert sorted(ln.split("] ", 1)[1].split(":", 1)[0] for ln in cached) == sorted(GOOD)
    assert f"; 2 of {len(lines)} documents cached" in builds["log"]
