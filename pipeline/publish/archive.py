"""How a release ships its data: inside the wheel (small releases) or as a separate, versioned data archive that
the loader fetches once into a local cache (large ones), so that `pip install china-econ-facts` stays small.

Settings (environment variables, read when the release step runs; or pass a Distribution to publish_tables):

    CEF_RELEASE_MODE           auto (default) | wheel | archive
    CEF_ARCHIVE_THRESHOLD_MB   auto mode ships an archive once the Parquet files exceed this size (default 10)
    CEF_ARCHIVE_URL            where the archive will be published: a base URL (the archive's file name is
                               appended) that may contain {version}; baked into the wheel as the default source.
                               The loader's CHINA_ECON_FACTS_URL overrides it at run time.

The archive, dist/china_econ_facts-data-<version>.zip, is a release directory in one file: parquet/*.parquet and
the docs (datapackage.json, manifest.json, README.md, CHANGELOG.md, changelog.json). Its entries are stored, not
deflated (Parquet is already zstd-compressed), sorted, with fixed timestamps and permissions: the same release
gives a byte-identical archive. Its SHA-256 goes into the wheel (china_econ_facts/data/archive.json) and beside
the archive (dist/<archive>.sha256, the format `sha256sum -c` reads)."""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .datapackage import sha256_file

ENV_MODE, ENV_THRESHOLD, ENV_URL = "CEF_RELEASE_MODE", "CEF_ARCHIVE_THRESHOLD_MB", "CEF_ARCHIVE_URL"
MODES = ("auto", "wheel", "archive")
# PyPI refuses files over 100 MB by default; 10 MB of Parquet keeps the install quick (≈ 20,000 short documents)
DEFAULT_THRESHOLD_MB = 10.0
# the docs that travel with the data, in the wheel and in the archive
DOCS = ("datapackage.json", "manifest.json", "README.md", "CHANGELOG.md", "changelog.json", "CITATION.cff")
# any fixed time works; the same as the wheel's SOURCE_DATE_EPOCH (2026-01-01T00:00:00Z)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


class DistributionSettingError(ValueError):
    """A release-mode setting that is not understood."""


def archive_name(version: str) -> str:
    return f"china_econ_facts-data-{version}.zip"


@dataclass(frozen=True)
class Distribution:
    mode: str = "auto"
    threshold_mb: float = DEFAULT_THRESHOLD_MB
    base_url: str = ""

    def __post_init__(self):
        if self.mode not in MODES:
            raise DistributionSettingError(f"{ENV_MODE}={self.mode!r}: expected one of {', '.join(MODES)}")
        if not self.threshold_mb >= 0:
            raise DistributionSettingError(f"{ENV_THRESHOLD}={self.threshold_mb!r}: expected a size in MB >= 0")

    @classmethod
    def from_env(cls) -> Distribution:
        raw = os.environ.get(ENV_THRESHOLD, "").strip()
        try:
            threshold = float(raw) if raw else DEFAULT_THRESHOLD_MB
        except ValueError:
            raise DistributionSettingError(f"{ENV_THRESHOLD}={raw!r}: expected a size in MB") from None
        return cls(mode=os.environ.get(ENV_MODE, "").strip().lower() or "auto", threshold_mb=threshold,
                   base_url=os.environ.get(ENV_URL, "").strip())

    def plan(self, parquet_files: dict[str, Path], version: str) -> dict:
        """The manifest's "distribution" entry for these files: which mode, and for an archive its name and URL."""
        size = sum(p.stat().st_size for p in parquet_files.values())
        archived = self.mode == "archive" or (self.mode == "auto" and size > self.threshold_mb * 1024 * 1024)
        out = {"mode": "archive" if archived else "wheel", "parquet_bytes": size, "threshold_mb": self.threshold_mb}
        if archived:
            name = archive_name(version)
            out |= {"archive": name, "url": archive_url(self.base_url, version)}
        return out


def archive_url(base_url: str, version: str) -> str | None:
    """base_url with {version} filled in and the archive's name appended; None when no URL is configured."""
    if not base_url:
        return None
    base = base_url.replace("{version}", version)
    return base if base.endswith(".zip") else base.rstrip("/") + "/" + archive_name(version)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.create_system = 3  # unix, whatever machine builds it
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_STORED
    return info


def write_archive(release_dir: Path, parquet_files: dict[str, Path], out: Path) -> dict:
    """Write the data archive to `out` (written aside, then renamed); returns {archive, sha256, bytes}."""
    members = {f"parquet/{p.name}": p for p in parquet_files.values()}
    members |= {name: release_dir / name for name in DOCS if (release_dir / name).is_file()}
    tmp = out.with_name(f".{out.name}.tmp")
    with zipfile.ZipFile(tmp, "w") as z:
        for name in sorted(members):
            big = members[name].stat().st_size >= 1 << 31
            with open(members[name], "rb") as src, z.open(_entry(name), "w", force_zip64=big) as dst:
                while chunk := src.read(1 << 20):  # streamed: an archive may be larger than memory
                    dst.write(chunk)
    os.replace(tmp, out)
    digest = sha256_file(out)
    out.with_name(out.name + ".sha256").write_text(f"{digest}  {out.name}\n", encoding="utf-8")
    return {"archive": out.name, "sha256": digest, "bytes": out.stat().st_size}
