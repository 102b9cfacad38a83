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


# A report's apparatus states no event: captions and pointers ("Table 1 summarises ...",
# "Chapter II gives an overview ...") and reference-list entries ("J. Smith, “Funds
# Stolen in Hack”, Crypto News, 9 June 2024"), whose titles read like claims.
_CAPTION_WORDS = (
    r"(?:Chapter|Table|Figure|Fig\.|Box|Section|Annex|Appendix|Map|Chart|Recommendation)"
    r"\s+(?:\d+|[IVXLC]+)"
)
_CAPTION = re.compile(rf"[\s`_*>#▲►■•-]*{_CAPTION_WORDS}\b")
# A caption on its own line inside a run-together block ("image ... \n▲ Figure 2: ...").
_LINE_CAPTION = re.compile(rf"\n[\s`_*>#▲►■•-]*{_CAPTION_WORDS}\s*:")
_REFERENCE = re.compile(
    r"[\s`_*>#\[\]\d.^-]*(?:[A-Z][\w.'’ -]{1,60},\s+[“\"][^”\"]{5,300}[”\"],"
    r"|(?:Sources?|References?|Notes?|Bibliography|Further reading)\s*:)"
)


# The report describing itself ("The paper provides background on ...", "This chapter
# examines ..."): what it is about, not what happened.
_SELF_DESCRIPTION = re.compile(
    r"[\s`_*>#-]*(?:This|The|Our)\s+(?:paper|report|study|chapter|section|analysis|brief|"
    r"article|commentary|research)\s+(?:also\s+)?(?:provides|examines|explores|focuses|describes|"
    r"analy[sz]es|assesses|considers|outlines|summari[sz]es|discusses|reviews|draws|"
    r"(?:has\s+)?benefit(?:s|ed|ted)|is\s+(?:based|structured|organi[sz]ed))\b"
)


def is_apparatus(sentence: str) -> bool:
    """Whether ``sentence`` (masked text) is a caption, a pointer into the document, a
    reference-list entry or a question ("What is the reaction to Pyongyang supplying
    missiles?" asks; it does not assert) rather than a statement."""
    return (
        _CAPTION.match(sentence) is not None
        or _LINE_CAPTION.search(sentence) is not None
        or _SELF_DESCRIPTION.match(sentence) is not None
        or _REFERENCE.match(sentence) is not None
        or sentence.rstrip(" ”\"’'").endswith("?")
    )
