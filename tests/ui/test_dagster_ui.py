"""End to end through the Dagster UI, in a real (headless) browser, over one `dg dev` server (conftest.py) that
started after `make run` had built two documents with the same DAGSTER_HOME.

1. The UI starts no run by itself; an added file runs exactly its shard, then one combine-and-release run, and
   nothing more follows.
2. With Playwright and Debian's Chromium, as the README says: Jobs → build_all → Launchpad → Launch Run (one
   click) builds everything: the build_all run and its two runs (every shard, then the tables, their checks and
   the release) succeed; the facts asset shows its row count, its metadata (the chart among it) and its checks
   passed; each document's shard partition was materialized by that click and names only its own documents.

Screenshots go to warehouse/ui-artifacts/ (ignored by git)."""
from __future__ import annotations

import sys
import time
import urllib.request

import pytest

from pipeline.assets.jobs import BUILD_RUN_TAG
from pipeline.assets.sensors import RANGE_END, RANGE_START
from pipeline.shards import shard_keys, shard_of

from .conftest import ARTIFACTS, CHROMIUM, SENSORS, Server

pytestmark = [pytest.mark.ui, pytest.mark.slow]

RUN_TIMEOUT_S = 240
GROUPS = ("extract", "validate", "publish")
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
FINISHED = ("SUCCESS", "FAILURE", "CANCELED")


def _new_runs(server: Server, before: set[str]) -> list[dict]:
    return [r for r in server.runs() if r["runId"] not in before]


def _assert_nothing_follows(server: Server, last_end: float, before: set[str], expected: int) -> list[dict]:
    """Each sensor has ticked once after `last_end` (a finished run's end); the new runs are still `expected`."""
    server.wait("a tick of each sensor after the last run", lambda: all(
        any(t["timestamp"] > last_end and t["status"] != "STARTED" for t in server.ticks(s)) for s in SENSORS), 120)
    runs = _new_runs(server, before)
    assert len(runs) == expected, runs
    return runs


def test_after_make_run_the_ui_starts_nothing_and_an_added_file_runs_its_shard_only(dagster_ui: Server):
    server = dagster_ui
    assert len(server.runs_at_start) == 2, server.runs_at_start  # make run's: the shards, then tables + release
    before = {r["runId"] for r in server.runs()}
    added = "added 新增.txt"
    (server.raw / added).write_text("2024年全年国内生产总值比上年增长5.0%。", encoding="utf-8")
    runs = server.wait("the added file's two runs", lambda: (r := _new_runs(server, before)) and len(r) >= 2
                       and all(x["status"] in FINISHED for x in r) and r, 240)
    release_run, shard_run = _assert_nothing_follows(server, max(r["endTime"] for r in runs), before, 2)
    assert shard_run["status"] == release_run["status"] == "SUCCESS", runs
    assert shard_run["tags"][RANGE_START] == shard_run["tags"][RANGE_END] == shard_of(added)
    assert {tuple(a["path"]) for a in release_run["assetSelection"]} >= {("facts",), ("release",)}
    meta = server.latest_metadata("document_shards", shard_of(added))
    assert meta["run"] == shard_run["runId"]
    assert added in meta["document_list"] and meta["worked_on"] == 1
    others = [p.name for p in server.raw.iterdir() if shard_of(p.name) != shard_of(added)]
    assert others and not any(name in meta["document_list"] for name in others)


def _zoom_graph(page) -> None:
    """Hide the navigation and the group tree, zoom in twice and pan so the groups fill the view."""
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


def _build_all_runs(server: Server, before: set[str]) -> tuple[dict, list[dict]] | None:
    """(the build_all run, the runs it started) once the build_all run has finished."""
    runs = _new_runs(server, before)
    build = [r for r in runs if r["jobName"] == "build_all"]
    if not build or build[0]["status"] not in FINISHED:
        return None
    return build[0], [r for r in runs if r["tags"].get(BUILD_RUN_TAG) == build[0]["runId"]]


def _launch_build_all(page, server: Server) -> None:
    """As the README says: Jobs → build_all → Launchpad → Launch Run."""
    page.goto(f"{server.base}/", wait_until="networkidle")
    page.get_by_role("link", name="Jobs").click()
    page.get_by_role("link", name="build_all").click()
    page.get_by_role("tab", name="Launchpad").click()
    launch = page.get_by_role("button", name="Launch Run")
    launch.wait_for()
    page.screenshot(path=str(ARTIFACTS / "02_build_all_launchpad.png"))
    launch.click()
    page.wait_for_url("**/runs/*")  # the UI opens the new run

def _check_facts_pages(page, server: Server) -> None:
    """The facts asset: row count, metadata (the chart), checks passed; the documents asset's status counts."""
    from playwright.sync_api import expect

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

    page.set_viewport_size({"width": 1600, "height": 2400})
    page.goto(f"{server.base}/assets/documents", wait_until="networkidle")
    expect(page.locator("tr", has_text="status_ok").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "07_documents_overview.png"))


def test_build_all_in_one_click(dagster_ui: Server):
    from playwright.sync_api import expect, sync_playwright

    server, started = dagster_ui, time.monotonic()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=20_000)  # a page renders in well under 5 s, but not on 2 busy cores
    before = {r["runId"] for r in server.runs()}
    expanded = urllib.request.quote(",".join(f"global@global:{g}" for g in GROUPS))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(30_000)
        try:
            page.goto(f"{server.base}/asset-groups?expanded={expanded}", wait_until="networkidle")
            graph = page.locator("foreignObject")
            for name in ("document_shards", "documents", "facts", "release"):
                expect(graph.get_by_text(name, exact=True).first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "01_asset_graph.png"))

            _launch_build_all(page, server)
            clicked = time.monotonic()
            build, started_runs = server.wait("the build_all run", lambda: _build_all_runs(server, before),
                                              RUN_TIMEOUT_S)
            took = time.monotonic() - clicked
            page.reload(wait_until="networkidle")  # the build_all run's page: its log, a line per document
            expect(page.get_by_text("built in", exact=False).first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "03_build_all_run.png"))
            assert build["status"] == "SUCCESS", f"{build}\n{server.tail()}"

            _check_facts_pages(page, server)
            page.set_viewport_size({"width": 1800, "height": 1000})
            page.goto(f"{server.base}/asset-groups?expanded={expanded}", wait_until="networkidle")
            expect(graph.get_by_text("release", exact=True).first).to_be_visible()
            _zoom_graph(page)
            page.screenshot(path=str(ARTIFACTS / "08_asset_graph_after.png"))
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "failure.png"))
            print(server.tail(), file=sys.stderr)
            raise
        finally:
            browser.close()

    # the click's runs: every shard (all partitions) in one, then the tables, their checks and the release
    assert len(started_runs) == 2 and all(r["status"] == "SUCCESS" for r in started_runs), started_runs
    release_run, shard_run = started_runs
    assert (shard_run["tags"][RANGE_START], shard_run["tags"][RANGE_END]) == (shard_keys()[0], shard_keys()[-1])
    names = sorted(p.name for p in server.raw.iterdir())
    facts, documents = server.latest_metadata("facts"), server.latest_metadata("documents")
    assert facts["run"] == documents["run"] == server.latest_metadata("release")["run"] == release_run["runId"]
    assert documents.get("status_ok") == len(names), f"documents not read: {documents.get('not_read')}"
    assert facts.get("dagster/row_count", 0) > 0, facts  # the documents hold numbers; none extracted is a bug
    assert "| stated " in facts.get("by_year_basis", ""), facts  # how each fact's year was decided, counted
    checks = server.check_statuses("facts")
    assert {name: checks.get(name) for name in FACT_CHECKS} == {name: "SUCCEEDED" for name in FACT_CHECKS}, checks
    # each document's shard partition: materialized by the click, naming its own documents only
    for name in names:
        meta = server.latest_metadata("document_shards", shard_of(name))
        assert meta["run"] == shard_run["runId"]
        assert name in meta["document_list"]
        assert not [o for o in names if o in meta["document_list"] and shard_of(o) != shard_of(name)], meta
    print(f"\nUI build_all: succeeded {took:.0f}s after the click (make run before the server: "
          f"{server.make_run_s:.0f}s); test body {time.monotonic() - started:.0f}s")
