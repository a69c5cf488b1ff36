"""The indicator catalog: its schema, the core codes of INDICATORS.md, and one meaning per alias."""
import json
import re
from pathlib import Path

import pytest

from pipeline.curate import catalog

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_every_entry_meets_the_schema():
    raw = json.loads(catalog.CATALOG_PATH.read_text(encoding="utf-8"))["indicators"]
    assert [m for e in raw for m in catalog.validate_entry(e)] == []
    assert len({e["code"] for e in raw}) == len(raw)


def test_the_schema_check_rejects_a_broken_entry():
    bad = {"code": "GDP", "name_en": "x", "name_zh": "x", "unit_family": ["furlong"], "per_capita": "no",
           "aliases": {"zh-Hans": ["x"], "en": []}}
    errs = " ".join(catalog.validate_entry(bad))
    for what in ("lower_snake_case", "furlong", "per_capita", "aliases"):
        assert what in errs


def test_each_alias_names_one_concept():
    seen = {}
    for ind in catalog.load_catalog():
        for script in catalog.SCRIPTS:
            for a in ind.aliases[script]:
                key = (script, a.lower())
                assert seen.setdefault(key, ind.code) == ind.code, f"{a!r} is both {seen[key]} and {ind.code}"


def test_traditional_aliases_are_traditional():
    ind = catalog.by_code()["va_tertiary"]
    assert "服務業增加值" in ind.aliases["zh-Hant"] and "服务业增加值" in ind.aliases["zh-Hans"]


def test_the_core_codes_of_the_shared_catalog_are_all_here():
    path = SHARED / "INDICATORS.md"
    if not path.exists():
        pytest.skip("../shared/INDICATORS.md not present")
    core = set(re.findall(r"^\| ([a-z_0-9]+) \|", path.read_text(encoding="utf-8"), re.M)) - {"code"}
    assert core and not core - set(catalog.by_code())


def test_unit_families_admit_only_their_units():
    gdp = catalog.by_code()["gdp"]
    assert gdp.admits("CNY") and gdp.admits("percent") and gdp.admits("times")
    assert not gdp.admits("person") and not gdp.admits("tonne")


def test_traditional_aliases_are_the_opencc_forms_of_the_simplified_ones():
    import opencc
    s2t = opencc.OpenCC("s2t")
    for ind in catalog.load_catalog():
        assert ind.aliases["zh-Hant"] == list(dict.fromkeys(s2t.convert(a) for a in ind.aliases["zh-Hans"])), \
            f"{ind.code}: run python -m pipeline.curate.catalog"
