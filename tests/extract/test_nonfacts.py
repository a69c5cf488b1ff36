"""Numbers that are not facts give no fact at all, in all three scripts."""
import pytest


@pytest.mark.parametrize("text", [
    # years and dates on their own
    "The reform began in 2013 and was reviewed on 12 May 2018.",
    "改革始于2013年，并于2018年5月12日完成评估。",
    "改革始於2013年，並於2018年5月12日完成評估。",
    # names holding numbers
    "Firms are adopting Industry 4.0 methods and Industry 4. 0 applications.",
    "Operators rolled out 5G networks and 3D printers across the zone.",
    "The Made in China 2025 strategy and the 14th Five-Year Plan set the direction.",
    "深入学习贯彻党的二十大精神，落实“十四五”规划。",
    "深入學習貫徹黨的二十大精神，落實“十四五”規劃。",
    "景区获评国家5A级旅游景区，构建“1+N”政策体系。",
    "景區獲評國家5A級旅遊景區，構建“1+N”政策體系。",
    # list and section numbering, contents pages
    "1. Introduction\n2.1 Background of the study",
    "（一）总体要求\n第一章 发展现状 ..... 12\n第二节 产业结构 ..... 36",
    "（一）總體要求\n第一章 發展現狀 ..... 12\n第二節 產業結構 ..... 36",
    # citations and references
    "Growth slowed (Smith, 2020). See Journal of Economics, 21(4), 614-624.",
    "[3] Li Wei. Regional policy[J]. Economic Review, 2016(5): 33-41.",
    # codes and contact details
    "ISBN 978-7-5096-4331-0",
    "电话：(010) 51915602 邮编：100836 邮箱：office123@example.cn",
    "電話：(010) 51915602 郵編：100836",
    "Contact: office123@example.com, tel. 010-6802-2974.",
    "根据青政办字〔2023〕57号文件精神制定本方案。",
    "根據青政辦字〔2023〕57號文件精神制定本方案。",
    # durations and class words
    "打造社区15分钟便民生活圈。",
    "It is proposed that in the next five years the rules will change.",
    "引进十亿级高端项目，培育世界500强企业。",
    "引進十億級高端項目，培育世界500強企業。",
    # ordinals and vague counts
    "该市连续3年位居全省第1名。",
    "The plan rests on three pillars and two aspects.",
    "一个目标、两项任务、四个分工，推动一批项目落地。",
    "一個目標、兩項任務、四個分工，推動一批項目落地。",
])
def test_not_facts(ex, text):
    assert ex.quotes(text) == []


def test_anaphoric_count_is_not_a_new_fact(ex):
    text = "The zone links Jinan, Tai'an, Liaocheng and Dezhou as central cities. Cooperation among the four cities is deepening."
    assert ex.quotes(text) == []


def test_a_count_that_names_its_members_is_a_fact(ex):
    f = ex.one("The delta spans the three provinces of Jiangsu, Zhejiang and Anhui.")
    assert (f.value, f.unit) == (3, "count")


def test_spelled_chinese_count_needs_a_quantity_verb(ex):
    assert ex.one("今年新增两家科技企业。").value == 2
    assert ex.one("今年新增兩家科技企業。").value == 2


@pytest.mark.parametrize("text", ["若中断时间连续超过3个月，应暂停资本化。", "若中斷時間連續超過3個月，應暫停資本化。"])
def test_durations_with_measure_words(ex, text):
    assert ex.quotes(text) == []


@pytest.mark.parametrize("text", [
    "图片：https://example.com/news/2018/05/%E7%A8%85%E5%8B%99%E5%B1%80-20180502_1514_large.png 税收增长13%。",
    "See https://example.org/a/38840/%E8%81%9E-2021 for the data; exports rose 13%.",
])
def test_numbers_inside_a_link_are_not_facts(ex, text):
    assert ex.quotes(text) == ["13%"]


def test_a_markdown_files_front_matter_holds_no_facts(tmp_path):
    from pipeline.process import process_file
    p = tmp_path / "a.md"
    p.write_text('---\ntitle: "整體稅收3286億元創新高"\ndate: 2018-05-02\ntags: ["5G", "2018"]\n---\n\n'
                 "# 整體稅收3286億元創新高\n\n稅務局公布，整體稅收達到3286億元，按年增加13%。\n", encoding="utf-8")
    _, facts = process_file(p, tmp_path)
    assert [f.quote for f in facts] == ["3286億元", "3286億元", "13%"]
    assert all(f.char_start > p.read_text(encoding="utf-8").index("\n---\n") for f in facts)


@pytest.mark.parametrize("conv", ["hans", "hant"])
def test_a_measure_word_that_begins_the_next_word_is_no_unit(ex, conv):
    text = "2024台湾手机市场销量下滑，全年销售2024台手机。"
    facts = ex.facts(ex.hant(text) if conv == "hant" else text)
    assert [(f.quote, f.char_start) for f in facts] == [(ex.hant("2024台") if conv == "hant" else "2024台",
                                                        text.rindex("2024"))]


@pytest.mark.parametrize("conv", ["hans", "hant"])
@pytest.mark.parametrize("text,quotes", [
    ("人才委已举办四场面试会。", ["四场"]),
    ("大厦及乐群楼共八个公共房屋项目完成维修。", ["八个"]),
    ("全国开展一个增产节约的全民运动。", []),  # 一 after a verb of doing is an article
])
def test_a_spelled_count_after_a_verb_of_doing(ex, conv, text, quotes):
    text = ex.hant(text) if conv == "hant" else text
    assert ex.quotes(text) == [ex.hant(q) if conv == "hant" else q for q in quotes]
