"""Mask markup and links without moving a single character.

Corpus text carries markdown links and image tags, bare URLs and emphasis markers. They
are replaced by spaces of the same length, so every offset found in the masked text is an
offset into the original: spans are still cut from the original text and stay grounded.
"""

from __future__ import annotations

import re

# An image's alt text often carries the headline or a caption: keep it, mask the syntax.
_IMAGE_OPEN = re.compile(r"!\[(?=[^\]\n]{0,300}\]\()")
_LINK_TARGET = re.compile(r"\]\((?:https?://|/|#|mailto:)[^)\s]{0,2000}\)")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s)\]>]+")
_EMPHASIS = re.compile(r"(?<![\w*_])(?:\*\*|__|\*|_)(?=\w)|(?<=\w)(?:\*\*|__|\*|_)(?![\w*_])")
_LINK_OPEN = re.compile(r"\[(?=[^\]\n]{1,300}\]\()")


def _blank(match: re.Match[str]) -> str:
    # Keep newlines so sentence and block boundaries do not move.
    return "".join("\n" if ch == "\n" else " " for ch in match.group(0))


def mask_noise(text: str) -> str:
    """``text`` with images, URLs, link targets and emphasis markers blanked out."""
    masked = _IMAGE_OPEN.sub(_blank, text)
    masked = _LINK_OPEN.sub(_blank, masked)
    masked = _LINK_TARGET.sub(_blank, masked)
    masked = _URL.sub(_blank, masked)
    masked = _EMPHASIS.sub(_blank, masked)
    assert len(masked) == len(text)
    return masked
