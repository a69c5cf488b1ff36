"""The gazetteer and the rules that pick the place a value is about."""
import pytest

from pipeline.extract.reference import load_tsv
from pipeline.extract.regions import gazetteer


def test_gazetteer_coverage():
    rows = load_tsv("regions.tsv")
    levels = [r[0] for r in rows]
    assert levels.count("province") == 34
    assert levels.count("city") >= 330
    assert levels.count("district") >= 150
    assert {"Yangtze River Delta", "Beijing-Tianjin-Hebei", "Pearl River Delta",
            "Guangdong-Hong Kong-Macao Greater Bay Area"} <= {r[1] for r in rows}


@pytest.mark.parametrize("name,en,zh", [
    ("青岛市", "Qingdao", "青岛市"), ("青岛", "Qingdao", "青岛市"), ("青島市", "Qingdao", "青岛市"),
    ("崂山区", "Laoshan District", "崂山区"), ("嶗山區", "Laoshan District", "崂山区"),
    ("广西壮族自治区", "Guangxi", "广西壮族自治区"), ("廣西", "Guangxi", "广西壮族自治区"),
    ("延边朝鲜族自治州", "Yanbian", "延边朝鲜族自治州"), ("延边", "Yanbian", "延边朝鲜族自治州"),
    ("Xuzhou City", "Xuzhou", "徐州市"), ("Jiangsu Province", "Jiangsu", "江苏省"), ("U.S.", "United States", "美国"),
    ("粤港澳大湾区", "Guangdong-Hong Kong-Macao Greater Bay Area", "粤港澳大湾区"), ("長三角", "Yangtze River Delta", "长江三角洲"),
])
def test_lookup_in_three_scripts(name, en, zh):
    r = gazetteer().lookup(name)
    assert (r.en, r.zh) == (en, zh)


def test_short_forms_that_are_words_are_not_places():
    # 大同 is a city but also 'great harmony'; only the full name 大同市 is read as the place
    assert gazetteer().lookup("大同市").en == "Datong"
    assert "大同" not in gazetteer().zh


@pytest.mark.parametrize("text,region,region_zh", [
    ("2022年，苏州市进出口总额为2.5万亿元。", "Suzhou", "苏州市"),
    ("2022年，蘇州市進出口總額為2.5萬億元。", "Suzhou", "苏州市"),
    ("In 2022, exports from Ningbo reached 90 billion US dollars.", "Ningbo", "宁波市"),
])
def test_place_in_the_sentence(ex, text, region, region_zh):
    f = ex.one(text)
    assert (f.region, f.region_zh) == (region, region_zh)


def test_place_in_parentheses_en(ex):
    fs = ex.facts("Changsha led the group, compared with Zhuzhou (310 billion yuan) and Xiangtan (260 billion yuan).")
    assert [f.region for f in fs] == ["Zhuzhou", "Xiangtan"]


def test_place_after_in_en(ex):
    f = ex.one("The rate is low, far below the level of 65% in Germany.")
    assert f.region == "Germany"


def test_document_title_governs_implicit_place(ex):
    text = "海淀区促进软件产业发展实施方案\n全区软件企业营业收入突破2000亿元，新增上市企业10家。\n"
    fs = ex.facts(text)
    assert [(f.region, f.region_zh) for f in fs] == [("Haidian District", "海淀区")] * 2
    fs = ex.facts(ex.hant(text))
    assert [f.region for f in fs] == ["Haidian District"] * 2


def test_places_named_as_objects_do_not_govern(ex):
    text = ("海淀区促进软件产业发展实施方案\n"
            "辐射带动作用由京津冀向长三角、珠三角不断增强;全区软件收入突破2000亿元。\n")
    assert ex.one(text).region == "Haidian District"


def test_subject_of_an_earlier_sentence_governs(ex):
    text = "成都市电子信息产业规模全国领先。全年产业营收达到1.2万亿元。"
    assert ex.one(text).region == "Chengdu"


def test_comparison_yardstick_is_not_the_place(ex):
    f = ex.one("郑州市人均收入是洛阳市的1.3倍。")
    assert f.region == "Zhengzhou"


def test_street_and_university_names_are_not_places(ex):
    f = ex.one("推动上海路商业街升级，新增商户80家。")
    assert f.region != "Shanghai"  # (a simplified text naming no place is national: China)
    f = ex.one("The survey by Guangxi Arts University covered 300 households.")
    assert f.region is None


def test_country_adjective_en(ex):
    f = ex.one("The German government approved 200 million euros for the programme.")
    assert f.region == "Germany"


def test_currency_prefix_is_not_a_country(ex):
    f = ex.one("China's services exports were US$381 billion in 2023.")
    assert (f.unit, f.region) == ("USD", "China")


def test_roc_dated_text_is_about_taiwan(ex):
    f = ex.one("發布日期：中華民國113年3月20日\n112年製造業產值為新臺幣23兆9,576億元。")
    assert (f.region, f.unit, f.value, f.year) == ("Taiwan", "TWD", 2.39576e13, 2023)


def test_trade_partners_after_dui_are_not_the_subject(ex):
    text = "海峡两岸经济统计\n台湾地区对中国大陆及香港出口1522亿美元。"
    assert ex.one(text).region == "Taiwan"


def test_national_report_defaults_to_its_dominant_place(ex):
    text = ("我国经济总体平稳。我国外贸稳中有进。我国就业形势稳定。我国物价温和。我国民生改善。\n"
            "推广上海等自贸试验区经验。\n各类市场主体达到9800多万户。")
    assert ex.one(text).region == "China"


# ---- county, district and town names the gazetteer does not list (places.py) ------------------------------

def test_county_name_by_suffix_zh(ex):
    f = ex.one("浦江县全年实现地区生产总值310亿元。")
    assert (f.region, f.region_zh) == ("Pujiang County", "浦江县")


def test_town_name_by_suffix_zh_and_hant(ex):
    text = "黄宅镇工业产值增长8.5%。"
    f = ex.one(text)
    assert (f.region, f.region_zh) == ("Huangzhai Town", "黄宅镇")
    f = ex.one(ex.hant(text))
    assert (f.region, f.region_zh) == ("Huangzhai Town", "黄宅镇")


def test_county_title_is_the_fallback(ex):
    f = ex.one("全县新增市场主体2300户。", title="浦江县2024年政府工作报告")
    assert (f.region, f.region_zh) == ("Pujiang County", "浦江县")


def test_common_words_ending_in_qu_shi_are_not_places(ex):
    # (no place named: a simplified text is national, China; the point is that 社区, 园区, 城乡 name none)
    f = ex.one("新建社区服务中心和工业园区标准厂房12个。")
    assert f.region in (None, "China")
    f = ex.one(ex.hant("城乡居民人均可支配收入增长6.1%。"))
    assert f.region in (None, "China")


# ---- China's statistical macro-regions and economic zones -------------------------------------------------

def test_macro_regions_in_an_enumeration_zh_and_hant(ex):
    text = "东部、中部、西部和东北地区投资分别增长3.1%、2.7%、4.0%和1.9%。"
    got = [(f.region, f.region_zh) for f in ex.facts(text)]
    assert got == [("Eastern region", "东部地区"), ("Central region", "中部地区"), ("Western region", "西部地区"),
                   ("Northeast region", "东北地区")]
    got = [(f.region, f.region_zh) for f in ex.facts(ex.hant(text))]
    assert got[0] == ("Eastern region", "东部地区") and got[3] == ("Northeast region", "东北地区")


def test_bare_direction_is_not_a_macro_region(ex):
    f = ex.one("广东西部的湛江港吞吐量增长5%。")
    assert f.region == "Zhanjiang"


def test_macro_region_en(ex):
    f = ex.one("Fixed-asset investment in western China rose 6.2% in 2024.")
    assert (f.region, f.region_zh) == ("Western region", "西部地区")


def test_economic_circle_keeps_its_name(ex):
    f = ex.one("The Chengdu-Chongqing Economic Circle produced 8.2 trillion yuan of output in 2023.")
    assert (f.region, f.region_zh) == ("Chengdu-Chongqing Economic Circle", "成渝地区双城经济圈")
    f = ex.one(ex.hant("成渝地区双城经济圈实现地区生产总值8.2万亿元。"))
    assert (f.region, f.region_zh) == ("Chengdu-Chongqing Economic Circle", "成渝地区双城经济圈")
    f = ex.one("长江经济带货物贸易进出口增长4.2%。")
    assert (f.region, f.region_zh) == ("Yangtze River Economic Belt", "长江经济带")


def test_macau_and_macao_are_one_place(ex):
    for text in ("Macau's gross gaming revenue rose 24% in 2024.", "Macao's gross gaming revenue rose 24% in 2024."):
        f = ex.one(text, "24%")
        assert (f.region, f.region_zh) == ("Macao", "澳门特别行政区")
    f = ex.one(ex.hant("澳门本地生产总值增长8.8%。"))
    assert (f.region, f.region_zh) == ("Macao", "澳门特别行政区")


# ---- national documents and national sentences (national.py) -----------------------------------------------

def test_national_cue_in_sentence_en(ex):
    for text in ("Nationwide retail sales rose 3.2% in 2024.", "The country's exports rose 7.1% in 2024.",
                 "National industrial output rose 5.8% in 2024."):
        f = ex.one(text)
        assert (f.region, f.region_zh) == ("China", "中国"), text


def test_national_average_is_a_yardstick_not_the_subject(ex):
    f = ex.one("The province's output rose 5.1% in 2024.")
    assert f.region is None


def test_national_cue_zh_and_hant(ex):
    text = "国家统计局数据显示，规模以上工业增加值同比增长5.6%。"
    f = ex.one(text)
    assert (f.region, f.region_zh) == ("China", "中国")
    f = ex.one(ex.hant(text))
    assert (f.region, f.region_zh) == ("China", "中国")


def test_upper_case_banner_title_names_china(ex):
    f = ex.one("Real GDP expanded by 4.9 percent in 2024.", title="CHINA ECONOMIC UPDATE")
    assert (f.region, f.region_zh) == ("China", "中国")
    f = ex.one("CHINA ECONOMIC UPDATE\n\nReal GDP expanded by 4.9 percent in 2024.")
    assert (f.region, f.region_zh) == ("China", "中国")


def test_national_publisher_without_place_in_title(ex):
    text = "国家统计局\n2024年11月15日\n\n社会消费品零售总额同比增长4.8%。"
    f = ex.one(text, title="2024年10月份国民经济运行情况")
    assert (f.region, f.region_zh) == ("China", "中国")
    f = ex.one(ex.hant(text), title=ex.hant("2024年10月份国民经济运行情况"))
    assert (f.region, f.region_zh) == ("China", "中国")
    f = ex.one("Retail sales rose 4.8% in October.", title="Monthly release - National Bureau of Statistics")
    assert (f.region, f.region_zh) == ("China", "中国")


def test_section_heading_names_the_place_of_its_section(ex):
    f = ex.one("# Guangdong\n\nThe new policy lifted output.\n\nOutput rose 4.1% in 2024.")
    assert (f.region, f.region_zh) == ("Guangdong", "广东省")


# ---- the subject's place, not a modifier's -----------------------------------------------------------------

def test_appositive_place_is_not_the_subject_en(ex):
    f = ex.one("Shenzhen, the tech hub across the border from Hong Kong, grew 5.3% in 2024.")
    assert (f.region, f.region_zh) == ("Shenzhen", "深圳市")
    f = ex.one("Guangzhou, the capital of Guangdong, grew 4.1% in 2024.")
    assert (f.region, f.region_zh) == ("Guangzhou", "广州市")


def test_place_of_a_source_is_not_the_subject_en(ex):
    f = ex.one("Analysts at a Hong Kong brokerage expect China's EV sales to reach 12 million units in 2025.")
    assert (f.region, f.region_zh) == ("China", "中国")
    f = ex.one("Beijing-based economists expect exports to rise 3% in 2025.")
    assert f.region is None
    # the organisation's own value keeps its place
    f = ex.one("A Shenzhen-based maker sold 3 million phones in 2024.")
    assert (f.region, f.region_zh) == ("Shenzhen", "深圳市")


def test_subject_place_before_a_modifier_zh_and_hant(ex):
    text = "深圳作为毗邻香港的科技中心，去年经济增长5.3%。"
    for t in (text, ex.hant(text)):
        f = ex.one(t)
        assert (f.region, f.region_zh) == ("Shenzhen", "深圳市")


def test_county_report_end_to_end_zh_and_hant(ex):
    text = ("浦江县人民政府工作报告\n\n2023年，全县实现地区生产总值310.5亿元，增长6.2%。\n"
            "黄宅镇工业总产值突破120亿元；岩头镇新增规上企业15家。\n新建社区服务中心12个，景区接待游客520万人次。")
    want = [("Pujiang County", "浦江县"), ("Pujiang County", "浦江县"), ("Huangzhai Town", "黄宅镇"),
            ("Yantou Town", "岩头镇"), ("Pujiang County", "浦江县"), ("Pujiang County", "浦江县")]
    for t in (text, ex.hant(text)):
        assert [(f.region, f.region_zh) for f in ex.facts(t)] == want


def test_central_and_western_together_is_not_western(ex):
    f = ex.one("中西部地区投资增长6.1%。")
    assert (f.region, f.region_zh) == ("Central and Western regions", "中西部地区")
