"""End to end through the Dagster UI, in a real (headless) browser.

Builds two raw documents as `make run` does (tmp raw/, warehouse and DAGSTER_HOME), starts `dagster dev` on a free
loopback port over the same DAGSTER_HOME and checks that it starts no run by itself; adds a file and checks that
exactly its shard's run and one combine-and-release run follow; then with Playwright and Debian's Chromium: opens
the asset graph, clicks "Materialize all", "All" (every shard) and "Launch", waits for the backfill to
succeed, opens the facts asset and finds its row count, its metadata (the chart among it) and its checks passed,
and checks that a shard's metadata names only its own documents. Screenshots go to warehouse/ui-artifacts/
(ignored by git). The server and everything it started are stopped at the end.

The server runs a snapshot of the code (pipeline/, schemas/, loader/ copied into the tmp dir, as a deployment
would): the code versions hash the source, so an edit in the working tree between two runs of the test's server
would otherwise make the staged parses look stale."""
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
from pipeline.shards import shard_keys, shard_of

pytestmark = [pytest.mark.ui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "warehouse" / "ui-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
N_DOCS = 2
SERVER_START_S = 120
RUN_TIMEOUT_S = 240
GROUPS = ("extract", "validate", "publish")
LOCATION = "pipeline.definitions"
SENSORS = ("raw_documents", "default_automation_condition_sensor")
FACT_CHECKS = ("facts_schema", "fact_spans", "fact_documents", "no_duplicate_facts")
# true once `img` and everything around it is fully opaque and no animation in its overlay (the dialog, its
# backdrop) is still running; animations elsewhere on the page (spinners) do not count
_FADED_IN = """img => {
    for (let e = img; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
    const overlay = img.closest('[class*="portal"]') || img.closest('[role=dialog]');
    return document.getAnimations().every(a => a.playState !== "running" || !a.effect || !a.effect.target
                                               || !overlay.contains(a.effect.target));
}"""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


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
    """`dagster dev` in its own session (process group), with its log in a file."""

    def __init__(self, env: dict, port: int, log: Path, cwd: Path):
        self.port, self.log = port, log
        self.base = f"http://127.0.0.1:{port}"
        self._log_file = log.open("wb")
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("dagster")), "dev", "-m", "pipeline.definitions",
             "-h", "127.0.0.1", "-p", str(port)],
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
                raise AssertionError(f"dagster dev exited with {self.proc.returncode}\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.base + "/server_info", timeout=2) as r:
                    if r.status == 200 and self.asset_count() >= len(defs.resolve_asset_graph().get_all_asset_keys()):
                        return
            except (urllib.error.URLError, OSError, KeyError, TypeError):
                pass
            time.sleep(1)
        raise AssertionError(f"dagster dev not ready after {timeout:.0f}s\n{self.tail()}")

    def graphql(self, query: str) -> dict:
        req = urllib.request.Request(self.base + "/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.load(r)["data"]

    def asset_count(self) -> int:
        return len(self.graphql("{ assetNodes { id } }")["assetNodes"])

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


@pytest.fixture
def dagster_ui(tmp_path):
    ensure_chromium()
    raw, warehouse, home, src = (tmp_path / d for d in ("raw", "warehouse", "dagster_home", "src"))
    for package in ("pipeline", "schemas", "loader"):
        shutil.copytree(ROOT / package, src / package)  # copy2 keeps mtimes, so the copied bytecode stays valid
    raw.mkdir()
    for doc in sorted((ROOT / "raw").iterdir())[:N_DOCS]:
        shutil.copy2(doc, raw / doc.name)
    (home / ".nux").mkdir(parents=True)
    # one run at a time: the sensor's per-document runs, the backfill and automation never write the same files
    # at once, and two cores are not fought over
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n"
                                       "concurrency:\n  runs:\n    max_concurrent_runs: 1\n")
    (home / ".nux" / "nux.yaml").write_text("seen: 1\n")  # no first-visit "Join the Dagster community" modal
    env = {**os.environ, "DAGSTER_HOME": str(home), "CEF_RAW_DIR": str(raw), "CEF_WAREHOUSE_DIR": str(warehouse),
           "PYTHONPATH": str(src), "DAGSTER_DISABLE_TELEMETRY": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # STACK_NOTES P1: bytecode halves Dagster's start-up
    # `make run` first, with the same DAGSTER_HOME: the UI must not build it all again
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "pipeline.run"], cwd=src, env=env, check=True, capture_output=True,
                   timeout=600)
    print(f"\nmake run equivalent: {time.monotonic() - started:.0f}s")
    server = Server(env, free_port(), tmp_path / "dagster_dev.log", cwd=src)
    server.raw = raw
    try:
        server.wait_ready(SERVER_START_S)
        yield server
    finally:
        left = server.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy2(server.log, ARTIFACTS / "dagster_dev.log")
        assert not left, f"dagster processes left running: {left}"


def _runs(server: Server) -> list[dict]:
    data = server.graphql("{ runsOrError(limit: 50) { ... on Runs { results { runId status "
                          "tags { key value } assetSelection { path } } } } }")
    return data["runsOrError"]["results"]


def _ticks(server: Server, sensor: str) -> list[dict]:
    data = server.graphql('{ sensorOrError(sensorSelector: {repositoryName: "__repository__", '
                          f'repositoryLocationName: "{LOCATION}", sensorName: "{sensor}"}}) {{ ... on Sensor {{ '
                          'sensorState { ticks(limit: 20) { status } } } } }')
    return data["sensorOrError"]["sensorState"]["ticks"]


def _wait(what: str, condition, timeout: float, server: Server):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(2)
    raise AssertionError(f"{what} not seen after {timeout:.0f}s\n{server.tail()}")


def _shard_metadata(server: Server, shard: str) -> dict:
    data = server.graphql('{ assetNodeOrError(assetKey: {path: ["document_shards"]}) { ... on AssetNode { '
                          f'assetMaterializations(partitions: ["{shard}"], limit: 1) {{ partition metadataEntries {{ '
                          'label ... on IntMetadataEntry { intValue } ... on MarkdownMetadataEntry { mdStr } } } } } }')
    (event,) = data["assetNodeOrError"]["assetMaterializations"]
    assert event["partition"] == shard
    return {e["label"]: e.get("intValue", e.get("mdStr")) for e in event["metadataEntries"]}


def test_after_make_run_the_ui_starts_nothing_and_an_added_file_runs_its_shard_only(dagster_ui: Server):
    server = dagster_ui
    assert len(_runs(server)) == 2  # make run's: the shards, then the combined tables and the release
    # both sensors have evaluated (twice: the automation's first tick only sets its cursor) and started nothing
    _wait("two ticks of each sensor", lambda: all(len(_ticks(server, s)) >= 2 for s in SENSORS), 150, server)
    assert len(_runs(server)) == 2, _runs(server)
    added = "added 新增.txt"
    (server.raw / added).write_text("2024年全年国内生产总值比上年增长5.0%。", encoding="utf-8")
    runs = _wait("the added file's runs", lambda: (r := _runs(server)) and len(r) >= 4
                 and all(x["status"] == "SUCCESS" for x in r[:2]) and r, 240, server)
    time.sleep(40)  # nothing more follows (one automation interval)
    runs = _runs(server)
    assert len(runs) == 4 and all(r["status"] == "SUCCESS" for r in runs), runs
    shard_run, release_run = runs[1], runs[0]
    tags = {t["key"]: t["value"] for t in shard_run["tags"]}
    assert tags["dagster/asset_partition_range_start"] == tags["dagster/asset_partition_range_end"] == shard_of(added)
    assert {tuple(a["path"]) for a in release_run["assetSelection"]} >= {("facts",), ("release",)}
    meta = _shard_metadata(server, shard_of(added))
    assert added in meta["document_list"] and meta["worked_on"] == 1
    others = [p.name for p in server.raw.iterdir() if shard_of(p.name) != shard_of(added)]
    assert others and not any(name in meta["document_list"] for name in others)


def _backfill(server: Server) -> dict | None:
    data = server.graphql("{ partitionBackfillsOrError(limit: 1) { ... on PartitionBackfills { results { "
                          "id status runs(limit: 20) { runId status } } } } }")
    results = data["partitionBackfillsOrError"]["results"]
    return results[0] if results else None


def _wait_backfill(server: Server, timeout: float) -> dict:
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        last = _backfill(server)
        if last and last["status"] in ("COMPLETED_SUCCESS", "COMPLETED_FAILED", "FAILED", "CANCELED"):
            return last
        time.sleep(2)
    raise AssertionError(f"backfill not finished after {timeout:.0f}s: {last}\n{server.tail()}")


def _fact_checks(server: Server) -> dict[str, str]:
    data = server.graphql('{ assetNodeOrError(assetKey: {path: ["facts"]}) { ... on AssetNode { '
                          'assetChecksOrError { ... on AssetChecks { checks { name '
                          'executionForLatestMaterialization { status } } } } } } }')
    checks = data["assetNodeOrError"]["assetChecksOrError"]["checks"]
    return {c["name"]: (c["executionForLatestMaterialization"] or {}).get("status") for c in checks}


def _zoom_graph(page) -> None:
    """Hide the navigation and the group tree, zoom in twice and pan so the five groups fill the view."""
    page.get_by_role("button", name="Hide navigation").click()
    box = page.get_by_placeholder("Jump to").bounding_box()
    page.mouse.click(box["x"] + box["width"] + 20, box["y"] + box["height"] / 2)  # the tree's collapse button
    page.wait_for_timeout(500)
    for _ in range(2):
        page.locator("button:has([aria-label='zoom_in'])").first.click()
        page.wait_for_timeout(400)
    page.mouse.move(900, 200)
    page.mouse.down()
    page.mouse.move(1050, 180, steps=10)
    page.mouse.up()
    page.wait_for_timeout(1500)


def _latest_metadata(server: Server, asset: str) -> dict:
    data = server.graphql(f'{{ assetNodeOrError(assetKey: {{path: ["{asset}"]}}) {{ ... on AssetNode {{ '
                          'assetMaterializations(limit: 1) { metadataEntries { label '
                          '... on IntMetadataEntry { intValue } ... on MarkdownMetadataEntry { mdStr } } } } } }')
    entries = data["assetNodeOrError"]["assetMaterializations"][0]["metadataEntries"]
    return {e["label"]: e.get("intValue", e.get("mdStr")) for e in entries}


def test_materialize_all_in_the_ui(dagster_ui: Server):
    from playwright.sync_api import expect, sync_playwright

    server, started = dagster_ui, time.monotonic()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expanded = ",".join(f"global@global:{g}" for g in GROUPS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(30_000)
        try:
            # 1. the asset graph, every group expanded
            page.goto(f"{server.base}/asset-groups?expanded={urllib.request.quote(expanded)}",
                      wait_until="networkidle")
            graph = page.locator("foreignObject")
            for name in ("document_shards", "documents", "facts", "release"):
                expect(graph.get_by_text(name, exact=True).first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "01_asset_graph.png"))

            # 2. Materialize all → All → Launch: one backfill (Dagster 1.13 preselects no partition, even static ones)
            page.get_by_role("button", name="Materialize all").click()
            dialog = page.get_by_role("dialog")
            n_assets = len(list(defs.resolve_asset_graph().get_all_asset_keys()))
            expect(dialog).to_contain_text(f"Launch runs to materialize {n_assets} assets")
            dialog.get_by_role("button", name="All", exact=True).click()
            expect(dialog).to_contain_text(f"{len(shard_keys())} partitions")
            page.screenshot(path=str(ARTIFACTS / "02_materialize_all_dialog.png"))
            dialog.get_by_role("button", name="Launch").click()
            expect(dialog).to_be_hidden()
            launched = time.monotonic()

            # 3. the backfill (per-document run, then the combined tables and the release) succeeds
            backfill = _wait_backfill(server, RUN_TIMEOUT_S)
            took = time.monotonic() - launched
            assert backfill["status"] == "COMPLETED_SUCCESS", f"{backfill}\n{server.tail()}"
            assert backfill["runs"] and all(r["status"] == "SUCCESS" for r in backfill["runs"]), backfill
            page.goto(f"{server.base}/runs?show-runs-within-backfills=true", wait_until="networkidle")
            page.screenshot(path=str(ARTIFACTS / "03_runs.png"))

            # 4. the facts asset: row count, metadata (the chart), checks passed
            page.set_viewport_size({"width": 1600, "height": 3200})
            page.goto(f"{server.base}/assets/facts", wait_until="networkidle")
            expect(page.get_by_text("Row count")).to_be_visible()
            expect(page.get_by_text("Latest check results")).to_be_visible()
            meta_row = page.locator("tr", has_text="facts_per_document").first
            expect(meta_row).to_be_visible()
            expect(page.locator("tr", has_text="by_kind").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "04_facts_overview.png"))

            page.set_viewport_size({"width": 1600, "height": 1000})
            meta_row.scroll_into_view_if_needed()
            meta_row.get_by_text("Show Markdown").click()
            chart = page.get_by_role("dialog").locator("img[src^='data:image/png']")
            expect(chart).to_be_visible()
            assert chart.evaluate("img => img.naturalWidth") > 100  # the picture decoded, not a broken image
            # the dialog fades in (Blueprint transitions opacity on it and its backdrop): "visible" holds from the
            # first frame, so wait until the picture is fully opaque and the fade has finished
            page.wait_for_function(_FADED_IN, arg=chart.element_handle(), timeout=10_000)
            page.screenshot(path=str(ARTIFACTS / "05_facts_chart.png"))
            page.keyboard.press("Escape")

            page.goto(f"{server.base}/assets/facts?view=checks", wait_until="networkidle")
            for name in FACT_CHECKS:
                expect(page.get_by_text(name, exact=True).first).to_be_visible()
            expect(page.get_by_text("Succeeded").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "06_facts_checks.png"))

            # 5. the documents asset: status counts and the documents not read, with their errors
            page.set_viewport_size({"width": 1600, "height": 2400})
            page.goto(f"{server.base}/assets/documents", wait_until="networkidle")
            expect(page.locator("tr", has_text="status_ok").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "07_documents_overview.png"))
            # 6. the graph again, zoomed in far enough that each node shows its status, checks, partitions and kinds
            page.set_viewport_size({"width": 1800, "height": 1000})
            page.goto(f"{server.base}/asset-groups?expanded={urllib.request.quote(expanded)}",
                      wait_until="networkidle")
            expect(graph.get_by_text("release", exact=True).first).to_be_visible()
            _zoom_graph(page)
            page.screenshot(path=str(ARTIFACTS / "08_asset_graph_after.png"))
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "failure.png"))
            print(server.tail(), file=sys.stderr)
            raise
        finally:
            browser.close()

    # the same facts, asked of the server: row count recorded, every check of the latest materialization passed
    facts, documents = _latest_metadata(server, "facts"), _latest_metadata(server, "documents")
    assert documents.get("status_ok") == N_DOCS, f"documents not read: {documents.get('not_read')}"
    assert facts.get("dagster/row_count", 0) > 0, facts  # the two documents hold numbers; none extracted is a bug
    checks = _fact_checks(server)
    assert {name: checks.get(name) for name in FACT_CHECKS} == {name: "SUCCEEDED" for name in FACT_CHECKS}, checks
    # each shard's partition describes its own documents only
    names = sorted(p.name for p in server.raw.iterdir())
    for name in names:
        listed = _shard_metadata(server, shard_of(name))["document_list"]
        assert name in listed
        assert not [o for o in names if o in listed and shard_of(o) != shard_of(name)], listed
    print(f"\nUI e2e: backfill succeeded {took:.0f}s after launch; test body {time.monotonic() - started:.0f}s")
