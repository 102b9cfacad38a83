from __future__ import annotations

import pytest

from sanctionwatch.domain import Modality
from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.law.eventhood import (
    TRIGGER_SCOPES,
    load_event_cues,
    parse_event_cues,
    read_event_text,
)

EXAMPLES = [
    pytest.param(cue.kind, example, min(cue.types, default=None), id=f"{cue.id}-{n}")
    for cue in load_event_cues()
    if cue.scope not in TRIGGER_SCOPES
    for n, example in enumerate(cue.examples)
]


@pytest.mark.parametrize(("kind", "sentence", "claim_type"), EXAMPLES)
def test_eventhood_examples_read_as_their_kind(
    kind: str, sentence: str, claim_type: str | None
) -> None:
    reading = read_event_text(sentence, claim_type=claim_type)
    assert not reading.is_event
    assert reading.kind == kind
    assert reading.reason.startswith(f"a {kind} (")


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality", "kind"),
    [
        pytest.param(
            "Russia may have supplied shells.",
            "supplied",
            Modality.UNCERTAIN,
            "event",
            id="may-have",
        ),
        pytest.param(
            "Russia could have sent shells.", "sent", Modality.UNCERTAIN, "event", id="could-have"
        ),
        pytest.param(
            "Russia might be sending shells.", "sending", Modality.UNCERTAIN, "event", id="might-be"
        ),
        pytest.param(
            "Russia supplied oil, which should worry Seoul.",
            "supplied",
            Modality.FACT,
            "event",
            id="modal-after",
        ),
        pytest.param(
            "Moscow plans to deliver jets.", "deliver", Modality.PLANNED, "event", id="planned"
        ),
        pytest.param(
            "Russia can provide jets.", "provide", Modality.FACT, "forecast", id="capability"
        ),
        pytest.param(
            "Russia should stop selling oil.",
            "selling",
            Modality.FACT,
            "recommendation",
            id="should",
        ),
    ],
)
def test_eventhood_scopes_cues_to_the_trigger(
    sentence: str, trigger: str, modality: Modality, kind: str
) -> None:
    reading = read_event_text(sentence, trigger_offset=sentence.index(trigger), modality=modality)
    assert reading.kind == kind
    assert reading.reason


def test_eventhood_bad_cue_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_event_cues("cues: [{id: x, kind: rumour, pattern: a, reason: r}]")
    assert raised.value.code == "E323"
