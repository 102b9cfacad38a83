"""Document text → grounded claims, by rules over a blank spaCy pipeline (no model download).

The names below load on first use (PEP 562), so importing a submodule (the decision model,
the lexicons, :mod:`~sanctionwatch.extract.naming`) does not load spaCy.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sanctionwatch.extract.claims import (
        EXTRACTOR_NAME,
        EXTRACTOR_VERSION,
        extract_claims,
        extractor_id,
    )

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "extract_claims", "extractor_id"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from sanctionwatch.extract import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
