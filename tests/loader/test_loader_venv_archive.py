"""The archive-mode wheel installed into a fresh virtual environment with only its own dependencies: the first
load fetches the data archive from a local HTTP server once, later loads (other processes) need no server, and a
damaged archive is refused with one line naming it."""
from __future__ import annotations

import json
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from tests.loader.http_server import StaticServer
from tests.loader.test_loader_venv import cli, run

pytestmark = pytest.mark.slow

LOAD = textwrap.dedent("""
    import json, time
    import china_econ_facts as cef
    assert "site-packages" in cef.__file__, cef.__file__
    t = time.perf_counter()
    files = cef.fetch()
    seconds = time.perf_counter() - t
    facts = cef.load("facts")
    print(json.dumps({"facts": len(facts), "verify": cef.verify().ok, "files": str(files),
                      "docs": cef.query("SELECT count(*) AS n FROM documents")["n"].tolist(), "seconds": seconds}))
""")


def _env(tmp_path: Path, url: str) -> dict:
    return {"CHINA_ECON_FACTS_URL": url, "CHINA_ECON_FACTS_CACHE": str(tmp_path / "cache"),
            "NO_PROXY": "127.0.0.1,localhost"}


def test_the_wheel_carries_no_tables(archive_release):
    with zipfile.ZipFile(archive_release.wheel) as z:
        names = z.namelist()
    assert "china_econ_facts/data/archive.json" in names and "china_econ_facts/data/datapackage.json" in names
    assert not [n for n in names if n.endswith(".parquet")]


def test_fetched_once_then_read_offline(archive_venv, archive_release, tmp_path):
    (tmp_path / "load.py").write_text(LOAD)
    with StaticServer(archive_release.archive.parent) as srv:
        started = time.perf_counter()
        first = json.loads(run(archive_venv, "python", "load.py", cwd=tmp_path, env=_env(tmp_path, srv.url)).stdout)
        first_wall = time.perf_counter() - started
        assert srv.requests == [f"/{archive_release.archive.name}"]
    assert first["facts"] == 3 and first["docs"] == [3] and first["verify"] is True
    assert Path(first["files"]).parent == tmp_path / "cache"
    # the server is stopped: a second process reads the cache
    started = time.perf_counter()
    second = json.loads(run(archive_venv, "python", "load.py", cwd=tmp_path, env=_env(tmp_path, srv.url)).stdout)
    second_wall = time.perf_counter() - started
    assert second == {**first, "seconds": second["seconds"]}
    out = cli(archive_venv, "sql", "SELECT count(*) AS n FROM facts", "--format", "csv", cwd=tmp_path,
              env=_env(tmp_path, srv.url)).stdout
    assert out.split() == ["n", "3"]
    assert f"all {len(archive_release.parquet)} data files match" in cli(archive_venv, "verify", cwd=tmp_path, env=_env(tmp_path, srv.url)).stdout
    print(f"\nfetch(): first {first['seconds'] * 1000:.0f} ms, cached {second['seconds'] * 1000:.1f} ms; "
          f"whole process {first_wall:.2f} s / {second_wall:.2f} s")


def test_a_damaged_archive_fails_with_one_line(archive_venv, archive_release, tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    data = bytearray(archive_release.archive.read_bytes())
    data[100:104] = b"XXXX"
    (served / archive_release.archive.name).write_bytes(bytes(data))
    with StaticServer(served) as srv:
        proc = cli(archive_venv, "sql", "SELECT count(*) FROM facts", cwd=tmp_path, env=_env(tmp_path, srv.url),
                   check=False)
        code = "import china_econ_facts as cef\ntry:\n    cef.load('facts')\nexcept cef.ArchiveDamagedError as e:\n" \
               "    print(type(e).__name__, e.expected)\n"
        api = run(archive_venv, "python", "-c", code, cwd=tmp_path, env=_env(tmp_path, srv.url)).stdout
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [line for line in proc.stderr.splitlines() if not line.startswith("Downloading data from")]
    assert errors[0].startswith(f"error: the data archive from {srv.url}{archive_release.archive.name} is damaged: "
                                f"sha256 ") and "Traceback" not in proc.stderr
    assert api.split() == ["ArchiveDamagedError", _archive_sha(archive_release)]
    assert not any((tmp_path / "cache").rglob("*.parquet")) and not any((tmp_path / "cache").rglob("*.zip"))


def _archive_sha(rel) -> str:
    return (rel.archive.parent / f"{rel.archive.name}.sha256").read_text().split()[0]
