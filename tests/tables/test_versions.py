"""The extraction code version covers everything the per-document extraction runs: an edit to process.py
(page assignment, text/table dedupe, fact ids) or to the parts of documents/ it calls marks the facts stale,
and staged facts are not reused; an edit to the PDF reader changes the reader's version instead."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from pipeline import versions

PIPELINE = Path(versions.__file__).resolve().parent
# reached from process.py but not extraction: process_file reads the file first (reader_version covers it); the
# package inits only re-export names
NOT_EXTRACTION = {"documents/reader", "documents", "__init__"}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A copy of pipeline/ that the version functions hash instead of the real one."""
    copy = tmp_path / "pipeline"
    shutil.copytree(PIPELINE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(versions, "_ROOT", copy)
    versions.source_version.cache_clear()
    yield copy
    versions.source_version.cache_clear()


def _edited(tree: Path, rel: str) -> None:
    path = tree / rel
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    versions.source_version.cache_clear()


@pytest.mark.parametrize("rel", ["process.py", "documents/model.py", "documents/script.py", "documents/limits.py",
                                 "tables/dedupe.py", "tables/headers.json", "extract/fact.py"])
def test_an_edit_on_the_extraction_path_changes_the_extractor_version(tree, rel):
    before = versions.extractor_version()
    _edited(tree, rel)
    assert versions.extractor_version() != before, rel


def test_an_edit_to_the_pdf_reader_changes_the_reader_version_only(tree):
    extractor, reader = versions.extractor_version(), versions.reader_version()
    _edited(tree, "documents/pdf.py")
    assert versions.extractor_version() == extractor and versions.reader_version() != reader


def test_a_misspelt_source_fails_loudly():
    with pytest.raises(FileNotFoundError):
        versions.source_version("documents/no_such_module")


def _module(package: Path, name: str) -> Path | None:
    """The module file `name` of `package` (a sub-module or sub-package), or None."""
    for cand in (package / f"{name}.py", package / name / "__init__.py"):
        if cand.is_file():
            return cand
    return None


def _imports(path: Path) -> set[Path]:
    """pipeline modules `path` imports, a package's names resolved to the sub-modules that define them."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        target = base.joinpath(*node.module.split(".")) if node.module else base
        mod = _module(target.parent, target.name) if node.module else target / "__init__.py"
        if mod is None:
            continue
        out.add(mod)
        if mod.name == "__init__.py":  # from .documents import Document, limits → model.py, limits.py
            for alias in node.names:
                sub = _module(mod.parent, alias.name) or _defining(mod, alias.name)
                if sub is not None:
                    out.add(sub)
    return out


def _defining(init: Path, name: str) -> Path | None:
    for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and any(a.name == name for a in node.names):
            return _module(init.parent, node.module)
    return None


def _source(path: Path) -> str:
    rel = path.relative_to(PIPELINE).with_suffix("").as_posix()
    return rel[: -len("/__init__")] if rel.endswith("/__init__") else rel


def test_every_module_the_extraction_path_imports_is_versioned():
    covered = set(versions.EXTRACTION_SOURCES)
    start = [PIPELINE / "process.py", *(PIPELINE / "extract").rglob("*.py"), *(PIPELINE / "tables").rglob("*.py")]
    todo, seen, missing = list(start), set(), set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        src = _source(path)
        if src in NOT_EXTRACTION:
            continue
        if not any(src == c or src.startswith(c + "/") for c in covered):
            missing.add(src)
        todo.extend(_imports(path))
    assert not missing, f"on the extraction path but not in versions.EXTRACTION_SOURCES: {sorted(missing)}"
