#!/usr/bin/env python3
"""Source of the held-out gold: writes tests/heldout/gold/<doc>.jsonl in the GOLD_SPEC format.

Each fact is (quote, context, value, unit, year, target, qualifier, region, indicator[, extras]); an ignored
number is IGN(quote, context, note). Every quote must lie in its context and every context must occur exactly
once in its document, or the build stops.  Run: python3 tests/heldout/build_gold.py

It writes the gold of the first round's eight documents only; the later rounds' gold was written directly as
JSONL (tests/heldout/gold/<doc>.jsonl) and is left alone.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
DOCS, GOLD = HERE / "docs", HERE / "gold"
MONEY = {"CNY", "USD", "EUR", "JPY", "HKD", "TWD", "GBP"}
PCT = {"percent", "percentage_point", "per_mille", "basis_point"}
COUNT = {"count", "person", "person_time", "household"}


def kind(unit):
    return "money" if unit in MONEY else "percent" if unit in PCT else "count" if unit in COUNT else \
        "ratio" if unit == "times" else "measure"


def IGN(quote, context, note):
    return {"ignore": True, "quote": quote, "context": context, "note": note}


MU = 1 / 15  # 亩 → hectare
THIRD = 33.333333333333336

G = {}

# ---- zh-Hans: provincial statistical bulletin (Jiangxi, 2023; dated 2024-03-18) -----------------------------
JX = "Jiangxi"
G["zh_hans_bulletin_jiangxi_2023.txt"] = [
    ("32200.1亿元", "全年全省地区生产总值32200.1亿元", 3220010000000, "CNY", 2023, False, "=", JX, "GDP"),
    ("4.1%", "32200.1亿元，比上年增长4.1%", 4.1, "percent", 2023, False, "=", JX, "GDP growth"),
    ("13706.2亿元", "第二产业增加值13706.2亿元", 1370620000000, "CNY", 2023, False, "=", JX, "secondary industry value added"),
    ("4.6%", "13706.2亿元，增长4.6%", 4.6, "percent", 2023, False, "=", JX, "secondary industry value added growth"),
    ("16043.5亿元", "第三产业增加值16043.5亿元", 1604350000000, "CNY", 2023, False, "=", JX, "tertiary industry value added"),
    ("3.7%", "16043.5亿元，增长3.7%", 3.7, "percent", 2023, False, "=", JX, "tertiary industry value added growth"),
    IGN("7.6∶42.6∶49.8", "三次产业结构调整为7.6∶42.6∶49.8", "structure ratio of the three sectors; three shares written as a ratio"),
    ("4515.0万人", "年末全省常住人口4515.0万人", 45150000, "person", 2023, False, "=", JX, "resident population at year end"),
    ("12.8万人", "比上年末减少12.8万人", -128000, "person", 2023, False, "=", JX, "change in resident population"),
    ("62.85%", "常住人口城镇化率为62.85%", 62.85, "percent", 2023, False, "=", JX, "urbanization rate"),
    ("0.78个百分点", "比上年末提高0.78个百分点", 0.78, "percentage_point", 2023, False, "=", JX, "urbanization rate change"),
    ("6.77‰", "人口出生率为6.77‰", 6.77, "per_mille", 2023, False, "=", JX, "birth rate"),
    ("7.10‰", "死亡率为7.10‰", 7.1, "per_mille", 2023, False, "=", JX, "death rate"),
    ("0.2%", "居民消费价格比上年上涨0.2%", 0.2, "percent", 2023, False, "=", JX, "CPI change"),
    ("0.3%", "食品烟酒价格下降0.3%", -0.3, "percent", 2023, False, "=", JX, "food and tobacco price change"),
    ("5660.5万亩", "全年粮食种植面积5660.5万亩", 56605000 * MU, "hectare", 2023, False, "=", JX, "grain sown area"),
    ("2200.6万吨", "粮食总产量2200.6万吨", 22006000, "tonne", 2023, False, "=", JX, "grain output"),
    ("2.1%", "2200.6万吨，比上年增长2.1%", 2.1, "percent", 2023, False, "=", JX, "grain output growth"),
    ("5.4%", "规模以上工业增加值比上年增长5.4%", 5.4, "percent", 2023, False, "=", JX, "industrial value added growth (above designated size)"),
    ("9.2%", "分别增长9.2%和7.8%", 9.2, "percent", 2023, False, "=", JX, "high-tech manufacturing value added growth"),
    ("7.8%", "分别增长9.2%和7.8%", 7.8, "percent", 2023, False, "=", JX, "equipment manufacturing value added growth"),
    ("21.5%", "比重分别为21.5%和30.6%", 21.5, "percent", 2023, False, "=", JX, "high-tech manufacturing share of industrial value added"),
    ("30.6%", "比重分别为21.5%和30.6%", 30.6, "percent", 2023, False, "=", JX, "equipment manufacturing share of industrial value added"),
    ("1.75万家", "规模以上工业企业1.75万家", 17500, "count", 2023, False, "=", JX, "industrial enterprises above designated size"),
    ("13542.3亿元", "社会消费品零售总额13542.3亿元", 1354230000000, "CNY", 2023, False, "=", JX, "retail sales of consumer goods"),
    ("6.2%", "13542.3亿元，比上年增长6.2%", 6.2, "percent", 2023, False, "=", JX, "retail sales growth"),
    ("5697.6亿元", "货物进出口总额5697.6亿元", 569760000000, "CNY", 2023, False, "=", JX, "goods trade"),
    ("16.1%", "比上年下降16.1%", -16.1, "percent", 2023, False, "=", JX, "goods trade change"),
    ("18.7亿美元", "实际使用外商直接投资18.7亿美元", 1870000000, "USD", 2023, False, "=", JX, "FDI actually used"),
    ("6739公里", "高速公路通车里程6739公里", 6739, "km", 2023, False, "=", JX, "expressway length"),
    ("8.35亿人次", "全年接待国内游客8.35亿人次", 835000000, "person_time", 2023, False, "=", JX, "domestic tourist visits"),
    ("63%", "森林覆盖率稳定在63%以上", 63, "percent", 2023, False, ">=", JX, "forest coverage"),
    ("7450.1亿元", "南昌市全年地区生产总值7450.1亿元", 745010000000, "CNY", 2023, False, "=", "Nanchang", "GDP"),
    ("4.1%", "7450.1亿元，增长4.1%", 4.1, "percent", 2023, False, "=", "Nanchang", "GDP growth"),
    IGN("2000万元", "年主营业务收入2000万元及以上", "size threshold that defines 'above designated size'; not a fact"),
]

# ---- zh-Hans: city three-year action plan (Wuhu, 2025-2027; dated 2025-04-10) -------------------------------
WH = "Wuhu"
G["zh_hans_plan_wuhu_2027.txt"] = [
    ("9.8%", "规模以上工业增加值增长9.8%", 9.8, "percent", 2024, False, "=", WH, "industrial value added growth"),
    ("36.2%", "比重达到36.2%", 36.2, "percent", 2024, False, "=", WH, "manufacturing share of GDP"),
    ("115.3万辆", "新能源汽车产量达到115.3万辆", 1153000, "count", 2024, False, "=", WH, "new energy vehicle output"),
    ("3268家", "规模以上工业企业达到3268家", 3268, "count", 2024, False, "=", WH, "industrial enterprises above designated size"),
    ("1.2万亿元", "规模以上工业营业收入突破1.2万亿元", 1.2e12, "CNY", 2027, True, ">=", WH, "industrial operating revenue"),
    ("10%", "年均增长10%以上", 10, "percent", 2027, True, ">=", WH, "industrial operating revenue average annual growth", {"year_start": 2025}),
    ("38%", "比重不低于38%", 38, "percent", 2027, True, ">=", WH, "manufacturing share of GDP"),
    ("200万辆", "新能源汽车产量力争达到200万辆", 2000000, "count", 2027, True, "=", WH, "new energy vehicle output"),
    ("6000亿元", "汽车及零部件产业产值突破6000亿元", 6e11, "CNY", 2027, True, ">=", WH, "automobile and parts output value"),
    IGN("千亿级", "培育千亿级产业集群5个", "class word (100-billion-yuan class)"),
    ("5个", "培育千亿级产业集群5个", 5, "count", 2027, True, "=", WH, "100-billion-yuan industrial clusters"),
    IGN("百亿级", "百亿级企业20家以上", "class word (10-billion-yuan class)"),
    ("20家", "百亿级企业20家以上", 20, "count", 2027, True, ">=", WH, "10-billion-yuan enterprises"),
    ("2.5%", "占营业收入比重达到2.5%", 2.5, "percent", 2027, True, "=", WH, "R&D spending share of revenue"),
    ("30家", "“小巨人”企业30家", 30, "count", 2027, True, "=", WH, "new national 'little giant' enterprises"),
    ("260个", "企业技术中心累计达到260个", 260, "count", 2027, True, "=", WH, "provincial-level enterprise technology centres"),
    ("8%", "单位工业增加值能耗较2024年下降8%", -8, "percent", 2027, True, "=", WH, "energy use per unit of industrial value added, change"),
    ("95%", "工业固体废物综合利用率保持在95%以上", 95, "percent", 2027, True, ">=", WH, "industrial solid waste utilization rate"),
    ("1.5万个", "建成5G基站1.5万个", 15000, "count", 2027, True, "=", WH, "5G base stations"),
    ("90%", "数字化改造覆盖率达到90%", 90, "percent", 2027, True, "=", WH, "digital transformation coverage"),
    ("1.8万亿元", "全市工业营业收入力争达到1.8万亿元", 1.8e12, "CNY", 2030, True, "=", WH, "industrial operating revenue"),
    ("40%", "稳定在40%左右", 40, "percent", 2030, True, "~", WH, "manufacturing share of GDP"),
    IGN("8条", "新型显示等8条重点产业链", "enumeration of the named industrial chains"),
    ("400个", "亿元以上工业项目400个左右", 400, "count", None, True, "~", WH, "industrial projects of 100 million yuan or more per year"),
    ("300家", "每年新增规模以上工业企业300家以上", 300, "count", None, True, ">=", WH, "new industrial enterprises above designated size per year"),
    ("20亿元", "专项资金不少于20亿元", 2e9, "CNY", None, True, ">=", WH, "annual special fund for manufacturing"),
    IGN("100万元", "一次性奖励100万元", "per-enterprise award rule; neither an observed value nor a target"),
    ("1.5万亩", "三年内新增工业用地不少于1.5万亩", 15000 * MU, "hectare", 2027, True, ">=", WH, "new industrial land"),
    IGN("三年内", "三年内新增工业用地", "duration"),
]

# ---- zh-Hans: news on foreign trade (China, H1 2024; dated 2024-07-12) --------------------------------------
CN = "China"
G["zh_hans_news_trade_2024h1.txt"] = [
    ("21.17万亿元", "货物贸易进出口总值21.17万亿元", 2.117e13, "CNY", 2024, False, "=", CN, "goods trade (H1)"),
    ("6.1%", "同比增长6.1%", 6.1, "percent", 2024, False, "=", CN, "goods trade growth (H1)"),
    ("12.13万亿元", "出口12.13万亿元", 1.213e13, "CNY", 2024, False, "=", CN, "exports (H1)"),
    ("6.9%", "12.13万亿元，增长6.9%", 6.9, "percent", 2024, False, "=", CN, "export growth (H1)"),
    ("9.04万亿元", "进口9.04万亿元", 9.04e12, "CNY", 2024, False, "=", CN, "imports (H1)"),
    ("5.2%", "9.04万亿元，增长5.2%", 5.2, "percent", 2024, False, "=", CN, "import growth (H1)"),
    ("3.09万亿元", "贸易顺差3.09万亿元", 3.09e12, "CNY", 2024, False, "=", CN, "trade surplus (H1)"),
    ("8.6%", "扩大8.6%", 8.6, "percent", 2024, False, "=", CN, "trade surplus growth (H1)"),
    ("2.98万亿美元", "上半年我国进出口2.98万亿美元", 2.98e12, "USD", 2024, False, "=", CN, "goods trade in USD (H1)"),
    ("2.9%", "2.98万亿美元，增长2.9%", 2.9, "percent", 2024, False, "=", CN, "goods trade growth in USD (H1)"),
    ("1.71万亿美元", "出口1.71万亿美元", 1.71e12, "USD", 2024, False, "=", CN, "exports in USD (H1)"),
    ("3.6%", "1.71万亿美元，增长3.6%", 3.6, "percent", 2024, False, "=", CN, "export growth in USD (H1)"),
    ("1.27万亿美元", "进口1.27万亿美元", 1.27e12, "USD", 2024, False, "=", CN, "imports in USD (H1)"),
    ("2%", "1.27万亿美元，增长2%", 2, "percent", 2024, False, "=", CN, "import growth in USD (H1)"),
    ("10.17万亿元", "一季度进出口10.17万亿元", 1.017e13, "CNY", 2024, False, "=", CN, "goods trade (Q1)"),
    ("5%", "10.17万亿元，增长5%", 5, "percent", 2024, False, "=", CN, "goods trade growth (Q1)"),
    ("11万亿元", "二季度进出口11万亿元", 1.1e13, "CNY", 2024, False, "=", CN, "goods trade (Q2)"),
    ("7.2%", "11万亿元，增长7.2%", 7.2, "percent", 2024, False, "=", CN, "goods trade growth (Q2)"),
    ("2.2个百分点", "加快2.2个百分点", 2.2, "percentage_point", 2024, False, "=", CN, "acceleration of trade growth Q2 vs Q1"),
    ("3.63万亿元", "进出口3.63万亿元", 3.63e12, "CNY", 2024, False, "=", CN, "goods trade (June)"),
    ("5.8%", "3.63万亿元，增长5.8%", 5.8, "percent", 2024, False, "=", CN, "goods trade growth (June)"),
    ("3.36万亿元", "与东盟贸易总值为3.36万亿元", 3.36e12, "CNY", 2024, False, "=", CN, "trade with ASEAN (H1)"),
    ("10.5%", "3.36万亿元，增长10.5%", 10.5, "percent", 2024, False, "=", CN, "trade with ASEAN growth"),
    ("15.9%", "占我外贸总值的15.9%", 15.9, "percent", 2024, False, "=", CN, "ASEAN share of trade"),
    ("60.1万家", "外贸企业达60.1万家", 601000, "count", 2024, False, "=", CN, "foreign trade enterprises with trade (H1)"),
    ("3.5万家", "同比增加3.5万家", 35000, "count", 2024, False, "=", CN, "change in foreign trade enterprises"),
    ("11.64万亿元", "民营企业进出口11.64万亿元", 1.164e13, "CNY", 2024, False, "=", CN, "private enterprises trade (H1)"),
    ("11.2%", "11.64万亿元，增长11.2%", 11.2, "percent", 2024, False, "=", CN, "private enterprises trade growth"),
    ("55%", "占我国外贸总值的55%", 55, "percent", 2024, False, "=", CN, "private enterprises share of trade"),
    ("2.5个百分点", "比去年同期提升2.5个百分点", 2.5, "percentage_point", 2024, False, "=", CN, "private enterprises share change"),
    ("2.77亿吨", "原油进口2.77亿吨", 2.77e8, "tonne", 2024, False, "=", CN, "crude oil imports (H1)"),
    ("2.6%", "减少2.6%", -2.6, "percent", 2024, False, "=", CN, "crude oil imports change"),
    ("4.37万亿元", "广东省进出口4.37万亿元", 4.37e12, "CNY", 2024, False, "=", "Guangdong", "goods trade (H1)"),
    ("14.2%", "4.37万亿元，增长14.2%", 14.2, "percent", 2024, False, "=", "Guangdong", "goods trade growth (H1)"),
    ("41.76万亿元", "去年全年我国进出口总值41.76万亿元", 4.176e13, "CNY", 2023, False, "=", CN, "goods trade (full year)"),
]

# ---- zh-Hant: Taiwan statistics press release (ROC 112 = 2023; dated ROC 113-03-20 = 2024-03-20) ------------
TW = "Taiwan"
G["zh_hant_tw_mfg_roc112.txt"] = [
    ("12.1%", "民國112年製造業生產指數年減12.1%", -12.1, "percent", 2023, False, "=", TW, "manufacturing production index change (headline)"),
    ("91.67", "製造業生產指數為91.67", 91.67, "point", 2023, False, "=", TW, "manufacturing production index"),
    ("12.1%", "較111年減少12.1%", -12.1, "percent", 2023, False, "=", TW, "manufacturing production index change"),
    IGN("十四年", "為近十四年最大減幅", "duration (largest drop in fourteen years)"),
    ("13.8%", "電子零組件業減少13.8%", -13.8, "percent", 2023, False, "=", TW, "electronic components production change"),
    ("6.3%", "逆勢增加6.3%", 6.3, "percent", 2023, False, "=", TW, "motor vehicles and parts production growth"),
    ("23兆9,576億元", "新臺幣23兆9,576億元", 23957600000000, "TWD", 2023, False, "=", TW, "manufacturing output value"),
    ("11.6%", "年減11.6%", -11.6, "percent", 2023, False, "=", TW, "manufacturing output value change"),
    ("7兆4,210億元", "分別為7兆4,210億元", 7421000000000, "TWD", 2023, False, "=", TW, "metals and machinery output value"),
    ("9兆5,603億元", "9兆5,603億元、4兆6,981億元", 9560300000000, "TWD", 2023, False, "=", TW, "ICT and electronics output value"),
    ("4兆6,981億元", "4兆6,981億元及2兆2,782億元", 4698100000000, "TWD", 2023, False, "=", TW, "chemicals output value"),
    ("2兆2,782億元", "及2兆2,782億元", 2278200000000, "TWD", 2023, False, "=", TW, "consumer goods output value"),
    ("4,324億美元", "出口總值4,324億美元", 432400000000, "USD", 2023, False, "=", TW, "exports"),
    ("9.8%", "較111年減少9.8%", -9.8, "percent", 2023, False, "=", TW, "export change"),
    ("3,514億美元", "進口3,514億美元", 351400000000, "USD", 2023, False, "=", TW, "imports"),
    ("18.1%", "減少18.1%", -18.1, "percent", 2023, False, "=", TW, "import change"),
    ("810億美元", "出超810億美元", 81000000000, "USD", 2023, False, "=", TW, "trade surplus"),
    ("50.6%", "擴增50.6%", 50.6, "percent", 2023, False, "=", TW, "trade surplus growth"),
    ("1,522億美元", "香港出口1,522億美元", 152200000000, "USD", 2023, False, "=", TW, "exports to mainland China and Hong Kong"),
    ("35.2%", "占出口比重35.2%", 35.2, "percent", 2023, False, "=", TW, "mainland China and Hong Kong share of exports"),
    ("3.6個百分點", "較上年下降3.6個百分點", -3.6, "percentage_point", 2023, False, "=", TW, "change in mainland China and Hong Kong share"),
    ("962億美元", "對美國出口962億美元", 96200000000, "USD", 2023, False, "=", TW, "exports to the United States"),
    ("28.6%", "增加28.6%", 28.6, "percent", 2023, False, "=", TW, "exports to the United States growth"),
    ("22.2%", "占比提高至22.2%", 22.2, "percent", 2023, False, "=", TW, "United States share of exports"),
    IGN("二十年", "創近二十年新高", "duration"),
    ("3.48%", "平均失業率為3.48%", 3.48, "percent", 2023, False, "=", TW, "unemployment rate"),
    ("0.19個百分點", "較111年下降0.19個百分點", -0.19, "percentage_point", 2023, False, "=", TW, "unemployment rate change"),
    ("1,158萬人", "就業人數平均為1,158萬人", 11580000, "person", 2023, False, "=", TW, "employed persons"),
    ("5萬5,823元", "新臺幣5萬5,823元", 55823, "TWD", 2023, False, "=", TW, "average monthly total earnings"),
    ("2%至4%", "年增2%至4%", 2, "percent", 2024, True, "=", TW, "manufacturing production index growth forecast Q1", {"value_high": 4}),
    ("3.43%", "全年經濟成長率為3.43%", 3.43, "percent", 2024, True, "=", TW, "GDP growth forecast"),
    ("2兆8,818億元", "歲出編列2兆8,818億元", 2881800000000, "TWD", 2024, True, "=", TW, "central government budget expenditure"),
    ("3,012億元", "經濟發展支出3,012億元", 301200000000, "TWD", 2024, True, "=", TW, "economic development expenditure"),
]

# ---- zh-Hant: Hong Kong budget speech (2024-25; dated 2024-02-28) -------------------------------------------
HK = "Hong Kong"
G["zh_hant_hk_budget_2024.txt"] = [
    ("3.2%", "去年香港經濟實質增長3.2%", 3.2, "percent", 2023, False, "=", HK, "real GDP growth"),
    ("3.7%", "扭轉前年3.7%的收縮", -3.7, "percent", 2022, False, "=", HK, "real GDP contraction"),
    ("3,400萬", "訪港旅客人次回升至約3,400萬", 34000000, "person_time", 2023, False, "~", HK, "visitor arrivals"),
    ("52%", "為2018年的52%", 52, "percent", 2023, False, "=", HK, "visitor arrivals relative to 2018"),
    ("10.3%", "實質下跌10.3%", -10.3, "percent", 2023, False, "=", HK, "goods exports real change"),
    ("21.2%", "大幅增長21.2%", 21.2, "percent", 2023, False, "=", HK, "services exports growth"),
    ("2.9%", "去年第四季失業率為2.9%", 2.9, "percent", 2023, False, "=", HK, "unemployment rate (Q4)"),
    ("0.5個百分點", "下跌0.5個百分點", -0.5, "percentage_point", 2023, False, "=", HK, "unemployment rate change"),
    ("367萬人", "總就業人數約367萬人", 3670000, "person", 2023, False, "~", HK, "total employment"),
    ("2.5%至3.5%", "實質增長2.5%至3.5%", 2.5, "percent", 2024, True, "=", HK, "real GDP growth forecast", {"value_high": 3.5}),
    ("1.7%", "基本通脹率預測為1.7%", 1.7, "percent", 2024, True, "=", HK, "underlying inflation forecast"),
    ("2.4%", "整體通脹率預測為2.4%", 2.4, "percent", 2024, True, "=", HK, "headline inflation forecast"),
    ("7,767億元", "政府開支預計為7,767億元", 776700000000, "HKD", 2023, True, "=", HK, "government expenditure, fiscal year 2023-24"),
    ("5,759億元", "收入為5,759億元", 575900000000, "HKD", 2023, True, "=", HK, "government revenue, fiscal year 2023-24"),
    ("1,016億元", "綜合赤字為1,016億元", 101600000000, "HKD", 2023, True, "=", HK, "consolidated deficit, fiscal year 2023-24"),
    ("7,333億元", "2024年3月31日為7,333億元", 733300000000, "HKD", 2024, True, "=", HK, "fiscal reserves at 31 March 2024"),
    IGN("12個月", "相等於約12個月的政府開支", "duration (months of government expenditure)"),
    ("6,531億元", "政府收入為6,531億元", 653100000000, "HKD", 2024, True, "=", HK, "government revenue, fiscal year 2024-25"),
    ("481億元", "綜合赤字為481億元", 48100000000, "HKD", 2024, True, "=", HK, "consolidated deficit, fiscal year 2024-25"),
    ("193億元", "預計只有193億元", 19300000000, "HKD", 2023, True, "=", HK, "land revenue, fiscal year 2023-24"),
    ("850億元", "原來預算的850億元", 85000000000, "HKD", 2023, True, "=", HK, "land revenue originally budgeted, fiscal year 2023-24"),
    ("百分之百", "百分之百的薪俸稅", 100, "percent", 2023, False, "=", HK, "salaries tax reduction rate, year of assessment 2023-24", {"spelled": True}),
    ("3,000元", "每宗個案以3,000元為上限", 3000, "HKD", 2023, False, "<=", HK, "salaries tax reduction cap per case"),
    ("198萬名", "惠及約198萬名納稅人", 1980000, "person", 2023, False, "~", HK, "taxpayers benefiting"),
    ("1,000元", "提供1,000元電費補貼", 1000, "HKD", 2024, False, "=", HK, "electricity charges subsidy per household"),
    ("31億元", "涉及開支約31億元", 3100000000, "HKD", 2024, False, "~", HK, "cost of electricity subsidy"),
    ("HK$2,000", "額外發放一筆過HK$2,000", 2000, "HKD", 2024, False, "=", HK, "one-off extra allowance per recipient"),
    ("13億元", "涉及開支約13億元", 1300000000, "HKD", 2024, False, "~", HK, "cost of extra allowance"),
    ("100億元", "已預留100億元", 10000000000, "HKD", 2024, False, "=", HK, "industry guidance fund"),
    ("1,200億元", "發行總值約1,200億元的債券", 120000000000, "HKD", 2024, True, "~", HK, "planned bond issuance"),
    IGN("三跑道", "三跑道系統", "name of the three-runway system"),
    ("1.2億人次", "每年1.2億人次", 120000000, "person_time", None, True, "=", HK, "airport passenger handling capacity per year"),
]

# ---- en: think-tank policy brief (dated 14 March 2024) ------------------------------------------------------
G["en_thinktank_services.txt"] = [
    ("34.6 trillion yuan", "from about 34.6 trillion yuan in 2015", 3.46e13, "CNY", 2015, False, "~", CN, "services value added"),
    ("68.8 trillion yuan", "to 68.8 trillion yuan in 2023", 6.88e13, "CNY", 2023, False, "=", CN, "services value added"),
    ("50.8%", "from 50.8% to 54.6%", 50.8, "percent", 2015, False, "=", CN, "services share of GDP"),
    ("54.6%", "from 50.8% to 54.6%", 54.6, "percent", 2023, False, "=", CN, "services share of GDP"),
    ("6.1 percentage points", "rose by 6.1 percentage points", 6.1, "percentage_point", 2023, False, "=", CN, "change in services share of employment", {"year_start": 2015}),
    ("48.1%", "reaching 48.1% in 2023", 48.1, "percent", 2023, False, "=", CN, "services share of employment"),
    ("355 million people", "more than 355 million people", 355e6, "person", 2023, False, ">=", CN, "services employment"),
    ("twice", "nearly twice as many as manufacturing", 2, "times", 2023, False, "~", CN, "services employment relative to manufacturing", {"spelled": True}),
    ("5.8%", "grew 5.8% last year", 5.8, "percent", 2023, False, "=", CN, "services value added growth"),
    ("2.3%", "after just 2.3% in 2022", 2.3, "percent", 2022, False, "=", CN, "services value added growth"),
    ("6.2%", "over 2016-2023 was 6.2%", 6.2, "percent", 2023, False, "=", CN, "services average annual growth", {"year_start": 2016}),
    ("8.3%", "the 8.3% recorded in 2011-2015", 8.3, "percent", 2015, False, "=", CN, "services average annual growth", {"year_start": 2011}),
    ("US$933 billion", "services trade reached US$933 billion", 9.33e11, "USD", 2023, False, "=", CN, "services trade"),
    ("US$381 billion", "Exports were US$381 billion", 3.81e11, "USD", 2023, False, "=", CN, "services exports"),
    ("US$552 billion", "imports US$552 billion", 5.52e11, "USD", 2023, False, "=", CN, "services imports"),
    ("US$171 billion", "deficit of US$171 billion", 1.71e11, "USD", 2023, False, "=", CN, "services trade deficit"),
    IGN("half", "less than half its 2018 peak", "comparison to an earlier value, not a stated quantity"),
    ("US$292 billion", "2018 peak of US$292 billion", 2.92e11, "USD", 2018, False, "=", CN, "services trade deficit (peak)"),
    ("40%", "nearly 40% of services imports", 40, "percent", 2023, False, "~", CN, "travel share of services imports"),
    ("8.9%", "grew by 8.9% to about US$190 billion", 8.9, "percent", 2023, False, "=", CN, "knowledge-intensive services exports growth"),
    ("US$190 billion", "to about US$190 billion", 1.9e11, "USD", 2023, False, "~", CN, "knowledge-intensive services exports"),
    ("194,000 yuan", "roughly 194,000 yuan in 2023", 194000, "CNY", 2023, False, "~", CN, "value added per services worker"),
    ("230,000 yuan", "more than 230,000 yuan in manufacturing", 230000, "CNY", 2023, False, ">=", CN, "value added per manufacturing worker"),
    ("80%", "account for about 80% of employment", 80, "percent", None, False, "~", "United States", "services share of employment"),
    ("57% to 58%", "account for 57% to 58% of GDP by 2030", 57, "percent", 2030, True, "=", CN, "services share of GDP", {"value_high": 58}),
    ("40 million", "some 40 million additional workers", 40e6, "person", 2030, True, "~", CN, "additional services workers"),
    ("10%", "to 10% of GDP by 2025", 10, "percent", 2025, True, "=", CN, "core digital economy industries share of GDP"),
    ("7.8%", "up from 7.8% in 2021", 7.8, "percent", 2021, False, "=", CN, "core digital economy industries share of GDP"),
]

# ---- en: news wire on industrial output (dated May 17, 2024) ------------------------------------------------
G["en_wire_industrial_output.txt"] = [
    ("6.7 percent", "industrial output grew 6.7 percent in April", 6.7, "percent", 2024, False, "=", CN, "industrial output growth (April)"),
    ("4.5 percent", "accelerating from 4.5 percent in March", 4.5, "percent", 2024, False, "=", CN, "industrial output growth (March)"),
    ("5.5 percent", "beating the 5.5 percent forecast", 5.5, "percent", 2024, True, "=", CN, "industrial output growth forecast (poll)"),
    ("11.3 percent", "high-tech manufacturing rose 11.3 percent", 11.3, "percent", 2024, False, "=", CN, "high-tech manufacturing output growth"),
    ("two percent", "expanded just two percent", 2, "percent", 2024, False, "=", CN, "mining output growth", {"spelled": True}),
    ("41 major industrial sectors", "Of the 41 major industrial sectors", 41, "count", 2024, False, "=", CN, "major industrial sectors"),
    ("thirty-three", "thirty-three posted year-on-year growth", 33, "count", 2024, False, "=", CN, "industrial sectors with output growth", {"spelled": True}),
    ("16.3 percent", "Car production climbed 16.3 percent", 16.3, "percent", 2024, False, "=", CN, "car production growth"),
    ("2.35 million vehicles", "to 2.35 million vehicles", 2.35e6, "count", 2024, False, "=", CN, "car production"),
    ("38.5 percent", "jumped 38.5 percent", 38.5, "percent", 2024, False, "=", CN, "new energy vehicle output growth"),
    ("eight hundred thousand units", "to eight hundred thousand units", 8e5, "count", 2024, False, "=", CN, "new energy vehicle output", {"spelled": True}),
    ("7.2 percent", "fell 7.2 percent", -7.2, "percent", 2024, False, "=", CN, "steel output change"),
    ("92.8 million tonnes", "to 92.8 million tonnes", 9.28e7, "tonne", 2024, False, "=", CN, "steel output"),
    IGN("Three provinces", "Three provinces -- Guangdong, Jiangsu and Zhejiang", "enumeration of the named provinces"),
    ("a third", "nearly a third of national industrial value added", THIRD, "percent", 2024, False, "~", CN, "three provinces' share of industrial value added", {"spelled": True}),
    ("two billion yuan", "two billion yuan of new equipment-upgrade loans", 2e9, "CNY", 2024, False, "=", "Jiangsu", "equipment-upgrade loans signed", {"spelled": True}),
    ("twelve thousand industrial robots", "installed twelve thousand industrial robots", 12000, "count", 2024, False, "=", "Guangdong", "industrial robots installed since January", {"spelled": True}),
    ("4.2 percent", "Fixed-asset investment rose 4.2 percent", 4.2, "percent", 2024, False, "=", CN, "fixed-asset investment growth (Jan-Apr)"),
    IGN("four months", "the first four months of the year", "period, not a fact"),
    ("4.5 percent", "the 4.5 percent pace in the first quarter", 4.5, "percent", 2024, False, "=", CN, "fixed-asset investment growth (Q1)"),
    ("2.3 percent", "increased only 2.3 percent in April", 2.3, "percent", 2024, False, "=", CN, "retail sales growth"),
    ("5 percent", "growth of about 5 percent", 5, "percent", 2024, True, "~", CN, "Q2 GDP growth forecast"),
    ("one trillion yuan", "issue one trillion yuan of ultra-long", 1e12, "CNY", 2024, True, "=", CN, "ultra-long special treasury bonds", {"spelled": True}),
    ("5.0 percent", "edged down to 5.0 percent in April", 5.0, "percent", 2024, False, "=", CN, "surveyed urban unemployment rate (April)"),
    ("5.2 percent", "from 5.2 percent in March", 5.2, "percent", 2024, False, "=", CN, "surveyed urban unemployment rate (March)"),
    ("73.6 percent", "stood at 73.6 percent in the first quarter", 73.6, "percent", 2024, False, "=", CN, "industrial capacity utilisation (Q1)"),
    ("1.0 percentage point", "down 1.0 percentage point", -1.0, "percentage_point", 2024, False, "=", CN, "industrial capacity utilisation change"),
    IGN("a tenth", "fell for a tenth straight month", "ordinal count of months"),
]

# ---- en: working paper full of numbers that are not facts (no document date) ------------------------------
G["en_paper_nonfacts.txt"] = [
    ("1.425 million", "China had built 1.425 million 5G base stations", 1.425e6, "count", 2021, False, "=", CN, "5G base stations"),
    ("60%", "more than 60% of the world total", 60, "percent", 2021, False, ">=", CN, "share of world 5G base stations"),
    ("45.5 trillion yuan", "The digital economy reached 45.5 trillion yuan", 4.55e13, "CNY", 2021, False, "=", CN, "digital economy size"),
    ("39.8%", "equal to 39.8% of GDP", 39.8, "percent", 2021, False, "=", CN, "digital economy share of GDP"),
    ("31.4 trillion yuan", "Manufacturing value added was 31.4 trillion yuan", 3.14e13, "CNY", 2021, False, "=", CN, "manufacturing value added"),
    ("27.4%", "or 27.4% of GDP", 27.4, "percent", 2021, False, "=", CN, "manufacturing share of GDP"),
    ("168,400 industrial robots", "installed 168,400 industrial robots in 2020", 168400, "count", 2020, False, "=", CN, "industrial robots installed"),
    ("44%", "about 44% of global installations", 44, "percent", 2020, False, "~", CN, "share of global robot installations"),
    IGN("31 provinces", "Our sample covers 31 provinces over nine years", "sample description"),
    IGN("nine years", "31 provinces over nine years", "duration"),
    IGN("10,000 inhabitants", "per 10,000 inhabitants", "denominator of a variable definition"),
    IGN("2.7%", "labour productivity by 2.7%", "regression estimate, not a statistic of the economy"),
    ("58%", "accounted for 58% of all 5G base stations in 2021", 58, "percent", 2021, False, "=", "Eastern China", "eastern region share of 5G base stations"),
    ("170,000", "Guangdong alone had 170,000 of them", 170000, "count", 2021, False, "=", "Guangdong", "5G base stations"),
    ("184.9 billion yuan", "invested 184.9 billion yuan in 5G networks", 1.849e11, "CNY", 2021, False, "=", CN, "5G network investment by telecom operators"),
    ("53.7%", "53.7% of their total capital spending", 53.7, "percent", 2021, False, "=", CN, "5G share of telecom capital spending"),
    ("355 million", "had reached 355 million", 355e6, "person", 2021, False, "=", CN, "5G mobile subscribers"),
    ("150 industrial internet platforms", "More than 150 industrial internet platforms", 150, "count", 2021, False, ">=", CN, "industrial internet platforms with regional influence"),
    ("78 million pieces", "connecting 78 million pieces of industrial equipment", 78e6, "count", 2021, False, "=", CN, "industrial equipment connected"),
]


def build():
    GOLD.mkdir(exist_ok=True)
    problems = []
    for doc, rows in G.items():
        text = (DOCS / doc).read_text(encoding="utf-8")
        out = []
        for r in rows:
            if isinstance(r, dict):
                g = {"doc": doc, **r}
            else:
                quote, ctx, value, unit, year, target, qual, region, ind, *extra = r
                g = {"doc": doc, "quote": quote, "context": ctx, "value": value, "unit": unit, "kind": kind(unit),
                     "year": year, "target": target, "qualifier": qual, "region": region, "indicator": ind}
                if extra:
                    g.update(extra[0])
                if g["kind"] == "money" and g["unit"] not in MONEY:
                    problems.append(f"{doc}: unit {unit}")
            if g["quote"] not in g["context"]:
                problems.append(f"{doc}: quote {g['quote']!r} not in context {g['context']!r}")
            n = text.count(g["context"])
            if n != 1:
                problems.append(f"{doc}: context {g['context']!r} occurs {n} times")
            out.append(g)
        (GOLD / f"{doc}.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in out),
                                           encoding="utf-8")
        n_facts = sum(1 for g in out if not g.get("ignore"))
        print(f"{doc}: {n_facts} facts, {len(out) - n_facts} ignored, {len(text)} chars")
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    build()
