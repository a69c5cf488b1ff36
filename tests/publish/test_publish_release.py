"""Release identity, changelog and atomicity: publish small hand-made tables into temporary warehouses."""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from pipeline.publish import release, version
from pipeline.publish.wheel import build_wheel
from tests.publish.sample_release import changed_fact_ids, sample_tables

SHIPPED = ("parquet/documents.parquet", "parquet/facts.parquet", "parquet/table_cells.parquet",
           "datapackage.json", "README.md", "CHANGELOG.md", "changelog.json", "manifest.json")


def _digests(rel: release.Release) -> dict[str, str]:
    return {name: hashlib.sha256((rel.path / name).read_bytes()).hexdigest() for name in SHIPPED}


def _wheel_data(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as z:
        return {n: z.read(n) for n in z.namelist() if "/data/" in n}


def _vary(tables, value: float):
    tables["facts"].loc[0, "value"] = value
    return tables


def test_same_inputs_give_same_version_and_identical_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the release date is an input (CITATION.cff, card)
    a = release.publish(sample_tables(0), tmp_path / "a", wheel_builder=build_wheel)
    b = release.publish(sample_tables(0), tmp_path / "b", wheel_builder=build_wheel)
    assert a.version == b.version == "1.0"
    assert _digests(a) == _digests(b)
    assert a.wheel.name == b.wheel.name == "china_econ_facts-1.0-py3-none-any.whl"
    assert _wheel_data(a.wheel) == _wheel_data(b.wheel)
    assert a.wheel.read_bytes() == b.wheel.read_bytes()  # hatchling builds reproducibly


def test_republishing_the_same_data_keeps_the_current_release(tmp_path):
    first = release.publish(sample_tables(0), tmp_path)
    before = _digests(first)
    again = release.publish(sample_tables(0), tmp_path, manifest_extra={"extractor_version": "other"})
    assert (again.version, again.path) == (first.version, first.path)
    assert _digests(again) == before
    assert len((tmp_path / "releases" / version.HISTORY).read_text().splitlines()) == 1


def test_changed_input_gives_higher_version_and_changelog_naming_the_facts(tmp_path):
    old = release.publish(sample_tables(0), tmp_path)
    new = release.publish(sample_tables(1), tmp_path, wheel_builder=build_wheel)
    assert version.parse(new.version) > version.parse(old.version)
    changed, removed = changed_fact_ids()
    log = json.loads((new.path / "changelog.json").read_text())
    assert log["previous_version"] == old.version
    assert log["facts"]["removed"] == [removed]
    assert log["facts"]["added"] == []
    assert [c["fact_id"] for c in log["facts"]["changed"]] == [changed]
    assert log["facts"]["changed"][0]["columns"]["value"] == [5.2, 5.3]
    assert log["documents"]["added"] == ["002_bad.pdf"]
    md = (tmp_path / "CHANGELOG.md").read_text()  # kept in the warehouse, through the fixed link
    assert changed in md and removed in md and f"## {new.version}" in md and f"## {old.version}" in md
    shipped = _wheel_data(new.wheel)
    assert changed.encode() in shipped["china_econ_facts/data/CHANGELOG.md"]
    assert removed.encode() in shipped["china_econ_facts/data/changelog.json"]
    for name in ("datapackage.json", "README.md", "manifest.json", "parquet/facts.parquet"):
        assert shipped[f"china_econ_facts/data/{name}"] == (new.path / name).read_bytes()


def test_reverting_the_data_still_moves_the_version_forward(tmp_path):
    versions = [release.publish(sample_tables(v), tmp_path).version for v in (0, 1, 0)]
    assert versions == ["1.0", "1.1", "1.2"]


def test_versions_keep_counting_after_old_releases_are_pruned(tmp_path):
    versions = [release.publish(_vary(sample_tables(0), 1e9 + i), tmp_path).version for i in range(5)]
    assert versions == [f"1.{i}" for i in range(5)]
    kept = [p for p in (tmp_path / "releases").iterdir() if p.is_dir()]
    assert len(kept) == release.DEFAULT_KEEP_RELEASES
    assert release.publish(sample_tables(0), tmp_path).version == "1.5"


def test_keep_releases_is_a_setting_and_pruning_says_what_it_deleted(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CEF_KEEP_RELEASES", "2")
    rels = [release.publish(_vary(sample_tables(0), 1e9 + i), tmp_path) for i in range(4)]
    assert [r.pruned for r in rels] == [[], [], [rels[0].path.name], [rels[1].path.name]]
    assert sorted(p.name for p in (tmp_path / "releases").iterdir() if p.is_dir()) == sorted(
        r.path.name for r in rels[2:])
    err = capsys.readouterr().err
    assert f"pruned old release {rels[0].path.name} (keeping the 2 newest; set CEF_KEEP_RELEASES" in err
    assert f"pruned old release {rels[1].path.name}" in err and rels[2].path.name not in err


@pytest.mark.parametrize("bad", ["0", "-1", "three", "2.5"])
def test_a_bad_keep_releases_setting_stops_before_writing(tmp_path, monkeypatch, bad):
    good = release.publish(sample_tables(0), tmp_path)
    monkeypatch.setenv("CEF_KEEP_RELEASES", bad)
    with pytest.raises(ValueError, match="CEF_KEEP_RELEASES"):
        release.publish(_vary(sample_tables(0), 2e9), tmp_path)
    assert release.current_release(tmp_path) == good.path
    assert [p.name for p in (tmp_path / "releases").iterdir() if p.is_dir()] == [good.path.name]


def test_manifest_records_sources_and_extractor(tmp_path):
    rel = release.publish(sample_tables(0), tmp_path, manifest_extra={"extractor_version": "abc123"})
    manifest = json.loads((rel.path / "manifest.json").read_text())
    assert manifest["extractor_version"] == "abc123"
    assert manifest["version"] == rel.version and manifest["data_sha256"].startswith(rel.release_id)
    dp = json.loads((rel.path / "datapackage.json").read_text())
    docs = sample_tables(0)["documents"]
    assert {s["path"]: s["sha256"] for s in dp["sources"]} == {f"raw/{p}": s for p, s in zip(docs["path"], docs["sha256"])}
    assert dp["extractor_version"] == "abc123"


def test_a_failing_wheel_build_leaves_the_previous_release_current(tmp_path):
    good = release.publish(sample_tables(0), tmp_path)

    def broken(*_):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        release.publish(sample_tables(1), tmp_path, wheel_builder=broken)
    assert release.current_release(tmp_path) == good.path.resolve()
    assert not [p for p in (tmp_path / "releases").iterdir() if p.name.startswith(".tmp")]
    assert release.publish(sample_tables(1), tmp_path).version == "1.1"  # the failed attempt used no number


def test_a_failing_database_write_on_its_thread_fails_the_release_and_leaves_nothing(tmp_path, monkeypatch):
    """The DuckDB file is written on another thread while the documents and the wheel are: its failure still
    stops the release, and the release directory is removed only after that thread is done."""
    good = release.publish(sample_tables(0), tmp_path)

    def broken(db_path, files):
        db_path.write_bytes(b"half a database")
        raise RuntimeError("disk full")

    monkeypatch.setattr(release.duckdb_db, "write_database", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        release.publish(sample_tables(1), tmp_path)
    assert release.current_release(tmp_path) == good.path.resolve()
    assert not [p for p in (tmp_path / "releases").iterdir() if p.name.startswith(".tmp")]
