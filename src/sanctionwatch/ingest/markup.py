"""HTML fragments (feed summaries) -> plain text, keeping paragraph breaks."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>")
_DROP = re.compile(r"(?is)<\s*(script|style)\b.*?<\s*/\s*\1\s*>")
_TAG = re.compile(r"<[^>]*>")


def markup_to_text(fragment: str) -> str:
    """Tags dropped, block ends turned into newlines, entities decoded."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    text = _DROP.sub(" ", fragment)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub(" ", text)
    return html.unescape(text).strip()
