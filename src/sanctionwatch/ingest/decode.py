"""Bytes -> text, refusing binary input and never guessing silently.

Order: byte-order mark; BOM-less UTF-16; NUL bytes mean binary; strict UTF-8; then
Windows-1252 (a superset of the printable Latin-1 range). Text that decodes as
Windows-1252 but is mostly non-ASCII is almost surely another legacy encoding (EUC-KR,
Windows-1251, ...): ``charset-normalizer`` is asked among non-Latin candidates, and if it
cannot tell, the input is refused rather than stored as mojibake, because documents are
addressed by their text and stored for good.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sanctionwatch.domain.errors import BINARY_INPUT, EMPTY_INPUT, UNDECODABLE, InputError

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_SNIFF_BYTES = 4096
_MAX_CONTROL_SHARE = 0.05
# Unicode category Cc, less tab, line feed, vertical tab, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Western text is mostly ASCII even in French or German; above this share of non-ASCII
# characters a Windows-1252 reading is most likely mojibake.
_MAX_NON_ASCII_SHARE = 0.3
_MIN_CHARS_FOR_SHARE = 16
_LEGACY_CANDIDATES = ("cp1251", "koi8_r", "cp949", "gb18030", "big5", "shift_jis", "euc_jp")

# Latin-1 decoding maps each byte to the same code point; this table then turns the
# 0x80-0x9F range into the characters Windows-1252 puts there (curly quotes, dashes,
# euro). Its five undefined bytes stay as they are, i.e. the Latin-1 reading.
_C1_TO_CP1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


class DecodedText(NamedTuple):
    text: str
    encoding: str


def decode_text(data: bytes) -> str:
    """Decode ``data`` as text; raise :class:`InputError` for empty, binary or unknown bytes."""
    return decode_bytes(data).text


def decode_bytes(data: bytes) -> DecodedText:
    """Like :func:`decode_text`, also naming the encoding used."""
    if not data:
        raise InputError("the input is empty", code=EMPTY_INPUT)
    decoded = _decode_unchecked(data)
    if not decoded.text.strip():
        raise InputError("the input has only whitespace", code=EMPTY_INPUT)
    _check_controls(decoded.text)
    return decoded


def looks_binary(data: bytes, *, sample: int = 8192) -> bool:
    """Whether the first bytes are binary, not text in any encoding this module reads."""
    head = data[:sample]
    if len(data) > sample and len(head) % 2:
        head = head[:-1]
    try:
        _check_controls(_decode_unchecked(head).text)
    except InputError as error:
        return error.code == BINARY_INPUT
    return False


def _decode_unchecked(data: bytes) -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding)
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        return _decode_strict(data, utf16)
    if b"\x00" in data:
        raise InputError("the input has NUL bytes", code=BINARY_INPUT)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1").translate(_C1_TO_CP1252)
    # Any byte string decodes this way: rule out binary before guessing an encoding.
    _check_controls(text)
    if not _looks_like_mojibake(text):
        return DecodedText(text, "cp1252")
    guess = _guess_legacy_encoding(data)
    if guess is None:
        raise InputError(
            "not UTF-8, and not Western text in Windows-1252; the encoding is unknown",
            code=UNDECODABLE,
        )
    return guess


def _decode_strict(data: bytes, encoding: str) -> DecodedText:
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding} at byte {exc.start}", code=UNDECODABLE) from exc


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:_SNIFF_BYTES]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    high_nul = sample[0::2].count(0) / pairs
    low_nul = sample[1::2].count(0) / pairs
    if low_nul >= 0.9 and high_nul <= 0.1:
        return "utf-16-le"
    if high_nul >= 0.9 and low_nul <= 0.1:
        return "utf-16-be"
    return None


def _check_controls(text: str) -> None:
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError("the input has too many control characters", code=BINARY_INPUT)


def _looks_like_mojibake(text: str) -> bool:
    visible = [char for char in text if not char.isspace()]
    if len(visible) < _MIN_CHARS_FOR_SHARE:
        return False
    non_ascii = sum(1 for char in visible if ord(char) > 0x7F)
    return non_ascii / len(visible) > _MAX_NON_ASCII_SHARE


def _guess_legacy_encoding(data: bytes) -> DecodedText | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it such input is refused, never guessed
        return None
    best = from_bytes(data, cp_isolation=list(_LEGACY_CANDIDATES)).best()
    if best is None:
        return None
    return DecodedText(str(best), best.encoding)
