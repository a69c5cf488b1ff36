"""Scales, currencies, percentages, multiples, measure words and physical units; raw value, raw unit and scale
are kept beside the normalized value."""
import pytest


@pytest.mark.parametrize("text,quote,value,unit,raw_value,raw_unit,scale", [
    ("全市税收收入为12万元。", "12万元", 1.2e5, "CNY", 12, "万元", 1e4),
    ("全市税收收入为3.5亿元。", "3.5亿元", 3.5e8, "CNY", 3.5, "亿元", 1e8),
    ("全国财政收入为2.1万亿元。", "2.1万亿元", 2.1e12, "CNY", 2.1, "万亿元", 1e12),
    ("项目总投资为6千万元。", "6千万元", 6e7, "CNY", 6, "千万元", 1e7),
    ("补贴资金为8百万元。", "8百万元", 8e6, "CNY", 8, "百万元", 1e6),
    ("基金规模为3十亿元。", "3十亿元", 3e9, "CNY", 3, "十亿元", 1e9),
    ("全區稅收收入為3.5億元。", "3.5億元", 3.5e8, "CNY", 3.5, "億元", 1e8),
    ("吸引外资52亿美元。", "52亿美元", 5.2e9, "USD", 52, "亿美元", 1e8),
    ("吸引外資52億美元。", "52億美元", 5.2e9, "USD", 52, "億美元", 1e8),
    ("对日出口300亿日元。", "300亿日元", 3e10, "JPY", 300, "亿日元", 1e8),
    ("欧盟援助4亿欧元。", "4亿欧元", 4e8, "EUR", 4, "亿欧元", 1e8),
    ("居民存款增加800亿元人民币。", "800亿元人民币", 8e10, "CNY", 800, "亿元人民币", 1e8),
    ("The port handled trade worth 3.2 trillion RMB.", "3.2 trillion RMB", 3.2e12, "CNY", 3.2, "trillion RMB", 1e12),
    ("The county raised 450 million yuan for schools.", "450 million yuan", 4.5e8, "CNY", 450, "million yuan", 1e6),
    ("Imports were 75 thousand US dollars.", "75 thousand US dollars", 7.5e4, "USD", 75, "thousand US dollars", 1e3),
    ("The firm borrowed US$ 2 billion from banks.", "US$ 2 billion", 2e9, "USD", 2, "US$ billion", 1e9),
    ("A grant of 30 million euros was approved.", "30 million euros", 3e7, "EUR", 30, "million euros", 1e6),
    ("Tokyo pledged 9 billion yen.", "9 billion yen", 9e9, "JPY", 9, "billion yen", 1e9),
])
def test_money(ex, text, quote, value, unit, raw_value, raw_unit, scale):
    f = ex.one(text)
    assert (f.quote, f.value, f.unit, f.kind) == (quote, value, unit, "money")
    assert (f.raw_value, f.raw_unit, f.scale) == (raw_value, raw_unit, scale)


@pytest.mark.parametrize("text,value,unit,kind", [
    ("城镇化率达到65.2%。", 65.2, "percent", "percent"),
    ("城鎮化率達到65.2%。", 65.2, "percent", "percent"),
    ("Urbanization reached 65.2% in the province.", 65.2, "percent", "percent"),
    ("The jobless rate was 5.1 percent.", 5.1, "percent", "percent"),
    ("失业率下降0.3个百分点。", -0.3, "percentage_point", "percent"),
    ("失業率下降0.3個百分點。", -0.3, "percentage_point", "percent"),
    ("人口自然增长率为3.2‰。", 3.2, "per_mille", "percent"),
    ("该市人均收入是邻县的2.4倍。", 2.4, "times", "ratio"),
    ("該市人均收入是鄰縣的2.4倍。", 2.4, "times", "ratio"),
    ("Income per head is 2.4 times that of the next county.", 2.4, "times", "ratio"),
    ("农业占比为百分之十二。", 12, "percent", "percent"),
])
def test_percent_and_multiples(ex, text, value, unit, kind):
    f = ex.one(text)
    assert (f.value, f.unit, f.kind) == (value, unit, kind)


@pytest.mark.parametrize("quote,unit,value", [
    ("8家", "count", 8), ("12个", "count", 12), ("6项", "count", 6), ("30件", "count", 30), ("5条", "count", 5),
    ("40名", "person", 40), ("300人", "person", 300), ("9万人次", "person_time", 9e4), ("1200人次", "person_time", 1200),
    ("7处", "count", 7), ("3座", "count", 3), ("2栋", "count", 2), ("15场次", "count", 15), ("500户", "household", 500),
    ("80辆", "count", 80), ("25台", "count", 25), ("60套", "count", 60), ("11篇", "count", 11),
])
def test_measure_words_simplified(ex, quote, unit, value):
    f = ex.one(f"园区今年新增{quote}，运行良好。")
    assert (f.quote, f.unit, f.value, f.kind) == (quote, unit, value, "count")


@pytest.mark.parametrize("quote,unit,value", [
    ("8家", "count", 8), ("12個", "count", 12), ("6項", "count", 6), ("5條", "count", 5), ("7處", "count", 7),
    ("2棟", "count", 2), ("15場次", "count", 15), ("9萬人次", "person_time", 9e4), ("80輛", "count", 80),
])
def test_measure_words_traditional(ex, quote, unit, value):
    f = ex.one(f"園區今年新增{quote}，運行良好。")
    assert (f.quote, f.unit, f.value) == (quote, unit, value)


@pytest.mark.parametrize("text,quote,value,unit", [
    ("新建铁路120公里。", "120公里", 120, "km"),
    ("新建鐵路120公里。", "120公里", 120, "km"),
    ("新区规划面积为45平方公里。", "45平方公里", 45, "km2"),
    ("粮食产量为600吨。", "600吨", 600, "tonne"),
    ("钢铁产量达到3万吨。", "3万吨", 3e4, "tonne"),
    ("港口吞吐量达到2.5亿吨。", "2.5亿吨", 2.5e8, "tonne"),
    ("港口吞吐量達到2.5億噸。", "2.5億噸", 2.5e8, "tonne"),
    ("光伏装机容量为800千瓦。", "800千瓦", 800, "kw"),
    ("风电装机容量达到120万千瓦。", "120万千瓦", 1.2e6, "kw"),
    ("The new line is 85 km long.", "85 km", 85, "km"),
    ("Grain output was 3.2 million tonnes.", "3.2 million tonnes", 3.2e6, "tonne"),
])
def test_physical_units(ex, text, quote, value, unit):
    f = ex.one(text)
    assert (f.quote, f.value, f.unit, f.kind) == (quote, value, unit, "measure")


def test_counts_in_english_people(ex):
    f = ex.one("The survey covered 2,400 households in three villages.", quote="2,400 households")
    assert (f.value, f.unit) == (2400, "household")
    f = ex.one("Mobile payment users reached 900 million by the end of the survey.")
    assert (f.value, f.unit) == (9e8, "person")


def test_taiwan_text_uses_new_taiwan_dollars(ex):
    text = "臺北市政府主計處 發布日期：民國113年2月1日\n民國112年臺北市觀光收入約新臺幣850億元。高雄市工業產值達2.3兆元。"
    fs = ex.facts(text)
    assert [(f.quote, f.value, f.unit, f.year) for f in fs] == [
        ("850億元", 8.5e10, "TWD", 2023), ("2.3兆元", 2.3e12, "TWD", 2023)]
    assert [f.region for f in fs] == ["Taipei", "Kaohsiung"]


def test_currency_named_before_the_number_zh(ex):
    assert ex.one("香港特区政府财政储备为港币8000亿元。").unit == "HKD"
    assert ex.one("该行向企业发放贷款人民币50亿元。").unit == "CNY"


def test_relative_year_against_a_roc_date(ex):
    f = ex.one("發布日期：民國113年2月1日\n去年全市新增企業5000家。")
    assert f.year == 2023


@pytest.mark.parametrize("text,value,unit", [
    ("访港旅客人次回升至约3,400万。", 3.4e7, "person_time"),
    ("訪港旅客人次回升至約3,400萬。", 3.4e7, "person_time"),
    ("全市常住人口1400万。", 1.4e7, "person"),
])
def test_bare_wan_amount_counts_its_subject(ex, text, value, unit):
    f = ex.one(text)
    assert (f.value, f.unit, f.kind) == (value, unit, "count")


def test_index_points(ex):
    assert (ex.one("製造業生產指數為91.67。").unit, ex.one("製造業生產指數為91.67。").value) == ("point", 91.67)
    assert ex.one("The manufacturing PMI stood at 50.4 in May.").unit == "point"


@pytest.mark.parametrize("text,quote,value,unit", [
    # after a currency sign a glued 'm' is millions wherever the phrase ends
    ("It left 4bn yuan ($550m) in unpaid bills.", "$550m", 5.5e8, "USD"),
    ("Profit fell to $3m, the firm said.", "$3m", 3e6, "USD"),
    # '-odd': some 60trn
    ("Cities are now 60trn-odd yuan in debt.", "60trn-odd yuan", 6e13, "CNY"),
])
def test_abbreviated_scales_in_asides(ex, text, quote, value, unit):
    f = ex.one(text, quote)
    assert (f.quote, f.value, f.unit) == (quote, value, unit)


@pytest.mark.parametrize("text,quote,value", [
    ("The group sold 1m EVs in 2023.", "1m EVs", 1e6),
    ("The scheme helped 300 SMEs in 2023.", "300 SMEs", 300),
])
def test_an_acronyms_plural_is_what_is_counted(ex, text, quote, value):
    f = ex.one(text)
    assert (f.quote, f.value, f.unit) == (quote, value, "count")


def test_a_bare_dollar_continues_the_marked_dollar_of_its_paragraph(ex):
    facts = ex.facts("The firm will pay HK$0.84 per share, a total of $2.495bn. The deal is worth HK$1.2bn ($154m).")
    assert [(f.quote, f.unit) for f in facts] == [
        ("HK$0.84 per share", "HKD/share"), ("$2.495bn", "HKD"), ("HK$1.2bn", "HKD"), ("$154m", "USD")]


def test_a_bare_dollar_continues_new_taiwan_dollars(ex):
    facts = ex.facts("Exports earned NT$3.2bn in May and imports cost $2.9bn.")
    assert [f.unit for f in facts] == ["TWD", "TWD"]


@pytest.mark.parametrize("text,quote,unit", [
    ("Homes sold for 30,000 yuan per square metre.", "30,000 yuan per square metre", "CNY/m2"),
    ("The board declared a dividend of US$0.12 per share.", "US$0.12 per share", "USD/share"),
])
def test_prices_per_share_and_per_square_metre_en(ex, text, quote, unit):
    f = ex.one(text)
    assert (f.quote, f.unit) == (quote, unit)


def test_a_traditional_text_that_prices_in_dollar_signs_is_a_hong_kong_text(ex):
    text = "稅務局公布，整體稅收$3286億創新高，其中印花稅收入952億元，按年大增54%，薪俸稅收入608億元。"
    facts = ex.facts(text, lang="zh-Hant")
    assert [(f.quote, f.unit) for f in facts if f.kind == "money"] == [
        ("$3286億", "HKD"), ("952億元", "HKD"), ("608億元", "HKD")]


def test_without_dollar_signs_a_traditional_text_keeps_its_yuan(ex):
    text = "稅務局公布，整體稅收3286億元創新高，其中印花稅收入952億元，按年大增54%。"
    facts = ex.facts(text, lang="zh-Hant")
    assert {f.unit for f in facts if f.kind == "money"} == {"CNY"}


def test_acres_are_a_unit_en(ex):
    f = ex.one("Chinese holdings of farmland fell to nearly 350,000 acres in 2022.")
    assert (f.quote, f.value, f.unit) == ("350,000 acres", 350000, "acre")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_price_per_mu(ex, conv):
    text = "对新增流转土地的企业，一次性奖励100元/亩。"
    f = ex.one(ex.hant(text) if conv == "hant" else text)
    assert (f.value, f.unit) == (100, "CNY/mu")


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,value,unit", [
    ("主变总容量为93850千伏安。", "93850千伏安", 93850, "kva"),
    ("全年8.8万京津老人来此康养旅居。", "8.8万", 88000, "person"),
])
def test_kva_and_elderly_people(ex, conv, text, quote, value, unit):
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    f = ex.one(text, quote=quote)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_kilometres_after_a_speed_word_are_per_hour(ex, conv):
    text = "全长481公里的高铁设计时速350公里。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.raw_value, f.unit) for f in facts] == [(481, "km"), (350, "km/h")]


@pytest.mark.parametrize("text,quotes", [
    ("Amid fierce competition the carmaker sold just 1,389 last year.", ["1,389"]),
    ("The bank hired 2,100 in 2023, it said.", ["2,100"]),
    ("Exports rose 5 in 2023.", []),  # no verb that counts
])
def test_a_bare_number_after_a_verb_that_counts_en(ex, text, quotes):
    assert ex.quotes(text) == quotes


@pytest.mark.parametrize("text,quote,value", [
    ("Imports averaged 339,400 barrels per day in 2020.", "339,400 barrels per day", 339400),
    ("Imports rose to 1.70 million bpd in the first half of 2025.", "1.70 million bpd", 1.7e6),
])
def test_barrels_per_day_en(ex, text, quote, value):
    f = ex.one(text)
    assert (f.quote, f.value, f.unit) == (quote, value, "barrel/day")
