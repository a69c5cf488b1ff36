"""`python -m benchmarks.ui_build [--rounds N]`: a build of raw/ from the UI's build_all job against `make run`,
both from an empty warehouse (no staged documents), in alternating rounds so both see the same machine load.

make run: the wall time of `python -m pipeline.run` (a fresh process: imports included). UI: `dg dev` is started
once (not timed); for each round the raw_documents sensor is stopped (so it cannot build first), the warehouse
emptied, and build_all launched through GraphQL, the same mutation its Launch Run button sends; timed from the launch
to the build_all run's end (queue, run worker start, the build). The target (issue 15): UI ≤ 2× make run."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCATION, REPO = "pipeline.definitions", "__repository__"
HOME_CFG = "telemetry:\n  enabled: false\nconcurrency:\n  runs:\n    max_concurrent_runs: 1\n"  # as prepare_home


def _env(tmp: Path, name: str) -> dict:
    home = tmp / name / "dagster_home"
    home.mkdir(parents=True)
    (home / "dagster.yaml").write_text(HOME_CFG)
    env = {**os.environ, "DAGSTER_HOME": str(home), "CEF_RAW_DIR": str(tmp / "raw"),
           "CEF_WAREHOUSE_DIR": str(tmp / name / "warehouse"), "PYTHONPATH": str(ROOT), "DAGSTER_DISABLE_TELEMETRY": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def make_run(tmp: Path, round_: int) -> float:
    env = _env(tmp, f"run{round_}")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.run"], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


class UI:
    def __init__(self, tmp: Path):
        self.env = _env(tmp, "ui")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base, self.log = f"http://127.0.0.1:{port}", (tmp / "dg_dev.log").open("wb")
        self.proc = subprocess.Popen([str(Path(sys.executable).with_name("dg")), "dev", "-m", LOCATION, "-h",
                                      "127.0.0.1", "-p", str(port)], cwd=ROOT, env=self.env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self._until(lambda: self._jobs() and "build_all" in self._jobs(), 180, "dg dev serving build_all")

    def gql(self, query: str) -> dict:
        req = urllib.request.Request(self.base + "/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)["data"]

    def _jobs(self) -> list[str]:
        try:
            data = self.gql("{ repositoriesOrError { ... on RepositoryConnection { nodes { jobs { name } } } } }")
        except OSError:
            return []
        return [j["name"] for n in data["repositoriesOrError"]["nodes"] for j in n["jobs"]]

    @staticmethod
    def _until(condition, timeout: float, what: str):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := condition():
                return found
            time.sleep(0.25)
        raise TimeoutError(what)

    def _runs(self) -> list[dict]:
        return self.gql("{ runsOrError(limit: 20) { ... on Runs { results { runId jobName status } } } }"
                        )["runsOrError"]["results"]

    def quiet(self) -> None:
        """raw_documents stopped, no run going, the warehouse empty."""
        sensor = self.gql(f'{{ sensorOrError(sensorSelector: {{repositoryName: "{REPO}", repositoryLocationName: '
                          f'"{LOCATION}", sensorName: "raw_documents"}}) {{ ... on Sensor {{ id sensorState {{ id '
                          'status } } } }')["sensorOrError"]
        if sensor["sensorState"]["status"] == "RUNNING":
            self.gql(f'mutation {{ stopSensor(id: "{sensor["sensorState"]["id"]}") {{ __typename }} }}')
        self._until(lambda: all(r["status"] in ("SUCCESS", "FAILURE", "CANCELED") for r in self._runs()), 600,
                    "runs in progress to finish")
        shutil.rmtree(self.env["CEF_WAREHOUSE_DIR"], ignore_errors=True)

    def build_all(self) -> float:
        self.quiet()
        started = time.perf_counter()
        res = self.gql(f'mutation {{ launchRun(executionParams: {{selector: {{repositoryLocationName: "{LOCATION}", '
                       f'repositoryName: "{REPO}", jobName: "build_all"}}, runConfigData: "{{}}"}}) {{ __typename '
                       '... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }')["launchRun"]
        run_id = res["run"]["runId"]
        query = f'{{ runOrError(runId: "{run_id}") {{ ... on Run {{ status }} }} }}'
        status = self._until(lambda: (s := self.gql(query)["runOrError"]["status"]) in ("SUCCESS", "FAILURE", "CANCELED")
                             and s, 600, "build_all to finish")
        if status != "SUCCESS":
            raise RuntimeError(f"build_all {run_id}: {status}")
        return time.perf_counter() - started

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ui_build", description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ui_build_") as d:
        tmp = Path(d)
        shutil.copytree(ROOT / "raw", tmp / "raw")
        n_docs = sum(1 for p in (tmp / "raw").rglob("*") if p.is_file())
        ui = UI(tmp)
        runs, builds = [], []
        try:
            for i in range(args.rounds):
                runs.append(make_run(tmp, i))
                builds.append(ui.build_all())
                print(f"round {i + 1}: make run {runs[-1]:.1f}s, UI build_all {builds[-1]:.1f}s", flush=True)
        finally:
            ui.stop()
    run_s, ui_s = statistics.median(runs), statistics.median(builds)
    print(f"{n_docs} documents, empty warehouse, median of {args.rounds}: make run {run_s:.1f}s, "
          f"UI build_all {ui_s:.1f}s from launch to its end: {ui_s / run_s:.2f}× (target ≤ 2×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
