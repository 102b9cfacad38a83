import pytest

from sanctionwatch.resolve.designees import group_entries, iso_date, name_signature, same_designee
from sanctionwatch.resolve.lists import ListDocument, ListEntry, ListName


def _person(list_name: str, ref: str, name: str, **fields: object) -> ListEntry:
    return ListEntry(f"{list_name}-{ref}", list_name, ref, "Person", (ListName(name),), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            _person("un", "1", "KIM YONG CHOL", birth_dates=("1962-02-18",)),
            _person("eu", "1", "Kim Yong-chol", birth_dates=("1962",)),
            True,
        ),
        (
            _person("un", "1", "KIM YONG CHOL", birth_dates=("1962-02-18",)),
            _person("eu", "2", "KIM Yong Chol", birth_dates=("1946",)),
            False,
        ),
        (
            _person("un", "1", "KIM CHOL NAM", birth_dates=("1970-02-19",)),
            _person("eu", "3", "KIM Chol Nam"),
            False,
        ),
        (
            _person("un", "1", "RI SU YONG", listed_on="2016-03-02"),
            _person("eu", "4", "Ri Su Yong", listed_on="2.3.2016"),
            True,
        ),
        (_person("un", "1", "RI SU YONG"), _person("un", "2", "RI SU YONG"), False),
    ],
    ids=["dob-agrees", "dob-conflicts", "name-only", "same-listing-date", "same-list"],
)
def test_designees_same_designee(a: ListEntry, b: ListEntry, same: bool) -> None:
    assert same_designee(a, b) is same


def test_designees_vessels_link_by_imo_not_name() -> None:
    a = ListEntry("un-v", "un", "v", "Vessel", (ListName("CHON MA SAN"),), documents=(ListDocument("imo", "8660313"),))  # fmt: skip
    b = ListEntry("eu-v", "eu", "v", "Vessel", (ListName("CHON MA SAN"),), documents=(ListDocument("imo", "IMO 8660313"),))  # fmt: skip
    c = ListEntry("uk-v", "uk", "v", "Vessel", (ListName("CHON MA SAN"),), documents=(ListDocument("imo", "9999999"),))  # fmt: skip
    assert group_entries([a, b, c]) == [0, 0, 2]


def test_designees_signature_and_dates() -> None:
    assert name_signature("KIM, Yong-chol") == name_signature("Yong Chol Kim")
    assert iso_date("16.7.2009") == "2009-07-16"
    assert iso_date("2009-07-16T00:00:00") == "2009-07-16"
    assert iso_date("soon") is None


def test_designees_never_two_entries_of_one_list_in_a_group() -> None:
    un_a = _person("un", "1", "RI SU YONG", birth_dates=("1960",))
    eu = _person("eu", "1", "Ri Su Yong", birth_dates=("1960",))
    un_b = _person("un", "2", "RI SU YONG", birth_dates=("1960-05-01",))
    assert group_entries([un_a, eu, un_b]) == [0, 0, 2]
