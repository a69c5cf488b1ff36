"""Issue 5, item 2 at the library level: per-document limits (pipeline/documents/limits.py) and what the reader
and pipeline.process make of them. Fast: no Dagster."""
from __future__ import annotations

import faulthandler
import os
import signal
import threading
import time
import tracemalloc

import pytest

from pipeline.documents import Document, limits, read_document
from pipeline.process import facts_for_limited

from .conftest import SLOW_EXTRACT, ZH_HANS, pdf_bytes


def _slow(seconds):
    time.sleep(seconds)
    return "done"


def _boom():
    raise KeyError("no such thing")


def _hog():
    return len(bytearray(2 << 30))  # 2 GB


def _segfault():
    faulthandler.disable()  # pytest's faulthandler would print the dying worker's stack into the test output
    os.kill(os.getpid(), signal.SIGSEGV)


def test_worker_returns_json_results():
    assert limits.run_in_worker(sorted, [3, 1, 2], what="sorting", timeout=30) == [1, 2, 3]
    assert limits.run_in_worker(lambda: {"text": ZH_HANS * 5000}, what="x", timeout=30) == {"text": ZH_HANS * 5000}


def test_worker_is_killed_at_the_time_limit():
    t0 = time.monotonic()
    with pytest.raises(limits.LimitExceeded) as got:
        limits.run_in_worker(_slow, 60, what="reading the PDF", timeout=0.5)
    assert time.monotonic() - t0 < 5
    assert got.value.limit == "time"
    assert str(got.value) == "reading the PDF was stopped by the 0.5 s per-document time limit (CEF_DOC_TIMEOUT_S)"


def test_worker_memory_ceiling():
    with pytest.raises(limits.LimitExceeded) as got:
        limits.run_in_worker(_hog, what="reading the PDF", timeout=30, mem_mb=200)
    assert got.value.limit == "memory"
    assert "ran out of the 200 MB per-document memory limit (CEF_DOC_MAX_MEM_MB)" in str(got.value)


def test_worker_crash_and_exception_are_reported_not_raised_raw():
    with pytest.raises(limits.LimitExceeded, match=r"crashed the worker process \(signal SIGSEGV\)"):
        limits.run_in_worker(_segfault, what="reading the PDF", timeout=30)
    with pytest.raises(limits.WorkerError, match="KeyError: 'no such thing'"):
        limits.run_in_worker(_boom, what="x", timeout=30)


def test_alarm_limits_inline_work_in_the_main_thread_only():
    with pytest.raises(limits.LimitExceeded, match="extracting facts was stopped by the 0.3 s"):
        with limits.alarm(0.3, "extracting facts"):
            try:
                time.sleep(30)
            except Exception:  # an over-broad except in the limited code cannot swallow the limit
                pass
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    done = []

    def elsewhere():
        with limits.alarm(0.1, "x"):  # no SIGALRM outside the main thread: runs unlimited
            time.sleep(0.3)
        done.append(True)

    t = threading.Thread(target=elsewhere)
    t.start()
    t.join()
    assert done == [True]


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CEF_MAX_TEXT_MB", "0.5")
    monkeypatch.setenv("CEF_DOC_TIMEOUT_S", "0")
    monkeypatch.setenv("CEF_DOC_MAX_MEM_MB", "0")
    assert (limits.max_text_bytes(), limits.doc_timeout_s(), limits.max_mem_mb()) == (512 * 1024, None, None)
    monkeypatch.setenv("CEF_DOC_TIMEOUT_S", "not a number")
    assert limits.doc_timeout_s() == limits.DEFAULT_TIMEOUT_S


def test_big_text_is_refused_in_bounded_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("CEF_MAX_TEXT_MB", "4")
    path = tmp_path / "big.md"
    path.write_bytes(b"GDP grew 5.2% in 2023.\n" * 400_000)  # 9.2 MB
    tracemalloc.start()
    try:
        doc = read_document(path, tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (doc.status, doc.bytes, doc.text) == ("error", 9_200_000, "")
    assert doc.error == "text file is 8.8 MB, which exceeds the 4 MB limit for text files (CEF_MAX_TEXT_MB); not read"
    assert peak < 3 * 1024 * 1024
    monkeypatch.setenv("CEF_MAX_TEXT_MB", "20")
    assert read_document(path, tmp_path).status == "ok"


def test_pathological_pdf_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    """A PDF whose parsing never ends (simulated: the parser sleeps) is stopped in its worker."""
    path = tmp_path / "endless.pdf"
    path.write_bytes(pdf_bytes([ZH_HANS]))
    monkeypatch.setattr("pipeline.documents.reader.read_pdf", lambda p: _slow(60))
    monkeypatch.setenv("CEF_DOC_TIMEOUT_S", "0.5")
    t0 = time.monotonic()
    doc = read_document(path, tmp_path)
    assert time.monotonic() - t0 < 5
    assert (doc.status, doc.error) == (
        "error", "reading the PDF was stopped by the 0.5 s per-document time limit (CEF_DOC_TIMEOUT_S)")


def test_pdf_reader_crash_is_one_documents_error(tmp_path, monkeypatch):
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf_bytes([ZH_HANS]))
    monkeypatch.setattr("pipeline.documents.reader.read_pdf", lambda p: _segfault())
    doc = read_document(path, tmp_path)
    assert doc.status == "error" and "reading the PDF crashed the worker process (signal SIGSEGV)" in doc.error


def test_pdf_is_read_inline_when_the_time_limit_is_off(tmp_path, monkeypatch):
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf_bytes([ZH_HANS]))
    monkeypatch.setenv("CEF_DOC_TIMEOUT_S", "0")
    monkeypatch.setattr(limits, "run_in_worker", lambda *a, **k: pytest.fail("no worker without a time limit"))
    doc = read_document(path, tmp_path)
    assert doc.status == "ok" and ZH_HANS in doc.text


def test_a_file_that_vanishes_or_is_a_folder_is_unreadable(tmp_path):
    doc = read_document(tmp_path / "gone.txt", tmp_path)
    assert doc.status == "unreadable" and doc.error.startswith("cannot read the file (FileNotFoundError")
    (tmp_path / "folder.txt").mkdir()
    doc = read_document(tmp_path / "folder.txt", tmp_path)
    assert doc.status == "unreadable" and "IsADirectoryError" in doc.error


def _doc(text: str) -> Document:
    return Document(doc_id="d" * 16, doc="t.txt", path="t.txt", sha256="0" * 64, bytes=len(text), format="txt",
                    text=text, lang="en")


@pytest.mark.parametrize("chars_over_threshold", [False, True], ids=["inline-alarm", "forked-worker"])
def test_extraction_time_limit(monkeypatch, stub_extractor, chars_over_threshold):
    monkeypatch.setenv("CEF_DOC_TIMEOUT_S", "0.5")
    monkeypatch.setenv("CEF_FORK_MIN_CHARS", "100")
    text = f"Growth was 4.4% ({SLOW_EXTRACT})." * (10 if chars_over_threshold else 1)
    assert (len(text) >= 100) == chars_over_threshold
    t0 = time.monotonic()
    with pytest.raises(limits.LimitExceeded, match=r"extracting facts was stopped by the 0.5 s per-document time limit"):
        facts_for_limited(_doc(text))
    assert time.monotonic() - t0 < 5


@pytest.mark.parametrize("n", [1, 100], ids=["inline", "forked-worker"])
def test_limited_extraction_gives_the_same_facts(monkeypatch, stub_extractor, n):
    from pipeline.process import facts_for

    monkeypatch.setenv("CEF_FORK_MIN_CHARS", "1000")
    doc = _doc("Exports rose 7.1% and imports 2.5%.\n" * n)
    assert [f.to_dict() for f in facts_for_limited(doc)] == [f.to_dict() for f in facts_for(doc)]
