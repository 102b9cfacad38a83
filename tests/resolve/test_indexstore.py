from pathlib import Path

from sanctionwatch.resolve.indexstore import current_records, default_list, open_index
from sanctionwatch.resolve.liststore import store_list
from sanctionwatch.resolve.matcher import Query

DATA = Path(__file__).parent / "data"


def test_indexstore_default_is_the_dated_un_snapshot(tmp_path: Path) -> None:
    record, parsed = default_list()
    assert record.list_date == "2024-09-26" and len(parsed.entries) == 155
    assert current_records(tmp_path) == [record]
    index = open_index(tmp_path)
    top = index.screen(Query("Person", ("Pak To Chun",), birth_dates=("1944",)))[0]
    assert top.entry.reference == "KPi.050" and top.match


def test_indexstore_loaded_list_replaces_the_snapshot_and_damage_is_rebuilt(
    tmp_path: Path,
) -> None:
    store_list(tmp_path, (DATA / "un_small.xml").read_bytes(), source="fixture")
    assert [r.entries for r in current_records(tmp_path)] == [7]
    assert len(open_index(tmp_path)) == 7
    (path,) = (tmp_path / "lists" / "index").glob("*.sqlite")
    path.write_bytes(b"not an index")
    assert len(open_index(tmp_path)) == 7
