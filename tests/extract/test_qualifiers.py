"""Lower bounds (>=), upper bounds (<=), approximations (~) and ranges, in all three scripts."""
import pytest


@pytest.mark.parametrize("text,qual", [
    ("到2025年，全市软件收入突破500亿元。", ">="),
    ("全省外贸企业超过3000家。", ">="),
    ("每个街道建成养老中心2个以上。", ">="),
    ("研发投入强度不低于3%。", ">="),
    ("每年培训技工不少于5000人。", ">="),
    ("全县共有企业300余家。", ">="),
    ("新增就业岗位1万多个。", ">="),
    ("全县共有企业300多家。", ">="),
    ("居民人均收入不到2万元。", "<="),
    ("单位能耗不超过0.5吨。", "<="),
    ("赤字率控制在3%以内。", "<="),
    ("该县人口约45万人。", "~"),
    ("全年经济增长6%左右。", "~"),
    ("新增贷款近800亿元。", "~"),
    ("全市规上企业达到1200家。", "="),
])
def test_chinese_qualifiers(ex, text, qual):
    assert ex.one(text).qualifier == qual
    assert ex.one(ex.hant(text)).qualifier == qual


@pytest.mark.parametrize("text,qual", [
    ("Exports grew to more than 40 billion US dollars.", ">="),
    ("The programme trained at least 500 workers.", ">="),
    ("Unemployment stayed under 5% all year.", "<="),
    ("The county spent less than 2 million yuan on roads.", "<="),
    ("The fund holds about 300 million euros.", "~"),
    ("Approximately 12% of firms export.", "~"),
    ("The scheme reached nearly 800 households.", "~"),
    ("The city built 1,200 homes.", "="),
])
def test_english_qualifiers(ex, text, qual):
    assert ex.one(text).qualifier == qual


@pytest.mark.parametrize("text,low,high,unit", [
    ("引进龙头企业2—3家。", 2, 3, "count"),
    ("引進龍頭企業2—3家。", 2, 3, "count"),
    ("增速保持在8%-10%之间。", 8, 10, "percent"),
    ("增速保持在8%～10%之間。", 8, 10, "percent"),
    ("Tariffs fall by 8% to 10% next year.", -10, -8, "percent"),  # a decline is negative
    ("可节省七十亿到一百亿元。", 7e9, 1e10, "CNY"),
    ("每年增长百分之四到五。", 4, 5, "percent"),
])
def test_ranges(ex, text, low, high, unit):
    f = ex.one(text)
    assert (f.value, f.value_high, f.unit, f.qualifier) == (low, high, unit, "=")


def test_from_to_is_not_a_range(ex):
    fs = ex.facts("The tax rate was cut from 35% to 21%.")
    assert [(f.value, f.value_high) for f in fs] == [(35, None), (21, None)]


@pytest.mark.parametrize("text", ["应纳税所得额100万元至300万元的部分减半征收。", "應納稅所得額100萬元至300萬元的部分減半徵收。"])
def test_range_with_units_on_both_ends(ex, text):
    f = ex.one(text)
    assert (f.value, f.value_high, f.unit) == (1e6, 3e6, "CNY")


@pytest.mark.parametrize("text", ["企业数量从3家增加到5家。", "企業數量從3家增加到5家。", "占比由20%到30%。"])
def test_cong_dao_adjacent_values_are_two_facts(ex, text):
    fs = ex.facts(text)
    assert len(fs) == 2 and all(f.value_high is None for f in fs)


def test_surplus_is_not_more_than(ex):
    assert ex.one("全年出超810亿美元。").qualifier == "="
    assert ex.one("全年出超810億美元。").qualifier == "="


def test_comparison_with_a_stated_value_is_not_a_bound(ex):
    f = ex.one("Growth was 6.2%, well below the 8.3% recorded in 2011-2015.", quote="8.3%")
    assert (f.qualifier, f.year) == ("=", 2015)


@pytest.mark.parametrize("text", ["全区新建两三个产业园区。", "全區新建兩三個產業園區。"])
def test_adjacent_numerals_are_an_approximate_pair(ex, text):
    f = ex.one(text)
    assert (f.value, f.value_high, f.qualifier) == (2, 3, "~")


@pytest.mark.parametrize("text", ["二季度增速为负0.5%。", "二季度增速為負0.5%。"])
def test_fu_is_a_minus_sign(ex, text):
    assert ex.one(text).value == -0.5
