"""Indicator coding on small sentences of our own, in English, simplified and traditional Chinese."""
import pytest

from pipeline.curate.indicators import assign_codes, code_en, code_zh


def _code(ind):
    return ind.code if ind else None


@pytest.mark.parametrize("indicator, unit, code", [
    ("地区生产总值增长", "percent", "gdp"),
    ("全年全市生产总值", "CNY", "gdp"),
    ("2019年青岛市第三产业比重", "percent", "va_tertiary"),
    ("城镇居民人均可支配收入", "CNY", "disposable_income_pc_urban"),
    ("农村居民人均可支配收入增长", "percent", "disposable_income_pc_rural"),
    ("居民人均可支配收入", "CNY", "disposable_income_pc"),
    ("规上工业增加值增长", "percent", "va_industry_above_scale"),
    ("工业增加值", "CNY", "va_industry"),
    ("年末全市金融机构本外币各项存款余额", "CNY", "deposits"),
    ("居民消费价格比上年同期下降", "percent", "cpi"),
    ("税收占一般公共预算收入比重", "percent", "tax_revenue"),
    ("服務業增加值", "CNY", "va_tertiary"),              # traditional script
    ("旅遊總收入", "CNY", "tourism_revenue"),
    ("粮食总产量", "tonne", "grain_output"),
])
def test_zh_indicators_get_their_concept(indicator, unit, code):
    assert _code(code_zh(indicator, unit)) == code


@pytest.mark.parametrize("indicator, unit", [
    ("现代服务业增加值", "CNY"),          # a part of services is not services
    ("生产性服务业增加值", "CNY"),
    ("占全市GDP的", "percent"),           # GDP is the denominator
    ("占服务业增加值比重", "percent"),
    ("海洋生产总值", "CNY"),              # ocean GDP is not GDP
    ("地区生产总值", "person"),           # a head count is never GDP
    ("城镇常住人口", "person"),
    ("服务业规上企业总数", "count"),
    ("软件和信息技术服务业营业收入", "CNY"),
])
def test_zh_indicators_that_are_no_concept_stay_null(indicator, unit):
    assert code_zh(indicator, unit) is None


@pytest.mark.parametrize("indicator, unit, code", [
    ("regional GDP of the city", "CNY", "gdp"),
    ("GDP per capita", "USD", "gdp_per_capita"),
    ("retail sales of consumer goods", "percent", "retail_sales"),
    ("tax revenue", "CNY", "tax_revenue"),
    ("software industry share of GDP", "percent", None),
    ("number of internet users", "person", None),
])
def test_en_indicators(indicator, unit, code):
    assert _code(code_en(indicator, unit)) == code


def _fact(quote, sentence, indicator, unit, measure="level", lang="zh-Hans", **kw):
    start = kw.pop("char_start", sentence.find(quote))
    return dict(quote=quote, sentence=sentence, indicator=indicator, unit=unit, measure=measure, lang=lang,
                char_start=start, char_end=start + len(quote), region=kw.get("region"),
                region_zh=kw.get("region_zh"))


def test_a_growth_after_a_coded_value_inherits_its_code():
    s = "全年进出口总值240.0亿元，比上年增长14.7%；其中新兴产业产值12亿元，增长9%。"
    facts = [_fact("240.0亿元", s, "进出口总值", "CNY"), _fact("14.7%", s, "比上年增长", "percent", "growth"),
             _fact("12亿元", s, "新兴产业产值", "CNY"), _fact("9%", s, "增长", "percent", "growth")]
    assert [f["indicator_code"] for f in assign_codes(facts)] == ["trade_total", "trade_total", None, None]
    assert facts[0]["indicator_en"].startswith("total goods trade")


def test_the_words_before_the_number_are_read_when_the_indicator_names_nothing():
    s = "甲市、乙市2013年R&D投入强度分别达到6.08%、3.0%。"
    facts = assign_codes([_fact("6.08%", s, "", "percent"), _fact("3.0%", s, "", "percent")])
    assert [f["indicator_code"] for f in facts] == ["rnd_intensity", "rnd_intensity"]


def test_traditional_sentence_and_english_clause():
    s = "經最終核實，全市生產總值為5386.2億元。"
    assert assign_codes([_fact("5386.2億元", s, "经最终核实", "CNY", lang="zh-Hant")])[0]["indicator_code"] == "gdp"
    e = "* Profit for the period surged by 209.5% to approximately RMB1,646.1 million"
    f = _fact("209.5%", e, "approximately RMB", "percent", lang="en")
    assert assign_codes([f])[0]["indicator_code"] == "company_net_profit"


def test_per_capita_words_outside_the_alias_block_a_total():
    s = "三地人均公共教育支出分别为3038元。"
    assert assign_codes([_fact("3038元", s, "三地人均公共教育支出", "CNY")])[0]["indicator_code"] is None


def test_a_segment_is_not_the_company():
    s = "In terms of the healthcare segment, revenue increased by approximately 43%."
    assert assign_codes([_fact("43%", s, "revenue", "percent", "growth", lang="en")])[0]["indicator_code"] is None
    s2 = "Contributed by the healthcare segment, the Group's revenue was approximately RMB1,361.8 million."
    f = _fact("RMB1,361.8 million", s2, "Group's revenue", "CNY", lang="en")
    assert assign_codes([f])[0]["indicator_code"] == "company_revenue"


def test_another_places_figure_in_parentheses_takes_the_concept_just_reported():
    s = "The regional GDP of Xuzhou is 675.5 billion yuan, compared with Jining (493 billion yuan)."
    a = _fact("675.5 billion yuan", s, "regional GDP of Xuzhou", "CNY", lang="en", region="Xuzhou")
    b = _fact("493 billion yuan", s, "compared with Jining", "CNY", lang="en", region="Jining")
    assert [f["indicator_code"] for f in assign_codes([a, b])] == ["gdp", "gdp"]


@pytest.mark.parametrize("sentence, quote, indicator", [
    ("这些农场的耕地面积增长45%。", "45%", "这些农场的耕地面积增长"),     # a part named by a possessive
    ("政府供应农民饼肥和化学肥料450万吨。", "450万吨", "政府供应农民饼肥和化学肥料"),  # supply, listed with another good
])
def test_a_concept_inside_a_longer_noun_phrase_is_not_taken(sentence, quote, indicator):
    unit = "percent" if quote.endswith("%") else "tonne"
    assert assign_codes([_fact(quote, sentence, indicator, unit)])[0]["indicator_code"] is None


def test_a_total_with_no_subject_of_its_own_is_the_concept_just_reported():
    s = "新增市场经营主体18.1万户，总量突破106万户。"
    facts = assign_codes([_fact("18.1万户", s, "新增市场经营主体", "household"), _fact("106万户", s, "总量", "household")])
    assert [f["indicator_code"] for f in facts] == ["market_entities", "market_entities"]
