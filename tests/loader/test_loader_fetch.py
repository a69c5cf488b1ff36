"""A release whose tables are in a data archive: the first read fetches it from a local HTTP server once, checks
its sha256 and unpacks it into the cache; later reads need no server; a damaged archive is refused by name.
Run in this process against the unzipped data dir of an archive-mode wheel (the venv test repeats the essentials
from the installed wheel)."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile

import pyarrow.parquet as pq
import pytest

from tests.loader.http_server import StaticServer
from tests.publish.test_publish_datapackage import FRICTIONLESS


@pytest.fixture
def server(archive_release):
    with StaticServer(archive_release.archive.parent) as srv:
        yield srv


def _cache(monkeypatch_env_path) -> list[str]:
    return sorted(p.name for p in monkeypatch_env_path.iterdir()) if monkeypatch_env_path.exists() else []


def test_the_first_read_fetches_once_and_later_reads_need_no_server(archive_package, archive_release, server,
                                                                    monkeypatch, tmp_path):
    cef = archive_package
    monkeypatch.setenv("CHINA_ECON_FACTS_URL", server.url)
    assert sorted(cef.tables()) == sorted(archive_release.parquet)  # metadata only: nothing fetched
    assert server.requests == []
    facts = cef.load("facts")
    assert server.requests == [f"/{archive_release.archive.name}"]
    assert facts["fact_id"].tolist() == pq.read_table(archive_release.parquet["facts"]).column("fact_id").to_pylist()
    unpacked = tmp_path / "cache" / f"{archive_release.version}-{_sha(archive_release.archive)[:16]}"
    assert cef.fetch() == unpacked
    assert (unpacked / "parquet" / "facts.parquet").read_bytes() == archive_release.parquet["facts"].read_bytes()
    assert _cache(tmp_path / "cache" / "downloads") == []  # the archive is removed once unpacked
    assert cef.verify().ok and len(cef.verify().files) == len(archive_release.parquet)
    assert cef.query("SELECT count(*) AS n FROM documents")["n"].tolist() == [3]
    assert cef.describe("facts")["arrow_type"].tolist()[:2] == ["string", "string"]
    assert len(server.requests) == 1
    server.stop()
    monkeypatch.setenv("CHINA_ECON_FACTS_URL", "http://127.0.0.1:9/gone/")  # and the URL no longer works
    assert len(cef.load("table_cells")) == 4 and cef.connect().sql("SELECT count(*) FROM facts").fetchall() == [(3,)]


def test_the_url_recorded_in_the_package_is_the_default(archive_package, archive_release, server):
    cef = archive_package
    info_path = cef.data_dir() / "archive.json"
    info = json.loads(info_path.read_text())
    assert info["url"] == f"http://127.0.0.1:9/releases/{archive_release.version}/{archive_release.archive.name}"
    info_path.write_text(json.dumps({**info, "url": server.url + "{version}.zip"}))
    shutil.copyfile(archive_release.archive, archive_release.archive.parent / f"{archive_release.version}.zip")
    try:
        assert len(cef.load("documents")) == 3
    finally:
        (archive_release.archive.parent / f"{archive_release.version}.zip").unlink()
    assert server.requests == [f"/{archive_release.version}.zip"]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_archive_is_refused_and_nothing_is_cached(archive_package, archive_release, monkeypatch, tmp_path):
    cef = archive_package
    bad_dir = tmp_path / "served"
    bad_dir.mkdir()
    data = bytearray(archive_release.archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (bad_dir / archive_release.archive.name).write_bytes(bytes(data))
    with StaticServer(bad_dir) as srv:
        monkeypatch.setenv("CHINA_ECON_FACTS_URL", srv.url)
        with pytest.raises(cef.ArchiveDamagedError) as err:
            cef.load("facts")
    expected = _sha(archive_release.archive)
    assert (err.value.url, err.value.expected) == (srv.url + archive_release.archive.name, expected)
    assert err.value.actual == hashlib.sha256(bytes(data)).hexdigest()
    assert str(err.value).startswith(f"the data archive from {srv.url}{archive_release.archive.name} is damaged: "
                                     f"sha256 {err.value.actual} expected {expected}; nothing was cached")
    assert isinstance(err.value, cef.DatasetError)
    assert _cache(tmp_path / "cache") in ([], ["downloads"]) and _cache(tmp_path / "cache" / "downloads") == []
    with StaticServer(archive_release.archive.parent) as srv:  # a good copy afterwards is fetched as usual
        monkeypatch.setenv("CHINA_ECON_FACTS_URL", srv.url)
        assert len(cef.load("facts")) == 3


def test_no_url_a_missing_archive_and_no_server_are_each_named(archive_package, archive_release, monkeypatch,
                                                               tmp_path):
    cef = archive_package
    info_path = cef.data_dir() / "archive.json"
    info_path.write_text(json.dumps({**json.loads(info_path.read_text()), "url": None}))
    with pytest.raises(cef.ArchiveDownloadError, match=r"not inside the package, and no URL is configured: set "
                                                       r"CHINA_ECON_FACTS_URL"):
        cef.load("facts")
    with StaticServer(tmp_path) as srv:  # serves a directory without the archive
        monkeypatch.setenv("CHINA_ECON_FACTS_URL", srv.url)
        with pytest.raises(cef.ArchiveDownloadError, match=rf"cannot download the data archive {srv.url}\S+ "
                                                           r"\(HTTPError: 404"):
            cef.connect()
    with pytest.raises(cef.ArchiveDownloadError, match=r"\(ConnectionError: "):
        cef.verify()  # the server is gone now
    monkeypatch.setenv("CHINA_ECON_FACTS_URL", f"file://{archive_release.archive.parent}/")
    with pytest.raises(cef.ArchiveDownloadError, match=r"cannot download the data archive file://\S+: .*protocol"):
        cef.load("facts")
    assert _cache(tmp_path / "cache" / "downloads") == []


def test_a_damaged_file_in_the_cache_is_named_with_the_fix(archive_package, archive_release, server, monkeypatch):
    cef = archive_package
    monkeypatch.setenv("CHINA_ECON_FACTS_URL", server.url)
    facts = cef.fetch() / "parquet" / "facts.parquet"
    facts.write_bytes(facts.read_bytes()[:-10] + b"corrupted!")
    with pytest.raises(cef.DataFileError, match=rf"^parquet/facts\.parquet is damaged: sha256 [0-9a-f]{{64}} expected "
                                                rf"[0-9a-f]{{64}}; delete {facts.parents[1]} to fetch the archive again$"):
        cef.load("facts")
    assert [f.path for f in cef.verify().bad] == ["parquet/facts.parquet"]
    shutil.rmtree(facts.parents[1])
    assert len(cef.load("facts")) == 3 and len(server.requests) == 2


def test_an_unpacked_archive_is_a_release_directory(archive_package, archive_release, monkeypatch, tmp_path):
    """CHINA_ECON_FACTS_DATA pointed at the unpacked archive reads it in place (no URL, no cache), and its
    descriptor passes `frictionless validate` against the Parquet files next to it."""
    cef = archive_package
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(archive_release.archive) as z:
        z.extractall(unpacked)
    monkeypatch.setenv("CHINA_ECON_FACTS_DATA", str(unpacked))
    assert cef.fetch() == unpacked and len(cef.load("facts")) == 3 and cef.verify().ok
    assert cef.info()["sources"] == 3 and not (tmp_path / "cache").exists()
    proc = subprocess.run([str(FRICTIONLESS), "validate", "--json", "datapackage.json"], cwd=unpacked,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["valid"] is True, proc.stdout[-3000:]
