"""Short Chinese lines are where encoding guessers go wrong (GBK read as cp949, Big5 as shift_jis): the reader
tries strict UTF-8, GB18030 and Big5 first, so even a few characters decode exactly."""
import pytest

from pipeline.documents.encoding import decode_bytes

TRAD = ["臺北市政府", "香港特別行政區政府統計處公布，2023年本地生產總值實質增長3.2%。", "經濟部統計處：工業生產指數年增率為負值",
        "澳門博彩業毛收入達一千八百三十億澳門元，按年上升三倍。", "中華民國一百一十二年國民所得統計摘要"]
SIMP = ["增长", "广东省", "北京市统计局", "国家统计局发布数据：社会消费品零售总额增长7.2%"]


@pytest.mark.parametrize("text", TRAD)
def test_big5(text):
    assert decode_bytes(text.encode("big5")) == (text, "big5")


@pytest.mark.parametrize("text", SIMP)
def test_gbk(text):
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


@pytest.mark.parametrize("text", TRAD + SIMP)
def test_utf16_with_bom(text):
    assert decode_bytes(b"\xff\xfe" + text.encode("utf-16-le")) == (text, "utf-16")
