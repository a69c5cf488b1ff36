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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """The pipeline modules `path` imports at its top level (an import inside a function runs late, on purpose,
    and makes no cycle at load time)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - max(0, node.level - 1)] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            subs = {f"{target}.{a.name}" for a in node.names} & modules
            out |= subs or ({target} & modules)  # (from . import x: the submodule, not the package)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names} & modules
    return out - {name}


def test_no_import_cycle_in_the_pipeline():
    paths = list(_files("pipeline"))
    modules = {_module_name(p) for p in paths}
    graph = {_module_name(p): _module_imports(p, modules) for p in paths}
    cycles, state = [], {}

    def visit(m, trail):
        state[m] = "open"
        for n in sorted(graph.get(m, ())):
            if state.get(n) == "open":
                cycles.append(trail[trail.index(n):] + [n])
            elif n not in state:
                visit(n, trail + [n])
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, cycles
