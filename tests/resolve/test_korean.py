import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.resolve.compare import compare_names
from sanctionwatch.resolve.korean import hangul_syllable, segment_romanised
from sanctionwatch.resolve.korean_names import best_korean_match, read_korean_name
from sanctionwatch.resolve.names import analyse_name


def _score(a: str, b: str) -> float:
    best = best_korean_match(read_korean_name(a), read_korean_name(b))
    return best[0] if best else 0.0


def test_korean_hangul_syllable_decomposes_to_sound_classes() -> None:
    assert hangul_syllable("정").key == ("C", "o", "NG")
    assert hangul_syllable("김").key == ("K", "i", "M")
    assert hangul_syllable("리").key == ("L", "i", "")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("jongun", ["jong", "un"]),
        ("kyongchol", ["kyong", "chol"]),
        ("hapjanggang", ["hap", "jang", "gang"]),
    ],
    ids=["jongun", "kyongchol", "hapjanggang"],
)
def test_korean_segments_run_together_romanisation(word: str, expected: list[str]) -> None:
    readings = [[s.text for s in r] for r in segment_romanised(word)]
    assert expected in readings


def test_korean_segment_rejects_non_korean_words() -> None:
    assert segment_romanised("olaf") == ()


@pytest.mark.parametrize(
    ("hangul", "family", "given"),
    [("김정은", "김", "정은"), ("남궁민수", "남궁", "민수"), ("리 학철", "리", "학철")],
    ids=["unspaced", "compound-family", "spaced"],
)
def test_korean_splits_family_name_from_hangul(hangul: str, family: str, given: str) -> None:
    reading = read_korean_name(hangul)[0]
    assert "".join(s.text for s in reading.family) == family
    assert "".join(s.text for s in reading.given) == given


SAME = [
    ("Kim Jong Un", "김정은"),
    ("Kim Jong-un", "KIM JONG UN"),
    ("Jong Un Kim", "Kim Jong Un"),
    ("KIM, Jong Un", "Kim Jong Un"),
    ("Ri Hak Chol", "Lee Hak Cheol"),
    ("Rhee Hak Chol", "리학철"),
    ("Park Jae Gyong", "Pak Chae-kyong"),
    ("Choi Son Hui", "최선희"),
    ("Chong Song Il", "Jeong Seong Il"),
    ("JO Kyongchol", "조경철"),
    ("DJANG Tcheul Hy", "장철희"),
    ("CHANG MYONGC-HIN", "CHANG MYONG-CHIN"),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a}~{b}" for a, b in SAME])
def test_korean_spellings_of_one_name_match(a: str, b: str) -> None:
    assert _score(a, b) >= 0.8


DIFFERENT = [
    ("Kim Jong Un", "Kim Jong Il"),
    ("Kim Jong Un", "Kim Yo Jong"),
    ("Kim Jong Un", "Kim Jong Nam"),
    ("김정은", "김정일"),
    ("김정은", "김종은"),
    ("Kim Jong Chol", "Kim Jon Chol"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a}~{b}" for a, b in DIFFERENT])
def test_korean_different_given_names_never_match(a: str, b: str) -> None:
    assert _score(a, b) < 0.7


def test_korean_latin_name_without_korean_family_is_not_korean() -> None:
    assert read_korean_name("Olaf Scholz") == ()


@given(st.sampled_from([a for a, _ in SAME] + [b for _, b in SAME]))
def test_korean_a_name_matches_itself(name: str) -> None:
    form = analyse_name(name)
    assert compare_names(form, form).score == pytest.approx(1.0)
