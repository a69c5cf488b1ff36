"""How a release ships its data: in the wheel below the size threshold, in a versioned data archive above it
(or on request). The archive and the wheel are byte-identical for the same inputs and written atomically."""
from __future__ import annotations

import hashlib
import json
import zipfile

import pandas as pd
import pytest

from pipeline.publish import archive, release
from pipeline.publish.archive import Distribution, DistributionSettingError
from pipeline.publish.build import publish_tables
from pipeline.publish.frames import frame
from pipeline.publish.wheel import build_wheel
from tests.publish.sample_release import _doc, sample_tables

URL = "https://data.example.org/china-econ-facts/{version}/"


def _publish(wh, dist: Distribution, variant: int = 0) -> release.Release:
    return release.publish(sample_tables(variant), wh, wheel_builder=build_wheel, distribution=dist.plan)


def _names(wheel) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        return [n for n in z.namelist() if "/data/" in n]


def test_auto_mode_follows_the_threshold(tmp_path):
    files = {"facts": tmp_path / "facts.parquet", "documents": tmp_path / "documents.parquet"}
    files["facts"].write_bytes(b"x" * 600_000)
    files["documents"].write_bytes(b"x" * 600_000)  # 1,200,000 bytes ≈ 1.14 MB together
    assert Distribution(threshold_mb=1.2).plan(files, "2.0") == {"mode": "wheel", "parquet_bytes": 1_200_000,
                                                                 "threshold_mb": 1.2}
    over = Distribution(threshold_mb=1.1, base_url=URL).plan(files, "2.0")
    assert over == {"mode": "archive", "parquet_bytes": 1_200_000, "threshold_mb": 1.1,
                    "archive": "china_econ_facts-data-2.0.zip",
                    "url": "https://data.example.org/china-econ-facts/2.0/china_econ_facts-data-2.0.zip"}
    assert Distribution(mode="wheel", threshold_mb=0).plan(files, "2.0")["mode"] == "wheel"
    assert Distribution(mode="archive").plan(files, "2.0")["url"] is None  # no URL configured: the loader asks for one


def test_settings_come_from_the_environment_and_bad_ones_are_named(monkeypatch):
    for name in (archive.ENV_MODE, archive.ENV_THRESHOLD, archive.ENV_URL):
        monkeypatch.delenv(name, raising=False)
    assert Distribution.from_env() == Distribution("auto", 10.0, "")
    monkeypatch.setenv(archive.ENV_MODE, "Archive")
    monkeypatch.setenv(archive.ENV_THRESHOLD, "2.5")
    monkeypatch.setenv(archive.ENV_URL, "https://x.org/d.zip")
    assert Distribution.from_env() == Distribution("archive", 2.5, "https://x.org/d.zip")
    assert archive.archive_url("https://x.org/d.zip", "1.0") == "https://x.org/d.zip"
    monkeypatch.setenv(archive.ENV_MODE, "zip")
    with pytest.raises(DistributionSettingError, match=r"CEF_RELEASE_MODE='zip': expected one of auto, wheel, archive"):
        Distribution.from_env()
    monkeypatch.setenv(archive.ENV_MODE, "auto")
    monkeypatch.setenv(archive.ENV_THRESHOLD, "ten")
    with pytest.raises(DistributionSettingError, match=r"CEF_ARCHIVE_THRESHOLD_MB='ten'"):
        Distribution.from_env()


def test_the_default_release_of_small_data_carries_its_tables(tmp_path, monkeypatch):
    for name in (archive.ENV_MODE, archive.ENV_THRESHOLD, archive.ENV_URL):
        monkeypatch.delenv(name, raising=False)
    rel = publish_tables(sample_tables(0), tmp_path)
    assert rel.manifest["distribution"]["mode"] == "wheel" and rel.archive is None
    assert "china_econ_facts/data/parquet/facts.parquet" in _names(rel.wheel)
    assert "nothing is downloaded" in (rel.path / "README.md").read_text()


def test_an_archive_release_is_reproducible_and_its_wheel_carries_no_tables(tmp_path):
    dist = Distribution(mode="archive", base_url=URL)
    a, b = _publish(tmp_path / "a", dist), _publish(tmp_path / "b", dist)
    assert a.archive.name == "china_econ_facts-data-1.0.zip" and a.archive.parent == a.path / "dist"
    assert a.archive.read_bytes() == b.archive.read_bytes()
    assert a.wheel.read_bytes() == b.wheel.read_bytes()
    names = _names(a.wheel)
    assert not [n for n in names if n.endswith(".parquet")] and "china_econ_facts/data/archive.json" in names
    with zipfile.ZipFile(a.wheel) as z:
        info = json.loads(z.read("china_econ_facts/data/archive.json"))
        assert z.read("china_econ_facts/data/datapackage.json") == (a.path / "datapackage.json").read_bytes()
    sha = hashlib.sha256(a.archive.read_bytes()).hexdigest()
    assert info == {"archive": a.archive.name, "bytes": a.archive.stat().st_size, "sha256": sha, "version": "1.0",
                    "release_id": a.release_id, "url": URL.format(version="1.0") + a.archive.name}
    assert (a.path / "dist" / f"{a.archive.name}.sha256").read_text() == f"{sha}  {a.archive.name}\n"
    with zipfile.ZipFile(a.archive) as z:  # a release directory in one file: the loader can read it unpacked
        assert sorted(z.namelist()) == sorted(["CHANGELOG.md", "CITATION.cff", "README.md", "changelog.json",
                                               "datapackage.json", "manifest.json",
                                               *(f"parquet/{p.name}" for p in (a.path / "parquet").iterdir())])
        for name in z.namelist():
            assert z.getinfo(name).compress_type == zipfile.ZIP_STORED
            assert z.read(name) == (a.path / name).read_bytes()
    card = (a.path / "README.md").read_text()
    assert f"they are in `{a.archive.name}`, fetched on first use from <{info['url']}>" in card
    assert a.manifest["distribution"]["mode"] == "archive"
    assert (tmp_path / "a" / "dist" / a.archive.name).is_file()  # through the warehouse's fixed dist link


def test_a_crash_while_writing_the_archive_leaves_the_previous_release(tmp_path, monkeypatch):
    first = _publish(tmp_path, Distribution(mode="archive"))
    before = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "releases").rglob("*") if p.is_file()}

    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash while writing the archive")

    monkeypatch.setattr(archive, "write_archive", crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        _publish(tmp_path, Distribution(mode="archive"), variant=1)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "releases").rglob("*") if p.is_file()}
    assert after == before and release.current_release(tmp_path) == first.path


def _many_documents(n: int) -> dict:
    """The sample tables plus n unreadable PDFs (documents rows without facts)."""
    tables = sample_tables(0)
    extra = [_doc(f"d_{i:04d}", f"scan_{i:04d}.pdf", "", None, 0, fmt="pdf", status="no_text_layer",
                  error="no text layer on any page (scanned?)") | {"encoding": None} for i in range(n)]
    tables["documents"] = pd.concat([tables["documents"], frame("documents", extra)], ignore_index=True)
    return tables


def test_what_the_archive_mode_wheel_carries_does_not_grow_with_the_corpus(tmp_path):
    dist = Distribution(mode="archive")
    sizes = {}
    for n in (250, 750):  # both past the card's and the changelog's caps
        rel = publish_tables(_many_documents(n), tmp_path / str(n), dist)
        with zipfile.ZipFile(rel.wheel) as z:
            shipped = {name.removeprefix("china_econ_facts/data/"): z.read(name) for name in z.namelist()
                       if "/data/" in name}
        assert {"CHANGELOG.md", "README.md", "archive.json", "datapackage.json", "manifest.json"} <= set(shipped)
        assert "changelog.json" not in shipped and not [name for name in shipped if name.endswith(".parquet")]
        manifest = json.loads(shipped["manifest.json"])
        assert "sources" not in manifest and manifest["version"] == rel.version
        assert len(json.loads((rel.path / "manifest.json").read_text())["sources"]) == n + 2  # the archive has them
        dp = json.loads(shipped["datapackage.json"])
        assert dp["source_count"] == n + 2 and len(dp["sources"]) == 1
        card = shipped["README.md"].decode()
        assert "### By document" not in card and f"{n + 2} source documents" in card
        sizes[n] = sum(map(len, shipped.values()))
    assert "… and 700 more: the `documents` rows whose `status` is not `ok`." in card
    assert abs(sizes[750] - sizes[250]) < 100, sizes  # three times the documents: a few digits more


def test_the_same_data_in_another_mode_is_the_next_version(tmp_path):
    """A wheel of 1.0 with the data inside may already be on the index, which takes no second 1.0."""
    wheel = _publish(tmp_path, Distribution(mode="wheel"))
    archived = _publish(tmp_path, Distribution(mode="archive", base_url=URL))
    assert (wheel.version, archived.version) == ("1.0", "1.1")
    assert archived.manifest["data_sha256"] == wheel.manifest["data_sha256"]
    assert archived.archive.name == "china_econ_facts-data-1.1.zip" and archived.manifest["previous_version"] == "1.0"
    again = _publish(tmp_path, Distribution(mode="archive", base_url=URL))
    assert (again.version, again.path) == ("1.1", archived.path)  # same data, same packaging: kept as it is
    moved = _publish(tmp_path, Distribution(mode="archive", base_url="https://mirror.example.org/"))
    assert moved.version == "1.2" and json.loads((moved.path / "manifest.json").read_text())["distribution"]["url"] \
        == "https://mirror.example.org/china_econ_facts-data-1.2.zip"
