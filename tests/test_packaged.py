"""Reading one top-level field of a data file gives what parsing the whole file gives."""

from __future__ import annotations

import pytest
import yaml

from sanctionwatch.packaged import load_yaml, load_yaml_field, yaml_field

TEXTS = {
    "int": "# a comment\nversion: 14\nrules:\n  - {id: a}\n",
    "comment after": "version: 7  # bumped for the UN\nstates: {}\n",
    "string": "version: v3\n",
    "quoted": 'version: "4"\n',
    "float": "version: 1.5\n",
    "last line": "rules: []\nversion: 2",
    "nested key is not it": "meta:\n  version: 9\nversion: 3\n",
    "plain scalar goes on": "version: one\n  two\nrules: []\n",
    "goes on after a blank line": "version: one\n\n  two\n",
    "block scalar": "version: |\n  3\n",
    "flow sequence": "version: [1,\n  2]\n",
    "anchor": "version: &v 5\nother: *v\n",
    "written twice": "version: 1\nversion: 2\n",
    "quoted key": '"version": 6\n',
    "value on the next line": "version:\n  8\n",
    "quote goes on": 'version: "a\n  b"\n',
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_packaged_yaml_field_equals_the_whole_parse(text: str) -> None:
    assert yaml_field(text, "version") == yaml.safe_load(text)["version"]


def test_packaged_yaml_field_missing_key_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        yaml_field("rules: []\n", "version")


DATA = [
    ("sanctionwatch.extract", "data/triggers.yaml"),
    ("sanctionwatch.extract", "data/cues.yaml"),
    ("sanctionwatch.extract", "data/lemmas.yaml"),
    ("sanctionwatch.extract", "data/events.yaml"),
    ("sanctionwatch.resolve", "data/actors.yaml"),
]


@pytest.mark.parametrize(("package", "path"), DATA, ids=[path for _, path in DATA])
def test_packaged_data_file_versions_read_alone(package: str, path: str) -> None:
    assert load_yaml_field(package, path, "version") == load_yaml(package, path)["version"]
