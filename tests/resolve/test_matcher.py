from pathlib import Path

import pytest

from sanctionwatch.resolve.index import ScreeningIndex
from sanctionwatch.resolve.lists import parse_list
from sanctionwatch.resolve.matcher import Query

FIXTURE = Path(__file__).parent / "data" / "un_small.xml"


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex([parse_list(FIXTURE.read_bytes())])


def test_matcher_shared_korean_name_is_ambiguous_without_second_attribute(
    index: ScreeningIndex,
) -> None:
    results = index.screen(Query("Person", ("김영철",)))
    top = [r for r in results if r.match]
    assert len(top) == 2 and all(r.confidence == "ambiguous" for r in top)
    assert top[0].homonyms


def test_matcher_birth_date_resolves_the_homonyms(index: ScreeningIndex) -> None:
    results = index.screen(Query("Person", ("Kim Yong Chol",), birth_dates=("1946",)))
    assert results[0].entry.reference == "TKi.002" and results[0].confidence == "strong"
    other = next(r for r in results if r.entry.reference == "TKi.001")
    assert not other.match and "dob_conflict" in {f.name for f in other.features}


def test_matcher_nationality_shared_by_homonyms_does_not_resolve_them(
    index: ScreeningIndex,
) -> None:
    results = index.screen(Query("Person", ("Kim Yong Chol",), countries=("kp",)))
    assert [r.confidence for r in results[:2]] == ["ambiguous", "ambiguous"]


@pytest.mark.parametrize("birth", [(), ("1984-01-08",)], ids=["no-dob", "dob"])
def test_matcher_kim_jong_un_is_never_kim_jong_il(
    index: ScreeningIndex, birth: tuple[str, ...]
) -> None:
    results = index.screen(Query("Person", ("Kim Jong Un",), birth_dates=birth))
    assert not any(r.match for r in results)


def test_matcher_conflicting_birth_date_removes_the_match(index: ScreeningIndex) -> None:
    results = index.screen(Query("Person", ("Kim Jong Il",), birth_dates=("1950-01-01",)))
    assert results[0].entry.reference == "TKi.004" and not results[0].match


def test_matcher_passport_number_is_a_strong_feature(index: ScreeningIndex) -> None:
    results = index.screen(Query("Person", ("Kim Yong Chol",), identifiers=("ps123456",)))
    assert results[0].entry.reference == "TKi.001" and results[0].confidence == "strong"


def test_matcher_explains_name_pair_and_transliteration(index: ScreeningIndex) -> None:
    result = index.screen(Query("Person", ("Шойгу Сергей",)))[0]
    feature = result.features[0]
    assert result.match and feature.name == "name_match"
    assert feature.query == "Шойгу Сергей" and feature.candidate == "SHOIGU SERGEI KUZHUGETOVICH"
    assert "icu-latin" in feature.detail


def test_matcher_hangul_organisation_matches_english_name(index: ScreeningIndex) -> None:
    result = index.screen(Query("Organization", ("조선남강무역회사",)))[0]
    assert result.entry.reference == "TKe.001" and result.match
    assert result.name.method == "korean-org"


def test_matcher_person_query_does_not_return_organisations(index: ScreeningIndex) -> None:
    assert all(r.entry.is_person for r in index.screen(Query("Person", ("Namgang",))))
