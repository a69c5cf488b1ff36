"""Decoding the bytes of text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .sniff import signature


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""


# charset-normalizer guesses short Chinese strings wrong (GBK as cp949, Big5 as shift_jis), so the encodings
# Chinese documents actually use are tried strictly first, in an order where a wrong guess fails loudly.
_STRICT_ORDER = ("utf_8", "gb18030", "big5")


def _binary_reason(data: bytes) -> str | None:
    """Why the bytes are binary (NUL or many control bytes in the first 4 KB), or None."""
    sample = data[:4096]
    controls = [b for b in sample if b < 32 and b not in (9, 10, 12, 13, 27)]
    if b"\x00" in sample or len(controls) > max(8, len(sample) // 50):
        shown = ", ".join(f"0x{b:02X}" for b in sorted(set(controls))[:4])
        return (f"not text: binary content, {len(controls)} control bytes ({shown}, …) in the first "
                f"{len(sample)} bytes" + (", NUL among them" if 0 in controls else ""))
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises UndecodableError with the reason."""
    if what := signature(data):  # a renamed PDF, ZIP or image: say what it is rather than how it fails to decode
        raise UndecodableError(f"not text: the file is {what}")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"starts with a {name} byte-order mark but does not decode: {exc.reason}") from exc
    if reason := _binary_reason(data):
        raise UndecodableError(reason)
    for name in _STRICT_ORDER:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        # big5 and gb18030 accept many byte soups; charset-normalizer is the judge when both UTF-8 and GB fail
        if name == "utf_8" or _plausible(text):
            return text, name.replace("_", "-")
    best = from_bytes(data, cp_isolation=list(_STRICT_ORDER) + ["utf_16", "cp1252", "latin_1"]).best()
    if best is None:
        raise UndecodableError("no text encoding fits (tried UTF-8, GB18030, Big5)")
    return str(best), best.encoding.replace("_", "-")


def _plausible(text: str) -> bool:
    """Reject decodes that are mostly private-use or unassigned code points (a wrong multibyte guess)."""
    if not text:
        return True
    odd = sum(1 for ch in text if 0xE000 <= ord(ch) <= 0xF8FF or ord(ch) in (0xFFFD,))
    return odd <= len(text) // 100
