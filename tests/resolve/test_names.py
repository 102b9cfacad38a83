import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.domain.errors import InputError
from sanctionwatch.resolve.compare import compare_names
from sanctionwatch.resolve.names import analyse_name, check_name, fold_token

BAD = [
    ("", "E501"),
    ("   ", "E501"),
    ("x" * 1001, "E502"),
    ("Kim\x00Jong", "E503"),
    ("Kim\u202eJong", "E503"),
    ("Kіm Jong Un", "E504"),  # Cyrillic і inside a Latin word
    ("Kim 김정은", "E504"),
]


@pytest.mark.parametrize(("text", "code"), BAD, ids=[c + ":" + repr(t[:12]) for t, c in BAD])
def test_names_check_rejects_bad_input_with_a_code(text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        check_name(text)
    assert caught.value.code == code


def test_names_check_accepts_cjk_mix_and_strips_zero_width() -> None:
    assert check_name("高市早苗") == "高市早苗"
    assert check_name("mo\u200dhammad") == "mohammad"


@given(st.text(max_size=60))
def test_names_check_is_idempotent(text: str) -> None:
    try:
        once = check_name(text)
    except InputError:
        return
    assert check_name(once) == once


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_names_fold_is_idempotent(token: str) -> None:
    assert fold_token(fold_token(token)) == fold_token(token)


PAIRS = [
    ("Sergei Kuzhugetovich Shoigu", "Shoygu Sergey", True, False),
    ("Шойгу Сергей", "Sergei Shoigu", True, False),
    ("Siemens AG", "Siemens Aktiengesellschaft", True, True),
    ("OAO Gazprom", "Gazprom JSC", True, True),
    ("Sergey Ivanovich Lavrov", "Sergey Viktorovich Lavrov", False, False),
    ("Banco Santander S.A.", "Banco Santander Chile S.A.", False, True),
    ("Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi", False, False),
]


@pytest.mark.parametrize(("a", "b", "same", "org"), PAIRS, ids=[f"{a}~{b}" for a, b, _, _ in PAIRS])
def test_names_compare_generic_pairs(a: str, b: str, same: bool, org: bool) -> None:
    score = compare_names(analyse_name(a, is_org=org), analyse_name(b, is_org=org))
    assert (score.score >= 0.7) is same, score


def test_names_compare_explains_itself() -> None:
    score = compare_names(analyse_name("Шойгу Сергей"), analyse_name("Sergei Shoigu"))
    assert score.transliteration == "icu-latin"
    assert "shoigu" in score.detail and score.method == "tokens"
