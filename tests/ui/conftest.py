"""One Dagster UI server for the browser tests: `make run` over a tmp raw/, warehouse and DAGSTER_HOME, then `dg dev`
(what `make ui` runs) over the same DAGSTER_HOME on a free loopback port, shared by every test in the module (a
server costs ~20 s to start and ~5 s to stop). The fixture waits until both sensors have evaluated twice and records
the runs at that moment, so each test can say what the UI did by itself and what its own actions started.

The server runs a snapshot of the code (pipeline/, schemas/, loader/ copied into the tmp dir, as a deployment
would): the code versions hash the source, so an edit in the working tree while the server runs would otherwise
make the staged parses look stale."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pipeline.definitions import defs

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "warehouse" / "ui-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
N_DOCS = 2
SERVER_START_S = 120
LOCATION = "pipeline.definitions"
SENSORS = ("raw_documents", "default_automation_condition_sensor")


def ensure_chromium() -> None:
    """Debian's chromium, installed if missing (CI's `make sysdeps` does it first); skip only if that fails."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"], env=env,
                       capture_output=True, timeout=600)
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing and could not be installed (apt-get install chromium needs root)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`dg dev` in its own session (process group), with its log in a file, and the GraphQL questions the tests
    ask it."""

    def __init__(self, env: dict, port: int, log: Path, cwd: Path, raw: Path):
        self.port, self.log, self.raw = port, log, raw
        self.base = f"http://127.0.0.1:{port}"
        self.runs_at_start: list[dict] = []
        self.make_run_s = 0.0
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("dg")), "dev", "-m", LOCATION, "-h", "127.0.0.1", "-p", str(port)],
            cwd=cwd, env=env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True)

    def tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"dg dev exited with {self.proc.returncode}\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.base + "/server_info", timeout=2) as r:
                    if r.status == 200 and self.asset_count() >= len(defs.resolve_asset_graph().get_all_asset_keys()):
                        return
            except (urllib.error.URLError, OSError, KeyError, TypeError):
                pass
            time.sleep(1)
        raise AssertionError(f"dg dev not ready after {timeout:.0f}s\n{self.tail()}")

    def wait(self, what: str, condition, timeout: float):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := condition():
                return found
            time.sleep(2)
        raise AssertionError(f"{what} not seen after {timeout:.0f}s\n{self.tail()}")

    def graphql(self, query: str) -> dict:
        req = urllib.request.Request(self.base + "/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.load(r)["data"]

    def asset_count(self) -> int:
        return len(self.graphql("{ assetNodes { id } }")["assetNodes"])

    def runs(self) -> list[dict]:
        """The newest 50 runs, newest first, with their tags as a dict."""
        data = self.graphql("{ runsOrError(limit: 50) { ... on Runs { results { runId jobName status startTime "
                            "endTime tags { key value } assetSelection { path } } } } }")
        runs = data["runsOrError"]["results"]
        for r in runs:
            r["tags"] = {t["key"]: t["value"] for t in r["tags"]}
        return runs

    def ticks(self, sensor: str) -> list[dict]:
        data = self.graphql('{ sensorOrError(sensorSelector: {repositoryName: "__repository__", '
                            f'repositoryLocationName: "{LOCATION}", sensorName: "{sensor}"}}) {{ ... on Sensor {{ '
                            'sensorState { ticks(limit: 20) { status timestamp } } } } }')
        return data["sensorOrError"]["sensorState"]["ticks"]

    def latest_metadata(self, asset: str, partition: str | None = None) -> dict:
        """The metadata of an asset's (or one partition's) latest materialization, plus its run id as `run`."""
        where = f'partitions: ["{partition}"], ' if partition else ""
        data = self.graphql(f'{{ assetNodeOrError(assetKey: {{path: ["{asset}"]}}) {{ ... on AssetNode {{ '
                            f'assetMaterializations({where}limit: 1) {{ runId partition metadataEntries {{ label '
                            '... on IntMetadataEntry { intValue } ... on MarkdownMetadataEntry { mdStr } } } } } }')
        (event,) = data["assetNodeOrError"]["assetMaterializations"]
        assert event["partition"] == partition
        return {"run": event["runId"],
                **{e["label"]: e.get("intValue", e.get("mdStr")) for e in event["metadataEntries"]}}

    def check_statuses(self, asset: str) -> dict[str, str]:
        data = self.graphql(f'{{ assetNodeOrError(assetKey: {{path: ["{asset}"]}}) {{ ... on AssetNode {{ '
                            'assetChecksOrError { ... on AssetChecks { checks { name '
                            'executionForLatestMaterialization { status } } } } } } }')
        checks = data["assetNodeOrError"]["assetChecksOrError"]["checks"]
        return {c["name"]: (c["executionForLatestMaterialization"] or {}).get("status") for c in checks}

    def stop(self) -> list[int]:
        """SIGTERM to the whole process group (webserver, daemon, code server, run workers), SIGKILL after 30 s;
        returns the pids still alive afterwards (should be none)."""
        pgid = self.proc.pid
        try:
            os.killpg(pgid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        deadline = time.monotonic() + 15
        while _group_members(pgid) and time.monotonic() < deadline:
            time.sleep(0.5)
        if _group_members(pgid):
            os.killpg(pgid, signal.SIGKILL)
            time.sleep(1)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._log_file.close()
        return _group_members(pgid)


def _group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes of process group pgid, from /proc."""
    members = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(d.name))
    return members


def _environment(tmp: Path) -> tuple[dict, Path, Path]:
    """The code snapshot, N_DOCS raw documents and a DAGSTER_HOME; (env, src, raw)."""
    raw, warehouse, home, src = (tmp / d for d in ("raw", "warehouse", "dagster_home", "src"))
    for package in ("pipeline", "schemas", "loader"):
        shutil.copytree(ROOT / package, src / package)  # copy2 keeps mtimes, so the copied bytecode stays valid
    raw.mkdir()
    for doc in sorted((ROOT / "raw").iterdir())[:N_DOCS]:
        shutil.copy2(doc, raw / doc.name)
    (home / ".nux").mkdir(parents=True)
    # one run at a time, as pipeline/run.py's prepare_home sets it for `make ui`
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n"
                                       "concurrency:\n  runs:\n    max_concurrent_runs: 1\n")
    (home / ".nux" / "nux.yaml").write_text("seen: 1\n")  # no first-visit "Join the Dagster community" modal
    env = {**os.environ, "DAGSTER_HOME": str(home), "CEF_RAW_DIR": str(raw), "CEF_WAREHOUSE_DIR": str(warehouse),
           "PYTHONPATH": str(src), "DAGSTER_DISABLE_TELEMETRY": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # STACK_NOTES P1: bytecode halves Dagster's start-up
    return env, src, raw


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory):
    ensure_chromium()
    tmp = tmp_path_factory.mktemp("ui")
    env, src, raw = _environment(tmp)
    # `make run` first, with the same DAGSTER_HOME: the UI must not build it all again
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "pipeline.run"], cwd=src, env=env, check=True, capture_output=True,
                   timeout=600)
    make_run_s = time.monotonic() - started
    server = Server(env, free_port(), tmp / "dg_dev.log", cwd=src, raw=raw)
    server.make_run_s = make_run_s
    try:
        server.wait_ready(SERVER_START_S)
        # both sensors have evaluated twice (the automation's first tick only sets its cursor)
        server.wait("two ticks of each sensor", lambda: all(len(server.ticks(s)) >= 2 for s in SENSORS), 150)
        server.runs_at_start = server.runs()
        yield server
    finally:
        left = server.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy2(server.log, ARTIFACTS / "dg_dev.log")
        assert not left, f"dagster processes left running: {left}"
