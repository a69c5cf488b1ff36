"""A document's own metadata — title, date, author, publisher, source URL — from the wrapper it came in.

Real documents state their date in many places: YAML front matter (`date:`), HTML `<meta>` tags and `<time>`,
a header block (发文时间：…, 来源: 2024-02-02, a date line under the title), a cover line (——2025年1月21日在…会议上),
a news dateline, a footer (`Date Published: DECEMBER 17, 2008`) or the title (…报告 (2015)). Each is a small
named rule; `date_rules` in reference/document_meta.json orders them, and the first that finds a date decides,
its name becoming `date_source`. A repost carries the blog's date in its front matter and the original's in a
labelled line of its body: the labelled lines come first, so the original's wins."""
from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .dates import Date, dates_in, parse_date

_VOCAB = Path(__file__).resolve().parent.parent / "reference" / "document_meta.json"
HEAD_LINES = 15
FOOT_LINES = 12
MAX_FIELD = 200


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    date: str | None = None          # ISO 8601 at the precision the document states
    date_source: str | None = None   # the rule that found it (front_matter, html_meta, header, …)
    author: str | None = None
    publisher: str | None = None
    source_url: str | None = None


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return json.loads(_VOCAB.read_text(encoding="utf-8"))


@dataclass
class _Sources:
    """What the rules look at: the published text's first and last lines, front matter, HTML meta, the title."""
    head: list[str]
    foot: list[str]
    front: dict
    meta: dict
    times: list[str]
    title: str | None
    opening: list[str] = ()  # the short lines before the first paragraph (menus, headings), up to OPENING_LINES


# ---------------------------------------------------------------- wrappers

# (a generator may write blank lines before the block: Hexo's reposts)
_FRONT = re.compile(r"\A\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def front_matter_end(text: str) -> int:
    """Where the body begins after a YAML front-matter block (0 when there is none): the block is metadata, its
    title and tags are not the text's statements."""
    m = _FRONT.match(text)
    return m.end() if m else 0


def front_matter(text: str) -> dict:
    """The YAML block a Markdown file opens with (Jekyll, Hugo), or {} when there is none or it does not parse."""
    m = _FRONT.match(text)
    if not m:
        return {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}


_HTML_BLOCKS = re.compile(r"</?(?:p|div|br|table|tr|td|li|ul|ol|h[1-6]|span|figure|blockquote)\b[^>]*>", re.I)
MIN_HTML_TAGS = 5  # (a Markdown text that mentions one <div> in passing is still Markdown)


def markdown_html_body(text: str) -> tuple[str, str] | None:
    """(front matter block, body) of a Markdown file whose body is HTML markup; None for plain Markdown."""
    m = _FRONT.match(text)
    head, body = (text[:m.end()], text[m.end():]) if m else ("", text)
    if len(_HTML_BLOCKS.findall(body, 0, 200_000)) < MIN_HTML_TAGS:
        return None
    return head, body


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv")
            if key and a.get("content", "").strip():
                self.meta.setdefault(key.lower(), a["content"].strip())
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.canonical = self.canonical or a["href"]


def html_meta(markup: str) -> tuple[dict, list[str]]:
    p = _MetaParser()
    try:
        p.feed(markup)
        p.close()
    except Exception:  # a page too broken to parse still has its text read elsewhere
        pass
    if p.canonical:
        p.meta.setdefault("canonical", p.canonical)
    return p.meta, p.times


def _lines(text: str) -> list[str]:
    return [ln.strip(" \t#*>|\u3000") for ln in text.splitlines() if ln.strip(" \t#*>|\u3000-")]


OPENING_LINES = 40
PARAGRAPH_MIN = 60


def _first_paragraph(lines: list[str], reach: int) -> int | None:
    """Index of the first line of running text (a paragraph's length) among the first `reach` lines."""
    return next((i for i, ln in enumerate(lines[:reach]) if len(ln) >= PARAGRAPH_MIN), None)


def _opening(lines: list[str]) -> list[str]:
    """The lines before the first paragraph: a page's menus and headings."""
    i = _first_paragraph(lines, OPENING_LINES)
    return lines[:OPENING_LINES if i is None else i]


ARTICLE_HEAD = 6
MENU_LINES = 300  # how far a page's menus may run before its first paragraph


def _head(lines: list[str]) -> list[str]:
    """The first lines, and — when a page's menus fill them — the lines where its article begins (its first
    paragraph and the few after it: a standfirst, the headline, the date line under it)."""
    head = lines[:HEAD_LINES]
    start = _first_paragraph(lines, MENU_LINES) or 0
    return head + lines[start:start + ARTICLE_HEAD] if start >= HEAD_LINES else head


def _body(text: str) -> str:
    m = _FRONT.match(text)
    return text[m.end():] if m else text


# ---------------------------------------------------------------- labelled lines (发文时间：…, Date Published: …)

@lru_cache(maxsize=None)
def _label_rx(field: str) -> re.Pattern:
    words = sorted(_vocab()["labels"][field], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    # a label opens its line or follows a wide gap ('Received: …      Online Published: October 12, 2023')
    # (the gap may be no-break spaces: 'Received: … \xa0\xa0 Online Published: …')
    # (a record's fields, '"date": "2023-08-21",', are labelled lines too)
    # (' - date published: …': a list item of a Markdown digest)
    return re.compile(rf"(?i)(?:^[ \t]*(?:[-*•][ \t]+)?|[ \t\u00a0\u3000]{{2,}}|[|｜])[\"']?(?:{alt})[\"']?[ \t\u00a0]*[:：][ \t\u00a0]*(?P<v>.+?)"
                      rf"(?=[ \t\u00a0\u3000]{{2,}}|[|｜]|$)")


_NEXT_FIELD = re.compile(r"\u3000|[ \t]{2,}|[ \t]*[|｜][ \t]*")


def _values(lines: list[str], field: str):
    """The values of the lines labelled as `field` (发文时间：…), in order, passing over 未知 and the like."""
    unknown = {w.lower() for w in _vocab()["unknown_values"]}
    for ln in lines:
        for m in _label_rx(field).finditer(ln):
            v = m.group("v").strip().rstrip(",").strip("\"'").strip()  # ('"title": "…",': a record's field)
            if field != "title":
                # a footer sets fields side by side: 网站主办单位：中国人民银行办公厅　最佳分辨率：1024*768
                v = _NEXT_FIELD.split(v, maxsplit=1)[0].strip()
            if v and v.lower() not in unknown:
                yield v


def labelled(lines: list[str], field: str) -> str | None:
    return next((v[:MAX_FIELD] for v in _values(lines, field)), None)


def _labelled_date(lines: list[str]) -> Date | None:
    """A date field, or any labelled field whose value is a date (来源: 2024-02-02 11:02:00)."""
    for ln in lines:
        for field in ("date", "publisher"):
            for v in _values([ln], field):
                d = parse_date(v)
                if d and (field == "date" or re.match(r"[0-9]", v)):
                    return d
    return None


_DATE_ONLY = re.compile(r"^[\s0-9年月日号号:：/.\-—–,()（）T+]*$")
# a signature's time and place after its date: 2024年8月11日20点17分于上海。
_SIGNED_AT = re.compile(r"(?:[0-9]{1,2}[点时:：][0-9]{1,2}分?)?[ \t]*(?:于|於|写于|寫於)[\u3400-\u9fff]{1,8}[。.]?$")


@lru_cache(maxsize=1)
def _line_fields() -> re.Pattern:
    """Where a date line's other fields begin: a bar, or a label of the author's or publisher's (来源：, By)."""
    labels = sorted(_vocab()["labels"]["author"] + _vocab()["labels"]["publisher"], key=len, reverse=True)
    return re.compile(rf"[|｜]|\s(?=(?:{'|'.join(map(re.escape, labels))})[:：\s])")


def _date_line(lines: list[str]) -> Date | None:
    """A line that holds only a date (a release's 2024年4月30日, a page's '2019年9月26日 15:10', 'December 2024')."""
    weekdays = _vocab()["weekdays"]
    openers = tuple(_vocab()["date_line_openers"])
    for ln in lines:
        bare = _SIGNED_AT.sub("", ln.removeprefix(next((o for o in openers if ln.startswith(o)), "")))
        for w in weekdays:
            bare = bare.replace(w, "")
        # (2020年10月22日 15:00 | 来源：东方财富: a news page's date line goes on with its source or author)
        bare = _line_fields().split(bare, 1)[0]
        found = dates_in(bare)
        if len(found) == 1 and len(bare) <= 40:
            rest = re.sub(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", "", bare)
            if _DATE_ONLY.match(rest):
                return found[0][1]
    return None


# ---------------------------------------------------------------- the date rules, in the order of date_rules

def _rule_header(s: _Sources) -> Date | None:
    return _labelled_date(s.head)


def _rule_footer(s: _Sources) -> Date | None:
    return _labelled_date(s.foot)


# a date standing alone on a line: after the wrapper's own fields (a digest's '## 2023-12-29' dates one item)
def _rule_header_line(s: _Sources) -> Date | None:
    return _date_line(s.head)


def _rule_footer_line(s: _Sources) -> Date | None:
    return _date_line(s.foot)


def _rule_html_meta(s: _Sources) -> Date | None:
    for key in _vocab()["html_meta"]["date"]:
        d = parse_date(s.meta.get(key.lower(), ""))
        if d:
            return d
    return next((d for d in map(parse_date, s.times) if d), None)


def _rule_front_matter(s: _Sources) -> Date | None:
    for key in _vocab()["front_matter"]["date"]:
        d = parse_date(s.front.get(key.lower()))
        if d:
            return d
    return None


def _rule_cover(s: _Sources) -> Date | None:
    """——2025年1月21日在保定市第十六届人民代表大会第六次会议上: the occasion a report was delivered on."""
    words = _vocab()["cover_words"]
    for ln in s.head:
        found = dates_in(ln)
        if found and found[0][1].day and any(w in ln for w in words) and len(ln) <= 80:
            return found[0][1]
    return None


def _rule_dateline(s: _Sources) -> Date | None:
    """The first full date in the opening lines: a news story's dateline ('SHENZHEN, Dec. 17, 2008 —')."""
    for ln in s.head[:8]:
        # (a date in a line of running text is one the text talks about, not the story's own: what stands before
        # a dateline's date is a place, an agency or a byline — SHANGHAI, / 新华社北京 / 〔记者…报导〕 — not the words of
        # a sentence: no lower-case English word, no 截至/从/于 right before it)
        norm = unicodedata.normalize("NFKC", ln)
        found = [d for at, d in dates_in(ln) if d.day and at <= DATELINE_REACH
                 and not _SENTENCE_WORDS.search(norm[:at]) and not _DATE_PREPOSITION.search(norm[max(0, at - 2):at])]
        if found and not re.search(r"(?i)\b(?:received|accepted|submitted|revised)\b", ln):
            return found[0]
    return None


DATELINE_REACH = 30
_SENTENCE_WORDS = re.compile(r"\b[a-z]{2,}\b")
_DATE_PREPOSITION = re.compile(r"截至|截止|[从自于在到至]$")


# a heading that ends with its issue's date: 智德博客2020-06, 'WIM Blog 2020-06', 月报 2024年3月
_HEADING_TEXT = re.compile(r"^[^。，,；;：:.!?！？]{0,24}$")


def _rule_heading_line(s: _Sources) -> Date | None:
    """A short line before the body that ends with a date of month precision or finer (a blog post's or a monthly
    note's heading, after the page's menus): the issue's date."""
    for ln in s.opening:
        found = dates_in(ln) if len(ln) <= HEADING_MAX else []
        if found:
            at, d = found[-1]
            if d.month and _HEADING_TEXT.match(ln[:at]) and _DATE_TAIL.match(ln[at:]):
                return d
    return None


_DATE_TAIL = re.compile(r"^(?:[0-3]?[0-9][ \t]+)?(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?[0-9年月日号\-/., \t]+$")
HEADING_MAX = 40


_EDITION = re.compile(r"[(（]\s*((?:19|20)[0-9]{2})\s*[)）]\s*$|((?:19|20)[0-9]{2})\s*年?版\s*$")


def _rule_title(s: _Sources) -> Date | None:
    """A full date in the title (…2023年5月9日星期二), or its edition year (发展报告 (2015), 2015年版)."""
    if not s.title:
        return None
    found = [d for _, d in dates_in(s.title) if d.month]
    if found:
        return found[0]
    m = _EDITION.search(s.title.strip())
    return Date(int(m.group(1) or m.group(2))) if m else None


RULES = {"header": _rule_header, "footer": _rule_footer, "html_meta": _rule_html_meta,
         "header_line": _rule_header_line, "footer_line": _rule_footer_line,
         "front_matter": _rule_front_matter, "cover": _rule_cover, "dateline": _rule_dateline, "title": _rule_title,
         "heading_line": _rule_heading_line}
# the published date_source of a rule whose name is not one of the contract's values
_PUBLISHED = {"heading_line": "header"}


def document_date(s: _Sources) -> tuple[Date | None, str | None]:
    for name in _vocab()["date_rules"]:
        d = RULES[name](s)
        if d:
            return d, _PUBLISHED.get(name, name.removesuffix("_line"))  # (published date_source: header, footer, …)
    return None, None


# ---------------------------------------------------------------- the other fields

def _first(mapping: dict, keys: list[str]) -> str | None:
    for k in keys:
        v = mapping.get(k.lower())
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v if x)
        if isinstance(v, str) and v.strip():
            return " ".join(html.unescape(v).split())[:MAX_FIELD]
    return None


def _field(s: _Sources, field: str) -> str | None:
    value = (_first(s.front, _vocab()["front_matter"][field]) or _first(s.meta, _vocab()["html_meta"][field])
             or labelled(s.head, field) or labelled(s.foot, field))
    # (来源: 2024-02-02 11:02:00 labels a date, not a publisher)
    return None if value is None or (field != "date" and parse_date(value) and re.match(r"[0-9]", value)) else value


def read_metadata(raw_text: str, published_text: str, fmt: str, title: str | None = None) -> Metadata:
    """`raw_text` is the decoded file (markup and front matter included); `published_text` what facts index into;
    `title` what the reader found (HTML <title>, a PDF's metadata, a first line)."""
    front = front_matter(raw_text) if fmt in ("md", "txt") else {}
    # (a page saved as .txt or kept in a program's string, or a blog export's HTML body, has its <meta> too)
    markup = raw_text if fmt == "html" else (markdown_html_body(raw_text) or (None, None))[1]
    meta, times = html_meta(markup) if markup else ({}, [])
    lines = _lines(_body(published_text))
    s = _Sources(head=_head(lines), foot=lines[-FOOT_LINES:] if len(lines) > HEAD_LINES else [],
                 front=front, meta=meta, times=times, title=None, opening=_opening(lines))
    s.title = (_first(front, _vocab()["front_matter"]["title"]) or _first(meta, _vocab()["html_meta"]["title"])
               or labelled(s.head, "title") or title)
    d, source = document_date(s)
    url = _field(s, "source_url")
    return Metadata(title=s.title, date=d.iso if d else None, date_source=source,
                    author=_field(s, "author"), publisher=_field(s, "publisher"),
                    source_url=url if url and re.match(r"(?i)https?://", url) else None)
