"""A release with a wheel (built once per session), and a fresh virtual environment with only that wheel and
its own dependencies, resolved from the registry under the repository's lock."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.publish import release
from pipeline.publish.archive import Distribution
from pipeline.publish.wheel import build_wheel
from tests.loader.venv_env import clean_env
from tests.publish.sample_release import sample_tables

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".venv" / "bin" / "uv"


@pytest.fixture(scope="session")
def built_release(tmp_path_factory) -> release.Release:
    """Two releases in one warehouse, so the current one has a real changelog."""
    wh = tmp_path_factory.mktemp("warehouse")
    release.publish(sample_tables(0), wh, wheel_builder=build_wheel)
    return release.publish(sample_tables(1), wh, wheel_builder=build_wheel,
                           manifest_extra={"extractor_version": "test-extractor"})


@pytest.fixture
def release_data(built_release, monkeypatch):
    """The loader from loader/ (not installed), reading the release directory through its env override."""
    monkeypatch.setenv("CHINA_ECON_FACTS_DATA", str(built_release.path))
    monkeypatch.syspath_prepend(str(ROOT / "loader"))
    import china_econ_facts
    return china_econ_facts


@pytest.fixture(scope="session")
def loader_venv(built_release, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("loader-venv") / "venv"
    subprocess.run([str(UV), "venv", "-q", str(venv), "-p", sys.executable], check=True, env=clean_env())
    # bytecode compiled once here, else every CLI call below recompiles pandas (PYTHONDONTWRITEBYTECODE is set)
    subprocess.run([str(UV), "pip", "install", "-q", "--compile-bytecode", str(built_release.wheel),
                    "-c", str(ROOT / "requirements.lock")],
                   check=True, env=clean_env(VIRTUAL_ENV=str(venv)), timeout=300)
    return venv


@pytest.fixture(scope="session")
def archive_release(tmp_path_factory) -> release.Release:
    """A release built in archive mode: the wheel carries the docs and archive.json, the tables are in
    dist/china_econ_facts-data-<version>.zip. The recorded URL is unreachable on purpose (port 9, discard): tests
    point the loader at their own server with CHINA_ECON_FACTS_URL, or rewrite archive.json to test the default."""
    wh = tmp_path_factory.mktemp("archive-warehouse")
    plan = Distribution(mode="archive", base_url="http://127.0.0.1:9/releases/{version}/").plan
    return release.publish(sample_tables(1), wh, wheel_builder=build_wheel, distribution=plan)


@pytest.fixture
def archive_package(archive_release, tmp_path, monkeypatch):
    """The loader from loader/ reading the data dir of the archive-mode wheel (unzipped), with its own cache."""
    data = tmp_path / "package-data"
    with zipfile.ZipFile(archive_release.wheel) as z:
        for name in z.namelist():
            if name.startswith("china_econ_facts/data/"):
                (data / name.removeprefix("china_econ_facts/data/")).parent.mkdir(parents=True, exist_ok=True)
                (data / name.removeprefix("china_econ_facts/data/")).write_bytes(z.read(name))
    monkeypatch.setenv("CHINA_ECON_FACTS_DATA", str(data))
    monkeypatch.setenv("CHINA_ECON_FACTS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CHINA_ECON_FACTS_URL", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")  # a proxy set on the machine must not see these requests
    monkeypatch.syspath_prepend(str(ROOT / "loader"))
    import china_econ_facts
    return china_econ_facts


@pytest.fixture(scope="session")
def archive_venv(archive_release, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("archive-venv") / "venv"
    subprocess.run([str(UV), "venv", "-q", str(venv), "-p", sys.executable], check=True, env=clean_env())
    subprocess.run([str(UV), "pip", "install", "-q", "--compile-bytecode", str(archive_release.wheel),
                    "-c", str(ROOT / "requirements.lock")],
                   check=True, env=clean_env(VIRTUAL_ENV=str(venv)), timeout=300)
    return venv
