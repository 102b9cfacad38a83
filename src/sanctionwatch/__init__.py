"""sanctionwatch: source-grounded monitoring of the UN 1718 sanctions regime.

The public Python API for notebooks and scripts::

    from sanctionwatch import extract_claims
    claims = extract_claims(text, published="2024-02")
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sanctionwatch.domain import Claim, ClaimType, Document, Incident, Modality, Span

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimType",
    "Document",
    "Incident",
    "Modality",
    "Span",
    "__version__",
    "extract_claims",
]


_DOMAIN = {"Claim", "ClaimType", "Document", "Incident", "Modality", "Span"}


def __getattr__(name: str) -> object:
    # Lazy so that importing the package (``__version__``, the CLI) loads neither the
    # domain types nor spaCy until they are used.
    if name == "extract_claims":
        from sanctionwatch.extract import extract_claims

        return extract_claims
    if name in _DOMAIN:
        from sanctionwatch import domain

        return getattr(domain, name)
    raise AttributeError(name)
