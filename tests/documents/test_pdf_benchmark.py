"""`make bench` reports the memory of the PDF reading itself: each PDF is read in a fresh child that measures
its own peak, never the high-water mark of the process that started it (Linux carries ru_maxrss over exec, and
the extraction benchmark runs first in the same process)."""
from __future__ import annotations

import resource

from benchmarks import pdf_throughput
from tests.tables import pdfgen


def test_a_pdf_measurement_does_not_inherit_the_parents_peak_memory(tmp_path):
    path = tmp_path / "table.pdf"
    pdfgen.ruled_table(path)
    ballast = bytearray(300 << 20)  # this process's peak goes over 300 MB, as after the extraction benchmark
    ballast[:: 1 << 12] = b"\1" * len(ballast[:: 1 << 12])
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 300 << 10
    got = pdf_throughput.measure(path)
    del ballast
    assert got["pages"] == 1 and got["cold_s"] > 0
    assert 0 < got["base_mb"] <= got["peak_mb"] < 200, got
