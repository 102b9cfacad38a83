from pathlib import Path

import pytest

from sanctionwatch.resolve.index import MAX_POSTING, POOL, ScreeningIndex, build_index
from sanctionwatch.resolve.lists import ListEntry, ListName, SanctionsList, parse_list
from sanctionwatch.resolve.matcher import Query

DATA = Path(__file__).parent / "data"


def _lists() -> list[SanctionsList]:
    un = parse_list((DATA / "un_small.xml").read_bytes())
    eu = parse_list((DATA / "eu_small.jsonl").read_bytes())
    return [un, eu]


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex(_lists())


def test_index_is_built_on_disk_once_and_reopened(tmp_path: Path) -> None:
    path = build_index(_lists(), tmp_path / "index.sqlite")
    first = ScreeningIndex.open(path)
    again = ScreeningIndex.open(path)
    assert len(first) == len(again) == 12
    assert [info.name for info in first.lists] == ["un_sc", "eu_test"]
    top = again.screen(Query("Person", ("Shoygu Sergey",)))[0]
    assert top.entry.reference == "TRi.001" and top.match


def test_index_links_listings_of_one_designee_across_lists(index: ScreeningIndex) -> None:
    top = index.screen(Query("Person", ("Kim Yong Chol",), birth_dates=("1946",)))[0]
    assert {e.id for e in top.designations} == {"un_sc-TKi.002", "eu_test-eu-1"}
    assert top.confidence == "strong" and "eu_test-eu-1" not in top.homonyms


def test_index_homonyms_are_different_people_not_copies(index: ScreeningIndex) -> None:
    results = [r for r in index.screen(Query("Person", ("김영철",))) if r.match]
    assert len(results) == 2 and all(r.ambiguous for r in results)
    assert results[0].entry.id == "eu_test-eu-1"  # the listing's own Hangul spelling first


def test_index_same_script_disagreement_outweighs_a_transliteration(
    index: ScreeningIndex,
) -> None:
    results = index.screen(Query("Person", ("박도춘",)), limit=5)
    assert results[0].entry.id == "eu_test-eu-3"
    jun = next(r for r in results if r.entry.id == "eu_test-eu-2")
    assert not jun.match and jun.name.candidate == "박도준"


def test_index_vessel_by_imo_and_former_name(index: ScreeningIndex) -> None:
    by_imo = index.screen(Query("Vessel", ("Unknown Star",), identifiers=("IMO 8660313",)))
    assert by_imo[0].entry.id == "eu_test-eu-4" and by_imo[0].match
    by_name = index.screen(Query("Vessel", ("Sun Shine 7",)))
    assert by_name[0].entry.id == "eu_test-eu-4" and by_name[0].match
    assert all(r.entry.schema == "Vessel" for r in by_name)


def test_index_retrieval_is_bounded_by_the_pool() -> None:
    entries = tuple(
        ListEntry(f"big-{i}", "big", str(i), "Person", (ListName(f"Kim Chol {i}"),))
        for i in range(POOL * 3)
    )
    index = ScreeningIndex([SanctionsList("big", "v1", None, "test", "", entries)])
    assert len(index.candidates({"t:kim", "t:chol"})) == POOL
    assert MAX_POSTING >= POOL
    assert index.candidates({"t:nobody"}) == []


def test_index_dataset_filter_keeps_only_that_list(index: ScreeningIndex) -> None:
    results = index.screen(Query("Person", ("Kim Yong Chol",)), datasets={"eu_test"})
    assert results and all(r.entry.list_name == "eu_test" for r in results)
