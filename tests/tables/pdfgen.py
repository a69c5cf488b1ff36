"""Small PDFs with known text and tables for the PDF reader tests, drawn with reportlab at fixed positions.

CJK text uses reportlab's built-in STSong-Light CID font (no font file needed, and pdfplumber reads it back
exactly, see STACK_NOTES §5); Latin text uses Helvetica. Every page gets a running header and a `— n —`
footer so the tests can check that neither reaches the text."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

W, H = A4
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
ZH, EN = "STSong-Light", "Helvetica"
HEADER_ZH = "测试集团股份有限公司2023年年度报告"
HEADER_EN = "Journal of Test Economics Vol. 7, No. 2"


def _furniture(c: canvas.Canvas, n: int, header: str, font: str) -> None:
    c.setFont(font, 8)
    c.drawString(56, H - 36, header)
    c.setFont(ZH, 9)
    c.drawCentredString(W / 2, 30, f"— {n} —")


def wrap(text: str, font: str, size: float, width: float, words: bool) -> list[str]:
    """Greedy wrap: at spaces for English (`words`), at any character for CJK (as Chinese typesetting does)."""
    lines, cur = [], ""
    units = text.split(" ") if words else list(text)
    for u in units:
        cand = (cur + " " + u) if (cur and words) else cur + u
        if pdfmetrics.stringWidth(cand, font, size) > width and cur:
            lines.append(cur)
            cur = u
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


# Typeset by hand so that the cuts fall at the ends of full (justified) lines, as a typesetter's would.
DELTA_LINES = ["Delta says that after the shock of the",
               "pandemic the regional and national econ-",
               "omy expanded again, helped by exports",
               "and by local demand that recovered quickly."]
GOLF_LINES = ["Golf adds that demand came back once the",
              "strict and long-lasting national COVID-",
              "19 restrictions were lifted in full, a long-",
              "lasting relief for the well-known markets."]
DELTA = "Delta says that after the shock of the pandemic the regional and national economy expanded again, " \
        "helped by exports and by local demand that recovered quickly."
GOLF = "Golf adds that demand came back once the strict and long-lasting national COVID-19 restrictions " \
       "were lifted in full, a long-lasting relief for the well-known markets."
ECHO = ("Echo paragraph sits in the right column of the second page and repeats that the figures in this "
        "document are invented for testing and describe no real economy at all, whatever they may look like. ") * 2


def draw_para(c: canvas.Canvas, lines: list[str], x: float, y: float, width: float, lead: float,
              starts: bool = True, ends: bool = True, size: float = 10) -> float:
    """Justified lines (word gaps stretched to the full width), the first indented when the paragraph `starts`
    here, the last left ragged when it `ends` here (a paragraph can be cut by a column or page break)."""
    c.setFont(EN, size)
    for i, ln in enumerate(lines):
        indent = 12 if i == 0 and starts else 0
        x0 = x + indent
        words = ln.split(" ")
        natural = sum(pdfmetrics.stringWidth(t, EN, size) for t in words)
        last = i == len(lines) - 1 and ends
        gap = (width - indent - natural) / (len(words) - 1) if not last and len(words) > 1 else \
            pdfmetrics.stringWidth(" ", EN, size)
        for t in words:
            c.drawString(x0, y, t)
            x0 += pdfmetrics.stringWidth(t, EN, size) + gap
        y -= lead
    return y


def two_column_english(path: Path) -> dict:
    """Three pages: a full-width title, then two justified columns; Bravo runs from the left column into the
    right one, Charlie from page 1 onto page 2; econ-omy is hyphenated at a line end, COVID-19 cut at its
    hyphen; running header and `— n —` footer on every page."""
    left1 = ("Alpha paragraph opens the left column and talks about the economy of the region in plain words "
             "so that it wraps over several lines of the narrow column before it reaches its end point.")
    cross = ("Bravo paragraph starts near the bottom of the left column and keeps going after the column break "
             "into the right column where it ends with 3.5 billion yuan of output.")
    right2 = ("Charlie paragraph fills the right column and flows over the page break onto the second page, where "
              "its last words say that exports grew 12.5 percent in 2022.")
    c = canvas.Canvas(str(path), pagesize=A4)
    col_w, x_left, x_right, size, lead = 230, 62, 312, 10, 14
    _furniture(c, 1, HEADER_EN, EN)
    c.setFont(EN, 14)
    c.drawString(62, H - 80, "A Study of Test Economies Across Two Columns")
    y = draw_para(c, wrap(left1, EN, size, col_w - 12, True), x_left, H - 120, col_w, lead) - 6
    bravo = wrap(cross, EN, size, col_w - 12, True)
    draw_para(c, bravo[:3], x_left, y, col_w, lead, ends=False)
    y = draw_para(c, bravo[3:], x_right, H - 120, col_w, lead, starts=False) - 6
    charlie = wrap(right2, EN, size, col_w - 12, True)
    draw_para(c, charlie[:2], x_right, y, col_w, lead, ends=False)
    c.showPage()
    _furniture(c, 2, HEADER_EN, EN)
    y = draw_para(c, charlie[2:], x_left, H - 80, col_w, lead, starts=False) - 6
    for lines in (DELTA_LINES, GOLF_LINES):
        assert all(pdfmetrics.stringWidth(ln, EN, size) < col_w - 12 for ln in lines)
        y = draw_para(c, lines, x_left, y, col_w, lead) - 6
    draw_para(c, wrap(ECHO.strip(), EN, size, col_w - 12, True), x_right, H - 80, col_w, lead)
    c.showPage()
    _furniture(c, 3, HEADER_EN, EN)
    c.setFont(EN, size)
    c.drawString(x_left, H - 80, "Foxtrot closes the document.")
    c.save()
    return {"left1": left1, "cross": cross, "right2": right2, "delta": DELTA, "golf": GOLF, "echo": ECHO.strip()}


def chinese_wrapped(path: Path) -> dict:
    """Two pages of CJK text wrapped at any character, as Chinese typesetting does: the first line of para1
    is full and ends inside `12.5亿元` (number on one line, unit on the next); paragraphs open indented."""
    para1 = ("2023年，全市经济运行总体平稳，服务业发展势头良好，全市服务业增加值达到12.5亿元，同比增长8.2%，"
             "占地区生产总值比重提高到61.3%。")
    para2 = "全年新增市场主体1.2万户，其中新设企业3,456家。"
    c = canvas.Canvas(str(path), pagesize=A4)
    size, lead, x = 10.5, 16, 62
    cut = para1.index("亿元")
    width = 2 * size + pdfmetrics.stringWidth(para1[:cut], ZH, size)  # the measure: line 1 exactly full
    for n in (1, 2):
        _furniture(c, n, HEADER_ZH, ZH)
        c.setFont(ZH, size)
        y = H - 90
        if n == 1:
            c.drawString(x + 2 * size, y, para1[:cut])
            for ln in wrap(para1[cut:], ZH, size, width, False):
                y -= lead
                c.drawString(x, y, ln)
            y -= lead + 6
            for i, ln in enumerate(wrap(para2, ZH, size, width - 2 * size, False)):
                c.drawString(x + (2 * size if i == 0 else 0), y, ln)
                y -= lead
        else:
            c.drawString(x + 2 * size, y, "第二页的正文没有数字。")
        c.showPage()
    c.save()
    return {"para1": para1, "para2": para2}


TABLE = [
    ["项目", "2023年", "2022年", "本期比上年同期增减(%)"],
    ["营业收入", "1,234.56", "1,100.00", "12.23"],
    ["净利润", "(123.40)", "56.70", "-317.64"],
    ["研发投入", "—", "-", "-"],
]


def ruled_table(path: Path, caption: str = "单位：万元 币种：人民币", rows=None) -> list[list[str]]:
    """One page: a sentence, a caption, and a ruled 4×4 table (lines drawn, so pdfplumber's lattice finds it)."""
    rows = rows or TABLE
    c = canvas.Canvas(str(path), pagesize=A4)
    _furniture(c, 1, HEADER_ZH, ZH)
    c.setFont(ZH, 10.5)
    c.drawString(62, H - 90, "一、主要会计数据")
    c.drawString(62, H - 110, "公司营业收入为1,234.56万元。")
    c.drawString(400, H - 130, caption)
    widths = [120, 100, 100, 150]
    x0, top, row_h = 62, H - 140, 22
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - i * row_h for i in range(len(rows) + 1)]
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            c.drawString(xs[j] + 4, ys[i] - 15, cell)
    c.showPage()
    c.save()
    return rows


FRAMED_ROWS = [["焦炭", "吨", "731250", "6.2"], ["水泥", "万吨", "215.4", "-3.5"], ["布", "万米", "12.75", "1.8"],
               ["发电量", "亿千瓦时", "98.6", "4.1"]]


def column_frame_table(path: Path, rows=None) -> list[list[str]]:
    """A table whose rows are not ruled: one frame is drawn round the unit and quantity columns only (header
    and body), so pdfplumber's lattice finds a two-cell 'table' holding every row's number stacked in one cell,
    while the labels and the growth column stand outside it — as statistical communiqués are often set."""
    rows = rows or FRAMED_ROWS
    c = canvas.Canvas(str(path), pagesize=A4)
    _furniture(c, 1, HEADER_ZH, ZH)
    c.setFont(ZH, 10.5)
    c.drawString(62, H - 90, "表 2 2022 年某市规模以上工业主要产品产量及增速")
    xs, top, row_h = [70, 200, 270, 360, 470], H - 120, 20
    c.drawString(xs[0], top - 14, "产品名称")
    c.drawString(xs[1] + 4, top - 14, "单位")
    c.drawString(xs[2] + 4, top - 14, "产量")
    c.drawString(xs[3] + 4, top - 14, "比上年增长（%）")
    for i, row in enumerate(rows, 1):
        for x, cell in zip(xs, row):
            c.drawString(x + 4, top - 14 - i * row_h, cell)
    bottom = top - (len(rows) + 1) * row_h
    c.line(xs[1], top, xs[3], top)
    c.line(xs[1], top - row_h, xs[3], top - row_h)
    c.line(xs[1], bottom, xs[3], bottom)
    for x in xs[1:4]:
        c.line(x, top, x, bottom)
    c.drawString(62, bottom - 30, "全年全市工业用电量增长5.0%。")
    c.showPage()
    c.save()
    return rows


HEADER_ROWS = [("Cash and bank balances", "8,602,758", "6,247,028"),
               ("Less: Restricted cash", "(1,128,823)", "(989,957)"),
               ("Cash and cash equivalents", "7,211,994", "4,835,079")]


def ruled_header_plain_rows(path: Path, rows=None) -> list[tuple[str, str, str]]:
    """An annual report's note: a ruled two-row header (| 2016 | 2015 / | RMB'000 | RMB'000) over body rows set as
    plain lines, label at the left and the figures right-aligned under the header's columns."""
    rows = rows or HEADER_ROWS
    c = canvas.Canvas(str(path), pagesize=A4)
    _furniture(c, 1, HEADER_EN, EN)
    c.setFont(EN, 10)
    c.drawString(62, H - 90, "28. CASH AND CASH EQUIVALENTS")
    left, mid, right, top, row_h = 330, 420, 510, H - 120, 16
    for x0, x1 in ((left, mid), (mid, right)):
        c.rect(x0, top - 2 * row_h, x1 - x0, 2 * row_h)
        c.line(x0, top - row_h, x1, top - row_h)
    for x, (year, unit) in zip((left, mid), (("2016", "RMB'000"), ("2015", "RMB'000"))):
        c.drawRightString(x + 80, top - 12, year)
        c.drawRightString(x + 80, top - 12 - row_h, unit)
    for i, (label, a, b) in enumerate(rows, 2):
        y = top - 12 - i * row_h - 4
        c.drawString(62, y, label)
        c.drawRightString(left + 80, y, a)
        c.drawRightString(mid + 80, y, b)
    c.drawString(62, top - (len(rows) + 4) * row_h, "The deposits can only be used for construction costs.")
    c.showPage()
    c.save()
    return rows


def encrypted(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption("user-secret", "owner-secret"))
    c.setFont(EN, 12)
    c.drawString(72, H - 72, "Secret numbers: 42 million yuan.")
    c.save()


def image_only(path: Path) -> None:
    """Pages with drawings and no text at all, as a scan without OCR looks to a text extractor."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.rect(72, 300, 400, 300, fill=1)
        c.circle(300, 200, 50, fill=1)
        c.showPage()
    c.save()


THREE = [
    "India column one says that the harbour handled more containers than ever before and that the new quay "
    "opened on time, which the port authority expects to lift its capacity again next year.",
    "Juliet column two reports that the city built more schools and clinics in the outer districts, and that "
    "spending on them rose while the budget for roads was kept flat for a second year.",
    "Kilo column three closes with a note that the figures are provisional and will be revised when the "
    "statistics bureau publishes its final yearbook in the autumn of the following year.",
]


def three_columns(path: Path) -> list[str]:
    """One page, a full-width title, then three justified columns with one paragraph each."""
    c = canvas.Canvas(str(path), pagesize=A4)
    _furniture(c, 1, HEADER_EN, EN)
    c.setFont(EN, 14)
    c.drawString(50, H - 80, "Three Columns of Invented News From a Test City")
    col_w, lead = 150, 13
    for k, para in enumerate(THREE):
        draw_para(c, wrap(para, EN, 9, col_w - 12, True), 50 + k * 172, H - 110, col_w, lead, size=9)
    c.save()
    return THREE


def _spans(c: canvas.Canvas, x0: float, top: float, widths: list[float], row_h: float, cells) -> None:
    """Ruled cells that may span rows and columns: each (row, col, rowspan, colspan, text) gets its own box, so a
    merged cell has no rule inside it and pdfplumber leaves the positions it covers None."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for r, col, rs, cs, text in cells:
        x, y = xs[col], top - (r + rs) * row_h
        c.rect(x, y, xs[col + cs] - x, rs * row_h)
        c.drawString(x + 3, top - r * row_h - 14, text)


STATEMENT_TITLE = "测试酒业股份有限公司2021年年度报告"


def statement_tables(path: Path) -> None:
    """One page of a 2021 annual report's notes: an inventory table whose 期末余额 header is merged over three
    columns (项目, 附注 and 期初余额 printed over both header rows), with a note-reference column; then a table of
    assets without title deeds whose project names carry years (第二期（2012年）, 2011年2000吨…)."""
    c = canvas.Canvas(str(path), pagesize=A4)  # no running header: on a single page it would read as the title
    c.setFont(ZH, 10.5)
    c.drawString(56, H - 80, STATEMENT_TITLE)
    c.drawString(56, H - 104, "7、存货")
    c.setFont(ZH, 9)
    c.drawString(400, H - 124, "单位：元 币种：人民币")
    _spans(c, 40, H - 130, [150, 40, 85, 85, 85, 85], 20, [
        (0, 0, 2, 1, "项目"), (0, 1, 2, 1, "附注"), (0, 2, 1, 3, "期末余额"), (0, 5, 2, 1, "期初余额"),
        (1, 2, 1, 1, "账面余额"), (1, 3, 1, 1, "减值准备"), (1, 4, 1, 1, "账面价值"),
        (2, 0, 1, 1, "在产品"), (2, 1, 1, 1, "7"), (2, 2, 1, 1, "14,310.51"), (2, 3, 1, 1, "1,283.83"),
        (2, 4, 1, 1, "13,026.68"), (2, 5, 1, 1, "11,941.64"),
        (3, 0, 1, 1, "库存商品"), (3, 1, 1, 1, "8"), (3, 2, 1, 1, "1,319.35"), (3, 3, 1, 1, "—"),
        (3, 4, 1, 1, "1,319.35"), (3, 5, 1, 1, "1,047.22")])
    c.setFont(ZH, 10.5)
    c.drawString(56, H - 250, "8、未办妥产权证书的固定资产情况")
    c.setFont(ZH, 9)
    c.drawString(400, H - 270, "单位：元 币种：人民币")
    _spans(c, 40, H - 276, [300, 110, 100], 20, [
        (0, 0, 1, 1, "项目"), (0, 1, 1, 1, "账面价值"), (0, 2, 1, 1, "未办妥产权证书的原因"),
        (1, 0, 1, 1, "“十二五”工程第二期（2012年）新增2500吨技术改造项目"), (1, 1, 1, 1, "558,732,546.81"),
        (1, 2, 1, 1, "正在办理"),
        (2, 0, 1, 1, "2011年2000吨制酒技改工程及配套设施项目"), (2, 1, 1, 1, "346,872,092.02"), (2, 2, 1, 1, "正在办理")])
    c.showPage()
    c.save()
