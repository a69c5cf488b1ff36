"""A release with a wheel (built once per session), and a fresh virtual environment with only that wheel and
its own dependencies, resolved from the registry under the repository's lock."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.publish import release
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
