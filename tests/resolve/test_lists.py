import json
from pathlib import Path

import pytest

from sanctionwatch.domain.errors import InputError
from sanctionwatch.resolve.lists import parse_list
from sanctionwatch.resolve.liststore import load_lists, read_manifest, store_list

FIXTURE = Path(__file__).parent / "data" / "un_small.xml"

FTM = "\n".join(
    json.dumps(e)
    for e in [
        {
            "id": "p1",
            "schema": "Person",
            "datasets": ["test_ftm"],
            "last_change": "2030-02-01T00:00:00",
            "properties": {
                "name": ["Choe Son Hui"],
                "alias": ["최선희"],
                "birthDate": ["1964-08-10"],
                "nationality": ["kp"],
                "passportNumber": ["X1"],
            },
        },
        {"id": "a1", "schema": "Address", "properties": {"full": ["Pyongyang"]}},
        {
            "id": "v1",
            "schema": "Vessel",
            "properties": {"name": ["SONG SAN"], "imoNumber": ["IMO1"]},
        },
    ]
)


def test_lists_parse_un_xml_keeps_aliases_dates_documents() -> None:
    parsed = parse_list(FIXTURE.read_bytes())
    assert parsed.version == "2030-01-02T03:04:05.000Z" and parsed.list_date == "2030-01-02"
    first = parsed.entries[0]
    assert first.reference == "TKi.001" and first.nationalities == ("kp",)
    assert [n.quality for n in first.names] == ["primary", "good"]
    assert first.documents[0].number == "PS 123456"
    ri = next(e for e in parsed.entries if e.reference == "TKi.003")
    assert ri.birth_dates == ("1963", "1964", "1965", "1966")
    assert ri.names[1].quality == "low"


def test_lists_parse_ftm_json_lines() -> None:
    parsed = parse_list(FTM.encode())
    assert parsed.name == "test_ftm" and parsed.format == "ftm-json"
    assert [e.schema for e in parsed.entries] == ["Person", "Vessel"]
    assert parsed.entries[0].names[1].name == "최선희"


MALFORMED = [
    (b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", "E505"),
    (b"<OTHER/>", "E505"),
    (b"<CONSOLIDATED_LIST></CONSOLIDATED_LIST>", "E505"),
    (b'{"id": "x", "schema": "Nope", "properties": {}}', "E505"),
    (b'{"id": "x"\n', "E505"),
    (b"name,country\nx,y\n", "E506"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST>&a;</CONSOLIDATED_LIST>', "E505"),
]


@pytest.mark.parametrize(
    ("data", "code"), MALFORMED, ids=[c + str(i) for i, (_, c) in enumerate(MALFORMED)]
)
def test_lists_malformed_file_is_a_clear_error(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_list(data)
    assert caught.value.code == code


def test_lists_store_replaces_atomically_and_records_version(tmp_path: Path) -> None:
    record, _ = store_list(tmp_path, FIXTURE.read_bytes(), source="fixture")
    assert record.version.startswith("2030-01-02") and record.entries == 7
    with pytest.raises(InputError):
        store_list(tmp_path, b"<CONSOLIDATED_LIST><broken", source="bad", name="un_sc")
    manifest = read_manifest(tmp_path)
    assert manifest["un_sc"].sha256 == record.sha256, "a bad file leaves the old list"
    assert len(load_lists(tmp_path)[0][1].entries) == 7
    newer = FIXTURE.read_bytes().replace(b"2030-01-02T03", b"2031-01-02T03")
    second, _ = store_list(tmp_path, newer, source="fixture2")
    assert read_manifest(tmp_path)["un_sc"].version.startswith("2031")
    files = sorted(p.name for p in (tmp_path / "lists" / "un_sc").iterdir())
    assert files == [second.file.split("/")[1]], "the old version file is gone, no temp left"
