"""`UI_PORT=<port> make ui` serves the Dagster UI on that port, through `dg dev` (no SupersessionWarning), and
stops cleanly on SIGTERM.

Run over an empty raw/ in a tmp warehouse and DAGSTER_HOME, so the sensor has nothing to start and nothing in the
project's warehouse/ is touched. DAGSTER_HOME is passed on make's command line: the Makefile sets it for the
project, and only a command-line variable overrides that."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
START_S = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200 and b"dagster_webserver_version" in r.read()
    except (urllib.error.URLError, OSError):
        return False


def _group_alive(pgid: int) -> list[int]:
    alive = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(d.name))
    return alive


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_ui_serves_on_ui_port_without_supersession_warning(tmp_path):
    raw, warehouse, home = tmp_path / "raw", tmp_path / "warehouse", tmp_path / "dagster_home"
    raw.mkdir()
    port = _free_port()
    env = {**os.environ, "UI_PORT": str(port), "CEF_RAW_DIR": str(raw), "CEF_WAREHOUSE_DIR": str(warehouse),
           "DAGSTER_DISABLE_TELEMETRY": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    log = tmp_path / "make_ui.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(["make", "--no-print-directory", "ui", f"DAGSTER_HOME={home}"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + START_S
            while not _serves(f"http://127.0.0.1:{port}/server_info"):
                assert proc.poll() is None, f"make ui exited with {proc.returncode}:\n{log.read_text()[-3000:]}"
                assert time.monotonic() < deadline, (
                    f"nothing on port {port} after {START_S}s:\n{log.read_text()[-3000:]}")
                time.sleep(1)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
            deadline = time.monotonic() + 20
            while _group_alive(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.5)
            left = _group_alive(proc.pid)
            if left:
                os.killpg(proc.pid, signal.SIGKILL)
    text = log.read_text(errors="replace")
    assert f"/bin/dg dev -m pipeline.definitions -h 127.0.0.1 -p {port}" in text
    assert "Supersession" not in text and "superseded" not in text, text[-3000:]
    assert not left, f"processes still running 20 s after SIGTERM: {left}"
    assert (home / "dagster.yaml").exists(), "make ui did not use the DAGSTER_HOME it was given"
