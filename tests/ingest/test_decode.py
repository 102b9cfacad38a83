import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.domain.errors import BINARY_INPUT, EMPTY_INPUT, UNDECODABLE, InputError
from sanctionwatch.ingest.decode import decode_bytes, decode_text

CURLY = "The envoy said \u201cno deal\u201d \u2014 it\u2019s over, caf\u00e9 talk aside. \u20ac5m."
ACCENTED = "Le caf\u00e9 \u00e0 Z\u00fcrich co\u00fbte 5 \u00a3, se\u00f1or; \u00e7a va."
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def _random_bytes_without_nul(size: int, *, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 0x100) for _ in range(size))


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        pytest.param(CURLY.encode("utf-8"), CURLY, "utf-8", id="utf8"),
        pytest.param(b"\xef\xbb\xbf" + CURLY.encode("utf-8"), CURLY, "utf-8", id="utf8-bom"),
        pytest.param(CURLY.encode("utf-16"), CURLY, "utf-16-le", id="utf16-bom-le"),
        pytest.param(
            b"\xfe\xff" + CURLY.encode("utf-16-be"), CURLY, "utf-16-be", id="utf16-bom-be"
        ),
        pytest.param(
            b"\xff\xfe\x00\x00" + CURLY.encode("utf-32-le"), CURLY, "utf-32-le", id="utf32-bom"
        ),
        pytest.param(CURLY.encode("utf-16-le"), CURLY, "utf-16-le", id="utf16-no-bom"),
        pytest.param(CURLY.encode("cp1252"), CURLY, "cp1252", id="cp1252-curly-quotes"),
        pytest.param(ACCENTED.encode("latin-1"), ACCENTED, "cp1252", id="latin1"),
    ],
)
def test_decode_known_encodings(data: bytes, expected: str, encoding: str) -> None:
    assert decode_bytes(data) == (expected, encoding)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(
            "북한이 러시아에 포탄을 보냈다고 국방부가 오늘 밝혔다.", "euc-kr", id="euc-kr"
        ),
        pytest.param(
            "Министерство заявило, что снаряды были отправлены по железной дороге.",
            "cp1251",
            id="cp1251",
        ),
    ],
)
def test_decode_legacy_non_latin_encodings(text: str, encoding: str) -> None:
    pytest.importorskip("charset_normalizer")
    assert decode_text(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b" \n\t\r\n  ", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf", id="bom-only"),
        pytest.param(" \n ".encode("utf-16"), id="utf16-whitespace"),
    ],
)
def test_decode_empty_input_fails(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert caught.value.code == EMPTY_INPUT


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(PNG_HEADER + random.Random(7).randbytes(2048), id="png"),
        pytest.param(b"plain words then\x00a NUL byte", id="nul-byte"),
        pytest.param(bytes(range(1, 32)) * 8 + b"abc", id="control-characters"),
        pytest.param(_random_bytes_without_nul(4096, seed=3), id="random-without-nul"),
    ],
)
def test_decode_binary_input_fails(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert caught.value.code == BINARY_INPUT


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(0xA0, 0x100)) * 4, id="mostly-high-bytes"),
        pytest.param(b"\xff\xfe" + b"\x00\xd8" + b"a\x00", id="utf16-lone-surrogate"),
    ],
)
def test_decode_unknown_encoding_fails(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert caught.value.code == UNDECODABLE


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
).filter(lambda text: text.strip() != "" and not text.startswith("\ufeff"))


@settings(database=None, max_examples=200)
@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_decode_round_trips_unicode_text(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text
