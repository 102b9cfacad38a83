"""Fixtures for the extraction tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctionwatch import extract_claims
from sanctionwatch.domain import Claim, ClaimType


@pytest.fixture
def only() -> Callable[..., Claim]:
    """The one claim of a type in a text written for the test (fails if there are more)."""

    def pick(text: str, claim_type: ClaimType, *, published: str | None = "2024-03") -> Claim:
        claims = [c for c in extract_claims(text, published=published) if c.type == claim_type]
        assert len(claims) == 1, [(c.type, c.trigger.text) for c in claims]
        return claims[0]

    return pick
