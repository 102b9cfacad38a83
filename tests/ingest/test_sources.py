import hashlib
import os
import random
from pathlib import Path

import pytest

from sanctionwatch.domain.errors import TOO_LARGE, UNREADABLE
from sanctionwatch.ingest import Failed, RawInput, iter_inputs
from sanctionwatch.ingest.evidence import EVIDENCE_BYTES


def _write(path: Path, data: bytes = b"some words\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _refs(items: list[RawInput | Failed]) -> list[str]:
    return [item.source_ref for item in items]


def test_sources_walks_folders_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "C.txt", "a b.txt"]:
        _write(tmp_path / name)

    items = list(iter_inputs([tmp_path]))

    expected = ["C.txt", "a/b/c.txt", "a/z.txt", "a b.txt", "b.txt"]
    assert _refs(items) == [str(tmp_path / name) for name in expected]
    assert all(isinstance(item, RawInput) and item.data == b"some words\n" for item in items)


def test_sources_keeps_given_order_of_paths(tmp_path: Path) -> None:
    first, second = _write(tmp_path / "z.txt"), _write(tmp_path / "a.txt")

    assert _refs(list(iter_inputs([first, str(second)]))) == [str(first), str(second)]


def test_sources_accepts_a_single_path(tmp_path: Path) -> None:
    path = _write(tmp_path / "one.txt")

    assert _refs(list(iter_inputs(str(path)))) == [str(path)]


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        pytest.param("a.TXT", "txt", id="upper-case"),
        pytest.param("feed.ndjson", "ndjson", id="ndjson"),
        pytest.param("README", "", id="no-extension"),
        pytest.param("report.tar.gz", "gz", id="double-extension"),
    ],
)
def test_sources_format_hint_is_the_extension(tmp_path: Path, name: str, hint: str) -> None:
    (item,) = iter_inputs([_write(tmp_path / name)])

    assert isinstance(item, RawInput)
    assert item.format_hint == hint


def test_sources_skips_hidden_entries_inside_folders(tmp_path: Path) -> None:
    visible = _write(tmp_path / "visible.txt")
    _write(tmp_path / ".hidden.txt")
    _write(tmp_path / ".git" / "config.txt")

    assert _refs(list(iter_inputs([tmp_path]))) == [str(visible)]


def test_sources_reads_a_hidden_file_given_explicitly(tmp_path: Path) -> None:
    hidden = _write(tmp_path / ".notes.txt")

    assert _refs(list(iter_inputs([hidden]))) == [str(hidden)]


def test_sources_symlink_loop_terminates(tmp_path: Path) -> None:
    _write(tmp_path / "top" / "inner" / "a.txt")
    (tmp_path / "top" / "inner" / "back").symlink_to(tmp_path / "top", target_is_directory=True)
    (tmp_path / "top" / "self").symlink_to(".", target_is_directory=True)

    items = list(iter_inputs([tmp_path / "top"]))

    assert _refs(items) == [str(tmp_path / "top" / "inner" / "a.txt")]


def test_sources_file_symlink_cycle_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    good = _write(tmp_path / "c.txt")

    items = list(iter_inputs([tmp_path]))

    assert [(item.source_ref, getattr(item, "code", None)) for item in items] == [
        (str(tmp_path / "a.txt"), UNREADABLE),
        (str(tmp_path / "b.txt"), UNREADABLE),
        (str(good), None),
    ]


def test_sources_non_utf8_file_name_is_read(tmp_path: Path) -> None:
    raw_name = os.path.join(os.fsencode(tmp_path), b"caf\xe9 report.txt")
    with open(raw_name, "wb") as handle:
        handle.write(b"text under an odd name\n")

    (item,) = iter_inputs([tmp_path])

    assert isinstance(item, RawInput)
    assert item.data == b"text under an odd name\n"
    assert item.source_ref == f"{tmp_path}/caf\\xe9 report.txt"
    item.source_ref.encode("utf-8")  # storable as it is
    assert item.path is not None and os.fsencode(item.path) == raw_name


def test_sources_over_size_file_fails_without_reading(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", b"x" * 101)
    small = _write(tmp_path / "small.txt", b"y" * 100)

    items = list(iter_inputs([tmp_path], max_bytes=100))

    assert isinstance(items[0], Failed)
    assert (items[0].source_ref, items[0].code, items[0].raw) == (str(big), TOO_LARGE, b"x" * 101)
    digest = hashlib.sha256(b"x" * 101).hexdigest()
    assert items[0].message == (
        "101 bytes is over the limit of 100; not read; "
        f"quarantine keeps all of it of the file (101 bytes, SHA-256 {digest})"
    )
    assert isinstance(items[1], RawInput) and items[1].source_ref == str(small)


def test_sources_over_size_file_keeps_first_mib_size_and_digest(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(EVIDENCE_BYTES + 12_345)
    big = _write(tmp_path / "big.txt", data)

    (item,) = list(iter_inputs([big], max_bytes=1000))

    assert isinstance(item, Failed) and item.code == TOO_LARGE
    assert item.raw == data[:EVIDENCE_BYTES]
    assert f"the first {EVIDENCE_BYTES:,} bytes" in item.message
    assert f"{len(data):,} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}" in item.message


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda path: None, id="missing"),
        pytest.param(lambda path: path.symlink_to(path.parent / "nowhere"), id="broken-symlink"),
        pytest.param(lambda path: os.mkfifo(path), id="fifo"),
    ],
)
def test_sources_unreadable_path_fails(tmp_path: Path, make: object) -> None:
    path = tmp_path / "thing.txt"
    make(path)  # type: ignore[operator]

    (item,) = iter_inputs([path])

    assert isinstance(item, Failed)
    assert (item.source_ref, item.code, item.raw) == (str(path), UNREADABLE, b"")


def test_sources_order_is_deterministic(tmp_path: Path) -> None:
    for index in range(20):
        _write(tmp_path / f"d{index % 3}" / f"f{(index * 7) % 20}.txt", str(index).encode())

    assert list(iter_inputs([tmp_path])) == list(iter_inputs([tmp_path]))
