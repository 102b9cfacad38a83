"""Document text → grounded claims: trigger lemmas and patterns, the pinned parser's
grammar, and a learned decision (see ARCHITECTURE.md).

The functions below load on first use (PEP 562), so importing a submodule (the decision
model, the lexicons, :mod:`~sanctionwatch.extract.naming`) does not load spaCy.
"""

from typing import TYPE_CHECKING

from sanctionwatch.extract.naming import EXTRACTOR_NAME, EXTRACTOR_VERSION

if TYPE_CHECKING:
    from sanctionwatch.extract.claims import extract_claims, extractor_id

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "extract_claims", "extractor_id"]
_LAZY = {"extract_claims", "extractor_id"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from sanctionwatch.extract import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
