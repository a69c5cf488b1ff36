"""Market and company units (GOLD_SPEC's unit list): index points, prices per unit, percents that are not ranges,
declines named by market verbs, bare numbers before Chinese units that are not years. Sentences of our own."""
from __future__ import annotations

import pytest


def _c(ex, text, conv):
    return ex.hant(text) if conv == "hant" else text


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value", [
    ("沪指收报3050.12点，成交放大。", "3050.12点", 3050.12),
    ("恒指收于18500点。", "18500点", 18500.0),
    ("景气指数较上月上升0.89点。", "0.89点", 0.89),
    ("综合指数比去年同期下跌4.85点。", "4.85点", -4.85),
])
def test_index_points(ex, conv, text, quote, value):
    f = ex.one(_c(ex, text, conv), quote=_c(ex, quote, conv))
    assert (f.value, f.unit) == (value, "point")


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,unit,value", [
    ("该股当天收于31.51元/股。", "31.51元/股", "CNY/share", 31.51),
    ("H股收于23.15港元/股。", "23.15港元/股", "HKD/share", 23.15),
    ("布伦特原油报82.40美元/桶。", "82.40美元/桶", "USD/barrel", 82.4),
    ("项目土地成本约为2500元/平方米。", "2500元/平方米", "CNY/m2", 2500.0),
])
def test_prices_per_unit(ex, conv, text, quote, unit, value):
    f = ex.one(_c(ex, text, conv), quote=_c(ex, quote, conv))
    assert (f.unit, f.value, f.kind) == (unit, value, "ratio")


def test_english_square_metres(ex):
    f = ex.one("The group sold approximately 64,930 sq.m of floor area.", quote="64,930 sq.m")
    assert (f.unit, f.value) == ("m2", 64930.0)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_percent_then_an_amount_is_two_values_not_a_range(ex, conv):
    fs = ex.facts(_c(ex, "住宅按揭贷款按月下跌0.6%至2,048.2亿元。", conv))
    assert [(f.value, f.unit) for f in fs] == [(-0.6, "percent"), (2.0482e11, "CNY")]


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("verb", ["急挫", "暴跌", "下滑", "猛降", "减产"])
def test_market_decline_verbs(ex, conv, verb):
    f = ex.one(_c(ex, f"该股昨日{verb}4.02%。", conv), quote="4.02%")
    assert f.value == -4.02


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_bare_four_digit_number_before_a_chinese_unit_is_not_a_year(ex, conv):
    fs = ex.facts(_c(ex, "全年新增市场主体1871 户，增长9.8%。", conv))
    assert all(f.year != 1871 for f in fs)
    assert [f.value for f in fs] == [1871.0, 9.8]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_declared_currency_holds_for_the_amounts_after_it(ex, conv):
    text = ("金融管理局公布，住宅按揭贷款按月减少5%至6.6亿元（澳门元，下同）。商用物业贷款为4.9亿元。"
            "另以人民币计价的贷款为3亿元人民币。")
    fs = {f.quote: f.unit for f in ex.facts(_c(ex, text, conv))}
    assert fs[_c(ex, "6.6亿元", conv)] == "MOP" and fs[_c(ex, "4.9亿元", conv)] == "MOP"
    assert fs[_c(ex, "3亿元人民币", conv)] == "CNY"


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("title,unit", [("澳门特别行政区政府新闻局", "MOP"), ("香港特别行政区政府新闻公报", "HKD")])
def test_a_bare_yuan_follows_the_documents_place(ex, conv, title, unit):
    text = _c(ex, title + "\n\n当局公布，上月贷款总额为1,361.8亿元。\n", conv)
    assert ex.one(text, quote=_c(ex, "1,361.8亿元", conv), title=_c(ex, title, conv)).unit == unit


@pytest.mark.parametrize("text,quote,value,unit", [
    ("Earnings per share were RMB10.63 cents.", "RMB10.63 cents", 0.1063, "CNY"),
    # (a dividend quoted per share is a price per share: GOLD_SPEC's A/B units)
    ("The board declared a dividend of HK$5 cents a share.", "HK$5 cents a share", 0.05, "HKD/share"),
])
def test_cents_are_a_hundredth_of_the_currency_before_them(ex, text, quote, value, unit):
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text,quote,value", [
    ("Shenzhen registered a 14.8% year-over-year drop.", "14.8%", -14.8),
    ("Gross margin was 21%, or 3 percentage points lower.", "3 percentage points", -3.0),
    ("Output was 5% higher.", "5%", 5.0),
    ("Prices have fallen some 30% this year.", "30%", -30.0),
    ("Forecasts saw a 1.5 percentage-point downward revision.", "1.5 percentage-point", -1.5),
    ("The index has shed nearly 12 percent since March.", "12 percent", -12.0),
    ("The bond lost ground, losing 4 percent of its value.", "4 percent", -4.0),
    ("Output is expected to keep contracting 2.5 percent.", "2.5 percent", -2.5),
    ("The economy contracted by an annualized 0.8 percent.", "0.8 percent", -0.8),
    ("Spending was $2.1 billion (0.7 per cent) lower than forecast.", "$2.1 billion", -2.1e9),
    ("Spending was $2.1 billion (0.7 per cent) lower than forecast.", "0.7 per cent", -0.7),
    ("Revenue was $1.5 billion higher than expected.", "$1.5 billion", 1.5e9),
])
def test_english_declines_after_the_value(ex, text, quote, value):
    assert ex.one(text, quote=quote).value == value


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,unit,value", [
    ("全年公路货物周转量385.0亿吨公里。", "385.0亿吨公里", "tonne_km", 3.85e10),
    ("公路客运周转量12.0亿人公里。", "12.0亿人公里", "passenger_km", 1.2e9),
    ("PM10平均浓度74μg/m3。", "74μg/m3", "ug/m3", 74.0),
    ("累计生态补水14.8亿立方米。", "14.8亿立方米", "m3", 1.48e9),
    ("啤酒产量3.5万千升。", "3.5万千升", "litre", 3.5e7),
    ("运动员获得省级以上奖牌59枚。", "59枚", "count", 59.0),
    ("全年签订技术合同1688份。", "1688份", "count", 1688.0),
])
def test_transport_environment_and_count_units(ex, conv, text, quote, unit, value):
    f = ex.one(_c(ex, text, conv), quote=_c(ex, quote, conv))
    assert (f.unit, f.value) == (unit, pytest.approx(value))


def test_a_batch_is_not_a_count(ex):
    assert not ex.facts("培育一批龙头企业。")


@pytest.mark.parametrize("text,quote,value,unit", [
    ("The central bank announced a 20-basis-point cut to the repo rate.", "20-basis-point", -20.0, "basis_point"),
    ("Margins saw a 3-percentage-point drop.", "3-percentage-point", -3.0, "percentage_point"),
])
def test_a_unit_written_as_a_compound_modifier(ex, text, quote, value, unit):
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit) == (value, unit)


def test_a_year_before_a_regions_name_is_no_amount(ex):
    # 'euro' in 'euro area' names a region: '2023 euro area growth' holds no amount of euros
    got = [(f.quote, f.unit) for f in ex.facts("The fund raised its 2023 euro area growth forecast to 1.1 percent.")]
    assert got == [("1.1 percent", "percent")]


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value", [
    ("今年中央总预算举债约900亿，明年还债金额为1,100亿。", "900亿", 9e10),
    ("明年依法编列了1,250亿的还债金额。", "1,250亿", 1.25e11),
    ("北向资金本月净流入430.5亿。", "430.5亿", 4.305e10),
    ("我们总共举债1兆2,100亿，但也还债达到7,500亿。", "1兆2,100亿", 1.21e12),
    ("今年的总预算规模会再成长，达到5,200亿，其中包含特别预算。", "5,200亿", 5.2e11),
    ("私人消费开支达到3000亿。", "3000亿", 3e11),
])
def test_a_bare_amount_in_a_clause_about_money_is_money(ex, conv, text, quote, value):
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit, f.kind) == (pytest.approx(value), "CNY", "money")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_the_later_bare_amounts_of_a_money_sentence_are_money(ex, conv):
    text = "整体公共建设预算只有约3,000亿，今年已经超过5,800亿，明年将会再成长，达到5,886亿。全市常住人口1,400万。"
    text = ex.hant(text) if conv == "hant" else text
    money = [(f.raw_value, f.kind) for f in ex.facts(text)]
    assert money == [(3000.0, "money"), (5800.0, "money"), (5886.0, "money"), (1400.0, "count")]


def test_a_bare_amount_in_a_taiwan_text_is_new_taiwan_dollars(ex):
    f = ex.one(ex.hant("台湾今年总预算举债约900亿。"), quote=ex.hant("900亿"))
    assert (f.value, f.unit) == (pytest.approx(9e10), "TWD")


@pytest.mark.parametrize("text", ["全市常住人口1,400万，面积1.6万平方公里。",
                                  "提供生活补助，使1.2亿学生受益。",  # a counted noun after the amount: students
                                  "居民储蓄存款新增3万多亿元。"])  # read whole, with its 元
def test_a_bare_amount_without_money_words_is_no_money(ex, text):
    assert not [f for f in ex.facts(text) if f.kind == "money" and f.value < 1e12]


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value", [
    ("基本工资调升至2万6千400元。", "2万6千400元", 26400.0),
    ("保险业资产总额达32兆1千205亿元。", "32兆1千205亿元", 3.21205e13),
    ("每年投资额达1千200亿元。", "1千200亿元", 1.2e11),
    ("获投金额由7亿5千万美元增加。", "7亿5千万美元", 7.5e8),
])
def test_thousands_written_with_qian_between_arabic_digits(ex, conv, text, quote, value):
    # Taiwan's official style: 2萬6千400元 is 26,400; a 千 with no three digits after it needs a scale (5千万)
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    assert ex.one(text, quote=quote).value == pytest.approx(value)


def test_a_qian_unit_is_not_a_thousands_digit(ex):
    f = ex.one("装机容量为5千瓦。", quote="5千瓦")
    assert (f.value, f.unit) == (pytest.approx(5.0), "kw")


@pytest.mark.parametrize("text,quote", [
    ("The carmaker sold just 1,389 last year.", "1,389 last"),
    ("A survey of 500,000 companies shows the strain.", "500,000 companies shows"),
])
def test_a_word_of_time_or_a_verb_is_not_what_a_number_counts_en(ex, text, quote):
    assert quote not in [f.quote for f in ex.facts(text)]


@pytest.mark.parametrize("text,quote,value", [
    ("Hong Kong's economy grows 2.7pc in first quarter", "2.7pc", 2.7),
    ("China's exports jump 8.5% in March", "8.5%", 8.5),
    ("Retail sales falls 3.1% as consumers stay home", "3.1%", -3.1),
    ("Factory output slips 0.4 per cent", "0.4 per cent", -0.4),
])
def test_headlines_in_the_present_tense_and_pc_en(ex, text, quote, value):
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit, f.measure) == (pytest.approx(value), "percent", "growth")


@pytest.mark.parametrize("text,quote,unit", [
    ("In July alone, visitor arrivals reached 4.1 million.", "4.1 million", "person_time"),
    ("Internet users in the city reached 2.3 million.", "2.3 million", "person"),
    ("Exports of the goods reached 2.3 million.", "2.3 million", "count"),
])
def test_what_a_scaled_count_counts_from_the_nouns_before_it_en(ex, text, quote, unit):
    assert ex.one(text, quote=quote).unit == unit



@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_an_index_closes_in_points(ex, conv):
    text = "台湾加权指数收在10888.27点，指数收盘小跌，以10880.5点作收。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.raw_value, f.unit) for f in facts] == [(10888.27, "point"), (10880.5, "point")]
