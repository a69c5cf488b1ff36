"""A value that names no place takes the document's: the place of the publisher its wrapper names (网站主办单位：
中国人民银行办公厅), the place whose currency most of its money is in (HK$, MOP, NT$), China for a simplified-Chinese
text that names no place at all; a street (東北大馬路) is not a place. Table cells, which have no sentence,
take the document's place too. Small documents of our own in each script."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.documents import read_document
from pipeline.process import facts_for


def _facts(tmp_path: Path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return facts_for(read_document(p, tmp_path))


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_the_publisher_named_in_a_footer_places_the_values(ex, tmp_path, conv):
    body = ("<html><head><title>2020年上半年金融统计数据报告</title></head><body><p>上半年人民币贷款增加12.09万亿元。</p>"
            "<p>广义货币余额213.49万亿元，同比增长11.1%。</p>"
            "<p>法律声明 | 联系我们</p><p>网站主办单位：中国人民银行办公厅\u3000最佳分辨率：1024*768</p></body></html>")
    body = ex.hant(body) if conv == "hant" else body
    facts = _facts(tmp_path, "r.html", body)
    assert [f.region for f in facts] == ["China", "China", "China"]


def test_a_footer_field_ends_where_the_next_begins(tmp_path):
    p = tmp_path / "r.html"
    p.write_text("<html><body><p>收入增长5%。</p><p>主办单位：某某市统计局\u3000地址：某路1号</p></body></html>",
                 encoding="utf-8")
    assert read_document(p, tmp_path).publisher == "某某市统计局"


@pytest.mark.parametrize("text,place", [
    ("The Government announced its results today. Expenditure was HK$531.8 billion and revenue HK$599.8 billion, "
     "a surplus of HK$68 billion.", "Hong Kong"),
    ("整體稅收達到$3286億，利得稅收入1391億元，薪俸稅收入608億元。", "Hong Kong"),
    ("本年度預算收入MOP 1,148億，開支MOP 900億，盈餘MOP 248億。", "Macao"),
    ("The budget totals NT$2.9 trillion, with NT$400 billion for defence and NT$300 billion for social welfare.",
     "Taiwan"),
])
def test_money_in_one_places_currency_places_a_text_that_names_none(ex, text, place):
    facts = ex.facts(text, date="2019-04-30")
    assert facts and {f.region for f in facts if f.kind == "money"} == {place}


def test_money_mostly_in_dollars_elsewhere_does_not_place_the_text(ex):
    facts = ex.facts("Imports were $147.2 billion, exports $174.3 billion and the surplus HK$1 billion.",
                     date="2013-07-10")
    assert "Hong Kong" not in {f.region for f in facts}


def test_a_simplified_chinese_text_that_names_no_place_is_national(ex):
    facts = ex.facts("5月CPI同比上涨2.4%，前值3.3%。社融增量3.19万亿元，M2同比增长11.1%。", lang="zh-Hans",
                     date="2020-06-12")
    assert {f.region for f in facts} == {"China"}


def test_a_traditional_chinese_text_that_names_no_place_stays_unplaced(ex):
    facts = ex.facts("收入同比上漲2.4%，前值3.3%。", lang="zh-Hant", date="2020-06-12")
    assert {f.region for f in facts} == {None}


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_street_named_after_a_direction_is_no_place(ex, conv):
    text = "澳门特区政府宣布，禁止车辆由东北大马路左转入松柏街，东北巷将于4月20日起封闭，工程费用约3亿澳门元。"
    text = ex.hant(text) if conv == "hant" else text
    assert {f.region for f in ex.facts(text, date="2026-04-15")} == {"Macao"}


def test_table_cells_take_the_documents_place(tmp_path):
    page = ("<html><head><title>Hong Kong provisional financial results</title></head><body>"
            "<p>The Government announced the results today.</p><table>"
            "<tr><th>Item</th><th>2019 (HK$ million)</th></tr>"
            "<tr><td>Revenue</td><td>599,800</td></tr><tr><td>Expenditure</td><td>531,800</td></tr>"
            "</table></body></html>")
    facts = [f for f in _facts(tmp_path, "hk.html", page) if f.source == "table"]
    assert facts and {f.region for f in facts} == {"Hong Kong"}


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_disease_named_after_a_city_is_no_place(ex, conv):
    text = "受武汉肺炎疫情冲击，全国社会消费品零售总额52,130亿元。"
    text = ex.hant(text) if conv == "hant" else text
    assert ex.one(text, date="2020-03-16").region != "Wuhan"
