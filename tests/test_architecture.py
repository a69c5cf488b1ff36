"""The layering DESIGN.md promises: the library never imports Dagster, the loader never imports the pipeline."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DAGSTER_ALLOWED = {"pipeline/definitions.py", "pipeline/run.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _files(*dirs: str):
    for d in dirs:
        yield from sorted((ROOT / d).rglob("*.py"))


@pytest.mark.parametrize("path", [p for p in _files("pipeline", "schemas")
                                  if "assets" not in p.relative_to(ROOT).parts
                                  and p.relative_to(ROOT).as_posix() not in DAGSTER_ALLOWED],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_library_modules_do_not_import_dagster(path):
    assert not {"dagster", "dagster_webserver"} & _imports(path)


@pytest.mark.parametrize("path", list(_files("loader")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_loader_is_standalone(path):
    assert not {"pipeline", "schemas", "dagster", "pandera", "pdfplumber"} & _imports(path)


def test_no_module_is_far_over_the_size_budget():
    # ~400 lines is the house limit; 450 leaves room for a docstring-heavy module
    big = {p.relative_to(ROOT).as_posix(): n for p in _files("pipeline", "schemas", "loader")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not big
