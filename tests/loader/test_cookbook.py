"""Every example of the cookbook in loader/README.md runs and answers its question: in this process against the
loader source (fast), and in the fresh venv where only the published wheel is installed (slow). The release is
built by the real pipeline from four short documents of our own (tests/loader/cookbook_docs)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.process import process_file
from pipeline.publish.build import publish_tables
from pipeline.publish.frames import combine
from tests.loader.venv_env import clean_env

ROOT = Path(__file__).resolve().parents[2]
DOCS = Path(__file__).resolve().parent / "cookbook_docs"
README = ROOT / "loader" / "README.md"


def examples() -> list[tuple[str, str, str]]:
    """(question, sql, python) for each numbered question of the cookbook."""
    text = README.read_text(encoding="utf-8").split("## Cookbook", 1)[1]
    out = []
    for part in re.split(r"^### ", text, flags=re.M)[1:]:
        sql = re.search(r"```sql\n(.*?)```", part, re.S)
        py = re.search(r"```python\n(.*?)```", part, re.S)
        out.append((part.splitlines()[0], sql.group(1), py.group(1)))
    return out


def test_the_cookbook_has_five_questions_each_in_sql_and_python():
    assert len(examples()) == 5


@pytest.fixture(scope="module")
def cookbook_release(tmp_path_factory) -> Path:
    wh = tmp_path_factory.mktemp("cookbook")
    tables = combine([process_file(p, DOCS) for p in sorted(DOCS.glob("*.txt"))])
    return publish_tables(tables, wh).path


RUNNER = textwrap.dedent("""
    import json, sys
    import china_econ_facts as cef
    out = {}
    for name, sql, py in json.load(sys.stdin):
        scope = {}
        exec(py, scope)
        out[name] = {"sql": cef.query(sql).to_dict("records"), "python": scope["result"].reset_index().to_dict("records"),
                     "where": cef.__file__}
    print(json.dumps(out, default=str, ensure_ascii=False))
""")


def _check(answers: dict) -> None:
    q = {name.split(".")[0]: a for name, a in answers.items()}
    # 1: 2024 has a target only; 2023 has both outcome 5.2 and target 5
    years = {r["year"]: r for r in q["1"]["sql"]}
    assert years[2023]["outcome"] == 5.2 and years[2023]["target"] == 5.0 and years[2024]["target"] == 5.0
    assert {r["year"] for r in q["1"]["python"]} == set(years)
    # 2: Qingdao level and growth for 2022 and 2023, from both the SQL and the loader
    assert {(r["measure"], r["year"]) for r in q["2"]["sql"]} == {("level", 2022), ("level", 2023),
                                                                    ("growth", 2022), ("growth", 2023)}
    assert len(q["2"]["python"]) == 4
    # 3: two documents behind Qingdao's 2023 GDP, with their quotes
    assert sorted(r["quote"] for r in q["3"]["sql"]) == sorted(r["quote"] for r in q["3"]["python"]) == \
        ["15760.34亿元", "16000亿元"]
    # 4: those two disagree by more than the tolerance: the conflict lists each source
    assert {r["quote"] for r in q["4"]["sql"]} >= {"15760.34亿元", "16000亿元"}
    assert {r["doc"] for r in q["4"]["python"]} == {"qingdao_2023.txt", "qingdao_news.txt"}
    # 5: the dollar figure is itself in USD; the yuan figures are converted
    usd = {r["quote"]: r["value_usd"] for r in q["5"]["sql"]}
    assert usd["US$163 billion"] == 1.63e11 and 2.0e11 < usd["15760.34亿元"] < 2.4e11
    assert len(q["5"]["python"]) == len(q["5"]["sql"])


def test_the_examples_run_against_the_loader_source(cookbook_release):
    proc = subprocess.run([sys.executable, "-c", RUNNER], input=json.dumps(examples()), capture_output=True,
                          text=True, timeout=120, env=clean_env(CHINA_ECON_FACTS_DATA=str(cookbook_release),
                                                                PYTHONPATH=str(ROOT / "loader")))
    assert proc.returncode == 0, proc.stderr
    answers = json.loads(proc.stdout)
    assert all("site-packages" not in a["where"] for a in answers.values())
    _check(answers)


@pytest.mark.slow
def test_the_examples_run_from_the_wheel_in_a_fresh_venv(loader_venv, cookbook_release, tmp_path):
    proc = subprocess.run([str(loader_venv / "bin" / "python"), "-c", RUNNER], input=json.dumps(examples()),
                          capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env=clean_env(CHINA_ECON_FACTS_DATA=str(cookbook_release)))
    assert proc.returncode == 0, proc.stderr
    answers = json.loads(proc.stdout)
    assert all("site-packages" in a["where"] for a in answers.values())
    _check(answers)


@pytest.mark.slow
def test_the_cli_speaks_the_same_language(loader_venv, cookbook_release, tmp_path):
    def cli(*args):
        proc = subprocess.run([str(loader_venv / "bin" / "china-econ-facts"), *args, "--format", "json"],
                              capture_output=True, text=True, cwd=tmp_path, timeout=120,
                              env=clean_env(CHINA_ECON_FACTS_DATA=str(cookbook_release)))
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)
    series = cli("series", "gdp", "--region", "青岛市", "--measure", "level")
    assert [(r["year"], r["n_sources"]) for r in series] == [(2022, 1), (2023, 2)]
    assert {r["indicator_code"] for r in cli("indicators", "服務業")} >= {"va_tertiary"}
    assert {r["doc"] for r in cli("conflicts", "gdp", "--region", "Qingdao")} == {"qingdao_2023.txt",
                                                                                "qingdao_news.txt"}
