"""Character spans into a stored document's text: the unit of grounding."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """``text`` is exactly ``document.text[start:end]``; anything else is a bug."""

    start: int
    end: int
    text: str
    document_id: str = ""

    def is_grounded_in(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.text

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, object], *, document_id: str = "") -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), document_id)  # type: ignore[call-overload]


def make_span(text: str, start: int, end: int, *, document_id: str = "") -> Span:
    """The one way spans are built from offsets, so the quoted text can never drift."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"E101: span [{start}, {end}) outside text of length {len(text)}")
    return Span(start, end, text[start:end], document_id)
