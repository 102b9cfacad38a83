"""The lexicons are data: every rule's example sentences fire it, and bad data fails loudly."""

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.extract.lexicon import TriggerRule, compile_triggers, load_lexicon

RULES = load_lexicon().triggers
EXAMPLES = [(rule, example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), EXAMPLES, ids=[f"{r.id}:{i % 2}" for i, (r, _) in enumerate(EXAMPLES)]
)
def test_lexicon_every_example_fires_its_rule(rule: TriggerRule, example: str) -> None:
    assert rule.regex.search(example), f"{rule.id} does not match its example"
    types = {claim.type for claim in extract_claims(example, published="2024-06")}
    assert rule.type in types, f"{rule.id}: no {rule.type.value} claim from {example!r}"


def test_lexicon_every_rule_has_two_examples() -> None:
    assert all(len(rule.examples) >= 2 for rule in RULES)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            {
                "classes": {},
                "rules": [
                    {
                        "id": "a",
                        "type": "trade",
                        "voice": "agent",
                        "pattern": "x",
                        "examples": ["x"],
                    }
                ]
                * 2,
            },
            "E112",
        ),
        (
            {
                "classes": {},
                "rules": [
                    {
                        "id": "a",
                        "type": "trade",
                        "voice": "sideways",
                        "pattern": "x",
                        "examples": ["x"],
                    }
                ],
            },
            "E113",
        ),
        (
            {
                "classes": {},
                "rules": [
                    {
                        "id": "a",
                        "type": "trade",
                        "voice": "agent",
                        "pattern": "{NOPE}",
                        "examples": ["x"],
                    }
                ],
            },
            "E110",
        ),
        (
            {
                "classes": {},
                "rules": [
                    {
                        "id": "a",
                        "type": "trade",
                        "voice": "agent",
                        "pattern": "(",
                        "examples": ["x"],
                    }
                ],
            },
            "E111",
        ),
        (
            {
                "classes": {},
                "rules": [{"id": "a", "type": "trade", "voice": "agent", "pattern": "x"}],
            },
            "E114",
        ),
    ],
    ids=["duplicate-id", "unknown-voice", "unknown-class", "bad-regex", "no-examples"],
)
def test_lexicon_bad_data_fails_with_a_code(data: dict, code: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match=code):
        compile_triggers(data)
