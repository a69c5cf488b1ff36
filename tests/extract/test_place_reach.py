"""How far a place named once reaches (regions.py): an earlier sentence's subject governs the next sentence, the
sentences that continue it (其中…), and — when it opens the paragraph — the whole paragraph; a place named in the
middle of a paragraph of national figures does not make the figures after it its own. Sentences of our own."""
from __future__ import annotations

import pytest


def _c(ex, text, conv):
    return ex.hant(text) if conv == "hant" else text


NATIONAL = ("各位代表：\n我代表国务院，向大会作政府工作报告。\n"
            "国民经济继续增长。国内生产总值增长8%。重点工程进展顺利，甘肃引水工程总干渠通水。"
            "全年新增发电装机1500万千瓦，铁路新线3300公里。对外贸易继续扩大，进出口总额2367亿美元。\n")


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_place_named_mid_paragraph_does_not_take_the_national_figures_after_it(ex, conv):
    fs = ex.facts(_c(ex, NATIONAL, conv))
    assert {f.region for f in fs} == {"China"}, [(f.quote, f.region) for f in fs]


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_the_paragraphs_opening_subject_governs_the_paragraph(ex, conv):
    text = "某研究报告\n长三角地区是我国经济最活跃的区域之一。在此区域内，高速公路纵横相连。沿海港口货物吞吐能力已达7.5亿吨。\n"
    f = ex.one(_c(ex, text, conv), quote=_c(ex, "7.5亿吨", conv))
    assert f.region == "Yangtze River Delta"


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_the_previous_sentences_subject_reaches_the_next(ex, conv):
    text = "全国经济平稳。广东省全年外贸增长5%。出口增长7%，进口增长2%。\n"
    f = ex.one(_c(ex, text, conv), quote="7%")
    assert f.region == "Guangdong"


def test_english_national_report_opening(ex):
    text = ("Fellow Deputies,\nOn behalf of the State Council, I will now report to you on the work of the government.\n"
            "Grain output reached 650 million tonnes. Gansu opened a new canal. Imports rose 5%.\n")
    fs = ex.facts(text)
    assert [f.region for f in fs if f.quote == "5%"] == ["China"]


def test_an_english_pronoun_continues_the_previous_subject(ex):
    text = ("Policy trends abroad.\nThe strategy of Germany places emphasis on smart factories. "
            "It plans to launch eight projects in industrial networks.\n")
    assert ex.one(text, quote="eight projects").region == "Germany"


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quote,region,unit", [
    ("本港零售业总销货价值临时估计为298亿元，按年下跌5%。", "298亿元", "Hong Kong", "HKD"),
    ("本澳上月的博彩毛收入为183亿元。", "183亿元", "Macao", "MOP"),
])
def test_this_port_and_this_macao_name_the_place_of_the_text(ex, conv, text, quote, region, unit):
    # 本港 / 本澳: how Hong Kong's and Macao's own texts name their place
    text, quote = (ex.hant(text), ex.hant(quote)) if conv == "hant" else (text, quote)
    f = ex.one(text, quote=quote)
    assert (f.region, f.unit) == (region, unit)
