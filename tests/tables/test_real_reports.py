"""Table cells and table facts of the two real reports in ../shared/pdfs, checked against cells read by eye
on the rendered pages (pdftoppm). Skipped when the shared PDFs are absent.

Northeast Electric 2018 Q1 report, page 3, table 主要会计数据和财务指标 (amounts in 元 per row label):
  营业收入 本报告期 4,755,785.11 · 上年同期 5,699,227.63 · 增减 -16.55%;
  归属于上市公司股东的净利润 本报告期 -4,648,986.52; 加权平均净资产收益率 增减 上升5.72个百分点;
  总资产 上年度末 306,236,911.04; and under 单位：元, 非流动资产处置损益 年初至报告期期末金额 3,240,868.82.
Moutai 2021 annual report:
  page 5 (单位：元 币种：人民币): 营业收入 2021年 106,190,154,843.76 · 2020年 94,915,380,916.72 · 本期比上年同期
  增减(%) 11.88; 总资产 2021年末 255,168,195,159.90; 加权平均净资产收益率（%）2021年 29.90, 减少1.51个百分点;
  基本每股收益（元／股）41.76 gives no fact (no contract unit for yuan per share).
  page 14 (单位：万元 币种：人民币): 车间辅助材料 上期采购金额 4,690.69 → 46,906,900 yuan.
  pages 50-52 合并资产负债表 (单位：元; columns 项目 | 附注 | 2021年12月31日 | 2020年12月31日, the table runs on over
  pages 51 and 52 without its header): 货币资金 附注 1 · 51,810,243,607.11 · 36,091,090,060.90 (p.50, row 2);
  递延所得税负债 附注 18 · (empty) · 1,457,513.23 (p.52, row 5). Page 56 母公司利润表: 一、营业收入 附注 4 ·
  2021年度 37,344,898,964.17 · 2020年度 27,474,592,438.64. The 附注 numbers point to notes: never facts.
  page 86 存货分类 (单位：元): 期末余额 and 期初余额 are merged over 账面余额 | 存货跌价准备… | 账面价值; row 在产品:
  14,310,650,087.51 · 1,283,984.83 · 14,309,366,102.68 | 11,941,066,479.64 · 1,283,984.83 · 11,939,782,494.81.
  pages 89 and 93 未办妥产权证书的固定资产/土地使用权 (项目 | 账面价值 | 未办妥产权证书的原因, a balance at the
  report date): “十二五”万吨茅台酒工程第二期（2012年）新增2500吨茅台酒技术改造项目 558,732,546.81 (p.89, row 1) and
  330,000,000.00 (p.93, row 3); 2011年2000吨茅台王子酒制酒技改工程及配套设施项目 346,872,092.02 (p.89, row 2);
  2000吨茅台王子酒技改工程、2800吨茅台王子酒技改工程 30,000,000.00 (p.93, row 8). Page 93 未经抵销的递延所得税资产:
  资产减值准备 期末余额 66,916,641.87 · 16,729,160.47 | 期初余额 55,903,585.82 · 13,975,896.46.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.documents.model import Document
from pipeline.documents.pdf import read_pdf
from pipeline.tables import extract_table_facts
from tests.tables.reading import read_with_own_cache

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "pdfs"
NORTHEAST = SHARED / "zh_pdf_northeast_electric_q1_report_2018.pdf"
MOUTAI = SHARED / "zh_pdf_moutai_annual_report_2021.pdf"
MOUTAI_PAGES = {1, 5, 6, 8, 14, 50, 51, 52, 56, 86, 89, 93}


def _read(path: Path, tmp_path_factory):
    if not path.exists():
        pytest.skip(f"{path} not present")
    doc = read_with_own_cache(path, tmp_path_factory.mktemp("cache"))
    return doc, extract_table_facts(doc)


@pytest.fixture(scope="module")
def northeast(tmp_path_factory):
    return _read(NORTHEAST, tmp_path_factory)


@pytest.fixture(scope="module")
def moutai(tmp_path_factory):
    """Pages 1 (title: the report's year), 5, 6, 8, 14 and the financial-statement pages of MOUTAI_PAGES of the
    124-page report, read through the same reader with the other pages left empty (page numbers kept): the whole
    report takes 20-40 s."""
    if not MOUTAI.exists():
        pytest.skip(f"{MOUTAI} not present")
    pdf = read_pdf(MOUTAI, cache_dir=tmp_path_factory.mktemp("cache"), only=MOUTAI_PAGES)
    text, starts = pdf.text_and_starts()
    doc = Document(doc_id="moutai", doc=MOUTAI.name, path=MOUTAI.name, sha256="", bytes=0, format="pdf",
                   text=text, page_starts=starts, pages=len(pdf.pages), tables=pdf.tables, lang="zh-Hans")
    return doc, extract_table_facts(doc)


def _one(facts, page, indicator, year, unit):
    got = [f for f in facts if f.page == page and f.indicator == indicator and f.year == year and f.unit == unit]
    assert len(got) == 1, (page, indicator, year, unit, got)
    return got[0]


def test_northeast_cells(northeast):
    doc, _ = northeast
    cells = {(c.page, c.table_index, c.row, c.col): c for c in doc.tables}
    assert cells[(3, 0, 1, 0)].text == "营业收入（元）"
    assert cells[(3, 0, 1, 1)].text == "4,755,785.11"
    assert cells[(3, 0, 1, 1)].header == "营业收入（元） | 本报告期"
    assert cells[(3, 0, 0, 2)].text == "上年同期"
    assert len(doc.tables) > 1000 and len({(c.page, c.table_index) for c in doc.tables}) >= 20


def test_northeast_facts(northeast):
    doc, facts = northeast
    rev = _one(facts, 3, "营业收入", 2018, "CNY")
    assert rev.value == 4755785.11 and rev.quote == "4,755,785.11" and rev.source == "table"
    assert _one(facts, 3, "营业收入", 2017, "CNY").value == 5699227.63
    g = _one(facts, 3, "营业收入", 2018, "percent")
    assert g.value == -16.55 and g.measure == "growth"
    assert _one(facts, 3, "归属于上市公司股东的净利润", 2018, "CNY").value == -4648986.52
    pp = _one(facts, 3, "加权平均净资产收益率", 2018, "percentage_point")
    assert pp.value == 5.72 and pp.quote == "上升5.72个百分点"
    assert _one(facts, 3, "总资产", 2017, "CNY").value == 306236911.04
    gain = _one(facts, 3, "非流动资产处置损益（包括已计提资产减值准备的冲销部分）", 2018, "CNY")
    assert gain.value == 3240868.82 and gain.raw_unit == "元"
    for f in facts:
        assert doc.text[f.char_start:f.char_end] == f.quote
        assert doc.page_of(f.char_start) == f.page


def test_moutai_cells_and_facts(moutai):
    doc, facts = moutai
    assert doc.pages == 124
    assert {c.page for c in doc.tables} == MOUTAI_PAGES - {1}
    assert len(doc.tables) > 300
    rev = _one(facts, 5, "营业收入", 2021, "CNY")
    assert rev.value == 106190154843.76 and rev.raw_unit == "元" and rev.scale == 1.0
    assert _one(facts, 5, "营业收入", 2020, "CNY").value == 94915380916.72
    g = _one(facts, 5, "营业收入", 2021, "percent")
    assert g.value == 11.88 and g.measure == "growth"
    assert _one(facts, 5, "总资产", 2021, "CNY").value == 255168195159.90
    assert _one(facts, 5, "加权平均净资产收益率", 2021, "percent").value == 29.90
    assert _one(facts, 5, "加权平均净资产收益率", 2021, "percentage_point").value == -1.51
    # yuan per share has no contract unit: the EPS amounts give no fact, their growth in percent does
    assert not [f for f in facts if f.page == 5 and f.indicator == "基本每股收益" and f.unit != "percent"]
    q1 = _one(facts, 6, "营业收入 第一季度（1-3月份）", 2021, "CNY")
    assert q1.quote == "27,270,884,813.14"
    assert _one(facts, 8, "茅台酒营业收入", 2021, "CNY").value == 93464512115.94
    aux = _one(facts, 14, "车间辅助材料", 2020, "CNY")
    assert aux.value == 46906900.0 and aux.raw_value == 4690.69 and aux.raw_unit == "万元" and aux.scale == 1e4
    assert all(doc.text[f.char_start:f.char_end] == f.quote for f in facts)


def test_moutai_running_header_and_page_numbers_not_in_text(moutai):
    doc, _ = moutai
    # every page prints 2021年年度报告 on top and `n / 124` at the bottom
    assert "/ 124" not in doc.text
    for n in (5, 6, 8, 14):
        page = doc.text[doc.page_starts[n - 1]:doc.page_starts[n]]
        assert "2021年年度报告" not in page and f"{n} / 124" not in page


def test_northeast_quarter_columns_keep_their_period(northeast):
    _, facts = northeast
    # page 6, 利润表项目变动: 管理费用 2018年1-3月 7,764,789.98 · 2017年1-3月 15,753,158.14 (单位：人民币元)
    q = _one(facts, 6, "管理费用 2018年1-3月", 2018, "CNY")
    assert q.value == 7764789.98
    assert _one(facts, 6, "管理费用 2017年1-3月", 2017, "CNY").value == 15753158.14


def test_moutai_note_reference_column_gives_cells_but_no_facts(moutai):
    doc, facts = moutai
    cells = {(c.page, c.text, c.header) for c in doc.tables}
    assert (50, "1", "货币资金 | 附注") in cells and (56, "4", "一、营业收入 | 附注") in cells
    assert (52, "18", "递延所得税负债 | 附注") in cells  # the table runs on from page 51 under the same header
    assert not [f for f in facts if "，附注：" in f.sentence], "a note reference was published as a fact"
    cash = [f for f in facts if f.page == 50 and f.indicator == "货币资金"]
    assert sorted((f.year, f.value) for f in cash) == [(2020, 36091090060.90), (2021, 51810243607.11)]
    deferred = [f for f in facts if f.page == 52 and f.indicator == "递延所得税负债"]
    assert [(f.year, f.value) for f in deferred] == [(2020, 1457513.23)]
    revenue = [f for f in facts if f.page == 56 and f.indicator == "营业收入"]
    assert sorted((f.year, f.value) for f in revenue) == [(2020, 27474592438.64), (2021, 37344898964.17)]


def test_moutai_merged_parent_header_dates_the_columns_under_it(moutai):
    doc, facts = moutai
    header = {(c.page, c.table_index, c.row, c.col): c.header for c in doc.tables}
    assert header[(86, 0, 3, 3)] == "在产品 | 期末余额 / 账面价值"
    assert header[(86, 0, 3, 6)] == "在产品 | 期初余额 / 账面价值"
    # 期末余额 = the report's period end (2021), 期初余额 = the previous one (2020); never the 2022 of old
    assert _one(facts, 86, "在产品账面余额", 2021, "CNY").value == 14310650087.51
    assert _one(facts, 86, "在产品账面价值", 2021, "CNY").value == 14309366102.68
    assert _one(facts, 86, "在产品账面价值", 2020, "CNY").value == 11939782494.81
    assert _one(facts, 86, "在产品存货跌价准备/合同履约成本减值准备", 2020, "CNY").value == 1283984.83
    assert not [f for f in facts if f.page == 86 and f.year not in (2020, 2021)]
    assert _one(facts, 93, "资产减值准备递延所得税资产", 2021, "CNY").value == 16729160.47
    assert _one(facts, 93, "资产减值准备递延所得税资产", 2020, "CNY").value == 13975896.46


def test_moutai_year_in_a_project_name_does_not_date_its_row(moutai):
    _, facts = moutai
    assert not [f for f in facts if f.page in (89, 93) and f.year not in (2020, 2021)]
    name = "“十二五”万吨茅台酒工程第二期（2012年）新增2500吨茅台酒技术改造项目账面价值"
    assert _one(facts, 89, name, 2021, "CNY").value == 558732546.81
    assert _one(facts, 93, name.replace("2012年", "2012 年"), 2021, "CNY").value == 330000000.0
    assert _one(facts, 89, "2011年2000吨茅台王子酒制酒技改工程及配套设施项目账面价值", 2021, "CNY").value == 346872092.02
    assert _one(facts, 93, "2000吨茅台王子酒技改工程、2800吨茅台王子酒技改工程账面价值", 2021, "CNY").value == 30000000.0
