"""The extractor's id from versions alone is the id the loaded extractor gives itself."""

from __future__ import annotations

import subprocess
import sys

from sanctionwatch.extract import claims, naming
from sanctionwatch.extract.grammar import load_lemmas
from sanctionwatch.extract.lexicon import load_lexicon


def test_naming_extractor_id_agrees_with_the_loaded_extractor() -> None:
    assert naming.extractor_id() == claims.extractor_id()


def test_naming_constants_and_data_versions_agree_with_the_loaded_ones() -> None:
    assert claims.extractor_id().startswith(f"{naming.EXTRACTOR_NAME}@{naming.EXTRACTOR_VERSION}+")
    assert naming.lexicon_version() == load_lexicon().version
    assert naming.lemmas_version() == load_lemmas().version


PROBE = """
import sys
import sanctionwatch.extract
from sanctionwatch.extract.naming import extractor_id
extractor_id()
print(" ".join(sorted(sys.modules)))
"""

HEAVY = ("spacy", "lemminflect", "rigour", "countryinfo", "sanctionwatch.extract.claims")


def test_naming_loads_neither_spacy_nor_the_extractor() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)] == []


def test_naming_package_names_load_on_first_use() -> None:
    import sanctionwatch.extract as extract

    assert extract.extractor_id is claims.extractor_id
    assert extract.EXTRACTOR_VERSION == claims.EXTRACTOR_VERSION
