"""The wheel builder for release.publish: loader/ + this release's data → dist/china_econ_facts-<version>-*.whl.

Built by hatchling's PEP 517 build_wheel hook, not zipped by hand: loader/pyproject.toml stays the one place that
declares the package (dependencies, console script, metadata), the same file works for an editable install of the
loader, and hatchling writes METADATA/RECORD correctly. The hook runs in one child Python with the hatchling
already installed (nothing is downloaded); ``python -m build --wheel --no-isolation`` made the same wheel from
three (its own, then one per hook: the requirements check and the build), ~0.3 s more per release. hatchling builds reproducibly (fixed timestamps from
SOURCE_DATE_EPOCH, sorted entries, normalized permissions), so the same inputs give a byte-identical wheel.

What the wheel carries depends on the manifest's "distribution" (archive.py decides it): in wheel mode (the
default, and every small release) the Parquet files and the docs; in archive mode only what does not grow with
the corpus: datapackage.json (schemas, row counts, every file's SHA-256), the card, CHANGELOG.md (its lists are
capped), manifest.json without its list of sources, and archive.json naming the data archive, its SHA-256 and
URL. The archive is written into dist/ next to the wheel first, because the wheel records its SHA-256."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import archive

LOADER = Path(__file__).resolve().parents[2] / "loader"
PACKAGE = "china_econ_facts"
# Shipped beside the Parquet files; written into the release dir by release.publish before the builder runs.
DOCS = archive.DOCS
# in archive mode, in place of data/parquet/: what the loader fetches (read by loader/china_econ_facts/_fetch.py)
ARCHIVE_JSON = "archive.json"
# ...and these grow with the corpus (one entry per source document, per changed fact): in archive mode they
# travel in the archive only (the wheel gets a manifest.json without "sources"), so the wheel stays a few KB
ARCHIVE_ONLY = ("manifest.json", "changelog.json")
# 2026-01-01T00:00:00Z: any fixed time works; it keeps zip timestamps independent of the build's clock
SOURCE_DATE_EPOCH = "1767225600"


_BUILD_WHEEL = "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))"


class WheelBuildError(RuntimeError):
    pass


def stage(staging: Path, release_dir: Path, parquet_files: dict[str, Path], version: str,
          fetched: dict | None = None) -> Path:
    """Lay out a buildable project: loader sources, the version, the card as README, the data (or, given
    `fetched`, the archive's description in its place)."""
    shutil.copyfile(LOADER / "pyproject.toml", staging / "pyproject.toml")
    shutil.copyfile(release_dir / "README.md", staging / "README.md")
    pkg = staging / PACKAGE
    pkg.mkdir()
    for src in sorted((LOADER / PACKAGE).glob("*.py")):
        shutil.copyfile(src, pkg / src.name)
    (pkg / "_version.py").write_text(f'__version__ = "{version}"\n', encoding="utf-8")
    data = pkg / "data"
    data.mkdir()
    if fetched is not None:
        (data / ARCHIVE_JSON).write_text(json.dumps(fetched, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    else:
        (data / "parquet").mkdir()
        for path in parquet_files.values():
            shutil.copyfile(path, data / "parquet" / path.name)
    for name in DOCS:
        if (release_dir / name).is_file() and not (fetched is not None and name in ARCHIVE_ONLY):
            shutil.copyfile(release_dir / name, data / name)
    if fetched is not None:  # the manifest without its list of every source document (kept in the archive's)
        manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
        manifest.pop("sources", None)
        (data / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                            encoding="utf-8")
    return staging


def build_wheel(release_dir: Path, parquet_files: dict[str, Path], manifest: dict) -> Path:
    """release.publish's wheel_builder: writes release_dir/dist/<wheel> and returns its path."""
    dist = release_dir / "dist"
    dist.mkdir(parents=True, exist_ok=True)
    fetched = _write_archive(release_dir, parquet_files, manifest, dist)
    with tempfile.TemporaryDirectory(prefix="cef-wheel-") as tmp:
        staging = stage(Path(tmp), release_dir, parquet_files, manifest["version"], fetched)
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        # a child process: the hook runs in the project directory and must not chdir this one
        proc = subprocess.run([sys.executable, "-c", _BUILD_WHEEL, str(dist.resolve())], cwd=staging,
                              capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise WheelBuildError(f"building the china-econ-facts wheel failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    wheels = sorted(dist.glob(f"{PACKAGE}-{manifest['version']}-*.whl"))
    if len(wheels) != 1:
        raise WheelBuildError(f"expected one wheel for {manifest['version']} in {dist}, found {[w.name for w in wheels]}")
    return wheels[0]


def _write_archive(release_dir: Path, parquet_files: dict[str, Path], manifest: dict, dist: Path) -> dict | None:
    """In archive mode: dist/<archive> and what the wheel's archive.json says about it; otherwise None."""
    plan = manifest.get("distribution") or {"mode": "wheel"}
    if plan["mode"] != "archive":
        return None
    written = archive.write_archive(release_dir, parquet_files, dist / plan["archive"])
    return {**written, "version": manifest["version"], "release_id": manifest["release_id"], "url": plan.get("url")}
