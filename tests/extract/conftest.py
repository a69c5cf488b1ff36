"""Helpers for the extractor tests: a Document from a sentence, its facts, one fact by its quote, and the
traditional-script form of a simplified sentence (via OpenCC s2t, the same library the extractor uses)."""
from __future__ import annotations

import opencc
import pytest

from pipeline.documents.model import Document
from pipeline.documents.script import detect_lang
from pipeline.extract import extract_text_facts

_S2T = opencc.OpenCC("s2t")


class Ex:
    @staticmethod
    def doc(text: str, title: str | None = None, lang: str | None = None, date: str | None = None) -> Document:
        """`date`: the document's own date (ISO), as a reader would have found it in the wrapper."""
        return Document(doc_id="t", doc="t.txt", path="t.txt", sha256="", bytes=len(text.encode()), format="txt",
                        lang=lang or detect_lang(text) if len(text) > 40 else lang or _guess(text), title=title,
                        text=text, date=date, date_source="header" if date else None)

    def facts(self, text: str, title: str | None = None, lang: str | None = None, date: str | None = None):
        d = self.doc(text, title, lang, date)
        out = extract_text_facts(d)
        for f in out:
            assert d.text[f.char_start:f.char_end] == f.quote
        return out

    def one(self, text: str, quote: str | None = None, **kw):
        fs = self.facts(text, **kw)
        if quote is not None:
            fs = [f for f in fs if f.quote == quote]
        assert len(fs) == 1, [(f.quote, f.value) for f in fs]
        return fs[0]

    def quotes(self, text: str, **kw) -> list[str]:
        return [f.quote for f in self.facts(text, **kw)]

    @staticmethod
    def hant(text: str) -> str:
        return _S2T.convert(text)


def _guess(text: str) -> str:
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if not han:
        return "en"
    return "zh-Hant" if _S2T.convert(text) == text and any(c in text for c in "億萬區國個項條處棟場") else "zh-Hans"


@pytest.fixture
def ex() -> Ex:
    return Ex()
