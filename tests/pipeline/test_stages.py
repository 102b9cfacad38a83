import pytest

from sanctionwatch.assess.incidents import METHOD
from sanctionwatch.domain import build_document
from sanctionwatch.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION
from sanctionwatch.pipeline import (
    LocalExecutor,
    Stage,
    extract_document,
    get_stage,
    list_stages,
    make_executor,
    register_stage,
)


def test_stages_are_registered_under_the_names_their_output_records() -> None:
    ids = {stage.id for stage in list_stages()}
    assert f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}" in ids
    assert METHOD in ids


def test_stages_extraction_stage_grounds_claims_in_the_stored_text() -> None:
    doc = build_document(
        "North Korea shipped artillery shells to Russia in July.", published="2024-09"
    )
    claims = get_stage(f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}").func(doc)
    assert claims and all(claim.document_id == doc.id for claim in claims)
    assert all(span.is_grounded_in(doc.text) for claim in claims for span in claim.spans())


def test_stages_a_name_cannot_be_taken_twice() -> None:
    with pytest.raises(ValueError, match="E130"):
        register_stage(Stage(EXTRACTOR_NAME, EXTRACTOR_VERSION, lambda doc: []))


def test_stages_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="E131"):
        get_stage("nope@v0")


@pytest.mark.parametrize("workers", [1, 2], ids=["local", "processes"])
def test_stages_executors_map_in_input_order(workers: int) -> None:
    docs = [build_document(f"North Korea shipped {n},000 shells to Russia.") for n in (1, 2, 3)]
    executor = make_executor(workers=workers)
    assert isinstance(executor, LocalExecutor) == (workers == 1)
    results = list(executor.map(extract_document, docs))
    assert [r[0].quantity.low for r in results] == [1000, 2000, 3000]  # type: ignore[union-attr]
