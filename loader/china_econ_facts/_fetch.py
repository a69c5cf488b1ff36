"""Where the data files are: inside the package (small releases), or in a data archive fetched once into a
local cache (large releases, whose package carries only data/archive.json and the docs).

The archive is downloaded with pooch, which writes it aside and keeps it only if its SHA-256 matches the one in
archive.json; it is then unpacked aside and renamed into place, so the cache holds either a whole release or
nothing. The unpacked directory is what later loads read (no network, no re-download); each file is still checked
against its SHA-256 in datapackage.json before it is read, as for the data inside the package.

    CHINA_ECON_FACTS_URL    where the archive is: a base URL (the archive's name is appended, {version} is filled
                            in) or the archive's own URL. Default: the URL the release was published with.
    CHINA_ECON_FACTS_CACHE  the cache directory. Default: the user cache dir (~/.cache/china-econ-facts on Linux).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import uuid
import zipfile
from pathlib import Path

from ._data import DatasetError, data_dir

ENV_URL, ENV_CACHE = "CHINA_ECON_FACTS_URL", "CHINA_ECON_FACTS_CACHE"
ARCHIVE_JSON = "archive.json"


class ArchiveError(DatasetError):
    """The release's data archive could not be fetched or unpacked."""


class ArchiveDownloadError(ArchiveError):
    """The archive could not be downloaded (no URL configured, server unreachable, HTTP error)."""


class ArchiveDamagedError(ArchiveError):
    """The downloaded archive's SHA-256 differs from the one the package records: it is not this release's data."""

    def __init__(self, url: str, expected: str, actual: str | None):
        self.url, self.expected, self.actual = url, expected, actual
        got = f"sha256 {actual}" if actual else "a different sha256"
        super().__init__(f"the data archive from {url} is damaged: {got} expected {expected}; nothing was "
                         f"cached (fix the copy at that URL, or set {ENV_URL} to a good mirror)")


def archive_info() -> dict | None:
    """data/archive.json of an archive-mode package, or None when the data files are in data_dir()."""
    path = data_dir() / ARCHIVE_JSON
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def cache_dir() -> Path:
    override = os.environ.get(ENV_CACHE)
    if override:
        return Path(override)
    import pooch  # imported here: the package imports quickly and a wheel-mode install never needs it

    return Path(pooch.os_cache("china-econ-facts"))


def archive_url(info: dict) -> str | None:
    base = os.environ.get(ENV_URL) or info.get("url")
    if not base:
        return None
    base = base.replace("{version}", info["version"])
    return base if base.endswith(".zip") else base.rstrip("/") + "/" + info["archive"]


def release_cache(info: dict) -> Path:
    """The unpacked release in the cache; its name changes with the archive's bytes."""
    return cache_dir() / f"{info['version']}-{info['sha256'][:16]}"


def files_dir() -> Path:
    """The directory that holds parquet/*.parquet: data_dir() itself, or the unpacked archive (fetched now if
    it is not in the cache yet)."""
    info = archive_info()
    if info is None:
        return data_dir()
    target = release_cache(info)
    if not target.is_dir():
        archive = _download(info)
        try:
            _unpack(archive, target)
        except FileNotFoundError:  # another process fetching the same release unpacked it and removed the download
            if not target.is_dir():
                raise
    return target


def fetch() -> Path:
    """Make sure the data files are on this machine and return their directory. For a package that carries its
    data this is ``data_dir()``; for a large release it downloads the data archive once (from
    ``$CHINA_ECON_FACTS_URL`` or the URL it was published with), checks its SHA-256 and unpacks it into the cache
    (``$CHINA_ECON_FACTS_CACHE``). Every read does this on its own; call it to fetch ahead, e.g. before going
    offline. Raises ArchiveDownloadError or ArchiveDamagedError (nothing cached) when that fails."""
    return files_dir()


def repair_hint() -> str | None:
    """How to get good data files back in archive mode (None: the package's own data)."""
    info = archive_info()
    return f"delete {release_cache(info)} to fetch the archive again" if info else None


def _download(info: dict) -> Path:
    import pooch
    import requests

    url = archive_url(info)
    if url is None:
        raise ArchiveDownloadError(f"this release's data is in {info['archive']}, which is not inside the package, "
                                   f"and no URL is configured: set {ENV_URL} to where it is published "
                                   f"(or CHINA_ECON_FACTS_DATA to an unpacked copy)")
    downloads = cache_dir() / "downloads"
    try:
        path = pooch.retrieve(url, known_hash=f"sha256:{info['sha256']}", fname=info["archive"], path=downloads)
    except ValueError as e:  # a hash mismatch (pooch has already deleted the download), or a URL it cannot use
        found = re.search(r"hash of downloaded file .* but got ([0-9a-f]{64})", str(e))
        if found is None:
            raise ArchiveDownloadError(f"cannot download the data archive {url}: {e}") from None
        raise ArchiveDamagedError(url, info["sha256"], found.group(1)) from None
    except (requests.RequestException, OSError) as e:
        raise ArchiveDownloadError(f"cannot download the data archive {url} ({type(e).__name__}: {e}); "
                                   f"set {ENV_URL} to a reachable copy") from None
    return Path(path)


def _unpack(archive: Path, target: Path) -> None:
    """Unpack aside, then rename into place; the archive itself is removed once it is unpacked."""
    tmp = target.with_name(f".tmp-{uuid.uuid4().hex[:8]}")
    try:
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():  # written by the publish step; refuse anything that would land elsewhere
                if name.startswith("/") or ".." in Path(name).parts:
                    raise ArchiveError(f"{archive} holds an unsafe path {name!r}")
            z.extractall(tmp)
        try:
            os.replace(tmp, target)
        except OSError:  # another process unpacked the same release first
            if not target.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    archive.unlink(missing_ok=True)
