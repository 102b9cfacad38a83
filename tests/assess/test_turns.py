"""Turns of a briefing transcript: who holds the floor at each character. Transcripts are
written for these tests."""

from __future__ import annotations

import pytest

from sanctionwatch.assess.turns import HOST, REPORTER, read_turns, turn_at

BRIEFING = (
    "12:40 P.M. EDT\n\n"
    "MS. ROE:\u00a0 Good afternoon. A few words at the top.\n\n"
    "We have seen North Korea send shells\nto Russia.\n\n"
    "Q\u00a0\u00a0\u00a0 Thanks. Officials in Seoul say Pyongyang sent\n"
    "troops to Russia. Can you confirm that?\n\n"
    "MS. ROE:\u00a0 I cannot.\n\n"
    "QUESTION:  A follow-up.\n\n"
    "SECRETARY DOE:  Briefly.\n"
)


def _role_at(text: str, words: str) -> str | None:
    turn = turn_at(read_turns(text), text.index(words))
    return turn.role if turn is not None else None


@pytest.mark.parametrize(
    ("words", "role"),
    [
        pytest.param("12:40", None, id="before-the-first-label"),
        pytest.param("A few words", HOST, id="host-opening"),
        pytest.param("North Korea send shells", HOST, id="host-turn-over-paragraphs"),
        pytest.param("Officials in Seoul", REPORTER, id="question-first-line"),
        pytest.param("troops to Russia", REPORTER, id="question-wrapped-line"),
        pytest.param("I cannot", HOST, id="answer"),
        pytest.param("A follow-up", REPORTER, id="question-label-word"),
        pytest.param("Briefly", HOST, id="secretary"),
    ],
)
def test_turns_a_claim_is_in_the_turn_it_stands_in(words: str, role: str | None) -> None:
    assert _role_at(BRIEFING, words) == role


def test_turns_labels_are_read_as_written() -> None:
    labels = [(t.label, t.role) for t in read_turns(BRIEFING)]
    assert labels == [
        ("MS. ROE", HOST),
        ("Q", REPORTER),
        ("MS. ROE", HOST),
        ("QUESTION", REPORTER),
        ("SECRETARY DOE", HOST),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ISLAMABAD: Pakistan said North Korea sent shells.\n", id="dateline"),
        pytest.param(
            "WASHINGTON:  The envoy spoke.\n\nNOTE:  Corrected on Monday.\n", id="no-reporter"
        ),
        pytest.param("Q: Is this a quiz?\nA quiz it is.\n", id="no-host"),
    ],
)
def test_turns_only_a_dialogue_has_turns(text: str) -> None:
    assert read_turns(text) == ()


def test_turns_a_wrapped_line_starting_with_q_is_no_label() -> None:
    text = (
        "MR. ROE:  Good afternoon.\n\n"
        "Q  What did you see of the shipments to\nQatar and beyond?\n\n"
        "MR. ROE:  Shells sent by the DPRK, and the\nQ class of vessels was not involved.\n"
    )
    assert [t.label for t in read_turns(text)] == ["MR. ROE", "Q", "MR. ROE"]
    assert _role_at(text, "class of vessels") == HOST
